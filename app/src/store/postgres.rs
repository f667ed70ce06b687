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

super::org_queries::impl_org_store!(PgStore);
super::user_queries::impl_user_store!(PgStore);
super::admin_queries::impl_admin_store!(PgStore);
super::auth_queries::impl_auth_store!(PgStore, sqlx::Postgres);
super::content_queries::impl_content_store!(PgStore);
super::sync_queries::impl_sync_store!(PgStore, sqlx::Postgres);
super::outline_queries::impl_outline_store!(PgStore, sqlx::Postgres);
super::progress_queries::impl_progress_store!(PgStore);
super::attempt_queries::impl_attempt_store!(PgStore);
super::assignment_queries::impl_assignment_store!(PgStore);
