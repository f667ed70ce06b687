//! Offices (organisations) and their teams.

use async_trait::async_trait;

use super::{DbError, Ts};
use crate::domain::minimisation::OversightLevel;
use crate::domain::Land;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewOrganisation {
    pub slug: String,
    pub name: String,
    pub land: Land,
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Organisation {
    pub id: i64,
    pub slug: String,
    pub name: String,
    #[sqlx(try_from = "String")]
    pub land: Land,
    /// What the office's supervisors see (`domain::minimisation`).
    #[sqlx(try_from = "String")]
    pub oversight_level: OversightLevel,
    pub created_at: Ts,
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Team {
    pub id: i64,
    pub organisation_id: i64,
    pub name: String,
}

#[async_trait]
pub trait OrganisationStore {
    /// Creates an office together with its teams, atomically.
    async fn create_organisation(
        &self,
        org: &NewOrganisation,
        teams: &[String],
        now: Ts,
    ) -> Result<Organisation, DbError>;
    async fn list_organisations(&self) -> Result<Vec<Organisation>, DbError>;
    async fn find_organisation(&self, id: i64) -> Result<Option<Organisation>, DbError>;
    /// A team name taken in the office is a unique `Conflict`; an unknown office a foreign-key one.
    async fn create_team(&self, organisation_id: i64, name: &str, now: Ts)
        -> Result<Team, DbError>;
    async fn find_team(&self, id: i64) -> Result<Option<Team>, DbError>;
    async fn list_teams(&self, organisation_id: i64) -> Result<Vec<Team>, DbError>;
    async fn set_oversight_level(
        &self,
        organisation_id: i64,
        level: OversightLevel,
    ) -> Result<bool, DbError>;
    /// Every team of every office, ordered by office and name (one query for overviews).
    async fn list_all_teams(&self) -> Result<Vec<Team>, DbError>;
}
