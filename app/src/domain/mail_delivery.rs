//! When a failed mail is tried again: exponential backoff from one minute to twelve hours, at
//! most six attempts, then the row is marked failed.

use chrono::Duration;

pub const MAX_ATTEMPTS: i64 = 6;

/// The wait before the next try after `attempts` failed tries, or `None` to give up.
pub fn retry_delay(attempts: i64) -> Option<Duration> {
    let minutes = match attempts {
        i64::MIN..=1 => 1,
        2 => 5,
        3 => 30,
        4 => 120,
        5 => 720,
        _ => return None,
    };
    Some(Duration::minutes(minutes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_from_one_minute_to_twelve_hours_then_gives_up() {
        let expected = [
            (1, Some(1)),
            (2, Some(5)),
            (3, Some(30)),
            (4, Some(120)),
            (5, Some(720)),
            (6, None),
            (9, None),
        ];
        for (attempts, minutes) in expected {
            assert_eq!(
                retry_delay(attempts),
                minutes.map(Duration::minutes),
                "{attempts}"
            );
        }
        assert_eq!(
            (1..=MAX_ATTEMPTS)
                .filter(|a| retry_delay(*a).is_some())
                .count(),
            5
        );
    }
}
