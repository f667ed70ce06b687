//! HTTP building blocks around the Leptos application.

pub mod account;
pub mod csrf;
pub mod error_page;
pub mod headers;
pub mod healthz;
pub mod session;
