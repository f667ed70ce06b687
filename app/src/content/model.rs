//! The validated course model produced by the parser and consumed by `Store::sync_content`.
//!
//! Broken files are not silently dropped: their slugs are listed in `broken_*`, so the import
//! leaves what is stored for them untouched instead of archiving it.

use std::path::PathBuf;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Course {
    pub tracks: Vec<Track>,
    /// Slugs of track folders whose `track.md` could not be parsed.
    pub broken_tracks: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Track {
    pub slug: String,
    /// From `order` in track.md.
    pub position: i64,
    pub title: String,
    pub summary: String,
    pub intro_html: String,
    /// Hash of the raw track.md bytes and the renderer version (hex).
    pub content_hash: String,
    pub modules: Vec<Module>,
    /// Slugs of module folders whose `module.md` could not be parsed.
    pub broken_modules: Vec<String>,
    pub source: PathBuf,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Module {
    pub slug: String,
    /// The numeric folder prefix (`03-…` → 3).
    pub position: i64,
    pub title: String,
    pub summary: String,
    pub minutes: i64,
    pub legal_status: NaiveDate,
    pub review_by: NaiveDate,
    pub sources: Vec<SourceRef>,
    pub intro_html: String,
    pub content_hash: String,
    pub lessons: Vec<Lesson>,
    /// Slugs of lesson files that exist but could not be parsed.
    pub broken_lessons: Vec<String>,
    pub quiz: QuizState,
    pub source: PathBuf,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceRef {
    pub title: String,
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Lesson {
    pub slug: String,
    /// The numeric file prefix (`02-…` → 2).
    pub position: i64,
    pub title: String,
    pub minutes: i64,
    /// Rendered and sanitised HTML.
    pub body_html: String,
    pub toc: Vec<TocEntry>,
    pub word_count: i64,
    pub content_hash: String,
    pub source: PathBuf,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TocEntry {
    /// 2 or 3.
    pub level: u8,
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum QuizState {
    Present(Quiz),
    /// `quiz.md` exists but has errors: keep what is stored.
    Broken,
    /// No `quiz.md`: archive a stored quiz.
    Absent,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Quiz {
    pub title: String,
    pub pass_percent: i64,
    pub questions: Vec<Question>,
    pub content_hash: String,
}

/// A quiz question including its solution. Stored as JSON; never sent to the browser as is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    /// Stable within a quiz revision: 1-based position.
    pub number: u32,
    /// The `##` heading text (or leading paragraph), as sanitised inline HTML.
    pub prompt_html: String,
    /// Further paragraphs (case description) between prompt and answers, sanitised HTML.
    pub details_html: String,
    pub answer: Answer,
    /// Hints (`[[?]] …`), sanitised inline HTML.
    pub hints: Vec<String>,
    /// Text between the two `*****` lines, sanitised HTML; empty if none was given.
    pub explanation_html: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Answer {
    /// Exactly one option is correct.
    Single(Vec<AnswerOption>),
    /// At least one option is correct; only the exact set counts.
    Multiple(Vec<AnswerOption>),
    /// Accepted alternatives, compared case- and whitespace-insensitively.
    Text(Vec<String>),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerOption {
    /// Sanitised inline HTML.
    pub text_html: String,
    pub correct: bool,
}

/// One finding of the validator, printed as `file:line: level: message`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// Path relative to the content folder, with `/` separators.
    pub file: String,
    /// 1-based.
    pub line: u32,
    pub level: Level,
    /// German, says what to fix.
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Level {
    Error,
    Warning,
}

impl Level {
    pub fn key(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}: {}: {}",
            self.file,
            self.line,
            self.level.key(),
            self.message
        )
    }
}

/// What `load_dir` returns: everything valid, plus every problem found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LoadResult {
    pub course: Course,
    pub problems: Vec<Problem>,
}

impl LoadResult {
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| p.level == Level::Error)
    }
}
