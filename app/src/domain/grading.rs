//! Quiz grading on the server: answer keys never reach the browser, so this is the only judge.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

/// The correct answer of one question. Option indices refer to the authored order, not to the
/// shuffled order a learner saw.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Key {
    /// One option is chosen; it counts if it is any of `correct` (as in LiaScript, an author may
    /// mark several options of a single-choice question as right).
    Single {
        correct: BTreeSet<usize>,
    },
    Multiple {
        correct: BTreeSet<usize>,
    },
    Text {
        accepted: Vec<String>,
    },
}

/// What a learner submitted for one question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Response {
    #[default]
    Empty,
    Choice(usize),
    Choices(BTreeSet<usize>),
    Text(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionResult {
    pub correct: bool,
    pub answered: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Grade {
    pub results: Vec<QuestionResult>,
    pub correct: u32,
    pub total: u32,
    pub percent: u8,
    pub passed: bool,
}

/// The one percentage function (quiz scores and learning progress alike), so a number shown in
/// two places can never disagree.
///
/// Rounds DOWN: `floor(100 * part / whole)`. Rounding to nearest would show 199 of 200 as
/// "100 %", but 100 % must mean really complete. Returns 0 when `whole` is 0 and caps at 100
/// should a caller ever pass `part > whole`.
pub fn percent(part: u32, whole: u32) -> u8 {
    if whole == 0 {
        return 0;
    }
    // u64: 100 * u32::MAX does not fit in u32.
    let p = u64::from(part) * 100 / u64::from(whole);
    p.min(100) as u8
}

/// Canonical form of a free-text answer: lowercase and without any whitespace, so
/// "Blaue  Karte EU" matches "blauekarteeu" and "§ 18g" matches "§18g".
///
/// Lowercasing is per character (no context rules such as the Greek final sigma), so it gives
/// the same result however the text is split or spaced. "ß" and "ss" stay different; an author
/// who wants both lists both as alternatives.
pub fn normalize_text(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether a response counts as an attempt at the question. A blank text or an empty selection
/// is treated like no answer at all.
pub fn is_answered(response: &Response) -> bool {
    match response {
        Response::Empty => false,
        Response::Choice(_) => true,
        Response::Choices(chosen) => !chosen.is_empty(),
        Response::Text(text) => !normalize_text(text).is_empty(),
    }
}

/// Whether `response` answers the question with key `key` correctly. A response of the wrong
/// shape for the key is simply wrong (never a panic): it can only come from a stale or forged
/// form.
pub fn is_correct(key: &Key, response: &Response) -> bool {
    match (key, response) {
        (Key::Single { correct }, Response::Choice(chosen)) => correct.contains(chosen),
        // Exactly the right set: picking every option must not score.
        (Key::Multiple { correct }, Response::Choices(chosen)) => {
            !chosen.is_empty() && chosen == correct
        }
        (Key::Text { accepted }, Response::Text(text)) => {
            let answer = normalize_text(text);
            // A blank answer must not match an alternative that happens to normalize to "".
            !answer.is_empty() && accepted.iter().any(|a| normalize_text(a) == answer)
        }
        _ => false,
    }
}

/// Grades a whole quiz. Missing responses (fewer than keys) count as unanswered; extra
/// responses are ignored. Passed iff the percentage reaches `pass_percent`.
pub fn grade(keys: &[Key], responses: &[Response], pass_percent: u8) -> Grade {
    let empty = Response::Empty;
    let results: Vec<QuestionResult> = keys
        .iter()
        .enumerate()
        .map(|(i, key)| {
            let response = responses.get(i).unwrap_or(&empty);
            QuestionResult {
                correct: is_correct(key, response),
                answered: is_answered(response),
            }
        })
        .collect();
    let correct = results.iter().filter(|r| r.correct).count() as u32;
    let total = results.len() as u32;
    let percent = percent(correct, total);
    Grade {
        results,
        correct,
        total,
        percent,
        passed: percent >= pass_percent,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(items: &[usize]) -> BTreeSet<usize> {
        items.iter().copied().collect()
    }

    fn single(correct: usize) -> Key {
        Key::Single {
            correct: set(&[correct]),
        }
    }

    fn multiple(correct: &[usize]) -> Key {
        Key::Multiple {
            correct: set(correct),
        }
    }

    fn text(accepted: &[&str]) -> Key {
        Key::Text {
            accepted: accepted.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn answer(s: &str) -> Response {
        Response::Text(s.to_owned())
    }

    // --- percent ---

    #[test]
    fn percent_floors() {
        assert_eq!(percent(2, 3), 66);
        assert_eq!(percent(1, 3), 33);
        assert_eq!(percent(5, 6), 83);
        assert_eq!(percent(1, 2), 50);
    }

    #[test]
    fn percent_is_100_only_when_complete() {
        assert_eq!(percent(199, 200), 99);
        assert_eq!(percent(999_999, 1_000_000), 99);
        assert_eq!(percent(7, 7), 100);
    }

    #[test]
    fn percent_of_nothing_is_zero() {
        assert_eq!(percent(0, 0), 0);
        assert_eq!(percent(0, 5), 0);
    }

    #[test]
    fn percent_does_not_overflow_and_caps_at_100() {
        assert_eq!(percent(u32::MAX, u32::MAX), 100);
        assert_eq!(percent(u32::MAX - 1, u32::MAX), 99);
        assert_eq!(percent(5, 3), 100);
    }

    // --- normalize_text ---

    #[test]
    fn normalization_lowercases_and_drops_all_whitespace() {
        assert_eq!(normalize_text("Blaue  Karte EU"), "blauekarteeu");
        assert_eq!(normalize_text("§ 18g"), "§18g");
        assert_eq!(normalize_text("\t a\nB\u{00A0}c \u{2009}"), "abc");
        assert_eq!(normalize_text("   "), "");
    }

    #[test]
    fn normalization_lowercases_umlauts_and_sharp_s_consistently() {
        assert_eq!(normalize_text("ÄÖÜ"), "äöü");
        assert_eq!(normalize_text("STRAßE"), normalize_text("straße"));
        assert_eq!(normalize_text("STRAẞE"), "straße"); // capital sharp s
        assert_ne!(normalize_text("Strasse"), normalize_text("Straße"));
    }

    #[test]
    fn normalization_does_not_depend_on_spacing() {
        // Per-character lowercasing: the Greek final-sigma rule would otherwise make these differ.
        assert_eq!(normalize_text("ΟΔΟΣ A"), normalize_text("ΟΔΟΣA"));
    }

    // --- single choice ---

    #[test]
    fn single_choice_is_correct_only_for_the_keyed_index() {
        assert!(is_correct(&single(2), &Response::Choice(2)));
        assert!(!is_correct(&single(2), &Response::Choice(1)));
    }

    #[test]
    fn single_choice_with_several_keyed_options_accepts_any_one_of_them() {
        // (keyed options, chosen option, correct?)
        let table: &[(&[usize], usize, bool)] = &[
            (&[0, 2], 0, true),
            (&[0, 2], 2, true),
            (&[0, 2], 1, false),
            (&[0, 2], 3, false),
            (&[1], 1, true),
            (&[1], 0, false),
            (&[], 0, false),
        ];
        for &(keyed, chosen, expected) in table {
            let key = Key::Single {
                correct: set(keyed),
            };
            assert_eq!(
                is_correct(&key, &Response::Choice(chosen)),
                expected,
                "{keyed:?} / {chosen}"
            );
        }
        // Choosing several options at once is not a single-choice response.
        let key = Key::Single {
            correct: set(&[0, 2]),
        };
        assert!(!is_correct(&key, &Response::Choices(set(&[0, 2]))));
    }

    #[test]
    fn single_choice_out_of_range_index_is_wrong() {
        assert!(!is_correct(&single(2), &Response::Choice(99)));
        assert!(!is_correct(&single(2), &Response::Choice(usize::MAX)));
    }

    #[test]
    fn single_choice_wrong_shapes_are_wrong() {
        assert!(!is_correct(&single(0), &Response::Empty));
        assert!(!is_correct(&single(0), &Response::Choices(set(&[0]))));
        assert!(!is_correct(&single(0), &answer("0")));
    }

    // --- multiple choice ---

    #[test]
    fn multiple_choice_needs_exactly_the_right_set() {
        let key = multiple(&[0, 2]);
        assert!(is_correct(&key, &Response::Choices(set(&[2, 0]))));
        assert!(!is_correct(&key, &Response::Choices(set(&[0]))), "subset");
        assert!(
            !is_correct(&key, &Response::Choices(set(&[0, 1, 2]))),
            "superset"
        );
        assert!(
            !is_correct(&key, &Response::Choices(set(&[0, 1]))),
            "overlap"
        );
    }

    #[test]
    fn multiple_choice_empty_selection_is_wrong() {
        assert!(!is_correct(&multiple(&[1]), &Response::Choices(set(&[]))));
        // Even against a (broken) key with no correct option.
        assert!(!is_correct(&multiple(&[]), &Response::Choices(set(&[]))));
    }

    #[test]
    fn multiple_choice_wrong_shapes_are_wrong() {
        assert!(!is_correct(&multiple(&[1]), &Response::Choice(1)));
        assert!(!is_correct(&multiple(&[1]), &Response::Empty));
        assert!(!is_correct(&multiple(&[1]), &answer("1")));
    }

    // --- text ---

    #[test]
    fn text_matches_ignoring_case_and_whitespace() {
        let key = text(&["Blaue Karte EU"]);
        assert!(is_correct(&key, &answer("blaue karte eu")));
        assert!(is_correct(&key, &answer("  BLAUEKARTE  EU ")));
        assert!(!is_correct(&key, &answer("Blaue Karte")));
    }

    #[test]
    fn text_accepts_any_alternative() {
        let key = text(&["§ 18g AufenthG", "18g", "Paragraph 18g"]);
        assert!(is_correct(&key, &answer("§18g aufenthg")));
        assert!(is_correct(&key, &answer("18 g")));
        assert!(is_correct(&key, &answer("paragraph 18G")));
        assert!(!is_correct(&key, &answer("§ 18b")));
    }

    #[test]
    fn text_umlauts_and_sharp_s_compare_case_insensitively() {
        let key = text(&["Straße", "Ausländerbehörde"]);
        assert!(is_correct(&key, &answer("STRAßE")));
        assert!(is_correct(&key, &answer("AUSLÄNDERBEHÖRDE")));
        assert!(!is_correct(&key, &answer("Auslanderbehorde")));
    }

    #[test]
    fn blank_text_is_never_correct() {
        // Even when an authored alternative is blank and would normalize to "" too.
        let key = text(&["Ja", "  "]);
        assert!(!is_correct(&key, &answer("")));
        assert!(!is_correct(&key, &answer(" \t\n ")));
        assert!(!is_correct(&text(&[""]), &answer("")));
    }

    #[test]
    fn text_wrong_shapes_are_wrong() {
        assert!(!is_correct(&text(&["1"]), &Response::Choice(1)));
        assert!(!is_correct(&text(&["1"]), &Response::Empty));
        assert!(!is_correct(&text(&[]), &answer("anything")));
    }

    // --- answered ---

    #[test]
    fn blank_responses_do_not_count_as_answered() {
        assert!(!is_answered(&Response::Empty));
        assert!(!is_answered(&Response::Choices(set(&[]))));
        assert!(!is_answered(&answer("  ")));
        assert!(is_answered(&Response::Choice(0)));
        assert!(is_answered(&Response::Choices(set(&[3]))));
        assert!(is_answered(&answer("x")));
    }

    // --- grade ---

    #[test]
    fn grade_counts_correct_answers_and_floors_the_percentage() {
        let keys = [single(0), multiple(&[1, 2]), text(&["Ja"])];
        let responses = [
            Response::Choice(0),
            Response::Choices(set(&[1])),
            answer("ja"),
        ];
        let g = grade(&keys, &responses, 60);
        assert_eq!((g.correct, g.total, g.percent, g.passed), (2, 3, 66, true));
        assert_eq!(
            g.results,
            [
                QuestionResult {
                    correct: true,
                    answered: true
                },
                QuestionResult {
                    correct: false,
                    answered: true
                },
                QuestionResult {
                    correct: true,
                    answered: true
                },
            ]
        );
    }

    #[test]
    fn pass_threshold_is_inclusive_and_uses_the_floored_percentage() {
        let keys = vec![single(0); 6];
        let mut responses = vec![Response::Choice(0); 6];
        responses[5] = Response::Choice(1); // 5 of 6 = 83.3 %
        assert_eq!(grade(&keys, &responses, 84).percent, 83);
        assert!(!grade(&keys, &responses, 84).passed);
        assert!(grade(&keys, &responses, 83).passed);
        assert!(grade(&keys, &responses, 80).passed);
    }

    #[test]
    fn missing_responses_count_as_unanswered_and_wrong() {
        let keys = [single(0), single(1), single(2)];
        let g = grade(&keys, &[Response::Choice(0)], 50);
        assert_eq!(g.results.len(), 3);
        assert_eq!(g.correct, 1);
        assert_eq!(g.total, 3);
        assert!(!g.results[1].answered && !g.results[1].correct);
        assert!(!g.results[2].answered && !g.results[2].correct);
        assert!(!g.passed);
    }

    #[test]
    fn extra_responses_are_ignored() {
        let keys = [single(0)];
        let responses = [Response::Choice(0), Response::Choice(5), answer("x")];
        let g = grade(&keys, &responses, 100);
        assert_eq!((g.correct, g.total, g.percent, g.passed), (1, 1, 100, true));
        assert_eq!(g.results.len(), 1);
    }

    #[test]
    fn wrong_shapes_in_a_quiz_are_answered_but_wrong() {
        let g = grade(&[single(0)], &[answer("0")], 0);
        assert_eq!(
            g.results,
            [QuestionResult {
                correct: false,
                answered: true
            }]
        );
    }

    #[test]
    fn all_wrong_fails_any_positive_threshold() {
        let g = grade(
            &[single(0), single(0)],
            &[Response::Empty, Response::Empty],
            1,
        );
        assert_eq!((g.correct, g.percent, g.passed), (0, 0, false));
    }

    #[test]
    fn an_empty_quiz_scores_zero_percent() {
        let g = grade(&[], &[], 50);
        assert_eq!((g.correct, g.total, g.percent, g.passed), (0, 0, 0, false));
    }

    #[test]
    fn responses_round_trip_through_json() {
        // Responses are posted by the browser; the shape must survive serde both ways.
        for r in [
            Response::Empty,
            Response::Choice(3),
            Response::Choices(set(&[0, 2])),
            answer("§ 18g"),
        ] {
            let json = serde_json::to_string(&r).unwrap();
            assert_eq!(serde_json::from_str::<Response>(&json).unwrap(), r);
        }
    }
}
