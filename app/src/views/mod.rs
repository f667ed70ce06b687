//! The data pages receive from the server: plain serialisable types, no logic. They sit below
//! both the use cases (`service`, which builds them) and the pages (which render them), so every
//! layer only imports downwards. Whatever is here can reach the browser.

pub mod accounts;
pub mod administration;
pub mod learning;
pub mod oversight;
pub mod quiz;
pub mod search;
