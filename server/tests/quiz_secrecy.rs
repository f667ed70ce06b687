//! Acceptance: the quiz page and the server-function payload it loads carry no correct-answer
//! marker and no explanation text before the attempt is submitted (SQLite and PostgreSQL).

mod support;

use axum::http::StatusCode;

use app::content::{Answer, Question};
use support::*;

#[tokio::test]
async fn the_quiz_page_and_its_payload_contain_no_solutions_or_explanations() {
    for b in support::TestApp::each().await {
        b.import_curriculum().await;
        let (user, cookie) = b.learner("anna@kreis.de").await;
        let page = b.get_as(QUIZ_PAGE, &cookie).await;
        assert_eq!(page.status(), StatusCode::OK, "{}", b.backend);
        let html = support::body_text(page).await;
        let attempt = attempt_id(&html);
        let row = b
            .store
            .find_attempt(&attempt, user)
            .await
            .unwrap()
            .expect("issued with the form");
        let questions = b
            .store
            .quiz_questions(row.quiz_id, row.revision)
            .await
            .unwrap();
        // What the page loads when reached by client-side navigation.
        let payload = b
            .server_fn(
                "/api/learn/quiz",
                &format!("track={TRACK}&module={MODULE}"),
                &cookie,
            )
            .await;
        assert_eq!(payload.status(), StatusCode::OK, "{}", b.backend);
        let payload = support::body_text(payload).await;
        let prompt = text_snippet(&questions[0].prompt_html);
        let option = questions
            .iter()
            .flat_map(option_texts)
            .find_map(|o| find_text_snippet(&o))
            .expect("an option of three plain words");
        for (what, text) in [("page", &html), ("payload", &payload)] {
            // The questions are there (the test looks at the right thing) …
            assert!(text.contains(&prompt), "{what}: {prompt}");
            assert!(
                text.contains(&option),
                "{what}: options are shown ({option})"
            );
            // … their solutions are not.
            for marker in [
                "\"correct\"",
                "correct\":",
                "explanation",
                "accepted",
                "(X)",
                "[X]",
                "Paragraf 18g",
                "vier Wochen",
            ] {
                assert!(
                    !text.contains(marker),
                    "{}: {what} contains {marker:?}",
                    b.backend
                );
            }
            for q in &questions {
                for snippet in explanation_snippets(q) {
                    assert!(
                        !text.contains(&snippet),
                        "{}: {what} leaks explanation {snippet:?}",
                        b.backend
                    );
                }
            }
        }
    }
}

/// Runs of five plain words from the explanation that the question itself does not show.
fn explanation_snippets(q: &Question) -> Vec<String> {
    let visible = plain(
        &[
            q.prompt_html.clone(),
            q.details_html.clone(),
            option_texts(q).join(" "),
            q.hints.join(" "),
        ]
        .join(" "),
    );
    let words: Vec<String> = plain(&q.explanation_html)
        .split_whitespace()
        .map(str::to_owned)
        .collect();
    let snippets: Vec<String> = words
        .windows(5)
        .filter(|w| w.iter().all(|x| x.chars().all(char::is_alphanumeric)))
        .map(|w| w.join(" "))
        .filter(|s| !visible.contains(s.as_str()))
        .collect();
    assert!(
        !snippets.is_empty(),
        "question {} has no checkable explanation",
        q.number
    );
    snippets
}

fn option_texts(q: &Question) -> Vec<String> {
    match &q.answer {
        Answer::Single(o) | Answer::Multiple(o) => o.iter().map(|o| o.text_html.clone()).collect(),
        Answer::Text(_) => Vec::new(),
    }
}

/// HTML without tags, whitespace collapsed.
fn plain(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}
