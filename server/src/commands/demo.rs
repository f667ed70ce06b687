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
    let mut result = seed(&store).await;
    if result.is_ok() {
        // Assignments need the course: import it first (as `serve` would), then seed a team
        // with assignments in every status, so `/team` shows something meaningful at once.
        if store.outline().await?.tracks.is_empty() {
            super::content::import_on_start(&store, &config.content_dir).await;
        }
        if let Err(err) = seed_assignments(&store).await {
            result = Err(err);
        }
    }
    store.close().await;
    let credentials = result?;
    println!("DEMO-DATEN (nur zum Ausprobieren, nicht für den Echtbetrieb):");
    println!("  Behörde: Demo-Ausländerbehörde (Beispiel), Teams „Aufenthalt“ und „Fachkräfte“");
    println!("  Team „Aufenthalt“ mit Zuweisungen in jedem Status: /team (als Führungskraft)");
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

/// (email, name): team members without a usable password (for the supervisor's view).
const DEMO_TEAM: [(&str, &str); 4] = [
    ("ahmadi@demo.lotse.example", "Demo Person Ahmadi"),
    ("becker@demo.lotse.example", "Demo Person Becker"),
    ("celik@demo.lotse.example", "Demo Person Çelik"),
    ("dimitrova@demo.lotse.example", "Demo Person Dimitrova"),
];

/// Assignments in every status for the demo team, once (nothing happens when the demo office
/// already has assignments or no course is imported).
async fn seed_assignments(store: &DynStore) -> anyhow::Result<()> {
    use app::store::{NewAssignment, NewOverride, ProgressKind};
    let Some(office) = store
        .list_organisations()
        .await?
        .into_iter()
        .find(|o| o.slug == DEMO_ORGANISATION)
    else {
        return Ok(());
    };
    let outline = store.outline().await?;
    if outline.tracks.len() < 3
        || !store
            .office_activity(office.id, None)
            .await?
            .assignments
            .is_empty()
    {
        return Ok(());
    }
    let Some(team) = store
        .list_teams(office.id)
        .await?
        .into_iter()
        .find(|t| t.name == "Aufenthalt")
    else {
        return Ok(());
    };
    let now = chrono::Utc::now();
    let today = app::domain::time::local_date(now);
    let supervisor = store
        .find_user_by_email("fuehrung@demo.lotse.example")
        .await?
        .context("demo supervisor missing")?;
    let mut people = Vec::new();
    for (email, name) in DEMO_TEAM {
        let id = match store.find_user_by_email(email).await? {
            Some(user) => user.id,
            None => {
                // A random password nobody knows: the account counts as started, nobody signs in.
                let hash = hash_password(&new_token()).context("cannot hash")?;
                store
                    .create_user(
                        &NewUser {
                            email: email.into(),
                            display_name: name.into(),
                            organisation_id: Some(office.id),
                            team_id: Some(team.id),
                            password_hash: Some(hash),
                            roles: vec![Role::Learner],
                        },
                        now,
                    )
                    .await?
            }
        };
        people.push(id);
    }
    let [ahmadi, becker, celik, dimitrova] = people[..] else {
        return Ok(());
    };
    let (basis, digital, skilled) = (&outline.tracks[0], &outline.tracks[1], &outline.tracks[2]);
    let assign = |track_id, team_id, user_id, modules: Vec<i64>, mandatory, due_on, due_days| {
        NewAssignment {
            track_id,
            organisation_id: office.id,
            team_id,
            user_id,
            module_ids: modules,
            mandatory,
            due_on,
            due_days,
            assigned_by: supervisor.id,
        }
    };
    let days = chrono::Duration::days;
    // The whole team: Basiswissen, Pflicht, 30 days after each person's start.
    let team_basis = store
        .create_assignment(
            &assign(
                basis.id,
                Some(team.id),
                None,
                Vec::new(),
                true,
                None,
                Some(30),
            ),
            now,
        )
        .await?;
    // Overdue: one module for Ahmadi, due three days ago (the form refuses past dates; the demo
    // shows what happens when a date passes).
    let first_digital = digital
        .modules
        .first()
        .map(|m| m.id)
        .into_iter()
        .collect::<Vec<_>>();
    store
        .create_assignment(
            &assign(
                digital.id,
                None,
                Some(ahmadi),
                first_digital.clone(),
                true,
                Some(today - days(3)),
                None,
            ),
            now,
        )
        .await?;
    // Due soon: a recommendation for Becker in four days; Becker has also begun Basiswissen.
    let first_skilled = skilled
        .modules
        .first()
        .map(|m| m.id)
        .into_iter()
        .collect::<Vec<_>>();
    store
        .create_assignment(
            &assign(
                skilled.id,
                None,
                Some(becker),
                first_skilled,
                false,
                Some(today + days(4)),
                None,
            ),
            now,
        )
        .await?;
    if let Some(lesson) = basis.modules.first().and_then(|m| m.lessons.first()) {
        store
            .record_progress(
                becker,
                lesson.id,
                ProgressKind::Viewed,
                lesson.revision,
                now,
            )
            .await?;
    }
    // Completed: Çelik finished the first module of "Digitales Arbeiten".
    store
        .create_assignment(
            &assign(
                digital.id,
                None,
                Some(celik),
                first_digital.clone(),
                true,
                Some(today + days(20)),
                None,
            ),
            now,
        )
        .await?;
    store
        .record_module_completions(celik, &first_digital, now - days(2))
        .await?;
    // Excused: Dimitrova from the team's Basiswissen.
    store
        .add_override(
            &NewOverride {
                assignment_id: team_basis,
                user_id: dimitrova,
                kind: "excuse",
                extended_to: None,
                reason: "Demo: Schulung bereits bei der vorherigen Behörde absolviert".into(),
                created_by: supervisor.id,
            },
            now,
        )
        .await?;
    Ok(())
}

fn demo_password() -> String {
    let token = new_token();
    format!("demo-{}-{}-{}", &token[0..5], &token[5..10], &token[10..15])
}
