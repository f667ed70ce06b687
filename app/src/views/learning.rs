//! What the learner pages receive from the server. These types are serialised into the page for
//! hydration, so they are the browser-visible surface: quiz questions appear here only as
//! `QuestionView`, which has no field for the correct options, accepted answers or explanations.

use serde::{Deserialize, Serialize};

pub use crate::domain::progress::Progress;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    pub href: String,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrackCardView {
    pub href: String,
    pub title: String,
    pub summary: String,
    pub minutes: i64,
    pub progress: Progress,
    /// `dd.mm.yyyy`, for tracks assigned to the learner.
    pub due_on: Option<String>,
    /// For assigned tracks: the assignment's status and whether it is mandatory.
    pub assignment: Option<AssignmentBadge>,
    pub modules: Vec<ModuleCardView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssignmentBadge {
    pub status: super::oversight::StatusView,
    pub mandatory: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModuleCardView {
    pub href: String,
    pub title: String,
    pub summary: String,
    pub minutes: i64,
    /// "Rechtsstand" as `dd.mm.yyyy`.
    pub legal_status: String,
    pub progress: Progress,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrackPageView {
    pub card: TrackCardView,
    /// Sanitised HTML from the content pipeline.
    pub intro_html: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceView {
    pub title: String,
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonItemView {
    pub href: String,
    pub title: String,
    pub minutes: i64,
    pub done: bool,
    /// "aktualisiert seit Ihrem letzten Besuch".
    pub updated: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizItemView {
    pub href: String,
    pub title: String,
    pub pass_percent: u8,
    pub passed: bool,
    pub best_percent: Option<u8>,
    pub attempts: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModulePageView {
    pub track: Link,
    pub card: ModuleCardView,
    pub intro_html: String,
    pub sources: Vec<SourceView>,
    pub lessons: Vec<LessonItemView>,
    pub quiz: Option<QuizItemView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TocItem {
    pub level: u8,
    pub id: String,
    pub title: String,
}

/// The slugs that name a lesson, as posted back by "Als erledigt markieren".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonKey {
    pub track: String,
    pub module: String,
    pub lesson: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonPageView {
    pub key: LessonKey,
    pub track: Link,
    pub module: Link,
    pub title: String,
    pub minutes: i64,
    pub legal_status: String,
    /// 1-based position in the module and the module's lesson count.
    pub position: (usize, usize),
    pub body_html: String,
    pub toc: Vec<TocItem>,
    pub done: bool,
    pub updated: bool,
    pub prev: Option<Link>,
    pub next: Option<Link>,
    pub sources: Vec<SourceView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecentItem {
    pub link: Link,
    /// "Lektion erledigt" or "Test bestanden".
    pub what: String,
    pub date: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DashboardView {
    /// Where "Weiterlernen" leads, with the module it belongs to; `None` when all is done.
    pub resume: Option<(Link, String)>,
    pub next_quiz: Option<(Link, String)>,
    pub assigned: Vec<TrackCardView>,
    pub other: Vec<TrackCardView>,
    pub recent: Vec<RecentItem>,
}

/// Form field names of a quiz answer, inside `answers[…]`; shared by form and parser.
pub fn choice_field(question: u32) -> String {
    format!("q{question}")
}

/// The checkbox of the option shown at `shown` (0-based) of a multiple-choice question.
pub fn option_field(question: u32, shown: usize) -> String {
    format!("q{question}_{shown}")
}

pub fn track_href(track: &str) -> String {
    format!("/tracks/{track}")
}

pub fn module_href(track: &str, module: &str) -> String {
    format!("/tracks/{track}/{module}")
}

pub fn lesson_href(track: &str, module: &str, lesson: &str) -> String {
    format!("/tracks/{track}/{module}/{lesson}")
}

pub fn quiz_href(track: &str, module: &str) -> String {
    format!("/tracks/{track}/{module}/quiz")
}

/// A track as the public start page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicTrackCard {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub module_count: i64,
    pub minutes: i64,
}
