//! Relative links between content files become page URLs; dead links are errors.

use super::support::{assert_problem, load_with, today, valid_tree, write};
use crate::content::{load_dir, render_preview, Level};

fn lesson(body: &str) -> String {
    format!("+++\ntitle = \"x\"\nminutes = 3\n+++\n{body}")
}

fn body_of(rel: &str, body: &str) -> (String, crate::content::LoadResult) {
    let dir = tempfile::tempdir().expect("tempdir");
    valid_tree(dir.path());
    write(dir.path(), "t/02-n/module.md", super::support::MODULE);
    write(dir.path(), "t/02-n/01-c.md", super::support::LESSON);
    write(dir.path(), rel, &lesson(body));
    let r = load_dir(dir.path(), today());
    let html = r
        .course
        .tracks
        .iter()
        .flat_map(|t| &t.modules)
        .flat_map(|m| &m.lessons)
        .find(|l| l.source.ends_with(rel))
        .map(|l| l.body_html.clone())
        .unwrap_or_default();
    (html, r)
}

#[test]
fn a_sibling_lesson_link_becomes_the_lesson_url() {
    let (html, r) = body_of(
        "t/01-m/01-a.md",
        "[B](02-b.md) und [B2](./02-b.md#abschnitt)\n",
    );
    assert!(!r.has_errors(), "{:?}", r.problems);
    assert!(html.contains("href=\"/tracks/t/m/b\""), "{html}");
    assert!(html.contains("href=\"/tracks/t/m/b#abschnitt\""), "{html}");
}

#[test]
fn links_into_other_modules_quizzes_and_module_pages_are_rewritten() {
    let (html, r) = body_of(
        "t/01-m/01-a.md",
        "[C](../02-n/01-c.md) [Test](quiz.md) [Modul](../02-n/module.md) [Pfad](../track.md)\n",
    );
    assert!(!r.has_errors(), "{:?}", r.problems);
    assert!(html.contains("href=\"/tracks/t/n/c\""), "{html}");
    assert!(html.contains("href=\"/tracks/t/m/quiz\""), "{html}");
    assert!(html.contains("href=\"/tracks/t/n\""), "{html}");
    assert!(html.contains("href=\"/tracks/t\""), "{html}");
}

#[test]
fn a_link_to_a_missing_file_is_an_error_at_the_line_of_the_link() {
    let r = load_with(
        "t/01-m/01-a.md",
        &lesson("Text\n\nSiehe [weg](03-gibt-es-nicht.md).\n"),
    );
    assert_problem(
        &r,
        "t/01-m/01-a.md",
        7,
        Level::Error,
        "Das Verweisziel „03-gibt-es-nicht.md“ existiert nicht",
    );
    assert_eq!(
        r.course.tracks[0].modules[0].broken_lessons,
        vec!["a".to_owned()]
    );
}

#[test]
fn a_link_leaving_the_content_folder_is_an_error() {
    let r = load_with("t/01-m/01-a.md", &lesson("[x](../../../etc/passwd.md)\n"));
    assert_problem(
        &r,
        "t/01-m/01-a.md",
        5,
        Level::Error,
        "zeigt aus dem Inhaltsordner heraus",
    );
}

#[test]
fn a_relative_link_to_a_non_markdown_file_is_an_error() {
    let r = load_with("t/01-m/01-a.md", &lesson("[PDF](merkblatt.pdf)\n"));
    assert_problem(
        &r,
        "t/01-m/01-a.md",
        5,
        Level::Error,
        "zeigt nicht auf eine Markdown-Datei",
    );
}

#[test]
fn a_link_in_a_quiz_is_resolved_relative_to_the_quiz() {
    let quiz = "+++\ntitle = \"Q\"\n+++\n## Frage zu [A](01-a.md)?\n- [(X)] [weg](09-x.md)\n*****\nE\n*****\n";
    let r = load_with("t/01-m/quiz.md", quiz);
    assert_problem(
        &r,
        "t/01-m/quiz.md",
        5,
        Level::Error,
        "„09-x.md“ existiert nicht",
    );
}

#[test]
fn external_mailto_and_anchor_links_stay() {
    let (out, problems) = render_preview(
        "v.md",
        "[a](https://example.org/x) [b](mailto:a@example.org) [c](#oben) <https://example.org>\n",
    );
    assert!(problems.is_empty(), "{problems:?}");
    assert!(
        out.contains("href=\"https://example.org/x\" rel=\"noopener noreferrer\""),
        "{out}"
    );
    assert!(out.contains("href=\"mailto:a@example.org\""), "{out}");
    assert!(out.contains("href=\"#oben\""), "{out}");
}

#[test]
fn previews_leave_relative_links_unchecked() {
    let (out, problems) = render_preview("v.md", "[x](02-b.md)\n");
    assert!(problems.is_empty(), "{problems:?}");
    assert!(out.contains("href=\"02-b.md\""), "{out}");
}
