//! Quality warnings beyond the format rules (issue 14): quizzes a test-wise learner passes by
//! guessing, dates that Markdown turns into lists, research notes in learner text, and
//! paragraphs copied between lessons. One rule per file, each a pure function with its tests.

pub(crate) mod correct_first;
pub(crate) mod date_list;
pub(crate) mod duplicates;
pub(crate) mod markers;
pub(crate) mod option_length;
mod paragraphs;

use std::path::Path;

use super::frontmatter::split;
use super::model::{Answer, Course, Problem, Question};

/// What the quiz checks need of a choice question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ChoiceShape {
    /// File line of the question.
    pub line: u32,
    pub multiple: bool,
    /// Per option in authored order: visible length in characters, and whether it is correct.
    pub options: Vec<(usize, bool)>,
}

/// Quiz-wide checks over the parsed questions (`lines[i]` is the line of `questions[i]`).
pub(crate) fn quiz_choices(file: &str, lines: &[u32], questions: &[Question]) -> Vec<Problem> {
    let shapes: Vec<ChoiceShape> = questions
        .iter()
        .zip(lines)
        .filter_map(|(q, &line)| {
            let (multiple, options) = match &q.answer {
                Answer::Single(o) => (false, o),
                Answer::Multiple(o) => (true, o),
                Answer::Text(_) => return None,
            };
            Some(ChoiceShape {
                line,
                multiple,
                options: options
                    .iter()
                    .map(|o| (visible_len(&o.text_html), o.correct))
                    .collect(),
            })
        })
        .collect();
    let mut problems = option_length::check(file, &shapes);
    problems.extend(correct_first::check(file, &shapes));
    problems
}

/// Checks on the raw text of any content file (lesson, intro, quiz).
pub(crate) fn file_text(file: &str, text: &str) -> Vec<Problem> {
    markers::check(file, text)
}

/// Course-wide checks. The lesson model keeps only rendered HTML, so the paragraphs (with their
/// lines) are read again from the loaded lessons' files; a file that vanished meanwhile is
/// simply skipped.
pub(crate) fn course(root: &Path, course: &Course) -> Vec<Problem> {
    let mut docs = Vec::new();
    for lesson in course
        .tracks
        .iter()
        .flat_map(|t| &t.modules)
        .flat_map(|m| &m.lessons)
    {
        let Ok(text) = std::fs::read_to_string(&lesson.source) else {
            continue;
        };
        let file = lesson
            .source
            .strip_prefix(root)
            .unwrap_or(&lesson.source)
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        let Ok(parts) = split(&file, &text) else {
            continue;
        };
        let paragraphs = paragraphs::extract(parts.body, parts.body_line);
        docs.push(duplicates::Doc { file, paragraphs });
    }
    duplicates::check(&docs)
}

/// Characters a learner sees in sanitised inline HTML: tags dropped, an entity counts once.
pub(crate) fn visible_len(html: &str) -> usize {
    let mut len = 0;
    let mut in_tag = false;
    let mut in_entity = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if in_tag => {}
            '&' => {
                in_entity = true;
                len += 1;
            }
            ';' if in_entity => in_entity = false,
            _ if in_entity && (c.is_ascii_alphanumeric() || c == '#') => {}
            _ => {
                in_entity = false;
                len += 1;
            }
        }
    }
    len
}

#[cfg(test)]
mod tests {
    use super::visible_len;

    #[test]
    fn visible_length_ignores_tags_and_counts_entities_once() {
        let table = [
            ("Visum", 5),
            ("<strong>Visum</strong>", 5),
            (
                "nach <a href=\"https://x/__4.html\" class=\"norm\">§ 4 AufenthG</a>",
                17,
            ),
            ("A &amp; B", 5),
            ("&lt;b&gt;", 3),
            ("Ausländer", 9),
            ("", 0),
        ];
        for (html, expected) in table {
            assert_eq!(visible_len(html), expected, "{html}");
        }
    }
}
