//! `/team` and its exports: counters, the overdue list, the people × modules table, per-team
//! counts at the aggregate level, and the office's assignments. Scores, answers, attempt
//! counts, time spent, page views and sign-ins never enter these views (`domain::minimisation`).

use std::collections::{HashMap, HashSet};

use super::board::{count, Applied, PersonBoard};
use super::office::{self, OfficeBoard};
use crate::auth::session::SessionUser;
use crate::domain::assignment::{AssignTarget, AssignmentStatus};
use crate::domain::minimisation::{group_count, OversightLevel};
use crate::domain::permissions::Action;
use crate::domain::time::date_de;
use crate::error::AppError;
use crate::state::AppState;
use crate::store::TestOutcome;
use crate::views::oversight::*;

pub const PAGE_SIZE: usize = 50;

pub fn status_view(status: AssignmentStatus) -> StatusView {
    StatusView {
        key: status.key().to_owned(),
        label: status.label_de().to_owned(),
        symbol: status.symbol().to_owned(),
    }
}

/// The whole table for `filter` (all pages), as the page and the exports show it.
pub struct Table {
    pub columns: Vec<ColumnView>,
    pub rows: Vec<PersonRowView>,
    pub team_counts: Vec<TeamCountView>,
    pub counters: CountersView,
    pub overdue: Vec<OverdueView>,
}

fn matches_assignment(a: &Applied, filter: &BoardFilter) -> bool {
    filter.track.is_none_or(|t| a.assignment.track_id == t)
        && filter.mandatory.is_none_or(|m| a.assignment.mandatory == m)
}

fn person_selected(p: &PersonBoard, filter: &BoardFilter) -> bool {
    filter.team.is_none_or(|t| p.person.team_id == Some(t))
        && filter.status.as_deref().is_none_or(|key| {
            p.applied
                .iter()
                .any(|a| matches_assignment(a, filter) && a.status.key() == key)
        })
}

pub fn table(ob: &OfficeBoard, filter: &BoardFilter, tests: &[TestOutcome]) -> Table {
    let level = ob.office.oversight_level;
    let assigned_tracks: HashSet<i64> = ob
        .board
        .people
        .iter()
        .flat_map(|p| p.applied.iter().map(|a| a.assignment.track_id))
        .collect();
    let columns: Vec<ColumnView> = ob
        .outline
        .tracks
        .iter()
        .filter(|t| match filter.track {
            Some(id) => t.id == id,
            None => assigned_tracks.is_empty() || assigned_tracks.contains(&t.id),
        })
        .flat_map(|t| {
            t.modules.iter().map(|m| ColumnView {
                module_id: m.id,
                track: t.title.clone(),
                title: m.title.clone(),
            })
        })
        .collect();
    let passed: HashMap<(i64, i64), bool> = tests
        .iter()
        .map(|t| ((t.user_id, t.module_id), t.passed))
        .collect();
    let selected: Vec<&PersonBoard> = ob
        .board
        .people
        .iter()
        .filter(|p| person_selected(p, filter))
        .collect();
    let applied = |p: &'_ PersonBoard| -> Vec<Applied> {
        p.applied
            .iter()
            .filter(|a| matches_assignment(a, filter))
            .cloned()
            .collect()
    };
    let mut counters = CountersView::default();
    let mut overdue = Vec::new();
    let mut rows = Vec::new();
    for p in &selected {
        let mine = applied(p);
        let c = count(mine.iter());
        counters.assigned += c.assigned;
        counters.on_track += c.on_track;
        counters.due_soon += c.due_soon;
        counters.overdue += c.overdue;
        counters.completed += c.completed;
        counters.excused += c.excused;
        for a in mine
            .iter()
            .filter(|a| a.status == AssignmentStatus::Overdue)
        {
            overdue.push((
                a.effective_due(),
                OverdueView {
                    person_id: p.person.id,
                    name: p.person.display_name.clone(),
                    track: ob.track_title(a.assignment.track_id),
                    due: a.effective_due().map(date_de).unwrap_or_default(),
                    mandatory: a.assignment.mandatory,
                },
            ));
        }
        let view = PersonBoard {
            person: p.person.clone(),
            applied: mine,
        };
        rows.push(PersonRowView {
            id: p.person.id,
            name: p.person.display_name.clone(),
            team: ob.team_name(p.person.team_id),
            cells: columns
                .iter()
                .map(|c| cell(&view, c.module_id, level, &passed))
                .collect(),
        });
    }
    overdue.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.name.cmp(&b.1.name)));
    let team_counts = team_counts(ob, &selected, filter);
    if !level.shows_people() {
        rows.clear();
        overdue.clear();
    }
    Table {
        columns,
        rows,
        team_counts,
        counters,
        overdue: overdue.into_iter().map(|(_, v)| v).collect(),
    }
}

fn cell(
    p: &PersonBoard,
    module_id: i64,
    level: OversightLevel,
    passed: &HashMap<(i64, i64), bool>,
) -> CellView {
    let covering: Vec<&Applied> = p
        .applied
        .iter()
        .filter(|a| a.modules.contains(&module_id))
        .collect();
    let Some(status) = p.module_status(module_id) else {
        return CellView {
            status: None,
            date: None,
            test: None,
        };
    };
    let date = match status {
        AssignmentStatus::Completed { on } => Some(format!("am {}", date_de(on))),
        AssignmentStatus::Excused => None,
        _ => covering
            .iter()
            .filter_map(|a| a.effective_due())
            .min()
            .map(|d| format!("fällig {}", date_de(d))),
    };
    let mandatory = covering.iter().any(|a| a.assignment.mandatory);
    let test = level.shows_test_outcome(mandatory).then(|| {
        match passed.get(&(p.person.id, module_id)) {
            Some(true) => "Test bestanden",
            Some(false) => "Test nicht bestanden",
            None => "Test nicht abgelegt",
        }
        .to_owned()
    });
    CellView {
        status: Some(status_view(status)),
        date,
        test,
    }
}

/// Per team (and "ohne Team"): people, assigned, completed, overdue; groups under five people
/// show "< 5" instead of numbers.
fn team_counts(
    ob: &OfficeBoard,
    selected: &[&PersonBoard],
    filter: &BoardFilter,
) -> Vec<TeamCountView> {
    let mut groups: Vec<(Option<i64>, String)> = ob
        .teams
        .iter()
        .filter(|t| filter.team.is_none_or(|f| f == t.id))
        .map(|t| (Some(t.id), t.name.clone()))
        .collect();
    if selected.iter().any(|p| p.person.team_id.is_none()) {
        groups.push((None, "ohne Team".to_owned()));
    }
    groups
        .into_iter()
        .map(|(team_id, name)| {
            let members: Vec<&&PersonBoard> = selected
                .iter()
                .filter(|p| p.person.team_id == team_id)
                .collect();
            let size = members.len();
            let c = count(
                members
                    .iter()
                    .flat_map(|p| p.applied.iter().filter(|a| matches_assignment(a, filter))),
            );
            TeamCountView {
                team: name,
                people: if size < crate::domain::minimisation::MIN_GROUP {
                    format!("< {}", crate::domain::minimisation::MIN_GROUP)
                } else {
                    size.to_string()
                },
                assigned: group_count(c.assigned, size),
                completed: group_count(c.completed, size),
                overdue: group_count(c.overdue, size),
            }
        })
        .collect()
}

fn target_label(ob: &OfficeBoard, a: &crate::store::AssignmentRecord) -> String {
    match AssignTarget::from_columns(a.user_id, a.team_id) {
        AssignTarget::Office => format!("ganze Behörde ({})", ob.office.name),
        AssignTarget::Team(id) => format!("Team {}", ob.team_name(Some(id))),
        AssignTarget::Person(id) => ob
            .board
            .people
            .iter()
            .find(|p| p.person.id == id)
            .map(|p| p.person.display_name.clone())
            .unwrap_or_else(|| "eine Person".to_owned()),
    }
}

pub fn due_text(a: &crate::store::AssignmentRecord) -> String {
    match (a.due_on, a.due_days) {
        (Some(d), _) => format!("bis {}", date_de(d)),
        (None, Some(days)) => format!("{days} Tage nach Dienstbeginn"),
        _ => "ohne Frist".to_owned(),
    }
}

/// The office's assignments that reach somebody in the actor's scope, newest first.
fn assignment_list(ob: &OfficeBoard) -> Vec<AssignmentListView> {
    let mut seen: HashMap<i64, (crate::store::AssignmentRecord, Vec<i64>, usize)> = HashMap::new();
    for p in &ob.board.people {
        for a in &p.applied {
            let e = seen
                .entry(a.assignment.id)
                .or_insert_with(|| (a.assignment.clone(), a.modules.clone(), 0));
            e.2 += 1;
        }
    }
    let mut list: Vec<_> = seen.into_values().collect();
    list.sort_by(|a, b| {
        b.0.created_at
            .cmp(&a.0.created_at)
            .then(b.0.id.cmp(&a.0.id))
    });
    list.into_iter()
        .map(|(a, modules, reached)| {
            let all = ob
                .outline
                .tracks
                .iter()
                .find(|t| t.id == a.track_id)
                .is_some_and(|t| t.modules.len() == modules.len());
            AssignmentListView {
                id: a.id,
                target: target_label(ob, &a),
                track: ob.track_title(a.track_id),
                modules: if all {
                    "alle Module".to_owned()
                } else {
                    modules
                        .iter()
                        .map(|m| ob.module_title(*m))
                        .collect::<Vec<_>>()
                        .join(", ")
                },
                mandatory: a.mandatory,
                due: due_text(&a),
                by: a.assigned_by_name.clone().unwrap_or_else(|| "–".to_owned()),
                reached,
            }
        })
        .collect()
}

/// Test outcomes, loaded only where the level shows them.
pub async fn tests_for(
    state: &AppState,
    ob: &OfficeBoard,
    only_user: Option<i64>,
) -> Result<Vec<TestOutcome>, AppError> {
    if ob.office.oversight_level == OversightLevel::Extended {
        Ok(state
            .store
            .office_test_outcomes(ob.office.id, only_user)
            .await?)
    } else {
        Ok(Vec::new())
    }
}

pub fn query_string(filter: &BoardFilter) -> String {
    let mut q = url::form_urlencoded::Serializer::new(String::new());
    if let Some(o) = filter.office {
        q.append_pair("office", &o.to_string());
    }
    if let Some(t) = filter.team {
        q.append_pair("team", &t.to_string());
    }
    if let Some(t) = filter.track {
        q.append_pair("track", &t.to_string());
    }
    if let Some(s) = &filter.status {
        q.append_pair("status", s);
    }
    if let Some(m) = filter.mandatory {
        q.append_pair("pflicht", if m { "ja" } else { "nein" });
    }
    q.finish()
}

pub async fn team_board(
    state: &AppState,
    user: &SessionUser,
    filter: BoardFilter,
) -> Result<TeamBoardView, AppError> {
    let ob = office::load(state, user, Action::ViewTeamPage, filter.office, None).await?;
    let tests = tests_for(state, &ob, None).await?;
    let table = table(&ob, &filter, &tests);
    let offices = if ob.scope == crate::domain::scope::Scope::All {
        state
            .store
            .list_organisations()
            .await?
            .into_iter()
            .map(|o| OptionView {
                id: o.id,
                label: o.name,
            })
            .collect()
    } else {
        Vec::new()
    };
    let total_people = table.rows.len();
    let pages = total_people.div_ceil(PAGE_SIZE).max(1) as u32;
    let page = filter.page.clamp(1, pages);
    let start = (page as usize - 1) * PAGE_SIZE;
    let people = table.rows.into_iter().skip(start).take(PAGE_SIZE).collect();
    let level = ob.office.oversight_level;
    Ok(TeamBoardView {
        office_id: ob.office.id,
        office: ob.office.name.clone(),
        offices,
        scope: if ob.scope.is_team_limited() {
            "Ihre Teams".to_owned()
        } else {
            "ganze Behörde".to_owned()
        },
        level: level.key().to_owned(),
        level_label: level.label_de().to_owned(),
        shows_people: level.shows_people(),
        query: query_string(&filter),
        filter: BoardFilter { page, ..filter },
        teams: ob
            .teams
            .iter()
            .map(|t| OptionView {
                id: t.id,
                label: t.name.clone(),
            })
            .collect(),
        tracks: ob
            .outline
            .tracks
            .iter()
            .map(|t| OptionView {
                id: t.id,
                label: t.title.clone(),
            })
            .collect(),
        counters: table.counters,
        overdue: table.overdue,
        columns: table.columns,
        people,
        total_people,
        page,
        pages,
        team_counts: table.team_counts,
        assignments: assignment_list(&ob),
        can_assign: crate::domain::permissions::allowed(
            &user.actor(),
            Action::AssignTrack,
            crate::domain::permissions::Target::Organisation { id: ob.office.id },
        ) || !ob.teams.is_empty(),
    })
}
