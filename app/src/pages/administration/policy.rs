//! `/admin/auswertung`: per office the oversight level, the columns supervisors see, who they
//! are, what is never shown, and the retention periods; printable as the annex to a
//! Dienstvereinbarung. Admins change the level here (audit-logged).

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::oversight::{load_oversight_policy, SetOversightLevel};
use crate::components::flash::FlashMessage;
use crate::components::notice::{AccessError, ErrorNotice};
use crate::views::oversight::OversightPolicyView;

#[component]
pub fn PolicyPage() -> impl IntoView {
    crate::components::sign_in_required::require_sign_in();
    let policy = Resource::new(|| (), |_| load_oversight_policy());
    view! {
        <Title text="Auswertung und Datenschutz"/>
        <h1>"Auswertung und Datenschutz"</h1>
        <FlashMessage/>
        <Suspense fallback=|| view! { <p>"Wird geladen …"</p> }>
            {move || Suspend::new(async move {
                match policy.await {
                    Err(err) => view! { <AccessError error=err/> }.into_any(),
                    Ok(p) => view! { <Policy p/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Policy(p: OversightPolicyView) -> impl IntoView {
    let set = ServerAction::<SetOversightLevel>::new();
    let levels = p.levels.clone();
    view! {
        <p>"Diese Seite beschreibt, was Führungskräfte in Lotse über das Lernen ihrer Beschäftigten sehen. "
           "Sie kann als Anlage zu einer Dienstvereinbarung ausgedruckt werden."</p>
        <h2>"Grundsatz"</h2>
        <p>"Führungskräfte erfahren, ob zugewiesene Schulungen erledigt sind, nicht, wie gut. Nie angezeigt oder exportiert werden:"</p>
        <ul>{p.never_shown.iter().map(|s| view! { <li>{s.clone()}</li> }).collect_view()}</ul>
        <h2>"Auswertungsstufen"</h2>
        <dl class="facts">
            {p.levels.iter().map(|l| view! { <dt>{l.label.clone()}</dt><dd>{l.description.clone()}</dd> }).collect_view()}
        </dl>
        <h2>"Aufbewahrung"</h2>
        <ul>
            <li>{format!("Aufgerufene Lektionen und gegebene Testantworten werden {} Tage nach Abschluss des Lernpfads gelöscht (Punktzahl und „bestanden“ bleiben für die lernende Person).", p.retention_details_days)}</li>
            <li>{format!("Nachweise über erledigte Module und Zuweisungen werden {} Jahre aufbewahrt und dann gelöscht.", p.retention_completions_years)}</li>
        </ul>
        <h2>"Behörden"</h2>
        {move || set.value().get().and_then(Result::err).map(|error| view! { <ErrorNotice error/> })}
        {if p.offices.is_empty() {
            view! { <p class="empty-state">"Noch keine Behörden angelegt."</p> }.into_any()
        } else {
            view! {
                <ul class="card-list">
                    {p.offices.into_iter().map(|o| {
                        let select_id = format!("level-{}", o.id);
                        let levels = levels.clone();
                        let current = o.level.clone();
                        view! {
                            <li class="card">
                                <h3 class="card__title">{o.name.clone()}</h3>
                                <p>{format!("Aktive Stufe: {}", o.level_label)}</p>
                                <p>{o.description.clone()}</p>
                                <p>{if o.supervisors.is_empty() {
                                    "Führungskräfte mit Einsicht: keine".to_owned()
                                } else {
                                    format!("Führungskräfte mit Einsicht: {}", o.supervisors.join(", "))
                                }}" (sowie die Administration)"</p>
                                <ActionForm action=set attr:class="inline-fields no-print">
                                    <input type="hidden" name="organisation_id" value=o.id.to_string()/>
                                    <label for=select_id.clone()>"Stufe ändern"</label>
                                    <select id=select_id name="level">
                                        {levels.iter().map(|l| view! {
                                            <option value=l.key.clone() selected=l.key == current>{l.label.clone()}</option>
                                        }).collect_view()}
                                    </select>
                                    <button type="submit" class="button button--secondary">"Speichern"</button>
                                </ActionForm>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}
