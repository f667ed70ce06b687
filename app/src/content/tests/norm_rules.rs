//! Norm citations become links to gesetze-im-internet.de; everything else stays text.

use crate::content::norms::{split, Piece};
use crate::content::render_preview;

fn linked(text: &str) -> Vec<(String, String)> {
    split(text)
        .into_iter()
        .filter_map(|p| match p {
            Piece::Norm { text, url } => Some((text.to_owned(), url)),
            Piece::Text(_) => None,
        })
        .collect()
}

fn one(text: &str, citation: &str, url: &str) {
    assert_eq!(
        linked(text),
        vec![(citation.to_owned(), url.to_owned())],
        "in {text:?}"
    );
}

const G: &str = "https://www.gesetze-im-internet.de";

#[test]
fn the_spec_examples_are_linked() {
    one(
        "nach § 18g AufenthG.",
        "§ 18g AufenthG",
        &format!("{G}/aufenthg_2004/__18g.html"),
    );
    one(
        "§ 81 Abs. 4 Satz 1 AufenthG",
        "§ 81 Abs. 4 Satz 1 AufenthG",
        &format!("{G}/aufenthg_2004/__81.html"),
    );
    one(
        "(§ 28 VwVfG)",
        "§ 28 VwVfG",
        &format!("{G}/vwvfg/__28.html"),
    );
    one(
        "§ 6 BeschV",
        "§ 6 BeschV",
        &format!("{G}/beschv_2013/__6.html"),
    );
    one(
        "§ 16b Abs. 3 AufenthG",
        "§ 16b Abs. 3 AufenthG",
        &format!("{G}/aufenthg_2004/__16b.html"),
    );
}

#[test]
fn every_known_law_maps_to_its_slug() {
    for (law, slug) in [
        ("AufenthG", "aufenthg_2004"),
        ("AufenthV", "aufenthv"),
        ("BeschV", "beschv_2013"),
        ("AsylG", "asylvfg_1992"),
        ("FreizügG/EU", "freiz_gg_eu_2004"),
        ("VwVfG", "vwvfg"),
        ("VwGO", "vwgo"),
        ("StAG", "stag"),
        ("AZRG", "azrg"),
        ("BQFG", "bqfg"),
        ("SGB II", "sgb_2"),
        ("SGB III", "sgb_3"),
    ] {
        let citation = format!("§ 7 {law}");
        one(
            &format!("x {citation}, y"),
            &citation,
            &format!("{G}/{slug}/__7.html"),
        );
    }
}

#[test]
fn optional_parts_and_non_breaking_spaces_are_accepted() {
    one(
        "§\u{a0}5 Abs.\u{a0}1 Nr.\u{a0}1a AufenthG",
        "§\u{a0}5 Abs.\u{a0}1 Nr.\u{a0}1a AufenthG",
        &format!("{G}/aufenthg_2004/__5.html"),
    );
    one(
        "§ 4 Abs. 1 S. 2 AufenthG",
        "§ 4 Abs. 1 S. 2 AufenthG",
        &format!("{G}/aufenthg_2004/__4.html"),
    );
    one(
        "§ 60a Abs. 2 Satz 4 Nr. 3 Buchst. b AufenthG",
        "§ 60a Abs. 2 Satz 4 Nr. 3 Buchst. b AufenthG",
        &format!("{G}/aufenthg_2004/__60a.html"),
    );
    one(
        "§ 25 Abs. 1 bis 3 AufenthG",
        "§ 25 Abs. 1 bis 3 AufenthG",
        &format!("{G}/aufenthg_2004/__25.html"),
    );
    one(
        "§ 18g Abs. 1 Satz 1, Satz 2 oder Abs. 2 AufenthG",
        "§ 18g Abs. 1 Satz 1, Satz 2 oder Abs. 2 AufenthG",
        &format!("{G}/aufenthg_2004/__18g.html"),
    );
}

#[test]
fn sgb_iii_is_not_linked_as_sgb_ii() {
    one(
        "§ 39 SGB III",
        "§ 39 SGB III",
        &format!("{G}/sgb_3/__39.html"),
    );
    one(
        "§ 7 SGB\u{a0}II gilt",
        "§ 7 SGB\u{a0}II",
        &format!("{G}/sgb_2/__7.html"),
    );
    assert!(linked("§ 7 SGB IIa").is_empty());
}

#[test]
fn unknown_laws_and_lookalikes_stay_text() {
    for text in [
        "§ 12 BGG",
        "§ 3 der AZRG-DV",
        "§ 3 AZRG-DV",
        "§ 12d BGG",
        "§ 4 AufenthGebV",
        "§§ 12 ff. BGG",
        "§ 18a oder § 18b",
        "Paragraf 4 AufenthG",
        "§4 AufenthG",
    ] {
        assert!(linked(text).is_empty(), "{text:?} must not be linked");
        assert_eq!(split(text), vec![Piece::Text(text)]);
    }
}

#[test]
fn several_citations_in_one_text_keep_the_text_between() {
    let pieces = split("Nach § 4 AufenthG und § 55 AsylG gilt.");
    assert_eq!(pieces.len(), 5);
    assert_eq!(pieces[0], Piece::Text("Nach "));
    assert_eq!(pieces[2], Piece::Text(" und "));
    assert_eq!(pieces[4], Piece::Text(" gilt."));
}

#[test]
fn rendered_norm_links_carry_the_norm_class_and_whole_citation_text() {
    let (out, _) = render_preview("v.md", "Siehe § 81 Abs. 4 Satz 1 AufenthG.\n");
    assert!(
        out.contains("<a class=\"norm\" href=\"https://www.gesetze-im-internet.de/aufenthg_2004/__81.html\" rel=\"noopener noreferrer\">§ 81 Abs. 4 Satz 1 AufenthG</a>"),
        "{out}"
    );
}

#[test]
fn norms_are_not_linked_inside_links_code_or_code_blocks() {
    let (out, _) = render_preview(
        "v.md",
        "[Lektion zu § 4 AufenthG](https://example.org) `§ 5 AufenthG`\n\n```\n§ 6 AufenthG\n```\n\n![§ 7 AufenthG](https://example.org/b.png)\n",
    );
    assert!(!out.contains("class=\"norm\""), "{out}");
    assert!(out.contains("alt=\"§ 7 AufenthG\""), "{out}");
}

#[test]
fn heading_ids_are_generated_from_text_not_from_norm_links() {
    let (out, _) = render_preview("v.md", "## Die Regel in § 4 AufenthG\n");
    assert!(
        out.contains("<h2 id=\"die-regel-in-4-aufenthg\">Die Regel in <a class=\"norm\""),
        "{out}"
    );
}
