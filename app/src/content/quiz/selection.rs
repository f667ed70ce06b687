//! LiaScript selection quizzes: `[[ 6 | ( 6x^5 ) | 5x^6 ]]`. A bracket with `|` in which at
//! least one option is wrapped in parentheses is a choice (the parenthesised options are right);
//! without a parenthesised option it stays Lotse's text answer with alternatives
//! (`[[Niederlassungserlaubnis|NE]]`).

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Choice {
    /// Markdown of the option, without the marking parentheses.
    pub text: String,
    pub correct: bool,
}

/// The options of a selection quiz, or `None` if `inner` (the text between `[[` and `]]`) is a
/// text answer.
pub(crate) fn parse(inner: &str) -> Option<Vec<Choice>> {
    if !inner.contains('|') {
        return None;
    }
    let choices: Vec<Choice> = inner
        .split('|')
        .map(|part| {
            let part = part.trim();
            match wrapped(part) {
                Some(marked) => Choice {
                    text: marked.trim().to_owned(),
                    correct: true,
                },
                None => Choice {
                    text: part.to_owned(),
                    correct: false,
                },
            }
        })
        .collect();
    choices.iter().any(|c| c.correct).then_some(choices)
}

/// The text inside `(…)` if the whole of `part` is one parenthesised group: `( f'(x) )` is,
/// `(a) und (b)` is not.
fn wrapped(part: &str) -> Option<&str> {
    let inner = part.strip_prefix('(')?.strip_suffix(')')?;
    let mut depth = 0usize;
    for c in inner.chars() {
        match c {
            '(' => depth += 1,
            ')' if depth == 0 => return None,
            ')' => depth -= 1,
            _ => {}
        }
    }
    Some(inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(inner: &str) -> Option<Vec<(String, bool)>> {
        parse(inner).map(|choices| choices.into_iter().map(|c| (c.text, c.correct)).collect())
    }

    fn owned(expected: &Option<Vec<(&str, bool)>>) -> Option<Vec<(String, bool)>> {
        expected
            .as_ref()
            .map(|v| v.iter().map(|(t, c)| ((*t).to_owned(), *c)).collect())
    }

    #[test]
    fn brackets_are_selections_only_with_a_bar_and_a_parenthesised_option() {
        type Expected = Option<Vec<(&'static str, bool)>>;
        let table: &[(&str, Expected)] = &[
            (
                " 6 | ( 6x^5 ) | 5x^6 ",
                Some(vec![("6", false), ("6x^5", true), ("5x^6", false)]),
            ),
            ("(blau)|rot", Some(vec![("blau", true), ("rot", false)])),
            (
                " a | (b) | (**c**) ",
                Some(vec![("a", false), ("b", true), ("**c**", true)]),
            ),
            // Lotse text alternatives and plain text answers.
            ("Niederlassungserlaubnis|NE", None),
            (" § 4 (1) AufenthG | § 4 ", None),
            ("(NE)", None),
            ("(a) und (b) | c", None),
            (
                "( f'(x) = 6x^5 ) | 6",
                Some(vec![("f'(x) = 6x^5", true), ("6", false)]),
            ),
            ("dam", None),
        ];
        for (inner, expected) in table {
            assert_eq!(shape(inner), owned(expected), "{inner}");
        }
    }

    #[test]
    fn an_option_only_starting_with_a_parenthesis_is_not_marked() {
        assert_eq!(
            shape("(a) und b | (c)"),
            owned(&Some(vec![("(a) und b", false), ("c", true)]))
        );
    }
}
