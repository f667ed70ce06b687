//! Assembling the document: main HTML, the footnote section, sanitising.

use std::collections::HashMap;

use pulldown_cmark::html;

use super::{Footnote, Mode, Rendered, State};
use crate::content::problems::warning;
use crate::content::{sanitize, snippets};

impl<'a> State<'_, 'a> {
    pub(super) fn finish(mut self) -> Rendered {
        self.flush_text();
        self.finish_html_block();
        if self.heading.is_some() {
            self.finish_heading();
        }
        if let Some(f) = self.footnote.take() {
            self.footnotes.push(f);
        }
        let mut out = String::new();
        html::push_html(&mut out, self.out.into_iter());
        let mut defs: HashMap<String, Footnote<'a>> = HashMap::new();
        for f in self.footnotes {
            if self.note_order.iter().any(|(l, _)| *l == f.label) {
                defs.entry(f.label.clone()).or_insert(f);
            } else {
                let msg = format!(
                    "Die Fußnote „[^{}]“ wird im Text nicht verwendet: Verweisen Sie mit \
                     „[^{}]“ darauf oder entfernen Sie sie.",
                    f.label, f.label
                );
                self.problems
                    .push(warning(self.ctx.file, self.lines.line(f.offset), msg));
            }
        }
        if !self.note_order.is_empty() {
            out.push_str(snippets::FOOTNOTES_OPEN);
            for (i, (label, _)) in self.note_order.iter().enumerate() {
                out.push_str(&snippets::footnote_item_open(i + 1));
                if let Some(f) = defs.remove(label) {
                    html::push_html(&mut out, f.events.into_iter());
                }
                out.push_str(&snippets::footnote_item_close(i + 1));
            }
            out.push_str(snippets::FOOTNOTES_CLOSE);
        }
        let mut html = sanitize::clean(&out);
        if self.mode == Mode::Inline {
            html = html.trim().to_owned();
        }
        self.problems.sort_by_key(|p| p.line);
        Rendered {
            html,
            toc: self.toc,
            words: self.words,
            problems: self.problems,
        }
    }
}
