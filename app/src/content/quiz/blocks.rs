//! First quiz pass: cuts the quiz body into line-numbered blocks (question headings, answer
//! options, text answers, hints, explanations, free paragraphs). Line-based on purpose: the
//! LiaScript markers are line-oriented and this keeps every problem on its exact line.

use super::super::model::Problem;
use super::super::problems::error;
use super::brackets;
use super::patterns::{
    is_marker, lines, FENCE, HEADING, HINT, MULTI_BARE, MULTI_LISTED, OPEN_BRACKET, SINGLE, STARS,
    TASK_ITEM, TEXT_ANSWER,
};
use super::selection::{self, Choice};
use super::unsupported;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Kind {
    /// `## prompt`; empty when the heading has no text.
    Heading(String),
    Choice {
        multiple: bool,
        correct: bool,
        text: String,
    },
    /// The raw text between `[[` and `]]`.
    TextAnswer(String),
    /// `[[ a | (b) | c ]]`: a single choice whose parenthesised options are right.
    Selection(Vec<Choice>),
    Hint(String),
    /// Byte range of the text between the two `*****` lines.
    Explanation {
        start: usize,
        end: usize,
    },
    /// Markdown for prompts or case descriptions: byte range in the body.
    Paragraph {
        start: usize,
        end: usize,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Block {
    pub kind: Kind,
    /// File line of the block's first line.
    pub line: u32,
}

/// Splits the body (whose first line is `first_line`) into blocks.
pub(crate) fn scan(
    file: &str,
    body: &str,
    first_line: u32,
    problems: &mut Vec<Problem>,
) -> Vec<Block> {
    let all = lines(body);
    let line_no = |i: usize| super::super::problems::advance(first_line, i);
    let mut blocks = Vec::new();
    let mut i = 0;
    while let Some(line) = all.get(i) {
        let text = line.text;
        let here = line_no(i);
        if text.trim().is_empty() {
            i += 1;
            continue;
        }
        if STARS.is_match(text) {
            let close =
                (i + 1..all.len()).find(|&j| all.get(j).is_some_and(|l| STARS.is_match(l.text)));
            let Some(close) = close else {
                problems.push(error(
                    file,
                    here,
                    "Die Erklärung wird nicht abgeschlossen: Setzen Sie nach dem Erklärungstext \
                     eine weitere Zeile „*****“.",
                ));
                break;
            };
            let start = all.get(i + 1).map_or(body.len(), |l| l.start);
            let end = all.get(close).map_or(body.len(), |l| l.start);
            blocks.push(Block {
                kind: Kind::Explanation {
                    start,
                    end: end.max(start),
                },
                line: here,
            });
            i = close + 1;
            continue;
        }
        if let Some(c) = HEADING.captures(text) {
            let prompt = c.get(1).map_or("", |m| m.as_str()).trim().to_owned();
            if unsupported::has_gap(&prompt) {
                problems.push(error(file, here, unsupported::GAP_TEXT));
            }
            blocks.push(Block {
                kind: Kind::Heading(prompt),
                line: here,
            });
            i += 1;
            continue;
        }
        if let Some(message) = unsupported::marker(text) {
            problems.push(error(file, here, message));
            i = brackets::skip_script(&all, i);
            continue;
        }
        let choice = SINGLE
            .captures(text)
            .map(|c| (false, c))
            .or_else(|| MULTI_LISTED.captures(text).map(|c| (true, c)))
            .or_else(|| MULTI_BARE.captures(text).map(|c| (true, c)));
        if let Some((multiple, c)) = choice {
            let correct = c
                .get(1)
                .is_some_and(|m| m.as_str().eq_ignore_ascii_case("x"));
            let mut option = c.get(2).map_or("", |m| m.as_str()).trim().to_owned();
            i += 1;
            // Indented lines right below continue a long option.
            while let Some(next) = all.get(i) {
                let starts_indented = next.text.starts_with([' ', '\t']);
                if next.text.trim().is_empty() || !starts_indented || is_marker(next.text) {
                    break;
                }
                option.push('\n');
                option.push_str(next.text.trim());
                i += 1;
            }
            if unsupported::has_gap(&option) {
                problems.push(error(file, here, unsupported::GAP_TEXT));
            }
            blocks.push(Block {
                kind: Kind::Choice {
                    multiple,
                    correct,
                    text: option,
                },
                line: here,
            });
            continue;
        }
        if let Some(c) = HINT.captures(text) {
            let hint = c.get(1).map_or("", |m| m.as_str()).trim().to_owned();
            blocks.push(Block {
                kind: Kind::Hint(hint),
                line: here,
            });
            i += 1;
            continue;
        }
        let bracket = TEXT_ANSWER
            .captures(text)
            .map(|c| (c.get(1).map_or("", |m| m.as_str()).to_owned(), i + 1))
            .or_else(|| {
                if OPEN_BRACKET.is_match(text) {
                    brackets::gather(&all, i)
                } else {
                    None
                }
            });
        if let Some((inner, next)) = bracket {
            let kind = match selection::parse(&inner) {
                Some(choices) => Kind::Selection(choices),
                None => Kind::TextAnswer(inner),
            };
            blocks.push(Block { kind, line: here });
            i = next;
            continue;
        }
        if OPEN_BRACKET.is_match(text) {
            problems.push(error(file, here, brackets::UNCLOSED));
            i += 1;
            continue;
        }
        if TASK_ITEM.is_match(text) {
            problems.push(error(
                file,
                here,
                "„- [ ]“/„- [x]“ ist eine Aufgabenliste, keine Antwort: Schreiben Sie „- [( )]“ \
                 und „- [(X)]“ für Einfachauswahl oder „- [[ ]]“ und „- [[X]]“ für Mehrfachauswahl.",
            ));
            i += 1;
            continue;
        }
        // A paragraph runs to the next blank line or marker; code fences are kept whole so
        // markers inside code are not read as quiz syntax.
        let start = line.start;
        let mut fence: Option<&str> = None;
        while let Some(l) = all.get(i) {
            if let Some(open) = fence {
                if l.text.trim_start().starts_with(open) {
                    fence = None;
                }
                i += 1;
                continue;
            }
            if l.text.trim().is_empty() || (l.start != start && is_marker(l.text)) {
                break;
            }
            if unsupported::has_gap(l.text) {
                let at = super::super::problems::advance(first_line, i);
                problems.push(error(file, at, unsupported::GAP_TEXT));
            }
            if let Some(m) = FENCE.captures(l.text).and_then(|c| c.get(1)) {
                fence = Some(if m.as_str() == "```" { "```" } else { "~~~" });
            }
            i += 1;
        }
        let end = all.get(i).map_or(body.len(), |l| l.start);
        blocks.push(Block {
            kind: Kind::Paragraph { start, end },
            line: here,
        });
    }
    blocks
}
