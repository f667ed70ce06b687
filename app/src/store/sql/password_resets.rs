//! Password-reset links.

use async_trait::async_trait;

use super::{dialect, Impl};
use crate::store::{DbError, NewMail, OpenReset, PasswordResetStore, Ts};

/// Makes every unused link of the user unusable, inside the caller's transaction.
pub(super) async fn void_open(tx: &mut dialect::Tx, user_id: i64, now: Ts) -> Result<(), DbError> {
    sqlx::query("UPDATE password_resets SET used_at = $1 WHERE user_id = $2 AND used_at IS NULL")
        .bind(now)
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

#[async_trait]
impl PasswordResetStore for Impl {
    #[tracing::instrument(skip_all)]
    async fn create_password_reset(
        &self,
        token_hash: &str,
        user_id: i64,
        expires_at: Ts,
        mail: &NewMail,
        now: Ts,
    ) -> Result<(), DbError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO password_resets (token_hash, user_id, expires_at, created_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(token_hash)
        .bind(user_id)
        .bind(expires_at)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        super::outbox::insert(&mut tx, mail, now).await?;
        tx.commit().await?;
        Ok(())
    }

    #[tracing::instrument(skip_all)]
    async fn open_password_reset(
        &self,
        user_id: i64,
        now: Ts,
    ) -> Result<Option<OpenReset>, DbError> {
        Ok(sqlx::query_as(
            "SELECT token_hash, expires_at, created_at FROM password_resets \
             WHERE user_id = $1 AND used_at IS NULL AND expires_at > $2 ORDER BY created_at DESC LIMIT 1",
        )
        .bind(user_id)
        .bind(now)
        .fetch_optional(&self.pool)
        .await?)
    }

    #[tracing::instrument(skip_all)]
    async fn password_reset_valid(&self, token_hash: &str, now: Ts) -> Result<bool, DbError> {
        let row: Option<(i64,)> = sqlx::query_as(
            "SELECT r.user_id FROM password_resets r JOIN users u ON u.id = r.user_id \
             WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > $2 AND u.active",
        )
        .bind(token_hash)
        .bind(now)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.is_some())
    }

    #[tracing::instrument(skip_all)]
    async fn consume_password_reset(
        &self,
        token_hash: &str,
        password_hash: &str,
        now: Ts,
    ) -> Result<i64, DbError> {
        let mut tx = self.pool.begin().await?;
        let row: Option<(i64,)> = sqlx::query_as(
            "UPDATE password_resets SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL \
             AND expires_at > $1 RETURNING user_id",
        )
        .bind(now)
        .bind(token_hash)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((user_id,)) = row else {
            return Err(DbError::NotFound);
        };
        if !super::users::set_password(&mut tx, user_id, password_hash, now, true).await? {
            return Err(DbError::NotFound);
        }
        tx.commit().await?;
        Ok(user_id)
    }
}
