//! HTTP building blocks around the Leptos application.

pub mod account;
pub mod api_errors;
pub mod client;
pub mod csrf;
pub mod error_page;
pub mod export;
pub mod form_errors;
pub mod headers;
pub mod healthz;
pub mod listener;
pub mod redirect;
pub mod session;
