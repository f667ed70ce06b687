//! Learner-text warnings (issue 14): dates that turn into lists, research notes left in the
//! text, and paragraphs copied between lessons.

use super::quiz_support::{quiz_file, EXPL};
use super::support::{
    assert_clean, assert_problem, describe, load_with, today, valid_tree, write, LESSON,
};
use crate::content::{load_dir, Level, LoadResult};

const A: &str = "t/01-m/01-a.md";
const B: &str = "t/01-m/02-b.md";

fn lesson(body: &str) -> String {
    format!("+++\ntitle = \"L\"\nminutes = 5\n+++\n\n{body}")
}

fn warning_lines(r: &LoadResult, file: &str, fragment: &str) -> Vec<u32> {
    r.problems
        .iter()
        .filter(|p| p.file == file && p.level == Level::Warning && p.message.contains(fragment))
        .map(|p| p.line)
        .collect()
}

#[test]
fn a_date_at_a_line_start_that_becomes_a_list_is_a_warning_at_that_line() {
    // Line 6 is the sentence start, line 7 the date that CommonMark reads as list item "1.".
    let r = load_with(
        A,
        &lesson("Die neue Regel gilt ab dem\n1. April 2026 für alle.\n"),
    );
    assert_problem(&r, A, 7, Level::Warning, "„1. April“");
}

#[test]
fn dates_that_stay_inside_the_paragraph_are_clean() {
    // "15." cannot interrupt a paragraph; an escaped full stop is never a list.
    let r = load_with(
        A,
        &lesson("Die Frist lief bis zum\n15. April 2026 weiter.\n\nAb dem\n1\\. Mai 2026 gilt sie neu.\n"),
    );
    assert_clean(&r);
}

#[test]
fn a_date_list_in_a_quiz_explanation_is_a_warning() {
    let r = load_with(
        "t/01-m/quiz.md",
        &quiz_file("## F?\n- [(X)] a\n- [( )] b\n*****\nSie wechselt ab dem\n1. April 2026 den Arbeitgeber.\n*****\n"),
    );
    assert_problem(&r, "t/01-m/quiz.md", 9, Level::Warning, "„1. April“");
}

#[test]
fn research_markers_are_warnings_in_lessons_intros_and_quizzes() {
    let dir = tempfile::tempdir().expect("tempdir");
    valid_tree(dir.path());
    write(dir.path(), A, &lesson("Text.\n\nTODO: Quelle ergänzen.\n"));
    write(
        dir.path(),
        "t/track.md",
        "+++\ntitle = \"T\"\nsummary = \"S\"\norder = 1\n+++\n\nDie Zahl ist UNVERIFIED.\n",
    );
    write(
        dir.path(),
        "t/01-m/quiz.md",
        &quiz_file(&format!("## F?\n- [(X)] a\n- [( )] b\n*****\nLaut einer Sekundärquelle gilt das.\n*****\n\n## G?\n- [(X)] a\n- [( )] b\n{EXPL}")),
    );
    write(dir.path(), B, &lesson("Das ist nicht\nbelegt.\n"));
    let r = load_dir(dir.path(), today());
    assert_problem(&r, A, 8, Level::Warning, "„TODO“");
    assert_problem(&r, "t/track.md", 7, Level::Warning, "„UNVERIFIED“");
    assert_problem(&r, "t/01-m/quiz.md", 8, Level::Warning, "„Sekundärquelle“");
    assert_problem(&r, B, 6, Level::Warning, "„nicht belegt“");
}

#[test]
fn ordinary_words_are_not_research_markers() {
    let r = load_with(
        A,
        &lesson("Die Belege sind nicht vollständig; Todos gibt es keine.\n"),
    );
    assert_clean(&r);
}

/// 45 words, written for this test.
const PARAGRAPH: &str =
    "Wer eine Aufenthaltserlaubnis zur Beschäftigung beantragt, legt in der Regel \
    einen Arbeitsvertrag oder ein verbindliches Arbeitsplatzangebot vor. Die Ausländerbehörde \
    prüft dann, ob die Bundesagentur für Arbeit zustimmen muss, ob die Gehaltsgrenze erreicht \
    ist und ob die Qualifikation anerkannt wurde, bevor sie über den Antrag entscheidet.";

#[test]
fn a_long_paragraph_repeated_in_another_lesson_is_a_warning_in_both() {
    let dir = tempfile::tempdir().expect("tempdir");
    valid_tree(dir.path());
    write(
        dir.path(),
        A,
        &lesson(&format!("Einleitung.\n\n{PARAGRAPH}\n")),
    );
    // Nearly verbatim: one word changed, and embedded in a longer paragraph.
    let changed = PARAGRAPH.replace("verbindliches", "konkretes");
    write(
        dir.path(),
        "t/02-n/05-c.md",
        &lesson(&format!(
            "## Abschnitt\n\n{changed} Danach folgt der Bescheid.\n"
        )),
    );
    write(dir.path(), "t/02-n/module.md", super::support::MODULE);
    write(dir.path(), "t/02-n/01-x.md", LESSON);
    let r = load_dir(dir.path(), today());
    assert_problem(&r, A, 8, Level::Warning, "t/02-n/05-c.md:8");
    assert_problem(&r, "t/02-n/05-c.md", 8, Level::Warning, "t/01-m/01-a.md:8");
}

#[test]
fn short_paragraphs_and_repeats_within_one_lesson_are_clean() {
    let short: String = PARAGRAPH
        .split_whitespace()
        .take(30)
        .collect::<Vec<_>>()
        .join(" ");
    let dir = tempfile::tempdir().expect("tempdir");
    valid_tree(dir.path());
    write(
        dir.path(),
        A,
        &lesson(&format!("{PARAGRAPH}\n\n{PARAGRAPH}\n\n{short}\n")),
    );
    write(dir.path(), B, &lesson(&format!("{short}\n")));
    let r = load_dir(dir.path(), today());
    assert!(
        warning_lines(&r, A, "wortgleich").is_empty(),
        "{}",
        describe(&r.problems)
    );
    assert_clean(&r);
}

#[test]
fn different_paragraphs_on_the_same_topic_are_clean() {
    let other = "Für die Beschäftigung braucht es meist einen Vertrag. Ob die Bundesagentur für \
        Arbeit beteiligt wird, hängt von der Norm ab; auch das Gehalt und die Anerkennung der \
        Qualifikation spielen eine Rolle. Erst danach entscheidet die Ausländerbehörde über den \
        Antrag und erteilt gegebenenfalls den Titel für die Beschäftigung im Inland.";
    let dir = tempfile::tempdir().expect("tempdir");
    valid_tree(dir.path());
    write(dir.path(), A, &lesson(&format!("{PARAGRAPH}\n")));
    write(dir.path(), B, &lesson(&format!("{other}\n")));
    let r = load_dir(dir.path(), today());
    assert_clean(&r);
}
