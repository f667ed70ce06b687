//! Authentication building blocks: password hashing, one-time tokens, the session cookie and the
//! signed-in user of a request. The flows that use them are in `service::accounts`.

pub mod cookie;
pub mod password;
pub mod session;
pub mod token;
