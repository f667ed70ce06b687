//! Quiz attempts: issued with the quiz form, submitted at most once. Shared SQL for both backends.
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

macro_rules! impl_attempt_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::store::AttemptStore for $store {
            #[tracing::instrument(skip_all)]
            async fn issue_attempt(
                &self,
                a: &$crate::store::NewAttempt,
            ) -> Result<(), $crate::store::DbError> {
                sqlx::query(
                    "INSERT INTO quiz_attempts (id, user_id, quiz_id, revision, shuffle_seed, issued_at) \
                     VALUES ($1, $2, $3, $4, $5, $6)",
                )
                .bind(&a.id)
                .bind(a.user_id)
                .bind(a.quiz_id)
                .bind(a.revision)
                .bind(a.shuffle_seed)
                .bind(a.issued_at)
                .execute(&self.pool)
                .await?;
                Ok(())
            }

            #[tracing::instrument(skip_all)]
            async fn find_attempt(
                &self,
                id: &str,
                user_id: i64,
            ) -> Result<Option<$crate::store::AttemptRow>, $crate::store::DbError> {
                Ok(sqlx::query_as(
                    "SELECT a.id, a.user_id, a.quiz_id, a.revision, a.shuffle_seed, a.issued_at, \
                     a.submitted_at, a.score_percent, a.passed, a.answers, r.pass_percent \
                     FROM quiz_attempts a JOIN quiz_revisions r \
                     ON r.quiz_id = a.quiz_id AND r.revision = a.revision \
                     WHERE a.id = $1 AND a.user_id = $2",
                )
                .bind(id)
                .bind(user_id)
                .fetch_optional(&self.pool)
                .await?)
            }

            #[tracing::instrument(skip_all)]
            async fn submit_attempt(
                &self,
                id: &str,
                user_id: i64,
                s: &$crate::store::AttemptSubmission,
            ) -> Result<bool, $crate::store::DbError> {
                // One statement: the row lock (PostgreSQL) or the write lock (SQLite) decides
                // the race, and every loser sees `submitted_at` already set.
                let result = sqlx::query(
                    "UPDATE quiz_attempts SET submitted_at = $3, answers = $4, score_percent = $5, \
                     passed = $6 WHERE id = $1 AND user_id = $2 AND submitted_at IS NULL",
                )
                .bind(id)
                .bind(user_id)
                .bind(s.submitted_at)
                .bind(&s.answers)
                .bind(s.score_percent)
                .bind(s.passed)
                .execute(&self.pool)
                .await?;
                Ok(result.rows_affected() == 1)
            }

            #[tracing::instrument(skip_all)]
            async fn submitted_attempts(
                &self,
                user_id: i64,
            ) -> Result<Vec<$crate::store::AttemptSummary>, $crate::store::DbError> {
                let mut rows: Vec<$crate::store::AttemptSummary> = sqlx::query_as(
                    "SELECT id, quiz_id, submitted_at, score_percent, passed FROM quiz_attempts \
                     WHERE user_id = $1 AND submitted_at IS NOT NULL",
                )
                .bind(user_id)
                .fetch_all(&self.pool)
                .await?;
                // Sorted here: SQLite compares the stored text, whose fraction digits vary.
                rows.sort_by_key(|row| std::cmp::Reverse(row.submitted_at));
                Ok(rows)
            }
        }
    };
}

pub(crate) use impl_attempt_store;
