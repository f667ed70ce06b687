//! Adapter tests: stored question → grading key, posted form fields → grading response, and
//! the client-safe view carrying nothing that gives the answer away.

use std::collections::{BTreeSet, HashMap};

use super::*;
use crate::content::{Answer, AnswerOption, Question};
use crate::domain::grading::{grade, Key, Response};

fn option(text: &str, correct: bool) -> AnswerOption {
    AnswerOption {
        text_html: text.to_owned(),
        correct,
    }
}

fn question(number: u32, answer: Answer) -> Question {
    Question {
        number,
        prompt_html: format!("Frage {number}"),
        details_html: String::new(),
        answer,
        hints: vec!["Ein Hinweis".into()],
        explanation_html: "<p>GEHEIME ERKLÄRUNG</p>".into(),
    }
}

fn single() -> Question {
    question(
        1,
        Answer::Single(vec![
            option("A", false),
            option("B", true),
            option("C", false),
            option("D", false),
        ]),
    )
}

fn multiple() -> Question {
    question(
        2,
        Answer::Multiple(vec![
            option("A", true),
            option("B", false),
            option("C", true),
            option("D", false),
        ]),
    )
}

fn text() -> Question {
    question(3, Answer::Text(vec!["§ 18g AufenthG".into(), "18g".into()]))
}

fn fields(pairs: &[(&str, &str)]) -> HashMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// The shown position of the option with `text`, as a learner would pick it.
fn shown_position(q: &Question, seed: i64, text: &str) -> usize {
    let view = question_view(q, &shown_order(seed, q));
    view.options.iter().position(|o| o == text).unwrap()
}

#[test]
fn keys_come_from_the_correct_flags_and_accepted_answers() {
    assert_eq!(
        key_of(&single()),
        Key::Single {
            correct: BTreeSet::from([1])
        }
    );
    assert_eq!(
        key_of(&multiple()),
        Key::Multiple {
            correct: BTreeSet::from([0, 2])
        }
    );
    assert_eq!(
        key_of(&text()),
        Key::Text {
            accepted: vec!["§ 18g AufenthG".into(), "18g".into()]
        }
    );
}

#[test]
fn a_single_choice_question_without_a_correct_option_accepts_nothing() {
    let q = question(
        1,
        Answer::Single(vec![option("A", false), option("B", false)]),
    );
    let key = key_of(&q);
    for i in 0..2 {
        assert!(!grade(std::slice::from_ref(&key), &[Response::Choice(i)], 0).results[0].correct);
    }
}

#[test]
fn a_single_choice_question_with_several_marked_options_accepts_each_of_them() {
    let q = question(
        1,
        Answer::Single(vec![
            option("A", true),
            option("B", false),
            option("C", true),
        ]),
    );
    let key = key_of(&q);
    let correct =
        |i| grade(std::slice::from_ref(&key), &[Response::Choice(i)], 0).results[0].correct;
    assert_eq!([correct(0), correct(1), correct(2)], [true, false, true]);
}

#[test]
fn the_view_shows_every_option_in_the_attempts_order_and_no_solution() {
    let q = multiple();
    let order = shown_order(42, &q);
    let view = question_view(&q, &order);
    let expected: Vec<String> = order
        .iter()
        .map(|&i| options_of(&q)[i].text_html.clone())
        .collect();
    assert_eq!(view.options, expected);
    assert_eq!(view.kind, QuestionKind::Multiple);
    let json = serde_json::to_string(&view).unwrap();
    assert!(
        !json.contains("correct") && !json.contains("GEHEIME"),
        "{json}"
    );
    let text_json =
        serde_json::to_string(&question_view(&text(), &shown_order(42, &text()))).unwrap();
    assert!(!text_json.contains("18g"), "{text_json}");
}

#[test]
fn the_same_seed_shows_the_same_order_and_seeds_differ() {
    let q = single();
    assert_eq!(shown_order(7, &q), shown_order(7, &q));
    let distinct: BTreeSet<Vec<usize>> = (0..20).map(|s| shown_order(s, &q)).collect();
    assert!(distinct.len() > 5);
    // Negative stored seeds (u64 values above i64::MAX) work alike.
    assert_eq!(shown_order(-1, &q).len(), 4);
}

#[test]
fn a_chosen_radio_maps_back_to_the_authored_option() {
    let q = single();
    for seed in [0, 1, 99, -5] {
        let p = shown_position(&q, seed, "B").to_string();
        let r = response_from_form(&q, &shown_order(seed, &q), &fields(&[("q1", &p)]));
        assert_eq!(r, Response::Choice(1), "seed {seed}");
    }
}

#[test]
fn ticked_checkboxes_map_back_to_the_authored_set() {
    let q = multiple();
    let seed = 1234;
    let a = option_field(2, shown_position(&q, seed, "A"));
    let c = option_field(2, shown_position(&q, seed, "C"));
    let r = response_from_form(&q, &shown_order(seed, &q), &fields(&[(&a, "1"), (&c, "1")]));
    assert_eq!(r, Response::Choices(BTreeSet::from([0, 2])));
    let none = response_from_form(&q, &shown_order(seed, &q), &fields(&[]));
    assert_eq!(none, Response::Choices(BTreeSet::new()));
}

#[test]
fn text_answers_are_taken_as_typed_and_capped() {
    let q = text();
    let order = shown_order(1, &q);
    assert_eq!(
        response_from_form(&q, &order, &fields(&[("q3", " § 18g ")])),
        Response::Text(" § 18g ".into())
    );
    assert_eq!(
        response_from_form(&q, &order, &fields(&[])),
        Response::Empty
    );
    let long = "x".repeat(5000);
    match response_from_form(&q, &order, &fields(&[("q3", &long)])) {
        Response::Text(t) => assert_eq!(t.chars().count(), MAX_TEXT_ANSWER),
        other => panic!("{other:?}"),
    }
}

#[test]
fn forged_or_stale_values_count_as_unanswered() {
    let q = single();
    let order = shown_order(3, &q);
    for value in ["4", "-1", "abc", "", "99999999999999999999999"] {
        assert_eq!(
            response_from_form(&q, &order, &fields(&[("q1", value)])),
            Response::Empty,
            "{value:?}"
        );
    }
    // Fields of other questions are ignored.
    assert_eq!(
        response_from_form(&q, &order, &fields(&[("q2", "0")])),
        Response::Empty
    );
}

#[test]
fn a_learner_who_picks_the_right_texts_passes_whatever_the_shuffle() {
    let questions = vec![single(), multiple(), text()];
    for seed in [0, 5, 77, i64::MIN] {
        let form = fields(&[
            (
                &choice_field(1),
                &shown_position(&questions[0], seed, "B").to_string(),
            ),
            (
                &option_field(2, shown_position(&questions[1], seed, "A")),
                "on",
            ),
            (
                &option_field(2, shown_position(&questions[1], seed, "C")),
                "on",
            ),
            (&choice_field(3), "18 G"),
        ]);
        let (keys, responses) = grade_inputs(&questions, seed, &form);
        let g = grade(&keys, &responses, 100);
        assert_eq!((g.correct, g.passed), (3, true), "seed {seed}");
    }
}

#[test]
fn chosen_texts_name_the_picked_options() {
    assert_eq!(chosen_texts(&single(), &Response::Choice(1)), vec!["B"]);
    assert_eq!(
        chosen_texts(&multiple(), &Response::Choices(BTreeSet::from([0, 2]))),
        vec!["A", "C"]
    );
    assert!(chosen_texts(&single(), &Response::Choice(9)).is_empty());
    assert!(chosen_texts(&text(), &Response::Text("x".into())).is_empty());
}

#[test]
fn option_labels_keep_their_text_but_lose_links() {
    assert_eq!(
        without_links(
            r#"Eine Duldung nach <a href="https://x.example/60a" rel="noopener">§ 60a AufenthG</a> <em>oder</em> <abbr>EU</abbr>"#
        ),
        "Eine Duldung nach § 60a AufenthG <em>oder</em> <abbr>EU</abbr>"
    );
    assert_eq!(without_links("ohne Tags"), "ohne Tags");
    assert_eq!(without_links("kaputt <a href"), "kaputt ");
}
