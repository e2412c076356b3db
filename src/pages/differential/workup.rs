//! The work-up or management checklist: tickable, each item with why and its source.

use casebook_core::{ItemId, WorkupItem};
use yew::prelude::*;

use crate::components::provenance::SourceNote;

/// Properties of [`WorkupList`].
#[derive(Properties, PartialEq, Clone)]
pub struct WorkupListProps {
    /// Heading of the list.
    pub title: AttrValue,
    /// Id for the heading.
    pub id: AttrValue,
    /// The items.
    pub items: Vec<WorkupItem>,
    /// Ids of ticked items.
    pub ticked: Vec<ItemId>,
    /// Called with (item id, ticked).
    pub on_tick: Callback<(ItemId, bool)>,
}

/// The checklist.
#[component]
pub fn WorkupList(props: &WorkupListProps) -> Html {
    html! {
        <section class="workup" aria-labelledby={props.id.clone()}>
            <h2 id={props.id.clone()}>{ props.title.clone() }</h2>
            <ul class="checklist">
                { for props.items.iter().map(|item| {
                    let id = item.id.clone();
                    let ticked = props.ticked.contains(&id);
                    let on_tick = props.on_tick.clone();
                    let input_id = format!("item-{id}");
                    html! {
                        <li class={classes!("check-item", ticked.then_some("ticked"))}>
                            <div class="check-line">
                                <input type="checkbox" id={input_id.clone()} checked={ticked}
                                    onchange={Callback::from(move |_| on_tick.emit((id.clone(), !ticked)))} />
                                <label for={input_id}>{ &item.label }</label>
                            </div>
                            <div class="check-detail">
                                { &item.why }{ " " }<SourceNote provenance={item.provenance.clone()} />
                                if let Some(case) = &item.in_this_case {
                                    <p class="in-this-case"><span class="why-label">{ "In this case: " }</span>{ case }</p>
                                }
                            </div>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
