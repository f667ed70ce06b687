//! Oversight: supervisors' assignments, progress board, person pages and exports (with the data
//! minimisation of `domain::minimisation`), the admins' policy page, retention, and the
//! read-only audit log and content problems.

pub mod assign;
pub mod board;
pub mod completion;
pub mod export;
pub mod office;
pub mod person;
pub mod policy;
pub mod retention;
pub mod team;

use crate::auth::session::SessionUser;
use crate::domain::permissions::{Action, Target};
use crate::domain::time::date_time_de;
use crate::error::AppError;
use crate::service::require;
use crate::state::AppState;
use crate::views::oversight::{AuditView, ProblemView};

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
        "assignment.created" => "Lernpfad zugewiesen",
        "assignment.extended" => "Frist verlängert",
        "assignment.excused" => "Von Zuweisung befreit",
        "assignment.withdrawn" => "Zuweisung zurückgenommen",
        "progress.exported" => "Lernstand exportiert",
        "office.oversight_level_changed" => "Auswertungsstufe geändert",
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
