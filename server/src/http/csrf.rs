//! Cross-site request forgery: every state-changing request (forms, server functions) must come
//! from our own origin — the configured `base_url`, never whatever `Host` the request claims —
//! proven by the `Origin` header or, failing that, the `Referer`. The session cookie's
//! `SameSite=Lax` is the second line of defence.

use axum::extract::{Request, State};
use axum::http::header::{ORIGIN, REFERER};
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};

use app::state::AppState;

pub async fn refuse_cross_site(
    State(state): State<AppState>,
    req: Request,
    next: Next,
) -> Response {
    let safe = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if safe || is_same_origin(&req, &state.base_url) {
        return next.run(req).await;
    }
    tracing::warn!(method = %req.method(), path = %req.uri().path(), "cross-site request refused");
    (StatusCode::FORBIDDEN, Html(REFUSED_PAGE)).into_response()
}

fn is_same_origin(req: &Request, base_url: &str) -> bool {
    let header = |name| req.headers().get(name).and_then(|v| v.to_str().ok());
    let claimed = header(ORIGIN)
        .filter(|o| *o != "null")
        .map(str::to_owned)
        .or_else(|| header(REFERER).and_then(origin_of));
    claimed.is_some_and(|claimed| origin_matches(&claimed, base_url))
}

/// The origin (`scheme://host[:port]`) of a URL.
fn origin_of(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url).ok()?;
    Some(parsed.origin().ascii_serialization())
}

fn origin_matches(claimed: &str, base_url: &str) -> bool {
    origin_of(base_url).is_some_and(|base| base == claimed)
}

const REFUSED_PAGE: &str = r#"<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>Anfrage abgelehnt – Lotse</title></head>
<body><main><h1>Anfrage abgelehnt</h1>
<p>Diese Anfrage kam nicht von einer Lotse-Seite und wurde aus Sicherheitsgründen nicht ausgeführt.
Bitte öffnen Sie Lotse direkt und versuchen Sie es dort erneut.</p>
<p><a href="/">Zur Startseite</a></p></main></body></html>"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_configured_base_url_is_accepted() {
        assert!(origin_matches(
            "https://lotse.kreis.de",
            "https://lotse.kreis.de"
        ));
        assert!(origin_matches(
            "https://lotse.kreis.de",
            "https://lotse.kreis.de/"
        ));
        // A request's own Host header proves nothing: an attacker's page can send any Host.
        assert!(!origin_matches(
            "http://127.0.0.1:3000",
            "https://lotse.kreis.de"
        ));
        assert!(!origin_matches(
            "https://lotse.kreis.de:8443",
            "https://lotse.kreis.de"
        ));
        assert!(!origin_matches(
            "http://lotse.kreis.de",
            "https://lotse.kreis.de"
        ));
    }

    #[test]
    fn foreign_origins_are_refused() {
        assert!(!origin_matches(
            "https://evil.example",
            "https://lotse.kreis.de"
        ));
        assert!(!origin_matches("null", "https://lotse.kreis.de"));
    }

    #[test]
    fn referer_is_reduced_to_its_origin() {
        assert_eq!(
            origin_of("https://lotse.kreis.de/login?x=1").as_deref(),
            Some("https://lotse.kreis.de")
        );
    }
}
