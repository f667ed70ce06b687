//! Password-reset links (only their hashes are stored).

use async_trait::async_trait;

use super::{DbError, NewMail, Ts};

/// The newest reset link of an account that still works.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct OpenReset {
    pub token_hash: String,
    pub expires_at: Ts,
    pub created_at: Ts,
}

#[async_trait]
pub trait PasswordResetStore {
    /// Stores the link and queues its mail in one transaction.
    async fn create_password_reset(
        &self,
        token_hash: &str,
        user_id: i64,
        expires_at: Ts,
        mail: &NewMail,
        now: Ts,
    ) -> Result<(), DbError>;
    /// The newest unused, unexpired link of the user, if any.
    async fn open_password_reset(
        &self,
        user_id: i64,
        now: Ts,
    ) -> Result<Option<OpenReset>, DbError>;
    async fn password_reset_valid(&self, token_hash: &str, now: Ts) -> Result<bool, DbError>;
    /// Uses the link once: sets the password, ends every session and invalidates every other
    /// reset link of the user. `NotFound` when the link is unknown, used, expired or the
    /// account is deactivated.
    async fn consume_password_reset(
        &self,
        token_hash: &str,
        password_hash: &str,
        now: Ts,
    ) -> Result<i64, DbError>;
}
