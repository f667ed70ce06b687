//! Row and input types shared by both backends.

use chrono::{DateTime, Utc};

use crate::domain::{Land, Role};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewOrganisation {
    pub slug: String,
    pub name: String,
    pub land: Land,
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Organisation {
    pub id: i64,
    pub slug: String,
    pub name: String,
    #[sqlx(try_from = "String")]
    pub land: Land,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Team {
    pub id: i64,
    pub organisation_id: i64,
    pub name: String,
}

#[derive(Clone, PartialEq, Eq)]
pub struct NewUser {
    pub email: String,
    pub display_name: String,
    pub organisation_id: Option<i64>,
    pub team_id: Option<i64>,
    /// Already hashed (argon2id PHC string); `None` for invited users who set it later.
    pub password_hash: Option<String>,
    pub roles: Vec<Role>,
}

impl std::fmt::Debug for NewUser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewUser")
            .field("email", &self.email)
            .field("display_name", &self.display_name)
            .field("organisation_id", &self.organisation_id)
            .field("team_id", &self.team_id)
            .field("password_hash", &self.password_hash.as_ref().map(|_| "***"))
            .field("roles", &self.roles)
            .finish()
    }
}

#[derive(Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub organisation_id: Option<i64>,
    pub team_id: Option<i64>,
    pub password_hash: Option<String>,
    pub active: bool,
    #[sqlx(skip)]
    pub roles: Vec<Role>,
}

impl std::fmt::Debug for User {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("User")
            .field("id", &self.id)
            .field("email", &self.email)
            .field("organisation_id", &self.organisation_id)
            .field("active", &self.active)
            .field("roles", &self.roles)
            .finish_non_exhaustive()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct TrackSummary {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub module_count: i64,
    pub minutes: i64,
}

/// The published course structure without bodies: what navigation and progress need.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Outline {
    pub tracks: Vec<OutlineTrack>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct OutlineTrack {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub intro_html: String,
    pub modules: Vec<OutlineModule>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct OutlineModule {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub minutes: i64,
    pub legal_status: chrono::NaiveDate,
    pub review_by: chrono::NaiveDate,
    pub sources: Vec<crate::content::SourceRef>,
    pub intro_html: String,
    pub lessons: Vec<OutlineLesson>,
    pub quiz: Option<OutlineQuiz>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutlineLesson {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub minutes: i64,
    pub revision: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutlineQuiz {
    pub id: i64,
    pub title: String,
    pub revision: i64,
    pub pass_percent: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct LessonBody {
    pub title: String,
    pub minutes: i64,
    pub word_count: i64,
    pub body_html: String,
    /// JSON list of `content::TocEntry`.
    pub toc: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProgressKind {
    Viewed,
    Completed,
}

impl ProgressKind {
    pub fn key(self) -> &'static str {
        match self {
            ProgressKind::Viewed => "viewed",
            ProgressKind::Completed => "completed",
        }
    }
}

/// One row of `progress_events` for a user.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ProgressRow {
    pub lesson_id: i64,
    pub kind: String,
    pub revision: i64,
    pub occurred_at: DateTime<Utc>,
}

/// A session row joined with its user, roles and team limits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRecord {
    pub user: User,
    pub supervised_teams: Vec<i64>,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewInvitation {
    pub email: String,
    pub display_name: String,
    pub organisation_id: i64,
    pub team_id: Option<i64>,
    pub roles: Vec<Role>,
    pub token_hash: String,
    pub invited_by: Option<i64>,
    pub expires_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Invitation {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub organisation_id: i64,
    pub team_id: Option<i64>,
    /// Comma-separated role keys.
    pub roles: String,
    pub expires_at: DateTime<Utc>,
    pub used_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AuditEntry {
    pub id: i64,
    pub actor_id: Option<i64>,
    pub actor_email: Option<String>,
    pub action: String,
    pub target: String,
    pub details: String,
    pub created_at: DateTime<Utc>,
}

/// Filters for the user list; `None` means "any".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UserFilter {
    pub organisation_id: Option<i64>,
    /// Limits to these teams when non-empty (team-limited supervisors).
    pub team_ids: Vec<i64>,
    pub role: Option<Role>,
    /// Case-insensitive part of the name or email.
    pub search: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct UserRow {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub organisation_id: Option<i64>,
    pub organisation_name: Option<String>,
    pub team_id: Option<i64>,
    pub team_name: Option<String>,
    pub active: bool,
    pub has_password: bool,
    #[sqlx(skip)]
    pub roles: Vec<Role>,
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct InvitationRow {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub organisation_id: i64,
    pub organisation_name: String,
    pub team_id: Option<i64>,
    pub team_name: Option<String>,
    pub roles: String,
    pub expires_at: DateTime<Utc>,
    pub created_at: DateTime<Utc>,
}
