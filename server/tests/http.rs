//! The real router over a fresh SQLite database: health, headers, errors, assets.

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use tower::ServiceExt;

#[tokio::test]
async fn healthz_is_200_with_json_when_the_database_answers() {
    let b = common::sqlite().await;
    let router = common::router(b.store.clone());
    let response = common::get(&router, "/healthz").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()[header::CONTENT_TYPE], "application/json");
    let body: serde_json::Value = serde_json::from_str(&common::body_text(response).await).unwrap();
    assert_eq!(body["status"], "ok");
    assert_eq!(body["database"], "ok");
}

#[tokio::test]
async fn healthz_is_503_with_json_when_the_database_is_gone() {
    let b = common::sqlite().await;
    let router = common::router(b.store.clone());
    b.store.close().await;
    let response = common::get(&router, "/healthz").await;
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    let body: serde_json::Value = serde_json::from_str(&common::body_text(response).await).unwrap();
    assert_eq!(body["status"], "error");
    assert_eq!(body["database"], "unreachable");
}

#[tokio::test]
async fn pages_carry_a_nonce_csp_and_the_security_headers() {
    let b = common::sqlite().await;
    let router = common::router(b.store.clone());
    let response = common::get(&router, "/").await;
    assert_eq!(response.status(), StatusCode::OK);
    let headers = response.headers().clone();
    let csp = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(csp.contains("default-src 'self'"), "{csp}");
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert!(csp.contains("'nonce-"), "{csp}");
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert_eq!(
        headers[header::REFERRER_POLICY],
        "strict-origin-when-cross-origin"
    );
    let html = common::body_text(response).await;
    // Every inline script carries this response's nonce.
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .unwrap()
        .split('\'')
        .next()
        .unwrap();
    for script in html.split("<script").skip(1) {
        assert!(
            script.starts_with(&format!(" type=\"module\" nonce=\"{nonce}\""))
                || script.contains(&format!("nonce=\"{nonce}\"")),
            "script without nonce: <script{}",
            &script[..script.len().min(80)]
        );
    }
}

#[tokio::test]
async fn the_start_page_is_german_and_explains_the_empty_state() {
    let b = common::sqlite().await;
    let router = common::router(b.store.clone());
    let html = common::body_text(common::get(&router, "/").await).await;
    assert!(html.contains("<html lang=\"de\""), "{html}");
    assert!(html.contains("Zum Inhalt springen"));
    assert!(html.contains("Willkommen bei Lotse"));
    assert!(html.contains("noch keine Lerninhalte"), "{html}");
}

#[tokio::test]
async fn unknown_paths_get_the_german_404_page() {
    let b = common::sqlite().await;
    let router = common::router(b.store.clone());
    let response = common::get(&router, "/gibt/es/nicht").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let html = common::body_text(response).await;
    assert!(html.contains("Seite nicht gefunden"), "{html}");
    assert!(html.contains("<html lang=\"de\""));
}

#[tokio::test]
async fn hashed_assets_are_cached_for_a_year() {
    let b = common::sqlite().await;
    let router = common::router(b.store.clone());
    let response = common::get(&router, "/pkg/lotse.css").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()[header::CACHE_CONTROL],
        "public, max-age=31536000, immutable"
    );
}

#[tokio::test]
async fn responses_are_compressed_when_the_client_accepts_it() {
    let b = common::sqlite().await;
    let router = common::router(b.store.clone());
    let response = router
        .oneshot(
            Request::get("/")
                .header(header::ACCEPT_ENCODING, "gzip")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(response.headers()[header::CONTENT_ENCODING], "gzip");
}
