//! Secrets shared by every instance on one database, created on first use.

use async_trait::async_trait;

use super::{DbError, Ts};

#[async_trait]
pub trait SecretStore {
    /// The secret called `name`; if none exists yet, `fresh` is stored and returned. Concurrent
    /// first calls agree on one value.
    async fn secret(&self, name: &str, fresh: &str, now: Ts) -> Result<String, DbError>;
}
