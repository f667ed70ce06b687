//! `/normen`: the Normenverzeichnis, every norm the lessons cite, by law in natural paragraph
//! order; `/normen/{law}/{paragraph}`: one norm with the sentences that cite it.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::search::{norm_directory, norm_page};
use crate::components::sign_in_required::{require_sign_in, LearnError};
use crate::views::search::{LawGroupView, NormDirectoryView, NormItemView, NormPageView};

#[component]
pub fn NormsPage() -> impl IntoView {
    require_sign_in();
    let directory = Resource::new(|| (), |_| norm_directory());
    view! {
        <Title text="Normenverzeichnis"/>
        <h1>"Normenverzeichnis"</h1>
        <Suspense fallback=|| view! { <p>"Normenverzeichnis wird geladen …"</p> }>
            {move || Suspend::new(async move {
                match directory.await {
                    Ok(view) => view! { <Directory view/> }.into_any(),
                    Err(error) => view! { <LearnError error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Directory(view: NormDirectoryView) -> impl IntoView {
    view! {
        <p class="lead">
            {format!("Alle {} Vorschriften, die in den Lektionen zitiert werden, mit den Lektionen, die sie erklären, und dem amtlichen Text.", view.norm_count)}
        </p>
        <nav class="toc" aria-labelledby="gesetze">
            <h2 id="gesetze">"Gesetze und Verordnungen"</h2>
            <ul class="law-index">
                {view.laws.iter().map(|law| view! {
                    <li><a href=format!("#gesetz-{}", law.anchor) rel="external">{law.law.clone()}</a></li>
                }).collect_view()}
            </ul>
        </nav>
        {view.laws.into_iter().map(|law| view! { <Law law/> }).collect_view()}
    }
}

#[component]
fn Law(law: LawGroupView) -> impl IntoView {
    let id = format!("gesetz-{}", law.anchor);
    let labelled_by = id.clone();
    view! {
        <section class="law" aria-labelledby=labelled_by>
            <h2 id=id>{law.law}</h2>
            <ul class="norm-list" data-testid="norm-list">
                {law.norms.into_iter().map(|norm| view! { <NormItem norm/> }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn NormItem(norm: NormItemView) -> impl IntoView {
    let official = format!(" zu {}", norm.label);
    view! {
        <li class="norm-item">
            <p class="norm-item__head">
                <a class="norm-item__label" href=norm.href>{norm.label}</a>
                " · "
                <a href=norm.url rel="external">"Gesetzestext"<span class="visually-hidden">{official}</span></a>
            </p>
            <ul class="norm-item__lessons">
                {norm.lessons.into_iter().map(|l| view! { <li><a href=l.href>{l.title}</a></li> }).collect_view()}
            </ul>
        </li>
    }
}

#[component]
pub fn NormPage() -> impl IntoView {
    require_sign_in();
    let params = use_params_map();
    let page = Resource::new(
        move || {
            let p = params.read();
            (
                p.get("law").unwrap_or_default(),
                p.get("paragraph").unwrap_or_default(),
            )
        },
        |(law, paragraph)| norm_page(law, paragraph),
    );
    view! {
        <nav class="breadcrumbs" aria-label="Sie sind hier">
            <ol><li><a href="/normen">"Normenverzeichnis"</a></li></ol>
        </nav>
        <Suspense fallback=|| view! { <p>"Vorschrift wird geladen …"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(view) => view! { <Norm view/> }.into_any(),
                    Err(error) => view! {
                        <Title text="Vorschrift nicht gefunden"/>
                        <h1>"Vorschrift nicht gefunden"</h1>
                        <LearnError error/>
                        <p><a href="/normen">"Zum Normenverzeichnis"</a></p>
                    }
                    .into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Norm(view: NormPageView) -> impl IntoView {
    let count = match view.citing.len() {
        1 => "Zitiert in 1 Lektion".to_owned(),
        n => format!("Zitiert in {n} Lektionen"),
    };
    view! {
        <Title text=view.label.clone()/>
        <h1>{view.label}</h1>
        <p><a href=view.url rel="external">{format!("Amtlicher Text des {} auf gesetze-im-internet.de", view.law)}</a></p>
        <h2>{count}</h2>
        <ul class="citing" data-testid="citing">
            {view.citing.into_iter().map(|c| view! {
                <li class="citing__lesson">
                    <h3><a href=c.lesson.href>{c.lesson.title}</a></h3>
                    <p class="hint">{c.breadcrumb}</p>
                    {c.sentences.into_iter().map(|s| view! { <blockquote class="citing__sentence"><p>{s}</p></blockquote> }).collect_view()}
                </li>
            }).collect_view()}
        </ul>
    }
}
