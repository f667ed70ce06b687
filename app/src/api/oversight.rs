//! Server functions of the oversight pages: the audit log and content problems, the team board,
//! assignments and per-person decisions, the learner's own visibility page, the admins' policy.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::error::AppError;
use crate::views::oversight::{
    AssignFormView, AuditView, OversightPolicyView, PersonDetailView, PersonPageView, ProblemView,
    TeamBoardView,
};

#[server(prefix = "/api")]
pub async fn audit_entries() -> Result<Vec<AuditView>, AppError> {
    let (state, user) = super::ssr::signed_in()?;
    crate::service::oversight::audit_entries(&state, &user).await
}

#[server(prefix = "/api")]
pub async fn content_problem_list() -> Result<Vec<ProblemView>, AppError> {
    let (state, user) = super::ssr::signed_in()?;
    crate::service::oversight::content_problems(&state, &user).await
}

/// The filters of `/team` from its query parameters (unknown values are ignored).
#[cfg(feature = "ssr")]
pub fn board_filter(
    office: &str,
    team: &str,
    track: &str,
    status: &str,
    pflicht: &str,
    page: &str,
) -> crate::views::oversight::BoardFilter {
    const STATUS: [&str; 6] = [
        "not-started",
        "in-progress",
        "due-soon",
        "overdue",
        "completed",
        "excused",
    ];
    crate::views::oversight::BoardFilter {
        office: office.parse().ok(),
        team: team.parse().ok(),
        track: track.parse().ok(),
        status: STATUS.contains(&status).then(|| status.to_owned()),
        mandatory: match pflicht {
            "ja" => Some(true),
            "nein" => Some(false),
            _ => None,
        },
        page: page.parse().unwrap_or(1).max(1),
    }
}

#[server(prefix = "/api")]
pub async fn load_team_board(
    office: String,
    team: String,
    track: String,
    status: String,
    pflicht: String,
    page: String,
) -> Result<TeamBoardView, AppError> {
    let (state, user) = super::ssr::signed_in()?;
    let filter = board_filter(&office, &team, &track, &status, &pflicht, &page);
    crate::service::oversight::team::team_board(&state, &user, filter).await
}

#[server(prefix = "/api")]
pub async fn load_person(id: i64) -> Result<PersonPageView, AppError> {
    let (state, user) = super::ssr::signed_in()?;
    crate::service::oversight::person::person_page(&state, &user, id).await
}

#[server(prefix = "/api")]
pub async fn load_own_visibility() -> Result<Option<PersonDetailView>, AppError> {
    let (state, user) = super::ssr::signed_in()?;
    crate::service::oversight::person::own_visibility(&state, &user).await
}

#[cfg(feature = "ssr")]
#[allow(clippy::too_many_arguments)]
fn assign_input(
    office: Option<i64>,
    target: String,
    track: String,
    modules: HashMap<String, String>,
    pflicht: String,
    due_kind: String,
    due_on: String,
    due_days: String,
) -> crate::service::oversight::assign::AssignInput {
    let mut modules: Vec<i64> = modules
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .filter_map(|(k, _)| k.parse().ok())
        .collect();
    modules.sort_unstable();
    crate::service::oversight::assign::AssignInput {
        office,
        target,
        track: track.parse().ok(),
        modules,
        mandatory: pflicht != "nein",
        due_kind,
        due_on,
        due_days,
    }
}

/// The form's choices; with `preview` set, the preview of the posted draft (GET form).
#[server(prefix = "/api")]
#[allow(clippy::too_many_arguments)]
pub async fn load_assign_form(
    office: String,
    preview: String,
    target: String,
    track: String,
    #[server(default)] modules: HashMap<String, String>,
    pflicht: String,
    due_kind: String,
    due_on: String,
    due_days: String,
) -> Result<(AssignFormView, Option<String>), AppError> {
    let (state, user) = super::ssr::signed_in()?;
    let draft = (!preview.is_empty()).then(|| {
        assign_input(
            office.parse().ok(),
            target,
            track,
            modules,
            pflicht,
            due_kind,
            due_on,
            due_days,
        )
    });
    let draft = draft.or_else(|| {
        office
            .parse()
            .ok()
            .map(|o| crate::service::oversight::assign::AssignInput {
                office: Some(o),
                ..Default::default()
            })
    });
    let preview_requested = !preview.is_empty();
    let (view, error) =
        crate::service::oversight::assign::assign_form(&state, &user, draft).await?;
    Ok((view, error.filter(|_| preview_requested)))
}

#[server(prefix = "/api")]
#[allow(clippy::too_many_arguments)]
pub async fn assign_track(
    office: i64,
    #[server(default)] target: String,
    #[server(default)] track: String,
    #[server(default)] modules: HashMap<String, String>,
    #[server(default)] pflicht: String,
    #[server(default)] due_kind: String,
    #[server(default)] due_on: String,
    #[server(default)] due_days: String,
) -> Result<(), AppError> {
    let (state, user) = super::ssr::signed_in()?;
    let input = assign_input(
        Some(office),
        target,
        track,
        modules,
        pflicht,
        due_kind,
        due_on,
        due_days,
    );
    crate::service::oversight::assign::assign(&state, &user, input).await?;
    leptos_axum::redirect(&format!("/team?office={office}&hinweis=zugewiesen"));
    Ok(())
}

#[server(prefix = "/api")]
pub async fn decide_assignment(
    assignment_id: i64,
    person_id: i64,
    kind: String,
    #[server(default)] extended_to: String,
    reason: String,
) -> Result<(), AppError> {
    use crate::service::oversight::person::{decide, Decision};
    let (state, user) = super::ssr::signed_in()?;
    decide(
        &state,
        &user,
        Decision {
            assignment_id,
            person_id,
            kind,
            extended_to,
            reason,
        },
    )
    .await?;
    leptos_axum::redirect(&format!("/team/personen/{person_id}?hinweis=gespeichert"));
    Ok(())
}

#[server(prefix = "/api")]
pub async fn withdraw_assignment(
    office: i64,
    assignment_id: i64,
    reason: String,
) -> Result<(), AppError> {
    let (state, user) = super::ssr::signed_in()?;
    crate::service::oversight::assign::withdraw(&state, &user, assignment_id, &reason).await?;
    leptos_axum::redirect(&format!("/team?office={office}&hinweis=zurueckgenommen"));
    Ok(())
}

#[server(prefix = "/api")]
pub async fn load_oversight_policy() -> Result<OversightPolicyView, AppError> {
    let (state, user) = super::ssr::signed_in()?;
    crate::service::oversight::policy::policy(&state, &user).await
}

#[server(prefix = "/api")]
pub async fn set_oversight_level(organisation_id: i64, level: String) -> Result<(), AppError> {
    let (state, user) = super::ssr::signed_in()?;
    crate::service::oversight::policy::set_level(&state, &user, organisation_id, &level).await?;
    leptos_axum::redirect("/admin/auswertung?hinweis=gespeichert");
    Ok(())
}
