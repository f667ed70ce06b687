//! Lotse: the Leptos application shared by the server (SSR) and the browser (hydration).

#![recursion_limit = "256"]

pub mod api;
pub mod components;
pub mod domain;
pub mod error;
pub mod pages;
pub mod views;

#[cfg(feature = "ssr")]
pub mod auth;
#[cfg(feature = "ssr")]
pub mod clock;
#[cfg(feature = "ssr")]
pub mod content;
#[cfg(feature = "ssr")]
pub mod content_cache;
#[cfg(feature = "ssr")]
pub mod hot_cache;
#[cfg(feature = "ssr")]
pub mod mail;
#[cfg(feature = "ssr")]
pub mod search;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod state;
#[cfg(feature = "ssr")]
pub mod store;

mod shell;

pub use shell::{shell, App, IslandScripts};

/// Browser entry point. Pages are rendered on the server only; the browser hydrates just the
/// islands (`#[island]` components: the lesson's "erledigt" button, the quiz form), so a page
/// without an island loads no WebAssembly at all.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
