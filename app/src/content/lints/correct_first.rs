//! "Tick the first ones": a multiple-choice question with more than two options whose correct
//! options all come before all wrong ones. Lotse shuffles options on screen, but LiaScript,
//! printouts and reviewers read them in the authored order.

use super::ChoiceShape;
use crate::content::model::Problem;
use crate::content::problems::warning;

/// Whether the options are some correct ones followed only by wrong ones (at least one of each).
fn correct_come_first(options: &[(usize, bool)]) -> bool {
    let correct = options.iter().take_while(|(_, c)| *c).count();
    correct > 0 && correct < options.len() && options.iter().skip(correct).all(|(_, c)| !*c)
}

pub(crate) fn check(file: &str, questions: &[ChoiceShape]) -> Vec<Problem> {
    questions
        .iter()
        .filter(|q| q.multiple && q.options.len() > 2 && correct_come_first(&q.options))
        .map(|q| {
            warning(
                file,
                q.line,
                "Mehrfachauswahl: alle richtigen Antworten stehen vor allen falschen – wer rät, \
                 kreuzt einfach die ersten an. Mischen Sie die Reihenfolge, sodass richtige und \
                 falsche Antworten abwechseln.",
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_correct_then_wrong_with_more_than_two_options_warns() {
        // Correctness of the options in authored order, and whether the question warns.
        let table: &[(&[bool], bool)] = &[
            (&[true, false, false], true),
            (&[true, true, false], true),
            (&[true, true, true, false, false], true),
            (&[false, true, true], false),
            (&[true, false, true], false),
            (&[false, false, true], false),
            (&[true, true, true], false),
            // Two options: no order gives anything away.
            (&[true, false], false),
        ];
        for (flags, warns) in table {
            let shape = ChoiceShape {
                line: 3,
                multiple: true,
                options: flags.iter().map(|&c| (10, c)).collect(),
            };
            let problems = check("q.md", std::slice::from_ref(&shape));
            assert_eq!(problems.len(), usize::from(*warns), "{flags:?}");
            let single = ChoiceShape {
                multiple: false,
                ..shape
            };
            assert!(check("q.md", &[single]).is_empty(), "{flags:?}");
        }
    }
}
