//! Guessable quizzes (issue 14): warnings at the question (or first offending question) line.

use super::quiz_support::{load, EXPL, FILE};
use super::support::{assert_clean, assert_problem, describe};
use crate::content::{Level, LoadResult};

fn warnings_containing(r: &LoadResult, fragment: &str) -> Vec<u32> {
    r.problems
        .iter()
        .filter(|p| p.level == Level::Warning && p.message.contains(fragment))
        .map(|p| p.line)
        .collect()
}

#[test]
fn a_correct_option_much_longer_than_every_other_is_a_warning_at_its_question() {
    // Line 4: heading; the correct option (58 characters) is more than 1.6x the longest
    // distractor (20 characters).
    let r = load(&format!(
        "## Was gilt?\n- [( )] Die Duldung gilt nie\n- [(X)] Die Duldung setzt die Abschiebung vorübergehend aus\n- [( )] Sie ist ein Titel\n{EXPL}"
    ));
    assert_problem(&r, FILE, 4, Level::Warning, "1,6-mal so lang");
    assert!(!r.has_errors(), "{}", describe(&r.problems));
}

#[test]
fn similar_option_lengths_are_clean() {
    let r = load(&format!(
        "## Was gilt?\n- [( )] Die Duldung ist ein Titel\n- [(X)] Sie setzt die Abschiebung aus\n- [( )] Sie erlaubt jede Arbeit\n{EXPL}\n## Und?\n- [(X)] kurz\n- [( )] länger\n{EXPL}"
    ));
    assert_clean(&r);
}

#[test]
fn the_correct_option_longest_in_more_than_half_of_the_questions_is_a_warning() {
    // Three single-choice questions; the correct option is the longest in the first two
    // (lines 4 and 11), never 1.6x longer. The third (line 18) has a longer distractor.
    let r = load(&format!(
        "## Eins?\n- [( )] acht Wörter\n- [(X)] neun Wörter!\n{EXPL}\n## Zwei?\n- [( )] kurze Antwort\n- [(X)] kurze Antwort!\n{EXPL}\n## Drei?\n- [(X)] kurz\n- [( )] länger\n{EXPL}"
    ));
    assert_problem(
        &r,
        FILE,
        4,
        Level::Warning,
        "in 2 von 3 Einfachauswahl-Fragen",
    );
    assert_eq!(warnings_containing(&r, "von 3 Einfachauswahl"), vec![4]);
}

#[test]
fn the_correct_option_longest_in_exactly_half_of_the_questions_is_clean() {
    let r = load(&format!(
        "## Eins?\n- [( )] kurz\n- [(X)] länger\n{EXPL}\n## Zwei?\n- [(X)] kurz\n- [( )] länger\n{EXPL}"
    ));
    assert_clean(&r);
}

#[test]
fn multiple_choice_with_all_correct_options_first_is_a_warning() {
    let r = load(&format!(
        "## Welche?\n- [[X]] Antwort a\n- [[X]] Antwort b\n- [[ ]] Antwort c\n- [[ ]] Antwort d\n{EXPL}"
    ));
    assert_problem(
        &r,
        FILE,
        4,
        Level::Warning,
        "alle richtigen Antworten stehen vor allen falschen",
    );
}

#[test]
fn mixed_multiple_choice_and_two_option_questions_are_clean() {
    let r = load(&format!(
        "## Welche?\n- [[ ]] Antwort a\n- [[X]] Antwort b\n- [[X]] Antwort c\n{EXPL}\n## Zwei?\n- [[X]] Antwort a\n- [[ ]] Antwort b\n{EXPL}"
    ));
    assert_clean(&r);
}

#[test]
fn single_choice_with_several_marked_options_is_a_warning_not_an_error() {
    let r = load(&format!(
        "## Schreibweise?\n- [(X)] Antwort a\n- [( )] Antwort b\n- [(x)] Antwort c\n{EXPL}"
    ));
    assert_problem(
        &r,
        FILE,
        4,
        Level::Warning,
        "Einfachauswahl mit 2 richtigen Antworten",
    );
    assert!(!r.has_errors(), "{}", describe(&r.problems));
}
