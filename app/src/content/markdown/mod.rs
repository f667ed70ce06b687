//! Markdown → sanitised HTML. One pass over pulldown-cmark's events adds what plain CommonMark
//! lacks here: heading ids and TOC, callouts, accessible task markers, scrollable tables,
//! footnotes at the end, norm links, rewritten lesson links and the raw-HTML policy.

mod events;
mod finish;
mod tags;

use pulldown_cmark::{Alignment, CowStr, Event, HeadingLevel, Options, Parser, Tag};

use super::headings::IdSet;
use super::links::LinkBase;
use super::lints::date_list;
use super::model::{Problem, TocEntry};
use super::problems::{warning, LineIndex};
use super::{norms, snippets};

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
        if matches!(event, Event::Start(Tag::Item)) {
            if let Some(date) = src.get(range.start..).and_then(date_list::date_item) {
                let at = lines.line(range.start);
                state
                    .problems
                    .push(warning(ctx.file, at, date_list::message(&date)));
            }
        }
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
}
