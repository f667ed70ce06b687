//! Quizzes in the LiaScript-compatible format of content/README.md: questions from `##`
//! headings (or a paragraph directly followed by answers), single/multiple choice, text
//! answers, hints and explanations, with every rule checked at its line.

mod blocks;

use std::sync::LazyLock;

use regex::Regex;

use super::markdown::{render, Ctx, Mode};
use super::model::{Answer, AnswerOption, Problem, Question};
use super::problems::{error, warning};
use blocks::{Block, Kind};

/// Starts of block constructs that would turn a one-line prompt or option into a list,
/// heading or quote.
static BLOCK_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(#{1,6}(?:[ \t]|$)|>|[-+*](?:[ \t]|$)|[0-9]{1,9}[.)](?:[ \t]|$))")
        .expect("static regex")
});

/// Prompts, options and hints are inline text: escape what Markdown would read as a block.
fn inline_source(text: &str) -> String {
    text.lines()
        .map(|line| {
            let line = line.trim();
            match BLOCK_START.find(line) {
                Some(m) => {
                    let marker = m.as_str().trim_end();
                    let rest = line.get(marker.len()..).unwrap_or("");
                    // Escape the character that makes it a block: `#`, `>`, `-`, or the `.`/`)`.
                    let split = marker.len().saturating_sub(1);
                    let (head, last) = match marker.chars().next() {
                        Some(c) if c.is_ascii_digit() => (
                            marker.get(..split).unwrap_or(""),
                            marker.get(split..).unwrap_or(""),
                        ),
                        _ => ("", marker),
                    };
                    format!("{head}\\{last}{rest}")
                }
                None => line.to_owned(),
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[derive(Default)]
struct Draft {
    line: u32,
    prompt_html: String,
    /// Byte range and first line of the case description.
    details: Option<(usize, usize, u32)>,
    multiple: Option<bool>,
    options: Vec<AnswerOption>,
    text: Option<Vec<String>>,
    hints: Vec<String>,
    explanation: Option<String>,
}

impl Draft {
    fn has_answers(&self) -> bool {
        !self.options.is_empty() || self.text.is_some()
    }
}

struct Builder<'c, 'b> {
    ctx: &'c Ctx<'c>,
    body: &'b str,
    problems: Vec<Problem>,
    questions: Vec<Question>,
    /// Questions begun, including ones dropped for errors.
    started: usize,
}

/// Parses the quiz body (its first line is `body_line`); `open_line` is where "no questions"
/// is reported.
pub(crate) fn parse(
    ctx: &Ctx<'_>,
    body: &str,
    body_line: u32,
    open_line: u32,
) -> (Vec<Question>, Vec<Problem>) {
    let mut problems = Vec::new();
    let blocks = blocks::scan(ctx.file, body, body_line, &mut problems);
    let mut b = Builder {
        ctx,
        body,
        problems,
        questions: Vec::new(),
        started: 0,
    };
    let mut current: Option<Draft> = None;
    for (i, block) in blocks.iter().enumerate() {
        let next_is_answer = matches!(
            blocks.get(i + 1).map(|b| &b.kind),
            Some(Kind::Choice { .. } | Kind::TextAnswer(_))
        );
        b.block(&mut current, block, next_is_answer);
    }
    if let Some(draft) = current.take() {
        b.finish(draft);
    }
    if b.started == 0 {
        b.problems.push(error(
            ctx.file,
            open_line,
            "Der Test enthält keine Fragen: Beginnen Sie jede Frage mit einer Überschrift \
             „## Fragetext“ und ergänzen Sie Antworten.",
        ));
    }
    b.problems.sort_by_key(|p| p.line);
    (b.questions, b.problems)
}

impl Builder<'_, '_> {
    fn inline(&mut self, text: &str, line: u32) -> String {
        let rendered = render(self.ctx, &inline_source(text), line, Mode::Inline);
        self.problems.extend(rendered.problems);
        rendered.html
    }

    fn blocks(&mut self, start: usize, end: usize, line: u32) -> String {
        let source = self.body.get(start..end).unwrap_or("");
        let rendered = render(self.ctx, source, line, Mode::Block);
        self.problems.extend(rendered.problems);
        rendered.html
    }

    fn err(&mut self, line: u32, msg: &str) {
        self.problems.push(error(self.ctx.file, line, msg));
    }

    fn block(&mut self, current: &mut Option<Draft>, block: &Block, next_is_answer: bool) {
        let line = block.line;
        match &block.kind {
            Kind::Heading(prompt) => {
                if let Some(draft) = current.take() {
                    self.finish(draft);
                }
                if prompt.is_empty() {
                    self.err(
                        line,
                        "Die Frage hat keinen Text: Schreiben Sie den Fragetext hinter „## “.",
                    );
                }
                let prompt_html = self.inline(prompt, line);
                *current = Some(Draft {
                    line,
                    prompt_html,
                    ..Draft::default()
                });
            }
            Kind::Paragraph { start, end } => match current {
                Some(d) if !d.has_answers() && d.explanation.is_none() => {
                    let first = d.details.map_or((*start, line), |(s, _, l)| (s, l));
                    d.details = Some((first.0, *end, first.1));
                }
                _ if next_is_answer => {
                    if let Some(draft) = current.take() {
                        self.finish(draft);
                    }
                    let text = self.body.get(*start..*end).unwrap_or("").to_owned();
                    let prompt_html = self.inline(&text, line);
                    *current = Some(Draft {
                        line,
                        prompt_html,
                        ..Draft::default()
                    });
                }
                _ => self.problems.push(warning(
                    self.ctx.file,
                    line,
                    "Dieser Text gehört zu keiner Frage und wird nicht angezeigt: Beginnen Sie \
                     eine Frage mit „## Fragetext“ oder setzen Sie den Text vor die Antworten.",
                )),
            },
            Kind::Choice {
                multiple,
                correct,
                text,
            } => {
                let Some(d) = current.as_mut() else {
                    return self.err(line, "Antwortmöglichkeit ohne Frage: Setzen Sie davor eine Überschrift „## Fragetext“.");
                };
                if d.explanation.is_some() {
                    self.err(
                        line,
                        "Antwortmöglichkeiten müssen vor der Erklärung („*****“) stehen.",
                    );
                }
                if d.text.is_some() {
                    self.err(line, "Die Frage mischt Antwortmöglichkeiten und eine Textantwort „[[…]]“: Verwenden Sie nur eines von beiden.");
                }
                if d.multiple.is_some_and(|m| m != *multiple) {
                    self.err(line, "Die Frage mischt Einfachauswahl „[( )]“ und Mehrfachauswahl „[[ ]]“: Verwenden Sie innerhalb einer Frage nur eine Art.");
                }
                if text.trim().is_empty() {
                    self.err(line, "Die Antwortmöglichkeit hat keinen Text: Schreiben Sie die Antwort hinter die Markierung.");
                }
                let text_html = self.inline(text, line);
                if let Some(d) = current.as_mut() {
                    d.multiple.get_or_insert(*multiple);
                    d.options.push(AnswerOption {
                        text_html,
                        correct: *correct,
                    });
                }
            }
            Kind::TextAnswer(inner) => self.text_answer(current, inner, line),
            Kind::Hint(text) => {
                if current.is_none() {
                    return self.err(line, "Tipp „[[?]]“ ohne Frage: Setzen Sie davor eine Überschrift „## Fragetext“.");
                }
                if text.is_empty() {
                    return self.err(
                        line,
                        "Der Tipp hat keinen Text: Schreiben Sie ihn hinter „[[?]]“.",
                    );
                }
                let html = self.inline(text, line);
                if let Some(d) = current.as_mut() {
                    d.hints.push(html);
                }
            }
            Kind::Explanation { start, end } => {
                let Some(d) = current.as_ref() else {
                    return self.err(line, "Erklärung ohne Frage: Setzen Sie davor eine Überschrift „## Fragetext“ und Antworten.");
                };
                if d.explanation.is_some() {
                    return self.err(line, "Die Frage hat bereits eine Erklärung: Fassen Sie beide Erklärungen zwischen einem Paar „*****“-Zeilen zusammen.");
                }
                let html = self.blocks(*start, *end, line.saturating_add(1));
                if let Some(d) = current.as_mut() {
                    d.explanation = Some(html);
                }
            }
        }
    }

    fn text_answer(&mut self, current: &mut Option<Draft>, inner: &str, line: u32) {
        let Some(d) = current.as_ref() else {
            return self.err(
                line,
                "Textantwort ohne Frage: Setzen Sie davor eine Überschrift „## Fragetext“.",
            );
        };
        if !d.options.is_empty() {
            return self.err(line, "Die Frage mischt Antwortmöglichkeiten und eine Textantwort „[[…]]“: Verwenden Sie nur eines von beiden.");
        }
        if d.text.is_some() {
            return self.err(line, "Die Frage hat bereits eine Textantwort: Schreiben Sie alle Alternativen in eine Zeile, getrennt durch „|“.");
        }
        if d.explanation.is_some() {
            self.err(
                line,
                "Die Textantwort muss vor der Erklärung („*****“) stehen.",
            );
        }
        if inner.contains("[[") || inner.contains("]]") {
            return self.err(line, "Pro Zeile ist nur eine Textantwort „[[…]]“ möglich: Trennen Sie Alternativen mit „|“.");
        }
        let alternatives: Vec<String> = inner.split('|').map(|a| a.trim().to_owned()).collect();
        if alternatives.iter().any(String::is_empty) {
            self.err(line, "Die Textantwort enthält eine leere Alternative: Entfernen Sie überzählige „|“ oder tragen Sie eine Antwort ein.");
        }
        if let Some(d) = current.as_mut() {
            d.text = Some(alternatives);
        }
    }

    fn finish(&mut self, draft: Draft) {
        self.started += 1;
        let line = draft.line;
        let answer = match (draft.text, draft.multiple) {
            (Some(alternatives), _) => Some(Answer::Text(alternatives)),
            (None, Some(multiple)) if !draft.options.is_empty() => {
                let correct = draft.options.iter().filter(|o| o.correct).count();
                if multiple && correct == 0 {
                    self.err(line, "Mehrfachauswahl ohne richtige Antwort: Markieren Sie mindestens eine Antwort mit „[[X]]“.");
                } else if !multiple && correct != 1 {
                    let msg = format!(
                        "Einfachauswahl mit {correct} richtigen Antworten: Markieren Sie genau \
                         eine Antwort mit „[(X)]“ (oder verwenden Sie „[[X]]“ für Mehrfachauswahl)."
                    );
                    self.err(line, &msg);
                }
                Some(if multiple {
                    Answer::Multiple(draft.options)
                } else {
                    Answer::Single(draft.options)
                })
            }
            _ => {
                self.err(line, "Die Frage hat keine Antworten: Ergänzen Sie Antwortmöglichkeiten „- [( )]“/„- [(X)]“ bzw. „- [[ ]]“/„- [[X]]“ oder eine Textantwort „[[Antwort]]“.");
                None
            }
        };
        let explanation_html = draft.explanation.unwrap_or_default();
        if explanation_html.trim().is_empty() {
            self.problems.push(warning(
                self.ctx.file,
                line,
                "Die Frage hat keine Erklärung: Ergänzen Sie nach den Antworten einen Text \
                 zwischen zwei Zeilen „*****“; er wird nach dem Abgeben angezeigt.",
            ));
        }
        let details_html = match draft.details {
            Some((start, end, first)) => self.blocks(start, end, first),
            None => String::new(),
        };
        let Some(answer) = answer else { return };
        let number = u32::try_from(self.questions.len() + 1).unwrap_or(u32::MAX);
        self.questions.push(Question {
            number,
            prompt_html: draft.prompt_html,
            details_html,
            answer,
            hints: draft.hints,
            explanation_html,
        });
    }
}
