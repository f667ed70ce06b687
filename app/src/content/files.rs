//! Reading the content folder: sorted directory listings without hidden entries, and file
//! contents checked for UTF-8.

use std::path::Path;

use super::model::Problem;
use super::names::is_hidden;
use super::problems::{advance, error};

pub(crate) struct Entry {
    pub name: String,
    pub is_dir: bool,
}

fn join(rel: &str, name: &str) -> String {
    if rel.is_empty() {
        name.to_owned()
    } else {
        format!("{rel}/{name}")
    }
}

/// Entries of `root/rel` sorted by name; unreadable folders and non-UTF-8 names are reported.
pub(crate) fn list(root: &Path, rel: &str, problems: &mut Vec<Problem>) -> Vec<Entry> {
    let where_ = if rel.is_empty() { "." } else { rel };
    let read_dir = match std::fs::read_dir(root.join(rel)) {
        Ok(r) => r,
        Err(e) => {
            problems.push(error(
                where_,
                1,
                format!("Der Ordner kann nicht gelesen werden ({e}): Prüfen Sie Pfad und Zugriffsrechte."),
            ));
            return Vec::new();
        }
    };
    let mut entries = Vec::new();
    for item in read_dir.flatten() {
        let name = match item.file_name().into_string() {
            Ok(name) => name,
            Err(raw) => {
                problems.push(error(
                    &join(rel, &raw.to_string_lossy()),
                    1,
                    "Der Datei- oder Ordnername ist nicht UTF-8-kodiert: Benennen Sie ihn um \
                     (nur a–z, Ziffern und Bindestriche).",
                ));
                continue;
            }
        };
        if is_hidden(&name) {
            continue;
        }
        // `Path::is_dir` follows symlinks, so linked folders count as folders.
        let is_dir = item.path().is_dir();
        entries.push(Entry { name, is_dir });
    }
    entries.sort_by(|a, b| a.name.cmp(&b.name));
    entries
}

/// A file's text; it is exactly the raw bytes, which the content hash covers.
pub(crate) struct Source {
    pub text: String,
}

/// Reads `root/rel`; `None` (with a problem, unless the file is simply missing) on failure.
pub(crate) fn read(root: &Path, rel: &str, problems: &mut Vec<Problem>) -> Option<Source> {
    let bytes = match std::fs::read(root.join(rel)) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
        Err(e) => {
            problems.push(error(
                rel,
                1,
                format!(
                    "Die Datei kann nicht gelesen werden ({e}): Prüfen Sie die Zugriffsrechte."
                ),
            ));
            return None;
        }
    };
    match String::from_utf8(bytes) {
        Ok(text) => Some(Source { text }),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.as_bytes();
            let bad_line = advance(
                1,
                bytes
                    .get(..valid)
                    .unwrap_or(bytes)
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count(),
            );
            problems.push(error(
                rel,
                1,
                format!(
                    "Datei ist nicht UTF-8-kodiert (erstes ungültiges Zeichen in Zeile {bad_line}): \
                     Speichern Sie die Datei im Editor mit der Kodierung „UTF-8“."
                ),
            ));
            None
        }
    }
}
