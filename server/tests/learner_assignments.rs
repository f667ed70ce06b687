//! Assigned tracks as the learner sees them: an assignment reaches one person, a team or a whole
//! office; the earliest due date counts; the dashboard lists assigned tracks first (both backends).

mod support;

use chrono::NaiveDate;

use app::domain::{Land, Role};
use app::store::{DynStore, NewOrganisation, NewUser};

async fn person(store: &DynStore, email: &str, organisation: i64, team: Option<i64>) -> i64 {
    let hash = app::auth::password::hash_password(support::TEST_PASSWORD).expect("hash");
    store
        .create_user(
            &NewUser {
                email: email.into(),
                display_name: email.into(),
                organisation_id: Some(organisation),
                team_id: team,
                password_hash: Some(hash),
                roles: vec![Role::Learner],
            },
            chrono::Utc::now(),
        )
        .await
        .unwrap()
}

/// An assignment as the supervisors' form saves it.
async fn assign(
    b: &support::TestApp,
    track: i64,
    org: i64,
    team: Option<i64>,
    user: Option<i64>,
    due: &str,
    by: i64,
) {
    b.store
        .create_assignment(
            &app::store::NewAssignment {
                track_id: track,
                organisation_id: org,
                team_id: team,
                user_id: user,
                module_ids: Vec::new(),
                mandatory: true,
                due_on: Some(due.parse::<NaiveDate>().unwrap()),
                due_days: None,
                assigned_by: by,
            },
            b.now(),
        )
        .await
        .unwrap();
}

fn office(slug: &str) -> NewOrganisation {
    NewOrganisation {
        slug: slug.into(),
        name: format!("ABH {slug}"),
        land: Land::Hessen,
    }
}

#[tokio::test]
async fn assigned_tracks_lead_the_dashboard_with_their_earliest_due_date() {
    for b in support::TestApp::each().await {
        b.import_curriculum().await;
        let tracks: Vec<i64> = b
            .store
            .outline()
            .await
            .unwrap()
            .tracks
            .iter()
            .map(|t| t.id)
            .collect();
        let org = b
            .store
            .create_organisation(&office("kreis"), &["Aufenthalt".into()], chrono::Utc::now())
            .await
            .unwrap();
        let team = b.store.list_teams(org.id).await.unwrap()[0].id;
        let other = b
            .store
            .create_organisation(&office("stadt"), &[], chrono::Utc::now())
            .await
            .unwrap();
        let anna = person(&b.store, "anna@kreis.de", org.id, Some(team)).await;
        let bert = person(&b.store, "bert@kreis.de", org.id, None).await;
        let cleo = person(&b.store, "cleo@stadt.de", other.id, None).await;
        let _ = bert;
        assign(&b, tracks[2], org.id, None, None, "2027-03-31", anna).await; // the whole office
        assign(&b, tracks[1], org.id, Some(team), None, "2026-12-31", anna).await; // Anna's team
        assign(&b, tracks[1], org.id, None, Some(anna), "2027-01-15", anna).await; // Anna herself, later
        assign(
            &b,
            tracks[0],
            other.id,
            None,
            Some(cleo),
            "2026-12-01",
            cleo,
        )
        .await; // another office

        let cookie =
            support::session_cookie(&b.sign_in("anna@kreis.de", support::TEST_PASSWORD).await)
                .expect("signed in");
        let html = support::body_text(b.get_as("/", &cookie).await).await;
        let at = |text: &str| {
            html.find(text)
                .unwrap_or_else(|| panic!("{}: {text} missing", b.backend))
        };
        assert!(
            html.contains("Zu erledigen bis <strong>31.12.2026</strong>"),
            "{}",
            b.backend
        );
        assert!(
            at("Ihnen zugewiesen") < at("Digitales Arbeiten auf der Behörde"),
            "{}",
            b.backend
        );
        assert!(
            at("Digitales Arbeiten auf der Behörde") < at("Fachkräfteeinwanderungsgesetz"),
            "{}",
            b.backend
        );
        assert!(
            at("Fachkräfteeinwanderungsgesetz") < at("Weitere Lernpfade"),
            "{}",
            b.backend
        );
        assert!(
            at("Weitere Lernpfade") < at("Basiswissen für Quereinsteigende"),
            "{}",
            b.backend
        );
    }
}
