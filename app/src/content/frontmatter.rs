//! Splits the `+++` TOML front matter from the body, keeping the line numbers both start at.

use super::model::Problem;
use super::problems::error;

/// A file cut into front matter and body, with the line numbers both start at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Split<'a> {
    pub toml: &'a str,
    /// Line of the first TOML line (the one after the opening `+++`).
    pub toml_line: u32,
    /// Line of the closing `+++`.
    pub close_line: u32,
    pub body: &'a str,
    /// Line of the first body line.
    pub body_line: u32,
}

fn is_fence(line: &str) -> bool {
    line.trim_end() == "+++"
}

/// Cuts `text` at the `+++` lines. The opening fence must be the very first line; a leading
/// byte-order mark is tolerated because some Windows editors add one.
pub(crate) fn split<'a>(file: &str, text: &'a str) -> Result<Split<'a>, Problem> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if !is_fence(first) {
        return Err(error(
            file,
            1,
            "Die Datei muss mit einer Zeile „+++“ beginnen, gefolgt von den Kopfdaten im \
             TOML-Format und einer weiteren Zeile „+++“.",
        ));
    }
    let toml_start = first.len();
    let mut offset = toml_start;
    let mut line_no = 2u32;
    for line in lines {
        if is_fence(line) {
            let body_start = offset + line.len();
            return Ok(Split {
                toml: text.get(toml_start..offset).unwrap_or(""),
                toml_line: 2,
                close_line: line_no,
                body: text.get(body_start..).unwrap_or(""),
                body_line: line_no.saturating_add(1),
            });
        }
        offset += line.len();
        line_no = line_no.saturating_add(1);
    }
    Err(error(
        file,
        1,
        "Die Kopfdaten werden nicht abgeschlossen: Fügen Sie nach den Kopfdaten eine Zeile \
         „+++“ ein.",
    ))
}
