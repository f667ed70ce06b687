//! The `lotse` binary as an operator uses it: help, errors, backup, first admin.

use std::process::{Command, Output};

fn lotse(args: &[&str], envs: &[(&str, &str)], dir: &std::path::Path) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_lotse"));
    cmd.args(args)
        .current_dir(dir)
        .env_remove("DATABASE_URL")
        .env_remove("LOTSE_CONFIG");
    for (k, v) in envs {
        cmd.env(k, v);
    }
    cmd.output().expect("run lotse")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn help_lists_every_command_and_serve_help_every_setting() {
    let dir = tempfile::tempdir().unwrap();
    let out = lotse(&["--help"], &[], dir.path());
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    for cmd in ["serve", "migrate", "import", "check", "user", "backup"] {
        assert!(help.contains(cmd), "missing {cmd} in\n{help}");
    }
    let out = lotse(
        &["serve", "--help"],
        &[("DATABASE_URL", "postgres://u:topsecret@h/db")],
        dir.path(),
    );
    let help = String::from_utf8_lossy(&out.stdout);
    for setting in [
        "DATABASE_URL",
        "LOTSE_LISTEN",
        "LOTSE_CONTENT_DIR",
        "LOTSE_BASE_URL",
        "LOTSE_SITE_ROOT",
        "LOTSE_LOG",
        "LOTSE_CONFIG",
        "sqlite://data/lotse.db",
        "127.0.0.1:3000",
    ] {
        assert!(help.contains(setting), "missing {setting} in\n{help}");
    }
    assert!(!help.contains("topsecret"), "help printed a secret");
}

#[test]
fn a_wrong_flag_is_a_short_error_with_nonzero_exit() {
    let dir = tempfile::tempdir().unwrap();
    let out = lotse(&["serve", "--lisen", "x"], &[], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("unexpected argument '--lisen'"), "{err}");
    assert!(!err.contains("panicked"));
}

#[test]
fn an_unreachable_database_is_one_line_without_backtrace_or_password() {
    let dir = tempfile::tempdir().unwrap();
    let out = lotse(
        &["migrate"],
        &[(
            "DATABASE_URL",
            "postgres://lotse:topsecret@127.0.0.1:1/lotse",
        )],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(
        err.starts_with("error: cannot open database postgres://lotse:***@127.0.0.1:1/lotse"),
        "{err}"
    );
    assert!(
        !err.contains("topsecret") && !err.contains("panicked"),
        "{err}"
    );
}

#[test]
fn backup_writes_a_consistent_sqlite_copy_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let db = [("DATABASE_URL", "sqlite://data/lotse.db")];
    assert!(lotse(&["migrate"], &db, dir.path()).status.success());
    let out = lotse(&["backup", "sicherung.db"], &db, dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let copy = dir.path().join("sicherung.db");
    assert!(copy.metadata().unwrap().len() > 0);
    // The copy is a working Lotse database.
    let out = lotse(
        &["migrate"],
        &[("DATABASE_URL", "sqlite://sicherung.db")],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let out = lotse(&["backup", "sicherung.db"], &db, dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("already exists"));
}

#[test]
fn backup_on_postgres_prints_pg_dump_advice() {
    let dir = tempfile::tempdir().unwrap();
    let out = lotse(
        &["backup", "x.dump"],
        &[("DATABASE_URL", "postgres://u@127.0.0.1:1/db")],
        dir.path(),
    );
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("pg_dump"));
}

#[test]
fn create_admin_checks_the_password_and_refuses_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let db = ("DATABASE_URL", "sqlite://data/lotse.db");
    let weak = lotse(
        &["user", "create-admin", "--email", "admin@kreis.de"],
        &[db, ("LOTSE_ADMIN_PASSWORD", "kurz")],
        dir.path(),
    );
    assert_eq!(weak.status.code(), Some(1));
    assert!(
        stderr(&weak).contains("mindestens 12 Zeichen"),
        "{}",
        stderr(&weak)
    );
    let pw = ("LOTSE_ADMIN_PASSWORD", "pferd batterie heftklammer");
    let ok = lotse(
        &["user", "create-admin", "--email", "Admin@Kreis.de"],
        &[db, pw],
        dir.path(),
    );
    assert!(ok.status.success(), "{}", stderr(&ok));
    let dup = lotse(
        &["user", "create-admin", "--email", "admin@kreis.de"],
        &[db, pw],
        dir.path(),
    );
    assert_eq!(dup.status.code(), Some(1));
    assert!(stderr(&dup).contains("already exists"), "{}", stderr(&dup));
}
