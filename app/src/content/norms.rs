//! Links norm citations (`§ 81 Abs. 4 Satz 1 AufenthG`) to gesetze-im-internet.de. What a
//! law's name and a paragraph mean (address, order) is `domain::norm`; the pattern is here.

use std::sync::LazyLock;

use regex::Regex;

use crate::domain::norm::{Law, Norm, Paragraph};

/// Citation: `§`, number, optional Abs./Satz/S./Nr./Buchst. parts (a part may list several
/// numbers: `Abs. 1 und 2`, `Abs. 1 bis 3`; parts may be joined by `,`/und/oder — all still
/// one paragraph, so one link), then a known law. `SGB III` comes before `SGB II` so the
/// longer name wins; the character after the law is checked in code (the regex crate has no
/// look-ahead) so `AZRG-DV` is not read as `AZRG`.
static CITATION: LazyLock<Regex> = LazyLock::new(|| {
    let sp = r"[ \u{a0}]";
    let num = r"[0-9]+[a-z]?";
    let join = format!(r"(?:,{sp}*|{sp}+(?:und|bis|oder){sp}+)");
    let part = format!(
        r"(?:(?:Abs\.|Satz|S\.|Nr\.){sp}*{num}(?:{join}{num})*|Buchst\.{sp}*[a-z](?:{join}[a-z])*)"
    );
    let law = r"AufenthG|AufenthV|BeschV|AsylG|FreizügG/EU|VwVfG|VwGO|StAG|AZRG|BQFG|SGB[ \u{a0}]+III|SGB[ \u{a0}]+II";
    Regex::new(&format!(
        r"§{sp}+({num})(?:(?:,|{sp}+(?:und|oder))?{sp}+{part})*{sp}+({law})"
    ))
    .expect("static regex")
});

/// A run of text, either plain or a recognised citation with its URL.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Piece<'a> {
    Text(&'a str),
    Norm { text: &'a str, url: String },
}

/// Splits `text` into plain runs and citations; returns a single `Text` when there is none.
pub(crate) fn split(text: &str) -> Vec<Piece<'_>> {
    let mut pieces = Vec::new();
    let mut last = 0;
    if text.contains('§') {
        for caps in CITATION.captures_iter(text) {
            let (Some(whole), Some(para), Some(law)) = (caps.get(0), caps.get(1), caps.get(2))
            else {
                continue;
            };
            let next = text.get(whole.end()..).and_then(|rest| rest.chars().next());
            if next.is_some_and(|c| c.is_alphanumeric() || matches!(c, '-' | '/' | '_')) {
                continue;
            }
            let (Some(law), Some(paragraph)) = (
                Law::from_name(law.as_str()),
                Paragraph::parse(para.as_str()),
            ) else {
                continue;
            };
            if whole.start() > last {
                pieces.push(Piece::Text(text.get(last..whole.start()).unwrap_or("")));
            }
            pieces.push(Piece::Norm {
                text: whole.as_str(),
                url: Norm { law, paragraph }.url(),
            });
            last = whole.end();
        }
    }
    if last < text.len() || pieces.is_empty() {
        pieces.push(Piece::Text(text.get(last..).unwrap_or("")));
    }
    pieces
}
