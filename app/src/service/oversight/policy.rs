//! `/admin/auswertung`: per office the oversight level, what supervisors see under it, who they
//! are, and how long data is kept, in plain German (printable as the annex to a
//! Dienstvereinbarung). Changing the level is audit-logged.

use crate::auth::session::SessionUser;
use crate::domain::minimisation::{OversightLevel, NEVER_SHOWN_DE};
use crate::domain::permissions::{Action, Target};
use crate::domain::scope::Scope;
use crate::domain::Role;
use crate::error::AppError;
use crate::service::{audit, require};
use crate::state::AppState;
use crate::store::UserFilter;
use crate::views::oversight::*;

pub async fn policy(state: &AppState, user: &SessionUser) -> Result<OversightPolicyView, AppError> {
    require(user, Action::ManageOrganisations, Target::System)?;
    let offices = state.store.list_organisations().await?;
    let mut filter = UserFilter::within(Scope::All);
    filter.role = Some(Role::Supervisor);
    filter.limit = 10_000;
    let supervisors = state.store.list_users(&filter).await?.rows;
    let retention = state.retention;
    Ok(OversightPolicyView {
        offices: offices
            .into_iter()
            .map(|o| OfficePolicyView {
                id: o.id,
                name: o.name.clone(),
                level: o.oversight_level.key().to_owned(),
                level_label: o.oversight_level.label_de().to_owned(),
                description: o.oversight_level.description_de().to_owned(),
                supervisors: supervisors
                    .iter()
                    .filter(|s| s.organisation_id == Some(o.id) && s.active)
                    .map(|s| match &s.team_name {
                        Some(team) => format!("{} (Team {team})", s.display_name),
                        None => s.display_name.clone(),
                    })
                    .collect(),
            })
            .collect(),
        levels: OversightLevel::ALL
            .into_iter()
            .map(|l| LevelView {
                key: l.key().to_owned(),
                label: l.label_de().to_owned(),
                description: l.description_de().to_owned(),
            })
            .collect(),
        never_shown: NEVER_SHOWN_DE.iter().map(|s| (*s).to_owned()).collect(),
        retention_details_days: retention.details_days,
        retention_completions_years: retention.completions_years,
    })
}

pub async fn set_level(
    state: &AppState,
    user: &SessionUser,
    organisation_id: i64,
    level: &str,
) -> Result<(), AppError> {
    require(user, Action::ManageOrganisations, Target::System)?;
    let level = OversightLevel::parse(level).map_err(AppError::Invalid)?;
    let office = state
        .store
        .find_organisation(organisation_id)
        .await?
        .ok_or_else(|| AppError::NotFound("Die Behörde".into()))?;
    if office.oversight_level == level {
        return Ok(());
    }
    state.store.set_oversight_level(office.id, level).await?;
    audit(
        state,
        Some(user.user_id),
        "office.oversight_level_changed",
        &format!("office:{}", office.id),
        &format!(
            "{}: {} → {}",
            office.name,
            office.oversight_level.label_de(),
            level.label_de()
        ),
        state.now(),
    )
    .await;
    Ok(())
}
