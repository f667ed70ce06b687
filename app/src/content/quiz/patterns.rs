//! Line patterns of the quiz format (LiaScript markers) and the line splitter the block scanner
//! works on.

use std::sync::LazyLock;

use regex::Regex;

use super::unsupported;

pub(super) static HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^ {0,3}##(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$").expect("static regex")
});
// LiaScript allows any indentation (four spaces make it code elsewhere) and optional dashes.
pub(super) static SINGLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ \t]*(?:[-*+][ \t]+)?\[\([ \t]*([xX]?)[ \t]*\)\](.*)$").expect("static regex")
});
pub(super) static MULTI_LISTED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[ \t]*[-*+][ \t]+\[\[([ xX]?)\]\](.*)$").expect("static regex"));
pub(super) static MULTI_BARE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[ \t]*\[\[([ xX])\]\][ \t]+(\S.*)$").expect("static regex"));
pub(super) static HINT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[ \t]*(?:[-*+][ \t]+)?\[\[\?\]\](.*)$").expect("static regex"));
pub(super) static TEXT_ANSWER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[ \t]*\[\[(.*)\]\][ \t]*$").expect("static regex"));
/// First line of a selection spread over several lines (`[[ a` … `| (b)` … `]]`).
pub(super) static OPEN_BRACKET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[ \t]*\[\[([^\]]*)$").expect("static regex"));
pub(super) static TASK_ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^ {0,3}[-*+][ \t]+\[[ xX]\]([ \t]|$)").expect("static regex"));
pub(super) static STARS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^ {0,3}\*{5,}[ \t]*$").expect("static regex"));
pub(super) static FENCE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^ {0,3}(```|~~~)").expect("static regex"));

pub(super) struct Line<'a> {
    pub start: usize,
    /// Without the line break.
    pub text: &'a str,
}

pub(super) fn lines(body: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for raw in body.split_inclusive('\n') {
        let text = raw.trim_end_matches('\n').trim_end_matches('\r');
        out.push(Line { start, text });
        start += raw.len();
    }
    out
}

pub(super) fn is_marker(text: &str) -> bool {
    HEADING.is_match(text)
        || SINGLE.is_match(text)
        || MULTI_LISTED.is_match(text)
        || MULTI_BARE.is_match(text)
        || HINT.is_match(text)
        || TEXT_ANSWER.is_match(text)
        || STARS.is_match(text)
        || TASK_ITEM.is_match(text)
        || OPEN_BRACKET.is_match(text)
        || unsupported::marker(text).is_some()
}
