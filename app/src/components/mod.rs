//! Reusable view pieces.

pub mod flash;
pub mod island;
pub mod layout;
pub mod notice;
// learner experience
pub mod breadcrumbs;
pub mod progress;
pub mod quiz_form;
pub mod quiz_result;
pub mod sign_in_required;
pub mod status;
pub mod track_card;
