//! `lotse import` and `lotse check`: the content pipeline from the shell.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use app::store::DynStore;

use crate::config::Config;

pub async fn import(config: &Config, dir: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    let dir = dir.unwrap_or_else(|| config.content_dir.clone());
    let _store = super::open_store(config).await?;
    anyhow::bail!("content import from {} is not implemented yet", dir.display())
}

pub fn check(config: &Config, dir: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    let dir = dir.unwrap_or_else(|| config.content_dir.clone());
    anyhow::bail!("content check of {} is not implemented yet", dir.display())
}

pub async fn import_on_start(_store: &DynStore, _dir: &Path) {}
