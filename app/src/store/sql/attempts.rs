//! Quiz attempts: issued with the form, submitted at most once (a conditional `UPDATE`).

use async_trait::async_trait;

use super::Impl;
use crate::store::{
    AttemptRow, AttemptStore, AttemptSubmission, AttemptSummary, DbError, NewAttempt, Ts,
};

/// An attempt with the pass mark of the quiz revision it was issued for.
const SELECT_ATTEMPT: &str = "SELECT a.id, a.user_id, a.quiz_id, a.revision, a.shuffle_seed, a.issued_at, \
     a.submitted_at, a.score_percent, a.passed, a.answers, r.pass_percent \
     FROM quiz_attempts a JOIN quiz_revisions r ON r.quiz_id = a.quiz_id AND r.revision = a.revision";

#[async_trait]
impl AttemptStore for Impl {
    #[tracing::instrument(skip_all)]
    async fn issue_attempt(&self, a: &NewAttempt) -> Result<(), DbError> {
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
    async fn open_attempt(
        &self,
        user_id: i64,
        quiz_id: i64,
        revision: i64,
        since: Ts,
    ) -> Result<Option<AttemptRow>, DbError> {
        let sql = format!(
            "{SELECT_ATTEMPT} WHERE a.user_id = $1 AND a.quiz_id = $2 AND a.revision = $3 \
             AND a.submitted_at IS NULL AND a.issued_at > $4 ORDER BY a.issued_at DESC LIMIT 1"
        );
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(user_id)
            .bind(quiz_id)
            .bind(revision)
            .bind(since)
            .fetch_optional(&self.pool)
            .await?)
    }

    #[tracing::instrument(skip_all)]
    async fn find_attempt(&self, id: &str, user_id: i64) -> Result<Option<AttemptRow>, DbError> {
        let sql = format!("{SELECT_ATTEMPT} WHERE a.id = $1 AND a.user_id = $2");
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
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
        s: &AttemptSubmission,
    ) -> Result<bool, DbError> {
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
    async fn submitted_attempts(&self, user_id: i64) -> Result<Vec<AttemptSummary>, DbError> {
        let mut rows: Vec<AttemptSummary> = sqlx::query_as(
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
