//! The audit log: who did what to whom, and when.

use async_trait::async_trait;

use super::{DbError, Ts};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AuditEntry {
    pub id: i64,
    pub actor_id: Option<i64>,
    pub actor_email: Option<String>,
    pub action: String,
    pub target: String,
    pub details: String,
    pub created_at: Ts,
}

#[async_trait]
pub trait AuditStore {
    async fn audit(
        &self,
        actor_id: Option<i64>,
        action: &str,
        target: &str,
        details: &str,
        now: Ts,
    ) -> Result<(), DbError>;
    async fn audit_log(&self, limit: i64) -> Result<Vec<AuditEntry>, DbError>;
}
