//! Invitations: a link sets the password of a new account once; it never reactivates or
//! re-passwords an existing account; resending replaces the older link, revoking ends it; and a
//! supervisor learns nothing about other offices.

mod support;

use leptos::server_fn::ServerFn;

use app::api::administration::{InvitePerson, LoadUsers, ResendInvitation, RevokeInvitation};
use app::domain::Role;

use support::{body_text, json, location, session_cookie, token_in, TestApp, TEST_PASSWORD};

const PW: &str = "pferd+batterie+heftklammer";

async fn invite(
    app: &TestApp,
    cookie: &str,
    office: i64,
    email: &str,
    name: &str,
) -> axum::http::Response<axum::body::Body> {
    let body = support::encode(&[
        ("office".into(), office.to_string()),
        ("team".into(), String::new()),
        ("email".into(), email.into()),
        ("name".into(), name.into()),
        ("role".into(), "learner".into()),
    ]);
    app.server_fn(InvitePerson::PATH, &body, cookie).await
}

/// Invites `email` as the supervisor and returns the link's token from the delivered mail.
async fn invited(app: &TestApp, cookie: &str, office: i64, email: &str) -> String {
    let response = invite(app, cookie, office, email, "Neue Kollegin").await;
    assert!(
        response.status().is_success(),
        "{}",
        body_text(response).await
    );
    let mails = app.deliver_mail().await;
    let mail = mails
        .iter()
        .rev()
        .find(|m| m.to == email)
        .expect("invitation mail");
    token_in(&mail.body_text)
}

async fn accept(app: &TestApp, token: &str) -> String {
    let body = format!("token={token}&password={PW}&password_confirm={PW}");
    location(&app.post_form("/einladung", &body, None).await)
}

#[tokio::test]
async fn an_invitation_link_works_once_and_not_after_it_expired() {
    for app in TestApp::each().await {
        let office = app.office("kreis", &[]).await;
        let (_, chef) = app
            .signed_in("chef@kreis.de", &[Role::Supervisor], Some(office.id))
            .await;
        let token = invited(&app, &chef, office.id, "neu@kreis.de").await;
        let weak = app
            .post_form(
                "/einladung",
                &format!("token={token}&password=kurz&password_confirm=kurz"),
                None,
            )
            .await;
        assert!(
            location(&weak).ends_with("&fehler=zu-kurz"),
            "{}",
            location(&weak)
        );
        assert_eq!(
            accept(&app, &token).await,
            "/login?hinweis=konto-aktiviert",
            "{}",
            app.backend
        );
        assert!(session_cookie(&app.sign_in("neu@kreis.de", TEST_PASSWORD).await).is_some());
        assert!(
            accept(&app, &token).await.ends_with("&fehler=link"),
            "single use"
        );

        let late = invited(&app, &chef, office.id, "spaet@kreis.de").await;
        app.advance(chrono::Duration::days(7) + chrono::Duration::seconds(1));
        assert!(accept(&app, &late).await.ends_with("&fehler=link"));
        assert!(app
            .store
            .find_user_by_email("spaet@kreis.de")
            .await
            .unwrap()
            .is_none());
        let html = body_text(app.get(&format!("/einladung?token={late}")).await).await;
        assert!(
            html.contains("ungültig, abgelaufen oder wurde bereits verwendet"),
            "{html}"
        );
    }
}

#[tokio::test]
async fn an_older_link_cannot_reactivate_a_deactivated_account_or_set_a_new_password() {
    for app in TestApp::each().await {
        let office = app.office("kreis", &[]).await;
        let other = app.office("nachbar", &[]).await;
        let (_, chef) = app
            .signed_in("chef@kreis.de", &[Role::Supervisor], Some(office.id))
            .await;
        let (_, chef_b) = app
            .signed_in("chef@nachbar.de", &[Role::Supervisor], Some(other.id))
            .await;
        // Two offices invite the same person; she accepts the first link.
        let first = invited(&app, &chef, office.id, "anna@kreis.de").await;
        let second = invited(&app, &chef_b, other.id, "anna@kreis.de").await;
        assert_eq!(accept(&app, &first).await, "/login?hinweis=konto-aktiviert");
        let session = app.cookie_for("anna@kreis.de").await;
        // The account is deactivated; her session ends.
        let anna = app
            .store
            .find_user_by_email("anna@kreis.de")
            .await
            .unwrap()
            .unwrap();
        app.store
            .set_user_active(anna.id, false, app.now())
            .await
            .unwrap();
        // The second, older link was marked used when she accepted: it cannot reactivate her.
        assert!(
            accept(&app, &second).await.ends_with("&fehler=link"),
            "{}",
            app.backend
        );
        let after = app
            .store
            .find_user_by_email("anna@kreis.de")
            .await
            .unwrap()
            .unwrap();
        assert!(!after.active, "{}: still deactivated", app.backend);
        assert_eq!(
            after.password_hash, anna.password_hash,
            "{}: password unchanged",
            app.backend
        );
        assert!(!app.page("/", &session).await.contains("Abmelden"));
        assert!(session_cookie(&app.sign_in("anna@kreis.de", TEST_PASSWORD).await).is_none());
    }
}

#[tokio::test]
async fn resending_replaces_the_older_link_and_accepted_or_revoked_invitations_cannot_be_resent() {
    for app in TestApp::each().await {
        let office = app.office("kreis", &[]).await;
        let (_, chef) = app
            .signed_in("chef@kreis.de", &[Role::Supervisor], Some(office.id))
            .await;
        let old = invited(&app, &chef, office.id, "neu@kreis.de").await;
        let listed = json(
            app.server_fn(LoadUsers::PATH, "office=&role=&q=", &chef)
                .await,
        )
        .await;
        let id = listed["invitations"][0]["id"]
            .as_i64()
            .expect("listed invitation");
        let resent = app
            .server_fn(
                ResendInvitation::PATH,
                &format!("invitation_id={id}"),
                &chef,
            )
            .await;
        assert!(resent.status().is_success(), "{}", body_text(resent).await);
        let fresh = token_in(&app.deliver_mail().await[0].body_text);
        assert!(
            accept(&app, &old).await.ends_with("&fehler=link"),
            "{}: the old link stops working",
            app.backend
        );
        assert_eq!(accept(&app, &fresh).await, "/login?hinweis=konto-aktiviert");
        // Accepted: resending it would mint a set-password link for an existing account.
        for invitation in [id] {
            let again = app
                .server_fn(
                    ResendInvitation::PATH,
                    &format!("invitation_id={invitation}"),
                    &chef,
                )
                .await;
            assert_eq!(
                again.status(),
                axum::http::StatusCode::UNPROCESSABLE_ENTITY,
                "{}",
                app.backend
            );
        }
        assert!(
            app.deliver_mail().await.is_empty(),
            "no mail for an accepted invitation"
        );

        // Revoked in the UI: the link stops working at once and the invitation leaves the list.
        let revoked = invited(&app, &chef, office.id, "zurueck@kreis.de").await;
        let listed = json(
            app.server_fn(LoadUsers::PATH, "office=&role=&q=", &chef)
                .await,
        )
        .await;
        let id = listed["invitations"][0]["id"].as_i64().unwrap();
        let gone = app
            .server_fn(
                RevokeInvitation::PATH,
                &format!("invitation_id={id}"),
                &chef,
            )
            .await;
        assert!(gone.status().is_success());
        assert!(accept(&app, &revoked).await.ends_with("&fehler=link"));
        let listed = json(
            app.server_fn(LoadUsers::PATH, "office=&role=&q=", &chef)
                .await,
        )
        .await;
        assert_eq!(
            listed["invitations"].as_array().unwrap().len(),
            0,
            "{listed}"
        );
        let again = app
            .server_fn(
                ResendInvitation::PATH,
                &format!("invitation_id={id}"),
                &chef,
            )
            .await;
        assert_eq!(again.status(), axum::http::StatusCode::UNPROCESSABLE_ENTITY);
    }
}

#[tokio::test]
async fn another_office_learns_nothing_and_cannot_hide_a_pending_invitation() {
    for app in TestApp::each().await {
        let a = app.office("a", &[]).await;
        let b = app.office("b", &[]).await;
        let (_, chef_a) = app
            .signed_in("chef@a.de", &[Role::Supervisor], Some(a.id))
            .await;
        let (_, chef_b) = app
            .signed_in("chef@b.de", &[Role::Supervisor], Some(b.id))
            .await;
        app.user("anna@a.de", &[Role::Learner], Some(a.id)).await;
        app.user("bert@b.de", &[Role::Learner], Some(b.id)).await;
        // Existing accounts get one neutral answer, whichever office they belong to.
        let own = body_text(invite(&app, &chef_a, a.id, "anna@a.de", "Anna").await).await;
        let foreign = body_text(invite(&app, &chef_a, a.id, "bert@b.de", "Bert").await).await;
        assert_eq!(own, foreign, "{}", app.backend);
        // A's pending invitation stays listed (and valid) when B invites the same address.
        invited(&app, &chef_a, a.id, "neu@x.de").await;
        invited(&app, &chef_b, b.id, "neu@x.de").await;
        let listed = json(
            app.server_fn(LoadUsers::PATH, "office=&role=&q=", &chef_a)
                .await,
        )
        .await;
        let emails: Vec<_> = listed["invitations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["email"].clone())
            .collect();
        assert_eq!(
            emails,
            vec![serde_json::json!("neu@x.de")],
            "{}: {listed}",
            app.backend
        );
    }
}

#[tokio::test]
async fn names_and_addresses_that_could_mislead_in_a_mail_are_refused() {
    for app in TestApp::each().await {
        let office = app.office("kreis", &[]).await;
        let (_, chef) = app
            .signed_in("chef@kreis.de", &[Role::Supervisor], Some(office.id))
            .await;
        for (email, name) in [
            (
                "a@kreis.de",
                "Anna\nBitte melden Sie sich unter https://evil.example an",
            ),
            ("b@kreis.de", "Bert www.evil.example"),
            ("c@kreis.de", &"C".repeat(101)),
            ("<d@kreis.de>", "Dora"),
            ("аnna@kreis.de", "Homoglyph"), // Cyrillic "а"
            ("e@[10.0.0.1]", "Emil"),
        ] {
            let response = invite(&app, &chef, office.id, email, name).await;
            assert_eq!(
                response.status(),
                axum::http::StatusCode::UNPROCESSABLE_ENTITY,
                "{email} / {name:?}"
            );
        }
        assert!(app.deliver_mail().await.is_empty(), "{}", app.backend);
        // An IDN domain is stored in its punycode form.
        let ok = invite(&app, &chef, office.id, "info@lörrach.de", "Ina Info").await;
        assert!(ok.status().is_success());
        assert!(app.deliver_mail().await[0].to.starts_with("info@xn--"));
    }
}

#[tokio::test]
async fn invitation_mails_are_queued_not_sent_during_the_request() {
    for app in TestApp::each().await {
        let office = app.office("kreis", &[]).await;
        let (_, chef) = app
            .signed_in("chef@kreis.de", &[Role::Supervisor], Some(office.id))
            .await;
        let response = invite(&app, &chef, office.id, "neu@kreis.de", "Neu").await;
        assert!(response.status().is_success());
        assert!(
            app.delivered().is_empty(),
            "nothing sent before the worker runs"
        );
        let mails = app.deliver_mail().await;
        assert_eq!(mails.len(), 1);
        assert!(mails[0]
            .message_id
            .as_deref()
            .is_some_and(|id| id.starts_with("<lotse.")));
        assert!(
            app.deliver_mail().await.is_empty(),
            "{}: sent once",
            app.backend
        );
    }
}
