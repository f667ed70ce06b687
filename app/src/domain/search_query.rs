//! What someone typed into the search box, read leniently: words, and norm citations in the
//! forms people type them (`§ 81a`, `§81a`, `81a AufenthG`, `§ 81 Abs. 4`, `AufenthG § 4`).
//! Search syntax (`"`, `(`, `:`, `*`, `AND`) is not interpreted: such characters separate words,
//! operators are dropped, so no input can make a query fail. Also the German folding of words
//! (umlauts and their ASCII spellings) that the index and the query both apply.

use super::norm::{Law, Paragraph};

/// Longer input is cut (a pasted paragraph still searches for its beginning).
pub const MAX_QUERY_CHARS: usize = 200;
/// Words beyond this are ignored.
pub const MAX_WORDS: usize = 10;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchQuery {
    /// Words as typed (the search index analyses them itself).
    pub words: Vec<String>,
    pub norms: Vec<NormQuery>,
    /// The input was cut to `MAX_QUERY_CHARS` or `MAX_WORDS`.
    pub shortened: bool,
}

impl SearchQuery {
    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.norms.is_empty()
    }
}

/// A cited paragraph; without a law any law's paragraph of that number matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NormQuery {
    pub law: Option<Law>,
    pub paragraph: Paragraph,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Section,
    Word(String),
}

/// Reads the input; never fails.
pub fn parse(raw: &str) -> SearchQuery {
    let cut: String = raw.chars().take(MAX_QUERY_CHARS).collect();
    let mut query = SearchQuery {
        shortened: raw.chars().nth(MAX_QUERY_CHARS).is_some(),
        ..SearchQuery::default()
    };
    let tokens = scan(&cut);
    let mut i = 0;
    while i < tokens.len() {
        if let Some((norm, next)) = norm_at(&tokens, i) {
            if !query.norms.contains(&norm) {
                query.norms.push(norm);
            }
            i = next;
            continue;
        }
        if let Some(Token::Word(word)) = tokens.get(i) {
            if !matches!(word.as_str(), "AND" | "OR" | "NOT") {
                if query.words.len() < MAX_WORDS {
                    query.words.push(word.clone());
                } else {
                    query.shortened = true;
                }
            }
        }
        i += 1;
    }
    query
}

fn scan(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            word.push(c);
            continue;
        }
        if !word.is_empty() {
            tokens.push(Token::Word(std::mem::take(&mut word)));
        }
        if c == '§' && tokens.last() != Some(&Token::Section) {
            tokens.push(Token::Section);
        }
    }
    if !word.is_empty() {
        tokens.push(Token::Word(word));
    }
    tokens
}

fn word(tokens: &[Token], i: usize) -> Option<&str> {
    match tokens.get(i) {
        Some(Token::Word(w)) => Some(w),
        _ => None,
    }
}

/// A norm starting at token `i`, and the index after it.
fn norm_at(tokens: &[Token], i: usize) -> Option<(NormQuery, usize)> {
    match tokens.get(i)? {
        Token::Section => {
            let paragraph = Paragraph::parse(word(tokens, i + 1)?)?;
            let (law, next) = law_after(tokens, i + 2);
            Some((NormQuery { law, paragraph }, next))
        }
        Token::Word(w) => {
            if let Some(paragraph) = Paragraph::parse(w) {
                // Without `§` a number is a norm only when a law follows: "81a AufenthG".
                let (law, next) = law_after(tokens, i + 1);
                return law.map(|law| {
                    let law = Some(law);
                    (NormQuery { law, paragraph }, next)
                });
            }
            // "AufenthG 81a", "AufenthG § 81a"
            let (law, taken) = Law::from_query_words(&words_from(tokens, i))?;
            let mut at = i + taken;
            if tokens.get(at) == Some(&Token::Section) {
                at += 1;
            }
            let paragraph = Paragraph::parse(word(tokens, at)?)?;
            let (_, next) = law_after(tokens, at + 1);
            Some((
                NormQuery {
                    law: Some(law),
                    paragraph,
                },
                next,
            ))
        }
    }
}

fn words_from(tokens: &[Token], i: usize) -> Vec<&str> {
    (i..tokens.len().min(i + 2))
        .map_while(|j| word(tokens, j))
        .collect()
}

/// Skips `Abs. 3`, `Satz 1`, `Nr. 2`, `Buchst. b` and reads the law after them, if any.
fn law_after(tokens: &[Token], mut i: usize) -> (Option<Law>, usize) {
    while let (Some(part), Some(_)) = (word(tokens, i), word(tokens, i + 1)) {
        let part = part.to_lowercase();
        if !matches!(
            part.as_str(),
            "abs" | "absatz" | "satz" | "s" | "nr" | "nummer" | "buchst" | "buchstabe"
        ) {
            break;
        }
        i += 2;
    }
    match Law::from_query_words(&words_from(tokens, i)) {
        Some((law, taken)) => (Some(law), i + taken),
        None => (None, i),
    }
}

/// Results per page.
pub const PAGE_SIZE: usize = 20;

/// The address of a results page: `/suche?q=Blaue%20Karte&seite=2` (page 1 has no `seite`).
pub fn search_href(query: &str, page: usize) -> String {
    let q: String = query
        .bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            other => format!("%{other:02X}"),
        })
        .collect();
    if page > 1 {
        format!("/suche?q={q}&seite={page}")
    } else {
        format!("/suche?q={q}")
    }
}

/// German folding for search terms, applied to lowercase, stemmed words in the index and in
/// the query alike: umlauts and their ASCII spellings become the plain vowel (`fachkräft`,
/// `fachkraeft` and `fachkraft` are one term), `ß` becomes `ss`. Applied after stemming, so
/// the stemmer still sees real umlauts; a few unrelated words share a term (`quell` and
/// `qull`), which costs nothing in a curriculum this size.
pub fn fold(term: &str) -> String {
    let mut out = String::with_capacity(term.len());
    let mut chars = term.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            'ä' => out.push('a'),
            'ö' => out.push('o'),
            'ü' => out.push('u'),
            'ß' => out.push_str("ss"),
            'a' | 'o' | 'u' if chars.peek() == Some(&'e') => {
                out.push(c);
                chars.next();
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(input: &str) -> Vec<String> {
        parse(input)
            .norms
            .iter()
            .map(|n| match n.law {
                Some(law) => format!("{} {}", n.paragraph, law.name()),
                None => n.paragraph.to_string(),
            })
            .collect()
    }

    #[test]
    fn norm_citations_as_people_type_them() {
        for (input, expected, words) in [
            ("§ 81a", vec!["81a"], vec![]),
            ("§81a", vec!["81a"], vec![]),
            ("§§ 81a", vec!["81a"], vec![]),
            ("81a AufenthG", vec!["81a AufenthG"], vec![]),
            ("§ 81a Abs. 3", vec!["81a"], vec![]),
            ("§ 81 Abs. 4 Satz 1 AufenthG", vec!["81 AufenthG"], vec![]),
            ("AufenthG § 4", vec!["4 AufenthG"], vec![]),
            ("aufenthg 18b", vec!["18b AufenthG"], vec![]),
            ("§ 39 SGB III", vec!["39 SGB III"], vec![]),
            (
                "§ 6 BeschV Westbalkan",
                vec!["6 BeschV"],
                vec!["Westbalkan"],
            ),
            ("Fiktion § 81 Abs. 4", vec!["81"], vec!["Fiktion"]),
            ("81a", vec![], vec!["81a"]),
            ("AufenthG", vec![], vec!["AufenthG"]),
            ("§ Fiktion", vec![], vec!["Fiktion"]),
            ("§ 4 und § 4", vec!["4"], vec!["und"]),
        ] {
            let parsed = parse(input);
            assert_eq!(norms(input), expected, "{input:?}");
            assert_eq!(parsed.words, words, "{input:?}");
        }
    }

    #[test]
    fn search_syntax_only_separates_words() {
        for (input, words) in [
            ("\"Blaue Karte\"", vec!["Blaue", "Karte"]),
            ("(Duldung", vec!["Duldung"]),
            ("titel:Duldung", vec!["titel", "Duldung"]),
            ("Fikt*", vec!["Fikt"]),
            (
                "Duldung AND Beschäftigung",
                vec!["Duldung", "Beschäftigung"],
            ),
            ("NOT OR AND", vec![]),
            ("\"", vec![]),
            ("", vec![]),
            ("   ", vec![]),
            ("-:()*~^", vec![]),
        ] {
            assert_eq!(parse(input).words, words, "{input:?}");
        }
        assert!(parse("\"(:*").is_empty());
    }

    #[test]
    fn long_input_is_cut_not_refused() {
        let long = "Karte ".repeat(400);
        let parsed = parse(&long);
        assert!(parsed.shortened);
        assert_eq!(parsed.words.len(), MAX_WORDS);
        let one_word = "a".repeat(2000);
        let parsed = parse(&one_word);
        assert!(parsed.shortened);
        assert_eq!(parsed.words, vec!["a".repeat(MAX_QUERY_CHARS)]);
        assert!(!parse("Blaue Karte").shortened);
    }

    #[test]
    fn result_pages_have_stable_addresses() {
        assert_eq!(search_href("Blaue Karte", 1), "/suche?q=Blaue%20Karte");
        assert_eq!(
            search_href("§ 81a & mehr", 3),
            "/suche?q=%C2%A7%2081a%20%26%20mehr&seite=3"
        );
    }

    #[test]
    fn umlauts_and_their_spellings_fold_to_one_term() {
        for (input, expected) in [
            ("fachkräft", "fachkraft"),
            ("fachkraeft", "fachkraft"),
            ("fachkraft", "fachkraft"),
            ("größ", "gross"),
            ("groess", "gross"),
            ("übermittlung", "ubermittlung"),
            ("uebermittlung", "ubermittlung"),
            ("öffentlich", "offentlich"),
            ("oeffentlich", "offentlich"),
            ("81a", "81a"),
            ("", ""),
        ] {
            assert_eq!(fold(input), expected, "{input:?}");
        }
    }
}
