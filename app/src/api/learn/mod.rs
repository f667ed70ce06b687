//! The learner experience: dashboard, track and module overviews, lessons and quizzes.
//!
//! `views`/`quiz_views` are the client-safe types pages receive; the server functions live in
//! `overview`, `lesson` and `quiz`. Everything else is server-only and plain: it turns one
//! loaded [`context::Learner`] into views using the pure rules in `domain`.

pub mod format;
pub mod lesson;
pub mod overview;
pub mod quiz;
pub mod quiz_views;
pub mod views;

#[cfg(feature = "ssr")]
mod cards;
#[cfg(feature = "ssr")]
pub mod context;
#[cfg(feature = "ssr")]
mod dashboard_build;
#[cfg(feature = "ssr")]
mod lesson_build;
#[cfg(feature = "ssr")]
pub mod quiz_adapt;
#[cfg(feature = "ssr")]
mod quiz_flow;
