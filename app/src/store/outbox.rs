//! The transactional email outbox: mails are written as rows (with a unique dedupe key) and a
//! worker claims, sends and marks them. A claim is a lease, so a crashed worker's row is sent
//! again after the lease ends, with the same `Message-ID`.

use async_trait::async_trait;

use super::{DbError, Ts};

/// A mail to queue. `dedupe_key` is unique: queuing the same key twice stores it once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMail {
    pub dedupe_key: String,
    pub category: String,
    pub user_id: Option<i64>,
    pub recipient: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: Option<String>,
    /// https URL for `List-Unsubscribe` (reminders only).
    pub unsubscribe_url: Option<String>,
    pub send_after: Ts,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MailStatus {
    Queued,
    Sending,
    Sent,
    Failed,
    Cancelled,
}

impl MailStatus {
    pub const ALL: [MailStatus; 5] = [
        MailStatus::Queued,
        MailStatus::Sending,
        MailStatus::Sent,
        MailStatus::Failed,
        MailStatus::Cancelled,
    ];

    pub fn key(self) -> &'static str {
        match self {
            MailStatus::Queued => "queued",
            MailStatus::Sending => "sending",
            MailStatus::Sent => "sent",
            MailStatus::Failed => "failed",
            MailStatus::Cancelled => "cancelled",
        }
    }

    pub fn parse(key: &str) -> Option<MailStatus> {
        MailStatus::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// One outbox row as the worker and the admin page see it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct OutboxMail {
    pub id: i64,
    pub dedupe_key: String,
    pub category: String,
    pub user_id: Option<i64>,
    pub recipient: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: Option<String>,
    pub unsubscribe_url: Option<String>,
    pub status: String,
    pub attempts: i64,
    pub created_at: Ts,
    pub send_after: Ts,
    pub sent_at: Option<Ts>,
    pub last_error: Option<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OutboxCounts {
    pub queued: i64,
    pub sending: i64,
    pub sent: i64,
    pub failed: i64,
    pub cancelled: i64,
}

#[async_trait]
pub trait OutboxStore {
    /// Queues a mail; `false` when its dedupe key was queued before (nothing written).
    async fn enqueue_mail(&self, mail: &NewMail, now: Ts) -> Result<bool, DbError>;
    /// Claims the next due row (queued and due, or a `sending` row whose lease ran out) until
    /// `lease_until`, counting an attempt. Several workers never claim the same row at once.
    async fn claim_mail(&self, now: Ts, lease_until: Ts) -> Result<Option<OutboxMail>, DbError>;
    async fn mark_mail_sent(&self, id: i64, now: Ts) -> Result<(), DbError>;
    /// Back to `queued` until `retry_at`, keeping the error.
    async fn mark_mail_retry(&self, id: i64, error: &str, retry_at: Ts) -> Result<(), DbError>;
    async fn mark_mail_failed(&self, id: i64, error: &str) -> Result<(), DbError>;
    /// Cancels a row that is queued or being sent; `false` when it was in another state.
    async fn cancel_mail(&self, id: i64, reason: &str) -> Result<bool, DbError>;
    /// A failed row is queued again with a fresh attempt budget; `false` when it was not failed.
    async fn retry_failed_mail(&self, id: i64, now: Ts) -> Result<bool, DbError>;
    async fn find_mail_by_dedupe_key(&self, key: &str) -> Result<Option<OutboxMail>, DbError>;
    async fn outbox_counts(&self) -> Result<OutboxCounts, DbError>;
    /// Newest first, optionally only one status.
    async fn list_outbox(
        &self,
        status: Option<MailStatus>,
        limit: i64,
    ) -> Result<Vec<OutboxMail>, DbError>;
}
