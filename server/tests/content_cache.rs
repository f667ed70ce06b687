//! Content caches stay correct with several instances on one database: content imported through
//! instance A is served by instance B within a second (both backends; PostgreSQL is the
//! multi-instance deployment).

mod support;

use std::time::{Duration, Instant};

use support::{basis_track, body_text, write_content, TestApp};

fn lesson(root: &std::path::Path, text: &str) {
    basis_track(root);
    write_content(
        root,
        "basis/01-titel/01-ueberblick.md",
        &format!("+++\ntitle = \"Überblick\"\nminutes = 5\n+++\n\n{text}\n"),
    );
}

#[tokio::test]
async fn a_second_instance_serves_a_new_revision_within_a_second() {
    for a in TestApp::each().await {
        let dir = tempfile::tempdir().unwrap();
        lesson(dir.path(), "Erste Fassung des Textes.");
        a.import(dir.path()).await;
        // Instance B: its own pool, caches and router on the same database.
        let store_b = app::store::connect(&a.database_url).await.unwrap();
        let (state_b, _) = support::state(store_b, support::BASE_URL, a.clock.clone()).await;
        let router_b = server::startup::router(state_b, &server::config::HttpLimits::default());
        let (_, cookie) = a.learner("anna@kreis.de").await;
        let page_b = |router: axum::Router, cookie: String| async move {
            use tower::ServiceExt;
            let request = axum::http::Request::get("/tracks/basis/titel/ueberblick")
                .header("host", "lotse.test")
                .header("cookie", cookie)
                .body(axum::body::Body::empty())
                .unwrap();
            body_text(router.oneshot(request).await.unwrap()).await
        };
        assert!(
            page_b(router_b.clone(), cookie.clone())
                .await
                .contains("Erste Fassung"),
            "{}",
            a.backend
        );

        lesson(dir.path(), "Zweite Fassung des Textes.");
        a.import(dir.path()).await;
        let started = Instant::now();
        loop {
            let html = page_b(router_b.clone(), cookie.clone()).await;
            if html.contains("Zweite Fassung") {
                break;
            }
            assert!(
                started.elapsed() < Duration::from_secs(1),
                "{}: still the old revision after 1 s",
                a.backend
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        assert!(
            a.page("/tracks/basis/titel/ueberblick", &cookie)
                .await
                .contains("Zweite Fassung"),
            "instance A at once"
        );
    }
}
