//! What every island shares: a marker that flips to `data-hydrated="true"` once the browser has
//! attached the island (tests wait for it; without JavaScript it stays "false").

use leptos::prelude::*;

/// The `data-hydrated` value of an island's root element.
pub fn hydration_marker() -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let attached = RwSignal::new(false);
    Effect::new(move |_| attached.set(true));
    move || if attached.get() { "true" } else { "false" }
}
