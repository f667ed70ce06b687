//! Test-app builder: a fresh database per test, on SQLite always and on PostgreSQL when
//! `TEST_POSTGRES_URL` is set (then an unreachable server fails the test instead of skipping).

#![allow(dead_code)]

use std::path::PathBuf;

use axum::body::Body;
use axum::http::{Request, Response};
use axum::Router;
use http_body_util::BodyExt;
use tower::ServiceExt;

use std::sync::{Arc, Mutex};

use app::auth::session::SessionPolicy;
use app::mail::{Mailer, OutgoingMail};
use app::state::AppState;
use app::store::DynStore;

/// Keeps the database alive for the test and removes it afterwards.
pub enum TestDb {
    Sqlite(tempfile::TempDir),
    Postgres { admin_url: String, name: String },
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let TestDb::Postgres { admin_url, name } = self {
            let (admin_url, name) = (admin_url.clone(), name.clone());
            // Drop runs inside the test's runtime; use a separate thread with its own runtime.
            let _ = std::thread::spawn(move || {
                let rt = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .ok()?;
                rt.block_on(async {
                    let pool = sqlx::PgPool::connect(&admin_url).await.ok()?;
                    let sql = format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                    sqlx::query(sqlx::AssertSqlSafe(sql))
                        .execute(&pool)
                        .await
                        .ok()
                })
            })
            .join();
        }
    }
}

pub struct Backend {
    pub name: &'static str,
    pub store: DynStore,
    pub url: String,
    pub db: TestDb,
}

pub async fn sqlite() -> Backend {
    let dir = tempfile::tempdir().expect("tempdir");
    let url = format!("sqlite://{}", dir.path().join("lotse.db").display());
    let store = app::store::connect(&url).await.expect("open sqlite");
    store.migrate().await.expect("migrate sqlite");
    Backend {
        name: "sqlite",
        store,
        url,
        db: TestDb::Sqlite(dir),
    }
}

pub async fn postgres() -> Option<Backend> {
    let admin_url = std::env::var("TEST_POSTGRES_URL").ok()?;
    let name = format!("lotse_test_{}", random_suffix());
    let admin = sqlx::PgPool::connect(&admin_url)
        .await
        .unwrap_or_else(|e| panic!("TEST_POSTGRES_URL is set but unreachable: {e}"));
    let sql = format!("CREATE DATABASE \"{name}\"");
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .execute(&admin)
        .await
        .expect("create test database");
    admin.close().await;
    let mut url = url::Url::parse(&admin_url).expect("TEST_POSTGRES_URL is a URL");
    url.set_path(&name);
    let url = url.to_string();
    let store = app::store::connect(&url).await.expect("open postgres");
    store.migrate().await.expect("migrate postgres");
    Some(Backend {
        name: "postgres",
        store,
        url,
        db: TestDb::Postgres { admin_url, name },
    })
}

/// SQLite, plus PostgreSQL when configured.
pub async fn backends() -> Vec<Backend> {
    let mut all = vec![sqlite().await];
    all.extend(postgres().await);
    all
}

fn random_suffix() -> String {
    use rand::Rng;
    let mut rng = rand::rng();
    (0..12)
        .map(|_| char::from(b'a' + rng.random_range(0..26u8)))
        .collect()
}

pub const BASE_URL: &str = "http://lotse.test";

/// State with an in-memory mailer; the returned list fills as mails are sent.
pub fn state_with_mailbox(store: DynStore) -> (AppState, Arc<Mutex<Vec<OutgoingMail>>>) {
    let serve = server::config::ServeConfig {
        listen: "127.0.0.1:0".parse().expect("addr"),
        base_url: BASE_URL.into(),
        site_root: PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/site"),
        import_on_start: false,
        mail: server::config::MailConfig {
            smtp_url: None,
            from: "Lotse <lotse@localhost>".into(),
            outbox_dir: PathBuf::from("unused"),
        },
        sessions: SessionPolicy::default(),
    };
    let (mailer, sent) = Mailer::memory();
    let state = AppState {
        store,
        leptos_options: server::commands::serve::leptos_options(&serve),
        mailer,
        sessions: serve.sessions,
        base_url: serve.base_url.clone(),
    };
    (state, sent)
}

pub fn state(store: DynStore) -> AppState {
    state_with_mailbox(store).0
}

pub fn router(store: DynStore) -> Router {
    server::startup::router(state(store))
}

pub async fn get(router: &Router, path: &str) -> Response<Body> {
    router
        .clone()
        .oneshot(
            Request::get(path)
                .header("accept", "text/html")
                .body(Body::empty())
                .expect("request"),
        )
        .await
        .expect("infallible")
}

pub async fn body_text(response: Response<Body>) -> String {
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes();
    String::from_utf8_lossy(&bytes).into_owned()
}

pub const TEST_PASSWORD: &str = "pferd batterie heftklammer";

/// Creates an active user with `TEST_PASSWORD`.
pub async fn user(
    store: &DynStore,
    email: &str,
    roles: &[app::domain::Role],
    organisation_id: Option<i64>,
) -> i64 {
    let hash = app::auth::password::hash_password(TEST_PASSWORD).expect("hash");
    store
        .create_user(&app::store::NewUser {
            email: email.into(),
            display_name: format!("Testperson {email}"),
            organisation_id,
            team_id: None,
            password_hash: Some(hash),
            roles: roles.to_vec(),
        })
        .await
        .expect("create user")
}

/// A same-origin form POST, as a browser on Lotse would send it.
pub async fn post_form(
    router: &Router,
    path: &str,
    body: &str,
    cookie: Option<&str>,
) -> Response<Body> {
    let mut request = Request::post(path)
        .header("host", "lotse.test")
        .header("origin", BASE_URL)
        .header("content-type", "application/x-www-form-urlencoded");
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    router
        .clone()
        .oneshot(request.body(Body::from(body.to_owned())).expect("request"))
        .await
        .expect("infallible")
}

pub async fn get_with_cookie(router: &Router, path: &str, cookie: &str) -> Response<Body> {
    let request = Request::get(path)
        .header("host", "lotse.test")
        .header("cookie", cookie);
    router
        .clone()
        .oneshot(request.body(Body::empty()).expect("request"))
        .await
        .expect("infallible")
}

pub fn location(response: &Response<Body>) -> String {
    response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

/// `lotse_session=…` from a response's Set-Cookie, ready for a Cookie header.
pub fn session_cookie(response: &Response<Body>) -> Option<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("lotse_session=") && !c.starts_with("lotse_session=;"))
        .and_then(|c| c.split(';').next())
        .map(str::to_owned)
}

pub async fn sign_in(router: &Router, email: &str, password: &str) -> Response<Body> {
    let body = format!(
        "email={}&password={}",
        url::form_urlencoded::byte_serialize(email.as_bytes()).collect::<String>(),
        url::form_urlencoded::byte_serialize(password.as_bytes()).collect::<String>()
    );
    post_form(router, "/login", &body, None).await
}

/// Writes a content file below `root`, creating folders.
pub fn write_content(root: &std::path::Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, text).expect("write");
}

/// A minimal course: track "basis", module "titel" (no quiz); lessons are added by the caller.
pub fn basis_track(root: &std::path::Path) {
    write_content(
        root,
        "basis/track.md",
        "+++\ntitle = \"Basis\"\nsummary = \"Grundlagen\"\norder = 1\n+++\nEinführung.\n",
    );
    write_content(
        root,
        "basis/01-titel/module.md",
        "+++\ntitle = \"Titel\"\nsummary = \"Aufenthaltstitel\"\nminutes = 30\nlegal_status = 2026-01-01\n\
         review_by = 2027-06-30\n\n[[sources]]\ntitle = \"§ 4 AufenthG\"\n+++\nModul.\n",
    );
}
