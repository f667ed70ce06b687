//! Valid quiz shapes: what each question form parses into.

use super::quiz_support::{parse, questions, EXPL};
use crate::content::Answer;

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
fn indented_continuation_lines_belong_to_the_option() {
    let (q, problems) = parse(
        "## F?\n- [(X)] eine lange\n  Antwort\n- [( )] eine andere Antwort\n*****\nE\n*****\n",
    );
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
