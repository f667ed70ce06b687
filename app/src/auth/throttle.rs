//! Sign-in throttling: how many recent failures lock an account or a client address.
//! Pure decision over the failure timestamps the store returns.

use chrono::{DateTime, Duration, Utc};

/// Failures counted within this window.
pub const WINDOW_MINUTES: i64 = 15;
/// Per account: five wrong passwords, then wait.
pub const MAX_FAILURES_PER_ACCOUNT: usize = 5;
/// Per client address: more, since an office may sit behind one NAT address.
pub const MAX_FAILURES_PER_ADDRESS: usize = 30;

pub fn window_start(now: DateTime<Utc>) -> DateTime<Utc> {
    now - Duration::minutes(WINDOW_MINUTES)
}

/// `Some(until)` when locked: the moment the oldest counted failure leaves the window.
pub fn locked_until(
    failures: &[DateTime<Utc>],
    max: usize,
    now: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    let mut recent: Vec<_> = failures
        .iter()
        .copied()
        .filter(|t| *t > window_start(now))
        .collect();
    if recent.len() < max {
        return None;
    }
    recent.sort();
    // The lock lifts when fewer than `max` failures remain in the window.
    let index = recent.len() - max;
    Some(recent[index] + Duration::minutes(WINDOW_MINUTES))
}

/// Keys under which failures are counted; the email is hashed so unknown addresses typed by
/// mistake are not kept in clear text.
pub fn account_key(email: &str) -> String {
    format!(
        "account:{}",
        super::token::hash_token(&email.trim().to_lowercase())
    )
}

pub fn address_key(ip: &str) -> String {
    format!("address:{ip}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(minutes_ago: i64, now: DateTime<Utc>) -> DateTime<Utc> {
        now - Duration::minutes(minutes_ago)
    }

    #[test]
    fn fewer_failures_than_the_limit_do_not_lock() {
        let now = Utc::now();
        let failures: Vec<_> = (0..4).map(|i| at(i, now)).collect();
        assert_eq!(locked_until(&failures, 5, now), None);
    }

    #[test]
    fn reaching_the_limit_locks_until_the_oldest_failure_expires() {
        let now = Utc::now();
        let failures: Vec<_> = (0..5).map(|i| at(i, now)).collect();
        assert_eq!(
            locked_until(&failures, 5, now),
            Some(at(4, now) + Duration::minutes(15))
        );
    }

    #[test]
    fn failures_outside_the_window_do_not_count() {
        let now = Utc::now();
        let failures: Vec<_> = (16..30).map(|i| at(i, now)).collect();
        assert_eq!(locked_until(&failures, 5, now), None);
    }

    #[test]
    fn account_keys_do_not_contain_the_email() {
        let key = account_key("Anna@Kreis.de");
        assert!(!key.contains("anna"));
        assert_eq!(key, account_key(" anna@kreis.de "));
    }
}
