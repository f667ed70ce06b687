//! Learner pages over the real router: sign-in redirects, progress from reading and marking
//! lessons (also without JavaScript), one percentage everywhere, revised lessons, resuming.

mod common;
mod learning_support;

use std::path::Path;

use axum::http::StatusCode;

use app::domain::grading::percent;
use app::store::ProgressKind;
use learning_support::*;

const MODULE_PAGE: &str = "/tracks/basiswissen/aufenthaltstitel";
const DONE: &str = "/api/learn/lesson_done";

#[tokio::test]
async fn anonymous_visitors_of_learner_pages_are_sent_to_sign_in() {
    let b = common::sqlite().await;
    import_curriculum(&b.store).await;
    let router = common::router(b.store.clone());
    for path in ["/tracks", "/tracks/basiswissen", MODULE_PAGE, QUIZ_PAGE, "/tracks/basiswissen/aufenthaltstitel/titelarten"] {
        let response = common::get(&router, path).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{path}");
        assert_eq!(common::location(&response), format!("/login?next={path}"));
    }
    // The start page stays public.
    let home = common::body_text(common::get(&router, "/").await).await;
    assert!(home.contains("Willkommen bei Lotse") && !home.contains("Mein Lernstand"));
}

#[tokio::test]
async fn unknown_content_is_a_german_404() {
    let b = common::sqlite().await;
    import_curriculum(&b.store).await;
    let router = common::router(b.store.clone());
    let (_, cookie) = learner(&router, &b.store, "anna@kreis.de").await;
    let response = common::get_with_cookie(&router, "/tracks/basiswissen/gibt-es-nicht", &cookie).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert!(common::body_text(response).await.contains("Das Modul wurde nicht gefunden."));
}

#[tokio::test]
async fn reading_marking_and_passing_complete_the_module_with_one_percentage_everywhere() {
    for b in common::backends().await {
        import_curriculum(&b.store).await;
        let router = common::router(b.store.clone());
        let (user, cookie) = learner(&router, &b.store, "anna@kreis.de").await;
        let outline = b.store.outline().await.unwrap();
        let track = &outline.tracks[0];
        let module = &track.modules[0];
        for lesson in &module.lessons {
            let path = format!("{MODULE_PAGE}/{}", lesson.slug);
            let page = common::get_with_cookie(&router, &path, &cookie).await;
            assert_eq!(page.status(), StatusCode::OK, "{}: {path}", b.name);
            let html = common::body_text(page).await;
            assert!(html.contains("Als erledigt markieren") && html.contains("Rechtsstand 01.01.2026"), "{path}");
            // Without JavaScript, twice (a double click): back to the lesson, counted once.
            let body = format!("track={TRACK}&module={MODULE}&lesson={}", lesson.slug);
            for _ in 0..2 {
                let response = plain_post(&router, DONE, &body, &cookie, &path).await;
                assert!(response.status().is_redirection(), "{}", b.name);
                assert_eq!(common::location(&response), format!("{}{path}", common::BASE_URL));
            }
            let html = common::body_text(common::get_with_cookie(&router, &path, &cookie).await).await;
            assert!(html.contains("Diese Lektion ist als erledigt markiert."), "{}: {path}", b.name);
        }
        let rows = b.store.progress_of(user).await.unwrap();
        let count = |kind: ProgressKind| rows.iter().filter(|r| r.kind == kind.key()).count();
        assert_eq!((count(ProgressKind::Viewed), count(ProgressKind::Completed)), (4, 4), "{}", b.name);

        let html = common::body_text(common::get_with_cookie(&router, QUIZ_PAGE, &cookie).await).await;
        let attempt = attempt_id(&html);
        let right = answers(&b.store, user, &attempt, true).await;
        let result = json(server_fn(&router, "/api/learn/quiz_submit", &submission(&attempt, &right), &cookie).await).await;
        assert_eq!(result["passed"], true, "{}", b.name);

        let module_html = common::body_text(common::get_with_cookie(&router, MODULE_PAGE, &cookie).await).await;
        assert!(module_html.contains("5 von 5 erledigt – 100 %"), "{}: {module_html}", b.name);
        assert!(module_html.contains("✓ bestanden (bestes Ergebnis 100 %)"), "{}", b.name);
        // The track: every lesson and quiz is one unit, floored percentage.
        let total: usize = track.modules.iter().map(|m| m.lessons.len() + usize::from(m.quiz.is_some())).sum();
        let expected = format!("5 von {total} erledigt – {} %", percent(5, total as u32));
        let track_html = common::body_text(common::get_with_cookie(&router, "/tracks/basiswissen", &cookie).await).await;
        let dashboard = common::body_text(common::get_with_cookie(&router, "/", &cookie).await).await;
        for (page, html) in [("track", &track_html), ("dashboard", &dashboard), ("module", &module_html)] {
            if page != "module" {
                assert!(html.contains(&expected), "{}: {page} shows {expected}", b.name);
            }
        }
        assert!(dashboard.contains("Mein Lernstand") && dashboard.contains("Test bestanden"), "{}", b.name);
        // Weiterlernen moves on to the next module.
        let next = &track.modules[1];
        let resume = format!("/tracks/basiswissen/{}/{}", next.slug, next.lessons[0].slug);
        assert!(dashboard.contains(&format!("href=\"{resume}\"")), "{}: resume at {resume}", b.name);
    }
}

#[tokio::test]
async fn weiterlernen_resumes_the_lesson_last_opened() {
    let b = common::sqlite().await;
    import_curriculum(&b.store).await;
    let router = common::router(b.store.clone());
    let (_, cookie) = learner(&router, &b.store, "anna@kreis.de").await;
    let outline = b.store.outline().await.unwrap();
    let m = &outline.tracks[1].modules[2];
    let path = format!("/tracks/{}/{}/{}", outline.tracks[1].slug, m.slug, m.lessons[1].slug);
    common::get_with_cookie(&router, &path, &cookie).await;
    let dashboard = common::body_text(common::get_with_cookie(&router, "/", &cookie).await).await;
    assert!(dashboard.contains(&format!("href=\"{path}\" data-testid=\"resume\"")), "{dashboard}");
}

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// One track, one module, one lesson whose body is `body`.
fn tiny_course(root: &Path, body: &str) {
    write(root, "basis/track.md", "+++\ntitle = \"Basis\"\nsummary = \"Grundlagen\"\norder = 1\n+++\nEinführung.\n");
    write(
        root,
        "basis/01-titel/module.md",
        "+++\ntitle = \"Titel\"\nsummary = \"Aufenthaltstitel\"\nminutes = 30\nlegal_status = 2026-01-01\n\
         review_by = 2027-06-30\n\n[[sources]]\ntitle = \"§ 4 AufenthG\"\n+++\nModul.\n",
    );
    write(root, "basis/01-titel/01-ueberblick.md", &format!("+++\ntitle = \"Überblick\"\nminutes = 5\n+++\n\n{body}\n"));
}

async fn sync(store: &app::store::DynStore, root: &Path) {
    let loaded = app::content::load_dir(root, "2026-11-21".parse().unwrap());
    assert!(!loaded.has_errors(), "{:?}", loaded.problems);
    store.sync_content(&loaded.course, &loaded.problems).await.unwrap();
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
        plain_post(&router, DONE, "track=basis&module=titel&lesson=ueberblick", &cookie, lesson).await;

        tiny_course(dir.path(), "Die Titel nach § 4 AufenthG, jetzt mit Beispiel.");
        sync(&b.store, dir.path()).await;
        let module = common::body_text(common::get_with_cookie(&router, "/tracks/basis/titel", &cookie).await).await;
        assert!(module.contains("aktualisiert seit Ihrem letzten Besuch"), "{}", b.name);
        assert!(module.contains("1 von 1 erledigt – 100 %"), "{}: earlier completion still counts", b.name);
        let first = common::body_text(common::get_with_cookie(&router, lesson, &cookie).await).await;
        assert!(first.contains("jetzt mit Beispiel") && first.contains("aktualisiert seit Ihrem letzten Besuch"), "{}", b.name);
        let second = common::body_text(common::get_with_cookie(&router, lesson, &cookie).await).await;
        assert!(!second.contains("aktualisiert seit Ihrem letzten Besuch"), "{}: seen now", b.name);
        assert!(second.contains("Diese Lektion ist als erledigt markiert."), "{}", b.name);
    }
}
