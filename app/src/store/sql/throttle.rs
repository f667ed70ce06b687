//! Throttle events: read, decide and record under one lock per account.

use async_trait::async_trait;
use sqlx::QueryBuilder;

use super::{dialect, Db, Impl};
use crate::store::{DbError, ThrottleStore, Ts};

#[async_trait]
impl ThrottleStore for Impl {
    #[tracing::instrument(skip_all)]
    async fn throttled_event(
        &self,
        lock_key: &str,
        keys: &[String],
        since: Ts,
        now: Ts,
        decide: &(dyn for<'h> Fn(&'h [Vec<Ts>]) -> bool + Send + Sync),
    ) -> Result<bool, DbError> {
        let mut tx = dialect::begin_locked(&self.pool, lock_key).await?;
        let mut history = Vec::with_capacity(keys.len());
        for key in keys {
            let rows: Vec<(Ts,)> = sqlx::query_as(
                "SELECT occurred_at FROM throttle_events WHERE key = $1 AND occurred_at > $2",
            )
            .bind(key)
            .bind(since)
            .fetch_all(&mut *tx)
            .await?;
            history.push(rows.into_iter().map(|(t,)| t).collect::<Vec<_>>());
        }
        let go_on = decide(&history);
        if !go_on {
            tx.rollback().await?;
            return Ok(false);
        }
        for key in keys {
            sqlx::query("INSERT INTO throttle_events (key, occurred_at) VALUES ($1, $2)")
                .bind(key)
                .bind(now)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    #[tracing::instrument(skip_all)]
    async fn clear_events(&self, key: &str) -> Result<(), DbError> {
        sqlx::query("DELETE FROM throttle_events WHERE key = $1")
            .bind(key)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    #[tracing::instrument(skip_all)]
    async fn forget_event(&self, keys: &[String], at: Ts) -> Result<(), DbError> {
        if keys.is_empty() {
            return Ok(());
        }
        // One event per key: the lowest id recorded at that moment.
        let mut qb = QueryBuilder::<Db>::new(
            "DELETE FROM throttle_events WHERE id IN (SELECT MIN(id) FROM throttle_events WHERE occurred_at = ",
        );
        qb.push_bind(at).push(" AND key IN (");
        let mut list = qb.separated(", ");
        for key in keys {
            list.push_bind(key.clone());
        }
        qb.push(") GROUP BY key)");
        qb.build().execute(&self.pool).await?;
        Ok(())
    }
}
