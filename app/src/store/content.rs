//! Published content as pages read it: the outline, lesson bodies, quiz questions, and the
//! content generation that every import bumps (the key of all content caches).

use async_trait::async_trait;

use super::DbError;

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct TrackSummary {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub module_count: i64,
    pub minutes: i64,
}

/// The published course structure without bodies: what navigation and progress need.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Outline {
    pub tracks: Vec<OutlineTrack>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct OutlineTrack {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub intro_html: String,
    pub modules: Vec<OutlineModule>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct OutlineModule {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub minutes: i64,
    pub legal_status: chrono::NaiveDate,
    pub review_by: chrono::NaiveDate,
    pub sources: Vec<crate::content::SourceRef>,
    pub intro_html: String,
    pub lessons: Vec<OutlineLesson>,
    pub quiz: Option<OutlineQuiz>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutlineLesson {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub minutes: i64,
    pub revision: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutlineQuiz {
    pub id: i64,
    pub title: String,
    pub revision: i64,
    pub pass_percent: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct LessonBody {
    pub title: String,
    pub minutes: i64,
    pub word_count: i64,
    pub body_html: String,
    /// JSON list of `content::TocEntry`.
    pub toc: String,
}

/// The current revision of one published lesson, as the search index reads it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct LessonText {
    pub lesson_id: i64,
    pub revision: i64,
    pub body_html: String,
    /// JSON list of `content::TocEntry`.
    pub toc: String,
}

#[async_trait]
pub trait ContentStore {
    /// Published tracks in display order, with module count and estimated minutes.
    async fn list_tracks(&self) -> Result<Vec<TrackSummary>, DbError>;
    /// All published tracks, modules, lessons and quizzes in order, without bodies.
    async fn outline(&self) -> Result<Outline, DbError>;
    async fn lesson_body(&self, lesson_id: i64, revision: i64) -> Result<LessonBody, DbError>;
    /// The questions of one quiz revision, including solutions (server side only).
    async fn quiz_questions(
        &self,
        quiz_id: i64,
        revision: i64,
    ) -> Result<Vec<crate::content::Question>, DbError>;
    /// Bodies of the current revisions of all lessons that are not archived (one query; the
    /// search index joins them with the outline).
    async fn lesson_texts(&self) -> Result<Vec<LessonText>, DbError>;
    /// Increases with every import or publish that changed content.
    async fn content_generation(&self) -> Result<i64, DbError>;
}
