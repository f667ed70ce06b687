//! Sign-in throttling: attempts are recorded before the password is checked (so parallel guesses
//! cannot race past the limit), delays grow per account and address instead of hard locks (so
//! nobody can lock out somebody else), and `X-Forwarded-For` counts only behind trusted proxies.

mod support;

use std::sync::Arc;

use app::domain::Role;

use support::{location, session_cookie, TestApp, TEST_PASSWORD};

const WRONG: &str = "falsch falsch falsch";

#[tokio::test]
async fn parallel_wrong_passwords_are_checked_only_up_to_the_limit() {
    for app in TestApp::each().await {
        app.user("anna@kreis.de", &[Role::Learner], None).await;
        let app = Arc::new(app);
        let tasks: Vec<_> = (0..25)
            .map(|_| {
                let app = app.clone();
                tokio::spawn(async move { location(&app.sign_in("anna@kreis.de", WRONG).await) })
            })
            .collect();
        let mut checked = 0;
        let mut throttled = 0;
        for task in tasks {
            let answer = task.await.unwrap();
            if answer == "/login?fehler=ungueltig" {
                checked += 1;
            } else if answer.starts_with("/login?fehler=gesperrt") {
                throttled += 1;
            } else {
                panic!("unexpected answer {answer}");
            }
        }
        assert_eq!((checked, throttled), (5, 20), "{}", app.backend);
    }
}

#[tokio::test]
async fn delays_grow_and_lift_again_and_a_success_clears_them() {
    for app in TestApp::each().await {
        app.user("anna@kreis.de", &[Role::Learner], None).await;
        for _ in 0..5 {
            assert_eq!(
                location(&app.sign_in("anna@kreis.de", WRONG).await),
                "/login?fehler=ungueltig"
            );
        }
        let waiting = app.sign_in("anna@kreis.de", TEST_PASSWORD).await;
        assert_eq!(
            location(&waiting),
            "/login?fehler=gesperrt&warten=30",
            "{}",
            app.backend
        );
        assert!(session_cookie(&waiting).is_none());
        // After the delay one more try is checked; a wrong one doubles the wait.
        app.advance(chrono::Duration::seconds(31));
        assert_eq!(
            location(&app.sign_in("anna@kreis.de", WRONG).await),
            "/login?fehler=ungueltig"
        );
        assert_eq!(
            location(&app.sign_in("anna@kreis.de", WRONG).await),
            "/login?fehler=gesperrt&warten=60"
        );
        app.advance(chrono::Duration::seconds(61));
        assert!(session_cookie(&app.sign_in("anna@kreis.de", TEST_PASSWORD).await).is_some());
        // The success cleared this pair's record.
        for _ in 0..4 {
            app.sign_in("anna@kreis.de", WRONG).await;
        }
        assert!(session_cookie(&app.sign_in("anna@kreis.de", TEST_PASSWORD).await).is_some());
        // Unknown addresses are treated the same way, so the delay reveals nothing.
        for _ in 0..5 {
            app.sign_in("niemand@kreis.de", WRONG).await;
        }
        assert!(location(&app.sign_in("niemand@kreis.de", WRONG).await)
            .starts_with("/login?fehler=gesperrt"));
    }
}

#[tokio::test]
async fn wrong_passwords_from_elsewhere_never_lock_out_the_account_owner() {
    for app in TestApp::each().await {
        app.user("admin@netz.de", &[Role::Admin], None).await;
        // An attacker tries from many addresses …
        for i in 0..40 {
            app.sign_in_from("admin@netz.de", WRONG, &format!("203.0.113.{i}:4000"))
                .await;
        }
        // … the admin at the office still gets in at once.
        let own = app
            .sign_in_from("admin@netz.de", TEST_PASSWORD, "198.51.100.7:5000")
            .await;
        assert!(
            session_cookie(&own).is_some(),
            "{}: {}",
            app.backend,
            location(&own)
        );
    }
}

#[tokio::test]
async fn behind_a_proxy_clients_are_told_apart_only_when_the_proxy_is_trusted() {
    let proxy = "10.0.0.5:443";
    let forwarded = |app: &TestApp, client: &'static str| {
        let body = format!("email=anna%40kreis.de&password={}", WRONG.replace(' ', "+"));
        let request = axum::http::Request::post("/login")
            .header("host", "lotse.test")
            .header("origin", support::BASE_URL)
            .header("content-type", "application/x-www-form-urlencoded")
            .header("x-forwarded-for", client)
            .extension(axum::extract::ConnectInfo(
                proxy.parse::<std::net::SocketAddr>().unwrap(),
            ))
            .body(axum::body::Body::from(body))
            .unwrap();
        let router = app.router.clone();
        async move {
            use tower::ServiceExt;
            location(&router.oneshot(request).await.unwrap())
        }
    };
    // Untrusted: the header is ignored, every failure counts for the proxy's address, and
    // five from "different" clients make the sixth wait.
    let plain = TestApp::sqlite().await;
    plain.user("anna@kreis.de", &[Role::Learner], None).await;
    for client in ["1.1.1.1", "2.2.2.2", "3.3.3.3", "4.4.4.4", "5.5.5.5"] {
        assert_eq!(forwarded(&plain, client).await, "/login?fehler=ungueltig");
    }
    assert!(forwarded(&plain, "6.6.6.6")
        .await
        .starts_with("/login?fehler=gesperrt"));

    // Trusted: each forwarded client has its own count.
    let http = server::config::HttpLimits {
        trusted_proxies: server::config::parse_proxies("10.0.0.0/24").unwrap(),
        ..Default::default()
    };
    let trusted = TestApp::builder().http(http).sqlite().await;
    trusted.user("anna@kreis.de", &[Role::Learner], None).await;
    for client in [
        "1.1.1.1", "2.2.2.2", "3.3.3.3", "4.4.4.4", "5.5.5.5", "6.6.6.6",
    ] {
        assert_eq!(
            forwarded(&trusted, client).await,
            "/login?fehler=ungueltig",
            "{client}"
        );
    }
}
