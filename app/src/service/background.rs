//! Background work as one idempotent step at a time: `try_execute_task` sends one due mail from
//! the outbox, or prunes expired rows when that is due, or reports `Idle`. `lotse serve` and
//! `lotse worker` run it in a loop; tests drain it deterministically with a fixed clock. Every
//! step is safe to repeat and safe with several instances on one database: mails are claimed
//! with a lease, so a crashed worker's mail is sent again (with the same `Message-ID`) only
//! after the lease ran out.

use chrono::Duration;

use crate::domain::mail_delivery::{retry_delay, MAX_ATTEMPTS};
use crate::domain::throttle;
use crate::mail::OutgoingMail;
use crate::state::AppState;
use crate::store::{DbError, OutboxMail, PruneCutoffs, PruneReport, RetentionReport, Ts};

/// How long a claimed mail is reserved for its worker (an SMTP send times out well before).
pub const LEASE_MINUTES: i64 = 5;
/// Pruning runs at most this often per worker.
pub const PRUNE_EVERY_MINUTES: i64 = 60;
/// Retention (learning details, old completion records) runs at most this often per worker.
pub const RETENTION_EVERY_HOURS: i64 = 24;
/// Unsubmitted quiz attempts are kept this long (a learner may leave a quiz open for a while).
pub const OPEN_ATTEMPT_HOURS: i64 = 24;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Sent {
        id: i64,
    },
    /// The send failed; the mail waits for its next try.
    WillRetry {
        id: i64,
        error: String,
    },
    /// The send failed for the last time.
    Failed {
        id: i64,
        error: String,
    },
    Pruned(PruneReport),
    Retained(RetentionReport),
    Idle,
}

/// What a worker remembers between steps (when it last pruned and applied retention).
#[derive(Debug, Default)]
pub struct Worker {
    last_prune: Option<Ts>,
    last_retention: Option<Ts>,
}

impl Worker {
    pub fn new() -> Self {
        Worker::default()
    }

    pub async fn try_execute_task(
        &mut self,
        state: &AppState,
        now: Ts,
    ) -> Result<Outcome, DbError> {
        if let Some(mail) = state
            .store
            .claim_mail(now, now + Duration::minutes(LEASE_MINUTES))
            .await?
        {
            return deliver(state, mail, now).await;
        }
        let due = self
            .last_prune
            .is_none_or(|at| now - at >= Duration::minutes(PRUNE_EVERY_MINUTES));
        if due {
            self.last_prune = Some(now);
            let report = state.store.prune(&cutoffs(now)).await?;
            if report.total() > 0 {
                tracing::info!(?report, "pruned expired rows");
            }
            return Ok(Outcome::Pruned(report));
        }
        let retention_due = self
            .last_retention
            .is_none_or(|at| now - at >= Duration::hours(RETENTION_EVERY_HOURS));
        if retention_due {
            self.last_retention = Some(now);
            let report = crate::service::oversight::retention::apply(state, now, false).await?;
            if report.total() > 0 {
                tracing::info!(?report, "applied retention periods");
            }
            return Ok(Outcome::Retained(report));
        }
        Ok(Outcome::Idle)
    }

    /// Runs steps until there is nothing left to do now (tests and `lotse mail run-once`).
    pub async fn drain(&mut self, state: &AppState, now: Ts) -> Result<Vec<Outcome>, DbError> {
        let mut outcomes = Vec::new();
        loop {
            match self.try_execute_task(state, now).await? {
                Outcome::Idle => return Ok(outcomes),
                Outcome::Pruned(report) if report.total() == 0 => {}
                Outcome::Retained(report) if report.total() == 0 => {}
                other => outcomes.push(other),
            }
        }
    }
}

pub fn cutoffs(now: Ts) -> PruneCutoffs {
    PruneCutoffs {
        now,
        throttle_events_before: throttle::window_start(now),
        resets_before: now,
        unsubmitted_attempts_before: now - Duration::hours(OPEN_ATTEMPT_HOURS),
    }
}

async fn deliver(state: &AppState, row: OutboxMail, now: Ts) -> Result<Outcome, DbError> {
    let mail = OutgoingMail {
        to: row.recipient.clone(),
        subject: row.subject.clone(),
        body_text: row.body_text.clone(),
        body_html: row.body_html.clone(),
        message_id: Some(message_id(&row, &state.base_url)),
        unsubscribe_url: row.unsubscribe_url.clone(),
    };
    match state.mailer.send(mail).await {
        Ok(()) => {
            state.store.mark_mail_sent(row.id, now).await?;
            Ok(Outcome::Sent { id: row.id })
        }
        Err(err) => {
            let error = err.to_string();
            match retry_delay(row.attempts).filter(|_| row.attempts < MAX_ATTEMPTS) {
                Some(wait) => {
                    tracing::warn!(id = row.id, attempts = row.attempts, %error, "mail not sent, will retry");
                    state
                        .store
                        .mark_mail_retry(row.id, &error, now + wait)
                        .await?;
                    Ok(Outcome::WillRetry { id: row.id, error })
                }
                None => {
                    tracing::error!(id = row.id, attempts = row.attempts, %error, "mail failed for good");
                    state.store.mark_mail_failed(row.id, &error).await?;
                    Ok(Outcome::Failed { id: row.id, error })
                }
            }
        }
    }
}

/// Derived from the row, so a resend after a crash carries the same id and receivers dedupe.
pub fn message_id(row: &OutboxMail, base_url: &str) -> String {
    let host = url_host(base_url).unwrap_or("lotse.invalid");
    let digest = crate::auth::token::hash_token(&row.dedupe_key);
    format!("<lotse.{}.{}@{host}>", row.id, &digest[..16])
}

fn url_host(base_url: &str) -> Option<&str> {
    let rest = base_url.split_once("://")?.1;
    let authority = rest.split('/').next()?;
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = host.split(':').next()?;
    (!host.is_empty()).then_some(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_message_id_host_comes_from_the_base_url() {
        assert_eq!(url_host("https://lotse.kreis.de"), Some("lotse.kreis.de"));
        assert_eq!(url_host("http://127.0.0.1:3000/x"), Some("127.0.0.1"));
        assert_eq!(url_host("nonsense"), None);
    }
}
