//! Looking things up again: full-text search over the published lessons and the
//! Normenverzeichnis (every norm the lessons cite, with the citing lessons). Signed-in users
//! with access to the course; both read the shared in-memory index of the current content.

use std::sync::Arc;

use crate::auth::session::SessionUser;
use crate::domain::norm::Norm;
use crate::domain::permissions::{Action, Target};
use crate::domain::search_query::{self, SearchQuery, PAGE_SIZE};
use crate::error::AppError;
use crate::search::{Hit, IndexedLesson, Marked, SearchIndex};
use crate::service::require;
use crate::state::AppState;
use crate::views::learning::Link;
use crate::views::search::{
    CitingLessonView, LawGroupView, NormDirectoryView, NormItemView, NormPageView, SearchHitView,
    SearchOutcome, SearchPageView, TextRun,
};

async fn index(state: &AppState, user: &SessionUser) -> Result<Arc<SearchIndex>, AppError> {
    require(user, Action::ViewCourse, Target::Own)?;
    state
        .search
        .index(&state.store, &state.content)
        .await
        .map_err(|err| {
            tracing::error!(%err, "search index unavailable");
            AppError::Internal
        })
}

/// `/suche?q=…&seite=…`: never an error for any input, only for a broken index.
pub async fn search(
    state: &AppState,
    user: SessionUser,
    raw: &str,
    page: usize,
) -> Result<SearchPageView, AppError> {
    let index = index(state, &user).await?;
    let query = search_query::parse(raw);
    let shown: String = raw
        .chars()
        .take(search_query::MAX_QUERY_CHARS)
        .collect::<String>()
        .trim()
        .to_owned();
    let mut view = SearchPageView {
        query: shown,
        outcome: SearchOutcome::NoQuery,
        shortened: query.shortened,
        hits: Vec::new(),
        total: 0,
        page: 1,
        pages: 0,
        first: 0,
        last: 0,
        prev_href: None,
        next_href: None,
    };
    if query.is_empty() {
        return Ok(view);
    }
    let page = page.max(1);
    let run = |page: usize| {
        index
            .search(&query, (page - 1) * PAGE_SIZE, PAGE_SIZE)
            .map_err(|err| {
                tracing::error!(%err, "search failed");
                AppError::Internal
            })
    };
    let mut hits = run(page)?;
    let pages = hits.total.div_ceil(PAGE_SIZE);
    let page = if page > pages && pages > 0 {
        // A page past the end (an old bookmark): the last one.
        hits = run(pages)?;
        pages
    } else {
        page
    };
    view.outcome = match (hits.total, hits.partial) {
        (0, _) => SearchOutcome::NoResults,
        (_, true) => SearchOutcome::SomeWords,
        _ => SearchOutcome::Results,
    };
    view.total = hits.total;
    view.page = page;
    view.pages = pages;
    view.first = if hits.hits.is_empty() {
        0
    } else {
        (page - 1) * PAGE_SIZE + 1
    };
    view.last = (page - 1) * PAGE_SIZE + hits.hits.len();
    view.prev_href = (page > 1).then(|| search_query::search_href(&view.query, page - 1));
    view.next_href = (page < pages).then(|| search_query::search_href(&view.query, page + 1));
    view.hits = hits
        .hits
        .iter()
        .filter_map(|hit| hit_view(&index, &query, hit))
        .collect();
    Ok(view)
}

fn hit_view(index: &SearchIndex, query: &SearchQuery, hit: &Hit) -> Option<SearchHitView> {
    let lesson = index.lessons.get(hit.lesson)?;
    let cites = lesson
        .norms
        .iter()
        .filter(|norm| {
            query
                .norms
                .iter()
                .any(|q| q.paragraph == norm.paragraph && q.law.is_none_or(|law| law == norm.law))
        })
        .map(Norm::label)
        .collect();
    Some(SearchHitView {
        href: lesson.href.clone(),
        title: runs(&hit.title),
        breadcrumb: breadcrumb(lesson),
        snippet: runs(&hit.snippet),
        cites,
    })
}

fn breadcrumb(lesson: &IndexedLesson) -> String {
    format!("{} › {}", lesson.track_title, lesson.module_title)
}

/// Highlighted ranges as runs of text; line breaks between blocks become spaces.
fn runs(marked: &Marked) -> Vec<TextRun> {
    let mut out = Vec::new();
    let mut push = |text: &str, mark: bool| {
        let text = text.replace('\n', " ");
        if !text.is_empty() {
            out.push(TextRun { text, mark });
        }
    };
    if marked.cut_before {
        push("… ", false);
    }
    let mut at = 0;
    for range in &marked.marks {
        let (Some(before), Some(inside)) = (
            marked.text.get(at..range.start),
            marked.text.get(range.clone()),
        ) else {
            continue;
        };
        push(before, false);
        push(inside, true);
        at = range.end;
    }
    push(marked.text.get(at..).unwrap_or(""), false);
    if marked.cut_after {
        push(" …", false);
    }
    out
}

/// `/normen`: every cited norm, grouped by law in the order of `Law::ALL`, paragraphs in
/// natural order.
pub async fn norm_directory(
    state: &AppState,
    user: SessionUser,
) -> Result<NormDirectoryView, AppError> {
    let index = index(state, &user).await?;
    let mut laws: Vec<LawGroupView> = Vec::new();
    for (norm, citing) in &index.norms {
        let item = NormItemView {
            label: norm.label(),
            href: norm.href(),
            url: norm.url(),
            lessons: citing
                .iter()
                .filter_map(|c| index.lessons.get(c.lesson))
                .map(link)
                .collect(),
        };
        match laws.last_mut() {
            Some(group) if group.law == norm.law.name() => group.norms.push(item),
            _ => laws.push(LawGroupView {
                law: norm.law.name().to_owned(),
                anchor: norm.law.key().to_owned(),
                norms: vec![item],
            }),
        }
    }
    Ok(NormDirectoryView {
        laws,
        norm_count: index.norms.len(),
    })
}

/// `/normen/{law}/{paragraph}`: one norm, its citing lessons and the sentence of each citation.
pub async fn norm_page(
    state: &AppState,
    user: SessionUser,
    law: &str,
    paragraph: &str,
) -> Result<NormPageView, AppError> {
    let index = index(state, &user).await?;
    let not_found = || AppError::NotFound("Die Vorschrift".into());
    let norm = Norm::from_path(law, paragraph).ok_or_else(not_found)?;
    let citing = index.norms.get(&norm).ok_or_else(not_found)?;
    Ok(NormPageView {
        label: norm.label(),
        law: norm.law.name().to_owned(),
        url: norm.url(),
        citing: citing
            .iter()
            .filter_map(|c| {
                let lesson = index.lessons.get(c.lesson)?;
                Some(CitingLessonView {
                    lesson: link(lesson),
                    breadcrumb: breadcrumb(lesson),
                    sentences: c.sentences.clone(),
                })
            })
            .collect(),
    })
}

fn link(lesson: &IndexedLesson) -> Link {
    Link {
        href: lesson.href.clone(),
        title: lesson.title.clone(),
    }
}
