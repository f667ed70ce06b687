//! Quiz errors and warnings (LiaScript-compatible format), each at its file line.

use super::quiz_support::{load, parse, EXPL, FILE};
use super::support::assert_problem;
use crate::content::{Level, QuizState};

#[test]
fn a_question_without_answers_is_an_error_at_its_heading() {
    let r = load(&format!(
        "## Erste?\n- [(X)] a\n{EXPL}\n## Zweite ohne Antworten\n\nNur Text.\n{EXPL}"
    ));
    assert_problem(&r, FILE, 10, Level::Error, "Die Frage hat keine Antworten");
    assert_eq!(r.course.tracks[0].modules[0].quiz, QuizState::Broken);
}

#[test]
fn single_choice_needs_a_correct_option() {
    let r = load(&format!("## Keine?\n- [( )] a\n- [( )] b\n{EXPL}"));
    assert_problem(
        &r,
        FILE,
        4,
        Level::Error,
        "Einfachauswahl mit 0 richtigen Antworten",
    );
    // Several marked options are allowed (as in LiaScript): see quiz_lint_rules.rs.
}

#[test]
fn multiple_choice_needs_at_least_one_correct_option() {
    let r = load(&format!("## Keine?\n- [[ ]] a\n- [[ ]] b\n{EXPL}"));
    assert_problem(
        &r,
        FILE,
        4,
        Level::Error,
        "Mehrfachauswahl ohne richtige Antwort",
    );
}

#[test]
fn mixing_single_and_multiple_markers_is_an_error_at_the_option() {
    let r = load(&format!("## Gemischt?\n- [(X)] a\n- [[ ]] b\n{EXPL}"));
    assert_problem(
        &r,
        FILE,
        6,
        Level::Error,
        "mischt Einfachauswahl „[( )]“ und Mehrfachauswahl „[[ ]]“",
    );
}

#[test]
fn mixing_options_and_a_text_answer_is_an_error() {
    let r = load(&format!("## Gemischt?\n- [(X)] a\n[[b]]\n{EXPL}"));
    assert_problem(
        &r,
        FILE,
        6,
        Level::Error,
        "mischt Antwortmöglichkeiten und eine Textantwort",
    );
    let r = load(&format!("## Gemischt?\n[[b]]\n- [(X)] a\n{EXPL}"));
    assert_problem(
        &r,
        FILE,
        6,
        Level::Error,
        "mischt Antwortmöglichkeiten und eine Textantwort",
    );
}

#[test]
fn an_unclosed_explanation_is_an_error_at_its_opening_line() {
    let r = load("## Frage?\n- [(X)] a\n\n*****\nErklärung ohne Ende\n");
    assert_problem(
        &r,
        FILE,
        7,
        Level::Error,
        "Die Erklärung wird nicht abgeschlossen",
    );
}

#[test]
fn an_empty_text_answer_alternative_is_an_error() {
    let r = load(&format!("## Frage?\n[[Berlin||Bonn]]\n{EXPL}"));
    assert_problem(&r, FILE, 5, Level::Error, "leere Alternative");
    let r = load(&format!("## Frage?\n[[ ]]\n{EXPL}"));
    assert_problem(&r, FILE, 5, Level::Error, "leere Alternative");
}

#[test]
fn a_quiz_without_questions_is_an_error() {
    let r = load("Nur eine Einleitung.\n");
    assert_problem(&r, FILE, 1, Level::Error, "Der Test enthält keine Fragen");
    let r = load("");
    assert_problem(&r, FILE, 1, Level::Error, "Der Test enthält keine Fragen");
}

#[test]
fn a_question_without_explanation_is_a_warning() {
    let r = load("## Frage?\n- [(X)] a\n\n## Noch eine?\n- [(X)] a\n*****\n\n*****\n");
    assert_problem(&r, FILE, 4, Level::Warning, "Die Frage hat keine Erklärung");
    assert_problem(&r, FILE, 7, Level::Warning, "Die Frage hat keine Erklärung");
    assert!(!r.has_errors(), "{:?}", r.problems);
}

#[test]
fn task_list_markers_in_a_quiz_are_an_error_with_the_right_syntax() {
    let r = load(&format!("## Frage?\n- [x] a\n- [(X)] b\n{EXPL}"));
    assert_problem(
        &r,
        FILE,
        5,
        Level::Error,
        "ist eine Aufgabenliste, keine Antwort",
    );
}

#[test]
fn answers_hints_and_explanations_need_a_question() {
    let (_, problems) = parse("[[?]] Tipp\n\n*****\nE\n*****\n");
    assert!(
        problems
            .iter()
            .any(|p| p.line == 4 && p.message.contains("Tipp „[[?]]“ ohne Frage")),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.line == 6 && p.message.contains("Erklärung ohne Frage")),
        "{problems:?}"
    );
}

#[test]
fn answers_after_the_explanation_and_second_explanations_are_errors() {
    let (_, problems) = parse("## F?\n- [(X)] a\n*****\nE\n*****\n- [( )] b\n*****\nF\n*****\n");
    assert!(
        problems
            .iter()
            .any(|p| p.line == 9 && p.message.contains("vor der Erklärung")),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.line == 10 && p.message.contains("bereits eine Erklärung")),
        "{problems:?}"
    );
}

#[test]
fn stray_text_after_answers_is_a_warning() {
    let r = load(&format!("## F?\n- [(X)] a\n{EXPL}\nVergessener Text.\n"));
    assert_problem(&r, FILE, 10, Level::Warning, "gehört zu keiner Frage");
}

#[test]
fn an_empty_heading_and_an_empty_option_are_errors() {
    let (_, problems) = parse("##\n- [(X)]\n*****\nE\n*****\n");
    assert!(
        problems
            .iter()
            .any(|p| p.line == 4 && p.message.contains("Die Frage hat keinen Text")),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.line == 5 && p.message.contains("keinen Text: Schreiben Sie die Antwort")),
        "{problems:?}"
    );
}

#[test]
fn problems_in_explanations_point_at_the_file_line() {
    let (_, problems) = parse("## F?\n- [(X)] a\n*****\nText\n\n<iframe></iframe>\n*****\n");
    assert!(
        problems
            .iter()
            .any(|p| p.line == 9 && p.message.contains("<iframe>")),
        "{problems:?}"
    );
}
