//! The start page: what Lotse is and which learning tracks exist.

use leptos::either::EitherOf3;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::learning::overview::list_tracks;
use crate::components::notice::ErrorNotice;
use crate::views::learning::PublicTrackCard as TrackCard;

/// `/`: "Mein Lernstand" for signed-in users, the public start page for everyone else.
///
/// Both resources are created here, not inside the `Suspend`: a resource created while another
/// one resolves is not reliably awaited by server rendering.
#[component]
pub fn HomePage() -> impl IntoView {
    let dashboard = Resource::new(|| (), |_| crate::api::learning::overview::dashboard());
    let tracks = Resource::new(|| (), |_| list_tracks());
    view! {
        <Suspense fallback=|| view! { <p>"Wird geladen …"</p> }>
            {move || Suspend::new(async move {
                match dashboard.await {
                    Ok(Some(view)) => EitherOf3::A(view! { <crate::pages::Dashboard view/> }),
                    Ok(None) => EitherOf3::B(view! { <StartPage tracks=tracks.await/> }),
                    Err(err) => EitherOf3::C(view! { <ErrorNotice error=err/> }),
                }
            })}
        </Suspense>
    }
}

#[component]
fn StartPage(tracks: Result<Vec<TrackCard>, crate::error::AppError>) -> impl IntoView {
    view! {
        <Title text="Start"/>
        <h1>"Willkommen bei Lotse"</h1>
        <p class="lead">
            "Lotse begleitet neue Mitarbeitende der Ausländerbehörden durch die Einarbeitung: "
            "in eigenem Tempo, mit Tests zu jedem Modul und einem gemeinsamen Stand für alle Behörden."
        </p>
        <h2>"Lernpfade"</h2>
        {match tracks {
            Ok(list) if list.is_empty() => EitherOf3::A(view! {
                <p class="empty-state">
                    "Es sind noch keine Lerninhalte eingespielt. Die Administration kann sie "
                    "mit „lotse import“ übernehmen."
                </p>
            }),
            Ok(list) => EitherOf3::B(view! { <TrackList tracks=list/> }),
            Err(err) => EitherOf3::C(view! { <ErrorNotice error=err/> }),
        }}
    }
}

#[component]
fn TrackList(tracks: Vec<TrackCard>) -> impl IntoView {
    view! {
        <ul class="card-list" data-testid="track-list">
            {tracks
                .into_iter()
                .map(|track| {
                    view! {
                        <li class="card">
                            <h3 class="card__title">{track.title}</h3>
                            <p>{track.summary}</p>
                            <p class="card__meta">
                                {format!(
                                    "{} Module · etwa {} Stunden",
                                    track.module_count,
                                    (track.minutes + 59) / 60,
                                )}
                            </p>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
