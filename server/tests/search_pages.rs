//! `/suche` and `/normen` over the real router on both backends: sign-in, the header box,
//! highlighted and escaped results, pagination, any input without an error page, quiz secrecy,
//! a new import becoming searchable, and the Normenverzeichnis with its 404.

mod support;

use axum::http::StatusCode;

use support::{basis_track, encode, write_content, TestApp};

fn search_path(q: &str) -> String {
    format!("/suche?{}", encode(&[("q".into(), q.into())]))
}

#[tokio::test]
async fn search_and_norm_pages_need_sign_in() {
    let app = TestApp::builder().with_curriculum().sqlite().await;
    for path in ["/suche?q=Duldung", "/normen", "/normen/aufenthg/81a"] {
        let response = app.get(path).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{path}");
        assert!(support::location(&response).starts_with("/login?hinweis=anmelden&next=/"));
    }
    // Anonymous visitors get no search box (it would only lead to the sign-in page).
    let home = support::body_text(app.get("/").await).await;
    assert!(!home.contains("action=\"/suche\""));
}

#[tokio::test]
async fn every_page_has_the_labelled_search_box_in_the_header() {
    let app = TestApp::builder().with_curriculum().sqlite().await;
    let (_, cookie) = app.learner("anna@kreis.de").await;
    for path in [
        "/",
        "/tracks",
        "/tracks/basiswissen",
        "/tracks/basiswissen/aufenthaltstitel/titelarten",
        "/barrierefreiheit",
        "/normen",
        "/suche",
    ] {
        let html = app.page(path, &cookie).await;
        assert!(
            html.contains(
                "<form role=\"search\" aria-label=\"Schnellsuche\" method=\"get\" action=\"/suche\" class=\"site-search\">"
            ) && html.contains("<label for=\"suche-kopf\" class=\"visually-hidden\">"),
            "{path}: {}",
            html.split("</header>").next().unwrap_or_default()
        );
    }
}

#[tokio::test]
async fn results_link_the_lesson_with_breadcrumb_and_highlighted_snippet() {
    for app in TestApp::builder().with_curriculum().each().await {
        let (_, cookie) = app.learner("anna@kreis.de").await;
        let response = app
            .get_as(&search_path("Fiktionsbescheinigung"), &cookie)
            .await;
        assert_eq!(response.status(), StatusCode::OK, "{}", app.backend);
        let html = support::body_text(response).await;
        assert!(
            html.contains("href=\"/tracks/basiswissen/antrag-fiktion/fiktionsbescheinigung\""),
            "{}",
            app.backend
        );
        assert!(
            html.contains("<mark>Fiktionsbescheinigung</mark>"),
            "{}",
            app.backend
        );
        assert!(
            html.contains("Basiswissen für Quereinsteigende › "),
            "{}",
            app.backend
        );
        assert!(html.contains("<title>Suche: Fiktionsbescheinigung – Lotse</title>"));
        // Spelled without umlaut, the same lesson, highlighted as written in the lesson.
        let html = app
            .page(&search_path("Uebermittlungssperre"), &cookie)
            .await;
        assert!(
            html.contains("<mark>Übermittlungssperre</mark>"),
            "{}",
            app.backend
        );
    }
}

#[tokio::test]
async fn queries_are_shown_escaped_and_any_input_answers_without_an_error_page() {
    for app in TestApp::builder().with_curriculum().each().await {
        let (_, cookie) = app.learner("anna@kreis.de").await;
        let long = "Fiktionsbescheinigung ".repeat(100);
        let inputs = [
            "",
            " ",
            "\"",
            "(",
            ")",
            ":",
            "*",
            "AND",
            "OR NOT",
            "§",
            "§§ (",
            "\"Blaue Karte",
            "titel:(Duldung",
            "Fikt*",
            "Duldung AND",
            "~2 ^3 +- !",
            "\u{0}\u{1}",
            &long,
            "<script>alert(1)</script>",
        ];
        for q in inputs {
            let response = app.get_as(&search_path(q), &cookie).await;
            assert_eq!(response.status(), StatusCode::OK, "{}: {q:?}", app.backend);
            let html = support::body_text(response).await;
            assert!(html.contains("<h1>Suche</h1>"), "{q:?}");
            assert!(!html.contains("interner Fehler"), "{q:?}");
        }
        let html = app
            .page(&search_path("<script>alert(1)</script>"), &cookie)
            .await;
        assert!(!html.contains("<script>alert"), "{}", app.backend);
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{}",
            app.backend
        );
        let html = app.page(&search_path(&long), &cookie).await;
        assert!(html.contains("Gesucht wurde nach ihrem Anfang"));
        assert!(
            html.contains("fiktionsbescheinigung\""),
            "a long query still finds"
        );
        // Empty and no-result states say what to do.
        let html = app.page("/suche", &cookie).await;
        assert!(html.contains("data-testid=\"search-empty\""));
        let html = app.page(&search_path("Quarkspeise"), &cookie).await;
        assert!(
            html.contains("data-testid=\"search-none\"")
                && html.contains("Prüfen Sie die Schreibweise")
        );
        // Some words in no lesson together: lessons with some of them, and a note saying so.
        let html = app
            .page(&search_path("Fiktionsbescheinigung Quarkspeise"), &cookie)
            .await;
        assert!(
            html.contains("data-testid=\"search-some-words\"")
                && html.contains("search-hit__title")
        );
    }
}

#[tokio::test]
async fn results_come_twenty_per_page_with_links_to_the_next_and_previous() {
    let app = TestApp::builder().with_curriculum().sqlite().await;
    let (_, cookie) = app.learner("anna@kreis.de").await;
    let first = app.page(&search_path("AufenthG"), &cookie).await;
    assert_eq!(first.matches("class=\"search-hit\"").count(), 20);
    assert!(
        first.contains("Seite 1 von") && first.contains("href=\"/suche?q=AufenthG&amp;seite=2\"")
    );
    let second = app.page("/suche?q=AufenthG&seite=2", &cookie).await;
    assert!(second.contains("Seite 2 von") && second.contains("href=\"/suche?q=AufenthG\""));
    assert!(second.contains("start=\"21\""));
    // A page past the end shows the last one; nonsense pages the first.
    let last = app.page("/suche?q=AufenthG&seite=999", &cookie).await;
    assert!(last.contains("search-hit__title") && !last.contains("rel=\"next\""));
    let odd = app.page("/suche?q=AufenthG&seite=-3", &cookie).await;
    assert!(odd.contains("Seite 1 von"));
}

/// A course whose quiz holds words that occur nowhere else.
fn course_with_secret_quiz(root: &std::path::Path, lesson_word: &str) {
    basis_track(root);
    write_content(
        root,
        "basis/01-titel/01-ueberblick.md",
        &format!("+++\ntitle = \"Überblick\"\nminutes = 5\n+++\n\nDie Lektion behandelt das {lesson_word}.\n"),
    );
    write_content(
        root,
        "basis/01-titel/quiz.md",
        "+++\ntitle = \"Test\"\n+++\n\n## Was gilt für das Quizfragenwort?\n\n- [(X)] Das Quizantwortwort\n- [( )] Das Quizfalschwort\n\n*****\nDie Erklärung nennt das Quizerklärungswort.\n*****\n",
    );
}

#[tokio::test]
async fn quiz_questions_options_and_explanations_are_never_found() {
    for app in TestApp::each().await {
        let dir = tempfile::tempdir().unwrap();
        course_with_secret_quiz(dir.path(), "Lektionswort");
        app.import(dir.path()).await;
        let (_, cookie) = app.learner("anna@kreis.de").await;
        let html = app.page(&search_path("Lektionswort"), &cookie).await;
        assert!(
            html.contains("/tracks/basis/titel/ueberblick"),
            "{}",
            app.backend
        );
        for secret in [
            "Quizfragenwort",
            "Quizantwortwort",
            "Quizfalschwort",
            "Quizerklärungswort",
            "Erklärung nennt",
        ] {
            let html = app.page(&search_path(secret), &cookie).await;
            assert!(
                html.contains("data-testid=\"search-none\""),
                "{}: {secret}",
                app.backend
            );
        }
    }
}

#[tokio::test]
async fn a_new_import_is_searchable_at_once_and_the_old_text_is_gone() {
    for app in TestApp::each().await {
        let dir = tempfile::tempdir().unwrap();
        course_with_secret_quiz(dir.path(), "Altwort");
        app.import(dir.path()).await;
        let (_, cookie) = app.learner("anna@kreis.de").await;
        assert!(app
            .page(&search_path("Altwort"), &cookie)
            .await
            .contains("search-hit__title"));
        course_with_secret_quiz(dir.path(), "Neuwort");
        app.import(dir.path()).await;
        assert!(
            app.page(&search_path("Neuwort"), &cookie)
                .await
                .contains("search-hit__title"),
            "{}",
            app.backend
        );
        assert!(
            app.page(&search_path("Altwort"), &cookie)
                .await
                .contains("search-none"),
            "{}",
            app.backend
        );
    }
}

#[tokio::test]
async fn a_second_instance_searches_the_new_content_within_a_second() {
    for a in TestApp::each().await {
        let dir = tempfile::tempdir().unwrap();
        course_with_secret_quiz(dir.path(), "Altwort");
        a.import(dir.path()).await;
        // Instance B: its own pool, caches and index on the same database.
        let store_b = app::store::connect(&a.database_url).await.unwrap();
        let (b, _) = support::state(store_b, support::BASE_URL, a.clock.clone()).await;
        let search = |word: &'static str| {
            let b = b.clone();
            async move {
                let index = b.search.index(&b.store, &b.content).await.unwrap();
                let query = app::domain::search_query::parse(word);
                index.search(&query, 0, 20).unwrap().total
            }
        };
        assert_eq!(search("Altwort").await, 1, "{}", a.backend);
        course_with_secret_quiz(dir.path(), "Neuwort");
        a.import(dir.path()).await;
        let started = std::time::Instant::now();
        while search("Neuwort").await == 0 {
            assert!(
                started.elapsed() < std::time::Duration::from_secs(1),
                "{}",
                a.backend
            );
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        assert_eq!(search("Altwort").await, 0, "{}", a.backend);
    }
}

#[tokio::test]
async fn the_norm_directory_lists_laws_and_paragraphs_in_natural_order() {
    for app in TestApp::builder().with_curriculum().each().await {
        let (_, cookie) = app.learner("anna@kreis.de").await;
        let html = app.page("/normen", &cookie).await;
        let at = |needle: &str| {
            html.find(needle)
                .unwrap_or_else(|| panic!("{}: {needle} missing from /normen", app.backend))
        };
        assert!(
            at("<h2 id=\"gesetz-aufenthg\">AufenthG</h2>")
                < at("<h2 id=\"gesetz-beschv\">BeschV</h2>")
        );
        assert!(at("<h2 id=\"gesetz-beschv\">") < at("<h2 id=\"gesetz-asylg\">"));
        let order = [
            "\">§ 4 AufenthG<",
            "\">§ 4a AufenthG<",
            "\">§ 18 AufenthG<",
            "\">§ 18a AufenthG<",
            "\">§ 81 AufenthG<",
            "\">§ 81a AufenthG<",
        ];
        for pair in order.windows(2) {
            assert!(at(pair[0]) < at(pair[1]), "{} before {}", pair[0], pair[1]);
        }
        assert!(html.contains("href=\"/normen/aufenthg/81a\""));
        assert!(
            html.contains("href=\"https://www.gesetze-im-internet.de/aufenthg_2004/__81a.html\"")
        );
        // One norm: its citing lessons with the sentence around each citation.
        let response = app.get_as("/normen/aufenthg/81a", &cookie).await;
        assert_eq!(response.status(), StatusCode::OK);
        let html = support::body_text(response).await;
        assert!(html.contains("<h1>§ 81a AufenthG</h1>"));
        assert!(html.contains("href=\"/tracks/fachkraefteeinwanderung/beschleunigtes-verfahren/vereinbarung-nach-81a-abs-2\""));
        assert!(html.contains("class=\"citing__sentence\"><p>") && html.contains("81a"));
        // Unknown norms and laws are a German 404.
        for path in [
            "/normen/aufenthg/999",
            "/normen/bgb/1",
            "/normen/aufenthg/x",
        ] {
            let response = app.get_as(path, &cookie).await;
            assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
            assert!(support::body_text(response)
                .await
                .contains("Die Vorschrift wurde nicht gefunden."));
        }
    }
}
