//! Server functions for the overviews: dashboard, all tracks, one track, one module.

use leptos::prelude::*;

use crate::error::AppError;
use crate::views::learning::{
    DashboardView, ModulePageView, PublicTrackCard, TrackCardView, TrackPageView,
};

/// "Mein Lernstand" for a signed-in learner; `None` for anonymous visitors (they get the public
/// start page instead of an error).
#[server(prefix = "/api", endpoint = "/learn/dashboard")]
pub async fn dashboard() -> Result<Option<DashboardView>, AppError> {
    let Some(user) = crate::api::ssr::session_user() else {
        return Ok(None);
    };
    let state = crate::api::ssr::state()?;
    crate::service::learning::dashboard(&state, user)
        .await
        .map(Some)
}

/// The tracks as the public start page lists them (no sign-in needed).
#[server(prefix = "/api")]
pub async fn list_tracks() -> Result<Vec<PublicTrackCard>, AppError> {
    let state = crate::api::ssr::state()?;
    crate::service::learning::public_tracks(&state).await
}

#[server(prefix = "/api", endpoint = "/learn/tracks")]
pub async fn tracks_overview() -> Result<Vec<TrackCardView>, AppError> {
    let (state, user) = crate::api::ssr::signed_in()?;
    crate::service::learning::tracks_overview(&state, user).await
}

#[server(prefix = "/api", endpoint = "/learn/track")]
pub async fn track_page(track: String) -> Result<TrackPageView, AppError> {
    let (state, user) = crate::api::ssr::signed_in()?;
    crate::service::learning::track_page(&state, user, &track).await
}

#[server(prefix = "/api", endpoint = "/learn/module")]
pub async fn module_page(track: String, module: String) -> Result<ModulePageView, AppError> {
    let (state, user) = crate::api::ssr::signed_in()?;
    crate::service::learning::module_page(&state, user, &track, &module).await
}
