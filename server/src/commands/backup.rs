//! `lotse backup FILE`: consistent online copy of the SQLite database.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{bail, Context};

use crate::config::Config;

pub async fn run(config: &Config, file: &Path) -> anyhow::Result<ExitCode> {
    if !config.database_url.is_sqlite() {
        println!(
            "Lotse uses PostgreSQL here. Back it up with the PostgreSQL tools, for example:\n\
             \n    pg_dump --format=custom --file={} \"$DATABASE_URL\"\n\
             \nand restore with `pg_restore --clean --dbname=\"$DATABASE_URL\" FILE`.",
            file.display()
        );
        return Ok(ExitCode::SUCCESS);
    }
    if file.exists() {
        bail!(
            "backup target {} already exists; choose a new file name",
            file.display()
        );
    }
    let store = app::store::SqliteStore::connect(config.database_url.expose())
        .await
        .with_context(|| format!("cannot open database {}", config.database_url))?;
    store
        .backup_into(file)
        .await
        .with_context(|| format!("cannot write backup to {}", file.display()))?;
    println!("Backup written to {}.", file.display());
    Ok(ExitCode::SUCCESS)
}
