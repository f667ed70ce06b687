//! `/tracks/{track}/{module}/quiz`: a fresh attempt as a form, or with `?versuch=<id>` that
//! submitted attempt's result (where the no-JavaScript submission lands). `?neu=` only makes a
//! retry's address differ from the current one, so the client router loads a new attempt.

use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::learning::quiz::{quiz_page, SubmitQuiz};
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

/// The form until this attempt is graded, then its result in the same place. An island: with
/// JavaScript the submission is graded in place; without, the form posts and the browser is
/// sent to the result page.
#[island]
fn Attempt(form: QuizForm, slugs: (String, String)) -> impl IntoView {
    let hydrated = crate::components::island::hydration_marker();
    let action = ServerAction::<SubmitQuiz>::new();
    let attempt = form.attempt_id.clone();
    // A memo, so a failed submission does not re-render (and empty) the filled-in form.
    let graded = Memo::new(move |_| {
        action
            .value()
            .get()
            .and_then(Result::ok)
            .filter(|r| r.attempt_id == attempt)
    });
    let failed = move || action.value().get().and_then(Result::err);
    let history = form.history.clone();
    let (track, module) = slugs;
    view! {
        <div data-island="quiz" data-hydrated=hydrated>
        {move || failed().map(|error| view! { <ErrorNotice error/> })}
        {move || match graded.get() {
            Some(result) => Either::Left(view! { <QuizResultBlock result focus=true/> }),
            None => Either::Right(view! {
                <QuizFormBlock form=form.clone() track=track.clone() module=module.clone() action/>
                <AttemptHistory items=history.clone()/>
            }),
        }}
        </div>
    }
}
