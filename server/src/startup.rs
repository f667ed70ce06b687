//! Builds the HTTP application (`router`) and runs it until a shutdown signal arrives.

use std::sync::{Arc, OnceLock};

use anyhow::Context;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::Router;
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::services::ServeDir;
use tower_http::timeout::{RequestBodyTimeoutLayer, TimeoutLayer};
use tower_http::trace::TraceLayer;
use tracing::Level;

use app::state::AppState;
use app::{shell, App};

use crate::config::HttpLimits;
use crate::http::{
    account, api_errors, client, csrf, error_page, export, form_errors, headers, healthz, session,
};

/// The complete application: pages, server functions, assets, health check and middleware.
pub fn router(state: AppState, http: &HttpLimits) -> Router {
    let options = state.leptos_options.clone();
    let pkg_dir =
        std::path::Path::new(options.site_root.as_ref()).join(options.site_pkg_dir.as_ref());
    let routes = route_list();
    let https = state.base_url.starts_with("https://");

    let page_state = state.clone();
    let fallback_state = state.clone();
    let app = Router::new()
        .route("/healthz", get(healthz::healthz))
        .route("/login", post(account::sign_in))
        .route("/logout", post(account::sign_out))
        .route("/einladung", post(account::accept_invitation))
        .route("/passwort-vergessen", post(account::request_reset))
        .route("/passwort-neu", post(account::reset_password))
        .route("/team/export.csv", get(export::csv))
        .route("/team/export.xlsx", get(export::xlsx))
        .route(
            "/api/{*fn_name}",
            get(server_fn_handler).post(server_fn_handler),
        )
        .leptos_routes_with_context(
            &state,
            routes,
            move || provide_context(page_state.clone()),
            {
                let options = options.clone();
                move || shell(options.clone())
            },
        )
        .nest_service(
            "/pkg",
            tower::ServiceBuilder::new()
                .layer(middleware::from_fn(headers::hashed_asset_cache))
                // `lotse precompress` (part of `make build`) writes .br/.gz beside the files.
                .service(
                    ServeDir::new(pkg_dir)
                        .precompressed_br()
                        .precompressed_gzip(),
                ),
        )
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(
            move || provide_context(fallback_state.clone()), shell
        ))
        // Server functions are routed by `leptos_routes_with_context` too, so their answers
        // are corrected here, for every `/api/` path.
        .layer(middleware::from_fn(api_errors::map_server_fn_errors))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            session::resolve_session,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            csrf::refuse_cross_site,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            form_errors::sign_form_errors,
        ))
        .layer(middleware::from_fn_with_state(
            Arc::new(http.trusted_proxies.clone()),
            client::resolve_client,
        ))
        .with_state(state);

    headers::with_security_headers(app, https)
        // Bodies: at most 1 MiB, no stall longer than the header timeout, and the whole request
        // within the request timeout (a slow-drip body gets 408 instead of a worker forever).
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .layer(RequestBodyTimeoutLayer::new(http.header_timeout))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            http.request_timeout,
        ))
        // Dynamic pages are compressed at the fastest level (most of the gain, a fraction of the
        // CPU); browser assets are precompressed at the best level at build time.
        .layer(CompressionLayer::new().quality(tower_http::CompressionLevel::Fastest))
        .layer(
            TraceLayer::new_for_http()
                // Only method and path: query strings may carry one-time tokens.
                .make_span_with(|req: &Request<Body>| {
                    tracing::span!(Level::INFO, "request", method = %req.method(), path = %req.uri().path())
                })
                .on_response(
                    tower_http::trace::DefaultOnResponse::new()
                        .level(Level::INFO)
                        .latency_unit(tower_http::LatencyUnit::Millis),
                ),
        )
        .layer(CatchPanicLayer::custom(error_page::on_panic))
}

/// Form posts and server-function calls are small; larger bodies are refused with 413.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// The route list, generated once per process. Generating it sets a process-global flag in
/// leptos_server that leaves any resource first polled meanwhile pending forever (leptos issue
/// #4773); with one generation before the first router exists, no render can overlap it.
fn route_list() -> Vec<leptos_axum::AxumRouteListing> {
    static ROUTES: OnceLock<Vec<leptos_axum::AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

async fn server_fn_handler(
    State(state): State<AppState>,
    request: Request<Body>,
) -> impl IntoResponse {
    leptos_axum::handle_server_fns_with_context(move || provide_context(state.clone()), request)
        .await
}

/// Serves until Ctrl-C or SIGTERM, then lets running requests finish.
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: Router,
    http: &HttpLimits,
) -> anyhow::Result<()> {
    crate::http::listener::serve(listener, app, http, shutdown_signal())
        .await
        .context("server error")
}

/// Resolves on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(err) = tokio::signal::ctrl_c().await {
            tracing::error!(%err, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut sig) => {
                sig.recv().await;
            }
            Err(err) => {
                tracing::error!(%err, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
}
