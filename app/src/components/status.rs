//! An assignment status as a word with a decorative symbol (never colour alone), and one
//! person's assignments as the supervisor sees them (also shown to the person themself).

use leptos::prelude::*;

use crate::views::oversight::{PersonDetailView, StatusView};

#[component]
pub fn StatusBadge(status: StatusView) -> impl IntoView {
    view! {
        <span class=format!("status status--{}", status.key)>
            <span aria-hidden="true">{status.symbol}</span>" "{status.label}
        </span>
    }
}

/// The drill-down about one person; `/team/personen/{id}` and `/profil/sichtbarkeit` render
/// exactly this from the same data.
#[component]
pub fn PersonDetail(detail: PersonDetailView) -> impl IntoView {
    if !detail.shows_people {
        return view! {
            <p class="notice">"Auf der Auswertungsstufe „Zusammengefasst“ werden keine Angaben zu einzelnen Personen gezeigt, nur Zahlen je Team."</p>
        }
        .into_any();
    }
    view! {
        <div class="person-detail" data-person-detail="">
            <p>{format!("Team: {} · Auswertungsstufe: {}", detail.team, detail.level_label)}</p>
            {if detail.assignments.is_empty() {
                view! { <p class="empty-state">"Keine Zuweisungen."</p> }.into_any()
            } else {
                view! {
                    <ul class="card-list">
                        {detail.assignments.into_iter().map(|a| view! {
                            <li class="card" id=format!("zuweisung-{}", a.assignment_id)>
                                <h3 class="card__title">{a.track.clone()}</h3>
                                <p><StatusBadge status=a.status.clone()/>{format!(" · {}", if a.mandatory { "Pflicht" } else { "Empfehlung" })}</p>
                                <dl class="facts">
                                    <dt>"Umfang"</dt><dd>{a.modules.clone()}</dd>
                                    <dt>"Fällig"</dt><dd>{a.due.clone().unwrap_or_else(|| "noch kein Datum (Dienstbeginn fehlt)".into())}
                                        {a.original_due.clone().map(|d| format!(" (ursprünglich {d})"))}</dd>
                                    {a.completed_on.clone().map(|d| view! { <dt>"Erledigt am"</dt><dd>{d}</dd> })}
                                </dl>
                                {(!a.tests.is_empty()).then(|| view! {
                                    <p>"Abschlusstests: "{a.tests.iter().map(|t| format!("{}: {}", t.module, t.outcome)).collect::<Vec<_>>().join("; ")}</p>
                                })}
                                {(!a.overrides.is_empty()).then(|| view! {
                                    <h4>"Entscheidungen"</h4>
                                    <ul>
                                        {a.overrides.iter().map(|o| view! {
                                            <li>{format!("{} – {} ({}): {}", o.when, o.what, o.by, o.reason)}</li>
                                        }).collect_view()}
                                    </ul>
                                })}
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </div>
    }
    .into_any()
}
