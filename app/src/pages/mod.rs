//! One module per route.

mod accessibility;
mod home;
mod login;
mod not_found;
mod password;

pub use accessibility::AccessibilityPage;
pub use home::HomePage;
pub use login::LoginPage;
pub use not_found::NotFoundPage;
pub use password::{InvitationPage, PasswordForgottenPage, PasswordResetPage};
