//! A lesson revised after a learner completed it: the completion still counts, and the lesson
//! says "aktualisiert seit Ihrem letzten Besuch" until it is opened again (both backends).

mod support;

use std::path::Path;

const DONE: &str = "/api/learn/lesson_done";

/// One track, one module, one lesson whose body is `body`.
fn tiny_course(root: &Path, body: &str) {
    support::basis_track(root);
    support::write_content(
        root,
        "basis/01-titel/01-ueberblick.md",
        &format!("+++\ntitle = \"Überblick\"\nminutes = 5\n+++\n\n{body}\n"),
    );
}

#[tokio::test]
async fn a_revised_lesson_stays_done_and_says_it_was_updated() {
    for b in support::TestApp::each().await {
        let dir = tempfile::tempdir().unwrap();
        tiny_course(dir.path(), "Die Titel nach § 4 AufenthG.");
        b.import(dir.path()).await;
        let (_, cookie) = b.learner("anna@kreis.de").await;
        let lesson = "/tracks/basis/titel/ueberblick";
        b.get_as(lesson, &cookie).await;
        b.plain_post(
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
        b.import(dir.path()).await;
        let module = support::body_text(b.get_as("/tracks/basis/titel", &cookie).await).await;
        assert!(
            module.contains("aktualisiert seit Ihrem letzten Besuch"),
            "{}",
            b.backend
        );
        assert!(
            module.contains("1 von 1 erledigt – 100 %"),
            "{}: earlier completion still counts",
            b.backend
        );
        let first = support::body_text(b.get_as(lesson, &cookie).await).await;
        assert!(
            first.contains("jetzt mit Beispiel")
                && first.contains("aktualisiert seit Ihrem letzten Besuch"),
            "{}",
            b.backend
        );
        let second = support::body_text(b.get_as(lesson, &cookie).await).await;
        assert!(
            !second.contains("aktualisiert seit Ihrem letzten Besuch"),
            "{}: seen now",
            b.backend
        );
        assert!(
            second.contains("Diese Lektion ist als erledigt markiert."),
            "{}",
            b.backend
        );
    }
}
