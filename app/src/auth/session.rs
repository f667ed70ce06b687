//! The signed-in user of a request, resolved once by the session middleware.

use crate::domain::permissions::Actor;
use crate::domain::Role;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionUser {
    pub session_hash: String,
    pub user_id: i64,
    pub email: String,
    pub display_name: String,
    pub roles: Vec<Role>,
    pub organisation_id: Option<i64>,
    pub team_id: Option<i64>,
    pub supervised_teams: Vec<i64>,
    pub active: bool,
}

impl SessionUser {
    /// The user as `domain::permissions` sees them.
    pub fn actor(&self) -> Actor {
        Actor {
            user_id: self.user_id,
            roles: self.roles.clone(),
            organisation_id: self.organisation_id,
            team_id: self.team_id,
            supervised_teams: self.supervised_teams.clone(),
            active: self.active,
        }
    }

    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }
}
