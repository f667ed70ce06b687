//! `/tracks/{track}/{module}`: the module's lessons and quiz with their completion state.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::learning::overview::module_page;
use crate::components::breadcrumbs::Breadcrumbs;
use crate::components::progress::ProgressBar;
use crate::components::sign_in_required::{require_sign_in, LearnError};
use crate::views::learning::{LessonItemView, ModulePageView, QuizItemView, SourceView};

#[component]
pub fn ModulePage() -> impl IntoView {
    require_sign_in();
    let params = use_params_map();
    let page = Resource::new(
        move || {
            let p = params.read();
            (
                p.get("track").unwrap_or_default(),
                p.get("module").unwrap_or_default(),
            )
        },
        |(track, module)| module_page(track, module),
    );
    view! {
        <Suspense fallback=|| view! { <p>"Modul wird geladen …"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(view) => view! { <ModuleView view/> }.into_any(),
                    Err(error) => view! { <Title text="Modul"/><LearnError error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ModuleView(view: ModulePageView) -> impl IntoView {
    let card = view.card;
    view! {
        <Title text=card.title.clone()/>
        <Breadcrumbs trail=vec![view.track]/>
        <h1>{card.title}</h1>
        <p class="lead">{card.summary}</p>
        <p class="card__meta">{format!("etwa {} Minuten · Rechtsstand {}", card.minutes, card.legal_status)}</p>
        <div data-testid="module-progress"><ProgressBar progress=card.progress/></div>
        <div class="prose" inner_html=view.intro_html></div>
        <h2>"Lektionen"</h2>
        <ol class="steps">
            {view.lessons.into_iter().map(|lesson| view! { <LessonItem lesson/> }).collect_view()}
        </ol>
        {view.quiz.map(|quiz| view! { <QuizItem quiz/> })}
        <Sources sources=view.sources/>
    }
}

#[component]
fn LessonItem(lesson: LessonItemView) -> impl IntoView {
    view! {
        <li class="step" class:step--done=lesson.done>
            <a href=lesson.href>{lesson.title}</a>
            <span class="step__state">{if lesson.done { " ✓ erledigt" } else { " – offen" }}</span>
            {lesson.updated.then_some(view! { <span class="badge">"aktualisiert seit Ihrem letzten Besuch"</span> })}
            <span class="hint">{format!(" · etwa {} Minuten", lesson.minutes)}</span>
        </li>
    }
}

#[component]
fn QuizItem(quiz: QuizItemView) -> impl IntoView {
    let state = match (quiz.passed, quiz.best_percent) {
        (true, Some(best)) => format!("✓ bestanden (bestes Ergebnis {best} %)"),
        (true, None) => "✓ bestanden".to_owned(),
        (false, Some(best)) => format!(
            "noch nicht bestanden – {} Versuche, bestes Ergebnis {best} %",
            quiz.attempts
        ),
        (false, None) => "noch nicht abgelegt".to_owned(),
    };
    view! {
        <h2>"Abschlusstest"</h2>
        <p class="step" class:step--done=quiz.passed data-testid="quiz-state">
            <a href=quiz.href>{quiz.title}</a>
            <span class="step__state">{format!(" – {state}")}</span>
        </p>
        <p class="hint">{format!("Bestanden ab {} % richtiger Antworten.", quiz.pass_percent)}</p>
    }
}

#[component]
pub fn Sources(sources: Vec<SourceView>) -> impl IntoView {
    (!sources.is_empty()).then(|| view! {
        <section class="sources" aria-labelledby="quellen">
            <h2 id="quellen">"Quellen"</h2>
            <ul>
                {sources.into_iter().map(|s| match s.url {
                    Some(url) => view! { <li><a href=url rel="external">{s.title}</a></li> }.into_any(),
                    None => view! { <li>{s.title}</li> }.into_any(),
                }).collect_view()}
            </ul>
        </section>
    })
}
