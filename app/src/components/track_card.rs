//! A track with its progress and, optionally, every module's progress (dashboard, overview).

use leptos::either::Either;
use leptos::prelude::*;

use crate::components::progress::ProgressBar;
use crate::components::status::StatusBadge;
use crate::views::learning::{ModuleCardView, TrackCardView};

/// `level` is the heading level of the track title (2 on `/tracks`, 3 below a section heading).
#[component]
pub fn TrackCard(
    track: TrackCardView,
    #[prop(default = 3)] level: u8,
    #[prop(optional)] with_modules: bool,
) -> impl IntoView {
    let title = view! { <a href=track.href.clone()>{track.title.clone()}</a> };
    let heading = if level == 2 {
        Either::Left(view! { <h2 class="card__title">{title}</h2> })
    } else {
        Either::Right(view! { <h3 class="card__title">{title}</h3> })
    };
    let modules = track.modules.len();
    view! {
        <li class="card track-card">
            {heading}
            {track.assignment.clone().map(|a| view! {
                <p class="due"><StatusBadge status=a.status/>{if a.mandatory { " · Pflicht" } else { " · Empfehlung" }}</p>
            })}
            {track.due_on.map(|d| view! { <p class="due">"Zu erledigen bis " <strong>{d}</strong></p> })}
            <p>{track.summary}</p>
            <ProgressBar progress=track.progress/>
            <p class="card__meta">{format!("{modules} Module · etwa {} Stunden", hours(track.minutes))}</p>
            {with_modules.then(|| view! { <ModuleProgressList modules=track.modules/> })}
        </li>
    }
}

/// Rounded up: "etwa 1 Stunde" for 20 minutes would promise too little.
pub fn hours(minutes: i64) -> i64 {
    (minutes + 59) / 60
}

#[component]
fn ModuleProgressList(modules: Vec<ModuleCardView>) -> impl IntoView {
    view! {
        <ul class="module-progress">
            {modules
                .into_iter()
                .map(|m| view! {
                    <li>
                        <a href=m.href>{m.title}</a>
                        <ProgressBar progress=m.progress/>
                    </li>
                })
                .collect_view()}
        </ul>
    }
}

/// A module as a card on the track page: summary, duration, legal status and progress.
#[component]
pub fn ModuleCard(module: ModuleCardView) -> impl IntoView {
    view! {
        <li class="card module-card">
            <h3 class="card__title"><a href=module.href>{module.title}</a></h3>
            <p>{module.summary}</p>
            <p class="card__meta">
                {format!("etwa {} Minuten · Rechtsstand {}", module.minutes, module.legal_status)}
            </p>
            <ProgressBar progress=module.progress/>
        </li>
    }
}
