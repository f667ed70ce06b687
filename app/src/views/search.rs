//! What the search page and the Normenverzeichnis show.

use serde::{Deserialize, Serialize};

use super::learning::Link;

/// A run of text, highlighted (`<mark>`) or not. Pages render it as text, so whatever a lesson
/// or a query contains is escaped like any other text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextRun {
    pub text: String,
    pub mark: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchHitView {
    pub href: String,
    pub title: Vec<TextRun>,
    /// "Lernpfad › Modul"
    pub breadcrumb: String,
    pub snippet: Vec<TextRun>,
    /// The searched norms this lesson cites (`§ 81a AufenthG`).
    pub cites: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SearchOutcome {
    /// Nothing (or only punctuation and filler words) was entered.
    NoQuery,
    NoResults,
    Results,
    /// No lesson contains every word; these contain some.
    SomeWords,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchPageView {
    /// The query as it is searched (cut when it was too long).
    pub query: String,
    pub outcome: SearchOutcome,
    pub shortened: bool,
    pub hits: Vec<SearchHitView>,
    pub total: usize,
    /// 1-based.
    pub page: usize,
    pub pages: usize,
    /// The lessons on this page are `first..=last` of `total`.
    pub first: usize,
    pub last: usize,
    pub prev_href: Option<String>,
    pub next_href: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NormItemView {
    /// `§ 81a AufenthG`
    pub label: String,
    pub href: String,
    /// Official text on gesetze-im-internet.de.
    pub url: String,
    pub lessons: Vec<Link>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LawGroupView {
    pub law: String,
    /// For the in-page table of contents.
    pub anchor: String,
    pub norms: Vec<NormItemView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NormDirectoryView {
    pub laws: Vec<LawGroupView>,
    pub norm_count: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CitingLessonView {
    pub lesson: Link,
    pub breadcrumb: String,
    /// The sentences of the lesson that cite the norm.
    pub sentences: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NormPageView {
    pub label: String,
    pub law: String,
    pub url: String,
    pub citing: Vec<CitingLessonView>,
}
