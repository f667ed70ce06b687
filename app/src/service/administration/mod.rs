//! Administration use cases: offices and teams, people and their roles, invitations.

pub mod invitations;
pub mod offices;
pub mod users;

use crate::store::UserRow;
use crate::views::administration::UserView;

pub(crate) fn user_view(u: UserRow) -> UserView {
    UserView {
        id: u.id,
        email: u.email,
        display_name: u.display_name,
        office: u.organisation_name,
        team: u.team_name,
        roles: u.roles,
        active: u.active,
        has_password: u.has_password,
    }
}
