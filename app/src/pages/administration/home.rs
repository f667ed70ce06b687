//! `/admin`: entry points into the administration, by role.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::accounts::current_user;
use crate::components::notice::AccessError;
use crate::domain::Role;
use crate::error::AppError;

#[component]
pub fn AdminHomePage() -> impl IntoView {
    crate::components::sign_in_required::require_sign_in();
    let user = Resource::new(|| (), |_| current_user());
    view! {
        <Title text="Verwaltung"/>
        <h1>"Verwaltung"</h1>
        <Suspense fallback=|| view! { <p>"Wird geladen …"</p> }>
            {move || Suspend::new(async move {
                let user = match user.await {
                    Ok(Some(user)) => user,
                    Ok(None) => return view! { <AccessError error=AppError::Unauthenticated/> }.into_any(),
                    Err(err) => return view! { <AccessError error=err/> }.into_any(),
                };
                let mut links: Vec<(&str, &str, &str)> = Vec::new();
                if user.has(Role::Admin) || user.has(Role::Supervisor) {
                    links.push(("/admin/personen", "Personen und Einladungen", "Konten suchen, deaktivieren, Rollen ändern, Einladungen erneut senden."));
                    links.push(("/admin/einladen", "Personen einladen", "Einzeln oder als Liste (CSV) einladen."));
                }
                if user.has(Role::Admin) {
                    links.push(("/admin/behoerden", "Behörden und Teams", "Behörden des Netzwerks und ihre Sachgebiete anlegen."));
                    links.push(("/admin/protokoll", "Protokoll", "Wer hat wann was in der Verwaltung geändert."));
                    links.push(("/admin/auswertung", "Auswertung und Datenschutz", "Was Führungskräfte je Behörde sehen, wie lange Daten aufbewahrt werden (Anlage zur Dienstvereinbarung)."));
                }
                if user.has(Role::Admin) || user.has(Role::Trainer) {
                    links.push(("/admin/inhalte", "Inhalte prüfen", "Fehler und Warnungen aus dem letzten Einspielen der Lerninhalte."));
                }
                if links.is_empty() {
                    return view! { <AccessError error=AppError::Forbidden/> }.into_any();
                }
                view! {
                    <ul class="card-list">
                        {links.into_iter().map(|(href, title, text)| view! {
                            <li class="card">
                                <h2 class="card__title"><a href=href>{title}</a></h2>
                                <p>{text}</p>
                            </li>
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            })}
        </Suspense>
    }
}
