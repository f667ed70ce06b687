//! Text answers, selections and the checks run when a question is complete.

use super::selection::Choice;
use super::{Builder, Draft};
use crate::content::model::{Answer, AnswerOption, Question};
use crate::content::problems::warning;

pub(super) const MIXED_SELECTION: &str = "Die Frage mischt eine Auswahl „[[ a | (b) ]]“ mit \
     weiteren Antworten: Verwenden Sie entweder die Auswahl oder Antwortmöglichkeiten „- [( )]“.";

impl Builder<'_, '_> {
    pub(super) fn text_answer(&mut self, current: &mut Option<Draft>, inner: &str, line: u32) {
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

    /// `[[ a | (b) | c ]]`: a single choice (LiaScript renders it as a drop-down list).
    pub(super) fn selection(&mut self, current: &mut Option<Draft>, choices: &[Choice], line: u32) {
        let Some(d) = current.as_ref() else {
            return self.err(
                line,
                "Auswahl ohne Frage: Setzen Sie davor eine Überschrift „## Fragetext“.",
            );
        };
        if d.text.is_some() || !d.options.is_empty() {
            return self.err(line, MIXED_SELECTION);
        }
        if d.explanation.is_some() {
            self.err(line, "Die Auswahl muss vor der Erklärung („*****“) stehen.");
        }
        if choices.iter().any(|c| c.text.is_empty()) {
            self.err(line, "Die Auswahl enthält eine leere Antwort: Entfernen Sie überzählige „|“ oder tragen Sie eine Antwort ein.");
        }
        let options: Vec<AnswerOption> = choices
            .iter()
            .map(|c| AnswerOption {
                text_html: self.inline(&c.text, line),
                correct: c.correct,
            })
            .collect();
        if let Some(d) = current.as_mut() {
            d.selection = true;
            d.multiple = Some(false);
            d.options = options;
        }
    }

    pub(super) fn finish(&mut self, draft: Draft) {
        self.started += 1;
        let line = draft.line;
        let answer = match (draft.text, draft.multiple) {
            (Some(alternatives), _) => Some(Answer::Text(alternatives)),
            (None, Some(multiple)) if !draft.options.is_empty() => {
                let correct = draft.options.iter().filter(|o| o.correct).count();
                if multiple && correct == 0 {
                    self.err(line, "Mehrfachauswahl ohne richtige Antwort: Markieren Sie mindestens eine Antwort mit „[[X]]“.");
                } else if !multiple && correct == 0 {
                    self.err(line, "Einfachauswahl mit 0 richtigen Antworten: Markieren Sie genau eine Antwort mit „[(X)]“ (oder verwenden Sie „[[X]]“ für Mehrfachauswahl).");
                } else if !multiple && correct > 1 {
                    // LiaScript's rule: any marked option counts. Allowed, but rarely meant.
                    let msg = format!(
                        "Einfachauswahl mit {correct} richtigen Antworten: Jede davon wird als \
                         richtig gewertet (wie in LiaScript). Ist nur eine richtig, markieren Sie \
                         nur diese; sollen alle gewählt werden, verwenden Sie Mehrfachauswahl „[[X]]“."
                    );
                    self.problems.push(warning(self.ctx.file, line, msg));
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
        self.lines.push(line);
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
