//! A badge showing how sure a fact is (seed, verified, secondary, unverified), in words
//! as well as colour.

use casebook_core::Status;
use yew::prelude::*;

/// Properties of [`StatusBadge`].
#[derive(Properties, PartialEq, Clone, Copy)]
pub struct StatusBadgeProps {
    /// The status to show.
    pub status: Status,
}

/// The badge; its title and screen-reader text explain the word.
#[component]
pub fn StatusBadge(props: &StatusBadgeProps) -> Html {
    let status = props.status;
    html! {
        <span class={classes!("badge", format!("badge-{}", status.label()))} title={status.explanation()}>
            { status.label() }
            <span class="visually-hidden">{ format!(": {}", status.explanation()) }</span>
        </span>
    }
}
