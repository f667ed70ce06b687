//! The plain text of a Markdown body's paragraphs (inline markup dropped, link texts kept),
//! each with the file line it starts on: the input of the duplicate check.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::content::problems::LineIndex;

/// `(line, text)` of every paragraph of `body`, whose first line is `first_line` in its file.
pub(super) fn extract(body: &str, first_line: u32) -> Vec<(u32, String)> {
    let lines = LineIndex::new(body, first_line);
    let mut out = Vec::new();
    let mut current: Option<(u32, String)> = None;
    let options = Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_GFM;
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        match event {
            Event::Start(Tag::Paragraph) => {
                current = Some((lines.line(range.start), String::new()))
            }
            Event::End(TagEnd::Paragraph) => out.extend(current.take()),
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, text)) = &mut current {
                    text.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some((_, text)) = &mut current {
                    text.push(' ');
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_come_with_their_lines_and_without_markup() {
        let body =
            "## Titel\n\nErster **Absatz**\nmit [Link](x.md).\n\n- Liste\n\n> Zitat `code`\n";
        assert_eq!(
            extract(body, 6),
            vec![
                (8, "Erster Absatz mit Link.".to_owned()),
                (13, "Zitat code".to_owned()),
            ]
        );
    }
}
