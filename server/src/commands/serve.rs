//! `lotse serve`: migrate, import content, serve.

use std::process::ExitCode;

use anyhow::Context;
use leptos::prelude::LeptosOptions;

use app::state::AppState;

use crate::config::{Config, ServeConfig};

pub async fn run(config: &Config, serve: &ServeConfig) -> anyhow::Result<ExitCode> {
    let store = super::open_store(config).await?;
    tracing::info!(database = %config.database_url, "database ready");

    if serve.import_on_start {
        super::content::import_on_start(&store, &config.content_dir).await;
    }

    let listener = tokio::net::TcpListener::bind(serve.listen)
        .await
        .with_context(|| format!("cannot listen on {}", serve.listen))?;
    let mut state = app_state(store.clone(), serve).await?;
    state.retention = config.retention;
    let app = crate::startup::router(state.clone(), &serve.http);
    // The search index of the imported content, built while the first pages are served.
    let warm = state.clone();
    tokio::spawn(async move {
        if let Err(err) = warm.search.index(&warm.store, &warm.content).await {
            tracing::warn!(%err, "search index not built at start; the first search builds it");
        }
    });

    println!("Lotse läuft auf {}/", serve.base_url);
    if store.count_users().await? == 0 {
        println!(
            "Noch kein Konto vorhanden. Erstes Administrationskonto anlegen:\n  \
             lotse user create-admin --email admin@example.org"
        );
    }
    let (stop_jobs, jobs_stopped) = tokio::sync::oneshot::channel::<()>();
    let jobs = tokio::spawn(crate::jobs::run(state, async {
        let _ = jobs_stopped.await;
    }));
    crate::startup::serve(listener, app, &serve.http).await?;
    let _ = stop_jobs.send(());
    let _ = jobs.await;
    store.close().await;
    tracing::info!("stopped");
    Ok(ExitCode::SUCCESS)
}

/// `lotse worker`: only the background loop, until Ctrl-C or SIGTERM.
pub async fn worker(config: &Config, serve: &ServeConfig) -> anyhow::Result<ExitCode> {
    let store = super::open_store(config).await?;
    let mut state = app_state(store.clone(), serve).await?;
    state.retention = config.retention;
    println!("Lotse-Hintergrunddienst läuft (E-Mail-Versand, Aufräumen).");
    crate::jobs::run(state, crate::startup::shutdown_signal()).await;
    store.close().await;
    Ok(ExitCode::SUCCESS)
}

/// The application state for `serve` and `worker`.
pub async fn app_state(
    store: app::store::DynStore,
    serve: &ServeConfig,
) -> anyhow::Result<AppState> {
    let mailer = app::mail::Mailer::from_config(
        serve.mail.smtp_url.as_deref(),
        &serve.mail.from,
        serve.mail.outbox_dir.clone(),
    )
    .context("mail configuration")?;
    let url_key = AppState::load_url_key(&store)
        .await
        .context("cannot read the signing key from the database")?;
    Ok(AppState {
        store,
        leptos_options: leptos_options(serve),
        mailer,
        sessions: serve.sessions,
        cookie: serve.cookie,
        base_url: serve.base_url.clone(),
        clock: app::clock::Clock::System,
        hashing: std::sync::Arc::new(tokio::sync::Semaphore::new(AppState::HASHING_PERMITS)),
        content: std::sync::Arc::default(),
        search: std::sync::Arc::default(),
        hot: std::sync::Arc::default(),
        retention: app::domain::retention::RetentionPolicy::default(),
        url_key,
    })
}

/// Leptos settings derived from our configuration (not from cargo-leptos environment variables,
/// so the binary behaves the same however it is started).
pub fn leptos_options(serve: &ServeConfig) -> LeptosOptions {
    // cargo-leptos writes hash.txt next to the binary when it hashes asset names.
    let hashed = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(|dir| dir.join("hash.txt").exists()))
        .unwrap_or(false);
    LeptosOptions::builder()
        .output_name("lotse")
        .site_root(serve.site_root.to_string_lossy().into_owned())
        .site_pkg_dir("pkg")
        .site_addr(serve.listen)
        .hash_files(hashed)
        .build()
}
