//! Sessions. A lookup loads the session, its user, roles and team limits in one statement.

use async_trait::async_trait;

use super::users::{user_columns, UserRecord};
use super::{dialect, Impl};
use crate::store::{DbError, SessionRecord, SessionStore, Ts};

#[derive(sqlx::FromRow)]
struct SessionRow {
    #[sqlx(flatten)]
    user: UserRecord,
    session_created_at: Ts,
    session_last_seen_at: Ts,
}

/// Ends every session of a user, inside the caller's transaction.
pub(super) async fn end_all(tx: &mut dialect::Tx, user_id: i64) -> Result<(), DbError> {
    sqlx::query("DELETE FROM sessions WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

#[async_trait]
impl SessionStore for Impl {
    #[tracing::instrument(skip_all)]
    async fn create_session(
        &self,
        id_hash: &str,
        user_id: i64,
        now: Ts,
        expires_at: Ts,
    ) -> Result<(), DbError> {
        sqlx::query(
            "INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at, expires_at) \
             VALUES ($1, $2, $3, $3, $4)",
        )
        .bind(id_hash)
        .bind(user_id)
        .bind(now)
        .bind(expires_at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    #[tracing::instrument(skip_all)]
    async fn find_session(&self, id_hash: &str, now: Ts) -> Result<Option<SessionRecord>, DbError> {
        let sql = format!(
            "SELECT {}, s.created_at AS session_created_at, s.last_seen_at AS session_last_seen_at \
             FROM sessions s JOIN users u ON u.id = s.user_id \
             WHERE s.id_hash = $1 AND s.expires_at > $2",
            user_columns()
        );
        let row: Option<SessionRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(id_hash)
            .bind(now)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|r| {
            Ok(SessionRecord {
                user: r.user.into_user()?,
                created_at: r.session_created_at,
                last_seen_at: r.session_last_seen_at,
            })
        })
        .transpose()
    }

    #[tracing::instrument(skip_all)]
    async fn touch_session(&self, id_hash: &str, now: Ts, expires_at: Ts) -> Result<(), DbError> {
        sqlx::query("UPDATE sessions SET last_seen_at = $1, expires_at = $2 WHERE id_hash = $3")
            .bind(now)
            .bind(expires_at)
            .bind(id_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    #[tracing::instrument(skip_all)]
    async fn delete_session(&self, id_hash: &str) -> Result<(), DbError> {
        sqlx::query("DELETE FROM sessions WHERE id_hash = $1")
            .bind(id_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
