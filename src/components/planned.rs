//! A plain statement that a view is not built yet, with what it will hold, so a user is
//! never shown a pretend feature.

use yew::prelude::*;

/// Properties of [`Planned`].
#[derive(Properties, PartialEq, Clone)]
pub struct PlannedProps {
    /// What the finished view will hold.
    pub children: Html,
}

/// The "coming" notice.
#[component]
pub fn Planned(props: &PlannedProps) -> Html {
    html! {
        <section class="planned" aria-label="Not built yet">
            <p class="planned-label">{ "Not built yet" }</p>
            { props.children.clone() }
        </section>
    }
}
