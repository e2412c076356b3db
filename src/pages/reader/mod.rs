//! `/reader`: the case report itself, with section navigation, citations and glossary
//! terms that open on tap or focus, and the source sentence of any fact highlighted when
//! a view links to it (`/reader#q-…`).
//!
//! The article's model (blocks, segments, highlights, safe links) is the core's
//! (`casebook_core::reader`); this page renders segments as elements holding text, so no
//! Markdown can inject markup. The highlight is applied after hydration (it depends on
//! the address's fragment, which the prerendered page cannot know); every paragraph
//! already carries the anchors of the quotes it holds, so the link lands on the right
//! paragraph even before the script runs.

pub mod notes;
pub mod reporting;
pub mod state;

use casebook_core::notes::{closest_sentences, Annotation, Edit, Notes};
use casebook_core::reader::{blocks_with_notes, quote_for_anchor, section_nav, Block, Segment};
use casebook_core::saved::shorten;
use casebook_core::study::progress::Progress;
use casebook_core::{CasePack, Target};
use yew::prelude::*;

use crate::components::citation::ArticleCitation;
use crate::components::cite_this::CiteButtons;
use crate::components::kept_aside::{KeptAsideDownload, SaveErrorBar};
use crate::components::provenance::SourceNote;
use crate::components::status_badge::StatusBadge;
use crate::pack::use_pack;
use crate::pages::reader::notes::{DetachedNote, NoteEditor, NotesAction, NotesList, SelectionBar};
use crate::route;
use crate::storage::{self, use_saved, SavedHandle};
use crate::{browser, study_store};
use reporting::ReportingMap;
use state::{Action, Popover, ReaderState};

/// The reader view.
#[component]
pub fn Reader() -> Html {
    let loaded = use_pack();
    let state = use_reducer(ReaderState::default);

    // After hydration, and whenever the fragment changes: highlight the quote it names.
    let apply_fragment = {
        let state = state.dispatcher();
        let loaded = loaded.clone();
        move || {
            let anchor = browser::current_fragment();
            let found = anchor
                .strip_prefix("q-")
                .and_then(|_| quote_for_anchor(&loaded, &anchor))
                .map(|quote| (anchor.clone(), quote));
            state.dispatch(Action::Highlight(found));
        }
    };
    {
        let apply_fragment = apply_fragment.clone();
        use_effect_with((), move |_| apply_fragment());
    }
    browser::use_event(browser::On::Window, "hashchange", move |_| apply_fragment());
    // Bring the highlighted sentence into view once it is drawn.
    use_effect_with(state.highlight.clone(), |highlight| {
        if highlight.is_some() {
            browser::reveal_highlight();
        }
    });

    // Notes and bookmarks: read after hydration, following other tabs; every change goes
    // through the storage module, applied to what is stored now.
    let notes = use_saved::<Notes>(loaded.clone());
    let file_reader = use_mut_ref(|| None::<browser::FileReading>);
    // The article's sentences, to tell notes on them from detached ones.
    let sentences = {
        let loaded = loaded.clone();
        use_memo((), move |_| {
            casebook_core::notes::ArticleSentences::of(&loaded)
        })
    };
    {
        let state = state.dispatcher();
        browser::use_event(browser::On::Document, "selectionchange", move |_| {
            state.dispatch(Action::SelectionChanged(browser::selected_sentence()));
        });
    }

    // The sentences citing each reference, found once per page rather than per render.
    let citing = {
        let loaded = loaded.clone();
        use_memo((), move |_| loaded.article.citing_sentences_by_number())
    };
    // The article's model, rebuilt only when the highlight or the marked sentences change
    // (not when a panel opens or the selection bar comes and goes).
    let article = {
        let loaded = loaded.clone();
        let noted: Vec<String> = notes
            .value()
            .annotations()
            .iter()
            .map(|annotation| annotation.sentence.clone())
            .collect();
        let quote = state.highlight.as_ref().map(|(_, quote)| quote.clone());
        use_memo((quote, noted), move |(quote, noted)| {
            blocks_with_notes(&loaded, quote.as_deref(), noted)
        })
    };

    let pack = &*loaded;
    let on_notes = {
        let notes = notes.clone();
        let state = state.clone();
        let shared = loaded.clone();
        let file_reader = file_reader.clone();
        Callback::from(move |action: NotesAction| {
            let pack = &*shared;
            // Every save says where the user is whether it worked.
            let report = |outcome: Result<Notes, String>, saved: &str| {
                state.dispatch(match outcome {
                    Ok(_) => Action::Saved((!saved.is_empty()).then(|| saved.to_owned())),
                    Err(reason) => Action::Failed(reason),
                });
            };
            match action {
                NotesAction::ToggleBookmark(sentence) => {
                    state.dispatch(Action::Pin);
                    let on = !notes.value().get(&sentence).is_some_and(|a| a.bookmarked);
                    let outcome = notes.update(|all| all.set_bookmark(&sentence, on));
                    report(
                        outcome,
                        if on {
                            "Bookmarked on this device."
                        } else {
                            "Bookmark removed."
                        },
                    );
                }
                NotesAction::Edit(sentence) => {
                    let base = notes
                        .value()
                        .get(&sentence)
                        .map(|a| a.note.clone())
                        .unwrap_or_default();
                    state.dispatch(Action::StartEdit { sentence, base });
                }
                NotesAction::Save(sentence, text) => {
                    let base = state.edit_base();
                    let outcome = std::cell::Cell::new(Edit::Saved);
                    match notes.update(|all| {
                        all.save_edit(&sentence, &base, &text)
                            .map(|edit| outcome.set(edit))
                    }) {
                        Ok(_) => state.dispatch(Action::EditSaved(match outcome.get() {
                            Edit::Saved => "Note saved on this device.".to_owned(),
                            Edit::KeptBoth => "This note had been changed in another tab since you opened it; both texts are kept, the other first.".to_owned(),
                        })),
                        // The editor stays open with the text, so nothing typed is lost.
                        Err(reason) => state.dispatch(Action::EditRefused(reason)),
                    }
                }
                NotesAction::Dismiss => {
                    state.dispatch(Action::Dismiss);
                    browser::clear_selection();
                }
                NotesAction::Remove(sentence) => {
                    let outcome = notes.update(|all| {
                        all.remove(&sentence);
                        Ok(())
                    });
                    report(outcome, "Removed.");
                }
                NotesAction::Reattach(from, to) => {
                    let outcome = notes.update(|all| all.reattach(&from, &to));
                    report(outcome, "The note is attached to the sentence you chose.");
                }
                NotesAction::Export => {
                    study_store::download_backup(
                        pack,
                        notes.value(),
                        &storage::peek::<Progress>(pack),
                    );
                }
                NotesAction::ExportReadable => {
                    browser::download(
                        &format!("casebook-notes-{}.md", pack.meta.id),
                        "text/markdown;charset=utf-8",
                        &casebook_core::notes::to_markdown(pack, notes.value()),
                    );
                }
                NotesAction::Import(file) => {
                    let notes = notes.clone();
                    let state = state.dispatcher();
                    *file_reader.borrow_mut() = study_store::import_backup(
                        file,
                        shared.clone(),
                        move |pack, imported, study| import_outcome(&notes, pack, imported, study),
                        move |outcome| state.dispatch(Action::Say(outcome)),
                    );
                }
            }
        })
    };
    let open = |next: Popover| {
        let state = state.dispatcher();
        Callback::from(move |_| state.dispatch(Action::Toggle(next.clone())))
    };
    // Keyboard focus opens a panel (as a tooltip would); a tap's focus does not, or the
    // tap's own click would close what its focus had just opened.
    let focus_open = |next: Popover| {
        let state = state.dispatcher();
        Callback::from(move |event: FocusEvent| {
            if browser::focus_is_visible(&event) {
                state.dispatch(Action::Open(next.clone()));
            }
        })
    };
    let close = {
        let state = state.dispatcher();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Close))
    };
    let clear_highlight = {
        let state = state.dispatcher();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Highlight(None)))
    };
    let go_back = Callback::from(|_: MouseEvent| browser::go_back());
    let popover = &state.popover;

    let attached: Vec<Annotation> = notes.value().attached(&sentences).cloned().collect();
    let detached: Vec<DetachedNote> = notes
        .value()
        .detached(&sentences)
        .map(|annotation| DetachedNote {
            suggestions: closest_sentences(pack, &annotation.sentence, 5),
            annotation: annotation.clone(),
        })
        .collect();
    let notice_text = notes.notice().map(|notice| notice.message("notes"));

    let render_segment = |index: usize, segment: &Segment| -> Html {
        let mut content = html! { { segment.text.clone() } };
        if segment.strong {
            content = html! { <strong>{ content }</strong> };
        }
        if segment.emphasis {
            content = html! { <em>{ content }</em> };
        }
        if !segment.citation.is_empty() {
            let state = Popover::Citation {
                block: index,
                numbers: segment.citation.clone(),
            };
            let expanded = popover.as_ref() == Some(&state);
            // The name holds the visible marker as written (WCAG 2.5.3, label in name),
            // after a word that says what it is; the text itself is left alone, so a
            // selection or a copy of the sentence is the paper's words.
            let word = if segment.citation.len() == 1 {
                "Reference"
            } else {
                "References"
            };
            let label = format!("{word} {}", segment.text.trim());
            content = html! {
                <button type="button" class="cite" aria-expanded={expanded.to_string()} aria-label={label}
                    onclick={open(state.clone())} onfocus={focus_open(state)}>{ content }</button>
            };
        } else if let Some(term) = &segment.term {
            let state = Popover::Term {
                block: index,
                term: term.clone(),
            };
            let expanded = popover.as_ref() == Some(&state);
            content = html! {
                <button type="button" class="term" aria-expanded={expanded.to_string()}
                    onclick={open(state.clone())} onfocus={focus_open(state)}>{ content }</button>
            };
        } else if let Some(href) = &segment.link {
            content = html! { <a href={href.clone()} rel="noopener noreferrer">{ content }</a> };
        }
        if segment.highlight {
            content = html! { <mark class="source-highlight" tabindex="-1">{ content }</mark> };
        }
        if segment.noted {
            content = html! { <span class="noted">{ content }</span> };
        }
        content
    };

    html! {
        <article class="page reader">
            <h1>{ crate::route::Route::Reader.heading("") }</h1>
            <p class="lede"><cite>{ &pack.meta.title }</cite></p>
            <div class="citation-line">
                <ArticleCitation with_authors={true} />
                { for pack.meta.text_note.iter().map(|note| html! { <>{ " " }{ note }</> }) }
            </div>
            { for pack.article_source().map(|source| html! {
                <details class="cite-block">
                    <summary>{ "Cite this case" }</summary>
                    <CiteButtons source={source.clone()} show_line={true} />
                </details>
            }) }
            <div class="reader-bottom">
                <SaveErrorBar error={state.error.clone().map(AttrValue::from)} />
                if let Some((_, quote)) = state.highlight.as_ref() {
                    <div class="highlight-bar" role="status">
                        <p>{ "Highlighted: " }<q>{ shorten(quote, 60) }</q></p>
                        <div class="button-row">
                            <button type="button" class="button secondary" onclick={go_back}>{ "\u{2190} Back" }</button>
                            <button type="button" class="button secondary" onclick={clear_highlight}>{ "Clear highlight" }</button>
                        </div>
                    </div>
                }
                if let Some((sentence, base)) = state.editing.as_ref() {
                    <NoteEditor sentence={sentence.clone()} note={base.clone()}
                        problem={state.problem.clone().map(AttrValue::from)} on_action={on_notes.clone()} />
                } else if let Some(sentence) = state.selected.as_ref() {
                    <SelectionBar sentence={sentence.clone()} bookmarked={notes.value().get(sentence).is_some_and(|a| a.bookmarked)}
                        has_note={notes.value().get(sentence).is_some_and(|a| !a.note.is_empty())} on_action={on_notes.clone()} />
                }
            </div>
            <div class="reader-layout">
                <nav class="reader-nav" aria-label="Sections of the paper">
                    <ul>
                        { for section_nav(pack).into_iter().map(|(title, anchor)| html! {
                            <li><a href={format!("#{anchor}")}>{ title }</a></li>
                        }) }
                        <li><a href="#notes">{ "Your notes" }</a></li>
                        <li><a href="#references">{ "References" }</a></li>
                        <li><a href="#glossary">{ "Glossary" }</a></li>
                        if !pack.reporting.is_empty() {
                            <li><a href={format!("#{}", route::element::REPORTING)}>{ "Reporting checklist" }</a></li>
                        }
                    </ul>
                </nav>
                <div class="reader-text">
                    { for article.iter().enumerate().map(|(index, block)| match block {
                        Block::Heading { level, text, anchor } => {
                            let tag = if *level <= 1 { "h2" } else { "h3" };
                            html! { <@{tag} id={anchor.clone()}>{ text.clone() }</@> }
                        }
                        Block::Paragraph { segments, anchors } => html! {
                            <>
                                <p class="article-paragraph">
                                    { for anchors.iter().map(|anchor| html! { <span class="quote-anchor" id={anchor.clone()}></span> }) }
                                    { for segments.iter().map(|segment| render_segment(index, segment)) }
                                </p>
                                // Always there (empty while closed): a panel that came and
                                // went would make the paragraph be rebuilt when it opens,
                                // taking the focus from the button that opened it.
                                <PopoverPanel popover_html={popover.as_ref().filter(|p| p.block() == index).map(|p| popover_body(pack, &citing, p))} on_close={close.clone()} />
                            </>
                        },
                        Block::Figure { number, caption, anchors } => {
                            let described = pack.figure(*number);
                            html! {
                                <figure class="described-figure" id={route::element::figure(*number)}>
                                    { for anchors.iter().map(|anchor| html! { <span class="quote-anchor" id={anchor.clone()}></span> }) }
                                    <div class="figure-note"><strong>{ format!("Figure {number}") }</strong>
                                        { match described {
                                            Some(figure) => html! { <>{ format!(" shows {}; the image is not reproduced here. ", figure.description) }<SourceNote provenance={figure.provenance.clone()} /></> },
                                            None => html! { { " is not reproduced here." } },
                                        } }
                                        { " The paper's caption:" }</div>
                                    <figcaption>{ caption.clone() }</figcaption>
                                </figure>
                            }
                        }
                        Block::Table { head, rows, anchors } => html! {
                            <div class="table-scroll article-table" role="region" tabindex="0"
                                aria-label={format!("Table {}", article.iter().take(index + 1).filter(|b| matches!(b, Block::Table { .. })).count())}>
                                { for anchors.iter().map(|anchor| html! { <span class="quote-anchor" id={anchor.clone()}></span> }) }
                                <table>
                                    if !head.is_empty() {
                                        <thead><tr>
                                            { for head.iter().map(|cell| html! {
                                                <th scope="col">{ for cell.iter().map(|segment| render_segment(index, segment)) }</th>
                                            }) }
                                        </tr></thead>
                                    }
                                    <tbody>
                                        { for rows.iter().map(|row| html! {
                                            <tr>
                                                { for row.iter().enumerate().map(|(column, cell)| {
                                                    let content = html! { { for cell.iter().map(|segment| render_segment(index, segment)) } };
                                                    if column == 0 {
                                                        html! { <th scope="row">{ content }</th> }
                                                    } else {
                                                        html! { <td>{ content }</td> }
                                                    }
                                                }) }
                                            </tr>
                                        }) }
                                    </tbody>
                                </table>
                                <PopoverPanel popover_html={popover.as_ref().filter(|p| p.block() == index).map(|p| popover_body(pack, &citing, p))} on_close={close.clone()} />
                            </div>
                        },
                        Block::RawText(text) => html! { <pre class="raw-text">{ text.clone() }</pre> },
                    }) }

                    <NotesList notes={attached} detached={detached} message={notice_text.or_else(|| state.message.clone()).map(AttrValue::from)}
                        on_action={on_notes.clone()} />
                    if let Some(slot) = notes.notice().and_then(|notice| notice.slot()) {
                        <KeptAsideDownload label="Download the saved notes as they were" slot={slot.to_owned()} />
                    }

                    <section aria-labelledby="references">
                        <h2 id="references">{ "References" }</h2>
                        <p class="muted">{ "The text we have gives the references as numbers only; each is shown with what is known of it and the sentences that cite it." }</p>
                        <ol class="references">
                            { for pack.references.iter().map(|reference| html! {
                                <li id={route::element::reference(reference.number)} value={reference.number.to_string()}>
                                    <p>{ &reference.known }{ " " }<StatusBadge status={reference.status} />
                                        { for reference.source.as_ref().map(|source| html! {
                                            <>{ " " }<a href={route::href(&Target::Source(source.clone()))}>{ "Source details" }</a></>
                                        }) }
                                    </p>
                                    <details class="citing">
                                        <summary>{ "Sentences that cite it" }</summary>
                                        <ul>{ for citing.get(&reference.number).into_iter().flatten().map(|s| html! { <li>{ s.clone() }</li> }) }</ul>
                                    </details>
                                </li>
                            }) }
                        </ol>
                    </section>

                    <section aria-labelledby="glossary">
                        <h2 id="glossary">{ "Glossary" }</h2>
                        <dl class="glossary">
                            { for pack.glossary.iter().map(|entry| html! {
                                <div id={route::element::term(&entry.id)}>
                                    <dt>{ &entry.term }</dt>
                                    <dd>{ &entry.definition }{ " " }<SourceNote provenance={entry.provenance.clone()} /></dd>
                                </div>
                            }) }
                        </dl>
                    </section>

                    <ReportingMap />
                </div>
            </div>
        </article>
    }
}

/// Properties of [`PopoverPanel`].
#[derive(Properties, PartialEq, Clone)]
struct PopoverPanelProps {
    /// What the open panel says; `None` while closed.
    popover_html: Option<Html>,
    on_close: Callback<MouseEvent>,
}

/// The panel under a paragraph that holds a reference's or a term's details.
#[component]
fn PopoverPanel(props: &PopoverPanelProps) -> Html {
    let Some(body) = props.popover_html.clone() else {
        return Html::default();
    };
    html! {
        <aside class="popover" aria-live="polite">
            <button type="button" class="button secondary popover-close" onclick={props.on_close.clone()}>{ "Close" }</button>
            { body }
        </aside>
    }
}

/// What a popover says: each cited reference with what is known and where else it is
/// cited, or a term's definition with its source.
fn popover_body(
    pack: &CasePack,
    citing: &std::collections::BTreeMap<u32, Vec<String>>,
    popover: &Popover,
) -> Html {
    match popover {
        Popover::Citation { numbers, .. } => html! {
            { for numbers.iter().map(|number| {
                let reference = pack.reference(*number);
                let citing = citing.get(number).cloned().unwrap_or_default();
                html! {
                    <div class="popover-item">
                        <p class="popover-title">{ format!("Reference {number}") }
                            { for reference.map(|r| html! { <>{ " " }<StatusBadge status={r.status} /></> }) }</p>
                        <p>{ reference.map(|r| r.known.clone()).unwrap_or_else(|| "Not identified: the text has the number only.".to_owned()) }</p>
                        if citing.len() > 1 {
                            <p class="muted small">{ format!("Cited in {} sentences:", citing.len()) }</p>
                            <ul class="small">{ for citing.iter().map(|s| html! { <li>{ s.clone() }</li> }) }</ul>
                        }
                        <p class="small"><a href={format!("#{}", route::element::reference(*number))}>{ "In the reference list" }</a></p>
                    </div>
                }
            }) }
        },
        Popover::Term { term, .. } => match pack.term(term.as_str()) {
            Some(entry) => html! {
                <div class="popover-item">
                    <p class="popover-title">{ &entry.term }</p>
                    <p>{ &entry.definition }</p>
                    <SourceNote provenance={entry.provenance.clone()} />
                    <p class="small"><a href={format!("#{}", route::element::term(&entry.id))}>{ "In the glossary" }</a></p>
                </div>
            },
            None => Html::default(),
        },
    }
}

/// Merges the notes (and any study progress) of an imported file into what is stored, and
/// says what happened; on a refusal nothing changed.
fn import_outcome(
    notes: &SavedHandle<Notes>,
    pack: &CasePack,
    imported: Notes,
    study: Option<Progress>,
) -> String {
    let detached = imported
        .detached(&casebook_core::notes::ArticleSentences::of(pack))
        .count();
    let added = std::cell::Cell::new(0);
    if let Err(reason) = notes.update(|all| {
        all.merge(imported)
            .map(|count| added.set(count))
            .map_err(|problems| problems.join(" "))
    }) {
        return format!("The file was not imported, and nothing changed: {reason}");
    }
    let study_note = match study {
        Some(study) => match storage::update::<Progress>(
            &storage::study_key(&pack.meta.id),
            pack,
            |progress| {
                progress.merge(pack, study);
                Ok(())
            },
        ) {
            Ok(_) => " Study progress in the file was merged too.".to_owned(),
            Err(error) => format!(
                " The study progress in the file was not merged: {}",
                error.message("study progress")
            ),
        },
        None => String::new(),
    };
    let detached_note = if detached > 0 {
        format!(" {detached} of the notes are on sentences this version of the case does not have; they are listed apart, to attach or remove.")
    } else {
        String::new()
    };
    format!(
        "Imported: {} new sentences; existing notes were kept and merged.{detached_note}{study_note}",
        added.get()
    )
}
