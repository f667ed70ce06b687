//! Server-side authentication: passwords, one-time tokens, sessions, sign-in throttling.

pub mod flows;
pub mod password;
pub mod session;
pub mod throttle;
pub mod token;
