//! `lotse demo`: a demo office with one account per role, for trying Lotse out.
//! Everything is named "Demo" and uses the reserved `.example` domain, so it cannot be mistaken
//! for real data.

use std::process::ExitCode;

use anyhow::Context;

use app::auth::password::hash_password;
use app::auth::token::new_token;
use app::domain::{Land, Role};
use app::store::{DbError, DynStore, NewOrganisation, NewUser};

use crate::config::Config;

pub const DEMO_ORGANISATION: &str = "demo";

/// (email, name, roles)
const DEMO_USERS: [(&str, &str, &[Role]); 4] = [
    (
        "lernende@demo.lotse.example",
        "Demo Lernende",
        &[Role::Learner],
    ),
    (
        "trainer@demo.lotse.example",
        "Demo Trainer",
        &[Role::Trainer, Role::Learner],
    ),
    (
        "fuehrung@demo.lotse.example",
        "Demo Führungskraft",
        &[Role::Supervisor, Role::Learner],
    ),
    (
        "admin@demo.lotse.example",
        "Demo Administration",
        &[Role::Admin],
    ),
];

pub async fn run(config: &Config, if_empty: bool) -> anyhow::Result<ExitCode> {
    let store = super::open_store(config).await?;
    if if_empty && store.count_users().await? > 0 {
        store.close().await;
        return Ok(ExitCode::SUCCESS);
    }
    let result = seed(&store).await;
    store.close().await;
    let credentials = result?;
    println!("DEMO-DATEN (nur zum Ausprobieren, nicht für den Echtbetrieb):");
    println!("  Behörde: Demo-Ausländerbehörde (Beispiel), Teams „Aufenthalt“ und „Fachkräfte“");
    for (email, password, roles) in credentials {
        println!("  {email:<32} Passwort: {password}   ({roles})");
    }
    Ok(ExitCode::SUCCESS)
}

async fn seed(store: &DynStore) -> anyhow::Result<Vec<(String, String, String)>> {
    let organisation = match store
        .list_organisations()
        .await?
        .into_iter()
        .find(|o| o.slug == DEMO_ORGANISATION)
    {
        Some(org) => org,
        None => store
            .create_organisation(
                &NewOrganisation {
                    slug: DEMO_ORGANISATION.into(),
                    name: "Demo-Ausländerbehörde (Beispiel)".into(),
                    land: Land::BadenWuerttemberg,
                },
                &["Aufenthalt".into(), "Fachkräfte".into()],
                chrono::Utc::now(),
            )
            .await
            .context("cannot create the demo office")?,
    };
    let team = store
        .list_teams(organisation.id)
        .await?
        .into_iter()
        .next()
        .map(|t| t.id);
    let mut credentials = Vec::new();
    for (email, name, roles) in DEMO_USERS {
        // Four words from a random token: long, and easy to type.
        let password = demo_password();
        let hash = hash_password(&password).context("cannot hash the demo password")?;
        let is_admin = roles.contains(&Role::Admin);
        match store.find_user_by_email(email).await? {
            Some(user) => {
                store
                    .change_password(user.id, &hash, chrono::Utc::now())
                    .await?
            }
            None => {
                let created = store
                    .create_user(
                        &NewUser {
                            email: email.into(),
                            display_name: name.into(),
                            organisation_id: (!is_admin).then_some(organisation.id),
                            team_id: if is_admin { None } else { team },
                            password_hash: Some(hash),
                            roles: roles.to_vec(),
                        },
                        chrono::Utc::now(),
                    )
                    .await;
                match created {
                    Ok(_) => {}
                    Err(DbError::Conflict { .. }) => {
                        anyhow::bail!("demo user {email} exists with other data")
                    }
                    Err(err) => return Err(err).context("cannot create demo user"),
                }
            }
        }
        let labels: Vec<&str> = roles.iter().map(|r| r.label_de()).collect();
        credentials.push((email.to_owned(), password, labels.join(", ")));
    }
    Ok(credentials)
}

fn demo_password() -> String {
    let token = new_token();
    format!("demo-{}-{}-{}", &token[0..5], &token[5..10], &token[10..15])
}
