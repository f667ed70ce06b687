//! `/team`: the people a supervisor is responsible for (the progress dashboard comes later).

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::oversight::my_team;
use crate::components::notice::AccessError;

#[component]
pub fn TeamPage() -> impl IntoView {
    crate::components::sign_in_required::require_sign_in();
    let team = Resource::new(|| (), |_| my_team());
    view! {
        <Title text="Mein Team"/>
        <h1>"Mein Team"</h1>
        <Suspense fallback=|| view! { <p>"Wird geladen …"</p> }>
            {move || Suspend::new(async move {
                match team.await {
                    Err(err) => view! { <AccessError error=err/> }.into_any(),
                    Ok(team) => view! {
                        <p>{format!("{} – {}", team.office, team.scope)}</p>
                        {if team.members.is_empty() {
                            view! { <p class="empty-state">"Noch niemand eingeladen."</p> }.into_any()
                        } else {
                            view! {
                                <div class="table-scroll">
                                    <table>
                                        <caption>{format!("{} Personen", team.members.len())}</caption>
                                        <thead><tr><th scope="col">"Name"</th><th scope="col">"E-Mail"</th><th scope="col">"Team"</th><th scope="col">"Status"</th></tr></thead>
                                        <tbody>
                                            {team.members.into_iter().map(|m| view! {
                                                <tr>
                                                    <th scope="row">{m.display_name}</th>
                                                    <td>{m.email}</td>
                                                    <td>{m.team.unwrap_or_else(|| "–".into())}</td>
                                                    <td>{if !m.active { "deaktiviert" } else if m.has_password { "aktiv" } else { "eingeladen" }}</td>
                                                </tr>
                                            }).collect_view()}
                                        </tbody>
                                    </table>
                                </div>
                            }.into_any()
                        }}
                        <p><a href="/admin/einladen">"Personen einladen"</a>" · "<a href="/admin/personen">"Konten verwalten"</a></p>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}
