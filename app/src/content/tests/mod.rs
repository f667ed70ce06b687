//! Tests of the content pipeline: one file per concern.

mod broken_rules;
mod corpus;
mod definite_errors;
mod frontmatter_rules;
mod fuzz;
mod layout_rules;
mod liascript_quizzes;
mod link_rules;
mod markdown_rules;
mod norm_rules;
mod perf;
mod plain_text_rules;
mod quiz_lint_rules;
mod quiz_rules;
mod quiz_shapes;
mod quiz_support;
mod support;
mod text_lint_rules;
mod xss;
