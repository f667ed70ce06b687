//! Server-side authentication primitives.

pub mod password;
