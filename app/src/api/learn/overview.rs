//! Server functions for the overviews: dashboard, all tracks, one track, one module.

use leptos::prelude::*;

use super::views::{DashboardView, ModulePageView, TrackCardView, TrackPageView};
use crate::error::AppError;

/// "Mein Lernstand" for a signed-in learner; `None` for anonymous visitors (they get the public
/// start page instead of an error).
#[server(prefix = "/api", endpoint = "/learn/dashboard")]
pub async fn dashboard() -> Result<Option<DashboardView>, AppError> {
    use crate::domain::permissions::{Action, Target};
    if crate::api::session::ssr::session_user().is_none() {
        return Ok(None);
    }
    let user = crate::api::session::ssr::authorize(Action::ViewOwnProgress, Target::Own)?;
    let app = crate::api::ssr::state()?;
    let who = crate::store::Assignee {
        user_id: user.user_id,
        organisation_id: user.organisation_id,
        team_id: user.team_id,
    };
    let (learner, assigned) = tokio::try_join!(super::context::Learner::load(&app, user), async {
        app.store.assigned_tracks(who).await.map_err(AppError::from)
    },)?;
    Ok(Some(super::dashboard_build::dashboard(&learner, &assigned)))
}

#[server(prefix = "/api", endpoint = "/learn/tracks")]
pub async fn tracks_overview() -> Result<Vec<TrackCardView>, AppError> {
    let learner = ssr::learner().await?;
    Ok(learner
        .outline
        .tracks
        .iter()
        .map(|t| super::cards::track_card(&learner, t, None))
        .collect())
}

#[server(prefix = "/api", endpoint = "/learn/track")]
pub async fn track_page(track: String) -> Result<TrackPageView, AppError> {
    let learner = ssr::learner().await?;
    let t = learner.track(&track)?;
    Ok(TrackPageView {
        card: super::cards::track_card(&learner, t, None),
        intro_html: t.intro_html.clone(),
    })
}

#[server(prefix = "/api", endpoint = "/learn/module")]
pub async fn module_page(track: String, module: String) -> Result<ModulePageView, AppError> {
    let learner = ssr::learner().await?;
    let (t, m) = learner.module(&track, &module)?;
    Ok(super::cards::module_page(&learner, t, m))
}

#[cfg(feature = "ssr")]
mod ssr {
    use crate::api::learn::context::Learner;
    use crate::domain::permissions::{Action, Target};
    use crate::error::AppError;

    /// The signed-in learner allowed to see the course, with everything loaded.
    pub async fn learner() -> Result<Learner, AppError> {
        let user = crate::api::session::ssr::authorize(Action::ViewCourse, Target::Own)?;
        let app = crate::api::ssr::state()?;
        Learner::load(&app, user).await
    }
}
