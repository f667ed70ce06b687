//! The real router: health, headers, caching, errors, assets, and the HTML head.

mod support;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};

use app::domain::Role;

use support::{body_text, location, TestApp};

#[tokio::test]
async fn healthz_is_200_with_json_when_the_database_answers_and_names_no_versions() {
    for app in TestApp::each().await {
        let response = app.get("/healthz").await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()[header::CONTENT_TYPE], "application/json");
        let text = body_text(response).await;
        let body: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(body["status"], "ok");
        assert_eq!(body["database"], "ok");
        assert!(
            body.get("version").is_none() && !text.contains(env!("CARGO_PKG_VERSION")),
            "{text}"
        );
    }
}

#[tokio::test]
async fn healthz_is_503_with_json_when_the_database_is_gone() {
    let app = TestApp::sqlite().await;
    app.store.close().await;
    let response = app.get("/healthz").await;
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    let body: serde_json::Value = serde_json::from_str(&body_text(response).await).unwrap();
    assert_eq!(body["status"], "error");
    assert_eq!(body["database"], "unreachable");
}

#[tokio::test]
async fn pages_carry_a_nonce_csp_and_the_security_headers() {
    let app = TestApp::sqlite().await;
    let response = app.get("/").await;
    assert_eq!(response.status(), StatusCode::OK);
    let headers = response.headers().clone();
    let csp = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(
        csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"),
        "{csp}"
    );
    assert!(
        csp.contains("'nonce-") && !csp.contains("unsafe-inline"),
        "{csp}"
    );
    assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert_eq!(
        headers[header::REFERRER_POLICY],
        "strict-origin-when-cross-origin"
    );
    assert!(
        headers.get(header::STRICT_TRANSPORT_SECURITY).is_none(),
        "no HSTS over plain http"
    );
    let html = body_text(response).await;
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .unwrap()
        .split('\'')
        .next()
        .unwrap();
    for script in html.split("<script").skip(1) {
        assert!(
            script.contains(&format!("nonce=\"{nonce}\"")),
            "script without nonce: <script{}",
            &script[..script.len().min(80)]
        );
    }
}

#[tokio::test]
async fn over_https_every_response_carries_hsts() {
    let app = TestApp::builder()
        .base_url("https://lotse.kreis.de")
        .sqlite()
        .await;
    for path in ["/", "/healthz", "/pkg/lotse.css", "/gibt/es/nicht"] {
        let response = app.get(path).await;
        assert_eq!(
            response.headers()[header::STRICT_TRANSPORT_SECURITY],
            "max-age=31536000; includeSubDomains",
            "{path}"
        );
    }
}

#[tokio::test]
async fn personal_pages_and_server_function_answers_are_never_stored() {
    for app in TestApp::each().await {
        let (_, cookie) = app.learner("anna@kreis.de").await;
        for path in ["/", "/tracks", "/login"] {
            let response = app.get_as(path, &cookie).await;
            assert_eq!(
                response.headers()[header::CACHE_CONTROL],
                "no-store",
                "{path}"
            );
        }
        let api = app.server_fn("/api/current_user", "", &cookie).await;
        assert_eq!(api.headers()[header::CACHE_CONTROL], "no-store");
    }
}

#[tokio::test]
async fn the_start_page_is_german_and_explains_the_empty_state() {
    let app = TestApp::sqlite().await;
    let html = body_text(app.get("/").await).await;
    assert!(html.contains("<html lang=\"de\""), "{html}");
    assert!(html.contains("Zum Inhalt springen"));
    assert!(html.contains("Willkommen bei Lotse"));
    assert!(html.contains("noch keine Lerninhalte"), "{html}");
}

#[tokio::test]
async fn unknown_paths_get_the_german_404_page() {
    let app = TestApp::sqlite().await;
    let response = app.get("/gibt/es/nicht").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let html = body_text(response).await;
    assert!(
        html.contains("Seite nicht gefunden") && html.contains("<html lang=\"de\""),
        "{html}"
    );
}

#[tokio::test]
async fn unknown_server_functions_answer_404_without_framework_details() {
    let app = TestApp::sqlite().await;
    let (_, cookie) = app.learner("anna@kreis.de").await;
    let response = app.server_fn("/api/gibt_es_nicht", "", &cookie).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let text = body_text(response).await;
    assert!(
        !text.to_lowercase().contains("server function") && !text.contains("register"),
        "{text}"
    );
}

#[tokio::test]
async fn hashed_assets_are_cached_for_a_year_but_missing_ones_are_not() {
    let app = TestApp::sqlite().await;
    let found = app.get("/pkg/lotse.css").await;
    assert_eq!(found.status(), StatusCode::OK);
    assert_eq!(
        found.headers()[header::CACHE_CONTROL],
        "public, max-age=31536000, immutable"
    );
    let missing = app.get("/pkg/lotse-0123456789.js").await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert_eq!(missing.headers()[header::CACHE_CONTROL], "no-store");
}

#[tokio::test]
async fn responses_are_compressed_when_the_client_accepts_it() {
    let app = TestApp::sqlite().await;
    let response = app
        .send(
            Request::get("/")
                .header(header::ACCEPT_ENCODING, "gzip")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(response.headers()[header::CONTENT_ENCODING], "gzip");
}

#[tokio::test]
async fn error_text_smuggled_into_a_link_is_never_shown() {
    use base64::Engine;
    let app = TestApp::sqlite().await;
    let office = app.office("kreis", &[]).await;
    let (_, cookie) = app
        .signed_in("chef@kreis.de", &[Role::Supervisor], Some(office.id))
        .await;
    let fake = serde_json::to_vec(&app::error::AppError::Invalid(
        "Rufen Sie sofort 0900-123 an".into(),
    ))
    .unwrap();
    let err = base64::engine::general_purpose::URL_SAFE.encode(fake);
    let path = format!(
        "/admin/einladen?__path={}&__err={err}",
        <app::api::administration::InvitePerson as leptos::server_fn::ServerFn>::PATH
    );
    let response = app.get_as(&path, &cookie).await;
    assert_eq!(
        response.status(),
        StatusCode::SEE_OTHER,
        "unsigned error details are dropped"
    );
    assert_eq!(location(&response), "/admin/einladen");
    // A real error after a form post without JavaScript is still shown.
    let body = format!(
        "office={}&team=&email=keine-mail&name=X&role=learner",
        office.id
    );
    let posted = app
        .plain_post(
            <app::api::administration::InvitePerson as leptos::server_fn::ServerFn>::PATH,
            &body,
            &cookie,
            "/admin/einladen",
        )
        .await;
    let target = location(&posted);
    assert!(target.contains("__errsig="), "{target}");
    let target = target.trim_start_matches(support::BASE_URL).to_owned();
    let html = app.page(&target, &cookie).await;
    assert!(html.contains("keine gültige E-Mail-Adresse"), "{html}");
}

#[tokio::test]
async fn content_titles_cannot_break_out_of_the_document_head() {
    let payload =
        r#"X</title><meta http-equiv="refresh" content="0;url=https://evil.example"><title>"#;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let esc = |s: &str| s.replace('"', "\\\"");
    support::write_content(
        root,
        "bad/track.md",
        &format!(
            "+++\ntitle = \"T {}\"\nsummary = \"s\"\norder = 1\n+++\nText.\n",
            esc(payload)
        ),
    );
    support::write_content(
        root,
        "bad/01-mod/module.md",
        &format!(
            "+++\ntitle = \"M {}\"\nsummary = \"s\"\nminutes = 5\nlegal_status = 2026-01-01\nreview_by = 2027-06-30\n\n[[sources]]\ntitle = \"§ 4 AufenthG\"\n+++\nText.\n",
            esc(payload)
        ),
    );
    support::write_content(
        root,
        "bad/01-mod/01-lektion.md",
        &format!(
            "+++\ntitle = \"L {}\"\nminutes = 5\n+++\nText.\n",
            esc(payload)
        ),
    );
    support::write_content(
        root,
        "bad/01-mod/quiz.md",
        &format!(
            "+++\ntitle = \"Q {}\"\n+++\n\n## Frage?\n\n- [(X)] Ja\n- [( )] Nein\n\n*****\nWeil.\n*****\n",
            esc(payload)
        ),
    );
    for app in TestApp::each().await {
        let loaded = app::content::load_dir(root, app.now().date_naive());
        assert!(!loaded.has_errors(), "{:?}", loaded.problems);
        app.store
            .sync_content(&loaded.course, &loaded.problems, app.now())
            .await
            .unwrap();
        let (_, cookie) = app.learner("anna@kreis.de").await;
        for path in [
            "/tracks/bad",
            "/tracks/bad/mod",
            "/tracks/bad/mod/lektion",
            "/tracks/bad/mod/quiz",
        ] {
            let html = app.page(path, &cookie).await;
            let head = html.split("</head>").next().unwrap();
            assert!(
                !head.contains("<meta http-equiv"),
                "{}: {path}: {head}",
                app.backend
            );
            assert_eq!(head.matches("<title").count(), 1, "{path}: {head}");
            assert!(
                head.contains("&lt;/title&gt;") || head.contains("&lt;/title>"),
                "{path}: {head}"
            );
        }
    }
}

/// `lotse precompress` writes `.br` and `.gz` beside the built assets; `/pkg` serves the one the
/// browser accepts (brotli first), with the original's type and the immutable cache header.
#[tokio::test]
async fn browser_assets_are_served_precompressed() {
    let app = TestApp::sqlite().await;
    let site = tempfile::tempdir().unwrap();
    let pkg = site.path().join("pkg");
    std::fs::create_dir_all(&pkg).unwrap();
    let script = "export function hydrate() { /* Lotse */ }\n".repeat(200);
    std::fs::write(pkg.join("lotse.abc123.js"), &script).unwrap();
    server::commands::assets::precompress(Some(pkg.clone())).unwrap();
    assert!(pkg.join("lotse.abc123.js.br").exists() && pkg.join("lotse.abc123.js.gz").exists());

    let mut state = app.state.clone();
    state.leptos_options.site_root = site.path().to_string_lossy().into_owned().into();
    let router = server::startup::router(state, &server::config::HttpLimits::default());
    for (accept, encoding, file) in [
        ("br, gzip", Some("br"), "lotse.abc123.js.br"),
        ("gzip", Some("gzip"), "lotse.abc123.js.gz"),
        ("identity", None, "lotse.abc123.js"),
    ] {
        use tower::ServiceExt;
        let request = Request::get("/pkg/lotse.abc123.js")
            .header(header::ACCEPT_ENCODING, accept)
            .header("host", "lotse.test")
            .extension(axum::extract::ConnectInfo(std::net::SocketAddr::from((
                [127, 0, 0, 1],
                9,
            ))))
            .body(Body::empty())
            .unwrap();
        let response = router.clone().oneshot(request).await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{accept}");
        assert_eq!(
            response
                .headers()
                .get(header::CONTENT_ENCODING)
                .map(|v| v.to_str().unwrap()),
            encoding,
            "{accept}"
        );
        assert!(response.headers()[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .contains("javascript"));
        assert_eq!(
            response.headers()[header::CACHE_CONTROL],
            "public, max-age=31536000, immutable"
        );
        let body = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap();
        assert_eq!(
            body.as_ref(),
            std::fs::read(pkg.join(file)).unwrap().as_slice(),
            "{accept}: the file as written"
        );
    }
}
