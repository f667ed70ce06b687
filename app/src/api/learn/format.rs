//! German display formats for dates and progress, computed on the server so that SSR and
//! hydration show the same characters.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};

use crate::domain::progress::Progress;

/// `dd.mm.yyyy`, as on German documents ("Rechtsstand 01.01.2026").
pub fn date_de(date: NaiveDate) -> String {
    date.format("%d.%m.%Y").to_string()
}

/// `dd.mm.yyyy, HH:MM Uhr` in German local time.
pub fn date_time_de(at: DateTime<Utc>) -> String {
    let local = at.naive_utc() + Duration::hours(berlin_offset_hours(at));
    local.format("%d.%m.%Y, %H:%M Uhr").to_string()
}

/// The one text equivalent of a progress bar: "3 von 8 erledigt – 37 %".
pub fn progress_text(p: &Progress) -> String {
    format!("{} von {} erledigt – {} %", p.done, p.total, p.percent)
}

/// UTC offset of Germany: CEST (+2) from the last Sunday of March to the last Sunday of
/// October, both at 01:00 UTC (EU rule since 1996); CET (+1) otherwise. Computed here rather
/// than pulling a time-zone database into the server for one zone.
fn berlin_offset_hours(at: DateTime<Utc>) -> i64 {
    let year = at.year();
    let switch = |month| {
        last_sunday(year, month)
            .and_then(|d| d.and_hms_opt(1, 0, 0))
            .map(|t| t.and_utc())
    };
    match (switch(3), switch(10)) {
        (Some(start), Some(end)) if at >= start && at < end => 2,
        _ => 1,
    }
}

fn last_sunday(year: i32, month: u32) -> Option<NaiveDate> {
    let first_of_next = NaiveDate::from_ymd_opt(year, month + 1, 1)?;
    let last = first_of_next.pred_opt()?;
    let back = last.weekday().num_days_from_sunday();
    last.checked_sub_signed(Duration::days(i64::from(back)))
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
    fn progress_text_names_units_and_the_floored_percentage() {
        let p = Progress {
            done: 3,
            total: 8,
            percent: 37,
            complete: false,
        };
        assert_eq!(progress_text(&p), "3 von 8 erledigt – 37 %");
    }
}
