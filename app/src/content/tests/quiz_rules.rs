//! Quiz format (LiaScript-compatible): question shapes, answers, hints, explanations, errors.

use super::support::{assert_problem, load_with};
use crate::content::markdown::Ctx;
use crate::content::{quiz, Answer, Level, LoadResult, Problem, Question, QuizState};

const FILE: &str = "t/01-m/quiz.md";

/// Front matter of 3 lines, so the body starts at line 4.
fn quiz_file(body: &str) -> String {
    format!("+++\ntitle = \"Q\"\n+++\n{body}")
}

fn load(body: &str) -> LoadResult {
    load_with(FILE, &quiz_file(body))
}

fn parse(body: &str) -> (Vec<Question>, Vec<Problem>) {
    quiz::parse(
        &Ctx {
            file: FILE,
            links: None,
        },
        body,
        4,
        1,
    )
}

fn questions(body: &str) -> Vec<Question> {
    let r = load(body);
    match &r.course.tracks[0].modules[0].quiz {
        QuizState::Present(q) => q.questions.clone(),
        other => panic!(
            "quiz not loaded ({other:?}):\n{}",
            super::support::describe(&r.problems)
        ),
    }
}

const EXPL: &str = "*****\nWeil.\n*****\n";

#[test]
fn single_choice_with_details_hints_and_explanation() {
    let q = questions(&format!(
        "## Welche Aussage trifft zu?\n\nHerr K. legt eine Duldung vor.\n\nZweiter Absatz.\n\n- [( )] falsch\n- [(X)] richtig nach § 60a AufenthG\n- [( )] auch falsch\n\n[[?]] Schauen Sie in § 4 AufenthG.\n[[?]] Zweiter Tipp\n\n{EXPL}"
    ));
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].number, 1);
    assert_eq!(q[0].prompt_html, "Welche Aussage trifft zu?");
    assert!(
        q[0].details_html
            .contains("<p>Herr K. legt eine Duldung vor.</p>")
            && q[0].details_html.contains("Zweiter Absatz")
    );
    let Answer::Single(options) = &q[0].answer else {
        panic!("{:?}", q[0].answer)
    };
    assert_eq!(
        options.iter().map(|o| o.correct).collect::<Vec<_>>(),
        vec![false, true, false]
    );
    assert!(
        options[1].text_html.contains("class=\"norm\""),
        "{}",
        options[1].text_html
    );
    assert_eq!(q[0].hints.len(), 2);
    assert!(q[0].hints[0].contains("class=\"norm\""));
    assert_eq!(q[0].explanation_html, "<p>Weil.</p>\n");
}

#[test]
fn multiple_choice_accepts_upper_and_lower_case_x() {
    let q = questions(&format!(
        "## Welche?\n- [[X]] a\n- [[x]] b\n- [[ ]] c\n{EXPL}"
    ));
    let Answer::Multiple(options) = &q[0].answer else {
        panic!("{:?}", q[0].answer)
    };
    assert_eq!(
        options.iter().map(|o| o.correct).collect::<Vec<_>>(),
        vec![true, true, false]
    );
}

#[test]
fn text_answers_split_on_pipes_and_trim() {
    let q = questions(&format!(
        "## Welcher Titel?\n\n[[ Niederlassungserlaubnis | NE ]]\n{EXPL}"
    ));
    assert_eq!(
        q[0].answer,
        Answer::Text(vec!["Niederlassungserlaubnis".into(), "NE".into()])
    );
}

#[test]
fn liascript_style_paragraph_questions_are_recognised() {
    let q = questions(&format!(
        "Was ist 1 + 1?\n\n- [( )] 1\n- [(X)] 2\n{EXPL}\nUnd die Hauptstadt?\n[[Berlin]]\n{EXPL}"
    ));
    assert_eq!(q.len(), 2);
    assert_eq!(q[0].prompt_html, "Was ist 1 + 1?");
    assert_eq!(q[1].number, 2);
    assert_eq!(q[1].prompt_html, "Und die Hauptstadt?");
    assert_eq!(q[1].answer, Answer::Text(vec!["Berlin".into()]));
}

#[test]
fn a_numbered_prompt_stays_inline_text() {
    let q = questions(&format!("## 1. Frage\n- [(X)] - keine Liste\n{EXPL}"));
    assert_eq!(q[0].prompt_html, "1. Frage");
    let Answer::Single(options) = &q[0].answer else {
        panic!()
    };
    assert_eq!(options[0].text_html, "- keine Liste");
}

#[test]
fn a_question_without_answers_is_an_error_at_its_heading() {
    let r = load(&format!(
        "## Erste?\n- [(X)] a\n{EXPL}\n## Zweite ohne Antworten\n\nNur Text.\n{EXPL}"
    ));
    assert_problem(&r, FILE, 10, Level::Error, "Die Frage hat keine Antworten");
    assert_eq!(r.course.tracks[0].modules[0].quiz, QuizState::Broken);
}

#[test]
fn single_choice_needs_exactly_one_correct_option() {
    let r = load(&format!("## Keine?\n- [( )] a\n- [( )] b\n{EXPL}"));
    assert_problem(
        &r,
        FILE,
        4,
        Level::Error,
        "Einfachauswahl mit 0 richtigen Antworten",
    );
    let r = load(&format!("## Zwei?\n- [(X)] a\n- [(X)] b\n{EXPL}"));
    assert_problem(
        &r,
        FILE,
        4,
        Level::Error,
        "Einfachauswahl mit 2 richtigen Antworten",
    );
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
fn indented_continuation_lines_belong_to_the_option() {
    let (q, problems) = parse("## F?\n- [(X)] eine lange\n  Antwort\n- [( )] b\n*****\nE\n*****\n");
    assert!(problems.is_empty(), "{problems:?}");
    let Answer::Single(options) = &q[0].answer else {
        panic!()
    };
    assert_eq!(options[0].text_html, "eine lange\nAntwort");
    assert_eq!(options.len(), 2);
}

#[test]
fn markers_inside_code_fences_in_details_are_not_quiz_syntax() {
    let (q, problems) =
        parse("## F?\n\n```\n- [(X)] kein Marker\n*****\n```\n\n- [(X)] a\n*****\nE\n*****\n");
    assert!(problems.is_empty(), "{problems:?}");
    assert!(
        q[0].details_html.contains("<pre><code>- [(X)] kein Marker"),
        "{}",
        q[0].details_html
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
