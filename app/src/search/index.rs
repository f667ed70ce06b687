//! Building the in-memory index from the published outline and the lesson bodies: one
//! document per lesson, with its title, headings, text, and the module and track it belongs to
//! as context. Quizzes are not read at all, so nothing of them can be found.

use std::collections::{BTreeMap, HashMap};

use tantivy::schema::{Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST};
use tantivy::{doc, Index, IndexReader, IndexWriter, ReloadPolicy};

use super::analyzer;
use super::snippet::{Analysed, Vocabulary};
use crate::content::plain_text;
use crate::content::TocEntry;
use crate::domain::norm::Norm;
use crate::store::{LessonText, Outline};

/// What the index knows of a lesson beyond its terms: enough to show a result.
#[derive(Debug, Clone)]
pub struct IndexedLesson {
    pub href: String,
    pub title: String,
    pub track_title: String,
    pub module_title: String,
    pub text: String,
    pub norms: Vec<Norm>,
    pub(super) title_terms: Analysed,
    pub(super) text_terms: Analysed,
}

/// One sentence of a lesson that cites a norm.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citing {
    /// Index into `SearchIndex::lessons`.
    pub lesson: usize,
    pub sentences: Vec<String>,
}

#[derive(Clone, Copy)]
pub(super) struct Fields {
    pub n: Field,
    pub title: Field,
    pub headings: Field,
    pub body: Field,
    pub context: Field,
    pub norm: Field,
    pub paragraph: Field,
}

/// A built index of one content generation. Immutable; a new generation builds a new one.
pub struct SearchIndex {
    pub(super) reader: IndexReader,
    pub(super) fields: Fields,
    pub lessons: Vec<IndexedLesson>,
    pub(super) vocabulary: Vocabulary,
    /// Every cited norm in order (law, then paragraph), with the lessons citing it.
    pub norms: BTreeMap<Norm, Vec<Citing>>,
}

#[derive(Debug, thiserror::Error)]
#[error("search index: {0}")]
pub struct IndexError(#[from] tantivy::TantivyError);

/// A field analysed with the German analyzer, frequencies but no positions (no phrase queries).
fn text_options() -> TextOptions {
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(analyzer::GERMAN)
            .set_index_option(IndexRecordOption::WithFreqs),
    )
}

/// Norm terms as they are (`aufenthg/81a`), with frequencies (`STRING` has none).
fn norm_options() -> TextOptions {
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("raw")
            .set_index_option(IndexRecordOption::WithFreqs),
    )
}

fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let fields = Fields {
        n: builder.add_u64_field("n", FAST),
        title: builder.add_text_field("title", text_options()),
        headings: builder.add_text_field("headings", text_options()),
        body: builder.add_text_field("body", text_options()),
        context: builder.add_text_field("context", text_options()),
        norm: builder.add_text_field("norm", norm_options()),
        paragraph: builder.add_text_field("paragraph", norm_options()),
    };
    (builder.build(), fields)
}

/// The norm field's term: `aufenthg/81a`.
pub(super) fn norm_term(norm: &Norm) -> String {
    format!("{}/{}", norm.law.key(), norm.paragraph)
}

impl SearchIndex {
    /// Lessons of `outline` whose text is in `texts` (matched by id and revision; a lesson
    /// whose revision changed in between is left out until the next generation).
    pub fn build(outline: &Outline, texts: Vec<LessonText>) -> Result<SearchIndex, IndexError> {
        let (schema, fields) = schema();
        let index = Index::create_in_ram(schema);
        index
            .tokenizers()
            .register(analyzer::GERMAN, analyzer::german());
        // One thread: the machine's other core serves requests meanwhile.
        let mut writer: IndexWriter = index.writer_with_num_threads(1, 30_000_000)?;
        writer.set_merge_policy(Box::new(tantivy::merge_policy::NoMergePolicy));
        let mut texts: HashMap<(i64, i64), LessonText> = texts
            .into_iter()
            .map(|t| ((t.lesson_id, t.revision), t))
            .collect();
        let mut lessons = Vec::new();
        let mut vocabulary = Vocabulary::default();
        let mut analyzer = analyzer::german();
        let mut norms: BTreeMap<Norm, Vec<Citing>> = BTreeMap::new();
        for track in &outline.tracks {
            for module in &track.modules {
                let context = format!("{} {} {}", module.title, module.summary, track.title);
                for lesson in &module.lessons {
                    let Some(stored) = texts.remove(&(lesson.id, lesson.revision)) else {
                        continue;
                    };
                    let plain = plain_text::from_html(&stored.body_html);
                    let toc: Vec<TocEntry> = serde_json::from_str(&stored.toc).unwrap_or_default();
                    let headings: Vec<&str> = toc.iter().map(|e| e.title.as_str()).collect();
                    let n = lessons.len();
                    let mut document = doc!(
                        fields.n => n as u64,
                        fields.title => lesson.title.as_str(),
                        fields.headings => headings.join("\n"),
                        fields.body => plain.text.as_str(),
                        fields.context => context.as_str(),
                    );
                    let mut cited: Vec<Norm> = Vec::new();
                    for (norm, range) in &plain.citations {
                        // Once per citation: a lesson citing a norm often is more about it.
                        document.add_text(fields.norm, norm_term(norm));
                        document.add_text(fields.paragraph, norm.paragraph.to_string());
                        let sentence = plain_text::sentence_around(&plain.text, range.clone());
                        let citing = norms.entry(norm.clone()).or_default();
                        match citing.last_mut().filter(|c| c.lesson == n) {
                            Some(c) if !c.sentences.iter().any(|s| s == sentence) => {
                                c.sentences.push(sentence.to_owned());
                            }
                            Some(_) => {}
                            None => citing.push(Citing {
                                lesson: n,
                                sentences: vec![sentence.to_owned()],
                            }),
                        }
                        if !cited.contains(norm) {
                            cited.push(norm.clone());
                        }
                    }
                    writer.add_document(document)?;
                    let title_terms = vocabulary.analyse(&mut analyzer, &lesson.title);
                    let text_terms = vocabulary.analyse(&mut analyzer, &plain.text);
                    lessons.push(IndexedLesson {
                        href: format!("/tracks/{}/{}/{}", track.slug, module.slug, lesson.slug),
                        title: lesson.title.clone(),
                        track_title: track.title.clone(),
                        module_title: module.title.clone(),
                        text: plain.text,
                        norms: cited,
                        title_terms,
                        text_terms,
                    });
                }
            }
        }
        writer.commit()?;
        writer.wait_merging_threads()?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(SearchIndex {
            reader,
            fields,
            lessons,
            vocabulary,
            norms,
        })
    }
}
