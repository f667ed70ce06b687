//! Adapters between the stored quiz (`content::Question`, with solutions), the browser (client-safe
//! `QuestionView`, options in the attempt's shuffled order) and grading (`grading::Key`,
//! `grading::Response` in authored option order).
//!
//! Shown positions are mapped back through the same `shuffle::permutation` the form was built
//! with, so the browser never needs (or sees) the authored order.

use std::collections::{BTreeSet, HashMap};

use crate::content::{Answer, AnswerOption, Question};
use crate::domain::grading::{Key, Response};
use crate::domain::shuffle::permutation;
use crate::views::learning::{choice_field, option_field};
use crate::views::quiz::{QuestionKind, QuestionView};

/// Longer free-text answers are cut: no authored answer is anywhere near this long, and the
/// stored attempt must not grow with whatever a forged form sends.
pub const MAX_TEXT_ANSWER: usize = 500;

/// The grading key of a question. A single-choice question without a correct option cannot be
/// published (the parser rejects it); should one slip through, no response can match it. With
/// several marked options each of them counts (LiaScript's rule; the parser warns).
pub fn key_of(q: &Question) -> Key {
    match &q.answer {
        Answer::Single(options) => Key::Single {
            correct: correct_indices(options).collect(),
        },
        Answer::Multiple(options) => Key::Multiple {
            correct: correct_indices(options).collect(),
        },
        Answer::Text(accepted) => Key::Text {
            accepted: accepted.clone(),
        },
    }
}

fn correct_indices(options: &[AnswerOption]) -> impl Iterator<Item = usize> + '_ {
    options
        .iter()
        .enumerate()
        .filter(|(_, o)| o.correct)
        .map(|(i, _)| i)
}

fn options_of(q: &Question) -> &[AnswerOption] {
    match &q.answer {
        Answer::Single(o) | Answer::Multiple(o) => o,
        Answer::Text(_) => &[],
    }
}

/// `order[shown] = authored index` for this question in the attempt seeded with `seed`.
pub fn shown_order(seed: i64, q: &Question) -> Vec<usize> {
    // The seed is a u64 stored bit-for-bit in a signed column.
    permutation(seed as u64, q.number, options_of(q).len())
}

/// The question as the browser may see it.
pub fn question_view(q: &Question, order: &[usize]) -> QuestionView {
    let options = options_of(q);
    QuestionView {
        number: q.number,
        prompt_html: q.prompt_html.clone(),
        details_html: q.details_html.clone(),
        kind: match q.answer {
            Answer::Single(_) => QuestionKind::Single,
            Answer::Multiple(_) => QuestionKind::Multiple,
            Answer::Text(_) => QuestionKind::Text,
        },
        options: order
            .iter()
            .filter_map(|&i| options.get(i))
            .map(|o| without_links(&o.text_html))
            .collect(),
        hints: q.hints.clone(),
    }
}

/// Option texts become `<label>`s: a norm link inside one would turn a tap meant to choose the
/// option into leaving the quiz. The text stays, only the `<a>` tags go. The input is sanitised
/// HTML, so tags are well-formed and `>` inside attribute values is escaped.
pub fn without_links(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let tag = &rest[start..];
        let end = tag.find('>').map_or(tag.len(), |e| e + 1);
        if !(tag.starts_with("<a ") || tag.starts_with("<a>") || tag.starts_with("</a>")) {
            out.push_str(&tag[..end]);
        }
        rest = &tag[end..];
    }
    out.push_str(rest);
    out
}

/// The learner's response to one question from the posted `answers[…]` fields. Unknown or
/// out-of-range values (only a stale or forged form sends them) count as no answer.
pub fn response_from_form(
    q: &Question,
    order: &[usize],
    fields: &HashMap<String, String>,
) -> Response {
    let shown = |value: &str| {
        value
            .trim()
            .parse::<usize>()
            .ok()
            .and_then(|p| order.get(p).copied())
    };
    match &q.answer {
        Answer::Single(_) => fields
            .get(&choice_field(q.number))
            .and_then(|v| shown(v))
            .map_or(Response::Empty, Response::Choice),
        Answer::Multiple(_) => {
            let chosen: BTreeSet<usize> = (0..order.len())
                .filter(|&p| fields.contains_key(&option_field(q.number, p)))
                .map(|p| order[p])
                .collect();
            Response::Choices(chosen)
        }
        Answer::Text(_) => match fields.get(&choice_field(q.number)) {
            Some(text) => Response::Text(text.chars().take(MAX_TEXT_ANSWER).collect()),
            None => Response::Empty,
        },
    }
}

/// Keys and responses of a whole quiz, aligned by question.
pub fn grade_inputs(
    questions: &[Question],
    seed: i64,
    fields: &HashMap<String, String>,
) -> (Vec<Key>, Vec<Response>) {
    questions
        .iter()
        .map(|q| {
            (
                key_of(q),
                response_from_form(q, &shown_order(seed, q), fields),
            )
        })
        .unzip()
}

/// The texts a response chose, for the result page (authored order).
pub fn chosen_texts(q: &Question, response: &Response) -> Vec<String> {
    let options = options_of(q);
    let text = |i: &usize| options.get(*i).map(|o| o.text_html.clone());
    match response {
        Response::Choice(i) => text(i).into_iter().collect(),
        Response::Choices(set) => set.iter().filter_map(text).collect(),
        Response::Empty | Response::Text(_) => Vec::new(),
    }
}

#[cfg(test)]
#[path = "quiz_adapt_tests.rs"]
mod tests;
