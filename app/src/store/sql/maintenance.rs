//! Pruning expired rows.

use async_trait::async_trait;

use super::Impl;
use crate::store::{DbError, MaintenanceStore, PruneCutoffs, PruneReport, Ts};

#[async_trait]
impl MaintenanceStore for Impl {
    #[tracing::instrument(skip_all)]
    async fn prune(&self, c: &PruneCutoffs) -> Result<PruneReport, DbError> {
        let mut tx = self.pool.begin().await?;
        let sessions = sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
            .bind(c.now)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        let throttle_events = sqlx::query("DELETE FROM throttle_events WHERE occurred_at < $1")
            .bind(c.throttle_events_before)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        let password_resets = sqlx::query("DELETE FROM password_resets WHERE expires_at < $1")
            .bind(c.resets_before)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        let attempts =
            sqlx::query("DELETE FROM quiz_attempts WHERE submitted_at IS NULL AND issued_at < $1")
                .bind(c.unsubmitted_attempts_before)
                .execute(&mut *tx)
                .await?
                .rows_affected();
        tx.commit().await?;
        Ok(PruneReport {
            sessions,
            throttle_events,
            password_resets,
            attempts,
        })
    }
}

/// (user, track, completed_at) for tracks whose current modules are all complete.
const COMPLETED_TRACKS: &str =
    "SELECT mc.user_id, m.track_id, MAX(mc.completed_at) AS completed_at \
     FROM module_completions mc JOIN modules m ON m.id = mc.module_id \
     WHERE m.archived_at IS NULL GROUP BY mc.user_id, m.track_id \
     HAVING COUNT(*) = (SELECT COUNT(*) FROM modules m2 \
                        WHERE m2.track_id = m.track_id AND m2.archived_at IS NULL)";

fn viewed_predicate() -> String {
    format!(
        "progress_events.kind = 'viewed' AND EXISTS (SELECT 1 FROM ({COMPLETED_TRACKS}) done \
         JOIN modules m ON m.track_id = done.track_id JOIN lessons l ON l.module_id = m.id \
         WHERE done.user_id = progress_events.user_id AND l.id = progress_events.lesson_id \
         AND done.completed_at < $1)"
    )
}

fn answers_predicate() -> String {
    format!(
        "quiz_attempts.answers IS NOT NULL AND EXISTS (SELECT 1 FROM ({COMPLETED_TRACKS}) done \
         JOIN modules m ON m.track_id = done.track_id JOIN quizzes q ON q.module_id = m.id \
         WHERE done.user_id = quiz_attempts.user_id AND q.id = quiz_attempts.quiz_id \
         AND done.completed_at < $1)"
    )
}

#[async_trait]
impl crate::store::RetentionStore for Impl {
    #[tracing::instrument(skip_all)]
    async fn apply_retention(
        &self,
        details_before: Ts,
        completions_before: Ts,
        dry_run: bool,
    ) -> Result<crate::store::RetentionReport, DbError> {
        let cutoff_date = crate::domain::time::local_date(completions_before);
        let statements: [(String, String, Option<Ts>); 4] = [
            (
                "progress_events".into(),
                viewed_predicate(),
                Some(details_before),
            ),
            (
                "quiz_attempts".into(),
                answers_predicate(),
                Some(details_before),
            ),
            (
                "module_completions".into(),
                "completed_at < $1".into(),
                Some(completions_before),
            ),
            (
                "assignment_completions".into(),
                "completed_on < $1".into(),
                None,
            ),
        ];
        let mut counts = [0u64; 4];
        let mut tx = self.pool.begin().await?;
        for (i, (table, predicate, at)) in statements.iter().enumerate() {
            let sql = match (dry_run, table.as_str()) {
                (true, _) => format!("SELECT COUNT(*) FROM {table} WHERE {predicate}"),
                (false, "quiz_attempts") => {
                    format!("UPDATE {table} SET answers = NULL WHERE {predicate}")
                }
                (false, _) => format!("DELETE FROM {table} WHERE {predicate}"),
            };
            counts[i] = if dry_run {
                let q = sqlx::query_as::<_, (i64,)>(sqlx::AssertSqlSafe(sql));
                let q = match at {
                    Some(at) => q.bind(*at),
                    None => q.bind(cutoff_date),
                };
                u64::try_from(q.fetch_one(&mut *tx).await?.0).unwrap_or(0)
            } else {
                let q = sqlx::query(sqlx::AssertSqlSafe(sql));
                let q = match at {
                    Some(at) => q.bind(*at),
                    None => q.bind(cutoff_date),
                };
                q.execute(&mut *tx).await?.rows_affected()
            };
        }
        tx.commit().await?;
        Ok(crate::store::RetentionReport {
            viewed_events: counts[0],
            answer_details: counts[1],
            module_completions: counts[2],
            assignment_completions: counts[3],
        })
    }
}
