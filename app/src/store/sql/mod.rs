//! The shared SQL, compiled once per backend: `sqlite.rs` and `postgres.rs` both include this
//! module, each with its own `Db`, `Impl` and `dialect` in scope.

use super::{dialect, Db, Impl};

mod assignments;
mod attempts;
mod audit;
mod content;
mod import;
mod import_items;
mod invitations;
mod maintenance;
mod organisations;
mod outbox;
mod password_resets;
mod progress;
mod secrets;
mod sessions;
mod throttle;
mod users;
