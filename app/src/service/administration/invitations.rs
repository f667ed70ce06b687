//! Inviting people: single and CSV invitations, re-sending and revoking a link, the open list.
//! Mails go through the outbox, so nothing here waits for the mail server.

use crate::auth::session::SessionUser;
use crate::auth::token::{hash_token, new_token};
use crate::domain::invitation::{self, can_resend};
use crate::domain::invite_csv::parse_invite_csv;
use crate::domain::permissions::{allowed, grantable_roles, Action, Target};
use crate::domain::scope::Scope;
use crate::domain::time::timestamp_date_de;
use crate::domain::{DisplayName, Email, Role};
use crate::error::AppError;
use crate::service::mails;
use crate::service::{audit, require, scope_for};
use crate::state::AppState;
use crate::store::{Invitation, NewInvitation, Team, Ts};
use crate::views::administration::{BulkOutcome, InvitationView};

#[derive(Debug, Clone)]
pub struct InviteRequest {
    pub organisation_id: i64,
    pub team_id: Option<i64>,
    pub email: Email,
    pub display_name: DisplayName,
    pub role: Role,
}

fn group_target(organisation_id: i64, team_id: Option<i64>) -> Target {
    match team_id {
        Some(team_id) => Target::Team {
            organisation_id,
            team_id,
        },
        None => Target::Organisation {
            id: organisation_id,
        },
    }
}

/// Said for every address that already has an account, whichever office it belongs to.
const ACCOUNT_EXISTS: &str =
    "Für diese E-Mail-Adresse kann keine Einladung versendet werden, weil es \
     bereits ein Konto gibt. Bei Fragen hilft die Administration.";

pub async fn invite(
    state: &AppState,
    user: &SessionUser,
    req: InviteRequest,
    now: Ts,
) -> Result<(), AppError> {
    require(
        user,
        Action::InviteUser,
        group_target(req.organisation_id, req.team_id),
    )?;
    if !grantable_roles(&user.actor()).contains(&req.role) {
        tracing::warn!(
            user_id = user.user_id,
            role = req.role.key(),
            "role not grantable"
        );
        return Err(AppError::Forbidden);
    }
    let organisation = state
        .store
        .find_organisation(req.organisation_id)
        .await?
        .ok_or_else(|| AppError::NotFound("Die Behörde".into()))?;
    if let Some(team_id) = req.team_id {
        let team = state.store.find_team(team_id).await?;
        if team.is_none_or(|t| t.organisation_id != organisation.id) {
            return Err(AppError::Invalid(
                "Das Team gehört nicht zu dieser Behörde.".into(),
            ));
        }
    }
    if state
        .store
        .find_user_by_email(req.email.as_str())
        .await?
        .is_some()
    {
        return Err(AppError::Conflict(ACCOUNT_EXISTS.into()));
    }
    send(state, user, &req, &organisation.name, now).await?;
    audit(
        state,
        Some(user.user_id),
        "user.invited",
        req.email.as_str(),
        req.role.key(),
        now,
    )
    .await;
    Ok(())
}

/// Stores a new link (superseding older links of this office) and queues its mail.
async fn send(
    state: &AppState,
    user: &SessionUser,
    req: &InviteRequest,
    office: &str,
    now: Ts,
) -> Result<(), AppError> {
    let token = new_token();
    let token_hash = hash_token(&token);
    let link = format!("{}/einladung?token={token}", state.base_url);
    let mail = mails::invitation(
        &mails::Invitation {
            to: req.email.as_str(),
            name: req.display_name.as_str(),
            inviter: &user.display_name,
            office,
            link: &link,
            token_hash: &token_hash,
        },
        now,
    );
    state
        .store
        .create_invitation(
            &NewInvitation {
                email: req.email.to_string(),
                display_name: req.display_name.to_string(),
                organisation_id: req.organisation_id,
                team_id: req.team_id,
                roles: vec![req.role],
                token_hash,
                invited_by: Some(user.user_id),
                expires_at: invitation::expires_at(now),
            },
            &mail,
            now,
        )
        .await?;
    Ok(())
}

/// Result of a CSV import: how many were invited, and a German message per rejected line.
pub async fn invite_csv(
    state: &AppState,
    user: &SessionUser,
    organisation_id: i64,
    csv: &str,
    now: Ts,
) -> Result<BulkOutcome, AppError> {
    // Office-wide inviters, or team-limited supervisors of this office (each line is then
    // checked against its team by `invite`).
    let scope = Scope::of(&user.actor());
    if !(scope.covers_office(organisation_id) || scope.office() == Some(organisation_id)) {
        tracing::warn!(
            user_id = user.user_id,
            organisation_id,
            "bulk invitation refused"
        );
        return Err(AppError::Forbidden);
    }
    let teams: Vec<Team> = state.store.list_teams(organisation_id).await?;
    let (rows, errors) = parse_invite_csv(csv);
    let mut result = BulkOutcome {
        invited: 0,
        problems: errors
            .into_iter()
            .map(|e| format!("Zeile {}: {}", e.line, e.message))
            .collect(),
    };
    for row in rows {
        let team_id = match &row.team {
            None => None,
            Some(name) => match teams.iter().find(|t| t.name.eq_ignore_ascii_case(name)) {
                Some(team) => Some(team.id),
                None => {
                    result.problems.push(format!(
                        "Zeile {}: Das Team „{name}“ gibt es in dieser Behörde nicht.",
                        row.line
                    ));
                    continue;
                }
            },
        };
        let req = InviteRequest {
            organisation_id,
            team_id,
            email: row.email,
            display_name: row.name,
            role: row.role,
        };
        match invite(state, user, req, now).await {
            Ok(()) => result.invited += 1,
            Err(err) => result.problems.push(format!("Zeile {}: {err}", row.line)),
        }
    }
    Ok(result)
}

/// The invitation if it lies in the actor's reach; otherwise "not found", so nobody learns
/// about invitations of another office.
async fn reachable(
    state: &AppState,
    user: &SessionUser,
    invitation_id: i64,
) -> Result<(Invitation, invitation::InvitationFacts), AppError> {
    let not_found = || AppError::NotFound("Die Einladung".into());
    // People who may not invite anyone are refused outright.
    scope_for(user, Action::InviteUser)?;
    let found = state
        .store
        .find_invitation_by_id(invitation_id)
        .await?
        .ok_or_else(not_found)?;
    let target = group_target(found.invitation.organisation_id, found.invitation.team_id);
    if !allowed(&user.actor(), Action::InviteUser, target) {
        tracing::warn!(
            user_id = user.user_id,
            invitation_id,
            "invitation outside scope"
        );
        return Err(not_found());
    }
    Ok((found.invitation, found.facts))
}

/// Sends a fresh link for an open or expired invitation; the older links stop working.
pub async fn resend(
    state: &AppState,
    user: &SessionUser,
    invitation_id: i64,
    now: Ts,
) -> Result<(), AppError> {
    let (inv, facts) = reachable(state, user, invitation_id).await?;
    if !can_resend(invitation::status(&facts, now)) {
        return Err(AppError::Invalid(
            "Diese Einladung ist nicht mehr offen: Sie wurde angenommen oder zurückgezogen.".into(),
        ));
    }
    let role = inv
        .roles
        .split(',')
        .next()
        .map(Role::parse)
        .transpose()
        .map_err(|_| AppError::Internal)?
        .unwrap_or(Role::Learner);
    let req = InviteRequest {
        organisation_id: inv.organisation_id,
        team_id: inv.team_id,
        email: Email::parse(&inv.email).map_err(|_| AppError::Internal)?,
        display_name: DisplayName::parse(&inv.display_name).map_err(|_| AppError::Internal)?,
        role,
    };
    let office = state
        .store
        .find_organisation(inv.organisation_id)
        .await?
        .map(|o| o.name)
        .unwrap_or_default();
    send(state, user, &req, &office, now).await?;
    audit(
        state,
        Some(user.user_id),
        "invitation.resent",
        &inv.email,
        "",
        now,
    )
    .await;
    Ok(())
}

/// Withdraws an open invitation: its link stops working at once.
pub async fn revoke(
    state: &AppState,
    user: &SessionUser,
    invitation_id: i64,
    now: Ts,
) -> Result<(), AppError> {
    let (inv, _) = reachable(state, user, invitation_id).await?;
    if !state.store.revoke_invitation(invitation_id, now).await? {
        return Err(AppError::Invalid(
            "Diese Einladung ist nicht mehr offen.".into(),
        ));
    }
    audit(
        state,
        Some(user.user_id),
        "invitation.revoked",
        &inv.email,
        "",
        now,
    )
    .await;
    Ok(())
}

/// Open invitations in the actor's reach, newest first, expired ones last.
pub async fn open_invitations(
    state: &AppState,
    user: &SessionUser,
    now: Ts,
) -> Result<Vec<InvitationView>, AppError> {
    let scope = scope_for(user, Action::InviteUser)?;
    let rows = state.store.list_open_invitations(&scope, now, 200).await?;
    Ok(rows
        .into_iter()
        .map(|i| InvitationView {
            id: i.id,
            email: i.email,
            display_name: i.display_name,
            office: i.organisation_name,
            team: i.team_name,
            expires: timestamp_date_de(i.expires_at),
            expired: i.expires_at <= now,
        })
        .collect())
}
