//! Resolves the session cookie once per request into a `SessionUser` request extension, which
//! pages and server functions read through Leptos' request context. Expiry and when to extend a
//! session are `domain::session::SessionPolicy::check`.

use axum::extract::{Request, State};
use axum::http::header::COOKIE;
use axum::middleware::Next;
use axum::response::Response;

use app::auth::session::SessionUser;
use app::auth::token::hash_token;
use app::domain::session::SessionCheck;
use app::state::AppState;

pub async fn resolve_session(
    State(state): State<AppState>,
    mut req: Request,
    next: Next,
) -> Response {
    let token = req
        .headers()
        .get(COOKIE)
        .and_then(|h| h.to_str().ok())
        .and_then(|h| state.cookie.token_from_header(h))
        .map(str::to_owned);
    if let Some(token) = token {
        if let Some(user) = session_user(&state, &token).await {
            req.extensions_mut().insert(user);
        }
    }
    next.run(req).await
}

async fn session_user(state: &AppState, token: &str) -> Option<SessionUser> {
    let hash = hash_token(token);
    let now = state.now();
    let record = match state.hot.session(&hash) {
        Some(record) => record,
        None => match state.store.find_session(&hash, now).await {
            Ok(record) => {
                let record = record?;
                state.hot.keep_session(&hash, record.clone());
                record
            }
            Err(err) => {
                tracing::error!(%err, "session lookup failed");
                return None;
            }
        },
    };
    match state.sessions.check(
        record.created_at,
        record.last_seen_at,
        record.user.active,
        now,
    ) {
        SessionCheck::End => {
            state.hot.forget_session(&hash);
            if let Err(err) = state.store.delete_session(&hash).await {
                tracing::error!(%err, "cannot delete session");
            }
            return None;
        }
        SessionCheck::Keep {
            extend_to: Some(expires_at),
        } => {
            if let Err(err) = state.store.touch_session(&hash, now, expires_at).await {
                tracing::warn!(%err, "cannot extend session");
            }
            let mut touched = record.clone();
            touched.last_seen_at = now;
            state.hot.keep_session(&hash, touched);
        }
        SessionCheck::Keep { extend_to: None } => {}
    }
    let user = record.user;
    Some(SessionUser {
        session_hash: hash,
        user_id: user.id,
        email: user.email,
        display_name: user.display_name,
        roles: user.roles,
        organisation_id: user.organisation_id,
        team_id: user.team_id,
        supervised_teams: user.supervised_teams,
        active: user.active,
    })
}
