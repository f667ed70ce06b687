//! Learning progress per user and lesson.

use async_trait::async_trait;

use super::Impl;
use crate::store::{DbError, ProgressKind, ProgressRow, ProgressStore, Ts};

#[async_trait]
impl ProgressStore for Impl {
    #[tracing::instrument(skip_all)]
    async fn record_progress(
        &self,
        user_id: i64,
        lesson_id: i64,
        kind: ProgressKind,
        revision: i64,
        at: Ts,
    ) -> Result<(), DbError> {
        let sql = match kind {
            ProgressKind::Viewed => {
                "INSERT INTO progress_events (user_id, lesson_id, kind, revision, occurred_at) \
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT (user_id, lesson_id, kind) \
                 DO UPDATE SET revision = excluded.revision, occurred_at = excluded.occurred_at"
            }
            ProgressKind::Completed => {
                "INSERT INTO progress_events (user_id, lesson_id, kind, revision, occurred_at) \
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT (user_id, lesson_id, kind) DO NOTHING"
            }
        };
        sqlx::query(sql)
            .bind(user_id)
            .bind(lesson_id)
            .bind(kind.key())
            .bind(revision)
            .bind(at)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    #[tracing::instrument(skip_all)]
    async fn progress_of(&self, user_id: i64) -> Result<Vec<ProgressRow>, DbError> {
        Ok(sqlx::query_as(
            "SELECT lesson_id, kind, revision, occurred_at FROM progress_events \
             WHERE user_id = $1 ORDER BY occurred_at DESC",
        )
        .bind(user_id)
        .fetch_all(&self.pool)
        .await?)
    }
}
