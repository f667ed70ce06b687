//! Markdown course content: parse, validate (file:line problems in German), render and
//! sanitise. Pure apart from reading the content folder; no database, no framework.

mod fields;
mod files;
mod frontmatter;
mod headings;
mod lessons;
mod links;
mod lints;
mod loader;
mod markdown;
mod meta;
pub mod model;
mod modules;
mod names;
mod norms;
pub mod plain_text;
mod problems;
mod quiz;
mod rawhtml;
mod sanitize;
mod snippets;
mod sources;

#[cfg(test)]
mod tests;

pub use model::*;

/// Part of every `content_hash`: bump it whenever the rendered output of unchanged files
/// changes, so the importer writes new revisions instead of keeping stale HTML.
///
/// 2: LiaScript selection quizzes (`[[ a | (b) ]]`) became choices; before they were stored as
/// text answers that accepted every option.
pub const RENDERER_VERSION: &str = "lotse-content-renderer-2";

/// Walks `dir`, parses and validates everything; never panics, never stops at the first problem.
pub fn load_dir(dir: &std::path::Path, today: chrono::NaiveDate) -> LoadResult {
    loader::load(dir, today)
}

/// Totals for the `lotse check` summary line.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub tracks: usize,
    pub modules: usize,
    pub lessons: usize,
    pub questions: usize,
    pub words: usize,
}

/// Totals for the `lotse check` summary line.
pub fn counts(course: &Course) -> Counts {
    let mut counts = Counts {
        tracks: course.tracks.len(),
        ..Counts::default()
    };
    for module in course.tracks.iter().flat_map(|t| &t.modules) {
        counts.modules += 1;
        counts.lessons += module.lessons.len();
        counts.words += module
            .lessons
            .iter()
            .map(|l| usize::try_from(l.word_count).unwrap_or(0))
            .sum::<usize>();
        if let QuizState::Present(quiz) = &module.quiz {
            counts.questions += quiz.questions.len();
        }
    }
    counts
}

/// Renders one Markdown body (as in a lesson) to sanitised HTML, for previews; returns problems
/// (line numbers relative to `body`, `file` = the given name).
///
/// Without a content folder relative links cannot be checked, so they are left as written.
pub fn render_preview(file: &str, body: &str) -> (String, Vec<Problem>) {
    let ctx = markdown::Ctx { file, links: None };
    let rendered = markdown::render(&ctx, body, 1, markdown::Mode::Block);
    (rendered.html, rendered.problems)
}

/// Hex SHA-256 over the renderer version and the raw file bytes.
pub(crate) fn content_hash(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    let mut hasher = Sha256::new();
    hasher.update(RENDERER_VERSION.as_bytes());
    hasher.update([0u8]);
    hasher.update(bytes);
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
