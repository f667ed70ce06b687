//! SQLite backend: the zero-setup default. WAL mode, foreign keys on, busy timeout.

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use async_trait::async_trait;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::SqlitePool;

use super::{Backend, DbError, Store};

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../migrations/sqlite");

#[derive(Clone)]
pub struct SqliteStore {
    pub(crate) pool: SqlitePool,
}

impl SqliteStore {
    pub async fn connect(url: &str) -> Result<Self, DbError> {
        if let Some(parent) = sqlite_file(url).and_then(|p| p.parent().map(Path::to_path_buf)) {
            if !parent.as_os_str().is_empty() {
                std::fs::create_dir_all(&parent).map_err(|e| {
                    DbError::Unreachable(sqlx::Error::Io(std::io::Error::new(
                        e.kind(),
                        format!("cannot create directory {}: {e}", parent.display()),
                    )))
                })?;
            }
        }
        let options = SqliteConnectOptions::from_str(url)
            .map_err(|_| DbError::UnsupportedUrl(url.to_owned()))?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(5));
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .acquire_timeout(Duration::from_secs(5))
            .connect_with(options)
            .await
            .map_err(DbError::Unreachable)?;
        Ok(SqliteStore { pool })
    }

    /// Writes a consistent copy of the live database to `target` (`VACUUM INTO`), safe while
    /// the server keeps running.
    #[tracing::instrument(skip_all)]
    pub async fn backup_into(&self, target: &Path) -> Result<(), DbError> {
        let target = target.to_string_lossy().into_owned();
        sqlx::query("VACUUM INTO $1")
            .bind(target)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

/// The database file named by a `sqlite:` URL, if it names one.
fn sqlite_file(url: &str) -> Option<&Path> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or(rest);
    (!path.is_empty() && path != ":memory:").then(|| Path::new(path))
}

#[async_trait]
impl Store for SqliteStore {
    fn backend(&self) -> Backend {
        Backend::Sqlite
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

super::org_queries::impl_org_store!(SqliteStore);
super::user_queries::impl_user_store!(SqliteStore);
super::admin_queries::impl_admin_store!(SqliteStore);
super::auth_queries::impl_auth_store!(SqliteStore, sqlx::Sqlite);
super::content_queries::impl_content_store!(SqliteStore);
super::sync_queries::impl_sync_store!(SqliteStore, sqlx::Sqlite);
super::outline_queries::impl_outline_store!(SqliteStore, sqlx::Sqlite);
super::progress_queries::impl_progress_store!(SqliteStore);
super::attempt_queries::impl_attempt_store!(SqliteStore);
super::assignment_queries::impl_assignment_store!(SqliteStore);

#[cfg(test)]
mod tests {
    use super::sqlite_file;
    use std::path::Path;

    #[test]
    fn sqlite_file_extracts_the_path_from_the_url() {
        assert_eq!(
            sqlite_file("sqlite://data/lotse.db"),
            Some(Path::new("data/lotse.db"))
        );
        assert_eq!(sqlite_file("sqlite:x.db?mode=rwc"), Some(Path::new("x.db")));
        assert_eq!(sqlite_file("sqlite::memory:"), None);
    }
}
