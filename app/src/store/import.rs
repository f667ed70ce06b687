//! Importing parsed content: idempotent, keyed by slugs, a new revision only when a file's hash
//! changes, removed items archived (never deleted). One transaction per import.

use async_trait::async_trait;

use super::{DbError, Ts};

#[async_trait]
pub trait ImportStore {
    /// Imports parsed content in one transaction and replaces the stored problem list when it
    /// changed. Unchanged content writes nothing; changed content bumps the content generation.
    async fn sync_content(
        &self,
        course: &crate::content::Course,
        problems: &[crate::content::Problem],
        now: Ts,
    ) -> Result<crate::domain::content_sync::SyncReport, DbError>;
    /// Problems found by the last import, for the admin page "Inhalte prüfen".
    async fn content_problems(&self) -> Result<Vec<crate::content::Problem>, DbError>;
}
