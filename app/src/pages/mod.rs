//! One module per route.

mod accessibility;
pub mod administration;
mod home;
mod login;
mod norms;
mod not_found;
mod password;
mod search;
mod team;
mod team_assign;
mod team_person;
mod visibility;
// learner experience
mod dashboard;
mod lesson;
pub(crate) mod module;
mod quiz;
mod track;
mod tracks;

pub use accessibility::AccessibilityPage;
pub use dashboard::Dashboard;
pub use home::HomePage;
pub use lesson::LessonPage;
pub use login::LoginPage;
pub use module::ModulePage;
pub use norms::{NormPage, NormsPage};
pub use not_found::NotFoundPage;
pub use password::{InvitationPage, PasswordForgottenPage, PasswordResetPage};
pub use quiz::QuizPage;
pub use search::SearchPage;
pub use team::TeamPage;
pub use team_assign::TeamAssignPage;
pub use team_person::TeamPersonPage;
pub use track::TrackPage;
pub use tracks::TracksPage;
pub use visibility::VisibilityPage;
