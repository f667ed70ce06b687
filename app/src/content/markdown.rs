//! Markdown → sanitised HTML. One pass over pulldown-cmark's events adds what plain CommonMark
//! lacks here: heading ids and TOC, callouts, accessible task markers, scrollable tables,
//! footnotes at the end, norm links, rewritten lesson links and the raw-HTML policy.

use std::collections::HashMap;

use pulldown_cmark::{
    html, Alignment, CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd,
};

use super::headings::IdSet;
use super::links::{resolve, LinkBase, Resolved};
use super::model::{Problem, TocEntry};
use super::problems::{error, warning, LineIndex};
use super::{norms, rawhtml, sanitize, snippets};

pub(crate) struct Ctx<'a> {
    /// Path used in problems.
    pub file: &'a str,
    /// `None` in previews: relative links are then left unchecked.
    pub links: Option<&'a LinkBase<'a>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    Block,
    /// For quiz prompts, options and hints: no surrounding `<p>`.
    Inline,
}

pub(crate) struct Rendered {
    pub html: String,
    pub toc: Vec<TocEntry>,
    pub words: usize,
    pub problems: Vec<Problem>,
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_GFM
}

/// Renders `src`, whose first line is line `first_line` of `ctx.file`.
pub(crate) fn render(ctx: &Ctx<'_>, src: &str, first_line: u32, mode: Mode) -> Rendered {
    let lines = LineIndex::new(src, first_line);
    let mut state = State::new(ctx, &lines, mode);
    for (event, range) in Parser::new_ext(src, options()).into_offset_iter() {
        state.event(event, range.start);
    }
    state.finish()
}

pub(crate) fn count_words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

struct Heading<'a> {
    level: HeadingLevel,
    text: String,
    events: Vec<Event<'a>>,
}

struct Footnote<'a> {
    label: String,
    offset: usize,
    events: Vec<Event<'a>>,
}

struct State<'c, 'a> {
    ctx: &'c Ctx<'c>,
    lines: &'c LineIndex,
    mode: Mode,
    out: Vec<Event<'a>>,
    /// Adjacent text events merged, so a citation split by the parser is still found.
    text: String,
    heading: Option<Heading<'a>>,
    footnote: Option<Footnote<'a>>,
    footnotes: Vec<Footnote<'a>>,
    /// Labels in order of first reference, with the number of references so far.
    note_order: Vec<(String, usize)>,
    html_block: Option<(usize, String)>,
    link_depth: usize,
    image_depth: usize,
    code_depth: usize,
    nesting: usize,
    aligns: Vec<Alignment>,
    in_head: bool,
    cell: usize,
    ids: IdSet,
    toc: Vec<TocEntry>,
    words: usize,
    problems: Vec<Problem>,
}

impl<'c, 'a> State<'c, 'a> {
    fn new(ctx: &'c Ctx<'c>, lines: &'c LineIndex, mode: Mode) -> Self {
        State {
            ctx,
            lines,
            mode,
            out: Vec::new(),
            text: String::new(),
            heading: None,
            footnote: None,
            footnotes: Vec::new(),
            note_order: Vec::new(),
            html_block: None,
            link_depth: 0,
            image_depth: 0,
            code_depth: 0,
            nesting: 0,
            aligns: Vec::new(),
            in_head: false,
            cell: 0,
            ids: IdSet::default(),
            toc: Vec::new(),
            words: 0,
            problems: Vec::new(),
        }
    }

    fn emit(&mut self, event: Event<'a>) {
        if let Some(h) = &mut self.heading {
            h.events.push(event);
        } else if let Some(f) = &mut self.footnote {
            f.events.push(event);
        } else {
            self.out.push(event);
        }
    }

    fn emit_html(&mut self, html: impl Into<String>) {
        self.emit(Event::InlineHtml(CowStr::from(html.into())));
    }

    fn flush_text(&mut self) {
        if self.text.is_empty() {
            return;
        }
        let text = std::mem::take(&mut self.text);
        if let Some(h) = &mut self.heading {
            h.text.push_str(&text);
        }
        if self.image_depth > 0 {
            // Alt text is an attribute: no markup may go in.
            self.emit(Event::Text(CowStr::from(text)));
            return;
        }
        self.words += count_words(&text);
        if self.link_depth > 0 || self.code_depth > 0 {
            self.emit(Event::Text(CowStr::from(text)));
            return;
        }
        let pieces: Vec<Event<'a>> = norms::split(&text)
            .into_iter()
            .map(|piece| match piece {
                norms::Piece::Text(t) => Event::Text(CowStr::from(t.to_owned())),
                norms::Piece::Norm { text, url } => {
                    Event::InlineHtml(CowStr::from(snippets::norm_link(text, &url)))
                }
            })
            .collect();
        for piece in pieces {
            self.emit(piece);
        }
    }

    fn event(&mut self, event: Event<'a>, offset: usize) {
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

    fn finish_html_block(&mut self) {
        let Some((start, raw)) = self.html_block.take() else {
            return;
        };
        let first = self.lines.line(start);
        let line_at = |o: usize| {
            let before = raw.get(..o).unwrap_or(&raw);
            super::problems::advance(first, before.matches('\n').count())
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

    fn start(&mut self, tag: Tag<'a>, offset: usize) {
        let depth = self.nesting;
        self.nesting += 1;
        match tag {
            Tag::Paragraph if self.mode == Mode::Inline && depth == 0 => {}
            Tag::Heading { level, .. } => {
                self.heading = Some(Heading {
                    level,
                    text: String::new(),
                    events: Vec::new(),
                });
            }
            Tag::BlockQuote(Some(kind)) => self.emit_html(snippets::callout_open(kind)),
            Tag::CodeBlock(kind) => {
                self.code_depth += 1;
                self.emit(Event::Start(Tag::CodeBlock(kind)));
            }
            Tag::HtmlBlock => self.html_block = Some((offset, String::new())),
            Tag::FootnoteDefinition(label) => {
                self.footnote = Some(Footnote {
                    label: label.to_string(),
                    offset,
                    events: Vec::new(),
                });
            }
            Tag::Table(aligns) => {
                self.aligns = aligns;
                self.emit_html(snippets::TABLE_OPEN);
            }
            Tag::TableHead => {
                self.in_head = true;
                self.cell = 0;
                self.emit_html(snippets::HEAD_OPEN);
            }
            Tag::TableRow => {
                self.cell = 0;
                self.emit_html("<tr>");
            }
            Tag::TableCell => {
                let open = snippets::cell_open(self.in_head, self.aligns.get(self.cell));
                self.emit_html(open);
            }
            Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            } => {
                self.link_depth += 1;
                let dest_url = match link_type {
                    LinkType::Email => dest_url,
                    _ => match resolve(self.ctx.links, &dest_url) {
                        Resolved::Keep => dest_url,
                        Resolved::Rewrite(url) => CowStr::from(url),
                        Resolved::Broken(msg) => {
                            let line = self.lines.line(offset);
                            self.problems.push(error(self.ctx.file, line, msg));
                            dest_url
                        }
                    },
                };
                self.emit(Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            Tag::Image { .. } => {
                self.image_depth += 1;
                self.emit(Event::Start(tag));
            }
            other => self.emit(Event::Start(other)),
        }
    }

    fn end(&mut self, tag: TagEnd) {
        self.nesting = self.nesting.saturating_sub(1);
        match tag {
            TagEnd::Paragraph if self.mode == Mode::Inline && self.nesting == 0 => {}
            TagEnd::Heading(_) => self.finish_heading(),
            TagEnd::BlockQuote(Some(_)) => self.emit_html(snippets::CALLOUT_CLOSE),
            TagEnd::CodeBlock => {
                self.code_depth = self.code_depth.saturating_sub(1);
                self.emit(Event::End(tag));
            }
            TagEnd::FootnoteDefinition => {
                if let Some(f) = self.footnote.take() {
                    self.footnotes.push(f);
                }
            }
            TagEnd::Table => self.emit_html(snippets::TABLE_CLOSE),
            TagEnd::TableHead => {
                self.in_head = false;
                self.emit_html(snippets::HEAD_CLOSE);
            }
            TagEnd::TableRow => self.emit_html("</tr>\n"),
            TagEnd::TableCell => {
                self.cell += 1;
                self.emit_html(snippets::cell_close(self.in_head));
            }
            TagEnd::Link => {
                self.link_depth = self.link_depth.saturating_sub(1);
                self.emit(Event::End(tag));
            }
            TagEnd::Image => {
                self.image_depth = self.image_depth.saturating_sub(1);
                self.emit(Event::End(tag));
            }
            other => self.emit(Event::End(other)),
        }
    }

    fn finish_heading(&mut self) {
        let Some(h) = self.heading.take() else {
            return;
        };
        let title = h.text.split_whitespace().collect::<Vec<_>>().join(" ");
        let id = self.ids.unique(&title);
        let level = h.level as usize;
        if self.mode == Mode::Block && (h.level == HeadingLevel::H2 || h.level == HeadingLevel::H3)
        {
            self.toc.push(TocEntry {
                level: if h.level == HeadingLevel::H2 { 2 } else { 3 },
                id: id.clone(),
                title,
            });
        }
        self.emit_html(format!("<h{level} id=\"{}\">", snippets::escape(&id)));
        for event in h.events {
            self.emit(event);
        }
        self.emit_html(format!("</h{level}>\n"));
    }

    fn finish(mut self) -> Rendered {
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
