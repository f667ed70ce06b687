//! Cross-site request forgery: every state-changing request (forms, server functions) must come
//! from our own origin, proven by the `Origin` header or, failing that, the `Referer`. The
//! session cookie's `SameSite=Lax` is the second line of defence.

use axum::extract::{Request, State};
use axum::http::header::{HOST, ORIGIN, REFERER};
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
    let Some(claimed) = claimed else { return false };
    let host = header(HOST);
    origin_matches(&claimed, host, base_url)
}

/// The origin (`scheme://host[:port]`) of a URL.
fn origin_of(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url).ok()?;
    Some(parsed.origin().ascii_serialization())
}

fn origin_matches(claimed: &str, host: Option<&str>, base_url: &str) -> bool {
    if origin_of(base_url).is_some_and(|base| base == claimed) {
        return true;
    }
    // Same host as the request was sent to (covers access via another name or port).
    let Ok(parsed) = url::Url::parse(claimed) else {
        return false;
    };
    let Some(claimed_host) = parsed.host_str() else {
        return false;
    };
    let claimed_authority = match parsed.port() {
        Some(port) => format!("{claimed_host}:{port}"),
        None => claimed_host.to_owned(),
    };
    host.is_some_and(|h| h.eq_ignore_ascii_case(&claimed_authority))
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
    fn the_configured_base_url_is_accepted() {
        assert!(origin_matches(
            "https://lotse.kreis.de",
            None,
            "https://lotse.kreis.de"
        ));
    }

    #[test]
    fn the_requested_host_is_accepted_including_its_port() {
        assert!(origin_matches(
            "http://127.0.0.1:3000",
            Some("127.0.0.1:3000"),
            "https://x.de"
        ));
        assert!(!origin_matches(
            "http://127.0.0.1:3001",
            Some("127.0.0.1:3000"),
            "https://x.de"
        ));
    }

    #[test]
    fn foreign_origins_are_refused() {
        assert!(!origin_matches(
            "https://evil.example",
            Some("lotse.kreis.de"),
            "https://lotse.kreis.de"
        ));
        assert!(!origin_matches(
            "null",
            Some("lotse.kreis.de"),
            "https://lotse.kreis.de"
        ));
    }

    #[test]
    fn referer_is_reduced_to_its_origin() {
        assert_eq!(
            origin_of("https://lotse.kreis.de/login?x=1").as_deref(),
            Some("https://lotse.kreis.de")
        );
    }
}
