//! Markdown course content: parse, validate (file:line problems in German), render and
//! sanitise. Pure apart from reading the content folder; no database, no framework.

pub mod model;

pub use model::*;
