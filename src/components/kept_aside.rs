//! What the user should know about what this device keeps: the values that could not be
//! read and were kept aside unchanged (each offered as a file, so nothing is lost even
//! when the app cannot use it), and whether the browser may clear what is kept.

use yew::prelude::*;

use crate::browser;
use crate::storage::{self, Persistence};

/// Properties of [`KeptAsideDownload`].
#[derive(Properties, PartialEq, Clone)]
pub struct KeptAsideDownloadProps {
    /// The button's words, e.g. "Download the unreadable progress".
    pub label: AttrValue,
    /// The kept-aside slot (see `storage::kept_aside`).
    pub slot: AttrValue,
}

/// Downloads one kept-aside value as a text file, exactly as it was stored.
#[component]
pub fn KeptAsideDownload(props: &KeptAsideDownloadProps) -> Html {
    let onclick = {
        let slot = props.slot.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(kept) = storage::kept(&slot) {
                browser::download(&kept.file_name(), "text/plain", &kept.raw);
            }
        })
    };
    html! {
        <button type="button" class="button secondary" {onclick}>{ props.label.clone() }</button>
    }
}

/// Everything kept aside on this device, each with download and (after a confirmation)
/// delete. Read after hydration; renders nothing when nothing is kept aside.
#[component]
pub fn KeptAsideList() -> Html {
    let kept = use_state(Vec::new);
    let confirm = use_state(|| None::<String>);
    {
        let kept = kept.clone();
        use_effect_with((), move |_| kept.set(storage::kept_aside()));
    }
    if kept.is_empty() {
        return Html::default();
    }
    let download = |item: &storage::Kept| {
        let item = item.clone();
        Callback::from(move |_: MouseEvent| {
            browser::download(&item.file_name(), "text/plain", &item.raw);
        })
    };
    let ask = |slot: Option<String>| {
        let confirm = confirm.clone();
        Callback::from(move |_: MouseEvent| confirm.set(slot.clone()))
    };
    let discard = |slot: String| {
        let kept = kept.clone();
        let confirm = confirm.clone();
        Callback::from(move |_: MouseEvent| {
            storage::discard_kept(&slot);
            confirm.set(None);
            kept.set(storage::kept_aside());
        })
    };
    html! {
        <section class="kept-aside" aria-labelledby="kept-heading">
            <h2 id="kept-heading">{ "Kept aside on this device" }</h2>
            <p class="muted">{ "Saved values this version could not read whole are kept here exactly as they were found, never written over. Download them before deleting them." }</p>
            <ul class="kept-list">
                { for kept.iter().map(|item| {
                    let confirming = confirm.as_deref() == Some(item.slot.as_str());
                    html! {
                        <li class="kept-item">
                            <span><code>{ &item.key }</code>
                                <span class="muted small">{ format!(" \u{00b7} {:.1} KB", item.raw.len() as f64 / 1024.0) }</span></span>
                            <span class="button-row">
                                <button type="button" class="button secondary small-button" onclick={download(item)}>{ "Download" }</button>
                                if confirming {
                                    <button type="button" class="button danger small-button" onclick={discard(item.slot.clone())}>{ "Yes, delete it" }</button>
                                    <button type="button" class="button secondary small-button" onclick={ask(None)}>{ "Keep it" }</button>
                                } else {
                                    <button type="button" class="button secondary small-button" onclick={ask(Some(item.slot.clone()))}
                                        aria-label={format!("Delete the kept copy of {}", item.key)}>{ "Delete" }</button>
                                }
                            </span>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}

/// One line on whether the browser may clear what this device keeps (asked once the user
/// has something to lose). Filled after hydration; empty in the prerendered page.
#[component]
pub fn StorageStatus() -> Html {
    let persistence = storage::use_persistence();
    let text = match persistence {
        Persistence::Unknown => return html! { <p class="muted small storage-status" data-client-layout=""></p> },
        Persistence::Persistent => "Kept on this device until you delete it: the browser has agreed not to clear it.",
        Persistence::BestEffort => "Kept on this device, but the browser may clear it if space runs low (or, in some browsers, after weeks without a visit): save to a file what you cannot lose.",
        Persistence::Unavailable => "This browser keeps nothing for Casebook (its storage is turned off): what you do here lasts only until the page is closed, unless you save it to a file.",
    };
    html! { <p class="muted small storage-status" data-client-layout="">{ text }</p> }
}

/// Properties of [`SaveErrorBar`].
#[derive(Properties, PartialEq, Clone)]
pub struct SaveErrorBarProps {
    /// Why the last save failed, or nothing.
    pub error: Option<AttrValue>,
}

/// Why the last save failed, in a bar kept at the foot of the screen, so it is seen
/// wherever on the page the user acted. It goes when a save works again.
#[component]
pub fn SaveErrorBar(props: &SaveErrorBarProps) -> Html {
    match &props.error {
        Some(error) => html! { <p class="save-error" role="alert">{ error.clone() }</p> },
        None => Html::default(),
    }
}
