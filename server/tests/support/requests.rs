//! Requests as browsers send them (same-origin forms, the Leptos client's server-function calls,
//! plain form posts without JavaScript) and helpers to read the answers.

use std::net::SocketAddr;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, Response};
use http_body_util::BodyExt;
use tower::ServiceExt;

use app::store::DynStore;

use super::{TestApp, BASE_URL, MODULE, QUIZ_PAGE, TRACK};

/// The address requests come from unless a test says otherwise.
pub const CLIENT: &str = "192.0.2.10:50000";

impl TestApp {
    pub async fn send(&self, request: Request<Body>) -> Response<Body> {
        self.router
            .clone()
            .oneshot(request)
            .await
            .expect("infallible")
    }

    fn base(&self, method: &str, path: &str, client: &str) -> axum::http::request::Builder {
        let addr: SocketAddr = client.parse().expect("client address");
        Request::builder()
            .method(method)
            .uri(path)
            .header("host", host_of(&self.state.base_url))
            .extension(ConnectInfo(addr))
    }

    pub async fn get(&self, path: &str) -> Response<Body> {
        let request = self.base("GET", path, CLIENT).header("accept", "text/html");
        self.send(request.body(Body::empty()).expect("request"))
            .await
    }

    pub async fn get_as(&self, path: &str, cookie: &str) -> Response<Body> {
        let request = self
            .base("GET", path, CLIENT)
            .header("accept", "text/html")
            .header("cookie", cookie);
        self.send(request.body(Body::empty()).expect("request"))
            .await
    }

    /// The page's HTML as a signed-in user sees it.
    pub async fn page(&self, path: &str, cookie: &str) -> String {
        body_text(self.get_as(path, cookie).await).await
    }

    /// A same-origin form POST, as a browser on Lotse would send it.
    pub async fn post_form(&self, path: &str, body: &str, cookie: Option<&str>) -> Response<Body> {
        self.post_form_from(path, body, cookie, CLIENT).await
    }

    pub async fn post_form_from(
        &self,
        path: &str,
        body: &str,
        cookie: Option<&str>,
        client: &str,
    ) -> Response<Body> {
        let mut request = self
            .base("POST", path, client)
            .header("origin", self.state.base_url.as_str())
            .header("content-type", "application/x-www-form-urlencoded");
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        self.send(request.body(Body::from(body.to_owned())).expect("request"))
            .await
    }

    pub async fn sign_in(&self, email: &str, password: &str) -> Response<Body> {
        self.sign_in_from(email, password, CLIENT).await
    }

    pub async fn sign_in_from(&self, email: &str, password: &str, client: &str) -> Response<Body> {
        let body = encode(&[
            ("email".into(), email.into()),
            ("password".into(), password.into()),
        ]);
        self.post_form_from("/login", &body, None, client).await
    }

    fn form_request(
        &self,
        path: &str,
        body: &str,
        cookie: &str,
        accept: &str,
        referer: &str,
    ) -> Request<Body> {
        self.base("POST", path, CLIENT)
            .header("origin", self.state.base_url.as_str())
            .header("referer", format!("{}{referer}", self.state.base_url))
            .header("content-type", "application/x-www-form-urlencoded")
            .header("accept", accept)
            .header("cookie", cookie)
            .body(Body::from(body.to_owned()))
            .expect("request")
    }

    /// A server function call as the Leptos client makes it (JavaScript on).
    pub async fn server_fn(&self, path: &str, body: &str, cookie: &str) -> Response<Body> {
        self.send(self.form_request(path, body, cookie, "application/json", QUIZ_PAGE))
            .await
    }

    /// The same form posted by a browser without JavaScript, from the page `referer`.
    pub async fn plain_post(
        &self,
        path: &str,
        body: &str,
        cookie: &str,
        referer: &str,
    ) -> Response<Body> {
        let accept = "text/html,application/xhtml+xml";
        self.send(self.form_request(path, body, cookie, accept, referer))
            .await
    }
}

fn host_of(base_url: &str) -> String {
    url::Url::parse(base_url)
        .ok()
        .and_then(|u| {
            u.host_str().map(|h| match u.port() {
                Some(p) => format!("{h}:{p}"),
                None => h.to_owned(),
            })
        })
        .unwrap_or_else(|| "lotse.test".into())
}

pub async fn body_text(response: Response<Body>) -> String {
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes();
    String::from_utf8_lossy(&bytes).into_owned()
}

pub async fn json(response: Response<Body>) -> serde_json::Value {
    let text = body_text(response).await;
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

pub fn location(response: &Response<Body>) -> String {
    response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

/// `lotse_session=…` from a response's Set-Cookie, ready for a Cookie header.
pub fn session_cookie(response: &Response<Body>) -> Option<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.contains("lotse_session=") && !c.contains("lotse_session=;"))
        .and_then(|c| c.split(';').next())
        .map(str::to_owned)
}

pub fn encode(pairs: &[(String, String)]) -> String {
    url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
}

/// The value after `token=` in a mail body.
pub fn token_in(body: &str) -> String {
    body.split("token=")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .expect("a link with a token")
        .to_owned()
}

/// Writes a content file below `root`, creating folders.
pub fn write_content(root: &std::path::Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, text).expect("write");
}

/// A minimal course: track "basis", module "titel" (no quiz); lessons are added by the caller.
pub fn basis_track(root: &std::path::Path) {
    write_content(
        root,
        "basis/track.md",
        "+++\ntitle = \"Basis\"\nsummary = \"Grundlagen\"\norder = 1\n+++\nEinführung.\n",
    );
    write_content(
        root,
        "basis/01-titel/module.md",
        "+++\ntitle = \"Titel\"\nsummary = \"Aufenthaltstitel\"\nminutes = 30\nlegal_status = 2026-01-01\n\
         review_by = 2027-06-30\n\n[[sources]]\ntitle = \"§ 4 AufenthG\"\n+++\nModul.\n",
    );
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
    use app::domain::grading::Key;
    use app::service::learning::quiz_adapt::{key_of, shown_order};
    use app::views::learning::{choice_field, option_field};
    let (row, questions) = issued(store, user_id, attempt).await;
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

/// An issued attempt with its questions (and solutions), in authored order.
pub async fn issued(
    store: &DynStore,
    user_id: i64,
    attempt: &str,
) -> (app::store::AttemptRow, Vec<app::content::Question>) {
    let row = store
        .find_attempt(attempt, user_id)
        .await
        .unwrap()
        .expect("attempt");
    let questions = store
        .quiz_questions(row.quiz_id, row.revision)
        .await
        .unwrap();
    (row, questions)
}

/// The questions (with solutions) of an issued attempt, in authored order.
pub async fn attempt_questions(
    store: &DynStore,
    user_id: i64,
    attempt: &str,
) -> Vec<app::content::Question> {
    issued(store, user_id, attempt).await.1
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

/// The site origin of the default test app.
pub fn origin() -> &'static str {
    BASE_URL
}

/// A text mail to queue: `key` is its dedupe key, `body` its text.
pub fn plain_mail(
    key: &str,
    to: &str,
    body: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> app::store::NewMail {
    app::store::NewMail {
        dedupe_key: key.into(),
        category: key.split(':').next().unwrap_or("test").into(),
        user_id: None,
        recipient: to.into(),
        subject: "Betreff äöü".into(),
        body_text: body.into(),
        body_html: None,
        unsubscribe_url: None,
        send_after: now,
    }
}
