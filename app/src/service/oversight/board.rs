//! The oversight board, computed in memory from one office's rows (`OfficeActivity`) and the
//! course outline: for every person, the assignments that reach them with their status (by
//! `domain::assignment::assignment_status`, the one home of that rule), per assignment and per
//! module. Pure: no I/O, so the team page, the person page, the learner's own view, exports
//! and (later) reminders all read the same numbers.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use crate::domain::assignment::{
    assignment_status, effective_due, AssignTarget, AssignmentStatus, DueRule, LearnerProgress,
    Override,
};
use crate::domain::time::local_date;
use crate::store::{
    AssignmentCompletion, AssignmentRecord, OfficeActivity, OfficePerson, Outline, OverrideRecord,
};

/// One assignment as it applies to one person.
#[derive(Debug, Clone, PartialEq)]
pub struct Applied {
    pub assignment: AssignmentRecord,
    /// Current modules in scope, in course order.
    pub modules: Vec<i64>,
    /// The due date from the assignment's rule (before any extension).
    pub due: Option<NaiveDate>,
    /// The newest decision for this person, if any (never `Withdrawn`: those are left out).
    pub decision: Option<Override>,
    /// All decisions for this person, oldest first.
    pub history: Vec<OverrideRecord>,
    pub status: AssignmentStatus,
    /// Per module in scope: its status under this assignment.
    pub module_status: Vec<(i64, AssignmentStatus)>,
}

impl Applied {
    pub fn effective_due(&self) -> Option<NaiveDate> {
        effective_due(self.due, self.decision)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct PersonBoard {
    pub person: OfficePerson,
    /// Most urgent first.
    pub applied: Vec<Applied>,
}

impl PersonBoard {
    /// The most urgent status for `module_id` across this person's assignments.
    pub fn module_status(&self, module_id: i64) -> Option<AssignmentStatus> {
        self.applied
            .iter()
            .flat_map(|a| a.module_status.iter())
            .filter(|(m, _)| *m == module_id)
            .map(|(_, s)| *s)
            .min()
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Board {
    pub people: Vec<PersonBoard>,
    /// Assignments found complete that have no completion record yet (to be written, so the
    /// status never goes back when the content changes later).
    pub new_completions: Vec<AssignmentCompletion>,
}

/// Builds the board for `today` (a Europe/Berlin date).
pub fn build(activity: &OfficeActivity, outline: &Outline, today: NaiveDate) -> Board {
    let track_modules: HashMap<i64, Vec<i64>> = outline
        .tracks
        .iter()
        .map(|t| (t.id, t.modules.iter().map(|m| m.id).collect()))
        .collect();
    let mut chosen: HashMap<i64, HashSet<i64>> = HashMap::new();
    for (assignment, module) in &activity.assignment_modules {
        chosen.entry(*assignment).or_default().insert(*module);
    }
    let completed_modules: HashMap<(i64, i64), NaiveDate> = activity
        .module_completions
        .iter()
        .map(|c| ((c.user_id, c.module_id), local_date(c.completed_at)))
        .collect();
    let completed_assignments: HashMap<(i64, i64), NaiveDate> = activity
        .assignment_completions
        .iter()
        .map(|c| ((c.assignment_id, c.user_id), c.completed_on))
        .collect();
    let touched: HashSet<(i64, i64)> = activity
        .touched
        .iter()
        .map(|t| (t.user_id, t.module_id))
        .collect();
    let mut history: HashMap<(i64, i64), Vec<OverrideRecord>> = HashMap::new();
    for o in &activity.overrides {
        history
            .entry((o.assignment_id, o.user_id))
            .or_default()
            .push(o.clone());
    }

    let mut board = Board::default();
    for person in &activity.people {
        let started_on = person.activated_at.map(local_date);
        let mut applied = Vec::new();
        for a in &activity.assignments {
            if !AssignTarget::from_columns(a.user_id, a.team_id).reaches(person.id, person.team_id)
            {
                continue;
            }
            let history = history.remove(&(a.id, person.id)).unwrap_or_default();
            let decision = history
                .last()
                .and_then(|o| Override::from_columns(&o.kind, o.extended_to));
            if decision == Some(Override::Withdrawn) {
                continue;
            }
            let modules: Vec<i64> = track_modules
                .get(&a.track_id)
                .map(|all| {
                    all.iter()
                        .copied()
                        .filter(|m| chosen.get(&a.id).is_none_or(|set| set.contains(m)))
                        .collect()
                })
                .unwrap_or_default();
            if modules.is_empty() {
                // The track or its chosen modules were archived: nothing left to do.
                continue;
            }
            let due = due_rule(a).and_then(|rule| rule.due_on(started_on));
            let module_status: Vec<(i64, AssignmentStatus)> = modules
                .iter()
                .map(|m| {
                    let progress = LearnerProgress {
                        completed_on: completed_modules.get(&(person.id, *m)).copied(),
                        started: touched.contains(&(person.id, *m)),
                    };
                    (*m, assignment_status(due, decision, progress, today))
                })
                .collect();
            let recorded = completed_assignments.get(&(a.id, person.id)).copied();
            let computed = modules
                .iter()
                .map(|m| completed_modules.get(&(person.id, *m)).copied())
                .collect::<Option<Vec<_>>>()
                .and_then(|dates| dates.into_iter().max());
            if recorded.is_none() {
                if let Some(on) = computed {
                    board.new_completions.push(AssignmentCompletion {
                        assignment_id: a.id,
                        user_id: person.id,
                        completed_on: on,
                    });
                }
            }
            let progress = LearnerProgress {
                completed_on: recorded.or(computed),
                started: modules.iter().any(|m| {
                    touched.contains(&(person.id, *m))
                        || completed_modules.contains_key(&(person.id, *m))
                }),
            };
            applied.push(Applied {
                assignment: a.clone(),
                modules,
                due,
                decision,
                history,
                status: assignment_status(due, decision, progress, today),
                module_status,
            });
        }
        applied.sort_by_key(|x| {
            (
                x.status,
                x.effective_due().unwrap_or(NaiveDate::MAX),
                x.assignment.id,
            )
        });
        board.people.push(PersonBoard {
            person: person.clone(),
            applied,
        });
    }
    board
}

/// The stored due columns as a rule (`None` for a row the CHECK constraint would refuse).
pub fn due_rule(a: &AssignmentRecord) -> Option<DueRule> {
    match (a.due_on, a.due_days) {
        (Some(date), _) => Some(DueRule::On(date)),
        (None, Some(days)) => u32::try_from(days).ok().map(DueRule::DaysAfterStart),
        (None, None) => None,
    }
}

/// The numbers at the top of `/team`, over (person, assignment) pairs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counters {
    pub assigned: usize,
    pub on_track: usize,
    pub due_soon: usize,
    pub overdue: usize,
    pub completed: usize,
    pub excused: usize,
}

pub fn count<'a>(items: impl IntoIterator<Item = &'a Applied>) -> Counters {
    let mut c = Counters::default();
    for a in items {
        c.assigned += 1;
        match a.status {
            AssignmentStatus::NotStarted | AssignmentStatus::InProgress => c.on_track += 1,
            AssignmentStatus::DueSoon => c.due_soon += 1,
            AssignmentStatus::Overdue => c.overdue += 1,
            AssignmentStatus::Completed { .. } => c.completed += 1,
            AssignmentStatus::Excused => c.excused += 1,
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{ModuleCompletion, ModuleTouch, OutlineModule, OutlineTrack};
    use chrono::TimeZone;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn module(id: i64) -> OutlineModule {
        OutlineModule {
            id,
            slug: format!("m{id}"),
            title: format!("Modul {id}"),
            summary: String::new(),
            minutes: 10,
            legal_status: d("2026-01-01"),
            review_by: d("2027-01-01"),
            sources: Vec::new(),
            intro_html: String::new(),
            lessons: Vec::new(),
            quiz: None,
        }
    }

    fn outline(modules: &[i64]) -> Outline {
        Outline {
            tracks: vec![OutlineTrack {
                id: 1,
                slug: "t".into(),
                title: "Track".into(),
                summary: String::new(),
                intro_html: String::new(),
                modules: modules.iter().map(|m| module(*m)).collect(),
            }],
        }
    }

    fn person(id: i64, team: Option<i64>, started: &str) -> OfficePerson {
        OfficePerson {
            id,
            display_name: format!("P{id}"),
            email: format!("p{id}@example.org"),
            team_id: team,
            activated_at: Some(
                chrono::Utc.from_utc_datetime(&d(started).and_hms_opt(8, 0, 0).unwrap()),
            ),
        }
    }

    fn assignment(
        id: i64,
        team: Option<i64>,
        due_on: Option<&str>,
        days: Option<i32>,
    ) -> AssignmentRecord {
        AssignmentRecord {
            id,
            track_id: 1,
            organisation_id: 1,
            team_id: team,
            user_id: None,
            mandatory: true,
            due_on: due_on.map(d),
            due_days: days,
            assigned_by_name: None,
            created_at: chrono::Utc::now(),
        }
    }

    fn completion(user: i64, module: i64, on: &str) -> ModuleCompletion {
        ModuleCompletion {
            user_id: user,
            module_id: module,
            completed_at: chrono::Utc.from_utc_datetime(&d(on).and_hms_opt(21, 59, 0).unwrap()),
        }
    }

    #[test]
    fn team_assignments_reach_later_joiners_with_their_own_relative_date() {
        let activity = OfficeActivity {
            people: vec![
                person(1, Some(7), "2026-03-01"),
                person(2, Some(7), "2026-05-01"),
                person(3, None, "2026-01-01"),
            ],
            assignments: vec![assignment(10, Some(7), None, Some(14))],
            ..Default::default()
        };
        let board = build(&activity, &outline(&[100, 101]), d("2026-05-05"));
        let due: Vec<Option<NaiveDate>> = board
            .people
            .iter()
            .map(|p| p.applied.first().and_then(|a| a.due))
            .collect();
        assert_eq!(
            due,
            vec![Some(d("2026-03-15")), Some(d("2026-05-15")), None]
        );
        assert_eq!(board.people[0].applied[0].status, AssignmentStatus::Overdue);
        assert_eq!(
            board.people[1].applied[0].status,
            AssignmentStatus::NotStarted
        );
        assert!(board.people[2].applied.is_empty(), "not in the team");
    }

    #[test]
    fn completion_is_recorded_once_and_survives_a_new_module() {
        let mut activity = OfficeActivity {
            people: vec![person(1, None, "2026-03-01")],
            assignments: vec![assignment(10, None, Some("2026-06-30"), None)],
            module_completions: vec![
                completion(1, 100, "2026-06-01"),
                completion(1, 101, "2026-06-30"),
            ],
            ..Default::default()
        };
        let board = build(&activity, &outline(&[100, 101]), d("2026-07-02"));
        assert_eq!(
            board.people[0].applied[0].status,
            AssignmentStatus::Completed {
                on: d("2026-06-30")
            },
            "23:59 Berlin on the due date"
        );
        assert_eq!(board.new_completions.len(), 1);
        // The record is written; then a module is added to the track.
        activity.assignment_completions = board.new_completions.clone();
        let board = build(&activity, &outline(&[100, 101, 102]), d("2026-07-10"));
        assert_eq!(
            board.people[0].applied[0].status,
            AssignmentStatus::Completed {
                on: d("2026-06-30")
            }
        );
        assert!(board.new_completions.is_empty());
        assert_eq!(
            board.people[0].module_status(102),
            Some(AssignmentStatus::Overdue)
        );
    }

    #[test]
    fn decisions_and_chosen_modules() {
        let mut withdrawn = assignment(11, None, Some("2026-06-30"), None);
        withdrawn.user_id = Some(1);
        let over = |id, assignment_id, kind: &str, to: Option<&str>| OverrideRecord {
            id,
            assignment_id,
            user_id: 1,
            kind: kind.into(),
            extended_to: to.map(d),
            reason: "Grund".into(),
            created_by_name: None,
            created_at: chrono::Utc::now(),
        };
        let activity = OfficeActivity {
            people: vec![person(1, None, "2026-03-01")],
            assignments: vec![assignment(10, None, Some("2026-06-30"), None), withdrawn],
            assignment_modules: vec![(10, 101)],
            overrides: vec![
                over(1, 10, "excuse", None),
                over(2, 10, "extend", Some("2026-08-31")),
                over(3, 11, "withdraw", None),
            ],
            touched: vec![ModuleTouch {
                user_id: 1,
                module_id: 101,
            }],
            ..Default::default()
        };
        let board = build(&activity, &outline(&[100, 101]), d("2026-07-10"));
        let p = &board.people[0];
        assert_eq!(p.applied.len(), 1, "the withdrawn one is gone");
        let a = &p.applied[0];
        assert_eq!(a.modules, vec![101]);
        assert_eq!(
            a.decision,
            Some(Override::Extended {
                to: d("2026-08-31")
            }),
            "the newest decision counts"
        );
        assert_eq!(a.history.len(), 2);
        assert_eq!(a.status, AssignmentStatus::InProgress);
        assert_eq!(p.module_status(100), None, "not assigned");
        let c = count(p.applied.iter());
        assert_eq!((c.assigned, c.on_track), (1, 1));
    }
}
