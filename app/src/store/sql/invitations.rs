//! Invitations. Whether one may be used is `domain::invitation::status`, decided on the facts
//! read inside the accepting transaction.

use async_trait::async_trait;
use sqlx::QueryBuilder;

use super::users::push_scope;
use super::{dialect, Db, Impl};
use crate::domain::invitation::{self, AccountState, InvitationFacts, InvitationStatus};
use crate::domain::scope::Scope;
use crate::store::{
    DbError, Invitation, InvitationRow, InvitationStore, InvitationWithAccount, NewInvitation,
    NewMail, Ts,
};

/// An invitation joined with the account of its email, if there is one.
const SELECT_WITH_ACCOUNT: &str = "SELECT i.id, i.email, i.display_name, i.organisation_id, i.team_id, \
     i.roles, i.expires_at, i.used_at, i.revoked_at, i.created_at, \
     u.id AS account_id, u.password_hash IS NOT NULL AS account_has_password, u.active AS account_active \
     FROM invitations i LEFT JOIN users u ON u.email = i.email";

#[derive(sqlx::FromRow)]
struct Row {
    #[sqlx(flatten)]
    invitation: Invitation,
    account_id: Option<i64>,
    account_has_password: Option<bool>,
    account_active: Option<bool>,
}

impl Row {
    fn into_with_account(self) -> InvitationWithAccount {
        let account = match (self.account_id, self.account_active) {
            (None, _) => AccountState::Missing,
            (Some(_), active) => AccountState::Exists {
                active: active.unwrap_or(false),
                has_password: self.account_has_password.unwrap_or(false),
            },
        };
        let i = &self.invitation;
        InvitationWithAccount {
            facts: InvitationFacts {
                expires_at: i.expires_at,
                used_at: i.used_at,
                revoked_at: i.revoked_at,
                account,
            },
            invitation: self.invitation,
        }
    }
}

async fn find_where(
    executor: impl sqlx::Executor<'_, Database = Db>,
    column: &str,
    value: impl for<'q> sqlx::Encode<'q, Db> + sqlx::Type<Db> + Send,
) -> Result<Option<InvitationWithAccount>, DbError> {
    let sql = format!("{SELECT_WITH_ACCOUNT} WHERE i.{column} = $1");
    let row: Option<Row> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(value)
        .fetch_optional(executor)
        .await?;
    Ok(row.map(Row::into_with_account))
}

#[async_trait]
impl InvitationStore for Impl {
    #[tracing::instrument(skip_all)]
    async fn create_invitation(
        &self,
        inv: &NewInvitation,
        mail: &NewMail,
        now: Ts,
    ) -> Result<i64, DbError> {
        let roles: Vec<&str> = inv.roles.iter().map(|r| r.key()).collect();
        let mut tx = self.pool.begin().await?;
        // A new link from the same office replaces the older one of that office only.
        sqlx::query(
            "UPDATE invitations SET revoked_at = $3 WHERE email = $1 AND organisation_id = $2 \
             AND used_at IS NULL AND revoked_at IS NULL",
        )
        .bind(&inv.email)
        .bind(inv.organisation_id)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO invitations (email, display_name, organisation_id, team_id, roles, token_hash, \
             invited_by, expires_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        )
        .bind(&inv.email)
        .bind(&inv.display_name)
        .bind(inv.organisation_id)
        .bind(inv.team_id)
        .bind(roles.join(","))
        .bind(&inv.token_hash)
        .bind(inv.invited_by)
        .bind(inv.expires_at)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        super::outbox::insert(&mut tx, mail, now).await?;
        tx.commit().await?;
        Ok(id)
    }

    #[tracing::instrument(skip_all)]
    async fn find_invitation(
        &self,
        token_hash: &str,
    ) -> Result<Option<InvitationWithAccount>, DbError> {
        find_where(&self.pool, "token_hash", token_hash.to_owned()).await
    }

    #[tracing::instrument(skip_all)]
    async fn find_invitation_by_id(
        &self,
        id: i64,
    ) -> Result<Option<InvitationWithAccount>, DbError> {
        find_where(&self.pool, "id", id).await
    }

    #[tracing::instrument(skip_all)]
    async fn accept_invitation(
        &self,
        token_hash: &str,
        password_hash: &str,
        now: Ts,
    ) -> Result<i64, DbError> {
        let mut tx = dialect::begin_locked(&self.pool, &format!("invitation:{token_hash}")).await?;
        let Some(found) = find_where(&mut *tx, "token_hash", token_hash.to_owned()).await? else {
            return Err(DbError::NotFound);
        };
        if invitation::status(&found.facts, now) != InvitationStatus::Open {
            return Err(DbError::NotFound);
        }
        let inv = &found.invitation;
        let existing: Option<(i64,)> = sqlx::query_as("SELECT id FROM users WHERE email = $1")
            .bind(&inv.email)
            .fetch_optional(&mut *tx)
            .await?;
        let user_id = match existing {
            // An account created without a password; `active` stays as it is.
            Some((id,)) => {
                sqlx::query(
                    "UPDATE users SET password_hash = $1, password_changed_at = $2, updated_at = $2, \
                     activated_at = COALESCE(activated_at, $2) WHERE id = $3 AND password_hash IS NULL",
                )
                .bind(password_hash)
                .bind(now)
                .bind(id)
                .execute(&mut *tx)
                .await?;
                id
            }
            None => {
                let (id,): (i64,) = sqlx::query_as(
                    "INSERT INTO users (organisation_id, team_id, email, display_name, password_hash, \
                     password_changed_at, activated_at, created_at, updated_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $6, $6, $6) RETURNING id",
                )
                .bind(inv.organisation_id)
                .bind(inv.team_id)
                .bind(&inv.email)
                .bind(&inv.display_name)
                .bind(password_hash)
                .bind(now)
                .fetch_one(&mut *tx)
                .await?;
                for role in inv.roles.split(',').filter(|r| !r.is_empty()) {
                    sqlx::query("INSERT INTO user_roles (user_id, role) VALUES ($1, $2)")
                        .bind(id)
                        .bind(role)
                        .execute(&mut *tx)
                        .await?;
                }
                id
            }
        };
        // Every other open link of this email (from any office) stops working as well.
        sqlx::query("UPDATE invitations SET used_at = $1 WHERE email = $2 AND used_at IS NULL")
            .bind(now)
            .bind(&inv.email)
            .execute(&mut *tx)
            .await?;
        super::sessions::end_all(&mut tx, user_id).await?;
        tx.commit().await?;
        Ok(user_id)
    }

    #[tracing::instrument(skip_all)]
    async fn revoke_invitation(&self, id: i64, now: Ts) -> Result<bool, DbError> {
        let result = sqlx::query(
            "UPDATE invitations SET revoked_at = $1 WHERE id = $2 AND used_at IS NULL AND revoked_at IS NULL",
        )
        .bind(now)
        .bind(id)
        .execute(&self.pool)
        .await?;
        Ok(result.rows_affected() == 1)
    }

    #[tracing::instrument(skip_all)]
    async fn list_open_invitations(
        &self,
        scope: &Scope,
        now: Ts,
        limit: i64,
    ) -> Result<Vec<InvitationRow>, DbError> {
        let mut qb = QueryBuilder::<Db>::new(
            "SELECT i.id, i.email, i.display_name, i.organisation_id, o.name AS organisation_name, \
             i.team_id, t.name AS team_name, i.roles, i.expires_at, i.created_at \
             FROM invitations i JOIN organisations o ON o.id = i.organisation_id \
             LEFT JOIN teams t ON t.id = i.team_id \
             WHERE i.used_at IS NULL AND i.revoked_at IS NULL \
             AND NOT EXISTS (SELECT 1 FROM users u WHERE u.email = i.email AND u.password_hash IS NOT NULL)",
        );
        push_scope(&mut qb, scope, "i.organisation_id", "i.team_id");
        qb.push(" ORDER BY CASE WHEN i.expires_at <= ")
            .push_bind(now)
            .push(" THEN 1 ELSE 0 END, i.created_at DESC, i.id DESC LIMIT ")
            .push_bind(limit);
        Ok(qb.build_query_as().fetch_all(&self.pool).await?)
    }
}
