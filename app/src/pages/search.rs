//! `/suche?q=…&seite=…`: search results, 20 per page. A plain GET form, so it works without
//! JavaScript; the header carries the same form on every page.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::search::search;
use crate::components::sign_in_required::{require_sign_in, LearnError};
use crate::views::search::{SearchHitView, SearchOutcome, SearchPageView, TextRun};

#[component]
pub fn SearchPage() -> impl IntoView {
    require_sign_in();
    let query = use_query_map();
    let results = Resource::new(
        move || {
            let q = query.read();
            let page = q.get("seite").and_then(|p| p.parse().ok()).unwrap_or(1);
            (q.get("q").unwrap_or_default(), page)
        },
        |(q, page)| search(q, page),
    );
    view! {
        <Suspense fallback=|| view! { <p>"Suche läuft …"</p> }>
            {move || Suspend::new(async move {
                match results.await {
                    Ok(view) => view! { <SearchView view/> }.into_any(),
                    Err(error) => view! { <Title text="Suche"/><LearnError error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn SearchView(view: SearchPageView) -> impl IntoView {
    let title = if view.query.is_empty() {
        "Suche".to_owned()
    } else {
        format!("Suche: {}", view.query)
    };
    let hint = view! {
        <p class="hint">
            "Tipp: Suchen Sie nach Begriffen wie „Fiktionsbescheinigung“ oder nach einer Vorschrift wie „§ 81a AufenthG“. "
            "Alle zitierten Vorschriften stehen im "<a href="/normen">"Normenverzeichnis"</a>"."
        </p>
    };
    view! {
        <Title text=title/>
        <h1>"Suche"</h1>
        <form class="search-form" role="search" aria-label="Suche in den Lektionen" method="get" action="/suche">
            <label for="suche-seite" class="search-form__label">"Suchbegriff oder Vorschrift"</label>
            <div class="search-form__row">
                <input type="search" id="suche-seite" name="q" value=view.query.clone() autocomplete="off"/>
                <button type="submit" class="button">"Suchen"</button>
            </div>
        </form>
        {view.shortened.then(|| view! {
            <p class="notice">"Ihre Eingabe war sehr lang. Gesucht wurde nach ihrem Anfang."</p>
        })}
        <Outcome view=view.clone()/>
        {hint}
    }
}

#[component]
fn Outcome(view: SearchPageView) -> impl IntoView {
    match view.outcome {
        SearchOutcome::NoQuery => view! {
            <p data-testid="search-empty">"Geben Sie oben ein, was Sie suchen: ein Wort, mehrere Wörter oder eine Vorschrift."</p>
        }
        .into_any(),
        SearchOutcome::NoResults => view! {
            <div class="notice" role="status" data-testid="search-none">
                <p>{format!("Zu „{}“ wurde keine Lektion gefunden.", view.query)}</p>
                <p>"Prüfen Sie die Schreibweise, versuchen Sie weniger oder allgemeinere Wörter (z. B. „Duldung“ statt „Duldungsbescheinigungsverfahren“) oder schlagen Sie die Vorschrift im Normenverzeichnis nach."</p>
            </div>
        }
        .into_any(),
        SearchOutcome::Results | SearchOutcome::SomeWords => view! { <Results view/> }.into_any(),
    }
}

#[component]
fn Results(view: SearchPageView) -> impl IntoView {
    let summary = match (view.total, view.pages) {
        (1, _) => "1 Lektion gefunden".to_owned(),
        (n, 1) => format!("{n} Lektionen gefunden"),
        (n, pages) => format!(
            "{n} Lektionen gefunden · Seite {} von {pages} (Treffer {}–{})",
            view.page, view.first, view.last
        ),
    };
    let start = i32::try_from(view.first).unwrap_or(1);
    view! {
        {(view.outcome == SearchOutcome::SomeWords).then(|| view! {
            <p class="notice" data-testid="search-some-words">"Keine Lektion enthält alle gesuchten Wörter. Diese Lektionen enthalten einige davon:"</p>
        })}
        <p class="search-summary" role="status" data-testid="search-summary">{summary}</p>
        <ol class="search-results" start=start data-testid="search-results">
            {view.hits.into_iter().map(|hit| view! { <Hit hit/> }).collect_view()}
        </ol>
        {(view.pages > 1).then(|| view! {
            <nav class="pager" aria-label="Weitere Suchergebnisse">
                {view.prev_href.map(|href| view! {
                    <a class="pager__prev" rel="prev" href=href><span class="pager__label">"Zurück"</span>"Vorherige Treffer"</a>
                })}
                {view.next_href.map(|href| view! {
                    <a class="pager__next" rel="next" href=href><span class="pager__label">"Weiter"</span>"Nächste Treffer"</a>
                })}
            </nav>
        })}
    }
}

#[component]
fn Hit(hit: SearchHitView) -> impl IntoView {
    view! {
        <li class="search-hit">
            <h2 class="search-hit__title"><a href=hit.href><Runs runs=hit.title/></a></h2>
            <p class="search-hit__crumbs">{hit.breadcrumb}</p>
            <p class="search-hit__snippet"><Runs runs=hit.snippet/></p>
            {(!hit.cites.is_empty()).then(|| view! {
                <p class="search-hit__cites">{format!("Zitiert {}", hit.cites.join(", "))}</p>
            })}
        </li>
    }
}

/// Text with highlighted runs; both are text nodes, so lesson text stays escaped.
#[component]
pub fn Runs(runs: Vec<TextRun>) -> impl IntoView {
    runs.into_iter()
        .map(|run| {
            if run.mark {
                view! { <mark>{run.text}</mark> }.into_any()
            } else {
                run.text.into_any()
            }
        })
        .collect_view()
}
