//! `/tracks/{track}`: the track's introduction and its modules with progress.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::learning::overview::track_page;
use crate::components::breadcrumbs::Breadcrumbs;
use crate::components::progress::ProgressBar;
use crate::components::sign_in_required::{require_sign_in, LearnError};
use crate::components::track_card::{hours, ModuleCard};
use crate::views::learning::TrackPageView;

#[component]
pub fn TrackPage() -> impl IntoView {
    require_sign_in();
    let params = use_params_map();
    let page = Resource::new(
        move || params.read().get("track").unwrap_or_default(),
        track_page,
    );
    view! {
        <Suspense fallback=|| view! { <p>"Lernpfad wird geladen …"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(view) => view! { <TrackView view/> }.into_any(),
                    Err(error) => view! { <Title text="Lernpfad"/><LearnError error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn TrackView(view: TrackPageView) -> impl IntoView {
    let card = view.card;
    let meta = format!(
        "{} Module · etwa {} Stunden",
        card.modules.len(),
        hours(card.minutes)
    );
    view! {
        <Title text=card.title.clone()/>
        <Breadcrumbs trail=vec![]/>
        <h1>{card.title}</h1>
        <p class="lead">{card.summary}</p>
        <p class="card__meta">{meta}</p>
        <div data-testid="track-progress"><ProgressBar progress=card.progress/></div>
        <div class="prose" inner_html=view.intro_html></div>
        <h2>"Module"</h2>
        <ol class="card-list card-list--wide module-list">
            {card.modules.into_iter().map(|module| view! { <ModuleCard module/> }).collect_view()}
        </ol>
    }
}
