//! Study questions: the pack's questions by topic or drawn at random (reproducibly, from a
//! seed the caller chooses), and the verdict on a single-best-answer choice with its
//! reason. Short answers are compared by the student with the model answer: no score is
//! given that the app cannot justify.
//!
//! Submodules: [`stages`] (the case revealed stage by stage, with feedback on the
//! student's ranking), [`cards`] (flashcards from the pack's facts), [`sm2`] (the
//! spaced-repetition schedule) and [`progress`] (what is saved, versioned).

pub mod cards;
pub mod progress;
pub mod sm2;
pub mod stages;

use crate::model::{CasePack, Question, QuestionKind};

/// The topics of the pack's questions, in first-seen order.
pub fn topics(pack: &CasePack) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for question in &pack.questions {
        if !out.contains(&question.topic.as_str()) {
            out.push(&question.topic);
        }
    }
    out
}

/// The questions of `topic` (all with `None`), in pack order, or shuffled by `seed`.
pub fn draw<'a>(pack: &'a CasePack, topic: Option<&str>, seed: Option<u64>) -> Vec<&'a Question> {
    let mut chosen: Vec<&Question> = pack
        .questions
        .iter()
        .filter(|question| topic.is_none_or(|topic| question.topic == topic))
        .collect();
    if let Some(seed) = seed {
        fastrand::Rng::with_seed(seed).shuffle(&mut chosen);
    }
    chosen
}

/// What a chosen option means, with the reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verdict {
    /// True when the choice is the pack's correct option.
    pub correct: bool,
    /// The correct option's text.
    pub correct_option: String,
    /// A sentence for the student.
    pub message: String,
}

/// The verdict on choosing option `choice` of a single-best-answer question; `None` for
/// a short-answer question or an option that does not exist.
pub fn judge(question: &Question, choice: usize) -> Option<Verdict> {
    if question.kind != QuestionKind::SingleBest {
        return None;
    }
    let chosen = question.options.get(choice)?;
    let correct_index = question.correct?;
    let correct_option = question.options.get(correct_index)?.clone();
    let correct = choice == correct_index;
    let message = if correct {
        format!("Correct: {chosen}.")
    } else {
        format!("Not this one. The best answer is: {correct_option}.")
    };
    Some(Verdict {
        correct,
        correct_option,
        message,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn questions_are_drawn_by_topic_and_reproducibly_at_random() {
        let pack = crate::seed_pack().unwrap();
        let all = draw(&pack, None, None);
        assert_eq!(all.len(), pack.questions.len());
        for topic in topics(&pack) {
            assert!(draw(&pack, Some(topic), None)
                .iter()
                .all(|q| q.topic == topic));
        }
        let a: Vec<_> = draw(&pack, None, Some(7))
            .iter()
            .map(|q| q.id.clone())
            .collect();
        let b: Vec<_> = draw(&pack, None, Some(7))
            .iter()
            .map(|q| q.id.clone())
            .collect();
        assert_eq!(a, b, "the same seed draws the same order");
        let mut sorted = a.clone();
        sorted.sort();
        let mut ids: Vec<_> = all.iter().map(|q| q.id.clone()).collect();
        ids.sort();
        assert_eq!(sorted, ids, "a shuffle keeps every question");
    }

    #[test]
    fn choices_are_judged_with_the_right_answer_named() {
        let pack = crate::seed_pack().unwrap();
        let question = pack
            .questions
            .iter()
            .find(|q| q.id.as_str() == "q-onset")
            .unwrap();
        assert!(judge(question, 1).unwrap().correct);
        let wrong = judge(question, 0).unwrap();
        assert!(!wrong.correct);
        assert!(wrong.message.contains("At the end of the second infusion"));
        assert!(judge(question, 99).is_none());
        if let Some(short) = pack
            .questions
            .iter()
            .find(|q| q.kind == QuestionKind::ShortAnswer)
        {
            assert!(judge(short, 0).is_none());
        }
    }
}
