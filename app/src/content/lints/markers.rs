//! Research notes left in learner text ("UNVERIFIED", "nicht belegt", "Sekundärquelle",
//! "TODO"): whatever a trainer has not yet verified must be resolved or left out, not shown.
//! The whole file is checked, front matter included: titles and source names are shown too.

use std::sync::LazyLock;

use regex::Regex;

use crate::content::model::Problem;
use crate::content::problems::{warning, LineIndex};

/// (marker as shown in the message, pattern). "TODO" only in capitals, so that no German word
/// is caught; the others in any case and across a line break.
static MARKERS: LazyLock<Vec<(&'static str, Regex)>> = LazyLock::new(|| {
    [
        ("UNVERIFIED", r"(?i)\bunverified\b"),
        ("nicht belegt", r"(?i)\bnicht\s+belegt\b"),
        ("Sekundärquelle", r"(?i)sekundärquelle"),
        ("TODO", r"\bTODO\b"),
    ]
    .into_iter()
    .map(|(name, pattern)| (name, Regex::new(pattern).expect("static regex")))
    .collect()
});

pub(crate) fn check(file: &str, text: &str) -> Vec<Problem> {
    let lines = LineIndex::new(text, 1);
    let mut problems = Vec::new();
    for (name, pattern) in MARKERS.iter() {
        for m in pattern.find_iter(text) {
            problems.push(warning(
                file,
                lines.line(m.start()),
                format!(
                    "Rechercheanmerkung „{name}“ im Text: Lernende dürfen keine offenen \
                     Arbeitsnotizen sehen. Klären Sie den Punkt anhand des Gesetzes oder einer \
                     verlässlichen Quelle und formulieren Sie die Aussage fest – oder lassen Sie \
                     sie weg (für einen Fall: „nicht nachgewiesen“ statt „nicht belegt“)."
                ),
            ));
        }
    }
    problems.sort_by_key(|p| p.line);
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(u32, String)> {
        check("l.md", text)
            .into_iter()
            .map(|p| {
                let name = p
                    .message
                    .split('„')
                    .nth(1)
                    .and_then(|rest| rest.split('“').next())
                    .unwrap_or("")
                    .to_owned();
                (p.line, name)
            })
            .collect()
    }

    #[test]
    fn markers_are_found_at_their_lines() {
        let table: &[(&str, &[(u32, &str)])] = &[
            ("TODO: Quelle", &[(1, "TODO")]),
            ("a\nDie Zahl (UNVERIFIED)", &[(2, "UNVERIFIED")]),
            ("a\nb\nist nicht\nbelegt.", &[(3, "nicht belegt")]),
            ("Laut Sekundärquellen gilt", &[(1, "Sekundärquelle")]),
            (
                "title = \"Blog (Sekundärquelle)\"",
                &[(1, "Sekundärquelle")],
            ),
            ("Nicht belegt; TODO", &[(1, "nicht belegt"), (1, "TODO")]),
        ];
        for (text, expected) in table {
            let expected: Vec<(u32, String)> = expected
                .iter()
                .map(|(l, n)| (*l, (*n).to_owned()))
                .collect();
            assert_eq!(found(text), expected, "{text}");
        }
    }

    #[test]
    fn ordinary_words_are_no_markers() {
        for text in [
            "Todos und Methoden",
            "nicht belegbar ist das nie",
            "Die Belege fehlen nicht.",
            "Quelle: Primärquelle",
            "TODOS",
        ] {
            assert!(found(text).is_empty(), "{text}");
        }
    }
}
