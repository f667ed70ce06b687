//! `lotse retention [--dry-run]`, also run daily by the background loop: deletes page-view
//! events and quiz answer details a while after the person completed the track, and completion
//! records after some years (`domain::retention::RetentionPolicy`, configurable).

use crate::domain::retention::RetentionPolicy;
use crate::state::AppState;
use crate::store::{DbError, DynStore, RetentionReport, Ts};

pub async fn apply_policy(
    store: &DynStore,
    policy: RetentionPolicy,
    now: Ts,
    dry_run: bool,
) -> Result<RetentionReport, DbError> {
    store
        .apply_retention(
            policy.details_cutoff(now),
            policy.completions_cutoff(now),
            dry_run,
        )
        .await
}

/// The background step: applies the state's policy and forgets cached learner rows.
pub async fn apply(state: &AppState, now: Ts, dry_run: bool) -> Result<RetentionReport, DbError> {
    let report = apply_policy(&state.store, state.retention, now, dry_run).await?;
    if !dry_run && report.total() > 0 {
        state.hot.clear();
    }
    Ok(report)
}
