//! Completion records, written when a learner's progress changes: every module that is now
//! complete gets its first-completion record, then every assignment of the person whose scope
//! is complete. Records are never removed by later content, so "erledigt" stays "erledigt".

use super::office;
use crate::domain::progress::module_progress;
use crate::error::AppError;
use crate::service::learning::context::{track_input, Learner};
use crate::state::AppState;
use crate::store::Ts;

pub async fn settle_user(state: &AppState, learner: &Learner, now: Ts) -> Result<(), AppError> {
    let complete: Vec<i64> = learner
        .outline
        .tracks
        .iter()
        .flat_map(|t| {
            let input = track_input(t);
            input
                .modules
                .into_iter()
                .filter(|m| module_progress(m, &learner.state).complete)
                .map(|m| m.id)
                .collect::<Vec<_>>()
        })
        .collect();
    state
        .store
        .record_module_completions(learner.user.user_id, &complete, now)
        .await?;
    // Loading the person's board writes the assignment completions it finds missing.
    office::load_own(state, &learner.user).await?;
    Ok(())
}
