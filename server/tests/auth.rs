//! Accounts over the real router: sign-in, throttling, sessions, CSRF, invitations, resets.

mod common;

use std::time::{Duration, Instant};

use axum::http::StatusCode;
use chrono::Utc;

use app::auth::token::{hash_token, new_token};
use app::domain::Role;
use app::store::NewInvitation;

use common::{location, post_form, session_cookie, sign_in, TEST_PASSWORD};

#[tokio::test]
async fn the_right_password_signs_in_with_a_safe_cookie() {
    let b = common::sqlite().await;
    common::user(&b.store, "anna@kreis.de", &[Role::Learner], None).await;
    let router = common::router(b.store.clone());
    let response = sign_in(&router, "Anna@Kreis.de", TEST_PASSWORD).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/");
    let set_cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(set_cookie.contains("HttpOnly"), "{set_cookie}");
    assert!(set_cookie.contains("SameSite=Lax"), "{set_cookie}");
    assert!(
        !set_cookie.contains("Secure"),
        "plain http test setup: {set_cookie}"
    );
    let cookie = session_cookie(&response).unwrap();
    let html = common::body_text(common::get_with_cookie(&router, "/", &cookie).await).await;
    assert!(
        html.contains("Testperson anna@kreis.de") && html.contains("Abmelden"),
        "{html}"
    );
}

#[tokio::test]
async fn wrong_password_and_unknown_email_get_the_same_answer_in_similar_time() {
    let b = common::sqlite().await;
    common::user(&b.store, "anna@kreis.de", &[Role::Learner], None).await;
    let router = common::router(b.store.clone());
    let mut known = Vec::new();
    let mut unknown = Vec::new();
    for _ in 0..3 {
        let start = Instant::now();
        let a = sign_in(&router, "anna@kreis.de", "falsches passwort 1").await;
        known.push(start.elapsed());
        let start = Instant::now();
        let b = sign_in(&router, "niemand@kreis.de", "falsches passwort 1").await;
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
async fn repeated_failures_lock_the_account_even_for_the_right_password() {
    let b = common::sqlite().await;
    common::user(&b.store, "anna@kreis.de", &[Role::Learner], None).await;
    let router = common::router(b.store.clone());
    for _ in 0..5 {
        assert_eq!(
            location(&sign_in(&router, "anna@kreis.de", "falsch falsch falsch").await),
            "/login?fehler=ungueltig"
        );
    }
    let locked = sign_in(&router, "anna@kreis.de", TEST_PASSWORD).await;
    assert_eq!(location(&locked), "/login?fehler=gesperrt");
    assert!(session_cookie(&locked).is_none());
    // An unknown address is throttled the same way, so the lock reveals nothing.
    for _ in 0..5 {
        sign_in(&router, "niemand@kreis.de", "falsch falsch falsch").await;
    }
    assert_eq!(
        location(&sign_in(&router, "niemand@kreis.de", "x").await),
        "/login?fehler=gesperrt"
    );
}

#[tokio::test]
async fn signing_in_again_rotates_the_session_and_signing_out_ends_it() {
    let b = common::sqlite().await;
    common::user(&b.store, "anna@kreis.de", &[Role::Learner], None).await;
    let router = common::router(b.store.clone());
    let first = session_cookie(&sign_in(&router, "anna@kreis.de", TEST_PASSWORD).await).unwrap();
    let body = format!(
        "email=anna%40kreis.de&password={}",
        TEST_PASSWORD.replace(' ', "+")
    );
    let second = session_cookie(&post_form(&router, "/login", &body, Some(&first)).await).unwrap();
    assert_ne!(first, second);
    let old = common::body_text(common::get_with_cookie(&router, "/", &first).await).await;
    assert!(!old.contains("Abmelden"), "old session must be gone");

    let out = post_form(&router, "/logout", "", Some(&second)).await;
    assert_eq!(location(&out), "/login?hinweis=abgemeldet");
    assert!(out.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .contains("Max-Age=0"));
    let after = common::body_text(common::get_with_cookie(&router, "/", &second).await).await;
    assert!(!after.contains("Abmelden"));
}

#[tokio::test]
async fn deactivated_users_cannot_sign_in_and_lose_their_sessions() {
    let b = common::sqlite().await;
    let id = common::user(&b.store, "anna@kreis.de", &[Role::Learner], None).await;
    let router = common::router(b.store.clone());
    let cookie = session_cookie(&sign_in(&router, "anna@kreis.de", TEST_PASSWORD).await).unwrap();
    b.store.set_user_active(id, false).await.unwrap();
    let html = common::body_text(common::get_with_cookie(&router, "/", &cookie).await).await;
    assert!(!html.contains("Abmelden"));
    let again = sign_in(&router, "anna@kreis.de", TEST_PASSWORD).await;
    assert_eq!(
        location(&again),
        "/login?fehler=ungueltig",
        "same answer as a wrong password"
    );
}

#[tokio::test]
async fn sessions_end_after_idle_time_and_after_the_absolute_limit() {
    let b = common::sqlite().await;
    let id = common::user(&b.store, "anna@kreis.de", &[Role::Learner], None).await;
    let router = common::router(b.store.clone());
    let now = Utc::now();
    // Idle: the stored expiry has passed.
    let idle = new_token();
    b.store
        .create_session(
            &hash_token(&idle),
            id,
            now - chrono::Duration::hours(3),
            now - chrono::Duration::minutes(1),
        )
        .await
        .unwrap();
    // Absolute: recently active, but signed in 13 hours ago.
    let old = new_token();
    b.store
        .create_session(
            &hash_token(&old),
            id,
            now - chrono::Duration::hours(13),
            now + chrono::Duration::hours(1),
        )
        .await
        .unwrap();
    // Fresh, for contrast.
    let fresh = new_token();
    b.store
        .create_session(
            &hash_token(&fresh),
            id,
            now,
            now + chrono::Duration::hours(1),
        )
        .await
        .unwrap();
    for (token, signed_in) in [(idle, false), (old, false), (fresh, true)] {
        let html = common::body_text(
            common::get_with_cookie(&router, "/", &format!("lotse_session={token}")).await,
        )
        .await;
        assert_eq!(html.contains("Abmelden"), signed_in);
    }
}

#[tokio::test]
async fn cross_site_posts_are_refused() {
    let b = common::sqlite().await;
    common::user(&b.store, "anna@kreis.de", &[Role::Learner], None).await;
    let router = common::router(b.store.clone());
    use axum::body::Body;
    use axum::http::Request;
    use tower::ServiceExt;
    let body = format!(
        "email=anna%40kreis.de&password={}",
        TEST_PASSWORD.replace(' ', "+")
    );
    for origin in [Some("https://evil.example"), Some("null"), None] {
        let mut request = Request::post("/login")
            .header("host", "lotse.test")
            .header("content-type", "application/x-www-form-urlencoded");
        if let Some(origin) = origin {
            request = request.header("origin", origin);
        }
        let response = router
            .clone()
            .oneshot(request.body(Body::from(body.clone())).unwrap())
            .await
            .unwrap();
        assert_eq!(
            response.status(),
            StatusCode::FORBIDDEN,
            "origin {origin:?}"
        );
        assert!(session_cookie(&response).is_none());
    }
    // Server functions are covered too.
    let request = Request::post("/api/current_user")
        .header("host", "lotse.test")
        .header("origin", "https://evil.example")
        .body(Body::empty())
        .unwrap();
    assert_eq!(
        router.clone().oneshot(request).await.unwrap().status(),
        StatusCode::FORBIDDEN
    );
    // A Referer from our own site is accepted when Origin is missing.
    let request = Request::post("/login")
        .header("host", "lotse.test")
        .header("referer", "http://lotse.test/login")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from(body))
        .unwrap();
    assert_eq!(
        router.clone().oneshot(request).await.unwrap().status(),
        StatusCode::SEE_OTHER
    );
}

async fn invitation(
    store: &app::store::DynStore,
    email: &str,
    expires_in: chrono::Duration,
) -> String {
    let org = store
        .create_organisation(
            &app::store::NewOrganisation {
                slug: format!("o-{}", &new_token()[..6].to_lowercase()),
                name: "ABH".into(),
                land: app::domain::Land::Hessen,
            },
            &[],
        )
        .await
        .unwrap();
    let token = new_token();
    store
        .create_invitation(&NewInvitation {
            email: email.into(),
            display_name: "Neue Kollegin".into(),
            organisation_id: org.id,
            team_id: None,
            roles: vec![Role::Learner],
            token_hash: hash_token(&token),
            invited_by: None,
            expires_at: Utc::now() + expires_in,
        })
        .await
        .unwrap();
    token
}

#[tokio::test]
async fn an_invitation_link_works_once_and_not_after_it_expired() {
    let b = common::sqlite().await;
    let router = common::router(b.store.clone());
    let token = invitation(&b.store, "neu@kreis.de", chrono::Duration::days(7)).await;
    let weak = post_form(
        &router,
        "/einladung",
        &format!("token={token}&password=kurz&password_confirm=kurz"),
        None,
    )
    .await;
    assert!(
        location(&weak).ends_with("&fehler=zu-kurz"),
        "{}",
        location(&weak)
    );
    let pw = TEST_PASSWORD.replace(' ', "+");
    let ok = post_form(
        &router,
        "/einladung",
        &format!("token={token}&password={pw}&password_confirm={pw}"),
        None,
    )
    .await;
    assert_eq!(location(&ok), "/login?hinweis=konto-aktiviert");
    assert!(session_cookie(&sign_in(&router, "neu@kreis.de", TEST_PASSWORD).await).is_some());
    let reused = post_form(
        &router,
        "/einladung",
        &format!("token={token}&password={pw}x&password_confirm={pw}x"),
        None,
    )
    .await;
    assert!(
        location(&reused).ends_with("&fehler=link"),
        "{}",
        location(&reused)
    );

    let expired = invitation(&b.store, "spaet@kreis.de", chrono::Duration::seconds(-1)).await;
    let late = post_form(
        &router,
        "/einladung",
        &format!("token={expired}&password={pw}&password_confirm={pw}"),
        None,
    )
    .await;
    assert!(location(&late).ends_with("&fehler=link"));
    assert!(b
        .store
        .find_user_by_email("spaet@kreis.de")
        .await
        .unwrap()
        .is_none());
    // The page itself explains an invalid link.
    let html =
        common::body_text(common::get(&router, &format!("/einladung?token={expired}")).await).await;
    assert!(
        html.contains("ungültig, abgelaufen oder wurde bereits verwendet"),
        "{html}"
    );
}

#[tokio::test]
async fn a_reset_link_is_mailed_only_for_known_accounts_works_once_and_ends_all_sessions() {
    let b = common::sqlite().await;
    common::user(&b.store, "anna@kreis.de", &[Role::Learner], None).await;
    let (state, sent) = common::state_with_mailbox(b.store.clone());
    let router = server::startup::router(state);

    let unknown = post_form(
        &router,
        "/passwort-vergessen",
        "email=niemand%40kreis.de",
        None,
    )
    .await;
    let known = post_form(
        &router,
        "/passwort-vergessen",
        "email=anna%40kreis.de",
        None,
    )
    .await;
    assert_eq!(
        location(&unknown),
        location(&known),
        "same answer either way"
    );
    let mails = sent.lock().unwrap().clone();
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].to, "anna@kreis.de");
    let token = mails[0]
        .body_text
        .split("token=")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned();

    let session = session_cookie(&sign_in(&router, "anna@kreis.de", TEST_PASSWORD).await).unwrap();
    let new_pw = "neues langes passwort";
    let body = format!(
        "token={token}&password={}&password_confirm={}",
        new_pw.replace(' ', "+"),
        new_pw.replace(' ', "+")
    );
    assert_eq!(
        location(&post_form(&router, "/passwort-neu", &body, None).await),
        "/login?hinweis=passwort-geaendert"
    );
    let html = common::body_text(common::get_with_cookie(&router, "/", &session).await).await;
    assert!(
        !html.contains("Abmelden"),
        "old sessions end on password change"
    );
    assert!(session_cookie(&sign_in(&router, "anna@kreis.de", new_pw).await).is_some());
    assert!(
        location(&post_form(&router, "/passwort-neu", &body, None).await).ends_with("&fehler=link"),
        "single use"
    );
}

#[tokio::test]
async fn an_expired_reset_link_is_refused() {
    let b = common::sqlite().await;
    let id = common::user(&b.store, "anna@kreis.de", &[Role::Learner], None).await;
    let router = common::router(b.store.clone());
    let token = new_token();
    b.store
        .create_password_reset(
            &hash_token(&token),
            id,
            Utc::now() - chrono::Duration::seconds(1),
        )
        .await
        .unwrap();
    let pw = "neues langes passwort".replace(' ', "+");
    let response = post_form(
        &router,
        "/passwort-neu",
        &format!("token={token}&password={pw}&password_confirm={pw}"),
        None,
    )
    .await;
    assert!(location(&response).ends_with("&fehler=link"));
    tokio::time::sleep(Duration::from_millis(1)).await;
}
