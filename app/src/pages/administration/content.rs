//! `/admin/inhalte` ("Inhalte prüfen"): problems found by the last content import.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::oversight::content_problem_list;
use crate::components::notice::AccessError;

#[component]
pub fn ContentProblemsPage() -> impl IntoView {
    crate::components::sign_in_required::require_sign_in();
    let problems = Resource::new(|| (), |_| content_problem_list());
    view! {
        <Title text="Inhalte prüfen"/>
        <h1>"Inhalte prüfen"</h1>
        <p>
            "Beim Einspielen der Lerninhalte gefundene Probleme. Dateien mit Fehlern werden nicht "
            "übernommen; bis zur Korrektur bleibt die zuletzt gültige Fassung sichtbar. Prüfen Sie "
            "Änderungen vorab mit „lotse check content/“."
        </p>
        <Suspense fallback=|| view! { <p>"Wird geladen …"</p> }>
            {move || Suspend::new(async move {
                match problems.await {
                    Err(err) => view! { <AccessError error=err/> }.into_any(),
                    Ok(list) if list.is_empty() => view! {
                        <div class="notice notice--success" role="status"><p>"Keine Fehler oder Warnungen beim letzten Einspielen."</p></div>
                    }.into_any(),
                    Ok(list) => {
                        let errors = list.iter().filter(|p| p.is_error).count();
                        let warnings = list.len() - errors;
                        view! {
                            <p>{format!("{errors} Fehler, {warnings} Warnungen")}</p>
                            <div class="table-scroll">
                                <table>
                                    <caption>"Probleme nach Datei und Zeile"</caption>
                                    <thead><tr><th scope="col">"Datei:Zeile"</th><th scope="col">"Art"</th><th scope="col">"Meldung"</th></tr></thead>
                                    <tbody>
                                        {list.into_iter().map(|p| view! {
                                            <tr>
                                                <td><code>{p.location}</code></td>
                                                <td>{if p.is_error { "Fehler" } else { "Warnung" }}</td>
                                                <td>{p.message}</td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}
