//! Helpers: build small content trees in a temp folder and assert problems by file:line.

use std::path::Path;

use chrono::NaiveDate;

use crate::content::{load_dir, Level, LoadResult, Problem};

pub(crate) fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 1).unwrap_or_default()
}

pub(crate) const TRACK: &str =
    "+++\ntitle = \"Basiswissen\"\nsummary = \"Grundlagen\"\norder = 1\n+++\n\nEinführung.\n";

pub(crate) const MODULE: &str = "+++\ntitle = \"Aufenthaltstitel\"\nsummary = \"Überblick\"\nminutes = 60\nlegal_status = 2026-01-01\nreview_by = 2026-12-15\n\n[[sources]]\ntitle = \"§ 4 AufenthG\"\nurl = \"https://www.gesetze-im-internet.de/aufenthg_2004/__4.html\"\n+++\n\nModultext.\n";

pub(crate) const LESSON: &str =
    "+++\ntitle = \"Die Titel\"\nminutes = 10\n+++\n\n## Grundsatz\n\nText nach § 4 AufenthG.\n";

pub(crate) const QUIZ: &str = "+++\ntitle = \"Test\"\n+++\n\n## Frage eins?\n\n- [( )] falsch\n- [(X)] wahr\n\n*****\nWeil.\n*****\n";

/// A valid tree: `t/track.md`, `t/01-m/{module,01-a,02-b,quiz}.md`.
pub(crate) fn valid_tree(dir: &Path) {
    write(dir, "t/track.md", TRACK);
    write(dir, "t/01-m/module.md", MODULE);
    write(dir, "t/01-m/01-a.md", LESSON);
    write(dir, "t/01-m/02-b.md", LESSON);
    write(dir, "t/01-m/quiz.md", QUIZ);
}

pub(crate) fn write(dir: &Path, rel: &str, text: &str) {
    write_bytes(dir, rel, text.as_bytes());
}

pub(crate) fn write_bytes(dir: &Path, rel: &str, bytes: &[u8]) {
    let path = dir.join(rel);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("create folder");
    }
    std::fs::write(path, bytes).expect("write file");
}

/// Loads a valid tree with `rel` replaced by `text`.
pub(crate) fn load_with(rel: &str, text: &str) -> LoadResult {
    let dir = tempfile::tempdir().expect("tempdir");
    valid_tree(dir.path());
    write(dir.path(), rel, text);
    load_dir(dir.path(), today())
}

pub(crate) fn describe(problems: &[Problem]) -> String {
    problems.iter().map(|p| format!("  {p}\n")).collect()
}

/// Asserts a problem at exactly `file:line` with `level` whose message contains `fragment`.
#[track_caller]
pub(crate) fn assert_problem(
    result: &LoadResult,
    file: &str,
    line: u32,
    level: Level,
    fragment: &str,
) {
    assert!(
        result.problems.iter().any(|p| p.file == file
            && p.line == line
            && p.level == level
            && p.message.contains(fragment)),
        "expected {level:?} at {file}:{line} containing {fragment:?}, got:\n{}",
        describe(&result.problems)
    );
}

#[track_caller]
pub(crate) fn assert_clean(result: &LoadResult) {
    assert!(
        result.problems.is_empty(),
        "unexpected problems:\n{}",
        describe(&result.problems)
    );
}
