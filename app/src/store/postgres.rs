//! PostgreSQL backend: the scale-out choice for many offices on one instance.

use std::time::Duration;

use async_trait::async_trait;
use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;

use super::{Backend, DbError, Store};

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../migrations/postgres");

#[derive(Clone)]
pub struct PgStore {
    pub(crate) pool: PgPool,
}

impl PgStore {
    pub async fn connect(url: &str) -> Result<Self, DbError> {
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(Duration::from_secs(5))
            .connect(url)
            .await
            .map_err(DbError::Unreachable)?;
        Ok(PgStore { pool })
    }
}

#[async_trait]
impl Store for PgStore {
    fn backend(&self) -> Backend {
        Backend::Postgres
    }

    async fn ping(&self) -> Result<(), DbError> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    async fn migrate(&self) -> Result<(), DbError> {
        MIGRATOR.run(&self.pool).await?;
        Ok(())
    }

    async fn close(&self) {
        self.pool.close().await;
    }
}

/// What the shared SQL files see as "the backend".
type Db = sqlx::Postgres;
type Impl = PgStore;

/// Where PostgreSQL differs from SQLite.
mod dialect {
    use super::Db;
    use crate::store::DbError;

    pub type Tx = sqlx::Transaction<'static, Db>;

    /// A transaction holding an advisory lock on `key` until it ends: concurrent transactions
    /// on the same key (from any instance) run one after the other.
    pub async fn begin_locked(pool: &sqlx::Pool<Db>, key: &str) -> Result<Tx, DbError> {
        let mut tx = pool.begin().await?;
        sqlx::query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))")
            .bind(key)
            .execute(&mut *tx)
            .await?;
        Ok(tx)
    }

    /// Comma-joined values of `expr` over a group.
    pub fn string_agg(expr: &str) -> String {
        format!("string_agg(CAST({expr} AS TEXT), ',')")
    }

    /// Rows another worker has locked are passed over instead of waited for.
    pub const SKIP_LOCKED: &str = " FOR UPDATE SKIP LOCKED";
}

// The same SQL files, compiled for this backend.
#[allow(clippy::duplicate_mod)]
#[path = "sql/mod.rs"]
mod sql;
