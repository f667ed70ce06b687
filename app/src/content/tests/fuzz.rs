//! Property tests: arbitrary bytes and marker soup through the splitter, the schemas, the
//! quiz parser and the renderer must neither panic nor take long.

use std::time::{Duration, Instant};

use proptest::prelude::*;

use crate::content::frontmatter::split;
use crate::content::markdown::{render, Ctx, Mode};
use crate::content::{meta, quiz, render_preview};

const LIMIT: Duration = Duration::from_secs(1);

/// Pieces that exercise every special path: fences, TOML, quiz markers, Markdown extensions,
/// citations, raw HTML, multi-byte characters and odd line endings.
const TOKENS: [&str; 44] = [
    "+++",
    "\n",
    "\r\n",
    " ",
    "\u{a0}",
    "title = \"x\"",
    "minutes = 3",
    "order = -1",
    "pass_percent = 0",
    "legal_status = 2026-01-01",
    "review_by = 1979-05-27T07:32:00Z",
    "[[sources]]",
    "url = \"javascript:x\"",
    "= =",
    "\"",
    "## ",
    "# ",
    "- [( )] ",
    "- [(X)] ",
    "- [[ ]] ",
    "- [[x]] ",
    "[[?]] ",
    "[[a|b|]]",
    "[[",
    "]]",
    "*****",
    "- [x] ",
    "```",
    "> [!NOTE]",
    "> [!CAUTION]",
    "| a | b |",
    "|---|:-:|",
    "[^1]",
    "[^1]: n",
    "§ 81 Abs. 4 Satz 1 AufenthG",
    "§ 3 AZRG-DV",
    "SGB III",
    "<script>",
    "</script>",
    "<iframe src=x>",
    "[l](../02-x.md#a)",
    "ä",
    "ß",
    "\u{1F600}",
];

fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(TOKENS.to_vec()), 0..600).prop_map(|t| t.concat())
}

fn arbitrary_text() -> impl Strategy<Value = String> {
    prop::collection::vec(any::<u8>(), 0..10_000)
        .prop_map(|b| String::from_utf8_lossy(&b).into_owned())
}

/// Everything the loader does with one file's text, minus the file system.
fn exercise(text: &str) {
    let ctx = Ctx {
        file: "f.md",
        links: None,
    };
    if let Ok(parts) = split("f.md", text) {
        let _ = meta::track("f.md", &parts);
        let _ = meta::module("f.md", &parts);
        let _ = meta::lesson("f.md", &parts);
        let _ = meta::quiz("f.md", &parts);
        let _ = quiz::parse(&ctx, parts.body, parts.body_line, 1);
        let _ = render(&ctx, parts.body, parts.body_line, Mode::Block);
    }
    let _ = quiz::parse(&ctx, text, 1, 1);
    let _ = render(&ctx, text, 1, Mode::Inline);
    let _ = render_preview("f.md", text);
}

fn timed(text: &str) -> Duration {
    let started = Instant::now();
    exercise(text);
    started.elapsed()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic_and_finish_quickly(text in arbitrary_text()) {
        let elapsed = timed(&text);
        prop_assert!(elapsed < LIMIT, "took {elapsed:?}");
    }

    #[test]
    fn marker_soup_never_panics_and_finishes_quickly(text in soup()) {
        let elapsed = timed(&text);
        prop_assert!(elapsed < LIMIT, "took {elapsed:?}");
    }

    #[test]
    fn front_matter_shapes_never_panic(fm in soup(), body in soup()) {
        let text = format!("+++\n{fm}\n+++\n{body}");
        let elapsed = timed(&text);
        prop_assert!(elapsed < LIMIT, "took {elapsed:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    /// The whole loader on garbage files, including invalid UTF-8.
    #[test]
    fn load_dir_survives_garbage_files(lesson in prop::collection::vec(any::<u8>(), 0..4_000), quiz in soup(), module in soup()) {
        let dir = tempfile::tempdir().expect("tempdir");
        super::support::valid_tree(dir.path());
        super::support::write_bytes(dir.path(), "t/01-m/01-a.md", &lesson);
        super::support::write(dir.path(), "t/01-m/quiz.md", &quiz);
        super::support::write(dir.path(), "t/02-n/module.md", &format!("+++\n{module}"));
        let started = Instant::now();
        let r = crate::content::load_dir(dir.path(), super::support::today());
        prop_assert!(started.elapsed() < LIMIT);
        prop_assert!(r.course.tracks.len() == 1);
    }
}

#[test]
fn pathological_nesting_finishes_quickly() {
    for text in [
        "> ".repeat(2_000),
        "- ".repeat(2_000),
        "[".repeat(5_000),
        "*a ".repeat(3_000),
        "<".repeat(10_000),
        "<a ".repeat(3_000),
        "§ 1 Abs. 1 ".repeat(800),
        "- [(X)] a\n".repeat(1_000),
        "*****\n".repeat(1_000),
        "|a".repeat(5_000),
    ] {
        let elapsed = timed(&text);
        assert!(elapsed < LIMIT, "{:?}… took {elapsed:?}", text.get(..20));
    }
}
