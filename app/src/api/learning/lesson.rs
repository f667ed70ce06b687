//! Server functions for a lesson: read it (recording the visit) and mark it done.

use leptos::prelude::*;

use crate::error::AppError;
use crate::views::learning::LessonPageView;

#[server(prefix = "/api", endpoint = "/learn/lesson")]
pub async fn lesson_page(
    track: String,
    module: String,
    lesson: String,
) -> Result<LessonPageView, AppError> {
    let (state, user) = crate::api::ssr::signed_in()?;
    crate::service::learning::lesson_page(&state, user, &track, &module, &lesson, state.now()).await
}

/// "Als erledigt markieren". Without JavaScript the form posts here and Leptos redirects back
/// to the lesson.
#[server(prefix = "/api", endpoint = "/learn/lesson_done")]
pub async fn mark_lesson_done(
    track: String,
    module: String,
    lesson: String,
) -> Result<(), AppError> {
    let (state, user) = crate::api::ssr::signed_in()?;
    crate::service::learning::mark_lesson_done(&state, user, &track, &module, &lesson, state.now())
        .await
}
