//! Shared secrets.

use async_trait::async_trait;

use super::Impl;
use crate::store::{DbError, SecretStore, Ts};

#[async_trait]
impl SecretStore for Impl {
    #[tracing::instrument(skip_all)]
    async fn secret(&self, name: &str, fresh: &str, now: Ts) -> Result<String, DbError> {
        sqlx::query(
            "INSERT INTO app_secrets (name, value, created_at) VALUES ($1, $2, $3) \
             ON CONFLICT (name) DO NOTHING",
        )
        .bind(name)
        .bind(fresh)
        .bind(now)
        .execute(&self.pool)
        .await?;
        let (value,): (String,) = sqlx::query_as("SELECT value FROM app_secrets WHERE name = $1")
            .bind(name)
            .fetch_one(&self.pool)
            .await?;
        Ok(value)
    }
}
