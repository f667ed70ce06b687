//! Read-only views: the audit log, content problems, the team page.

use serde::{Deserialize, Serialize};

use super::administration::UserView;

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
    pub total: i64,
}

/// A status as pages and exports show it: a word, a decorative symbol, a key for CSS/filters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusView {
    pub key: String,
    pub label: String,
    pub symbol: String,
}

/// The filters of `/team` and its exports (query parameters).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardFilter {
    pub office: Option<i64>,
    pub team: Option<i64>,
    pub track: Option<i64>,
    /// A status key (`overdue`, `due-soon`, …).
    pub status: Option<String>,
    /// `Some(true)`: Pflicht only, `Some(false)`: Empfehlung only.
    pub mandatory: Option<bool>,
    pub page: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OptionView {
    pub id: i64,
    pub label: String,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountersView {
    pub assigned: usize,
    pub on_track: usize,
    pub due_soon: usize,
    pub overdue: usize,
    pub completed: usize,
    pub excused: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OverdueView {
    pub person_id: i64,
    pub name: String,
    pub track: String,
    pub due: String,
    pub mandatory: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnView {
    pub module_id: i64,
    pub track: String,
    pub title: String,
}

/// One cell of the people × modules table; `None` status: not assigned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CellView {
    pub status: Option<StatusView>,
    /// "fällig 31.03.2027" or "am 02.03.2027".
    pub date: Option<String>,
    /// Extended level, Pflicht only: "Test bestanden" / "Test nicht bestanden".
    pub test: Option<String>,
}

impl CellView {
    /// The cell as one line of text (exports).
    pub fn text(&self) -> String {
        match &self.status {
            None => "nicht zugewiesen".to_owned(),
            Some(s) => [Some(s.label.clone()), self.date.clone(), self.test.clone()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", "),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonRowView {
    pub id: i64,
    pub name: String,
    pub team: String,
    pub cells: Vec<CellView>,
}

/// Aggregate level: counts per team, small groups suppressed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamCountView {
    pub team: String,
    pub people: String,
    pub assigned: String,
    pub completed: String,
    pub overdue: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssignmentListView {
    pub id: i64,
    pub target: String,
    pub track: String,
    pub modules: String,
    pub mandatory: bool,
    pub due: String,
    pub by: String,
    pub reached: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamBoardView {
    pub office_id: i64,
    pub office: String,
    /// Admins choose the office.
    pub offices: Vec<OptionView>,
    pub scope: String,
    pub level: String,
    pub level_label: String,
    pub shows_people: bool,
    pub filter: BoardFilter,
    pub teams: Vec<OptionView>,
    pub tracks: Vec<OptionView>,
    pub counters: CountersView,
    pub overdue: Vec<OverdueView>,
    pub columns: Vec<ColumnView>,
    pub people: Vec<PersonRowView>,
    pub total_people: usize,
    pub page: u32,
    pub pages: u32,
    pub team_counts: Vec<TeamCountView>,
    pub assignments: Vec<AssignmentListView>,
    pub can_assign: bool,
    /// Query string of the current filters (without page), for export links.
    pub query: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OverrideView {
    pub when: String,
    pub what: String,
    pub reason: String,
    pub by: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TestView {
    pub module: String,
    pub outcome: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonAssignmentView {
    pub assignment_id: i64,
    pub track: String,
    pub modules: String,
    pub mandatory: bool,
    pub status: StatusView,
    pub due: Option<String>,
    /// The due date before an extension, when extended.
    pub original_due: Option<String>,
    pub completed_on: Option<String>,
    pub overrides: Vec<OverrideView>,
    pub tests: Vec<TestView>,
    /// Whether the assignment names this person alone (withdrawing ends it for everyone else
    /// otherwise only for this person).
    pub personal: bool,
}

/// What a supervisor sees about one person; the learner sees the very same on
/// `/profil/sichtbarkeit`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonDetailView {
    pub user_id: i64,
    pub name: String,
    pub team: String,
    pub level_label: String,
    pub shows_people: bool,
    pub assignments: Vec<PersonAssignmentView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonPageView {
    pub detail: PersonDetailView,
    pub can_manage: bool,
    pub today: String,
}

/// The assignment form's choices, and the preview of how many people it reaches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssignFormView {
    pub office_id: i64,
    pub office: String,
    pub can_assign_office: bool,
    pub teams: Vec<OptionView>,
    pub people: Vec<OptionView>,
    pub tracks: Vec<TrackChoiceView>,
    pub preview: Option<PreviewView>,
    pub today: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrackChoiceView {
    pub id: i64,
    pub title: String,
    pub modules: Vec<OptionView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreviewView {
    pub reached: usize,
    pub text: String,
}

/// `/admin/auswertung`: per office, what supervisors see, who they are, how long data is kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OversightPolicyView {
    pub offices: Vec<OfficePolicyView>,
    pub levels: Vec<LevelView>,
    pub never_shown: Vec<String>,
    pub retention_details_days: u32,
    pub retention_completions_years: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LevelView {
    pub key: String,
    pub label: String,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficePolicyView {
    pub id: i64,
    pub name: String,
    pub level: String,
    pub level_label: String,
    pub description: String,
    pub supervisors: Vec<String>,
}
