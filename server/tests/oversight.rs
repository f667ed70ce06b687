//! Supervisors' oversight on both backends, through the real HTTP forms: assignments to a
//! person, a team or the office; live team assignments for later joiners; relative due dates;
//! extension, excusal and withdrawal with audit entries; completion that survives a content
//! revision; who may see, assign and export what; exports for German Excel; the data
//! minimisation levels; retention with a frozen clock.

mod support;

use chrono::Duration;

use app::api::oversight::{
    AssignTrack, DecideAssignment, LoadPerson, LoadTeamBoard, SetOversightLevel, WithdrawAssignment,
};
use app::domain::time::local_date;
use app::domain::Role;
use leptos::server_fn::ServerFn;
use support::{body_text, encode, location, TestApp};

fn form(pairs: &[(&str, String)]) -> String {
    encode(
        &pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), v.clone()))
            .collect::<Vec<_>>(),
    )
}

/// A form posted by a browser without JavaScript from `/team`.
async fn post(b: &TestApp, path: &str, body: &str, cookie: &str) -> axum::response::Response {
    b.plain_post(path, body, cookie, "/team").await
}

struct Office {
    id: i64,
    team_a: i64,
    team_b: i64,
    supervisor: String,
}

async fn office(b: &TestApp, slug: &str) -> Office {
    let org = b.office(slug, &["Aufenthalt", "Einbürgerung"]).await;
    let teams = b.store.list_teams(org.id).await.unwrap();
    let team = |name: &str| teams.iter().find(|t| t.name == name).unwrap().id;
    let email = format!("leitung@{slug}.de");
    b.user(&email, &[Role::Supervisor], Some(org.id)).await;
    Office {
        id: org.id,
        team_a: team("Aufenthalt"),
        team_b: team("Einbürgerung"),
        supervisor: b.cookie_for(&email).await,
    }
}

async fn track_ids(b: &TestApp) -> Vec<(i64, Vec<i64>)> {
    b.store
        .outline()
        .await
        .unwrap()
        .tracks
        .iter()
        .map(|t| (t.id, t.modules.iter().map(|m| m.id).collect()))
        .collect()
}

/// Posts the assignment form as a browser without JavaScript; the redirect target.
async fn assign(b: &TestApp, cookie: &str, office: i64, fields: &[(&str, String)]) -> String {
    let mut all = vec![("office", office.to_string())];
    all.extend(fields.iter().cloned());
    let response = post(b, AssignTrack::PATH, &form(&all), cookie).await;
    let to = location(&response);
    if to.is_empty() {
        eprintln!(
            "assign: {} {}",
            response.status(),
            body_text(response).await
        );
        return String::new();
    }
    to
}

fn due_in(b: &TestApp, days: i64) -> String {
    (local_date(b.now()) + Duration::days(days)).to_string()
}

#[tokio::test]
async fn team_assignments_reach_later_joiners_and_decisions_are_audited() {
    for b in TestApp::builder().with_curriculum().each().await {
        let o = office(&b, "kreis").await;
        let tracks = track_ids(&b).await;
        let anna = b
            .user_in_team(
                "anna@kreis.de",
                &[Role::Learner],
                Some(o.id),
                Some(o.team_a),
            )
            .await;
        let to = assign(
            &b,
            &o.supervisor,
            o.id,
            &[
                ("target", format!("team:{}", o.team_a)),
                ("track", tracks[0].0.to_string()),
                ("pflicht", "ja".into()),
                ("due_kind", "days".into()),
                ("due_days", "14".into()),
            ],
        )
        .await;
        assert!(to.contains("hinweis=zugewiesen"), "{}: {to}", b.backend);

        // Bert joins the team a week later: he gets the assignment with his own date.
        b.advance(Duration::days(7));
        let o = Office {
            supervisor: b.cookie_for("leitung@kreis.de").await,
            ..o
        };
        let bert = b
            .user_in_team(
                "bert@kreis.de",
                &[Role::Learner],
                Some(o.id),
                Some(o.team_a),
            )
            .await;
        let cleo = b
            .user_in_team(
                "cleo@kreis.de",
                &[Role::Learner],
                Some(o.id),
                Some(o.team_b),
            )
            .await;
        let page = |id: i64| format!("/team/personen/{id}");
        let anna_page = b.page(&page(anna), &o.supervisor).await;
        let bert_page = b.page(&page(bert), &o.supervisor).await;
        let cleo_page = b.page(&page(cleo), &o.supervisor).await;
        let date_de =
            |days: i64| app::domain::time::date_de(local_date(b.now()) + Duration::days(days));
        assert!(
            anna_page.contains(&date_de(7)),
            "{}: Anna due 14 days after her start: {}",
            b.backend,
            &anna_page[anna_page.find("<main").unwrap_or(0)..]
        );
        assert!(
            bert_page.contains(&date_de(14)),
            "{}: Bert due 14 days after his start",
            b.backend
        );
        assert!(cleo_page.contains("Keine Zuweisungen."), "{}", b.backend);

        // Extend for Anna (reason required), excuse Bert, withdraw for nobody else.
        let assignment = b
            .store
            .office_activity(o.id, None)
            .await
            .unwrap()
            .assignments[0]
            .id;
        let decide = |person: i64, kind: &str, to: String, reason: &str| {
            form(&[
                ("assignment_id", assignment.to_string()),
                ("person_id", person.to_string()),
                ("kind", kind.to_owned()),
                ("extended_to", to),
                ("reason", reason.to_owned()),
            ])
        };
        let refused = post(
            &b,
            DecideAssignment::PATH,
            &decide(anna, "extend", due_in(&b, 30), " "),
            &o.supervisor,
        )
        .await;
        assert!(
            location(&refused).contains("__err"),
            "{}: reason is required",
            b.backend
        );
        let ok = post(
            &b,
            DecideAssignment::PATH,
            &decide(anna, "extend", due_in(&b, 30), "Elternzeit bis Juni"),
            &o.supervisor,
        )
        .await;
        assert!(
            location(&ok).contains("hinweis=gespeichert"),
            "{}: {}",
            b.backend,
            location(&ok)
        );
        post(
            &b,
            DecideAssignment::PATH,
            &decide(bert, "excuse", String::new(), "Schulung bei der Vorbehörde"),
            &o.supervisor,
        )
        .await;
        let anna_page = b.page(&page(anna), &o.supervisor).await;
        assert!(
            anna_page.contains(&date_de(30)) && anna_page.contains("Elternzeit bis Juni"),
            "{}",
            b.backend
        );
        assert!(
            anna_page.contains(&format!("ursprünglich {}", date_de(7))),
            "{}",
            b.backend
        );
        let bert_page = b.page(&page(bert), &o.supervisor).await;
        assert!(bert_page.contains("befreit"), "{}", b.backend);

        // Withdraw the whole assignment: nobody has it any more.
        let gone = b
            .post_form(
                WithdrawAssignment::PATH,
                &form(&[
                    ("office", o.id.to_string()),
                    ("assignment_id", assignment.to_string()),
                    ("reason", "Falscher Lernpfad".into()),
                ]),
                Some(&o.supervisor),
            )
            .await;
        assert!(location(&gone).contains("zurueckgenommen"), "{}", b.backend);
        assert!(
            b.page(&page(anna), &o.supervisor)
                .await
                .contains("Keine Zuweisungen."),
            "{}",
            b.backend
        );

        let log: Vec<String> = b
            .store
            .audit_log(50)
            .await
            .unwrap()
            .into_iter()
            .map(|e| e.action)
            .collect();
        for action in [
            "assignment.created",
            "assignment.extended",
            "assignment.excused",
            "assignment.withdrawn",
        ] {
            assert!(
                log.iter().any(|a| a == action),
                "{}: {action} missing in {log:?}",
                b.backend
            );
        }
    }
}

/// A small course: track "basis", module "titel" with two lessons and a quiz.
fn small_course(root: &std::path::Path) {
    support::basis_track(root);
    for (file, title) in [("01-eins.md", "Eins"), ("02-zwei.md", "Zwei")] {
        support::write_content(
            root,
            &format!("basis/01-titel/{file}"),
            &format!("+++\ntitle = \"{title}\"\nminutes = 5\n+++\n\n## {title}\n\nText zum Aufenthaltstitel.\n"),
        );
    }
    support::write_content(
        root,
        "basis/01-titel/quiz.md",
        "+++\ntitle = \"Test\"\n+++\n\n## Braucht es einen Titel?\n\n- [(X)] Ja\n- [( )] Nein\n\n*****\nSo ist es.\n*****\n",
    );
}

/// Marks every lesson of a module done and passes its quiz, through the forms.
async fn complete_module(b: &TestApp, cookie: &str, user_id: i64, track: usize, module: usize) {
    let outline = b.store.outline().await.unwrap();
    let t = &outline.tracks[track];
    let m = &t.modules[module];
    for l in &m.lessons {
        b.page(&format!("/tracks/{}/{}/{}", t.slug, m.slug, l.slug), cookie)
            .await;
        let path = "/api/learn/lesson_done";
        let body = form(&[
            ("track", t.slug.clone()),
            ("module", m.slug.clone()),
            ("lesson", l.slug.clone()),
        ]);
        let response = post(b, path, &body, cookie).await;
        assert!(
            response.status().is_redirection() || response.status().is_success(),
            "{}: {}",
            b.backend,
            response.status()
        );
    }
    if m.quiz.is_some() {
        let quiz = format!("/tracks/{}/{}/quiz", t.slug, m.slug);
        let html = b.page(&quiz, cookie).await;
        let attempt = support::attempt_id(&html);
        let fields = support::answers(&b.store, user_id, &attempt, true).await;
        let mut pairs = vec![
            ("track".to_owned(), t.slug.clone()),
            ("module".to_owned(), m.slug.clone()),
            ("attempt".to_owned(), attempt),
        ];
        pairs.extend(fields);
        post(b, "/api/learn/quiz_submit", &encode(&pairs), cookie).await;
    }
}

#[tokio::test]
async fn completion_stays_done_after_a_content_revision() {
    for b in TestApp::builder().each().await {
        let root = tempfile::tempdir().unwrap();
        small_course(root.path());
        b.import(root.path()).await;
        let o = office(&b, "stadt").await;
        let tracks = track_ids(&b).await;
        let dora_id = b.user("dora@stadt.de", &[Role::Learner], Some(o.id)).await;
        let dora = b.cookie_for("dora@stadt.de").await;
        let module_field = format!("modules[{}]", tracks[0].1[0]);
        let fields = vec![
            ("target", "office".to_owned()),
            ("track", tracks[0].0.to_string()),
            ("pflicht", "ja".into()),
            ("due_kind", "date".into()),
            ("due_on", due_in(&b, 10)),
            (module_field.as_str(), "1".into()),
        ];
        assert!(
            assign(&b, &o.supervisor, o.id, &fields)
                .await
                .contains("zugewiesen"),
            "{}",
            b.backend
        );
        assert!(
            !b.page("/team", &o.supervisor).await.contains("erledigt am"),
            "{}",
            b.backend
        );
        complete_module(&b, &dora, dora_id, 0, 0).await;
        let board = b.page("/team", &o.supervisor).await;
        assert!(
            board.contains("am "),
            "{}: completed after the module",
            b.backend
        );
        assert!(board.contains("status--completed"), "{}", b.backend);

        // A new lesson in that module: the module is no longer complete, the assignment stays.
        support::write_content(
            root.path(),
            "basis/01-titel/03-neu.md",
            "+++\ntitle = \"Neue Lektion\"\nminutes = 5\n+++\n\n## Neu\n\nEin neuer Abschnitt zum Aufenthaltsrecht.\n",
        );
        b.import(root.path()).await;
        let board = b.page("/team", &o.supervisor).await;
        assert!(
            board.contains("status--completed"),
            "{}: still done after the revision",
            b.backend
        );
        let person = b.page("/profil/sichtbarkeit", &dora).await;
        assert!(person.contains("Erledigt am"), "{}", b.backend);
    }
}

#[tokio::test]
async fn supervisors_see_only_their_office_and_teams() {
    for b in TestApp::builder().with_curriculum().each().await {
        let a = office(&b, "nord").await;
        let other = office(&b, "sued").await;
        let tracks = track_ids(&b).await;
        let in_a = b
            .user_in_team("ida@nord.de", &[Role::Learner], Some(a.id), Some(a.team_a))
            .await;
        let in_b_team = b
            .user_in_team("jan@nord.de", &[Role::Learner], Some(a.id), Some(a.team_b))
            .await;
        let elsewhere = b
            .user("kai@sued.de", &[Role::Learner], Some(other.id))
            .await;
        // A supervisor limited to team A.
        let limited = b
            .user("teamleitung@nord.de", &[Role::Supervisor], Some(a.id))
            .await;
        b.store
            .set_supervised_teams(limited, &[a.team_a])
            .await
            .unwrap();
        let limited = b.cookie_for("teamleitung@nord.de").await;

        let status = |r: &axum::response::Response| r.status().as_u16();
        assert_eq!(
            status(
                &b.get_as(&format!("/team/personen/{elsewhere}"), &a.supervisor)
                    .await
            ),
            403,
            "{}",
            b.backend
        );
        assert_eq!(
            status(
                &b.get_as(&format!("/team/personen/{in_a}"), &a.supervisor)
                    .await
            ),
            200,
            "{}",
            b.backend
        );
        assert_eq!(
            status(
                &b.get_as(&format!("/team/personen/{in_b_team}"), &limited)
                    .await
            ),
            403,
            "{}",
            b.backend
        );
        assert_eq!(
            status(&b.get_as(&format!("/team/personen/{in_a}"), &limited).await),
            200,
            "{}",
            b.backend
        );

        // Assigning into another office's team, or office-wide when limited to teams, fails.
        let base = |target: String| {
            vec![
                ("target", target),
                ("track", tracks[0].0.to_string()),
                ("pflicht", "ja".into()),
                ("due_kind", "date".into()),
                ("due_on", due_in(&b, 20)),
            ]
        };
        assert!(
            assign(
                &b,
                &a.supervisor,
                other.id,
                &base(format!("team:{}", other.team_a))
            )
            .await
            .contains("__err"),
            "{}",
            b.backend
        );
        assert!(
            assign(&b, &limited, a.id, &base("office".into()))
                .await
                .contains("__err"),
            "{}",
            b.backend
        );
        assert!(
            assign(&b, &limited, a.id, &base(format!("team:{}", a.team_a)))
                .await
                .contains("zugewiesen"),
            "{}",
            b.backend
        );

        // The limited supervisor's board and export list only team A.
        let board = b.page("/team", &limited).await;
        assert!(
            board.contains("ida@nord.de") && !board.contains("jan@nord.de"),
            "{}",
            b.backend
        );
        let csv = body_text(b.get_as("/team/export.csv", &limited).await).await;
        assert!(
            csv.contains("ida@nord.de") && !csv.contains("jan@nord.de"),
            "{}: {csv}",
            b.backend
        );
        let other_csv = body_text(b.get_as("/team/export.csv", &other.supervisor).await).await;
        assert!(!other_csv.contains("ida@nord.de"), "{}", b.backend);

        // Learners and trainers get 403 everywhere.
        let (_, learner) = b
            .signed_in("lena@nord.de", &[Role::Learner], Some(a.id))
            .await;
        let (_, trainer) = b
            .signed_in("tom@nord.de", &[Role::Trainer], Some(a.id))
            .await;
        for cookie in [&learner, &trainer] {
            for path in [
                "/team",
                "/team/zuweisen",
                "/team/export.csv",
                "/team/export.xlsx",
                &format!("/team/personen/{in_a}"),
            ] {
                assert_eq!(
                    status(&b.get_as(path, cookie).await),
                    403,
                    "{}: {path}",
                    b.backend
                );
            }
            assert!(
                assign(&b, cookie, a.id, &base("office".into()))
                    .await
                    .contains("__err"),
                "{}",
                b.backend
            );
        }
    }
}

#[tokio::test]
async fn exports_are_made_for_german_excel() {
    for b in TestApp::builder().with_curriculum().each().await {
        let o = office(&b, "mitte").await;
        let tracks = track_ids(&b).await;
        b.store
            .create_user(
                &app::store::NewUser {
                    email: "mara@mitte.de".into(),
                    display_name: "=HYPERLINK(\"x\") Jürgen Öztürk".into(),
                    organisation_id: Some(o.id),
                    team_id: Some(o.team_a),
                    password_hash: None,
                    roles: vec![Role::Learner],
                },
                b.now(),
            )
            .await
            .unwrap();
        assign(
            &b,
            &o.supervisor,
            o.id,
            &[
                ("target", "office".into()),
                ("track", tracks[0].0.to_string()),
                ("pflicht", "ja".into()),
                ("due_kind", "date".into()),
                ("due_on", due_in(&b, 5)),
            ],
        )
        .await;
        let response = b.get_as("/team/export.csv", &o.supervisor).await;
        let disposition = response.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .to_owned();
        let today = local_date(b.now()).format("%Y-%m-%d").to_string();
        assert!(
            disposition.contains(&format!("lotse-mitte-{today}.csv")),
            "{}: {disposition}",
            b.backend
        );
        let csv = body_text(response).await;
        assert!(csv.starts_with('\u{feff}'), "{}: BOM", b.backend);
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
        assert!(
            lines[0].starts_with("Name;Team;"),
            "{}: {}",
            b.backend,
            lines[0]
        );
        assert!(
            lines[1].starts_with("\"'=HYPERLINK(\"\"x\"\") Jürgen Öztürk\";Aufenthalt;"),
            "{}: {}",
            b.backend,
            lines[1]
        );
        let due = app::domain::time::date_de(local_date(b.now()) + Duration::days(5));
        assert!(
            lines[1].contains(&format!("bald fällig, fällig {due}")),
            "{}: {}",
            b.backend,
            lines[1]
        );

        let xlsx = b.get_as("/team/export.xlsx", &o.supervisor).await;
        let bytes = axum::body::to_bytes(xlsx.into_body(), usize::MAX)
            .await
            .unwrap();
        use calamine::Reader;
        let mut book: calamine::Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).unwrap();
        let sheet = book.worksheet_range("Lernstand").unwrap();
        let rows: Vec<Vec<String>> = sheet
            .rows()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect();
        assert_eq!(
            rows.len(),
            lines.len(),
            "{}: same rows as the CSV",
            b.backend
        );
        assert_eq!(
            rows[1][0], "=HYPERLINK(\"x\") Jürgen Öztürk",
            "{}: text, umlauts kept",
            b.backend
        );
        assert_eq!(rows[0].len(), lines[0].split(';').count(), "{}", b.backend);
        let log = b.store.audit_log(10).await.unwrap();
        assert!(
            log.iter()
                .any(|e| e.action == "progress.exported" && e.details.contains("1 Zeilen")),
            "{}",
            b.backend
        );
    }
}

#[tokio::test]
async fn supervisors_never_see_scores_or_attempt_counts_at_any_level() {
    for b in TestApp::builder().with_curriculum().each().await {
        let o = office(&b, "ost").await;
        let tracks = track_ids(&b).await;
        let (id, _) = b
            .signed_in("nora@ost.de", &[Role::Learner], Some(o.id))
            .await;
        let admin = b.signed_in("admin@ost.de", &[Role::Admin], None).await.1;
        assign(
            &b,
            &o.supervisor,
            o.id,
            &[
                ("target", "office".into()),
                ("track", tracks[0].0.to_string()),
                ("pflicht", "ja".into()),
                ("due_kind", "date".into()),
                ("due_on", due_in(&b, 9)),
            ],
        )
        .await;
        let outline = b.store.outline().await.unwrap();
        let quiz = outline.tracks[0].modules[0].quiz.clone().expect("quiz");
        for n in 0..3 {
            let attempt = format!("test-attempt-{n}");
            b.store
                .issue_attempt(&app::store::NewAttempt {
                    id: attempt.clone(),
                    user_id: id,
                    quiz_id: quiz.id,
                    revision: quiz.revision,
                    shuffle_seed: 1,
                    issued_at: b.now(),
                })
                .await
                .unwrap();
            b.store
                .submit_attempt(
                    &attempt,
                    id,
                    &app::store::AttemptSubmission {
                        submitted_at: b.now(),
                        answers: "[]".into(),
                        score_percent: 73,
                        passed: false,
                    },
                )
                .await
                .unwrap();
        }
        for level in ["aggregate", "standard", "extended"] {
            let set = post(
                &b,
                SetOversightLevel::PATH,
                &form(&[
                    ("organisation_id", o.id.to_string()),
                    ("level", level.into()),
                ]),
                &admin,
            )
            .await;
            assert!(
                location(&set).contains("gespeichert"),
                "{}: {}",
                b.backend,
                location(&set)
            );
            let mut seen = vec![
                b.page("/team", &o.supervisor).await,
                b.page(&format!("/team/personen/{id}"), &o.supervisor).await,
                body_text(b.get_as("/team/export.csv", &o.supervisor).await).await,
                body_text(
                    b.server_fn(
                        LoadTeamBoard::PATH,
                        "office=&team=&track=&status=&pflicht=&page=",
                        &o.supervisor,
                    )
                    .await,
                )
                .await,
                body_text(
                    b.server_fn(LoadPerson::PATH, &format!("id={id}"), &o.supervisor)
                        .await,
                )
                .await,
            ];
            let xlsx = b.get_as("/team/export.xlsx", &o.supervisor).await;
            let bytes = axum::body::to_bytes(xlsx.into_body(), usize::MAX)
                .await
                .unwrap();
            use calamine::Reader;
            let mut book: calamine::Xlsx<_> =
                calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).unwrap();
            let sheet = book.worksheet_range("Lernstand").unwrap();
            seen.push(
                sheet
                    .rows()
                    .flat_map(|r| r.iter().map(|c| c.to_string()))
                    .collect::<Vec<_>>()
                    .join("|"),
            );
            for (i, text) in seen.iter().enumerate() {
                assert!(
                    !text.contains("73"),
                    "{} {level}: 73 in view {i}",
                    b.backend
                );
                assert!(
                    !text.contains("Versuch"),
                    "{} {level}: attempts in view {i}",
                    b.backend
                );
                assert!(
                    !text.contains("3 Test"),
                    "{} {level}: attempt count in view {i}",
                    b.backend
                );
            }
            let person = &seen[1];
            match level {
                "aggregate" => assert!(
                    person.contains("keine Angaben zu einzelnen Personen")
                        && !seen[0].contains("nora@ost.de"),
                    "{}",
                    b.backend
                ),
                "standard" => assert!(!person.contains("nicht bestanden"), "{}", b.backend),
                _ => assert!(
                    person.contains("nicht bestanden"),
                    "{}: extended shows pass/fail",
                    b.backend
                ),
            }
        }
        let log = b.store.audit_log(20).await.unwrap();
        assert!(
            log.iter()
                .any(|e| e.action == "office.oversight_level_changed"),
            "{}",
            b.backend
        );
    }
}

#[tokio::test]
async fn the_learner_sees_exactly_what_the_supervisor_sees() {
    for b in TestApp::builder().with_curriculum().each().await {
        let o = office(&b, "west").await;
        let tracks = track_ids(&b).await;
        let (id, cookie) = b
            .signed_in("otto@west.de", &[Role::Learner], Some(o.id))
            .await;
        assign(
            &b,
            &o.supervisor,
            o.id,
            &[
                ("target", format!("person:{id}")),
                ("track", tracks[1].0.to_string()),
                ("pflicht", "nein".into()),
                ("due_kind", "date".into()),
                ("due_on", due_in(&b, 40)),
            ],
        )
        .await;
        let detail = |html: &str| {
            let start = html
                .find("data-person-detail")
                .unwrap_or_else(|| panic!("detail: {html}"));
            let start = html[..start].rfind("<div").unwrap();
            let end = start + html[start..].find("</ul></div>").expect("end") + 11;
            html[start..end].to_owned()
        };
        let supervisor = b.page(&format!("/team/personen/{id}"), &o.supervisor).await;
        let own = b.page("/profil/sichtbarkeit", &cookie).await;
        assert_eq!(detail(&supervisor), detail(&own), "{}", b.backend);
        assert!(own.contains("Empfehlung"), "{}", b.backend);
        // The dashboard lists the assignment first.
        let dashboard = b.page("/", &cookie).await;
        assert!(
            dashboard.find("Ihnen zugewiesen").unwrap()
                < dashboard
                    .find(&b.store.outline().await.unwrap().tracks[1].title)
                    .unwrap(),
            "{}",
            b.backend
        );
    }
}

#[tokio::test]
async fn retention_deletes_exactly_the_expired_rows() {
    for b in TestApp::builder().each().await {
        let root = tempfile::tempdir().unwrap();
        small_course(root.path());
        b.import(root.path()).await;
        let o = office(&b, "sued").await;
        let paul_id = b.user("paul@sued.de", &[Role::Learner], Some(o.id)).await;
        let paul = b.cookie_for("paul@sued.de").await;
        b.user("rita@sued.de", &[Role::Learner], Some(o.id)).await;
        let rita = b.cookie_for("rita@sued.de").await;
        let outline = b.store.outline().await.unwrap();
        for m in 0..outline.tracks[0].modules.len() {
            complete_module(&b, &paul, paul_id, 0, m).await;
        }
        // Rita only reads one lesson: her track is not complete, nothing of hers expires.
        let t = &outline.tracks[0];
        let m = &t.modules[0];
        b.page(
            &format!("/tracks/{}/{}/{}", t.slug, m.slug, m.lessons[0].slug),
            &rita,
        )
        .await;

        let policy = app::domain::retention::RetentionPolicy::default();
        let store = b.store.clone();
        let run = |days: i64, dry| {
            let store = store.clone();
            let now = b.now() + Duration::days(days);
            async move {
                app::service::oversight::retention::apply_policy(&store, policy, now, dry)
                    .await
                    .unwrap()
            }
        };
        assert_eq!(
            run(90, false).await.total(),
            0,
            "{}: day 90 keeps everything",
            b.backend
        );
        let dry = run(91, true).await;
        assert!(
            dry.viewed_events > 0 && dry.answer_details > 0,
            "{}: {dry:?}",
            b.backend
        );
        assert_eq!(
            run(91, true).await,
            dry,
            "{}: a dry run deletes nothing",
            b.backend
        );
        let done = run(91, false).await;
        assert_eq!(
            done,
            app::store::RetentionReport {
                module_completions: 0,
                assignment_completions: 0,
                ..dry
            },
            "{}",
            b.backend
        );
        assert_eq!(
            run(92, false).await.total(),
            0,
            "{}: nothing left",
            b.backend
        );
        let rita_rows = b
            .store
            .progress_of(
                b.store
                    .find_user_by_email("rita@sued.de")
                    .await
                    .unwrap()
                    .unwrap()
                    .id,
            )
            .await
            .unwrap();
        assert_eq!(rita_rows.len(), 1, "{}: Rita's row stays", b.backend);
        let later = run(5 * 366, false).await;
        assert_eq!(
            later.module_completions as usize,
            outline.tracks[0].modules.len(),
            "{}: completion records after 5 years",
            b.backend
        );
    }
}
