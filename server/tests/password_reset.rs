//! Password reset: the same answer for known and unknown addresses, throttled per account and
//! address, the still valid link sent again instead of a new one, mails queued (a broken mail
//! server changes nothing for the visitor), every other link void after a reset.

mod support;

use std::time::Instant;

use app::auth::token::{hash_token, new_token};
use app::domain::Role;

use support::{location, session_cookie, token_in, TestApp, TEST_PASSWORD};

const NEW_PW: &str = "neues+langes+passwort+heute";

async fn request(app: &TestApp, email: &str, client: &str) -> String {
    let body = format!("email={}", email.replace('@', "%40"));
    location(
        &app.post_form_from("/passwort-vergessen", &body, None, client)
            .await,
    )
}

async fn reset(app: &TestApp, token: &str) -> String {
    let body = format!("token={token}&password={NEW_PW}&password_confirm={NEW_PW}");
    location(&app.post_form("/passwort-neu", &body, None).await)
}

#[tokio::test]
async fn a_reset_link_is_mailed_only_for_known_accounts_works_once_and_ends_all_sessions() {
    for app in TestApp::each().await {
        app.user("anna@kreis.de", &[Role::Learner], None).await;
        let unknown = request(&app, "niemand@kreis.de", "192.0.2.1:1").await;
        let known = request(&app, "anna@kreis.de", "192.0.2.1:1").await;
        assert_eq!(unknown, known, "same answer either way");
        let mails = app.deliver_mail().await;
        assert_eq!(mails.len(), 1, "{}", app.backend);
        assert_eq!(mails[0].to, "anna@kreis.de");
        let token = token_in(&mails[0].body_text);

        let session = app.cookie_for("anna@kreis.de").await;
        assert_eq!(
            reset(&app, &token).await,
            "/login?hinweis=passwort-geaendert"
        );
        assert!(
            !app.page("/", &session).await.contains("Abmelden"),
            "old sessions end"
        );
        assert!(session_cookie(
            &app.sign_in("anna@kreis.de", &NEW_PW.replace('+', " "))
                .await
        )
        .is_some());
        assert!(
            reset(&app, &token).await.ends_with("&fehler=link"),
            "single use"
        );
    }
}

#[tokio::test]
async fn requests_are_throttled_and_a_valid_link_is_sent_again_instead_of_a_new_one() {
    for app in TestApp::each().await {
        app.user("anna@kreis.de", &[Role::Learner], None).await;
        let started = Instant::now();
        for _ in 0..20 {
            request(&app, "anna@kreis.de", "192.0.2.1:1").await;
        }
        let mails = app.deliver_mail().await;
        assert_eq!(
            mails.len(),
            3,
            "{}: at most three mails per hour",
            app.backend
        );
        let tokens: Vec<String> = mails.iter().map(|m| token_in(&m.body_text)).collect();
        assert!(
            tokens.iter().all(|t| *t == tokens[0]),
            "one link, sent again: {tokens:?}"
        );
        assert!(
            started.elapsed().as_secs() < 10,
            "no request waited on the mail server"
        );
        // Per address too: many accounts from one address.
        for i in 0..12 {
            app.user(&format!("p{i}@kreis.de"), &[Role::Learner], None)
                .await;
            request(&app, &format!("p{i}@kreis.de"), "192.0.2.99:1").await;
        }
        assert_eq!(app.deliver_mail().await.len(), 10, "{}", app.backend);
        // An hour later the account may ask again.
        app.advance(chrono::Duration::minutes(61));
        request(&app, "anna@kreis.de", "192.0.2.1:1").await;
        let later = app.deliver_mail().await;
        assert_eq!(later.len(), 1);
        assert_ne!(
            token_in(&later[0].body_text),
            tokens[0],
            "the old link had expired"
        );
    }
}

#[tokio::test]
async fn a_failing_mail_server_changes_nothing_for_the_visitor() {
    let app = TestApp::sqlite().await;
    app.user("anna@kreis.de", &[Role::Learner], None).await;
    let mut state = app.state.clone();
    // An SMTP server that does not exist: the request still answers like any other.
    state.mailer =
        app::mail::Mailer::from_config(Some("smtp://127.0.0.1:1"), "Lotse <l@x.de>", "x".into())
            .unwrap();
    let router = server::startup::router(state.clone(), &server::config::HttpLimits::default());
    let body = "email=anna%40kreis.de";
    for email_body in [body, "email=niemand%40kreis.de"] {
        let request = axum::http::Request::post("/passwort-vergessen")
            .header("host", "lotse.test")
            .header("origin", support::BASE_URL)
            .header("content-type", "application/x-www-form-urlencoded")
            .extension(axum::extract::ConnectInfo(
                "192.0.2.5:1".parse::<std::net::SocketAddr>().unwrap(),
            ))
            .body(axum::body::Body::from(email_body))
            .unwrap();
        use tower::ServiceExt;
        let response = router.clone().oneshot(request).await.unwrap();
        assert_eq!(location(&response), "/passwort-vergessen?hinweis=gesendet");
    }
    // The worker retries later instead.
    let mut worker = app::service::background::Worker::new();
    let outcome = worker.try_execute_task(&state, app.now()).await.unwrap();
    assert!(
        matches!(outcome, app::service::background::Outcome::WillRetry { .. }),
        "{outcome:?}"
    );
    let counts = app.store.outbox_counts().await.unwrap();
    assert_eq!((counts.queued, counts.sent), (1, 0));
}

#[tokio::test]
async fn a_reset_voids_every_other_open_link_of_the_account() {
    for app in TestApp::each().await {
        app.user("anna@kreis.de", &[Role::Learner], None).await;
        request(&app, "anna@kreis.de", "192.0.2.1:1").await;
        let first = token_in(&app.deliver_mail().await[0].body_text);
        // A second link exists as well (e.g. from before): it must die with the reset.
        let user = app
            .store
            .find_user_by_email("anna@kreis.de")
            .await
            .unwrap()
            .unwrap();
        let other = new_token();
        let key = format!("password-reset:{}", hash_token(&other));
        let mail = support::plain_mail(&key, &user.email, "x", app.now());
        app.store
            .create_password_reset(
                &hash_token(&other),
                user.id,
                app.now() + chrono::Duration::hours(1),
                &mail,
                app.now(),
            )
            .await
            .unwrap();
        assert_eq!(
            reset(&app, &first).await,
            "/login?hinweis=passwort-geaendert"
        );
        assert!(
            reset(&app, &other).await.ends_with("&fehler=link"),
            "{}",
            app.backend
        );
    }
}

#[tokio::test]
async fn an_expired_reset_link_is_refused() {
    for app in TestApp::each().await {
        app.user("anna@kreis.de", &[Role::Learner], None).await;
        request(&app, "anna@kreis.de", "192.0.2.1:1").await;
        let token = token_in(&app.deliver_mail().await[0].body_text);
        app.advance(chrono::Duration::minutes(61));
        assert!(reset(&app, &token).await.ends_with("&fehler=link"));
        assert!(session_cookie(&app.sign_in("anna@kreis.de", TEST_PASSWORD).await).is_some());
    }
}
