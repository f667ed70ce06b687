//! Invitation acceptance and password reset: both set a new password through a one-time link.

use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::accounts::{invitation_info, reset_link_valid};
use crate::components::flash::FlashMessage;
use crate::domain::MIN_PASSWORD_CHARS;
use crate::views::accounts::INVALID_LINK;

/// `/einladung?token=…`: the invitee chooses a password.
#[component]
pub fn InvitationPage() -> impl IntoView {
    let token = token_param();
    let info = Resource::new(token, invitation_info);
    view! {
        <Title text="Einladung annehmen"/>
        <section class="form-page">
            <h1>"Einladung annehmen"</h1>
            <Suspense fallback=|| view! { <p>"Einladung wird geprüft …"</p> }>
                {move || Suspend::new(async move {
                    match info.await {
                        Ok(info) => Either::Left(view! {
                            <p>
                                {format!("Willkommen bei Lotse, {}! Legen Sie ein Passwort für ", info.display_name)}
                                <strong>{info.email}</strong>" fest."
                            </p>
                            <FlashMessage/>
                            <NewPasswordForm action="/einladung" token=token() submit="Konto einrichten"/>
                        }),
                        Err(_) => Either::Right(view! { <InvalidLink/> }),
                    }
                })}
            </Suspense>
        </section>
    }
}

/// `/passwort-vergessen`: request a reset link.
#[component]
pub fn PasswordForgottenPage() -> impl IntoView {
    view! {
        <Title text="Passwort vergessen"/>
        <section class="form-page">
            <h1>"Passwort vergessen"</h1>
            <FlashMessage/>
            <p>"Geben Sie Ihre E-Mail-Adresse ein. Sie erhalten einen Link, mit dem Sie ein neues Passwort festlegen."</p>
            <form method="post" action="/passwort-vergessen" class="stack">
                <div class="field">
                    <label for="email">"E-Mail-Adresse"</label>
                    <input id="email" name="email" type="email" autocomplete="email" required/>
                </div>
                <button type="submit" class="button">"Link anfordern"</button>
            </form>
            <p><a href="/login">"Zurück zur Anmeldung"</a></p>
        </section>
    }
}

/// `/passwort-neu?token=…`: set a new password from a reset link.
#[component]
pub fn PasswordResetPage() -> impl IntoView {
    let token = token_param();
    let valid = Resource::new(token, reset_link_valid);
    view! {
        <Title text="Neues Passwort festlegen"/>
        <section class="form-page">
            <h1>"Neues Passwort festlegen"</h1>
            <Suspense fallback=|| view! { <p>"Link wird geprüft …"</p> }>
                {move || Suspend::new(async move {
                    match valid.await {
                        Ok(true) => Either::Left(view! {
                            <FlashMessage/>
                            <NewPasswordForm action="/passwort-neu" token=token() submit="Passwort speichern"/>
                        }),
                        _ => Either::Right(view! { <InvalidLink/> }),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn NewPasswordForm(action: &'static str, token: String, submit: &'static str) -> impl IntoView {
    view! {
        <form method="post" action=action class="stack">
            <input type="hidden" name="token" value=token/>
            <div class="field">
                <label for="password">"Neues Passwort"</label>
                <input id="password" name="password" type="password" autocomplete="new-password"
                    minlength=MIN_PASSWORD_CHARS.to_string() required aria-describedby="password-hint"/>
                <p id="password-hint" class="hint">
                    {format!("Mindestens {MIN_PASSWORD_CHARS} Zeichen. Am besten merken Sie sich einen Satz oder mehrere Wörter.")}
                </p>
            </div>
            <div class="field">
                <label for="password_confirm">"Passwort wiederholen"</label>
                <input id="password_confirm" name="password_confirm" type="password" autocomplete="new-password" required/>
            </div>
            <button type="submit" class="button">{submit}</button>
        </form>
    }
}

#[component]
fn InvalidLink() -> impl IntoView {
    view! {
        <div class="notice notice--error" role="alert"><p>{INVALID_LINK}</p></div>
        <p><a href="/passwort-vergessen">"Neuen Link anfordern"</a>" · "<a href="/login">"Zur Anmeldung"</a></p>
    }
}

fn token_param() -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let query = use_query_map();
    move || query.read().get("token").unwrap_or_default()
}
