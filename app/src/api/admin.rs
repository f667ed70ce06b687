//! Server functions of the administration pages: offices, teams, users, invitations.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::Role;
use crate::error::AppError;

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
    pub invitations: Vec<InvitationView>,
    pub offices: Vec<OfficeView>,
    pub grantable: Vec<Role>,
    pub is_admin: bool,
    pub own_user_id: i64,
}

#[server(prefix = "/api")]
pub async fn admin_offices() -> Result<Vec<OfficeView>, AppError> {
    let user = ssr::signed_in()?;
    ssr::offices_for(&super::ssr::state()?, &user).await
}

#[server(prefix = "/api")]
pub async fn create_office(name: String, slug: String, land: String) -> Result<(), AppError> {
    use crate::domain::permissions::{Action, Target};
    let user = ssr::signed_in()?;
    crate::admin::require(&user, Action::ManageOrganisations, Target::System)?;
    let land = crate::domain::Land::parse(&land).map_err(AppError::Invalid)?;
    let slug = crate::domain::Slug::parse(slug.trim()).map_err(AppError::Invalid)?;
    if name.trim().is_empty() {
        return Err(AppError::Invalid(
            "Bitte geben Sie den Namen der Behörde an.".into(),
        ));
    }
    let state = super::ssr::state()?;
    let org = crate::store::NewOrganisation {
        slug: slug.to_string(),
        name: name.trim().to_owned(),
        land,
    };
    match state.store.create_organisation(&org, &[]).await {
        Ok(_) => {}
        Err(err) if err.is_unique_violation() => {
            return Err(AppError::Conflict(format!(
                "Der Kurzname „{slug}“ ist bereits vergeben."
            )))
        }
        Err(err) => return Err(err.into()),
    }
    crate::admin::audit(&state, &user, "office.created", &org.slug, &org.name).await;
    Ok(())
}

#[server(prefix = "/api")]
pub async fn create_team(organisation_id: i64, name: String) -> Result<(), AppError> {
    use crate::domain::permissions::{Action, Target};
    let user = ssr::signed_in()?;
    crate::admin::require(
        &user,
        Action::ManageTeams,
        Target::Organisation {
            id: organisation_id,
        },
    )?;
    if name.trim().is_empty() {
        return Err(AppError::Invalid(
            "Bitte geben Sie den Namen des Teams an.".into(),
        ));
    }
    let state = super::ssr::state()?;
    match state.store.create_team(organisation_id, name.trim()).await {
        Ok(team) => {
            crate::admin::audit(
                &state,
                &user,
                "team.created",
                &format!("office:{organisation_id}"),
                &team.name,
            )
            .await;
            Ok(())
        }
        Err(err) if err.is_unique_violation() => Err(AppError::Conflict(
            "Dieses Team gibt es in der Behörde schon.".into(),
        )),
        Err(crate::store::DbError::Conflict { .. }) => {
            Err(AppError::NotFound("Die Behörde".into()))
        }
        Err(err) => Err(err.into()),
    }
}

#[server(prefix = "/api")]
pub async fn load_users(
    office: String,
    role: String,
    q: String,
) -> Result<UsersOverview, AppError> {
    let user = ssr::signed_in()?;
    let state = super::ssr::state()?;
    let filter = crate::store::UserFilter {
        organisation_id: office.parse().ok(),
        team_ids: Vec::new(),
        role: Role::parse(&role).ok(),
        search: Some(q.trim().to_owned()).filter(|q| !q.is_empty()),
    };
    let users = crate::admin::users::visible_users(&state, &user, filter).await?;
    let is_admin = user.roles.contains(&Role::Admin);
    let invitation_scope = if is_admin { None } else { user.organisation_id };
    let now = chrono::Utc::now();
    let invitations = state
        .store
        .list_open_invitations(invitation_scope, now)
        .await?;
    let actor = super::session::ssr::actor(&user);
    Ok(UsersOverview {
        users: users.into_iter().map(ssr::user_view).collect(),
        invitations: invitations
            .into_iter()
            .filter(|i| {
                user.supervised_teams.is_empty()
                    || i.team_id
                        .is_some_and(|t| user.supervised_teams.contains(&t))
            })
            .map(|i| InvitationView {
                id: i.id,
                email: i.email,
                display_name: i.display_name,
                office: i.organisation_name,
                team: i.team_name,
                expires: i.expires_at.format("%d.%m.%Y").to_string(),
                expired: i.expires_at <= now,
            })
            .collect(),
        offices: ssr::offices_for(&state, &user).await?,
        grantable: crate::domain::permissions::grantable_roles(&actor),
        is_admin,
        own_user_id: user.user_id,
    })
}

#[server(prefix = "/api")]
pub async fn set_user_active(user_id: i64, active: bool) -> Result<(), AppError> {
    let user = ssr::signed_in()?;
    crate::admin::users::set_active(&super::ssr::state()?, &user, user_id, active).await
}

#[server(prefix = "/api")]
pub async fn set_user_roles(
    user_id: i64,
    learner: Option<String>,
    trainer: Option<String>,
    supervisor: Option<String>,
    admin: Option<String>,
) -> Result<(), AppError> {
    let user = ssr::signed_in()?;
    let roles = [
        (learner, Role::Learner),
        (trainer, Role::Trainer),
        (supervisor, Role::Supervisor),
        (admin, Role::Admin),
    ]
    .into_iter()
    .filter_map(|(checked, role)| checked.map(|_| role))
    .collect();
    crate::admin::users::set_roles(&super::ssr::state()?, &user, user_id, roles).await
}

#[server(prefix = "/api")]
pub async fn invite_person(
    office: i64,
    team: String,
    email: String,
    name: String,
    role: String,
) -> Result<String, AppError> {
    let user = ssr::signed_in()?;
    let email = crate::domain::Email::parse(&email).map_err(AppError::Invalid)?;
    let req = crate::admin::invite::InviteRequest {
        organisation_id: office,
        team_id: team.parse().ok(),
        email: email.clone(),
        display_name: name,
        role: Role::parse(&role).map_err(AppError::Invalid)?,
    };
    crate::admin::invite::invite(&super::ssr::state()?, &user, req).await?;
    // A redirect carries the confirmation in both modes (a value would not survive the no-JS
    // redirect back to the form).
    leptos_axum::redirect("/admin/einladen?hinweis=eingeladen");
    Ok(format!("Die Einladung an {email} wurde versendet."))
}

#[server(prefix = "/api")]
pub async fn invite_bulk(
    office: i64,
    csv: String,
) -> Result<crate::api::admin::BulkOutcome, AppError> {
    let user = ssr::signed_in()?;
    let result =
        crate::admin::invite::invite_csv(&super::ssr::state()?, &user, office, &csv).await?;
    if !result.problems.is_empty() {
        // Errors travel back to the form without JavaScript as well; successes do not.
        return Err(AppError::Invalid(format!(
            "{} Einladungen versendet. Nicht eingeladen: {}",
            result.invited,
            result.problems.join(" · ")
        )));
    }
    leptos_axum::redirect("/admin/einladen?hinweis=eingeladen");
    Ok(BulkOutcome {
        invited: result.invited,
        problems: result.problems,
    })
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BulkOutcome {
    pub invited: usize,
    pub problems: Vec<String>,
}

#[server(prefix = "/api")]
pub async fn resend_invitation(invitation_id: i64) -> Result<(), AppError> {
    let user = ssr::signed_in()?;
    crate::admin::invite::resend(&super::ssr::state()?, &user, invitation_id).await
}

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use super::{OfficeView, TeamView, UserView};
    use crate::auth::session::SessionUser;
    use crate::domain::Role;
    use crate::error::AppError;
    use crate::state::AppState;

    pub fn signed_in() -> Result<SessionUser, AppError> {
        crate::api::session::ssr::session_user().ok_or(AppError::Unauthenticated)
    }

    /// Admins see every office; supervisors only their own (and only if they may invite there).
    pub async fn offices_for(
        state: &AppState,
        user: &SessionUser,
    ) -> Result<Vec<OfficeView>, AppError> {
        use crate::domain::permissions::{Action, Target};
        let is_admin = user.roles.contains(&Role::Admin);
        if !is_admin {
            let office = user.organisation_id.ok_or(AppError::Forbidden)?;
            let team_scope = user.supervised_teams.first().map(|t| Target::Team {
                organisation_id: office,
                team_id: *t,
            });
            crate::admin::require(
                user,
                Action::InviteUser,
                team_scope.unwrap_or(Target::Organisation { id: office }),
            )?;
        }
        let offices = state.store.list_organisations().await?;
        // All teams in one query, grouped here: one query per office would grow with the network.
        let mut teams_by_office: std::collections::HashMap<i64, Vec<TeamView>> =
            std::collections::HashMap::new();
        for team in state.store.list_all_teams().await? {
            teams_by_office
                .entry(team.organisation_id)
                .or_default()
                .push(TeamView {
                    id: team.id,
                    name: team.name,
                });
        }
        let views = offices
            .into_iter()
            .filter(|o| is_admin || Some(o.id) == user.organisation_id)
            .map(|office| OfficeView {
                teams: teams_by_office.remove(&office.id).unwrap_or_default(),
                id: office.id,
                name: office.name,
                land: office.land.name_de().to_owned(),
            })
            .collect();
        Ok(views)
    }

    pub fn user_view(u: crate::store::UserRow) -> UserView {
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
}
