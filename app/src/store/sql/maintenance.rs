//! Pruning expired rows.

use async_trait::async_trait;

use super::Impl;
use crate::store::{DbError, MaintenanceStore, PruneCutoffs, PruneReport};

#[async_trait]
impl MaintenanceStore for Impl {
    #[tracing::instrument(skip_all)]
    async fn prune(&self, c: &PruneCutoffs) -> Result<PruneReport, DbError> {
        let mut tx = self.pool.begin().await?;
        let sessions = sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
            .bind(c.now)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        let throttle_events = sqlx::query("DELETE FROM throttle_events WHERE occurred_at < $1")
            .bind(c.throttle_events_before)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        let password_resets = sqlx::query("DELETE FROM password_resets WHERE expires_at < $1")
            .bind(c.resets_before)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        let attempts =
            sqlx::query("DELETE FROM quiz_attempts WHERE submitted_at IS NULL AND issued_at < $1")
                .bind(c.unsubmitted_attempts_before)
                .execute(&mut *tx)
                .await?
                .rows_affected();
        tx.commit().await?;
        Ok(PruneReport {
            sessions,
            throttle_events,
            password_resets,
            attempts,
        })
    }
}
