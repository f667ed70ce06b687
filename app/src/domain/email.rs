//! Email addresses, normalised to lowercase so lookups and uniqueness agree.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Email(String);

impl Email {
    pub fn parse(input: &str) -> Result<Email, String> {
        let candidate = input.trim().to_lowercase();
        let valid = match candidate.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && local.len() <= 64
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !domain.contains("..")
                    && !candidate.contains(char::is_whitespace)
                    && !domain.contains('@')
                    && candidate.len() <= 254
            }
            None => false,
        };
        if valid {
            Ok(Email(candidate))
        } else {
            Err(format!(
                "„{}“ ist keine gültige E-Mail-Adresse.",
                input.trim()
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Email {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::Email;

    #[test]
    fn normalises_case_and_surrounding_space() {
        assert_eq!(
            Email::parse("  Anna.Schmidt@Kreis-Beispiel.DE ")
                .unwrap()
                .as_str(),
            "anna.schmidt@kreis-beispiel.de"
        );
    }

    #[test]
    fn rejects_malformed_addresses() {
        for bad in [
            "",
            "anna",
            "anna@",
            "@kreis.de",
            "anna@kreis",
            "an na@kreis.de",
            "a@b@c.de",
            "a@.de",
            "a@de.",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad:?} should be rejected");
        }
    }
}
