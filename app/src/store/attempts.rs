//! Quiz attempts: issued with the quiz form, submitted at most once.
//!
//! The attempt id travels in the form, so a double click, a resubmission or a back-button replay
//! all name the same row; the conditional `UPDATE … WHERE submitted_at IS NULL` lets exactly one
//! of them record answers and score, on SQLite and PostgreSQL alike.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::DbError;

/// A fresh attempt, inserted when the quiz form is rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAttempt {
    pub id: String,
    pub user_id: i64,
    pub quiz_id: i64,
    pub revision: i64,
    /// `u64` seed stored bit-for-bit as `i64` (both backends only have signed integers).
    pub shuffle_seed: i64,
    pub issued_at: DateTime<Utc>,
}

/// One attempt with the pass mark of the quiz revision it was issued for.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AttemptRow {
    pub id: String,
    pub user_id: i64,
    pub quiz_id: i64,
    pub revision: i64,
    pub shuffle_seed: i64,
    pub issued_at: DateTime<Utc>,
    pub submitted_at: Option<DateTime<Utc>>,
    pub score_percent: Option<i64>,
    pub passed: Option<bool>,
    /// JSON list of `grading::Response`, in authored option order.
    pub answers: Option<String>,
    pub pass_percent: i64,
}

/// What a submission records; computed by the caller before the single conditional write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttemptSubmission {
    pub submitted_at: DateTime<Utc>,
    pub answers: String,
    pub score_percent: i64,
    pub passed: bool,
}

/// A submitted attempt, for history, "passed" and "recently completed".
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AttemptSummary {
    pub id: String,
    pub quiz_id: i64,
    pub submitted_at: DateTime<Utc>,
    pub score_percent: i64,
    pub passed: bool,
}

#[async_trait]
pub trait AttemptStore {
    async fn issue_attempt(&self, attempt: &NewAttempt) -> Result<(), DbError>;
    /// The newest unsubmitted attempt of the user at this quiz revision issued after `since`:
    /// showing the form again reuses it instead of writing a row per page view.
    async fn open_attempt(
        &self,
        user_id: i64,
        quiz_id: i64,
        revision: i64,
        since: DateTime<Utc>,
    ) -> Result<Option<AttemptRow>, DbError>;
    /// The attempt if it exists and belongs to `user_id`.
    async fn find_attempt(&self, id: &str, user_id: i64) -> Result<Option<AttemptRow>, DbError>;
    /// Records the submission unless the attempt was submitted before (or is not the user's).
    /// `true` only for the one call that wrote.
    async fn submit_attempt(
        &self,
        id: &str,
        user_id: i64,
        submission: &AttemptSubmission,
    ) -> Result<bool, DbError>;
    /// All submitted attempts of the user, newest first.
    async fn submitted_attempts(&self, user_id: i64) -> Result<Vec<AttemptSummary>, DbError>;
}
