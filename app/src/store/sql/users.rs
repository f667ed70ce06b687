//! Accounts, roles, team limits. Roles and team limits are loaded in the same statement as the
//! user (aggregated subqueries), so every lookup is one round trip.

use async_trait::async_trait;
use sqlx::QueryBuilder;

use super::{dialect, Db, Impl};
use crate::domain::scope::Scope;
use crate::domain::Role;
use crate::store::{DbError, NewUser, Ts, User, UserFilter, UserPage, UserRow, UserStore};

/// The columns of `UserRecord`, for a query over `users u`.
pub(super) fn user_columns() -> String {
    format!(
        "u.id, u.email, u.display_name, u.organisation_id, u.team_id, u.password_hash, u.active, \
         u.activated_at, \
         (SELECT {} FROM user_roles r WHERE r.user_id = u.id) AS role_list, \
         (SELECT {} FROM supervisor_teams st WHERE st.user_id = u.id) AS team_list",
        dialect::string_agg("r.role"),
        dialect::string_agg("st.team_id"),
    )
}

/// A user row with its roles and team limits as comma-joined lists.
#[derive(sqlx::FromRow)]
pub(super) struct UserRecord {
    #[sqlx(flatten)]
    user: User,
    role_list: Option<String>,
    team_list: Option<String>,
}

impl UserRecord {
    pub(super) fn into_user(self) -> Result<User, DbError> {
        let mut user = self.user;
        user.roles = split(self.role_list.as_deref())
            .map(Role::parse)
            .collect::<Result<Vec<_>, _>>()
            .map_err(DbError::Corrupt)?;
        user.roles.sort();
        user.supervised_teams = split(self.team_list.as_deref())
            .map(|t| {
                t.parse::<i64>()
                    .map_err(|e| DbError::Corrupt(e.to_string()))
            })
            .collect::<Result<Vec<_>, _>>()?;
        user.supervised_teams.sort_unstable();
        Ok(user)
    }
}

fn split(list: Option<&str>) -> impl Iterator<Item = &str> {
    list.unwrap_or_default()
        .split(',')
        .filter(|s| !s.is_empty())
}

/// Appends ` AND <condition>` limiting `office_col`/`team_col` to `scope`.
pub(super) fn push_scope(
    qb: &mut QueryBuilder<Db>,
    scope: &Scope,
    office_col: &str,
    team_col: &str,
) {
    match scope {
        Scope::All => {}
        Scope::Nothing => {
            qb.push(" AND 1 = 0");
        }
        Scope::Office {
            organisation_id,
            teams,
        } => {
            qb.push(format!(" AND {office_col} = "))
                .push_bind(*organisation_id);
            if let Some(teams) = teams {
                if teams.is_empty() {
                    qb.push(" AND 1 = 0");
                } else {
                    qb.push(format!(" AND {team_col} IN ("));
                    let mut list = qb.separated(", ");
                    for team in teams {
                        list.push_bind(*team);
                    }
                    qb.push(")");
                }
            }
        }
    }
}

async fn find_by(
    store: &Impl,
    column: &str,
    value: impl FnOnce(&mut QueryBuilder<Db>),
) -> Result<Option<User>, DbError> {
    let mut qb = QueryBuilder::<Db>::new(format!(
        "SELECT {} FROM users u WHERE u.{column} = ",
        user_columns()
    ));
    value(&mut qb);
    let record: Option<UserRecord> = qb.build_query_as().fetch_optional(&store.pool).await?;
    record.map(UserRecord::into_user).transpose()
}

/// Condition keeping at least one other active admin: appended to a write on user `$1`.
const ANOTHER_ACTIVE_ADMIN: &str =
    "EXISTS (SELECT 1 FROM users a JOIN user_roles ar ON ar.user_id = a.id \
     WHERE ar.role = 'admin' AND a.active AND a.id <> $1)";

/// The lock under which every change that could remove the last active admin runs.
const ADMIN_GUARD: &str = "admin-guard";

#[async_trait]
impl UserStore for Impl {
    #[tracing::instrument(skip_all)]
    async fn create_user(&self, user: &NewUser, now: Ts) -> Result<i64, DbError> {
        let mut tx = self.pool.begin().await?;
        let activated_at = user.password_hash.as_ref().map(|_| now);
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO users (organisation_id, team_id, email, display_name, password_hash, \
             password_changed_at, activated_at, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $6, $6) RETURNING id",
        )
        .bind(user.organisation_id)
        .bind(user.team_id)
        .bind(&user.email)
        .bind(&user.display_name)
        .bind(&user.password_hash)
        .bind(now)
        .bind(activated_at)
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
    async fn find_user_by_id(&self, id: i64) -> Result<Option<User>, DbError> {
        find_by(self, "id", |qb| {
            qb.push_bind(id);
        })
        .await
    }

    #[tracing::instrument(skip_all)]
    async fn find_user_by_email(&self, email: &str) -> Result<Option<User>, DbError> {
        let email = email.to_owned();
        find_by(self, "email", |qb| {
            qb.push_bind(email);
        })
        .await
    }

    #[tracing::instrument(skip_all)]
    async fn count_users(&self) -> Result<i64, DbError> {
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM users")
            .fetch_one(&self.pool)
            .await?;
        Ok(n)
    }

    #[tracing::instrument(skip_all)]
    async fn list_users(&self, filter: &UserFilter) -> Result<UserPage, DbError> {
        let conditions = |qb: &mut QueryBuilder<Db>| {
            push_scope(qb, &filter.scope, "u.organisation_id", "u.team_id");
            if let Some(office) = filter.organisation_id {
                qb.push(" AND u.organisation_id = ").push_bind(office);
            }
            if let Some(role) = filter.role {
                qb.push(" AND EXISTS (SELECT 1 FROM user_roles fr WHERE fr.user_id = u.id AND fr.role = ")
                    .push_bind(role.key())
                    .push(")");
            }
            if let Some(search) = filter
                .search
                .as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
            {
                let pattern = format!("%{}%", search.to_lowercase());
                qb.push(" AND (LOWER(u.email) LIKE ")
                    .push_bind(pattern.clone())
                    .push(" OR LOWER(u.display_name) LIKE ")
                    .push_bind(pattern)
                    .push(")");
            }
        };
        let mut count = QueryBuilder::<Db>::new("SELECT COUNT(*) FROM users u WHERE 1 = 1");
        conditions(&mut count);
        let (total,): (i64,) = count.build_query_as().fetch_one(&self.pool).await?;

        let mut qb = QueryBuilder::<Db>::new(format!(
            "SELECT u.id, u.email, u.display_name, u.organisation_id, o.name AS organisation_name, \
             u.team_id, t.name AS team_name, u.active, u.password_hash IS NOT NULL AS has_password, \
             (SELECT {} FROM user_roles r WHERE r.user_id = u.id) AS role_list \
             FROM users u LEFT JOIN organisations o ON o.id = u.organisation_id \
             LEFT JOIN teams t ON t.id = u.team_id WHERE 1 = 1",
            dialect::string_agg("r.role")
        ));
        conditions(&mut qb);
        qb.push(" ORDER BY u.display_name, u.email, u.id LIMIT ")
            .push_bind(filter.limit)
            .push(" OFFSET ")
            .push_bind(filter.offset);
        let rows: Vec<ListedUser> = qb.build_query_as().fetch_all(&self.pool).await?;
        let rows = rows
            .into_iter()
            .map(ListedUser::into_row)
            .collect::<Result<_, _>>()?;
        Ok(UserPage { rows, total })
    }

    #[tracing::instrument(skip_all)]
    async fn set_user_active(&self, user_id: i64, active: bool, now: Ts) -> Result<(), DbError> {
        let mut tx = dialect::begin_locked(&self.pool, ADMIN_GUARD).await?;
        let sql = if active {
            "UPDATE users SET active = TRUE, updated_at = $2 WHERE id = $1".to_owned()
        } else {
            format!(
                "UPDATE users SET active = FALSE, updated_at = $2 WHERE id = $1 AND (NOT EXISTS \
                 (SELECT 1 FROM user_roles r WHERE r.user_id = $1 AND r.role = 'admin') OR {ANOTHER_ACTIVE_ADMIN})"
            )
        };
        let updated = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(user_id)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        if updated.rows_affected() != 1 {
            let exists: Option<(i64,)> = sqlx::query_as("SELECT id FROM users WHERE id = $1")
                .bind(user_id)
                .fetch_optional(&mut *tx)
                .await?;
            return Err(match exists {
                Some(_) => DbError::LastActiveAdmin,
                None => DbError::NotFound,
            });
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
    async fn set_user_roles(&self, user_id: i64, roles: &[Role], now: Ts) -> Result<(), DbError> {
        let mut tx = dialect::begin_locked(&self.pool, ADMIN_GUARD).await?;
        let updated = sqlx::query("UPDATE users SET updated_at = $2 WHERE id = $1")
            .bind(user_id)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        if updated.rows_affected() != 1 {
            return Err(DbError::NotFound);
        }
        if !roles.contains(&Role::Admin) {
            let sql = format!(
                "SELECT 1 FROM users u JOIN user_roles r ON r.user_id = u.id \
                 WHERE u.id = $1 AND u.active AND r.role = 'admin' AND NOT {ANOTHER_ACTIVE_ADMIN}"
            );
            let last: Option<(i32,)> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
                .bind(user_id)
                .fetch_optional(&mut *tx)
                .await?;
            if last.is_some() {
                return Err(DbError::LastActiveAdmin);
            }
        }
        sqlx::query("DELETE FROM user_roles WHERE user_id = $1")
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        for role in roles {
            sqlx::query("INSERT INTO user_roles (user_id, role) VALUES ($1, $2)")
                .bind(user_id)
                .bind(role.key())
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    #[tracing::instrument(skip_all)]
    async fn set_supervised_teams(&self, user_id: i64, teams: &[i64]) -> Result<(), DbError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("DELETE FROM supervisor_teams WHERE user_id = $1")
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        for team in teams {
            // The composite key refuses a team of another office than the supervisor's.
            sqlx::query(
                "INSERT INTO supervisor_teams (user_id, organisation_id, team_id) \
                 SELECT id, organisation_id, $2 FROM users WHERE id = $1",
            )
            .bind(user_id)
            .bind(team)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Sets a new password, signs the user out everywhere and voids open reset links, atomically.
    #[tracing::instrument(skip_all)]
    async fn change_password(
        &self,
        user_id: i64,
        password_hash: &str,
        now: Ts,
    ) -> Result<(), DbError> {
        let mut tx = self.pool.begin().await?;
        if !set_password(&mut tx, user_id, password_hash, now, false).await? {
            return Err(DbError::NotFound);
        }
        tx.commit().await?;
        Ok(())
    }
}

/// Inside the caller's transaction: the new password, every session ended, every open reset
/// link void. `only_active` leaves deactivated accounts untouched. `false` when nothing changed.
pub(super) async fn set_password(
    tx: &mut dialect::Tx,
    user_id: i64,
    password_hash: &str,
    now: Ts,
    only_active: bool,
) -> Result<bool, DbError> {
    let updated = sqlx::query(
        "UPDATE users SET password_hash = $1, password_changed_at = $2, updated_at = $2, \
         activated_at = COALESCE(activated_at, $2) WHERE id = $3 AND (active OR NOT $4)",
    )
    .bind(password_hash)
    .bind(now)
    .bind(user_id)
    .bind(only_active)
    .execute(&mut **tx)
    .await?;
    if updated.rows_affected() != 1 {
        return Ok(false);
    }
    super::sessions::end_all(tx, user_id).await?;
    super::password_resets::void_open(tx, user_id, now).await?;
    Ok(true)
}

#[derive(sqlx::FromRow)]
struct ListedUser {
    #[sqlx(flatten)]
    row: UserRow,
    role_list: Option<String>,
}

impl ListedUser {
    fn into_row(self) -> Result<UserRow, DbError> {
        let mut row = self.row;
        row.roles = split(self.role_list.as_deref())
            .map(Role::parse)
            .collect::<Result<Vec<_>, _>>()
            .map_err(DbError::Corrupt)?;
        row.roles.sort();
        Ok(row)
    }
}
