//! The four citation errors of issue 14 ("Definite errors") must not come back anywhere in the
//! shipped content/: each is a pattern for the wrong form, checked against the corrected
//! wording so the grep does not cry wolf.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use regex::{Captures, Regex};

struct Rule {
    name: &'static str,
    wrong: Regex,
    /// A match is fine after all when the matched text (or, with `context`, its surroundings)
    /// shows the corrected reading.
    unless: Option<Regex>,
    /// The match only counts if these words occur within 250 bytes around it.
    context: Option<Regex>,
    /// Extra check on the captures (dates).
    keep: fn(&Captures<'_>) -> bool,
}

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("static regex")
}

fn always(_: &Captures<'_>) -> bool {
    true
}

const MONTHS: &str =
    "Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember";

/// True unless the captured `day`/`month`/`year` is 29 January 2013.
fn not_29_january_2013(c: &Captures<'_>) -> bool {
    let day = c.name("day").map_or("", |m| m.as_str());
    let month = c.name("month").map_or("", |m| m.as_str());
    let year = c.name("year").map_or("", |m| m.as_str());
    let january = matches!(month.trim_start_matches('0'), "Januar" | "1");
    !(day.trim_start_matches('0') == "29" && january && year == "2013")
}

const FREIZUEGIGKEIT: &str =
    "Freizügigkeitsbescheinigung: abgeschafft mit Wirkung vom 29. Januar 2013";

static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    let date =
        format!(r"(?P<day>\d{{1,2}})\.\s*(?:(?P<month>{MONTHS}|\d{{1,2}})\.?)\s*(?P<year>\d{{4}})");
    vec![
        Rule {
            name: "Chancenkarte: das „kann“ steht in § 20a Abs. 3, nicht Abs. 1",
            wrong: re(r"(?:§\s*20a\s+Abs(?:\.|atz)\s*1\b[^.;]{0,120}?(?:\bkann\b|Ermessen))|(?:(?:\bkann\b|Ermessen)[^.;]{0,120}?§\s*20a\s+Abs(?:\.|atz)\s*1\b)"),
            unless: None,
            context: None,
            keep: always,
        },
        Rule {
            name: "Vorabzustimmung: § 81a Abs. 3 AufenthG i. V. m. § 31 Abs. 3 AufenthV, nicht § 31a AufenthV",
            wrong: re(r"(?:Vorabzustimmung[^.;()]{0,80}\(\s*§\s*31a\s+AufenthV\s*\))|(?:Vorabzustimmung\s+(?:nach|gemäß|gem\.|aus)\s+§\s*31a\b)|(?:§\s*31a\s+AufenthV\s*[–-]\s*Vorabzustimmung)|(?:§\s*31a\s+AufenthV\s+(?:regelt|normiert|ist)[^.;]{0,40}Vorabzustimmung)"),
            unless: Some(re(r"Auslandsvertretung|Termin|Frist|Wochen")),
            context: None,
            keep: always,
        },
        Rule {
            name: "§ 81a Abs. 4: Familie bei Anträgen in zeitlichem Zusammenhang, nicht nur „gleichzeitig“",
            wrong: re(r"(?i)(?:\b(?:bei|mit)\s+(?:\*\*)?(?:gleichzeitiger|zeitgleicher)(?:\*\*)?\s+Antragstellung)|(?:\b(?:nur|wenn|sofern|falls|soweit)\b[^.;!?]{0,80}?\b(?:gleichzeitig|zeitgleich|zur\s+gleichen\s+Zeit)\b)"),
            unless: Some(re(r"(?i)\b(?:nicht|kein\w*)\b")),
            context: Some(re(r"(?i)einbez|Familie|Ehegatt|Ehemann|Ehefrau|Kinder|Tochter|Sohn|81a|Nachzug")),
            keep: always,
        },
        Rule {
            name: FREIZUEGIGKEIT,
            wrong: re(&format!(r"Freizügigkeitsbescheinigung\w*[^.;|]{{0,120}}?\b(?i:seit|ab|zum|vom|bis)\s+(?:dem\s+)?{date}")),
            unless: None,
            context: None,
            keep: not_29_january_2013,
        },
        Rule {
            name: FREIZUEGIGKEIT,
            wrong: re(&format!(r"\b(?i:seit|ab|zum|vom)\s+(?:dem\s+)?{date}[^.;|]{{0,120}}?Freizügigkeitsbescheinigung")),
            unless: None,
            context: None,
            keep: not_29_january_2013,
        },
    ]
});

/// `(byte offset, rule name, matched text)` of every wrong form in `text`.
fn wrong_forms(text: &str) -> Vec<(usize, &'static str, String)> {
    let mut found = Vec::new();
    for rule in RULES.iter() {
        for c in rule.wrong.captures_iter(text) {
            let Some(m) = c.get(0) else { continue };
            if rule.unless.as_ref().is_some_and(|u| u.is_match(m.as_str())) || !(rule.keep)(&c) {
                continue;
            }
            if let Some(context) = &rule.context {
                let start = text.floor_char_boundary(m.start().saturating_sub(250));
                let end = text.ceil_char_boundary((m.end() + 250).min(text.len()));
                if !context.is_match(&text[start..end]) {
                    continue;
                }
            }
            found.push((m.start(), rule.name, m.as_str().to_owned()));
        }
    }
    found
}

#[test]
fn the_patterns_catch_the_wrong_forms_and_not_the_corrected_ones() {
    let cases = [
        ("§ 20a Abs. 1 AufenthG ist eine Ermessensnorm („kann“).", true),
        ("Das Ermessen steht in § 20a Abs. 1 AufenthG.", true),
        ("Das Ermessen steht in **§ 20a Abs. 3 AufenthG**. Danach „kann“ sie erteilt werden.", false),
        ("§ 20a Abs. 1 AufenthG beschreibt den Zweck: Suche nach Arbeit.", false),
        ("Die Ausländerbehörde erteilt die Vorabzustimmung (§ 31a AufenthV).", true),
        ("title = \"§ 31a AufenthV – Vorabzustimmung im Verfahren\"", true),
        ("Die Vorabzustimmung (§ 81a Abs. 3 AufenthG i. V. m. § 31 Abs. 3 AufenthV) gilt drei Monate.", false),
        ("Nach der Vorabzustimmung vergibt die Auslandsvertretung binnen drei Wochen einen Termin (§ 31a AufenthV).", false),
        ("Die Familie wird einbezogen, wenn die Anträge **gleichzeitig** gestellt werden.", true),
        ("Ehegatten können bei gleichzeitiger\nAntragstellung einbezogen werden.", true),
        ("Ehegatten werden einbezogen, wenn ihre Visumanträge in zeitlichem Zusammenhang gestellt werden (§ 81a Abs. 4 AufenthG).", false),
        ("Die Familie muss nicht gleichzeitig beantragen; ein zeitlicher Zusammenhang genügt.", false),
        ("Gleichzeitig wird der Pass oft mit anderen Pflichten verwechselt.", false),
        ("Freizügigkeitsbescheinigungen gibt es seit dem\n28. Januar 2013 nicht mehr.", true),
        ("keine Freizügigkeitsbescheinigung mehr (seit 28.01.2013)", true),
        ("Seit dem 1. Februar 2013 gibt es keine Freizügigkeitsbescheinigung.", true),
        ("Die Freizügigkeitsbescheinigung wurde mit Wirkung vom 29. Januar 2013 abgeschafft.", false),
        ("keine Freizügigkeitsbescheinigung mehr (seit 29.01.2013)", false),
    ];
    for (text, wrong) in cases {
        assert_eq!(
            !wrong_forms(text).is_empty(),
            wrong,
            "{text}: {:?}",
            wrong_forms(text)
        );
    }
}

fn markdown_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            markdown_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "md") {
            out.push(path);
        }
    }
}

fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset).unwrap_or(text).matches('\n').count() + 1
}

#[test]
fn the_shipped_content_has_none_of_the_four_definite_errors() {
    // LOTSE_CONTENT_DIR checks another copy (e.g. an older revision or an office's own course).
    let root = std::env::var_os("LOTSE_CONTENT_DIR").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../content"),
        PathBuf::from,
    );
    let mut files = Vec::new();
    markdown_files(&root, &mut files);
    files.sort();
    assert!(files.len() > 50, "content/ not found at {}", root.display());
    let mut found = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap_or_default();
        for (offset, rule, matched) in wrong_forms(&text) {
            let rel = file.strip_prefix(&root).unwrap_or(file).display();
            let line = line_of(&text, offset);
            found.push(format!(
                "{rel}:{line}: {rule}: „{}“",
                matched.replace('\n', " ")
            ));
        }
    }
    assert!(
        found.is_empty(),
        "{} wrong forms:\n{}",
        found.len(),
        found.join("\n")
    );
}
