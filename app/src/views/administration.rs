//! Offices, teams, people and invitations as the administration pages show them.

use serde::{Deserialize, Serialize};

use crate::domain::Role;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamView {
    pub id: i64,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficeView {
    pub id: i64,
    pub name: String,
    pub land: String,
    pub teams: Vec<TeamView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserView {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub office: Option<String>,
    pub team: Option<String>,
    pub roles: Vec<Role>,
    pub active: bool,
    pub has_password: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationView {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub office: String,
    pub team: Option<String>,
    pub expires: String,
    pub expired: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsersOverview {
    pub users: Vec<UserView>,
    /// All people matching the filter (the list shows one page of them).
    pub total: i64,
    pub page: i64,
    pub pages: i64,
    pub invitations: Vec<InvitationView>,
    pub offices: Vec<OfficeView>,
    pub grantable: Vec<Role>,
    pub is_admin: bool,
    pub own_user_id: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BulkOutcome {
    pub invited: usize,
    pub problems: Vec<String>,
}

/// What the invitation form offers the actor: offices (with teams) and roles they may grant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InviteOptions {
    pub offices: Vec<OfficeView>,
    pub grantable: Vec<Role>,
}
