//! Rate-limit events (failed sign-ins, reset requests), shared through the database so several
//! instances throttle together. The decisions are `domain::throttle`.

use async_trait::async_trait;

use super::{DbError, Ts};

#[async_trait]
pub trait ThrottleStore {
    /// Under a lock on `lock_key` (serialising concurrent attempts on one account across
    /// instances): reads the events of every key since `since`, asks `decide` whether to go on,
    /// and if so records one event per key at `now`, all in one transaction. Returns the
    /// decision; nothing is written when `decide` says no.
    async fn throttled_event(
        &self,
        lock_key: &str,
        keys: &[String],
        since: Ts,
        now: Ts,
        decide: &(dyn for<'h> Fn(&'h [Vec<Ts>]) -> bool + Send + Sync),
    ) -> Result<bool, DbError>;
    /// Removes the events recorded under `key` (a successful sign-in clears its failures).
    async fn clear_events(&self, key: &str) -> Result<(), DbError>;
    /// Removes the single event recorded under each of `keys` at `at`.
    async fn forget_event(&self, keys: &[String], at: Ts) -> Result<(), DbError>;
}
