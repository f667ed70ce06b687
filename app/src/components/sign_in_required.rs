//! Learner pages need a signed-in user. During server rendering an anonymous visitor is sent to
//! `/login?next=…` before any HTML is streamed; after client-side navigation (where no redirect
//! is possible any more) the page shows a German message with a sign-in link instead.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::components::notice::{encode_path, ErrorNotice};
use crate::error::AppError;

/// Call at the top of a learner page component, outside any `Suspense`, so the redirect is set
/// while the response headers are still open.
pub fn require_sign_in() {
    #[cfg(feature = "ssr")]
    {
        if crate::api::ssr::session_user().is_some() {
            return;
        }
        use http::{header, HeaderValue, StatusCode};
        let target = login_href(&current_path());
        if let (Some(response), Ok(value)) = (
            use_context::<leptos_axum::ResponseOptions>(),
            HeaderValue::from_str(&target),
        ) {
            response.set_status(StatusCode::SEE_OTHER);
            response.insert_header(header::LOCATION, value);
        }
    }
}

fn current_path() -> String {
    let location = use_location();
    let (path, search) = (
        location.pathname.get_untracked(),
        location.search.get_untracked(),
    );
    if search.is_empty() {
        path
    } else {
        format!("{path}?{search}")
    }
}

/// `/login?hinweis=anmelden&next=<path>` (the same address `AccessError` uses).
pub fn login_href(next: &str) -> String {
    format!("/login?hinweis=anmelden&next={}", encode_path(next))
}

/// The error of a learner page. On the server it also sets the HTTP status (404 for an unknown
/// lesson), except for sign-in, which `require_sign_in` already answered with a redirect.
#[component]
pub fn LearnError(error: AppError) -> impl IntoView {
    #[cfg(feature = "ssr")]
    {
        let status = http::StatusCode::from_u16(error.status_code());
        if let (true, Some(response), Ok(status)) = (
            error != AppError::Unauthenticated,
            use_context::<leptos_axum::ResponseOptions>(),
            status,
        ) {
            response.set_status(status);
        }
    }
    match error {
        AppError::Unauthenticated => view! {
            <div class="notice" role="alert">
                <p>"Bitte melden Sie sich an, um Ihre Lerninhalte zu sehen."</p>
                <p><a href=login_href(&current_path()) rel="external">"Zur Anmeldung"</a></p>
            </div>
        }
        .into_any(),
        other => view! {
            <ErrorNotice error=other/>
            <p><a href="/tracks">"Zur Übersicht der Lernpfade"</a></p>
        }
        .into_any(),
    }
}

#[cfg(test)]
mod tests {
    use super::login_href;

    #[test]
    fn the_next_path_survives_as_one_query_value() {
        assert_eq!(
            login_href("/tracks/a/b/quiz?versuch=x&y=1"),
            "/login?hinweis=anmelden&next=/tracks/a/b/quiz%3Fversuch%3Dx%26y%3D1"
        );
    }
}
