//! HTML the renderer emits itself (callouts, task markers, table wrappers, footnotes). Kept in
//! one place because the sanitiser's allow-list in `sanitize.rs` must match it.

use pulldown_cmark::{Alignment, BlockQuoteKind};

pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// IMPORTANT and CAUTION have no own style; they map to the nearest of the three we have.
pub(crate) fn callout_open(kind: BlockQuoteKind) -> &'static str {
    match kind {
        BlockQuoteKind::Note | BlockQuoteKind::Important => {
            "<aside class=\"callout callout--note\"><p class=\"callout__title\">Hinweis</p>\n"
        }
        BlockQuoteKind::Tip => {
            "<aside class=\"callout callout--tip\"><p class=\"callout__title\">Praxistipp</p>\n"
        }
        BlockQuoteKind::Warning | BlockQuoteKind::Caution => {
            "<aside class=\"callout callout--warning\"><p class=\"callout__title\">Achtung</p>\n"
        }
    }
}

pub(crate) const CALLOUT_CLOSE: &str = "</aside>\n";

/// A checkbox would be an unlabelled form control; a symbol plus hidden text reads well.
pub(crate) fn task_marker(done: bool) -> &'static str {
    if done {
        "<span class=\"task\" aria-hidden=\"true\">☑</span><span class=\"visually-hidden\">erledigt:</span> "
    } else {
        "<span class=\"task\" aria-hidden=\"true\">☐</span><span class=\"visually-hidden\">offen:</span> "
    }
}

pub(crate) const TABLE_OPEN: &str = "<div class=\"table-scroll\"><table>\n";
pub(crate) const TABLE_CLOSE: &str = "</tbody></table></div>\n";
pub(crate) const HEAD_OPEN: &str = "<thead><tr>";
pub(crate) const HEAD_CLOSE: &str = "</tr></thead>\n<tbody>\n";

/// Alignment as a class: inline `style` attributes are not allowed through the sanitiser.
pub(crate) fn cell_open(head: bool, align: Option<&Alignment>) -> String {
    let tag = if head { "th" } else { "td" };
    match align {
        Some(Alignment::Left) => format!("<{tag} class=\"align-left\">"),
        Some(Alignment::Center) => format!("<{tag} class=\"align-center\">"),
        Some(Alignment::Right) => format!("<{tag} class=\"align-right\">"),
        _ => format!("<{tag}>"),
    }
}

pub(crate) fn cell_close(head: bool) -> &'static str {
    if head {
        "</th>"
    } else {
        "</td>"
    }
}

pub(crate) fn footnote_ref(number: usize, occurrence: usize) -> String {
    let id = if occurrence <= 1 {
        format!("fnref-{number}")
    } else {
        format!("fnref-{number}-{occurrence}")
    };
    format!("<sup class=\"footnote-ref\" id=\"{id}\"><a href=\"#fn-{number}\">{number}</a></sup>")
}

pub(crate) const FOOTNOTES_OPEN: &str =
    "<section class=\"footnotes\"><h2 class=\"visually-hidden\">Fußnoten</h2>\n<ol>\n";
pub(crate) const FOOTNOTES_CLOSE: &str = "</ol>\n</section>\n";

pub(crate) fn footnote_item_open(number: usize) -> String {
    format!("<li id=\"fn-{number}\">")
}

pub(crate) fn footnote_item_close(number: usize) -> String {
    format!(
        "<a href=\"#fnref-{number}\" class=\"footnote-back\" aria-label=\"Zurück zum Text\">↩</a></li>\n"
    )
}

pub(crate) fn norm_link(text: &str, url: &str) -> String {
    format!(
        "<a class=\"norm\" href=\"{}\">{}</a>",
        escape(url),
        escape(text)
    )
}
