//! Authorization matrix over the real router: every administration server function and
//! protected page, called as every role and as a supervisor of another office.

mod support;

use axum::http::StatusCode;
use leptos::server_fn::ServerFn;

use app::api::administration::{
    AdminOffices, CreateOffice, CreateTeam, InviteBulk, InvitePerson, LoadInviteOptions, LoadUsers,
    ResendInvitation, RevokeInvitation, SetUserActive, SetUserRoles,
};
use app::api::oversight::{
    AssignTrack, AuditEntries, ContentProblemList, LoadAssignForm, LoadOversightPolicy, LoadPerson,
    LoadTeamBoard, SetOversightLevel,
};
use app::auth::token::{hash_token, new_token};
use app::domain::Role;
use app::store::NewInvitation;

use support::{body_text, location, TestApp};

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
    cookies: Vec<(Who, Option<String>)>,
    office_a: i64,
    learner_a: i64,
    learner_b_email: String,
    invitation_a: i64,
}

/// An invitation row with its (never delivered) mail.
pub async fn stored_invitation(
    app: &TestApp,
    email: &str,
    office: i64,
    team: Option<i64>,
) -> (i64, String) {
    let token = new_token();
    let hash = hash_token(&token);
    let mail = support::plain_mail(
        &format!("invitation:{hash}"),
        email,
        &format!("token={token}"),
        app.now(),
    );
    let id = app
        .store
        .create_invitation(
            &NewInvitation {
                email: email.into(),
                display_name: "Neu".into(),
                organisation_id: office,
                team_id: team,
                roles: vec![Role::Learner],
                token_hash: hash,
                invited_by: None,
                expires_at: app.now() + chrono::Duration::days(7),
            },
            &mail,
            app.now(),
        )
        .await
        .unwrap();
    (id, token)
}

async fn world(app: &TestApp) -> World {
    let a = app.office("a", &["Team 1"]).await;
    let b = app.office("b", &["Team 1"]).await;
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
        ids.push((who, app.user(email, &[role], office).await));
    }
    app.user("learner.b@b.de", &[Role::Learner], Some(b.id))
        .await;
    let (invitation_a, _) = stored_invitation(app, "neu@a.de", a.id, None).await;
    let mut cookies = vec![(Who::Anonymous, None)];
    for (who, email, ..) in users {
        cookies.push((who, Some(app.cookie_for(email).await)));
    }
    let learner_a = ids
        .iter()
        .find(|(w, _)| *w == Who::LearnerA)
        .map(|(_, id)| *id)
        .unwrap();
    World {
        cookies,
        office_a: a.id,
        learner_a,
        learner_b_email: "learner.b@b.de".into(),
        invitation_a,
    }
}

/// Calls a server function as `who`; `Ok(body)` on success, `Err((status, body))` with the
/// AppError JSON.
async fn call(
    app: &TestApp,
    world: &World,
    who: Who,
    path: &str,
    body: String,
) -> Result<String, (StatusCode, String)> {
    let cookie = world
        .cookies
        .iter()
        .find(|(w, _)| *w == who)
        .and_then(|(_, c)| c.clone());
    let response = app.post_form(path, &body, cookie.as_deref()).await;
    let status = response.status();
    let text = body_text(response).await;
    if status.is_success() {
        Ok(text)
    } else {
        Err((status, text))
    }
}

/// Refused with the right status: 401 for anonymous callers, 403 for everybody else.
fn denied(result: &Result<String, (StatusCode, String)>) -> bool {
    match result {
        Err((StatusCode::UNAUTHORIZED, body)) => body.contains("Unauthenticated"),
        Err((StatusCode::FORBIDDEN, body)) => body.contains("Forbidden"),
        _ => false,
    }
}

async fn expect_only(
    app: &TestApp,
    world: &World,
    name: &str,
    path: &str,
    body: String,
    allowed: &[Who],
) {
    for who in EVERYONE {
        let result = call(app, world, who, path, body.clone()).await;
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
    for app in TestApp::each().await {
        let w = world(&app).await;
        let a = w.office_a;
        let learner = w.learner_a;
        use Who::*;
        expect_only(
            &app,
            &w,
            "admin_offices",
            AdminOffices::PATH,
            String::new(),
            &[SupervisorA, SupervisorB, Admin],
        )
        .await;
        expect_only(
            &app,
            &w,
            "create_office",
            CreateOffice::PATH,
            "name=X&slug=x-1&land=HE".into(),
            &[Admin],
        )
        .await;
        expect_only(
            &app,
            &w,
            "create_team",
            CreateTeam::PATH,
            format!("organisation_id={a}&name=Neu"),
            &[Admin],
        )
        .await;
        expect_only(
            &app,
            &w,
            "load_users",
            LoadUsers::PATH,
            "office=&role=&q=".into(),
            &[SupervisorA, SupervisorB, Admin],
        )
        .await;
        expect_only(
            &app,
            &w,
            "set_user_roles",
            SetUserRoles::PATH,
            format!("user_id={learner}&learner=on"),
            &[SupervisorA, Admin],
        )
        .await;
        expect_only(
            &app,
            &w,
            "invite_person",
            InvitePerson::PATH,
            format!("office={a}&team=&email=x%40a.de&name=X&role=learner"),
            &[SupervisorA, Admin],
        )
        .await;
        expect_only(
            &app,
            &w,
            "invite_bulk",
            InviteBulk::PATH,
            format!("office={a}&csv=y%40a.de%3BY"),
            &[SupervisorA, Admin],
        )
        .await;
        expect_only(
            &app,
            &w,
            "load_invite_options",
            LoadInviteOptions::PATH,
            String::new(),
            &[SupervisorA, SupervisorB, Admin],
        )
        .await;
        // Invitations: refused for people who cannot invite at all; an invitation of another
        // office is "not found" for supervisor B (nothing reveals that it exists).
        for path in [ResendInvitation::PATH, RevokeInvitation::PATH] {
            let body = format!("invitation_id={}", w.invitation_a);
            for who in [Anonymous, LearnerA, TrainerA] {
                let result = call(&app, &w, who, path, body.clone()).await;
                assert!(denied(&result), "{path} as {who:?}: {result:?}");
            }
            let foreign = call(&app, &w, SupervisorB, path, body.clone()).await;
            assert!(
                matches!(&foreign, Err((StatusCode::NOT_FOUND, _))),
                "{path}: {foreign:?}"
            );
        }
        let resent = call(
            &app,
            &w,
            SupervisorA,
            ResendInvitation::PATH,
            format!("invitation_id={}", w.invitation_a),
        )
        .await;
        assert!(resent.is_ok(), "{resent:?}");
        expect_only(
            &app,
            &w,
            "audit_entries",
            AuditEntries::PATH,
            String::new(),
            &[Admin],
        )
        .await;
        expect_only(
            &app,
            &w,
            "content_problem_list",
            ContentProblemList::PATH,
            String::new(),
            &[TrainerA, Admin],
        )
        .await;
        expect_only(
            &app,
            &w,
            "load_team_board",
            LoadTeamBoard::PATH,
            "office=&team=&track=&status=&pflicht=&page=".into(),
            &[SupervisorA, SupervisorB, Admin],
        )
        .await;
        expect_only(
            &app,
            &w,
            "load_person",
            LoadPerson::PATH,
            format!("id={learner}"),
            &[SupervisorA, Admin],
        )
        .await;
        expect_only(
            &app,
            &w,
            "load_assign_form",
            LoadAssignForm::PATH,
            format!("office={a}&preview=&target=&track=&pflicht=&due_kind=&due_on=&due_days="),
            &[SupervisorA, SupervisorB, Admin],
        )
        .await;
        expect_only(
            &app,
            &w,
            "assign_track",
            AssignTrack::PATH,
            format!(
                "office={a}&target=person:{learner}&track=0&pflicht=ja&due_kind=days&due_days=10"
            ),
            // The track does not exist: allowed callers get a validation error, not a refusal;
            // supervisor B's form ignores the foreign office and does not find the person.
            &[SupervisorA, SupervisorB, Admin],
        )
        .await;
        expect_only(
            &app,
            &w,
            "load_oversight_policy",
            LoadOversightPolicy::PATH,
            String::new(),
            &[Admin],
        )
        .await;
        expect_only(
            &app,
            &w,
            "set_oversight_level",
            SetOversightLevel::PATH,
            format!("organisation_id={a}&level=standard"),
            &[Admin],
        )
        .await;
        // Last, as it changes the learner: deactivate (allowed calls), then the others are refused.
        for who in EVERYONE {
            let result = call(
                &app,
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
                app.backend
            );
        }
    }
}

#[tokio::test]
async fn a_supervisor_never_sees_people_of_another_office() {
    for app in TestApp::each().await {
        let w = world(&app).await;
        // Asking for office B explicitly does not widen the scope.
        let body = call(
            &app,
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
        let team = call(
            &app,
            &w,
            Who::SupervisorB,
            LoadTeamBoard::PATH,
            "office=&team=&track=&status=&pflicht=&page=".into(),
        )
        .await
        .unwrap();
        assert!(!team.contains("@a.de"), "{team}");
        // And a supervisor cannot grant roles above learner, even in the own office.
        let escalate = call(
            &app,
            &w,
            Who::SupervisorA,
            SetUserRoles::PATH,
            format!("user_id={}&learner=on&admin=on", w.learner_a),
        )
        .await;
        assert!(denied(&escalate), "{escalate:?}");
    }
}

#[tokio::test]
async fn protected_pages_redirect_anonymous_visitors_and_refuse_learners() {
    for app in TestApp::each().await {
        let w = world(&app).await;
        for path in [
            "/admin",
            "/admin/personen",
            "/admin/einladen",
            "/admin/behoerden",
            "/admin/protokoll",
            "/admin/inhalte",
            "/team",
        ] {
            let anonymous = app.get(path).await;
            assert!(
                anonymous.status().is_redirection(),
                "{path}: {}",
                anonymous.status()
            );
            let location = location(&anonymous);
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
            let response = app.get_as(path, &learner).await;
            assert_eq!(response.status(), StatusCode::FORBIDDEN, "{path}");
            let html = body_text(response).await;
            assert!(
                html.contains("Dafür fehlt Ihnen die Berechtigung."),
                "{path}"
            );
        }
    }
}
