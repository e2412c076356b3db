//! The caveat a registry count carries wherever it appears (the overview, search, the
//! comparison's registry columns): one line, and a link to the full list beside the
//! comparison's statistics. The words are the core's (`casebook_core::stats`).

use casebook_core::stats::REGISTRY_CAVEAT_LINE;
use yew::prelude::*;

use yew_router::Routable;

use crate::route::{element, Route};

/// "Reported counts, not incidence", with what that means and where to read more.
#[component]
pub fn RegistryCaveat() -> Html {
    html! {
        <p class="registry-caveat small">
            <strong>{ "Reported counts, not incidence. " }</strong>
            { REGISTRY_CAVEAT_LINE }{ " " }
            <a href={format!("{}#{}", Route::Compare.to_path(), element::REGISTRY_CAVEATS)}>{ "What these counts cannot tell you" }</a>
        </p>
    }
}
