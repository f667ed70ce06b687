//! `/team`: the supervisor's overview: counters, the overdue list, the people × modules table
//! (filtered by query parameters, 50 people per page), exports, and the office's assignments.
//! At the aggregate level only counts per team are shown.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::oversight::{load_team_board, WithdrawAssignment};
use crate::components::flash::FlashMessage;
use crate::components::notice::{AccessError, ErrorNotice};
use crate::components::status::StatusBadge;
use crate::views::oversight::{AssignmentListView, TeamBoardView};

#[component]
pub fn TeamPage() -> impl IntoView {
    crate::components::sign_in_required::require_sign_in();
    let query = use_query_map();
    let param = move |key: &str| query.read().get(key).unwrap_or_default();
    let board = Resource::new(
        move || {
            (
                param("office"),
                param("team"),
                param("track"),
                param("status"),
                param("pflicht"),
                param("seite"),
            )
        },
        |(office, team, track, status, pflicht, page)| {
            load_team_board(office, team, track, status, pflicht, page)
        },
    );
    view! {
        <Title text="Mein Team"/>
        <h1>"Mein Team"</h1>
        <FlashMessage/>
        <Suspense fallback=|| view! { <p>"Wird geladen …"</p> }>
            {move || Suspend::new(async move {
                match board.await {
                    Err(err) => view! { <AccessError error=err/> }.into_any(),
                    Ok(b) => view! { <Board b/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Board(b: TeamBoardView) -> impl IntoView {
    let c = b.counters;
    let export = |ext: &str| {
        if b.query.is_empty() {
            format!("/team/export.{ext}")
        } else {
            format!("/team/export.{ext}?{}", b.query)
        }
    };
    let csv = export("csv");
    let xlsx = export("xlsx");
    let office_id = b.office_id;
    view! {
        <p class="lead">{format!("{} – {} · Auswertungsstufe: {}", b.office, b.scope, b.level_label)}</p>
        <Filters b=b.clone()/>
        <section aria-labelledby="zahlen">
            <h2 id="zahlen">"Überblick"</h2>
            <ul class="counters">
                <li><span class="counters__value">{c.assigned}</span>" zugewiesen"</li>
                <li><span class="counters__value">{c.on_track}</span>" im Plan"</li>
                <li><span class="counters__value">{c.due_soon}</span>" in 7 Tagen fällig"</li>
                <li><span class="counters__value">{c.overdue}</span>" überfällig"</li>
                <li><span class="counters__value">{c.completed}</span>" erledigt"</li>
                <li><span class="counters__value">{c.excused}</span>" befreit"</li>
            </ul>
            <p class="hint">"Gezählt wird je Person und Zuweisung."</p>
        </section>
        {if b.shows_people {
            view! { <PeopleSections b=b.clone()/> }.into_any()
        } else {
            view! { <TeamCounts b=b.clone()/> }.into_any()
        }}
        <section aria-labelledby="export">
            <h2 id="export">"Export"</h2>
            <p>"Genau die Spalten der Tabelle, mit den gewählten Filtern, alle Seiten: "
                <a href=csv download>"CSV (Excel)"</a>" · "<a href=xlsx download>"Excel-Datei (XLSX)"</a></p>
        </section>
        <section aria-labelledby="zuweisungen">
            <h2 id="zuweisungen">"Zuweisungen"</h2>
            {b.can_assign.then(|| view! {
                <p><a class="button" href=format!("/team/zuweisen?office={office_id}")>"Lernpfad zuweisen"</a></p>
            })}
            <AssignmentList list=b.assignments.clone() office_id/>
        </section>
    }
}

#[component]
fn Filters(b: TeamBoardView) -> impl IntoView {
    let f = b.filter.clone();
    let selected = |current: Option<i64>, id: i64| current == Some(id);
    let statuses = [
        ("overdue", "überfällig"),
        ("due-soon", "bald fällig"),
        ("in-progress", "in Bearbeitung"),
        ("not-started", "nicht begonnen"),
        ("completed", "erledigt"),
        ("excused", "befreit"),
    ];
    view! {
        <form method="get" action="/team" class="filters" aria-label="Filter">
            {(!b.offices.is_empty()).then(|| view! {
                <div class="field">
                    <label for="f-office">"Behörde"</label>
                    <select id="f-office" name="office">
                        {b.offices.iter().map(|o| view! {
                            <option value=o.id.to_string() selected=o.id == b.office_id>{o.label.clone()}</option>
                        }).collect_view()}
                    </select>
                </div>
            })}
            <div class="field">
                <label for="f-team">"Team"</label>
                <select id="f-team" name="team">
                    <option value="">"alle"</option>
                    {b.teams.iter().map(|t| view! {
                        <option value=t.id.to_string() selected=selected(f.team, t.id)>{t.label.clone()}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="f-track">"Lernpfad"</label>
                <select id="f-track" name="track">
                    <option value="">"alle"</option>
                    {b.tracks.iter().map(|t| view! {
                        <option value=t.id.to_string() selected=selected(f.track, t.id)>{t.label.clone()}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="f-status">"Status"</label>
                <select id="f-status" name="status">
                    <option value="">"alle"</option>
                    {statuses.into_iter().map(|(key, label)| view! {
                        <option value=key selected=f.status.as_deref() == Some(key)>{label}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="f-pflicht">"Art"</label>
                <select id="f-pflicht" name="pflicht">
                    <option value="">"Pflicht und Empfehlung"</option>
                    <option value="ja" selected=f.mandatory == Some(true)>"nur Pflicht"</option>
                    <option value="nein" selected=f.mandatory == Some(false)>"nur Empfehlung"</option>
                </select>
            </div>
            <button type="submit" class="button button--secondary">"Filter anwenden"</button>
        </form>
    }
}

#[component]
fn PeopleSections(b: TeamBoardView) -> impl IntoView {
    let page = b.page;
    let pages = b.pages;
    let query = b.query.clone();
    let href = move |p: u32| {
        if query.is_empty() {
            format!("/team?seite={p}")
        } else {
            format!("/team?{query}&seite={p}")
        }
    };
    view! {
        <section aria-labelledby="ueberfaellig">
            <h2 id="ueberfaellig">"Überfällig"</h2>
            {if b.overdue.is_empty() {
                view! { <p class="empty-state">"Nichts überfällig."</p> }.into_any()
            } else {
                view! {
                    <ul class="overdue-list">
                        {b.overdue.iter().map(|o| view! {
                            <li>
                                <a href=format!("/team/personen/{}", o.person_id)>{o.name.clone()}</a>
                                {format!(" – {} ({}), fällig am {}", o.track, if o.mandatory { "Pflicht" } else { "Empfehlung" }, o.due)}
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
        <section aria-labelledby="tabelle">
            <h2 id="tabelle">"Stand je Person und Modul"</h2>
            {if b.people.is_empty() {
                view! { <p class="empty-state">"Keine Personen für diese Filter."</p> }.into_any()
            } else {
                view! {
                    <div class="table-scroll" role="region" aria-labelledby="tabelle" tabindex="0">
                        <table class="board">
                            <caption>{format!("{} Personen, Seite {page} von {pages}", b.total_people)}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Name"</th>
                                    <th scope="col">"Team"</th>
                                    {b.columns.iter().map(|c| view! {
                                        <th scope="col"><span class="board__track">{c.track.clone()}</span>" "{c.title.clone()}</th>
                                    }).collect_view()}
                                </tr>
                            </thead>
                            <tbody>
                                {b.people.iter().map(|p| view! {
                                    <tr>
                                        <th scope="row"><a href=format!("/team/personen/{}", p.id)>{p.name.clone()}</a></th>
                                        <td>{p.team.clone()}</td>
                                        {p.cells.iter().map(|cell| view! {
                                            <td>
                                                {match cell.status.clone() {
                                                    None => view! { <span class="status status--none">"nicht zugewiesen"</span> }.into_any(),
                                                    Some(s) => view! { <StatusBadge status=s/> }.into_any(),
                                                }}
                                                {cell.date.clone().map(|d| view! { <br/><span class="board__date">{d}</span> })}
                                                {cell.test.clone().map(|t| view! { <br/><span class="board__test">{t}</span> })}
                                            </td>
                                        }).collect_view()}
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    {(pages > 1).then(|| view! {
                        <nav class="pager" aria-label="Seiten der Tabelle">
                            {(page > 1).then(|| view! { <a class="pager__prev" rel="prev" href=href(page - 1)>"Vorherige Seite"</a> })}
                            {(page < pages).then(|| view! { <a class="pager__next" rel="next" href=href(page + 1)>"Nächste Seite"</a> })}
                        </nav>
                    })}
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn TeamCounts(b: TeamBoardView) -> impl IntoView {
    view! {
        <section aria-labelledby="teams">
            <h2 id="teams">"Stand je Team"</h2>
            <p>"Auf der Auswertungsstufe „Zusammengefasst“ zeigt Lotse keine Angaben zu einzelnen Personen. Gruppen mit weniger als fünf Personen werden nicht einzeln ausgewiesen („< 5“)."</p>
            <div class="table-scroll" role="region" aria-labelledby="teams" tabindex="0">
                <table>
                    <caption>"Zuweisungen je Team"</caption>
                    <thead><tr>
                        <th scope="col">"Team"</th><th scope="col">"Personen"</th><th scope="col">"Zuweisungen"</th>
                        <th scope="col">"Erledigt"</th><th scope="col">"Überfällig"</th>
                    </tr></thead>
                    <tbody>
                        {b.team_counts.iter().map(|t| view! {
                            <tr><th scope="row">{t.team.clone()}</th><td>{t.people.clone()}</td><td>{t.assigned.clone()}</td>
                                <td>{t.completed.clone()}</td><td>{t.overdue.clone()}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

#[component]
fn AssignmentList(list: Vec<AssignmentListView>, office_id: i64) -> impl IntoView {
    let withdraw = ServerAction::<WithdrawAssignment>::new();
    if list.is_empty() {
        return view! { <p class="empty-state">"Noch keine Zuweisungen."</p> }.into_any();
    }
    view! {
        {move || withdraw.value().get().and_then(Result::err).map(|error| view! { <ErrorNotice error/> })}
        <ul class="card-list">
            {list.into_iter().map(|a| {
                let reason_id = format!("withdraw-reason-{}", a.id);
                view! {
                    <li class="card">
                        <h3 class="card__title">{format!("{} → {}", a.track, a.target)}</h3>
                        <p>{format!("{} · {} · {} · erreicht {} {}", if a.mandatory { "Pflicht" } else { "Empfehlung" }, a.modules, a.due, a.reached, if a.reached == 1 { "Person" } else { "Personen" })}</p>
                        <p class="card__meta">{format!("zugewiesen von {}", a.by)}</p>
                        <details>
                            <summary>"Zuweisung zurücknehmen"</summary>
                            <ActionForm action=withdraw attr:class="stack">
                                <input type="hidden" name="office" value=office_id.to_string()/>
                                <input type="hidden" name="assignment_id" value=a.id.to_string()/>
                                <div class="field">
                                    <label for=reason_id.clone()>"Begründung (Pflicht)"</label>
                                    <input id=reason_id name="reason" type="text" required minlength="3" maxlength="500"/>
                                </div>
                                <button type="submit" class="button button--secondary">"Für alle zurücknehmen"</button>
                            </ActionForm>
                        </details>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}
