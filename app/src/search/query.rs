//! Running a parsed `SearchQuery` against the index. Queries are built from terms here, never
//! from user syntax, so any input is a valid query. Every word must match (in the title,
//! headings, text or the module and track it belongs to; whole, as the start of a compound
//! word, or, when nothing else matches, with one typo); if no lesson has them all, lessons with
//! some of them are shown instead. A cited norm ranks the lessons that cite it first.

use std::ops::Range;

use tantivy::collector::{Count, TopDocs};
use tantivy::query::{
    BooleanQuery, BoostQuery, EmptyQuery, FuzzyTermQuery, Occur, Query, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Searcher, Term};

use super::analyzer;
use super::index::{norm_term, IndexError, SearchIndex};
use super::snippet;
use crate::domain::search_query::SearchQuery;

/// Title matches count most, then headings, then text and context.
const TITLE: f32 = 5.0;
const HEADINGS: f32 = 2.5;
const BODY: f32 = 1.0;
const CONTEXT: f32 = 0.8;
/// A word as the start of a longer term ("Fiktion" in "Fiktionsbescheinigung").
const PREFIX: f32 = 0.6;
/// A word with one typo, only tried when it matches nothing as typed.
const FUZZY: f32 = 0.3;
/// Lessons citing a searched norm.
const CITES: f32 = 20.0;
/// Prefixes shorter than this are not expanded ("Ab" would match half the course).
const MIN_PREFIX_CHARS: usize = 3;
const MAX_EXPANSIONS: usize = 30;
const SNIPPET_CHARS: usize = 220;

/// Text with the byte ranges to highlight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marked {
    pub text: String,
    pub marks: Vec<Range<usize>>,
    /// The text is cut at the start or end.
    pub cut_before: bool,
    pub cut_after: bool,
}

#[derive(Debug, Clone)]
pub struct Hit {
    /// Index into `SearchIndex::lessons`.
    pub lesson: usize,
    pub title: Marked,
    pub snippet: Marked,
}

#[derive(Debug, Clone, Default)]
pub struct Hits {
    pub hits: Vec<Hit>,
    pub total: usize,
    /// No lesson had every word; these have some of them.
    pub partial: bool,
}

impl SearchIndex {
    pub fn search(
        &self,
        query: &SearchQuery,
        offset: usize,
        limit: usize,
    ) -> Result<Hits, IndexError> {
        let searcher = self.reader.searcher();
        let mut analyzer = searcher.index().tokenizer_for_field(self.fields.body)?;
        let mut words: Vec<Box<dyn Query>> = Vec::new();
        // Every term a clause looks for, to mark in the results.
        let mut marked_terms: Vec<String> = Vec::new();
        for word in &query.words {
            for term in analyzer::terms(&mut analyzer, word) {
                words.push(self.word(&searcher, &term, &mut marked_terms)?);
            }
        }
        let mut norms: Vec<Box<dyn Query>> = Vec::new();
        for norm in &query.norms {
            let paragraph = norm.paragraph.to_string();
            marked_terms.push(paragraph.clone());
            let cites = match norm.law {
                Some(law) => {
                    let norm = crate::domain::norm::Norm {
                        law,
                        paragraph: norm.paragraph.clone(),
                    };
                    Term::from_field_text(self.fields.norm, &norm_term(&norm))
                }
                None => Term::from_field_text(self.fields.paragraph, &paragraph),
            };
            norms.push(boosted(term(cites), CITES));
            // The paragraph in a title or heading ("Die Vereinbarung nach § 81a Abs. 2") ranks a
            // citing lesson first; in the text it lifts lessons that name the paragraph without
            // a linked citation a little.
            for (field, weight) in [
                (self.fields.title, TITLE),
                (self.fields.headings, HEADINGS),
                (self.fields.body, BODY * 0.5),
            ] {
                let mention = Term::from_field_text(field, &paragraph);
                norms.push(boosted(term(mention), weight));
            }
        }
        if words.is_empty() && norms.is_empty() {
            return Ok(Hits::default());
        }
        let several_words = words.len() > 1;
        let marked = self.vocabulary.ids(&marked_terms);
        let all = combine(&words, &norms, Occur::Must);
        let mut hits = self.run(&searcher, &*all, offset, limit, &marked)?;
        if hits.total == 0 && several_words {
            let some = combine(&words, &norms, Occur::Should);
            hits = self.run(&searcher, &*some, offset, limit, &marked)?;
            hits.partial = hits.total > 0;
        }
        Ok(hits)
    }

    /// One analysed word in every field: exact, as a prefix, or (failing both) with a typo.
    fn word(
        &self,
        searcher: &Searcher,
        text: &str,
        marked: &mut Vec<String>,
    ) -> Result<Box<dyn Query>, IndexError> {
        let f = self.fields;
        let fields = [
            (f.title, TITLE),
            (f.headings, HEADINGS),
            (f.body, BODY),
            (f.context, CONTEXT),
        ];
        let mut any: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (field, weight) in fields {
            let exact = Term::from_field_text(field, text);
            if searcher.doc_freq(&exact)? > 0 {
                any.push((Occur::Should, boosted(term(exact), weight)));
                marked.push(text.to_owned());
            }
            if text.chars().count() >= MIN_PREFIX_CHARS {
                for longer in expansions(searcher, field, text) {
                    let term_of = Term::from_field_text(field, &longer);
                    any.push((Occur::Should, boosted(term(term_of), weight * PREFIX)));
                    marked.push(longer);
                }
            }
        }
        if any.is_empty() && text.chars().count() >= 5 {
            for (field, weight) in fields {
                let typo = FuzzyTermQuery::new(Term::from_field_text(field, text), 1, true);
                any.push((Occur::Should, boosted(Box::new(typo), weight * FUZZY)));
            }
        }
        if any.is_empty() {
            return Ok(Box::new(EmptyQuery));
        }
        Ok(Box::new(BooleanQuery::new(any)))
    }

    fn run(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
        offset: usize,
        limit: usize,
        marked: &[u32],
    ) -> Result<Hits, IndexError> {
        let top = TopDocs::with_limit(limit.max(1))
            .and_offset(offset)
            .order_by_score();
        let (top, total) = searcher.search(query, &(top, Count))?;
        let mut hits = Vec::with_capacity(top.len());
        for (_score, address) in top.into_iter().take(limit) {
            let n = searcher
                .segment_reader(address.segment_ord)
                .fast_fields()
                .u64("n")?
                .first(address.doc_id);
            let Some(lesson) = n.and_then(|n| usize::try_from(n).ok()) else {
                continue;
            };
            let Some(indexed) = self.lessons.get(lesson) else {
                continue;
            };
            hits.push(Hit {
                lesson,
                title: snippet::marked(&indexed.title, &indexed.title_terms, marked, 1_000),
                snippet: snippet::marked(&indexed.text, &indexed.text_terms, marked, SNIPPET_CHARS),
            });
        }
        Ok(Hits {
            hits,
            total,
            partial: false,
        })
    }
}

fn term(term: Term) -> Box<dyn Query> {
    Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs))
}

fn boosted(query: Box<dyn Query>, boost: f32) -> Box<dyn Query> {
    Box::new(BoostQuery::new(query, boost))
}

/// Words joined with `words_occur`; norms always only rank.
fn combine(
    words: &[Box<dyn Query>],
    norms: &[Box<dyn Query>],
    words_occur: Occur,
) -> Box<dyn Query> {
    let mut clauses: Vec<(Occur, Box<dyn Query>)> =
        words.iter().map(|w| (words_occur, w.box_clone())).collect();
    clauses.extend(norms.iter().map(|n| (Occur::Should, n.box_clone())));
    Box::new(BooleanQuery::new(clauses))
}

/// Longer terms of `field` that start with `prefix` (at most `MAX_EXPANSIONS`).
fn expansions(searcher: &Searcher, field: Field, prefix: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for segment in searcher.segment_readers() {
        let Ok(inverted) = segment.inverted_index(field) else {
            continue;
        };
        let Ok(mut stream) = inverted.terms().range().ge(prefix.as_bytes()).into_stream() else {
            continue;
        };
        while stream.advance() && found.len() < MAX_EXPANSIONS {
            let key = stream.key();
            if !key.starts_with(prefix.as_bytes()) {
                break;
            }
            if let Ok(key) = std::str::from_utf8(key) {
                if key != prefix && !found.iter().any(|f| f == key) {
                    found.push(key.to_owned());
                }
            }
        }
    }
    found
}
