//! `lotse user …`: account management from the shell.

use std::io::IsTerminal;
use std::process::ExitCode;

use anyhow::{anyhow, bail, Context};

use app::auth::password::hash_password;
use app::domain::{check_new_password, Email, Role};
use app::store::NewUser;

use crate::cli::UserCommand;
use crate::config::Config;

pub async fn run(config: &Config, command: UserCommand) -> anyhow::Result<ExitCode> {
    match command {
        UserCommand::CreateAdmin { email, name } => create_admin(config, &email, &name).await,
    }
}

async fn create_admin(config: &Config, email: &str, name: &str) -> anyhow::Result<ExitCode> {
    let email = Email::parse(email).map_err(|e| anyhow!(e))?;
    let password = read_new_password(email.as_str())?;
    let hash = hash_password(&password).context("cannot hash the password")?;
    let store = super::open_store(config).await?;
    let result = store
        .create_user(
            &NewUser {
                email: email.to_string(),
                display_name: name.trim().to_owned(),
                organisation_id: None,
                team_id: None,
                password_hash: Some(hash),
                roles: vec![Role::Admin],
            },
            chrono::Utc::now(),
        )
        .await;
    store.close().await;
    match result {
        Ok(_) => {
            println!("Administrator {email} created. Sign in at /login.");
            Ok(ExitCode::SUCCESS)
        }
        Err(err) if err.is_unique_violation() => {
            bail!("a user with the email {email} already exists")
        }
        Err(err) => Err(err).context("cannot create the administrator"),
    }
}

/// From LOTSE_ADMIN_PASSWORD (for scripts) or an interactive prompt typed twice.
fn read_new_password(email: &str) -> anyhow::Result<String> {
    let password = match std::env::var("LOTSE_ADMIN_PASSWORD") {
        Ok(pw) => pw,
        Err(_) if std::io::stdin().is_terminal() => {
            let first = rpassword::prompt_password("Password (at least 12 characters): ")?;
            let second = rpassword::prompt_password("Repeat password: ")?;
            if first != second {
                bail!("the two passwords differ");
            }
            first
        }
        Err(_) => bail!("no terminal to ask for the password: set LOTSE_ADMIN_PASSWORD"),
    };
    check_new_password(&password, &[email]).map_err(|e| anyhow!(e))?;
    Ok(password)
}
