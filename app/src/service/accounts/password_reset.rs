//! Password reset: the request (throttled, always the same answer, mail queued) and the link.

use chrono::Duration;

use super::{new_password_hash, TokenFlowError};
use crate::auth::token::{hash_token, new_token};
use crate::domain::throttle::{self, ThrottleKeys};
use crate::domain::Email;
use crate::error::AppError;
use crate::service::mails::{self, RESET_HOURS};
use crate::state::AppState;
use crate::store::{NewMail, Ts};

/// Queues a reset link if the account exists and is active. The caller answers the same in
/// every case, and nothing here waits for the mail server. Within the throttle limits (per
/// account and per address) a second request sends the still valid link again instead of
/// minting another one.
pub async fn request_password_reset(
    state: &AppState,
    email: &str,
    client: &str,
    now: Ts,
) -> Result<(), AppError> {
    let Ok(email) = Email::parse(email) else {
        return Ok(());
    };
    let store = &state.store;
    let account_key = ThrottleKeys::reset_account(&hash_token(email.as_str()));
    let keys = [account_key.clone(), ThrottleKeys::reset_address(client)];
    let decide = |h: &[Vec<Ts>]| throttle::reset_allowed(&h[0], &h[1], now);
    if !store
        .throttled_event(
            &account_key,
            &keys,
            throttle::window_start(now),
            now,
            &decide,
        )
        .await?
    {
        tracing::info!("password reset request throttled");
        return Ok(());
    }
    let Some(user) = store.find_user_by_email(email.as_str()).await? else {
        return Ok(());
    };
    if !user.active {
        return Ok(());
    }
    if let Some(open) = store.open_password_reset(user.id, now).await? {
        let key = format!("password-reset:{}", open.token_hash);
        if let Some(sent) = store.find_mail_by_dedupe_key(&key).await? {
            let again = NewMail {
                dedupe_key: format!("{key}:again:{}", new_token()),
                category: sent.category,
                user_id: sent.user_id,
                recipient: sent.recipient,
                subject: sent.subject,
                body_text: sent.body_text,
                body_html: sent.body_html,
                unsubscribe_url: None,
                send_after: now,
            };
            store.enqueue_mail(&again, now).await?;
            return Ok(());
        }
    }
    let token = new_token();
    let token_hash = hash_token(&token);
    let link = format!("{}/passwort-neu?token={token}", state.base_url);
    let mail = mails::password_reset(
        &user.email,
        user.id,
        &user.display_name,
        &link,
        &token_hash,
        now,
    );
    store
        .create_password_reset(
            &token_hash,
            user.id,
            now + Duration::hours(RESET_HOURS),
            &mail,
            now,
        )
        .await?;
    Ok(())
}

pub async fn reset_link_valid(state: &AppState, token: &str, now: Ts) -> Result<bool, AppError> {
    Ok(state
        .store
        .password_reset_valid(&hash_token(token), now)
        .await?)
}

/// Uses a reset link once: new password, every session and every other link of the user ends.
pub async fn reset_password(
    state: &AppState,
    token: &str,
    password: &str,
    confirmation: &str,
    now: Ts,
) -> Result<(), TokenFlowError> {
    let hash = hash_token(token);
    if !state.store.password_reset_valid(&hash, now).await? {
        return Err(TokenFlowError::InvalidLink);
    }
    let password_hash = new_password_hash(state, password, confirmation, &[]).await?;
    let user_id = state
        .store
        .consume_password_reset(&hash, &password_hash, now)
        .await?;
    state.hot.forget_user(user_id);
    super::super::audit(
        state,
        Some(user_id),
        "password.reset",
        &format!("user:{user_id}"),
        "",
        now,
    )
    .await;
    Ok(())
}
