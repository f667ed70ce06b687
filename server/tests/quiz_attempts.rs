//! Quiz attempts over the real router and curriculum, on SQLite and (when configured)
//! PostgreSQL: one attempt is recorded exactly once however often it is posted, resubmissions
//! show the first result, and the no-JavaScript path lands on the attempt's result.

mod support;

use axum::http::StatusCode;
use chrono::Utc;

use app::store::{AttemptSubmission, NewAttempt};
use support::*;

const SUBMIT: &str = "/api/learn/quiz_submit";

#[tokio::test]
async fn fifty_parallel_submissions_of_one_attempt_record_exactly_one() {
    for b in support::TestApp::each().await {
        let b = std::sync::Arc::new(b);
        b.import_curriculum().await;
        let (user, cookie) = b.learner("anna@kreis.de").await;
        let html = support::body_text(b.get_as(QUIZ_PAGE, &cookie).await).await;
        let attempt = attempt_id(&html);
        let right = answers(&b.store, user, &attempt, true).await;
        let wrong = answers(&b.store, user, &attempt, false).await;
        let mut tasks = tokio::task::JoinSet::new();
        for i in 0..50 {
            let body = submission(&attempt, if i % 2 == 0 { &right } else { &wrong });
            let (app, cookie) = (b.clone(), cookie.clone());
            tasks.spawn(async move { app.server_fn(SUBMIT, &body, &cookie).await });
        }
        let mut seen = Vec::new();
        while let Some(response) = tasks.join_next().await {
            let response = response.unwrap();
            assert_eq!(response.status(), StatusCode::OK, "{}", b.backend);
            let result = json(response).await;
            assert_eq!(result["attempt_id"], attempt.as_str());
            seen.push(result["percent"].as_u64().unwrap());
        }
        let submitted = b.store.submitted_attempts(user).await.unwrap();
        assert_eq!(
            submitted.len(),
            1,
            "{}: exactly one attempt recorded",
            b.backend
        );
        // Every one of the fifty saw the result that was stored, whichever answers won.
        assert!(
            seen.iter().all(|&p| p == submitted[0].score_percent as u64),
            "{}: {seen:?}",
            b.backend
        );
        assert!(
            [0, 100].contains(&submitted[0].score_percent),
            "{}",
            b.backend
        );
    }
}

#[tokio::test]
async fn the_store_lets_exactly_one_of_fifty_concurrent_submissions_win() {
    for b in support::TestApp::each().await {
        b.import_curriculum().await;
        let user = b
            .user("anna@kreis.de", &[app::domain::Role::Learner], None)
            .await;
        let outline = b.store.outline().await.unwrap();
        let quiz = outline.tracks[0].modules[0]
            .quiz
            .clone()
            .expect("module 1 has a quiz");
        let attempt = NewAttempt {
            id: "versuch-1".into(),
            user_id: user,
            quiz_id: quiz.id,
            revision: quiz.revision,
            shuffle_seed: -42,
            issued_at: Utc::now(),
        };
        b.store.issue_attempt(&attempt).await.unwrap();
        let mut tasks = tokio::task::JoinSet::new();
        for i in 0..50i64 {
            let store = b.store.clone();
            tasks.spawn(async move {
                let submission = AttemptSubmission {
                    submitted_at: Utc::now(),
                    answers: format!("[\"submission {i}\"]"),
                    score_percent: i,
                    passed: i % 2 == 0,
                };
                store
                    .submit_attempt("versuch-1", user, &submission)
                    .await
                    .unwrap()
            });
        }
        let mut winners = 0;
        while let Some(won) = tasks.join_next().await {
            winners += usize::from(won.unwrap());
        }
        assert_eq!(winners, 1, "{}", b.backend);
        let row = b
            .store
            .find_attempt("versuch-1", user)
            .await
            .unwrap()
            .unwrap();
        let score = row.score_percent.unwrap();
        assert_eq!(
            row.answers,
            Some(format!("[\"submission {score}\"]")),
            "{}: one writer's row",
            b.backend
        );
        assert_eq!(
            row.shuffle_seed, -42,
            "{}: the seed survives the signed column",
            b.backend
        );
        assert_eq!(
            b.store.submitted_attempts(user).await.unwrap().len(),
            1,
            "{}",
            b.backend
        );
        // Someone else's attempt id does not let another user submit or read it.
        let other = b
            .user("bert@kreis.de", &[app::domain::Role::Learner], None)
            .await;
        assert!(b
            .store
            .find_attempt("versuch-1", other)
            .await
            .unwrap()
            .is_none());
    }
}

#[tokio::test]
async fn a_resubmitted_form_shows_the_first_result_and_counts_once() {
    for b in support::TestApp::each().await {
        b.import_curriculum().await;
        let (user, cookie) = b.learner("anna@kreis.de").await;
        let html = support::body_text(b.get_as(QUIZ_PAGE, &cookie).await).await;
        let attempt = attempt_id(&html);
        let explanation =
            text_snippet(&attempt_questions(&b.store, user, &attempt).await[0].explanation_html);
        let wrong = answers(&b.store, user, &attempt, false).await;
        let first = json(
            b.server_fn(SUBMIT, &submission(&attempt, &wrong), &cookie)
                .await,
        )
        .await;
        assert_eq!(
            (first["percent"].as_u64(), first["passed"].as_bool()),
            (Some(0), Some(false)),
            "{}",
            b.backend
        );
        // The explanation comes with the result, after submission.
        assert!(
            first.to_string().contains(&explanation),
            "{}: {explanation}",
            b.backend
        );
        // Back button, fix the answers, submit the same form again: still the first result.
        let right = answers(&b.store, user, &attempt, true).await;
        let again = json(
            b.server_fn(SUBMIT, &submission(&attempt, &right), &cookie)
                .await,
        )
        .await;
        assert_eq!(again["percent"], first["percent"], "{}", b.backend);
        assert_eq!(
            again["history"].as_array().map(Vec::len),
            Some(1),
            "{}",
            b.backend
        );
        // A new form is a new attempt, and that one can pass.
        let html = support::body_text(b.get_as(QUIZ_PAGE, &cookie).await).await;
        let second = attempt_id(&html);
        assert_ne!(second, attempt);
        let right = answers(&b.store, user, &second, true).await;
        let passed = json(
            b.server_fn(SUBMIT, &submission(&second, &right), &cookie)
                .await,
        )
        .await;
        assert_eq!(
            (passed["percent"].as_u64(), passed["passed"].as_bool()),
            (Some(100), Some(true)),
            "{}",
            b.backend
        );
        assert_eq!(
            passed["history"].as_array().map(Vec::len),
            Some(2),
            "{}",
            b.backend
        );
    }
}

#[tokio::test]
async fn without_javascript_a_submission_lands_on_the_attempts_result() {
    let b = support::TestApp::sqlite().await;
    b.import_curriculum().await;
    let (user, cookie) = b.learner("anna@kreis.de").await;
    let html = support::body_text(b.get_as(QUIZ_PAGE, &cookie).await).await;
    let attempt = attempt_id(&html);
    let questions = attempt_questions(&b.store, user, &attempt).await;
    let right = answers(&b.store, user, &attempt, true).await;
    let response = b
        .plain_post(SUBMIT, &submission(&attempt, &right), &cookie, QUIZ_PAGE)
        .await;
    assert!(response.status().is_redirection(), "{}", response.status());
    let target = support::location(&response);
    assert_eq!(target, format!("{QUIZ_PAGE}?versuch={attempt}"));
    let page = support::body_text(b.get_as(&target, &cookie).await).await;
    assert!(page.contains("Ergebnis: Bestanden"), "{page}");
    let n = questions.len();
    assert!(
        page.contains(&format!("{n} von {n} Fragen richtig – 100 %")),
        "{page}"
    );
    assert!(
        page.contains(&text_snippet(&questions[0].explanation_html)),
        "explanations after submission"
    );
    // Someone else cannot open this result.
    let (_, other) = b.learner("bert@kreis.de").await;
    let foreign = support::body_text(b.get_as(&target, &other).await).await;
    assert!(
        !foreign.contains("Ergebnis:") && foreign.contains("name=\"attempt\""),
        "a fresh form instead"
    );
}

/// The quiz form posts to `quiz_grade`: the island receives the result page's address (and
/// opens it), a browser without JavaScript is redirected there; both grade once.
#[tokio::test]
async fn the_quiz_form_grades_and_leads_to_the_result_page() {
    const GRADE: &str = "/api/learn/quiz_grade";
    for b in support::TestApp::each().await {
        b.import_curriculum().await;
        let (user, cookie) = b.learner("anna@kreis.de").await;
        let html = support::body_text(b.get_as(QUIZ_PAGE, &cookie).await).await;
        assert!(
            html.contains(&format!("action=\"{GRADE}\"")),
            "{}: the form posts to {GRADE}",
            b.backend
        );
        let attempt = attempt_id(&html);
        let right = answers(&b.store, user, &attempt, true).await;
        let body = submission(&attempt, &right);
        let target = format!("{}?versuch={attempt}", QUIZ_PAGE);
        let island = b.server_fn(GRADE, &body, &cookie).await;
        assert_eq!(island.status(), StatusCode::OK, "{}", b.backend);
        assert_eq!(
            json(island).await,
            serde_json::Value::String(target.clone()),
            "{}",
            b.backend
        );
        let plain = b.plain_post(GRADE, &body, &cookie, QUIZ_PAGE).await;
        assert_eq!(location(&plain), target, "{}", b.backend);
        let result = support::body_text(b.get_as(&target, &cookie).await).await;
        assert!(result.contains("Ergebnis: Bestanden"), "{}", b.backend);
        assert_eq!(
            b.store.submitted_attempts(user).await.unwrap().len(),
            1,
            "{}",
            b.backend
        );
    }
}
