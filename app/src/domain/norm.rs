//! Norms (a paragraph of a law, `§ 81a AufenthG`): the laws Lotse knows, their official
//! address on gesetze-im-internet.de, and the natural order of paragraphs
//! (§ 4 < § 4a < § 18 < § 18a < § 81 < § 81a). The citation pattern itself lives in
//! `content::norms`; this is what a recognised citation means.

use std::cmp::Ordering;
use std::fmt;

use serde::{Deserialize, Serialize};

/// The laws citations are recognised for, in the order the Normenverzeichnis lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Law {
    AufenthG,
    AufenthV,
    BeschV,
    AsylG,
    FreizuegG,
    StAG,
    AZRG,
    BQFG,
    VwVfG,
    VwGO,
    SgbII,
    SgbIII,
}

impl Law {
    pub const ALL: &'static [Law] = &[
        Law::AufenthG,
        Law::AufenthV,
        Law::BeschV,
        Law::AsylG,
        Law::FreizuegG,
        Law::StAG,
        Law::AZRG,
        Law::BQFG,
        Law::VwVfG,
        Law::VwGO,
        Law::SgbII,
        Law::SgbIII,
    ];

    /// The abbreviation as cited in the text.
    pub fn name(self) -> &'static str {
        match self {
            Law::AufenthG => "AufenthG",
            Law::AufenthV => "AufenthV",
            Law::BeschV => "BeschV",
            Law::AsylG => "AsylG",
            Law::FreizuegG => "FreizügG/EU",
            Law::StAG => "StAG",
            Law::AZRG => "AZRG",
            Law::BQFG => "BQFG",
            Law::VwVfG => "VwVfG",
            Law::VwGO => "VwGO",
            Law::SgbII => "SGB II",
            Law::SgbIII => "SGB III",
        }
    }

    /// The law's folder on gesetze-im-internet.de.
    pub fn gii_slug(self) -> &'static str {
        match self {
            Law::AufenthG => "aufenthg_2004",
            Law::AufenthV => "aufenthv",
            Law::BeschV => "beschv_2013",
            Law::AsylG => "asylvfg_1992",
            Law::FreizuegG => "freiz_gg_eu_2004",
            Law::StAG => "stag",
            Law::AZRG => "azrg",
            Law::BQFG => "bqfg",
            Law::VwVfG => "vwvfg",
            Law::VwGO => "vwgo",
            Law::SgbII => "sgb_2",
            Law::SgbIII => "sgb_3",
        }
    }

    /// The law's part of Lotse's own addresses (`/normen/aufenthg/81a`).
    pub fn key(self) -> &'static str {
        match self {
            Law::AufenthG => "aufenthg",
            Law::AufenthV => "aufenthv",
            Law::BeschV => "beschv",
            Law::AsylG => "asylg",
            Law::FreizuegG => "freizuegg-eu",
            Law::StAG => "stag",
            Law::AZRG => "azrg",
            Law::BQFG => "bqfg",
            Law::VwVfG => "vwvfg",
            Law::VwGO => "vwgo",
            Law::SgbII => "sgb-ii",
            Law::SgbIII => "sgb-iii",
        }
    }

    /// The law as cited (`AufenthG`, `SGB II` with any kind of space).
    pub fn from_name(name: &str) -> Option<Law> {
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        Law::ALL.iter().copied().find(|l| l.name() == name)
    }

    pub fn from_key(key: &str) -> Option<Law> {
        Law::ALL.iter().copied().find(|l| l.key() == key)
    }

    pub fn from_gii_slug(slug: &str) -> Option<Law> {
        Law::ALL.iter().copied().find(|l| l.gii_slug() == slug)
    }

    /// The law as someone types it into a search box, as lowercase words: `aufenthg`,
    /// `sgb iii`, `freizügg eu`. Returns the law and how many words it took.
    pub fn from_query_words(words: &[&str]) -> Option<(Law, usize)> {
        let first = words.first()?.to_lowercase();
        let second = words.get(1).map(|w| w.to_lowercase());
        let law = match first.as_str() {
            "aufenthg" | "aufenthaltsgesetz" => Law::AufenthG,
            "aufenthv" | "aufenthaltsverordnung" => Law::AufenthV,
            "beschv" | "beschäftigungsverordnung" | "beschaeftigungsverordnung" => Law::BeschV,
            "asylg" | "asylgesetz" => Law::AsylG,
            "freizügg" | "freizuegg" | "freizugg" => {
                let eu = second.as_deref() == Some("eu");
                return Some((Law::FreizuegG, if eu { 2 } else { 1 }));
            }
            "stag" => Law::StAG,
            "azrg" => Law::AZRG,
            "bqfg" => Law::BQFG,
            "vwvfg" => Law::VwVfG,
            "vwgo" => Law::VwGO,
            "sgb" => {
                return match second.as_deref() {
                    Some("ii" | "2") => Some((Law::SgbII, 2)),
                    Some("iii" | "3") => Some((Law::SgbIII, 2)),
                    _ => None,
                }
            }
            _ => return None,
        };
        Some((law, 1))
    }
}

/// A paragraph number with an optional letter (`81`, `81a`), ordered naturally.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Paragraph {
    number: u32,
    letter: Option<char>,
}

impl Paragraph {
    /// `81`, `81a` (also `81A`); nothing else.
    pub fn parse(text: &str) -> Option<Paragraph> {
        let digits = text.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 4 {
            return None;
        }
        let number = text.get(..digits)?.parse().ok()?;
        let mut rest = text.get(digits..)?.chars();
        let letter = match (rest.next(), rest.next()) {
            (None, _) => None,
            (Some(c), None) if c.is_ascii_alphabetic() => Some(c.to_ascii_lowercase()),
            _ => return None,
        };
        Some(Paragraph { number, letter })
    }
}

impl Ord for Paragraph {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.number, self.letter).cmp(&(other.number, other.letter))
    }
}

impl PartialOrd for Paragraph {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Paragraph {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.number)?;
        match self.letter {
            Some(letter) => write!(f, "{letter}"),
            None => Ok(()),
        }
    }
}

/// One paragraph of one law: what a citation points at, whatever Abs./Satz it names.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Norm {
    pub law: Law,
    pub paragraph: Paragraph,
}

impl Norm {
    /// The official text on gesetze-im-internet.de.
    pub fn url(&self) -> String {
        format!(
            "https://www.gesetze-im-internet.de/{}/__{}.html",
            self.law.gii_slug(),
            self.paragraph
        )
    }

    /// Lotse's page of this norm.
    pub fn href(&self) -> String {
        format!("/normen/{}/{}", self.law.key(), self.paragraph)
    }

    /// `§ 81a AufenthG`
    pub fn label(&self) -> String {
        format!("§ {} {}", self.paragraph, self.law.name())
    }

    /// Back from an official address (as the content pipeline links it) to the norm.
    pub fn from_url(url: &str) -> Option<Norm> {
        let rest = url.strip_prefix("https://www.gesetze-im-internet.de/")?;
        let (slug, file) = rest.split_once("/__")?;
        let paragraph = Paragraph::parse(file.strip_suffix(".html")?)?;
        Some(Norm {
            law: Law::from_gii_slug(slug)?,
            paragraph,
        })
    }

    /// From the two parts of `/normen/{law}/{paragraph}`.
    pub fn from_path(law: &str, paragraph: &str) -> Option<Norm> {
        Some(Norm {
            law: Law::from_key(law)?,
            paragraph: Paragraph::parse(paragraph)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(law: Law, p: &str) -> Norm {
        Norm {
            law,
            paragraph: Paragraph::parse(p).unwrap(),
        }
    }

    #[test]
    fn paragraphs_sort_naturally() {
        let mut shuffled = ["81a", "18", "4a", "81", "18a", "4", "100", "18b", "9"];
        shuffled.sort_by_key(|p| Paragraph::parse(p).unwrap());
        assert_eq!(
            shuffled,
            ["4", "4a", "9", "18", "18a", "18b", "81", "81a", "100"]
        );
    }

    #[test]
    fn norms_sort_by_law_first_then_paragraph() {
        let mut norms = [
            norm(Law::BeschV, "6"),
            norm(Law::AufenthG, "81a"),
            norm(Law::AsylG, "55"),
            norm(Law::AufenthG, "4"),
            norm(Law::AufenthV, "39"),
        ];
        norms.sort();
        let labels: Vec<String> = norms.iter().map(Norm::label).collect();
        assert_eq!(
            labels,
            vec![
                "§ 4 AufenthG",
                "§ 81a AufenthG",
                "§ 39 AufenthV",
                "§ 6 BeschV",
                "§ 55 AsylG"
            ]
        );
    }

    #[test]
    fn paragraph_parsing_table() {
        for (input, expected) in [
            ("81", Some("81")),
            ("81a", Some("81a")),
            ("81A", Some("81a")),
            ("0", Some("0")),
            ("", None),
            ("a", None),
            ("81ab", None),
            ("81-", None),
            ("12345", None),
            ("8 1", None),
            ("81ä", None),
        ] {
            assert_eq!(
                Paragraph::parse(input).map(|p| p.to_string()),
                expected.map(str::to_owned),
                "{input:?}"
            );
        }
    }

    #[test]
    fn urls_paths_and_keys_round_trip_for_every_law() {
        for &law in Law::ALL {
            let n = norm(law, "18a");
            assert_eq!(Norm::from_url(&n.url()), Some(n.clone()));
            let href = n.href();
            let (key, para) = href["/normen/".len()..].split_once('/').unwrap();
            assert_eq!(Norm::from_path(key, para), Some(n.clone()));
            assert_eq!(Law::from_name(law.name()), Some(law));
        }
        assert_eq!(
            norm(Law::AufenthG, "81a").url(),
            "https://www.gesetze-im-internet.de/aufenthg_2004/__81a.html"
        );
        assert_eq!(Norm::from_path("aufenthg", "81x1"), None);
        assert_eq!(Norm::from_path("bgb", "1"), None);
        assert_eq!(
            Norm::from_url("https://example.org/aufenthg_2004/__4.html"),
            None
        );
    }

    #[test]
    fn laws_as_typed_into_a_search_box() {
        for (words, expected) in [
            (&["AufenthG"][..], Some((Law::AufenthG, 1))),
            (&["aufenthg", "81"][..], Some((Law::AufenthG, 1))),
            (&["SGB", "III"][..], Some((Law::SgbIII, 2))),
            (&["sgb", "2"][..], Some((Law::SgbII, 2))),
            (&["sgb"][..], None),
            (&["freizügg", "eu"][..], Some((Law::FreizuegG, 2))),
            (&["Aufenthalt"][..], None),
        ] {
            assert_eq!(Law::from_query_words(words), expected, "{words:?}");
        }
    }
}
