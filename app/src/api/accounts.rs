//! Who is signed in, and the checks behind the invitation and password-reset pages.

use leptos::prelude::*;

use crate::error::AppError;
use crate::views::accounts::{InvitationDetails, UserInfo};

#[server(prefix = "/api")]
pub async fn current_user() -> Result<Option<UserInfo>, AppError> {
    Ok(super::ssr::session_user().map(|u| UserInfo {
        display_name: u.display_name,
        email: u.email,
        roles: u.roles,
    }))
}

/// Details shown on the invitation page, or `Invalid` for an unknown, used or expired link.
#[server(prefix = "/api")]
pub async fn invitation_info(token: String) -> Result<InvitationDetails, AppError> {
    let state = super::ssr::state()?;
    crate::service::accounts::invitation_details(&state, &token, state.now()).await
}

#[server(prefix = "/api")]
pub async fn reset_link_valid(token: String) -> Result<bool, AppError> {
    let state = super::ssr::state()?;
    crate::service::accounts::reset_link_valid(&state, &token, state.now()).await
}
