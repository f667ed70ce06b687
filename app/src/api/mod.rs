//! Server functions, one module per resource. Each is thin: who is asking → permission check →
//! store/domain call → user-safe `AppError`.

pub mod admin;
pub mod learn;
pub mod oversight;
pub mod session;
pub mod tracks;

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use leptos::prelude::use_context;

    use crate::error::AppError;
    use crate::state::AppState;

    /// The server state; missing context is a wiring bug, reported as an internal error.
    pub fn state() -> Result<AppState, AppError> {
        use_context::<AppState>().ok_or_else(|| {
            tracing::error!("AppState missing from context");
            AppError::Internal
        })
    }
}
