//! A date at the start of a line ("1. April 2026 gilt …") that CommonMark reads as an ordered
//! list item: the sentence breaks apart and the day becomes a list number (a second such line
//! even shows "2." instead of its day). Checked on the parser's list items, so only lines that
//! really turned into a list are reported.

use std::sync::LazyLock;

use regex::Regex;

static DATE_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^([0-9]{1,2})[.)][ \t]+(Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|Jan\.|Feb\.|Mär\.|Apr\.|Jun\.|Jul\.|Aug\.|Sep\.|Sept\.|Okt\.|Nov\.|Dez\.)(?:[^\p{L}]|$)",
    )
    .expect("static regex")
});

/// The date ("1. April") an ordered list item starts with, given the source from the item's
/// marker on; `None` for ordinary list items.
pub(crate) fn date_item(item_source: &str) -> Option<String> {
    let c = DATE_ITEM.captures(item_source)?;
    let day = c.get(1)?.as_str();
    let month = c.get(2)?.as_str();
    Some(format!("{day}. {month}"))
}

/// The warning for a list item that starts with `date`.
pub(crate) fn message(date: &str) -> String {
    let escaped = date.replacen(". ", "\\. ", 1);
    format!(
        "Die Zeile beginnt mit „{date}“ und wird deshalb als nummerierte Liste angezeigt (die \
         Tageszahl wird zur Listennummer, der Satz bricht ab): Ziehen Sie das Datum in die vorige \
         Zeile, stellen Sie ein Wort davor („am {date}“) oder schreiben Sie „{escaped}“."
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{render_preview, Level};

    #[test]
    fn list_items_starting_with_a_day_and_a_month_are_dates() {
        let table = [
            ("1. April 2026 gilt die Regel.", Some("1. April")),
            ("31. Dezember", Some("31. Dezember")),
            ("1) Januar 2025", Some("1. Januar")),
            ("15. Okt. 2024", Some("15. Okt.")),
            ("1. Mai", Some("1. Mai")),
            ("1. Maibaum aufstellen", None),
            ("1. Schritt: Antrag prüfen", None),
            ("2024. April", None),
            ("- April", None),
        ];
        for (source, expected) in table {
            assert_eq!(date_item(source).as_deref(), expected, "{source}");
        }
    }

    #[test]
    fn the_hint_shows_the_escaped_form() {
        assert!(message("1. April").contains("„1\\. April“"));
    }

    #[test]
    fn only_dates_that_become_list_items_are_reported() {
        // (Markdown, line of the warning)
        let table: &[(&str, Option<u32>)] = &[
            ("Die Regel gilt ab dem\n1. April 2026 für alle.", Some(2)),
            ("Text.\n\n3. März 2025 trat sie in Kraft.", Some(3)),
            ("> Hinweis: ab dem\n> 1. Juni 2024 gilt das.", Some(2)),
            // "15." cannot interrupt a paragraph, so it stays text.
            ("Die Frist lief bis zum\n15. April 2026 weiter.", None),
            ("Ab dem\n1\\. Mai 2026 gilt sie neu.", None),
            ("1. Antrag\n2. Prüfung", None),
            ("```\n1. April\n```", None),
        ];
        for (source, expected) in table {
            let (_, problems) = render_preview("v.md", source);
            let got: Vec<u32> = problems
                .iter()
                .filter(|p| p.level == Level::Warning && p.message.contains("nummerierte Liste"))
                .map(|p| p.line)
                .collect();
            assert_eq!(
                got,
                expected.iter().copied().collect::<Vec<_>>(),
                "{source}"
            );
        }
    }
}
