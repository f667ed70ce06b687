//! Invitations: one-time links that let a person set the password of a new account.

use async_trait::async_trait;

use super::{DbError, NewMail, Ts};
use crate::domain::invitation::InvitationFacts;
use crate::domain::scope::Scope;
use crate::domain::Role;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewInvitation {
    pub email: String,
    pub display_name: String,
    pub organisation_id: i64,
    pub team_id: Option<i64>,
    pub roles: Vec<Role>,
    pub token_hash: String,
    pub invited_by: Option<i64>,
    pub expires_at: Ts,
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Invitation {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub organisation_id: i64,
    pub team_id: Option<i64>,
    /// Comma-separated role keys.
    pub roles: String,
    pub expires_at: Ts,
    pub used_at: Option<Ts>,
    pub revoked_at: Option<Ts>,
    pub created_at: Ts,
}

/// An invitation together with what its account looks like now: the input of
/// `domain::invitation::status`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvitationWithAccount {
    pub invitation: Invitation,
    pub facts: InvitationFacts,
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct InvitationRow {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub organisation_id: i64,
    pub organisation_name: String,
    pub team_id: Option<i64>,
    pub team_name: Option<String>,
    pub roles: String,
    pub expires_at: Ts,
    pub created_at: Ts,
}

#[async_trait]
pub trait InvitationStore {
    /// Stores the invitation and queues its mail in one transaction. An older open invitation of
    /// the same email *in the same office* stops working (superseded); invitations of other
    /// offices are untouched.
    async fn create_invitation(
        &self,
        invitation: &NewInvitation,
        mail: &NewMail,
        now: Ts,
    ) -> Result<i64, DbError>;
    async fn find_invitation(
        &self,
        token_hash: &str,
    ) -> Result<Option<InvitationWithAccount>, DbError>;
    async fn find_invitation_by_id(
        &self,
        id: i64,
    ) -> Result<Option<InvitationWithAccount>, DbError>;
    /// Atomically: checks `domain::invitation::status` is `Open` at `now`, creates the account
    /// (or sets the password of one created without), marks every open invitation of that email
    /// used and ends the account's sessions. Never changes `active`. Returns the user id;
    /// `NotFound` for an unknown token or an invitation that is not open.
    async fn accept_invitation(
        &self,
        token_hash: &str,
        password_hash: &str,
        now: Ts,
    ) -> Result<i64, DbError>;
    /// Marks the invitation revoked (if still open); `false` when it was not open.
    async fn revoke_invitation(&self, id: i64, now: Ts) -> Result<bool, DbError>;
    /// Open invitations (unused, not revoked, no account with a password yet) in `scope`,
    /// newest first; expired ones are listed last so they can be sent again.
    async fn list_open_invitations(
        &self,
        scope: &Scope,
        now: Ts,
        limit: i64,
    ) -> Result<Vec<InvitationRow>, DbError>;
}
