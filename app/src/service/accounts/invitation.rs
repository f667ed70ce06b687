//! Accepting an invitation: the link sets the password of a new account once.

use super::{new_password_hash, TokenFlowError};
use crate::auth::token::hash_token;
use crate::domain::invitation::{status, InvitationStatus};
use crate::error::AppError;
use crate::state::AppState;
use crate::store::{InvitationWithAccount, Ts};
use crate::views::accounts::{InvitationDetails, INVALID_LINK};

async fn open_invitation(
    state: &AppState,
    token: &str,
    now: Ts,
) -> Result<Option<InvitationWithAccount>, crate::store::DbError> {
    let found = state.store.find_invitation(&hash_token(token)).await?;
    Ok(found.filter(|f| status(&f.facts, now) == InvitationStatus::Open))
}

/// What the invitation page shows, or `Invalid` for a link that cannot be used.
pub async fn invitation_details(
    state: &AppState,
    token: &str,
    now: Ts,
) -> Result<InvitationDetails, AppError> {
    match open_invitation(state, token, now).await? {
        Some(found) => Ok(InvitationDetails {
            email: found.invitation.email,
            display_name: found.invitation.display_name,
        }),
        None => Err(AppError::Invalid(INVALID_LINK.into())),
    }
}

/// Sets the invitee's password; the link works once, and every other link of that email ends.
pub async fn accept_invitation(
    state: &AppState,
    token: &str,
    password: &str,
    confirmation: &str,
    now: Ts,
) -> Result<(), TokenFlowError> {
    let Some(found) = open_invitation(state, token, now).await? else {
        return Err(TokenFlowError::InvalidLink);
    };
    let invitation = found.invitation;
    let password_hash = new_password_hash(
        state,
        password,
        confirmation,
        &[&invitation.email, &invitation.display_name],
    )
    .await?;
    // The store checks the status again inside its transaction.
    let user_id = state
        .store
        .accept_invitation(&hash_token(token), &password_hash, now)
        .await?;
    state.hot.forget_user(user_id);
    super::super::audit(
        state,
        Some(user_id),
        "invitation.accepted",
        &invitation.email,
        "",
        now,
    )
    .await;
    Ok(())
}
