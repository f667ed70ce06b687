//! Account use cases behind the sign-in, invitation and password-reset forms.

mod invitation;
mod password_reset;
mod sign_in;

pub use invitation::{accept_invitation, invitation_details};
pub use password_reset::{request_password_reset, reset_link_valid, reset_password};
pub use sign_in::{sign_in, sign_out, SignIn};

use crate::auth::password::{hash_password, verify_password};
use crate::domain::{check_new_password, PasswordProblem};
use crate::state::AppState;
use crate::store::DbError;

#[derive(Debug, PartialEq, Eq)]
pub enum TokenFlowError {
    /// Unknown, used, revoked or expired link.
    InvalidLink,
    Password(PasswordProblem),
    Internal,
}

impl From<DbError> for TokenFlowError {
    fn from(err: DbError) -> Self {
        match err {
            DbError::NotFound => TokenFlowError::InvalidLink,
            other => {
                tracing::error!(error = %other, "token flow failed");
                TokenFlowError::Internal
            }
        }
    }
}

/// Checks and hashes a new password, with at most `HASHING_PERMITS` hashes at a time.
async fn new_password_hash(
    state: &AppState,
    password: &str,
    confirmation: &str,
    context: &[&str],
) -> Result<String, TokenFlowError> {
    if password != confirmation {
        return Err(TokenFlowError::Password(PasswordProblem::Mismatch));
    }
    check_new_password(password, context).map_err(TokenFlowError::Password)?;
    let password = password.to_owned();
    let _permit = state
        .hashing
        .acquire()
        .await
        .map_err(|_| TokenFlowError::Internal)?;
    tokio::task::spawn_blocking(move || hash_password(&password))
        .await
        .map_err(|_| TokenFlowError::Internal)?
        .map_err(|_| TokenFlowError::Internal)
}

/// Verifies a password against a stored hash, bounded like hashing.
async fn verify(state: &AppState, password: &str, hash: String) -> Option<bool> {
    let password = password.to_owned();
    let _permit = state.hashing.acquire().await.ok()?;
    tokio::task::spawn_blocking(move || verify_password(&password, &hash))
        .await
        .ok()
}
