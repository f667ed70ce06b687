//! `/tracks/{track}/{module}/quiz`: a fresh attempt as a form, or with `?versuch=<id>` that
//! submitted attempt's result (where the no-JavaScript submission lands). `?neu=` only makes a
//! retry's address differ from the current one, so the client router loads a new attempt.

use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::learning::quiz::{quiz_page, GradeQuiz};
use crate::components::breadcrumbs::Breadcrumbs;
use crate::components::notice::ErrorNotice;
use crate::components::quiz_form::QuizFormBlock;
use crate::components::quiz_result::{AttemptHistory, QuizResultBlock};
use crate::components::sign_in_required::{require_sign_in, LearnError};
use crate::views::quiz::{QuizBody, QuizForm, QuizPageView};

#[component]
pub fn QuizPage() -> impl IntoView {
    require_sign_in();
    let params = use_params_map();
    let query = use_query_map();
    let page = Resource::new(
        move || {
            let (p, q) = (params.read(), query.read());
            let get = |k| p.get(k).unwrap_or_default();
            (get("track"), get("module"), q.get("versuch"), q.get("neu"))
        },
        |(track, module, attempt, _)| quiz_page(track, module, attempt),
    );
    view! {
        <Suspense fallback=|| view! { <p>"Test wird geladen …"</p> }>
            {move || Suspend::new(async move {
                let slugs = {
                    let p = params.read_untracked();
                    (p.get("track").unwrap_or_default(), p.get("module").unwrap_or_default())
                };
                match page.await {
                    Ok(view) => view! { <QuizView view slugs/> }.into_any(),
                    Err(error) => view! { <Title text="Abschlusstest"/><LearnError error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn QuizView(view: QuizPageView, slugs: (String, String)) -> impl IntoView {
    view! {
        <Title text=view.title.clone()/>
        <Breadcrumbs trail=vec![view.track, view.module]/>
        <h1>{view.title}</h1>
        <p class="lead">{format!("Bestanden ab {} % richtiger Antworten. Sie können den Test beliebig oft wiederholen.", view.pass_percent)}</p>
        {match view.body {
            QuizBody::Result(result) => Either::Left(view! { <QuizResultBlock result/> }),
            QuizBody::Form(form) => Either::Right(view! { <Attempt form slugs/><crate::IslandScripts/> }),
        }}
    }
}

/// The form of an open attempt. An island: with JavaScript the answers are graded without
/// leaving the form (errors appear in place) and the browser then opens the result page;
/// without, the form posts and the server redirects there. The result itself is rendered by
/// the server only, so the browser bundle carries no result view.
#[island]
fn Attempt(form: QuizForm, slugs: (String, String)) -> impl IntoView {
    let hydrated = crate::components::island::hydration_marker();
    let action = ServerAction::<GradeQuiz>::new();
    Effect::new(move |_| {
        if let Some(Ok(url)) = action.value().get() {
            // Only our own result path (`/tracks/…`), never an address from elsewhere.
            if url.starts_with("/tracks/") {
                let _ = window().location().assign(&url);
            }
        }
    });
    let failed = move || action.value().get().and_then(Result::err);
    let history = form.history.clone();
    let (track, module) = slugs;
    view! {
        <div data-island="quiz" data-hydrated=hydrated>
            {move || failed().map(|error| view! { <ErrorNotice error/> })}
            <QuizFormBlock form=form.clone() track=track.clone() module=module.clone() action/>
            <AttemptHistory items=history.clone()/>
        </div>
    }
}
