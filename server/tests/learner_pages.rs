//! Learner pages over the real router: sign-in redirects, progress from reading and marking
//! lessons (also without JavaScript), one percentage everywhere, resuming where one left off.

mod support;

use axum::http::StatusCode;

use app::domain::grading::percent;
use app::store::ProgressKind;
use support::*;

const MODULE_PAGE: &str = "/tracks/basiswissen/aufenthaltstitel";
const DONE: &str = "/api/learn/lesson_done";

#[tokio::test]
async fn anonymous_visitors_of_learner_pages_are_sent_to_sign_in() {
    let b = support::TestApp::sqlite().await;
    b.import_curriculum().await;
    for path in [
        "/tracks",
        "/tracks/basiswissen",
        MODULE_PAGE,
        QUIZ_PAGE,
        "/tracks/basiswissen/aufenthaltstitel/titelarten",
    ] {
        let response = b.get(path).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{path}");
        assert_eq!(
            support::location(&response),
            format!("/login?hinweis=anmelden&next={path}")
        );
    }
    // The start page stays public.
    let home = support::body_text(b.get("/").await).await;
    assert!(home.contains("Willkommen bei Lotse") && !home.contains("Mein Lernstand"));
}

#[tokio::test]
async fn unknown_content_is_a_german_404() {
    let b = support::TestApp::sqlite().await;
    b.import_curriculum().await;
    let (_, cookie) = b.learner("anna@kreis.de").await;
    let response = b.get_as("/tracks/basiswissen/gibt-es-nicht", &cookie).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert!(support::body_text(response)
        .await
        .contains("Das Modul wurde nicht gefunden."));
}

#[tokio::test]
async fn reading_marking_and_passing_complete_the_module_with_one_percentage_everywhere() {
    for b in support::TestApp::each().await {
        b.import_curriculum().await;
        let (user, cookie) = b.learner("anna@kreis.de").await;
        let outline = b.store.outline().await.unwrap();
        let track = &outline.tracks[0];
        let module = &track.modules[0];
        let legal_status = format!("Rechtsstand {}", module.legal_status.format("%d.%m.%Y"));
        for lesson in &module.lessons {
            let path = format!("{MODULE_PAGE}/{}", lesson.slug);
            let page = b.get_as(&path, &cookie).await;
            assert_eq!(page.status(), StatusCode::OK, "{}: {path}", b.backend);
            let html = support::body_text(page).await;
            assert!(
                html.contains("Als erledigt markieren") && html.contains(&legal_status),
                "{path}"
            );
            // Without JavaScript, twice (a double click): back to the lesson, counted once.
            let body = format!("track={TRACK}&module={MODULE}&lesson={}", lesson.slug);
            for _ in 0..2 {
                let response = b.plain_post(DONE, &body, &cookie, &path).await;
                assert!(response.status().is_redirection(), "{}", b.backend);
                // Leptos sends the Referer back, with an empty query where it cleared error details.
                assert_eq!(
                    support::location(&response).trim_end_matches('?'),
                    format!("{}{path}", support::BASE_URL)
                );
            }
            let html = support::body_text(b.get_as(&path, &cookie).await).await;
            assert!(
                html.contains("Diese Lektion ist als erledigt markiert."),
                "{}: {path}",
                b.backend
            );
        }
        let rows = b.store.progress_of(user).await.unwrap();
        let count = |kind: ProgressKind| rows.iter().filter(|r| r.kind == kind.key()).count();
        assert_eq!(
            (count(ProgressKind::Viewed), count(ProgressKind::Completed)),
            (4, 4),
            "{}",
            b.backend
        );

        let html = support::body_text(b.get_as(QUIZ_PAGE, &cookie).await).await;
        let attempt = attempt_id(&html);
        let right = answers(&b.store, user, &attempt, true).await;
        let result = json(
            b.server_fn(
                "/api/learn/quiz_submit",
                &submission(&attempt, &right),
                &cookie,
            )
            .await,
        )
        .await;
        assert_eq!(result["passed"], true, "{}", b.backend);

        let module_html = support::body_text(b.get_as(MODULE_PAGE, &cookie).await).await;
        assert!(
            module_html.contains("5 von 5 erledigt – 100 %"),
            "{}: {module_html}",
            b.backend
        );
        assert!(
            module_html.contains("✓ bestanden (bestes Ergebnis 100 %)"),
            "{}",
            b.backend
        );
        // The track: every lesson and quiz is one unit, floored percentage.
        let total: usize = track
            .modules
            .iter()
            .map(|m| m.lessons.len() + usize::from(m.quiz.is_some()))
            .sum();
        let expected = format!("5 von {total} erledigt – {} %", percent(5, total as u32));
        let track_html = support::body_text(b.get_as("/tracks/basiswissen", &cookie).await).await;
        let dashboard = support::body_text(b.get_as("/", &cookie).await).await;
        for (page, html) in [
            ("track", &track_html),
            ("dashboard", &dashboard),
            ("module", &module_html),
        ] {
            if page != "module" {
                assert!(
                    html.contains(&expected),
                    "{}: {page} shows {expected}",
                    b.backend
                );
            }
        }
        assert!(
            dashboard.contains("Mein Lernstand") && dashboard.contains("Test bestanden"),
            "{}",
            b.backend
        );
        // Weiterlernen moves on to the next module.
        let next = &track.modules[1];
        let resume = format!("/tracks/basiswissen/{}/{}", next.slug, next.lessons[0].slug);
        assert!(
            dashboard.contains(&format!("href=\"{resume}\"")),
            "{}: resume at {resume}",
            b.backend
        );
    }
}

#[tokio::test]
async fn weiterlernen_resumes_the_lesson_last_opened() {
    let b = support::TestApp::sqlite().await;
    b.import_curriculum().await;
    let (_, cookie) = b.learner("anna@kreis.de").await;
    let outline = b.store.outline().await.unwrap();
    let m = &outline.tracks[1].modules[2];
    let path = format!(
        "/tracks/{}/{}/{}",
        outline.tracks[1].slug, m.slug, m.lessons[1].slug
    );
    b.get_as(&path, &cookie).await;
    let dashboard = support::body_text(b.get_as("/", &cookie).await).await;
    assert!(
        dashboard.contains(&format!("href=\"{path}\" data-testid=\"resume\"")),
        "{dashboard}"
    );
}
