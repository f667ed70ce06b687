//! Start and end tags: headings with ids, callouts, tables, footnote definitions, links.

use pulldown_cmark::{CowStr, Event, HeadingLevel, LinkType, Tag, TagEnd};

use super::{Footnote, Heading, Mode, State};
use crate::content::links::{resolve, Resolved};
use crate::content::model::TocEntry;
use crate::content::problems::error;
use crate::content::snippets;

impl<'a> State<'_, 'a> {
    pub(super) fn start(&mut self, tag: Tag<'a>, offset: usize) {
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

    pub(super) fn end(&mut self, tag: TagEnd) {
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

    pub(super) fn finish_heading(&mut self) {
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
}
