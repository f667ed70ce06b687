//! Prompts, options and hints are inline text: what Markdown would read as a block start
//! (`1. Frage`, `- Antwort`, `> Zitat`) is escaped so it stays text.

use std::sync::LazyLock;

use regex::Regex;

/// Starts of block constructs that would turn a one-line prompt or option into a list,
/// heading or quote.
static BLOCK_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(#{1,6}(?:[ \t]|$)|>|[-+*](?:[ \t]|$)|[0-9]{1,9}[.)](?:[ \t]|$))")
        .expect("static regex")
});

/// Prompts, options and hints are inline text: escape what Markdown would read as a block.
pub(super) fn inline_source(text: &str) -> String {
    text.lines()
        .map(|line| {
            let line = line.trim();
            match BLOCK_START.find(line) {
                Some(m) => {
                    let marker = m.as_str().trim_end();
                    let rest = line.get(marker.len()..).unwrap_or("");
                    // Escape the character that makes it a block: `#`, `>`, `-`, or the `.`/`)`.
                    let split = marker.len().saturating_sub(1);
                    let (head, last) = match marker.chars().next() {
                        Some(c) if c.is_ascii_digit() => (
                            marker.get(..split).unwrap_or(""),
                            marker.get(split..).unwrap_or(""),
                        ),
                        _ => ("", marker),
                    };
                    format!("{head}\\{last}{rest}")
                }
                None => line.to_owned(),
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}
