//! "Cite this case": the case report as a Vancouver line to copy, and as RIS or BibTeX
//! for a reference manager. The formats are the core's (`casebook_core::cite`).

use casebook_core::cite::{bibtex, ris, vancouver};
use casebook_core::Source;
use yew::prelude::*;

use crate::browser;

/// Properties of [`CiteButtons`].
#[derive(Properties, PartialEq, Clone)]
pub struct CiteButtonsProps {
    /// The source to cite.
    pub source: Source,
    /// Show the citation line above the buttons.
    #[prop_or_default]
    pub show_line: bool,
}

/// Copy the citation; download it as RIS or BibTeX.
#[component]
pub fn CiteButtons(props: &CiteButtonsProps) -> Html {
    let copied = use_state(|| false);
    let source = &props.source;
    let line = vancouver(source);
    let on_copy = {
        let line = line.clone();
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| {
            browser::copy_to_clipboard(&line);
            copied.set(true);
        })
    };
    let download = |extension: &'static str, mime: &'static str, text: String| {
        let name = format!("{}.{extension}", source.id);
        Callback::from(move |_: MouseEvent| {
            browser::download(&name, mime, &text);
        })
    };
    html! {
        <div class="cite-this">
            if props.show_line {
                <p class="cite-line">{ &line }</p>
            }
            <div class="button-row">
                <button type="button" class="button secondary" onclick={on_copy}
                    aria-label={format!("{}: {}", if *copied { "Citation copied" } else { "Copy citation" }, source.title)}>
                    { if *copied { "Citation copied" } else { "Copy citation" } }
                </button>
                <button type="button" class="button secondary" onclick={download("ris", "application/x-research-info-systems", ris(source))}
                    aria-label={format!("Download {} as RIS", source.title)}>{ "RIS" }</button>
                <button type="button" class="button secondary" onclick={download("bib", "application/x-bibtex", bibtex(source))}
                    aria-label={format!("Download {} as BibTeX", source.title)}>{ "BibTeX" }</button>
            </div>
        </div>
    }
}
