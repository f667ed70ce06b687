//! Pure domain rules: no I/O, no framework. Everything here takes its inputs (including `now`)
//! as arguments, so it is unit-tested directly and compiles for both server and browser.

pub mod assignment;
pub mod content_sync;
mod display_name;
mod email;
pub mod grading;
pub mod invitation;
pub mod invite_csv;
pub mod mail_delivery;
pub mod minimisation;
pub mod norm;
mod password;
pub mod permissions;
pub mod progress;
pub mod retention;
mod role;
pub mod scope;
pub mod search_query;
pub mod session;
pub mod shuffle;
mod slug;
pub mod throttle;
#[cfg(feature = "ssr")]
pub mod time;

pub use display_name::{DisplayName, MAX_NAME_CHARS};
pub use email::Email;
pub use password::{check_new_password, PasswordProblem, MIN_PASSWORD_CHARS};
pub use role::{Land, Role};
pub use slug::Slug;
