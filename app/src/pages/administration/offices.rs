//! `/admin/behoerden`: the network's offices and their teams (admins only).

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::administration::{admin_offices, CreateOffice, CreateTeam};
use crate::components::notice::{AccessError, ErrorNotice};
use crate::views::administration::OfficeView;

#[component]
pub fn OfficesPage() -> impl IntoView {
    crate::components::sign_in_required::require_sign_in();
    let create_office = ServerAction::<CreateOffice>::new();
    let create_team = ServerAction::<CreateTeam>::new();
    let offices = Resource::new(
        move || (create_office.version().get(), create_team.version().get()),
        |_| admin_offices(),
    );
    view! {
        <Title text="Behörden und Teams"/>
        <h1>"Behörden und Teams"</h1>
        <Suspense fallback=|| view! { <p>"Wird geladen …"</p> }>
            {move || Suspend::new(async move {
                match offices.await {
                    Err(err) => view! { <AccessError error=err/> }.into_any(),
                    Ok(list) => view! { <OfficeList offices=list create_team/> }.into_any(),
                }
            })}
        </Suspense>
        <h2>"Neue Behörde"</h2>
        {move || create_office.value().get().and_then(Result::err).map(|error| view! { <ErrorNotice error/> })}
        <ActionForm action=create_office attr:class="stack">
            <div class="field">
                <label for="office-name">"Name"</label>
                <input id="office-name" name="name" type="text" required placeholder="Ausländerbehörde Musterstadt"/>
            </div>
            <div class="field">
                <label for="office-slug">"Kurzname (für Adressen)"</label>
                <input id="office-slug" name="slug" type="text" required pattern="[a-z0-9]+(-[a-z0-9]+)*" aria-describedby="office-slug-hint"/>
                <p id="office-slug-hint" class="hint">"Kleinbuchstaben, Ziffern und Bindestriche, z. B. „lra-musterkreis“."</p>
            </div>
            <div class="field">
                <label for="office-land">"Land"</label>
                <select id="office-land" name="land">
                    <option value="BW">"Baden-Württemberg"</option>
                    <option value="RP">"Rheinland-Pfalz"</option>
                    <option value="HE">"Hessen"</option>
                    <option value="OTHER">"anderes Land"</option>
                </select>
            </div>
            <button type="submit" class="button">"Behörde anlegen"</button>
        </ActionForm>
    }
}

#[component]
fn OfficeList(offices: Vec<OfficeView>, create_team: ServerAction<CreateTeam>) -> impl IntoView {
    if offices.is_empty() {
        return view! { <p class="empty-state">"Noch keine Behörden angelegt."</p> }.into_any();
    }
    view! {
        {move || create_team.value().get().and_then(Result::err).map(|error| view! { <ErrorNotice error/> })}
        <ul class="card-list">
            {offices.into_iter().map(|office| {
                let input_id = format!("team-name-{}", office.id);
                view! {
                    <li class="card">
                        <h3 class="card__title">{office.name.clone()}</h3>
                        <p class="card__meta">{office.land.clone()}</p>
                        <p>{if office.teams.is_empty() {
                            "Noch keine Teams.".to_string()
                        } else {
                            format!("Teams: {}", office.teams.iter().map(|t| t.name.as_str()).collect::<Vec<_>>().join(", "))
                        }}</p>
                        <ActionForm action=create_team attr:class="inline-fields">
                            <input type="hidden" name="organisation_id" value=office.id.to_string()/>
                            <label for=input_id.clone()>"Neues Team"</label>
                            <input id=input_id name="name" type="text" required/>
                            <button type="submit" class="button button--secondary">"Anlegen"</button>
                        </ActionForm>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}
