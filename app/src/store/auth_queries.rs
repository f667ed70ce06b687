//! Sessions, sign-in failures, invitations, password resets and the audit log.

macro_rules! impl_auth_store {
    ($store:ty, $db:ty) => {
        mod auth_impl {
            use chrono::{DateTime, Utc};

            use $crate::store::{DbError, User};

            /// Loads roles into a user row.
            pub(super) async fn with_roles<'e, E>(executor: E, mut user: User) -> Result<User, DbError>
            where
                E: sqlx::Executor<'e, Database = $db>,
            {
                let roles: Vec<(String,)> =
                    sqlx::query_as("SELECT role FROM user_roles WHERE user_id = $1 ORDER BY role")
                        .bind(user.id)
                        .fetch_all(executor)
                        .await?;
                user.roles = roles
                    .into_iter()
                    .map(|(r,)| $crate::domain::Role::parse(&r))
                    .collect::<Result<_, _>>()
                    .map_err(DbError::Corrupt)?;
                user.roles.sort();
                Ok(user)
            }

            pub(super) const USER_COLUMNS: &str =
                "u.id, u.email, u.display_name, u.organisation_id, u.team_id, u.password_hash, u.active";

            #[derive(sqlx::FromRow)]
            pub(super) struct SessionRow {
                pub user_id: i64,
                pub created_at: DateTime<Utc>,
                pub last_seen_at: DateTime<Utc>,
            }
        }

        #[async_trait::async_trait]
        impl $crate::store::AuthStore for $store {
            #[tracing::instrument(skip_all)]
            async fn create_session(&self, id_hash: &str, user_id: i64, now: chrono::DateTime<chrono::Utc>, expires_at: chrono::DateTime<chrono::Utc>) -> Result<(), $crate::store::DbError> {
                sqlx::query("INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $3, $4)")
                    .bind(id_hash).bind(user_id).bind(now).bind(expires_at)
                    .execute(&self.pool).await?;
                Ok(())
            }

            #[tracing::instrument(skip_all)]
            async fn find_session(&self, id_hash: &str, now: chrono::DateTime<chrono::Utc>) -> Result<Option<$crate::store::SessionRecord>, $crate::store::DbError> {
                let row: Option<auth_impl::SessionRow> = sqlx::query_as(
                    "SELECT user_id, created_at, last_seen_at FROM sessions WHERE id_hash = $1 AND expires_at > $2",
                )
                .bind(id_hash).bind(now)
                .fetch_optional(&self.pool).await?;
                let Some(row) = row else { return Ok(None) };
                let Some(user) = self.find_user_by_id(row.user_id).await? else { return Ok(None) };
                let teams: Vec<(i64,)> = sqlx::query_as("SELECT team_id FROM supervisor_teams WHERE user_id = $1 ORDER BY team_id")
                    .bind(row.user_id)
                    .fetch_all(&self.pool).await?;
                Ok(Some($crate::store::SessionRecord {
                    user,
                    supervised_teams: teams.into_iter().map(|(t,)| t).collect(),
                    created_at: row.created_at,
                    last_seen_at: row.last_seen_at,
                }))
            }

            #[tracing::instrument(skip_all)]
            async fn touch_session(&self, id_hash: &str, now: chrono::DateTime<chrono::Utc>, expires_at: chrono::DateTime<chrono::Utc>) -> Result<(), $crate::store::DbError> {
                sqlx::query("UPDATE sessions SET last_seen_at = $1, expires_at = $2 WHERE id_hash = $3")
                    .bind(now).bind(expires_at).bind(id_hash)
                    .execute(&self.pool).await?;
                Ok(())
            }

            #[tracing::instrument(skip_all)]
            async fn delete_session(&self, id_hash: &str) -> Result<(), $crate::store::DbError> {
                sqlx::query("DELETE FROM sessions WHERE id_hash = $1").bind(id_hash).execute(&self.pool).await?;
                Ok(())
            }

            #[tracing::instrument(skip_all)]
            async fn find_user_by_id(&self, id: i64) -> Result<Option<$crate::store::User>, $crate::store::DbError> {
                let sql = format!("SELECT {} FROM users u WHERE u.id = $1", auth_impl::USER_COLUMNS);
                let user: Option<$crate::store::User> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
                    .bind(id)
                    .fetch_optional(&self.pool).await?;
                match user {
                    Some(user) => Ok(Some(auth_impl::with_roles(&self.pool, user).await?)),
                    None => Ok(None),
                }
            }

            /// Sets a new password and signs the user out everywhere, atomically.
            #[tracing::instrument(skip_all)]
            async fn change_password(&self, user_id: i64, password_hash: &str, now: chrono::DateTime<chrono::Utc>) -> Result<(), $crate::store::DbError> {
                let mut tx = self.pool.begin().await?;
                sqlx::query("UPDATE users SET password_hash = $1, password_changed_at = $2, updated_at = $2 WHERE id = $3")
                    .bind(password_hash).bind(now).bind(user_id)
                    .execute(&mut *tx).await?;
                sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(user_id).execute(&mut *tx).await?;
                tx.commit().await?;
                Ok(())
            }

            #[tracing::instrument(skip_all)]
            async fn record_login_failure(&self, keys: &[String], at: chrono::DateTime<chrono::Utc>) -> Result<(), $crate::store::DbError> {
                let mut tx = self.pool.begin().await?;
                for key in keys {
                    sqlx::query("INSERT INTO login_failures (key, failed_at) VALUES ($1, $2)")
                        .bind(key).bind(at)
                        .execute(&mut *tx).await?;
                }
                tx.commit().await?;
                Ok(())
            }

            #[tracing::instrument(skip_all)]
            async fn login_failures_since(&self, key: &str, since: chrono::DateTime<chrono::Utc>) -> Result<Vec<chrono::DateTime<chrono::Utc>>, $crate::store::DbError> {
                let rows: Vec<(chrono::DateTime<chrono::Utc>,)> = sqlx::query_as(
                    "SELECT failed_at FROM login_failures WHERE key = $1 AND failed_at > $2",
                )
                .bind(key).bind(since)
                .fetch_all(&self.pool).await?;
                Ok(rows.into_iter().map(|(t,)| t).collect())
            }

            #[tracing::instrument(skip_all)]
            async fn clear_login_failures(&self, key: &str) -> Result<(), $crate::store::DbError> {
                sqlx::query("DELETE FROM login_failures WHERE key = $1").bind(key).execute(&self.pool).await?;
                Ok(())
            }

            #[tracing::instrument(skip_all)]
            async fn create_invitation(&self, inv: &$crate::store::NewInvitation) -> Result<i64, $crate::store::DbError> {
                let roles: Vec<&str> = inv.roles.iter().map(|r| r.key()).collect();
                let (id,): (i64,) = sqlx::query_as(
                    "INSERT INTO invitations (email, display_name, organisation_id, team_id, roles, token_hash, \
                     invited_by, expires_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
                )
                .bind(&inv.email).bind(&inv.display_name).bind(inv.organisation_id).bind(inv.team_id)
                .bind(roles.join(",")).bind(&inv.token_hash).bind(inv.invited_by).bind(inv.expires_at)
                .bind(chrono::Utc::now())
                .fetch_one(&self.pool).await?;
                Ok(id)
            }

            #[tracing::instrument(skip_all)]
            async fn find_invitation(&self, token_hash: &str) -> Result<Option<$crate::store::Invitation>, $crate::store::DbError> {
                Ok(sqlx::query_as(
                    "SELECT id, email, display_name, organisation_id, team_id, roles, expires_at, used_at, created_at \
                     FROM invitations WHERE token_hash = $1",
                )
                .bind(token_hash)
                .fetch_optional(&self.pool).await?)
            }

            /// Creates the account (or sets the password of an account created by an earlier
            /// invitation) and marks the invitation used, atomically. `NotFound` when the token is
            /// unknown, used or expired: the caller cannot tell which, and need not.
            #[tracing::instrument(skip_all)]
            async fn accept_invitation(&self, token_hash: &str, password_hash: &str, now: chrono::DateTime<chrono::Utc>) -> Result<i64, $crate::store::DbError> {
                let mut tx = self.pool.begin().await?;
                let inv: Option<$crate::store::Invitation> = sqlx::query_as(
                    "SELECT id, email, display_name, organisation_id, team_id, roles, expires_at, used_at, created_at \
                     FROM invitations WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2",
                )
                .bind(token_hash).bind(now)
                .fetch_optional(&mut *tx).await?;
                let Some(inv) = inv else { return Err($crate::store::DbError::NotFound) };
                let marked = sqlx::query("UPDATE invitations SET used_at = $1 WHERE id = $2 AND used_at IS NULL")
                    .bind(now).bind(inv.id)
                    .execute(&mut *tx).await?;
                if marked.rows_affected() != 1 {
                    return Err($crate::store::DbError::NotFound);
                }
                let existing: Option<(i64,)> = sqlx::query_as("SELECT id FROM users WHERE email = $1")
                    .bind(&inv.email)
                    .fetch_optional(&mut *tx).await?;
                let user_id = match existing {
                    Some((id,)) => {
                        sqlx::query("UPDATE users SET password_hash = $1, password_changed_at = $2, updated_at = $2, active = TRUE WHERE id = $3")
                            .bind(password_hash).bind(now).bind(id)
                            .execute(&mut *tx).await?;
                        id
                    }
                    None => {
                        let (id,): (i64,) = sqlx::query_as(
                            "INSERT INTO users (organisation_id, team_id, email, display_name, password_hash, \
                             password_changed_at, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6, $6) RETURNING id",
                        )
                        .bind(inv.organisation_id).bind(inv.team_id).bind(&inv.email).bind(&inv.display_name)
                        .bind(password_hash).bind(now)
                        .fetch_one(&mut *tx).await?;
                        for role in inv.roles.split(',').filter(|r| !r.is_empty()) {
                            sqlx::query("INSERT INTO user_roles (user_id, role) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                                .bind(id).bind(role)
                                .execute(&mut *tx).await?;
                        }
                        id
                    }
                };
                tx.commit().await?;
                Ok(user_id)
            }

            #[tracing::instrument(skip_all)]
            async fn create_password_reset(&self, token_hash: &str, user_id: i64, expires_at: chrono::DateTime<chrono::Utc>) -> Result<(), $crate::store::DbError> {
                sqlx::query("INSERT INTO password_resets (token_hash, user_id, expires_at, created_at) VALUES ($1, $2, $3, $4)")
                    .bind(token_hash).bind(user_id).bind(expires_at).bind(chrono::Utc::now())
                    .execute(&self.pool).await?;
                Ok(())
            }

            #[tracing::instrument(skip_all)]
            async fn password_reset_valid(&self, token_hash: &str, now: chrono::DateTime<chrono::Utc>) -> Result<bool, $crate::store::DbError> {
                let row: Option<(i64,)> = sqlx::query_as(
                    "SELECT r.user_id FROM password_resets r JOIN users u ON u.id = r.user_id \
                     WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > $2 AND u.active",
                )
                .bind(token_hash).bind(now)
                .fetch_optional(&self.pool).await?;
                Ok(row.is_some())
            }

            /// Uses the token once: sets the password, signs out everywhere. `NotFound` when the
            /// token is unknown, used, expired or the account is deactivated.
            #[tracing::instrument(skip_all)]
            async fn consume_password_reset(&self, token_hash: &str, password_hash: &str, now: chrono::DateTime<chrono::Utc>) -> Result<i64, $crate::store::DbError> {
                let mut tx = self.pool.begin().await?;
                let row: Option<(i64,)> = sqlx::query_as(
                    "UPDATE password_resets SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL \
                     AND expires_at > $1 RETURNING user_id",
                )
                .bind(now).bind(token_hash)
                .fetch_optional(&mut *tx).await?;
                let Some((user_id,)) = row else { return Err($crate::store::DbError::NotFound) };
                let updated = sqlx::query("UPDATE users SET password_hash = $1, password_changed_at = $2, updated_at = $2 WHERE id = $3 AND active")
                    .bind(password_hash).bind(now).bind(user_id)
                    .execute(&mut *tx).await?;
                if updated.rows_affected() != 1 {
                    return Err($crate::store::DbError::NotFound);
                }
                sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(user_id).execute(&mut *tx).await?;
                tx.commit().await?;
                Ok(user_id)
            }

            #[tracing::instrument(skip_all)]
            async fn audit(&self, actor_id: Option<i64>, action: &str, target: &str, details: &str) -> Result<(), $crate::store::DbError> {
                sqlx::query("INSERT INTO audit_log (actor_id, action, target, details, created_at) VALUES ($1, $2, $3, $4, $5)")
                    .bind(actor_id).bind(action).bind(target).bind(details).bind(chrono::Utc::now())
                    .execute(&self.pool).await?;
                Ok(())
            }

            #[tracing::instrument(skip_all)]
            async fn audit_log(&self, limit: i64) -> Result<Vec<$crate::store::AuditEntry>, $crate::store::DbError> {
                Ok(sqlx::query_as(
                    "SELECT a.id, a.actor_id, u.email AS actor_email, a.action, a.target, a.details, a.created_at \
                     FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id ORDER BY a.id DESC LIMIT $1",
                )
                .bind(limit)
                .fetch_all(&self.pool).await?)
            }
        }
    };
}

pub(crate) use impl_auth_store;
