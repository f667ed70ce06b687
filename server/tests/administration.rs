//! Administration rules that only hold if the database enforces them: a supervisor's scope is
//! filtered in SQL (nobody silently missing in a large office), the last active admin cannot be
//! removed even by two admins at once, and a person's team belongs to their office.

mod support;

use std::sync::Arc;

use leptos::server_fn::ServerFn;

use app::api::administration::LoadUsers;
use app::domain::Role;
use app::store::{DbError, NewUser};

use support::{json, TestApp};

async fn bulk_people(app: &TestApp, office: i64, team: Option<i64>, prefix: &str, n: usize) {
    for i in 0..n {
        app.store
            .create_user(
                &NewUser {
                    email: format!("{prefix}{i}@kreis.de"),
                    display_name: format!("{prefix} {i:04}"),
                    organisation_id: Some(office),
                    team_id: team,
                    password_hash: None,
                    roles: vec![Role::Learner],
                },
                app.now(),
            )
            .await
            .unwrap();
    }
}

#[tokio::test]
async fn a_team_limited_supervisor_in_a_large_office_sees_every_person_of_their_team() {
    for app in TestApp::each().await {
        let office = app.office("gross", &["Aufenthalt", "Einbürgerung"]).await;
        let teams = app.store.list_teams(office.id).await.unwrap();
        let (t1, t2) = (teams[0].id, teams[1].id);
        // 550 people in the other team sort before the three of the supervisor's team.
        bulk_people(&app, office.id, Some(t2), "Anton", 550).await;
        bulk_people(&app, office.id, Some(t1), "Zora", 3).await;
        let chef = app
            .user_in_team(
                "chef@kreis.de",
                &[Role::Supervisor],
                Some(office.id),
                Some(t1),
            )
            .await;
        app.store.set_supervised_teams(chef, &[t1]).await.unwrap();
        let cookie = app.cookie_for("chef@kreis.de").await;
        let page = json(
            app.server_fn(LoadUsers::PATH, "office=&role=&q=", &cookie)
                .await,
        )
        .await;
        let names: Vec<&str> = page["users"]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| u["display_name"].as_str().unwrap())
            .collect();
        assert_eq!(page["total"], 4, "{}: {names:?}", app.backend);
        assert!(
            names.iter().filter(|n| n.starts_with("Zora")).count() == 3,
            "{}: {names:?}",
            app.backend
        );
        assert!(!names.iter().any(|n| n.starts_with("Anton")), "{names:?}");
        // The office-wide supervisor pages through all of them.
        app.user("leitung@kreis.de", &[Role::Supervisor], Some(office.id))
            .await;
        let lead = app.cookie_for("leitung@kreis.de").await;
        let first = json(
            app.server_fn(LoadUsers::PATH, "office=&role=&q=", &lead)
                .await,
        )
        .await;
        assert_eq!(first["total"], 555);
        assert_eq!(first["pages"], 6);
        let last = json(
            app.server_fn(LoadUsers::PATH, "office=&role=&q=&page=6", &lead)
                .await,
        )
        .await;
        assert_eq!(
            last["users"].as_array().unwrap().len(),
            55,
            "{}",
            app.backend
        );
    }
}

#[tokio::test]
async fn two_admins_deactivating_each_other_at_once_leave_one_active_admin() {
    for app in TestApp::each().await {
        let app = Arc::new(app);
        for round in 0..5 {
            let a = app
                .user(&format!("a{round}@netz.de"), &[Role::Admin], None)
                .await;
            let b = app
                .user(&format!("b{round}@netz.de"), &[Role::Admin], None)
                .await;
            // Only these two are active admins in this round.
            for earlier in 0..round {
                for who in ["a", "b"] {
                    if let Some(u) = app
                        .store
                        .find_user_by_email(&format!("{who}{earlier}@netz.de"))
                        .await
                        .unwrap()
                    {
                        let _ = app
                            .store
                            .set_user_roles(u.id, &[Role::Learner], app.now())
                            .await;
                    }
                }
            }
            let (x, y) = (app.clone(), app.clone());
            let (ra, rb) = tokio::join!(
                async move { x.store.set_user_active(a, false, x.now()).await },
                async move { y.store.set_user_active(b, false, y.now()).await },
            );
            let refused = [&ra, &rb]
                .iter()
                .filter(|r| matches!(r, Err(DbError::LastActiveAdmin)))
                .count();
            assert_eq!(refused, 1, "{}: {ra:?} {rb:?}", app.backend);
            let active = {
                let ua = app.store.find_user_by_id(a).await.unwrap().unwrap();
                let ub = app.store.find_user_by_id(b).await.unwrap().unwrap();
                usize::from(ua.active) + usize::from(ub.active)
            };
            assert_eq!(active, 1, "{}", app.backend);
            // Reactivate for the next round's bookkeeping.
            app.store.set_user_active(a, true, app.now()).await.unwrap();
            app.store.set_user_active(b, true, app.now()).await.unwrap();
        }
    }
}

#[tokio::test]
async fn the_last_admin_keeps_the_admin_role() {
    for app in TestApp::each().await {
        let only = app.user("admin@netz.de", &[Role::Admin], None).await;
        let err = app
            .store
            .set_user_roles(only, &[Role::Learner], app.now())
            .await
            .unwrap_err();
        assert!(
            matches!(err, DbError::LastActiveAdmin),
            "{}: {err:?}",
            app.backend
        );
        let other = app.user("admin2@netz.de", &[Role::Admin], None).await;
        app.store
            .set_user_roles(only, &[Role::Learner], app.now())
            .await
            .unwrap();
        let err = app
            .store
            .set_user_active(other, false, app.now())
            .await
            .unwrap_err();
        assert!(matches!(err, DbError::LastActiveAdmin), "{err:?}");
    }
}

#[tokio::test]
async fn a_person_s_team_and_a_supervisor_s_teams_belong_to_their_office() {
    for app in TestApp::each().await {
        let a = app.office("a", &["A1"]).await;
        let b = app.office("b", &["B1"]).await;
        let team_b = app.store.list_teams(b.id).await.unwrap()[0].id;
        let wrong = app
            .store
            .create_user(
                &NewUser {
                    email: "x@a.de".into(),
                    display_name: "X".into(),
                    organisation_id: Some(a.id),
                    team_id: Some(team_b),
                    password_hash: None,
                    roles: vec![Role::Learner],
                },
                app.now(),
            )
            .await;
        assert!(
            matches!(wrong, Err(DbError::Conflict { .. })),
            "{}: {wrong:?}",
            app.backend
        );
        let chef = app.user("chef@a.de", &[Role::Supervisor], Some(a.id)).await;
        let limited = app.store.set_supervised_teams(chef, &[team_b]).await;
        assert!(
            matches!(limited, Err(DbError::Conflict { .. })),
            "{}: {limited:?}",
            app.backend
        );
    }
}
