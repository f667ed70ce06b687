//! The files inside one module folder: lessons `NN-slug.md` and `quiz.md`.

use std::path::Path;

use super::files::{list, read};
use super::frontmatter::split;
use super::links::LinkBase;
use super::loader::{render_body, Outcome};
use super::markdown::Ctx;
use super::model::{Lesson, Problem, Quiz, QuizState};
use super::names::{duplicate_error, duplicate_slugs, split_prefix, Prefixed};
use super::problems::{error, has_errors, warning};
use super::{content_hash, lints, meta, quiz};
use crate::domain::Slug;

/// Loads every lesson and the quiz of `rel_dir`: (valid lessons, broken slugs, quiz).
pub(crate) fn load_all(
    root: &Path,
    rel_dir: &str,
    problems: &mut Vec<Problem>,
) -> (Vec<Lesson>, Vec<String>, QuizState) {
    let entries = list(root, rel_dir, problems);
    let mut files: Vec<(String, i64, String)> = Vec::new();
    let mut has_quiz = false;
    for entry in &entries {
        let rel = format!("{rel_dir}/{}", entry.name);
        if entry.is_dir {
            problems.push(warning(
                &rel,
                1,
                "Unterordner in einem Modul werden ignoriert: Legen Sie Lektionen direkt in den \
                 Modulordner.",
            ));
            continue;
        }
        let Some(stem) = entry.name.strip_suffix(".md") else {
            continue; // images and other attachments are not content files
        };
        match stem {
            "module" => {}
            "quiz" => has_quiz = true,
            _ => {
                if let Some((position, slug)) = lesson_name(&rel, &entry.name, stem, problems) {
                    files.push((entry.name.clone(), position, slug));
                }
            }
        }
    }
    let duplicates = duplicate_slugs(files.iter().map(|(n, _, s)| (n.as_str(), s.as_str())));
    let mut lessons = Vec::new();
    let mut broken: Vec<String> = Vec::new();
    for (name, position, slug) in files {
        let rel = format!("{rel_dir}/{name}");
        if let Some(first) = duplicates.get(&slug) {
            problems.push(duplicate_error(&rel, &name, first));
        }
        match lesson(root, &rel, position, &slug, problems) {
            Outcome::Ok(l) if !duplicates.contains_key(&slug) => lessons.push(l),
            Outcome::Skip => {}
            _ => {
                if !broken.contains(&slug) {
                    broken.push(slug);
                }
            }
        }
    }
    if lessons.is_empty() && broken.is_empty() {
        problems.push(warning(
            &format!("{rel_dir}/module.md"),
            1,
            "Das Modul enthält keine Lektionen: Legen Sie Lektionen als „01-name.md“ an.",
        ));
    }
    let quiz = quiz_state(root, rel_dir, has_quiz, problems);
    (lessons, broken, quiz)
}

/// `NN-slug` of a lesson file, or `None` after reporting why the name is not usable.
fn lesson_name(
    rel: &str,
    name: &str,
    stem: &str,
    problems: &mut Vec<Problem>,
) -> Option<(i64, String)> {
    match split_prefix(stem) {
        Prefixed::Ok { slug: "quiz", .. } => {
            problems.push(error(
                rel,
                1,
                format!("„{name}“: Der Kurzname „quiz“ ist für den Abschlusstest reserviert. Benennen Sie die Lektion um oder nennen Sie den Test „quiz.md“."),
            ));
            None
        }
        Prefixed::Ok { position, slug } => match Slug::parse(slug) {
            Ok(_) => Some((position, slug.to_owned())),
            Err(msg) => {
                problems.push(error(rel, 1, format!("Lektionsdatei: {msg}")));
                None
            }
        },
        Prefixed::Missing => {
            problems.push(error(
                rel,
                1,
                format!(
                    "Die Lektionsdatei „{name}“ braucht eine Nummer vorne, z. B. „01-{name}“: Sie \
                     legt die Reihenfolge fest."
                ),
            ));
            None
        }
        Prefixed::TooLarge => {
            problems.push(error(rel, 1, "Die Nummer der Lektionsdatei ist zu groß: Verwenden Sie zweistellige Nummern wie „01-“."));
            None
        }
    }
}

fn lesson(
    root: &Path,
    rel: &str,
    position: i64,
    slug: &str,
    problems: &mut Vec<Problem>,
) -> Outcome<Lesson> {
    let mut local = Vec::new();
    let lesson = read(root, rel, &mut local).and_then(|source| {
        let parts = split(rel, &source.text).map_err(|p| local.push(p)).ok()?;
        local.extend(lints::file_text(rel, &source.text));
        let (meta, meta_problems) = meta::lesson(rel, &parts);
        local.extend(meta_problems);
        if parts.body.trim().is_empty() {
            local.push(error(
                rel,
                parts.close_line,
                "Die Lektion hat keinen Text: Schreiben Sie den Lektionstext unter die Kopfdaten \
                 (nach der zweiten Zeile „+++“).",
            ));
        }
        let body = render_body(root, rel, parts.body, parts.body_line);
        local.extend(body.problems);
        let meta = meta?;
        Some(Lesson {
            slug: slug.to_owned(),
            position,
            title: meta.title,
            minutes: meta.minutes,
            body_html: body.html,
            toc: body.toc,
            word_count: i64::try_from(body.words).unwrap_or(i64::MAX),
            content_hash: content_hash(source.text.as_bytes()),
            source: root.join(rel),
        })
    });
    let broken = has_errors(&local);
    problems.extend(local);
    match lesson {
        Some(l) if !broken => Outcome::Ok(l),
        _ => Outcome::Broken(slug.to_owned()),
    }
}

/// Quiz file of a module folder: present, broken or absent (warning).
pub(crate) fn quiz_state(
    root: &Path,
    rel_dir: &str,
    exists: bool,
    problems: &mut Vec<Problem>,
) -> QuizState {
    let file = format!("{rel_dir}/quiz.md");
    if !exists {
        problems.push(warning(
            &file,
            1,
            "Das Modul hat keinen Abschlusstest: Legen Sie eine quiz.md an (siehe content/README.md).",
        ));
        return QuizState::Absent;
    }
    let mut local = Vec::new();
    let quiz = read(root, &file, &mut local).and_then(|source| {
        let parts = split(&file, &source.text).map_err(|p| local.push(p)).ok()?;
        local.extend(lints::file_text(&file, &source.text));
        let (meta, meta_problems) = meta::quiz(&file, &parts);
        local.extend(meta_problems);
        let base = LinkBase { root, from: &file };
        let ctx = Ctx {
            file: &file,
            links: Some(&base),
        };
        let (questions, quiz_problems) = quiz::parse(&ctx, parts.body, parts.body_line, 1);
        local.extend(quiz_problems);
        let meta = meta?;
        Some(Quiz {
            title: meta.title,
            pass_percent: meta.pass_percent,
            questions,
            content_hash: content_hash(source.text.as_bytes()),
        })
    });
    let broken = has_errors(&local);
    problems.extend(local);
    match quiz {
        Some(q) if !broken => QuizState::Present(q),
        _ => QuizState::Broken,
    }
}
