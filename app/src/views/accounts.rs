//! Who is signed in, and what the account pages show.

use serde::{Deserialize, Serialize};

use crate::domain::Role;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserInfo {
    pub display_name: String,
    pub email: String,
    pub roles: Vec<Role>,
}

impl UserInfo {
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }
}

/// Details shown on the invitation page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationDetails {
    pub email: String,
    pub display_name: String,
}

pub const INVALID_LINK: &str =
    "Dieser Link ist ungültig, abgelaufen oder wurde bereits verwendet. Bitte fordern Sie einen neuen an.";
