//! Learning tracks as listed on the start page.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrackCard {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub module_count: i64,
    pub minutes: i64,
}

#[server(prefix = "/api")]
pub async fn list_tracks() -> Result<Vec<TrackCard>, AppError> {
    let state = super::ssr::state()?;
    let tracks = state.store.list_tracks().await?;
    Ok(tracks
        .into_iter()
        .map(|t| TrackCard {
            slug: t.slug,
            title: t.title,
            summary: t.summary,
            module_count: t.module_count,
            minutes: t.minutes,
        })
        .collect())
}
