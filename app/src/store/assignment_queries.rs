//! Track assignments as the learner sees them (read side only; writing them belongs to the
//! supervisors' pages). Shared SQL for both backends.

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

macro_rules! impl_assignment_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::store::AssignmentStore for $store {
            #[tracing::instrument(skip_all)]
            async fn assigned_tracks(
                &self,
                who: $crate::store::Assignee,
            ) -> Result<Vec<$crate::store::AssignedTrack>, $crate::store::DbError> {
                // A user without an office (typically an admin) has none: `= NULL` is never true.
                Ok(sqlx::query_as(
                    "SELECT track_id, MIN(due_on) AS due_on FROM assignments \
                     WHERE organisation_id = $1 \
                     AND (user_id = $2 OR (user_id IS NULL AND (team_id IS NULL OR team_id = $3))) \
                     GROUP BY track_id ORDER BY MIN(due_on), track_id",
                )
                .bind(who.organisation_id)
                .bind(who.user_id)
                .bind(who.team_id)
                .fetch_all(&self.pool)
                .await?)
            }
        }
    };
}

pub(crate) use impl_assignment_store;
