//! Accounts with their roles and the teams a supervisor is limited to.

use async_trait::async_trait;

use super::{DbError, Ts};
use crate::domain::scope::Scope;
use crate::domain::Role;

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
    /// When the account was first activated (invitation accepted or created with a password).
    pub activated_at: Option<Ts>,
    #[sqlx(skip)]
    pub roles: Vec<Role>,
    /// Teams a supervisor is limited to; empty = the whole office.
    #[sqlx(skip)]
    pub supervised_teams: Vec<i64>,
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

/// Filters for the user list. The scope is applied in SQL, so a page is always complete.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserFilter {
    pub scope: Scope,
    /// Narrows to one office within the scope (admins choosing an office).
    pub organisation_id: Option<i64>,
    pub role: Option<Role>,
    /// Case-insensitive part of the name or email.
    pub search: Option<String>,
    pub limit: i64,
    pub offset: i64,
}

impl UserFilter {
    pub fn within(scope: Scope) -> Self {
        UserFilter {
            scope,
            organisation_id: None,
            role: None,
            search: None,
            limit: 200,
            offset: 0,
        }
    }
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

/// One page of the user list and how many match in total.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserPage {
    pub rows: Vec<UserRow>,
    pub total: i64,
}

#[async_trait]
pub trait UserStore {
    /// Creates a user with roles, atomically. A taken email is a unique `Conflict`.
    async fn create_user(&self, user: &NewUser, now: Ts) -> Result<i64, DbError>;
    async fn find_user_by_id(&self, id: i64) -> Result<Option<User>, DbError>;
    async fn find_user_by_email(&self, email: &str) -> Result<Option<User>, DbError>;
    async fn count_users(&self) -> Result<i64, DbError>;
    async fn list_users(&self, filter: &UserFilter) -> Result<UserPage, DbError>;
    /// Deactivating also ends all of the user's sessions. Deactivating the last active admin
    /// is refused atomically with `DbError::LastActiveAdmin`.
    async fn set_user_active(&self, user_id: i64, active: bool, now: Ts) -> Result<(), DbError>;
    /// Replaces the roles of a user, atomically; taking the admin role from the last active
    /// admin is refused with `DbError::LastActiveAdmin`.
    async fn set_user_roles(&self, user_id: i64, roles: &[Role], now: Ts) -> Result<(), DbError>;
    /// Replaces the teams a supervisor is limited to (empty = the whole office).
    async fn set_supervised_teams(&self, user_id: i64, teams: &[i64]) -> Result<(), DbError>;
    /// New password; all sessions of the user end, and open reset links stop working.
    async fn change_password(
        &self,
        user_id: i64,
        password_hash: &str,
        now: Ts,
    ) -> Result<(), DbError>;
}
