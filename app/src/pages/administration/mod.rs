//! `/admin/…`: administration for admins, supervisors (their office) and trainers (content).

mod audit;
mod content;
mod home;
mod invite;
mod offices;
mod people;
mod policy;

pub use audit::AuditPage;
pub use content::ContentProblemsPage;
pub use home::AdminHomePage;
pub use invite::InvitePage;
pub use offices::OfficesPage;
pub use people::PeoplePage;
pub use policy::PolicyPage;
