//! `/search?q=`: full-text search over the paper, glossary, timeline, comparison and
//! differential, updated as the user types. Indexing, matching (spelling variants, typing
//! slips, prefixes) and highlighting are the core's (`casebook_core::search`).
//!
//! The form works without script (a GET to `/search?q=`); with script the query is read
//! from the address after hydration and kept in it as the user types, so a search can be
//! shared or bookmarked.

use std::rc::Rc;

use casebook_core::notes::Notes;
use casebook_core::search::{grouped, Index};
use yew::prelude::*;

use crate::browser;
use crate::components::registry_caveat::RegistryCaveat;
use crate::pack::use_pack;
use crate::route;
use crate::storage;

/// Results shown per group before "more" is needed.
const PER_GROUP: usize = 8;
/// About how many characters of a result's text are shown around its first match.
const SNIPPET: usize = 220;
/// The address follows the query once typing pauses this long (ms): rewriting it on
/// every keystroke cost more than the search itself.
const ADDRESS_DELAY_MS: u32 = 300;

/// The longest query written into the address (characters).
const MAX_ADDRESS_QUERY: usize = 500;

/// The search page.
#[component]
pub fn Search() -> Html {
    let loaded = use_pack();
    let query = use_state(String::new);
    // The student's own notes are read from the device after hydration (the prerendered
    // page knows none), and searched with the rest.
    let notes = use_state(|| None::<Rc<Notes>>);
    {
        let (notes, loaded) = (notes.clone(), loaded.clone());
        use_effect_with((), move |_| {
            let mine = storage::peek::<Notes>(&loaded);
            if !mine.is_empty() {
                notes.set(Some(Rc::new(mine)));
            }
        });
    }
    let index = {
        let loaded = loaded.clone();
        use_memo((*notes).clone(), move |notes| match notes {
            Some(notes) => Index::with_notes(&loaded, notes),
            None => Index::new(&loaded),
        })
    };
    {
        let query = query.clone();
        use_effect_with((), move |_| {
            if let Some(q) = browser::query_param("q") {
                query.set(q);
            }
        });
    }
    // The pending address update; replacing it cancels the one before.
    let address_update = use_mut_ref(|| None::<browser::Timer>);
    // After every hook (hooks must run in the same order on every render).
    let pack = &*loaded;
    let on_input = {
        let query = query.clone();
        let address_update = address_update.clone();
        Callback::from(move |event: InputEvent| {
            let value = browser::input_value(&event);
            // A query longer than anyone types (a paste of a page) is searched, but not
            // written into the address: an address that long breaks sharing and history.
            let for_address = if value.chars().count() <= MAX_ADDRESS_QUERY {
                value.clone()
            } else {
                String::new()
            };
            *address_update.borrow_mut() = Some(browser::later(ADDRESS_DELAY_MS, move || {
                browser::replace_query("q", &for_address)
            }));
            query.set(value);
        })
    };
    let on_submit = Callback::from(|event: SubmitEvent| event.prevent_default());

    let trimmed = query.trim().to_owned();
    // The query as the status line repeats it: a long paste is not echoed whole.
    let echoed = casebook_core::saved::shorten(&trimmed, 80);
    let hits = match &*index {
        index if !trimmed.is_empty() => index.search(&trimmed),
        _ => Vec::new(),
    };
    let groups = grouped(&hits);
    let total = hits.len();

    html! {
        <article class="page search">
            <h1>{ crate::route::Route::Search.heading("") }</h1>
            <form class="search-form" role="search" action="/search" method="get" onsubmit={on_submit}>
                <label for="search-q">{ "Search everything: the paper, glossary, overview, timeline, comparison, checklist, study questions, sources and your own notes" }</label>
                <input id="search-q" class="search-input" type="search" name="q" value={(*query).clone()}
                    oninput={on_input} autocomplete="off" spellcheck="false"
                    placeholder={pack.views.search_examples.clone().map_or_else(|| "e.g. a symptom, a test or a drug".to_owned(), |examples| format!("e.g. {examples}"))} />
                <p class="muted small">{ "British and American spellings find each other, and a small typing slip is forgiven." }</p>
            </form>
            // One status line, always in the page and changed in place, so screen
            // readers announce the count (a live region inserted with its text, or one
            // around the whole list, would go unheard or read every result out).
            <div class="search-results">
                <p role="status" class={classes!(trimmed.is_empty().then_some("muted"), (!trimmed.is_empty() && total == 0).then_some("notice"))}>
                    if trimmed.is_empty() {
                        { "Type a word to search. Results appear as you type." }
                    } else if total == 0 {
                        { format!("Nothing matches \u{201c}{echoed}\u{201d}. Try fewer words or another spelling.") }
                    } else {
                        { format!("{total} {} for \u{201c}{echoed}\u{201d}", if total == 1 { "result" } else { "results" }) }
                    }
                </p>
                if total > 0 {
                    { for groups.iter().map(|(kind, hits)| html! {
                        <section class="result-group" aria-label={kind.label()}>
                            <h2>{ format!("{} ({})", kind.label(), hits.len()) }</h2>
                            <ol class="results">
                                { for hits.iter().take(PER_GROUP).map(|hit| {
                                    let document = hit.document;
                                    // Keyed by the document's place in the index (kept for the
                                    // page's life): addresses can repeat in an imported pack.
                                    let key = std::ptr::from_ref(document) as usize;
                                    html! {
                                        <li class="result" {key}>
                                            <a href={route::href(&document.target)}>
                                                if !document.title.is_empty() {
                                                    <span class="result-title">{ for hit.highlight(&document.title).into_iter().map(piece) }</span>
                                                }
                                                <span class="result-text">{ for hit.snippet(&document.text, SNIPPET).into_iter().map(piece) }</span>
                                            </a>
                                            if document.registry_counts {
                                                <RegistryCaveat />
                                            }
                                        </li>
                                    }
                                }) }
                            </ol>
                            if hits.len() > PER_GROUP {
                                <p class="muted small">{ format!("and {} more; add a word to narrow the search.", hits.len() - PER_GROUP) }</p>
                            }
                        </section>
                    }) }
                }
            </div>
        </article>
    }
}

/// A piece of highlighted text.
fn piece((text, marked): (String, bool)) -> Html {
    if marked {
        html! { <mark>{ text }</mark> }
    } else {
        html! { { text } }
    }
}
