//! Learning progress: what counts as done for modules and tracks, and where "Weiterlernen" goes.
//!
//! Inputs describe the CURRENT course (archived lessons are simply absent) and what the learner
//! did; the store layer adapts its rows to them. Completion is tracked per lesson id, not per
//! revision, so a revised lesson stays done but is flagged as updated.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::grading::percent;

/// A current lesson and its current revision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LessonRef {
    pub id: i64,
    pub revision: i64,
}

/// A module with its current lessons in course order and its quiz, if it has one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModuleInput {
    pub id: i64,
    pub lessons: Vec<LessonRef>,
    pub quiz_id: Option<i64>,
}

/// A track with its modules in course order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrackInput {
    pub id: i64,
    pub modules: Vec<ModuleInput>,
}

/// What one learner has done so far.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LearnerState {
    /// Lesson ids marked done (in any revision).
    pub completed: HashSet<i64>,
    /// Lesson id -> the revision the learner saw last.
    pub last_viewed_revision: HashMap<i64, i64>,
    /// Quiz ids with at least one passed attempt (in any revision).
    pub passed_quizzes: HashSet<i64>,
    /// The lesson viewed most recently, and when.
    pub last_viewed: Option<(i64, DateTime<Utc>)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub done: u32,
    pub total: u32,
    pub percent: u8,
    pub complete: bool,
}

impl Progress {
    fn from_units(done: u32, total: u32) -> Progress {
        Progress {
            done,
            total,
            percent: percent(done, total),
            // Nothing to do is not "complete": an empty module must not show a tick.
            complete: total > 0 && done == total,
        }
    }
}

/// One thing to do next: read a lesson or take a quiz.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Step {
    Lesson(i64),
    Quiz(i64),
}

/// Progress in one module. Units are its current lessons plus its quiz (if any); the module is
/// complete when every unit is done, i.e. all current lessons marked and the quiz passed.
pub fn module_progress(m: &ModuleInput, s: &LearnerState) -> Progress {
    let (done, total) = module_units(m, s);
    Progress::from_units(done, total)
}

/// Progress in one track: the units of all its modules added up, so the percentage weighs every
/// lesson and quiz equally rather than averaging module percentages.
///
/// Complete when every module with something to do is complete and there is at least one unit.
/// A module without lessons and quiz (e.g. all lessons archived) is skipped rather than
/// blocking the track forever; this keeps "100 %" and "complete" the same statement.
pub fn track_progress(t: &TrackInput, s: &LearnerState) -> Progress {
    let (done, total) = t
        .modules
        .iter()
        .map(|m| module_units(m, s))
        .fold((0, 0), |(d, t), (md, mt)| (d + md, t + mt));
    // Per module done <= total, so equal sums mean every non-empty module is complete.
    Progress::from_units(done, total)
}

/// Whether the lesson changed since the learner last looked at it. Never true for a lesson the
/// learner has not opened yet: there is nothing they could have missed.
pub fn updated_since_last_visit(lesson: &LessonRef, s: &LearnerState) -> bool {
    s.last_viewed_revision
        .get(&lesson.id)
        .is_some_and(|&seen| seen < lesson.revision)
}

/// Where "Weiterlernen" leads: the last viewed lesson if it is not done yet; otherwise the first
/// step not done after it in course order, wrapping around to the start. Without a (still
/// current) last viewed lesson, the first step not done. `None` when everything is done.
pub fn next_step(tracks: &[TrackInput], s: &LearnerState) -> Option<Step> {
    let steps = course_steps(tracks);
    let is_done = |step: &Step| match *step {
        Step::Lesson(id) => s.completed.contains(&id),
        Step::Quiz(id) => s.passed_quizzes.contains(&id),
    };
    // A last viewed lesson that has since been archived is no place to resume.
    let resume_at = s
        .last_viewed
        .and_then(|(id, _)| steps.iter().position(|&step| step == Step::Lesson(id)));
    let Some(pos) = resume_at else {
        return steps.into_iter().find(|step| !is_done(step));
    };
    if !is_done(&steps[pos]) {
        return Some(steps[pos]);
    }
    let (before, from) = steps.split_at(pos);
    from.iter()
        .skip(1)
        .chain(before)
        .find(|step| !is_done(step))
        .copied()
}

/// (done, total) units of a module; only current lessons count, whatever else is completed.
fn module_units(m: &ModuleInput, s: &LearnerState) -> (u32, u32) {
    let lessons_done = m
        .lessons
        .iter()
        .filter(|l| s.completed.contains(&l.id))
        .count() as u32;
    let quiz_done = m.quiz_id.is_some_and(|q| s.passed_quizzes.contains(&q));
    let total = m.lessons.len() as u32 + u32::from(m.quiz_id.is_some());
    (lessons_done + u32::from(quiz_done), total)
}

/// Every step in course order: per track, per module its lessons, then its quiz.
fn course_steps(tracks: &[TrackInput]) -> Vec<Step> {
    tracks
        .iter()
        .flat_map(|t| &t.modules)
        .flat_map(|m| {
            m.lessons
                .iter()
                .map(|l| Step::Lesson(l.id))
                .chain(m.quiz_id.map(Step::Quiz))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    // --- builders ---

    fn lesson(id: i64) -> LessonRef {
        LessonRef { id, revision: 1 }
    }

    fn lesson_rev(id: i64, revision: i64) -> LessonRef {
        LessonRef { id, revision }
    }

    /// A module with lessons of revision 1.
    fn module(id: i64, lesson_ids: &[i64], quiz_id: Option<i64>) -> ModuleInput {
        ModuleInput {
            id,
            lessons: lesson_ids.iter().map(|&l| lesson(l)).collect(),
            quiz_id,
        }
    }

    fn track(id: i64, modules: Vec<ModuleInput>) -> TrackInput {
        TrackInput { id, modules }
    }

    fn state() -> LearnerState {
        LearnerState::default()
    }

    /// Builder steps for [`LearnerState`]; a test-local trait so no inherent methods leak.
    trait StateBuilder {
        fn done(self, lesson_ids: &[i64]) -> Self;
        fn passed(self, quiz_ids: &[i64]) -> Self;
        fn saw(self, lesson_id: i64, revision: i64) -> Self;
        fn last(self, lesson_id: i64) -> Self;
    }

    impl StateBuilder for LearnerState {
        fn done(mut self, lesson_ids: &[i64]) -> Self {
            self.completed.extend(lesson_ids);
            self
        }

        fn passed(mut self, quiz_ids: &[i64]) -> Self {
            self.passed_quizzes.extend(quiz_ids);
            self
        }

        fn saw(mut self, lesson_id: i64, revision: i64) -> Self {
            self.last_viewed_revision.insert(lesson_id, revision);
            self
        }

        fn last(mut self, lesson_id: i64) -> Self {
            let at = Utc.with_ymd_and_hms(2025, 3, 1, 9, 30, 0).unwrap();
            self.last_viewed = Some((lesson_id, at));
            self
        }
    }

    fn progress(done: u32, total: u32, percent: u8, complete: bool) -> Progress {
        Progress {
            done,
            total,
            percent,
            complete,
        }
    }

    /// Two tracks: track 1 = module 10 (lessons 1, 2, quiz 100) + module 11 (lesson 3, no quiz);
    /// track 2 = module 20 (lessons 4, 5, quiz 200).
    fn course() -> Vec<TrackInput> {
        vec![
            track(
                1,
                vec![module(10, &[1, 2], Some(100)), module(11, &[3], None)],
            ),
            track(2, vec![module(20, &[4, 5], Some(200))]),
        ]
    }

    // --- module_progress ---

    #[test]
    fn module_units_are_lessons_plus_quiz() {
        let m = module(10, &[1, 2, 3], Some(100));
        assert_eq!(module_progress(&m, &state()), progress(0, 4, 0, false));
        assert_eq!(
            module_progress(&m, &state().done(&[1])),
            progress(1, 4, 25, false)
        );
    }

    #[test]
    fn module_without_quiz_counts_only_lessons() {
        let m = module(10, &[1, 2, 3], None);
        assert_eq!(
            module_progress(&m, &state().done(&[1, 2])),
            progress(2, 3, 66, false)
        );
        assert_eq!(
            module_progress(&m, &state().done(&[1, 2, 3])),
            progress(3, 3, 100, true)
        );
    }

    #[test]
    fn module_needs_the_quiz_passed_to_be_complete() {
        let m = module(10, &[1, 2], Some(100));
        let all_lessons = state().done(&[1, 2]);
        assert_eq!(module_progress(&m, &all_lessons), progress(2, 3, 66, false));
        assert_eq!(
            module_progress(&m, &all_lessons.passed(&[100])),
            progress(3, 3, 100, true)
        );
    }

    #[test]
    fn module_needs_all_lessons_even_with_the_quiz_passed() {
        let m = module(10, &[1, 2], Some(100));
        assert_eq!(
            module_progress(&m, &state().done(&[1]).passed(&[100])),
            progress(2, 3, 66, false)
        );
    }

    #[test]
    fn module_with_only_a_quiz() {
        let m = module(10, &[], Some(100));
        assert_eq!(module_progress(&m, &state()), progress(0, 1, 0, false));
        assert_eq!(
            module_progress(&m, &state().passed(&[100])),
            progress(1, 1, 100, true)
        );
    }

    #[test]
    fn empty_module_is_zero_percent_and_not_complete() {
        let m = module(10, &[], None);
        assert_eq!(
            module_progress(&m, &state().done(&[1]).passed(&[100])),
            progress(0, 0, 0, false)
        );
    }

    #[test]
    fn passing_another_modules_quiz_does_not_count() {
        let m = module(10, &[1], Some(100));
        assert_eq!(
            module_progress(&m, &state().done(&[1]).passed(&[200])),
            progress(1, 2, 50, false)
        );
    }

    #[test]
    fn completion_of_an_archived_lesson_does_not_count() {
        // Lesson 2 was completed, then archived: it is no longer in the module's inputs.
        let m = module(10, &[1, 3], None);
        let s = state().done(&[1, 2]);
        assert_eq!(module_progress(&m, &s), progress(1, 2, 50, false));
    }

    #[test]
    fn new_revision_of_a_completed_lesson_still_counts_but_is_flagged() {
        let revised = lesson_rev(1, 2);
        let m = ModuleInput {
            id: 10,
            lessons: vec![revised, lesson(2)],
            quiz_id: None,
        };
        let s = state().done(&[1, 2]).saw(1, 1).saw(2, 1);
        assert_eq!(module_progress(&m, &s), progress(2, 2, 100, true));
        assert!(updated_since_last_visit(&revised, &s));
        assert!(!updated_since_last_visit(&lesson(2), &s));
    }

    #[test]
    fn percent_is_floored_so_100_means_complete() {
        let ids: Vec<i64> = (1..=200).collect();
        let m = module(10, &ids, None);
        let p = module_progress(&m, &state().done(&ids[..199]));
        assert_eq!(p, progress(199, 200, 99, false));
    }

    // --- track_progress ---

    #[test]
    fn track_adds_up_module_units() {
        let t = &course()[0]; // modules 10 (1, 2, quiz 100) and 11 (3)
        assert_eq!(track_progress(t, &state()), progress(0, 4, 0, false));
        assert_eq!(
            track_progress(t, &state().done(&[1, 3])),
            progress(2, 4, 50, false)
        );
    }

    #[test]
    fn track_is_complete_when_every_module_is() {
        let t = &course()[0];
        let s = state().done(&[1, 2, 3]);
        assert_eq!(track_progress(t, &s), progress(3, 4, 75, false));
        assert_eq!(
            track_progress(t, &s.passed(&[100])),
            progress(4, 4, 100, true)
        );
    }

    #[test]
    fn track_percent_weighs_units_not_modules() {
        // Module 10 has 3 units, module 11 has 1; finishing module 11 alone is 1 of 4 = 25 %,
        // not the 50 % an average of module percentages would give.
        let t = &course()[0];
        assert_eq!(
            track_progress(t, &state().done(&[3])),
            progress(1, 4, 25, false)
        );
    }

    #[test]
    fn track_without_modules_is_not_complete() {
        assert_eq!(
            track_progress(&track(1, vec![]), &state()),
            progress(0, 0, 0, false)
        );
    }

    #[test]
    fn track_of_only_empty_modules_is_not_complete() {
        let t = track(1, vec![module(10, &[], None), module(11, &[], None)]);
        assert_eq!(track_progress(&t, &state()), progress(0, 0, 0, false));
    }

    #[test]
    fn an_empty_module_does_not_block_track_completion() {
        let t = track(1, vec![module(10, &[1], None), module(11, &[], None)]);
        assert_eq!(
            track_progress(&t, &state().done(&[1])),
            progress(1, 1, 100, true)
        );
    }

    #[test]
    fn track_ignores_completions_outside_it() {
        let t = &course()[1]; // module 20: 4, 5, quiz 200
        let s = state().done(&[1, 2, 3, 99]).passed(&[100]);
        assert_eq!(track_progress(t, &s), progress(0, 3, 0, false));
    }

    #[test]
    fn track_and_module_percentages_agree_for_single_module_tracks() {
        let t = &course()[1];
        let s = state().done(&[4]).passed(&[200]);
        assert_eq!(track_progress(t, &s), module_progress(&t.modules[0], &s));
    }

    // --- updated_since_last_visit ---

    #[test]
    fn updated_when_seen_revision_is_older() {
        assert!(updated_since_last_visit(
            &lesson_rev(1, 3),
            &state().saw(1, 2)
        ));
    }

    #[test]
    fn not_updated_when_seen_revision_is_current() {
        assert!(!updated_since_last_visit(
            &lesson_rev(1, 3),
            &state().saw(1, 3)
        ));
    }

    #[test]
    fn never_viewed_lessons_are_not_flagged() {
        assert!(!updated_since_last_visit(&lesson_rev(1, 3), &state()));
        // Completion alone (without a recorded view) is not a visit.
        assert!(!updated_since_last_visit(
            &lesson_rev(1, 3),
            &state().done(&[1])
        ));
    }

    #[test]
    fn other_lessons_views_do_not_flag() {
        assert!(!updated_since_last_visit(
            &lesson_rev(1, 3),
            &state().saw(2, 1)
        ));
    }

    // --- next_step ---

    #[test]
    fn fresh_learner_starts_at_the_first_lesson() {
        assert_eq!(next_step(&course(), &state()), Some(Step::Lesson(1)));
    }

    #[test]
    fn nothing_viewed_goes_to_the_first_step_not_done() {
        let s = state().done(&[1, 2]);
        assert_eq!(next_step(&course(), &s), Some(Step::Quiz(100)));
    }

    #[test]
    fn resumes_the_last_viewed_lesson_when_not_done() {
        // Even though earlier lessons are still open.
        let s = state().done(&[1]).last(4);
        assert_eq!(next_step(&course(), &s), Some(Step::Lesson(4)));
    }

    #[test]
    fn after_a_done_lesson_goes_to_the_next_step_not_done() {
        let s = state().done(&[1, 2]).last(1);
        assert_eq!(next_step(&course(), &s), Some(Step::Quiz(100)));
    }

    #[test]
    fn skips_done_steps_after_the_last_viewed_lesson() {
        let s = state().done(&[1, 2, 3]).passed(&[100]).last(1);
        assert_eq!(next_step(&course(), &s), Some(Step::Lesson(4)));
    }

    #[test]
    fn crosses_module_and_track_boundaries() {
        let s = state().done(&[3]).last(3); // lesson 3 ends track 1
        assert_eq!(next_step(&course(), &s), Some(Step::Lesson(4)));
    }

    #[test]
    fn wraps_around_to_the_start_when_nothing_is_left_after() {
        // Everything after lesson 5 is done; lesson 2 earlier in the course is still open.
        let s = state().done(&[1, 3, 4, 5]).passed(&[100, 200]).last(5);
        assert_eq!(next_step(&course(), &s), Some(Step::Lesson(2)));
    }

    #[test]
    fn wrap_around_finds_an_earlier_quiz() {
        let s = state().done(&[1, 2, 3, 4, 5]).passed(&[200]).last(4);
        assert_eq!(next_step(&course(), &s), Some(Step::Quiz(100)));
    }

    #[test]
    fn everything_done_has_no_next_step() {
        let all = state().done(&[1, 2, 3, 4, 5]).passed(&[100, 200]);
        assert_eq!(next_step(&course(), &all), None);
        assert_eq!(next_step(&course(), &all.last(3)), None);
    }

    #[test]
    fn archived_last_viewed_lesson_falls_back_to_the_first_step_not_done() {
        // Lesson 42 was viewed last but is no longer part of the course.
        let s = state().done(&[1]).last(42);
        assert_eq!(next_step(&course(), &s), Some(Step::Lesson(2)));
    }

    #[test]
    fn completed_archived_lessons_do_not_satisfy_the_course() {
        let s = state().done(&[2, 3, 4, 5, 42]).passed(&[100, 200]);
        assert_eq!(next_step(&course(), &s), Some(Step::Lesson(1)));
    }

    #[test]
    fn empty_modules_and_courses_are_handled() {
        assert_eq!(next_step(&[], &state()), None);
        assert_eq!(next_step(&[], &state().last(1)), None);
        let with_gaps = vec![
            track(1, vec![]),
            track(2, vec![module(20, &[], None), module(21, &[7], None)]),
        ];
        assert_eq!(next_step(&with_gaps, &state()), Some(Step::Lesson(7)));
    }

    #[test]
    fn a_module_with_only_a_quiz_is_a_step() {
        let c = vec![track(
            1,
            vec![module(10, &[1], None), module(11, &[], Some(110))],
        )];
        let s = state().done(&[1]).last(1);
        assert_eq!(next_step(&c, &s), Some(Step::Quiz(110)));
    }

    #[test]
    fn revised_done_lesson_is_not_resumed_again() {
        // The update flag is shown on the lesson; "Weiterlernen" still moves on.
        let c = vec![track(
            1,
            vec![ModuleInput {
                id: 10,
                lessons: vec![lesson_rev(1, 2), lesson(2)],
                quiz_id: None,
            }],
        )];
        let s = state().done(&[1]).saw(1, 1).last(1);
        assert_eq!(next_step(&c, &s), Some(Step::Lesson(2)));
    }
}
