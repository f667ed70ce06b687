//! Messages passed as short codes in the URL after a form post (`?fehler=…`, `?hinweis=…`).

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::domain::PasswordProblem;

/// The German text for a code, or `None` for unknown codes (never echoed back).
pub fn message_for(key: &str, code: &str) -> Option<String> {
    let text = match (key, code) {
        ("fehler", "ungueltig") => "E-Mail-Adresse oder Passwort ist nicht korrekt.",
        ("fehler", "gesperrt") => {
            "Zu viele fehlgeschlagene Anmeldeversuche von diesem Gerät. Bitte warten Sie einen \
             Moment, bevor Sie es erneut versuchen, oder setzen Sie Ihr Passwort zurück."
        }
        ("fehler", "technisch") => {
            "Das hat wegen eines technischen Problems nicht geklappt. Bitte versuchen Sie es gleich noch einmal."
        }
        ("fehler", "link") => crate::views::accounts::INVALID_LINK,
        ("fehler", other) => return PasswordProblem::from_code(other).map(|p| p.message()),
        ("hinweis", "abgemeldet") => "Sie haben sich abgemeldet.",
        ("hinweis", "eingeladen") => "Die Einladung wurde per E-Mail versendet.",
        ("hinweis", "anmelden") => "Bitte melden Sie sich an, um fortzufahren.",
        ("hinweis", "konto-aktiviert") => "Ihr Konto ist eingerichtet. Bitte melden Sie sich jetzt an.",
        ("hinweis", "passwort-geaendert") => {
            "Ihr Passwort wurde geändert. Alle bisherigen Sitzungen wurden beendet. Bitte melden Sie sich an."
        }
        ("hinweis", "gesendet") => {
            "Falls ein Konto mit dieser E-Mail-Adresse existiert, haben wir einen Link zum Zurücksetzen \
             gesendet. Er ist eine Stunde gültig."
        }
        ("hinweis", "zugewiesen") => "Die Zuweisung ist gespeichert.",
        ("hinweis", "zurueckgenommen") => "Die Zuweisung wurde zurückgenommen.",
        ("hinweis", "gespeichert") => "Gespeichert.",
        _ => return None,
    };
    Some(text.to_owned())
}

/// "Bitte warten Sie noch 30 Sekunden." for `?warten=30` (digits only: nothing from the URL is
/// shown as text).
pub fn wait_hint(seconds: &str) -> Option<String> {
    let seconds: u32 = seconds
        .parse()
        .ok()
        .filter(|s: &u32| *s > 0 && *s <= 24 * 3600)?;
    Some(if seconds < 90 {
        format!("Nächster Versuch in {seconds} Sekunden möglich.")
    } else {
        format!(
            "Nächster Versuch in etwa {} Minuten möglich.",
            seconds.div_ceil(60)
        )
    })
}

/// Shows the message for `?fehler=` (as an alert) or `?hinweis=` (as a status).
#[component]
pub fn FlashMessage() -> impl IntoView {
    let query = use_query_map();
    move || {
        let query = query.read();
        if let Some(text) = query.get("fehler").and_then(|c| message_for("fehler", &c)) {
            let wait = query.get("warten").and_then(|s| wait_hint(&s));
            Some(
                view! { <div class="notice notice--error" role="alert"><p>{text}</p>{wait.map(|w| view! { <p>{w}</p> })}</div> }
                    .into_any(),
            )
        } else {
            query
                .get("hinweis")
                .and_then(|c| message_for("hinweis", &c))
                .map(|text| {
                    view! { <div class="notice notice--success" role="status"><p>{text}</p></div> }
                        .into_any()
                })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{message_for, wait_hint};

    #[test]
    fn every_password_problem_has_a_message_and_unknown_codes_have_none() {
        for p in crate::domain::PasswordProblem::ALL {
            assert!(message_for("fehler", p.code()).is_some());
        }
        assert_eq!(message_for("fehler", "<script>"), None);
        assert_eq!(
            wait_hint("30").as_deref(),
            Some("Nächster Versuch in 30 Sekunden möglich.")
        );
        assert_eq!(
            wait_hint("900").as_deref(),
            Some("Nächster Versuch in etwa 15 Minuten möglich.")
        );
        assert_eq!(wait_hint("Rufen Sie an"), None);
        assert_eq!(wait_hint("0"), None);
        assert_eq!(message_for("hinweis", "ungueltig"), None);
    }
}
