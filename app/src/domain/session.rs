//! Session lifetime: idle and absolute expiry, and when a request should extend a session.

use chrono::{DateTime, Duration, Utc};

/// Sliding expiry is written at most this often per session, not on every request.
pub const TOUCH_INTERVAL_SECONDS: i64 = 60;

/// Session lifetime rules (configurable; see `lotse serve --help`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionPolicy {
    /// Signed out after this long without a request (OWASP ASVS 3.3.2: 30 minutes).
    pub idle: Duration,
    /// Signed out this long after signing in, however active.
    pub absolute: Duration,
}

impl Default for SessionPolicy {
    fn default() -> Self {
        SessionPolicy {
            idle: Duration::minutes(30),
            absolute: Duration::hours(12),
        }
    }
}

/// What to do with a session found for a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionCheck {
    /// Past its limit or the account is deactivated: delete it.
    End,
    /// Valid; `extend_to` is the new expiry when it is time to write it.
    Keep { extend_to: Option<DateTime<Utc>> },
}

impl SessionPolicy {
    /// When a session started at `created` and last used at `last_seen` ends.
    pub fn expires_at(&self, created: DateTime<Utc>, last_seen: DateTime<Utc>) -> DateTime<Utc> {
        (last_seen + self.idle).min(created + self.absolute)
    }

    pub fn check(
        &self,
        created: DateTime<Utc>,
        last_seen: DateTime<Utc>,
        account_active: bool,
        now: DateTime<Utc>,
    ) -> SessionCheck {
        if !account_active || self.expires_at(created, last_seen) <= now {
            return SessionCheck::End;
        }
        let due = now - last_seen > Duration::seconds(TOUCH_INTERVAL_SECONDS);
        SessionCheck::Keep {
            extend_to: due.then(|| self.expires_at(created, now)),
        }
    }
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
            created + Duration::minutes(30)
        );
        let late = created + Duration::hours(11) + Duration::minutes(50);
        assert_eq!(
            policy.expires_at(created, late),
            created + Duration::hours(12)
        );
    }

    #[test]
    fn what_happens_to_a_session_on_a_request() {
        let p = SessionPolicy::default();
        let t0 = Utc::now();
        let m = Duration::minutes;
        let s = Duration::seconds;
        // (created, last seen, active, now, expected)
        let cases = [
            (
                "fresh request",
                t0,
                t0,
                true,
                t0 + s(10),
                SessionCheck::Keep { extend_to: None },
            ),
            (
                "touch after a minute",
                t0,
                t0,
                true,
                t0 + s(61),
                SessionCheck::Keep {
                    extend_to: Some(t0 + s(61) + m(30)),
                },
            ),
            ("idle too long", t0, t0, true, t0 + m(30), SessionCheck::End),
            ("deactivated", t0, t0, false, t0 + s(1), SessionCheck::End),
            (
                "absolute limit",
                t0,
                t0 + m(719),
                true,
                t0 + m(720),
                SessionCheck::End,
            ),
            (
                "touch capped by the absolute limit",
                t0,
                t0 + m(700),
                true,
                t0 + m(710),
                SessionCheck::Keep {
                    extend_to: Some(t0 + m(720)),
                },
            ),
        ];
        for (name, created, seen, active, now, expected) in cases {
            assert_eq!(p.check(created, seen, active, now), expected, "{name}");
        }
    }
}
