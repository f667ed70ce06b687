//! Track assignments as the learner sees them (read side only; writing them belongs to the
//! supervisors' pages).

use async_trait::async_trait;

use super::DbError;

/// A track assigned to a learner, with the earliest due date among the assignments reaching them.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AssignedTrack {
    pub track_id: i64,
    pub due_on: chrono::NaiveDate,
}

/// Who the assignments are looked up for: an assignment names a user, a team or (with neither)
/// the whole office.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Assignee {
    pub user_id: i64,
    pub organisation_id: Option<i64>,
    pub team_id: Option<i64>,
}

#[async_trait]
pub trait AssignmentStore {
    async fn assigned_tracks(&self, who: Assignee) -> Result<Vec<AssignedTrack>, DbError>;
}
