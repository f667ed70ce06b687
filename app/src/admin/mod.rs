//! Administration use cases: each checks the actor's permission with the one pure
//! `domain::permissions::allowed` function, acts through the store, and writes the audit log.

pub mod invite;
pub mod users;

use crate::api::session::ssr::actor;
use crate::auth::session::SessionUser;
use crate::domain::permissions::{allowed, Action, Target};
use crate::error::AppError;
use crate::state::AppState;
use crate::store::UserRow;

pub(crate) fn require(user: &SessionUser, action: Action, target: Target) -> Result<(), AppError> {
    if allowed(&actor(user), action, target) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

pub(crate) fn user_target(row: &UserRow) -> Target {
    Target::User {
        user_id: row.id,
        organisation_id: row.organisation_id,
        team_id: row.team_id,
        roles_include_admin: row.roles.contains(&crate::domain::Role::Admin),
    }
}

/// Audit failures are logged, not shown: the action itself already happened.
pub(crate) async fn audit(
    state: &AppState,
    user: &SessionUser,
    action: &str,
    target: &str,
    details: &str,
) {
    if let Err(err) = state
        .store
        .audit(Some(user.user_id), action, target, details)
        .await
    {
        tracing::error!(%err, action, "audit log write failed");
    }
}
