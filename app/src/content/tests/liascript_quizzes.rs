//! The quiz kinds of LiaScript's documentation (Quizzes chapter), one by one, in our own words:
//! what Lotse reads as LiaScript does, and what it rejects instead of misreading.

use super::quiz_support::{load, parse, questions, EXPL, FILE};
use super::support::{assert_problem, describe};
use crate::content::{Answer, Level, Question, QuizState};
use crate::domain::grading::{is_correct, Response};
use crate::service::learning::quiz_adapt::key_of;

fn flags(q: &Question) -> Vec<bool> {
    match &q.answer {
        Answer::Single(o) | Answer::Multiple(o) => o.iter().map(|o| o.correct).collect(),
        Answer::Text(_) => panic!("text answer: {:?}", q.answer),
    }
}

fn texts(q: &Question) -> Vec<String> {
    match &q.answer {
        Answer::Single(o) | Answer::Multiple(o) => o.iter().map(|o| o.text_html.clone()).collect(),
        Answer::Text(_) => panic!("text answer: {:?}", q.answer),
    }
}

fn single(q: &Question) -> bool {
    matches!(q.answer, Answer::Single(_))
}

#[test]
fn multiple_choice_with_dashes_and_upper_or_lower_case_x() {
    let q = questions(&format!(
        "## Welche Dokumente sind Titel?\n- [[ ]] Duldung\n- [[X]] Visum\n- [[x]] Blaue Karte EU\n- [[ ]] **Gestattung**\n{EXPL}"
    ));
    assert!(!single(&q[0]));
    assert_eq!(flags(&q[0]), [false, true, true, false]);
    assert_eq!(texts(&q[0])[3], "<strong>Gestattung</strong>");
}

#[test]
fn multiple_choice_without_dashes_and_indented_by_four_spaces() {
    for options in [
        "[[ ]] Duldung\n[[X]] Visum\n[[x]] Blaue Karte EU\n",
        "    [[ ]] Duldung\n    [[X]] Visum\n    [[x]] Blaue Karte EU\n",
    ] {
        let q = questions(&format!("Welche sind Titel?\n\n{options}{EXPL}"));
        assert_eq!(q.len(), 1, "{options}");
        assert_eq!(flags(&q[0]), [false, true, true], "{options}");
        assert_eq!(texts(&q[0])[1], "Visum");
    }
}

#[test]
fn single_choice_with_dashes_without_dashes_and_indented() {
    for options in [
        "- [( )] Nicht gewählt\n- [(X)] **Diese ist richtig**\n- [( )] ~~Diese nicht~~\n",
        "[( )] Nicht gewählt\n[(X)] **Diese ist richtig**\n[( )] ~~Diese nicht~~\n",
        "    [( )] Nicht gewählt\n    [(x)] **Diese ist richtig**\n    [( )] ~~Diese nicht~~\n",
    ] {
        let q = questions(&format!("## Welche?\n\n{options}{EXPL}"));
        assert!(single(&q[0]), "{options}");
        assert_eq!(flags(&q[0]), [false, true, false], "{options}");
        assert_eq!(texts(&q[0])[2], "<del>Diese nicht</del>");
    }
}

#[test]
fn single_choice_with_several_marked_options_accepts_each_of_them_with_a_warning() {
    let body = format!(
        "Wie heißt das Amt richtig?\n\n    [(X)] Ausländer**behörde**\n    [( )] Ausländer**amtei**\n    [(x)] Ausländer**amt**\n{EXPL}"
    );
    let r = load(&body);
    assert_problem(&r, FILE, 4, Level::Warning, "2 richtigen Antworten");
    let q = questions(&body);
    assert_eq!(flags(&q[0]), [true, false, true]);
    let key = key_of(&q[0]);
    assert!(is_correct(&key, &Response::Choice(0)));
    assert!(!is_correct(&key, &Response::Choice(1)));
    assert!(is_correct(&key, &Response::Choice(2)));
}

#[test]
fn a_true_or_false_question_as_a_paragraph_with_indented_options() {
    let q = questions(&format!(
        "Ist eine Duldung ein Aufenthaltstitel?\n\n    [( )] Ja\n    [(X)] Nein\n{EXPL}"
    ));
    assert_eq!(q[0].prompt_html, "Ist eine Duldung ein Aufenthaltstitel?");
    assert_eq!(flags(&q[0]), [false, true]);
}

#[test]
fn an_indented_text_quiz_after_a_paragraph_question() {
    let q = questions(&format!(
        "Wie heißt der unbefristete Titel?\n\n    [[Niederlassungserlaubnis]]\n{EXPL}"
    ));
    assert_eq!(
        q[0].answer,
        Answer::Text(vec!["Niederlassungserlaubnis".into()])
    );
}

#[test]
fn lotse_text_alternatives_without_parentheses_stay_a_text_answer() {
    let q = questions(&format!(
        "## Titel?\n[[Niederlassungserlaubnis|NE]]\n{EXPL}"
    ));
    assert_eq!(
        q[0].answer,
        Answer::Text(vec!["Niederlassungserlaubnis".into(), "NE".into()])
    );
}

#[test]
fn a_one_line_selection_quiz_is_a_choice_graded_by_its_parenthesised_option() {
    let q = questions(&format!(
        "Was ist die Ableitung von x^6?\n\n[[ 6 | ( 6x^5 ) | 5x^6 ]]\n{EXPL}"
    ));
    assert!(single(&q[0]));
    assert_eq!(texts(&q[0]), ["6", "6x^5", "5x^6"]);
    assert_eq!(flags(&q[0]), [false, true, false]);
    let key = key_of(&q[0]);
    assert!(is_correct(&key, &Response::Choice(1)));
    // The old misreading accepted every option as a text answer.
    assert!(!is_correct(&key, &Response::Choice(0)));
    assert!(!is_correct(&key, &Response::Text("6".into())));
}

#[test]
fn a_selection_quiz_over_several_indented_lines_with_two_correct_options() {
    let body = format!(
        "Welche Behörde ist zuständig?\n\n    [[  Standesamt\n    | ( Ausländerbehörde )\n    |   Finanzamt\n    | ( **Ausländerbehörde des Wohnorts** )\n    ]]\n{EXPL}"
    );
    let q = questions(&body);
    assert_eq!(
        texts(&q[0]),
        [
            "Standesamt",
            "Ausländerbehörde",
            "Finanzamt",
            "<strong>Ausländerbehörde des Wohnorts</strong>"
        ]
    );
    assert_eq!(flags(&q[0]), [false, true, false, true]);
    assert_problem(
        &load(&body),
        FILE,
        4,
        Level::Warning,
        "2 richtigen Antworten",
    );
}

#[test]
fn hints_indented_or_with_dashes_and_a_solution_block() {
    let q = questions(
        "Was ist 37 + 15?\n\n    [[52]]\n    [[?]] mehr als 50\n- [[?]] eine gerade Zahl\n*****\n\n37 + 15 = 52.\n\n*****\n",
    );
    assert_eq!(q[0].answer, Answer::Text(vec!["52".into()]));
    assert_eq!(q[0].hints, ["mehr als 50", "eine gerade Zahl"]);
    assert_eq!(q[0].explanation_html, "<p>37 + 15 = 52.</p>\n");
}

#[test]
fn a_matrix_quiz_is_an_error_not_a_text_answer() {
    let r = load(&format!(
        "## Welcher Artikel?\n\n[[der] (die) [das]]\n[    [X]  [ ]  [ ]  ]  Mann\n[    ( )  (X)  ( )  ]  Frau\n{EXPL}"
    ));
    assert_problem(&r, FILE, 6, Level::Error, "Matrix-Tests");
    assert_problem(&r, FILE, 7, Level::Error, "Matrix-Tests");
    assert_eq!(r.course.tracks[0].modules[0].quiz, QuizState::Broken);
}

#[test]
fn gap_texts_with_inline_answers_or_selections_are_errors() {
    for line in [
        "Ich [[ lerne ]] seit einem Jahr Deutsch.",
        "Der Himmel ist [[ (blau) | rot | grün ]].",
        "| Titel | Norm |\n|---|---|\n| Visum | [[ § 6 ]] |",
    ] {
        let (_, problems) = parse(&format!("## Lücke?\n\n{line}\n\n- [(X)] a\n{EXPL}"));
        assert!(
            problems.iter().any(|p| (6..=8).contains(&p.line)
                && p.level == Level::Error
                && p.message.contains("Lückentexte")),
            "{line}:\n{}",
            describe(&problems)
        );
    }
}

#[test]
fn generic_and_scripted_quizzes_are_errors() {
    let (_, problems) = parse("## Zufall?\n\n[[!]]\n<script>\n  Math.random() < 0.2\n</script>\n");
    for (line, fragment) in [(6, "„[[!]]“"), (7, "Skript")] {
        assert!(
            problems
                .iter()
                .any(|p| p.line == line && p.level == Level::Error && p.message.contains(fragment)),
            "{line}:\n{}",
            describe(&problems)
        );
    }
    let (_, problems) = parse(&format!(
        "## F?\n[[52]]\n<script>alert(\"@input\")</script>\n{EXPL}"
    ));
    assert!(
        problems
            .iter()
            .any(|p| p.line == 6 && p.level == Level::Error && p.message.contains("Skript")),
        "{}",
        describe(&problems)
    );
}

#[test]
fn quiz_markers_in_code_stay_code() {
    let (q, problems) =
        parse("## F?\n\nSo schreibt man es: `[[ (a) | b ]]`.\n\n- [(X)] a\n*****\nE\n*****\n");
    assert!(problems.is_empty(), "{}", describe(&problems));
    assert!(q[0].details_html.contains("<code>[[ (a) | b ]]</code>"));
}
