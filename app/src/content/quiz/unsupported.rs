//! LiaScript quiz kinds Lotse does not support: matrix quizzes, gap texts, generic `[[!]]` and
//! scripted quizzes. Each is an error with a German message, so none of them is ever misread
//! as a text answer or a stray paragraph.

use std::sync::LazyLock;

use regex::Regex;

/// A matrix header: one bracket around two or more `[…]`/`(…)` column titles,
/// e.g. `[[der] (die) [das]]`.
static MATRIX_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ \t]*(?:[-*+][ \t]+)?\[[ \t]*(?:\[[^\]]*\]|\([^)]*\))(?:[ \t]*(?:\[[^\]]*\]|\([^)]*\)))+[ \t]*\][ \t]*$")
        .expect("static regex")
});
/// A matrix row: `[ [X] [ ] ( ) ] text`. `[(X)]` and `[[X]]` (one cell, no space) are choices.
static MATRIX_ROW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[ \t]*(?:[-*+][ \t]+)?\[(?:[ \t]+CELL(?:[ \t]*CELL)*|CELL(?:[ \t]*CELL)+)[ \t]*\]"
            .replace("CELL", r"(?:\[[ xX]?\]|\([ xX]?\))")
            .as_str(),
    )
    .expect("static regex")
});
static GENERIC: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[ \t]*(?:[-*+][ \t]+)?\[\[!\]\]").expect("static regex"));
static SCRIPT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^[ \t]*<script\b").expect("static regex"));
/// `[[…]]` with something inside, as used for text and selection gaps.
static GAP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[\[[^\[\]]*[^\[\]\s?!][^\[\]]*\]\]").expect("static regex"));
static CODE_SPAN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(`+)[^`]*?`+").expect("static regex"));

pub(crate) const MATRIX: &str = "Matrix-Tests (eine Kopfzeile wie „[[a] (b) [c]]“ und Zeilen wie \
     „[ [X] [ ] ] Text“) unterstützt Lotse nicht: Stellen Sie jede Zeile als eigene Frage mit \
     „- [( )]“/„- [(X)]“ oder „- [[ ]]“/„- [[X]]“.";
pub(crate) const GENERIC_QUIZ: &str = "Frei programmierte Tests „[[!]]“ unterstützt Lotse nicht: \
     Verwenden Sie Einfachauswahl, Mehrfachauswahl, Auswahl „[[ a | (b) ]]“ oder eine Textantwort.";
pub(crate) const SCRIPTED: &str = "Tests mit Skript („<script>“) unterstützt Lotse nicht; Skripte \
     werden nie ausgeführt: Entfernen Sie das Skript und verwenden Sie Einfachauswahl, \
     Mehrfachauswahl, Auswahl oder eine Textantwort.";
pub(crate) const GAP_TEXT: &str = "Lückentexte (eine Text- oder Auswahlantwort „[[…]]“ mitten im \
     Satz oder in einer Tabelle) unterstützt Lotse nicht: Schreiben Sie die Antwort „[[…]]“ in eine \
     eigene Zeile unter die Frage.";

/// The error for a line that starts an unsupported quiz kind.
pub(crate) fn marker(line: &str) -> Option<&'static str> {
    if GENERIC.is_match(line) {
        Some(GENERIC_QUIZ)
    } else if SCRIPT.is_match(line) {
        Some(SCRIPTED)
    } else if MATRIX_HEAD.is_match(line) || MATRIX_ROW.is_match(line) {
        Some(MATRIX)
    } else {
        None
    }
}

/// Whether a line of prose (not a marker line) carries an inline `[[…]]` gap; code spans do not
/// count, so trainers can still write about the syntax.
pub(crate) fn has_gap(line: &str) -> bool {
    GAP.is_match(&CODE_SPAN.replace_all(line, ""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsupported_quiz_lines_are_recognised_and_choices_are_not() {
        let table: &[(&str, Option<&str>)] = &[
            ("[[der] (die) [das]]", Some(MATRIX)),
            (
                "- [[male (der)] (female [die]) [neuter (das)]]",
                Some(MATRIX),
            ),
            ("[    [X]   [ ]   [ ]  ]  Mann", Some(MATRIX)),
            ("    [    ( )  (X)  ( )  ]  Frau", Some(MATRIX)),
            ("[[X] [ ]] zwei Zellen", Some(MATRIX)),
            ("[[!]]", Some(GENERIC_QUIZ)),
            ("<script>", Some(SCRIPTED)),
            ("  <SCRIPT src=\"x.js\"></SCRIPT>", Some(SCRIPTED)),
            ("- [(X)] richtig", None),
            ("[( )] falsch", None),
            ("- [[X]] richtig", None),
            ("[[ ]] falsch", None),
            ("[[Niederlassungserlaubnis|NE]]", None),
            ("[[ (a) | b ]]", None),
            ("[[?]] Tipp", None),
            ("<scripted>", None),
        ];
        for (line, expected) in table {
            assert_eq!(marker(line), *expected, "{line}");
        }
    }

    #[test]
    fn gaps_are_inline_brackets_outside_code() {
        let table = [
            ("Ich [[ lerne ]] Deutsch.", true),
            ("Der Himmel ist [[ (blau) | rot ]].", true),
            ("| Visum | [[ § 6 ]] |", true),
            ("So schreibt man es: `[[ (a) | b ]]`.", false),
            ("Mit ``[[X]]`` markieren.", false),
            ("Eine [Verlinkung](x.md) ist keine Lücke.", false),
            ("Leere Klammern [[ ]] oder [[?]] sind keine Lücke.", false),
        ];
        for (line, expected) in table {
            assert_eq!(has_gap(line), expected, "{line}");
        }
    }
}
