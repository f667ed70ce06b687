//! Read-only views: the audit log, content problems of the last import, and the team page.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::admin::UserView;
use crate::error::AppError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditView {
    pub when: String,
    pub actor: String,
    pub action: String,
    pub target: String,
    pub details: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProblemView {
    pub location: String,
    pub is_error: bool,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamOverview {
    pub office: String,
    pub scope: String,
    pub members: Vec<UserView>,
}

#[server(prefix = "/api")]
pub async fn audit_entries() -> Result<Vec<AuditView>, AppError> {
    use crate::domain::permissions::{Action, Target};
    let user = super::admin::ssr::signed_in()?;
    crate::admin::require(&user, Action::ViewAuditLog, Target::System)?;
    let entries = super::ssr::state()?.store.audit_log(200).await?;
    Ok(entries
        .into_iter()
        .map(|e| AuditView {
            when: e.created_at.format("%d.%m.%Y %H:%M UTC").to_string(),
            actor: e.actor_email.unwrap_or_else(|| "System".into()),
            action: action_label(&e.action).to_owned(),
            target: e.target,
            details: e.details,
        })
        .collect())
}

/// German labels for audit actions (only the server renders the log).
#[cfg(feature = "ssr")]
fn action_label(action: &str) -> &str {
    match action {
        "user.invited" => "Person eingeladen",
        "invitation.accepted" => "Einladung angenommen",
        "user.deactivated" => "Konto deaktiviert",
        "user.reactivated" => "Konto reaktiviert",
        "user.roles_changed" => "Rollen geändert",
        "office.created" => "Behörde angelegt",
        "team.created" => "Team angelegt",
        "password.reset" => "Passwort zurückgesetzt",
        other => other,
    }
}

#[server(prefix = "/api")]
pub async fn content_problem_list() -> Result<Vec<ProblemView>, AppError> {
    use crate::domain::permissions::{Action, Target};
    let user = super::admin::ssr::signed_in()?;
    crate::admin::require(&user, Action::ViewContentProblems, Target::System)?;
    let problems = super::ssr::state()?.store.content_problems().await?;
    Ok(problems
        .into_iter()
        .map(|p| ProblemView {
            location: format!("{}:{}", p.file, p.line),
            is_error: p.level == crate::content::Level::Error,
            message: p.message,
        })
        .collect())
}

#[server(prefix = "/api")]
pub async fn my_team() -> Result<TeamOverview, AppError> {
    use crate::domain::permissions::{Action, Target};
    let user = super::admin::ssr::signed_in()?;
    let state = super::ssr::state()?;
    let office_id = user.organisation_id.ok_or(AppError::Forbidden)?;
    if user.supervised_teams.is_empty() {
        crate::admin::require(
            &user,
            Action::ViewTeamPage,
            Target::Organisation { id: office_id },
        )?;
    } else {
        for team in &user.supervised_teams {
            crate::admin::require(
                &user,
                Action::ViewTeamPage,
                Target::Team {
                    organisation_id: office_id,
                    team_id: *team,
                },
            )?;
        }
    }
    let office = state
        .store
        .find_organisation(office_id)
        .await?
        .ok_or(AppError::Forbidden)?;
    let filter = crate::store::UserFilter {
        organisation_id: Some(office_id),
        ..Default::default()
    };
    let members = crate::admin::users::visible_users(&state, &user, filter).await?;
    Ok(TeamOverview {
        office: office.name,
        scope: if user.supervised_teams.is_empty() {
            "ganze Behörde".into()
        } else {
            "Ihre Teams".into()
        },
        members: members
            .into_iter()
            .map(super::admin::ssr::user_view)
            .collect(),
    })
}
