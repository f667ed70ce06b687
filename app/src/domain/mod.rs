//! Pure domain rules: no I/O, no framework. Everything here takes its inputs (including `now`)
//! as arguments, so it is unit-tested directly and compiles for both server and browser.

pub mod content_sync;
mod email;
pub mod grading;
pub mod invite_csv;
mod password;
pub mod permissions;
pub mod progress;
mod role;
pub mod shuffle;
mod slug;

pub use email::Email;
pub use password::{check_new_password, PasswordProblem, MIN_PASSWORD_CHARS};
pub use role::{Land, Role};
pub use slug::Slug;
