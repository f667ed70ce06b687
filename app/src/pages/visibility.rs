//! `/profil/sichtbarkeit` ("Was meine Führungskraft sieht"): the learner sees exactly the
//! drill-down their supervisor sees about them, rendered by the same component.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::oversight::load_own_visibility;
use crate::components::notice::AccessError;
use crate::components::status::PersonDetail;

#[component]
pub fn VisibilityPage() -> impl IntoView {
    crate::components::sign_in_required::require_sign_in();
    let detail = Resource::new(|| (), |_| load_own_visibility());
    view! {
        <Title text="Was meine Führungskraft sieht"/>
        <h1>"Was meine Führungskraft sieht"</h1>
        <p>"Ihre Führungskraft sieht, ob zugewiesene Schulungen erledigt sind – nicht, wie gut. "
           "Punkte, Antworten, die Zahl Ihrer Testversuche, Lernzeiten, aufgerufene Seiten und Ihre letzte Anmeldung sieht sie nie."</p>
        <Suspense fallback=|| view! { <p>"Wird geladen …"</p> }>
            {move || Suspend::new(async move {
                match detail.await {
                    Err(err) => view! { <AccessError error=err/> }.into_any(),
                    Ok(None) => view! { <p class="empty-state">"Sie gehören keiner Behörde mit Lernrolle an; über Sie wird nichts ausgewertet."</p> }.into_any(),
                    Ok(Some(detail)) => view! {
                        <h2>"Genau diese Angaben sieht Ihre Führungskraft"</h2>
                        <PersonDetail detail/>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}
