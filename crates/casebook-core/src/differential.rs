//! The differential engine: from answered findings to ranked diagnoses, in words.
//!
//! No probabilities or likelihood ratios exist in the sources for this setting, so none
//! are computed. Each answered finding triggers the pack's rules (supports, weighs against,
//! rules out), and a diagnosis's status follows from them deterministically:
//!
//! - **ruled out** if any answer rules it out;
//! - otherwise **supported** if more answers support it than weigh against it;
//! - **less likely** if more weigh against it than support it;
//! - **possible** if they balance (including when no answer bears on it yet).
//!
//! Diagnoses are ranked by status, then by (supports − weighs against), then by their
//! order in the pack. Every status comes with the rules that produced it.

use std::collections::BTreeMap;

use crate::ids::{DiagnosisId, FindingId, ItemId};
use crate::model::{Answer, CasePack, Diagnosis, Effect, Finding, Rule, WorkedAnswer};

/// A diagnosis's standing given the answers so far.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Standing {
    /// More answers support it than weigh against it, and none rules it out.
    Supported,
    /// The answers balance, or none bears on it yet.
    Possible,
    /// More answers weigh against it than support it.
    LessLikely,
    /// An answer rules it out.
    RuledOut,
}

impl Standing {
    /// The mark shown beside the word: a shape as well as a colour, so colour is never
    /// the only signal.
    pub fn mark(self) -> &'static str {
        match self {
            Standing::Supported => "\u{25b2}",
            Standing::Possible => "\u{25cf}",
            Standing::LessLikely => "\u{25bc}",
            Standing::RuledOut => "\u{2715}",
        }
    }

    /// The word shown.
    pub fn label(self) -> &'static str {
        match self {
            Standing::Supported => "supported",
            Standing::Possible => "possible",
            Standing::LessLikely => "less likely",
            Standing::RuledOut => "ruled out",
        }
    }

    /// A stable token for CSS classes and tests.
    pub fn token(self) -> &'static str {
        match self {
            Standing::Supported => "supported",
            Standing::Possible => "possible",
            Standing::LessLikely => "less-likely",
            Standing::RuledOut => "ruled-out",
        }
    }
}

/// The answers given so far; findings not in here are unanswered.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answers(BTreeMap<FindingId, Answer>);

impl Answers {
    /// No answers.
    pub fn new() -> Self {
        Self::default()
    }

    /// The answer to a finding, if given ("not done" counts as given).
    pub fn get(&self, finding: &FindingId) -> Option<Answer> {
        self.0.get(finding).copied()
    }

    /// Sets (or with `None`, clears) the answer to a finding.
    pub fn set(&mut self, finding: FindingId, answer: Option<Answer>) {
        match answer {
            Some(answer) => {
                self.0.insert(finding, answer);
            }
            None => {
                self.0.remove(&finding);
            }
        }
    }

    /// Number of answered findings.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The findings whose answer differs from `before`, each with its answer now (`None`:
    /// cleared), in the findings' id order: what one change of the checklist did.
    pub fn changed_since(&self, before: &Answers) -> Vec<(FindingId, Option<Answer>)> {
        let mut ids: Vec<&FindingId> = self.0.keys().chain(before.0.keys()).collect();
        ids.sort();
        ids.dedup();
        ids.into_iter()
            .filter(|id| self.get(id) != before.get(id))
            .map(|id| (id.clone(), self.get(id)))
            .collect()
    }

    /// True when nothing is answered.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Undoes a replacement of the answers (`before` became `after`), applied to `self`,
    /// the answers as they are now: an answer still as the replacement left it returns
    /// to what it was before; one changed since (in this tab or another) is kept. So an
    /// undo never takes back a later answer.
    pub fn undo_replacement(&self, before: &Answers, after: &Answers) -> Answers {
        let mut ids: Vec<&FindingId> = self
            .0
            .keys()
            .chain(before.0.keys())
            .chain(after.0.keys())
            .collect();
        ids.sort();
        ids.dedup();
        let mut undone = Answers::new();
        for id in ids {
            let now = self.get(id);
            let answer = if now == after.get(id) {
                before.get(id)
            } else {
                now
            };
            undone.set(id.clone(), answer);
        }
        undone
    }

    /// Encodes the answers for a link or for storage: `id:y,id:n,id:x`, in id order.
    pub fn encode(&self) -> String {
        self.0
            .iter()
            .map(|(finding, answer)| format!("{finding}:{}", answer_code(*answer)))
            .collect::<Vec<_>>()
            .join(",")
    }

    /// Decodes [`Answers::encode`], keeping only findings the pack has. Unknown findings
    /// or malformed parts are reported (at most [`crate::saved::MAX_PROBLEMS`], each
    /// quoting at most a few words of the text), not guessed at. Linear in the text's
    /// length whatever the pack's size, so a huge link cannot stall the page.
    pub fn decode(pack: &CasePack, text: &str) -> (Answers, Vec<String>) {
        use crate::saved::{cap_problems, shorten_quoted};
        let findings: std::collections::HashMap<&str, &FindingId> = pack
            .findings
            .iter()
            .map(|finding| (finding.id.as_str(), &finding.id))
            .collect();
        let mut answers = Answers::new();
        let mut problems = Vec::new();
        let mut contradicted = std::collections::HashSet::new();
        for part in text.split(',').filter(|part| !part.is_empty()) {
            let Some((id, code)) = part.split_once(':') else {
                problems.push(format!(
                    "\"{}\" is not finding:answer",
                    shorten_quoted(part)
                ));
                continue;
            };
            let Some(finding) = findings.get(id) else {
                problems.push(format!(
                    "this case has no finding \"{}\"",
                    shorten_quoted(id)
                ));
                continue;
            };
            match answer_from_code(code) {
                // The same finding answered twice, differently: which was meant is not
                // guessed; it is left unanswered and said.
                Some(_) if contradicted.contains(*finding) => {}
                Some(answer) => match answers.get(finding) {
                    Some(earlier) if earlier != answer => {
                        answers.set((*finding).clone(), None);
                        contradicted.insert(*finding);
                        problems.push(format!(
                            "the finding \"{}\" is answered twice, differently",
                            shorten_quoted(id)
                        ));
                    }
                    _ => answers.set((*finding).clone(), Some(answer)),
                },
                None => problems.push(format!(
                    "\"{}\" is not an answer (y, n or x)",
                    shorten_quoted(code)
                )),
            }
        }
        (answers, cap_problems(problems))
    }
}

fn answer_code(answer: Answer) -> char {
    match answer {
        Answer::Yes => 'y',
        Answer::No => 'n',
        Answer::NotDone => 'x',
    }
}

fn answer_from_code(code: &str) -> Option<Answer> {
    match code {
        "y" => Some(Answer::Yes),
        "n" => Some(Answer::No),
        "x" => Some(Answer::NotDone),
        _ => None,
    }
}

/// One rule that fired, with its finding.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Reason<'p> {
    /// The finding answered.
    pub finding: &'p Finding,
    /// The rule that fired (its answer, effect, rationale and provenance).
    pub rule: &'p Rule,
}

/// A diagnosis with its standing and the reasons for it.
#[derive(Clone, Debug, PartialEq)]
pub struct Assessment<'p> {
    /// The diagnosis.
    pub diagnosis: &'p Diagnosis,
    /// Its standing.
    pub standing: Standing,
    /// Answers that support it.
    pub supports: Vec<Reason<'p>>,
    /// Answers that weigh against it.
    pub against: Vec<Reason<'p>>,
    /// Answers that rule it out.
    pub rules_out: Vec<Reason<'p>>,
}

impl Assessment<'_> {
    /// Supports minus weighs-against: the tie-breaker within a standing.
    pub fn balance(&self) -> i64 {
        self.supports.len() as i64 - self.against.len() as i64
    }
}

fn standing_of(supports: usize, against: usize, rules_out: usize) -> Standing {
    if rules_out > 0 {
        Standing::RuledOut
    } else if supports > against {
        Standing::Supported
    } else if against > supports {
        Standing::LessLikely
    } else {
        Standing::Possible
    }
}

/// Assesses every diagnosis of the pack against the answers, ranked (see module docs).
pub fn assess<'p>(pack: &'p CasePack, answers: &Answers) -> Vec<Assessment<'p>> {
    let mut assessments: Vec<Assessment<'p>> = pack
        .diagnoses
        .iter()
        .map(|diagnosis| {
            let mut supports = Vec::new();
            let mut against = Vec::new();
            let mut rules_out = Vec::new();
            for rule in pack
                .rules
                .iter()
                .filter(|rule| rule.diagnosis == diagnosis.id)
            {
                if answers.get(&rule.finding) != Some(rule.answer) {
                    continue;
                }
                let Some(finding) = pack
                    .findings
                    .iter()
                    .find(|finding| finding.id == rule.finding)
                else {
                    continue;
                };
                let reason = Reason { finding, rule };
                match rule.effect {
                    Effect::Supports => supports.push(reason),
                    Effect::WeighsAgainst => against.push(reason),
                    Effect::RulesOut => rules_out.push(reason),
                }
            }
            let standing = standing_of(supports.len(), against.len(), rules_out.len());
            Assessment {
                diagnosis,
                standing,
                supports,
                against,
                rules_out,
            }
        })
        .collect();
    // Stable sort: equal standing and balance keep the pack's order.
    assessments.sort_by(|a, b| {
        a.standing
            .cmp(&b.standing)
            .then(b.balance().cmp(&a.balance()))
    });
    assessments
}

/// How one unanswered finding would move one diagnosis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shift {
    /// The diagnosis.
    pub diagnosis: DiagnosisId,
    /// Its standing now.
    pub now: Standing,
    /// Its standing if the answer were yes.
    pub if_yes: Standing,
    /// Its standing if the answer were no.
    pub if_no: Standing,
}

impl Assessment<'_> {
    /// The counts that order this diagnosis within its standing, in words ([`tally`]).
    pub fn tally(&self) -> String {
        tally(
            self.supports.len(),
            self.against.len(),
            self.rules_out.len(),
        )
    }
}

impl Shift {
    /// What each answer would do to the diagnosis, said so that it cannot be misread:
    /// whether its standing would change or stay as the other answers leave it ("if yes,
    /// it becomes possible; if no, it stays supported", not "supported if no", which reads
    /// as if a no were the reason).
    pub fn words(&self) -> String {
        let outcome = |after: Standing| {
            if after == self.now {
                format!("it stays {}", after.label())
            } else {
                format!("it becomes {}", after.label())
            }
        };
        format!(
            "now {}: if yes, {}; if no, {}",
            self.now.label(),
            outcome(self.if_yes),
            outcome(self.if_no)
        )
    }
}

/// How many answers bear on a diagnosis, each way, in words: "2 answers weigh against it
/// and none supports it". Within a standing the engine orders diagnoses by these counts
/// (answers for minus answers against, then the case pack's order), so the card says them:
/// a count of reasons, not a probability.
pub fn tally(supports: usize, against: usize, rules_out: usize) -> String {
    let answers = |n: usize| {
        if n == 1 {
            "1 answer".to_owned()
        } else {
            format!("{n} answers")
        }
    };
    let verb = |n: usize, one: &str, many: &str| {
        if n == 1 {
            one.to_owned()
        } else {
            many.to_owned()
        }
    };
    let mut parts = Vec::new();
    if rules_out > 0 {
        parts.push(format!(
            "{} {} it out",
            answers(rules_out),
            verb(rules_out, "rules", "rule")
        ));
    }
    match (supports, against) {
        (0, 0) if rules_out == 0 => return "No answer bears on it yet.".to_owned(),
        (0, 0) => {}
        (0, against) => parts.push(format!(
            "{} {} against it and none supports it",
            answers(against),
            verb(against, "weighs", "weigh")
        )),
        (supports, 0) => parts.push(format!(
            "{} {} it and none weighs against it",
            answers(supports),
            verb(supports, "supports", "support")
        )),
        (supports, against) => parts.push(format!(
            "{} {} it, {} {} against it",
            answers(supports),
            verb(supports, "supports", "support"),
            against,
            verb(against, "weighs", "weigh")
        )),
    }
    let mut sentence = parts.join("; ");
    if supports + against > 0 {
        let balance = supports as i64 - against as i64;
        let sign = match balance {
            b if b > 0 => "+",
            b if b < 0 => "\u{2212}",
            _ => "\u{b1}",
        };
        sentence.push_str(&format!(" (balance {sign}{})", balance.unsigned_abs()));
    }
    sentence.push('.');
    sentence
}

/// An unanswered finding that would change the picture, with how.
#[derive(Clone, Debug, PartialEq)]
pub struct Discriminator<'p> {
    /// The finding to ask next.
    pub finding: &'p Finding,
    /// Still-open diagnoses whose standing differs between a yes and a no.
    pub separates: usize,
    /// The diagnoses it would move.
    pub shifts: Vec<Shift>,
}

/// The unanswered findings that would change the picture most, best first.
///
/// For each unanswered finding the engine assesses the case twice, as if answered yes
/// and as if answered no, and counts the diagnoses not already ruled out whose standing
/// differs between the two: the more it separates, the more the answer settles.
/// Ties keep the pack's order. Findings that would change nothing are left out.
pub fn next_questions<'p>(
    pack: &'p CasePack,
    answers: &Answers,
    limit: usize,
) -> Vec<Discriminator<'p>> {
    let now: BTreeMap<&DiagnosisId, Standing> = assess(pack, answers)
        .into_iter()
        .map(|a| (&a.diagnosis.id, a.standing))
        .collect();
    let mut found: Vec<Discriminator<'p>> = pack
        .findings
        .iter()
        .filter(|finding| answers.get(&finding.id).is_none())
        .filter_map(|finding| {
            let with = |answer| {
                let mut hypothetical = answers.clone();
                hypothetical.set(finding.id.clone(), Some(answer));
                assess(pack, &hypothetical)
                    .into_iter()
                    .map(|a| (a.diagnosis.id.clone(), a.standing))
                    .collect::<BTreeMap<DiagnosisId, Standing>>()
            };
            let yes = with(Answer::Yes);
            let no = with(Answer::No);
            let shifts: Vec<Shift> = pack
                .diagnoses
                .iter()
                .filter(|diagnosis| now.get(&diagnosis.id) != Some(&Standing::RuledOut))
                .filter(|diagnosis| yes[&diagnosis.id] != no[&diagnosis.id])
                .map(|diagnosis| Shift {
                    diagnosis: diagnosis.id.clone(),
                    now: now[&diagnosis.id],
                    if_yes: yes[&diagnosis.id],
                    if_no: no[&diagnosis.id],
                })
                .collect();
            (!shifts.is_empty()).then_some(Discriminator {
                finding,
                separates: shifts.len(),
                shifts,
            })
        })
        .collect();
    found.sort_by_key(|discriminator| std::cmp::Reverse(discriminator.separates));
    found.truncate(limit);
    found
}

/// The published case's answers, all at once.
pub fn worked_example_answers(pack: &CasePack) -> Answers {
    let mut answers = Answers::new();
    for step in &pack.worked_example {
        answers.set(step.finding.clone(), Some(step.answer));
    }
    answers
}

/// The published case's answers in the order they became known: step `k` holds the
/// answers of steps `0..=k`.
pub fn worked_example_steps(pack: &CasePack) -> Vec<(&WorkedAnswer, Answers)> {
    let mut answers = Answers::new();
    pack.worked_example
        .iter()
        .map(|step| {
            answers.set(step.finding.clone(), Some(step.answer));
            (step, answers.clone())
        })
        .collect()
}

/// Ticked work-up and management items, encoded like answers: `id,id`.
pub fn encode_ticks(ticks: &[ItemId]) -> String {
    let mut ids: Vec<&str> = ticks.iter().map(ItemId::as_str).collect();
    ids.sort_unstable();
    ids.dedup();
    ids.join(",")
}

/// Decodes [`encode_ticks`]: the ticked items this pack has, and each id it does not
/// have, reported (at most [`crate::saved::MAX_PROBLEMS`]), never dropped unsaid.
pub fn decode_ticks(pack: &CasePack, text: &str) -> (Vec<ItemId>, Vec<String>) {
    use crate::saved::{cap_problems, shorten_quoted};
    let items: std::collections::HashMap<&str, &ItemId> = pack
        .workup
        .iter()
        .map(|item| (item.id.as_str(), &item.id))
        .collect();
    let mut ticks = Vec::new();
    let mut problems = Vec::new();
    for id in text.split(',').filter(|id| !id.is_empty()) {
        match items.get(id) {
            Some(item) => ticks.push((*item).clone()),
            None => problems.push(format!(
                "this case has no work-up item \"{}\"",
                shorten_quoted(id)
            )),
        }
    }
    (ticks, cap_problems(problems))
}
