//! Rendered lesson HTML back to plain text for the search index, with the norm citations the
//! renderer linked (`<a class="norm">`), so the index and the Normenverzeichnis see exactly the
//! citations the pipeline recognised, and the sentence around each. Reads only the HTML this
//! crate writes (sanitised, well-formed); anything else degrades to less text, never a panic.

use std::ops::Range;

use crate::domain::norm::Norm;

/// Text of a lesson body: blocks separated by `\n`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlainText {
    pub text: String,
    /// Each linked citation: the norm and the byte range of its text in `text`.
    pub citations: Vec<(Norm, Range<usize>)>,
}

/// Elements that end a line of text.
const BLOCKS: &[&str] = &[
    "p",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "td",
    "th",
    "tr",
    "div",
    "blockquote",
    "aside",
    "pre",
    "dt",
    "dd",
    "br",
    "ul",
    "ol",
    "table",
    "section",
    "figcaption",
    "hr",
];
const VOID: &[&str] = &["br", "hr", "img", "wbr", "input"];
/// Generated decoration that is not lesson text: footnote numbers and back links, task
/// markers and their hidden labels, callout titles ("Hinweis").
const SKIPPED_CLASSES: &[&str] = &[
    "footnote-ref",
    "footnote-back",
    "task",
    "visually-hidden",
    "callout__title",
];

struct Open {
    name: String,
    skip: bool,
    /// Set on `<a class="norm">`: the norm and where its text starts.
    norm: Option<(Norm, usize)>,
}

pub fn from_html(html: &str) -> PlainText {
    let mut out = PlainText::default();
    let mut stack: Vec<Open> = Vec::new();
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            push_text(&mut out.text, rest, &stack);
            break;
        };
        push_text(&mut out.text, &rest[..lt], &stack);
        rest = &rest[lt..];
        let Some(gt) = rest.find('>') else { break };
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            close(&mut out, &mut stack, name.trim().to_ascii_lowercase());
        } else if !tag.starts_with('!') && !tag.starts_with('?') {
            open(&mut out, &mut stack, tag);
        }
    }
    let trimmed = out.text.trim_end().len();
    out.text.truncate(trimmed);
    out
}

fn open(out: &mut PlainText, stack: &mut Vec<Open>, tag: &str) {
    let name: String = tag
        .split(|c: char| c.is_whitespace() || c == '/')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    if BLOCKS.contains(&name.as_str()) {
        line_break(&mut out.text);
    }
    if VOID.contains(&name.as_str()) || tag.ends_with('/') {
        return;
    }
    let class = attribute(tag, "class").unwrap_or_default();
    let skip = class
        .split_whitespace()
        .any(|c| SKIPPED_CLASSES.contains(&c))
        || stack.last().is_some_and(|o| o.skip);
    let spaced = out.text.is_empty() || out.text.ends_with([' ', '\n']);
    if !skip && !spaced && (name == "sup" || name == "sub") {
        out.text.push(' ');
    }
    let norm = (name == "a" && class.split_whitespace().any(|c| c == "norm"))
        .then(|| attribute(tag, "href").and_then(|href| Norm::from_url(&href)))
        .flatten()
        .map(|norm| (norm, out.text.len()));
    stack.push(Open { name, skip, norm });
}

fn close(out: &mut PlainText, stack: &mut Vec<Open>, name: String) {
    // Pop to the matching element; a stray end tag closes nothing.
    let Some(at) = stack.iter().rposition(|o| o.name == name) else {
        return;
    };
    for open in stack.drain(at..).rev() {
        if let Some((norm, start)) = open.norm {
            out.citations.push((norm, start..out.text.len()));
        }
    }
    if BLOCKS.contains(&name.as_str()) {
        line_break(&mut out.text);
    }
}

fn line_break(text: &mut String) {
    let trimmed = text.trim_end_matches(' ').len();
    text.truncate(trimmed);
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
}

fn push_text(text: &mut String, raw: &str, stack: &[Open]) {
    if raw.is_empty() || stack.last().is_some_and(|o| o.skip) {
        return;
    }
    let decoded = decode(raw);
    for c in decoded.chars() {
        let c = if c.is_whitespace() { ' ' } else { c };
        let at_line_start = text.is_empty() || text.ends_with('\n');
        if c == ' ' && (at_line_start || text.ends_with(' ')) {
            continue;
        }
        text.push(c);
    }
}

/// The value of `name="…"` in a start tag, entities decoded.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let needle = format!("{name}=\"");
    let mut search = tag;
    loop {
        let at = search.find(&needle)?;
        let before = search[..at].chars().next_back();
        let value = &search[at + needle.len()..];
        if before.is_none_or(char::is_whitespace) {
            let end = value.find('"')?;
            return Some(decode(&value[..end]));
        }
        search = value;
    }
}

fn decode(raw: &str) -> String {
    if !raw.contains('&') {
        return raw.to_owned();
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let entity = rest[1..]
            .find(';')
            .filter(|&end| end <= 10)
            .and_then(|end| Some((entity(&rest[1..=end])?, end + 2)));
        match entity {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        _ => {
            let code = match name.strip_prefix('#')? {
                hex if hex.starts_with(['x', 'X']) => u32::from_str_radix(&hex[1..], 16).ok()?,
                dec => dec.parse().ok()?,
            };
            char::from_u32(code)?
        }
    })
}

/// Longest sentence shown around a citation; longer ones are cut around it.
const MAX_SENTENCE_BYTES: usize = 320;

/// The sentence of `text` that contains `range`: within its line, from the end of the previous
/// sentence to the end of this one. A full stop ends a sentence only before a capital letter and
/// not after an abbreviation (`Abs.`, `Nr.`, `z. B.`) or a number (`1. März`).
pub fn sentence_around(text: &str, range: Range<usize>) -> &str {
    let line_start = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[range.end..]
        .find('\n')
        .map_or(text.len(), |i| range.end + i);
    let line = &text[line_start..line_end];
    let (from, to) = (range.start - line_start, range.end - line_start);
    let mut start = 0;
    let mut end = line.len();
    for (i, c) in line.char_indices() {
        if !matches!(c, '.' | '!' | '?') || !ends_sentence(line, i) {
            continue;
        }
        let after = i + c.len_utf8();
        if after <= from {
            start = after;
        } else if i >= to {
            end = after;
            break;
        }
    }
    let mut sentence = (line_start + start, line_start + end);
    if sentence.1 - sentence.0 > MAX_SENTENCE_BYTES {
        let half = MAX_SENTENCE_BYTES / 2;
        let from = floor_char(text, range.start.saturating_sub(half).max(sentence.0));
        let to = ceil_char(text, (range.end + half).min(sentence.1));
        // Whole words only.
        sentence.0 = text[from..range.start]
            .find(' ')
            .map_or(from, |i| from + i + 1);
        sentence.1 = text[range.end..to].rfind(' ').map_or(to, |i| range.end + i);
    }
    text[sentence.0..sentence.1].trim()
}

fn ends_sentence(line: &str, at: usize) -> bool {
    let next = line[at + 1..].chars().nth(1);
    let followed_by_space = line[at + 1..].starts_with(' ');
    if at + 1 == line.len() {
        return true;
    }
    if !followed_by_space || !next.is_some_and(|c| c.is_uppercase() || c == '„' || c == '(') {
        return false;
    }
    let word: String = line[..at]
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let abbreviation = matches!(
        word.as_str(),
        "Abs"
            | "Nr"
            | "S"
            | "Buchst"
            | "Art"
            | "Ziff"
            | "bzw"
            | "ggf"
            | "vgl"
            | "z"
            | "B"
            | "u"
            | "a"
            | "d"
            | "h"
            | "ca"
            | "i"
            | "V"
            | "gem"
            | "Var"
            | "Alt"
            | "Dr"
            | "Hs"
            | "lit"
    );
    let number = !word.is_empty() && word.chars().all(|c| c.is_ascii_digit());
    !abbreviation && !number
}

fn floor_char(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}
