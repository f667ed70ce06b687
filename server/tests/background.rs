//! The background loop: mails leave the outbox exactly once, failed sends are retried with
//! backoff and then marked failed, a crashed worker's mail goes out again with the same
//! Message-ID, and expired rows (sessions, throttle events, reset links, never-submitted quiz
//! attempts) are pruned. Showing a quiz again does not write a new attempt row each time.

mod support;

use chrono::Duration;

use app::domain::Role;
use app::service::background::{Outcome, Worker};
use app::store::{MailStatus, NewMail};

use support::{attempt_id, TestApp, QUIZ_PAGE};

fn mail(key: &str, now: chrono::DateTime<chrono::Utc>) -> NewMail {
    support::plain_mail(key, "anna@kreis.de", "Text", now)
}

#[tokio::test]
async fn a_queued_mail_is_sent_once_and_a_duplicate_key_is_stored_once() {
    for app in TestApp::each().await {
        assert!(app
            .store
            .enqueue_mail(&mail("k1", app.now()), app.now())
            .await
            .unwrap());
        assert!(
            !app.store
                .enqueue_mail(&mail("k1", app.now()), app.now())
                .await
                .unwrap(),
            "dedupe key"
        );
        let sent = app.deliver_mail().await;
        assert_eq!(sent.len(), 1, "{}", app.backend);
        assert!(app.deliver_mail().await.is_empty());
        assert_eq!(app.store.outbox_counts().await.unwrap().sent, 1);
    }
}

#[tokio::test]
async fn a_mail_due_later_waits_until_then() {
    for app in TestApp::each().await {
        let later = app.now() + Duration::hours(2);
        app.store
            .enqueue_mail(&mail("later", later), app.now())
            .await
            .unwrap();
        assert!(app.deliver_mail().await.is_empty());
        app.advance(Duration::hours(2));
        assert_eq!(app.deliver_mail().await.len(), 1, "{}", app.backend);
    }
}

#[tokio::test]
async fn failed_sends_back_off_and_are_marked_failed_after_six_attempts() {
    for app in TestApp::each().await {
        let mut state = app.state.clone();
        state.mailer = app::mail::Mailer::from_config(
            Some("smtp://127.0.0.1:1"),
            "Lotse <l@x.de>",
            "x".into(),
        )
        .unwrap();
        app.store
            .enqueue_mail(&mail("k", app.now()), app.now())
            .await
            .unwrap();
        let mut worker = Worker::new();
        let mut waits = Vec::new();
        for attempt in 1..=6 {
            let outcome = worker.try_execute_task(&state, app.now()).await.unwrap();
            let row = app
                .store
                .find_mail_by_dedupe_key("k")
                .await
                .unwrap()
                .unwrap();
            assert_eq!(row.attempts, attempt, "{}", app.backend);
            match outcome {
                Outcome::WillRetry { .. } => {
                    waits.push((row.send_after - app.now()).num_minutes());
                    // Not due before its time …
                    let early = worker.try_execute_task(&state, app.now()).await.unwrap();
                    assert!(
                        matches!(
                            early,
                            Outcome::Idle | Outcome::Pruned(_) | Outcome::Retained(_)
                        ),
                        "{early:?}"
                    );
                    app.clock.set(row.send_after);
                }
                Outcome::Failed { error, .. } => {
                    assert_eq!(attempt, 6);
                    assert!(!error.is_empty());
                }
                other => panic!("{other:?}"),
            }
        }
        assert_eq!(waits, vec![1, 5, 30, 120, 720], "{}", app.backend);
        let failed = app
            .store
            .list_outbox(Some(MailStatus::Failed), 10)
            .await
            .unwrap();
        assert_eq!(failed.len(), 1);
        assert!(failed[0].last_error.is_some());
        // An admin's retry queues it again.
        assert!(app
            .store
            .retry_failed_mail(failed[0].id, app.now())
            .await
            .unwrap());
        assert_eq!(app.deliver_mail().await.len(), 1);
    }
}

#[tokio::test]
async fn a_mail_claimed_by_a_crashed_worker_is_sent_again_after_the_lease_with_the_same_message_id()
{
    for app in TestApp::each().await {
        app.store
            .enqueue_mail(&mail("k", app.now()), app.now())
            .await
            .unwrap();
        // A worker claims the row and dies before marking it.
        let claimed = app
            .store
            .claim_mail(app.now(), app.now() + Duration::minutes(5))
            .await
            .unwrap()
            .unwrap();
        assert!(
            app.store
                .claim_mail(app.now(), app.now() + Duration::minutes(5))
                .await
                .unwrap()
                .is_none(),
            "leased"
        );
        assert!(
            app.deliver_mail().await.is_empty(),
            "not while the lease runs"
        );
        app.advance(Duration::minutes(6));
        let again = app.deliver_mail().await;
        assert_eq!(again.len(), 1, "{}", app.backend);
        let expected = app::service::background::message_id(&claimed, &app.state.base_url);
        assert_eq!(again[0].message_id.as_deref(), Some(expected.as_str()));
    }
}

#[tokio::test]
async fn expired_rows_are_pruned_and_live_ones_kept() {
    for app in TestApp::each().await {
        app.import_curriculum().await;
        let (_, cookie) = app.learner("anna@kreis.de").await;
        let (_, _) = app.learner("bert@kreis.de").await;
        // A quiz opened and left, a failed sign-in, a reset link.
        let html = app.page(QUIZ_PAGE, &cookie).await;
        let open = attempt_id(&html);
        app.sign_in("anna@kreis.de", "falsch falsch falsch").await;
        app.post_form("/passwort-vergessen", "email=bert%40kreis.de", None)
            .await;
        // Two days later everything above has expired; Anna's session too (idle).
        app.advance(Duration::days(2));
        let fresh = app.cookie_for("bert@kreis.de").await;
        let mut worker = Worker::new();
        let outcomes = worker.drain(&app.state, app.now()).await.unwrap();
        let report = outcomes
            .iter()
            .find_map(|o| match o {
                Outcome::Pruned(r) => Some(*r),
                _ => None,
            })
            .expect("pruned");
        assert_eq!(report.attempts, 1, "{}: {report:?}", app.backend);
        assert!(report.sessions >= 2, "{report:?}");
        assert!(report.throttle_events >= 2, "{report:?}");
        assert_eq!(report.password_resets, 1, "{report:?}");
        let user = app
            .store
            .find_user_by_email("anna@kreis.de")
            .await
            .unwrap()
            .unwrap();
        assert!(app
            .store
            .find_attempt(&open, user.id)
            .await
            .unwrap()
            .is_none());
        assert!(
            app.page("/", &fresh).await.contains("Abmelden"),
            "a live session is kept"
        );
    }
}

#[tokio::test]
async fn showing_the_quiz_again_reuses_the_open_attempt() {
    for app in TestApp::each().await {
        app.import_curriculum().await;
        let (user, cookie) = app.learner("anna@kreis.de").await;
        let first = attempt_id(&app.page(QUIZ_PAGE, &cookie).await);
        for _ in 0..5 {
            assert_eq!(
                attempt_id(&app.page(QUIZ_PAGE, &cookie).await),
                first,
                "{}",
                app.backend
            );
        }
        assert!(app
            .store
            .find_attempt(&first, user)
            .await
            .unwrap()
            .is_some());
        // Another learner gets their own.
        let (_, other) = app.learner("bert@kreis.de").await;
        assert_ne!(attempt_id(&app.page(QUIZ_PAGE, &other).await), first);
    }
}

#[tokio::test]
async fn pruning_never_touches_progress() {
    // Pruning never touches progress or submitted attempts.
    for app in TestApp::each().await {
        app.import_curriculum().await;
        let (_, cookie) = app.signed_in("anna@kreis.de", &[Role::Learner], None).await;
        app.page("/tracks/basiswissen/aufenthaltstitel/titelarten", &cookie)
            .await;
        let before = app
            .store
            .progress_of(
                app.store
                    .find_user_by_email("anna@kreis.de")
                    .await
                    .unwrap()
                    .unwrap()
                    .id,
            )
            .await
            .unwrap();
        app.advance(Duration::days(3));
        Worker::new().drain(&app.state, app.now()).await.unwrap();
        let user = app
            .store
            .find_user_by_email("anna@kreis.de")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            app.store.progress_of(user.id).await.unwrap(),
            before,
            "{}",
            app.backend
        );
    }
}
