//! "Mein Lernstand", the start page of a signed-in learner: where to continue, the next quiz,
//! assigned tracks with due dates, all tracks with module progress, and what was done recently.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::track_card::TrackCard;
use crate::views::learning::{DashboardView, Link, RecentItem, TrackCardView};

#[component]
pub fn Dashboard(view: DashboardView) -> impl IntoView {
    let other_heading = if view.assigned.is_empty() {
        "Ihre Lernpfade"
    } else {
        "Weitere Lernpfade"
    };
    view! {
        <Title text="Mein Lernstand"/>
        <h1>"Mein Lernstand"</h1>
        <Resume resume=view.resume next_quiz=view.next_quiz/>
        {(!view.assigned.is_empty()).then(|| view! {
            <section aria-labelledby="zugewiesen">
                <h2 id="zugewiesen">"Ihnen zugewiesen"</h2>
                <Tracks tracks=view.assigned/>
            </section>
        })}
        <section aria-labelledby="lernpfade">
            <h2 id="lernpfade">{other_heading}</h2>
            <Tracks tracks=view.other/>
        </section>
        <Recent items=view.recent/>
        <p class="hint"><a href="/profil/sichtbarkeit">"Was meine Führungskraft über mein Lernen sieht"</a></p>
    }
}

#[component]
fn Resume(resume: Option<(Link, String)>, next_quiz: Option<(Link, String)>) -> impl IntoView {
    view! {
        <section class="resume" aria-labelledby="weiterlernen">
            <h2 id="weiterlernen">"Weiterlernen"</h2>
            {match resume {
                Some((link, module)) => view! {
                    <p>"Als Nächstes: " <strong>{link.title.clone()}</strong> {format!(" (Modul „{module}“)")}</p>
                    <p><a class="button" href=link.href data-testid="resume">"Weiterlernen"</a></p>
                }
                .into_any(),
                None => view! {
                    <p>"Sie haben alle Lektionen und Tests abgeschlossen. Herzlichen Glückwunsch!"</p>
                }
                .into_any(),
            }}
            {next_quiz.map(|(link, module)| view! {
                <p data-testid="next-quiz">
                    "Nächster Test: " <a href=link.href>{link.title}</a> {format!(" (Modul „{module}“)")}
                </p>
            })}
        </section>
    }
}

#[component]
fn Tracks(tracks: Vec<TrackCardView>) -> impl IntoView {
    view! {
        <ul class="card-list card-list--wide">
            {tracks.into_iter().map(|track| view! { <TrackCard track with_modules=true/> }).collect_view()}
        </ul>
    }
}

#[component]
fn Recent(items: Vec<RecentItem>) -> impl IntoView {
    view! {
        <section aria-labelledby="zuletzt">
            <h2 id="zuletzt">"Zuletzt erledigt"</h2>
            {if items.is_empty() {
                view! { <p class="empty-state">"Noch nichts erledigt. Beginnen Sie mit „Weiterlernen“."</p> }.into_any()
            } else {
                view! {
                    <ul class="recent">
                        {items.into_iter().map(|i| view! {
                            <li>
                                <a href=i.link.href>{i.link.title}</a>
                                <span class="hint">{format!(" – {}, {}", i.what, i.date)}</span>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}
