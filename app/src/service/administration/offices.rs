//! Offices and teams: the list for forms, and creating them.

use std::collections::HashMap;

use crate::auth::session::SessionUser;
use crate::domain::permissions::{Action, Target};
use crate::domain::{Land, Slug};
use crate::error::AppError;
use crate::service::{audit, require, scope_for};
use crate::state::AppState;
use crate::store::{DbError, NewOrganisation, Ts};
use crate::views::administration::{OfficeView, TeamView};

/// The offices (with their teams) the actor may invite people to: every office for admins,
/// the own office for supervisors, only the supervised teams for team-limited ones.
pub async fn offices_for(
    state: &AppState,
    user: &SessionUser,
) -> Result<Vec<OfficeView>, AppError> {
    let scope = scope_for(user, Action::InviteUser)?;
    let offices = state.store.list_organisations().await?;
    // All teams in one query, grouped here: one query per office would grow with the network.
    let mut teams_by_office: HashMap<i64, Vec<TeamView>> = HashMap::new();
    for team in state.store.list_all_teams().await? {
        if scope.covers_team(team.organisation_id, team.id) {
            teams_by_office
                .entry(team.organisation_id)
                .or_default()
                .push(TeamView {
                    id: team.id,
                    name: team.name,
                });
        }
    }
    Ok(offices
        .into_iter()
        .filter(|o| scope.covers(Some(o.id), None) || scope.office() == Some(o.id))
        .map(|office| OfficeView {
            teams: teams_by_office.remove(&office.id).unwrap_or_default(),
            id: office.id,
            name: office.name,
            land: office.land.name_de().to_owned(),
        })
        .collect())
}

pub async fn create_office(
    state: &AppState,
    user: &SessionUser,
    name: &str,
    slug: &str,
    land: &str,
    now: Ts,
) -> Result<(), AppError> {
    require(user, Action::ManageOrganisations, Target::System)?;
    let land = Land::parse(land).map_err(AppError::Invalid)?;
    let slug = Slug::parse(slug.trim()).map_err(AppError::Invalid)?;
    let name = name.trim();
    if name.is_empty() {
        return Err(AppError::Invalid(
            "Bitte geben Sie den Namen der Behörde an.".into(),
        ));
    }
    let org = NewOrganisation {
        slug: slug.to_string(),
        name: name.to_owned(),
        land,
    };
    match state.store.create_organisation(&org, &[], now).await {
        Ok(_) => {}
        Err(err) if err.is_unique_violation() => {
            return Err(AppError::Conflict(format!(
                "Der Kurzname „{slug}“ ist bereits vergeben."
            )))
        }
        Err(err) => return Err(err.into()),
    }
    audit(
        state,
        Some(user.user_id),
        "office.created",
        &org.slug,
        &org.name,
        now,
    )
    .await;
    Ok(())
}

pub async fn create_team(
    state: &AppState,
    user: &SessionUser,
    organisation_id: i64,
    name: &str,
    now: Ts,
) -> Result<(), AppError> {
    require(
        user,
        Action::ManageTeams,
        Target::Organisation {
            id: organisation_id,
        },
    )?;
    let name = name.trim();
    if name.is_empty() {
        return Err(AppError::Invalid(
            "Bitte geben Sie den Namen des Teams an.".into(),
        ));
    }
    match state.store.create_team(organisation_id, name, now).await {
        Ok(team) => {
            let office = format!("office:{organisation_id}");
            audit(
                state,
                Some(user.user_id),
                "team.created",
                &office,
                &team.name,
                now,
            )
            .await;
            Ok(())
        }
        Err(err) if err.is_unique_violation() => Err(AppError::Conflict(
            "Dieses Team gibt es in der Behörde schon.".into(),
        )),
        Err(DbError::Conflict { .. }) => Err(AppError::NotFound("Die Behörde".into())),
        Err(err) => Err(err.into()),
    }
}
