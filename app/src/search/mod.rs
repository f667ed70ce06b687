//! Full-text search over the published lessons and the index of cited norms, in memory
//! (tantivy, RAM directory). Built from the stored content, never from files, and keyed by the
//! content generation like `content_cache`: every instance on one database rebuilds after an
//! import (within `content_cache::CHECK_INTERVAL`) and answers the same.

mod analyzer;
mod index;
mod query;
mod snippet;

use std::sync::{Arc, Mutex};

pub use index::{Citing, IndexError, IndexedLesson, SearchIndex};
pub use query::{Hit, Hits, Marked};

use crate::content_cache::ContentCache;
use crate::store::{DbError, DynStore};

#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error(transparent)]
    Db(#[from] DbError),
    #[error(transparent)]
    Index(#[from] IndexError),
    #[error("search index build panicked")]
    Build,
}

/// The index of the current content generation; built on first use and after each change.
#[derive(Default)]
pub struct SearchCache {
    current: Mutex<Option<(i64, Arc<SearchIndex>)>>,
    /// One build at a time: concurrent first searches wait for it instead of building too.
    building: tokio::sync::Mutex<()>,
}

impl SearchCache {
    pub async fn index(
        &self,
        store: &DynStore,
        content: &ContentCache,
    ) -> Result<Arc<SearchIndex>, SearchError> {
        let (generation, outline) = content.current(store).await?;
        if let Some(index) = self.get(generation) {
            return Ok(index);
        }
        let _building = self.building.lock().await;
        if let Some(index) = self.get(generation) {
            return Ok(index);
        }
        let texts = store.lesson_texts().await?;
        let started = std::time::Instant::now();
        let index = tokio::task::spawn_blocking(move || SearchIndex::build(&outline, texts))
            .await
            .map_err(|_| SearchError::Build)??;
        tracing::info!(
            generation,
            lessons = index.lessons.len(),
            norms = index.norms.len(),
            ms = started.elapsed().as_millis() as u64,
            "search index built"
        );
        let index = Arc::new(index);
        *self.lock() = Some((generation, index.clone()));
        Ok(index)
    }

    fn get(&self, generation: i64) -> Option<Arc<SearchIndex>> {
        self.lock()
            .as_ref()
            .filter(|(g, _)| *g == generation)
            .map(|(_, index)| index.clone())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<(i64, Arc<SearchIndex>)>> {
        self.current.lock().unwrap_or_else(|p| p.into_inner())
    }
}
