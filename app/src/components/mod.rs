//! Reusable view pieces.

pub mod flash;
pub mod layout;
pub mod notice;
