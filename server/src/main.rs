//! The `lotse` binary: parses the command line, loads the configuration once and dispatches.

use std::process::ExitCode;

use clap::Parser;

use server::cli::{Cli, Command};
use server::commands;
use server::config::Config;

/// Rendering a page allocates many small strings from several threads; mimalloc handles that
/// with less contention than the system allocator (measured with `make bench`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(err) => {
            eprintln!("error: cannot start the async runtime: {err}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(code) => code,
        Err(err) => {
            // One line, the whole cause chain, no backtrace.
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let config = Config::load(&cli.global)?;
    init_tracing(&config.log)?;
    match cli.command {
        Command::Serve(args) => commands::serve::run(&config, &config.serve(&args)?).await,
        Command::Worker(args) => commands::serve::worker(&config, &config.serve(&args)?).await,
        Command::Migrate => commands::migrate::run(&config).await,
        Command::Import { dir } => commands::content::import(&config, dir).await,
        Command::Check { dir } => commands::content::check(&config, dir),
        Command::User(cmd) => commands::user::run(&config, cmd).await,
        Command::Demo { if_empty } => commands::demo::run(&config, if_empty).await,
        Command::Retention { dry_run } => commands::retention::run(&config, dry_run).await,
        Command::Backup { file } => commands::backup::run(&config, &file).await,
        Command::SearchBench { builds, queries } => {
            commands::search_bench::run(&config, builds, queries).await
        }
        Command::Precompress { dir } => commands::assets::precompress(dir),
    }
}

fn init_tracing(filter: &str) -> anyhow::Result<()> {
    let filter = tracing_subscriber::EnvFilter::try_new(filter)
        .map_err(|e| anyhow::anyhow!("invalid log filter {filter:?}: {e}"))?;
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(false)
        .init();
    Ok(())
}
