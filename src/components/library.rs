//! The cases on this device: the list with open and remove, opening a case pack file (by
//! the picker or by dropping it), and a broken pack's errors with their line, column and
//! field; plus the banner that says when an opened case, not the built-in one, is shown.
//!
//! A file is read only up to the core's size limit and checked by the importer worker
//! (`crate::importer`); until it passes, nothing changes: the case shown, the answers and
//! the notes stay exactly as they were.

use casebook_core::limits::MAX_PACK_BYTES;
use casebook_core::PackErrors;
use yew::prelude::*;

use crate::browser::{self, FileHandle};
use crate::components::kept_aside::KeptAsideDownload;
use crate::library::{self, use_library, KeepError, Kept, LibraryAction};
use crate::storage::packs::{self, PutError};
use casebook_core::saved::shorten_quoted;

use casebook_core::saved::shorten;

/// What the import is doing.
#[derive(Clone, PartialEq)]
enum Import {
    Idle,
    Reading(String),
    Checking(String),
    Refused { file: String, reason: String },
    Broken { file: String, errors: PackErrors },
}

/// The most errors listed; the rest are counted.
const ERRORS_SHOWN: usize = 50;
/// The longest error message shown whole (a message may quote the pack's own text).
const MESSAGE_SHOWN: usize = 400;

/// The overview's "Cases on this device" section.
#[component]
pub fn CaseLibrary() -> Html {
    let library = use_library();
    let seed_id = use_memo((), |_| {
        crate::pack::load_seed()
            .as_ref()
            .as_ref()
            .map(|p| (p.meta.id.to_string(), p.meta.heading().to_owned()))
            .unwrap_or_default()
    });
    let status = use_state(|| Import::Idle);
    let confirm_remove = use_state(|| None::<String>);
    let dragging = use_state(|| false);
    let reading = use_mut_ref(|| None::<browser::FileReading>);
    let checking = use_mut_ref(|| None::<crate::importer::Job>);

    let open_file = {
        let library = library.clone();
        let status = status.clone();
        let seed_id = seed_id.clone();
        Callback::from(move |file: FileHandle| {
            let name = file.name();
            if file.size() > MAX_PACK_BYTES as f64 {
                status.set(Import::Refused {
                    file: name.clone(),
                    reason: format!(
                        "The file is {:.1} MB; a case pack can be at most {:.1} MB. It was not read, and nothing changed.",
                        file.size() / 1_048_576.0,
                        MAX_PACK_BYTES as f64 / 1_048_576.0
                    ),
                });
                return;
            }
            // From here the user has chosen this file: a restore or an earlier file still
            // under way yields to it.
            let ticket = library::user_chose();
            status.set(Import::Reading(name.clone()));
            let library = library.clone();
            let status = status.clone();
            let checking = checking.clone();
            let seed_id = seed_id.clone();
            *reading.borrow_mut() = browser::read_text(file, MAX_PACK_BYTES, move |text| {
                let text = match text {
                    Ok(text) => text,
                    Err(reason) => {
                        status.set(Import::Refused {
                            file: name.clone(),
                            reason: format!(
                                "The file could not be read ({reason}); nothing changed."
                            ),
                        });
                        return;
                    }
                };
                status.set(Import::Checking(name.clone()));
                let stored_text = text.clone();
                let status_done = status.clone();
                let file_name = name.clone();
                *checking.borrow_mut() = crate::importer::check(name, text, move |result| {
                    match result {
                        Err(errors) => status_done.set(Import::Broken {
                            file: file_name,
                            errors,
                        }),
                        Ok(pack) => {
                            let library = library.clone();
                            let seed_id = seed_id.0.clone();
                            yew::platform::spawn_local(async move {
                                let id = pack.meta.id.clone();
                                match library::keep(&seed_id, &file_name, &stored_text, &pack, ticket).await {
                                    Ok(Kept::Superseded) => {
                                        library::reload_entries(&library).await;
                                        status_done.set(Import::Idle);
                                    }
                                    Ok(kept) => {
                                        let title = if kept == Kept::Remembered {
                                            pack.meta.heading().to_owned()
                                        } else {
                                            format!(
                                                "{} (kept on this device; this device's storage could not also note it as the case to show, so the next visit starts with the built-in case: choose it below then)",
                                                pack.meta.heading()
                                            )
                                        };
                                        let format = pack.format;
                                        library::reload_entries(&library).await;
                                        status_done.set(Import::Idle);
                                        library.dispatch(LibraryAction::Show(Some((id, Box::new(pack)))));
                                        library.dispatch(LibraryAction::Notice(Some(opened(&title, format))));
                                    }
                                    Err(KeepError::BuiltIn) => status_done.set(Import::Refused {
                                        file: file_name,
                                        reason: format!(
                                            "This pack has the id \u{201c}{}\u{201d}, which is the built-in case's. Give it another `meta.id` to open it beside the built-in case; nothing changed.",
                                            shorten_quoted(id.as_str())
                                        ),
                                    }),
                                    Err(KeepError::NotKept(reason)) => {
                                        let why = match reason {
                                            PutError::Full => "this device's storage for Casebook is full".to_owned(),
                                            PutError::Unavailable(reason) => format!("this browser would not store it ({})", shorten_quoted(&reason)),
                                        };
                                        let title = format!(
                                            "{} (shown for this visit only: {why}, so it could not be kept; any version kept before is unchanged)",
                                            pack.meta.heading()
                                        );
                                        let format = pack.format;
                                        status_done.set(Import::Idle);
                                        if !library::still_current(ticket) {
                                            return;
                                        }
                                        library.dispatch(LibraryAction::Show(Some((id, Box::new(pack)))));
                                        library.dispatch(LibraryAction::Notice(Some(opened(&title, format))));
                                    }
                                }
                            });
                        }
                    }
                });
            });
        })
    };
    let on_pick = {
        let open_file = open_file.clone();
        Callback::from(move |event: Event| {
            if let Some(file) = browser::chosen_file(&event) {
                open_file.emit(file);
            }
        })
    };
    let on_drag_over = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            // Without this the browser would open the file itself, leaving the app.
            event.prevent_default();
            dragging.set(true);
        })
    };
    let on_drag_leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let on_drop = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dragging.set(false);
            if let Some(file) = browser::dropped_file(&event) {
                open_file.emit(file);
            }
        })
    };
    let show = |id: Option<String>| {
        let library = library.clone();
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            status.set(Import::Idle);
            let library = library.clone();
            let id = id.clone();
            yew::platform::spawn_local(async move { library::show(&library, id).await });
        })
    };
    let ask_remove = |id: Option<String>| {
        let confirm_remove = confirm_remove.clone();
        Callback::from(move |_: MouseEvent| confirm_remove.set(id.clone()))
    };
    let remove = |id: String| {
        let library = library.clone();
        let confirm_remove = confirm_remove.clone();
        Callback::from(move |_: MouseEvent| {
            confirm_remove.set(None);
            let library = library.clone();
            let id = id.clone();
            yew::platform::spawn_local(async move {
                match packs::delete(&id).await {
                    Ok(()) => {
                        if library
                            .active
                            .as_ref()
                            .is_some_and(|(active, _)| *active == id.as_str())
                        {
                            library::show(&library, None).await;
                        }
                    }
                    Err(reason) => library.dispatch(LibraryAction::Notice(Some(format!(
                        "The case could not be removed ({}); it is still kept.",
                        shorten_quoted(&reason)
                    )))),
                }
                library::reload_entries(&library).await;
            });
        })
    };
    let active_id = library.active.as_ref().map(|(id, _)| id.clone());
    let showing = |id: Option<&str>| active_id.as_ref().map(|id| id.as_str()) == id;
    html! {
        <section class="case-library" aria-labelledby="library-heading">
            <h2 id="library-heading">{ "Cases on this device" }</h2>
            <p class="muted">{ "Open a case pack you wrote or were sent (a .casepack.md file; " }<a href="/format/">{ "the case pack format" }</a>
                { " says how to write one, and works offline too). It is checked first: a pack with errors is not opened, and nothing you have changes. Opened cases stay on this device and work offline." }</p>
            { for library.notice.iter().map(|notice| html! { <p class="notice" role="status">{ notice.clone() }</p> }) }
            if let Some(slot) = library.kept.clone() {
                <KeptAsideDownload label="Download the unreadable list" slot={slot} />
            }
            <ul class="case-list">
                <li class={classes!("case-entry", showing(None).then_some("current"))} data-case={seed_id.0.clone()}>
                    <span class="case-entry-title"><strong><bdi>{ &seed_id.1 }</bdi></strong>
                        <span class="muted small">{ " \u{00b7} built in" }</span></span>
                    if showing(None) {
                        <span class="case-entry-current">{ "Shown now" }</span>
                    } else {
                        <button type="button" class="button secondary small-button" onclick={show(None)}
                            aria-label={format!("Open: {}", seed_id.1)}>{ "Open" }</button>
                    }
                </li>
                { for library.entries.iter().map(|entry| {
                    let current = showing(Some(&entry.id));
                    let confirming = confirm_remove.as_deref() == Some(entry.id.as_str());
                    html! {
                        <li class={classes!("case-entry", current.then_some("current"))} data-case={entry.id.clone()}>
                            <span class="case-entry-title"><strong><bdi>{ &entry.title }</bdi></strong>
                                <span class="muted small">{ " \u{00b7} opened from " }<bdi>{ &entry.file }</bdi>{ format!(" ({:.0} KB)", entry.bytes as f64 / 1024.0) }</span></span>
                            <span class="case-entry-tools">
                                if current {
                                    <span class="case-entry-current">{ "Shown now" }</span>
                                } else {
                                    <button type="button" class="button secondary small-button" onclick={show(Some(entry.id.clone()))}
                                        aria-label={format!("Open: {}", entry.title)}>{ "Open" }</button>
                                }
                                if confirming {
                                    <button type="button" class="button danger small-button" onclick={remove(entry.id.clone())}
                                        aria-label={format!("Yes, remove: {}", entry.title)}>{ "Yes, remove" }</button>
                                    <button type="button" class="button secondary small-button" onclick={ask_remove(None)}>{ "Keep" }</button>
                                } else {
                                    <button type="button" class="button secondary small-button" onclick={ask_remove(Some(entry.id.clone()))}
                                        aria-label={format!("Remove: {}", entry.title)}>{ "Remove" }</button>
                                }
                            </span>
                        </li>
                    }
                }) }
            </ul>
            <div class={classes!("drop-zone", dragging.then_some("dragging"))}
                ondragover={on_drag_over} ondragleave={on_drag_leave} ondrop={on_drop}>
                <label class="button file-button">
                    { "Open a case pack file" }
                    <input type="file" accept=".md,.casepack.md,text/markdown,text/plain" class="visually-hidden" onchange={on_pick} />
                </label>
                <span class="muted">{ " or drop the file here" }</span>
            </div>
            { import_status(&status) }
        </section>
    }
}

/// The message after a pack opened, with the format version it was read in. (The page
/// remounts with the new case, so this lives in the library's state, not in this
/// component's.)
fn opened(title: &str, format: u32) -> String {
    let version = if format < casebook_core::FORMAT_VERSION {
        format!(
            " It is written in case pack format {format}, read as format {}: its comparison fields, checklist groups and timeline phases are those format {format} fixed.",
            casebook_core::FORMAT_VERSION
        )
    } else {
        format!(" Case pack format {format}.")
    };
    format!(
        "Opened: {title}.{version} Every view now shows this case; the built-in case is one tap away above."
    )
}

fn import_status(status: &Import) -> Html {
    match status {
        Import::Idle => Html::default(),
        Import::Reading(file) => {
            html! { <p class="import-status" role="status">{ format!("Reading {file}\u{2026}") }</p> }
        }
        Import::Checking(file) => {
            html! { <p class="import-status" role="status">{ format!("Checking {file}\u{2026}") }</p> }
        }
        Import::Refused { file, reason } => html! {
            <div class="import-errors" role="alert">
                <p><strong>{ format!("{file} was not opened. ") }</strong>{ reason.clone() }</p>
            </div>
        },
        Import::Broken { file, errors } => {
            let all = errors.errors();
            html! {
                <div class="import-errors" role="alert">
                    <p><strong>{ format!("{file} was not opened: it has {} {}. ", all.len(), if all.len() == 1 { "problem" } else { "problems" }) }</strong>
                        { "Nothing else changed: the case shown, your answers and your notes are as they were." }</p>
                    <ol class="pack-errors">
                        { for all.iter().take(ERRORS_SHOWN).map(|error| html! {
                            <li>
                                <span class="pack-error-place">{ format!("Line {}, column {}", error.line, error.column) }</span>
                                if !error.path.is_empty() {
                                    { " \u{00b7} " }<code>{ &error.path }</code>
                                }
                                { ": " }{ shorten(&error.message, MESSAGE_SHOWN) }
                            </li>
                        }) }
                    </ol>
                    if all.len() > ERRORS_SHOWN {
                        <p>{ format!("And {} more.", all.len() - ERRORS_SHOWN) }</p>
                    }
                </div>
            }
        }
    }
}

/// Says, on every page, when the case shown is one the user opened rather than the
/// built-in case, with the way back.
#[component]
pub fn CaseBanner() -> Html {
    let library = use_library();
    let Some((_, pack)) = &library.active else {
        return Html::default();
    };
    let title = pack.meta.heading().to_owned();
    let on_back = {
        let library = library.clone();
        Callback::from(move |_: MouseEvent| {
            let library = library.clone();
            yew::platform::spawn_local(async move { library::show(&library, None).await });
        })
    };
    html! {
        <div class="case-banner" role="status">
            <span>{ "Showing a case you opened: " }<strong><bdi>{ title }</bdi></strong>
                { ". Its quotes were checked against the text it carries; Casebook has not reviewed it. " }</span>
            <button type="button" class="button secondary small-button" onclick={on_back}>{ "Back to the built-in case" }</button>
        </div>
    }
}
