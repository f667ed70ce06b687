//! Nothing secret reaches the logs: passwords, one-time tokens and session ids never appear,
//! even with every module logging at TRACE level.

mod support;

use std::io::Write;
use std::sync::{Arc, Mutex};

use app::domain::Role;
use support::{location, token_in, TestApp, TEST_PASSWORD};

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("log buffer").extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test(flavor = "current_thread")]
async fn passwords_tokens_and_session_ids_are_never_logged() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let app = TestApp::sqlite().await;
    app.user("anna@kreis.de", &[Role::Learner], None).await;

    let wrong = "ganz falsches geheimwort";
    app.sign_in("anna@kreis.de", wrong).await;
    let cookie = app.cookie_for("anna@kreis.de").await;
    app.get_as("/", &cookie).await;
    app.post_form("/passwort-vergessen", "email=anna%40kreis.de", None)
        .await;
    let token = token_in(&app.deliver_mail().await[0].body_text);
    let new_password = "wirklich neues passwort";
    let body = format!(
        "token={token}&password={0}&password_confirm={0}",
        new_password.replace(' ', "+")
    );
    assert_eq!(
        location(&app.post_form("/passwort-neu", &body, None).await),
        "/login?hinweis=passwort-geaendert"
    );

    let logs = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert!(logs.contains("signed in"), "the capture works: {logs}");
    let session_id = cookie.trim_start_matches("lotse_session=");
    for secret in [
        TEST_PASSWORD,
        wrong,
        new_password,
        token.as_str(),
        session_id,
    ] {
        assert!(!logs.contains(secret), "secret {secret:?} found in logs");
    }
    assert!(
        !logs.contains("$argon2id$"),
        "password hashes must not be logged either"
    );
}
