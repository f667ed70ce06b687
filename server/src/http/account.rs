//! Form handlers for signing in and out, accepting invitations and resetting passwords.
//! Plain POST + redirect, so they work without JavaScript; messages travel as short codes in
//! the redirect URL and the German text is rendered by the page.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, FromRequest, Request, State};
use axum::http::header::{LOCATION, SET_COOKIE};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Form};
use chrono::Utc;
use serde::Deserialize;

use app::auth::flows::{self, SignIn, TokenFlowError};
use app::auth::session::SessionUser;
use app::state::AppState;

#[derive(Deserialize)]
pub struct SignInForm {
    email: String,
    password: String,
    #[serde(default)]
    next: String,
}

pub async fn sign_in(
    State(state): State<AppState>,
    current: Option<Extension<SessionUser>>,
    request: Request,
) -> Response {
    let client = client_address(&request);
    let Ok(Form(form)) = Form::<SignInForm>::from_request(request, &state).await else {
        return see_other("/login?fehler=ungueltig");
    };
    match flows::sign_in(&state, &form.email, &form.password, &client, Utc::now()).await {
        Ok(SignIn::Success { token }) => {
            // Rotation: a session that existed before signing in is never carried over.
            if let Some(Extension(old)) = current {
                let _ = flows::sign_out(&state, &old.session_hash).await;
            }
            with_cookie(
                see_other(safe_next(&form.next)),
                &state.sessions.cookie(&token),
            )
        }
        Ok(SignIn::Refused) => see_other(&login_retry("ungueltig", &form.next)),
        Ok(SignIn::Throttled) => see_other(&login_retry("gesperrt", &form.next)),
        Err(_) => see_other(&login_retry("technisch", &form.next)),
    }
}

pub async fn sign_out(
    State(state): State<AppState>,
    current: Option<Extension<SessionUser>>,
) -> Response {
    if let Some(Extension(user)) = current {
        if let Err(err) = flows::sign_out(&state, &user.session_hash).await {
            tracing::error!(?err, "sign-out failed");
        }
    }
    with_cookie(
        see_other("/login?hinweis=abgemeldet"),
        &state.sessions.clearing_cookie(),
    )
}

#[derive(Deserialize)]
pub struct NewPasswordForm {
    token: String,
    password: String,
    password_confirm: String,
}

pub async fn accept_invitation(
    State(state): State<AppState>,
    Form(form): Form<NewPasswordForm>,
) -> Response {
    let result = flows::accept_invitation(
        &state,
        &form.token,
        &form.password,
        &form.password_confirm,
        Utc::now(),
    )
    .await;
    token_flow_redirect(
        result,
        "/einladung",
        &form.token,
        "/login?hinweis=konto-aktiviert",
    )
}

#[derive(Deserialize)]
pub struct ResetRequestForm {
    email: String,
}

pub async fn request_reset(
    State(state): State<AppState>,
    Form(form): Form<ResetRequestForm>,
) -> Response {
    // The same answer whether or not the account exists.
    match flows::request_password_reset(&state, &form.email, Utc::now()).await {
        Ok(()) => see_other("/passwort-vergessen?hinweis=gesendet"),
        Err(_) => see_other("/passwort-vergessen?fehler=technisch"),
    }
}

pub async fn reset_password(
    State(state): State<AppState>,
    Form(form): Form<NewPasswordForm>,
) -> Response {
    let result = flows::reset_password(
        &state,
        &form.token,
        &form.password,
        &form.password_confirm,
        Utc::now(),
    )
    .await;
    token_flow_redirect(
        result,
        "/passwort-neu",
        &form.token,
        "/login?hinweis=passwort-geaendert",
    )
}

fn token_flow_redirect(
    result: Result<(), TokenFlowError>,
    page: &str,
    token: &str,
    success: &str,
) -> Response {
    let token = url_encode(token);
    match result {
        Ok(()) => see_other(success),
        Err(TokenFlowError::InvalidLink) => see_other(&format!("{page}?token={token}&fehler=link")),
        Err(TokenFlowError::Password(problem)) => {
            see_other(&format!("{page}?token={token}&fehler={}", problem.code()))
        }
        Err(TokenFlowError::Internal) => {
            see_other(&format!("{page}?token={token}&fehler=technisch"))
        }
    }
}

fn login_retry(code: &str, next: &str) -> String {
    let next = safe_next(next);
    if next == "/" {
        format!("/login?fehler={code}")
    } else {
        format!("/login?fehler={code}&next={}", url_encode(next))
    }
}

/// Only local paths: `//evil.example` or `https://…` would make the login an open redirect.
pub fn safe_next(next: &str) -> &str {
    let local = next.starts_with('/') && !next.starts_with("//") && !next.contains('\\');
    if local && !next.starts_with("/login") {
        next
    } else {
        "/"
    }
}

fn url_encode(value: &str) -> String {
    url::form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

fn client_address(request: &Request) -> String {
    request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip().to_string())
        .unwrap_or_else(|| "unknown".to_owned())
}

fn see_other(location: &str) -> Response {
    match HeaderValue::from_str(location) {
        Ok(value) => (StatusCode::SEE_OTHER, [(LOCATION, value)]).into_response(),
        Err(_) => (
            StatusCode::SEE_OTHER,
            [(LOCATION, HeaderValue::from_static("/"))],
        )
            .into_response(),
    }
}

fn with_cookie(mut response: Response, cookie: &str) -> Response {
    if let Ok(value) = HeaderValue::from_str(cookie) {
        response.headers_mut().append(SET_COOKIE, value);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn next_only_allows_local_paths() {
        assert_eq!(safe_next("/tracks/basiswissen"), "/tracks/basiswissen");
        for bad in [
            "//evil.example",
            "https://evil.example",
            "/\\evil",
            "",
            "/login?x",
        ] {
            assert_eq!(safe_next(bad), "/", "{bad}");
        }
    }
}
