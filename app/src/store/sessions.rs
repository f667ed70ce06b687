//! Server-side sessions: the cookie carries a random id, the database only its hash.

use async_trait::async_trait;

use super::{DbError, Ts, User};

/// A session row joined with its user, roles and team limits (one query).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRecord {
    pub user: User,
    pub created_at: Ts,
    pub last_seen_at: Ts,
}

#[async_trait]
pub trait SessionStore {
    async fn create_session(
        &self,
        id_hash: &str,
        user_id: i64,
        now: Ts,
        expires_at: Ts,
    ) -> Result<(), DbError>;
    /// The unexpired session with its user (also when deactivated: the caller decides).
    async fn find_session(&self, id_hash: &str, now: Ts) -> Result<Option<SessionRecord>, DbError>;
    async fn touch_session(&self, id_hash: &str, now: Ts, expires_at: Ts) -> Result<(), DbError>;
    async fn delete_session(&self, id_hash: &str) -> Result<(), DbError>;
}
