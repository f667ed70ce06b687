//! `/team/zuweisen`: assign a track (or chosen modules of it) to a person, a team or the whole
//! office, Pflicht or Empfehlung, due on a date or N days after the person started; with a
//! preview of how many people it reaches. Withdrawing a whole assignment lives here too.

use super::office::{self, OfficeBoard};
use crate::auth::session::SessionUser;
use crate::domain::assignment::{check_due_rule, check_reason, AssignTarget, DueRule};
use crate::domain::permissions::{allowed, Action, Target};
use crate::domain::time::{date_de, local_date};
use crate::error::AppError;
use crate::service::{audit, require};
use crate::state::AppState;
use crate::store::NewAssignment;
use crate::views::oversight::*;

/// The form as posted (or as a preview request).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AssignInput {
    pub office: Option<i64>,
    /// `office`, `team:ID` or `person:ID`.
    pub target: String,
    pub track: Option<i64>,
    /// Empty: the whole track.
    pub modules: Vec<i64>,
    pub mandatory: bool,
    /// `date` or `days`.
    pub due_kind: String,
    pub due_on: String,
    pub due_days: String,
}

struct Checked {
    target: AssignTarget,
    track_id: i64,
    modules: Vec<i64>,
    rule: DueRule,
}

fn parse_target(s: &str) -> Result<AssignTarget, AppError> {
    let bad = || AppError::Invalid("Bitte wählen Sie, wem Sie zuweisen.".into());
    match s.split_once(':') {
        None if s == "office" => Ok(AssignTarget::Office),
        Some(("team", id)) => id.parse().map(AssignTarget::Team).map_err(|_| bad()),
        Some(("person", id)) => id.parse().map(AssignTarget::Person).map_err(|_| bad()),
        _ => Err(bad()),
    }
}

fn target_permission(ob: &OfficeBoard, target: AssignTarget) -> Target {
    match target {
        AssignTarget::Office => Target::Organisation { id: ob.office.id },
        AssignTarget::Team(team_id) => Target::Team {
            organisation_id: ob.office.id,
            team_id,
        },
        AssignTarget::Person(id) => Target::User {
            user_id: id,
            organisation_id: Some(ob.office.id),
            team_id: ob
                .board
                .people
                .iter()
                .find(|p| p.person.id == id)
                .and_then(|p| p.person.team_id),
            roles_include_admin: false,
        },
    }
}

fn check(ob: &OfficeBoard, input: &AssignInput) -> Result<Checked, AppError> {
    let target = parse_target(&input.target)?;
    match target {
        AssignTarget::Team(id) if !ob.teams.iter().any(|t| t.id == id) => {
            return Err(AppError::Invalid(
                "Dieses Team gibt es in Ihrem Bereich nicht.".into(),
            ))
        }
        AssignTarget::Person(id) if !ob.board.people.iter().any(|p| p.person.id == id) => {
            return Err(AppError::Invalid(
                "Diese Person gibt es in Ihrem Bereich nicht.".into(),
            ))
        }
        _ => {}
    }
    let track = input
        .track
        .and_then(|id| ob.outline.tracks.iter().find(|t| t.id == id))
        .ok_or_else(|| AppError::Invalid("Bitte wählen Sie einen Lernpfad.".into()))?;
    if let Some(m) = input
        .modules
        .iter()
        .find(|m| !track.modules.iter().any(|x| x.id == **m))
    {
        tracing::warn!(module = m, "module not in the chosen track");
        return Err(AppError::Invalid(
            "Die gewählten Module gehören nicht zu diesem Lernpfad.".into(),
        ));
    }
    // All modules chosen is the whole track (and stays so when modules are added later).
    let modules = if input.modules.len() == track.modules.len() {
        Vec::new()
    } else {
        input.modules.clone()
    };
    let rule =
        match input.due_kind.as_str() {
            "days" => DueRule::DaysAfterStart(input.due_days.trim().parse().map_err(|_| {
                AppError::Invalid("Bitte geben Sie die Frist als Zahl von Tagen an.".into())
            })?),
            _ => DueRule::On(input.due_on.trim().parse().map_err(|_| {
                AppError::Invalid("Bitte geben Sie ein Fälligkeitsdatum an.".into())
            })?),
        };
    let rule = check_due_rule(rule, ob.today).map_err(AppError::Invalid)?;
    Ok(Checked {
        target,
        track_id: track.id,
        modules,
        rule,
    })
}

fn reached(ob: &OfficeBoard, target: AssignTarget) -> usize {
    ob.board
        .people
        .iter()
        .filter(|p| target.reaches(p.person.id, p.person.team_id))
        .count()
}

/// The form's choices; with `draft`, the preview of that draft (or its error).
pub async fn assign_form(
    state: &AppState,
    user: &SessionUser,
    draft: Option<AssignInput>,
) -> Result<(AssignFormView, Option<String>), AppError> {
    let office_id = draft.as_ref().and_then(|d| d.office);
    let ob = office::load(state, user, Action::AssignTrack, office_id, None).await?;
    let mut error = None;
    let preview = match &draft {
        None => None,
        Some(d) => match check(&ob, d) {
            Err(err) => {
                error = Some(err.to_string());
                None
            }
            Ok(c) => {
                let n = reached(&ob, c.target);
                let due = match c.rule {
                    DueRule::On(date) => format!("fällig am {}", date_de(date)),
                    DueRule::DaysAfterStart(days) => {
                        format!("fällig {days} Tage nach Dienstbeginn der Person")
                    }
                };
                Some(PreviewView {
                    reached: n,
                    text: format!(
                        "Diese Zuweisung erreicht {n} {} ({}, {due}).",
                        if n == 1 { "Person" } else { "Personen" },
                        if d.mandatory { "Pflicht" } else { "Empfehlung" }
                    ),
                })
            }
        },
    };
    let view = AssignFormView {
        office_id: ob.office.id,
        office: ob.office.name.clone(),
        can_assign_office: allowed(
            &user.actor(),
            Action::AssignTrack,
            Target::Organisation { id: ob.office.id },
        ),
        teams: ob
            .teams
            .iter()
            .map(|t| OptionView {
                id: t.id,
                label: t.name.clone(),
            })
            .collect(),
        people: ob
            .board
            .people
            .iter()
            .map(|p| OptionView {
                id: p.person.id,
                label: format!(
                    "{} ({})",
                    p.person.display_name,
                    ob.team_name(p.person.team_id)
                ),
            })
            .collect(),
        tracks: ob
            .outline
            .tracks
            .iter()
            .map(|t| TrackChoiceView {
                id: t.id,
                title: t.title.clone(),
                modules: t
                    .modules
                    .iter()
                    .map(|m| OptionView {
                        id: m.id,
                        label: m.title.clone(),
                    })
                    .collect(),
            })
            .collect(),
        preview,
        today: local_date(state.now()).format("%Y-%m-%d").to_string(),
    };
    Ok((view, error))
}

/// Saves the assignment; returns its id.
pub async fn assign(
    state: &AppState,
    user: &SessionUser,
    input: AssignInput,
) -> Result<i64, AppError> {
    let ob = office::load(state, user, Action::AssignTrack, input.office, None).await?;
    let c = check(&ob, &input)?;
    require(user, Action::AssignTrack, target_permission(&ob, c.target))?;
    let (user_id, team_id) = match c.target {
        AssignTarget::Person(id) => (Some(id), None),
        AssignTarget::Team(id) => (None, Some(id)),
        AssignTarget::Office => (None, None),
    };
    let (due_on, due_days) = match c.rule {
        DueRule::On(date) => (Some(date), None),
        DueRule::DaysAfterStart(days) => (None, i32::try_from(days).ok()),
    };
    let now = state.now();
    let id = state
        .store
        .create_assignment(
            &NewAssignment {
                track_id: c.track_id,
                organisation_id: ob.office.id,
                team_id,
                user_id,
                module_ids: c.modules.clone(),
                mandatory: input.mandatory,
                due_on,
                due_days,
                assigned_by: user.user_id,
            },
            now,
        )
        .await?;
    audit(
        state,
        Some(user.user_id),
        "assignment.created",
        &format!("assignment:{id}"),
        &format!(
            "{} an {}, {}, {}{}",
            ob.track_title(c.track_id),
            match c.target {
                AssignTarget::Office => "ganze Behörde".to_owned(),
                AssignTarget::Team(t) => format!("Team {}", ob.team_name(Some(t))),
                AssignTarget::Person(p) => format!("Person {p}"),
            },
            if input.mandatory {
                "Pflicht"
            } else {
                "Empfehlung"
            },
            match c.rule {
                DueRule::On(date) => format!("fällig {}", date_de(date)),
                DueRule::DaysAfterStart(days) => format!("{days} Tage nach Dienstbeginn"),
            },
            if c.modules.is_empty() {
                String::new()
            } else {
                format!(", {} Module", c.modules.len())
            }
        ),
        now,
    )
    .await;
    // People who already completed the scope get their completion record now.
    office::load(state, user, Action::AssignTrack, Some(ob.office.id), None).await?;
    Ok(id)
}

/// Withdraws a whole assignment (for everyone it reaches), with a reason.
pub async fn withdraw(
    state: &AppState,
    user: &SessionUser,
    assignment_id: i64,
    reason: &str,
) -> Result<(), AppError> {
    let a = state
        .store
        .find_assignment(assignment_id)
        .await?
        .ok_or_else(|| AppError::NotFound("Die Zuweisung".into()))?;
    let ob = office::load(
        state,
        user,
        Action::AssignTrack,
        Some(a.organisation_id),
        None,
    )
    .await?;
    if ob.office.id != a.organisation_id {
        return Err(AppError::Forbidden);
    }
    require(
        user,
        Action::AssignTrack,
        target_permission(&ob, AssignTarget::from_columns(a.user_id, a.team_id)),
    )?;
    let reason = check_reason(reason).map_err(AppError::Invalid)?;
    let now = state.now();
    if state
        .store
        .withdraw_assignment(a.id, user.user_id, &reason, now)
        .await?
    {
        audit(
            state,
            Some(user.user_id),
            "assignment.withdrawn",
            &format!("assignment:{}", a.id),
            &format!("ganze Zuweisung, Begründung: {reason}"),
            now,
        )
        .await;
    }
    Ok(())
}
