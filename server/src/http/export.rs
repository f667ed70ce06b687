//! `/team/export.csv` and `/team/export.xlsx`: downloads of the `/team` table with the same
//! filters (query parameters). The use case checks permissions and writes the audit log.

use std::collections::HashMap;

use axum::extract::{Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;

use app::auth::session::SessionUser;
use app::error::AppError;
use app::service::oversight::export::{export, Format};
use app::state::AppState;

pub async fn csv(
    state: State<AppState>,
    user: Option<Extension<SessionUser>>,
    query: Query<HashMap<String, String>>,
) -> Response {
    download(state, user, query, Format::Csv).await
}

pub async fn xlsx(
    state: State<AppState>,
    user: Option<Extension<SessionUser>>,
    query: Query<HashMap<String, String>>,
) -> Response {
    download(state, user, query, Format::Xlsx).await
}

async fn download(
    State(state): State<AppState>,
    user: Option<Extension<SessionUser>>,
    Query(q): Query<HashMap<String, String>>,
    format: Format,
) -> Response {
    let Some(Extension(user)) = user else {
        return (
            StatusCode::SEE_OTHER,
            [(header::LOCATION, "/login?hinweis=anmelden&next=%2Fteam")],
        )
            .into_response();
    };
    let get = |k: &str| q.get(k).map(String::as_str).unwrap_or_default();
    let filter = app::api::oversight::board_filter(
        get("office"),
        get("team"),
        get("track"),
        get("status"),
        get("pflicht"),
        "1",
    );
    match export(&state, &user, filter, format).await {
        Ok(file) => {
            let disposition = format!("attachment; filename=\"{}\"", file.file_name);
            let mut response = file.bytes.into_response();
            let headers = response.headers_mut();
            headers.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static(format.content_type()),
            );
            if let Ok(value) = HeaderValue::from_str(&disposition) {
                headers.insert(header::CONTENT_DISPOSITION, value);
            }
            response
        }
        Err(err) => {
            let status = StatusCode::from_u16(err.status_code())
                .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            let text = match err {
                AppError::Internal => AppError::Internal.to_string(),
                other => other.to_string(),
            };
            (
                status,
                [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
                text,
            )
                .into_response()
        }
    }
}
