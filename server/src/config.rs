//! Typed configuration, loaded once: flags > environment > `lotse.toml` > defaults.

use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use serde::Deserialize;

use crate::cli::{GlobalArgs, ServeArgs};

pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/lotse.db";
pub const DEFAULT_LISTEN: &str = "127.0.0.1:3000";

/// A database URL whose password never appears in `Debug` or `Display`.
#[derive(Clone, PartialEq, Eq)]
pub struct DatabaseUrl(String);

impl DatabaseUrl {
    pub fn expose(&self) -> &str {
        &self.0
    }
    pub fn is_sqlite(&self) -> bool {
        self.0.starts_with("sqlite:")
    }
}

impl fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", app::store::redact_url(&self.0))
    }
}

impl fmt::Display for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&app::store::redact_url(&self.0))
    }
}

/// Settings shared by all commands.
#[derive(Debug, Clone)]
pub struct Config {
    pub database_url: DatabaseUrl,
    pub content_dir: PathBuf,
    pub log: String,
    pub retention: app::domain::retention::RetentionPolicy,
    file: FileConfig,
}

/// Settings only `serve` (and `worker`) need.
#[derive(Debug, Clone)]
pub struct ServeConfig {
    pub listen: SocketAddr,
    pub base_url: String,
    pub site_root: PathBuf,
    pub import_on_start: bool,
    pub mail: MailConfig,
    pub sessions: app::domain::session::SessionPolicy,
    pub cookie: app::auth::cookie::SessionCookie,
    pub http: HttpLimits,
}

/// Protection against slow or greedy clients.
#[derive(Debug, Clone)]
pub struct HttpLimits {
    /// Time to send the request headers (and, per read, a request body).
    pub header_timeout: std::time::Duration,
    /// Time for the whole request, from the first byte to the response.
    pub request_timeout: std::time::Duration,
    pub max_connections: usize,
    /// Proxies whose `X-Forwarded-For` is believed.
    pub trusted_proxies: Vec<ipnet::IpNet>,
}

impl Default for HttpLimits {
    fn default() -> Self {
        HttpLimits {
            header_timeout: std::time::Duration::from_secs(10),
            request_timeout: std::time::Duration::from_secs(30),
            max_connections: 1024,
            trusted_proxies: Vec::new(),
        }
    }
}

/// `10.0.0.5, 192.168.0.0/24` → networks (a single address is a /32 or /128).
pub fn parse_proxies(list: &str) -> anyhow::Result<Vec<ipnet::IpNet>> {
    list.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|item| {
            item.parse::<ipnet::IpNet>()
                .or_else(|_| item.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
                .with_context(|| format!("trusted_proxies: {item:?} is not an address or network"))
        })
        .collect()
}

#[derive(Clone)]
pub struct MailConfig {
    pub smtp_url: Option<String>,
    pub from: String,
    pub outbox_dir: PathBuf,
}

impl fmt::Debug for MailConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MailConfig")
            .field(
                "smtp_url",
                &self.smtp_url.as_deref().map(app::store::redact_url),
            )
            .field("from", &self.from)
            .field("outbox_dir", &self.outbox_dir)
            .finish()
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    database_url: Option<String>,
    content_dir: Option<PathBuf>,
    log: Option<String>,
    listen: Option<SocketAddr>,
    base_url: Option<String>,
    site_root: Option<PathBuf>,
    smtp_url: Option<String>,
    mail_from: Option<String>,
    outbox_dir: Option<PathBuf>,
    secure_cookies: Option<bool>,
    session_idle_minutes: Option<u32>,
    session_max_hours: Option<u32>,
    trusted_proxies: Option<String>,
    max_connections: Option<usize>,
    header_timeout_seconds: Option<u64>,
    request_timeout_seconds: Option<u64>,
    retention_details_days: Option<u32>,
    retention_completions_years: Option<u32>,
}

impl Config {
    pub fn load(args: &GlobalArgs) -> anyhow::Result<Config> {
        let file = match &args.config {
            Some(path) => read_file(path)?,
            None if Path::new("lotse.toml").exists() => read_file(Path::new("lotse.toml"))?,
            None => FileConfig::default(),
        };
        let database_url = args
            .database_url
            .clone()
            .or_else(|| file.database_url.clone())
            .unwrap_or_else(|| DEFAULT_DATABASE_URL.to_owned());
        if !(database_url.starts_with("sqlite:") || database_url.starts_with("postgres")) {
            bail!(
                "unsupported DATABASE_URL {}: use sqlite://PATH or postgres://…",
                app::store::redact_url(&database_url)
            );
        }
        let defaults = app::domain::retention::RetentionPolicy::default();
        let retention = app::domain::retention::RetentionPolicy {
            details_days: args
                .retention_details_days
                .or(file.retention_details_days)
                .unwrap_or(defaults.details_days),
            completions_years: args
                .retention_completions_years
                .or(file.retention_completions_years)
                .unwrap_or(defaults.completions_years),
        };
        if retention.details_days == 0 || retention.completions_years == 0 {
            bail!("retention_details_days and retention_completions_years must be positive");
        }
        Ok(Config {
            database_url: DatabaseUrl(database_url),
            retention,
            content_dir: args
                .content_dir
                .clone()
                .or_else(|| file.content_dir.clone())
                .unwrap_or_else(|| PathBuf::from("content")),
            log: args
                .log
                .clone()
                .or_else(|| file.log.clone())
                .unwrap_or_else(|| "info".to_owned()),
            file,
        })
    }

    pub fn serve(&self, args: &ServeArgs) -> anyhow::Result<ServeConfig> {
        let listen = match args.listen.or(self.file.listen) {
            Some(addr) => addr,
            None => DEFAULT_LISTEN.parse().context("default listen address")?,
        };
        let base_url = args
            .base_url
            .clone()
            .or_else(|| self.file.base_url.clone())
            .unwrap_or_else(|| format!("http://{listen}"));
        url::Url::parse(&base_url).with_context(|| format!("invalid base_url {base_url:?}"))?;
        let f = &self.file;
        let idle = args
            .session_idle_minutes
            .or(f.session_idle_minutes)
            .unwrap_or(30);
        let max = args.session_max_hours.or(f.session_max_hours).unwrap_or(12);
        if idle == 0 || max == 0 {
            anyhow::bail!("session_idle_minutes and session_max_hours must be positive");
        }
        let sessions = app::domain::session::SessionPolicy {
            idle: chrono::Duration::minutes(i64::from(idle)),
            absolute: chrono::Duration::hours(i64::from(max)),
        };
        let cookie = app::auth::cookie::SessionCookie {
            secure: args
                .secure_cookies
                .or(f.secure_cookies)
                .unwrap_or_else(|| base_url.starts_with("https://")),
            max_age_seconds: sessions.absolute.num_seconds(),
        };
        let defaults = HttpLimits::default();
        let seconds = std::time::Duration::from_secs;
        let http = HttpLimits {
            header_timeout: args
                .header_timeout_seconds
                .or(f.header_timeout_seconds)
                .map_or(defaults.header_timeout, seconds),
            request_timeout: args
                .request_timeout_seconds
                .or(f.request_timeout_seconds)
                .map_or(defaults.request_timeout, seconds),
            max_connections: args
                .max_connections
                .or(f.max_connections)
                .unwrap_or(defaults.max_connections),
            trusted_proxies: match args.trusted_proxies.as_ref().or(f.trusted_proxies.as_ref()) {
                Some(list) => parse_proxies(list)?,
                None => Vec::new(),
            },
        };
        if http.header_timeout.is_zero()
            || http.request_timeout.is_zero()
            || http.max_connections == 0
        {
            anyhow::bail!("timeouts and max_connections must be positive");
        }
        let mail = MailConfig {
            smtp_url: args.smtp_url.clone().or_else(|| f.smtp_url.clone()),
            from: args
                .mail_from
                .clone()
                .or_else(|| f.mail_from.clone())
                .unwrap_or_else(|| "Lotse <lotse@localhost>".to_owned()),
            outbox_dir: args
                .outbox_dir
                .clone()
                .or_else(|| f.outbox_dir.clone())
                .unwrap_or_else(|| PathBuf::from("data/outbox")),
        };
        Ok(ServeConfig {
            mail,
            sessions,
            cookie,
            http,
            listen,
            base_url: base_url.trim_end_matches('/').to_owned(),
            site_root: args
                .site_root
                .clone()
                .or_else(|| self.file.site_root.clone())
                .unwrap_or_else(|| PathBuf::from("target/site")),
            import_on_start: !args.no_import,
        })
    }
}

fn read_file(path: &Path) -> anyhow::Result<FileConfig> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read configuration file {}", path.display()))?;
    toml::from_str(&text)
        .map_err(|e| anyhow::anyhow!("configuration file {}: {}", path.display(), e.message()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args() -> GlobalArgs {
        GlobalArgs {
            config: None,
            database_url: None,
            content_dir: None,
            log: None,
            retention_details_days: None,
            retention_completions_years: None,
        }
    }

    #[test]
    fn debug_output_never_contains_the_database_password() {
        let mut a = args();
        a.database_url = Some("postgres://lotse:supergeheim@db/lotse".into());
        let config = Config::load(&a).unwrap();
        let printed = format!("{config:?} {}", config.database_url);
        assert!(!printed.contains("supergeheim"), "{printed}");
        assert_eq!(
            config.database_url.expose(),
            "postgres://lotse:supergeheim@db/lotse"
        );
    }

    #[test]
    fn flags_win_over_the_file_and_the_file_over_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lotse.toml");
        std::fs::write(
            &path,
            "content_dir = \"kurse\"\nlisten = \"0.0.0.0:8080\"\nlog = \"debug\"\n",
        )
        .unwrap();
        let mut a = args();
        a.config = Some(path);
        a.log = Some("warn".into());
        let config = Config::load(&a).unwrap();
        assert_eq!(config.content_dir, PathBuf::from("kurse"));
        assert_eq!(config.log, "warn");
        assert_eq!(config.database_url.expose(), DEFAULT_DATABASE_URL);
        let serve = config
            .serve(&ServeArgs {
                listen: None,
                base_url: None,
                site_root: None,
                smtp_url: Some("smtps://u:geheim@mail.example.org".into()),
                mail_from: None,
                outbox_dir: None,
                secure_cookies: None,
                session_idle_minutes: None,
                session_max_hours: None,
                trusted_proxies: Some("10.0.0.5, 192.168.0.0/24".into()),
                max_connections: None,
                header_timeout_seconds: None,
                request_timeout_seconds: None,
                no_import: false,
            })
            .unwrap();
        assert_eq!(serve.listen.to_string(), "0.0.0.0:8080");
        assert_eq!(serve.base_url, "http://0.0.0.0:8080");
        assert!(!serve.cookie.secure, "plain http base URL");
        assert_eq!(
            serve.sessions.idle,
            chrono::Duration::minutes(30),
            "ASVS idle default"
        );
        assert_eq!(serve.http.trusted_proxies.len(), 2);
        assert!(parse_proxies("kein-proxy").is_err());
        assert!(
            !format!("{serve:?}").contains("geheim"),
            "SMTP password in Debug output"
        );
    }

    #[test]
    fn unknown_keys_in_the_file_are_reported() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lotse.toml");
        std::fs::write(&path, "databse_url = \"sqlite://x.db\"\n").unwrap();
        let mut a = args();
        a.config = Some(path);
        let err = Config::load(&a).unwrap_err().to_string();
        assert!(err.contains("databse_url"), "{err}");
    }

    #[test]
    fn unsupported_database_schemes_are_refused() {
        let mut a = args();
        a.database_url = Some("mysql://root@localhost/lotse".into());
        assert!(Config::load(&a).is_err());
    }
}
