//! Offices (organisations) and their teams. Shared SQL for both backends.

macro_rules! impl_org_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::store::OrgStore for $store {
            #[tracing::instrument(skip_all, fields(slug = %org.slug))]
            async fn create_organisation(
                &self,
                org: &$crate::store::NewOrganisation,
                teams: &[String],
            ) -> Result<$crate::store::Organisation, $crate::store::DbError> {
                let now = chrono::Utc::now();
                let mut tx = self.pool.begin().await?;
                let created: $crate::store::Organisation = sqlx::query_as(
                    "INSERT INTO organisations (slug, name, land, created_at) \
                     VALUES ($1, $2, $3, $4) RETURNING id, slug, name, land, created_at",
                )
                .bind(&org.slug)
                .bind(&org.name)
                .bind(org.land.key())
                .bind(now)
                .fetch_one(&mut *tx)
                .await?;
                for team in teams {
                    sqlx::query(
                        "INSERT INTO teams (organisation_id, name, created_at) VALUES ($1, $2, $3)",
                    )
                    .bind(created.id)
                    .bind(team)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                }
                tx.commit().await?;
                Ok(created)
            }

            #[tracing::instrument(skip_all)]
            async fn list_organisations(
                &self,
            ) -> Result<Vec<$crate::store::Organisation>, $crate::store::DbError> {
                Ok(sqlx::query_as(
                    "SELECT id, slug, name, land, created_at FROM organisations ORDER BY name",
                )
                .fetch_all(&self.pool)
                .await?)
            }

            #[tracing::instrument(skip_all)]
            async fn list_all_teams(
                &self,
            ) -> Result<Vec<$crate::store::Team>, $crate::store::DbError> {
                Ok(sqlx::query_as(
                    "SELECT id, organisation_id, name FROM teams ORDER BY organisation_id, name",
                )
                .fetch_all(&self.pool)
                .await?)
            }

            #[tracing::instrument(skip_all)]
            async fn list_teams(
                &self,
                organisation_id: i64,
            ) -> Result<Vec<$crate::store::Team>, $crate::store::DbError> {
                Ok(sqlx::query_as(
                    "SELECT id, organisation_id, name FROM teams \
                     WHERE organisation_id = $1 ORDER BY name",
                )
                .bind(organisation_id)
                .fetch_all(&self.pool)
                .await?)
            }
        }
    };
}

pub(crate) use impl_org_store;
