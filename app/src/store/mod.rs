//! Persistence behind one object-safe trait, implemented for SQLite and PostgreSQL.
//!
//! Each aggregate (offices, users, sessions, …) has its own trait and row types in a file of
//! this module, and its SQL in `sql/<aggregate>.rs`. The SQL files are plain Rust, compiled once
//! per backend (`sqlite.rs` and `postgres.rs` include them with `#[path]`, each with its own
//! `Db` type), so a statement is written once with `$1` placeholders and runs on both; where the
//! dialects differ, the SQL file calls the backend's `dialect` module.

mod assignments;
mod attempts;
mod audit;
mod content;
mod error;
mod import;
mod invitations;
mod maintenance;
mod organisations;
mod outbox;
mod password_resets;
mod postgres;
mod progress;
mod secrets;
mod sessions;
mod sqlite;
mod throttle;
mod users;

use std::sync::Arc;

use async_trait::async_trait;

pub use assignments::*;
pub use attempts::*;
pub use audit::*;
pub use content::*;
pub use error::{ConflictKind, DbError};
pub use import::*;
pub use invitations::*;
pub use maintenance::*;
pub use organisations::*;
pub use outbox::*;
pub use password_resets::*;
pub use postgres::PgStore;
pub use progress::*;
pub use secrets::*;
pub use sessions::*;
pub use sqlite::SqliteStore;
pub use throttle::*;
pub use users::*;

pub type DynStore = Arc<dyn Store>;

/// Timestamps are stored in UTC.
pub type Ts = chrono::DateTime<chrono::Utc>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Everything the application persists, one supertrait per aggregate.
#[async_trait]
pub trait Store:
    OrganisationStore
    + UserStore
    + SessionStore
    + ThrottleStore
    + InvitationStore
    + PasswordResetStore
    + AuditStore
    + ContentStore
    + ImportStore
    + ProgressStore
    + AttemptStore
    + AssignmentStore
    + OutboxStore
    + MaintenanceStore
    + RetentionStore
    + SecretStore
    + Send
    + Sync
    + 'static
{
    fn backend(&self) -> Backend;
    /// Cheap round trip used by `/healthz`.
    async fn ping(&self) -> Result<(), DbError>;
    /// Applies pending migrations of this backend's dialect.
    async fn migrate(&self) -> Result<(), DbError>;
    /// Closes the pool, waiting for connections in use to be returned.
    async fn close(&self);
}

/// Opens the store named by `url` (`sqlite://…` or `postgres://…`).
pub async fn connect(url: &str) -> Result<DynStore, DbError> {
    if url.starts_with("sqlite:") {
        Ok(Arc::new(SqliteStore::connect(url).await?))
    } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
        Ok(Arc::new(PgStore::connect(url).await?))
    } else {
        Err(DbError::UnsupportedUrl(redact_url(url)))
    }
}

/// The URL with any password replaced, for logs and error messages.
pub fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let userinfo = &url[scheme_end + 3..at];
            match userinfo.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme_end + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::redact_url;

    #[test]
    fn redact_url_hides_only_the_password() {
        assert_eq!(
            redact_url("postgres://lotse:geheim@db:5432/lotse"),
            "postgres://lotse:***@db:5432/lotse"
        );
        assert_eq!(
            redact_url("postgres://postgres@127.0.0.1/x"),
            "postgres://postgres@127.0.0.1/x"
        );
        assert_eq!(
            redact_url("sqlite://data/lotse.db"),
            "sqlite://data/lotse.db"
        );
    }
}
