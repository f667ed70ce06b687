//! "Erklärung zur Barrierefreiheit": required for public-sector sites (BITV 2.0 § 7).

use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn AccessibilityPage() -> impl IntoView {
    view! {
        <Title text="Erklärung zur Barrierefreiheit"/>
        <article class="prose">
            <h1>"Erklärung zur Barrierefreiheit"</h1>
            <p>
                "Lotse soll für alle Mitarbeitenden ohne Einschränkungen nutzbar sein. Maßstab sind "
                "die Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) und die Web Content "
                "Accessibility Guidelines (WCAG) 2.1 auf Stufe AA."
            </p>
            <h2>"Stand der Vereinbarkeit"</h2>
            <p>
                "Jede Seite wird bei jeder Änderung automatisch mit dem Prüfwerkzeug axe-core gegen "
                "die Regeln der WCAG 2.1 (Stufen A und AA) getestet. Alle Funktionen lassen sich mit "
                "der Tastatur bedienen und funktionieren auch ohne JavaScript."
            </p>
            <h2>"Barriere melden"</h2>
            <p>
                "Wenn Ihnen eine Barriere auffällt, wenden Sie sich bitte an die Administration "
                "Ihrer Behörde. Sie leitet die Meldung an das Lotse-Team weiter."
            </p>
            <h2>"Durchsetzungsverfahren"</h2>
            <p>
                "Erhalten Sie auf eine Meldung keine zufriedenstellende Antwort, können Sie sich an "
                "die für Ihre Behörde zuständige Durchsetzungs- bzw. Ombudsstelle für "
                "Barrierefreiheit Ihres Landes wenden."
            </p>
        </article>
    }
}
