//! Builds "Mein Lernstand": assigned tracks first, "Weiterlernen", the next quiz and what was
//! finished recently, all from the one loaded [`Learner`].

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};

use super::cards::track_card;
use super::context::{track_input, Learner};
use crate::domain::assignment::AssignmentStatus;
use crate::domain::progress::{next_step, LearnerState, Step, TrackInput};
use crate::domain::time::date_time_de;
use crate::store::{Outline, OutlineModule, OutlineTrack, ProgressKind};
use crate::views::learning::*;

/// How many recently finished items the dashboard lists.
const RECENT: usize = 5;

/// A track assigned to the learner: the most urgent of their assignments of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MyAssignment {
    pub track_id: i64,
    pub due_on: Option<NaiveDate>,
    pub status: AssignmentStatus,
    pub mandatory: bool,
}

/// `assigned` is most urgent first (as `oversight::board` sorts a person's assignments).
pub fn dashboard(l: &Learner, assigned: &[MyAssignment]) -> DashboardView {
    let mut due: HashMap<i64, MyAssignment> = HashMap::new();
    let mut order = Vec::new();
    for a in assigned {
        if let std::collections::hash_map::Entry::Vacant(e) = due.entry(a.track_id) {
            e.insert(*a);
            order.push(a.track_id);
        }
    }
    // Assigned tracks lead, by urgency; then the course order.
    let mut ordered: Vec<&OutlineTrack> = order
        .iter()
        .filter_map(|id| l.outline.tracks.iter().find(|t| t.id == *id))
        .collect();
    ordered.extend(l.outline.tracks.iter().filter(|t| !due.contains_key(&t.id)));

    let inputs: Vec<TrackInput> = ordered.iter().map(|t| track_input(t)).collect();
    let resume = next_step(&inputs, &l.state).and_then(|step| step_link(&l.outline, step));
    let next_quiz = next_quiz(&ordered, &l.state).map(|(t, m)| {
        let quiz_title = m.quiz.as_ref().map(|q| q.title.clone()).unwrap_or_default();
        (
            Link {
                href: quiz_href(&t.slug, &m.slug),
                title: quiz_title,
            },
            m.title.clone(),
        )
    });
    let (assigned, other) = ordered
        .iter()
        .map(|t| (due.get(&t.id), *t))
        .partition::<Vec<_>, _>(|(due, _)| due.is_some());
    DashboardView {
        resume,
        next_quiz,
        assigned: assigned
            .into_iter()
            .map(|(d, t)| track_card(l, t, d))
            .collect(),
        other: other
            .into_iter()
            .map(|(d, t)| track_card(l, t, d))
            .collect(),
        recent: recent(l),
    }
}

/// The link for a step and the title of its module.
pub fn step_link(outline: &Outline, step: Step) -> Option<(Link, String)> {
    outline.tracks.iter().find_map(|t| {
        t.modules.iter().find_map(|m| match step {
            Step::Lesson(id) => m.lessons.iter().find(|l| l.id == id).map(|l| {
                let href = lesson_href(&t.slug, &m.slug, &l.slug);
                (
                    Link {
                        href,
                        title: l.title.clone(),
                    },
                    m.title.clone(),
                )
            }),
            Step::Quiz(id) => m.quiz.as_ref().filter(|q| q.id == id).map(|q| {
                let href = quiz_href(&t.slug, &m.slug);
                (
                    Link {
                        href,
                        title: q.title.clone(),
                    },
                    m.title.clone(),
                )
            }),
        })
    })
}

/// The quiz to take next: the first one not passed whose lessons are all done; failing that, the
/// first one not passed in a module the learner has started. `None` suggests nothing premature.
pub fn next_quiz<'a>(
    tracks: &[&'a OutlineTrack],
    s: &LearnerState,
) -> Option<(&'a OutlineTrack, &'a OutlineModule)> {
    let open = || {
        tracks
            .iter()
            .flat_map(|t| t.modules.iter().map(move |m| (*t, m)))
            .filter(|(_, m)| {
                m.quiz
                    .as_ref()
                    .is_some_and(|q| !s.passed_quizzes.contains(&q.id))
            })
    };
    let done = |m: &OutlineModule| {
        m.lessons
            .iter()
            .filter(|l| s.completed.contains(&l.id))
            .count()
    };
    open()
        .find(|(_, m)| done(m) == m.lessons.len())
        .or_else(|| open().find(|(_, m)| done(m) > 0))
}

/// Lessons marked done and quizzes passed, newest first; archived content is left out.
fn recent(l: &Learner) -> Vec<RecentItem> {
    let lessons = l
        .progress
        .iter()
        .filter(|r| r.kind == ProgressKind::Completed.key())
        .filter_map(|r| {
            let (link, _) = step_link(&l.outline, Step::Lesson(r.lesson_id))?;
            Some((r.occurred_at, link, "Lektion erledigt"))
        });
    let quizzes = l.attempts.iter().filter(|a| a.passed).filter_map(|a| {
        let (link, _) = step_link(&l.outline, Step::Quiz(a.quiz_id))?;
        Some((a.submitted_at, link, "Test bestanden"))
    });
    let mut items: Vec<(DateTime<Utc>, Link, &str)> = lessons.chain(quizzes).collect();
    items.sort_by_key(|item| std::cmp::Reverse(item.0));
    // A quiz passed twice is listed once, at its latest pass.
    let mut seen = std::collections::HashSet::new();
    items
        .into_iter()
        .filter(|(_, link, _)| seen.insert(link.href.clone()))
        .take(RECENT)
        .map(|(at, link, what)| RecentItem {
            link,
            what: what.to_owned(),
            date: date_time_de(at),
        })
        .collect()
}
