//! File and folder naming rules: `NN-slug` prefixes, hidden entries.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::model::Problem;
use super::problems::error;
use crate::domain::Slug;

static PREFIXED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([0-9]+)-(.*)$").expect("static regex"));

/// Result of splitting `NN-slug`.
pub(crate) enum Prefixed<'a> {
    Ok {
        position: i64,
        slug: &'a str,
    },
    /// No `NN-` prefix at all.
    Missing,
    /// A prefix too large for `i64`.
    TooLarge,
}

pub(crate) fn split_prefix(name: &str) -> Prefixed<'_> {
    let Some(caps) = PREFIXED.captures(name) else {
        return Prefixed::Missing;
    };
    let (Some(number), Some(slug)) = (caps.get(1), caps.get(2)) else {
        return Prefixed::Missing;
    };
    match number.as_str().parse::<i64>() {
        Ok(position) => Prefixed::Ok {
            position,
            slug: slug.as_str(),
        },
        Err(_) => Prefixed::TooLarge,
    }
}

/// The slug of `NN-slug` if both parts are valid; used when resolving links.
pub(crate) fn prefixed_slug(name: &str) -> Option<&str> {
    match split_prefix(name) {
        Prefixed::Ok { slug, .. } if Slug::parse(slug).is_ok() => Some(slug),
        _ => None,
    }
}

/// Dot files and folders (`.git`, `.DS_Store`, editor swap files) are never content.
pub(crate) fn is_hidden(name: &str) -> bool {
    name.starts_with('.')
}

/// Slugs used by more than one entry, mapped to the names of all entries using them.
pub(crate) fn duplicate_slugs<'e>(
    items: impl Iterator<Item = (&'e str, &'e str)>,
) -> HashMap<String, Vec<String>> {
    let mut by_slug: HashMap<&str, Vec<String>> = HashMap::new();
    for (name, slug) in items {
        by_slug.entry(slug).or_default().push(name.to_owned());
    }
    by_slug
        .into_iter()
        .filter(|(_, names)| names.len() > 1)
        .map(|(slug, names)| (slug.to_owned(), names))
        .collect()
}

/// Reported on every entry sharing a slug, naming the others.
pub(crate) fn duplicate_error(rel: &str, name: &str, all: &[String]) -> Problem {
    let others: Vec<String> = all
        .iter()
        .filter(|n| n.as_str() != name)
        .map(|n| format!("„{n}“"))
        .collect();
    error(
        rel,
        1,
        format!(
            "Der Kurzname von „{name}“ kommt in diesem Ordner mehrfach vor (auch bei {}): \
             Geben Sie jedem Eintrag einen eigenen Namen nach der Nummer.",
            others.join(", ")
        ),
    )
}
