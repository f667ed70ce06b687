//! A progress bar with its text equivalent. The `<progress>` element is decoration for sighted
//! users; the text ("3 von 8 erledigt – 37 %") is what everyone, including screen readers and
//! print, gets. No inline styles: the CSP forbids them, and `<progress>` needs none.

use leptos::prelude::*;

use crate::api::learn::format::progress_text;
use crate::domain::progress::Progress;

#[component]
pub fn ProgressBar(progress: Progress) -> impl IntoView {
    // `max` must be positive; an empty module shows an empty bar.
    let max = progress.total.max(1).to_string();
    let value = progress.done.to_string();
    view! {
        <div class="progress" class:progress--complete=progress.complete>
            <progress max=max value=value aria-hidden="true"></progress>
            <span class="progress__text">
                {progress_text(&progress)}
                {progress.complete.then_some(" · abgeschlossen")}
            </span>
        </div>
    }
}
