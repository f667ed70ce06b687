//! The German 404 page, also used as the router fallback.

use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <Title text="Seite nicht gefunden"/>
        <section class="notice-page">
            <h1>"Seite nicht gefunden"</h1>
            <p>
                "Die aufgerufene Adresse gibt es in Lotse nicht oder nicht mehr. "
                "Vielleicht wurde eine Lektion umbenannt oder der Link ist unvollständig."
            </p>
            <p><a href="/">"Zur Startseite"</a></p>
        </section>
    }
}
