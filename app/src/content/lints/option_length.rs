//! "Pick the longest answer": in single choice the correct option must not stand out by its
//! length, neither in one question (≥ 1.6× every other option) nor across the quiz (the longest
//! in more than half of the single-choice questions).
//!
//! Two floors keep short, honest answers quiet: the ratio needs a difference of at least ten
//! characters ("Nein" against "Ja" tells nothing), and the quiz-wide count needs at least three
//! single-choice questions (one or two questions say nothing about a habit).

use super::ChoiceShape;
use crate::content::model::Problem;
use crate::content::problems::warning;

/// 1.6 as a fraction, so the comparison stays in integers.
const RATIO: (usize, usize) = (16, 10);
/// Characters the correct option must be longer by for the ratio to count.
const MIN_DIFFERENCE: usize = 10;
/// Single-choice questions a quiz needs before the quiz-wide count applies.
const MIN_QUESTIONS: usize = 3;

/// The correct option's length and the longest other option's, for single-choice questions with
/// exactly one correct option and at least one other.
fn lengths(q: &ChoiceShape) -> Option<(usize, usize)> {
    if q.multiple {
        return None;
    }
    let mut correct = q.options.iter().filter(|(_, c)| *c).map(|(len, _)| *len);
    let right = correct.next()?;
    if correct.next().is_some() {
        return None;
    }
    let other = q
        .options
        .iter()
        .filter(|(_, c)| !*c)
        .map(|(len, _)| *len)
        .max()?;
    Some((right, other))
}

pub(crate) fn check(file: &str, questions: &[ChoiceShape]) -> Vec<Problem> {
    let mut problems = Vec::new();
    let singles = questions
        .iter()
        .filter(|q| !q.multiple && q.options.len() >= 2)
        .count();
    let mut longest = Vec::new();
    for q in questions {
        let Some((right, other)) = lengths(q) else {
            continue;
        };
        if right > other {
            longest.push(q.line);
        }
        if right >= other + MIN_DIFFERENCE && right * RATIO.1 >= other * RATIO.0 {
            problems.push(warning(
                file,
                q.line,
                format!(
                    "Die richtige Antwort ist mindestens 1,6-mal so lang wie jede andere ({right} \
                     zu höchstens {other} Zeichen): Wer rät, wählt die längste Antwort. Kürzen Sie \
                     sie (die Begründung gehört in die Erklärung) oder formulieren Sie die falschen \
                     Antworten ähnlich ausführlich."
                ),
            ));
        }
    }
    if let Some(&first) = longest.first() {
        if singles >= MIN_QUESTIONS && longest.len() * 2 > singles {
            let lines: Vec<String> = longest.iter().map(u32::to_string).collect();
            problems.push(warning(
                file,
                first,
                format!(
                    "Die richtige Antwort ist in {} von {singles} Einfachauswahl-Fragen die \
                     längste (Fragen in Zeile {}): Wer rät, wählt die längste Antwort. Gleichen \
                     Sie die Längen an, sodass die richtige Antwort höchstens in der Hälfte der \
                     Fragen die längste ist.",
                    longest.len(),
                    lines.join(", ")
                ),
            ));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn single(line: u32, options: &[(usize, bool)]) -> ChoiceShape {
        ChoiceShape {
            line,
            multiple: false,
            options: options.to_vec(),
        }
    }

    fn lines_of(problems: &[Problem], fragment: &str) -> Vec<u32> {
        problems
            .iter()
            .filter(|p| p.message.contains(fragment))
            .map(|p| p.line)
            .collect()
    }

    #[test]
    fn one_question_warns_from_1_6_times_the_longest_other_option() {
        // (options, warns)
        let table: &[(&[(usize, bool)], bool)] = &[
            (&[(32, true), (20, false), (18, false)], true),
            (&[(31, true), (20, false), (18, false)], false),
            (&[(40, true), (10, false), (30, false)], false),
            (&[(10, false), (30, true)], true),
            // Short answers: "Nein" against "Ja" is 2x, but only two characters longer.
            (&[(2, false), (4, true)], false),
            (&[(8, false), (17, true)], false),
            (&[(8, false), (18, true)], true),
            // Several correct options, no other option, or multiple choice: not this rule.
            (&[(30, true), (30, true), (5, false)], false),
            (&[(30, true)], false),
        ];
        for (options, warns) in table {
            let problems = check("q.md", &[single(7, options)]);
            assert_eq!(
                !lines_of(&problems, "1,6-mal").is_empty(),
                *warns,
                "{options:?}"
            );
        }
        let multiple = ChoiceShape {
            multiple: true,
            ..single(7, &[(30, true), (5, false)])
        };
        assert!(check("q.md", &[multiple]).is_empty());
    }

    #[test]
    fn the_quiz_warns_when_the_correct_option_is_longest_in_more_than_half() {
        let long = [(12, true), (10, false)];
        let short = [(8, true), (10, false)];
        let tie = [(10, true), (10, false)];
        // (questions as long/short/tie, warning line)
        type Options<'a> = &'a [(usize, bool)];
        let table: &[(&[Options<'_>], Option<u32>)] = &[
            (&[&long, &long, &short], Some(1)),
            (&[&short, &long, &long], Some(2)),
            (&[&long, &short], None),
            (&[&long, &tie, &short], None),
            (&[&long, &long, &long, &short], Some(1)),
            // Fewer than three single-choice questions: no habit to see.
            (&[&long], None),
            (&[&long, &long], None),
            (&[&short, &tie], None),
        ];
        for (questions, expected) in table {
            let shapes: Vec<ChoiceShape> = questions
                .iter()
                .zip(1..)
                .map(|(options, line)| single(line, options))
                .collect();
            let problems = check("q.md", &shapes);
            let got = lines_of(&problems, "Einfachauswahl-Fragen");
            assert_eq!(
                got,
                expected.iter().copied().collect::<Vec<_>>(),
                "{questions:?}"
            );
        }
    }
}
