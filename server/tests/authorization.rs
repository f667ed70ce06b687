//! Authorization matrix over the real router: every administration server function and
//! protected page, called as every role and as a supervisor of another office.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::Router;
use leptos::server_fn::ServerFn;
use tower::ServiceExt;

use app::api::admin::{
    AdminOffices, CreateOffice, CreateTeam, InviteBulk, InvitePerson, LoadUsers, ResendInvitation,
    SetUserActive, SetUserRoles,
};
use app::api::oversight::{AuditEntries, ContentProblemList, MyTeam};
use app::auth::token::{hash_token, new_token};
use app::domain::{Land, Role};
use app::store::{DynStore, NewInvitation, NewOrganisation};

use common::{session_cookie, sign_in, TEST_PASSWORD};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Who {
    Anonymous,
    LearnerA,
    TrainerA,
    SupervisorA,
    SupervisorB,
    Admin,
}

const EVERYONE: [Who; 6] = [
    Who::Anonymous,
    Who::LearnerA,
    Who::TrainerA,
    Who::SupervisorA,
    Who::SupervisorB,
    Who::Admin,
];

struct World {
    router: Router,
    cookies: Vec<(Who, Option<String>)>,
    office_a: i64,
    learner_a: i64,
    learner_b_email: String,
    invitation_a: i64,
}

async fn world(store: &DynStore) -> World {
    let office = |slug: &str| NewOrganisation {
        slug: slug.into(),
        name: format!("ABH {slug}"),
        land: Land::RheinlandPfalz,
    };
    let a = store
        .create_organisation(&office("a"), &["Team 1".into()])
        .await
        .unwrap();
    let b = store
        .create_organisation(&office("b"), &["Team 1".into()])
        .await
        .unwrap();
    let users = [
        (Who::LearnerA, "learner.a@a.de", Role::Learner, Some(a.id)),
        (Who::TrainerA, "trainer.a@a.de", Role::Trainer, Some(a.id)),
        (
            Who::SupervisorA,
            "chef.a@a.de",
            Role::Supervisor,
            Some(a.id),
        ),
        (
            Who::SupervisorB,
            "chef.b@b.de",
            Role::Supervisor,
            Some(b.id),
        ),
        (Who::Admin, "admin@netz.de", Role::Admin, None),
    ];
    let mut ids = Vec::new();
    for (who, email, role, office) in users {
        ids.push((who, common::user(store, email, &[role], office).await));
    }
    common::user(store, "learner.b@b.de", &[Role::Learner], Some(b.id)).await;
    let invitation_a = store
        .create_invitation(&NewInvitation {
            email: "neu@a.de".into(),
            display_name: "Neu".into(),
            organisation_id: a.id,
            team_id: None,
            roles: vec![Role::Learner],
            token_hash: hash_token(&new_token()),
            invited_by: None,
            expires_at: chrono::Utc::now() + chrono::Duration::days(7),
        })
        .await
        .unwrap();
    let router = common::router(store.clone());
    let mut cookies = vec![(Who::Anonymous, None)];
    for (who, email, ..) in users {
        let cookie =
            session_cookie(&sign_in(&router, email, TEST_PASSWORD).await).expect("signed in");
        cookies.push((who, Some(cookie)));
    }
    let learner_a = ids
        .iter()
        .find(|(w, _)| *w == Who::LearnerA)
        .map(|(_, id)| *id)
        .unwrap();
    World {
        router,
        cookies,
        office_a: a.id,
        learner_a,
        learner_b_email: "learner.b@b.de".into(),
        invitation_a,
    }
}

/// Calls a server function as `who`; `Ok(body)` on success, `Err(body)` with the AppError JSON.
async fn call(world: &World, who: Who, path: &str, body: String) -> Result<String, String> {
    let cookie = world
        .cookies
        .iter()
        .find(|(w, _)| *w == who)
        .and_then(|(_, c)| c.clone());
    let mut request = Request::post(path)
        .header("host", "lotse.test")
        .header("origin", common::BASE_URL)
        .header("content-type", "application/x-www-form-urlencoded");
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    let response = world
        .router
        .clone()
        .oneshot(request.body(Body::from(body)).unwrap())
        .await
        .unwrap();
    let ok = response.status().is_success();
    let text = common::body_text(response).await;
    if ok {
        Ok(text)
    } else {
        Err(text)
    }
}

fn denied(result: &Result<String, String>) -> bool {
    matches!(result, Err(body) if body.contains("Forbidden") || body.contains("Unauthenticated"))
}

async fn expect_only(world: &World, name: &str, path: &str, body: String, allowed: &[Who]) {
    for who in EVERYONE {
        let result = call(world, who, path, body.clone()).await;
        if allowed.contains(&who) {
            assert!(
                !denied(&result),
                "{name}: {who:?} should be allowed, got {result:?}"
            );
        } else {
            assert!(
                denied(&result),
                "{name}: {who:?} must be refused, got {result:?}"
            );
        }
    }
}

#[tokio::test]
async fn every_administration_function_admits_exactly_the_right_roles() {
    for b in common::backends().await {
        let w = world(&b.store).await;
        let a = w.office_a;
        let learner = w.learner_a;
        use Who::*;
        expect_only(
            &w,
            "admin_offices",
            AdminOffices::PATH,
            String::new(),
            &[SupervisorA, SupervisorB, Admin],
        )
        .await;
        expect_only(
            &w,
            "create_office",
            CreateOffice::PATH,
            "name=X&slug=x-1&land=HE".into(),
            &[Admin],
        )
        .await;
        expect_only(
            &w,
            "create_team",
            CreateTeam::PATH,
            format!("organisation_id={a}&name=Neu"),
            &[Admin],
        )
        .await;
        expect_only(
            &w,
            "load_users",
            LoadUsers::PATH,
            "office=&role=&q=".into(),
            &[SupervisorA, SupervisorB, Admin],
        )
        .await;
        expect_only(
            &w,
            "set_user_roles",
            SetUserRoles::PATH,
            format!("user_id={learner}&learner=on"),
            &[SupervisorA, Admin],
        )
        .await;
        expect_only(
            &w,
            "invite_person",
            InvitePerson::PATH,
            format!("office={a}&team=&email=x%40a.de&name=X&role=learner"),
            &[SupervisorA, Admin],
        )
        .await;
        expect_only(
            &w,
            "invite_bulk",
            InviteBulk::PATH,
            format!("office={a}&csv=y%40a.de%3BY"),
            &[SupervisorA, Admin],
        )
        .await;
        expect_only(
            &w,
            "resend_invitation",
            ResendInvitation::PATH,
            format!("invitation_id={}", w.invitation_a),
            &[SupervisorA, Admin],
        )
        .await;
        expect_only(
            &w,
            "audit_entries",
            AuditEntries::PATH,
            String::new(),
            &[Admin],
        )
        .await;
        expect_only(
            &w,
            "content_problem_list",
            ContentProblemList::PATH,
            String::new(),
            &[TrainerA, Admin],
        )
        .await;
        expect_only(
            &w,
            "my_team",
            MyTeam::PATH,
            String::new(),
            &[SupervisorA, SupervisorB],
        )
        .await;
        // Last, as it changes the learner: deactivate (allowed calls), then the others are refused.
        for who in EVERYONE {
            let result = call(
                &w,
                who,
                SetUserActive::PATH,
                format!("user_id={learner}&active=true"),
            )
            .await;
            assert_eq!(
                denied(&result),
                !matches!(who, SupervisorA | Admin),
                "{}: set_user_active as {who:?}: {result:?}",
                b.name
            );
        }
    }
}

#[tokio::test]
async fn a_supervisor_never_sees_people_of_another_office() {
    let b = common::sqlite().await;
    let w = world(&b.store).await;
    // Asking for office B explicitly does not widen the scope.
    let body = call(
        &w,
        Who::SupervisorA,
        LoadUsers::PATH,
        "office=999&role=&q=".into(),
    )
    .await
    .unwrap();
    assert!(body.contains("learner.a@a.de"), "{body}");
    assert!(
        !body.contains(&w.learner_b_email) && !body.contains("chef.b@b.de"),
        "{body}"
    );
    let team = call(&w, Who::SupervisorB, MyTeam::PATH, String::new())
        .await
        .unwrap();
    assert!(!team.contains("@a.de"), "{team}");
    // And a supervisor cannot grant roles above learner, even in the own office.
    let escalate = call(
        &w,
        Who::SupervisorA,
        SetUserRoles::PATH,
        format!("user_id={}&learner=on&admin=on", w.learner_a),
    )
    .await;
    assert!(denied(&escalate), "{escalate:?}");
}

#[tokio::test]
async fn protected_pages_redirect_anonymous_visitors_and_refuse_learners() {
    let b = common::sqlite().await;
    let w = world(&b.store).await;
    for path in [
        "/admin",
        "/admin/personen",
        "/admin/einladen",
        "/admin/behoerden",
        "/admin/protokoll",
        "/admin/inhalte",
        "/team",
    ] {
        let anonymous = common::get(&w.router, path).await;
        assert!(
            anonymous.status().is_redirection(),
            "{path}: {}",
            anonymous.status()
        );
        let location = common::location(&anonymous);
        assert!(
            location.starts_with("/login?hinweis=anmelden&next="),
            "{path}: {location}"
        );
        let learner = w
            .cookies
            .iter()
            .find(|(who, _)| *who == Who::LearnerA)
            .and_then(|(_, c)| c.clone())
            .unwrap();
        let response = common::get_with_cookie(&w.router, path, &learner).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{path}");
        let html = common::body_text(response).await;
        assert!(
            html.contains("Dafür fehlt Ihnen die Berechtigung."),
            "{path}"
        );
    }
}
