//! Reads typed keys from parsed front matter, reporting unknown, missing and mistyped keys at
//! the line where the trainer has to fix them.

use chrono::NaiveDate;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

use super::frontmatter::Split;
use super::model::Problem;
use super::problems::{error, LineIndex};

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

pub(crate) fn found(value: &DeValue<'_>) -> &'static str {
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

/// The toml crate reports in English; the frequent cases get a German hint, the rest is quoted.
fn toml_hint(message: &str) -> String {
    let first = message.lines().next().unwrap_or("").trim();
    let hints = [
        (
            "string values must be quoted",
            "Texte müssen in Anführungszeichen stehen",
        ),
        (
            "invalid basic string",
            "die Zeichenkette wird nicht mit \" abgeschlossen",
        ),
        ("duplicate key", "der Schlüssel kommt doppelt vor"),
        ("unclosed", "eine Klammer wird nicht geschlossen"),
        ("extra `=`", "ein Gleichheitszeichen zu viel"),
        (
            "invalid unquoted key",
            "ungültiger Schlüsselname: nur a–z, Ziffern, - und _",
        ),
        ("expected `=`", "nach dem Schlüssel fehlt „=“"),
    ];
    hints
        .iter()
        .find(|(english, _)| first.contains(english))
        .map_or_else(
            || format!("Meldung des TOML-Lesers: {first}"),
            |(_, german)| (*german).to_owned(),
        )
}

/// Parsed front matter plus the problems found while reading keys from it.
pub(crate) struct Fields<'a> {
    pub file: &'a str,
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
                let detail = toml_hint(e.message());
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

    pub(crate) fn line_of<T>(&self, spanned: &Spanned<T>) -> u32 {
        self.lines.line(spanned.span().start)
    }

    pub(crate) fn entry(&self, key: &str) -> Option<(u32, &Spanned<DeValue<'a>>)> {
        self.table
            .iter()
            .find(|(k, _)| k.get_ref().as_ref() == key)
            .map(|(k, v)| (self.line_of(k), v))
    }

    pub(crate) fn missing(&mut self, key: &str, expect: Expect) {
        let msg = format!(
            "Pflichtangabe „{key}“ fehlt in den Kopfdaten: Ergänzen Sie „{key} = …“ – \
             erwartet wird {}.",
            expect.describe()
        );
        self.problems.push(error(self.file, self.open_line, msg));
    }

    pub(crate) fn wrong(&mut self, line: u32, key: &str, expect: Expect, value: &DeValue<'_>) {
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
