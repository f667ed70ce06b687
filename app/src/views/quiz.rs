//! Quiz data as the browser sees it. Before submission only `QuizForm` exists: options in the
//! attempt's shuffled order, with neither correctness flags, accepted answers nor explanations.
//! Those reach the browser only inside a `QuizResult`, i.e. after the attempt was graded.

use serde::{Deserialize, Serialize};

use super::learning::Link;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizPageView {
    pub track: Link,
    pub module: Link,
    pub title: String,
    pub pass_percent: u8,
    pub body: QuizBody,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum QuizBody {
    Form(QuizForm),
    Result(QuizResult),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizForm {
    /// Issued with this form; submitting it twice shows the first result twice.
    pub attempt_id: String,
    pub questions: Vec<QuestionView>,
    pub history: Vec<AttemptItem>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum QuestionKind {
    Single,
    Multiple,
    Text,
}

/// A question without its solution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionView {
    pub number: u32,
    pub prompt_html: String,
    pub details_html: String,
    pub kind: QuestionKind,
    /// Option texts (sanitised inline HTML) in the order shown in this attempt; empty for text.
    pub options: Vec<String>,
    pub hints: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizResult {
    pub attempt_id: String,
    pub correct: u32,
    pub total: u32,
    pub percent: u8,
    pub passed: bool,
    pub pass_percent: u8,
    pub submitted_at: String,
    pub questions: Vec<QuestionOutcome>,
    pub history: Vec<AttemptItem>,
    /// A fresh attempt; the query makes the address differ from the current one.
    pub retry_href: String,
    pub module: Link,
    pub next: Option<Link>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionOutcome {
    pub number: u32,
    pub prompt_html: String,
    pub correct: bool,
    pub given: GivenAnswer,
    pub explanation_html: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum GivenAnswer {
    Nothing,
    /// Texts of the chosen options (sanitised inline HTML).
    Options(Vec<String>),
    /// The learner's own words: plain text, always escaped when shown.
    Text(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttemptItem {
    pub number: usize,
    pub submitted_at: String,
    pub percent: u8,
    pub passed: bool,
}
