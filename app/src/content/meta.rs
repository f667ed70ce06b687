//! The front-matter schemas of track.md, module.md, lessons and quiz.md.

use chrono::NaiveDate;

use super::fields::{Expect, Fields};
use super::frontmatter::Split;
use super::model::{Problem, SourceRef};
use super::problems::error;

pub(crate) struct TrackMeta {
    pub title: String,
    pub summary: String,
    pub order: i64,
}

pub(crate) struct ModuleMeta {
    pub title: String,
    pub summary: String,
    pub minutes: i64,
    pub legal_status: NaiveDate,
    pub review_by: NaiveDate,
    pub review_by_line: u32,
    pub sources: Vec<SourceRef>,
}

pub(crate) struct LessonMeta {
    pub title: String,
    pub minutes: i64,
}

pub(crate) struct QuizMeta {
    pub title: String,
    pub pass_percent: i64,
}

/// Runs `read` over the parsed front matter; yields the meta only if no key had a problem.
fn read_with<'a, T>(
    file: &'a str,
    split: &Split<'a>,
    allowed: &[&str],
    read: impl FnOnce(&mut Fields<'a>) -> Option<T>,
) -> (Option<T>, Vec<Problem>) {
    let mut fields = match Fields::parse(file, split) {
        Ok(fields) => fields,
        Err(problem) => return (None, vec![problem]),
    };
    let value = read(&mut fields);
    let problems = fields.finish(allowed);
    if problems.is_empty() {
        (value, problems)
    } else {
        (None, problems)
    }
}

pub(crate) fn track(file: &str, split: &Split<'_>) -> (Option<TrackMeta>, Vec<Problem>) {
    read_with(file, split, &["title", "summary", "order"], |f| {
        let title = f.text("title");
        let summary = f.text("summary");
        let order = f.integer("order", Expect::Integer, true);
        Some(TrackMeta {
            title: title?,
            summary: summary?,
            order: order?,
        })
    })
}

pub(crate) fn module(file: &str, split: &Split<'_>) -> (Option<ModuleMeta>, Vec<Problem>) {
    const KEYS: [&str; 6] = [
        "title",
        "summary",
        "minutes",
        "legal_status",
        "review_by",
        "sources",
    ];
    let (meta, mut problems) = read_with(file, split, &KEYS, |f| {
        let title = f.text("title");
        let summary = f.text("summary");
        let minutes = f.integer("minutes", Expect::PositiveInteger, true);
        let legal_status = f.date("legal_status");
        let review_by = f.date("review_by");
        let sources = f.sources();
        let ((legal_status, legal_line), (review_by, review_by_line)) = (legal_status?, review_by?);
        if legal_status > review_by {
            let msg = format!(
                "Der Rechtsstand legal_status ({}) liegt nach dem Überprüfungsdatum review_by \
                 ({}): review_by muss am oder nach legal_status liegen.",
                legal_status.format("%d.%m.%Y"),
                review_by.format("%d.%m.%Y")
            );
            f.problems.push(error(file, legal_line, msg));
        }
        Some(ModuleMeta {
            title: title?,
            summary: summary?,
            minutes: minutes?,
            legal_status,
            review_by,
            review_by_line,
            sources: sources?,
        })
    });
    problems.sort_by_key(|p| p.line);
    (meta, problems)
}

pub(crate) fn lesson(file: &str, split: &Split<'_>) -> (Option<LessonMeta>, Vec<Problem>) {
    read_with(file, split, &["title", "minutes"], |f| {
        let title = f.text("title");
        let minutes = f.integer("minutes", Expect::PositiveInteger, true);
        Some(LessonMeta {
            title: title?,
            minutes: minutes?,
        })
    })
}

/// Used when `pass_percent` is not given.
pub(crate) const DEFAULT_PASS_PERCENT: i64 = 80;

pub(crate) fn quiz(file: &str, split: &Split<'_>) -> (Option<QuizMeta>, Vec<Problem>) {
    read_with(file, split, &["title", "pass_percent"], |f| {
        let title = f.text("title");
        let pass_percent = f
            .integer("pass_percent", Expect::Percent, false)
            .unwrap_or(DEFAULT_PASS_PERCENT);
        Some(QuizMeta {
            title: title?,
            pass_percent,
        })
    })
}
