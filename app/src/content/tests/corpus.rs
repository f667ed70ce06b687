//! The real curriculum in content/ must load without errors and meet the course standards.

use std::path::PathBuf;
use std::time::Instant;

use super::support::{describe, today};
use crate::content::{counts, load_dir, Answer, Level, QuizState};

fn content_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../content")
}

#[test]
fn real_content_loads_without_errors_and_meets_course_standards() {
    let started = Instant::now();
    let result = load_dir(&content_dir(), today());
    let elapsed = started.elapsed();
    let c = counts(&result.course);
    println!("load_dir(content/): {elapsed:?}, {c:?}");
    println!("problems:\n{}", describe(&result.problems));
    let errors: Vec<_> = result
        .problems
        .iter()
        .filter(|p| p.level == Level::Error)
        .cloned()
        .collect();
    assert!(errors.is_empty(), "content errors:\n{}", describe(&errors));
    let course = &result.course;
    assert!(course.broken_tracks.is_empty());
    assert_eq!(course.tracks.len(), 3, "tracks");
    let mut defects = Vec::new();
    for track in &course.tracks {
        assert!(
            track.broken_modules.is_empty(),
            "{}: broken modules",
            track.slug
        );
        if track.modules.len() < 6 {
            defects.push(format!(
                "{}: only {} modules",
                track.slug,
                track.modules.len()
            ));
        }
        for module in &track.modules {
            let at = format!("{}/{}", track.slug, module.slug);
            assert!(module.broken_lessons.is_empty(), "{at}: broken lessons");
            if module.lessons.len() < 3 {
                defects.push(format!("{at}: only {} lessons", module.lessons.len()));
            }
            for lesson in &module.lessons {
                if !(350..=1200).contains(&lesson.word_count) {
                    defects.push(format!("{at}/{}: {} words", lesson.slug, lesson.word_count));
                }
            }
            match &module.quiz {
                QuizState::Present(quiz) => {
                    if quiz.questions.len() < 6 {
                        defects.push(format!("{at}: quiz has {} questions", quiz.questions.len()));
                    }
                    for q in &quiz.questions {
                        if q.explanation_html.trim().is_empty() {
                            defects.push(format!("{at}: question {} has no explanation", q.number));
                        }
                        if let Answer::Text(alternatives) = &q.answer {
                            assert!(!alternatives.is_empty());
                        }
                    }
                }
                other => defects.push(format!("{at}: quiz {other:?}")),
            }
        }
    }
    assert!(
        defects.is_empty(),
        "content defects:\n{}",
        defects.join("\n")
    );
}
