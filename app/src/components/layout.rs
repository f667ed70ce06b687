//! The page frame: skip link, header with main navigation, footer.

use leptos::prelude::*;

#[component]
pub fn SkipLink() -> impl IntoView {
    view! { <a class="skip-link" href="#inhalt" rel="external">"Zum Inhalt springen"</a> }
}

#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <header class="site-header">
            <div class="wrap site-header__inner">
                <a class="brand" href="/">
                    <span class="brand__name">"Lotse"</span>
                    <span class="brand__tagline">"Lernplattform für Ausländerbehörden"</span>
                </a>
                <nav class="main-nav" aria-label="Hauptnavigation">
                    <ul>
                        <li><a href="/">"Start"</a></li>
                    </ul>
                </nav>
            </div>
        </header>
    }
}

#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <div class="wrap">
                <p>"Lotse – gemeinsame Einarbeitung für die Ausländerbehörden des Netzwerks."</p>
                <ul class="site-footer__links">
                    <li><a href="/barrierefreiheit">"Erklärung zur Barrierefreiheit"</a></li>
                </ul>
            </div>
        </footer>
    }
}
