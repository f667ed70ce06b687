//! Building `Problem`s and mapping byte offsets to the 1-based line numbers they report.

use super::model::{Level, Problem};

pub(crate) fn error(file: &str, line: u32, message: impl Into<String>) -> Problem {
    Problem {
        file: file.to_owned(),
        line: line.max(1),
        level: Level::Error,
        message: message.into(),
    }
}

pub(crate) fn warning(file: &str, line: u32, message: impl Into<String>) -> Problem {
    Problem {
        file: file.to_owned(),
        line: line.max(1),
        level: Level::Warning,
        message: message.into(),
    }
}

pub(crate) fn has_errors(problems: &[Problem]) -> bool {
    problems.iter().any(|p| p.level == Level::Error)
}

/// Line lookup for a slice of a file whose first line is `first_line` in the file, so
/// problems found in a body or in the front matter point at the real line of the file.
pub(crate) struct LineIndex {
    starts: Vec<usize>,
    first_line: u32,
}

impl LineIndex {
    pub(crate) fn new(text: &str, first_line: u32) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts, first_line }
    }

    pub(crate) fn line(&self, offset: usize) -> u32 {
        let index = self
            .starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        self.first_line
            .saturating_add(u32::try_from(index).unwrap_or(u32::MAX))
    }
}

/// Number of the line after `lines` lines starting at `first` (saturating, never 0).
pub(crate) fn advance(first: u32, lines: usize) -> u32 {
    first.saturating_add(u32::try_from(lines).unwrap_or(u32::MAX))
}
