//! Offices and teams.

use async_trait::async_trait;

use crate::domain::minimisation::OversightLevel;

use super::Impl;
use crate::store::{DbError, NewOrganisation, Organisation, OrganisationStore, Team, Ts};

const ORGANISATION_COLUMNS: &str = "id, slug, name, land, oversight_level, created_at";

#[async_trait]
impl OrganisationStore for Impl {
    #[tracing::instrument(skip_all, fields(slug = %org.slug))]
    async fn create_organisation(
        &self,
        org: &NewOrganisation,
        teams: &[String],
        now: Ts,
    ) -> Result<Organisation, DbError> {
        let mut tx = self.pool.begin().await?;
        let created: Organisation = sqlx::query_as(
            "INSERT INTO organisations (slug, name, land, created_at) \
             VALUES ($1, $2, $3, $4) RETURNING id, slug, name, land, oversight_level, created_at",
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
    async fn list_organisations(&self) -> Result<Vec<Organisation>, DbError> {
        let sql = format!("SELECT {ORGANISATION_COLUMNS} FROM organisations ORDER BY name");
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .fetch_all(&self.pool)
            .await?)
    }

    #[tracing::instrument(skip_all)]
    async fn find_organisation(&self, id: i64) -> Result<Option<Organisation>, DbError> {
        let sql = format!("SELECT {ORGANISATION_COLUMNS} FROM organisations WHERE id = $1");
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?)
    }

    #[tracing::instrument(skip_all)]
    async fn create_team(
        &self,
        organisation_id: i64,
        name: &str,
        now: Ts,
    ) -> Result<Team, DbError> {
        Ok(sqlx::query_as(
            "INSERT INTO teams (organisation_id, name, created_at) VALUES ($1, $2, $3) \
             RETURNING id, organisation_id, name",
        )
        .bind(organisation_id)
        .bind(name)
        .bind(now)
        .fetch_one(&self.pool)
        .await?)
    }

    #[tracing::instrument(skip_all)]
    async fn find_team(&self, id: i64) -> Result<Option<Team>, DbError> {
        Ok(
            sqlx::query_as("SELECT id, organisation_id, name FROM teams WHERE id = $1")
                .bind(id)
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    #[tracing::instrument(skip_all)]
    async fn list_teams(&self, organisation_id: i64) -> Result<Vec<Team>, DbError> {
        Ok(sqlx::query_as(
            "SELECT id, organisation_id, name FROM teams WHERE organisation_id = $1 ORDER BY name",
        )
        .bind(organisation_id)
        .fetch_all(&self.pool)
        .await?)
    }

    #[tracing::instrument(skip_all)]
    async fn set_oversight_level(
        &self,
        organisation_id: i64,
        level: OversightLevel,
    ) -> Result<bool, DbError> {
        let done = sqlx::query("UPDATE organisations SET oversight_level = $2 WHERE id = $1")
            .bind(organisation_id)
            .bind(level.key())
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected() == 1)
    }

    #[tracing::instrument(skip_all)]
    async fn list_all_teams(&self) -> Result<Vec<Team>, DbError> {
        Ok(sqlx::query_as(
            "SELECT id, organisation_id, name FROM teams ORDER BY organisation_id, name",
        )
        .fetch_all(&self.pool)
        .await?)
    }
}
