//! `GET /healthz`: 200 when the database answers, 503 otherwise, always with a JSON body. It
//! names no versions: a health check is public and must not help an attacker pick exploits.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde::Serialize;

use app::state::AppState;

#[derive(Debug, Serialize)]
pub struct Health {
    status: &'static str,
    database: &'static str,
}

pub async fn healthz(State(state): State<AppState>) -> (StatusCode, Json<Health>) {
    let ping = tokio::time::timeout(std::time::Duration::from_secs(3), state.store.ping()).await;
    let ok = matches!(ping, Ok(Ok(())));
    if !ok {
        tracing::warn!(?ping, "health check: database not reachable");
    }
    let status = if ok {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (
        status,
        Json(Health {
            status: if ok { "ok" } else { "error" },
            database: if ok { "ok" } else { "unreachable" },
        }),
    )
}
