//! `/team/personen/{id}`: one person's assignments with status, due and completion dates and the
//! decisions taken, plus the forms to extend, excuse or withdraw (each with a reason).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::oversight::{load_person, DecideAssignment};
use crate::components::flash::FlashMessage;
use crate::components::notice::{AccessError, ErrorNotice};
use crate::components::status::PersonDetail;
use crate::views::oversight::PersonPageView;

#[component]
pub fn TeamPersonPage() -> impl IntoView {
    crate::components::sign_in_required::require_sign_in();
    let params = use_params_map();
    let person = Resource::new(
        move || {
            params
                .read()
                .get("id")
                .and_then(|id| id.parse::<i64>().ok())
        },
        |id| async move {
            match id {
                Some(id) => load_person(id).await,
                None => Err(crate::error::AppError::NotFound("Die Person".into())),
            }
        },
    );
    view! {
        <Suspense fallback=|| view! { <p>"Wird geladen …"</p> }>
            {move || Suspend::new(async move {
                match person.await {
                    Err(err) => view! { <Title text="Person"/><h1>"Person"</h1><AccessError error=err/> }.into_any(),
                    Ok(p) => view! { <PersonPage p/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn PersonPage(p: PersonPageView) -> impl IntoView {
    let decide = ServerAction::<DecideAssignment>::new();
    let name = p.detail.name.clone();
    let person_id = p.detail.user_id;
    let open: Vec<_> = p
        .detail
        .assignments
        .iter()
        .filter(|a| a.status.key != "completed")
        .cloned()
        .collect();
    view! {
        <Title text=name.clone()/>
        <p><a href="/team">"← Mein Team"</a></p>
        <h1>{name}</h1>
        <FlashMessage/>
        {move || decide.value().get().and_then(Result::err).map(|error| view! { <ErrorNotice error/> })}
        <PersonDetail detail=p.detail.clone()/>
        {(p.can_manage && p.detail.shows_people && !open.is_empty()).then(|| view! {
            <h2>"Frist verlängern, befreien oder zurücknehmen"</h2>
            <p class="hint">"Jede Entscheidung braucht eine Begründung; sie steht im Protokoll und ist für die Person sichtbar."</p>
            {open.into_iter().map(|a| {
                let id = a.assignment_id;
                let kind_id = format!("kind-{id}");
                let to_id = format!("to-{id}");
                let reason_id = format!("reason-{id}");
                let today = p.today.clone();
                view! {
                    <ActionForm action=decide attr:class="stack card">
                        <h3 class="card__title">{a.track.clone()}</h3>
                        <input type="hidden" name="assignment_id" value=id.to_string()/>
                        <input type="hidden" name="person_id" value=person_id.to_string()/>
                        <div class="field">
                            <label for=kind_id.clone()>"Entscheidung"</label>
                            <select id=kind_id name="kind">
                                <option value="extend">"Frist verlängern"</option>
                                <option value="excuse">"Befreien"</option>
                                <option value="withdraw">{if a.personal { "Zuweisung zurücknehmen" } else { "Für diese Person zurücknehmen" }}</option>
                            </select>
                        </div>
                        <div class="field">
                            <label for=to_id.clone()>"Neue Frist (nur beim Verlängern)"</label>
                            <input id=to_id name="extended_to" type="date" min=today/>
                        </div>
                        <div class="field">
                            <label for=reason_id.clone()>"Begründung (Pflicht)"</label>
                            <input id=reason_id name="reason" type="text" required minlength="3" maxlength="500"/>
                        </div>
                        <button type="submit" class="button button--secondary">"Speichern"</button>
                    </ActionForm>
                }
            }).collect_view()}
        })}
    }
}
