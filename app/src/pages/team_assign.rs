//! `/team/zuweisen`: assign a track (or chosen modules) to a person, a team or the whole office,
//! as Pflicht or Empfehlung, due on a date or N days after the person started. "Vorschau" (a GET
//! of this page) shows how many people the assignment reaches before anything is saved.

use std::collections::HashMap;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::oversight::{load_assign_form, AssignTrack};
use crate::components::notice::{AccessError, ErrorNotice};
use crate::views::oversight::AssignFormView;

/// The draft as the query string carries it (after "Vorschau").
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
struct Draft {
    target: String,
    track: String,
    modules: HashMap<String, String>,
    pflicht: String,
    due_kind: String,
    due_on: String,
    due_days: String,
}

#[component]
pub fn TeamAssignPage() -> impl IntoView {
    crate::components::sign_in_required::require_sign_in();
    let query = use_query_map();
    let source = move || {
        let q = query.read();
        let get = |k: &str| q.get(k).unwrap_or_default();
        let modules: HashMap<String, String> = q
            .clone()
            .into_iter()
            .filter_map(|(k, v)| {
                k.strip_prefix("modules[")
                    .and_then(|rest| rest.strip_suffix(']'))
                    .map(|id| (id.to_owned(), v))
            })
            .collect();
        (
            get("office"),
            get("preview"),
            Draft {
                target: get("target"),
                track: get("track"),
                modules,
                pflicht: get("pflicht"),
                due_kind: get("due_kind"),
                due_on: get("due_on"),
                due_days: get("due_days"),
            },
        )
    };
    let form = Resource::new(source, |(office, preview, d)| {
        let d2 = d.clone();
        async move {
            let loaded = load_assign_form(
                office, preview, d.target, d.track, d.modules, d.pflicht, d.due_kind, d.due_on,
                d.due_days,
            )
            .await;
            (loaded, d2)
        }
    });
    view! {
        <Title text="Lernpfad zuweisen"/>
        <p><a href="/team">"← Mein Team"</a></p>
        <h1>"Lernpfad zuweisen"</h1>
        <Suspense fallback=|| view! { <p>"Wird geladen …"</p> }>
            {move || Suspend::new(async move {
                match form.await {
                    (Err(err), _) => view! { <AccessError error=err/> }.into_any(),
                    (Ok((view, error)), draft) => view! { <AssignForm form=view error draft/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn AssignForm(form: AssignFormView, error: Option<String>, draft: Draft) -> impl IntoView {
    let assign = ServerAction::<AssignTrack>::new();
    let target = draft.target.clone();
    let is_target = move |value: &str| target == value;
    let chosen_track = draft.track.clone();
    let track_selected = move |id: i64| chosen_track == id.to_string();
    let chosen_modules = draft.modules.clone();
    let module_checked = move |id: i64| chosen_modules.contains_key(&id.to_string());
    let by_days = draft.due_kind == "days";
    let recommended = draft.pflicht == "nein";
    view! {
        <p class="lead">{form.office.clone()}</p>
        {move || assign.value().get().and_then(Result::err).map(|error| view! { <ErrorNotice error/> })}
        {error.map(|e| view! { <div class="notice notice--error" role="alert"><p>{e}</p></div> })}
        {form.preview.clone().map(|p| view! { <div class="notice" role="status"><p>{p.text}</p></div> })}
        <ActionForm action=assign attr:class="stack">
            <input type="hidden" name="office" value=form.office_id.to_string()/>
            <div class="field">
                <label for="a-target">"Wem?"</label>
                <select id="a-target" name="target" required>
                    {form.can_assign_office.then(|| view! {
                        <option value="office" selected=is_target("office")>{format!("ganze Behörde ({})", form.office)}</option>
                    })}
                    <optgroup label="Teams">
                        {form.teams.iter().map(|t| {
                            let v = format!("team:{}", t.id);
                            view! { <option value=v.clone() selected=is_target(&v)>{format!("Team {}", t.label)}</option> }
                        }).collect_view()}
                    </optgroup>
                    <optgroup label="Einzelne Personen">
                        {form.people.iter().map(|p| {
                            let v = format!("person:{}", p.id);
                            view! { <option value=v.clone() selected=is_target(&v)>{p.label.clone()}</option> }
                        }).collect_view()}
                    </optgroup>
                </select>
                <p class="hint">"Team- und Behördenzuweisungen gelten auch für Personen, die später dazukommen."</p>
            </div>
            <fieldset>
                <legend>"Lernpfad"</legend>
                {form.tracks.iter().map(|t| {
                    let id = format!("a-track-{}", t.id);
                    view! {
                        <div class="choice">
                            <input type="radio" id=id.clone() name="track" value=t.id.to_string() required checked=track_selected(t.id)/>
                            <label for=id>{t.title.clone()}</label>
                        </div>
                        <details class="module-choice">
                            <summary>{format!("Nur einzelne Module von „{}“", t.title)}</summary>
                            <p class="hint">"Ohne Auswahl gilt der ganze Lernpfad."</p>
                            {t.modules.iter().map(|m| {
                                let mid = format!("a-module-{}", m.id);
                                view! {
                                    <div class="choice">
                                        <input type="checkbox" id=mid.clone() name=format!("modules[{}]", m.id) value="1" checked=module_checked(m.id)/>
                                        <label for=mid>{m.label.clone()}</label>
                                    </div>
                                }
                            }).collect_view()}
                        </details>
                    }
                }).collect_view()}
            </fieldset>
            <fieldset>
                <legend>"Art"</legend>
                <div class="choice">
                    <input type="radio" id="a-pflicht" name="pflicht" value="ja" checked=!recommended/>
                    <label for="a-pflicht">"Pflicht"</label>
                </div>
                <div class="choice">
                    <input type="radio" id="a-empfehlung" name="pflicht" value="nein" checked=recommended/>
                    <label for="a-empfehlung">"Empfehlung"</label>
                </div>
            </fieldset>
            <fieldset>
                <legend>"Frist"</legend>
                <div class="choice">
                    <input type="radio" id="a-due-date" name="due_kind" value="date" checked=!by_days/>
                    <label for="a-due-date">"Fester Termin"</label>
                </div>
                <div class="field">
                    <label for="a-due-on">"Fällig am"</label>
                    <input id="a-due-on" name="due_on" type="date" min=form.today.clone() value=draft.due_on.clone()/>
                </div>
                <div class="choice">
                    <input type="radio" id="a-due-days" name="due_kind" value="days" checked=by_days/>
                    <label for="a-due-days">"Tage nach Dienstbeginn der Person"</label>
                </div>
                <div class="field">
                    <label for="a-days">"Anzahl Tage"</label>
                    <input id="a-days" name="due_days" type="number" min="1" max="3650" inputmode="numeric" value=draft.due_days.clone()/>
                </div>
                <p class="hint">"Ein Termin sperrt keine Inhalte. Überfällig ist eine Zuweisung ab dem Tag nach dem Fälligkeitsdatum (deutsche Zeit)."</p>
            </fieldset>
            <div class="actions">
                <button type="submit" class="button button--secondary" formmethod="get" formaction="/team/zuweisen" name="preview" value="1">"Vorschau"</button>
                <button type="submit" class="button">"Zuweisen"</button>
            </div>
        </ActionForm>
    }
}
