//! Progressive hydration: parts of a page below its first screen are hydrated a moment
//! after the rest, each in a task of its own, so loading never blocks the main thread in
//! one long task (Lighthouse's total blocking time) and the first screen answers sooner.
//!
//! The prerendered HTML of a deferred part stays on screen and readable (its links work)
//! while it waits: Yew keeps a suspended part's server-rendered nodes during hydration
//! and hydrates its children when the suspension resumes. Only the first render after
//! page load is deferred; a part created later (navigation inside the app) renders at
//! once. The prerender never suspends, so both sides render the same markup.
//!
//! The page counts as hydrated (`data-hydrated` on `<html>`, which the tests and the
//! benchmarks wait for) once every deferred part has hydrated; see [`finish_when_done`].

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

use yew::prelude::*;
use yew::suspense::{Suspension, SuspensionHandle, SuspensionResult};

thread_local! {
    /// True from the start of hydration until the first render pass has run.
    static HYDRATING: Cell<bool> = const { Cell::new(false) };
    /// Deferred parts created during hydration that have not hydrated yet.
    static WAITING: Cell<usize> = const { Cell::new(0) };
    /// Their suspensions, in page order, resumed one at a time.
    static QUEUE: RefCell<VecDeque<SuspensionHandle>> = const { RefCell::new(VecDeque::new()) };
    /// Whether the whole page has hydrated (set once).
    static FINISHED: Cell<bool> = const { Cell::new(false) };
}

/// Marks the start of hydration; called by the entry point just before it hydrates.
pub fn start_hydration() {
    HYDRATING.with(|h| h.set(true));
}

/// Called once the first render pass has run (the root's first effect): parts created
/// from now on are not deferred, and if none is waiting the page is hydrated.
pub fn first_pass_done() {
    HYDRATING.with(|h| h.set(false));
    resume_next();
}

/// Resumes the next waiting part in a task of its own, or marks the page hydrated when
/// none is left. One at a time, each after the one before has rendered: resumed
/// together they would all render in Yew's next scheduler run, in one long task.
fn resume_next() {
    match QUEUE.with(|queue| queue.borrow_mut().pop_front()) {
        #[cfg(target_arch = "wasm32")]
        Some(handle) => {
            gloo::timers::callback::Timeout::new(0, move || handle.resume()).forget();
        }
        #[cfg(not(target_arch = "wasm32"))]
        Some(handle) => handle.resume(),
        None => finish_when_done(),
    }
}

/// Marks the page hydrated once no deferred part is waiting.
fn finish_when_done() {
    if WAITING.with(Cell::get) == 0 && !FINISHED.with(|f| f.replace(true)) {
        #[cfg(target_arch = "wasm32")]
        if let Some(root) = gloo::utils::document().document_element() {
            let now = gloo::utils::window()
                .performance()
                .map(|p| p.now())
                .unwrap_or_default();
            let _ = root.set_attribute("data-hydrated-at", &format!("{}", now.round()));
            let _ = root.set_attribute("data-hydrated", "true");
        }
    }
}

/// Properties of [`Deferred`].
#[derive(Properties, PartialEq, Clone)]
pub struct DeferredProps {
    /// The part of the page to hydrate later.
    pub children: Html,
}

/// A part of a page hydrated after the rest (see the module's note). It adds no element.
#[component]
pub fn Deferred(props: &DeferredProps) -> Html {
    html! {
        <Suspense fallback={Html::default()}>
            <Later>{ props.children.clone() }</Later>
        </Suspense>
    }
}

/// Renders its children, after a wait when created during hydration.
#[component]
fn Later(props: &DeferredProps) -> HtmlResult {
    let waited = use_wait_when_hydrating()?;
    use_effect_with((), move |_| {
        if waited {
            WAITING.with(|w| w.set(w.get().saturating_sub(1)));
            resume_next();
        }
    });
    Ok(props.children.clone())
}

/// Suspends the first render when it happens during hydration, until its turn comes
/// (see [`resume_next`]; the browser runs what is waiting, input included, in between).
/// Returns whether it waited.
#[hook]
fn use_wait_when_hydrating() -> SuspensionResult<bool> {
    let suspension = use_memo((), |_| {
        if !HYDRATING.with(Cell::get) {
            return None;
        }
        let (suspension, handle) = Suspension::new();
        WAITING.with(|w| w.set(w.get() + 1));
        QUEUE.with(|queue| queue.borrow_mut().push_back(handle));
        Some(suspension)
    });
    match suspension.as_ref() {
        Some(suspension) if !suspension.resumed() => Err(suspension.clone()),
        Some(_) => Ok(true),
        None => Ok(false),
    }
}
