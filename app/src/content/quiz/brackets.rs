//! Quiz constructs that span several lines: a LiaScript selection written one option per line,
//! and a `<script>` block (rejected, but skipped whole so its code is not read as text).

use super::patterns::Line;

pub(super) const UNCLOSED: &str = "Die Auswahl „[[ …“ wird nicht geschlossen: Beginnen Sie jede \
     weitere Antwort mit „|“ und schließen Sie die Auswahl mit „]]“ ab (z. B. „| (richtig) ]]“).";

/// The text between `[[` and `]]` of a bracket opened on line `i` and continued on the following
/// lines, each starting with `|` or `]]`; with the index of the line after it. `None` if the
/// bracket is not closed that way.
pub(super) fn gather(all: &[Line<'_>], i: usize) -> Option<(String, usize)> {
    let first = all.get(i)?.text.trim_start().strip_prefix("[[")?;
    let mut inner = first.trim().to_owned();
    for (j, line) in all.iter().enumerate().skip(i + 1) {
        let text = line.text.trim();
        if !(text.starts_with('|') || text.starts_with("]]")) {
            return None;
        }
        let (part, closed) = match text.strip_suffix("]]") {
            Some(part) => (part, true),
            None => (text, false),
        };
        if !part.trim().is_empty() {
            inner.push(' ');
            inner.push_str(part.trim());
        }
        if closed {
            return Some((inner, j + 1));
        }
    }
    None
}

/// Index of the line after a `<script>` block opened on line `i` (after line `i` itself if
/// the line opens no script or the script closes on it).
pub(super) fn skip_script(all: &[Line<'_>], i: usize) -> usize {
    let opens = all.get(i).is_some_and(|l| {
        l.text
            .trim_start()
            .to_ascii_lowercase()
            .starts_with("<script")
    });
    if !opens {
        return i + 1;
    }
    let closes = |l: &Line<'_>| l.text.to_ascii_lowercase().contains("</script");
    all.iter()
        .enumerate()
        .skip(i)
        .find(|(_, l)| closes(l))
        .map_or(all.len(), |(j, _)| j + 1)
}

#[cfg(test)]
mod tests {
    use super::super::patterns::lines;
    use super::*;

    #[test]
    fn a_selection_over_several_lines_is_gathered_into_one_bracket() {
        let table: &[(&str, Option<(&str, usize)>)] = &[
            ("[[ a\n| (b)\n| c\n]]\nRest", Some(("a | (b) | c", 4))),
            (
                "    [[  a\n    | ( b )\n    | (c) ]]\n",
                Some(("a | ( b ) | (c)", 3)),
            ),
            ("[[ a\n| b\n\n]]", None),
            ("[[ a\nkein Strich\n]]", None),
            ("[[ a\n| b", None),
        ];
        for (body, expected) in table {
            let all = lines(body);
            let got = gather(&all, 0);
            assert_eq!(
                got.as_ref().map(|(s, n)| (s.as_str(), *n)),
                *expected,
                "{body:?}"
            );
        }
    }

    #[test]
    fn a_script_block_is_skipped_up_to_its_closing_tag() {
        let table = [
            ("<script>\nx < 1\n</script>\nText", 3),
            ("<script>alert(1)</script>\nText", 1),
            ("[[!]]\n<script>", 1),
            ("<script>\nnie geschlossen", 2),
        ];
        for (body, expected) in table {
            assert_eq!(skip_script(&lines(body), 0), expected, "{body:?}");
        }
    }
}
