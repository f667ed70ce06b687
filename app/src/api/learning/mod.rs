//! Server functions of the learner pages.

pub mod lesson;
pub mod overview;
pub mod quiz;
