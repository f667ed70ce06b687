//! Importing parsed content: idempotent, keyed by slugs, a new revision only when a file's hash
//! changes, removed items archived (never deleted). One transaction per import.
//! The decisions are `domain::content_sync`; this file only reads and writes rows.

macro_rules! impl_sync_store {
    ($store:ty, $db:ty) => {
        mod sync_impl {
            use std::collections::HashMap;

            use chrono::{DateTime, Utc};

            use $crate::content::{Course, Lesson, Module, Problem, Quiz, QuizState, Track};
            use $crate::domain::content_sync::{decide, to_archive, Action, Stored, SyncReport};
            use $crate::store::DbError;

            type Tx<'c> = sqlx::Transaction<'c, $db>;

            #[derive(sqlx::FromRow)]
            struct Row {
                id: i64,
                parent_id: i64,
                slug: String,
                content_hash: String,
                position: i64,
                revision: i64,
                archived: bool,
            }

            impl Row {
                fn stored(&self) -> Stored {
                    Stored { content_hash: self.content_hash.clone(), position: self.position, archived: self.archived }
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

            struct Ctx<'t, 'c> {
                tx: &'t mut Tx<'c>,
                now: DateTime<Utc>,
                report: SyncReport,
            }

            pub(super) async fn run(
                pool: &sqlx::Pool<$db>,
                course: &Course,
                problems: &[Problem],
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
                let lessons = Existing::new(sqlx::query_as(
                    "SELECT l.id, l.module_id AS parent_id, l.slug, r.content_hash, l.position, \
                     l.current_revision AS revision, l.archived_at IS NOT NULL AS archived \
                     FROM lessons l JOIN lesson_revisions r \
                     ON r.lesson_id = l.id AND r.revision = l.current_revision",
                ).fetch_all(&mut *tx).await?);
                let quizzes = Existing::new(sqlx::query_as(
                    "SELECT q.id, q.module_id AS parent_id, 'quiz' AS slug, r.content_hash, \
                     CAST(0 AS BIGINT) AS position, q.current_revision AS revision, \
                     q.archived_at IS NOT NULL AS archived \
                     FROM quizzes q JOIN quiz_revisions r \
                     ON r.quiz_id = q.id AND r.revision = q.current_revision",
                ).fetch_all(&mut *tx).await?);

                let mut ctx = Ctx { tx: &mut tx, now: Utc::now(), report: SyncReport::default() };
                for track in &course.tracks {
                    let track_id = sync_track(&mut ctx, tracks.find(0, &track.slug), track).await?;
                    sync_modules(&mut ctx, track_id, track, &modules, &lessons, &quizzes).await?;
                }
                let present: Vec<&str> = course.tracks.iter().map(|t| t.slug.as_str()).collect();
                let stored = tracks.children(0).iter().map(|r| (r.slug.as_str(), r.archived));
                for slug in to_archive(stored, &present, &course.broken_tracks) {
                    if let Some(row) = tracks.find(0, slug) {
                        archive(&mut ctx, "UPDATE tracks SET archived_at = $1 WHERE id = $2", row.id).await?;
                    }
                }
                replace_problems(&mut ctx, problems).await?;
                let report = ctx.report;
                tx.commit().await?;
                Ok(report)
            }

            async fn archive(ctx: &mut Ctx<'_, '_>, sql: &'static str, id: i64) -> Result<(), DbError> {
                sqlx::query(sql).bind(ctx.now).bind(id).execute(&mut **ctx.tx).await?;
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
                        .bind(t.position).bind(&t.title).bind(&t.summary).bind(&t.intro_html)
                        .bind(&t.content_hash).bind(ctx.now).bind(row.id)
                        .execute(&mut **ctx.tx).await?;
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
                        sync_lesson(ctx, module_id, lessons.find(module_id, &lesson.slug), lesson).await?;
                    }
                    let present: Vec<&str> = m.lessons.iter().map(|l| l.slug.as_str()).collect();
                    let stored = lessons.children(module_id).iter().map(|r| (r.slug.as_str(), r.archived));
                    for slug in to_archive(stored, &present, &m.broken_lessons) {
                        if let Some(row) = lessons.find(module_id, slug) {
                            archive(ctx, "UPDATE lessons SET archived_at = $1 WHERE id = $2", row.id).await?;
                        }
                    }
                    let stored_quiz = quizzes.find(module_id, "quiz");
                    match &m.quiz {
                        QuizState::Present(quiz) => sync_quiz(ctx, module_id, stored_quiz, quiz).await?,
                        QuizState::Absent => {
                            if let Some(row) = stored_quiz.filter(|r| !r.archived) {
                                archive(ctx, "UPDATE quizzes SET archived_at = $1 WHERE id = $2", row.id).await?;
                            }
                        }
                        QuizState::Broken => {}
                    }
                }
                let present: Vec<&str> = track.modules.iter().map(|m| m.slug.as_str()).collect();
                let stored = modules.children(track_id).iter().map(|r| (r.slug.as_str(), r.archived));
                for slug in to_archive(stored, &present, &track.broken_modules) {
                    if let Some(row) = modules.find(track_id, slug) {
                        archive(ctx, "UPDATE modules SET archived_at = $1 WHERE id = $2", row.id).await?;
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
                        .bind(m.position).bind(&m.title).bind(&m.summary).bind(m.minutes)
                        .bind(m.legal_status).bind(m.review_by).bind(&sources).bind(&m.intro_html)
                        .bind(&m.content_hash).bind(ctx.now).bind(row.id)
                        .execute(&mut **ctx.tx).await?;
                        Ok(row.id)
                    }
                }
            }

            async fn sync_lesson(
                ctx: &mut Ctx<'_, '_>,
                module_id: i64,
                row: Option<&Row>,
                l: &Lesson,
            ) -> Result<(), DbError> {
                let action = decide(row.map(Row::stored).as_ref(), &l.content_hash, l.position);
                ctx.report.record(action);
                match (action, row) {
                    (Action::Keep, _) => Ok(()),
                    (Action::Create, _) | (_, None) => {
                        let (id,): (i64,) = sqlx::query_as(
                            "INSERT INTO lessons (module_id, slug, position, current_revision) \
                             VALUES ($1, $2, $3, 1) RETURNING id",
                        )
                        .bind(module_id).bind(&l.slug).bind(l.position)
                        .fetch_one(&mut **ctx.tx).await?;
                        insert_lesson_revision(ctx, id, 1, l).await
                    }
                    (Action::Revise, Some(row)) => {
                        let revision = row.revision + 1;
                        insert_lesson_revision(ctx, row.id, revision, l).await?;
                        sqlx::query(
                            "UPDATE lessons SET current_revision = $1, position = $2, archived_at = NULL WHERE id = $3",
                        )
                        .bind(revision).bind(l.position).bind(row.id)
                        .execute(&mut **ctx.tx).await?;
                        Ok(())
                    }
                    (Action::Touch, Some(row)) => {
                        sqlx::query("UPDATE lessons SET position = $1, archived_at = NULL WHERE id = $2")
                            .bind(l.position).bind(row.id)
                            .execute(&mut **ctx.tx).await?;
                        Ok(())
                    }
                }
            }

            async fn insert_lesson_revision(
                ctx: &mut Ctx<'_, '_>,
                lesson_id: i64,
                revision: i64,
                l: &Lesson,
            ) -> Result<(), DbError> {
                let toc = serde_json::to_string(&l.toc).map_err(|e| DbError::Corrupt(e.to_string()))?;
                sqlx::query(
                    "INSERT INTO lesson_revisions (lesson_id, revision, content_hash, title, minutes, \
                     word_count, body_html, toc, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                )
                .bind(lesson_id).bind(revision).bind(&l.content_hash).bind(&l.title).bind(l.minutes)
                .bind(l.word_count).bind(&l.body_html).bind(&toc).bind(ctx.now)
                .execute(&mut **ctx.tx).await?;
                Ok(())
            }

            async fn sync_quiz(
                ctx: &mut Ctx<'_, '_>,
                module_id: i64,
                row: Option<&Row>,
                q: &Quiz,
            ) -> Result<(), DbError> {
                let action = decide(row.map(Row::stored).as_ref(), &q.content_hash, 0);
                ctx.report.record(action);
                match (action, row) {
                    (Action::Keep, _) => Ok(()),
                    (Action::Create, _) | (_, None) => {
                        let (id,): (i64,) = sqlx::query_as(
                            "INSERT INTO quizzes (module_id, current_revision) VALUES ($1, 1) RETURNING id",
                        )
                        .bind(module_id)
                        .fetch_one(&mut **ctx.tx).await?;
                        insert_quiz_revision(ctx, id, 1, q).await
                    }
                    (Action::Revise, Some(row)) => {
                        let revision = row.revision + 1;
                        insert_quiz_revision(ctx, row.id, revision, q).await?;
                        sqlx::query("UPDATE quizzes SET current_revision = $1, archived_at = NULL WHERE id = $2")
                            .bind(revision).bind(row.id)
                            .execute(&mut **ctx.tx).await?;
                        Ok(())
                    }
                    (Action::Touch, Some(row)) => {
                        sqlx::query("UPDATE quizzes SET archived_at = NULL WHERE id = $1")
                            .bind(row.id)
                            .execute(&mut **ctx.tx).await?;
                        Ok(())
                    }
                }
            }

            async fn insert_quiz_revision(
                ctx: &mut Ctx<'_, '_>,
                quiz_id: i64,
                revision: i64,
                q: &Quiz,
            ) -> Result<(), DbError> {
                let questions = serde_json::to_string(&q.questions).map_err(|e| DbError::Corrupt(e.to_string()))?;
                sqlx::query(
                    "INSERT INTO quiz_revisions (quiz_id, revision, content_hash, title, pass_percent, \
                     questions, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                )
                .bind(quiz_id).bind(revision).bind(&q.content_hash).bind(&q.title)
                .bind(q.pass_percent).bind(&questions).bind(ctx.now)
                .execute(&mut **ctx.tx).await?;
                Ok(())
            }

            #[derive(sqlx::FromRow, PartialEq)]
            struct ProblemRow {
                file: String,
                line: i64,
                level: String,
                message: String,
            }

            pub(super) async fn problems(pool: &sqlx::Pool<$db>) -> Result<Vec<Problem>, DbError> {
                let rows: Vec<ProblemRow> = sqlx::query_as(
                    "SELECT file, line, level, message FROM content_problems ORDER BY id",
                )
                .fetch_all(pool).await?;
                Ok(rows
                    .into_iter()
                    .map(|r| Problem {
                        file: r.file,
                        line: u32::try_from(r.line).unwrap_or(0),
                        level: if r.level == "error" { $crate::content::Level::Error } else { $crate::content::Level::Warning },
                        message: r.message,
                    })
                    .collect())
            }

            /// Replaces the stored problem list, but only when it changed.
            async fn replace_problems(ctx: &mut Ctx<'_, '_>, problems: &[Problem]) -> Result<(), DbError> {
                let stored: Vec<ProblemRow> = sqlx::query_as(
                    "SELECT file, line, level, message FROM content_problems ORDER BY id",
                )
                .fetch_all(&mut **ctx.tx).await?;
                let wanted: Vec<ProblemRow> = problems
                    .iter()
                    .map(|p| ProblemRow {
                        file: p.file.clone(),
                        line: i64::from(p.line),
                        level: p.level.key().to_owned(),
                        message: p.message.clone(),
                    })
                    .collect();
                if stored == wanted {
                    return Ok(());
                }
                sqlx::query("DELETE FROM content_problems").execute(&mut **ctx.tx).await?;
                for p in &wanted {
                    sqlx::query(
                        "INSERT INTO content_problems (file, line, level, message, found_at) \
                         VALUES ($1, $2, $3, $4, $5)",
                    )
                    .bind(&p.file).bind(p.line).bind(&p.level).bind(&p.message).bind(ctx.now)
                    .execute(&mut **ctx.tx).await?;
                }
                ctx.report.problems_replaced = true;
                Ok(())
            }
        }

        #[async_trait::async_trait]
        impl $crate::store::SyncStore for $store {
            #[tracing::instrument(skip_all, fields(tracks = course.tracks.len()))]
            async fn sync_content(
                &self,
                course: &$crate::content::Course,
                problems: &[$crate::content::Problem],
            ) -> Result<$crate::domain::content_sync::SyncReport, $crate::store::DbError> {
                sync_impl::run(&self.pool, course, problems).await
            }

            #[tracing::instrument(skip_all)]
            async fn content_problems(
                &self,
            ) -> Result<Vec<$crate::content::Problem>, $crate::store::DbError> {
                sync_impl::problems(&self.pool).await
            }
        }
    };
}

pub(crate) use impl_sync_store;
