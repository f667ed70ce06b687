//! Where a learner page sits in the course: Lernpfade › Lernpfad › Modul.

use leptos::prelude::*;

use crate::views::learning::Link;

#[component]
pub fn Breadcrumbs(trail: Vec<Link>) -> impl IntoView {
    let all = std::iter::once(Link {
        href: "/tracks".into(),
        title: "Lernpfade".into(),
    })
    .chain(trail);
    view! {
        <nav class="breadcrumbs no-print" aria-label="Sie sind hier">
            <ol>
                {all.map(|l| view! { <li><a href=l.href>{l.title}</a></li> }).collect_view()}
            </ol>
        </nav>
    }
}
