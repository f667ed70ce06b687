//! Broken-file semantics for the importer, sorting, content hashes and counts.

use super::support::{
    assert_problem, load_with, today, valid_tree, write, LESSON, MODULE, QUIZ, TRACK,
};
use crate::content::{counts, load_dir, Counts, Level, QuizState, RENDERER_VERSION};

fn tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    valid_tree(dir.path());
    dir
}

#[test]
fn a_broken_lesson_is_listed_as_broken_and_the_rest_still_loads() {
    let r = load_with("t/01-m/02-b.md", "+++\ntitle = \"x\"\n+++\nText\n");
    let module = &r.course.tracks[0].modules[0];
    assert_eq!(module.broken_lessons, vec!["b".to_owned()]);
    assert_eq!(module.lessons.len(), 1);
    assert!(matches!(module.quiz, QuizState::Present(_)));
}

#[test]
fn a_broken_quiz_is_quiz_broken_and_lessons_still_load() {
    let r = load_with(
        "t/01-m/quiz.md",
        "+++\ntitle = \"Q\"\n+++\n## Frage ohne Antworten\n",
    );
    let module = &r.course.tracks[0].modules[0];
    assert_eq!(module.quiz, QuizState::Broken);
    assert_eq!(module.lessons.len(), 2);
}

#[test]
fn a_broken_module_md_withholds_the_module_but_still_checks_its_lessons() {
    let dir = tree();
    write(dir.path(), "t/01-m/module.md", "+++\ntitle = \"x\"\n+++\n");
    write(
        dir.path(),
        "t/01-m/03-c.md",
        "+++\nminutes = 3\n+++\nText\n",
    );
    write(dir.path(), "t/02-n/module.md", MODULE);
    write(dir.path(), "t/02-n/01-a.md", LESSON);
    write(dir.path(), "t/02-n/quiz.md", QUIZ);
    let r = load_dir(dir.path(), today());
    assert_eq!(r.course.tracks[0].broken_modules, vec!["m".to_owned()]);
    assert_eq!(
        r.course.tracks[0]
            .modules
            .iter()
            .map(|m| m.slug.as_str())
            .collect::<Vec<_>>(),
        vec!["n"]
    );
    assert_problem(
        &r,
        "t/01-m/03-c.md",
        1,
        Level::Error,
        "Pflichtangabe „title“ fehlt",
    );
}

#[test]
fn a_broken_track_md_lists_the_track_as_broken() {
    let dir = tree();
    write(dir.path(), "t/track.md", "+++\ntitle = \"T\"\n+++\n");
    write(dir.path(), "u/track.md", TRACK);
    let r = load_dir(dir.path(), today());
    assert_eq!(r.course.broken_tracks, vec!["t".to_owned()]);
    assert_eq!(
        r.course
            .tracks
            .iter()
            .map(|t| t.slug.as_str())
            .collect::<Vec<_>>(),
        vec!["u"]
    );
}

#[test]
fn tracks_modules_and_lessons_are_sorted_by_position_then_slug() {
    let dir = tree();
    write(
        dir.path(),
        "a/track.md",
        &TRACK.replace("order = 1", "order = 2"),
    );
    write(
        dir.path(),
        "z/track.md",
        &TRACK.replace("order = 1", "order = 0"),
    );
    write(dir.path(), "t/10-spaet/module.md", MODULE);
    write(dir.path(), "t/02-frueh/module.md", MODULE);
    write(dir.path(), "t/01-m/10-k.md", LESSON);
    write(dir.path(), "t/01-m/02-a2.md", LESSON);
    let r = load_dir(dir.path(), today());
    let tracks: Vec<_> = r.course.tracks.iter().map(|t| t.slug.as_str()).collect();
    assert_eq!(tracks, vec!["z", "t", "a"]);
    let modules: Vec<_> = r.course.tracks[1]
        .modules
        .iter()
        .map(|m| m.slug.as_str())
        .collect();
    assert_eq!(modules, vec!["m", "frueh", "spaet"]);
    let lessons: Vec<_> = r.course.tracks[1].modules[0]
        .lessons
        .iter()
        .map(|l| l.slug.as_str())
        .collect();
    assert_eq!(lessons, vec!["a", "a2", "b", "k"]);
}

#[test]
fn content_hash_covers_renderer_version_and_raw_bytes_only() {
    use sha2::{Digest, Sha256};
    let dir = tree();
    let r = load_dir(dir.path(), today());
    let module = &r.course.tracks[0].modules[0];
    let expected: String = Sha256::new()
        .chain_update(RENDERER_VERSION.as_bytes())
        .chain_update([0u8])
        .chain_update(LESSON.as_bytes())
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(module.lessons[0].content_hash, expected);
    assert_eq!(
        module.lessons[0].content_hash,
        module.lessons[1].content_hash
    );
    assert_ne!(module.content_hash, r.course.tracks[0].content_hash);
    assert_eq!(module.content_hash.len(), 64);
    write(
        dir.path(),
        "t/01-m/01-a.md",
        &LESSON.replace("minutes = 10", "minutes = 11"),
    );
    let again = load_dir(dir.path(), today());
    let changed = &again.course.tracks[0].modules[0];
    assert_ne!(
        changed.lessons[0].content_hash,
        module.lessons[0].content_hash
    );
    assert_eq!(
        changed.content_hash, module.content_hash,
        "module hash covers module.md only"
    );
}

#[test]
fn counts_sum_up_the_course() {
    let dir = tree();
    let r = load_dir(dir.path(), today());
    let c = counts(&r.course);
    let words: i64 = r.course.tracks[0].modules[0]
        .lessons
        .iter()
        .map(|l| l.word_count)
        .sum();
    assert_eq!(
        c,
        Counts {
            tracks: 1,
            modules: 1,
            lessons: 2,
            questions: 1,
            words: words as usize
        }
    );
}

#[test]
fn problems_use_relative_paths_with_forward_slashes_and_are_sorted() {
    let dir = tree();
    write(
        dir.path(),
        "t/01-m/02-b.md",
        "+++\ntitle = 1\nminutes = 0\n+++\n",
    );
    write(dir.path(), "t/01-m/01-a.md", "+++\n+++\n");
    let r = load_dir(dir.path(), today());
    let keys: Vec<_> = r
        .problems
        .iter()
        .map(|p| (p.file.clone(), p.line))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    assert!(r
        .problems
        .iter()
        .all(|p| p.file.starts_with("t/01-m/") && !p.file.contains('\\')));
}
