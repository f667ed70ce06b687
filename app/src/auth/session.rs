//! Server-side sessions: the cookie carries a random id, the database only its hash.

use chrono::{DateTime, Duration, Utc};

use crate::domain::Role;

pub const COOKIE_NAME: &str = "lotse_session";

/// Session lifetime rules (configurable; see `lotse serve --help`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionPolicy {
    /// Signed out after this long without a request.
    pub idle: Duration,
    /// Signed out this long after signing in, however active.
    pub absolute: Duration,
    /// Send the cookie only over HTTPS.
    pub secure_cookie: bool,
}

impl Default for SessionPolicy {
    fn default() -> Self {
        SessionPolicy {
            idle: Duration::hours(2),
            absolute: Duration::hours(12),
            secure_cookie: false,
        }
    }
}

impl SessionPolicy {
    /// When a session started at `created` and last used at `last_seen` ends.
    pub fn expires_at(&self, created: DateTime<Utc>, last_seen: DateTime<Utc>) -> DateTime<Utc> {
        (last_seen + self.idle).min(created + self.absolute)
    }

    /// `Set-Cookie` value for a new session id.
    pub fn cookie(&self, token: &str) -> String {
        format!(
            "{COOKIE_NAME}={token}; Path=/; HttpOnly; SameSite=Lax{}; Max-Age={}",
            if self.secure_cookie { "; Secure" } else { "" },
            self.absolute.num_seconds()
        )
    }

    /// `Set-Cookie` value that removes the cookie.
    pub fn clearing_cookie(&self) -> String {
        format!(
            "{COOKIE_NAME}=; Path=/; HttpOnly; SameSite=Lax{}; Max-Age=0",
            if self.secure_cookie { "; Secure" } else { "" }
        )
    }
}

/// The signed-in user of a request, resolved once by the session middleware.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionUser {
    pub session_hash: String,
    pub user_id: i64,
    pub email: String,
    pub display_name: String,
    pub roles: Vec<Role>,
    pub organisation_id: Option<i64>,
    pub team_id: Option<i64>,
    pub supervised_teams: Vec<i64>,
    pub active: bool,
}

/// Extracts the session token from a `Cookie` header value.
pub fn token_from_cookie_header(header: &str) -> Option<&str> {
    header
        .split(';')
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE_NAME)
        .map(|(_, value)| value)
        .filter(|v| !v.is_empty() && v.len() <= 64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn idle_expiry_never_extends_past_the_absolute_limit() {
        let policy = SessionPolicy::default();
        let created = Utc::now();
        assert_eq!(
            policy.expires_at(created, created),
            created + Duration::hours(2)
        );
        let late = created + Duration::hours(11);
        assert_eq!(
            policy.expires_at(created, late),
            created + Duration::hours(12)
        );
    }

    #[test]
    fn cookie_flags_are_httponly_lax_and_secure_when_configured() {
        let plain = SessionPolicy::default().cookie("abc");
        assert!(
            plain.contains("HttpOnly")
                && plain.contains("SameSite=Lax")
                && !plain.contains("Secure")
        );
        let secure = SessionPolicy {
            secure_cookie: true,
            ..Default::default()
        }
        .cookie("abc");
        assert!(secure.contains("; Secure"));
    }

    #[test]
    fn the_token_is_found_among_other_cookies() {
        assert_eq!(
            token_from_cookie_header("a=1; lotse_session=xyz; b=2"),
            Some("xyz")
        );
        assert_eq!(token_from_cookie_header("lotse_session="), None);
        assert_eq!(token_from_cookie_header("other=1"), None);
    }
}
