//! The email outbox: queue, claim with a lease, mark. Claiming is one statement that picks the
//! next due row; on PostgreSQL rows locked by another worker are skipped.

use async_trait::async_trait;

use super::{dialect, Impl};
use crate::store::{DbError, MailStatus, NewMail, OutboxCounts, OutboxMail, OutboxStore, Ts};

const COLUMNS: &str =
    "id, dedupe_key, category, user_id, recipient, subject, body_text, body_html, \
     unsubscribe_url, status, attempts, created_at, send_after, sent_at, last_error";

/// Queues `mail` inside the caller's transaction (the facts it is about commit with it).
pub(super) async fn insert(tx: &mut dialect::Tx, mail: &NewMail, now: Ts) -> Result<bool, DbError> {
    let result = sqlx::query(
        "INSERT INTO email_outbox (dedupe_key, category, user_id, recipient, subject, body_text, \
         body_html, unsubscribe_url, status, created_at, send_after) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'queued', $9, $10) ON CONFLICT (dedupe_key) DO NOTHING",
    )
    .bind(&mail.dedupe_key)
    .bind(&mail.category)
    .bind(mail.user_id)
    .bind(&mail.recipient)
    .bind(&mail.subject)
    .bind(&mail.body_text)
    .bind(&mail.body_html)
    .bind(&mail.unsubscribe_url)
    .bind(now)
    .bind(mail.send_after)
    .execute(&mut **tx)
    .await?;
    Ok(result.rows_affected() == 1)
}

#[async_trait]
impl OutboxStore for Impl {
    #[tracing::instrument(skip_all)]
    async fn enqueue_mail(&self, mail: &NewMail, now: Ts) -> Result<bool, DbError> {
        let mut tx = self.pool.begin().await?;
        let inserted = insert(&mut tx, mail, now).await?;
        tx.commit().await?;
        Ok(inserted)
    }

    #[tracing::instrument(skip_all)]
    async fn claim_mail(&self, now: Ts, lease_until: Ts) -> Result<Option<OutboxMail>, DbError> {
        let due = "(status = 'queued' AND send_after <= $1) OR (status = 'sending' AND lease_until <= $1)";
        let sql = format!(
            "UPDATE email_outbox SET status = 'sending', lease_until = $2, attempts = attempts + 1 \
             WHERE id = (SELECT id FROM email_outbox WHERE {due} ORDER BY send_after, id LIMIT 1{}) \
             AND ({due}) RETURNING {COLUMNS}",
            dialect::SKIP_LOCKED
        );
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(now)
            .bind(lease_until)
            .fetch_optional(&self.pool)
            .await?)
    }

    #[tracing::instrument(skip_all)]
    async fn mark_mail_sent(&self, id: i64, now: Ts) -> Result<(), DbError> {
        sqlx::query(
            "UPDATE email_outbox SET status = 'sent', sent_at = $2, lease_until = NULL, last_error = NULL \
             WHERE id = $1",
        )
        .bind(id)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    #[tracing::instrument(skip_all)]
    async fn mark_mail_retry(&self, id: i64, error: &str, retry_at: Ts) -> Result<(), DbError> {
        sqlx::query(
            "UPDATE email_outbox SET status = 'queued', send_after = $2, lease_until = NULL, last_error = $3 \
             WHERE id = $1 AND status = 'sending'",
        )
        .bind(id)
        .bind(retry_at)
        .bind(error)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    #[tracing::instrument(skip_all)]
    async fn mark_mail_failed(&self, id: i64, error: &str) -> Result<(), DbError> {
        sqlx::query(
            "UPDATE email_outbox SET status = 'failed', lease_until = NULL, last_error = $2 \
             WHERE id = $1 AND status = 'sending'",
        )
        .bind(id)
        .bind(error)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    #[tracing::instrument(skip_all)]
    async fn cancel_mail(&self, id: i64, reason: &str) -> Result<bool, DbError> {
        let result = sqlx::query(
            "UPDATE email_outbox SET status = 'cancelled', lease_until = NULL, last_error = $2 \
             WHERE id = $1 AND status IN ('queued', 'sending')",
        )
        .bind(id)
        .bind(reason)
        .execute(&self.pool)
        .await?;
        Ok(result.rows_affected() == 1)
    }

    #[tracing::instrument(skip_all)]
    async fn retry_failed_mail(&self, id: i64, now: Ts) -> Result<bool, DbError> {
        let result = sqlx::query(
            "UPDATE email_outbox SET status = 'queued', attempts = 0, send_after = $2 \
             WHERE id = $1 AND status = 'failed'",
        )
        .bind(id)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(result.rows_affected() == 1)
    }

    #[tracing::instrument(skip_all)]
    async fn find_mail_by_dedupe_key(&self, key: &str) -> Result<Option<OutboxMail>, DbError> {
        let sql = format!("SELECT {COLUMNS} FROM email_outbox WHERE dedupe_key = $1");
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(key)
            .fetch_optional(&self.pool)
            .await?)
    }

    #[tracing::instrument(skip_all)]
    async fn outbox_counts(&self) -> Result<OutboxCounts, DbError> {
        let rows: Vec<(String, i64)> =
            sqlx::query_as("SELECT status, COUNT(*) FROM email_outbox GROUP BY status")
                .fetch_all(&self.pool)
                .await?;
        let mut counts = OutboxCounts::default();
        for (status, n) in rows {
            match MailStatus::parse(&status) {
                Some(MailStatus::Queued) => counts.queued = n,
                Some(MailStatus::Sending) => counts.sending = n,
                Some(MailStatus::Sent) => counts.sent = n,
                Some(MailStatus::Failed) => counts.failed = n,
                Some(MailStatus::Cancelled) => counts.cancelled = n,
                None => return Err(DbError::Corrupt(format!("outbox status {status}"))),
            }
        }
        Ok(counts)
    }

    #[tracing::instrument(skip_all)]
    async fn list_outbox(
        &self,
        status: Option<MailStatus>,
        limit: i64,
    ) -> Result<Vec<OutboxMail>, DbError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM email_outbox WHERE ($1 IS NULL OR status = $1) ORDER BY id DESC LIMIT $2"
        );
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(status.map(MailStatus::key))
            .bind(limit)
            .fetch_all(&self.pool)
            .await?)
    }
}
