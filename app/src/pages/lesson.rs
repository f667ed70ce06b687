//! `/tracks/{track}/{module}/{lesson}`: the lesson text with its table of contents, sources,
//! "Als erledigt markieren" and previous/next across module boundaries. Print styles hide
//! everything but the text and its sources.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::learning::lesson::{lesson_page, MarkLessonDone};
use crate::components::breadcrumbs::Breadcrumbs;
use crate::components::notice::ErrorNotice;
use crate::components::sign_in_required::{require_sign_in, LearnError};
use crate::pages::module::Sources;
use crate::views::learning::{LessonKey, LessonPageView, Link, TocItem};

#[component]
pub fn LessonPage() -> impl IntoView {
    require_sign_in();
    let params = use_params_map();
    let page = Resource::new(
        move || {
            let p = params.read();
            let get = |k| p.get(k).unwrap_or_default();
            (get("track"), get("module"), get("lesson"))
        },
        |(track, module, lesson)| lesson_page(track, module, lesson),
    );
    view! {
        <Suspense fallback=|| view! { <p>"Lektion wird geladen …"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(view) => view! { <LessonView view/> }.into_any(),
                    Err(error) => view! { <Title text="Lektion"/><LearnError error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn LessonView(view: LessonPageView) -> impl IntoView {
    let (pos, count) = view.position;
    view! {
        <Title text=view.title.clone()/>
        <Breadcrumbs trail=vec![view.track, view.module.clone()]/>
        <article class="lesson">
            <header class="lesson__header">
                <p class="lesson__kicker">{format!("Lektion {pos} von {count} · {}", view.module.title)}</p>
                <h1>{view.title}</h1>
                <p class="card__meta">
                    {format!("Lesezeit: etwa {} Minuten · Rechtsstand {}", view.minutes, view.legal_status)}
                </p>
                {view.updated.then_some(view! {
                    <p class="notice" data-testid="updated">"Diese Lektion wurde aktualisiert seit Ihrem letzten Besuch."</p>
                })}
            </header>
            <Toc items=view.toc/>
            <div class="prose lesson__body" inner_html=view.body_html></div>
            <Sources sources=view.sources/>
        </article>
        <MarkDone key=view.key done=view.done/>
        <Pager prev=view.prev next=view.next/>
        <crate::IslandScripts/>
    }
}

#[component]
fn Toc(items: Vec<TocItem>) -> impl IntoView {
    (!items.is_empty()).then(|| view! {
        <nav class="toc" aria-labelledby="inhaltsverzeichnis">
            <h2 id="inhaltsverzeichnis">"Inhalt dieser Lektion"</h2>
            <ol>
                {items.into_iter().map(|i| view! {
                    // rel="external": the browser, not the client router, jumps to the heading.
                    <li class:toc__sub={i.level > 2}><a href=format!("#{}", i.id) rel="external">{i.title}</a></li>
                }).collect_view()}
            </ol>
        </nav>
    })
}

/// Marking stays one button, whose label changes, so keyboard focus stays put; the status line
/// announces the change to screen readers. An island: the only part of a lesson page that runs
/// in the browser (without JavaScript the form posts and the page reloads).
#[island]
fn MarkDone(key: LessonKey, done: bool) -> impl IntoView {
    let hydrated = crate::components::island::hydration_marker();
    let action = ServerAction::<MarkLessonDone>::new();
    let is_done = move || done || matches!(action.value().get(), Some(Ok(())));
    let failed = move || action.value().get().and_then(Result::err);
    view! {
        <section class="lesson-done no-print" aria-label="Lernfortschritt" data-island="mark-done" data-hydrated=hydrated>
            <ActionForm action=action attr:class="inline-form">
                <input type="hidden" name="track" value=key.track/>
                <input type="hidden" name="module" value=key.module/>
                <input type="hidden" name="lesson" value=key.lesson/>
                <button type="submit" class="button" class:button--done=is_done aria-describedby="erledigt-status">
                    {move || if is_done() { "✓ Erledigt" } else { "Als erledigt markieren" }}
                </button>
            </ActionForm>
            <p id="erledigt-status" role="status" class="lesson-done__status">
                {move || is_done().then_some("Diese Lektion ist als erledigt markiert.")}
            </p>
            {move || failed().map(|error| view! { <ErrorNotice error/> })}
        </section>
    }
}

#[component]
fn Pager(prev: Option<Link>, next: Option<Link>) -> impl IntoView {
    view! {
        <nav class="pager no-print" aria-label="Lektionen blättern">
            {prev.map(|l| view! {
                <a class="pager__prev" rel="prev" href=l.href>
                    <span class="pager__label">"Zurück: "</span>{l.title}
                </a>
            })}
            {next.map(|l| view! {
                <a class="pager__next" rel="next" href=l.href>
                    <span class="pager__label">"Weiter: "</span>{l.title}
                </a>
            })}
        </nav>
    }
}
