//! Learning progress per user and lesson. Shared SQL for both backends.

macro_rules! impl_progress_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::store::ProgressStore for $store {
            /// Idempotent: `viewed` moves forward to the latest visit, `completed` keeps the first.
            #[tracing::instrument(skip_all)]
            async fn record_progress(
                &self,
                user_id: i64,
                lesson_id: i64,
                kind: $crate::store::ProgressKind,
                revision: i64,
                at: chrono::DateTime<chrono::Utc>,
            ) -> Result<(), $crate::store::DbError> {
                let sql = match kind {
                    $crate::store::ProgressKind::Viewed => {
                        "INSERT INTO progress_events (user_id, lesson_id, kind, revision, occurred_at) \
                         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (user_id, lesson_id, kind) \
                         DO UPDATE SET revision = excluded.revision, occurred_at = excluded.occurred_at"
                    }
                    $crate::store::ProgressKind::Completed => {
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
            async fn progress_of(
                &self,
                user_id: i64,
            ) -> Result<Vec<$crate::store::ProgressRow>, $crate::store::DbError> {
                Ok(sqlx::query_as(
                    "SELECT lesson_id, kind, revision, occurred_at FROM progress_events \
                     WHERE user_id = $1 ORDER BY occurred_at DESC",
                )
                .bind(user_id)
                .fetch_all(&self.pool)
                .await?)
            }
        }
    };
}

pub(crate) use impl_progress_store;
