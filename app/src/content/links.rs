//! Rewrites relative links between content files (`../04-x/01-y.md#anker`) to page URLs and
//! reports links whose target does not exist.

use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;

use super::names::prefixed_slug;

static SCHEME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[A-Za-z][A-Za-z0-9+.\-]*:").expect("static regex"));

/// Where relative links of one file are resolved from.
pub(crate) struct LinkBase<'a> {
    pub root: &'a Path,
    /// Path of the linking file relative to `root`, with `/`.
    pub from: &'a str,
}

#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Resolved {
    /// External, anchor-only or site-absolute: left to the sanitiser.
    Keep,
    Rewrite(String),
    /// German message for the trainer.
    Broken(String),
}

pub(crate) fn resolve(base: Option<&LinkBase<'_>>, dest: &str) -> Resolved {
    let dest_trimmed = dest.trim();
    if dest_trimmed.is_empty()
        || dest_trimmed.starts_with('#')
        || dest_trimmed.starts_with('/')
        || SCHEME.is_match(dest_trimmed)
    {
        return Resolved::Keep;
    }
    let Some(base) = base else {
        return Resolved::Keep;
    };
    let (path, fragment) = match dest_trimmed.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (dest_trimmed, None),
    };
    let path = path.split_once('?').map_or(path, |(p, _)| p);
    let mut parts: Vec<&str> = base.from.split('/').collect();
    parts.pop(); // the linking file itself
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return Resolved::Broken(format!(
                        "Der Verweis „{dest}“ zeigt aus dem Inhaltsordner heraus: Verlinken Sie \
                         nur Lektionen innerhalb von content/."
                    ));
                }
            }
            s => parts.push(s),
        }
    }
    let target = parts.join("/");
    if !target.ends_with(".md") {
        return Resolved::Broken(format!(
            "Der Verweis „{dest}“ zeigt nicht auf eine Markdown-Datei: Relative Verweise müssen \
             auf eine Lektion (z. B. „02-thema.md“), quiz.md oder module.md zeigen; externe \
             Adressen beginnen mit https://."
        ));
    }
    if !base.root.join(&target).is_file() {
        return Resolved::Broken(format!(
            "Das Verweisziel „{dest}“ existiert nicht (gesucht: {target}): Prüfen Sie Ordner- \
             und Dateinamen einschließlich der Nummern."
        ));
    }
    let Some(url) = page_url(&parts) else {
        return Resolved::Broken(format!(
            "Das Verweisziel „{dest}“ ist keine Seite des Kurses: Verlinken Sie eine Lektion \
             („NN-name.md“), quiz.md, module.md oder track.md."
        ));
    };
    match fragment {
        Some(f) if !f.is_empty() => Resolved::Rewrite(format!("{url}#{f}")),
        _ => Resolved::Rewrite(url),
    }
}

/// Maps `track/NN-module/NN-lesson.md` and friends to the page URL.
fn page_url(parts: &[&str]) -> Option<String> {
    match parts {
        [track, "track.md"] => Some(format!("/tracks/{track}")),
        [track, module, file] => {
            let module = prefixed_slug(module)?;
            match *file {
                "module.md" => Some(format!("/tracks/{track}/{module}")),
                "quiz.md" => Some(format!("/tracks/{track}/{module}/quiz")),
                f => {
                    let lesson = prefixed_slug(f.strip_suffix(".md")?)?;
                    Some(format!("/tracks/{track}/{module}/{lesson}"))
                }
            }
        }
        _ => None,
    }
}
