//! `/admin/einladen`: invite one person, or many from a CSV list.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::administration::{load_invite_options, InviteBulk, InvitePerson};
use crate::components::flash::FlashMessage;
use crate::components::notice::{AccessError, ErrorNotice};
use crate::domain::Role;
use crate::views::administration::OfficeView;

#[component]
pub fn InvitePage() -> impl IntoView {
    crate::components::sign_in_required::require_sign_in();
    let single = ServerAction::<InvitePerson>::new();
    let bulk = ServerAction::<InviteBulk>::new();
    let scope = Resource::new(|| (), |_| load_invite_options());
    view! {
        <Title text="Personen einladen"/>
        <h1>"Personen einladen"</h1>
        <p>"Eingeladene Personen erhalten eine E-Mail mit einem Link, der 7 Tage gültig ist. Darüber legen sie ihr Passwort fest."</p>
        <Suspense fallback=|| view! { <p>"Wird geladen …"</p> }>
            {move || Suspend::new(async move {
                match scope.await {
                    Err(err) => view! { <AccessError error=err/> }.into_any(),
                    Ok(page) => view! { <InviteForms offices=page.offices grantable=page.grantable single bulk/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn InviteForms(
    offices: Vec<OfficeView>,
    grantable: Vec<Role>,
    single: ServerAction<InvitePerson>,
    bulk: ServerAction<InviteBulk>,
) -> impl IntoView {
    let office_options = offices.clone();
    let bulk_offices = offices.clone();
    view! {
        <FlashMessage/>
        <h2>"Eine Person einladen"</h2>
        {move || single.value().get().and_then(Result::err).map(|error| view! { <ErrorNotice error/> })}
        <ActionForm action=single attr:class="stack">
            <div class="field">
                <label for="invite-office">"Behörde"</label>
                <select id="invite-office" name="office" required>
                    {office_options.iter().map(|o| view! { <option value=o.id.to_string()>{o.name.clone()}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="invite-team">"Team (optional)"</label>
                <select id="invite-team" name="team">
                    <option value="">"kein Team"</option>
                    {offices.iter().map(|o| view! {
                        <optgroup label=o.name.clone()>
                            {o.teams.iter().map(|t| view! { <option value=t.id.to_string()>{t.name.clone()}</option> }).collect_view()}
                        </optgroup>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="invite-email">"E-Mail-Adresse"</label>
                <input id="invite-email" name="email" type="email" autocomplete="off" required/>
            </div>
            <div class="field">
                <label for="invite-name">"Name"</label>
                <input id="invite-name" name="name" type="text" autocomplete="off" required/>
            </div>
            <div class="field">
                <label for="invite-role">"Rolle"</label>
                <select id="invite-role" name="role">
                    {grantable.iter().map(|r| view! { <option value=r.key()>{r.label_de()}</option> }).collect_view()}
                </select>
            </div>
            <button type="submit" class="button">"Einladung senden"</button>
        </ActionForm>

        <h2>"Mehrere Personen einladen (CSV)"</h2>
        {move || match bulk.value().get() {
            Some(Ok(outcome)) => Some(view! {
                <div class="notice notice--success" role="status">
                    <p>{format!("{} Einladungen versendet.", outcome.invited)}</p>
                </div>
            }.into_any()),
            Some(Err(error)) => Some(view! { <ErrorNotice error/> }.into_any()),
            None => None,
        }}
        <ActionForm action=bulk attr:class="stack">
            <div class="field">
                <label for="bulk-office">"Behörde"</label>
                <select id="bulk-office" name="office" required>
                    {bulk_offices.iter().map(|o| view! { <option value=o.id.to_string()>{o.name.clone()}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="bulk-csv">"Liste"</label>
                <textarea id="bulk-csv" name="csv" required aria-describedby="bulk-hint"></textarea>
                <p id="bulk-hint" class="hint">
                    "Eine Person pro Zeile: E-Mail;Name;Team;Rolle – Team und Rolle sind optional "
                    "(Rolle: learner, trainer, supervisor oder admin; Standard learner)."
                </p>
            </div>
            <button type="submit" class="button">"Einladungen senden"</button>
        </ActionForm>
    }
}
