//! The shared store story suite: every test runs on SQLite and, when `TEST_POSTGRES_URL` is set,
//! on PostgreSQL, each time in a fresh database.

mod support;

use app::domain::{Land, Role};
use app::store::{NewOrganisation, NewUser};

fn office(slug: &str) -> NewOrganisation {
    NewOrganisation {
        slug: slug.into(),
        name: format!("Ausländerbehörde {slug}"),
        land: Land::BadenWuerttemberg,
    }
}

#[tokio::test]
async fn a_failing_write_inside_a_transaction_leaves_nothing_behind() {
    for b in support::TestApp::each().await {
        // The second team violates the (organisation, name) unique constraint after the office
        // row and the first team were already written in the same transaction.
        let result = b
            .store
            .create_organisation(
                &office("mannheim"),
                &["Einbürgerung".into(), "Einbürgerung".into()],
                chrono::Utc::now(),
            )
            .await;
        let err = result.expect_err(b.backend);
        assert!(err.is_unique_violation(), "{}: {err:?}", b.backend);
        assert!(
            b.store.list_organisations().await.unwrap().is_empty(),
            "{}: office left behind",
            b.backend
        );

        let created = b
            .store
            .create_organisation(
                &office("mannheim"),
                &["Einbürgerung".into(), "Fachkräfte".into()],
                chrono::Utc::now(),
            )
            .await
            .unwrap();
        let teams = b.store.list_teams(created.id).await.unwrap();
        assert_eq!(teams.len(), 2, "{}", b.backend);
        assert_eq!(created.land, Land::BadenWuerttemberg, "{}", b.backend);
    }
}

#[tokio::test]
async fn users_are_created_with_roles_and_emails_are_unique() {
    for b in support::TestApp::each().await {
        let org = b
            .store
            .create_organisation(&office("worms"), &[], chrono::Utc::now())
            .await
            .unwrap();
        let user = NewUser {
            email: "a.yilmaz@kreis-worms.de".into(),
            display_name: "A. Yılmaz".into(),
            organisation_id: Some(org.id),
            team_id: None,
            password_hash: None,
            roles: vec![Role::Learner, Role::Supervisor],
        };
        let id = b
            .store
            .create_user(&user, chrono::Utc::now())
            .await
            .unwrap();
        let found = b
            .store
            .find_user_by_email("a.yilmaz@kreis-worms.de")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(found.id, id, "{}", b.backend);
        assert_eq!(
            found.roles,
            vec![Role::Learner, Role::Supervisor],
            "{}",
            b.backend
        );
        assert!(found.active, "{}", b.backend);

        let again = b
            .store
            .create_user(&user, chrono::Utc::now())
            .await
            .expect_err(b.backend);
        assert!(again.is_unique_violation(), "{}: {again:?}", b.backend);
        assert_eq!(
            b.store.count_users().await.unwrap(),
            1,
            "{}: no partial user",
            b.backend
        );
    }
}

#[tokio::test]
async fn a_user_with_an_invalid_role_write_is_rolled_back() {
    for b in support::TestApp::each().await {
        // The office id does not exist: the foreign key refuses the user row.
        let user = NewUser {
            email: "x@kreis.de".into(),
            display_name: "X".into(),
            organisation_id: Some(999_999),
            team_id: None,
            password_hash: None,
            roles: vec![Role::Learner],
        };
        let err = b
            .store
            .create_user(&user, chrono::Utc::now())
            .await
            .expect_err(b.backend);
        assert!(
            matches!(err, app::store::DbError::Conflict { .. }),
            "{}: {err:?}",
            b.backend
        );
        assert_eq!(b.store.count_users().await.unwrap(), 0, "{}", b.backend);
    }
}

#[tokio::test]
async fn migrations_are_idempotent_and_ping_answers() {
    for b in support::TestApp::each().await {
        b.store.migrate().await.unwrap();
        b.store.ping().await.unwrap();
        assert!(
            b.store.list_tracks().await.unwrap().is_empty(),
            "{}",
            b.backend
        );
    }
}
