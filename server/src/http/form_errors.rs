//! Error messages after a form post without JavaScript travel in the redirect URL (Leptos'
//! `__err` parameter) and are shown in an alert box. A crafted link could therefore put any text
//! into that box. So every `__err` this server writes is signed (`__errsig`), and a request with
//! an `__err` that is not ours is redirected to the same address without it.

use axum::extract::{Request, State};
use axum::http::header::LOCATION;
use axum::http::{HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use app::auth::token::{sign, signature_matches};
use app::state::AppState;

const ERR: &str = "__err";
const PATH: &str = "__path";
const SIG: &str = "__errsig";

pub async fn sign_form_errors(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if req.method() == Method::GET {
        if let Some(query) = req.uri().query() {
            if let Some(clean) = unsigned_error_removed(query, &state.url_key) {
                let target = if clean.is_empty() {
                    req.uri().path().to_owned()
                } else {
                    format!("{}?{clean}", req.uri().path())
                };
                return redirect(&target);
            }
        }
    }
    let mut response = next.run(req).await;
    let location = response
        .headers()
        .get(LOCATION)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    if let Some(signed) = location.and_then(|l| sign_location(&l, &state.url_key)) {
        if let Ok(value) = HeaderValue::from_str(&signed) {
            response.headers_mut().insert(LOCATION, value);
        }
    }
    response
}

fn pairs(query: &str) -> Vec<(String, String)> {
    url::form_urlencoded::parse(query.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

fn encode(pairs: &[(String, String)]) -> String {
    url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
}

/// `Some(query without the error)` when the query carries an `__err` without a valid signature.
fn unsigned_error_removed(query: &str, key: &str) -> Option<String> {
    let all = pairs(query);
    let err = all
        .iter()
        .find(|(k, _)| k == ERR)
        .map(|(_, v)| v.as_str())?;
    let valid = all
        .iter()
        .find(|(k, _)| k == SIG)
        .is_some_and(|(_, sig)| signature_matches(key, err, sig));
    if valid {
        return None;
    }
    let kept: Vec<_> = all
        .into_iter()
        .filter(|(k, _)| k != ERR && k != PATH && k != SIG)
        .collect();
    Some(encode(&kept))
}

/// The redirect target with a fresh signature for its `__err` (and no stale ones).
fn sign_location(location: &str, key: &str) -> Option<String> {
    let (path, query) = location.split_once('?')?;
    let mut all = pairs(query);
    if !all.iter().any(|(k, _)| k == ERR || k == SIG) {
        return None;
    }
    all.retain(|(k, _)| k != SIG);
    if let Some(err) = all.iter().find(|(k, _)| k == ERR).map(|(_, v)| v.clone()) {
        all.push((SIG.to_owned(), sign(key, &err)));
    }
    Some(format!("{path}?{}", encode(&all)))
}

fn redirect(target: &str) -> Response {
    match HeaderValue::from_str(target) {
        Ok(value) => (StatusCode::SEE_OTHER, [(LOCATION, value)]).into_response(),
        Err(_) => (
            StatusCode::SEE_OTHER,
            [(LOCATION, HeaderValue::from_static("/"))],
        )
            .into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn our_signed_errors_pass_and_crafted_ones_are_removed() {
        let signed =
            sign_location("http://lotse.test/admin?x=1&__path=/api/f&__err=abc", "k").unwrap();
        let query = signed.split_once('?').unwrap().1;
        assert_eq!(unsigned_error_removed(query, "k"), None, "{signed}");
        assert_eq!(
            unsigned_error_removed(query, "other key"),
            Some("x=1".into())
        );
        assert_eq!(
            unsigned_error_removed("x=1&__path=/api/f&__err=Zm9v", "k"),
            Some("x=1".into())
        );
        assert_eq!(unsigned_error_removed("x=1", "k"), None);
    }

    #[test]
    fn old_signatures_do_not_pile_up_and_plain_redirects_stay_as_they_are() {
        let once = sign_location("/a?__err=abc", "k").unwrap();
        let twice = sign_location(&format!("{once}&__errsig=old"), "k").unwrap();
        assert_eq!(twice.matches("__errsig").count(), 1, "{twice}");
        assert_eq!(sign_location("/a?x=1", "k"), None);
        let cleaned = sign_location("/a?x=1&__errsig=old", "k").unwrap();
        assert_eq!(cleaned, "/a?x=1");
    }
}
