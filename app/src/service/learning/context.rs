//! Everything a learner page needs about the course and the learner, loaded once per request:
//! the outline (four queries), the learner's progress rows and submitted attempts (one each).
//! Pages then derive all numbers from it in memory, so no view ever queries per item.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use crate::auth::session::SessionUser;
use crate::domain::progress::{LearnerState, LessonRef, ModuleInput, TrackInput};
use crate::error::AppError;
use crate::hot_cache::LearnerRows;
use crate::state::AppState;
use crate::store::{
    AttemptSummary, Outline, OutlineLesson, OutlineModule, OutlineTrack, ProgressKind, ProgressRow,
};

pub struct Learner {
    pub user: SessionUser,
    /// Shared by all requests (see `content_cache`).
    pub outline: Arc<Outline>,
    pub progress: Arc<Vec<ProgressRow>>,
    /// Submitted attempts, newest first.
    pub attempts: Arc<Vec<AttemptSummary>>,
    pub state: LearnerState,
}

impl Learner {
    pub async fn load(app: &AppState, user: SessionUser) -> Result<Learner, AppError> {
        let (outline, rows) = tokio::try_join!(
            app.content.outline(&app.store),
            rows(app, user.user_id, true)
        )?;
        let attempts = rows.attempts.unwrap_or_default();
        Ok(Self::from_parts(user, outline, rows.progress, attempts))
    }

    /// Without quiz attempts: a lesson page shows only what the progress rows say.
    pub async fn load_for_lesson(app: &AppState, user: SessionUser) -> Result<Learner, AppError> {
        let (outline, rows) = tokio::try_join!(
            app.content.outline(&app.store),
            rows(app, user.user_id, false)
        )?;
        Ok(Self::from_parts(
            user,
            outline,
            rows.progress,
            Arc::new(Vec::new()),
        ))
    }

    fn from_parts(
        user: SessionUser,
        outline: Arc<Outline>,
        progress: Arc<Vec<ProgressRow>>,
        attempts: Arc<Vec<AttemptSummary>>,
    ) -> Learner {
        let state = learner_state(&progress, &attempts);
        Learner {
            user,
            outline,
            progress,
            attempts,
            state,
        }
    }

    pub fn track(&self, slug: &str) -> Result<&OutlineTrack, AppError> {
        self.outline
            .tracks
            .iter()
            .find(|t| t.slug == slug)
            .ok_or_else(|| AppError::NotFound("Der Lernpfad".into()))
    }

    pub fn module(
        &self,
        track: &str,
        module: &str,
    ) -> Result<(&OutlineTrack, &OutlineModule), AppError> {
        let t = self.track(track)?;
        let m = t
            .modules
            .iter()
            .find(|m| m.slug == module)
            .ok_or_else(|| AppError::NotFound("Das Modul".into()))?;
        Ok((t, m))
    }

    /// Attempts at one quiz, newest first.
    pub fn attempts_at(&self, quiz_id: i64) -> impl Iterator<Item = &AttemptSummary> {
        self.attempts.iter().filter(move |a| a.quiz_id == quiz_id)
    }
}

/// The learner's progress rows (and attempts when `with_attempts`), from the hot cache when
/// fresh.
async fn rows(
    app: &AppState,
    user_id: i64,
    with_attempts: bool,
) -> Result<LearnerRows, crate::store::DbError> {
    if let Some(rows) = app.hot.learner(user_id) {
        if rows.attempts.is_some() || !with_attempts {
            return Ok(rows);
        }
    }
    let store = &app.store;
    let rows = if with_attempts {
        let (progress, attempts) = tokio::try_join!(
            store.progress_of(user_id),
            store.submitted_attempts(user_id)
        )?;
        LearnerRows {
            progress: Arc::new(progress),
            attempts: Some(Arc::new(attempts)),
        }
    } else {
        LearnerRows {
            progress: Arc::new(store.progress_of(user_id).await?),
            attempts: None,
        }
    };
    app.hot.keep_learner(user_id, rows.clone());
    Ok(rows)
}

/// The domain's view of what the learner did. Completion counts in any revision; the viewed
/// revision is kept separately so a revised lesson can be flagged.
pub fn learner_state(progress: &[ProgressRow], attempts: &[AttemptSummary]) -> LearnerState {
    let mut completed = HashSet::new();
    let mut last_viewed_revision = HashMap::new();
    let mut last_viewed = None;
    for row in progress {
        if row.kind == ProgressKind::Completed.key() {
            completed.insert(row.lesson_id);
        } else if row.kind == ProgressKind::Viewed.key() {
            last_viewed_revision.insert(row.lesson_id, row.revision);
            if last_viewed.is_none_or(|(_, at)| row.occurred_at > at) {
                last_viewed = Some((row.lesson_id, row.occurred_at));
            }
        }
    }
    LearnerState {
        completed,
        last_viewed_revision,
        passed_quizzes: attempts
            .iter()
            .filter(|a| a.passed)
            .map(|a| a.quiz_id)
            .collect(),
        last_viewed,
    }
}

pub fn lesson_ref(l: &OutlineLesson) -> LessonRef {
    LessonRef {
        id: l.id,
        revision: l.revision,
    }
}

pub fn module_input(m: &OutlineModule) -> ModuleInput {
    ModuleInput {
        id: m.id,
        lessons: m.lessons.iter().map(lesson_ref).collect(),
        quiz_id: m.quiz.as_ref().map(|q| q.id),
    }
}

pub fn track_input(t: &OutlineTrack) -> TrackInput {
    TrackInput {
        id: t.id,
        modules: t.modules.iter().map(module_input).collect(),
    }
}

/// A stored pass mark as a percentage (the content parser keeps it within 0..=100).
pub fn pass_percent(stored: i64) -> u8 {
    u8::try_from(stored.clamp(0, 100)).unwrap_or(100)
}
