//! The test application: one fresh database per test (SQLite always, PostgreSQL as well when
//! `TEST_POSTGRES_URL` is set — then an unreachable server fails the test instead of skipping),
//! the real router, a fixed clock tests can move, and the in-memory mailer behind the real
//! outbox worker. Requests are shaped like the ones browsers send, with and without JavaScript.

#![allow(dead_code)]

mod database;
mod requests;

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use axum::Router;
use chrono::{DateTime, Utc};

use app::clock::Clock;
use app::domain::{Land, Role};
use app::mail::{Mailer, OutgoingMail};
use app::service::background::{Outcome, Worker};
use app::state::AppState;
use app::store::{DynStore, NewOrganisation, NewUser, Organisation};

pub use database::TestDb;
pub use requests::*;

pub const BASE_URL: &str = "http://lotse.test";
pub const TEST_PASSWORD: &str = "pferd batterie heftklammer";

/// The real curriculum, for learner tests.
pub const TRACK: &str = "basiswissen";
pub const MODULE: &str = "aufenthaltstitel";
pub const QUIZ_PAGE: &str = "/tracks/basiswissen/aufenthaltstitel/quiz";

pub struct TestApp {
    /// "sqlite" or "postgres", for assertion messages.
    pub backend: &'static str,
    pub store: DynStore,
    pub state: AppState,
    pub router: Router,
    pub clock: Clock,
    pub database_url: String,
    mailbox: Arc<Mutex<Vec<OutgoingMail>>>,
    worker: tokio::sync::Mutex<Worker>,
    _db: TestDb,
}

/// Options for [`TestApp`]s; `TestApp::each()` and `TestApp::sqlite()` use the defaults.
pub struct TestAppBuilder {
    curriculum: bool,
    base_url: String,
    http: server::config::HttpLimits,
    now: DateTime<Utc>,
}

impl TestApp {
    pub fn builder() -> TestAppBuilder {
        TestAppBuilder {
            curriculum: false,
            base_url: BASE_URL.into(),
            http: server::config::HttpLimits::default(),
            // PostgreSQL keeps microseconds: a test clock finer than that would not round-trip.
            now: chrono::SubsecRound::trunc_subsecs(Utc::now(), 6),
        }
    }

    /// One app per configured backend.
    pub async fn each() -> Vec<TestApp> {
        Self::builder().each().await
    }

    pub async fn sqlite() -> TestApp {
        Self::builder().sqlite().await
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    pub fn advance(&self, by: chrono::Duration) {
        self.clock.advance(by);
    }

    /// An office with the given teams.
    pub async fn office(&self, slug: &str, teams: &[&str]) -> Organisation {
        let teams: Vec<String> = teams.iter().map(|t| (*t).to_owned()).collect();
        self.store
            .create_organisation(
                &NewOrganisation {
                    slug: slug.into(),
                    name: format!("Ausländerbehörde {slug}"),
                    land: Land::BadenWuerttemberg,
                },
                &teams,
                self.now(),
            )
            .await
            .expect("create office")
    }

    /// An active user with `TEST_PASSWORD`.
    pub async fn user(&self, email: &str, roles: &[Role], office: Option<i64>) -> i64 {
        self.user_in_team(email, roles, office, None).await
    }

    pub async fn user_in_team(
        &self,
        email: &str,
        roles: &[Role],
        office: Option<i64>,
        team: Option<i64>,
    ) -> i64 {
        let hash = app::auth::password::hash_password(TEST_PASSWORD).expect("hash");
        self.store
            .create_user(
                &NewUser {
                    email: email.into(),
                    display_name: format!("Testperson {email}"),
                    organisation_id: office,
                    team_id: team,
                    password_hash: Some(hash),
                    roles: roles.to_vec(),
                },
                self.now(),
            )
            .await
            .expect("create user")
    }

    /// A new user, signed in; returns (user id, Cookie header value).
    pub async fn signed_in(
        &self,
        email: &str,
        roles: &[Role],
        office: Option<i64>,
    ) -> (i64, String) {
        let id = self.user(email, roles, office).await;
        (id, self.cookie_for(email).await)
    }

    /// Signs in an existing user with `TEST_PASSWORD`; the Cookie header value.
    pub async fn cookie_for(&self, email: &str) -> String {
        let response = self.sign_in(email, TEST_PASSWORD).await;
        session_cookie(&response)
            .unwrap_or_else(|| panic!("{email} could not sign in: {}", location(&response)))
    }

    /// A learner, signed in, in no office.
    pub async fn learner(&self, email: &str) -> (i64, String) {
        self.signed_in(email, &[Role::Learner], None).await
    }

    /// Imports the real `content/` folder, as `lotse serve` does on start.
    pub async fn import_curriculum(&self) {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../content");
        let loaded = app::content::load_dir(&dir, self.now().date_naive());
        assert!(!loaded.has_errors(), "{:?}", loaded.problems);
        self.store
            .sync_content(&loaded.course, &loaded.problems, self.now())
            .await
            .expect("import");
        self.state.content.invalidate();
    }

    /// Imports a content folder through this instance (its caches learn at once; other
    /// instances within `content_cache::CHECK_INTERVAL`).
    pub async fn import(&self, root: &std::path::Path) {
        let loaded = app::content::load_dir(root, self.now().date_naive());
        assert!(!loaded.has_errors(), "{:?}", loaded.problems);
        self.store
            .sync_content(&loaded.course, &loaded.problems, self.now())
            .await
            .expect("import");
        self.state.content.invalidate();
    }

    /// Runs the background worker until it is idle and returns the mails it delivered.
    pub async fn deliver_mail(&self) -> Vec<OutgoingMail> {
        let before = self.mailbox.lock().expect("mailbox").len();
        let outcomes = self
            .worker
            .lock()
            .await
            .drain(&self.state, self.now())
            .await
            .expect("background work");
        assert!(
            outcomes
                .iter()
                .all(|o| matches!(o, Outcome::Sent { .. } | Outcome::Pruned(_))),
            "{outcomes:?}"
        );
        self.mailbox.lock().expect("mailbox")[before..].to_vec()
    }

    /// Every mail delivered so far.
    pub fn delivered(&self) -> Vec<OutgoingMail> {
        self.mailbox.lock().expect("mailbox").clone()
    }
}

impl TestAppBuilder {
    /// Imports the shipped curriculum.
    pub fn with_curriculum(mut self) -> Self {
        self.curriculum = true;
        self
    }

    pub fn base_url(mut self, url: &str) -> Self {
        self.base_url = url.trim_end_matches('/').to_owned();
        self
    }

    pub fn http(mut self, http: server::config::HttpLimits) -> Self {
        self.http = http;
        self
    }

    pub fn at(mut self, now: DateTime<Utc>) -> Self {
        self.now = now;
        self
    }

    pub async fn each(self) -> Vec<TestApp> {
        let mut apps = vec![self.build(database::sqlite().await).await];
        if let Some(db) = database::postgres().await {
            apps.push(self.build(db).await);
        }
        apps
    }

    pub async fn sqlite(self) -> TestApp {
        self.build(database::sqlite().await).await
    }

    pub async fn postgres(self) -> Option<TestApp> {
        match database::postgres().await {
            Some(db) => Some(self.build(db).await),
            None => None,
        }
    }

    async fn build(
        &self,
        (name, store, url, db): (&'static str, DynStore, String, TestDb),
    ) -> TestApp {
        let clock = Clock::fixed(self.now);
        let (state, mailbox) = state(store.clone(), &self.base_url, clock.clone()).await;
        let router = server::startup::router(state.clone(), &self.http);
        let app = TestApp {
            backend: name,
            store,
            state,
            router,
            clock,
            database_url: url,
            mailbox,
            worker: tokio::sync::Mutex::new(Worker::new()),
            _db: db,
        };
        if self.curriculum {
            app.import_curriculum().await;
        }
        app
    }
}

/// State with an in-memory mailer; the returned list fills as the worker sends.
pub async fn state(
    store: DynStore,
    base_url: &str,
    clock: Clock,
) -> (AppState, Arc<Mutex<Vec<OutgoingMail>>>) {
    let serve = server::config::ServeConfig {
        listen: "127.0.0.1:0".parse().expect("addr"),
        base_url: base_url.into(),
        site_root: PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/site"),
        import_on_start: false,
        mail: server::config::MailConfig {
            smtp_url: None,
            from: "Lotse <lotse@localhost>".into(),
            outbox_dir: PathBuf::from("unused"),
        },
        sessions: app::domain::session::SessionPolicy::default(),
        cookie: app::auth::cookie::SessionCookie {
            secure: base_url.starts_with("https://"),
            max_age_seconds: 12 * 3600,
        },
        http: server::config::HttpLimits::default(),
    };
    let mut state = server::commands::serve::app_state(store, &serve)
        .await
        .expect("state");
    let (mailer, sent) = Mailer::memory();
    state.mailer = mailer;
    state.clock = clock;
    (state, sent)
}
