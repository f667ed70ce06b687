//! The German analyzer of the search index, used for lesson text and queries alike: words,
//! lowercase, without stop words, Snowball-stemmed, then folded (`domain::search_query::fold`),
//! so "Aufenthaltstitels" finds "Aufenthaltstitel" and "Fachkraefte" finds "Fachkräfte".

use tantivy::tokenizer::{
    Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, StopWordFilter, TextAnalyzer,
    Token, TokenFilter, TokenStream, Tokenizer,
};

use crate::domain::search_query::fold;

/// The name the analyzer is registered under in the index.
pub const GERMAN: &str = "lotse_de";

pub fn german() -> TextAnalyzer {
    let builder = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(48))
        .filter(LowerCaser);
    match StopWordFilter::new(Language::German) {
        Some(stop_words) => builder
            .filter(stop_words)
            .filter(Stemmer::new(Language::German))
            .filter(Fold)
            .build(),
        None => builder
            .filter(Stemmer::new(Language::German))
            .filter(Fold)
            .build(),
    }
}

/// The terms `text` becomes in the index (in order, duplicates kept).
pub fn terms(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut stream = analyzer.token_stream(text);
    let mut terms = Vec::new();
    while stream.advance() {
        terms.push(stream.token().text.clone());
    }
    terms
}

#[derive(Clone)]
struct Fold;

impl TokenFilter for Fold {
    type Tokenizer<T: Tokenizer> = FoldFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> FoldFilter<T> {
        FoldFilter { inner: tokenizer }
    }
}

#[derive(Clone)]
pub struct FoldFilter<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for FoldFilter<T> {
    type TokenStream<'a> = FoldStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        FoldStream {
            tail: self.inner.token_stream(text),
        }
    }
}

pub struct FoldStream<T> {
    tail: T,
}

impl<T: TokenStream> TokenStream for FoldStream<T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if !token.text.is_ascii() || token.text.contains('e') {
            token.text = fold(&token.text);
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(word: &str) -> String {
        terms(&mut german(), word).join(" ")
    }

    #[test]
    fn spellings_of_one_word_become_one_term() {
        for group in [
            &[
                "Fachkräfte",
                "Fachkraefte",
                "Fachkrafte",
                "FACHKRÄFTE",
                "Fachkraft",
            ][..],
            &["Aufenthaltstitel", "Aufenthaltstitels", "aufenthaltstitel"][..],
            &["Übermittlung", "Uebermittlung", "Ubermittlung"][..],
            &["Gebühr", "Gebühren", "Gebuehren"][..],
            &["Straße", "Strasse"][..],
        ] {
            let expected = one(group[0]);
            assert!(!expected.is_empty());
            for word in group {
                assert_eq!(one(word), expected, "{word} vs {}", group[0]);
            }
        }
    }

    #[test]
    fn stop_words_vanish_and_numbers_stay() {
        assert_eq!(
            terms(&mut german(), "der die das und"),
            Vec::<String>::new()
        );
        assert_eq!(one("81a"), "81a");
        assert!(one("Fiktionsbescheinigung").starts_with(&one("Fiktion")));
    }
}
