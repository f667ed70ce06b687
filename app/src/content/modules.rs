//! Module folders (`NN-slug/` with module.md) inside a track.

use std::path::Path;

use chrono::NaiveDate;

use super::files::{list, read, Entry};
use super::frontmatter::split;
use super::loader::{render_body, Outcome};
use super::model::{Module, Problem};
use super::names::{duplicate_error, duplicate_slugs, split_prefix, Prefixed};
use super::problems::{error, has_errors, warning};
use super::{content_hash, lessons, lints, meta};
use crate::domain::Slug;

/// Loads all module folders of a track: (valid modules, slugs of broken ones).
pub(crate) fn modules(
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
                local.extend(lints::file_text(&file, &source.text));
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
