//! Who is signed in: for the header and for every permission check.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::Role;
use crate::error::AppError;

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

#[server(prefix = "/api")]
pub async fn current_user() -> Result<Option<UserInfo>, AppError> {
    Ok(ssr::session_user().map(|u| UserInfo {
        display_name: u.display_name,
        email: u.email,
        roles: u.roles,
    }))
}

/// Details shown on the invitation page, or `Invalid` for an unknown, used or expired link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationDetails {
    pub email: String,
    pub display_name: String,
}

#[server(prefix = "/api")]
pub async fn invitation_info(token: String) -> Result<InvitationDetails, AppError> {
    let state = super::ssr::state()?;
    let hash = crate::auth::token::hash_token(&token);
    let now = chrono::Utc::now();
    match state.store.find_invitation(&hash).await? {
        Some(inv) if inv.used_at.is_none() && inv.expires_at > now => Ok(InvitationDetails {
            email: inv.email,
            display_name: inv.display_name,
        }),
        _ => Err(AppError::Invalid(INVALID_LINK.into())),
    }
}

#[server(prefix = "/api")]
pub async fn reset_link_valid(token: String) -> Result<bool, AppError> {
    let state = super::ssr::state()?;
    let hash = crate::auth::token::hash_token(&token);
    Ok(state
        .store
        .password_reset_valid(&hash, chrono::Utc::now())
        .await?)
}

pub const INVALID_LINK: &str =
    "Dieser Link ist ungültig, abgelaufen oder wurde bereits verwendet. Bitte fordern Sie einen neuen an.";

#[cfg(feature = "ssr")]
pub mod ssr {
    use leptos::prelude::use_context;

    use crate::auth::session::SessionUser;
    use crate::domain::permissions::{Action, Actor, Target};
    use crate::error::AppError;

    /// The signed-in user of the current request, resolved by the session middleware.
    pub fn session_user() -> Option<SessionUser> {
        use_context::<http::request::Parts>()?
            .extensions
            .get::<SessionUser>()
            .cloned()
    }

    pub fn actor(user: &SessionUser) -> Actor {
        Actor {
            user_id: user.user_id,
            roles: user.roles.clone(),
            organisation_id: user.organisation_id,
            team_id: user.team_id,
            supervised_teams: user.supervised_teams.clone(),
            active: user.active,
        }
    }

    /// The signed-in user if they may do `action` on `target`; the one gate every server
    /// function goes through.
    pub fn authorize(action: Action, target: Target) -> Result<SessionUser, AppError> {
        let user = session_user().ok_or(AppError::Unauthenticated)?;
        if crate::domain::permissions::allowed(&actor(&user), action, target) {
            Ok(user)
        } else {
            Err(AppError::Forbidden)
        }
    }
}
