//! People: the list a supervisor or admin may see, deactivation and roles.

use crate::auth::session::SessionUser;
use crate::domain::permissions::{role_change_allowed, Action, RoleChangeRefusal, Target};
use crate::domain::Role;
use crate::error::AppError;
use crate::service::{audit, require, scope_for};
use crate::state::AppState;
use crate::store::{DbError, Ts, User, UserFilter, UserPage};

/// People per page of the administration list.
pub const PAGE_SIZE: i64 = 100;

fn user_target(user: &User) -> Target {
    Target::User {
        user_id: user.id,
        organisation_id: user.organisation_id,
        team_id: user.team_id,
        roles_include_admin: user.roles.contains(&Role::Admin),
    }
}

async fn load(state: &AppState, user_id: i64) -> Result<User, AppError> {
    state
        .store
        .find_user_by_id(user_id)
        .await?
        .ok_or_else(|| AppError::NotFound("Das Konto".into()))
}

/// The people the actor may list, filtered in the database to their scope (office or teams).
pub async fn people(
    state: &AppState,
    user: &SessionUser,
    mut filter: UserFilter,
) -> Result<UserPage, AppError> {
    let scope = scope_for(user, Action::ListUsers)?;
    if scope != crate::domain::scope::Scope::All {
        // Choosing an office is for admins; a supervisor always sees their own.
        filter.organisation_id = None;
    }
    filter.scope = scope;
    Ok(state.store.list_users(&filter).await?)
}

pub async fn set_active(
    state: &AppState,
    user: &SessionUser,
    user_id: i64,
    active: bool,
    now: Ts,
) -> Result<(), AppError> {
    let target = load(state, user_id).await?;
    require(user, Action::ManageUser, user_target(&target))?;
    if user_id == user.user_id {
        return Err(AppError::Invalid(
            "Sie können Ihr eigenes Konto nicht deaktivieren.".into(),
        ));
    }
    state.hot.forget_user(user_id);
    match state.store.set_user_active(user_id, active, now).await {
        Err(DbError::LastActiveAdmin) => {
            return Err(AppError::Invalid(
                "Das letzte aktive Administrationskonto kann nicht deaktiviert werden.".into(),
            ))
        }
        other => other?,
    }
    let action = if active {
        "user.reactivated"
    } else {
        "user.deactivated"
    };
    audit(state, Some(user.user_id), action, &target.email, "", now).await;
    Ok(())
}

pub async fn set_roles(
    state: &AppState,
    user: &SessionUser,
    user_id: i64,
    roles: Vec<Role>,
    now: Ts,
) -> Result<(), AppError> {
    let target = load(state, user_id).await?;
    require(user, Action::ManageUser, user_target(&target))?;
    let mut roles = roles;
    roles.sort();
    roles.dedup();
    match role_change_allowed(&user.actor(), &target.roles, &roles) {
        Ok(()) => {}
        Err(RoleChangeRefusal::NoRole) => {
            return Err(AppError::Invalid(
                "Bitte wählen Sie mindestens eine Rolle.".into(),
            ))
        }
        Err(RoleChangeRefusal::NotGrantable) => {
            tracing::warn!(
                user_id = user.user_id,
                target = user_id,
                "role change refused"
            );
            return Err(AppError::Forbidden);
        }
    }
    state.hot.forget_user(user_id);
    match state.store.set_user_roles(user_id, &roles, now).await {
        Err(DbError::LastActiveAdmin) => {
            return Err(AppError::Invalid(
                "Das letzte aktive Administrationskonto muss Administration behalten.".into(),
            ))
        }
        other => other?,
    }
    let keys: Vec<&str> = roles.iter().map(|r| r.key()).collect();
    let changed: Vec<&str> = Role::ALL
        .into_iter()
        .filter(|r| roles.contains(r) != target.roles.contains(r))
        .map(|r| r.key())
        .collect();
    audit(
        state,
        Some(user.user_id),
        "user.roles_changed",
        &target.email,
        &format!("{} (geändert: {})", keys.join(","), changed.join(",")),
        now,
    )
    .await;
    Ok(())
}
