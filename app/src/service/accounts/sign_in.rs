//! Signing in: throttled per account and address before the password is even checked.

use std::sync::Mutex;

use super::verify;
use crate::auth::token::{hash_token, new_token};
use crate::domain::throttle::{self, ThrottleKeys};
use crate::domain::Email;
use crate::error::AppError;
use crate::state::AppState;
use crate::store::Ts;

#[derive(Debug, PartialEq, Eq)]
pub enum SignIn {
    /// The new session's token, to be set as cookie.
    Success { token: String },
    /// Wrong email or password, or a deactivated account: one answer for all.
    Refused,
    /// Too many recent failures of this account from this address: try again at `until`.
    Throttled { until: Ts },
}

/// Checks the password and opens a new session (a fresh id: rotation on every sign-in).
///
/// The attempt is recorded as a failure *before* the password is verified, under a lock on the
/// account and address, so parallel guesses cannot all slip under the limit; a success removes
/// that record again.
pub async fn sign_in(
    state: &AppState,
    email: &str,
    password: &str,
    client: &str,
    now: Ts,
) -> Result<SignIn, AppError> {
    let email_hash = hash_token(&email.trim().to_lowercase());
    let pair = ThrottleKeys::sign_in_pair(&email_hash, client);
    let address = ThrottleKeys::sign_in_address(client);
    let keys = [pair.clone(), address.clone()];
    let wait: Mutex<Option<Ts>> = Mutex::new(None);
    let decide = |history: &[Vec<Ts>]| {
        let until = throttle::sign_in_wait(&history[0], &history[1], now);
        if let Ok(mut slot) = wait.lock() {
            *slot = until;
        }
        until.is_none()
    };
    let store = &state.store;
    if !store
        .throttled_event(&pair, &keys, throttle::window_start(now), now, &decide)
        .await?
    {
        let until = wait.lock().ok().and_then(|w| *w).unwrap_or(now);
        return Ok(SignIn::Throttled { until });
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
    let matches = verify(state, password, stored_hash)
        .await
        .ok_or(AppError::Internal)?;

    match user {
        Some(user) if matches && user.active && user.password_hash.is_some() => {
            store.clear_events(&pair).await?;
            store.forget_event(&[address], now).await?;
            let token = new_token();
            let expires = state.sessions.expires_at(now, now);
            store
                .create_session(&hash_token(&token), user.id, now, expires)
                .await?;
            tracing::info!(user_id = user.id, "signed in");
            Ok(SignIn::Success { token })
        }
        _ => Ok(SignIn::Refused),
    }
}

/// A valid argon2id hash of a random password nobody knows.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0TvNbXgIDr0q2Hu7sOCHkwLZ7tEmfPyxG4dbsFy8Mc0";

pub async fn sign_out(state: &AppState, session_hash: &str) -> Result<(), AppError> {
    state.hot.forget_session(session_hash);
    state.store.delete_session(session_hash).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::password::verify_password;

    #[test]
    fn the_dummy_hash_is_a_valid_argon2id_hash_that_matches_nothing_typed() {
        assert!(DUMMY_HASH.starts_with("$argon2id$"));
        assert!(!verify_password("", DUMMY_HASH));
        assert!(!verify_password("password", DUMMY_HASH));
        // Parsing must succeed, otherwise unknown emails would answer faster.
        assert!(argon2::password_hash::PasswordHash::new(DUMMY_HASH).is_ok());
    }
}
