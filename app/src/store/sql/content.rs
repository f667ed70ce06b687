//! Reading published content: the outline (four queries, assembled in memory), bodies, quiz
//! questions and the content generation.

use async_trait::async_trait;

use super::{Db, Impl};
use crate::store::{
    ContentStore, DbError, LessonBody, LessonText, Outline, OutlineLesson, OutlineModule,
    OutlineQuiz, OutlineTrack, TrackSummary,
};
use std::collections::HashMap;

#[derive(sqlx::FromRow)]
struct TrackRow {
    id: i64,
    slug: String,
    title: String,
    summary: String,
    intro_html: String,
}

#[derive(sqlx::FromRow)]
struct ModuleRow {
    id: i64,
    track_id: i64,
    slug: String,
    title: String,
    summary: String,
    minutes: i64,
    legal_status: chrono::NaiveDate,
    review_by: chrono::NaiveDate,
    sources: String,
    intro_html: String,
}

#[derive(sqlx::FromRow)]
struct LessonRow {
    id: i64,
    module_id: i64,
    slug: String,
    title: String,
    minutes: i64,
    revision: i64,
}

#[derive(sqlx::FromRow)]
struct QuizRow {
    id: i64,
    module_id: i64,
    title: String,
    revision: i64,
    pass_percent: i64,
}

async fn outline(pool: &sqlx::Pool<Db>) -> Result<Outline, DbError> {
    let tracks: Vec<TrackRow> = sqlx::query_as(
        "SELECT id, slug, title, summary, intro_html FROM tracks \
         WHERE archived_at IS NULL ORDER BY position, slug",
    )
    .fetch_all(pool)
    .await?;
    let modules: Vec<ModuleRow> = sqlx::query_as(
        "SELECT id, track_id, slug, title, summary, minutes, legal_status, review_by, sources, \
         intro_html FROM modules WHERE archived_at IS NULL ORDER BY position, slug",
    )
    .fetch_all(pool)
    .await?;
    let lessons: Vec<LessonRow> = sqlx::query_as(
        "SELECT l.id, l.module_id, l.slug, r.title, r.minutes, l.current_revision AS revision \
         FROM lessons l JOIN lesson_revisions r \
         ON r.lesson_id = l.id AND r.revision = l.current_revision \
         WHERE l.archived_at IS NULL ORDER BY l.position, l.slug",
    )
    .fetch_all(pool)
    .await?;
    let quizzes: Vec<QuizRow> = sqlx::query_as(
        "SELECT q.id, q.module_id, r.title, q.current_revision AS revision, r.pass_percent \
         FROM quizzes q JOIN quiz_revisions r \
         ON r.quiz_id = q.id AND r.revision = q.current_revision \
         WHERE q.archived_at IS NULL",
    )
    .fetch_all(pool)
    .await?;

    let mut lessons_by_module: HashMap<i64, Vec<OutlineLesson>> = HashMap::new();
    for l in lessons {
        lessons_by_module
            .entry(l.module_id)
            .or_default()
            .push(OutlineLesson {
                id: l.id,
                slug: l.slug,
                title: l.title,
                minutes: l.minutes,
                revision: l.revision,
            });
    }
    let mut quiz_by_module: HashMap<i64, OutlineQuiz> = quizzes
        .into_iter()
        .map(|q| {
            (
                q.module_id,
                OutlineQuiz {
                    id: q.id,
                    title: q.title,
                    revision: q.revision,
                    pass_percent: q.pass_percent,
                },
            )
        })
        .collect();
    let mut modules_by_track: HashMap<i64, Vec<OutlineModule>> = HashMap::new();
    for m in modules {
        let sources =
            serde_json::from_str(&m.sources).map_err(|e| DbError::Corrupt(e.to_string()))?;
        modules_by_track
            .entry(m.track_id)
            .or_default()
            .push(OutlineModule {
                lessons: lessons_by_module.remove(&m.id).unwrap_or_default(),
                quiz: quiz_by_module.remove(&m.id),
                id: m.id,
                slug: m.slug,
                title: m.title,
                summary: m.summary,
                minutes: m.minutes,
                legal_status: m.legal_status,
                review_by: m.review_by,
                sources,
                intro_html: m.intro_html,
            });
    }
    Ok(Outline {
        tracks: tracks
            .into_iter()
            .map(|t| OutlineTrack {
                modules: modules_by_track.remove(&t.id).unwrap_or_default(),
                id: t.id,
                slug: t.slug,
                title: t.title,
                summary: t.summary,
                intro_html: t.intro_html,
            })
            .collect(),
    })
}

async fn lesson_body(
    pool: &sqlx::Pool<Db>,
    lesson_id: i64,
    revision: i64,
) -> Result<LessonBody, DbError> {
    Ok(sqlx::query_as(
        "SELECT title, minutes, word_count, body_html, toc FROM lesson_revisions \
         WHERE lesson_id = $1 AND revision = $2",
    )
    .bind(lesson_id)
    .bind(revision)
    .fetch_one(pool)
    .await?)
}

async fn quiz_questions(
    pool: &sqlx::Pool<Db>,
    quiz_id: i64,
    revision: i64,
) -> Result<Vec<crate::content::Question>, DbError> {
    let (json,): (String,) =
        sqlx::query_as("SELECT questions FROM quiz_revisions WHERE quiz_id = $1 AND revision = $2")
            .bind(quiz_id)
            .bind(revision)
            .fetch_one(pool)
            .await?;
    serde_json::from_str(&json).map_err(|e| DbError::Corrupt(e.to_string()))
}

#[async_trait]
impl ContentStore for Impl {
    #[tracing::instrument(skip_all)]
    async fn list_tracks(&self) -> Result<Vec<TrackSummary>, DbError> {
        Ok(sqlx::query_as(
            "SELECT t.slug, t.title, t.summary, COUNT(m.id) AS module_count, \
             CAST(COALESCE(SUM(m.minutes), 0) AS BIGINT) AS minutes \
             FROM tracks t \
             LEFT JOIN modules m ON m.track_id = t.id AND m.archived_at IS NULL \
             WHERE t.archived_at IS NULL \
             GROUP BY t.id, t.slug, t.title, t.summary, t.position \
             ORDER BY t.position, t.slug",
        )
        .fetch_all(&self.pool)
        .await?)
    }

    #[tracing::instrument(skip_all)]
    async fn outline(&self) -> Result<Outline, DbError> {
        outline(&self.pool).await
    }

    #[tracing::instrument(skip_all)]
    async fn lesson_body(&self, lesson_id: i64, revision: i64) -> Result<LessonBody, DbError> {
        lesson_body(&self.pool, lesson_id, revision).await
    }

    #[tracing::instrument(skip_all)]
    async fn quiz_questions(
        &self,
        quiz_id: i64,
        revision: i64,
    ) -> Result<Vec<crate::content::Question>, DbError> {
        quiz_questions(&self.pool, quiz_id, revision).await
    }

    #[tracing::instrument(skip_all)]
    async fn lesson_texts(&self) -> Result<Vec<LessonText>, DbError> {
        Ok(sqlx::query_as(
            "SELECT l.id AS lesson_id, r.revision, r.body_html, r.toc \
             FROM lessons l JOIN lesson_revisions r \
             ON r.lesson_id = l.id AND r.revision = l.current_revision \
             WHERE l.archived_at IS NULL",
        )
        .fetch_all(&self.pool)
        .await?)
    }

    #[tracing::instrument(skip_all)]
    async fn content_generation(&self) -> Result<i64, DbError> {
        let (generation,): (i64,) =
            sqlx::query_as("SELECT generation FROM content_state WHERE id = 1")
                .fetch_one(&self.pool)
                .await?;
        Ok(generation)
    }
}
