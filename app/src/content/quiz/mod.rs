//! Quizzes in the LiaScript-compatible format of content/README.md: questions from `##`
//! headings (or a paragraph directly followed by answers), single/multiple choice, text
//! answers, hints and explanations, with every rule checked at its line.

mod answers;
mod blocks;
mod brackets;
mod inline;
mod patterns;
mod selection;
mod unsupported;

use super::lints;
use super::markdown::{render, Ctx, Mode};
use super::model::{AnswerOption, Problem, Question};
use super::problems::{error, warning};
use blocks::{Block, Kind};
use inline::inline_source;

#[derive(Default)]
struct Draft {
    line: u32,
    prompt_html: String,
    /// Byte range and first line of the case description.
    details: Option<(usize, usize, u32)>,
    multiple: Option<bool>,
    /// The options came from a selection `[[ a | (b) ]]`.
    selection: bool,
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
    /// File line of each question in `questions`, for the quiz-wide checks.
    lines: Vec<u32>,
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
        lines: Vec::new(),
        started: 0,
    };
    let mut current: Option<Draft> = None;
    for (i, block) in blocks.iter().enumerate() {
        let next_is_answer = matches!(
            blocks.get(i + 1).map(|b| &b.kind),
            Some(Kind::Choice { .. } | Kind::TextAnswer(_) | Kind::Selection(_))
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
    b.problems
        .extend(lints::quiz_choices(ctx.file, &b.lines, &b.questions));
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
                if d.selection {
                    self.err(line, answers::MIXED_SELECTION);
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
            Kind::Selection(choices) => self.selection(current, choices, line),
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
}
