//! Folder layout and naming rules.

use super::support::{
    assert_clean, assert_problem, load_with, today, valid_tree, write, write_bytes, LESSON, MODULE,
    TRACK,
};
use crate::content::{load_dir, Level, QuizState};

fn tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    valid_tree(dir.path());
    dir
}

#[test]
fn a_valid_tree_loads_without_problems() {
    let dir = tree();
    let r = load_dir(dir.path(), today());
    assert_clean(&r);
    let track = &r.course.tracks[0];
    assert_eq!(
        (track.slug.as_str(), track.position, track.title.as_str()),
        ("t", 1, "Basiswissen")
    );
    let module = &track.modules[0];
    assert_eq!(
        (module.slug.as_str(), module.position, module.minutes),
        ("m", 1, 60)
    );
    let slugs: Vec<_> = module
        .lessons
        .iter()
        .map(|l| (l.slug.as_str(), l.position))
        .collect();
    assert_eq!(slugs, vec![("a", 1), ("b", 2)]);
    assert!(matches!(&module.quiz, QuizState::Present(q) if q.questions.len() == 1));
    assert_eq!(module.lessons[0].source, dir.path().join("t/01-m/01-a.md"));
}

#[test]
fn readme_hidden_entries_and_attachments_are_ignored() {
    let dir = tree();
    write(dir.path(), "README.md", "# Anleitung ohne Kopfdaten\n");
    write(dir.path(), ".git/config", "x");
    write(dir.path(), ".entwurf/track.md", "kaputt");
    write(dir.path(), "t/01-m/.01-alt.md", "kaputt");
    write(dir.path(), "t/01-m/bild.png", "png");
    write(dir.path(), "notizen.txt", "x");
    assert_clean(&load_dir(dir.path(), today()));
}

#[test]
fn a_markdown_file_at_the_root_is_a_warning() {
    let r = load_with("notizen.md", "x");
    assert_problem(
        &r,
        "notizen.md",
        1,
        Level::Warning,
        "liegt direkt im Inhaltsordner",
    );
}

#[test]
fn a_track_folder_without_track_md_is_an_error() {
    let dir = tree();
    write(dir.path(), "ohne/01-m/module.md", MODULE);
    let r = load_dir(dir.path(), today());
    assert_problem(
        &r,
        "ohne/track.md",
        1,
        Level::Error,
        "Die Datei track.md fehlt",
    );
    assert_eq!(r.course.broken_tracks, vec!["ohne".to_owned()]);
    assert_eq!(r.course.tracks.len(), 1);
}

#[test]
fn a_track_folder_with_an_invalid_slug_is_an_error() {
    let dir = tree();
    write(dir.path(), "Grundlagen/track.md", TRACK);
    let r = load_dir(dir.path(), today());
    assert_problem(
        &r,
        "Grundlagen",
        1,
        Level::Error,
        "„Grundlagen“ ist kein gültiger Kurzname",
    );
    assert_eq!(r.course.tracks.len(), 1);
}

#[test]
fn a_module_folder_without_module_md_is_an_error_and_the_module_is_broken() {
    let dir = tree();
    write(dir.path(), "t/02-leer/01-x.md", LESSON);
    let r = load_dir(dir.path(), today());
    assert_problem(
        &r,
        "t/02-leer/module.md",
        1,
        Level::Error,
        "Die Datei module.md fehlt",
    );
    assert_eq!(r.course.tracks[0].broken_modules, vec!["leer".to_owned()]);
}

#[test]
fn a_module_folder_without_number_prefix_is_an_error() {
    let dir = tree();
    write(dir.path(), "t/extra/module.md", MODULE);
    let r = load_dir(dir.path(), today());
    assert_problem(
        &r,
        "t/extra",
        1,
        Level::Error,
        "braucht eine Nummer vorne, z. B. „01-extra“",
    );
    assert_eq!(r.course.tracks[0].modules.len(), 1);
}

#[test]
fn a_module_folder_with_umlauts_is_an_error_with_the_slug_message() {
    let dir = tree();
    write(dir.path(), "t/02-Überblick/module.md", MODULE);
    let r = load_dir(dir.path(), today());
    assert_problem(
        &r,
        "t/02-Überblick",
        1,
        Level::Error,
        "Umlaute bitte ausschreiben",
    );
}

#[test]
fn duplicate_module_slugs_are_errors() {
    let dir = tree();
    write(dir.path(), "t/02-m/module.md", MODULE);
    let r = load_dir(dir.path(), today());
    assert_problem(
        &r,
        "t/02-m",
        1,
        Level::Error,
        "kommt in diesem Ordner mehrfach vor (auch bei „01-m“)",
    );
    assert_eq!(r.course.tracks[0].broken_modules, vec!["m".to_owned()]);
}

#[test]
fn a_lesson_file_without_number_prefix_is_an_error() {
    let r = load_with("t/01-m/ueberblick.md", LESSON);
    assert_problem(
        &r,
        "t/01-m/ueberblick.md",
        1,
        Level::Error,
        "braucht eine Nummer vorne, z. B. „01-ueberblick.md“",
    );
}

#[test]
fn a_lesson_named_quiz_is_an_error() {
    let r = load_with("t/01-m/03-quiz.md", LESSON);
    assert_problem(
        &r,
        "t/01-m/03-quiz.md",
        1,
        Level::Error,
        "„quiz“ ist für den Abschlusstest reserviert",
    );
    assert_eq!(r.course.tracks[0].modules[0].lessons.len(), 2);
}

#[test]
fn duplicate_lesson_slugs_are_errors_and_both_are_withheld() {
    let r = load_with("t/01-m/03-a.md", LESSON);
    assert_problem(
        &r,
        "t/01-m/03-a.md",
        1,
        Level::Error,
        "kommt in diesem Ordner mehrfach vor (auch bei „01-a.md“)",
    );
    assert_problem(
        &r,
        "t/01-m/01-a.md",
        1,
        Level::Error,
        "„01-a.md“ kommt in diesem Ordner mehrfach vor (auch bei „03-a.md“)",
    );
    let module = &r.course.tracks[0].modules[0];
    assert_eq!(module.broken_lessons, vec!["a".to_owned()]);
    assert_eq!(
        module
            .lessons
            .iter()
            .map(|l| l.slug.as_str())
            .collect::<Vec<_>>(),
        vec!["b"]
    );
}

#[test]
fn a_lesson_with_an_invalid_slug_is_an_error() {
    let r = load_with("t/01-m/03-Fiktion.md", LESSON);
    assert_problem(
        &r,
        "t/01-m/03-Fiktion.md",
        1,
        Level::Error,
        "„Fiktion“ ist kein gültiger Kurzname",
    );
}

#[test]
fn an_empty_lesson_body_is_an_error_at_the_closing_fence() {
    let r = load_with(
        "t/01-m/01-a.md",
        "+++\ntitle = \"x\"\nminutes = 3\n+++\n\n  \n",
    );
    assert_problem(
        &r,
        "t/01-m/01-a.md",
        4,
        Level::Error,
        "Die Lektion hat keinen Text",
    );
}

#[test]
fn a_module_without_quiz_is_a_warning_and_quiz_absent() {
    let dir = tree();
    std::fs::remove_file(dir.path().join("t/01-m/quiz.md")).expect("remove");
    let r = load_dir(dir.path(), today());
    assert_problem(
        &r,
        "t/01-m/quiz.md",
        1,
        Level::Warning,
        "keinen Abschlusstest",
    );
    assert!(!r.has_errors());
    assert_eq!(r.course.tracks[0].modules[0].quiz, QuizState::Absent);
}

#[test]
fn a_module_without_lessons_is_a_warning() {
    let dir = tree();
    std::fs::remove_file(dir.path().join("t/01-m/01-a.md")).expect("remove");
    std::fs::remove_file(dir.path().join("t/01-m/02-b.md")).expect("remove");
    let r = load_dir(dir.path(), today());
    assert_problem(
        &r,
        "t/01-m/module.md",
        1,
        Level::Warning,
        "enthält keine Lektionen",
    );
}

#[test]
fn a_non_utf8_file_is_an_error_at_line_1() {
    let dir = tree();
    write_bytes(
        dir.path(),
        "t/01-m/01-a.md",
        b"+++\ntitle = \"Stra\xdfe\"\nminutes = 3\n+++\nText\n",
    );
    let r = load_dir(dir.path(), today());
    assert_problem(
        &r,
        "t/01-m/01-a.md",
        1,
        Level::Error,
        "Datei ist nicht UTF-8-kodiert (erstes ungültiges Zeichen in Zeile 2)",
    );
    assert_eq!(
        r.course.tracks[0].modules[0].broken_lessons,
        vec!["a".to_owned()]
    );
}

#[test]
fn a_missing_content_folder_is_reported_not_panicked() {
    let dir = tree();
    let r = load_dir(&dir.path().join("gibt-es-nicht"), today());
    assert_problem(
        &r,
        ".",
        1,
        Level::Error,
        "Der Ordner kann nicht gelesen werden",
    );
}
