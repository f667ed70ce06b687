//! A progress bar with its text equivalent. The `<progress>` element is decoration for sighted
//! users; the text ("3 von 8 erledigt – 37 %") is what everyone, including screen readers and
//! print, gets. No inline styles: the CSP forbids them, and `<progress>` needs none.

use leptos::prelude::*;

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

/// The one text equivalent of a progress bar: "3 von 8 erledigt – 37 %".
pub fn progress_text(p: &Progress) -> String {
    format!("{} von {} erledigt – {} %", p.done, p.total, p.percent)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_text_names_units_and_the_floored_percentage() {
        let p = Progress {
            done: 3,
            total: 8,
            percent: 37,
            complete: false,
        };
        assert_eq!(progress_text(&p), "3 von 8 erledigt – 37 %");
    }
}
