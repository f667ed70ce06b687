//! Walks the content folder (`track/NN-module/NN-lesson.md`), applies the layout rules and
//! assembles the course. A broken file only removes itself (and what depends on it) from the
//! result; everything else is still loaded and checked.

use std::path::Path;

use chrono::NaiveDate;

use super::files::{list, read};
use super::frontmatter::split;
use super::links::LinkBase;
use super::markdown::{render, Ctx, Mode, Rendered};
use super::model::{Course, LoadResult, Problem, Track};
use super::modules::modules;
use super::problems::{error, has_errors, warning};
use super::{content_hash, lints, meta};
use crate::domain::Slug;

/// What became of one track, module or lesson.
pub(crate) enum Outcome<T> {
    Ok(T),
    /// Exists under a valid slug but has errors: the importer keeps what it has stored.
    Broken(String),
    /// Not addressable (bad folder or file name): only problems are reported.
    Skip,
}

pub(crate) fn load(dir: &Path, today: NaiveDate) -> LoadResult {
    let mut problems = Vec::new();
    let mut course = Course::default();
    for entry in list(dir, "", &mut problems) {
        if entry.is_dir {
            match track(dir, &entry.name, today, &mut problems) {
                Outcome::Ok(t) => course.tracks.push(t),
                Outcome::Broken(slug) => course.broken_tracks.push(slug),
                Outcome::Skip => {}
            }
        } else if entry.name.ends_with(".md") && entry.name != "README.md" {
            problems.push(warning(
                &entry.name,
                1,
                "Diese Datei liegt direkt im Inhaltsordner und wird ignoriert: Lektionen gehören \
                 in einen Modulordner eines Lernpfads (z. B. basiswissen/01-thema/).",
            ));
        }
    }
    course
        .tracks
        .sort_by(|a, b| (a.position, &a.slug).cmp(&(b.position, &b.slug)));
    problems.extend(lints::course(dir, &course));
    problems.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    LoadResult { course, problems }
}

/// Renders a body with links resolved relative to `file`.
pub(crate) fn render_body(root: &Path, file: &str, body: &str, first_line: u32) -> Rendered {
    let base = LinkBase { root, from: file };
    let ctx = Ctx {
        file,
        links: Some(&base),
    };
    render(&ctx, body, first_line, Mode::Block)
}

fn track(root: &Path, name: &str, today: NaiveDate, problems: &mut Vec<Problem>) -> Outcome<Track> {
    let slug_ok = match Slug::parse(name) {
        Ok(_) => true,
        Err(msg) => {
            problems.push(error(
                name,
                1,
                format!("Lernpfad-Ordner: {msg} Benennen Sie den Ordner um."),
            ));
            false
        }
    };
    let file = format!("{name}/track.md");
    let mut local = Vec::new();
    let header = match read(root, &file, &mut local) {
        None if !root.join(&file).exists() => {
            local.push(error(
                &file,
                1,
                "Die Datei track.md fehlt: Jeder Lernpfad-Ordner braucht eine track.md mit den \
                 Kopfdaten title, summary und order.",
            ));
            None
        }
        None => None,
        Some(source) => match split(&file, &source.text) {
            Err(p) => {
                local.push(p);
                None
            }
            Ok(parts) => {
                local.extend(lints::file_text(&file, &source.text));
                let (meta, meta_problems) = meta::track(&file, &parts);
                local.extend(meta_problems);
                let intro = render_body(root, &file, parts.body, parts.body_line);
                local.extend(intro.problems);
                meta.map(|m| (m, intro.html, content_hash(source.text.as_bytes())))
            }
        },
    };
    let broken = has_errors(&local);
    problems.extend(local);

    let modules = modules(root, name, today, problems);
    match header {
        _ if !slug_ok => Outcome::Skip,
        Some((meta, intro_html, content_hash)) if !broken => {
            let (mut ok, broken_modules) = modules;
            ok.sort_by(|a, b| (a.position, &a.slug).cmp(&(b.position, &b.slug)));
            Outcome::Ok(Track {
                slug: name.to_owned(),
                position: meta.order,
                title: meta.title,
                summary: meta.summary,
                intro_html,
                content_hash,
                modules: ok,
                broken_modules,
                source: root.join(&file),
            })
        }
        _ => Outcome::Broken(name.to_owned()),
    }
}
