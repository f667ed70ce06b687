//! Throttling of sign-ins and password-reset requests: pure decisions over the event timestamps
//! the store returns.
//!
//! Sign-in uses progressive delays, never hard locks: wrong passwords from one address for one
//! account make that pair wait longer and longer (30 s, 1 min, 2 min … at most 15 min); many
//! failures from one address across accounts slow that address. Failures from *other* addresses
//! never delay an account, so nobody can lock somebody else out by typing wrong passwords.

use chrono::{DateTime, Duration, Utc};

/// Events older than this are not counted (and the background job deletes them).
pub const WINDOW_MINUTES: i64 = 60;

/// Free failures per account and address before delays start.
pub const PAIR_FREE_FAILURES: usize = 5;
const PAIR_FIRST_DELAY_SECONDS: i64 = 30;
const PAIR_MAX_DELAY_SECONDS: i64 = 15 * 60;

/// Free failures per address (across accounts): an office may sit behind one NAT address.
pub const ADDRESS_FREE_FAILURES: usize = 30;
const ADDRESS_FIRST_DELAY_SECONDS: i64 = 10;
const ADDRESS_MAX_DELAY_SECONDS: i64 = 5 * 60;

/// Reset mails per account and per address within the window.
pub const RESETS_PER_ACCOUNT: usize = 3;
pub const RESETS_PER_ADDRESS: usize = 10;

pub fn window_start(now: DateTime<Utc>) -> DateTime<Utc> {
    now - Duration::minutes(WINDOW_MINUTES)
}

/// Delay after `failures` failures: none up to `free`, then `first` doubling up to `max`.
fn delay(failures: usize, free: usize, first: i64, max: i64) -> Duration {
    if failures < free {
        return Duration::zero();
    }
    let doublings = u32::try_from(failures - free).unwrap_or(u32::MAX).min(20);
    Duration::seconds(first.saturating_mul(1 << doublings).min(max))
}

fn wait_until(
    events: &[DateTime<Utc>],
    now: DateTime<Utc>,
    delay_for: impl Fn(usize) -> Duration,
) -> Option<DateTime<Utc>> {
    let recent: Vec<_> = events.iter().filter(|t| **t > window_start(now)).collect();
    let last = **recent.iter().max()?;
    let until = last + delay_for(recent.len());
    (until > now).then_some(until)
}

/// When the next sign-in may be checked, given the recent failures of this account from this
/// address and of this address overall; `None` = now.
pub fn sign_in_wait(
    pair_failures: &[DateTime<Utc>],
    address_failures: &[DateTime<Utc>],
    now: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    let pair = wait_until(pair_failures, now, |n| {
        delay(
            n,
            PAIR_FREE_FAILURES,
            PAIR_FIRST_DELAY_SECONDS,
            PAIR_MAX_DELAY_SECONDS,
        )
    });
    let address = wait_until(address_failures, now, |n| {
        delay(
            n,
            ADDRESS_FREE_FAILURES,
            ADDRESS_FIRST_DELAY_SECONDS,
            ADDRESS_MAX_DELAY_SECONDS,
        )
    });
    pair.max(address)
}

/// May another reset mail go out for this account, requested from this address?
pub fn reset_allowed(
    account_requests: &[DateTime<Utc>],
    address_requests: &[DateTime<Utc>],
    now: DateTime<Utc>,
) -> bool {
    let recent =
        |events: &[DateTime<Utc>]| events.iter().filter(|t| **t > window_start(now)).count();
    recent(account_requests) < RESETS_PER_ACCOUNT && recent(address_requests) < RESETS_PER_ADDRESS
}

/// Keys under which events are counted. Emails are hashed so addresses typed by mistake are not
/// kept in clear text.
pub struct ThrottleKeys;

impl ThrottleKeys {
    pub fn sign_in_pair(email_hash: &str, address: &str) -> String {
        format!("signin:{email_hash}:{address}")
    }
    pub fn sign_in_address(address: &str) -> String {
        format!("signin-address:{address}")
    }
    pub fn reset_account(email_hash: &str) -> String {
        format!("reset:{email_hash}")
    }
    pub fn reset_address(address: &str) -> String {
        format!("reset-address:{address}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ago(seconds: i64, now: DateTime<Utc>) -> DateTime<Utc> {
        now - Duration::seconds(seconds)
    }

    #[test]
    fn delays_grow_from_thirty_seconds_to_fifteen_minutes() {
        let cases = [
            (0, 0),
            (4, 0),
            (5, 30),
            (6, 60),
            (7, 120),
            (9, 480),
            (10, 900),
            (50, 900),
        ];
        for (n, seconds) in cases {
            assert_eq!(
                delay(
                    n,
                    PAIR_FREE_FAILURES,
                    PAIR_FIRST_DELAY_SECONDS,
                    PAIR_MAX_DELAY_SECONDS
                ),
                Duration::seconds(seconds),
                "{n} failures"
            );
        }
    }

    #[test]
    fn sign_in_waits_after_the_free_failures_of_a_pair() {
        let now = Utc::now();
        let four: Vec<_> = (0..4).map(|i| ago(i, now)).collect();
        assert_eq!(sign_in_wait(&four, &four, now), None);
        let five: Vec<_> = (0..5).map(|i| ago(i, now)).collect();
        assert_eq!(
            sign_in_wait(&five, &five, now),
            Some(now + Duration::seconds(30))
        );
        // The delay counts from the latest failure: after it has passed, one more try is checked.
        let five_old: Vec<_> = (0..5).map(|i| ago(31 + i, now)).collect();
        assert_eq!(sign_in_wait(&five_old, &five_old, now), None);
        // Failures outside the window do not count.
        let stale: Vec<_> = (0..20).map(|i| ago(3_601 + i, now)).collect();
        assert_eq!(sign_in_wait(&stale, &stale, now), None);
    }

    #[test]
    fn many_failures_of_one_address_slow_only_that_address() {
        let now = Utc::now();
        let address: Vec<_> = (0..30).map(|i| ago(i, now)).collect();
        assert_eq!(
            sign_in_wait(&[], &address, now),
            Some(now + Duration::seconds(10))
        );
        assert_eq!(sign_in_wait(&[], &address[..29], now), None);
    }

    #[test]
    fn reset_mails_are_limited_per_account_and_address() {
        let now = Utc::now();
        let two: Vec<_> = (0..2).map(|i| ago(i * 60, now)).collect();
        let three: Vec<_> = (0..3).map(|i| ago(i * 60, now)).collect();
        let ten: Vec<_> = (0..10).map(|i| ago(i, now)).collect();
        assert!(reset_allowed(&two, &two, now));
        assert!(!reset_allowed(&three, &three, now));
        assert!(!reset_allowed(&[], &ten, now));
        let old: Vec<_> = (0..5).map(|i| ago(3_700 + i, now)).collect();
        assert!(reset_allowed(&old, &old, now));
    }
}
