//! `lotse import` and `lotse check`, and the import that runs when the server starts.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context};

use app::content::{self, Level, LoadResult};
use app::domain::content_sync::SyncReport;
use app::store::DynStore;

use crate::config::Config;

/// `lotse check [DIR]`: every problem as `file:line: level: message`, then the totals.
pub fn check(config: &Config, dir: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    let dir = dir.unwrap_or_else(|| config.content_dir.clone());
    let loaded = load(&dir)?;
    print_problems(&loaded);
    print_counts(&loaded);
    Ok(if loaded.has_errors() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// `lotse import [DIR]`: imports everything valid; exit code 1 if some files had errors.
pub async fn import(config: &Config, dir: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    let dir = dir.unwrap_or_else(|| config.content_dir.clone());
    let loaded = load(&dir)?;
    print_problems(&loaded);
    let store = super::open_store(config).await?;
    let report = store
        .sync_content(&loaded.course, &loaded.problems, chrono::Utc::now())
        .await;
    store.close().await;
    let report = report.context("cannot import content")?;
    print_counts(&loaded);
    println!("{}", describe(&report));
    Ok(if loaded.has_errors() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// On server start: import what is valid, log problems; never prevents the server from starting.
pub async fn import_on_start(store: &DynStore, dir: &Path) {
    if !dir.is_dir() {
        tracing::warn!(dir = %dir.display(), "content folder not found, nothing imported");
        return;
    }
    let today = chrono::Local::now().date_naive();
    let dir_owned = dir.to_path_buf();
    let loaded =
        match tokio::task::spawn_blocking(move || content::load_dir(&dir_owned, today)).await {
            Ok(loaded) => loaded,
            Err(err) => {
                tracing::error!(%err, "content loading failed");
                return;
            }
        };
    for problem in &loaded.problems {
        match problem.level {
            Level::Error => tracing::error!("{problem}"),
            Level::Warning => tracing::warn!("{problem}"),
        }
    }
    match store
        .sync_content(&loaded.course, &loaded.problems, chrono::Utc::now())
        .await
    {
        Ok(report) => tracing::info!(dir = %dir.display(), "content: {}", describe(&report)),
        Err(err) => tracing::error!(%err, "content import failed; serving what is stored"),
    }
}

fn load(dir: &Path) -> anyhow::Result<LoadResult> {
    if !dir.is_dir() {
        bail!("content folder {} does not exist", dir.display());
    }
    Ok(content::load_dir(dir, chrono::Local::now().date_naive()))
}

fn print_problems(loaded: &LoadResult) {
    for problem in &loaded.problems {
        println!("{problem}");
    }
}

fn print_counts(loaded: &LoadResult) {
    let c = content::counts(&loaded.course);
    let errors = loaded
        .problems
        .iter()
        .filter(|p| p.level == Level::Error)
        .count();
    let warnings = loaded.problems.len() - errors;
    println!(
        "{} tracks, {} modules, {} lessons, {} questions, {} words; {errors} errors, {warnings} warnings",
        c.tracks, c.modules, c.lessons, c.questions, c.words
    );
}

fn describe(r: &SyncReport) -> String {
    if r.wrote_nothing() {
        "import: nothing changed".to_owned()
    } else {
        format!(
            "import: {} created, {} revised, {} updated, {} archived",
            r.created, r.revised, r.touched, r.archived
        )
    }
}
