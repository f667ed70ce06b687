//! Assignments and their status: when a track (or some of its modules) is due for a person, and
//! what a supervisor, an export and a reminder mail say about it. Dates are calendar dates in
//! Europe/Berlin; a completion on the due date (even at 23:59) is on time, "overdue" starts the
//! next day, and a due date never locks content. This is the one home of the rule: pages,
//! exports and reminders all call [`assignment_status`].

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

/// "Due soon" starts this many days before the due date.
pub const DUE_SOON_DAYS: i64 = 7;

/// When an assignment is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DueRule {
    /// A fixed calendar date.
    On(NaiveDate),
    /// This many days after the person started (their account was activated).
    DaysAfterStart(u32),
}

impl DueRule {
    /// The due date for a person who started on `started_on` (`None`: not started yet, so a
    /// relative rule has no date).
    pub fn due_on(self, started_on: Option<NaiveDate>) -> Option<NaiveDate> {
        match self {
            DueRule::On(date) => Some(date),
            DueRule::DaysAfterStart(days) => {
                started_on.map(|start| start + Duration::days(i64::from(days)))
            }
        }
    }
}

/// Whom an assignment reaches. Team and office assignments are live: whoever is in the team
/// (or office) now is reached, including people who joined later.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AssignTarget {
    Person(i64),
    Team(i64),
    Office,
}

impl AssignTarget {
    /// From the stored columns (`user_id`, `team_id`; neither = the whole office).
    pub fn from_columns(user_id: Option<i64>, team_id: Option<i64>) -> AssignTarget {
        match (user_id, team_id) {
            (Some(user), _) => AssignTarget::Person(user),
            (None, Some(team)) => AssignTarget::Team(team),
            (None, None) => AssignTarget::Office,
        }
    }

    /// Whether a person of the assignment's office, in team `team_id`, is reached.
    pub fn reaches(self, user_id: i64, team_id: Option<i64>) -> bool {
        match self {
            AssignTarget::Person(id) => id == user_id,
            AssignTarget::Team(id) => team_id == Some(id),
            AssignTarget::Office => true,
        }
    }
}

/// A per-person decision by the supervisor (the newest one counts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Override {
    /// A later due date.
    Extended { to: NaiveDate },
    /// Does not have to do it (e.g. long absence, equivalent training elsewhere).
    Excused,
    /// The assignment no longer applies to this person.
    Withdrawn,
}

impl Override {
    /// From the stored `kind` and `extended_to`; `None` for a row this version cannot read.
    pub fn from_columns(kind: &str, extended_to: Option<NaiveDate>) -> Option<Override> {
        match (kind, extended_to) {
            ("extend", Some(to)) => Some(Override::Extended { to }),
            ("excuse", _) => Some(Override::Excused),
            ("withdraw", _) => Some(Override::Withdrawn),
            _ => None,
        }
    }

    pub fn kind(self) -> &'static str {
        match self {
            Override::Extended { .. } => "extend",
            Override::Excused => "excuse",
            Override::Withdrawn => "withdraw",
        }
    }

    pub fn label_de(self) -> String {
        match self {
            Override::Extended { to } => format!("Frist verlängert bis {}", to.format("%d.%m.%Y")),
            Override::Excused => "Befreit".to_owned(),
            Override::Withdrawn => "Zuweisung zurückgenommen".to_owned(),
        }
    }
}

/// A decision needs a reason a staff council can read later (at least this many characters).
pub const MIN_REASON_CHARS: usize = 3;
pub const MAX_REASON_CHARS: usize = 500;

/// The trimmed reason, or the German message why it cannot be used.
pub fn check_reason(reason: &str) -> Result<String, String> {
    let reason = reason.trim();
    let chars = reason.chars().count();
    if chars < MIN_REASON_CHARS {
        Err("Bitte geben Sie eine Begründung an.".to_owned())
    } else if chars > MAX_REASON_CHARS {
        Err(format!(
            "Die Begründung ist zu lang (höchstens {MAX_REASON_CHARS} Zeichen)."
        ))
    } else {
        Ok(reason.to_owned())
    }
}

/// Relative due dates are at least one day and at most ten years after the start.
pub const MAX_DUE_DAYS: u32 = 3650;

/// Checks a new assignment's due rule against `today`: a fixed date must not lie in the past.
pub fn check_due_rule(rule: DueRule, today: NaiveDate) -> Result<DueRule, String> {
    match rule {
        DueRule::On(date) if date < today => {
            Err("Das Fälligkeitsdatum liegt in der Vergangenheit.".to_owned())
        }
        DueRule::DaysAfterStart(days) if days == 0 || days > MAX_DUE_DAYS => Err(format!(
            "Die Frist muss zwischen 1 und {MAX_DUE_DAYS} Tagen liegen."
        )),
        rule => Ok(rule),
    }
}

/// A new extension must move the due date to a day after today.
pub fn check_extension(to: NaiveDate, today: NaiveDate) -> Result<NaiveDate, String> {
    if to <= today {
        Err("Die neue Frist muss nach dem heutigen Tag liegen.".to_owned())
    } else {
        Ok(to)
    }
}

/// What the learner did within the assignment's scope.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LearnerProgress {
    /// First day everything in scope was done (recorded once, never taken back).
    pub completed_on: Option<NaiveDate>,
    /// Anything in scope opened, marked or tried.
    pub started: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum AssignmentStatus {
    Overdue,
    DueSoon,
    InProgress,
    NotStarted,
    Completed { on: NaiveDate },
    Excused,
}

impl AssignmentStatus {
    /// The German word pages and exports show (always with a symbol, never colour alone).
    pub fn label_de(self) -> &'static str {
        match self {
            AssignmentStatus::NotStarted => "nicht begonnen",
            AssignmentStatus::InProgress => "in Bearbeitung",
            AssignmentStatus::DueSoon => "bald fällig",
            AssignmentStatus::Overdue => "überfällig",
            AssignmentStatus::Completed { .. } => "erledigt",
            AssignmentStatus::Excused => "befreit",
        }
    }

    /// A symbol shown next to the word (decorative; the word carries the meaning).
    pub fn symbol(self) -> &'static str {
        match self {
            AssignmentStatus::NotStarted => "○",
            AssignmentStatus::InProgress => "◐",
            AssignmentStatus::DueSoon => "⏰",
            AssignmentStatus::Overdue => "⚠",
            AssignmentStatus::Completed { .. } => "✓",
            AssignmentStatus::Excused => "–",
        }
    }

    /// The key used in filters and URLs (`?status=overdue`).
    pub fn key(self) -> &'static str {
        match self {
            AssignmentStatus::NotStarted => "not-started",
            AssignmentStatus::InProgress => "in-progress",
            AssignmentStatus::DueSoon => "due-soon",
            AssignmentStatus::Overdue => "overdue",
            AssignmentStatus::Completed { .. } => "completed",
            AssignmentStatus::Excused => "excused",
        }
    }

    pub fn is_open(self) -> bool {
        !matches!(
            self,
            AssignmentStatus::Completed { .. } | AssignmentStatus::Excused
        )
    }
}

/// The due date that applies after an extension.
pub fn effective_due(due: Option<NaiveDate>, decision: Option<Override>) -> Option<NaiveDate> {
    match decision {
        Some(Override::Extended { to }) => Some(to),
        _ => due,
    }
}

/// The status of one assignment for one person on `today` (Europe/Berlin date).
///
/// Completion wins over everything (it is never taken back, not even by an excusal given
/// afterwards); an excusal closes the assignment; otherwise the (possibly extended) due date
/// decides between overdue, due soon and the learner's own progress.
pub fn assignment_status(
    due: Option<NaiveDate>,
    decision: Option<Override>,
    progress: LearnerProgress,
    today: NaiveDate,
) -> AssignmentStatus {
    if let Some(on) = progress.completed_on {
        return AssignmentStatus::Completed { on };
    }
    if matches!(decision, Some(Override::Excused | Override::Withdrawn)) {
        return AssignmentStatus::Excused;
    }
    match effective_due(due, decision) {
        Some(due) if today > due => AssignmentStatus::Overdue,
        Some(due) if (due - today).num_days() <= DUE_SOON_DAYS => AssignmentStatus::DueSoon,
        _ if progress.started => AssignmentStatus::InProgress,
        _ => AssignmentStatus::NotStarted,
    }
}

/// Completed after the (possibly extended) due date.
pub fn completed_late(on: NaiveDate, due: Option<NaiveDate>) -> bool {
    due.is_some_and(|due| on > due)
}

#[cfg(test)]
mod tests {
    use super::*;
    use AssignmentStatus::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    const NONE: LearnerProgress = LearnerProgress {
        completed_on: None,
        started: false,
    };
    const STARTED: LearnerProgress = LearnerProgress {
        completed_on: None,
        started: true,
    };

    fn done(on: &str) -> LearnerProgress {
        LearnerProgress {
            completed_on: Some(d(on)),
            started: true,
        }
    }

    #[test]
    fn status_by_due_date_progress_and_decisions() {
        let due = Some(d("2026-03-31"));
        type Case = (
            &'static str,
            Option<NaiveDate>,
            Option<Override>,
            LearnerProgress,
            &'static str,
            AssignmentStatus,
        );
        let cases: Vec<Case> = vec![
            (
                "far away, untouched",
                due,
                None,
                NONE,
                "2026-03-01",
                NotStarted,
            ),
            (
                "far away, begun",
                due,
                None,
                STARTED,
                "2026-03-01",
                InProgress,
            ),
            (
                "eight days before",
                due,
                None,
                STARTED,
                "2026-03-23",
                InProgress,
            ),
            ("seven days before", due, None, NONE, "2026-03-24", DueSoon),
            ("on the due date", due, None, STARTED, "2026-03-31", DueSoon),
            ("the day after", due, None, STARTED, "2026-04-01", Overdue),
            (
                "completed on the due date",
                due,
                None,
                done("2026-03-31"),
                "2026-04-05",
                Completed {
                    on: d("2026-03-31"),
                },
            ),
            (
                "completed late",
                due,
                None,
                done("2026-04-03"),
                "2026-04-05",
                Completed {
                    on: d("2026-04-03"),
                },
            ),
            (
                "extended past today",
                due,
                Some(Override::Extended {
                    to: d("2026-05-31"),
                }),
                STARTED,
                "2026-04-01",
                InProgress,
            ),
            (
                "extension runs out",
                due,
                Some(Override::Extended {
                    to: d("2026-05-31"),
                }),
                STARTED,
                "2026-06-01",
                Overdue,
            ),
            (
                "excused",
                due,
                Some(Override::Excused),
                NONE,
                "2026-04-10",
                Excused,
            ),
            (
                "withdrawn for this person",
                due,
                Some(Override::Withdrawn),
                STARTED,
                "2026-04-10",
                Excused,
            ),
            (
                "completion beats an excusal",
                due,
                Some(Override::Excused),
                done("2026-03-01"),
                "2026-04-10",
                Completed {
                    on: d("2026-03-01"),
                },
            ),
            (
                "relative, not started yet: no date",
                None,
                None,
                NONE,
                "2026-04-10",
                NotStarted,
            ),
            (
                "New Year: due 31 Dec, 1 Jan is overdue",
                Some(d("2026-12-31")),
                None,
                NONE,
                "2027-01-01",
                Overdue,
            ),
            (
                "New Year: 31 Dec is still due",
                Some(d("2026-12-31")),
                None,
                NONE,
                "2026-12-31",
                DueSoon,
            ),
        ];
        for (name, due, decision, progress, today, expected) in cases {
            assert_eq!(
                assignment_status(due, decision, progress, d(today)),
                expected,
                "{name}"
            );
        }
    }

    #[test]
    fn relative_due_dates_count_calendar_days_from_the_start() {
        let rule = DueRule::DaysAfterStart(14);
        assert_eq!(
            rule.due_on(Some(d("2026-03-20"))),
            Some(d("2026-04-03")),
            "across the March DST switch"
        );
        assert_eq!(
            rule.due_on(Some(d("2026-10-20"))),
            Some(d("2026-11-03")),
            "across the October DST switch"
        );
        assert_eq!(
            rule.due_on(Some(d("2026-12-25"))),
            Some(d("2027-01-08")),
            "across New Year"
        );
        assert_eq!(rule.due_on(None), None);
        assert_eq!(
            DueRule::On(d("2026-05-01")).due_on(None),
            Some(d("2026-05-01"))
        );
    }

    #[test]
    fn targets_reach_people_live() {
        let cases = [
            (AssignTarget::Person(7), 7, None, true),
            (AssignTarget::Person(7), 8, None, false),
            (AssignTarget::Team(3), 9, Some(3), true),
            (AssignTarget::Team(3), 9, Some(4), false),
            (AssignTarget::Team(3), 9, None, false),
            (AssignTarget::Office, 9, None, true),
            (AssignTarget::Office, 9, Some(4), true),
        ];
        for (target, user, team, expected) in cases {
            assert_eq!(
                target.reaches(user, team),
                expected,
                "{target:?} {user} {team:?}"
            );
        }
        assert_eq!(
            AssignTarget::from_columns(Some(1), None),
            AssignTarget::Person(1)
        );
        assert_eq!(
            AssignTarget::from_columns(None, Some(2)),
            AssignTarget::Team(2)
        );
        assert_eq!(AssignTarget::from_columns(None, None), AssignTarget::Office);
    }

    #[test]
    fn input_checks() {
        let today = d("2026-06-10");
        assert!(check_due_rule(DueRule::On(d("2026-06-09")), today).is_err());
        assert!(check_due_rule(DueRule::On(today), today).is_ok());
        assert!(check_due_rule(DueRule::DaysAfterStart(0), today).is_err());
        assert!(check_due_rule(DueRule::DaysAfterStart(3651), today).is_err());
        assert!(check_due_rule(DueRule::DaysAfterStart(14), today).is_ok());
        assert!(check_extension(today, today).is_err());
        assert!(check_extension(d("2026-06-11"), today).is_ok());
        assert!(check_reason("  ").is_err());
        assert_eq!(check_reason(" Elternzeit ").as_deref(), Ok("Elternzeit"));
        assert!(check_reason(&"x".repeat(501)).is_err());
        for o in [
            Override::Extended { to: today },
            Override::Excused,
            Override::Withdrawn,
        ] {
            assert_eq!(Override::from_columns(o.kind(), Some(today)), Some(o));
        }
        assert_eq!(Override::from_columns("extend", None), None);
    }

    #[test]
    fn lateness_and_labels() {
        assert!(!completed_late(d("2026-03-31"), Some(d("2026-03-31"))));
        assert!(completed_late(d("2026-04-01"), Some(d("2026-03-31"))));
        assert!(!completed_late(d("2026-04-01"), None));
        for s in [
            NotStarted,
            InProgress,
            DueSoon,
            Overdue,
            Completed {
                on: d("2026-01-01"),
            },
            Excused,
        ] {
            assert!(!s.label_de().is_empty() && !s.symbol().is_empty() && !s.key().is_empty());
        }
        assert!(
            Overdue < DueSoon && DueSoon < NotStarted,
            "overdue sorts first"
        );
    }
}
