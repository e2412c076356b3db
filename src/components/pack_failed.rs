//! Shown instead of any view when the case pack does not load: its errors, in full. The
//! shell settles this once (`app::Shell`), so no page handles a pack that failed.

use yew::prelude::*;

/// Properties of [`PackFailed`].
#[derive(Properties, PartialEq, Clone)]
pub struct PackFailedProps {
    /// Every error, one per line.
    pub errors: AttrValue,
}

/// Shown instead of a view when the case pack does not load: the errors, in full.
#[component]
pub fn PackFailed(props: &PackFailedProps) -> Html {
    html! {
        <article class="page">
            <h1>{ "The case could not be loaded" }</h1>
            <p>{ "The case pack has errors, listed below with their line and field." }</p>
            <pre class="errors">{ props.errors.clone() }</pre>
        </article>
    }
}
