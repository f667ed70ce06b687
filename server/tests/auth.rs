//! Accounts over the real router: sign-in, sessions, CSRF, on SQLite and PostgreSQL.

mod support;

use std::time::Instant;

use axum::body::Body;
use axum::http::{Request, StatusCode};

use app::auth::token::{hash_token, new_token};
use app::domain::Role;

use support::{body_text, location, session_cookie, TestApp, TEST_PASSWORD};

#[tokio::test]
async fn the_right_password_signs_in_with_a_safe_cookie() {
    for app in TestApp::each().await {
        app.user("anna@kreis.de", &[Role::Learner], None).await;
        let response = app.sign_in("Anna@Kreis.de", TEST_PASSWORD).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{}", app.backend);
        assert_eq!(location(&response), "/");
        let set_cookie = response.headers()["set-cookie"]
            .to_str()
            .unwrap()
            .to_owned();
        assert!(
            set_cookie.contains("HttpOnly") && set_cookie.contains("SameSite=Lax"),
            "{set_cookie}"
        );
        assert!(
            !set_cookie.contains("Secure"),
            "plain http test setup: {set_cookie}"
        );
        let cookie = session_cookie(&response).unwrap();
        let html = app.page("/", &cookie).await;
        assert!(
            html.contains("Testperson anna@kreis.de") && html.contains("Abmelden"),
            "{html}"
        );
    }
}

#[tokio::test]
async fn over_https_the_cookie_is_secure_with_the_host_prefix() {
    let app = TestApp::builder()
        .base_url("https://lotse.kreis.de")
        .sqlite()
        .await;
    app.user("anna@kreis.de", &[Role::Learner], None).await;
    let response = app.sign_in("anna@kreis.de", TEST_PASSWORD).await;
    let set_cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        set_cookie.starts_with("__Host-lotse_session="),
        "{set_cookie}"
    );
    assert!(
        set_cookie.contains("; Secure") && set_cookie.contains("Path=/"),
        "{set_cookie}"
    );
    let cookie = session_cookie(&response).unwrap();
    assert!(app.page("/", &cookie).await.contains("Abmelden"));
    // The plain name is not accepted over HTTPS (no downgrade through a planted cookie).
    let plain = cookie.replace("__Host-lotse_session", "lotse_session");
    assert!(!app.page("/", &plain).await.contains("Abmelden"));
}

#[tokio::test]
async fn wrong_password_and_unknown_email_get_the_same_answer_in_similar_time() {
    let app = TestApp::sqlite().await;
    app.user("anna@kreis.de", &[Role::Learner], None).await;
    let mut known = Vec::new();
    let mut unknown = Vec::new();
    for _ in 0..3 {
        let start = Instant::now();
        let a = app.sign_in("anna@kreis.de", "falsches passwort 1").await;
        known.push(start.elapsed());
        let start = Instant::now();
        let b = app.sign_in("niemand@kreis.de", "falsches passwort 1").await;
        unknown.push(start.elapsed());
        assert_eq!(location(&a), location(&b));
        assert_eq!(location(&a), "/login?fehler=ungueltig");
        assert!(a.headers().get("set-cookie").is_none() && b.headers().get("set-cookie").is_none());
    }
    known.sort();
    unknown.sort();
    let (k, u) = (known[1], unknown[1]);
    // Both run one argon2 verification; without the dummy hash the unknown email would be ~100x faster.
    assert!(
        u * 3 > k && k * 3 > u,
        "median known {k:?} vs unknown {u:?}"
    );
}

#[tokio::test]
async fn signing_in_again_rotates_the_session_and_signing_out_ends_it() {
    for app in TestApp::each().await {
        app.user("anna@kreis.de", &[Role::Learner], None).await;
        let first = app.cookie_for("anna@kreis.de").await;
        let body = format!(
            "email=anna%40kreis.de&password={}",
            TEST_PASSWORD.replace(' ', "+")
        );
        let second = session_cookie(&app.post_form("/login", &body, Some(&first)).await).unwrap();
        assert_ne!(first, second);
        assert!(
            !app.page("/", &first).await.contains("Abmelden"),
            "old session must be gone"
        );

        let out = app.post_form("/logout", "", Some(&second)).await;
        assert_eq!(location(&out), "/login?hinweis=abgemeldet");
        assert!(out.headers()["set-cookie"]
            .to_str()
            .unwrap()
            .contains("Max-Age=0"));
        assert!(!app.page("/", &second).await.contains("Abmelden"));
    }
}

#[tokio::test]
async fn deactivated_users_cannot_sign_in_and_lose_their_sessions() {
    for app in TestApp::each().await {
        let id = app.user("anna@kreis.de", &[Role::Learner], None).await;
        let cookie = app.cookie_for("anna@kreis.de").await;
        app.store
            .set_user_active(id, false, app.now())
            .await
            .unwrap();
        assert!(!app.page("/", &cookie).await.contains("Abmelden"));
        let again = app.sign_in("anna@kreis.de", TEST_PASSWORD).await;
        assert_eq!(
            location(&again),
            "/login?fehler=ungueltig",
            "same answer as a wrong password"
        );
    }
}

#[tokio::test]
async fn sessions_end_after_30_idle_minutes_and_after_the_absolute_limit() {
    for app in TestApp::each().await {
        let id = app.user("anna@kreis.de", &[Role::Learner], None).await;
        let cookie = app.cookie_for("anna@kreis.de").await;
        // 29 minutes of silence keep the session (and extend it) …
        app.advance(chrono::Duration::minutes(29));
        assert!(
            app.page("/", &cookie).await.contains("Abmelden"),
            "{}",
            app.backend
        );
        // … 30 more end it: the default idle limit is 30 minutes (ASVS).
        app.advance(chrono::Duration::minutes(30));
        assert!(
            !app.page("/", &cookie).await.contains("Abmelden"),
            "{}",
            app.backend
        );

        // Absolute: always active, but signed in more than 12 hours ago.
        let busy = app.cookie_for("anna@kreis.de").await;
        for _ in 0..25 {
            app.advance(chrono::Duration::minutes(29));
            let _ = app.page("/", &busy).await;
        }
        assert!(
            !app.page("/", &busy).await.contains("Abmelden"),
            "{}",
            app.backend
        );

        // A stored session past its expiry is refused even if the cookie is kept.
        let token = new_token();
        let now = app.now();
        app.store
            .create_session(
                &hash_token(&token),
                id,
                now,
                now - chrono::Duration::seconds(1),
            )
            .await
            .unwrap();
        assert!(!app
            .page("/", &format!("lotse_session={token}"))
            .await
            .contains("Abmelden"));
    }
}

#[tokio::test]
async fn cross_site_posts_are_refused_and_only_the_base_url_counts_as_our_origin() {
    for app in TestApp::each().await {
        app.user("anna@kreis.de", &[Role::Learner], None).await;
        let body = format!(
            "email=anna%40kreis.de&password={}",
            TEST_PASSWORD.replace(' ', "+")
        );
        // The request's own Host proves nothing: an attacker controls what Host a page sends.
        let evil_host = [
            ("https://evil.example", "evil.example"),
            ("http://127.0.0.1:3000", "127.0.0.1:3000"),
        ];
        for (origin, host) in [
            (Some("https://evil.example"), "lotse.test"),
            (Some("null"), "lotse.test"),
            (None, "lotse.test"),
            (Some(evil_host[0].0), evil_host[0].1),
            (Some(evil_host[1].0), evil_host[1].1),
        ] {
            let mut request = Request::post("/login")
                .header("host", host)
                .header("content-type", "application/x-www-form-urlencoded");
            if let Some(origin) = origin {
                request = request.header("origin", origin);
            }
            let response = app
                .send(request.body(Body::from(body.clone())).unwrap())
                .await;
            assert_eq!(
                response.status(),
                StatusCode::FORBIDDEN,
                "origin {origin:?} host {host}"
            );
            assert!(session_cookie(&response).is_none());
        }
        // Server functions are covered too.
        let request = Request::post("/api/current_user")
            .header("host", "lotse.test")
            .header("origin", "https://evil.example")
            .body(Body::empty())
            .unwrap();
        assert_eq!(app.send(request).await.status(), StatusCode::FORBIDDEN);
        // A Referer from our own site is accepted when Origin is missing.
        let request = Request::post("/login")
            .header("host", "lotse.test")
            .header("referer", "http://lotse.test/login")
            .header("content-type", "application/x-www-form-urlencoded")
            .extension(axum::extract::ConnectInfo(
                "192.0.2.1:1".parse::<std::net::SocketAddr>().unwrap(),
            ))
            .body(Body::from(body))
            .unwrap();
        assert_eq!(app.send(request).await.status(), StatusCode::SEE_OTHER);
    }
}

#[tokio::test]
async fn after_sign_in_only_a_local_path_is_followed() {
    for app in TestApp::each().await {
        app.user("anna@kreis.de", &[Role::Learner], None).await;
        let pw = TEST_PASSWORD.replace(' ', "+");
        // Form-encoded as a browser sends them: %2509 arrives as "%09", %09 as a tab.
        for (next, expected) in [
            ("/tracks/basiswissen", "/tracks/basiswissen"),
            ("%2F%09%2Fevil.example", "/"),
            ("%2F%2509%2Fevil.example", "/"),
            ("%2F%5C%2Fevil.example", "/"),
            ("%2F%2Fevil.example", "/"),
            ("https%3A%2F%2Fevil.example", "/"),
            ("%2F%0A%2Fevil.example", "/"),
        ] {
            let body = format!("email=anna%40kreis.de&password={pw}&next={next}");
            let response = app.post_form("/login", &body, None).await;
            assert_eq!(
                location(&response),
                expected,
                "{}: next={next}",
                app.backend
            );
        }
    }
}

#[tokio::test]
async fn anonymous_visitors_of_every_protected_page_are_sent_to_the_sign_in() {
    let app = TestApp::sqlite().await;
    for path in [
        "/admin",
        "/admin/personen",
        "/team",
        "/tracks",
        "/tracks/a/b/c",
    ] {
        let response = app.get(path).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{path}");
        assert!(
            location(&response).starts_with("/login?hinweis=anmelden&next="),
            "{path}"
        );
        let _ = body_text(response).await;
    }
}
