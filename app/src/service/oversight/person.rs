//! One person's assignments: `/team/personen/{id}` for the supervisor, with the decisions
//! (extend, excuse, withdraw), and `/profil/sichtbarkeit` for the person themself, built by the
//! same function from the same data, so the learner sees exactly what the supervisor sees.

use super::board::PersonBoard;
use super::office::{self, OfficeBoard};
use super::team::{status_view, tests_for};
use crate::auth::session::SessionUser;
use crate::domain::assignment::{
    check_extension, check_reason, AssignTarget, AssignmentStatus, Override,
};
use crate::domain::permissions::{Action, Target};
use crate::domain::time::{date_de, date_time_de};
use crate::error::AppError;
use crate::service::{audit, require};
use crate::state::AppState;
use crate::store::{NewOverride, TestOutcome};
use crate::views::oversight::*;

/// The detail view of `p` as the office's level allows it.
pub fn detail(ob: &OfficeBoard, p: &PersonBoard, tests: &[TestOutcome]) -> PersonDetailView {
    let level = ob.office.oversight_level;
    let assignments = if level.shows_people() {
        p.applied
            .iter()
            .map(|a| {
                let all = ob
                    .outline
                    .tracks
                    .iter()
                    .find(|t| t.id == a.assignment.track_id)
                    .is_some_and(|t| t.modules.len() == a.modules.len());
                let extended = matches!(a.decision, Some(Override::Extended { .. }));
                PersonAssignmentView {
                    assignment_id: a.assignment.id,
                    track: ob.track_title(a.assignment.track_id),
                    modules: if all {
                        "alle Module".to_owned()
                    } else {
                        a.modules
                            .iter()
                            .map(|m| ob.module_title(*m))
                            .collect::<Vec<_>>()
                            .join(", ")
                    },
                    mandatory: a.assignment.mandatory,
                    status: status_view(a.status),
                    due: a.effective_due().map(date_de),
                    original_due: if extended { a.due.map(date_de) } else { None },
                    completed_on: match a.status {
                        AssignmentStatus::Completed { on } => Some(date_de(on)),
                        _ => None,
                    },
                    overrides: a
                        .history
                        .iter()
                        .map(|o| OverrideView {
                            when: date_time_de(o.created_at),
                            what: Override::from_columns(&o.kind, o.extended_to)
                                .map(Override::label_de)
                                .unwrap_or_default(),
                            reason: o.reason.clone(),
                            by: o.created_by_name.clone().unwrap_or_else(|| "–".to_owned()),
                        })
                        .collect(),
                    tests: if level.shows_test_outcome(a.assignment.mandatory) {
                        a.modules
                            .iter()
                            .filter(|m| {
                                ob.outline
                                    .tracks
                                    .iter()
                                    .flat_map(|t| t.modules.iter())
                                    .any(|x| x.id == **m && x.quiz.is_some())
                            })
                            .map(|m| TestView {
                                module: ob.module_title(*m),
                                outcome: match tests
                                    .iter()
                                    .find(|t| t.user_id == p.person.id && t.module_id == *m)
                                {
                                    Some(t) if t.passed => "bestanden",
                                    Some(_) => "nicht bestanden",
                                    None => "nicht abgelegt",
                                }
                                .to_owned(),
                            })
                            .collect()
                    } else {
                        Vec::new()
                    },
                    personal: AssignTarget::from_columns(
                        a.assignment.user_id,
                        a.assignment.team_id,
                    ) == AssignTarget::Person(p.person.id),
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    PersonDetailView {
        user_id: p.person.id,
        name: p.person.display_name.clone(),
        team: ob.team_name(p.person.team_id),
        level_label: level.label_de().to_owned(),
        shows_people: level.shows_people(),
        assignments,
    }
}

async fn person_target(state: &AppState, person_id: i64) -> Result<Target, AppError> {
    let person = state
        .store
        .find_user_by_id(person_id)
        .await?
        .ok_or_else(|| AppError::NotFound("Die Person".into()))?;
    Ok(Target::User {
        user_id: person.id,
        organisation_id: person.organisation_id,
        team_id: person.team_id,
        roles_include_admin: person.roles.contains(&crate::domain::Role::Admin),
    })
}

pub async fn person_page(
    state: &AppState,
    user: &SessionUser,
    person_id: i64,
) -> Result<PersonPageView, AppError> {
    let target = person_target(state, person_id).await?;
    require(user, Action::ViewUserProgress, target)?;
    let Target::User {
        organisation_id, ..
    } = target
    else {
        return Err(AppError::Forbidden);
    };
    let ob = office::load(
        state,
        user,
        Action::ViewTeamPage,
        organisation_id,
        Some(person_id),
    )
    .await?;
    if Some(ob.office.id) != organisation_id {
        return Err(AppError::Forbidden);
    }
    let p = ob
        .board
        .people
        .first()
        .ok_or_else(|| AppError::NotFound("Die Person (aktiv, mit Lernrolle)".into()))?;
    let tests = tests_for(state, &ob, Some(person_id)).await?;
    Ok(PersonPageView {
        detail: detail(&ob, p, &tests),
        can_manage: crate::domain::permissions::allowed(&user.actor(), Action::AssignTrack, target),
        today: date_de(ob.today),
    })
}

/// `/profil/sichtbarkeit`: the learner's own record as their supervisor sees it.
pub async fn own_visibility(
    state: &AppState,
    user: &SessionUser,
) -> Result<Option<PersonDetailView>, AppError> {
    require(user, Action::ViewOwnProgress, Target::Own)?;
    let Some(ob) = office::load_own(state, user).await? else {
        return Ok(None);
    };
    let Some(p) = ob.board.people.first() else {
        return Ok(None);
    };
    let tests = tests_for(state, &ob, Some(user.user_id)).await?;
    Ok(Some(detail(&ob, p, &tests)))
}

/// Extend, excuse or withdraw one assignment for one person, with a reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub assignment_id: i64,
    pub person_id: i64,
    /// `extend`, `excuse` or `withdraw`.
    pub kind: String,
    /// `yyyy-mm-dd`, for `extend`.
    pub extended_to: String,
    pub reason: String,
}

pub async fn decide(state: &AppState, user: &SessionUser, d: Decision) -> Result<(), AppError> {
    let target = person_target(state, d.person_id).await?;
    require(user, Action::AssignTrack, target)?;
    let Target::User {
        organisation_id,
        team_id,
        ..
    } = target
    else {
        return Err(AppError::Forbidden);
    };
    let assignment = state
        .store
        .find_assignment(d.assignment_id)
        .await?
        .filter(|a| Some(a.organisation_id) == organisation_id)
        .filter(|a| AssignTarget::from_columns(a.user_id, a.team_id).reaches(d.person_id, team_id))
        .ok_or_else(|| AppError::NotFound("Die Zuweisung".into()))?;
    let reason = check_reason(&d.reason).map_err(AppError::Invalid)?;
    let now = state.now();
    let today = crate::domain::time::local_date(now);
    let (kind, extended_to, action) = match d.kind.as_str() {
        "extend" => {
            let to = d.extended_to.trim().parse().map_err(|_| {
                AppError::Invalid("Bitte geben Sie die neue Frist als Datum an.".into())
            })?;
            let to = check_extension(to, today).map_err(AppError::Invalid)?;
            ("extend", Some(to), "assignment.extended")
        }
        "excuse" => ("excuse", None, "assignment.excused"),
        "withdraw" => ("withdraw", None, "assignment.withdrawn"),
        _ => return Err(AppError::Invalid("Unbekannte Entscheidung.".into())),
    };
    let personal = AssignTarget::from_columns(assignment.user_id, assignment.team_id)
        == AssignTarget::Person(d.person_id);
    if kind == "withdraw" && personal {
        state
            .store
            .withdraw_assignment(assignment.id, user.user_id, &reason, now)
            .await?;
    } else {
        state
            .store
            .add_override(
                &NewOverride {
                    assignment_id: assignment.id,
                    user_id: d.person_id,
                    kind,
                    extended_to,
                    reason: reason.clone(),
                    created_by: user.user_id,
                },
                now,
            )
            .await?;
    }
    let details = match extended_to {
        Some(to) => format!(
            "Zuweisung {}, neue Frist {}, Begründung: {reason}",
            assignment.id,
            date_de(to)
        ),
        None => format!("Zuweisung {}, Begründung: {reason}", assignment.id),
    };
    audit(
        state,
        Some(user.user_id),
        action,
        &format!("user:{}", d.person_id),
        &details,
        now,
    )
    .await;
    Ok(())
}
