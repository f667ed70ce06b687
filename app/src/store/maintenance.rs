//! Housekeeping the background loop runs: deleting what has expired.

use async_trait::async_trait;

use super::{DbError, Ts};

/// Cut-off times: rows older than these are deleted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PruneCutoffs {
    /// Sessions whose expiry passed.
    pub now: Ts,
    /// Throttle events recorded before this.
    pub throttle_events_before: Ts,
    /// Used or expired reset links (expired before this).
    pub resets_before: Ts,
    /// Quiz attempts issued before this and never submitted.
    pub unsubmitted_attempts_before: Ts,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PruneReport {
    pub sessions: u64,
    pub throttle_events: u64,
    pub password_resets: u64,
    pub attempts: u64,
}

impl PruneReport {
    pub fn total(&self) -> u64 {
        self.sessions + self.throttle_events + self.password_resets + self.attempts
    }
}

#[async_trait]
pub trait MaintenanceStore {
    async fn prune(&self, cutoffs: &PruneCutoffs) -> Result<PruneReport, DbError>;
}

/// What `lotse retention` deletes (or, in a dry run, would delete).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RetentionReport {
    /// `viewed` events of lessons in tracks completed before the details cut-off.
    pub viewed_events: u64,
    /// Quiz attempts of such tracks whose given answers were removed (score and pass stay).
    pub answer_details: u64,
    pub module_completions: u64,
    pub assignment_completions: u64,
}

impl RetentionReport {
    pub fn total(&self) -> u64 {
        self.viewed_events
            + self.answer_details
            + self.module_completions
            + self.assignment_completions
    }
}

#[async_trait]
pub trait RetentionStore {
    /// Deletes learning details of tracks completed before `details_before` and completion
    /// records from before `completions_before`; with `dry_run` only counts them.
    async fn apply_retention(
        &self,
        details_before: Ts,
        completions_before: Ts,
        dry_run: bool,
    ) -> Result<RetentionReport, DbError>;
}
