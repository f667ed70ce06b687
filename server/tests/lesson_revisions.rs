//! A lesson revised after a learner completed it: the completion still counts, and the lesson
//! says "aktualisiert seit Ihrem letzten Besuch" until it is opened again (both backends).

mod common;
mod learning_support;

use std::path::Path;

use learning_support::*;

const DONE: &str = "/api/learn/lesson_done";

/// One track, one module, one lesson whose body is `body`.
fn tiny_course(root: &Path, body: &str) {
    common::basis_track(root);
    common::write_content(
        root,
        "basis/01-titel/01-ueberblick.md",
        &format!("+++\ntitle = \"Überblick\"\nminutes = 5\n+++\n\n{body}\n"),
    );
}

async fn sync(store: &app::store::DynStore, root: &Path) {
    let loaded = app::content::load_dir(root, "2026-11-21".parse().unwrap());
    assert!(!loaded.has_errors(), "{:?}", loaded.problems);
    store
        .sync_content(&loaded.course, &loaded.problems)
        .await
        .unwrap();
}

#[tokio::test]
async fn a_revised_lesson_stays_done_and_says_it_was_updated() {
    for b in common::backends().await {
        let dir = tempfile::tempdir().unwrap();
        tiny_course(dir.path(), "Die Titel nach § 4 AufenthG.");
        sync(&b.store, dir.path()).await;
        let router = common::router(b.store.clone());
        let (_, cookie) = learner(&router, &b.store, "anna@kreis.de").await;
        let lesson = "/tracks/basis/titel/ueberblick";
        common::get_with_cookie(&router, lesson, &cookie).await;
        plain_post(
            &router,
            DONE,
            "track=basis&module=titel&lesson=ueberblick",
            &cookie,
            lesson,
        )
        .await;

        tiny_course(
            dir.path(),
            "Die Titel nach § 4 AufenthG, jetzt mit Beispiel.",
        );
        sync(&b.store, dir.path()).await;
        let module = common::body_text(
            common::get_with_cookie(&router, "/tracks/basis/titel", &cookie).await,
        )
        .await;
        assert!(
            module.contains("aktualisiert seit Ihrem letzten Besuch"),
            "{}",
            b.name
        );
        assert!(
            module.contains("1 von 1 erledigt – 100 %"),
            "{}: earlier completion still counts",
            b.name
        );
        let first =
            common::body_text(common::get_with_cookie(&router, lesson, &cookie).await).await;
        assert!(
            first.contains("jetzt mit Beispiel")
                && first.contains("aktualisiert seit Ihrem letzten Besuch"),
            "{}",
            b.name
        );
        let second =
            common::body_text(common::get_with_cookie(&router, lesson, &cookie).await).await;
        assert!(
            !second.contains("aktualisiert seit Ihrem letzten Besuch"),
            "{}: seen now",
            b.name
        );
        assert!(
            second.contains("Diese Lektion ist als erledigt markiert."),
            "{}",
            b.name
        );
    }
}
