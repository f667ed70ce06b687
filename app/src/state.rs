//! Server state handed to pages, server functions and background jobs.

use std::sync::Arc;

use leptos::prelude::LeptosOptions;

use crate::auth::cookie::SessionCookie;
use crate::clock::Clock;
use crate::domain::session::SessionPolicy;
use crate::mail::Mailer;
use crate::store::DynStore;

#[derive(Clone)]
pub struct AppState {
    pub store: DynStore,
    pub leptos_options: LeptosOptions,
    pub mailer: Mailer,
    pub sessions: SessionPolicy,
    pub cookie: SessionCookie,
    /// Public base URL without trailing slash, for links in emails and the same-origin check.
    pub base_url: String,
    pub clock: Clock,
    /// Bounds concurrent password hashing (argon2 takes 19 MiB and a core each).
    pub hashing: Arc<tokio::sync::Semaphore>,
    /// The outline, lesson bodies and quiz questions in memory, keyed by the content generation.
    pub content: Arc<crate::content_cache::ContentCache>,
    /// The search index and the Normenverzeichnis, keyed by the content generation.
    pub search: Arc<crate::search::SearchCache>,
    /// Sessions and learners' rows for at most a second (see `hot_cache`).
    pub hot: Arc<crate::hot_cache::HotCache>,
    /// How long learning details and completion records are kept.
    pub retention: crate::domain::retention::RetentionPolicy,
    /// Key for values this server signs into URLs (shared by all instances, see `SecretStore`).
    pub url_key: Arc<str>,
}

impl AppState {
    /// Concurrent argon2 computations allowed per instance.
    pub const HASHING_PERMITS: usize = 2;

    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.clock.now()
    }

    /// The URL signing key, created in the database on first start.
    pub async fn load_url_key(store: &DynStore) -> Result<Arc<str>, crate::store::DbError> {
        let fresh = crate::auth::token::new_token();
        let key = store
            .secret("url-signing", &fresh, chrono::Utc::now())
            .await?;
        Ok(Arc::from(key))
    }
}

impl axum::extract::FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}
