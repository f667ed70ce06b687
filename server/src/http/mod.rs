//! HTTP building blocks around the Leptos application.

pub mod error_page;
pub mod headers;
pub mod healthz;
