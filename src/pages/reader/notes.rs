//! The reader's notes and bookmarks: the bar that appears when a sentence is selected,
//! the note editor, and the list with export and import, and the notes whose sentence is
//! no longer in the article (re-attachable). What a note is, how files are read and
//! merged, is the core's (`casebook_core::notes`); this renders and dispatches.

use casebook_core::notes::Annotation;
use casebook_core::saved::shorten;
use yew::prelude::*;

/// What the user asked of the notes.
#[derive(Clone, Debug, PartialEq)]
pub enum NotesAction {
    /// Bookmark the sentence, or remove its bookmark.
    ToggleBookmark(String),
    /// Open the editor for the sentence's note.
    Edit(String),
    /// Save the note being edited.
    Save(String, String),
    /// Close the editor or the selection bar.
    Dismiss,
    /// Forget the sentence's bookmark and note.
    Remove(String),
    /// Move a detached note (its old sentence) onto a sentence of the article.
    Reattach(String, String),
    /// Download all notes as a file.
    Export,
    /// Download the notes as a document to read (Markdown).
    ExportReadable,
    /// A file was chosen to import.
    Import(crate::browser::FileHandle),
}

/// Properties of [`SelectionBar`].
#[derive(Properties, PartialEq, Clone)]
pub struct SelectionBarProps {
    /// The selected sentence.
    pub sentence: AttrValue,
    /// Whether it is bookmarked.
    pub bookmarked: bool,
    /// Whether it has a note.
    pub has_note: bool,
    /// Dispatches actions.
    pub on_action: Callback<NotesAction>,
}

/// The bar at the foot of the screen for the selected sentence.
#[component]
pub fn SelectionBar(props: &SelectionBarProps) -> Html {
    let sentence = props.sentence.to_string();
    let emit = |action: NotesAction| {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(action.clone()))
    };
    html! {
        <div class="selection-bar" role="region" aria-label="Selected sentence">
            <p><q>{ shorten(&sentence, 70) }</q></p>
            <div class="button-row">
                <button type="button" class="button" onclick={emit(NotesAction::ToggleBookmark(sentence.clone()))}>
                    { if props.bookmarked { "Remove bookmark" } else { "Bookmark" } }
                </button>
                <button type="button" class="button secondary" onclick={emit(NotesAction::Edit(sentence.clone()))}>
                    { if props.has_note { "Edit note" } else { "Add a note" } }
                </button>
                <button type="button" class="button secondary" aria-label="Close" onclick={emit(NotesAction::Dismiss)}>{ "\u{00d7}" }</button>
            </div>
        </div>
    }
}

/// Properties of [`NoteEditor`].
#[derive(Properties, PartialEq, Clone)]
pub struct NoteEditorProps {
    /// The sentence the note is about.
    pub sentence: AttrValue,
    /// The note so far.
    pub note: AttrValue,
    /// A problem to show (e.g. too long).
    #[prop_or_default]
    pub problem: Option<AttrValue>,
    /// Dispatches actions.
    pub on_action: Callback<NotesAction>,
}

/// The editor for one note.
#[component]
pub fn NoteEditor(props: &NoteEditorProps) -> Html {
    let text = use_state(|| props.note.to_string());
    let on_input = {
        let text = text.clone();
        Callback::from(move |event: InputEvent| text.set(crate::browser::input_value(&event)))
    };
    let on_save = {
        let on_action = props.on_action.clone();
        let sentence = props.sentence.to_string();
        let text = text.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            on_action.emit(NotesAction::Save(sentence.clone(), (*text).clone()));
        })
    };
    let on_cancel = {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(NotesAction::Dismiss))
    };
    html! {
        <form class="note-editor" onsubmit={on_save} aria-label="Note">
            <p><q>{ shorten(&props.sentence, 90) }</q></p>
            <label for="note-text">{ "Your note (kept on this device)" }</label>
            <textarea id="note-text" rows="4" value={(*text).clone()} oninput={on_input} autofocus=true />
            { for props.problem.iter().map(|problem| html! { <p class="notice" role="alert">{ problem.clone() }</p> }) }
            <div class="button-row">
                <button type="submit" class="button">{ "Save note" }</button>
                <button type="button" class="button secondary" onclick={on_cancel}>{ "Cancel" }</button>
            </div>
        </form>
    }
}

/// A note whose sentence the article no longer has, with sentences to re-attach it to.
#[derive(Clone, Debug, PartialEq)]
pub struct DetachedNote {
    /// The annotation as saved.
    pub annotation: Annotation,
    /// The article's sentences most like its old one, most alike first.
    pub suggestions: Vec<String>,
}

/// Properties of [`NotesList`].
#[derive(Properties, PartialEq, Clone)]
pub struct NotesListProps {
    /// The notes on sentences of the article, in the order made.
    pub notes: Vec<Annotation>,
    /// Notes whose sentence is no longer in the article.
    #[prop_or_default]
    pub detached: Vec<DetachedNote>,
    /// What the last import or save said.
    #[prop_or_default]
    pub message: Option<AttrValue>,
    /// What went wrong with the last save, shown as an alert.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// Dispatches actions.
    pub on_action: Callback<NotesAction>,
}

/// Every note and bookmark, with export and import.
#[component]
pub fn NotesList(props: &NotesListProps) -> Html {
    let emit = |action: NotesAction| {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(action.clone()))
    };
    let on_file = {
        let on_action = props.on_action.clone();
        Callback::from(move |event: Event| {
            if let Some(file) = crate::browser::chosen_file(&event) {
                on_action.emit(NotesAction::Import(file));
            }
        })
    };
    let nothing = props.notes.is_empty() && props.detached.is_empty();
    html! {
        <section class="notes" aria-labelledby="notes">
            <h2 id="notes">{ "Your notes and bookmarks" }</h2>
            <p class="muted">{ "Select a sentence in the text (press and hold on a tablet) to bookmark it or add a note. They stay on this device, work offline, and can be saved to a file and brought back." }</p>
            <crate::components::kept_aside::StorageStatus />
            { for props.error.iter().map(|error| html! { <p class="notice error" role="alert">{ error.clone() }</p> }) }
            { for props.message.iter().map(|message| html! { <p class="notice" role="status">{ message.clone() }</p> }) }
            if props.notes.is_empty() {
                <p class="muted">{ "No notes or bookmarks yet." }</p>
            } else {
                <ol class="note-list">
                    { for props.notes.iter().map(|annotation| html! {
                        <li class="note-item">
                            <blockquote>
                                if annotation.bookmarked { <span class="bookmark-flag">{ "Bookmarked \u{00b7} " }</span> }
                                { &annotation.sentence }
                            </blockquote>
                            if !annotation.note.is_empty() { <p class="note-text">{ &annotation.note }</p> }
                            <div class="button-row">
                                <a class="button secondary" href={format!("#{}", annotation.anchor())}>{ "Show in the paper" }</a>
                                <button type="button" class="button secondary" onclick={emit(NotesAction::Edit(annotation.sentence.clone()))}>{ "Edit note" }</button>
                                <button type="button" class="button secondary" onclick={emit(NotesAction::Remove(annotation.sentence.clone()))}>{ "Remove" }</button>
                            </div>
                        </li>
                    }) }
                </ol>
            }
            if !props.detached.is_empty() {
                <section class="detached-notes" aria-labelledby="detached-heading">
                    <h3 id="detached-heading">{ format!("Notes on sentences no longer in this case ({})", props.detached.len()) }</h3>
                    <p class="muted">{ "This version of the case no longer has the sentence these notes were made on (the case was edited, or the notes came from another version). They are kept, and saved to a file with the rest. Attach each to a sentence of the paper, or remove it." }</p>
                    <ol class="note-list">
                        { for props.detached.iter().map(|detached| html! {
                            <DetachedItem key={detached.annotation.sentence.clone()} detached={detached.clone()} on_action={props.on_action.clone()} />
                        }) }
                    </ol>
                </section>
            }
            <div class="button-row">
                <button type="button" class="button secondary" onclick={emit(NotesAction::Export)} disabled={nothing}>{ "Save notes to a file" }</button>
                <button type="button" class="button secondary" onclick={emit(NotesAction::ExportReadable)} disabled={nothing}>{ "Download as a document to read (Markdown)" }</button>
                <label class="button secondary file-button">
                    { "Import notes from a file" }
                    <input type="file" accept=".json,application/json" class="visually-hidden" onchange={on_file} />
                </label>
            </div>
        </section>
    }
}

/// Properties of [`DetachedItem`].
#[derive(Properties, PartialEq, Clone)]
struct DetachedItemProps {
    detached: DetachedNote,
    on_action: Callback<NotesAction>,
}

/// One detached note: its old sentence, its note, and where to attach it.
#[component]
fn DetachedItem(props: &DetachedItemProps) -> Html {
    let chosen = use_state(|| 0usize);
    let annotation = &props.detached.annotation;
    let suggestions = &props.detached.suggestions;
    let on_choose = {
        let chosen = chosen.clone();
        Callback::from(move |event: Event| {
            chosen.set(crate::browser::input_value(&event).parse().unwrap_or(0));
        })
    };
    let on_attach = {
        let on_action = props.on_action.clone();
        let from = annotation.sentence.clone();
        let target = suggestions.get(*chosen).cloned();
        Callback::from(move |_: MouseEvent| {
            if let Some(target) = &target {
                on_action.emit(NotesAction::Reattach(from.clone(), target.clone()));
            }
        })
    };
    let on_remove = {
        let on_action = props.on_action.clone();
        let sentence = annotation.sentence.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(NotesAction::Remove(sentence.clone())))
    };
    let select_id = format!("attach-{}", annotation.anchor());
    html! {
        <li class="note-item detached">
            <blockquote>
                if annotation.bookmarked { <span class="bookmark-flag">{ "Bookmarked \u{00b7} " }</span> }
                <span class="muted">{ "Was on: " }</span>{ &annotation.sentence }
            </blockquote>
            if !annotation.note.is_empty() { <p class="note-text">{ &annotation.note }</p> }
            if suggestions.is_empty() {
                <p class="muted small">{ "No sentence of this version is like it." }</p>
            } else {
                <label class="select-label" for={select_id.clone()}>{ "Attach to" }</label>
                <select id={select_id} class="attach-choice" onchange={on_choose}>
                    { for suggestions.iter().enumerate().map(|(index, sentence)| html! {
                        <option value={index.to_string()} selected={index == *chosen}>{ shorten(sentence, 90) }</option>
                    }) }
                </select>
            }
            <div class="button-row">
                if !suggestions.is_empty() {
                    <button type="button" class="button secondary" onclick={on_attach}>{ "Attach here" }</button>
                }
                <button type="button" class="button secondary" onclick={on_remove}>{ "Remove" }</button>
            </div>
        </li>
    }
}
