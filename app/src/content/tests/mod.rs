//! Tests of the content pipeline: one file per concern.

mod corpus;
mod frontmatter_rules;
mod fuzz;
mod layout_rules;
mod link_rules;
mod markdown_rules;
mod norm_rules;
mod perf;
mod quiz_rules;
mod support;
mod xss;
