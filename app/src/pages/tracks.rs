//! `/tracks`: every track with the learner's progress.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::learning::overview::tracks_overview;
use crate::components::sign_in_required::{require_sign_in, LearnError};
use crate::components::track_card::TrackCard;

#[component]
pub fn TracksPage() -> impl IntoView {
    require_sign_in();
    let tracks = Resource::new(|| (), |_| tracks_overview());
    view! {
        <Title text="Lernpfade"/>
        <h1>"Lernpfade"</h1>
        <Suspense fallback=|| view! { <p>"Lernpfade werden geladen …"</p> }>
            {move || Suspend::new(async move {
                match tracks.await {
                    Ok(list) => view! {
                        <ul class="card-list card-list--wide" data-testid="tracks">
                            {list.into_iter().map(|track| view! { <TrackCard track level=2 with_modules=true/> }).collect_view()}
                        </ul>
                    }
                    .into_any(),
                    Err(error) => view! { <LearnError error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
