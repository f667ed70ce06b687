//! Heading anchors: readable ASCII ids from German heading text, unique within one document.

use std::collections::{HashMap, HashSet};

/// `Prüfung der Identität` → `pruefung-der-identitaet`; empty results become `abschnitt`.
pub(crate) fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            c if c.is_ascii_alphanumeric() => out.push(c),
            _ => {
                if !out.is_empty() && !out.ends_with('-') {
                    out.push('-');
                }
            }
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push_str("abschnitt");
    }
    out
}

/// Hands out ids, appending `-2`, `-3`, … to repeats so every anchor stays addressable.
#[derive(Default)]
pub(crate) struct IdSet {
    used: HashSet<String>,
    next_suffix: HashMap<String, usize>,
}

impl IdSet {
    pub(crate) fn unique(&mut self, text: &str) -> String {
        let base = slugify(text);
        if self.used.insert(base.clone()) {
            return base;
        }
        let mut n = self.next_suffix.get(&base).copied().unwrap_or(2);
        // Skips suffixes taken by headings literally called e.g. "Foo 2"; `used` is finite,
        // so this ends.
        loop {
            let candidate = format!("{base}-{n}");
            n += 1;
            if self.used.insert(candidate.clone()) {
                self.next_suffix.insert(base, n);
                return candidate;
            }
        }
    }
}
