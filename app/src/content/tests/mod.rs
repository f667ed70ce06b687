//! Tests of the content pipeline: one file per concern.

mod corpus;
mod support;
