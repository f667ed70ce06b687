//! One module per route.

mod accessibility;
mod home;
mod not_found;

pub use accessibility::AccessibilityPage;
pub use home::HomePage;
pub use not_found::NotFoundPage;
