//! Importing content: lessons and quizzes (new revisions when their hash changes) and the
//! problem list of the import.

use super::import::{Ctx, Row};
use super::Db;
use crate::content::{Lesson, Problem, Quiz};
use crate::domain::content_sync::{decide, Action};
use crate::store::DbError;

pub(super) async fn sync_lesson(
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
            .bind(module_id)
            .bind(&l.slug)
            .bind(l.position)
            .fetch_one(&mut **ctx.tx)
            .await?;
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
                .bind(l.position)
                .bind(row.id)
                .execute(&mut **ctx.tx)
                .await?;
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
    .bind(lesson_id)
    .bind(revision)
    .bind(&l.content_hash)
    .bind(&l.title)
    .bind(l.minutes)
    .bind(l.word_count)
    .bind(&l.body_html)
    .bind(&toc)
    .bind(ctx.now)
    .execute(&mut **ctx.tx)
    .await?;
    Ok(())
}

pub(super) async fn sync_quiz(
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
            .fetch_one(&mut **ctx.tx)
            .await?;
            insert_quiz_revision(ctx, id, 1, q).await
        }
        (Action::Revise, Some(row)) => {
            let revision = row.revision + 1;
            insert_quiz_revision(ctx, row.id, revision, q).await?;
            sqlx::query(
                "UPDATE quizzes SET current_revision = $1, archived_at = NULL WHERE id = $2",
            )
            .bind(revision)
            .bind(row.id)
            .execute(&mut **ctx.tx)
            .await?;
            Ok(())
        }
        (Action::Touch, Some(row)) => {
            sqlx::query("UPDATE quizzes SET archived_at = NULL WHERE id = $1")
                .bind(row.id)
                .execute(&mut **ctx.tx)
                .await?;
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
    let questions =
        serde_json::to_string(&q.questions).map_err(|e| DbError::Corrupt(e.to_string()))?;
    sqlx::query(
        "INSERT INTO quiz_revisions (quiz_id, revision, content_hash, title, pass_percent, \
         questions, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(quiz_id)
    .bind(revision)
    .bind(&q.content_hash)
    .bind(&q.title)
    .bind(q.pass_percent)
    .bind(&questions)
    .bind(ctx.now)
    .execute(&mut **ctx.tx)
    .await?;
    Ok(())
}

#[derive(sqlx::FromRow, PartialEq)]
struct ProblemRow {
    file: String,
    line: i64,
    level: String,
    message: String,
}

pub(super) async fn stored_problems(pool: &sqlx::Pool<Db>) -> Result<Vec<Problem>, DbError> {
    let rows: Vec<ProblemRow> =
        sqlx::query_as("SELECT file, line, level, message FROM content_problems ORDER BY id")
            .fetch_all(pool)
            .await?;
    Ok(rows
        .into_iter()
        .map(|r| Problem {
            file: r.file,
            line: u32::try_from(r.line).unwrap_or(0),
            level: if r.level == "error" {
                crate::content::Level::Error
            } else {
                crate::content::Level::Warning
            },
            message: r.message,
        })
        .collect())
}

/// Replaces the stored problem list, but only when it changed.
pub(super) async fn replace_problems(
    ctx: &mut Ctx<'_, '_>,
    problems: &[Problem],
) -> Result<(), DbError> {
    let stored: Vec<ProblemRow> =
        sqlx::query_as("SELECT file, line, level, message FROM content_problems ORDER BY id")
            .fetch_all(&mut **ctx.tx)
            .await?;
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
    sqlx::query("DELETE FROM content_problems")
        .execute(&mut **ctx.tx)
        .await?;
    for p in &wanted {
        sqlx::query(
            "INSERT INTO content_problems (file, line, level, message, found_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(&p.file)
        .bind(p.line)
        .bind(&p.level)
        .bind(&p.message)
        .bind(ctx.now)
        .execute(&mut **ctx.tx)
        .await?;
    }
    ctx.report.problems_replaced = true;
    Ok(())
}
