#![recursion_limit = "256"]
//! The Lotse server: configuration, CLI commands, the HTTP application and background work.
//! `main.rs` is a thin wrapper so integration tests can build the real router.

pub mod cli;
pub mod commands;
pub mod config;
pub mod http;
pub mod jobs;
pub mod startup;
