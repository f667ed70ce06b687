//! Use cases, one home per area. Each takes the actor (the signed-in `SessionUser`), the input,
//! `now` and the state; it asks `domain::permissions::allowed`, applies the domain rules, calls
//! the store and returns view data or an `AppError`. Server functions and form handlers only
//! decode the request and call one of these. Layers only look down: this module uses `domain`,
//! `content`, `store`, `auth`, `views`, never `api` or `pages`.

pub mod accounts;
pub mod administration;
pub mod background;
pub mod learning;
mod mails;
pub mod oversight;
pub mod search;

use crate::auth::session::SessionUser;
use crate::domain::permissions::{allowed, Action, Target};
use crate::domain::scope::Scope;
use crate::error::AppError;
use crate::state::AppState;
use crate::store::Ts;

/// The permission gate: `Forbidden` (logged) unless `domain::permissions::allowed` says yes.
pub fn require(user: &SessionUser, action: Action, target: Target) -> Result<(), AppError> {
    if allowed(&user.actor(), action, target) {
        Ok(())
    } else {
        tracing::warn!(
            user_id = user.user_id,
            ?action,
            ?target,
            "permission denied"
        );
        Err(AppError::Forbidden)
    }
}

/// The actor's oversight scope (`domain::scope::Scope`), after checking that `action` is allowed
/// on every part of it: the whole installation for admins, the office, or each supervised team.
pub fn scope_for(user: &SessionUser, action: Action) -> Result<Scope, AppError> {
    let scope = Scope::of(&user.actor());
    let targets: Vec<Target> = match &scope {
        Scope::All => vec![Target::System],
        Scope::Office {
            organisation_id,
            teams: None,
        } => vec![Target::Organisation {
            id: *organisation_id,
        }],
        Scope::Office {
            organisation_id,
            teams: Some(teams),
        } => teams
            .iter()
            .map(|team_id| Target::Team {
                organisation_id: *organisation_id,
                team_id: *team_id,
            })
            .collect(),
        Scope::Nothing => Vec::new(),
    };
    if targets.is_empty() {
        tracing::warn!(
            user_id = user.user_id,
            ?action,
            "permission denied: nothing in scope"
        );
        return Err(AppError::Forbidden);
    }
    for target in targets {
        require(user, action, target)?;
    }
    Ok(scope)
}

/// Writes the audit log. A failed write is logged, never shown: the action already happened.
pub async fn audit(
    state: &AppState,
    actor: Option<i64>,
    action: &str,
    target: &str,
    details: &str,
    now: Ts,
) {
    if let Err(err) = state.store.audit(actor, action, target, details, now).await {
        tracing::error!(%err, action, "audit log write failed");
    }
}
