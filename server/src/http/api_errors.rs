//! Server-function answers with the right status. Leptos answers every failed server function
//! with 500; this maps the `AppError` in the body to its status (401, 403, 404, 409, 422 …) and
//! logs denials, and replaces the framework's own texts (which name the framework and its
//! internals) with a plain German answer.

use axum::body::{to_bytes, Body};
use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::Response;

use app::error::AppError;

/// The header `server_fn` puts on its error answers.
const SERVER_FN_ERROR: &str = "serverfnerror";
/// Error bodies are small JSON values; anything bigger is passed through untouched.
const MAX_ERROR_BODY: usize = 64 * 1024;

pub async fn map_server_fn_errors(req: Request, next: Next) -> Response {
    let path = req.uri().path().to_owned();
    if !path.starts_with("/api/") {
        return next.run(req).await;
    }
    let response = next.run(req).await;
    let status = response.status();
    if response.headers().contains_key(SERVER_FN_ERROR)
        && status == StatusCode::INTERNAL_SERVER_ERROR
    {
        return with_app_status(response, &path).await;
    }
    if !response.headers().contains_key(SERVER_FN_ERROR)
        && (status == StatusCode::BAD_REQUEST || status == StatusCode::NOT_FOUND)
        && !response.headers().contains_key(header::LOCATION)
    {
        // "Could not find a server function at the route …": no such endpoint.
        return json_error(
            StatusCode::NOT_FOUND,
            &AppError::NotFound("Die Schnittstelle".into()),
        );
    }
    response
}

async fn with_app_status(response: Response, path: &str) -> Response {
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_ERROR_BODY).await else {
        return json_error(StatusCode::INTERNAL_SERVER_ERROR, &AppError::Internal);
    };
    if let Ok(error) = serde_json::from_slice::<AppError>(&bytes) {
        let status =
            StatusCode::from_u16(error.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        match status {
            StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN => {
                tracing::warn!(%path, %status, "server function refused");
            }
            s if s.is_server_error() => tracing::error!(%path, %status, "server function failed"),
            _ => {}
        }
        parts.status = status;
    }
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(bytes))
}

fn json_error(status: StatusCode, error: &AppError) -> Response {
    let body = serde_json::to_vec(error).unwrap_or_default();
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}
