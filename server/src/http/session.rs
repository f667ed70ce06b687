//! Resolves the session cookie once per request into a `SessionUser` request extension, which
//! pages and server functions read through Leptos' request context.

use axum::extract::{Request, State};
use axum::http::header::COOKIE;
use axum::middleware::Next;
use axum::response::Response;
use chrono::{Duration, Utc};

use app::auth::session::{token_from_cookie_header, SessionUser};
use app::auth::token::hash_token;
use app::state::AppState;

/// Sliding expiry is written at most this often per session, not on every request.
const TOUCH_INTERVAL_SECONDS: i64 = 60;

pub async fn resolve_session(
    State(state): State<AppState>,
    mut req: Request,
    next: Next,
) -> Response {
    let token = req
        .headers()
        .get(COOKIE)
        .and_then(|h| h.to_str().ok())
        .and_then(token_from_cookie_header)
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
    let now = Utc::now();
    let record = match state.store.find_session(&hash, now).await {
        Ok(record) => record?,
        Err(err) => {
            tracing::error!(%err, "session lookup failed");
            return None;
        }
    };
    let expires_at = state.sessions.expires_at(record.created_at, now);
    if !record.user.active || expires_at <= now {
        // Deactivated users and sessions past their absolute limit end here.
        if let Err(err) = state.store.delete_session(&hash).await {
            tracing::error!(%err, "cannot delete session");
        }
        return None;
    }
    if now - record.last_seen_at > Duration::seconds(TOUCH_INTERVAL_SECONDS) {
        if let Err(err) = state.store.touch_session(&hash, now, expires_at).await {
            tracing::warn!(%err, "cannot extend session");
        }
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
        supervised_teams: record.supervised_teams,
        active: user.active,
    })
}
