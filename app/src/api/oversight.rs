//! Read-only views: the audit log, content problems of the last import, and the team page.

use leptos::prelude::*;

use crate::error::AppError;
use crate::views::oversight::{AuditView, ProblemView, TeamOverview};

#[server(prefix = "/api")]
pub async fn audit_entries() -> Result<Vec<AuditView>, AppError> {
    let (state, user) = super::ssr::signed_in()?;
    crate::service::oversight::audit_entries(&state, &user).await
}

#[server(prefix = "/api")]
pub async fn content_problem_list() -> Result<Vec<ProblemView>, AppError> {
    let (state, user) = super::ssr::signed_in()?;
    crate::service::oversight::content_problems(&state, &user).await
}

#[server(prefix = "/api")]
pub async fn my_team() -> Result<TeamOverview, AppError> {
    let (state, user) = super::ssr::signed_in()?;
    crate::service::oversight::team_overview(&state, &user).await
}
