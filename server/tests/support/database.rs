//! A fresh database per test: a temporary SQLite file, or a new PostgreSQL database that is
//! dropped afterwards.

use app::store::DynStore;

/// Keeps the database alive for the test and removes it afterwards.
pub enum TestDb {
    Sqlite(tempfile::TempDir),
    Postgres { admin_url: String, name: String },
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let TestDb::Postgres { admin_url, name } = self {
            let (admin_url, name) = (admin_url.clone(), name.clone());
            // Drop runs inside the test's runtime; use a separate thread with its own runtime.
            let _ = std::thread::spawn(move || {
                let rt = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .ok()?;
                rt.block_on(async {
                    let pool = sqlx::PgPool::connect(&admin_url).await.ok()?;
                    let sql = format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                    sqlx::query(sqlx::AssertSqlSafe(sql))
                        .execute(&pool)
                        .await
                        .ok()
                })
            })
            .join();
        }
    }
}

pub async fn sqlite() -> (&'static str, DynStore, String, TestDb) {
    let dir = tempfile::tempdir().expect("tempdir");
    let url = format!("sqlite://{}", dir.path().join("lotse.db").display());
    let store = app::store::connect(&url).await.expect("open sqlite");
    store.migrate().await.expect("migrate sqlite");
    ("sqlite", store, url, TestDb::Sqlite(dir))
}

pub async fn postgres() -> Option<(&'static str, DynStore, String, TestDb)> {
    let admin_url = std::env::var("TEST_POSTGRES_URL").ok()?;
    let url = fresh_postgres_database(&admin_url).await;
    let store = app::store::connect(&url).await.expect("open postgres");
    store.migrate().await.expect("migrate postgres");
    let name = url::Url::parse(&url)
        .expect("url")
        .path()
        .trim_start_matches('/')
        .to_owned();
    Some(("postgres", store, url, TestDb::Postgres { admin_url, name }))
}

/// Creates an empty database next to the one `admin_url` names; returns its URL.
pub async fn fresh_postgres_database(admin_url: &str) -> String {
    let name = format!("lotse_test_{}", random_suffix());
    let admin = sqlx::PgPool::connect(admin_url)
        .await
        .unwrap_or_else(|e| panic!("TEST_POSTGRES_URL is set but unreachable: {e}"));
    let sql = format!("CREATE DATABASE \"{name}\"");
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .execute(&admin)
        .await
        .expect("create test database");
    admin.close().await;
    let mut url = url::Url::parse(admin_url).expect("TEST_POSTGRES_URL is a URL");
    url.set_path(&name);
    url.to_string()
}

fn random_suffix() -> String {
    use rand::Rng;
    let mut rng = rand::rng();
    (0..12)
        .map(|_| char::from(b'a' + rng.random_range(0..26u8)))
        .collect()
}
