//! Command-line interface of the `lotse` binary.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Lotse – self-hosted learning platform for the staff of German immigration offices.
///
/// Every setting can be given as a flag, as an environment variable or in the optional
/// configuration file (`lotse.toml`, TOML keys as shown); flags win over environment variables,
/// which win over the file.
#[derive(Debug, Parser)]
#[command(
    name = "lotse",
    version,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Configuration file (TOML). Missing file is fine unless given explicitly.
    /// [default: lotse.toml]
    #[arg(
        long,
        global = true,
        env = "LOTSE_CONFIG",
        hide_env_values = true,
        value_name = "FILE"
    )]
    pub config: Option<PathBuf>,

    /// Database: `sqlite://PATH` (created on first run) or `postgres://USER:PASS@HOST/DB`.
    /// The password is never printed. [toml: database_url] [default: sqlite://data/lotse.db]
    #[arg(
        long,
        global = true,
        env = "DATABASE_URL",
        hide_env_values = true,
        value_name = "URL"
    )]
    pub database_url: Option<String>,

    /// Folder with the curriculum (tracks/modules/lessons in Markdown).
    /// [toml: content_dir] [default: content]
    #[arg(
        long,
        global = true,
        env = "LOTSE_CONTENT_DIR",
        hide_env_values = true,
        value_name = "DIR"
    )]
    pub content_dir: Option<PathBuf>,

    /// Log filter in tracing-subscriber syntax, e.g. `info` or `lotse=debug,sqlx=warn`.
    /// [toml: log] [default: info]
    #[arg(
        long,
        global = true,
        env = "LOTSE_LOG",
        hide_env_values = true,
        value_name = "FILTER"
    )]
    pub log: Option<String>,

    /// Days after a track's completion until its page-view events and quiz answer details are
    /// deleted. [toml: retention_details_days] [default: 90]
    #[arg(
        long,
        global = true,
        env = "LOTSE_RETENTION_DETAILS_DAYS",
        value_name = "DAYS"
    )]
    pub retention_details_days: Option<u32>,

    /// Years a completion record is kept. [toml: retention_completions_years] [default: 5]
    #[arg(
        long,
        global = true,
        env = "LOTSE_RETENTION_COMPLETIONS_YEARS",
        value_name = "YEARS"
    )]
    pub retention_completions_years: Option<u32>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Migrate the database, import the content folder and serve the web application.
    Serve(ServeArgs),
    /// Run only the background work (mail delivery, pruning), without serving pages; for
    /// deployments that separate web and worker processes. Takes the same settings as `serve`.
    Worker(ServeArgs),
    /// Apply pending database migrations and exit.
    Migrate,
    /// Validate and import a content folder into the database.
    Import {
        /// Content folder [default: the configured content_dir]
        dir: Option<PathBuf>,
    },
    /// Validate a content folder; prints `file:line: level: message`, exits 1 on errors.
    Check {
        /// Content folder [default: the configured content_dir]
        dir: Option<PathBuf>,
    },
    /// Manage user accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// Create a clearly marked demo office with one user per role and print their passwords
    /// (for evaluation; running it again sets new passwords).
    Demo {
        /// Do nothing unless the database has no users yet.
        #[arg(long)]
        if_empty: bool,
    },
    /// Write `.br` and `.gz` copies of the built browser assets next to them (a build step:
    /// `make build` runs it), so they are served compressed without compressing per request.
    Precompress {
        /// Folder of the assets [default: <site_root>/pkg]
        dir: Option<PathBuf>,
    },
    /// Delete learning details and completion records whose retention period has passed
    /// (the same runs daily inside `serve` and `worker`).
    Retention {
        /// Only count what would be deleted.
        #[arg(long)]
        dry_run: bool,
    },
    /// Measure the search index on the configured database: build time and query latency
    /// (for `make bench`).
    #[command(hide = true)]
    SearchBench {
        /// Index builds to time.
        #[arg(long, default_value_t = 5)]
        builds: usize,
        /// Queries to time (cycling through a fixed mix).
        #[arg(long, default_value_t = 2000)]
        queries: usize,
    },
    /// Write a consistent copy of the SQLite database while Lotse keeps running.
    Backup {
        /// Target file; must not exist yet.
        file: PathBuf,
    },
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address and port to listen on. [toml: listen] [default: 127.0.0.1:3000]
    #[arg(
        long,
        env = "LOTSE_LISTEN",
        hide_env_values = true,
        value_name = "ADDR"
    )]
    pub listen: Option<SocketAddr>,

    /// Public base URL, used in links inside emails. [toml: base_url]
    /// [default: http://<listen>]
    #[arg(
        long,
        env = "LOTSE_BASE_URL",
        hide_env_values = true,
        value_name = "URL"
    )]
    pub base_url: Option<String>,

    /// Folder with the built browser assets (`pkg/`) from cargo-leptos.
    /// [toml: site_root] [default: target/site]
    #[arg(
        long,
        env = "LOTSE_SITE_ROOT",
        hide_env_values = true,
        value_name = "DIR"
    )]
    pub site_root: Option<PathBuf>,

    /// SMTP server for outgoing mail, e.g. `smtp://relay.example.internal:25`,
    /// `smtps://user:password@mail.example.org` or `smtp://host:587?tls=required`. Without it,
    /// mails are written as .eml files to the outbox folder. [toml: smtp_url]
    #[arg(
        long,
        env = "LOTSE_SMTP_URL",
        hide_env_values = true,
        value_name = "URL"
    )]
    pub smtp_url: Option<String>,

    /// Sender of outgoing mail. [toml: mail_from] [default: Lotse <lotse@localhost>]
    #[arg(
        long,
        env = "LOTSE_MAIL_FROM",
        hide_env_values = true,
        value_name = "MAILBOX"
    )]
    pub mail_from: Option<String>,

    /// Folder for .eml files when no SMTP server is configured. [toml: outbox_dir]
    /// [default: data/outbox]
    #[arg(
        long,
        env = "LOTSE_OUTBOX_DIR",
        hide_env_values = true,
        value_name = "DIR"
    )]
    pub outbox_dir: Option<PathBuf>,

    /// Send the session cookie only over HTTPS. [toml: secure_cookies]
    /// [default: true when base_url starts with https]
    #[arg(
        long,
        env = "LOTSE_SECURE_COOKIES",
        hide_env_values = true,
        value_name = "BOOL"
    )]
    pub secure_cookies: Option<bool>,

    /// Sign out after this many minutes without activity. [toml: session_idle_minutes]
    /// [default: 30]
    #[arg(
        long,
        env = "LOTSE_SESSION_IDLE_MINUTES",
        hide_env_values = true,
        value_name = "MIN"
    )]
    pub session_idle_minutes: Option<u32>,

    /// Sign out this many hours after signing in, however active. [toml: session_max_hours]
    /// [default: 12]
    #[arg(
        long,
        env = "LOTSE_SESSION_MAX_HOURS",
        hide_env_values = true,
        value_name = "HOURS"
    )]
    pub session_max_hours: Option<u32>,

    /// Reverse proxies whose `X-Forwarded-For` is believed (comma-separated addresses or
    /// networks, e.g. `10.0.0.5,192.168.0.0/24`). Without it the peer address is the client.
    /// [toml: trusted_proxies]
    #[arg(
        long,
        env = "LOTSE_TRUSTED_PROXIES",
        hide_env_values = true,
        value_name = "LIST"
    )]
    pub trusted_proxies: Option<String>,

    /// Most simultaneous connections; more wait in the kernel's queue. [toml: max_connections]
    /// [default: 1024]
    #[arg(
        long,
        env = "LOTSE_MAX_CONNECTIONS",
        hide_env_values = true,
        value_name = "N"
    )]
    pub max_connections: Option<usize>,

    /// Seconds a client may take to send the request headers, and to send each part of a
    /// body. [toml: header_timeout_seconds] [default: 10]
    #[arg(
        long,
        env = "LOTSE_HEADER_TIMEOUT_SECONDS",
        hide_env_values = true,
        value_name = "S"
    )]
    pub header_timeout_seconds: Option<u64>,

    /// Seconds a whole request may take, body included. [toml: request_timeout_seconds]
    /// [default: 30]
    #[arg(
        long,
        env = "LOTSE_REQUEST_TIMEOUT_SECONDS",
        hide_env_values = true,
        value_name = "S"
    )]
    pub request_timeout_seconds: Option<u64>,

    /// Skip importing the content folder on start.
    #[arg(long, env = "LOTSE_NO_IMPORT", hide_env_values = true)]
    pub no_import: bool,
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create an administrator account (asks for the password, or reads LOTSE_ADMIN_PASSWORD).
    CreateAdmin {
        /// Email address used to sign in.
        #[arg(long)]
        email: String,
        /// Name shown in the application.
        #[arg(long, default_value = "Administration")]
        name: String,
    },
}
