//! The two dialects' schemas cannot drift: after all migrations, SQLite and PostgreSQL have the
//! same tables, columns (and whether they may be NULL), primary keys, foreign keys (with their
//! ON DELETE action), unique keys, named indexes and CHECK constraints. Needs PostgreSQL.

mod support;

use std::collections::{BTreeMap, BTreeSet};

use sqlx::Row;

#[derive(Debug, Default, Clone, PartialEq, Eq)]
struct Table {
    /// column → NOT NULL
    columns: BTreeMap<String, bool>,
    primary_key: Vec<String>,
    /// (columns, referenced table, referenced columns, on delete)
    foreign_keys: BTreeSet<(Vec<String>, String, Vec<String>, String)>,
    /// column sets with a unique index or constraint (besides the primary key)
    unique: BTreeSet<Vec<String>>,
    /// name → columns of the other indexes
    indexes: BTreeMap<String, Vec<String>>,
    /// CHECK constraint names (SQLite knows only those given explicitly; PostgreSQL names
    /// every check, so SQLite's names must be a subset), and how many there are in all
    checks: BTreeSet<String>,
    check_count: usize,
}

type Schema = BTreeMap<String, Table>;

async fn sqlite_schema(url: &str) -> Schema {
    let pool = sqlx::SqlitePool::connect(url).await.unwrap();
    let tables: Vec<(String, String)> = sqlx::query_as(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' \
         AND name NOT LIKE 'sqlite_%' AND name <> '_sqlx_migrations' ORDER BY name",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    let mut schema = Schema::new();
    for (name, sql) in tables {
        let mut t = Table::default();
        let cols = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT name, \"notnull\", pk FROM pragma_table_info('{name}') ORDER BY pk, cid"
        )))
        .fetch_all(&pool)
        .await
        .unwrap();
        for c in cols {
            let (col, notnull, pk): (String, i64, i64) = (c.get(0), c.get(1), c.get(2));
            t.columns.insert(col.clone(), notnull == 1 || pk > 0);
            if pk > 0 {
                t.primary_key.push(col);
            }
        }
        let fks = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT id, \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{name}') ORDER BY id, seq"
        )))
        .fetch_all(&pool)
        .await
        .unwrap();
        let mut grouped: BTreeMap<i64, (Vec<String>, String, Vec<String>, String)> =
            BTreeMap::new();
        for f in fks {
            let entry = grouped.entry(f.get::<i64, _>(0)).or_insert_with(|| {
                (
                    Vec::new(),
                    f.get(1),
                    Vec::new(),
                    f.get::<String, _>(4).to_uppercase(),
                )
            });
            entry.0.push(f.get(2));
            entry
                .2
                .push(f.get::<Option<String>, _>(3).unwrap_or_else(|| "id".into()));
        }
        t.foreign_keys = grouped.into_values().collect();
        let indexes = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT name, \"unique\", origin FROM pragma_index_list('{name}')"
        )))
        .fetch_all(&pool)
        .await
        .unwrap();
        for i in indexes {
            let (index, unique, origin): (String, i64, String) = (i.get(0), i.get(1), i.get(2));
            let cols: Vec<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
                "SELECT name FROM pragma_index_info('{index}') ORDER BY seqno"
            )))
            .fetch_all(&pool)
            .await
            .unwrap();
            match (origin.as_str(), unique) {
                ("pk", _) => {}
                (_, 1) => {
                    t.unique.insert(cols);
                }
                _ => {
                    t.indexes.insert(index, cols);
                }
            }
        }
        t.check_count = sql.matches("CHECK (").count() + sql.matches("CHECK(").count();
        let words: Vec<&str> = sql.split_whitespace().collect();
        for w in words.windows(3) {
            if w[0] == "CONSTRAINT" && w[2].starts_with("CHECK") {
                t.checks.insert(w[1].to_owned());
            }
        }
        schema.insert(name, t);
    }
    schema
}

async fn postgres_schema(url: &str) -> Schema {
    let pool = sqlx::PgPool::connect(url).await.unwrap();
    let cols = sqlx::query(
        "SELECT table_name::text, column_name::text, is_nullable = 'NO' FROM information_schema.columns \
         WHERE table_schema = 'public' AND table_name <> '_sqlx_migrations' ORDER BY table_name, ordinal_position",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    let mut schema = Schema::new();
    for c in cols {
        schema
            .entry(c.get::<String, _>(0))
            .or_default()
            .columns
            .insert(c.get(1), c.get(2));
    }
    let constraints = sqlx::query(
        "SELECT rel.relname::text, con.conname::text, con.contype::text, \
         ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(n, i) \
               JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.i), \
         COALESCE(ref.relname::text, ''), \
         ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(n, i) \
               JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.i), \
         con.confdeltype::text \
         FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid \
         JOIN pg_namespace ns ON ns.oid = rel.relnamespace LEFT JOIN pg_class ref ON ref.oid = con.confrelid \
         WHERE ns.nspname = 'public' AND rel.relname <> '_sqlx_migrations'",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    for c in constraints {
        let t = schema.entry(c.get::<String, _>(0)).or_default();
        let (name, kind, cols): (String, String, Vec<String>) = (c.get(1), c.get(2), c.get(3));
        match kind.as_str() {
            "p" => t.primary_key = cols,
            "u" => {
                t.unique.insert(cols);
            }
            "c" => {
                t.check_count += 1;
                t.checks.insert(name);
            }
            "f" => {
                let action = match c.get::<String, _>(6).as_str() {
                    "c" => "CASCADE",
                    "n" => "SET NULL",
                    "r" => "RESTRICT",
                    "d" => "SET DEFAULT",
                    _ => "NO ACTION",
                };
                t.foreign_keys
                    .insert((cols, c.get(4), c.get(5), action.to_owned()));
            }
            _ => {}
        }
    }
    let indexes = sqlx::query(
        "SELECT t.relname::text, i.relname::text, ix.indisunique, ix.indisprimary, \
         EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = ix.indexrelid), \
         ARRAY(SELECT a.attname::text FROM unnest(ix.indkey) WITH ORDINALITY k(n, o) \
               JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.n ORDER BY k.o) \
         FROM pg_index ix JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_class i ON i.oid = ix.indexrelid \
         JOIN pg_namespace ns ON ns.oid = t.relnamespace WHERE ns.nspname = 'public' AND t.relname <> '_sqlx_migrations'",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    for i in indexes {
        let t = schema.entry(i.get::<String, _>(0)).or_default();
        let (name, unique, primary, from_constraint, cols): (
            String,
            bool,
            bool,
            bool,
            Vec<String>,
        ) = (i.get(1), i.get(2), i.get(3), i.get(4), i.get(5));
        if primary || from_constraint {
            continue;
        }
        if unique {
            t.unique.insert(cols);
        } else {
            t.indexes.insert(name, cols);
        }
    }
    schema
}

#[tokio::test]
async fn sqlite_and_postgresql_schemas_are_the_same() {
    let Some(pg) = support::TestApp::builder().postgres().await else {
        eprintln!("TEST_POSTGRES_URL not set: the schema comparison needs PostgreSQL");
        return;
    };
    let sqlite = support::TestApp::sqlite().await;
    let (lite, post) = (
        sqlite_schema(&sqlite.database_url).await,
        postgres_schema(&pg.database_url).await,
    );
    assert_eq!(
        lite.keys().collect::<Vec<_>>(),
        post.keys().collect::<Vec<_>>(),
        "tables differ"
    );
    let mut differences = Vec::new();
    for (name, l) in &lite {
        let mut p = post[name].clone();
        let missing: Vec<_> = l.checks.difference(&p.checks).collect();
        if !missing.is_empty() {
            differences.push(format!("{name}: checks named only in SQLite: {missing:?}"));
        }
        p.checks = l.checks.clone();
        if *l != p {
            differences.push(format!("{name}:\n  sqlite:   {l:?}\n  postgres: {p:?}"));
        }
    }
    assert!(differences.is_empty(), "{}", differences.join("\n"));
    assert!(
        lite.len() >= 20,
        "the comparison looked at the real schema: {:?}",
        lite.keys()
    );
}
