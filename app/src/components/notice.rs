//! Inline messages for errors, access problems and empty states.

use leptos::prelude::*;

use crate::error::AppError;

#[component]
pub fn ErrorNotice(error: AppError) -> impl IntoView {
    view! {
        <div class="notice notice--error" role="alert">
            <p>{error.to_string()}</p>
        </div>
    }
}

/// Shows why a page cannot be shown, with the matching status during server rendering.
/// Signed-out visitors never get here on a full page load: every protected page calls
/// `require_sign_in`, which answers with a redirect to `/login?next=…`; after client-side
/// navigation they get a link instead.
#[component]
pub fn AccessError(error: AppError) -> impl IntoView {
    let path = leptos_router::hooks::use_location()
        .pathname
        .get_untracked();
    let login = format!("/login?hinweis=anmelden&next={}", encode_path(&path));
    #[cfg(feature = "ssr")]
    {
        if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
            match error {
                AppError::Unauthenticated => {}
                AppError::Forbidden => response.set_status(http::StatusCode::FORBIDDEN),
                AppError::NotFound(_) => response.set_status(http::StatusCode::NOT_FOUND),
                _ => {}
            }
        }
    }
    match error {
        AppError::Unauthenticated => view! {
            <div class="notice" role="alert">
                <p>"Bitte melden Sie sich an, um diese Seite zu sehen."</p>
                <p><a href=login>"Zur Anmeldung"</a></p>
            </div>
        }
        .into_any(),
        other => view! { <ErrorNotice error=other/> }.into_any(),
    }
}

/// Percent-encodes a local path for a query parameter (no `url` crate in the browser bundle).
pub fn encode_path(path: &str) -> String {
    path.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                (b as char).to_string()
            }
            other => format!("%{other:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::encode_path;

    #[test]
    fn paths_keep_slashes_and_escape_the_rest() {
        assert_eq!(encode_path("/admin/personen"), "/admin/personen");
        assert_eq!(encode_path("/a?b=c&d"), "/a%3Fb%3Dc%26d");
        assert_eq!(encode_path("/ä"), "/%C3%A4");
    }
}
