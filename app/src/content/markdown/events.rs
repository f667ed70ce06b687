//! Events that are not tags: text runs, code, raw HTML, footnote references, task markers.

use pulldown_cmark::{CowStr, Event, TagEnd};

use super::{count_words, State};
use crate::content::problems::advance;
use crate::content::{rawhtml, snippets};

impl<'a> State<'_, 'a> {
    pub(super) fn event(&mut self, event: Event<'a>, offset: usize) {
        if let Some((_, buf)) = &mut self.html_block {
            match event {
                Event::Html(h) | Event::Text(h) => return buf.push_str(&h),
                Event::End(TagEnd::HtmlBlock) => return self.finish_html_block(),
                _ => self.finish_html_block(),
            }
        }
        if let Event::Text(t) = &event {
            self.text.push_str(t);
            return;
        }
        self.flush_text();
        match event {
            Event::Start(tag) => self.start(tag, offset),
            Event::End(tag) => self.end(tag),
            Event::Code(code) => {
                self.words += count_words(&code);
                if let Some(h) = &mut self.heading {
                    h.text.push_str(&code);
                }
                self.emit(Event::Code(code));
            }
            Event::Html(raw) | Event::InlineHtml(raw) => {
                let lines = self.lines;
                let kept = rawhtml::filter(
                    &raw,
                    self.ctx.file,
                    &|o| lines.line(offset + o),
                    &mut self.problems,
                );
                self.emit_html(kept);
            }
            Event::FootnoteReference(label) => self.footnote_reference(&label),
            Event::TaskListMarker(done) => self.emit_html(snippets::task_marker(done)),
            Event::InlineMath(t) | Event::DisplayMath(t) => self.emit(Event::Text(t)),
            other => self.emit(other),
        }
    }

    pub(super) fn finish_html_block(&mut self) {
        let Some((start, raw)) = self.html_block.take() else {
            return;
        };
        let first = self.lines.line(start);
        let line_at = |o: usize| {
            let before = raw.get(..o).unwrap_or(&raw);
            advance(first, before.matches('\n').count())
        };
        let kept = rawhtml::filter(&raw, self.ctx.file, &line_at, &mut self.problems);
        self.emit(Event::Html(CowStr::from(kept)));
    }

    fn footnote_reference(&mut self, label: &str) {
        let (number, occurrence) = match self.note_order.iter().position(|(l, _)| l == label) {
            Some(i) => {
                let seen = self.note_order.get_mut(i).map_or(1, |e| {
                    e.1 += 1;
                    e.1
                });
                (i + 1, seen)
            }
            None => {
                self.note_order.push((label.to_owned(), 1));
                (self.note_order.len(), 1)
            }
        };
        self.emit_html(snippets::footnote_ref(number, occurrence));
    }
}
