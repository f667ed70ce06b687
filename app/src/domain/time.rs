//! Time as people in the offices see it: Europe/Berlin. Timestamps are stored in UTC; dates that
//! people read, or that decide "overdue", are computed here.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Europe::Berlin;

/// The calendar date in Germany at `at`.
pub fn local_date(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&Berlin).date_naive()
}

/// `dd.mm.yyyy`, as on German documents ("Rechtsstand 01.01.2026").
pub fn date_de(date: NaiveDate) -> String {
    date.format("%d.%m.%Y").to_string()
}

/// The German date of a timestamp.
pub fn timestamp_date_de(at: DateTime<Utc>) -> String {
    date_de(local_date(at))
}

/// `dd.mm.yyyy, HH:MM Uhr` in German local time.
pub fn date_time_de(at: DateTime<Utc>) -> String {
    at.with_timezone(&Berlin)
        .format("%d.%m.%Y, %H:%M Uhr")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
    }

    #[test]
    fn dates_are_day_month_year_with_leading_zeros() {
        assert_eq!(
            date_de(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()),
            "01.01.2026"
        );
    }

    #[test]
    fn winter_times_are_utc_plus_one_and_summer_times_utc_plus_two() {
        assert_eq!(
            date_time_de(utc(2026, 1, 15, 9, 5)),
            "15.01.2026, 10:05 Uhr"
        );
        assert_eq!(
            date_time_de(utc(2026, 7, 1, 22, 30)),
            "02.07.2026, 00:30 Uhr"
        );
    }

    #[test]
    fn daylight_saving_switches_at_one_utc_on_the_last_sundays() {
        // 2026: 29 March and 25 October.
        assert_eq!(
            date_time_de(utc(2026, 3, 29, 0, 59)),
            "29.03.2026, 01:59 Uhr"
        );
        assert_eq!(
            date_time_de(utc(2026, 3, 29, 1, 0)),
            "29.03.2026, 03:00 Uhr"
        );
        assert_eq!(
            date_time_de(utc(2026, 10, 25, 0, 59)),
            "25.10.2026, 02:59 Uhr"
        );
        assert_eq!(
            date_time_de(utc(2026, 10, 25, 1, 0)),
            "25.10.2026, 02:00 Uhr"
        );
    }

    #[test]
    fn the_local_date_turns_at_midnight_in_germany_not_in_utc() {
        // 31 Dec 2026, 23:30 UTC is already New Year in Germany.
        assert_eq!(
            local_date(utc(2026, 12, 31, 23, 30)),
            NaiveDate::from_ymd_opt(2027, 1, 1).unwrap()
        );
        assert_eq!(
            local_date(utc(2026, 12, 31, 22, 59)),
            NaiveDate::from_ymd_opt(2026, 12, 31).unwrap()
        );
        assert_eq!(timestamp_date_de(utc(2026, 7, 1, 22, 30)), "02.07.2026");
    }
}
