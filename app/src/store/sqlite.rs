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

/// What the shared SQL files see as "the backend".
type Db = sqlx::Sqlite;
type Impl = SqliteStore;

/// Where SQLite differs from PostgreSQL.
mod dialect {
    use super::Db;
    use crate::store::DbError;

    pub type Tx = sqlx::Transaction<'static, Db>;

    /// A transaction that holds the database's write lock from its first statement, so a
    /// read-then-write inside it cannot interleave with another writer. SQLite has one writer
    /// at a time, so the lock key is not needed.
    pub async fn begin_locked(pool: &sqlx::Pool<Db>, _key: &str) -> Result<Tx, DbError> {
        Ok(pool.begin_with("BEGIN IMMEDIATE").await?)
    }

    /// Comma-joined values of `expr` over a group.
    pub fn string_agg(expr: &str) -> String {
        format!("group_concat({expr}, ',')")
    }

    /// Claiming happens in one `UPDATE` statement, which SQLite runs under its write lock.
    pub const SKIP_LOCKED: &str = "";
}

// The same SQL files, compiled for this backend.
#[allow(clippy::duplicate_mod)]
#[path = "sql/mod.rs"]
mod sql;

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
