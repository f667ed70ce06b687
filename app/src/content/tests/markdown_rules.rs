//! Rendering: heading ids and TOC, callouts, task lists, tables, footnotes, raw HTML policy,
//! word counts.

use super::support::{assert_problem, load_with};
use crate::content::{render_preview, Level, TocEntry};

fn html(body: &str) -> String {
    render_preview("vorschau.md", body).0
}

#[test]
fn headings_get_german_ascii_ids_deduplicated_with_suffixes() {
    let out = html("## Prüfung der Identität\n\n## Prüfung der Identität\n\n### Straße & Maß!\n\n## Prüfung der Identität\n");
    assert!(out.contains("<h2 id=\"pruefung-der-identitaet\">"), "{out}");
    assert!(
        out.contains("<h2 id=\"pruefung-der-identitaet-2\">"),
        "{out}"
    );
    assert!(
        out.contains("<h2 id=\"pruefung-der-identitaet-3\">"),
        "{out}"
    );
    assert!(out.contains("<h3 id=\"strasse-mass\">"), "{out}");
}

#[test]
fn a_heading_named_like_a_generated_suffix_keeps_ids_unique() {
    let out = html("## A 2\n\n## A\n\n## A\n");
    assert!(out.contains("id=\"a-2\""), "{out}");
    assert!(out.contains("id=\"a-3\""), "{out}");
}

#[test]
fn lessons_get_a_toc_of_h2_and_h3_with_plain_titles() {
    let r = load_with(
        "t/01-m/01-a.md",
        "+++\ntitle = \"x\"\nminutes = 3\n+++\n# Eins\n\n## Nach § 4 AufenthG\n\n### *Detail* `code`\n\n#### Tief\n",
    );
    let toc = &r.course.tracks[0].modules[0].lessons[0].toc;
    assert_eq!(
        toc,
        &vec![
            TocEntry {
                level: 2,
                id: "nach-4-aufenthg".into(),
                title: "Nach § 4 AufenthG".into()
            },
            TocEntry {
                level: 3,
                id: "detail-code".into(),
                title: "Detail code".into()
            },
        ]
    );
}

#[test]
fn callouts_render_as_aside_with_german_titles() {
    let out = html("> [!NOTE]\n> a\n\n> [!TIP]\n> b\n\n> [!WARNING]\n> c\n\n> [!IMPORTANT]\n> d\n\n> [!CAUTION]\n> e\n\n> normal\n");
    assert!(
        out.contains(
            "<aside class=\"callout callout--note\"><p class=\"callout__title\">Hinweis</p>"
        ),
        "{out}"
    );
    assert!(
        out.contains(
            "<aside class=\"callout callout--tip\"><p class=\"callout__title\">Praxistipp</p>"
        ),
        "{out}"
    );
    assert!(
        out.contains(
            "<aside class=\"callout callout--warning\"><p class=\"callout__title\">Achtung</p>"
        ),
        "{out}"
    );
    assert_eq!(
        out.matches("callout--note").count(),
        2,
        "IMPORTANT maps to Hinweis: {out}"
    );
    assert_eq!(
        out.matches("callout--warning").count(),
        2,
        "CAUTION maps to Achtung: {out}"
    );
    assert!(out.contains("<blockquote>"), "{out}");
}

#[test]
fn task_list_markers_are_symbols_with_hidden_text_not_inputs() {
    let out = html("- [x] erledigt\n- [ ] offen\n");
    assert!(!out.contains("<input"), "{out}");
    assert!(out.contains("<span class=\"task\" aria-hidden=\"true\">☑</span><span class=\"visually-hidden\">erledigt:</span>"), "{out}");
    assert!(out.contains("<span class=\"task\" aria-hidden=\"true\">☐</span><span class=\"visually-hidden\">offen:</span>"), "{out}");
}

#[test]
fn tables_are_wrapped_for_scrolling_and_keep_alignment_as_classes() {
    let out = html("| a | b |\n|:-:|--:|\n| 1 | 2 |\n");
    assert!(out.contains("<div class=\"table-scroll\"><table>"), "{out}");
    assert!(out.contains("<th class=\"align-center\">a</th>"), "{out}");
    assert!(out.contains("<td class=\"align-right\">2</td>"), "{out}");
    assert!(!out.contains("style="), "{out}");
}

#[test]
fn footnotes_are_collected_in_a_section_at_the_end() {
    let out = html("Text[^q] mehr[^q].\n\n[^q]: Die Quelle.\n\nSchluss.\n");
    assert!(
        out.contains("<sup class=\"footnote-ref\" id=\"fnref-1\"><a href=\"#fn-1\""),
        "{out}"
    );
    assert!(out.contains("id=\"fnref-1-2\""), "{out}");
    let section = out.find("<section class=\"footnotes\">").expect("section");
    assert!(out.find("Schluss").is_some_and(|s| s < section), "{out}");
    assert!(out.contains("<li id=\"fn-1\"><p>Die Quelle.</p>"), "{out}");
    assert!(
        out.contains("href=\"#fnref-1\" class=\"footnote-back\""),
        "{out}"
    );
}

#[test]
fn an_unused_footnote_is_a_warning_at_its_line() {
    let (_, problems) = render_preview("v.md", "Text.\n\n[^x]: nie benutzt\n");
    assert!(
        problems.iter().any(|p| p.line == 3
            && p.level == Level::Warning
            && p.message.contains("„[^x]“ wird im Text nicht verwendet")),
        "{problems:?}"
    );
}

#[test]
fn strikethrough_and_inline_formatting_render() {
    let out = html("~~alt~~ **fett** *kursiv* `code`\n");
    assert!(out.contains("<del>alt</del>"), "{out}");
    assert!(
        out.contains("<strong>fett</strong>")
            && out.contains("<em>kursiv</em>")
            && out.contains("<code>code</code>"),
        "{out}"
    );
}

#[test]
fn allowed_raw_html_is_kept() {
    let (out, problems) = render_preview("v.md", "<abbr title=\"Aufenthaltsgesetz\">AufenthG</abbr>, <kbd>Strg</kbd>, H<sub>2</sub>O, <mark>x</mark><br>\n");
    assert!(problems.is_empty(), "{problems:?}");
    assert!(
        out.contains("<abbr title=\"Aufenthaltsgesetz\">AufenthG</abbr>"),
        "{out}"
    );
    assert!(
        out.contains("<kbd>Strg</kbd>")
            && out.contains("<sub>2</sub>")
            && out.contains("<mark>x</mark>"),
        "{out}"
    );
}

#[test]
fn other_raw_html_is_dropped_with_a_warning_at_the_file_line() {
    let r = load_with(
        "t/01-m/01-a.md",
        "+++\ntitle = \"x\"\nminutes = 3\n+++\nText\n\n<iframe src=\"https://evil.example\"></iframe>\n\nMehr <span style=\"color:red\">rot</span>\n",
    );
    assert_problem(
        &r,
        "t/01-m/01-a.md",
        7,
        Level::Warning,
        "HTML-Element <iframe> ist nicht erlaubt und wurde entfernt",
    );
    assert_problem(
        &r,
        "t/01-m/01-a.md",
        9,
        Level::Warning,
        "HTML-Element <span> ist nicht erlaubt und wurde entfernt",
    );
    assert!(!r.has_errors());
    let body = &r.course.tracks[0].modules[0].lessons[0].body_html;
    assert!(
        !body.contains("iframe") && !body.contains("style"),
        "{body}"
    );
    assert!(
        body.contains("rot"),
        "text of a dropped inline element stays: {body}"
    );
}

#[test]
fn html_comments_are_dropped_silently() {
    let (out, problems) = render_preview("v.md", "<!-- Notiz für Trainer -->\n\nText\n");
    assert!(problems.is_empty(), "{problems:?}");
    assert!(!out.contains("Notiz"), "{out}");
}

#[test]
fn word_count_counts_rendered_words_not_markup() {
    let r = load_with(
        "t/01-m/01-a.md",
        "+++\ntitle = \"x\"\nminutes = 3\n+++\n## Zwei Wörter\n\n**Drei** [fette](https://example.org) Wörter – § 4 AufenthG.\n\n| a | b |\n|---|---|\n\n<!-- unsichtbar bleibt ungezählt -->\n",
    );
    // Zwei Wörter (2) + Drei fette Wörter (3) + 4 AufenthG (2; "§" and "–" are no words) + a b (2)
    assert_eq!(r.course.tracks[0].modules[0].lessons[0].word_count, 9);
}

#[test]
fn module_and_track_intros_are_rendered() {
    let r = load_with("t/track.md", "+++\ntitle = \"T\"\nsummary = \"S\"\norder = 1\n+++\n## Willkommen\n\nNach § 4 AufenthG.\n");
    let track = &r.course.tracks[0];
    assert!(
        track.intro_html.contains("<h2 id=\"willkommen\">"),
        "{}",
        track.intro_html
    );
    assert!(
        track.intro_html.contains("class=\"norm\""),
        "{}",
        track.intro_html
    );
    assert!(track.modules[0].intro_html.contains("<p>Modultext.</p>"));
}
