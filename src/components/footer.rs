//! The footer on every page: the education-only disclaimer, the paper's citation and
//! licence, and what the app does with data (nothing leaves the device).

use yew::prelude::*;

use crate::pack::use_pack;

/// The footer, with the disclaimer first.
#[component]
pub fn Footer() -> Html {
    let pack = use_pack();
    let citation = match pack.as_ref() {
        Ok(pack) => html! {
            <p class="footer-citation">
                { "Case report: " }<cite>{ &pack.meta.title }</cite>{ ". " }{ &pack.meta.journal }{ ", " }{ pack.meta.year }{ ". " }
                <a href={format!("https://doi.org/{}", pack.meta.doi)} rel="noopener noreferrer">{ format!("doi:{}", pack.meta.doi) }</a>
                { format!(". Licence: {}.", pack.meta.licence) }
            </p>
        },
        Err(_) => Html::default(),
    };
    html! {
        <footer class="site-footer">
            <p class="disclaimer"><strong>{ "For education; not for decisions about a patient." }</strong>
                { " Casebook is not a diagnostic device. It holds no patient data, works offline, and nothing you enter leaves this device." }</p>
            { citation }
        </footer>
    }
}
