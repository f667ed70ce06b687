//! Read-only views: the audit log, content problems, the team page.

use serde::{Deserialize, Serialize};

use super::administration::UserView;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditView {
    pub when: String,
    pub actor: String,
    pub action: String,
    pub target: String,
    pub details: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProblemView {
    pub location: String,
    pub is_error: bool,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamOverview {
    pub office: String,
    pub scope: String,
    pub members: Vec<UserView>,
    pub total: i64,
}
