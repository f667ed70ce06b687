//! Importing content into the store, on SQLite and (when configured) PostgreSQL: idempotent,
//! one revision per changed file, removed lessons archived with their progress kept.

mod support;

use std::path::Path;

use app::content::{load_dir, LoadResult};
use app::domain::Role;
use app::store::{DynStore, NewUser, ProgressKind};

const TODAY: &str = "2026-11-21";

fn lesson(title: &str, body: &str) -> String {
    format!("+++\ntitle = \"{title}\"\nminutes = 5\n+++\n\n{body}\n")
}

/// One track, one module, two lessons and a quiz.
fn sample_course(root: &Path) {
    support::basis_track(root);
    support::write_content(
        root,
        "basis/01-titel/01-ueberblick.md",
        &lesson("Überblick", "Die Titel nach § 4 AufenthG."),
    );
    support::write_content(
        root,
        "basis/01-titel/02-details.md",
        &lesson("Details", "Mehr dazu."),
    );
    support::write_content(
        root,
        "basis/01-titel/quiz.md",
        "+++\ntitle = \"Test\"\n+++\n\n## Ist die Duldung ein Aufenthaltstitel?\n\n- [( )] Ja\n- [(X)] Nein\n\n*****\nNein.\n*****\n",
    );
}

fn load(root: &Path) -> LoadResult {
    let loaded = load_dir(root, TODAY.parse().unwrap());
    assert!(!loaded.has_errors(), "{:?}", loaded.problems);
    loaded
}

async fn sync(store: &DynStore, root: &Path) -> app::domain::content_sync::SyncReport {
    let loaded = load(root);
    store
        .sync_content(&loaded.course, &loaded.problems, chrono::Utc::now())
        .await
        .unwrap()
}

async fn learner(store: &DynStore) -> i64 {
    store
        .create_user(
            &NewUser {
                email: "lernende@kreis.de".into(),
                display_name: "Lernende".into(),
                organisation_id: None,
                team_id: None,
                password_hash: None,
                roles: vec![Role::Learner],
            },
            chrono::Utc::now(),
        )
        .await
        .unwrap()
}

#[tokio::test]
async fn reimporting_unchanged_content_writes_nothing() {
    for b in support::TestApp::each().await {
        let dir = tempfile::tempdir().unwrap();
        sample_course(dir.path());
        let first = sync(&b.store, dir.path()).await;
        assert_eq!(
            first.created, 5,
            "{}: track, module, 2 lessons, quiz",
            b.backend
        );
        let second = sync(&b.store, dir.path()).await;
        assert!(second.wrote_nothing(), "{}: {second:?}", b.backend);
    }
}

#[tokio::test]
async fn changing_one_lesson_creates_exactly_one_revision() {
    for b in support::TestApp::each().await {
        let dir = tempfile::tempdir().unwrap();
        sample_course(dir.path());
        sync(&b.store, dir.path()).await;
        support::write_content(
            dir.path(),
            "basis/01-titel/02-details.md",
            &lesson("Details", "Geänderter Text."),
        );
        let report = sync(&b.store, dir.path()).await;
        assert_eq!(report.revised, 1, "{}: {report:?}", b.backend);
        assert_eq!(
            (report.created, report.archived, report.touched),
            (0, 0, 0),
            "{}",
            b.backend
        );

        let outline = b.store.outline().await.unwrap();
        let lessons = &outline.tracks[0].modules[0].lessons;
        assert_eq!(
            lessons.iter().map(|l| l.revision).collect::<Vec<_>>(),
            vec![1, 2],
            "{}",
            b.backend
        );
        let body = b.store.lesson_body(lessons[1].id, 2).await.unwrap();
        assert!(body.body_html.contains("Geänderter Text."), "{}", b.backend);
        // The old revision stays readable.
        assert!(b
            .store
            .lesson_body(lessons[1].id, 1)
            .await
            .unwrap()
            .body_html
            .contains("Mehr dazu."));
    }
}

#[tokio::test]
async fn deleting_a_lesson_archives_it_and_keeps_its_progress() {
    for b in support::TestApp::each().await {
        let dir = tempfile::tempdir().unwrap();
        sample_course(dir.path());
        sync(&b.store, dir.path()).await;
        let user = learner(&b.store).await;
        let outline = b.store.outline().await.unwrap();
        let details = outline.tracks[0].modules[0].lessons[1].clone();
        b.store
            .record_progress(
                user,
                details.id,
                ProgressKind::Completed,
                1,
                chrono::Utc::now(),
            )
            .await
            .unwrap();

        std::fs::remove_file(dir.path().join("basis/01-titel/02-details.md")).unwrap();
        let report = sync(&b.store, dir.path()).await;
        assert_eq!(report.archived, 1, "{}: {report:?}", b.backend);

        let outline = b.store.outline().await.unwrap();
        assert_eq!(
            outline.tracks[0].modules[0].lessons.len(),
            1,
            "{}: archived lesson hidden",
            b.backend
        );
        let progress = b.store.progress_of(user).await.unwrap();
        assert_eq!(progress.len(), 1, "{}: progress kept", b.backend);
        assert_eq!(progress[0].lesson_id, details.id, "{}", b.backend);

        // Restoring the file brings the lesson back without a new revision.
        support::write_content(
            dir.path(),
            "basis/01-titel/02-details.md",
            &lesson("Details", "Mehr dazu."),
        );
        let report = sync(&b.store, dir.path()).await;
        assert_eq!(
            (report.touched, report.revised),
            (1, 0),
            "{}: {report:?}",
            b.backend
        );
    }
}

#[tokio::test]
async fn a_broken_lesson_keeps_its_stored_version_and_the_problem_is_listed() {
    for b in support::TestApp::each().await {
        let dir = tempfile::tempdir().unwrap();
        sample_course(dir.path());
        sync(&b.store, dir.path()).await;
        support::write_content(
            dir.path(),
            "basis/01-titel/02-details.md",
            "+++\ntitle = \"Details\"\n+++\n\nText ohne minutes.\n",
        );
        let loaded = load_dir(dir.path(), TODAY.parse().unwrap());
        assert!(loaded.has_errors());
        let report = b
            .store
            .sync_content(&loaded.course, &loaded.problems, chrono::Utc::now())
            .await
            .unwrap();
        assert_eq!(
            (report.archived, report.revised),
            (0, 0),
            "{}: {report:?}",
            b.backend
        );
        assert!(report.problems_replaced, "{}", b.backend);
        let outline = b.store.outline().await.unwrap();
        assert_eq!(
            outline.tracks[0].modules[0].lessons.len(),
            2,
            "{}: old version still served",
            b.backend
        );
        let problems = b.store.content_problems().await.unwrap();
        assert_eq!(problems.len(), 1, "{}: {problems:?}", b.backend);
        assert!(problems[0].file.ends_with("02-details.md"), "{}", b.backend);
    }
}

#[tokio::test]
async fn progress_writes_are_idempotent() {
    for b in support::TestApp::each().await {
        let dir = tempfile::tempdir().unwrap();
        sample_course(dir.path());
        sync(&b.store, dir.path()).await;
        let user = learner(&b.store).await;
        let lesson = b.store.outline().await.unwrap().tracks[0].modules[0].lessons[0].clone();
        let first = chrono::Utc::now() - chrono::Duration::minutes(5);
        for _ in 0..3 {
            b.store
                .record_progress(user, lesson.id, ProgressKind::Completed, 1, first)
                .await
                .unwrap();
        }
        b.store
            .record_progress(user, lesson.id, ProgressKind::Viewed, 1, first)
            .await
            .unwrap();
        b.store
            .record_progress(user, lesson.id, ProgressKind::Viewed, 2, chrono::Utc::now())
            .await
            .unwrap();
        let rows = b.store.progress_of(user).await.unwrap();
        assert_eq!(rows.len(), 2, "{}: one row per kind", b.backend);
        let viewed = rows.iter().find(|r| r.kind == "viewed").unwrap();
        assert_eq!(viewed.revision, 2, "{}: viewed moves forward", b.backend);
    }
}
