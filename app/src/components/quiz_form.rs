//! The quiz as one form. With JavaScript `ActionForm` posts it to the server function and the
//! island opens the result page; without, the browser posts the same fields to the same URL
//! and is redirected to the result page. Option values are shown positions, never the authored
//! indices: the form reveals nothing about which option is which.

use leptos::either::EitherOf3;
use leptos::form::ActionForm;
use leptos::prelude::*;

use crate::api::learning::quiz::GradeQuiz;
use crate::views::learning::{choice_field, option_field};
use crate::views::quiz::{QuestionKind, QuestionView, QuizForm};

#[component]
pub fn QuizFormBlock(
    form: QuizForm,
    track: String,
    module: String,
    action: ServerAction<GradeQuiz>,
) -> impl IntoView {
    let count = form.questions.len();
    view! {
        <ActionForm action=action attr:class="quiz">
            <input type="hidden" name="track" value=track/>
            <input type="hidden" name="module" value=module/>
            <input type="hidden" name="attempt" value=form.attempt_id/>
            <p class="hint">{format!("{count} Fragen. Unbeantwortete Fragen zählen als falsch.")}</p>
            <ol class="quiz__questions">
                {form.questions.into_iter().map(|q| view! { <li><Question q/></li> }).collect_view()}
            </ol>
            <button type="submit" class="button" disabled=move || action.pending().get()>
                "Antworten abgeben"
            </button>
        </ActionForm>
    }
}

#[component]
fn Question(q: QuestionView) -> impl IntoView {
    let n = q.number;
    let single_name = format!("answers[{}]", choice_field(n));
    let answers = match q.kind {
        QuestionKind::Single => EitherOf3::A(
            q.options
                .into_iter()
                .enumerate()
                .map(|(p, html)| {
                    let id = format!("q{n}-{p}");
                    view! {
                        <div class="option">
                            <input type="radio" id=id.clone() name=single_name.clone() value=p.to_string()/>
                            <label for=id inner_html=html></label>
                        </div>
                    }
                })
                .collect_view(),
        ),
        QuestionKind::Multiple => EitherOf3::B(view! {
            <p class="hint">"Mehrere Antworten können richtig sein. Wählen Sie alle zutreffenden aus."</p>
            {q.options
                .into_iter()
                .enumerate()
                .map(|(p, html)| {
                    let id = format!("q{n}-{p}");
                    let name = format!("answers[{}]", option_field(n, p));
                    view! {
                        <div class="option">
                            <input type="checkbox" id=id.clone() name=name value="1"/>
                            <label for=id inner_html=html></label>
                        </div>
                    }
                })
                .collect_view()}
        }),
        QuestionKind::Text => {
            let id = format!("q{n}-text");
            EitherOf3::C(view! {
                <div class="field">
                    <label for=id.clone()>"Ihre Antwort"</label>
                    <input type="text" id=id name=single_name autocomplete="off" spellcheck="false"/>
                </div>
            })
        }
    };
    view! {
        <fieldset class="question">
            <legend class="question__prompt">
                <span class="question__number">{format!("Frage {n}: ")}</span>
                <span inner_html=q.prompt_html></span>
            </legend>
            {(!q.details_html.is_empty())
                .then(|| view! { <div class="question__details" inner_html=q.details_html></div> })}
            {answers}
            {(!q.hints.is_empty()).then(|| view! {
                <details class="question__hint">
                    <summary>"Hinweis anzeigen"</summary>
                    {q.hints.into_iter().map(|h| view! { <p inner_html=h></p> }).collect_view()}
                </details>
            })}
        </fieldset>
    }
}
