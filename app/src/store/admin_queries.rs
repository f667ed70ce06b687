//! Administration reads and writes: teams, the user list, roles, open invitations.

macro_rules! impl_admin_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::store::AdminStore for $store {
            #[tracing::instrument(skip_all)]
            async fn create_team(&self, organisation_id: i64, name: &str) -> Result<$crate::store::Team, $crate::store::DbError> {
                Ok(sqlx::query_as(
                    "INSERT INTO teams (organisation_id, name, created_at) VALUES ($1, $2, $3) \
                     RETURNING id, organisation_id, name",
                )
                .bind(organisation_id).bind(name).bind(chrono::Utc::now())
                .fetch_one(&self.pool).await?)
            }

            #[tracing::instrument(skip_all)]
            async fn find_team(&self, id: i64) -> Result<Option<$crate::store::Team>, $crate::store::DbError> {
                Ok(sqlx::query_as("SELECT id, organisation_id, name FROM teams WHERE id = $1")
                    .bind(id)
                    .fetch_optional(&self.pool).await?)
            }

            #[tracing::instrument(skip_all)]
            async fn list_users(&self, filter: &$crate::store::UserFilter) -> Result<Vec<$crate::store::UserRow>, $crate::store::DbError> {
                let search = filter.search.as_deref().map(|s| format!("%{}%", s.trim().to_lowercase()));
                // Team limits are applied in Rust: an IN list would need per-dialect SQL.
                let mut users: Vec<$crate::store::UserRow> = sqlx::query_as(
                    "SELECT u.id, u.email, u.display_name, u.organisation_id, o.name AS organisation_name, \
                     u.team_id, t.name AS team_name, u.active, u.password_hash IS NOT NULL AS has_password \
                     FROM users u LEFT JOIN organisations o ON o.id = u.organisation_id \
                     LEFT JOIN teams t ON t.id = u.team_id \
                     WHERE ($1 IS NULL OR u.organisation_id = $1) \
                     AND ($2 IS NULL OR EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = $2)) \
                     AND ($3 IS NULL OR LOWER(u.email) LIKE $3 OR LOWER(u.display_name) LIKE $3) \
                     ORDER BY u.display_name, u.email LIMIT 500",
                )
                .bind(filter.organisation_id)
                .bind(filter.role.map(|r| r.key()))
                .bind(search)
                .fetch_all(&self.pool).await?;
                if !filter.team_ids.is_empty() {
                    users.retain(|u| u.team_id.is_some_and(|t| filter.team_ids.contains(&t)));
                }
                let roles: Vec<(i64, String)> = sqlx::query_as(
                    "SELECT r.user_id, r.role FROM user_roles r JOIN users u ON u.id = r.user_id \
                     WHERE ($1 IS NULL OR u.organisation_id = $1) ORDER BY r.role",
                )
                .bind(filter.organisation_id)
                .fetch_all(&self.pool).await?;
                for (user_id, role) in roles {
                    if let Some(user) = users.iter_mut().find(|u| u.id == user_id) {
                        user.roles.push($crate::domain::Role::parse(&role).map_err($crate::store::DbError::Corrupt)?);
                    }
                }
                Ok(users)
            }

            #[tracing::instrument(skip_all)]
            async fn set_user_roles(&self, user_id: i64, roles: &[$crate::domain::Role]) -> Result<(), $crate::store::DbError> {
                let mut tx = self.pool.begin().await?;
                sqlx::query("DELETE FROM user_roles WHERE user_id = $1").bind(user_id).execute(&mut *tx).await?;
                for role in roles {
                    sqlx::query("INSERT INTO user_roles (user_id, role) VALUES ($1, $2)")
                        .bind(user_id).bind(role.key())
                        .execute(&mut *tx).await?;
                }
                sqlx::query("UPDATE users SET updated_at = $1 WHERE id = $2")
                    .bind(chrono::Utc::now()).bind(user_id)
                    .execute(&mut *tx).await?;
                tx.commit().await?;
                Ok(())
            }

            #[tracing::instrument(skip_all)]
            async fn count_active_admins(&self) -> Result<i64, $crate::store::DbError> {
                let (n,): (i64,) = sqlx::query_as(
                    "SELECT COUNT(*) FROM users u JOIN user_roles r ON r.user_id = u.id \
                     WHERE r.role = 'admin' AND u.active",
                )
                .fetch_one(&self.pool).await?;
                Ok(n)
            }

            #[tracing::instrument(skip_all)]
            async fn list_open_invitations(&self, organisation_id: Option<i64>, now: chrono::DateTime<chrono::Utc>) -> Result<Vec<$crate::store::InvitationRow>, $crate::store::DbError> {
                Ok(sqlx::query_as(
                    "SELECT i.id, i.email, i.display_name, i.organisation_id, o.name AS organisation_name, \
                     i.team_id, t.name AS team_name, i.roles, i.expires_at, i.created_at \
                     FROM invitations i JOIN organisations o ON o.id = i.organisation_id \
                     LEFT JOIN teams t ON t.id = i.team_id \
                     WHERE i.used_at IS NULL AND ($1 IS NULL OR i.organisation_id = $1) \
                     AND NOT EXISTS (SELECT 1 FROM invitations newer WHERE newer.email = i.email AND newer.id > i.id) \
                     AND NOT EXISTS (SELECT 1 FROM users u WHERE u.email = i.email AND u.password_hash IS NOT NULL) \
                     ORDER BY i.expires_at < $2, i.created_at DESC LIMIT 500",
                )
                .bind(organisation_id).bind(now)
                .fetch_all(&self.pool).await?)
            }

            #[tracing::instrument(skip_all)]
            async fn find_invitation_by_id(&self, id: i64) -> Result<Option<$crate::store::Invitation>, $crate::store::DbError> {
                Ok(sqlx::query_as(
                    "SELECT id, email, display_name, organisation_id, team_id, roles, expires_at, used_at, created_at \
                     FROM invitations WHERE id = $1",
                )
                .bind(id)
                .fetch_optional(&self.pool).await?)
            }

            #[tracing::instrument(skip_all)]
            async fn find_organisation(&self, id: i64) -> Result<Option<$crate::store::Organisation>, $crate::store::DbError> {
                Ok(sqlx::query_as("SELECT id, slug, name, land, created_at FROM organisations WHERE id = $1")
                    .bind(id)
                    .fetch_optional(&self.pool).await?)
            }
        }
    };
}

pub(crate) use impl_admin_store;
