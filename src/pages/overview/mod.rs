//! `/`: the case in five lines, the key message, and the way into each view.

use casebook_core::SourcedText;
use yew::prelude::*;
use yew_router::prelude::*;

pub mod summary;

use crate::components::citation::ArticleCitation;
use crate::components::cite_this::CiteButtons;
use crate::components::kept_aside::KeptAsideList;
use crate::components::library::CaseLibrary;
use crate::components::provenance::SourceNote;
use crate::components::registry_caveat::RegistryCaveat;
use crate::components::status_badge::StatusBadge;
use crate::pack::use_pack;
use crate::route::{nav_entries, Route};
use summary::CaseSummary;

/// The overview page.
#[component]
pub fn Overview() -> Html {
    let pack = use_pack();
    let pack = &*pack;
    let article_source = pack.article_source();
    let sourced = |line: &SourcedText| {
        html! {
            <>
                { &line.text }
                { " " }<SourceNote provenance={line.provenance.clone()} />
                if line.registry_counts {
                    <RegistryCaveat />
                }
            </>
        }
    };
    html! {
        <article class="page overview">
            <h1>{ crate::route::Route::Overview.heading(pack.meta.heading()) }</h1>
            <p class="lede">{ "One published case report, made explorable: the case as a timeline, against similar cases, as a differential checklist, and the paper itself." }</p>
            <section aria-labelledby="case-heading">
                <h2 id="case-heading">{ "The case in five lines" }</h2>
                <ol class="summary-lines">
                    { for pack.summary.iter().map(|line| html! { <li>{ sourced(line) }</li> }) }
                </ol>
            </section>
            <section class="key-message" aria-labelledby="key-heading">
                <h2 id="key-heading">{ "Key message" }</h2>
                <div class="key-message-text">{ sourced(&pack.key_message) }</div>
            </section>
            <DueCards />
            <section aria-labelledby="views-heading">
                <h2 id="views-heading">{ "Explore" }</h2>
                <ul class="view-cards">
                    { for nav_entries().into_iter().filter(|entry| entry.route != Route::Overview).map(|entry| html! {
                        <li>
                            <Link<Route> to={entry.route.clone()} classes="view-card">
                                <span class="view-card-title">{ entry.label }</span>
                                <span class="view-card-text">{ entry.answers_for(&pack.views) }</span>
                            </Link<Route>>
                        </li>
                    }) }
                </ul>
            </section>
            <section class="print-summary" aria-labelledby="print-summary-heading">
                <h2 id="print-summary-heading">{ "For a class" }</h2>
                <p>{ "The case, its key message, the reasoning on the published findings, the work-up and the caveats, on one printed page." }</p>
                <button type="button" class="button secondary" onclick={Callback::from(|_| crate::browser::print())}>{ "Print a one-page case summary" }</button>
            </section>
            <CaseSummary />
            <CaseLibrary />
            <KeptAsideList />
            <section class="about" aria-labelledby="about-heading">
                <h2 id="about-heading">{ "What this is, and what it is not" }</h2>
                <p><strong>{ "For education; not for decisions about a patient." }</strong>
                    { " Casebook is a study aid built on one case report and the literature around it. It is not a diagnostic device, holds no patient data, and works offline; nothing you enter leaves this device." }</p>
                <p>{ "Every clinical fact carries its source and a status: " }
                    <StatusBadge status={casebook_core::Status::Seed} />{ " stated in the case report, " }
                    <StatusBadge status={casebook_core::Status::Verified} />{ " read in another paper, " }
                    <StatusBadge status={casebook_core::Status::Secondary} />{ " read only in a summary, " }
                    <StatusBadge status={casebook_core::Status::Unverified} />{ " not confirmed. What a source does not give is shown as \u{201c}not reported\u{201d}." }</p>
                <div class="citation">{ "Case report: " }<ArticleCitation with_title={true} with_authors={true} /></div>
                { for article_source.map(|source| html! {
                    <div class="cite-block">
                        <h3>{ "Cite this case" }</h3>
                        <CiteButtons source={source.clone()} show_line={true} />
                    </div>
                }) }
            </section>
        </article>
    }
}

/// Today's flashcards, read from this device after hydration (the prerendered page holds
/// an empty line, marked `data-client-layout` because it is filled on the device).
#[component]
fn DueCards() -> Html {
    let pack = use_pack();
    let due = use_state(|| None::<(usize, usize)>);
    {
        let due = due.clone();
        let pack = pack.clone();
        use_effect_with((), move |_| {
            let pack = &*pack;
            due.set(Some(crate::study_store::cards_due_today(pack)));
        });
    }
    html! {
        <p class="due-cards" data-client-layout="">
            { for due.filter(|(old, new)| old + new > 0).map(|(old, new)| html! {
                <>
                    <strong>{ "Flashcards today: " }</strong>
                    { format!("{old} due for review, {new} new. ") }
                    <a href={format!("{}#{}", Route::Study.to_path(), crate::route::element::FLASHCARDS)}>{ "Review them" }</a>
                </>
            }) }
        </p>
    }
}
