//! URL slugs: lowercase ASCII letters, digits and single inner hyphens.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Slug(String);

impl Slug {
    pub fn parse(input: &str) -> Result<Slug, String> {
        let ok = !input.is_empty()
            && input.len() <= 80
            && input
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !input.starts_with('-')
            && !input.ends_with('-')
            && !input.contains("--");
        if ok {
            Ok(Slug(input.to_owned()))
        } else {
            Err(format!(
                "„{input}“ ist kein gültiger Kurzname: erlaubt sind Kleinbuchstaben a–z, Ziffern \
                 und einzelne Bindestriche (Umlaute bitte ausschreiben, z. B. „ue“)."
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Slug {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::Slug;

    #[test]
    fn accepts_plain_slugs() {
        assert_eq!(
            Slug::parse("blaue-karte-2").unwrap().as_str(),
            "blaue-karte-2"
        );
    }

    #[test]
    fn rejects_umlauts_uppercase_and_stray_hyphens() {
        for bad in [
            "",
            "Überblick",
            "ueber blick",
            "-a",
            "a-",
            "a--b",
            "a_b",
            "ä",
        ] {
            assert!(Slug::parse(bad).is_err(), "{bad:?} should be rejected");
        }
    }
}
