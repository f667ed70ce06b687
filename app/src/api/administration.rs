//! Server functions of the administration pages: offices, teams, people, invitations.

use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::domain::Role;
use crate::error::AppError;
use crate::views::administration::{BulkOutcome, InviteOptions, OfficeView, UsersOverview};

#[server(prefix = "/api")]
pub async fn admin_offices() -> Result<Vec<OfficeView>, AppError> {
    let (state, user) = super::ssr::signed_in()?;
    crate::service::administration::offices::offices_for(&state, &user).await
}

/// Offices, teams and roles the signed-in person may invite people into.
#[server(prefix = "/api")]
pub async fn load_invite_options() -> Result<InviteOptions, AppError> {
    let (state, user) = super::ssr::signed_in()?;
    Ok(InviteOptions {
        offices: crate::service::administration::offices::offices_for(&state, &user).await?,
        grantable: crate::domain::permissions::grantable_roles(&user.actor()),
    })
}

#[server(prefix = "/api")]
pub async fn create_office(name: String, slug: String, land: String) -> Result<(), AppError> {
    let (state, user) = super::ssr::signed_in()?;
    crate::service::administration::offices::create_office(
        &state,
        &user,
        &name,
        &slug,
        &land,
        state.now(),
    )
    .await
}

#[server(prefix = "/api")]
pub async fn create_team(organisation_id: i64, name: String) -> Result<(), AppError> {
    let (state, user) = super::ssr::signed_in()?;
    crate::service::administration::offices::create_team(
        &state,
        &user,
        organisation_id,
        &name,
        state.now(),
    )
    .await
}

#[server(prefix = "/api")]
pub async fn load_users(
    office: String,
    role: String,
    q: String,
    #[server(default)] page: Option<i64>,
) -> Result<UsersOverview, AppError> {
    use crate::service::administration::{invitations, offices, user_view, users};
    let (state, user) = super::ssr::signed_in()?;
    let page = page.unwrap_or(1).max(1);
    let mut filter = crate::store::UserFilter::within(crate::domain::scope::Scope::Nothing);
    filter.organisation_id = office.parse().ok();
    filter.role = Role::parse(&role).ok();
    filter.search = Some(q.trim().to_owned()).filter(|q| !q.is_empty());
    filter.limit = users::PAGE_SIZE;
    filter.offset = (page - 1) * users::PAGE_SIZE;
    let people = users::people(&state, &user, filter).await?;
    let now = state.now();
    Ok(UsersOverview {
        users: people.rows.into_iter().map(user_view).collect(),
        total: people.total,
        page,
        pages: (people.total + users::PAGE_SIZE - 1) / users::PAGE_SIZE,
        invitations: invitations::open_invitations(&state, &user, now).await?,
        offices: offices::offices_for(&state, &user).await?,
        grantable: crate::domain::permissions::grantable_roles(&user.actor()),
        is_admin: user.has(Role::Admin),
        own_user_id: user.user_id,
    })
}

#[server(prefix = "/api")]
pub async fn set_user_active(user_id: i64, active: bool) -> Result<(), AppError> {
    let (state, user) = super::ssr::signed_in()?;
    crate::service::administration::users::set_active(&state, &user, user_id, active, state.now())
        .await
}

#[server(prefix = "/api")]
pub async fn set_user_roles(
    user_id: i64,
    learner: Option<String>,
    trainer: Option<String>,
    supervisor: Option<String>,
    admin: Option<String>,
) -> Result<(), AppError> {
    let (state, user) = super::ssr::signed_in()?;
    let roles = [
        (learner, Role::Learner),
        (trainer, Role::Trainer),
        (supervisor, Role::Supervisor),
        (admin, Role::Admin),
    ]
    .into_iter()
    .filter_map(|(checked, role)| checked.map(|_| role))
    .collect();
    crate::service::administration::users::set_roles(&state, &user, user_id, roles, state.now())
        .await
}

#[server(prefix = "/api")]
pub async fn invite_person(
    office: i64,
    team: String,
    email: String,
    name: String,
    role: String,
) -> Result<String, AppError> {
    use crate::service::administration::invitations::{invite, InviteRequest};
    let (state, user) = super::ssr::signed_in()?;
    let email = crate::domain::Email::parse(&email).map_err(AppError::Invalid)?;
    let req = InviteRequest {
        organisation_id: office,
        team_id: team.parse().ok(),
        email: email.clone(),
        display_name: crate::domain::DisplayName::parse(&name).map_err(AppError::Invalid)?,
        role: Role::parse(&role).map_err(AppError::Invalid)?,
    };
    invite(&state, &user, req, state.now()).await?;
    // A redirect carries the confirmation in both modes (a value would not survive the no-JS
    // redirect back to the form).
    leptos_axum::redirect("/admin/einladen?hinweis=eingeladen");
    Ok(format!("Die Einladung an {email} wurde versendet."))
}

#[server(prefix = "/api")]
pub async fn invite_bulk(office: i64, csv: String) -> Result<BulkOutcome, AppError> {
    let (state, user) = super::ssr::signed_in()?;
    let result = crate::service::administration::invitations::invite_csv(
        &state,
        &user,
        office,
        &csv,
        state.now(),
    )
    .await?;
    if !result.problems.is_empty() {
        // Errors travel back to the form without JavaScript as well; successes do not.
        return Err(AppError::Invalid(format!(
            "{} Einladungen versendet. Nicht eingeladen: {}",
            result.invited,
            result.problems.join(" · ")
        )));
    }
    leptos_axum::redirect("/admin/einladen?hinweis=eingeladen");
    Ok(result)
}

#[server(prefix = "/api")]
pub async fn resend_invitation(invitation_id: i64) -> Result<(), AppError> {
    let (state, user) = super::ssr::signed_in()?;
    crate::service::administration::invitations::resend(&state, &user, invitation_id, state.now())
        .await
}

#[server(prefix = "/api")]
pub async fn revoke_invitation(invitation_id: i64) -> Result<(), AppError> {
    let (state, user) = super::ssr::signed_in()?;
    crate::service::administration::invitations::revoke(&state, &user, invitation_id, state.now())
        .await
}
