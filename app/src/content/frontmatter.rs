//! Splits the `+++` TOML front matter from the body and reads typed keys from it, reporting
//! unknown, missing and mistyped keys at the line where the trainer has to fix them.

use chrono::NaiveDate;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

use super::model::{Problem, SourceRef};
use super::problems::{error, LineIndex};

/// A file cut into front matter and body, with the line numbers both start at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Split<'a> {
    pub toml: &'a str,
    /// Line of the first TOML line (the one after the opening `+++`).
    pub toml_line: u32,
    /// Line of the closing `+++`.
    pub close_line: u32,
    pub body: &'a str,
    /// Line of the first body line.
    pub body_line: u32,
}

fn is_fence(line: &str) -> bool {
    line.trim_end() == "+++"
}

/// Cuts `text` at the `+++` lines. The opening fence must be the very first line; a leading
/// byte-order mark is tolerated because some Windows editors add one.
pub(crate) fn split<'a>(file: &str, text: &'a str) -> Result<Split<'a>, Problem> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if !is_fence(first) {
        return Err(error(
            file,
            1,
            "Die Datei muss mit einer Zeile „+++“ beginnen, gefolgt von den Kopfdaten im \
             TOML-Format und einer weiteren Zeile „+++“.",
        ));
    }
    let toml_start = first.len();
    let mut offset = toml_start;
    let mut line_no = 2u32;
    for line in lines {
        if is_fence(line) {
            let body_start = offset + line.len();
            return Ok(Split {
                toml: text.get(toml_start..offset).unwrap_or(""),
                toml_line: 2,
                close_line: line_no,
                body: text.get(body_start..).unwrap_or(""),
                body_line: line_no.saturating_add(1),
            });
        }
        offset += line.len();
        line_no = line_no.saturating_add(1);
    }
    Err(error(
        file,
        1,
        "Die Kopfdaten werden nicht abgeschlossen: Fügen Sie nach den Kopfdaten eine Zeile \
         „+++“ ein.",
    ))
}

/// What a key must hold, for the German messages.
#[derive(Clone, Copy)]
pub(crate) enum Expect {
    Text,
    Integer,
    PositiveInteger,
    Percent,
    Date,
    Sources,
}

impl Expect {
    fn describe(self) -> &'static str {
        match self {
            Expect::Text => "eine Zeichenkette in Anführungszeichen (z. B. \"…\")",
            Expect::Integer => "eine ganze Zahl (ohne Anführungszeichen)",
            Expect::PositiveInteger => "eine ganze Zahl größer als 0 (ohne Anführungszeichen)",
            Expect::Percent => "eine ganze Zahl von 1 bis 100 (ohne Anführungszeichen)",
            Expect::Date => {
                "ein Datum ohne Anführungszeichen im Format JJJJ-MM-TT (z. B. 2026-01-01)"
            }
            Expect::Sources => {
                "eine Liste von Quellen: Abschnitte „[[sources]]“ mit title und optional url"
            }
        }
    }
}

fn found(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "Zeichenkette",
        DeValue::Integer(_) => "ganze Zahl",
        DeValue::Float(_) => "Kommazahl",
        DeValue::Boolean(_) => "Wahrheitswert",
        DeValue::Datetime(_) => "Datum/Uhrzeit",
        DeValue::Array(_) => "Liste",
        DeValue::Table(_) => "Tabelle",
    }
}

/// Parsed front matter plus the problems found while reading keys from it.
pub(crate) struct Fields<'a> {
    file: &'a str,
    table: DeTable<'a>,
    lines: LineIndex,
    open_line: u32,
    pub problems: Vec<Problem>,
}

impl<'a> Fields<'a> {
    /// Parses the TOML; a syntax error is reported at the line of its span.
    pub(crate) fn parse(file: &'a str, split: &Split<'a>) -> Result<Self, Problem> {
        let lines = LineIndex::new(split.toml, split.toml_line);
        match DeTable::parse(split.toml) {
            Ok(table) => Ok(Fields {
                file,
                table: table.into_inner(),
                lines,
                open_line: 1,
                problems: Vec::new(),
            }),
            Err(e) => {
                let line = e
                    .span()
                    .map(|s| lines.line(s.start))
                    .unwrap_or(split.toml_line);
                let detail = e.message().lines().next().unwrap_or("").trim().to_owned();
                Err(error(
                    file,
                    line,
                    format!(
                        "Die Kopfdaten sind kein gültiges TOML ({detail}). Prüfen Sie in dieser \
                         Zeile Anführungszeichen, Gleichheitszeichen und Klammern."
                    ),
                ))
            }
        }
    }

    fn line_of<T>(&self, spanned: &Spanned<T>) -> u32 {
        self.lines.line(spanned.span().start)
    }

    fn entry(&self, key: &str) -> Option<(u32, &Spanned<DeValue<'a>>)> {
        self.table
            .iter()
            .find(|(k, _)| k.get_ref().as_ref() == key)
            .map(|(k, v)| (self.line_of(k), v))
    }

    fn missing(&mut self, key: &str, expect: Expect) {
        let msg = format!(
            "Pflichtangabe „{key}“ fehlt in den Kopfdaten: Ergänzen Sie „{key} = …“ – \
             erwartet wird {}.",
            expect.describe()
        );
        self.problems.push(error(self.file, self.open_line, msg));
    }

    fn wrong(&mut self, line: u32, key: &str, expect: Expect, value: &DeValue<'_>) {
        let msg = format!(
            "„{key}“ muss {} sein, gefunden: {}.",
            expect.describe(),
            found(value)
        );
        self.problems.push(error(self.file, line, msg));
    }

    /// A required, non-empty string.
    pub(crate) fn text(&mut self, key: &str) -> Option<String> {
        let Some((line, value)) = self.entry(key) else {
            self.missing(key, Expect::Text);
            return None;
        };
        match value.get_ref() {
            DeValue::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
            DeValue::String(_) => {
                let msg = format!("„{key}“ darf nicht leer sein: Tragen Sie einen Text ein.");
                self.problems.push(error(self.file, line, msg));
                None
            }
            other => {
                let other = other.clone();
                self.wrong(line, key, Expect::Text, &other);
                None
            }
        }
    }

    /// An integer in `min..=max`; `None` for a missing optional key.
    pub(crate) fn integer(&mut self, key: &str, expect: Expect, required: bool) -> Option<i64> {
        let (min, max) = match expect {
            Expect::PositiveInteger => (1, i64::MAX),
            Expect::Percent => (1, 100),
            _ => (i64::MIN, i64::MAX),
        };
        let Some((line, value)) = self.entry(key) else {
            if required {
                self.missing(key, expect);
            }
            return None;
        };
        let parsed = match value.get_ref() {
            DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix()).ok(),
            _ => None,
        };
        match parsed {
            Some(n) if (min..=max).contains(&n) => Some(n),
            _ => {
                let value = value.get_ref().clone();
                self.wrong(line, key, expect, &value);
                None
            }
        }
    }

    /// A required TOML local date; returns the line of the key for follow-up checks.
    pub(crate) fn date(&mut self, key: &str) -> Option<(NaiveDate, u32)> {
        let Some((line, value)) = self.entry(key) else {
            self.missing(key, Expect::Date);
            return None;
        };
        let date = match value.get_ref() {
            DeValue::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => dt
                .date
                .and_then(|d| NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into())),
            _ => None,
        };
        if date.is_none() {
            let value = value.get_ref().clone();
            self.wrong(line, key, Expect::Date, &value);
        }
        date.map(|d| (d, line))
    }

    /// The required `[[sources]]` list: at least one entry, each with a title and an optional
    /// http(s) url.
    pub(crate) fn sources(&mut self) -> Option<Vec<SourceRef>> {
        const KEY: &str = "sources";
        let Some((line, value)) = self.entry(KEY) else {
            self.missing(KEY, Expect::Sources);
            return None;
        };
        let Some(items) = value.get_ref().as_array() else {
            let value = value.get_ref().clone();
            self.wrong(line, KEY, Expect::Sources, &value);
            return None;
        };
        if items.is_empty() {
            let msg = "„sources“ braucht mindestens eine Quelle: Ergänzen Sie einen Abschnitt \
                       „[[sources]]“ mit title = \"…\".";
            self.problems.push(error(self.file, line, msg));
            return None;
        }
        let items: Vec<Spanned<DeValue<'a>>> = items.iter().cloned().collect();
        let mut sources = Vec::new();
        let mut ok = true;
        for (n, item) in items.iter().enumerate() {
            match self.source(n + 1, item) {
                Some(s) => sources.push(s),
                None => ok = false,
            }
        }
        ok.then_some(sources)
    }

    fn source(&mut self, n: usize, item: &Spanned<DeValue<'a>>) -> Option<SourceRef> {
        let item_line = self.line_of(item);
        let Some(table) = item.get_ref().as_table() else {
            let msg = format!(
                "Quelle Nr. {n} muss ein Abschnitt „[[sources]]“ mit title und optional url sein."
            );
            self.problems.push(error(self.file, item_line, msg));
            return None;
        };
        let mut title = None;
        let mut url = None;
        let mut ok = true;
        for (key, value) in table.iter() {
            let line = self.line_of(key);
            let text = value.get_ref().as_str().map(str::trim);
            match (key.get_ref().as_ref(), text) {
                ("title", Some(t)) if !t.is_empty() => title = Some(t.to_owned()),
                ("url", Some(u)) if is_http_url(u) => url = Some(u.to_owned()),
                ("url", Some(u)) => {
                    ok = false;
                    let msg = format!(
                        "Quelle Nr. {n}: „url“ muss mit http:// oder https:// beginnen, \
                         gefunden: „{u}“."
                    );
                    self.problems.push(error(self.file, line, msg));
                }
                (k @ ("title" | "url"), _) => {
                    ok = false;
                    let msg = format!(
                        "Quelle Nr. {n}: „{k}“ muss {} sein, gefunden: {}.",
                        if k == "title" {
                            "ein nicht leerer Text in Anführungszeichen"
                        } else {
                            "eine Adresse in Anführungszeichen"
                        },
                        found(value.get_ref())
                    );
                    self.problems.push(error(self.file, line, msg));
                }
                (other, _) => {
                    ok = false;
                    let msg = format!(
                        "Quelle Nr. {n}: Unbekannter Schlüssel „{other}“ – erlaubt sind nur \
                         title und url."
                    );
                    self.problems.push(error(self.file, line, msg));
                }
            }
        }
        if title.is_none() && !table.iter().any(|(k, _)| k.get_ref().as_ref() == "title") {
            ok = false;
            let msg = format!(
                "Quelle Nr. {n} hat keinen Titel: Ergänzen Sie title = \"…\" unter „[[sources]]“."
            );
            self.problems.push(error(self.file, item_line, msg));
        }
        match (ok, title) {
            (true, Some(title)) => Some(SourceRef { title, url }),
            _ => None,
        }
    }

    /// Reports every key not in `allowed` and returns all problems found so far.
    pub(crate) fn finish(mut self, allowed: &[&str]) -> Vec<Problem> {
        let unknown: Vec<(u32, String)> = self
            .table
            .iter()
            .filter(|(k, _)| !allowed.contains(&k.get_ref().as_ref()))
            .map(|(k, _)| (self.line_of(k), k.get_ref().to_string()))
            .collect();
        for (line, key) in unknown {
            let msg = format!(
                "Unbekannter Schlüssel „{key}“ in den Kopfdaten: Entfernen Sie ihn oder \
                 korrigieren Sie die Schreibweise – erlaubt sind: {}.",
                allowed.join(", ")
            );
            self.problems.push(error(self.file, line, msg));
        }
        self.problems.sort_by_key(|p| p.line);
        self.problems
    }
}

fn is_http_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && url.len() > "https://".len()
        && !url.chars().any(char::is_whitespace)
}
