//! Who may do what: one pure function, `allowed(actor, action, target)`, that every server
//! function and route asks before touching data. Default deny: whatever is not listed below is
//! refused.
//!
//! A user's roles add up (a supervisor who also edits content holds both roles). An actor
//! whose account is deactivated, or who holds no role at all, may do nothing.
//!
//! | Action                                                  | any role (learner, trainer, …) | Trainer       | Supervisor (own office, in scope)                   | Admin      |
//! |---------------------------------------------------------|--------------------------------|---------------|-----------------------------------------------------|------------|
//! | `ViewCourse`, `TakeLessons`, `TakeQuizzes`, `ViewOwnProgress` | `Own`                     | –             | –                                                   | everything |
//! | `ViewUserProgress`                                      | `User` = themself              | –             | `User` in scope                                     | everything |
//! | `ViewTeamPage`, `ListUsers`, `InviteUser`               | –                              | –             | `Organisation`¹, `Team` in scope                    | everything |
//! | `AssignTrack`, `ExportProgress`                         | –                              | –             | `Organisation`¹, `Team`, `User` in scope            | everything |
//! | `ManageUser`                                            | –                              | –             | `User` in scope, but not an admin and not themself  | everything |
//! | `EditContent`, `ViewContentProblems`                    | –                              | `Own`, `System` | –                                                 | everything |
//! | `ManageOrganisations`, `ManageTeams`                    | –                              | –             | –                                                   | everything |
//! | `ViewAuditLog`, `ManageMailSettings`                    | –                              | –             | –                                                   | everything |
//!
//! "In scope" for a supervisor means: the target belongs to the supervisor's own office, and,
//! when the supervisor is limited to some teams, to one of those teams. So:
//! - `Organisation { id }`: the own office, and only when *not* team-limited (¹), because an
//!   office-wide page, list, export or assignment would reach teams outside the limit;
//! - `Team`: a team of the own office (and one of the supervised teams, if limited);
//! - `User`: a user of the own office (and in one of the supervised teams, if limited; a
//!   team-limited supervisor does not see users without a team). Users without an office
//!   (typically admins) are never in scope.
//!
//! A supervisor without an office (a data error) has nothing in scope: we fail closed.
//!
//! Roles a user may *grant* are decided by [`grantable_roles`]: admins all, supervisors only
//! `Learner`, nobody else any. A role change is acceptable when every role added or removed is
//! grantable; keeping at least one active admin is the store's job, not this module's.

use super::scope::Scope;
use super::Role;

/// Who is asking, as loaded from the session and the users table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub user_id: i64,
    pub roles: Vec<Role>,
    pub organisation_id: Option<i64>,
    pub team_id: Option<i64>,
    /// Teams a supervisor is limited to; empty = the whole office.
    pub supervised_teams: Vec<i64>,
    pub active: bool,
}

impl Actor {
    pub fn has_role(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    // learning (own data)
    ViewCourse,
    TakeLessons,
    TakeQuizzes,
    ViewOwnProgress,
    // supervision
    ViewTeamPage,
    ViewUserProgress,
    AssignTrack,
    ExportProgress,
    // user administration
    InviteUser,
    /// Deactivate, change roles, resend the invitation.
    ManageUser,
    ListUsers,
    // office administration
    ManageOrganisations,
    ManageTeams,
    // content
    EditContent,
    ViewContentProblems,
    // system
    ViewAuditLog,
    ManageMailSettings,
}

impl Action {
    /// Every action, in declaration order, so tests (and admin screens) can go through all.
    pub const ALL: &'static [Action] = &[
        Action::ViewCourse,
        Action::TakeLessons,
        Action::TakeQuizzes,
        Action::ViewOwnProgress,
        Action::ViewTeamPage,
        Action::ViewUserProgress,
        Action::AssignTrack,
        Action::ExportProgress,
        Action::InviteUser,
        Action::ManageUser,
        Action::ListUsers,
        Action::ManageOrganisations,
        Action::ManageTeams,
        Action::EditContent,
        Action::ViewContentProblems,
        Action::ViewAuditLog,
        Action::ManageMailSettings,
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Course content and the actor's own data.
    Own,
    /// The whole installation (e.g. the list of offices, content problems, mail settings).
    System,
    Organisation {
        id: i64,
    },
    Team {
        organisation_id: i64,
        team_id: i64,
    },
    User {
        user_id: i64,
        organisation_id: Option<i64>,
        team_id: Option<i64>,
        roles_include_admin: bool,
    },
}

/// May `actor` do `action` on `target`? See the table in the module documentation.
pub fn allowed(actor: &Actor, action: Action, target: Target) -> bool {
    // A deactivated account keeps its session cookie until it expires; it must not matter.
    if !actor.active || actor.roles.is_empty() {
        return false;
    }
    if actor.has_role(Role::Admin) {
        return true;
    }
    any_role_may(actor, action, target)
        || (actor.has_role(Role::Trainer) && trainer_may(action, target))
        || (actor.has_role(Role::Supervisor) && supervisor_may(actor, action, target))
}

/// Roles `actor` may grant when inviting or editing a user, in `Role` order.
///
/// Supervisors may bring learners into their own office, but not trainers: content edits reach
/// every office, so only admins hand that out, and likewise supervisor and admin.
pub fn grantable_roles(actor: &Actor) -> Vec<Role> {
    if !actor.active {
        Vec::new()
    } else if actor.has_role(Role::Admin) {
        Role::ALL.to_vec()
    } else if actor.has_role(Role::Supervisor) {
        vec![Role::Learner]
    } else {
        Vec::new()
    }
}

/// Learning is open to all staff, so trainers and supervisors can take the courses they
/// maintain or assign; everyone may also look at their own progress record.
fn any_role_may(actor: &Actor, action: Action, target: Target) -> bool {
    use Action::*;
    match (action, target) {
        (ViewCourse | TakeLessons | TakeQuizzes | ViewOwnProgress, Target::Own) => true,
        (ViewUserProgress, Target::User { user_id, .. }) => user_id == actor.user_id,
        _ => false,
    }
}

/// Content is shared by all offices, so content work targets the installation, not an office.
fn trainer_may(action: Action, target: Target) -> bool {
    matches!(
        (action, target),
        (
            Action::EditContent | Action::ViewContentProblems,
            Target::Own | Target::System
        )
    )
}

fn supervisor_may(actor: &Actor, action: Action, target: Target) -> bool {
    use Action::*;
    let shape_fits = match (action, target) {
        (
            ViewTeamPage | ListUsers | InviteUser,
            Target::Organisation { .. } | Target::Team { .. },
        ) => true,
        (
            AssignTrack | ExportProgress,
            Target::Organisation { .. } | Target::Team { .. } | Target::User { .. },
        ) => true,
        (ViewUserProgress, Target::User { .. }) => true,
        // Admin accounts are out of a supervisor's reach even in their own office, or a
        // supervisor could lock out the people who can undo their mistakes. Their own account
        // is out of reach too: demoting or deactivating oneself is a job for an admin.
        (
            ManageUser,
            Target::User {
                user_id,
                roles_include_admin,
                ..
            },
        ) => !roles_include_admin && user_id != actor.user_id,
        _ => false,
    };
    shape_fits && in_scope(actor, target)
}

/// Whether `target` lies in the supervisor's reach (`Scope`: own office, or supervised teams).
fn in_scope(actor: &Actor, target: Target) -> bool {
    let scope = Scope::of(actor);
    match target {
        Target::Organisation { id } => scope.covers_office(id),
        Target::Team {
            organisation_id,
            team_id,
        } => scope.covers_team(organisation_id, team_id),
        Target::User {
            organisation_id,
            team_id,
            ..
        } => scope.covers(organisation_id, team_id),
        Target::Own | Target::System => false,
    }
}

/// Why a role change was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleChangeRefusal {
    /// Every account keeps at least one role.
    NoRole,
    /// A role added or removed is not one the actor may grant.
    NotGrantable,
}

/// May `actor` change a user's roles from `before` to `after`? Every role added or removed must
/// be grantable by the actor, and at least one role remains. (Whether the user is in the actor's
/// reach is `allowed(…, ManageUser, …)`; keeping one active admin is the store's atomic check.)
pub fn role_change_allowed(
    actor: &Actor,
    before: &[Role],
    after: &[Role],
) -> Result<(), RoleChangeRefusal> {
    if after.is_empty() {
        return Err(RoleChangeRefusal::NoRole);
    }
    let grantable = grantable_roles(actor);
    let changed = Role::ALL
        .into_iter()
        .filter(|r| before.contains(r) != after.contains(r));
    for role in changed {
        if !grantable.contains(&role) {
            return Err(RoleChangeRefusal::NotGrantable);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const OFFICE_A: i64 = 1;
    const OFFICE_B: i64 = 2;
    const TEAM_T1: i64 = 11; // office A
    const TEAM_T2: i64 = 12; // office A
    const TEAM_B1: i64 = 21; // office B

    fn actor(user_id: i64, roles: &[Role], office: Option<i64>, team: Option<i64>) -> Actor {
        Actor {
            user_id,
            roles: roles.to_vec(),
            organisation_id: office,
            team_id: team,
            supervised_teams: Vec::new(),
            active: true,
        }
    }

    fn learner_a1() -> Actor {
        actor(101, &[Role::Learner], Some(OFFICE_A), Some(TEAM_T1))
    }
    fn learner_a2() -> Actor {
        actor(102, &[Role::Learner], Some(OFFICE_A), Some(TEAM_T1))
    }
    fn trainer() -> Actor {
        actor(103, &[Role::Trainer], Some(OFFICE_A), None)
    }
    fn supervisor_a() -> Actor {
        actor(104, &[Role::Supervisor], Some(OFFICE_A), None)
    }
    fn supervisor_a_limited_to_t1() -> Actor {
        Actor {
            supervised_teams: vec![TEAM_T1],
            ..actor(105, &[Role::Supervisor], Some(OFFICE_A), Some(TEAM_T1))
        }
    }
    fn supervisor_b() -> Actor {
        actor(106, &[Role::Supervisor], Some(OFFICE_B), None)
    }
    fn admin() -> Actor {
        actor(107, &[Role::Admin], None, None)
    }
    fn deactivated_admin() -> Actor {
        Actor {
            active: false,
            ..actor(108, &[Role::Admin], None, None)
        }
    }

    fn user(user_id: i64, office: Option<i64>, team: Option<i64>, admin: bool) -> Target {
        Target::User {
            user_id,
            organisation_id: office,
            team_id: team,
            roles_include_admin: admin,
        }
    }
    fn as_target(a: &Actor) -> Target {
        user(
            a.user_id,
            a.organisation_id,
            a.team_id,
            a.has_role(Role::Admin),
        )
    }

    const OWN: Target = Target::Own;
    const SYSTEM: Target = Target::System;
    const ORG_A: Target = Target::Organisation { id: OFFICE_A };
    const ORG_B: Target = Target::Organisation { id: OFFICE_B };
    const TEAM_A_T1: Target = Target::Team {
        organisation_id: OFFICE_A,
        team_id: TEAM_T1,
    };
    const TEAM_A_T2: Target = Target::Team {
        organisation_id: OFFICE_A,
        team_id: TEAM_T2,
    };
    const TEAM_B: Target = Target::Team {
        organisation_id: OFFICE_B,
        team_id: TEAM_B1,
    };

    fn user_a1() -> Target {
        as_target(&learner_a1())
    }
    fn user_a2() -> Target {
        as_target(&learner_a2())
    }
    fn user_a_t2() -> Target {
        user(201, Some(OFFICE_A), Some(TEAM_T2), false)
    }
    fn user_a_no_team() -> Target {
        user(202, Some(OFFICE_A), None, false)
    }
    fn user_b() -> Target {
        user(203, Some(OFFICE_B), Some(TEAM_B1), false)
    }
    /// The admin actor's own account: no office.
    fn user_admin() -> Target {
        as_target(&admin())
    }
    fn user_admin_in_a_t1() -> Target {
        user(204, Some(OFFICE_A), Some(TEAM_T1), true)
    }

    fn all_targets() -> Vec<Target> {
        vec![
            OWN,
            SYSTEM,
            ORG_A,
            ORG_B,
            TEAM_A_T1,
            TEAM_A_T2,
            TEAM_B,
            user_a1(),
            user_a2(),
            user_a_t2(),
            user_a_no_team(),
            user_b(),
            user_admin(),
            user_admin_in_a_t1(),
        ]
    }

    /// Every combination of roles (all 16 subsets), for tests that must hold whatever one holds.
    fn every_role_set() -> Vec<Vec<Role>> {
        (0..16u8)
            .map(|bits| {
                Role::ALL
                    .into_iter()
                    .enumerate()
                    .filter(|(i, _)| bits & (1 << i) != 0)
                    .map(|(_, r)| r)
                    .collect()
            })
            .collect()
    }

    // Columns, in `Action::ALL` order, grouped like the enum:
    //   learning: ViewCourse TakeLessons TakeQuizzes ViewOwnProgress
    //   supervision: ViewTeamPage ViewUserProgress AssignTrack ExportProgress
    //   users: InviteUser ManageUser ListUsers
    //   offices: ManageOrganisations ManageTeams
    //   content: EditContent ViewContentProblems
    //   system: ViewAuditLog ManageMailSettings
    // `x` = allowed, `.` = denied; spaces are ignored.
    const NONE: &str = ".... .... ... .. .. ..";
    const ALL: &str = "xxxx xxxx xxx xx xx xx";
    const LEARN: &str = "xxxx .... ... .. .. ..";
    const SELF_PROGRESS: &str = ".... .x.. ... .. .. ..";
    const CONTENT_AND_LEARN: &str = "xxxx .... ... .. xx ..";
    const CONTENT: &str = ".... .... ... .. xx ..";
    const SUPERVISE_GROUP: &str = ".... x.xx x.x .. .. ..";
    const SUPERVISE_USER: &str = ".... .xxx .x. .. .. ..";
    const SUPERVISE_ADMIN_USER: &str = ".... .xxx ... .. .. ..";

    #[test]
    fn permission_matrix_over_all_actions_actors_and_targets() {
        // (actor, [expected row per target, in `all_targets` order])
        let matrix: Vec<(&str, Actor, [&str; 14])> = vec![
            (
                "learner A1",
                learner_a1(),
                [
                    LEARN,         // own
                    NONE,          // system
                    NONE,          // office A
                    NONE,          // office B
                    NONE,          // team T1
                    NONE,          // team T2
                    NONE,          // team of B
                    SELF_PROGRESS, // user A1 (themself)
                    NONE,          // user A2
                    NONE,          // user in T2
                    NONE,          // user in A without team
                    NONE,          // user in B
                    NONE,          // admin without office
                    NONE,          // admin in A/T1
                ],
            ),
            (
                "learner A2",
                learner_a2(),
                [
                    LEARN,
                    NONE,
                    NONE,
                    NONE,
                    NONE,
                    NONE,
                    NONE,
                    NONE,
                    SELF_PROGRESS,
                    NONE,
                    NONE,
                    NONE,
                    NONE,
                    NONE,
                ],
            ),
            (
                "trainer",
                trainer(),
                [
                    CONTENT_AND_LEARN,
                    CONTENT,
                    NONE,
                    NONE,
                    NONE,
                    NONE,
                    NONE,
                    NONE,
                    NONE,
                    NONE,
                    NONE,
                    NONE,
                    NONE,
                    NONE,
                ],
            ),
            (
                "supervisor of A",
                supervisor_a(),
                [
                    LEARN,
                    NONE,
                    SUPERVISE_GROUP,
                    NONE,
                    SUPERVISE_GROUP,
                    SUPERVISE_GROUP,
                    NONE,
                    SUPERVISE_USER,
                    SUPERVISE_USER,
                    SUPERVISE_USER,
                    SUPERVISE_USER,
                    NONE,
                    NONE,
                    SUPERVISE_ADMIN_USER,
                ],
            ),
            (
                "supervisor of A limited to T1",
                supervisor_a_limited_to_t1(),
                [
                    LEARN,
                    NONE,
                    NONE,
                    NONE,
                    SUPERVISE_GROUP,
                    NONE,
                    NONE,
                    SUPERVISE_USER,
                    SUPERVISE_USER,
                    NONE,
                    NONE,
                    NONE,
                    NONE,
                    SUPERVISE_ADMIN_USER,
                ],
            ),
            (
                "supervisor of B",
                supervisor_b(),
                [
                    LEARN,
                    NONE,
                    NONE,
                    SUPERVISE_GROUP,
                    NONE,
                    NONE,
                    SUPERVISE_GROUP,
                    NONE,
                    NONE,
                    NONE,
                    NONE,
                    SUPERVISE_USER,
                    NONE,
                    NONE,
                ],
            ),
            ("admin without office", admin(), [ALL; 14]),
            ("deactivated admin", deactivated_admin(), [NONE; 14]),
        ];

        let targets = all_targets();
        let mut failures = Vec::new();
        let mut checked = 0;
        for (name, actor, rows) in &matrix {
            for (target, row) in targets.iter().zip(rows) {
                let expected: Vec<bool> = row
                    .chars()
                    .filter(|c| *c != ' ')
                    .map(|c| c == 'x')
                    .collect();
                assert_eq!(expected.len(), Action::ALL.len(), "row width for {name}");
                for (&action, &want) in Action::ALL.iter().zip(&expected) {
                    checked += 1;
                    if allowed(actor, action, *target) != want {
                        failures.push(format!("{name}: {action:?} on {target:?} should be {want}"));
                    }
                }
            }
        }
        assert_eq!(checked, 8 * 14 * 17);
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn a_supervisor_of_office_a_can_never_read_or_change_anything_of_office_b() {
        let office_b_targets = [
            ORG_B,
            TEAM_B,
            // Same team id as a supervised team of A, but in office B: the office decides.
            Target::Team {
                organisation_id: OFFICE_B,
                team_id: TEAM_T1,
            },
            user_b(),
            user(301, Some(OFFICE_B), None, false),
            user(302, Some(OFFICE_B), Some(TEAM_T1), false),
            user(303, Some(OFFICE_B), Some(TEAM_B1), true),
        ];
        let also_learner_and_trainer = Actor {
            roles: vec![Role::Learner, Role::Trainer, Role::Supervisor],
            ..supervisor_a()
        };
        for actor in [
            supervisor_a(),
            supervisor_a_limited_to_t1(),
            also_learner_and_trainer,
        ] {
            for &action in Action::ALL {
                for target in office_b_targets {
                    assert!(
                        !allowed(&actor, action, target),
                        "{actor:?} may {action:?} on {target:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_learner_never_sees_another_learners_data() {
        let others = [
            user_a2(),
            user_a_t2(),
            user_a_no_team(),
            user_b(),
            user_admin(),
            user_admin_in_a_t1(),
            ORG_A,
            TEAM_A_T1,
        ];
        for &action in Action::ALL {
            for target in others {
                assert!(
                    !allowed(&learner_a1(), action, target),
                    "learner A1 may {action:?} on {target:?}"
                );
            }
            assert!(
                !allowed(&learner_a2(), action, user_a1()),
                "learner A2 may {action:?} on learner A1"
            );
        }
        // Positive control: their own progress is visible to them.
        assert!(allowed(&learner_a1(), Action::ViewUserProgress, user_a1()));
        assert!(allowed(&learner_a1(), Action::ViewOwnProgress, OWN));
    }

    #[test]
    fn deactivated_users_can_do_nothing() {
        for roles in every_role_set() {
            for team_limits in [vec![], vec![TEAM_T1]] {
                let actor = Actor {
                    roles: roles.clone(),
                    supervised_teams: team_limits,
                    active: false,
                    ..actor(109, &[], Some(OFFICE_A), Some(TEAM_T1))
                };
                let own_account = as_target(&actor);
                for &action in Action::ALL {
                    for target in all_targets().into_iter().chain([own_account]) {
                        assert!(
                            !allowed(&actor, action, target),
                            "{roles:?} (deactivated) may {action:?} on {target:?}"
                        );
                    }
                }
                assert!(grantable_roles(&actor).is_empty());
            }
        }
    }

    #[test]
    fn team_limited_supervisor_cannot_see_users_of_other_teams() {
        let supervisor = supervisor_a_limited_to_t1();
        for &action in Action::ALL {
            for target in [user_a_t2(), user_a_no_team(), TEAM_A_T2, ORG_A] {
                assert!(
                    !allowed(&supervisor, action, target),
                    "limited supervisor may {action:?} on {target:?}"
                );
            }
        }
        // Positive control: the supervised team is in reach.
        assert!(allowed(&supervisor, Action::ViewUserProgress, user_a1()));
        assert!(allowed(&supervisor, Action::ViewTeamPage, TEAM_A_T1));
    }

    #[test]
    fn a_supervisor_limited_to_several_teams_reaches_each_of_them() {
        let supervisor = Actor {
            supervised_teams: vec![TEAM_T1, TEAM_T2],
            ..supervisor_a_limited_to_t1()
        };
        assert!(allowed(&supervisor, Action::ExportProgress, TEAM_A_T1));
        assert!(allowed(&supervisor, Action::ExportProgress, TEAM_A_T2));
        assert!(allowed(&supervisor, Action::ManageUser, user_a_t2()));
        // Still limited: the whole office and users without a team stay out of reach.
        assert!(!allowed(&supervisor, Action::ExportProgress, ORG_A));
        assert!(!allowed(&supervisor, Action::ManageUser, user_a_no_team()));
    }

    #[test]
    fn a_supervisor_may_never_manage_an_admin_even_in_their_own_office() {
        assert!(!allowed(
            &supervisor_a(),
            Action::ManageUser,
            user_admin_in_a_t1()
        ));
        assert!(!allowed(
            &supervisor_a_limited_to_t1(),
            Action::ManageUser,
            user_admin_in_a_t1()
        ));
        assert!(allowed(&supervisor_a(), Action::ManageUser, user_a1()));
    }

    #[test]
    fn a_supervisor_cannot_act_on_users_without_an_office() {
        let no_office = user(205, None, None, false);
        for &action in Action::ALL {
            assert!(!allowed(&supervisor_a(), action, no_office), "{action:?}");
        }
    }

    #[test]
    fn a_supervisor_cannot_manage_their_own_account() {
        let supervisor = supervisor_a();
        let own_account = as_target(&supervisor);
        assert!(!allowed(&supervisor, Action::ManageUser, own_account));
        assert!(allowed(&supervisor, Action::ViewUserProgress, own_account));
    }

    #[test]
    fn a_supervisor_without_an_office_only_learns() {
        // A data error (supervisors always belong to an office); fail closed.
        let supervisor = actor(110, &[Role::Supervisor], None, None);
        for &action in Action::ALL {
            for target in all_targets() {
                let learning = target == OWN
                    && matches!(
                        action,
                        Action::ViewCourse
                            | Action::TakeLessons
                            | Action::TakeQuizzes
                            | Action::ViewOwnProgress
                    );
                assert_eq!(
                    allowed(&supervisor, action, target),
                    learning,
                    "{action:?} on {target:?}"
                );
            }
        }
    }

    #[test]
    fn an_active_account_without_roles_can_do_nothing() {
        let nobody = actor(111, &[], Some(OFFICE_A), Some(TEAM_T1));
        for &action in Action::ALL {
            for target in all_targets().into_iter().chain([as_target(&nobody)]) {
                assert!(
                    !allowed(&nobody, action, target),
                    "{action:?} on {target:?}"
                );
            }
        }
    }

    #[test]
    fn roles_add_up() {
        let trainer_and_supervisor = Actor {
            roles: vec![Role::Trainer, Role::Supervisor],
            ..supervisor_a()
        };
        assert!(allowed(
            &trainer_and_supervisor,
            Action::EditContent,
            SYSTEM
        ));
        assert!(allowed(
            &trainer_and_supervisor,
            Action::ManageUser,
            user_a1()
        ));
        assert!(!allowed(
            &trainer_and_supervisor,
            Action::ManageTeams,
            ORG_A
        ));
        assert!(!allowed(
            &trainer_and_supervisor,
            Action::ViewUserProgress,
            user_b()
        ));
    }

    #[test]
    fn only_admins_manage_offices_teams_mail_and_the_audit_log() {
        let admin_only = [
            Action::ManageOrganisations,
            Action::ManageTeams,
            Action::ViewAuditLog,
            Action::ManageMailSettings,
        ];
        let everyone_but_admin = Actor {
            roles: vec![Role::Learner, Role::Trainer, Role::Supervisor],
            ..supervisor_a()
        };
        for action in admin_only {
            for target in all_targets() {
                assert!(!allowed(&everyone_but_admin, action, target), "{action:?}");
                assert!(allowed(&admin(), action, target), "{action:?}");
            }
        }
    }

    #[test]
    fn grantable_roles_are_all_for_admins_learner_for_supervisors_none_otherwise() {
        assert_eq!(grantable_roles(&admin()), Role::ALL.to_vec());
        assert_eq!(grantable_roles(&supervisor_a()), vec![Role::Learner]);
        assert_eq!(
            grantable_roles(&supervisor_a_limited_to_t1()),
            vec![Role::Learner]
        );
        assert!(grantable_roles(&trainer()).is_empty());
        assert!(grantable_roles(&learner_a1()).is_empty());
        assert!(grantable_roles(&deactivated_admin()).is_empty());

        // Holding more roles never lets a non-admin grant trainer, supervisor or admin.
        let trainer_and_supervisor = Actor {
            roles: vec![Role::Learner, Role::Trainer, Role::Supervisor],
            ..supervisor_a()
        };
        assert_eq!(
            grantable_roles(&trainer_and_supervisor),
            vec![Role::Learner]
        );
        let admin_and_supervisor = Actor {
            roles: vec![Role::Supervisor, Role::Admin],
            ..supervisor_a()
        };
        assert_eq!(grantable_roles(&admin_and_supervisor), Role::ALL.to_vec());
    }

    #[test]
    fn action_all_lists_every_action_once_in_declaration_order() {
        // Exhaustive on purpose: a new action fails to compile here until it is added to `ALL`
        // (and thereby to the matrix above).
        let position = |a: Action| match a {
            Action::ViewCourse => 0,
            Action::TakeLessons => 1,
            Action::TakeQuizzes => 2,
            Action::ViewOwnProgress => 3,
            Action::ViewTeamPage => 4,
            Action::ViewUserProgress => 5,
            Action::AssignTrack => 6,
            Action::ExportProgress => 7,
            Action::InviteUser => 8,
            Action::ManageUser => 9,
            Action::ListUsers => 10,
            Action::ManageOrganisations => 11,
            Action::ManageTeams => 12,
            Action::EditContent => 13,
            Action::ViewContentProblems => 14,
            Action::ViewAuditLog => 15,
            Action::ManageMailSettings => 16,
        };
        assert_eq!(Action::ALL.len(), 17);
        for (i, &action) in Action::ALL.iter().enumerate() {
            assert_eq!(position(action), i, "{action:?}");
        }
    }

    #[test]
    fn role_changes_need_grantable_roles_and_keep_one() {
        use RoleChangeRefusal::*;
        let sup = supervisor_a();
        let adm = admin();
        let learner = learner_a1();
        let gone = deactivated_admin();
        type Case<'a> = (
            &'a str,
            &'a Actor,
            &'a [Role],
            &'a [Role],
            Result<(), RoleChangeRefusal>,
        );
        let cases: Vec<Case> = vec![
            (
                "supervisor keeps learner",
                &sup,
                &[Role::Learner],
                &[Role::Learner],
                Ok(()),
            ),
            (
                "supervisor adds learner",
                &sup,
                &[Role::Trainer],
                &[Role::Trainer, Role::Learner],
                Ok(()),
            ),
            (
                "supervisor adds trainer",
                &sup,
                &[Role::Learner],
                &[Role::Learner, Role::Trainer],
                Err(NotGrantable),
            ),
            (
                "supervisor removes trainer",
                &sup,
                &[Role::Learner, Role::Trainer],
                &[Role::Learner],
                Err(NotGrantable),
            ),
            (
                "supervisor grants supervisor",
                &sup,
                &[Role::Learner],
                &[Role::Supervisor],
                Err(NotGrantable),
            ),
            (
                "nobody ends with no role",
                &adm,
                &[Role::Learner],
                &[],
                Err(NoRole),
            ),
            (
                "admin grants admin",
                &adm,
                &[Role::Learner],
                &[Role::Learner, Role::Admin],
                Ok(()),
            ),
            (
                "learner changes nothing",
                &learner,
                &[Role::Learner],
                &[Role::Learner, Role::Trainer],
                Err(NotGrantable),
            ),
            (
                "deactivated admin",
                &gone,
                &[Role::Learner],
                &[Role::Trainer],
                Err(NotGrantable),
            ),
        ];
        for (name, actor, before, after, expected) in cases {
            assert_eq!(
                role_change_allowed(actor, before, after),
                expected,
                "{name}"
            );
        }
    }
}
