//! Read-only oversight: the audit log, content problems of the last import, the team page.

use crate::auth::session::SessionUser;
use crate::domain::permissions::{Action, Target};
use crate::domain::scope::Scope;
use crate::domain::time::date_time_de;
use crate::error::AppError;
use crate::service::administration::user_view;
use crate::service::{require, scope_for};
use crate::state::AppState;
use crate::store::UserFilter;
use crate::views::oversight::{AuditView, ProblemView, TeamOverview};

pub async fn audit_entries(
    state: &AppState,
    user: &SessionUser,
) -> Result<Vec<AuditView>, AppError> {
    require(user, Action::ViewAuditLog, Target::System)?;
    let entries = state.store.audit_log(200).await?;
    Ok(entries
        .into_iter()
        .map(|e| AuditView {
            when: date_time_de(e.created_at),
            actor: e.actor_email.unwrap_or_else(|| "System".into()),
            action: action_label(&e.action).to_owned(),
            target: e.target,
            details: e.details,
        })
        .collect())
}

/// German labels for audit actions (only the server renders the log).
fn action_label(action: &str) -> &str {
    match action {
        "user.invited" => "Person eingeladen",
        "invitation.accepted" => "Einladung angenommen",
        "invitation.resent" => "Einladung erneut gesendet",
        "invitation.revoked" => "Einladung zurückgezogen",
        "user.deactivated" => "Konto deaktiviert",
        "user.reactivated" => "Konto reaktiviert",
        "user.roles_changed" => "Rollen geändert",
        "office.created" => "Behörde angelegt",
        "team.created" => "Team angelegt",
        "password.reset" => "Passwort zurückgesetzt",
        other => other,
    }
}

pub async fn content_problems(
    state: &AppState,
    user: &SessionUser,
) -> Result<Vec<ProblemView>, AppError> {
    require(user, Action::ViewContentProblems, Target::System)?;
    let problems = state.store.content_problems().await?;
    Ok(problems
        .into_iter()
        .map(|p| ProblemView {
            location: format!("{}:{}", p.file, p.line),
            is_error: p.level == crate::content::Level::Error,
            message: p.message,
        })
        .collect())
}

/// The people of the supervisor's office or teams.
pub async fn team_overview(state: &AppState, user: &SessionUser) -> Result<TeamOverview, AppError> {
    let scope = scope_for(user, Action::ViewTeamPage)?;
    let office_id = match &scope {
        Scope::Office {
            organisation_id, ..
        } => *organisation_id,
        // Admins without an office of their own see the administration's people list instead.
        _ => user.organisation_id.ok_or(AppError::Forbidden)?,
    };
    let office = state
        .store
        .find_organisation(office_id)
        .await?
        .ok_or(AppError::Forbidden)?;
    let label = if scope.is_team_limited() {
        "Ihre Teams"
    } else {
        "ganze Behörde"
    };
    let mut filter = UserFilter::within(scope);
    filter.organisation_id = Some(office_id);
    filter.limit = 500;
    let page = state.store.list_users(&filter).await?;
    Ok(TeamOverview {
        office: office.name,
        scope: label.into(),
        members: page.rows.into_iter().map(user_view).collect(),
        total: page.total,
    })
}
