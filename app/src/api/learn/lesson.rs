//! Server functions for a lesson: read it (recording the visit) and mark it done.

use leptos::prelude::*;

use super::views::LessonPageView;
use crate::error::AppError;

/// The lesson at its current revision. Records a `viewed` event, after deciding whether the
/// lesson changed since the previous visit (otherwise this visit would hide the change).
#[server(prefix = "/api", endpoint = "/learn/lesson")]
pub async fn lesson_page(
    track: String,
    module: String,
    lesson: String,
) -> Result<LessonPageView, AppError> {
    use crate::store::ProgressKind;
    let (app, learner) = ssr::learner().await?;
    let (t, m, l) = ssr::find(&learner, &track, &module, &lesson)?;
    let body = app.store.lesson_body(l.id, l.revision).await?;
    let view = super::lesson_build::lesson_page(&learner, t, m, l, body);
    app.store
        .record_progress(
            learner.user.user_id,
            l.id,
            ProgressKind::Viewed,
            l.revision,
            chrono::Utc::now(),
        )
        .await?;
    Ok(view)
}

/// "Als erledigt markieren". Idempotent: the first completion is kept, repeats change nothing.
/// Without JavaScript the form posts here and Leptos redirects back to the lesson.
#[server(prefix = "/api", endpoint = "/learn/lesson_done")]
pub async fn mark_lesson_done(
    track: String,
    module: String,
    lesson: String,
) -> Result<(), AppError> {
    use crate::store::ProgressKind;
    let (app, learner) = ssr::learner().await?;
    let (_, _, l) = ssr::find(&learner, &track, &module, &lesson)?;
    app.store
        .record_progress(
            learner.user.user_id,
            l.id,
            ProgressKind::Completed,
            l.revision,
            chrono::Utc::now(),
        )
        .await?;
    Ok(())
}

#[cfg(feature = "ssr")]
mod ssr {
    use crate::api::learn::context::Learner;
    use crate::domain::permissions::{Action, Target};
    use crate::error::AppError;
    use crate::state::AppState;
    use crate::store::{OutlineLesson, OutlineModule, OutlineTrack};

    pub async fn learner() -> Result<(AppState, Learner), AppError> {
        let user = crate::api::session::ssr::authorize(Action::TakeLessons, Target::Own)?;
        let app = crate::api::ssr::state()?;
        let learner = Learner::load(&app, user).await?;
        Ok((app, learner))
    }

    pub fn find<'a>(
        l: &'a Learner,
        track: &str,
        module: &str,
        lesson: &str,
    ) -> Result<(&'a OutlineTrack, &'a OutlineModule, &'a OutlineLesson), AppError> {
        let (t, m) = l.module(track, module)?;
        let lesson = m
            .lessons
            .iter()
            .find(|x| x.slug == lesson)
            .ok_or_else(|| AppError::NotFound("Die Lektion".into()))?;
        Ok((t, m, lesson))
    }
}
