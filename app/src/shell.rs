//! The HTML document, the router and the page frame every route renders into.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Link, MetaTags, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};

use crate::components::layout::{SiteFooter, SiteHeader, SkipLink};
use crate::pages::administration as admin;
use crate::pages::{
    AccessibilityPage, HomePage, InvitationPage, LoginPage, NormPage, NormsPage, NotFoundPage,
    PasswordForgottenPage, PasswordResetPage, SearchPage, TeamAssignPage, TeamPage, TeamPersonPage,
    VisibilityPage,
};
use crate::pages::{LessonPage, ModulePage, QuizPage, TrackPage, TracksPage};

/// The full HTML document, rendered on the server only. It carries no hydration script: a
/// page with an island adds [`IslandScripts`] itself, so pages without one load no WebAssembly.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    set_content_security_policy();
    // Islands mode: nothing outside an island is hydrated, so no resource data is serialised
    // into the page (a lesson body is sent once, as HTML).
    if let Some(context) = Owner::current_shared_context() {
        context.set_is_hydrating(false);
    }
    provide_context(options.clone());
    view! {
        <!DOCTYPE html>
        <html lang="de">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light"/>
                <link id="leptos" rel="stylesheet" href=stylesheet_href(&options)/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The stylesheet's address, with the hash cargo-leptos put into its name. Read from `hash.txt`
/// once per process (leptos_meta's `HashedStylesheet` reads the file on every page view).
fn stylesheet_href(options: &LeptosOptions) -> String {
    static HREF: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HREF.get_or_init(|| {
        let mut name = options.output_name.to_string();
        if options.hash_files {
            let hashes = std::env::current_exe()
                .ok()
                .and_then(|exe| exe.parent().map(|dir| dir.join(options.hash_file.as_ref())))
                .and_then(|path| std::fs::read_to_string(path).ok())
                .unwrap_or_default();
            if let Some(hash) = hashes
                .lines()
                .filter_map(|line| line.trim().split_once(':'))
                .find_map(|(file, hash)| (file == "css").then(|| hash.trim().to_owned()))
            {
                name.push('.');
                name.push_str(&hash);
            }
        }
        format!("/{}/{name}.css", options.site_pkg_dir)
    })
    .clone()
}

/// The scripts that load the WebAssembly and hydrate the islands of this page. Rendered at the
/// end of a page that contains at least one island, and only there.
#[component]
pub fn IslandScripts() -> impl IntoView {
    use_context::<LeptosOptions>().map(|options| view! { <HydrationScripts options islands=true/> })
}

/// A strict CSP: only our own origin, plus this response's nonce for Leptos' inline
/// bootstrap and streaming scripts, and WebAssembly compilation for hydration.
#[cfg(feature = "ssr")]
fn set_content_security_policy() {
    use http::header::{HeaderValue, CONTENT_SECURITY_POLICY};
    let (Some(nonce), Some(response)) = (
        leptos::nonce::use_nonce(),
        use_context::<leptos_axum::ResponseOptions>(),
    ) else {
        return;
    };
    let policy = format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; \
         object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    );
    if let Ok(value) = HeaderValue::from_str(&policy) {
        response.insert_header(CONTENT_SECURITY_POLICY, value);
    }
}

/// The document title as it goes into the HTML. leptos_meta writes the formatted title into
/// `<title>` unescaped on the server, so content text (a lesson title with `</title>`) would
/// inject markup; it is escaped here. In the browser the title is set as `document.title`
/// (plain text), where escaping would show the entities.
fn title_text(title: &str) -> String {
    if cfg!(feature = "ssr") {
        title
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    } else {
        title.to_owned()
    }
}

/// Every route renders with `SsrMode::Async`: the whole page, including everything inside
/// `<Suspense>`, is in the HTML the server sends. Out-of-order streaming would need JavaScript
/// to put late chunks in place, and Lotse must work without it; it also lets pages set status
/// codes and redirects after loading their data.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();

    view! {
        <Title formatter=|title: String| {
            if title.is_empty() { "Lotse".to_string() } else { format!("{} – Lotse", title_text(&title)) }
        }/>
        <Link rel="icon" href="/favicon.svg" type_="image/svg+xml"/>
        <Router>
            <div id="app">
                <SkipLink/>
                <SiteHeader/>
                <main id="inhalt" tabindex="-1" class="site-main">
                    <Routes fallback=NotFoundPage>
                        <Route path=path!("/") view=HomePage ssr=SsrMode::Async/>
                        <Route path=path!("/barrierefreiheit") view=AccessibilityPage ssr=SsrMode::Async/>
                        <Route path=path!("/login") view=LoginPage ssr=SsrMode::Async/>
                        <Route path=path!("/einladung") view=InvitationPage ssr=SsrMode::Async/>
                        <Route path=path!("/passwort-vergessen") view=PasswordForgottenPage ssr=SsrMode::Async/>
                        <Route path=path!("/passwort-neu") view=PasswordResetPage ssr=SsrMode::Async/>
                        <Route path=path!("/team") view=TeamPage ssr=SsrMode::Async/>
                        <Route path=path!("/team/zuweisen") view=TeamAssignPage ssr=SsrMode::Async/>
                        <Route path=path!("/team/personen/:id") view=TeamPersonPage ssr=SsrMode::Async/>
                        <Route path=path!("/profil/sichtbarkeit") view=VisibilityPage ssr=SsrMode::Async/>
                        <Route path=path!("/admin/auswertung") view=admin::PolicyPage ssr=SsrMode::Async/>
                        <Route path=path!("/admin") view=admin::AdminHomePage ssr=SsrMode::Async/>
                        <Route path=path!("/admin/personen") view=admin::PeoplePage ssr=SsrMode::Async/>
                        <Route path=path!("/admin/einladen") view=admin::InvitePage ssr=SsrMode::Async/>
                        <Route path=path!("/admin/behoerden") view=admin::OfficesPage ssr=SsrMode::Async/>
                        <Route path=path!("/admin/protokoll") view=admin::AuditPage ssr=SsrMode::Async/>
                        <Route path=path!("/admin/inhalte") view=admin::ContentProblemsPage ssr=SsrMode::Async/>
                        // Learner pages render completely before sending (Async), so an unknown
                        // slug answers 404; the quiz route precedes the lesson route.
                        <Route path=path!("/suche") view=SearchPage ssr=SsrMode::Async/>
                        <Route path=path!("/normen") view=NormsPage ssr=SsrMode::Async/>
                        <Route path=path!("/normen/:law/:paragraph") view=NormPage ssr=SsrMode::Async/>
                        <Route path=path!("/tracks") view=TracksPage ssr=SsrMode::Async/>
                        <Route path=path!("/tracks/:track") view=TrackPage ssr=SsrMode::Async/>
                        <Route path=path!("/tracks/:track/:module") view=ModulePage ssr=SsrMode::Async/>
                        <Route path=path!("/tracks/:track/:module/quiz") view=QuizPage ssr=SsrMode::Async/>
                        <Route path=path!("/tracks/:track/:module/:lesson") view=LessonPage ssr=SsrMode::Async/>
                    </Routes>
                </main>
                <SiteFooter/>
            </div>
        </Router>
    }
}
