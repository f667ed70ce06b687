//! The `[[sources]]` list of module.md: at least one entry, each with a title and an optional
//! http(s) url.

use toml::de::DeValue;
use toml::Spanned;

use super::fields::{found, Expect, Fields};
use super::model::SourceRef;
use super::problems::error;

impl<'a> Fields<'a> {
    /// The required list; `None` if it or any entry has a problem.
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
}

fn is_http_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && url.len() > "https://".len()
        && !url.chars().any(char::is_whitespace)
}
