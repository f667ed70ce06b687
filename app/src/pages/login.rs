//! `/login`: sign in with email and password (a plain form POST, works without JavaScript).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::components::flash::FlashMessage;

#[component]
pub fn LoginPage() -> impl IntoView {
    let query = use_query_map();
    let next = move || query.read().get("next").unwrap_or_default();
    view! {
        <Title text="Anmelden"/>
        <section class="form-page">
            <h1>"Anmelden"</h1>
            <FlashMessage/>
            <form method="post" action="/login" class="stack">
                <input type="hidden" name="next" value=next/>
                <div class="field">
                    <label for="email">"E-Mail-Adresse"</label>
                    <input id="email" name="email" type="email" autocomplete="email" required/>
                </div>
                <div class="field">
                    <label for="password">"Passwort"</label>
                    <input id="password" name="password" type="password" autocomplete="current-password" required/>
                </div>
                <button type="submit" class="button">"Anmelden"</button>
            </form>
            <p><a href="/passwort-vergessen">"Passwort vergessen?"</a></p>
            <p class="hint">
                "Noch kein Konto? Konten werden von der Administration oder Ihrer Führungskraft "
                "per Einladung angelegt."
            </p>
        </section>
    }
}
