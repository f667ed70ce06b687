//! Track assignments as the learner sees them.

use async_trait::async_trait;

use super::Impl;
use crate::store::{AssignedTrack, Assignee, AssignmentStore, DbError};

#[async_trait]
impl AssignmentStore for Impl {
    #[tracing::instrument(skip_all)]
    async fn assigned_tracks(&self, who: Assignee) -> Result<Vec<AssignedTrack>, DbError> {
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
