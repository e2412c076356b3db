//! The footer on every page: the education-only disclaimer, the paper's citation and
//! licence, and what the app does with data (nothing leaves the device).

use yew::prelude::*;

use crate::components::citation::ArticleCitation;
use crate::pack::use_pack_if_loaded;
use crate::route::Route;
use yew_router::prelude::*;

/// The footer, with the disclaimer first.
#[component]
pub fn Footer() -> Html {
    // Study mode hides the report's title, which usually names the diagnosis.
    let studying = use_route::<Route>() == Some(Route::Study);
    let citation = match use_pack_if_loaded() {
        Some(_) if studying => html! {
            <div class="footer-citation">{ "Case report: its title and citation are on the " }
                <Link<Route> to={Route::Sources}>{ "sources page" }</Link<Route>>
                { " (study mode leaves them out: a title usually names the diagnosis)." }</div>
        },
        Some(_) => html! {
            <div class="footer-citation">{ "Case report: " }<ArticleCitation with_title={true} /></div>
        },
        None => Html::default(),
    };
    html! {
        <footer class="site-footer">
            <p class="disclaimer"><strong>{ "For education; not for decisions about a patient." }</strong>
                { " Casebook is not a diagnostic device. It holds no patient data, works offline, and nothing you enter leaves this device." }</p>
            { citation }
        </footer>
    }
}
