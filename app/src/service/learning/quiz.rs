//! The quiz, server side: issue an attempt with the form, grade a submission exactly once, and
//! show any submitted attempt of the learner again.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use rand::RngCore;

use super::context::{pass_percent, Learner};
use super::lesson::neighbours;
use super::quiz_adapt::{chosen_texts, grade_inputs, key_of, question_view, shown_order};
use crate::auth::session::SessionUser;
use crate::domain::grading::{grade, Response};
use crate::domain::progress::Step;
use crate::domain::time::date_time_de;
use crate::error::AppError;
use crate::state::AppState;
use crate::store::{
    AttemptRow, AttemptSubmission, NewAttempt, OutlineModule, OutlineQuiz, OutlineTrack,
};
use crate::views::learning::{module_href, quiz_href, Link};
use crate::views::quiz::*;

fn quiz_of<'a>(
    l: &'a Learner,
    track: &str,
    module: &str,
) -> Result<(&'a OutlineTrack, &'a OutlineModule, &'a OutlineQuiz), AppError> {
    let (t, m) = l.module(track, module)?;
    let q = m
        .quiz
        .as_ref()
        .ok_or_else(|| AppError::NotFound("Der Abschlusstest".into()))?;
    Ok((t, m, q))
}

fn page(
    t: &OutlineTrack,
    m: &OutlineModule,
    title: &str,
    pass: u8,
    body: QuizBody,
) -> QuizPageView {
    QuizPageView {
        track: Link {
            href: crate::views::learning::track_href(&t.slug),
            title: t.title.clone(),
        },
        module: Link {
            href: module_href(&t.slug, &m.slug),
            title: m.title.clone(),
        },
        title: title.to_owned(),
        pass_percent: pass,
        body,
    }
}

/// A new attempt at the current revision, rendered as the form.
pub async fn start(
    app: &AppState,
    l: &Learner,
    track: &str,
    module: &str,
    now: DateTime<Utc>,
) -> Result<QuizPageView, AppError> {
    let (t, m, q) = quiz_of(l, track, module)?;
    let questions = app
        .content
        .quiz_questions(&app.store, q.id, q.revision)
        .await?;
    // Showing the form again reuses the learner's open attempt instead of writing a row per
    // page view; a submitted attempt is never reused.
    let since = now - chrono::Duration::hours(crate::service::background::OPEN_ATTEMPT_HOURS);
    let (attempt_id, shuffle_seed) = match app
        .store
        .open_attempt(l.user.user_id, q.id, q.revision, since)
        .await?
    {
        Some(open) => (open.id, open.shuffle_seed),
        None => {
            let attempt = NewAttempt {
                id: crate::auth::token::new_token(),
                user_id: l.user.user_id,
                quiz_id: q.id,
                revision: q.revision,
                // Bit-for-bit into the signed column; `shown_order` casts it back.
                shuffle_seed: rand::rng().next_u64() as i64,
                issued_at: now,
            };
            app.store.issue_attempt(&attempt).await?;
            (attempt.id, attempt.shuffle_seed)
        }
    };
    let form = QuizForm {
        questions: questions
            .iter()
            .map(|x| question_view(x, &shown_order(shuffle_seed, x)))
            .collect(),
        attempt_id,
        history: history(l, q.id),
    };
    Ok(page(
        t,
        m,
        &q.title,
        pass_percent(q.pass_percent),
        QuizBody::Form(form),
    ))
}

/// A submitted attempt of this learner; an open or unknown one gets a fresh form instead.
pub async fn show(
    app: &AppState,
    l: &Learner,
    track: &str,
    module: &str,
    attempt_id: &str,
    now: DateTime<Utc>,
) -> Result<QuizPageView, AppError> {
    let (t, m, q) = quiz_of(l, track, module)?;
    match app.store.find_attempt(attempt_id, l.user.user_id).await? {
        Some(row) if row.quiz_id == q.id && row.submitted_at.is_some() => {
            let result = result(app, l, t, m, &row).await?;
            Ok(page(
                t,
                m,
                &q.title,
                pass_percent(row.pass_percent),
                QuizBody::Result(result),
            ))
        }
        _ => start(app, l, track, module, now).await,
    }
}

/// Grades and records a submission unless the attempt was submitted before; either way the
/// result shown is the one stored, so every replay of the form shows the first submission.
pub async fn submit(
    app: &AppState,
    user: SessionUser,
    track: &str,
    module: &str,
    attempt_id: &str,
    fields: &HashMap<String, String>,
    now: DateTime<Utc>,
) -> Result<QuizResult, AppError> {
    let user_id = user.user_id;
    let missing = || AppError::NotFound("Der Testversuch".into());
    let row = app
        .store
        .find_attempt(attempt_id, user_id)
        .await?
        .ok_or_else(missing)?;
    let row = if row.submitted_at.is_some() {
        row
    } else {
        let questions = app
            .content
            .quiz_questions(&app.store, row.quiz_id, row.revision)
            .await?;
        let (keys, responses) = grade_inputs(&questions, row.shuffle_seed, fields);
        let graded = grade(&keys, &responses, pass_percent(row.pass_percent));
        let answers = serde_json::to_string(&responses).map_err(|err| {
            tracing::error!(%err, "cannot serialise quiz answers");
            AppError::Internal
        })?;
        let submission = AttemptSubmission {
            submitted_at: now,
            answers,
            score_percent: graded.percent.into(),
            passed: graded.passed,
        };
        // Losing the race is fine: the winner's submission is read back below.
        app.store
            .submit_attempt(&row.id, user_id, &submission)
            .await?;
        app.hot.forget_learner(user_id);
        app.store
            .find_attempt(attempt_id, user_id)
            .await?
            .ok_or_else(missing)?
    };
    // Loaded after the write, so the history includes this attempt.
    let l = Learner::load(app, user).await?;
    if row.passed == Some(true) {
        crate::service::oversight::completion::settle_user(app, &l, now).await?;
    }
    let (t, m, q) = quiz_of(&l, track, module)?;
    if q.id != row.quiz_id {
        return Err(missing());
    }
    result(app, &l, t, m, &row).await
}

async fn result(
    app: &AppState,
    l: &Learner,
    t: &OutlineTrack,
    m: &OutlineModule,
    row: &AttemptRow,
) -> Result<QuizResult, AppError> {
    let questions = app
        .content
        .quiz_questions(&app.store, row.quiz_id, row.revision)
        .await?;
    let responses: Vec<Response> = row
        .answers
        .as_deref()
        .and_then(|json| serde_json::from_str(json).ok())
        .unwrap_or_default();
    let keys: Vec<_> = questions.iter().map(key_of).collect();
    let pass = pass_percent(row.pass_percent);
    let graded = grade(&keys, &responses, pass);
    let outcomes = questions
        .iter()
        .zip(&graded.results)
        .enumerate()
        .map(|(i, (question, r))| {
            let response = responses.get(i).cloned().unwrap_or_default();
            QuestionOutcome {
                number: question.number,
                prompt_html: question.prompt_html.clone(),
                correct: r.correct,
                given: given(question, response, r.answered),
                explanation_html: question.explanation_html.clone(),
            }
        })
        .collect();
    Ok(QuizResult {
        attempt_id: row.id.clone(),
        correct: graded.correct,
        total: graded.total,
        // The stored score is what history and progress use; grading is deterministic, so it
        // equals `graded.percent`, but the stored one is the record.
        percent: row.score_percent.map_or(graded.percent, pass_percent),
        passed: row.passed.unwrap_or(graded.passed),
        pass_percent: pass,
        submitted_at: row.submitted_at.map(date_time_de).unwrap_or_default(),
        questions: outcomes,
        history: history(l, row.quiz_id),
        retry_href: format!("{}?neu={}", quiz_href(&t.slug, &m.slug), row.id),
        module: Link {
            href: module_href(&t.slug, &m.slug),
            title: m.title.clone(),
        },
        next: neighbours(t, Step::Quiz(row.quiz_id)).1,
    })
}

fn given(q: &crate::content::Question, response: Response, answered: bool) -> GivenAnswer {
    match response {
        _ if !answered => GivenAnswer::Nothing,
        Response::Text(text) => GivenAnswer::Text(text),
        other => GivenAnswer::Options(chosen_texts(q, &other)),
    }
}

/// Submitted attempts at one quiz, numbered from the first, newest first.
fn history(l: &Learner, quiz_id: i64) -> Vec<AttemptItem> {
    let attempts: Vec<_> = l.attempts_at(quiz_id).collect();
    let count = attempts.len();
    attempts
        .into_iter()
        .enumerate()
        .map(|(i, a)| AttemptItem {
            number: count - i,
            submitted_at: date_time_de(a.submitted_at),
            percent: pass_percent(a.score_percent),
            passed: a.passed,
        })
        .collect()
}
