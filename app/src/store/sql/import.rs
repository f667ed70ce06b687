//! Importing content: the transaction, tracks and modules (lessons, quizzes and problems are in
//! `import_items`). The decisions are `domain::content_sync`; this file only reads and writes.

use async_trait::async_trait;

use super::import_items::{replace_problems, stored_problems, sync_lesson, sync_quiz};
use super::{Db, Impl};
use crate::store::ImportStore;
use std::collections::HashMap;

use chrono::{DateTime, Utc};

use crate::content::{Course, Module, Problem, QuizState, Track};
use crate::domain::content_sync::{decide, to_archive, Action, Stored, SyncReport};
use crate::store::DbError;

pub(super) type Tx<'c> = sqlx::Transaction<'c, Db>;

#[derive(sqlx::FromRow)]
pub(super) struct Row {
    pub id: i64,
    pub parent_id: i64,
    pub slug: String,
    pub content_hash: String,
    pub position: i64,
    pub revision: i64,
    pub archived: bool,
}

impl Row {
    pub(super) fn stored(&self) -> Stored {
        Stored {
            content_hash: self.content_hash.clone(),
            position: self.position,
            archived: self.archived,
        }
    }
}

/// Stored rows of one kind, grouped by parent id and slug.
struct Existing(HashMap<i64, Vec<Row>>);

impl Existing {
    fn new(rows: Vec<Row>) -> Self {
        let mut map: HashMap<i64, Vec<Row>> = HashMap::new();
        for row in rows {
            map.entry(row.parent_id).or_default().push(row);
        }
        Existing(map)
    }
    fn children(&self, parent: i64) -> &[Row] {
        self.0.get(&parent).map(Vec::as_slice).unwrap_or(&[])
    }
    fn find(&self, parent: i64, slug: &str) -> Option<&Row> {
        self.children(parent).iter().find(|r| r.slug == slug)
    }
}

pub(super) struct Ctx<'t, 'c> {
    pub tx: &'t mut Tx<'c>,
    pub now: DateTime<Utc>,
    pub report: SyncReport,
}

async fn run(
    pool: &sqlx::Pool<Db>,
    course: &Course,
    problems: &[Problem],
    now: DateTime<Utc>,
) -> Result<SyncReport, DbError> {
    let mut tx = pool.begin().await?;
    let tracks = Existing::new(sqlx::query_as(
        "SELECT id, CAST(0 AS BIGINT) AS parent_id, slug, content_hash, position, CAST(0 AS BIGINT) AS revision, \
         archived_at IS NOT NULL AS archived FROM tracks",
    ).fetch_all(&mut *tx).await?);
    let modules = Existing::new(sqlx::query_as(
        "SELECT id, track_id AS parent_id, slug, content_hash, position, CAST(0 AS BIGINT) AS revision, \
         archived_at IS NOT NULL AS archived FROM modules",
    ).fetch_all(&mut *tx).await?);
    let lessons = Existing::new(
        sqlx::query_as(
            "SELECT l.id, l.module_id AS parent_id, l.slug, r.content_hash, l.position, \
         l.current_revision AS revision, l.archived_at IS NOT NULL AS archived \
         FROM lessons l JOIN lesson_revisions r \
         ON r.lesson_id = l.id AND r.revision = l.current_revision",
        )
        .fetch_all(&mut *tx)
        .await?,
    );
    let quizzes = Existing::new(
        sqlx::query_as(
            "SELECT q.id, q.module_id AS parent_id, 'quiz' AS slug, r.content_hash, \
         CAST(0 AS BIGINT) AS position, q.current_revision AS revision, \
         q.archived_at IS NOT NULL AS archived \
         FROM quizzes q JOIN quiz_revisions r \
         ON r.quiz_id = q.id AND r.revision = q.current_revision",
        )
        .fetch_all(&mut *tx)
        .await?,
    );

    let mut ctx = Ctx {
        tx: &mut tx,
        now,
        report: SyncReport::default(),
    };
    for track in &course.tracks {
        let track_id = sync_track(&mut ctx, tracks.find(0, &track.slug), track).await?;
        sync_modules(&mut ctx, track_id, track, &modules, &lessons, &quizzes).await?;
    }
    let present: Vec<&str> = course.tracks.iter().map(|t| t.slug.as_str()).collect();
    let stored = tracks
        .children(0)
        .iter()
        .map(|r| (r.slug.as_str(), r.archived));
    for slug in to_archive(stored, &present, &course.broken_tracks) {
        if let Some(row) = tracks.find(0, slug) {
            archive(
                &mut ctx,
                "UPDATE tracks SET archived_at = $1 WHERE id = $2",
                row.id,
            )
            .await?;
        }
    }
    replace_problems(&mut ctx, problems).await?;
    let report = ctx.report;
    if !report.wrote_nothing() {
        // Caches of every instance key on this number (ARCHITECTURE §8).
        sqlx::query("UPDATE content_state SET generation = generation + 1 WHERE id = 1")
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(report)
}

pub(super) async fn archive(
    ctx: &mut Ctx<'_, '_>,
    sql: &'static str,
    id: i64,
) -> Result<(), DbError> {
    sqlx::query(sql)
        .bind(ctx.now)
        .bind(id)
        .execute(&mut **ctx.tx)
        .await?;
    ctx.report.archived += 1;
    Ok(())
}

async fn sync_track(ctx: &mut Ctx<'_, '_>, row: Option<&Row>, t: &Track) -> Result<i64, DbError> {
    let action = decide(row.map(Row::stored).as_ref(), &t.content_hash, t.position);
    ctx.report.record(action);
    match (action, row) {
        (Action::Keep, Some(row)) => Ok(row.id),
        (Action::Create, _) | (_, None) => {
            let (id,): (i64,) = sqlx::query_as(
                "INSERT INTO tracks (slug, position, title, summary, intro_html, content_hash, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
            )
            .bind(&t.slug).bind(t.position).bind(&t.title).bind(&t.summary)
            .bind(&t.intro_html).bind(&t.content_hash).bind(ctx.now)
            .fetch_one(&mut **ctx.tx).await?;
            Ok(id)
        }
        (_, Some(row)) => {
            sqlx::query(
                "UPDATE tracks SET position = $1, title = $2, summary = $3, intro_html = $4, \
                 content_hash = $5, updated_at = $6, archived_at = NULL WHERE id = $7",
            )
            .bind(t.position)
            .bind(&t.title)
            .bind(&t.summary)
            .bind(&t.intro_html)
            .bind(&t.content_hash)
            .bind(ctx.now)
            .bind(row.id)
            .execute(&mut **ctx.tx)
            .await?;
            Ok(row.id)
        }
    }
}

async fn sync_modules(
    ctx: &mut Ctx<'_, '_>,
    track_id: i64,
    track: &Track,
    modules: &Existing,
    lessons: &Existing,
    quizzes: &Existing,
) -> Result<(), DbError> {
    for m in &track.modules {
        let module_id = sync_module(ctx, track_id, modules.find(track_id, &m.slug), m).await?;
        for lesson in &m.lessons {
            sync_lesson(
                ctx,
                module_id,
                lessons.find(module_id, &lesson.slug),
                lesson,
            )
            .await?;
        }
        let present: Vec<&str> = m.lessons.iter().map(|l| l.slug.as_str()).collect();
        let stored = lessons
            .children(module_id)
            .iter()
            .map(|r| (r.slug.as_str(), r.archived));
        for slug in to_archive(stored, &present, &m.broken_lessons) {
            if let Some(row) = lessons.find(module_id, slug) {
                archive(
                    ctx,
                    "UPDATE lessons SET archived_at = $1 WHERE id = $2",
                    row.id,
                )
                .await?;
            }
        }
        let stored_quiz = quizzes.find(module_id, "quiz");
        match &m.quiz {
            QuizState::Present(quiz) => sync_quiz(ctx, module_id, stored_quiz, quiz).await?,
            QuizState::Absent => {
                if let Some(row) = stored_quiz.filter(|r| !r.archived) {
                    archive(
                        ctx,
                        "UPDATE quizzes SET archived_at = $1 WHERE id = $2",
                        row.id,
                    )
                    .await?;
                }
            }
            QuizState::Broken => {}
        }
    }
    let present: Vec<&str> = track.modules.iter().map(|m| m.slug.as_str()).collect();
    let stored = modules
        .children(track_id)
        .iter()
        .map(|r| (r.slug.as_str(), r.archived));
    for slug in to_archive(stored, &present, &track.broken_modules) {
        if let Some(row) = modules.find(track_id, slug) {
            archive(
                ctx,
                "UPDATE modules SET archived_at = $1 WHERE id = $2",
                row.id,
            )
            .await?;
        }
    }
    Ok(())
}

async fn sync_module(
    ctx: &mut Ctx<'_, '_>,
    track_id: i64,
    row: Option<&Row>,
    m: &Module,
) -> Result<i64, DbError> {
    let action = decide(row.map(Row::stored).as_ref(), &m.content_hash, m.position);
    ctx.report.record(action);
    let sources = serde_json::to_string(&m.sources).map_err(|e| DbError::Corrupt(e.to_string()))?;
    match (action, row) {
        (Action::Keep, Some(row)) => Ok(row.id),
        (Action::Create, _) | (_, None) => {
            let (id,): (i64,) = sqlx::query_as(
                "INSERT INTO modules (track_id, slug, position, title, summary, minutes, legal_status, \
                 review_by, sources, intro_html, content_hash, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
            )
            .bind(track_id).bind(&m.slug).bind(m.position).bind(&m.title).bind(&m.summary)
            .bind(m.minutes).bind(m.legal_status).bind(m.review_by).bind(&sources)
            .bind(&m.intro_html).bind(&m.content_hash).bind(ctx.now)
            .fetch_one(&mut **ctx.tx).await?;
            Ok(id)
        }
        (_, Some(row)) => {
            sqlx::query(
                "UPDATE modules SET position = $1, title = $2, summary = $3, minutes = $4, \
                 legal_status = $5, review_by = $6, sources = $7, intro_html = $8, \
                 content_hash = $9, updated_at = $10, archived_at = NULL WHERE id = $11",
            )
            .bind(m.position)
            .bind(&m.title)
            .bind(&m.summary)
            .bind(m.minutes)
            .bind(m.legal_status)
            .bind(m.review_by)
            .bind(&sources)
            .bind(&m.intro_html)
            .bind(&m.content_hash)
            .bind(ctx.now)
            .bind(row.id)
            .execute(&mut **ctx.tx)
            .await?;
            Ok(row.id)
        }
    }
}

#[async_trait]
impl ImportStore for Impl {
    #[tracing::instrument(skip_all, fields(tracks = course.tracks.len()))]
    async fn sync_content(
        &self,
        course: &Course,
        problems: &[Problem],
        now: DateTime<Utc>,
    ) -> Result<SyncReport, DbError> {
        run(&self.pool, course, problems, now).await
    }

    #[tracing::instrument(skip_all)]
    async fn content_problems(&self) -> Result<Vec<Problem>, DbError> {
        stored_problems(&self.pool).await
    }
}
