//! Result passages with the matched words marked, from the terms each lesson's text was
//! analysed into when the index was built, so a query stems nothing but its own words (marking
//! through tantivy's snippet generator re-analysed every hit's whole text on every query).

use std::collections::HashMap;
use std::ops::Range;

use super::query::Marked;

/// A text as the index analysed it: each term (as an id of `Vocabulary`) with its byte range.
#[derive(Debug, Clone, Default)]
pub struct Analysed {
    terms: Vec<(u32, u32, u32)>,
}

/// Term ids of one index.
#[derive(Debug, Default)]
pub struct Vocabulary {
    ids: HashMap<String, u32>,
}

impl Vocabulary {
    pub fn analyse(
        &mut self,
        analyzer: &mut tantivy::tokenizer::TextAnalyzer,
        text: &str,
    ) -> Analysed {
        use tantivy::tokenizer::TokenStream;
        let mut stream = analyzer.token_stream(text);
        let mut terms = Vec::new();
        while stream.advance() {
            let token = stream.token();
            let next = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
            let id = *self.ids.entry(token.text.clone()).or_insert(next);
            let (Ok(from), Ok(to)) = (
                u32::try_from(token.offset_from),
                u32::try_from(token.offset_to),
            ) else {
                continue;
            };
            terms.push((id, from, to));
        }
        Analysed { terms }
    }

    /// Ids of the given terms that occur anywhere in the index.
    pub fn ids<'a>(&self, terms: impl IntoIterator<Item = &'a String>) -> Vec<u32> {
        let mut ids: Vec<u32> = terms
            .into_iter()
            .filter_map(|t| self.ids.get(t).copied())
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }
}

/// Context shown before the first marked word of a passage.
const LEAD_CHARS: usize = 40;

/// The passage of at most `max_chars` characters with the most different matched terms
/// (earliest on a tie), or the start of the text when none matched.
pub fn marked(text: &str, analysed: &Analysed, wanted: &[u32], max_chars: usize) -> Marked {
    let hits: Vec<Range<usize>> = analysed
        .terms
        .iter()
        .filter(|(id, _, _)| wanted.binary_search(id).is_ok())
        .map(|&(_, from, to)| from as usize..to as usize)
        .collect();
    let ids: Vec<u32> = analysed
        .terms
        .iter()
        .filter(|(id, _, _)| wanted.binary_search(id).is_ok())
        .map(|&(id, _, _)| id)
        .collect();
    if hits.is_empty() {
        let end = cut_at_word(text, 0, max_chars);
        return Marked {
            text: text[..end].to_owned(),
            marks: Vec::new(),
            cut_before: false,
            cut_after: end < text.len(),
        };
    }
    let max_bytes = max_chars * 2; // German text: about 1.1 bytes per character; generous.
    let mut best = (0usize, 0usize, 0usize); // (distinct, count, first hit)
    for first in 0..hits.len() {
        let mut seen: Vec<u32> = Vec::new();
        let mut count = 0;
        for (range, id) in hits[first..].iter().zip(&ids[first..]) {
            if range.end - hits[first].start > max_bytes.min(text.len()) {
                break;
            }
            count += 1;
            if !seen.contains(id) {
                seen.push(*id);
            }
        }
        if (seen.len(), count) > (best.0, best.1) {
            best = (seen.len(), count, first);
        }
    }
    let anchor = hits[best.2].start;
    let start = lead_start(text, anchor);
    let end = cut_at_word(text, start, max_chars).max(hits[best.2].end);
    let marks = hits
        .iter()
        .filter(|r| r.start >= start && r.end <= end)
        .map(|r| r.start - start..r.end - start)
        .collect();
    Marked {
        text: text[start..end].to_owned(),
        marks,
        cut_before: start > 0,
        cut_after: end < text.len(),
    }
}

/// Up to `LEAD_CHARS` before `anchor`, from the start of a word.
fn lead_start(text: &str, anchor: usize) -> usize {
    let before = &text[..anchor];
    let Some((lead, _)) = before.char_indices().rev().nth(LEAD_CHARS) else {
        return 0;
    };
    before[lead..]
        .find(char::is_whitespace)
        .map_or(anchor, |i| lead + i + 1)
}

/// A byte index at most `max_chars` characters after `start`, at the end of a word where there
/// is one.
pub fn cut_at_word(text: &str, start: usize, max_chars: usize) -> usize {
    let rest = &text[start..];
    let Some((limit, _)) = rest.char_indices().nth(max_chars) else {
        return text.len();
    };
    start + rest[..limit].rfind(char::is_whitespace).unwrap_or(limit)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::analyzer;

    fn terms(text: &str) -> Vec<String> {
        analyzer::terms(&mut analyzer::german(), text)
    }

    fn mark(text: &str, query: &str, max: usize) -> (String, Vec<String>) {
        let mut vocabulary = Vocabulary::default();
        let mut analyzer = analyzer::german();
        let analysed = vocabulary.analyse(&mut analyzer, text);
        let wanted = vocabulary.ids(&terms(query));
        let m = marked(text, &analysed, &wanted, max);
        let marks = m
            .marks
            .iter()
            .map(|r| m.text[r.clone()].to_owned())
            .collect();
        (m.text, marks)
    }

    #[test]
    fn the_passage_with_most_matched_words_is_marked_as_written() {
        let text = format!(
            "Einleitung über Fachkräfte. {} Die Blaue Karte verlangt eine Gehaltsschwelle, die Blaue Karte gilt vier Jahre.",
            "Füllwort ".repeat(60)
        );
        let (passage, marks) = mark(&text, "Blaue Karte Gehaltsschwelle", 120);
        assert!(passage.contains("Gehaltsschwelle"), "{passage}");
        assert_eq!(marks[..3], ["Blaue", "Karte", "Gehaltsschwelle"]);
        let (_, marks) = mark("Fachkräfte und Fachkraft", "fachkraefte", 100);
        assert_eq!(marks, ["Fachkräfte", "Fachkraft"]);
    }

    #[test]
    fn without_a_match_the_text_starts_the_passage() {
        let (passage, marks) = mark("Ein kurzer Text ohne Treffer.", "Duldung", 100);
        assert_eq!(
            (passage.as_str(), marks.len()),
            ("Ein kurzer Text ohne Treffer.", 0)
        );
        assert_eq!(cut_at_word("eins zwei drei", 0, 6), 4);
    }
}
