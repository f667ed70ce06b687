//! Form handlers for signing in and out, accepting invitations and resetting passwords.
//! Plain POST + redirect, so they work without JavaScript; messages travel as short codes in
//! the redirect URL and the German text is rendered by the page.

use axum::extract::{FromRequest, Request, State};
use axum::http::header::{LOCATION, SET_COOKIE};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Form};
use serde::Deserialize;

use app::auth::session::SessionUser;
use app::service::accounts::{self as flows, SignIn, TokenFlowError};
use app::state::AppState;

use super::client::ClientAddress;
use super::redirect::safe_next;

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
    Extension(ClientAddress(client)): Extension<ClientAddress>,
    request: Request,
) -> Response {
    let Ok(Form(form)) = Form::<SignInForm>::from_request(request, &state).await else {
        return see_other("/login?fehler=ungueltig");
    };
    let now = state.now();
    match flows::sign_in(&state, &form.email, &form.password, &client, now).await {
        Ok(SignIn::Success { token }) => {
            // Rotation: a session that existed before signing in is never carried over.
            if let Some(Extension(old)) = current {
                let _ = flows::sign_out(&state, &old.session_hash).await;
            }
            with_cookie(
                see_other(&safe_next(&form.next, &state.base_url)),
                &state.cookie.set(&token),
            )
        }
        Ok(SignIn::Refused) => see_other(&login_retry(&state, "fehler=ungueltig", &form.next)),
        Ok(SignIn::Throttled { until }) => {
            let seconds = (until - now).num_seconds().max(1);
            let code = format!("fehler=gesperrt&warten={seconds}");
            see_other(&login_retry(&state, &code, &form.next))
        }
        Err(_) => see_other(&login_retry(&state, "fehler=technisch", &form.next)),
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
        &state.cookie.clear(),
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
        state.now(),
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
    Extension(ClientAddress(client)): Extension<ClientAddress>,
    Form(form): Form<ResetRequestForm>,
) -> Response {
    // The same answer whether or not the account exists; the mail is only queued.
    match flows::request_password_reset(&state, &form.email, &client, state.now()).await {
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
        state.now(),
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

fn login_retry(state: &AppState, code: &str, next: &str) -> String {
    let next = safe_next(next, &state.base_url);
    if next == "/" {
        format!("/login?{code}")
    } else {
        format!("/login?{code}&next={}", url_encode(&next))
    }
}

fn url_encode(value: &str) -> String {
    url::form_urlencoded::byte_serialize(value.as_bytes()).collect()
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
