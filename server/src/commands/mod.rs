//! One module per CLI command.

pub mod assets;
pub mod backup;
pub mod content;
pub mod demo;
pub mod migrate;
pub mod retention;
pub mod search_bench;
pub mod serve;
pub mod user;

use anyhow::Context;

use app::store::DynStore;

use crate::config::Config;

/// Opens and migrates the configured database, with a one-line error naming the (redacted) URL.
pub async fn open_store(config: &Config) -> anyhow::Result<DynStore> {
    let store = app::store::connect(config.database_url.expose())
        .await
        .with_context(|| format!("cannot open database {}", config.database_url))?;
    store
        .migrate()
        .await
        .with_context(|| format!("cannot migrate database {}", config.database_url))?;
    Ok(store)
}
