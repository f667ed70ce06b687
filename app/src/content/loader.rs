//! Walks the content folder (`track/NN-module/NN-lesson.md`), applies the layout rules and
//! assembles the course. A broken file only removes itself (and what depends on it) from the
//! result; everything else is still loaded and checked.

use std::path::Path;

use chrono::NaiveDate;

use super::files::{list, read, Entry};
use super::frontmatter::split;
use super::links::LinkBase;
use super::markdown::{render, Ctx, Mode, Rendered};
use super::model::{Course, LoadResult, Module, Problem, Track};
use super::names::{duplicate_error, duplicate_slugs, split_prefix, Prefixed};
use super::problems::{error, has_errors, warning};
use super::{content_hash, lessons, meta};
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

/// Loads all module folders of a track: (valid modules, slugs of broken ones).
fn modules(
    root: &Path,
    track: &str,
    today: NaiveDate,
    problems: &mut Vec<Problem>,
) -> (Vec<Module>, Vec<String>) {
    let entries = list(root, track, problems);
    let mut folders: Vec<(&Entry, Option<(i64, String)>)> = Vec::new();
    for entry in &entries {
        let rel = format!("{track}/{}", entry.name);
        if !entry.is_dir {
            if entry.name.ends_with(".md") && entry.name != "track.md" {
                problems.push(warning(
                    &rel,
                    1,
                    "Diese Datei gehört zu keinem Modul und wird ignoriert: Legen Sie Lektionen \
                     in einem Modulordner „NN-name/“ ab.",
                ));
            }
            continue;
        }
        let ident = match split_prefix(&entry.name) {
            Prefixed::Ok { position, slug } => match Slug::parse(slug) {
                Ok(_) => Some((position, slug.to_owned())),
                Err(msg) => {
                    problems.push(error(&rel, 1, format!("Modulordner: {msg}")));
                    None
                }
            },
            Prefixed::Missing => {
                problems.push(error(
                    &rel,
                    1,
                    format!(
                        "Der Modulordner „{}“ braucht eine Nummer vorne, z. B. „01-{}“: Sie legt \
                         die Reihenfolge fest.",
                        entry.name, entry.name
                    ),
                ));
                None
            }
            Prefixed::TooLarge => {
                problems.push(error(&rel, 1, "Die Nummer des Modulordners ist zu groß: Verwenden Sie zweistellige Nummern wie „01-“."));
                None
            }
        };
        folders.push((entry, ident));
    }
    let duplicates = duplicate_slugs(
        folders
            .iter()
            .filter_map(|(e, id)| Some((e.name.as_str(), id.as_ref()?.1.as_str()))),
    );
    let mut ok = Vec::new();
    let mut broken = Vec::new();
    for (entry, ident) in folders {
        let rel = format!("{track}/{}", entry.name);
        if let Some(first) = ident.as_ref().and_then(|(_, s)| duplicates.get(s)) {
            problems.push(duplicate_error(&rel, &entry.name, first));
        }
        let outcome = module(root, &rel, ident.clone(), today, problems);
        match (outcome, ident) {
            (Outcome::Ok(m), Some((_, slug))) if !duplicates.contains_key(&slug) => ok.push(m),
            (Outcome::Skip, _) | (_, None) => {}
            (_, Some((_, slug))) => {
                if !broken.contains(&slug) {
                    broken.push(slug);
                }
            }
        }
    }
    (ok, broken)
}

fn module(
    root: &Path,
    rel_dir: &str,
    ident: Option<(i64, String)>,
    today: NaiveDate,
    problems: &mut Vec<Problem>,
) -> Outcome<Module> {
    let file = format!("{rel_dir}/module.md");
    let mut local = Vec::new();
    let header = match read(root, &file, &mut local) {
        None if !root.join(&file).exists() => {
            local.push(error(
                &file,
                1,
                "Die Datei module.md fehlt: Jeder Modulordner braucht eine module.md mit title, \
                 summary, minutes, legal_status, review_by und sources.",
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
                let (meta, meta_problems) = meta::module(&file, &parts);
                local.extend(meta_problems);
                if let Some(m) = &meta {
                    if m.review_by < today {
                        local.push(warning(
                            &file,
                            m.review_by_line,
                            format!(
                                "Überprüfungsdatum {} liegt in der Vergangenheit – bitte Inhalt \
                                 fachlich prüfen und review_by aktualisieren.",
                                m.review_by.format("%d.%m.%Y")
                            ),
                        ));
                    }
                }
                let intro = render_body(root, &file, parts.body, parts.body_line);
                local.extend(intro.problems);
                meta.map(|m| (m, intro.html, content_hash(source.text.as_bytes())))
            }
        },
    };
    let broken = has_errors(&local);
    problems.extend(local);

    let (mut lessons, broken_lessons, quiz) = lessons::load_all(root, rel_dir, problems);
    let Some((position, slug)) = ident else {
        return Outcome::Skip;
    };
    let Some((meta, intro_html, content_hash)) = header.filter(|_| !broken) else {
        return Outcome::Broken(slug);
    };
    lessons.sort_by(|a, b| (a.position, &a.slug).cmp(&(b.position, &b.slug)));
    Outcome::Ok(Module {
        slug,
        position,
        title: meta.title,
        summary: meta.summary,
        minutes: meta.minutes,
        legal_status: meta.legal_status,
        review_by: meta.review_by,
        sources: meta.sources,
        intro_html,
        content_hash,
        lessons,
        broken_lessons,
        quiz,
        source: root.join(&file),
    })
}
