//! Lesson HTML back to text for search: blocks, entities, decoration, citations, sentences.

use crate::content::plain_text::{from_html, sentence_around};
use crate::content::render_preview;

#[test]
fn rendered_markdown_becomes_lines_of_text_without_decoration() {
    let (html, _) = render_preview(
        "v.md",
        "## Die Regel\n\nText mit *Betonung* & „Zitat“[^1].\n\n- [x] Pass geprüft\n- Zweiter Punkt\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n> [!TIP]\n> Tipp hier.\n\n[^1]: Die Fußnote.\n",
    );
    let plain = from_html(&html);
    assert_eq!(
        plain.text,
        "Die Regel\nText mit Betonung & „Zitat“.\nPass geprüft\nZweiter Punkt\nA\nB\n1\n2\nTipp hier.\nDie Fußnote.",
        "{html}"
    );
}

#[test]
fn linked_citations_are_found_with_their_text_and_norm() {
    let (html, _) = render_preview(
        "v.md",
        "Nach § 81 Abs. 4 AufenthG gilt der Titel fort. Siehe auch § 6 BeschV.\n\n`§ 5 AufenthG` ist Code.\n",
    );
    let plain = from_html(&html);
    let found: Vec<(String, &str)> = plain
        .citations
        .iter()
        .map(|(norm, range)| (norm.label(), &plain.text[range.clone()]))
        .collect();
    assert_eq!(
        found,
        vec![
            ("§ 81 AufenthG".to_owned(), "§ 81 Abs. 4 AufenthG"),
            ("§ 6 BeschV".to_owned(), "§ 6 BeschV"),
        ]
    );
}

#[test]
fn entities_and_stray_markup_never_panic() {
    for html in [
        "",
        "<",
        "<p",
        "a &amp b &#xZZ; &#99999999; &; &lt;p&gt;",
        "</p></div>text",
        "<a class=\"norm\" href=\"https://www.gesetze-im-internet.de/aufenthg_2004/__4.html\">§ 4",
        "<p>ä&nbsp;ö</p>",
    ] {
        let plain = from_html(html);
        assert!(plain.text.len() <= html.len() * 4);
    }
    assert_eq!(
        from_html("a &amp; b &lt;p&gt; &#228;&#xFC;").text,
        "a & b <p> äü"
    );
}

#[test]
fn the_sentence_around_a_citation_ignores_abbreviations_and_dates() {
    let text = "Erster Satz. Nach § 81 Abs. 4 AufenthG gilt z. B. der Titel bis zum 1. März fort. Dritter Satz.\nNeue Zeile.";
    let at = text.find("§ 81").unwrap();
    let range = at..at + "§ 81 Abs. 4 AufenthG".len();
    assert_eq!(
        sentence_around(text, range),
        "Nach § 81 Abs. 4 AufenthG gilt z. B. der Titel bis zum 1. März fort."
    );
    let text = "Nur eine Zeile mit § 4 AufenthG";
    let at = text.find('§').unwrap();
    assert_eq!(sentence_around(text, at..text.len()), text);
}

#[test]
fn very_long_sentences_are_cut_around_the_citation() {
    let text = format!(
        "{} § 4 AufenthG {}.",
        "wort ".repeat(200),
        "öäü ".repeat(200)
    );
    let at = text.find('§').unwrap();
    let sentence = sentence_around(&text, at..at + "§ 4 AufenthG".len());
    assert!(
        sentence.contains("§ 4 AufenthG") && sentence.len() <= 330,
        "{sentence}"
    );
}
