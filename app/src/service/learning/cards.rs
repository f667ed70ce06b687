//! Builds the overview views (track and module cards, the module page) from a loaded
//! [`Learner`]. Every percentage comes from `domain::progress`, so a number shown on the
//! dashboard, the track page and the module page is the same number.

use super::context::{lesson_ref, module_input, pass_percent, track_input, Learner};
use super::dashboard::MyAssignment;
use crate::domain::progress::{module_progress, track_progress, updated_since_last_visit};
use crate::domain::time::date_de;
use crate::store::{OutlineModule, OutlineTrack};
use crate::views::learning::*;

pub fn track_card(l: &Learner, t: &OutlineTrack, assigned: Option<&MyAssignment>) -> TrackCardView {
    TrackCardView {
        href: track_href(&t.slug),
        title: t.title.clone(),
        summary: t.summary.clone(),
        minutes: t.modules.iter().map(|m| m.minutes).sum(),
        progress: track_progress(&track_input(t), &l.state),
        due_on: assigned.and_then(|a| a.due_on).map(date_de),
        assignment: assigned.map(|a| AssignmentBadge {
            status: crate::service::oversight::team::status_view(a.status),
            mandatory: a.mandatory,
        }),
        modules: t.modules.iter().map(|m| module_card(l, t, m)).collect(),
    }
}

pub fn module_card(l: &Learner, t: &OutlineTrack, m: &OutlineModule) -> ModuleCardView {
    ModuleCardView {
        href: module_href(&t.slug, &m.slug),
        title: m.title.clone(),
        summary: m.summary.clone(),
        minutes: m.minutes,
        legal_status: date_de(m.legal_status),
        progress: module_progress(&module_input(m), &l.state),
    }
}

pub fn module_page(l: &Learner, t: &OutlineTrack, m: &OutlineModule) -> ModulePageView {
    ModulePageView {
        track: Link {
            href: track_href(&t.slug),
            title: t.title.clone(),
        },
        card: module_card(l, t, m),
        intro_html: m.intro_html.clone(),
        sources: sources(m),
        lessons: m
            .lessons
            .iter()
            .map(|lesson| LessonItemView {
                href: lesson_href(&t.slug, &m.slug, &lesson.slug),
                title: lesson.title.clone(),
                minutes: lesson.minutes,
                done: l.state.completed.contains(&lesson.id),
                updated: updated_since_last_visit(&lesson_ref(lesson), &l.state),
            })
            .collect(),
        quiz: m.quiz.as_ref().map(|q| {
            let attempts: Vec<_> = l.attempts_at(q.id).collect();
            QuizItemView {
                href: quiz_href(&t.slug, &m.slug),
                title: q.title.clone(),
                pass_percent: pass_percent(q.pass_percent),
                passed: l.state.passed_quizzes.contains(&q.id),
                best_percent: attempts.iter().map(|a| pass_percent(a.score_percent)).max(),
                attempts: attempts.len() as u32,
            }
        }),
    }
}

pub fn sources(m: &OutlineModule) -> Vec<SourceView> {
    m.sources
        .iter()
        .map(|s| SourceView {
            title: s.title.clone(),
            url: s.url.clone(),
        })
        .collect()
}
