//! Server functions for a module's quiz: the form (which issues an attempt), the submission
//! (graded only here) and a submitted attempt shown again.

use std::collections::HashMap;

use leptos::prelude::*;

use super::quiz_views::{QuizPageView, QuizResult};
use crate::error::AppError;

/// With `attempt`, that submitted attempt's result; otherwise a new attempt as a form.
#[server(prefix = "/api", endpoint = "/learn/quiz")]
pub async fn quiz_page(
    track: String,
    module: String,
    #[server(default)] attempt: Option<String>,
) -> Result<QuizPageView, AppError> {
    use super::context::Learner;
    use super::quiz_flow;
    let (app, user) = ssr::quiz_taker()?;
    let learner = Learner::load(&app, user).await?;
    let now = chrono::Utc::now();
    match attempt.filter(|a| !a.is_empty()) {
        Some(id) => quiz_flow::show(&app, &learner, &track, &module, &id, now).await,
        None => quiz_flow::start(&app, &learner, &track, &module, now).await,
    }
}

/// Grades an attempt. `answers` holds the `answers[…]` form fields (see
/// `views::choice_field`); a resubmission of the same attempt returns the first result.
/// Without JavaScript the browser is sent on to the result page of the attempt.
#[server(prefix = "/api", endpoint = "/learn/quiz_submit")]
pub async fn submit_quiz(
    track: String,
    module: String,
    attempt: String,
    #[server(default)] answers: HashMap<String, String>,
) -> Result<QuizResult, AppError> {
    let (app, user) = ssr::quiz_taker()?;
    let now = chrono::Utc::now();
    let result =
        super::quiz_flow::submit(&app, user, &track, &module, &attempt, &answers, now).await?;
    if ssr::is_plain_form_post() {
        // Built from stored slugs and the token alphabet only: always a valid header value.
        let target = format!("{}/quiz?versuch={}", result.module.href, result.attempt_id);
        leptos_axum::redirect(&target);
    }
    Ok(result)
}

#[cfg(feature = "ssr")]
mod ssr {
    use crate::auth::session::SessionUser;
    use crate::domain::permissions::{Action, Target};
    use crate::error::AppError;
    use crate::state::AppState;

    pub fn quiz_taker() -> Result<(AppState, SessionUser), AppError> {
        let user = crate::api::session::ssr::authorize(Action::TakeQuizzes, Target::Own)?;
        Ok((crate::api::ssr::state()?, user))
    }

    /// A browser posting the form itself (no JavaScript) asks for HTML; the Leptos client asks
    /// for the serialised result. Only the former needs a redirect to a result page.
    pub fn is_plain_form_post() -> bool {
        leptos::prelude::use_context::<http::request::Parts>()
            .and_then(|parts| parts.headers.get(http::header::ACCEPT).cloned())
            .and_then(|v| v.to_str().map(|s| s.contains("text/html")).ok())
            .unwrap_or(false)
    }
}
