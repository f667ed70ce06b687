//! Helpers for the learner tests: the real curriculum imported, a signed-in learner, and
//! requests shaped like the ones the browser sends (with and without JavaScript).

#![allow(dead_code)]

use std::path::Path;

use axum::body::Body;
use axum::http::{Request, Response};
use axum::Router;
use tower::ServiceExt;

use app::domain::Role;
use app::store::DynStore;

use crate::common;

pub const TRACK: &str = "basiswissen";
pub const MODULE: &str = "aufenthaltstitel";
pub const QUIZ_PAGE: &str = "/tracks/basiswissen/aufenthaltstitel/quiz";

/// Imports the real `content/` folder, as `lotse serve` does on start.
pub async fn import_curriculum(store: &DynStore) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
    let today = chrono::Utc::now().date_naive();
    let loaded = app::content::load_dir(&dir, today);
    assert!(!loaded.has_errors(), "{:?}", loaded.problems);
    store
        .sync_content(&loaded.course, &loaded.problems)
        .await
        .expect("import");
}

/// A new learner, signed in; returns (user id, Cookie header value).
pub async fn learner(router: &Router, store: &DynStore, email: &str) -> (i64, String) {
    let id = common::user(store, email, &[Role::Learner], None).await;
    let response = common::sign_in(router, email, common::TEST_PASSWORD).await;
    let cookie = common::session_cookie(&response).expect("signed in");
    (id, cookie)
}

fn form_request(path: &str, body: &str, cookie: &str, accept: &str) -> Request<Body> {
    Request::post(path)
        .header("host", "lotse.test")
        .header("origin", common::BASE_URL)
        .header("referer", format!("{}{QUIZ_PAGE}", common::BASE_URL))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept", accept)
        .header("cookie", cookie)
        .body(Body::from(body.to_owned()))
        .expect("request")
}

/// A server function call as the Leptos client makes it (JavaScript on).
pub async fn server_fn(router: &Router, path: &str, body: &str, cookie: &str) -> Response<Body> {
    let request = form_request(path, body, cookie, "application/json");
    router.clone().oneshot(request).await.expect("infallible")
}

/// The same form posted by a browser without JavaScript, from `referer`.
pub async fn plain_post(
    router: &Router,
    path: &str,
    body: &str,
    cookie: &str,
    referer: &str,
) -> Response<Body> {
    let mut request = form_request(path, body, cookie, "text/html,application/xhtml+xml");
    let referer = format!("{}{referer}", common::BASE_URL);
    request
        .headers_mut()
        .insert("referer", referer.parse().expect("header"));
    router.clone().oneshot(request).await.expect("infallible")
}

pub fn encode(pairs: &[(String, String)]) -> String {
    url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
}

/// The attempt id issued with a rendered quiz form.
pub fn attempt_id(html: &str) -> String {
    let at = html
        .find("name=\"attempt\"")
        .expect("attempt field in the form");
    let rest = &html[at..];
    let start = rest.find("value=\"").expect("value") + 7;
    rest[start..start + rest[start..].find('"').expect("end")].to_owned()
}

/// Form fields answering every question of `attempt` correctly (`right`) or wrongly.
pub async fn answers(
    store: &DynStore,
    user_id: i64,
    attempt: &str,
    right: bool,
) -> Vec<(String, String)> {
    use app::api::learn::quiz_adapt::{key_of, shown_order};
    use app::api::learn::views::{choice_field, option_field};
    use app::domain::grading::Key;
    let row = store
        .find_attempt(attempt, user_id)
        .await
        .unwrap()
        .expect("attempt");
    let questions = store
        .quiz_questions(row.quiz_id, row.revision)
        .await
        .unwrap();
    let mut fields = Vec::new();
    for q in &questions {
        let order = shown_order(row.shuffle_seed, q);
        let shown = |authored: usize| order.iter().position(|&i| i == authored).unwrap();
        let name = |field: String| format!("answers[{field}]");
        match (key_of(q), right) {
            (Key::Single { correct }, true) => {
                let first = *correct.first().expect("a correct option");
                fields.push((name(choice_field(q.number)), shown(first).to_string()))
            }
            (Key::Multiple { correct }, true) => fields.extend(
                correct
                    .iter()
                    .map(|&c| (name(option_field(q.number, shown(c))), "1".to_owned())),
            ),
            (Key::Text { accepted }, true) => {
                fields.push((name(choice_field(q.number)), accepted[0].clone()))
            }
            (Key::Text { .. }, false) => {
                fields.push((name(choice_field(q.number)), "weiß nicht".into()))
            }
            // Wrong: leave choice questions unanswered.
            (_, false) => {}
        }
    }
    fields
}

/// Body of a quiz submission for `attempt` with the given answer fields.
pub fn submission(attempt: &str, answers: &[(String, String)]) -> String {
    let mut pairs = vec![
        ("track".to_owned(), TRACK.to_owned()),
        ("module".to_owned(), MODULE.to_owned()),
        ("attempt".to_owned(), attempt.to_owned()),
    ];
    pairs.extend(answers.iter().cloned());
    encode(&pairs)
}

/// The questions (with solutions) of an issued attempt, in authored order.
pub async fn attempt_questions(
    store: &DynStore,
    user_id: i64,
    attempt: &str,
) -> Vec<app::content::Question> {
    let row = store
        .find_attempt(attempt, user_id)
        .await
        .unwrap()
        .expect("attempt");
    store
        .quiz_questions(row.quiz_id, row.revision)
        .await
        .unwrap()
}

/// Three words that stand together in one text run of `html` (no tag, entity or line break
/// between them), so a page or JSON payload that carries `html` contains them as they are.
/// The curriculum is rewritten over time; tests take their expectations from it this way.
pub fn text_snippet(html: &str) -> String {
    find_text_snippet(html).unwrap_or_else(|| panic!("no three plain words in {html:?}"))
}

/// [`text_snippet`], or `None` when `html` has no three such words.
pub fn find_text_snippet(html: &str) -> Option<String> {
    let mut rest = html;
    while !rest.is_empty() {
        let (run, after) = match rest.find('<') {
            Some(at) => (
                &rest[..at],
                rest[at..].find('>').map_or("", |e| &rest[at + e + 1..]),
            ),
            None => (rest, ""),
        };
        for line in run.lines() {
            let words: Vec<&str> = line.split(' ').collect();
            if let Some(w) = words.windows(3).find(|w| {
                w.iter()
                    .all(|x| !x.is_empty() && x.chars().all(char::is_alphabetic))
            }) {
                return Some(w.join(" "));
            }
        }
        rest = after;
    }
    None
}

pub async fn json(response: Response<Body>) -> serde_json::Value {
    let text = common::body_text(response).await;
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"))
}
