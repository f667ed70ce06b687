//! Loads the oversight board of the office in the actor's scope: one permission check, a
//! constant number of queries, the pure `board::build`, and the completion records it found
//! missing written back (so a status never goes back when the content changes later).

use std::sync::Arc;

use chrono::NaiveDate;

use super::board::{self, Board};
use crate::auth::session::SessionUser;
use crate::domain::permissions::Action;
use crate::domain::scope::Scope;
use crate::domain::time::local_date;
use crate::error::AppError;
use crate::service::scope_for;
use crate::state::AppState;
use crate::store::{Organisation, Outline, Team};

pub struct OfficeBoard {
    pub office: Organisation,
    pub scope: Scope,
    pub outline: Arc<Outline>,
    pub teams: Vec<Team>,
    /// Only the people in the actor's scope.
    pub board: Board,
    pub today: NaiveDate,
}

impl OfficeBoard {
    pub fn team_name(&self, team_id: Option<i64>) -> String {
        team_id
            .and_then(|id| self.teams.iter().find(|t| t.id == id))
            .map(|t| t.name.clone())
            .unwrap_or_else(|| "ohne Team".to_owned())
    }

    pub fn track_title(&self, track_id: i64) -> String {
        self.outline
            .tracks
            .iter()
            .find(|t| t.id == track_id)
            .map(|t| t.title.clone())
            .unwrap_or_else(|| "(archivierter Lernpfad)".to_owned())
    }

    pub fn module_title(&self, module_id: i64) -> String {
        self.outline
            .tracks
            .iter()
            .flat_map(|t| t.modules.iter())
            .find(|m| m.id == module_id)
            .map(|m| m.title.clone())
            .unwrap_or_default()
    }
}

/// The office the actor oversees: a supervisor's own; for admins the requested one, else their
/// own, else the first office.
pub async fn office_in_scope(
    state: &AppState,
    user: &SessionUser,
    action: Action,
    requested: Option<i64>,
) -> Result<(Organisation, Scope), AppError> {
    let scope = scope_for(user, action)?;
    let office_id = match &scope {
        Scope::Office {
            organisation_id, ..
        } => Some(*organisation_id),
        Scope::All => match requested.or(user.organisation_id) {
            Some(id) => Some(id),
            None => state
                .store
                .list_organisations()
                .await?
                .first()
                .map(|o| o.id),
        },
        Scope::Nothing => return Err(AppError::Forbidden),
    };
    let office = match office_id {
        Some(id) => state.store.find_organisation(id).await?,
        None => None,
    };
    let office = office.ok_or_else(|| AppError::NotFound("Die Behörde".into()))?;
    Ok((office, scope))
}

/// The board of the office in scope (`only_user`: just that person's part).
pub async fn load(
    state: &AppState,
    user: &SessionUser,
    action: Action,
    requested_office: Option<i64>,
    only_user: Option<i64>,
) -> Result<OfficeBoard, AppError> {
    let (office, scope) = office_in_scope(state, user, action, requested_office).await?;
    load_for(state, office, scope, only_user).await
}

/// The learner's own part of their office's board (what their supervisor sees about them).
pub async fn load_own(
    state: &AppState,
    user: &SessionUser,
) -> Result<Option<OfficeBoard>, AppError> {
    let Some(office_id) = user.organisation_id else {
        return Ok(None);
    };
    let Some(office) = state.store.find_organisation(office_id).await? else {
        return Ok(None);
    };
    let scope = Scope::Office {
        organisation_id: office_id,
        teams: None,
    };
    Ok(Some(
        load_for(state, office, scope, Some(user.user_id)).await?,
    ))
}

async fn load_for(
    state: &AppState,
    office: Organisation,
    scope: Scope,
    only_user: Option<i64>,
) -> Result<OfficeBoard, AppError> {
    let (outline, mut activity, teams) = tokio::try_join!(
        async {
            state
                .content
                .outline(&state.store)
                .await
                .map_err(AppError::from)
        },
        async {
            state
                .store
                .office_activity(office.id, only_user)
                .await
                .map_err(AppError::from)
        },
        async {
            state
                .store
                .list_teams(office.id)
                .await
                .map_err(AppError::from)
        },
    )?;
    activity
        .people
        .retain(|p| scope.covers(Some(office.id), p.team_id));
    let teams = teams
        .into_iter()
        .filter(|t| scope.covers_team(office.id, t.id))
        .collect();
    let today = local_date(state.now());
    let board = board::build(&activity, &outline, today);
    settle(state, &board).await;
    Ok(OfficeBoard {
        office,
        scope,
        outline,
        teams,
        board,
        today,
    })
}

/// Writes the completion records the board found missing. A failure is logged: the next read
/// computes the same again.
pub async fn settle(state: &AppState, board: &Board) {
    if let Err(err) = state
        .store
        .record_assignment_completions(&board.new_completions)
        .await
    {
        tracing::error!(%err, "cannot record assignment completions");
    }
}
