//! Server state handed to pages and server functions through Leptos context.

use leptos::prelude::LeptosOptions;

use crate::auth::session::SessionPolicy;
use crate::mail::Mailer;
use crate::store::DynStore;

#[derive(Clone)]
pub struct AppState {
    pub store: DynStore,
    pub leptos_options: LeptosOptions,
    pub mailer: Mailer,
    pub sessions: SessionPolicy,
    /// Public base URL without trailing slash, for links in emails.
    pub base_url: String,
}

impl axum::extract::FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}
