//! Email addresses: an ASCII local part (no homoglyphs) and a domain normalised to its IDNA
//! (punycode) form, all lowercase, so lookups and uniqueness agree and look-alikes differ.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Email(String);

impl Email {
    pub fn parse(input: &str) -> Result<Email, String> {
        let trimmed = input.trim();
        let invalid = || format!("„{trimmed}“ ist keine gültige E-Mail-Adresse.");
        let (local, domain) = trimmed.rsplit_once('@').ok_or_else(invalid)?;
        let local = local.to_ascii_lowercase();
        if !valid_local_part(&local) {
            return Err(invalid());
        }
        let domain = idna::domain_to_ascii_strict(domain).map_err(|_| invalid())?;
        if !valid_domain(&domain) {
            return Err(invalid());
        }
        let email = format!("{local}@{domain}");
        if email.len() > 254 {
            return Err(invalid());
        }
        Ok(Email(email))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// RFC 5322 "dot-atom" in ASCII: no quotes, brackets, spaces or non-ASCII letters.
fn valid_local_part(local: &str) -> bool {
    const SPECIALS: &str = "!#$%&'*+/=?^_`{|}~-";
    !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || SPECIALS.contains(c))
}

/// A host name with at least two labels; no address literals (`[10.0.0.1]`) or numeric TLDs.
fn valid_domain(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.chars().any(|c| c.is_ascii_alphabetic()))
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
    fn international_domains_are_stored_in_punycode() {
        let umlaut = Email::parse("info@Landratsamt-Lörrach.de").unwrap();
        assert!(
            umlaut.as_str().starts_with("info@xn--landratsamt-"),
            "{umlaut}"
        );
        assert!(umlaut.as_str().is_ascii() && umlaut.as_str().ends_with(".de"));
        // A Cyrillic "е" in the domain gives a visibly different address, not a look-alike.
        let lookalike = Email::parse("anna@kreis-bеispiel.de").unwrap();
        assert_ne!(lookalike.as_str(), "anna@kreis-beispiel.de");
        assert!(lookalike.as_str().contains("xn--"), "{lookalike}");
    }

    #[test]
    fn rejects_malformed_bracketed_and_homoglyph_addresses() {
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
            "<anna@kreis.de>",
            "Anna <anna@kreis.de>",
            "anna@[10.0.0.1]",
            "anna@10.0.0.1",
            "\"anna\"@kreis.de",
            "аnna@kreis.de", // Cyrillic "а"
            "änna@kreis.de",
            ".anna@kreis.de",
            "an..na@kreis.de",
            "anna@-kreis.de",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad:?} should be rejected");
        }
    }
}
