//! Users and their roles. Shared SQL for both backends.

macro_rules! impl_user_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::store::UserStore for $store {
            #[tracing::instrument(skip_all)]
            async fn create_user(
                &self,
                user: &$crate::store::NewUser,
            ) -> Result<i64, $crate::store::DbError> {
                let now = chrono::Utc::now();
                let mut tx = self.pool.begin().await?;
                let (id,): (i64,) = sqlx::query_as(
                    "INSERT INTO users (organisation_id, team_id, email, display_name, \
                     password_hash, password_changed_at, created_at, updated_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $6, $6) RETURNING id",
                )
                .bind(user.organisation_id)
                .bind(user.team_id)
                .bind(&user.email)
                .bind(&user.display_name)
                .bind(&user.password_hash)
                .bind(now)
                .fetch_one(&mut *tx)
                .await?;
                for role in &user.roles {
                    sqlx::query("INSERT INTO user_roles (user_id, role) VALUES ($1, $2)")
                        .bind(id)
                        .bind(role.key())
                        .execute(&mut *tx)
                        .await?;
                }
                tx.commit().await?;
                Ok(id)
            }

            #[tracing::instrument(skip_all)]
            async fn find_user_by_email(
                &self,
                email: &str,
            ) -> Result<Option<$crate::store::User>, $crate::store::DbError> {
                let user: Option<$crate::store::User> = sqlx::query_as(
                    "SELECT id, email, display_name, organisation_id, team_id, password_hash, \
                     active FROM users WHERE email = $1",
                )
                .bind(email)
                .fetch_optional(&self.pool)
                .await?;
                match user {
                    // Same role loading as every other user lookup (auth_queries).
                    Some(user) => Ok(Some(auth_impl::with_roles(&self.pool, user).await?)),
                    None => Ok(None),
                }
            }

            #[tracing::instrument(skip_all)]
            async fn set_user_active(
                &self,
                user_id: i64,
                active: bool,
            ) -> Result<(), $crate::store::DbError> {
                let mut tx = self.pool.begin().await?;
                let updated =
                    sqlx::query("UPDATE users SET active = $1, updated_at = $2 WHERE id = $3")
                        .bind(active)
                        .bind(chrono::Utc::now())
                        .bind(user_id)
                        .execute(&mut *tx)
                        .await?;
                if updated.rows_affected() != 1 {
                    return Err($crate::store::DbError::NotFound);
                }
                if !active {
                    // Deactivation ends every session at once, not at the next request.
                    sqlx::query("DELETE FROM sessions WHERE user_id = $1")
                        .bind(user_id)
                        .execute(&mut *tx)
                        .await?;
                }
                tx.commit().await?;
                Ok(())
            }

            #[tracing::instrument(skip_all)]
            async fn count_users(&self) -> Result<i64, $crate::store::DbError> {
                let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM users")
                    .fetch_one(&self.pool)
                    .await?;
                Ok(n)
            }
        }
    };
}

pub(crate) use impl_user_store;
