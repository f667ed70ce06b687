//! Reusable view pieces.

pub mod layout;
pub mod notice;
