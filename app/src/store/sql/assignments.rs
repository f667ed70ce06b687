//! Assignments, decisions on them and completion records.

use async_trait::async_trait;

use super::Impl;
use crate::store::{
    AssignmentCompletion, AssignmentRecord, AssignmentStore, DbError, ModuleCompletion,
    ModuleTouch, NewAssignment, NewOverride, OfficeActivity, OfficePerson, OverrideRecord,
    TestOutcome, Ts,
};

const ASSIGNMENT_COLUMNS: &str = "a.id, a.track_id, a.organisation_id, a.team_id, a.user_id, \
     a.mandatory, a.due_on, a.due_days, u.display_name AS assigned_by_name, a.created_at \
     FROM assignments a LEFT JOIN users u ON u.id = a.assigned_by";

#[async_trait]
impl AssignmentStore for Impl {
    #[tracing::instrument(skip_all)]
    async fn create_assignment(&self, new: &NewAssignment, now: Ts) -> Result<i64, DbError> {
        let mut tx = self.pool.begin().await?;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO assignments (track_id, organisation_id, team_id, user_id, mandatory, \
             due_on, due_days, assigned_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        )
        .bind(new.track_id)
        .bind(new.organisation_id)
        .bind(new.team_id)
        .bind(new.user_id)
        .bind(new.mandatory)
        .bind(new.due_on)
        .bind(new.due_days)
        .bind(new.assigned_by)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        for module_id in &new.module_ids {
            sqlx::query(
                "INSERT INTO assignment_modules (assignment_id, module_id) \
                 SELECT $1, m.id FROM modules m WHERE m.id = $2 AND m.track_id = $3",
            )
            .bind(id)
            .bind(module_id)
            .bind(new.track_id)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(id)
    }

    #[tracing::instrument(skip_all)]
    async fn find_assignment(&self, id: i64) -> Result<Option<AssignmentRecord>, DbError> {
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {ASSIGNMENT_COLUMNS} WHERE a.id = $1 AND a.withdrawn_at IS NULL"
        )))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?)
    }

    #[tracing::instrument(skip_all)]
    async fn withdraw_assignment(
        &self,
        id: i64,
        by: i64,
        reason: &str,
        now: Ts,
    ) -> Result<bool, DbError> {
        let done = sqlx::query(
            "UPDATE assignments SET withdrawn_at = $2, withdrawn_by = $3, withdraw_reason = $4 \
             WHERE id = $1 AND withdrawn_at IS NULL",
        )
        .bind(id)
        .bind(now)
        .bind(by)
        .bind(reason)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    #[tracing::instrument(skip_all)]
    async fn add_override(&self, new: &NewOverride, now: Ts) -> Result<i64, DbError> {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO assignment_overrides (assignment_id, user_id, kind, extended_to, reason, \
             created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(new.assignment_id)
        .bind(new.user_id)
        .bind(new.kind)
        .bind(new.extended_to)
        .bind(&new.reason)
        .bind(new.created_by)
        .bind(now)
        .fetch_one(&self.pool)
        .await?;
        Ok(id)
    }

    #[tracing::instrument(skip_all)]
    async fn office_activity(
        &self,
        organisation_id: i64,
        only_user: Option<i64>,
    ) -> Result<OfficeActivity, DbError> {
        // Seven queries for any office size; `COALESCE($2, x)` keeps one statement for both the
        // office and a single person.
        let people = sqlx::query_as::<_, OfficePerson>(
            "SELECT u.id, u.display_name, u.email, u.team_id, u.activated_at FROM users u \
             WHERE u.organisation_id = $1 AND u.id = COALESCE($2, u.id) AND u.active = TRUE \
             AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = 'learner') \
             ORDER BY u.display_name, u.id",
        )
        .bind(organisation_id)
        .bind(only_user)
        .fetch_all(&self.pool);
        let assignments = sqlx::query_as::<_, AssignmentRecord>(sqlx::AssertSqlSafe(format!(
            "SELECT {ASSIGNMENT_COLUMNS} WHERE a.organisation_id = $1 AND a.withdrawn_at IS NULL \
             ORDER BY a.created_at, a.id"
        )))
        .bind(organisation_id)
        .fetch_all(&self.pool);
        let modules = sqlx::query_as::<_, (i64, i64)>(
            "SELECT am.assignment_id, am.module_id FROM assignment_modules am \
             JOIN assignments a ON a.id = am.assignment_id \
             WHERE a.organisation_id = $1 AND a.withdrawn_at IS NULL",
        )
        .bind(organisation_id)
        .fetch_all(&self.pool);
        let overrides = sqlx::query_as::<_, OverrideRecord>(
            "SELECT o.id, o.assignment_id, o.user_id, o.kind, o.extended_to, o.reason, \
             c.display_name AS created_by_name, o.created_at FROM assignment_overrides o \
             JOIN assignments a ON a.id = o.assignment_id \
             LEFT JOIN users c ON c.id = o.created_by \
             WHERE a.organisation_id = $1 AND o.user_id = COALESCE($2, o.user_id) \
             ORDER BY o.created_at, o.id",
        )
        .bind(organisation_id)
        .bind(only_user)
        .fetch_all(&self.pool);
        let module_completions = sqlx::query_as::<_, ModuleCompletion>(
            "SELECT mc.user_id, mc.module_id, mc.completed_at FROM module_completions mc \
             JOIN users u ON u.id = mc.user_id \
             WHERE u.organisation_id = $1 AND u.id = COALESCE($2, u.id)",
        )
        .bind(organisation_id)
        .bind(only_user)
        .fetch_all(&self.pool);
        let assignment_completions = sqlx::query_as::<_, AssignmentCompletion>(
            "SELECT ac.assignment_id, ac.user_id, ac.completed_on FROM assignment_completions ac \
             JOIN assignments a ON a.id = ac.assignment_id \
             WHERE a.organisation_id = $1 AND ac.user_id = COALESCE($2, ac.user_id)",
        )
        .bind(organisation_id)
        .bind(only_user)
        .fetch_all(&self.pool);
        let touched = sqlx::query_as::<_, ModuleTouch>(
            "SELECT DISTINCT pe.user_id, l.module_id FROM progress_events pe \
             JOIN lessons l ON l.id = pe.lesson_id JOIN users u ON u.id = pe.user_id \
             WHERE u.organisation_id = $1 AND u.id = COALESCE($2, u.id) \
             UNION SELECT DISTINCT qa.user_id, q.module_id FROM quiz_attempts qa \
             JOIN quizzes q ON q.id = qa.quiz_id JOIN users u ON u.id = qa.user_id \
             WHERE u.organisation_id = $1 AND u.id = COALESCE($2, u.id) \
             AND qa.submitted_at IS NOT NULL",
        )
        .bind(organisation_id)
        .bind(only_user)
        .fetch_all(&self.pool);
        let (
            people,
            assignments,
            assignment_modules,
            overrides,
            module_completions,
            assignment_completions,
            touched,
        ) = tokio::try_join!(
            people,
            assignments,
            modules,
            overrides,
            module_completions,
            assignment_completions,
            touched
        )?;
        Ok(OfficeActivity {
            people,
            assignments,
            assignment_modules,
            overrides,
            module_completions,
            assignment_completions,
            touched,
        })
    }

    #[tracing::instrument(skip_all)]
    async fn office_test_outcomes(
        &self,
        organisation_id: i64,
        only_user: Option<i64>,
    ) -> Result<Vec<TestOutcome>, DbError> {
        Ok(sqlx::query_as(
            "SELECT qa.user_id, q.module_id, MAX(CASE WHEN qa.passed THEN 1 ELSE 0 END) = 1 AS passed \
             FROM quiz_attempts qa JOIN quizzes q ON q.id = qa.quiz_id \
             JOIN users u ON u.id = qa.user_id \
             WHERE u.organisation_id = $1 AND u.id = COALESCE($2, u.id) \
             AND qa.submitted_at IS NOT NULL GROUP BY qa.user_id, q.module_id",
        )
        .bind(organisation_id)
        .bind(only_user)
        .fetch_all(&self.pool)
        .await?)
    }

    #[tracing::instrument(skip_all)]
    async fn record_module_completions(
        &self,
        user_id: i64,
        module_ids: &[i64],
        at: Ts,
    ) -> Result<(), DbError> {
        if module_ids.is_empty() {
            return Ok(());
        }
        let mut tx = self.pool.begin().await?;
        for module_id in module_ids {
            sqlx::query(
                "INSERT INTO module_completions (user_id, module_id, completed_at) \
                 VALUES ($1, $2, $3) ON CONFLICT (user_id, module_id) DO NOTHING",
            )
            .bind(user_id)
            .bind(module_id)
            .bind(at)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    #[tracing::instrument(skip_all)]
    async fn record_assignment_completions(
        &self,
        completions: &[AssignmentCompletion],
    ) -> Result<(), DbError> {
        if completions.is_empty() {
            return Ok(());
        }
        let mut tx = self.pool.begin().await?;
        for c in completions {
            sqlx::query(
                "INSERT INTO assignment_completions (assignment_id, user_id, completed_on) \
                 VALUES ($1, $2, $3) ON CONFLICT (assignment_id, user_id) DO NOTHING",
            )
            .bind(c.assignment_id)
            .bind(c.user_id)
            .bind(c.completed_on)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}
