//! The button that hands back something saved on this device that could not be read
//! (notes, study progress, the list of opened cases): kept aside unchanged, and offered
//! as a file so nothing is lost even when the app cannot use it.

use yew::prelude::*;

use crate::browser;

/// Properties of [`KeptAsideDownload`].
#[derive(Properties, PartialEq, Clone)]
pub struct KeptAsideDownloadProps {
    /// The button's words, e.g. "Download the unreadable progress".
    pub label: AttrValue,
    /// The file name offered.
    pub file_name: AttrValue,
    /// What was found, exactly as stored.
    pub raw: AttrValue,
}

/// Downloads the unreadable value as a text file.
#[component]
pub fn KeptAsideDownload(props: &KeptAsideDownloadProps) -> Html {
    let onclick = {
        let file_name = props.file_name.clone();
        let raw = props.raw.clone();
        Callback::from(move |_: MouseEvent| {
            browser::download(&file_name, "text/plain", &raw);
        })
    };
    html! {
        <button type="button" class="button secondary" {onclick}>{ props.label.clone() }</button>
    }
}
