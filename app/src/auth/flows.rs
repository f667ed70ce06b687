//! The account flows behind the sign-in, invitation and password-reset forms. Plain async
//! functions over `AppState`, so handlers stay thin and tests call them directly.

use chrono::{DateTime, Duration, Utc};

use super::password::{hash_password, verify_password};
use super::throttle::{self, MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS};
use super::token::{hash_token, new_token};
use crate::domain::{check_new_password, Email, PasswordProblem};
use crate::error::AppError;
use crate::mail::OutgoingMail;
use crate::state::AppState;
use crate::store::DbError;

pub const INVITATION_DAYS: i64 = 7;
pub const RESET_HOURS: i64 = 1;

#[derive(Debug, PartialEq, Eq)]
pub enum SignIn {
    /// The new session's token, to be set as cookie.
    Success {
        token: String,
    },
    /// Wrong email or password, or a deactivated account: one answer for all.
    Refused,
    Throttled,
}

/// Checks the password and opens a new session (a fresh id: rotation on every sign-in).
pub async fn sign_in(
    state: &AppState,
    email: &str,
    password: &str,
    client: &str,
    now: DateTime<Utc>,
) -> Result<SignIn, AppError> {
    let account_key = throttle::account_key(email);
    let address_key = throttle::address_key(client);
    let since = throttle::window_start(now);
    let store = &state.store;
    let account_failures = store.login_failures_since(&account_key, since).await?;
    let address_failures = store.login_failures_since(&address_key, since).await?;
    if throttle::locked_until(&account_failures, MAX_FAILURES_PER_ACCOUNT, now).is_some()
        || throttle::locked_until(&address_failures, MAX_FAILURES_PER_ADDRESS, now).is_some()
    {
        return Ok(SignIn::Throttled);
    }

    let user = match Email::parse(email) {
        Ok(email) => store.find_user_by_email(email.as_str()).await?,
        Err(_) => None,
    };
    // Unknown accounts are checked against a dummy hash so both answers take as long.
    let stored_hash = user
        .as_ref()
        .and_then(|u| u.password_hash.clone())
        .unwrap_or_else(|| DUMMY_HASH.to_owned());
    let password = password.to_owned();
    let matches = tokio::task::spawn_blocking(move || verify_password(&password, &stored_hash))
        .await
        .map_err(|_| AppError::Internal)?;

    match user {
        Some(user) if matches && user.active && user.password_hash.is_some() => {
            store.clear_login_failures(&account_key).await?;
            let token = new_token();
            let expires = state.sessions.expires_at(now, now);
            store
                .create_session(&hash_token(&token), user.id, now, expires)
                .await?;
            tracing::info!(user_id = user.id, "signed in");
            Ok(SignIn::Success { token })
        }
        _ => {
            store
                .record_login_failure(&[account_key, address_key], now)
                .await?;
            Ok(SignIn::Refused)
        }
    }
}

/// A valid argon2id hash of a random password nobody knows.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0TvNbXgIDr0q2Hu7sOCHkwLZ7tEmfPyxG4dbsFy8Mc0";

pub async fn sign_out(state: &AppState, session_hash: &str) -> Result<(), AppError> {
    state.store.delete_session(session_hash).await?;
    Ok(())
}

#[derive(Debug, PartialEq, Eq)]
pub enum TokenFlowError {
    /// Unknown, used or expired link.
    InvalidLink,
    Password(PasswordProblem),
    Internal,
}

impl From<DbError> for TokenFlowError {
    fn from(err: DbError) -> Self {
        match err {
            DbError::NotFound => TokenFlowError::InvalidLink,
            other => {
                tracing::error!(error = %other, "token flow failed");
                TokenFlowError::Internal
            }
        }
    }
}

/// Sets the invitee's password and activates the account; the link works once.
pub async fn accept_invitation(
    state: &AppState,
    token: &str,
    password: &str,
    confirmation: &str,
    now: DateTime<Utc>,
) -> Result<(), TokenFlowError> {
    let hash = hash_token(token);
    let invitation = state.store.find_invitation(&hash).await?;
    let Some(invitation) = invitation.filter(|i| i.used_at.is_none() && i.expires_at > now) else {
        return Err(TokenFlowError::InvalidLink);
    };
    let password_hash = new_password_hash(
        password,
        confirmation,
        &[&invitation.email, &invitation.display_name],
    )
    .await?;
    let user_id = state
        .store
        .accept_invitation(&hash, &password_hash, now)
        .await?;
    audit(
        state,
        Some(user_id),
        "invitation.accepted",
        &invitation.email,
    )
    .await;
    Ok(())
}

/// Sends a reset link if the account exists and is active; the caller always answers the same.
pub async fn request_password_reset(
    state: &AppState,
    email: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let Ok(email) = Email::parse(email) else {
        return Ok(());
    };
    let Some(user) = state.store.find_user_by_email(email.as_str()).await? else {
        return Ok(());
    };
    if !user.active {
        return Ok(());
    }
    let token = new_token();
    state
        .store
        .create_password_reset(
            &hash_token(&token),
            user.id,
            now + Duration::hours(RESET_HOURS),
        )
        .await?;
    let link = format!("{}/passwort-neu?token={token}", state.base_url);
    let mail = OutgoingMail {
        to: user.email.clone(),
        subject: "Lotse: Passwort zurücksetzen".into(),
        body_text: format!(
            "Guten Tag {},\n\nfür Ihr Lotse-Konto wurde ein neues Passwort angefordert. Über diesen Link \
             können Sie es innerhalb der nächsten {RESET_HOURS} Stunde festlegen:\n\n{link}\n\n\
             Der Link funktioniert nur einmal. Wenn Sie kein neues Passwort angefordert haben, \
             können Sie diese E-Mail ignorieren; Ihr bisheriges Passwort bleibt gültig.\n",
            user.display_name
        ),
    };
    if let Err(err) = state.mailer.send(mail).await {
        tracing::error!(%err, "password reset mail not sent");
        return Err(AppError::Internal);
    }
    Ok(())
}

/// Uses a reset link once: new password, every session of the user ends.
pub async fn reset_password(
    state: &AppState,
    token: &str,
    password: &str,
    confirmation: &str,
    now: DateTime<Utc>,
) -> Result<(), TokenFlowError> {
    let hash = hash_token(token);
    if !state.store.password_reset_valid(&hash, now).await? {
        return Err(TokenFlowError::InvalidLink);
    }
    let password_hash = new_password_hash(password, confirmation, &[]).await?;
    let user_id = state
        .store
        .consume_password_reset(&hash, &password_hash, now)
        .await?;
    audit(
        state,
        Some(user_id),
        "password.reset",
        &format!("user:{user_id}"),
    )
    .await;
    Ok(())
}

async fn new_password_hash(
    password: &str,
    confirmation: &str,
    context: &[&str],
) -> Result<String, TokenFlowError> {
    if password != confirmation {
        return Err(TokenFlowError::Password(PasswordProblem::Mismatch));
    }
    check_new_password(password, context).map_err(TokenFlowError::Password)?;
    let password = password.to_owned();
    tokio::task::spawn_blocking(move || hash_password(&password))
        .await
        .map_err(|_| TokenFlowError::Internal)?
        .map_err(|_| TokenFlowError::Internal)
}

/// Audit failures are logged, never shown: the action itself already happened.
pub async fn audit(state: &AppState, actor: Option<i64>, action: &str, target: &str) {
    if let Err(err) = state.store.audit(actor, action, target, "").await {
        tracing::error!(%err, action, "audit log write failed");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dummy_hash_is_a_valid_argon2id_hash_that_matches_nothing_typed() {
        assert!(DUMMY_HASH.starts_with("$argon2id$"));
        assert!(!verify_password("", DUMMY_HASH));
        assert!(!verify_password("password", DUMMY_HASH));
        // Parsing must succeed, otherwise unknown emails would answer faster.
        assert!(argon2::password_hash::PasswordHash::new(DUMMY_HASH).is_ok());
    }
}
