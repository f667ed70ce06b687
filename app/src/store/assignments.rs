//! Assignments (a track or some of its modules, for a person, a team or the whole office), the
//! per-person decisions on them, and the completion records that never go back. Reads for the
//! supervisors' pages are per office, a constant number of queries however many people and
//! modules there are; `only_user` narrows the same queries to one person (their dashboard).

use async_trait::async_trait;
use chrono::NaiveDate;

use super::{DbError, Ts};

/// A stored assignment that is not withdrawn.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AssignmentRecord {
    pub id: i64,
    pub track_id: i64,
    pub organisation_id: i64,
    pub team_id: Option<i64>,
    pub user_id: Option<i64>,
    pub mandatory: bool,
    pub due_on: Option<NaiveDate>,
    pub due_days: Option<i32>,
    pub assigned_by_name: Option<String>,
    pub created_at: Ts,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAssignment {
    pub track_id: i64,
    pub organisation_id: i64,
    pub team_id: Option<i64>,
    pub user_id: Option<i64>,
    /// Empty: the whole track.
    pub module_ids: Vec<i64>,
    pub mandatory: bool,
    pub due_on: Option<NaiveDate>,
    pub due_days: Option<i32>,
    pub assigned_by: i64,
}

/// A per-person decision, newest last.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct OverrideRecord {
    pub id: i64,
    pub assignment_id: i64,
    pub user_id: i64,
    pub kind: String,
    pub extended_to: Option<NaiveDate>,
    pub reason: String,
    pub created_by_name: Option<String>,
    pub created_at: Ts,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewOverride {
    pub assignment_id: i64,
    pub user_id: i64,
    /// `extend`, `excuse` or `withdraw`.
    pub kind: &'static str,
    pub extended_to: Option<NaiveDate>,
    pub reason: String,
    pub created_by: i64,
}

/// An active account of the office that learns (has the learner role).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct OfficePerson {
    pub id: i64,
    pub display_name: String,
    pub email: String,
    pub team_id: Option<i64>,
    pub activated_at: Option<Ts>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::FromRow)]
pub struct ModuleCompletion {
    pub user_id: i64,
    pub module_id: i64,
    pub completed_at: Ts,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::FromRow)]
pub struct AssignmentCompletion {
    pub assignment_id: i64,
    pub user_id: i64,
    pub completed_on: NaiveDate,
}

/// A person touched a module: opened a lesson or submitted its test.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::FromRow)]
pub struct ModuleTouch {
    pub user_id: i64,
    pub module_id: i64,
}

/// Whether a person passed a module's test (any attempt); only for the extended level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::FromRow)]
pub struct TestOutcome {
    pub user_id: i64,
    pub module_id: i64,
    pub passed: bool,
}

/// Everything the oversight rules need about one office (or one person of it).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OfficeActivity {
    pub people: Vec<OfficePerson>,
    pub assignments: Vec<AssignmentRecord>,
    /// (assignment id, module id) for assignments of chosen modules.
    pub assignment_modules: Vec<(i64, i64)>,
    pub overrides: Vec<OverrideRecord>,
    pub module_completions: Vec<ModuleCompletion>,
    pub assignment_completions: Vec<AssignmentCompletion>,
    pub touched: Vec<ModuleTouch>,
}

#[async_trait]
pub trait AssignmentStore {
    /// Creates the assignment with its chosen modules in one transaction.
    async fn create_assignment(&self, new: &NewAssignment, now: Ts) -> Result<i64, DbError>;
    /// The assignment if it exists and is not withdrawn.
    async fn find_assignment(&self, id: i64) -> Result<Option<AssignmentRecord>, DbError>;
    /// Withdraws the whole assignment; `false` when it was already withdrawn or is unknown.
    async fn withdraw_assignment(
        &self,
        id: i64,
        by: i64,
        reason: &str,
        now: Ts,
    ) -> Result<bool, DbError>;
    async fn add_override(&self, new: &NewOverride, now: Ts) -> Result<i64, DbError>;
    /// People, assignments, decisions, completions and touched modules of one office (all
    /// of it, or only `only_user`).
    async fn office_activity(
        &self,
        organisation_id: i64,
        only_user: Option<i64>,
    ) -> Result<OfficeActivity, DbError>;
    /// Test outcomes of the office's people (extended level only).
    async fn office_test_outcomes(
        &self,
        organisation_id: i64,
        only_user: Option<i64>,
    ) -> Result<Vec<TestOutcome>, DbError>;
    /// Records first completions; existing records are kept as they are.
    async fn record_module_completions(
        &self,
        user_id: i64,
        module_ids: &[i64],
        at: Ts,
    ) -> Result<(), DbError>;
    async fn record_assignment_completions(
        &self,
        completions: &[AssignmentCompletion],
    ) -> Result<(), DbError>;
}
