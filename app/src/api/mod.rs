//! Server functions, one module per area. Each only decodes its arguments, finds the signed-in
//! user and calls one use case in `service`; errors are `AppError`s with a German message.

pub mod accounts;
pub mod administration;
pub mod learning;
pub mod oversight;
pub mod search;

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use leptos::prelude::use_context;

    use crate::auth::session::SessionUser;
    use crate::error::AppError;
    use crate::state::AppState;

    /// The server state; missing context is a wiring bug, reported as an internal error.
    pub fn state() -> Result<AppState, AppError> {
        use_context::<AppState>().ok_or_else(|| {
            tracing::error!("AppState missing from context");
            AppError::Internal
        })
    }

    /// The signed-in user of the current request, resolved by the session middleware.
    pub fn session_user() -> Option<SessionUser> {
        use_context::<http::request::Parts>()?
            .extensions
            .get::<SessionUser>()
            .cloned()
    }

    /// The state and the signed-in user, or `Unauthenticated`.
    pub fn signed_in() -> Result<(AppState, SessionUser), AppError> {
        let user = session_user().ok_or(AppError::Unauthenticated)?;
        Ok((state()?, user))
    }
}
