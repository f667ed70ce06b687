//! Raw HTML in Markdown: keeps the small allow-list trainers may use, drops every other tag
//! and reports it. The sanitiser runs afterwards anyway; this pass exists so trainers learn
//! that their markup vanished, and so tags like `<a>` or `<div>` are dropped even though the
//! renderer itself may emit them.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use super::model::Problem;
use super::problems::warning;

/// Elements trainers may write as raw HTML.
pub(crate) const ALLOWED: [&str; 9] = [
    "abbr", "kbd", "br", "sub", "sup", "del", "ins", "mark", "small",
];

/// Dropped together with their content: showing a script's source as text helps nobody.
const DROP_CONTENT: [&str; 12] = [
    "script", "style", "iframe", "object", "svg", "math", "template", "noscript", "textarea",
    "title", "xmp", "noembed",
];

static TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?s)<!--.*?-->|<!\[CDATA\[.*?\]\]>|<[!?][^>]*>|<(/?)([A-Za-z][A-Za-z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>"#,
    )
    .expect("static regex")
});

/// Filters one chunk of raw HTML. `line_at(offset)` maps an offset in `html` to a file line.
pub(crate) fn filter(
    html: &str,
    file: &str,
    line_at: &dyn Fn(usize) -> u32,
    problems: &mut Vec<Problem>,
) -> String {
    let mut reported: HashSet<(u32, String)> = HashSet::new();
    let mut current = filter_once(html, file, line_at, problems, &mut reported);
    // Removing `<script>` from `<scr<script>ipt>` leaves a new tag; a few rounds settle it.
    for _ in 0..4 {
        let next = filter_once(&current, file, &|_| line_at(0), problems, &mut reported);
        if next == current {
            break;
        }
        current = next;
    }
    current
}

fn filter_once(
    html: &str,
    file: &str,
    line_at: &dyn Fn(usize) -> u32,
    problems: &mut Vec<Problem>,
    reported: &mut HashSet<(u32, String)>,
) -> String {
    let mut out = String::with_capacity(html.len());
    let mut pos = 0;
    while let Some(caps) = TAG.captures_at(html, pos) {
        let Some(whole) = caps.get(0) else { break };
        out.push_str(html.get(pos..whole.start()).unwrap_or(""));
        pos = whole.end();
        let Some(name) = caps.get(2) else {
            continue; // comment, CDATA, doctype, processing instruction: dropped silently
        };
        let name = name.as_str().to_ascii_lowercase();
        if ALLOWED.contains(&name.as_str()) {
            out.push_str(whole.as_str());
            continue;
        }
        let closing = caps.get(1).is_some_and(|m| !m.as_str().is_empty());
        if closing {
            continue;
        }
        let line = line_at(whole.start());
        if reported.insert((line, name.clone())) {
            problems.push(warning(
                file,
                line,
                format!(
                    "HTML-Element <{name}> ist nicht erlaubt und wurde entfernt. Erlaubt sind nur \
                     <{}>; für alles andere verwenden Sie Markdown.",
                    ALLOWED.join(">, <")
                ),
            ));
        }
        let self_closing = caps
            .get(3)
            .is_some_and(|m| m.as_str().trim_end().ends_with('/'));
        if DROP_CONTENT.contains(&name.as_str()) && !self_closing {
            pos = end_of_element(html, pos, &name).unwrap_or(pos);
        }
    }
    out.push_str(html.get(pos..).unwrap_or(""));
    out
}

/// Offset just after `</name …>` at or after `from`, compared case-insensitively.
fn end_of_element(html: &str, from: usize, name: &str) -> Option<usize> {
    let rest = html.get(from..)?;
    let needle = format!("</{name}");
    let lower = rest.to_ascii_lowercase(); // ASCII lowering keeps byte offsets
    let start = lower.find(&needle)?;
    let close = lower.get(start..)?.find('>')?;
    Some(from + start + close + 1)
}
