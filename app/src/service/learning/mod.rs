//! The learner experience: dashboard, track and module overviews, lessons and quizzes. Each use
//! case loads one [`context::Learner`] and derives every number from it with the pure rules in
//! `domain`, so no view ever queries per item.

mod cards;
pub mod context;
pub mod dashboard;
mod lesson;
mod quiz;
pub mod quiz_adapt;

use std::collections::HashMap;

use crate::auth::session::SessionUser;
use crate::domain::permissions::{Action, Target};
use crate::error::AppError;
use crate::service::require;
use crate::state::AppState;
use crate::store::{OutlineLesson, OutlineModule, OutlineTrack, ProgressKind, Ts};
use crate::views::learning::{
    DashboardView, LessonPageView, ModulePageView, PublicTrackCard, TrackCardView, TrackPageView,
};
use crate::views::quiz::{QuizPageView, QuizResult};
use context::Learner;

async fn learner(state: &AppState, user: SessionUser, action: Action) -> Result<Learner, AppError> {
    require(&user, action, Target::Own)?;
    Learner::load(state, user).await
}

/// The published tracks for the public start page.
pub async fn public_tracks(state: &AppState) -> Result<Vec<PublicTrackCard>, AppError> {
    let outline = state.content.outline(&state.store).await?;
    Ok(outline
        .tracks
        .iter()
        .map(|t| PublicTrackCard {
            slug: t.slug.clone(),
            title: t.title.clone(),
            summary: t.summary.clone(),
            module_count: i64::try_from(t.modules.len()).unwrap_or(i64::MAX),
            minutes: t.modules.iter().map(|m| m.minutes).sum(),
        })
        .collect())
}

/// "Mein Lernstand": assigned tracks first, then where to go on.
pub async fn dashboard(state: &AppState, user: SessionUser) -> Result<DashboardView, AppError> {
    require(&user, Action::ViewOwnProgress, Target::Own)?;
    let own = user.clone();
    let (learner, board) = tokio::try_join!(
        Learner::load(state, user),
        crate::service::oversight::office::load_own(state, &own)
    )?;
    let assigned: Vec<dashboard::MyAssignment> = board
        .iter()
        .flat_map(|b| b.board.people.iter())
        .flat_map(|p| p.applied.iter())
        .map(|a| dashboard::MyAssignment {
            track_id: a.assignment.track_id,
            due_on: a.effective_due(),
            status: a.status,
            mandatory: a.assignment.mandatory,
        })
        .collect();
    Ok(dashboard::dashboard(&learner, &assigned))
}

pub async fn tracks_overview(
    state: &AppState,
    user: SessionUser,
) -> Result<Vec<TrackCardView>, AppError> {
    let l = learner(state, user, Action::ViewCourse).await?;
    Ok(l.outline
        .tracks
        .iter()
        .map(|t| cards::track_card(&l, t, None))
        .collect())
}

pub async fn track_page(
    state: &AppState,
    user: SessionUser,
    track: &str,
) -> Result<TrackPageView, AppError> {
    let l = learner(state, user, Action::ViewCourse).await?;
    let t = l.track(track)?;
    Ok(TrackPageView {
        card: cards::track_card(&l, t, None),
        intro_html: t.intro_html.clone(),
    })
}

pub async fn module_page(
    state: &AppState,
    user: SessionUser,
    track: &str,
    module: &str,
) -> Result<ModulePageView, AppError> {
    let l = learner(state, user, Action::ViewCourse).await?;
    let (t, m) = l.module(track, module)?;
    Ok(cards::module_page(&l, t, m))
}

fn find_lesson<'a>(
    l: &'a Learner,
    track: &str,
    module: &str,
    lesson: &str,
) -> Result<(&'a OutlineTrack, &'a OutlineModule, &'a OutlineLesson), AppError> {
    let (t, m) = l.module(track, module)?;
    let found = m
        .lessons
        .iter()
        .find(|x| x.slug == lesson)
        .ok_or_else(|| AppError::NotFound("Die Lektion".into()))?;
    Ok((t, m, found))
}

/// The lesson at its current revision. Records a `viewed` event, after deciding whether the
/// lesson changed since the previous visit (otherwise this visit would hide the change).
pub async fn lesson_page(
    state: &AppState,
    user: SessionUser,
    track: &str,
    module: &str,
    lesson: &str,
    now: Ts,
) -> Result<LessonPageView, AppError> {
    require(&user, Action::TakeLessons, Target::Own)?;
    let l = Learner::load_for_lesson(state, user).await?;
    let (t, m, found) = find_lesson(&l, track, module, lesson)?;
    let body = state
        .content
        .lesson_body(&state.store, found.id, found.revision)
        .await?;
    let view = lesson::lesson_page(&l, t, m, found, &body);
    if !recently_viewed(&l, found, now) {
        record(state, &l, found, ProgressKind::Viewed, now).await?;
    }
    Ok(view)
}

/// "Als erledigt markieren". Idempotent: the first completion is kept, repeats change nothing.
pub async fn mark_lesson_done(
    state: &AppState,
    user: SessionUser,
    track: &str,
    module: &str,
    lesson: &str,
    now: Ts,
) -> Result<(), AppError> {
    let l = learner(state, user, Action::TakeLessons).await?;
    let (_, _, found) = find_lesson(&l, track, module, lesson)?;
    record(state, &l, found, ProgressKind::Completed, now).await?;
    // Completion records (module, assignment) from the state after this step.
    let after = Learner::load(state, l.user.clone()).await?;
    crate::service::oversight::completion::settle_user(state, &after, now).await
}

/// A page view rewrites nothing when this lesson, at this revision, is already the one viewed
/// last within the hour: only the timestamp would change, and "Weiterlernen" stays the same.
fn recently_viewed(l: &Learner, lesson: &OutlineLesson, now: Ts) -> bool {
    let same_revision = l.state.last_viewed_revision.get(&lesson.id) == Some(&lesson.revision);
    let latest = l
        .state
        .last_viewed
        .is_some_and(|(id, at)| id == lesson.id && now - at < chrono::Duration::hours(1));
    same_revision && latest
}

async fn record(
    state: &AppState,
    l: &Learner,
    lesson: &OutlineLesson,
    kind: ProgressKind,
    now: Ts,
) -> Result<(), AppError> {
    state
        .store
        .record_progress(l.user.user_id, lesson.id, kind, lesson.revision, now)
        .await?;
    state.hot.forget_learner(l.user.user_id);
    Ok(())
}

/// With `attempt`, that submitted attempt's result; otherwise the form of an open attempt.
pub async fn quiz_page(
    state: &AppState,
    user: SessionUser,
    track: &str,
    module: &str,
    attempt: Option<&str>,
    now: Ts,
) -> Result<QuizPageView, AppError> {
    let l = learner(state, user, Action::TakeQuizzes).await?;
    match attempt.filter(|a| !a.is_empty()) {
        Some(id) => quiz::show(state, &l, track, module, id, now).await,
        None => quiz::start(state, &l, track, module, now).await,
    }
}

/// Grades an attempt once; a resubmission returns the first result.
pub async fn submit_quiz(
    state: &AppState,
    user: SessionUser,
    track: &str,
    module: &str,
    attempt: &str,
    answers: &HashMap<String, String>,
    now: Ts,
) -> Result<QuizResult, AppError> {
    require(&user, Action::TakeQuizzes, Target::Own)?;
    quiz::submit(state, user, track, module, attempt, answers, now).await
}
