//! Helpers for quiz tests: a quiz body wrapped in a 3-line front matter (body starts at line 4).

use super::support::load_with;
use crate::content::markdown::Ctx;
use crate::content::{quiz, LoadResult, Problem, Question, QuizState};

pub(crate) const FILE: &str = "t/01-m/quiz.md";

/// Front matter of 3 lines, so the body starts at line 4.
pub(crate) fn quiz_file(body: &str) -> String {
    format!("+++\ntitle = \"Q\"\n+++\n{body}")
}

pub(crate) fn load(body: &str) -> LoadResult {
    load_with(FILE, &quiz_file(body))
}

pub(crate) fn parse(body: &str) -> (Vec<Question>, Vec<Problem>) {
    quiz::parse(
        &Ctx {
            file: FILE,
            links: None,
        },
        body,
        4,
        1,
    )
}

pub(crate) fn questions(body: &str) -> Vec<Question> {
    let r = load(body);
    match &r.course.tracks[0].modules[0].quiz {
        QuizState::Present(q) => q.questions.clone(),
        other => panic!(
            "quiz not loaded ({other:?}):\n{}",
            super::support::describe(&r.problems)
        ),
    }
}

pub(crate) const EXPL: &str = "*****\nWeil.\n*****\n";
