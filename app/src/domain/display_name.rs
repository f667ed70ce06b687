//! A person's name as it appears on pages and in official mails: one line, at most 100
//! characters, no links (an invitation's name must not smuggle a URL into a mail).

use serde::{Deserialize, Serialize};

pub const MAX_NAME_CHARS: usize = 100;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DisplayName(String);

impl DisplayName {
    pub fn parse(input: &str) -> Result<DisplayName, String> {
        let name = input.trim();
        if name.is_empty() {
            return Err("Bitte geben Sie einen Namen an.".into());
        }
        if name.chars().any(char::is_control) {
            return Err("Der Name muss in einer Zeile stehen (ohne Zeilenumbrüche).".into());
        }
        if name.chars().count() > MAX_NAME_CHARS {
            return Err(format!(
                "Der Name darf höchstens {MAX_NAME_CHARS} Zeichen lang sein."
            ));
        }
        if looks_like_a_link(name) {
            return Err("Der Name darf keine Internetadresse enthalten.".into());
        }
        // Runs of spaces collapse, so a name cannot push text out of view in a mail.
        Ok(DisplayName(
            name.split_whitespace().collect::<Vec<_>>().join(" "),
        ))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn looks_like_a_link(name: &str) -> bool {
    let lower = name.to_lowercase();
    lower.contains("://")
        || lower.contains("www.")
        || lower.contains('@')
        || lower.contains('<')
        || lower.contains('>')
        || lower
            .split(|c: char| c.is_whitespace() || c == '/')
            .any(|word| {
                let word = word.trim_matches(|c: char| !c.is_alphanumeric());
                word.contains('.')
                    && word.rsplit('.').next().is_some_and(|tld| {
                        ["de", "com", "org", "net", "info", "eu", "io", "ru", "xyz"].contains(&tld)
                    })
            })
}

impl std::fmt::Display for DisplayName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_names_are_kept() {
        for name in [
            "Anna Schmidt",
            "Dr. Ayşe Yılmaz-Öztürk",
            "O'Brien, Seán",
            "Frau A. Müller",
        ] {
            assert_eq!(DisplayName::parse(name).unwrap().as_str(), name);
        }
        assert_eq!(
            DisplayName::parse("  Anna   Schmidt ").unwrap().as_str(),
            "Anna Schmidt"
        );
    }

    #[test]
    fn multi_line_long_or_link_names_are_refused() {
        let long = "A".repeat(101);
        for bad in [
            "",
            "   ",
            "Anna\nBitte klicken Sie hier",
            "Anna\r\nSchmidt",
            "Anna\tSchmidt",
            long.as_str(),
            "Anna https://evil.example",
            "Anna www.evil.example",
            "Anna evil-login.de",
            "anna@evil.example",
            "<b>Anna</b>",
        ] {
            assert!(DisplayName::parse(bad).is_err(), "{bad:?}");
        }
        assert!(
            DisplayName::parse(&"Ä".repeat(100)).is_ok(),
            "100 characters, not bytes"
        );
    }
}
