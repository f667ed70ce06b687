//! Changing accounts: deactivate/reactivate and roles, with the safety rules around admins.

use super::{audit, require, user_target};
use crate::auth::session::SessionUser;
use crate::domain::permissions::{grantable_roles, Action};
use crate::domain::Role;
use crate::error::AppError;
use crate::state::AppState;
use crate::store::{UserFilter, UserRow};

async fn load(state: &AppState, user_id: i64) -> Result<UserRow, AppError> {
    let found = state
        .store
        .find_user_by_id(user_id)
        .await?
        .ok_or_else(|| AppError::NotFound("Das Konto".into()))?;
    Ok(UserRow {
        id: found.id,
        email: found.email,
        display_name: found.display_name,
        organisation_id: found.organisation_id,
        organisation_name: None,
        team_id: found.team_id,
        team_name: None,
        active: found.active,
        has_password: found.password_hash.is_some(),
        roles: found.roles,
    })
}

pub async fn set_active(
    state: &AppState,
    user: &SessionUser,
    user_id: i64,
    active: bool,
) -> Result<(), AppError> {
    let target = load(state, user_id).await?;
    require(user, Action::ManageUser, user_target(&target))?;
    if user_id == user.user_id {
        return Err(AppError::Invalid(
            "Sie können Ihr eigenes Konto nicht deaktivieren.".into(),
        ));
    }
    if !active
        && target.roles.contains(&Role::Admin)
        && state.store.count_active_admins().await? <= 1
    {
        return Err(AppError::Invalid(
            "Das letzte aktive Administrationskonto kann nicht deaktiviert werden.".into(),
        ));
    }
    state.store.set_user_active(user_id, active).await?;
    let action = if active {
        "user.reactivated"
    } else {
        "user.deactivated"
    };
    audit(state, user, action, &target.email, "").await;
    Ok(())
}

pub async fn set_roles(
    state: &AppState,
    user: &SessionUser,
    user_id: i64,
    roles: Vec<Role>,
) -> Result<(), AppError> {
    let target = load(state, user_id).await?;
    require(user, Action::ManageUser, user_target(&target))?;
    if roles.is_empty() {
        return Err(AppError::Invalid(
            "Bitte wählen Sie mindestens eine Rolle.".into(),
        ));
    }
    // Every role added or removed must be one the actor may grant.
    let grantable = grantable_roles(&super::actor(user));
    let changed: Vec<Role> = Role::ALL
        .into_iter()
        .filter(|r| roles.contains(r) != target.roles.contains(r))
        .collect();
    if changed.iter().any(|r| !grantable.contains(r)) {
        return Err(AppError::Forbidden);
    }
    let loses_admin = target.roles.contains(&Role::Admin) && !roles.contains(&Role::Admin);
    if loses_admin && target.active && state.store.count_active_admins().await? <= 1 {
        return Err(AppError::Invalid(
            "Das letzte aktive Administrationskonto muss Administration behalten.".into(),
        ));
    }
    let mut sorted = roles;
    sorted.sort();
    sorted.dedup();
    state.store.set_user_roles(user_id, &sorted).await?;
    let keys: Vec<&str> = sorted.iter().map(|r| r.key()).collect();
    let changed: Vec<&str> = changed.iter().map(|r| r.key()).collect();
    audit(
        state,
        user,
        "user.roles_changed",
        &target.email,
        &format!("{} (geändert: {})", keys.join(","), changed.join(",")),
    )
    .await;
    Ok(())
}

/// The users the actor may list: all for admins, the own office (or teams) for supervisors.
pub async fn visible_users(
    state: &AppState,
    user: &SessionUser,
    mut filter: UserFilter,
) -> Result<Vec<UserRow>, AppError> {
    use crate::domain::permissions::Target;
    let is_admin = user.roles.contains(&Role::Admin);
    if !is_admin {
        let office = user.organisation_id.ok_or(AppError::Forbidden)?;
        filter.organisation_id = Some(office);
        if user.supervised_teams.is_empty() {
            require(user, Action::ListUsers, Target::Organisation { id: office })?;
        } else {
            filter.team_ids = user.supervised_teams.clone();
            for team in &user.supervised_teams {
                require(
                    user,
                    Action::ListUsers,
                    Target::Team {
                        organisation_id: office,
                        team_id: *team,
                    },
                )?;
            }
        }
    } else {
        require(user, Action::ListUsers, Target::System)?;
    }
    Ok(state.store.list_users(&filter).await?)
}
