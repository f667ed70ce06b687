//! Persistence behind one object-safe trait, implemented for SQLite and PostgreSQL.
//!
//! Both implementations share their SQL through the `impl_*` macros in the query modules: the
//! statements are written once with `$1` placeholders and run unchanged on both backends, so a
//! dialect difference has to be spelled out explicitly where it occurs.

mod admin_queries;
mod assignment_queries;
mod attempt_queries;
mod auth_queries;
mod content_queries;
mod error;
mod model;
mod org_queries;
mod outline_queries;
mod postgres;
mod progress_queries;
mod sqlite;
mod sync_queries;
mod user_queries;

use std::sync::Arc;

use async_trait::async_trait;

pub use assignment_queries::{AssignedTrack, Assignee, AssignmentStore};
pub use attempt_queries::{
    AttemptRow, AttemptStore, AttemptSubmission, AttemptSummary, NewAttempt,
};
pub use error::{ConflictKind, DbError};
pub use model::*;
pub use postgres::PgStore;
pub use sqlite::SqliteStore;

pub type DynStore = Arc<dyn Store>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Everything the application persists. Split into one trait per concern so each query module
/// stays small; `Store` ties them together for `Arc<dyn Store>`.
#[async_trait]
pub trait Store:
    OrgStore
    + UserStore
    + AuthStore
    + AdminStore
    + ContentStore
    + SyncStore
    + OutlineStore
    + ProgressStore
    + AttemptStore
    + AssignmentStore
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

#[async_trait]
pub trait OrgStore {
    /// Creates an office together with its teams, atomically.
    async fn create_organisation(
        &self,
        org: &NewOrganisation,
        teams: &[String],
    ) -> Result<Organisation, DbError>;
    async fn list_organisations(&self) -> Result<Vec<Organisation>, DbError>;
    async fn list_teams(&self, organisation_id: i64) -> Result<Vec<Team>, DbError>;
    /// Every team of every office, ordered by office and name (one query for overviews).
    async fn list_all_teams(&self) -> Result<Vec<Team>, DbError>;
}

#[async_trait]
pub trait UserStore {
    /// Creates a user with roles, atomically. A taken email is a unique `Conflict`.
    async fn create_user(&self, user: &NewUser) -> Result<i64, DbError>;
    async fn find_user_by_email(&self, email: &str) -> Result<Option<User>, DbError>;
    async fn count_users(&self) -> Result<i64, DbError>;
    /// Deactivating also ends all of the user's sessions.
    async fn set_user_active(&self, user_id: i64, active: bool) -> Result<(), DbError>;
}

#[async_trait]
pub trait ContentStore {
    /// Published tracks in display order, with module count and estimated minutes.
    async fn list_tracks(&self) -> Result<Vec<TrackSummary>, DbError>;
}

type Ts = chrono::DateTime<chrono::Utc>;

#[async_trait]
pub trait AuthStore {
    async fn create_session(
        &self,
        id_hash: &str,
        user_id: i64,
        now: Ts,
        expires_at: Ts,
    ) -> Result<(), DbError>;
    /// The unexpired session with its user (also when deactivated: the caller decides).
    async fn find_session(&self, id_hash: &str, now: Ts) -> Result<Option<SessionRecord>, DbError>;
    async fn touch_session(&self, id_hash: &str, now: Ts, expires_at: Ts) -> Result<(), DbError>;
    async fn delete_session(&self, id_hash: &str) -> Result<(), DbError>;
    async fn find_user_by_id(&self, id: i64) -> Result<Option<User>, DbError>;
    /// New password; all sessions of the user end.
    async fn change_password(
        &self,
        user_id: i64,
        password_hash: &str,
        now: Ts,
    ) -> Result<(), DbError>;
    async fn record_login_failure(&self, keys: &[String], at: Ts) -> Result<(), DbError>;
    async fn login_failures_since(&self, key: &str, since: Ts) -> Result<Vec<Ts>, DbError>;
    async fn clear_login_failures(&self, key: &str) -> Result<(), DbError>;
    async fn create_invitation(&self, invitation: &NewInvitation) -> Result<i64, DbError>;
    async fn find_invitation(&self, token_hash: &str) -> Result<Option<Invitation>, DbError>;
    async fn accept_invitation(
        &self,
        token_hash: &str,
        password_hash: &str,
        now: Ts,
    ) -> Result<i64, DbError>;
    async fn create_password_reset(
        &self,
        token_hash: &str,
        user_id: i64,
        expires_at: Ts,
    ) -> Result<(), DbError>;
    async fn password_reset_valid(&self, token_hash: &str, now: Ts) -> Result<bool, DbError>;
    async fn consume_password_reset(
        &self,
        token_hash: &str,
        password_hash: &str,
        now: Ts,
    ) -> Result<i64, DbError>;
    async fn audit(
        &self,
        actor_id: Option<i64>,
        action: &str,
        target: &str,
        details: &str,
    ) -> Result<(), DbError>;
    async fn audit_log(&self, limit: i64) -> Result<Vec<AuditEntry>, DbError>;
}

#[async_trait]
pub trait AdminStore {
    async fn create_team(&self, organisation_id: i64, name: &str) -> Result<Team, DbError>;
    async fn find_team(&self, id: i64) -> Result<Option<Team>, DbError>;
    async fn find_organisation(&self, id: i64) -> Result<Option<Organisation>, DbError>;
    async fn list_users(&self, filter: &UserFilter) -> Result<Vec<UserRow>, DbError>;
    /// Replaces the roles of a user, atomically.
    async fn set_user_roles(
        &self,
        user_id: i64,
        roles: &[crate::domain::Role],
    ) -> Result<(), DbError>;
    async fn count_active_admins(&self) -> Result<i64, DbError>;
    /// The newest unused invitation per email whose account has no password yet.
    async fn list_open_invitations(
        &self,
        organisation_id: Option<i64>,
        now: Ts,
    ) -> Result<Vec<InvitationRow>, DbError>;
    async fn find_invitation_by_id(&self, id: i64) -> Result<Option<Invitation>, DbError>;
}

#[async_trait]
pub trait OutlineStore {
    /// All published tracks, modules, lessons and quizzes in order, without bodies.
    async fn outline(&self) -> Result<Outline, DbError>;
    async fn lesson_body(&self, lesson_id: i64, revision: i64) -> Result<LessonBody, DbError>;
    /// The questions of one quiz revision, including solutions (server side only).
    async fn quiz_questions(
        &self,
        quiz_id: i64,
        revision: i64,
    ) -> Result<Vec<crate::content::Question>, DbError>;
}

#[async_trait]
pub trait ProgressStore {
    async fn record_progress(
        &self,
        user_id: i64,
        lesson_id: i64,
        kind: ProgressKind,
        revision: i64,
        at: chrono::DateTime<chrono::Utc>,
    ) -> Result<(), DbError>;
    /// The user's progress rows, newest first.
    async fn progress_of(&self, user_id: i64) -> Result<Vec<ProgressRow>, DbError>;
}

#[async_trait]
pub trait SyncStore {
    /// Imports parsed content in one transaction and replaces the stored problem list when it
    /// changed. Unchanged content writes nothing.
    async fn sync_content(
        &self,
        course: &crate::content::Course,
        problems: &[crate::content::Problem],
    ) -> Result<crate::domain::content_sync::SyncReport, DbError>;
    /// Problems found by the last import, for the admin page "Inhalte prüfen".
    async fn content_problems(&self) -> Result<Vec<crate::content::Problem>, DbError>;
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
