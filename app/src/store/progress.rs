//! Learning progress per user and lesson.

use async_trait::async_trait;

use super::{DbError, Ts};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProgressKind {
    Viewed,
    Completed,
}

impl ProgressKind {
    pub fn key(self) -> &'static str {
        match self {
            ProgressKind::Viewed => "viewed",
            ProgressKind::Completed => "completed",
        }
    }
}

/// One row of `progress_events` for a user.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ProgressRow {
    pub lesson_id: i64,
    pub kind: String,
    pub revision: i64,
    pub occurred_at: Ts,
}

#[async_trait]
pub trait ProgressStore {
    /// Idempotent: `viewed` moves forward to the latest visit, `completed` keeps the first.
    async fn record_progress(
        &self,
        user_id: i64,
        lesson_id: i64,
        kind: ProgressKind,
        revision: i64,
        at: Ts,
    ) -> Result<(), DbError>;
    /// The user's progress rows, newest first.
    async fn progress_of(&self, user_id: i64) -> Result<Vec<ProgressRow>, DbError>;
}
