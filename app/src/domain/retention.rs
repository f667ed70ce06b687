//! How long learning data is kept (the staff council's annex lists it): page-view events and
//! quiz answer details are deleted a while after the person completed the track; the record
//! that a module or assignment was completed is kept for some years, then deleted too.

use chrono::{DateTime, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetentionPolicy {
    /// Days after a track's completion until its viewed-events and quiz answers are deleted.
    pub details_days: u32,
    /// Years a completion record is kept.
    pub completions_years: u32,
}

impl Default for RetentionPolicy {
    fn default() -> Self {
        RetentionPolicy {
            details_days: 90,
            completions_years: 5,
        }
    }
}

impl RetentionPolicy {
    /// Details of a track completed on `completed_on` are due for deletion on `today`.
    pub fn details_expired(self, completed_on: NaiveDate, today: NaiveDate) -> bool {
        (today - completed_on).num_days() > i64::from(self.details_days)
    }

    /// Completion records from before this moment are deleted at `now`.
    pub fn completions_cutoff(self, now: DateTime<Utc>) -> DateTime<Utc> {
        now.checked_sub_months(Months::new(self.completions_years.saturating_mul(12)))
            .unwrap_or(DateTime::<Utc>::MIN_UTC)
    }

    /// Tracks completed before this moment have their details deleted at `now`.
    pub fn details_cutoff(self, now: DateTime<Utc>) -> DateTime<Utc> {
        now - chrono::Duration::days(i64::from(self.details_days))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn periods() {
        let p = RetentionPolicy::default();
        let cases = [
            ("2026-01-01", "2026-04-01", false), // day 90
            ("2026-01-01", "2026-04-02", true),  // day 91
            ("2025-12-31", "2026-03-31", false), // across New Year, day 90
        ];
        let at = |s: &str| d(s).and_hms_opt(12, 0, 0).unwrap().and_utc();
        for (done, today, expired) in cases {
            assert_eq!(
                p.details_expired(d(done), d(today)),
                expired,
                "{done} {today}"
            );
            assert_eq!(
                at(done) < p.details_cutoff(at(today)),
                expired,
                "cutoff {done} {today}"
            );
        }
        assert_eq!(p.completions_cutoff(at("2026-12-03")), at("2021-12-03"));
        assert_eq!(p.completions_cutoff(at("2028-02-29")), at("2023-02-28"));
    }
}
