//! The graded attempt: score, pass or fail, every question with the learner's answer and the
//! explanation, and the way on (retry, next step). Also the attempt history.

use leptos::html::H2;
use leptos::prelude::*;

use crate::views::quiz::{AttemptItem, GivenAnswer, QuestionOutcome, QuizResult};

/// `focus`: move keyboard focus to the result, for when it replaced the form in place.
#[component]
pub fn QuizResultBlock(result: QuizResult, #[prop(optional)] focus: bool) -> impl IntoView {
    let heading = NodeRef::<H2>::new();
    Effect::new(move |_| {
        if let (true, Some(h)) = (focus, heading.get()) {
            let _ = h.focus();
        }
    });
    let summary = format!(
        "{} von {} Fragen richtig – {} %. Zum Bestehen sind mindestens {} % nötig.",
        result.correct, result.total, result.percent, result.pass_percent
    );
    let verdict = if result.passed {
        "Bestanden"
    } else {
        "Nicht bestanden"
    };
    view! {
        <section class="quiz-result" aria-labelledby="ergebnis" data-testid="quiz-result">
            <h2 id="ergebnis" tabindex="-1" node_ref=heading>{format!("Ergebnis: {verdict}")}</h2>
            <div class="notice" class:notice--success=result.passed class:notice--error=!result.passed>
                <p>{summary}</p>
                <p class="hint">{format!("Abgegeben am {}", result.submitted_at)}</p>
            </div>
            <p class="actions no-print">
                {result.next.clone().filter(|_| result.passed).map(|n| view! {
                    <a class="button" href=n.href>{format!("Weiter: {}", n.title)}</a>
                })}
                <a class="button button--secondary" href=result.retry_href.clone()>"Test erneut ablegen"</a>
                <a href=result.module.href.clone()>{format!("Zurück zum Modul „{}“", result.module.title)}</a>
            </p>
            <h3>"Ihre Antworten"</h3>
            <ol class="outcomes">
                {result.questions.into_iter().map(|o| view! { <Outcome o/> }).collect_view()}
            </ol>
        </section>
        <AttemptHistory items=result.history/>
    }
}

#[component]
fn Outcome(o: QuestionOutcome) -> impl IntoView {
    let verdict = match (&o.given, o.correct) {
        (_, true) => "✓ Richtig",
        (GivenAnswer::Nothing, false) => "✗ Nicht beantwortet",
        (_, false) => "✗ Falsch",
    };
    let given = match o.given {
        GivenAnswer::Nothing => None,
        GivenAnswer::Options(texts) => Some(
            view! { <ul>{texts.into_iter().map(|t| view! { <li inner_html=t></li> }).collect_view()}</ul> }
                .into_any(),
        ),
        // The learner's own text: rendered as text, never as HTML.
        GivenAnswer::Text(text) => Some(view! { <p>{text}</p> }.into_any()),
    };
    view! {
        <li class="outcome" class:outcome--correct=o.correct class:outcome--wrong=!o.correct>
            <p class="outcome__prompt">
                <strong>{format!("Frage {}: ", o.number)}</strong>
                <span inner_html=o.prompt_html></span>
            </p>
            <p class="outcome__verdict">{verdict}</p>
            {given.map(|g| view! { <div class="outcome__given"><p class="hint">"Ihre Antwort:"</p>{g}</div> })}
            {(!o.explanation_html.is_empty()).then(|| view! {
                <div class="outcome__explanation">
                    <p class="hint">"Erklärung:"</p>
                    <div inner_html=o.explanation_html></div>
                </div>
            })}
        </li>
    }
}

#[component]
pub fn AttemptHistory(items: Vec<AttemptItem>) -> impl IntoView {
    (!items.is_empty()).then(|| view! {
        <section class="attempts" aria-labelledby="versuche">
            <h2 id="versuche">"Ihre bisherigen Versuche"</h2>
            <div class="table-scroll">
                <table>
                    <thead>
                        <tr><th scope="col">"Versuch"</th><th scope="col">"Abgegeben"</th><th scope="col">"Ergebnis"</th></tr>
                    </thead>
                    <tbody>
                        {items.into_iter().map(|a| view! {
                            <tr>
                                <td>{a.number}</td>
                                <td>{a.submitted_at}</td>
                                <td>{format!("{} % – {}", a.percent, if a.passed { "bestanden" } else { "nicht bestanden" })}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    })
}
