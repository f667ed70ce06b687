//! Builds the lesson page: body, table of contents and previous/next across module boundaries.

use super::cards::sources;
use super::context::{lesson_ref, Learner};
use crate::domain::progress::{updated_since_last_visit, Step};
use crate::domain::time::date_de;
use crate::store::{LessonBody, OutlineLesson, OutlineModule, OutlineTrack};
use crate::views::learning::*;

/// Shorter lessons read fine without a table of contents.
const TOC_MIN_HEADINGS: usize = 3;

pub fn lesson_page(
    l: &Learner,
    t: &OutlineTrack,
    m: &OutlineModule,
    lesson: &OutlineLesson,
    body: &LessonBody,
) -> LessonPageView {
    let (prev, next) = neighbours(t, Step::Lesson(lesson.id));
    let position = m
        .lessons
        .iter()
        .position(|x| x.id == lesson.id)
        .unwrap_or(0)
        + 1;
    LessonPageView {
        key: LessonKey {
            track: t.slug.clone(),
            module: m.slug.clone(),
            lesson: lesson.slug.clone(),
        },
        track: Link {
            href: track_href(&t.slug),
            title: t.title.clone(),
        },
        module: Link {
            href: module_href(&t.slug, &m.slug),
            title: m.title.clone(),
        },
        title: body.title.clone(),
        minutes: body.minutes,
        legal_status: date_de(m.legal_status),
        position: (position, m.lessons.len()),
        toc: toc(&body.toc),
        body_html: body.body_html.clone(),
        done: l.state.completed.contains(&lesson.id),
        updated: updated_since_last_visit(&lesson_ref(lesson), &l.state),
        prev,
        next,
        sources: sources(m),
    }
}

/// The steps before and after `step` in the track: each module's lessons, then its quiz.
pub fn neighbours(t: &OutlineTrack, step: Step) -> (Option<Link>, Option<Link>) {
    let steps: Vec<(Step, Link)> = t
        .modules
        .iter()
        .flat_map(|m| {
            let lessons = m.lessons.iter().map(|l| {
                let href = lesson_href(&t.slug, &m.slug, &l.slug);
                (
                    Step::Lesson(l.id),
                    Link {
                        href,
                        title: l.title.clone(),
                    },
                )
            });
            let quiz = m.quiz.as_ref().map(|q| {
                let href = quiz_href(&t.slug, &m.slug);
                (
                    Step::Quiz(q.id),
                    Link {
                        href,
                        title: q.title.clone(),
                    },
                )
            });
            lessons.chain(quiz)
        })
        .collect();
    let Some(pos) = steps.iter().position(|(s, _)| *s == step) else {
        return (None, None);
    };
    let prev = pos
        .checked_sub(1)
        .and_then(|i| steps.get(i))
        .map(|(_, l)| l.clone());
    let next = steps.get(pos + 1).map(|(_, l)| l.clone());
    (prev, next)
}

/// The stored table of contents; a broken one costs the reader only the list, not the lesson.
fn toc(json: &str) -> Vec<TocItem> {
    let entries: Vec<crate::content::TocEntry> = serde_json::from_str(json).unwrap_or_else(|err| {
        tracing::warn!(%err, "unreadable table of contents");
        Vec::new()
    });
    if entries.len() < TOC_MIN_HEADINGS {
        return Vec::new();
    }
    entries
        .into_iter()
        .map(|e| TocItem {
            level: e.level,
            id: e.id,
            title: e.title,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_or_broken_tables_of_contents_are_left_out() {
        assert!(toc("not json").is_empty());
        let two = r#"[{"level":2,"id":"a","title":"A"},{"level":2,"id":"b","title":"B"}]"#;
        assert!(toc(two).is_empty());
        let three = r#"[{"level":2,"id":"a","title":"A"},{"level":3,"id":"b","title":"B"},{"level":2,"id":"c","title":"C"}]"#;
        assert_eq!(toc(three).len(), 3);
        assert_eq!(toc(three)[1].level, 3);
    }
}
