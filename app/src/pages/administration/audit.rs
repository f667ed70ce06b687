//! `/admin/protokoll`: the audit log of administrative actions.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::oversight::audit_entries;
use crate::components::notice::AccessError;

#[component]
pub fn AuditPage() -> impl IntoView {
    crate::components::sign_in_required::require_sign_in();
    let entries = Resource::new(|| (), |_| audit_entries());
    view! {
        <Title text="Protokoll"/>
        <h1>"Protokoll der Verwaltung"</h1>
        <Suspense fallback=|| view! { <p>"Wird geladen …"</p> }>
            {move || Suspend::new(async move {
                match entries.await {
                    Err(err) => view! { <AccessError error=err/> }.into_any(),
                    Ok(list) if list.is_empty() => view! { <p class="empty-state">"Noch keine Einträge."</p> }.into_any(),
                    Ok(list) => view! {
                        <div class="table-scroll">
                            <table>
                                <caption>"Die letzten 200 Änderungen, neueste zuerst"</caption>
                                <thead><tr>
                                    <th scope="col">"Zeitpunkt"</th><th scope="col">"Wer"</th>
                                    <th scope="col">"Was"</th><th scope="col">"Betroffen"</th><th scope="col">"Details"</th>
                                </tr></thead>
                                <tbody>
                                    {list.into_iter().map(|e| view! {
                                        <tr><td>{e.when}</td><td>{e.actor}</td><td>{e.action}</td><td>{e.target}</td><td>{e.details}</td></tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}
