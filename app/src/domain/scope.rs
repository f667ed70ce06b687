//! A supervisor's reach: "their office, or only the listed teams of it". The one place this rule
//! lives; permissions, lists and store filters all use it.

use super::permissions::Actor;
use super::Role;

/// Whom an actor can oversee (people, teams, invitations, progress).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Admins: every office.
    All,
    /// One office; `teams: Some(list)` limits it to those teams (a person without a team is
    /// then outside).
    Office {
        organisation_id: i64,
        teams: Option<Vec<i64>>,
    },
    /// Nobody (fail closed: learners, trainers, supervisors without an office, deactivated).
    Nothing,
}

impl Scope {
    /// The oversight scope of `actor`: admins everything, supervisors their office or teams.
    pub fn of(actor: &Actor) -> Scope {
        if !actor.active {
            Scope::Nothing
        } else if actor.has_role(Role::Admin) {
            Scope::All
        } else if actor.has_role(Role::Supervisor) {
            match actor.organisation_id {
                Some(organisation_id) => Scope::Office {
                    organisation_id,
                    teams: (!actor.supervised_teams.is_empty())
                        .then(|| actor.supervised_teams.clone()),
                },
                None => Scope::Nothing,
            }
        } else {
            Scope::Nothing
        }
    }

    /// The whole office `id` (only when not limited to teams: an office-wide list, export or
    /// assignment would reach teams outside the limit).
    pub fn covers_office(&self, id: i64) -> bool {
        match self {
            Scope::All => true,
            Scope::Office {
                organisation_id,
                teams,
            } => *organisation_id == id && teams.is_none(),
            Scope::Nothing => false,
        }
    }

    pub fn covers_team(&self, organisation_id: i64, team_id: i64) -> bool {
        self.covers(Some(organisation_id), Some(team_id))
    }

    /// A person (or invitation) of `organisation_id`, in team `team_id` if any.
    pub fn covers(&self, organisation_id: Option<i64>, team_id: Option<i64>) -> bool {
        match self {
            Scope::All => true,
            Scope::Office {
                organisation_id: office,
                teams,
            } => {
                organisation_id == Some(*office)
                    && match teams {
                        None => true,
                        Some(list) => team_id.is_some_and(|t| list.contains(&t)),
                    }
            }
            Scope::Nothing => false,
        }
    }

    /// The single office of a supervisor's scope.
    pub fn office(&self) -> Option<i64> {
        match self {
            Scope::Office {
                organisation_id, ..
            } => Some(*organisation_id),
            _ => None,
        }
    }

    pub fn is_team_limited(&self) -> bool {
        matches!(self, Scope::Office { teams: Some(_), .. })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(roles: &[Role], office: Option<i64>, teams: &[i64], active: bool) -> Actor {
        Actor {
            user_id: 1,
            roles: roles.to_vec(),
            organisation_id: office,
            team_id: None,
            supervised_teams: teams.to_vec(),
            active,
        }
    }

    #[test]
    fn scope_by_role_office_and_team_limits() {
        let cases = [
            (actor(&[Role::Admin], None, &[], true), Scope::All),
            (
                actor(&[Role::Supervisor], Some(7), &[], true),
                Scope::Office {
                    organisation_id: 7,
                    teams: None,
                },
            ),
            (
                actor(&[Role::Supervisor], Some(7), &[3, 4], true),
                Scope::Office {
                    organisation_id: 7,
                    teams: Some(vec![3, 4]),
                },
            ),
            (actor(&[Role::Supervisor], None, &[], true), Scope::Nothing),
            (
                actor(&[Role::Learner, Role::Trainer], Some(7), &[], true),
                Scope::Nothing,
            ),
            (actor(&[Role::Admin], None, &[], false), Scope::Nothing),
            (
                actor(&[Role::Supervisor], Some(7), &[], false),
                Scope::Nothing,
            ),
        ];
        for (who, expected) in cases {
            assert_eq!(Scope::of(&who), expected, "{who:?}");
        }
    }

    #[test]
    fn what_a_scope_covers() {
        let office = Scope::Office {
            organisation_id: 7,
            teams: None,
        };
        let teams = Scope::Office {
            organisation_id: 7,
            teams: Some(vec![3]),
        };
        // (scope, office, team, covers person, covers office-wide)
        let cases = [
            (&Scope::All, Some(9), None, true, true),
            (&office, Some(7), None, true, true),
            (&office, Some(7), Some(4), true, true),
            (&office, Some(8), Some(3), false, false),
            (&office, None, None, false, false),
            (&teams, Some(7), Some(3), true, false),
            (&teams, Some(7), Some(4), false, false),
            (&teams, Some(7), None, false, false),
            (&Scope::Nothing, Some(7), Some(3), false, false),
        ];
        for (scope, org, team, person, whole) in cases {
            assert_eq!(
                scope.covers(org, team),
                person,
                "{scope:?} {org:?} {team:?}"
            );
            assert_eq!(
                org.is_some_and(|o| scope.covers_office(o)),
                whole,
                "{scope:?} {org:?}"
            );
        }
        assert!(teams.covers_team(7, 3) && !teams.covers_team(7, 4) && !office.covers_team(8, 1));
    }
}
