//! Store errors: what callers can act on, independent of the backend.

use sqlx::error::ErrorKind;

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("record not found")]
    NotFound,
    /// A unique or foreign-key constraint refused the write. The constraint name is reported
    /// by PostgreSQL; SQLite does not name constraints, so callers decide by operation + kind.
    #[error("constraint violation ({kind:?}) on {constraint:?}")]
    Conflict {
        kind: ConflictKind,
        constraint: Option<String>,
    },
    #[error("database unreachable: {0}")]
    Unreachable(#[source] sqlx::Error),
    #[error("migration failed: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    /// The change would leave no active administrator; nothing was written.
    #[error("the last active administrator must stay")]
    LastActiveAdmin,
    #[error("stored data is invalid: {0}")]
    Corrupt(String),
    #[error("unsupported database URL (use sqlite:// or postgres://): {0}")]
    UnsupportedUrl(String),
    #[error(transparent)]
    Other(sqlx::Error),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConflictKind {
    Unique,
    ForeignKey,
    Check,
}

impl From<sqlx::Error> for DbError {
    fn from(err: sqlx::Error) -> Self {
        match err {
            sqlx::Error::RowNotFound => DbError::NotFound,
            sqlx::Error::Database(ref db) => {
                let kind = match db.kind() {
                    ErrorKind::UniqueViolation => Some(ConflictKind::Unique),
                    ErrorKind::ForeignKeyViolation => Some(ConflictKind::ForeignKey),
                    ErrorKind::CheckViolation => Some(ConflictKind::Check),
                    _ => None,
                };
                match kind {
                    Some(kind) => DbError::Conflict {
                        kind,
                        constraint: db.constraint().map(str::to_owned),
                    },
                    None => DbError::Other(err),
                }
            }
            sqlx::Error::Io(_)
            | sqlx::Error::Tls(_)
            | sqlx::Error::PoolTimedOut
            | sqlx::Error::PoolClosed => DbError::Unreachable(err),
            other => DbError::Other(other),
        }
    }
}

impl DbError {
    pub fn is_unique_violation(&self) -> bool {
        matches!(
            self,
            DbError::Conflict {
                kind: ConflictKind::Unique,
                ..
            }
        )
    }
}
