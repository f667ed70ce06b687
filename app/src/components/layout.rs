//! The page frame: skip link, header with main navigation and account area, footer.

use leptos::prelude::*;

use crate::api::accounts::current_user;
use crate::domain::Role;
use crate::views::accounts::UserInfo;

#[component]
pub fn SkipLink() -> impl IntoView {
    // rel="external": the browser, not the client router, handles the in-page jump and focus.
    view! { <a class="skip-link" href="#inhalt" rel="external">"Zum Inhalt springen"</a> }
}

#[component]
pub fn SiteHeader() -> impl IntoView {
    let user = Resource::new(|| (), |_| current_user());
    view! {
        <header class="site-header">
            <div class="wrap site-header__inner">
                <a class="brand" href="/">
                    <span class="brand__name">"Lotse"</span>
                    <span class="brand__tagline">"Lernplattform für Ausländerbehörden"</span>
                </a>
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move {
                        let user = user.await.ok().flatten();
                        view! { <MainNav user/> }
                    })}
                </Suspense>
            </div>
        </header>
    }
}

#[component]
fn MainNav(user: Option<UserInfo>) -> impl IntoView {
    let links = nav_links(user.as_ref());
    view! {
        <nav class="main-nav" aria-label="Hauptnavigation">
            <ul>
                {links
                    .into_iter()
                    .map(|(href, label)| view! { <li><a href=href>{label}</a></li> })
                    .collect_view()}
            </ul>
        </nav>
        {user.is_some().then(|| view! { <HeaderSearch/> })}
        {match user {
            Some(user) => view! {
                <div class="account">
                    <span class="account__name">{user.display_name}</span>
                    <form method="post" action="/logout" class="inline-form">
                        <button type="submit" class="button button--quiet">"Abmelden"</button>
                    </form>
                </div>
            }
            .into_any(),
            None => view! {
                <div class="account"><a class="account__login" href="/login">"Anmelden"</a></div>
            }
            .into_any(),
        }}
    }
}

/// Navigation entries by role: only pages the user may open.
fn nav_links(user: Option<&UserInfo>) -> Vec<(&'static str, &'static str)> {
    let mut links = vec![("/", "Start")];
    if let Some(user) = user {
        links.push(("/tracks", "Lernpfade"));
        links.push(("/normen", "Normen"));
        if user.has(Role::Supervisor) || user.has(Role::Admin) {
            links.push(("/team", "Mein Team"));
        }
        if user.has(Role::Admin) || user.has(Role::Trainer) {
            links.push(("/admin", "Verwaltung"));
        }
    }
    links
}

/// The search box of every page for signed-in users: a plain GET form to `/suche`.
#[component]
fn HeaderSearch() -> impl IntoView {
    view! {
        <form class="site-search" role="search" aria-label="Schnellsuche" method="get" action="/suche">
            <label for="suche-kopf" class="visually-hidden">"Lerninhalte durchsuchen"</label>
            <input type="search" id="suche-kopf" name="q" autocomplete="off" placeholder="Suchen …"/>
            <button type="submit" class="button button--quiet">"Suchen"</button>
        </form>
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
