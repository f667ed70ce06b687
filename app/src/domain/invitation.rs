//! Whether an invitation link may still be used: the one rule behind the invitation page, its
//! acceptance and re-sending.

use chrono::{DateTime, Duration, Utc};

/// How long an invitation link works.
pub const INVITATION_DAYS: i64 = 7;

pub fn expires_at(now: DateTime<Utc>) -> DateTime<Utc> {
    now + Duration::days(INVITATION_DAYS)
}

/// The account behind an invitation's email, as it is now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountState {
    Missing,
    Exists { active: bool, has_password: bool },
}

/// What decides an invitation's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvitationFacts {
    pub expires_at: DateTime<Utc>,
    pub used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
    pub account: AccountState,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InvitationStatus {
    /// The link may set a password.
    Open,
    Expired,
    Used,
    /// Revoked by hand, or superseded by a newer link of the same office.
    Revoked,
    /// The person already has a password: an invitation must never set another one.
    AccountExists,
    /// A deactivated account is never reactivated through an old link.
    AccountDeactivated,
}

pub fn status(f: &InvitationFacts, now: DateTime<Utc>) -> InvitationStatus {
    use InvitationStatus::*;
    if f.used_at.is_some() {
        Used
    } else if f.revoked_at.is_some() {
        Revoked
    } else {
        match f.account {
            AccountState::Exists { active: false, .. } => AccountDeactivated,
            AccountState::Exists {
                has_password: true, ..
            } => AccountExists,
            _ if f.expires_at <= now => Expired,
            _ => Open,
        }
    }
}

/// A new link may be sent for an invitation that is open or merely expired.
pub fn can_resend(status: InvitationStatus) -> bool {
    matches!(status, InvitationStatus::Open | InvitationStatus::Expired)
}

#[cfg(test)]
mod tests {
    use super::*;
    use AccountState::*;
    use InvitationStatus::*;

    #[test]
    fn status_of_an_invitation() {
        let now = Utc::now();
        let later = now + Duration::days(1);
        let earlier = now - Duration::seconds(1);
        let facts = |expires_at, used, revoked, account| InvitationFacts {
            expires_at,
            used_at: used,
            revoked_at: revoked,
            account,
        };
        let active_with_pw = Exists {
            active: true,
            has_password: true,
        };
        let cases = [
            ("fresh", facts(later, None, None, Missing), Open),
            (
                "account without password",
                facts(
                    later,
                    None,
                    None,
                    Exists {
                        active: true,
                        has_password: false,
                    },
                ),
                Open,
            ),
            ("expired", facts(earlier, None, None, Missing), Expired),
            (
                "expires exactly now",
                facts(now, None, None, Missing),
                Expired,
            ),
            (
                "used",
                facts(later, Some(earlier), None, active_with_pw),
                Used,
            ),
            (
                "revoked",
                facts(later, None, Some(earlier), Missing),
                Revoked,
            ),
            (
                "has a password",
                facts(later, None, None, active_with_pw),
                AccountExists,
            ),
            (
                "deactivated with password",
                facts(
                    later,
                    None,
                    None,
                    Exists {
                        active: false,
                        has_password: true,
                    },
                ),
                AccountDeactivated,
            ),
            (
                "deactivated without password",
                facts(
                    later,
                    None,
                    None,
                    Exists {
                        active: false,
                        has_password: false,
                    },
                ),
                AccountDeactivated,
            ),
            (
                "expired and deactivated",
                facts(
                    earlier,
                    None,
                    None,
                    Exists {
                        active: false,
                        has_password: true,
                    },
                ),
                AccountDeactivated,
            ),
        ];
        for (name, f, expected) in cases {
            assert_eq!(status(&f, now), expected, "{name}");
        }
    }

    #[test]
    fn only_open_or_expired_invitations_are_sent_again() {
        assert!(can_resend(Open) && can_resend(Expired));
        for s in [Used, Revoked, AccountExists, AccountDeactivated] {
            assert!(!can_resend(s), "{s:?}");
        }
    }
}
