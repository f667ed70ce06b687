//! The final HTML allow-list (ammonia), built once: only what the renderer emits plus the raw
//! tags trainers may use; only http, https, mailto and relative URLs.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

static BUILDER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let tags = [
        "p",
        "br",
        "hr",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "blockquote",
        "pre",
        "code",
        "em",
        "strong",
        "del",
        "s",
        "a",
        "img",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "div",
        "aside",
        "span",
        "sup",
        "sub",
        "section",
        "abbr",
        "kbd",
        "ins",
        "mark",
        "small",
    ];
    let attributes: [(&str, &[&str]); 12] = [
        ("a", &["href", "title", "aria-label"]),
        ("img", &["src", "alt", "title"]),
        ("h1", &["id"]),
        ("h2", &["id"]),
        ("h3", &["id"]),
        ("h4", &["id"]),
        ("h5", &["id"]),
        ("h6", &["id"]),
        ("li", &["id"]),
        ("sup", &["id"]),
        ("abbr", &["title"]),
        ("span", &["aria-hidden"]),
    ];
    let classes: [(&str, &[&str]); 10] = [
        ("div", &["table-scroll"]),
        (
            "aside",
            &[
                "callout",
                "callout--note",
                "callout--tip",
                "callout--warning",
            ],
        ),
        ("p", &["callout__title"]),
        ("span", &["task", "visually-hidden"]),
        ("a", &["norm", "footnote-back"]),
        ("sup", &["footnote-ref"]),
        ("section", &["footnotes"]),
        ("h2", &["visually-hidden"]),
        ("th", &["align-left", "align-center", "align-right"]),
        ("td", &["align-left", "align-center", "align-right"]),
    ];
    let mut tag_attributes: HashMap<&str, HashSet<&str>> = attributes
        .iter()
        .map(|(tag, attrs)| (*tag, attrs.iter().copied().collect()))
        .collect();
    tag_attributes.entry("ol").or_default().insert("start");
    let mut builder = ammonia::Builder::empty();
    builder
        .tags(tags.into_iter().collect())
        .tag_attributes(tag_attributes)
        .allowed_classes(
            classes
                .iter()
                .map(|(tag, cls)| (*tag, cls.iter().copied().collect()))
                .collect(),
        )
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .url_relative(ammonia::UrlRelative::PassThrough)
        .link_rel(Some("noopener noreferrer"))
        .clean_content_tags(
            [
                "script", "style", "iframe", "object", "svg", "math", "template", "noscript",
                "textarea",
            ]
            .into_iter()
            .collect(),
        )
        .strip_comments(true);
    builder
});

/// Sanitises a complete HTML fragment.
pub(crate) fn clean(html: &str) -> String {
    BUILDER.clean(html).to_string()
}
