//! LiaScript quiz variants through the learner quiz page (issue 14): a selection quiz
//! `[[ a | (b) | c ]]` is shown as a choice and graded by its parenthesised option, and in a
//! single choice with several marked options each of them counts (SQLite and PostgreSQL).

mod support;

use app::content::{Answer, Question};
use app::service::learning::quiz_adapt::shown_order;
use app::store::DynStore;
use app::views::learning::choice_field;
use support::*;

const SUBMIT: &str = "/api/learn/quiz_submit";

const QUIZ: &str = "+++\ntitle = \"Abschlusstest\"\npass_percent = 100\n+++\n\n\
Welche Behörde erteilt den Aufenthaltstitel im Inland?\n\n\
[[ Standesamt | ( Ausländerbehörde ) | Finanzamt ]]\n\n\
*****\nDie Ausländerbehörde.\n*****\n\n\
Wie heißt die Behörde in vielen Städten?\n\n\
    [(X)] Ausländerbehörde\n    [( )] Meldebehörde\n    [(x)] Amt für Migration\n\n\
*****\nBeide Namen kommen vor.\n*****\n";

/// A course with the paths the learner helpers use (basiswissen / aufenthaltstitel).
async fn import_liascript_course(store: &DynStore) {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    support::write_content(
        root,
        "basiswissen/track.md",
        "+++\ntitle = \"Basiswissen\"\nsummary = \"Grundlagen\"\norder = 1\n+++\nEinführung.\n",
    );
    support::write_content(
        root,
        "basiswissen/01-aufenthaltstitel/module.md",
        "+++\ntitle = \"Titel\"\nsummary = \"Aufenthaltstitel\"\nminutes = 30\nlegal_status = 2026-01-01\n\
         review_by = 2099-06-30\n\n[[sources]]\ntitle = \"§ 4 AufenthG\"\n+++\nModul.\n",
    );
    support::write_content(
        root,
        "basiswissen/01-aufenthaltstitel/01-ueberblick.md",
        "+++\ntitle = \"Überblick\"\nminutes = 5\n+++\nText.\n",
    );
    support::write_content(root, "basiswissen/01-aufenthaltstitel/quiz.md", QUIZ);
    let loaded = app::content::load_dir(root, chrono::Utc::now().date_naive());
    assert!(!loaded.has_errors(), "{:?}", loaded.problems);
    store
        .sync_content(&loaded.course, &loaded.problems, chrono::Utc::now())
        .await
        .expect("import");
}

/// Form fields choosing, per question, the option with the given authored index.
async fn choose(
    store: &DynStore,
    user: i64,
    attempt: &str,
    authored: &[usize],
) -> Vec<(String, String)> {
    let (row, questions) = issued(store, user, attempt).await;
    questions
        .iter()
        .zip(authored)
        .map(|(q, &i)| {
            let order = shown_order(row.shuffle_seed, q);
            let shown = order.iter().position(|&o| o == i).expect("option shown");
            (
                format!("answers[{}]", choice_field(q.number)),
                shown.to_string(),
            )
        })
        .collect()
}

fn texts(q: &Question) -> Vec<String> {
    match &q.answer {
        Answer::Single(o) => o.iter().map(|o| o.text_html.clone()).collect(),
        other => panic!("not a single choice: {other:?}"),
    }
}

#[tokio::test]
async fn a_selection_quiz_renders_as_a_choice_and_grades_by_its_marked_option() {
    for b in support::TestApp::each().await {
        import_liascript_course(&b.store).await;
        let (user, cookie) = b.learner("anna@kreis.de").await;
        // (authored option per question, percent): question 1 is the selection (index 1 is
        // right), question 2 has two marked options (0 and 2).
        for (picks, percent) in [([1, 0], 100), ([1, 2], 100), ([0, 0], 50), ([2, 1], 0)] {
            let html = support::body_text(b.get_as(QUIZ_PAGE, &cookie).await).await;
            assert_eq!(
                html.matches("type=\"radio\"").count(),
                6,
                "{}: {html}",
                b.backend
            );
            for option in ["Standesamt", "Finanzamt", "Amt für Migration"] {
                assert!(html.contains(option), "{}: {option}", b.backend);
            }
            assert!(!html.contains("( Ausländerbehörde )"), "{}", b.backend);
            let attempt = attempt_id(&html);
            let row = b.store.find_attempt(&attempt, user).await.unwrap().unwrap();
            let questions = b
                .store
                .quiz_questions(row.quiz_id, row.revision)
                .await
                .unwrap();
            assert_eq!(
                texts(&questions[0]),
                ["Standesamt", "Ausländerbehörde", "Finanzamt"]
            );
            let fields = choose(&b.store, user, &attempt, &picks).await;
            let response = b
                .server_fn(SUBMIT, &submission(&attempt, &fields), &cookie)
                .await;
            let result = json(response).await;
            assert_eq!(
                result["percent"], percent,
                "{}: {picks:?} {result}",
                b.backend
            );
        }
    }
}
