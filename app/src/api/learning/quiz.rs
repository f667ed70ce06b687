//! Server functions for a module's quiz: the form, the submission (graded only on the server)
//! and a submitted attempt shown again.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::error::AppError;
use crate::views::quiz::{QuizPageView, QuizResult};

/// With `attempt`, that submitted attempt's result; otherwise an open attempt as a form.
#[server(prefix = "/api", endpoint = "/learn/quiz")]
pub async fn quiz_page(
    track: String,
    module: String,
    #[server(default)] attempt: Option<String>,
) -> Result<QuizPageView, AppError> {
    let (state, user) = crate::api::ssr::signed_in()?;
    crate::service::learning::quiz_page(
        &state,
        user,
        &track,
        &module,
        attempt.as_deref(),
        state.now(),
    )
    .await
}

/// Grades an attempt. `answers` holds the `answers[…]` form fields (see
/// `views::learning::choice_field`); a resubmission of the same attempt returns the first
/// result. Without JavaScript the browser is sent on to the result page of the attempt.
#[server(prefix = "/api", endpoint = "/learn/quiz_submit")]
pub async fn submit_quiz(
    track: String,
    module: String,
    attempt: String,
    #[server(default)] answers: HashMap<String, String>,
) -> Result<QuizResult, AppError> {
    let (state, user) = crate::api::ssr::signed_in()?;
    let result = crate::service::learning::submit_quiz(
        &state,
        user,
        &track,
        &module,
        &attempt,
        &answers,
        state.now(),
    )
    .await?;
    if ssr::is_plain_form_post() {
        // Built from stored slugs and the token alphabet only: always a valid header value.
        let target = format!("{}/quiz?versuch={}", result.module.href, result.attempt_id);
        leptos_axum::redirect(&target);
    }
    Ok(result)
}

/// The quiz form's submission: grades like [`submit_quiz`] and answers with the address of the
/// attempt's result page. Without JavaScript the browser is redirected there; the quiz island
/// opens it itself. So the browser bundle never decodes (or renders) a result, which keeps the
/// WebAssembly of every first visit small.
#[server(prefix = "/api", endpoint = "/learn/quiz_grade")]
pub async fn grade_quiz(
    track: String,
    module: String,
    attempt: String,
    #[server(default)] answers: HashMap<String, String>,
) -> Result<String, AppError> {
    let (state, user) = crate::api::ssr::signed_in()?;
    let result = crate::service::learning::submit_quiz(
        &state,
        user,
        &track,
        &module,
        &attempt,
        &answers,
        state.now(),
    )
    .await?;
    let target = format!("{}/quiz?versuch={}", result.module.href, result.attempt_id);
    if ssr::is_plain_form_post() {
        leptos_axum::redirect(&target);
    }
    Ok(target)
}

#[cfg(feature = "ssr")]
mod ssr {
    /// A browser posting the form itself (no JavaScript) asks for HTML; the Leptos client asks
    /// for the serialised result. Only the former needs a redirect to a result page.
    pub fn is_plain_form_post() -> bool {
        leptos::prelude::use_context::<http::request::Parts>()
            .and_then(|parts| parts.headers.get(http::header::ACCEPT).cloned())
            .and_then(|v| v.to_str().map(|s| s.contains("text/html")).ok())
            .unwrap_or(false)
    }
}
