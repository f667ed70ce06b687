//! The audit log.

use async_trait::async_trait;

use super::Impl;
use crate::store::{AuditEntry, AuditStore, DbError, Ts};

#[async_trait]
impl AuditStore for Impl {
    #[tracing::instrument(skip_all)]
    async fn audit(
        &self,
        actor_id: Option<i64>,
        action: &str,
        target: &str,
        details: &str,
        now: Ts,
    ) -> Result<(), DbError> {
        sqlx::query(
            "INSERT INTO audit_log (actor_id, action, target, details, created_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(actor_id)
        .bind(action)
        .bind(target)
        .bind(details)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    #[tracing::instrument(skip_all)]
    async fn audit_log(&self, limit: i64) -> Result<Vec<AuditEntry>, DbError> {
        Ok(sqlx::query_as(
            "SELECT a.id, a.actor_id, u.email AS actor_email, a.action, a.target, a.details, a.created_at \
             FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id ORDER BY a.id DESC LIMIT $1",
        )
        .bind(limit)
        .fetch_all(&self.pool)
        .await?)
    }
}
