//! Inviting people: single invitations, CSV bulk invitations and re-sending a link.

use chrono::{Duration, Utc};

use super::{audit, require};
use crate::auth::flows::INVITATION_DAYS;
use crate::auth::session::SessionUser;
use crate::auth::token::{hash_token, new_token};
use crate::domain::invite_csv::parse_invite_csv;
use crate::domain::permissions::{grantable_roles, Action, Target};
use crate::domain::{Email, Role};
use crate::error::AppError;
use crate::mail::OutgoingMail;
use crate::state::AppState;
use crate::store::{NewInvitation, Team};

#[derive(Debug, Clone)]
pub struct InviteRequest {
    pub organisation_id: i64,
    pub team_id: Option<i64>,
    pub email: Email,
    pub display_name: String,
    pub role: Role,
}

pub async fn invite(
    state: &AppState,
    user: &SessionUser,
    req: InviteRequest,
) -> Result<(), AppError> {
    let target = match req.team_id {
        Some(team_id) => Target::Team {
            organisation_id: req.organisation_id,
            team_id,
        },
        None => Target::Organisation {
            id: req.organisation_id,
        },
    };
    require(user, Action::InviteUser, target)?;
    if !grantable_roles(&super::actor(user)).contains(&req.role) {
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
    if req.display_name.trim().is_empty() {
        return Err(AppError::Invalid("Bitte geben Sie einen Namen an.".into()));
    }
    if let Some(existing) = state.store.find_user_by_email(req.email.as_str()).await? {
        if existing.password_hash.is_some() {
            return Err(AppError::Conflict(format!(
                "Für {} gibt es bereits ein Konto.",
                req.email
            )));
        }
    }
    send_invitation(state, user, &req, &organisation.name).await
}

async fn send_invitation(
    state: &AppState,
    user: &SessionUser,
    req: &InviteRequest,
    office: &str,
) -> Result<(), AppError> {
    let token = new_token();
    state
        .store
        .create_invitation(&NewInvitation {
            email: req.email.to_string(),
            display_name: req.display_name.trim().to_owned(),
            organisation_id: req.organisation_id,
            team_id: req.team_id,
            roles: vec![req.role],
            token_hash: hash_token(&token),
            invited_by: Some(user.user_id),
            expires_at: Utc::now() + Duration::days(INVITATION_DAYS),
        })
        .await?;
    let link = format!("{}/einladung?token={token}", state.base_url);
    let mail = OutgoingMail {
        to: req.email.to_string(),
        subject: "Einladung zu Lotse".into(),
        body_text: format!(
            "Guten Tag {},\n\n{} hat Sie zu Lotse eingeladen, der Lernplattform für die Einarbeitung \
             in der Ausländerbehörde ({office}).\n\nÜber diesen Link legen Sie Ihr Passwort fest \
             (gültig {INVITATION_DAYS} Tage, nur einmal verwendbar):\n\n{link}\n\n\
             Bei Fragen wenden Sie sich bitte an Ihre Führungskraft oder die Administration.\n",
            req.display_name.trim(),
            user.display_name
        ),
    };
    state.mailer.send(mail).await.map_err(|err| {
        tracing::error!(%err, "invitation mail not sent");
        AppError::Invalid("Die Einladung wurde gespeichert, die E-Mail konnte aber nicht versendet werden. \
                           Bitte prüfen Sie die Mail-Einstellungen und senden Sie die Einladung erneut."
            .into())
    })?;
    audit(
        state,
        user,
        "user.invited",
        req.email.as_str(),
        req.role.key(),
    )
    .await;
    Ok(())
}

/// Result of a CSV import: how many were invited, and a German message per rejected line.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct BulkResult {
    pub invited: usize,
    pub problems: Vec<String>,
}

pub async fn invite_csv(
    state: &AppState,
    user: &SessionUser,
    organisation_id: i64,
    csv: &str,
) -> Result<BulkResult, AppError> {
    // Office-wide inviters, or team-limited supervisors of this office (each line is then
    // checked against its team by `invite`).
    let office_wide = require(
        user,
        Action::InviteUser,
        Target::Organisation {
            id: organisation_id,
        },
    )
    .is_ok();
    let team_scoped = user.supervised_teams.iter().any(|team_id| {
        require(
            user,
            Action::InviteUser,
            Target::Team {
                organisation_id,
                team_id: *team_id,
            },
        )
        .is_ok()
    });
    if !office_wide && !team_scoped {
        return Err(AppError::Forbidden);
    }
    let teams: Vec<Team> = state.store.list_teams(organisation_id).await?;
    let (rows, errors) = parse_invite_csv(csv);
    let mut result = BulkResult {
        problems: errors
            .into_iter()
            .map(|e| format!("Zeile {}: {}", e.line, e.message))
            .collect(),
        ..Default::default()
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
        match invite(state, user, req).await {
            Ok(()) => result.invited += 1,
            Err(err) => result.problems.push(format!("Zeile {}: {err}", row.line)),
        }
    }
    Ok(result)
}

/// Sends a fresh link for an open invitation; the old link stops being the newest one.
pub async fn resend(
    state: &AppState,
    user: &SessionUser,
    invitation_id: i64,
) -> Result<(), AppError> {
    let invitation = state
        .store
        .find_invitation_by_id(invitation_id)
        .await?
        .ok_or_else(|| AppError::NotFound("Die Einladung".into()))?;
    let target = match invitation.team_id {
        Some(team_id) => Target::Team {
            organisation_id: invitation.organisation_id,
            team_id,
        },
        None => Target::Organisation {
            id: invitation.organisation_id,
        },
    };
    require(user, Action::InviteUser, target)?;
    let role = invitation
        .roles
        .split(',')
        .next()
        .map(Role::parse)
        .transpose()
        .map_err(|_| AppError::Internal)?
        .unwrap_or(Role::Learner);
    let email = Email::parse(&invitation.email).map_err(|_| AppError::Internal)?;
    let office = state
        .store
        .find_organisation(invitation.organisation_id)
        .await?
        .map(|o| o.name)
        .unwrap_or_default();
    let req = InviteRequest {
        organisation_id: invitation.organisation_id,
        team_id: invitation.team_id,
        email,
        display_name: invitation.display_name,
        role,
    };
    send_invitation(state, user, &req, &office).await
}
