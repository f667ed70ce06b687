//! The German page shown when a request fails unexpectedly (e.g. a panic in a handler).

use std::any::Any;

use axum::body::Body;
use axum::http::{header, Response, StatusCode};

pub const ERROR_PAGE: &str = r#"<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Fehler – Lotse</title></head>
<body><main><h1>Es ist ein Fehler aufgetreten</h1>
<p>Ihre Anfrage konnte nicht bearbeitet werden. Ihre bisherigen Eingaben und Ihr Lernstand sind gespeichert.
Bitte versuchen Sie es in einigen Minuten erneut. Besteht das Problem weiter, wenden Sie sich an die Administration Ihrer Behörde.</p>
<p><a href="/">Zur Startseite</a></p></main></body></html>"#;

/// `CatchPanicLayer` handler: logs the panic, answers with the German error page.
pub fn on_panic(err: Box<dyn Any + Send + 'static>) -> Response<Body> {
    let detail = err
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| err.downcast_ref::<&str>().copied())
        .unwrap_or("unknown panic");
    tracing::error!(panic = detail, "request handler panicked");
    let mut response = Response::new(Body::from(ERROR_PAGE));
    *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        header::HeaderValue::from_static("text/html; charset=utf-8"),
    );
    response
}
