//! What Casebook keeps on the device for the user (the reader's notes, the study
//! progress, the checklist's answers), under one set of rules for reading and writing.
//!
//! The shell's storage module (`src/storage`) does the reading and writing; every decision
//! is made here, without a browser, and tested natively:
//!
//! - **Reading** gives the whole value; or the part that could be read, with what was lost
//!   described (the shell then keeps the stored text aside, unchanged, before anything is
//!   written over it); or says the value was written by a newer version of the app (it is
//!   then never written over); or that nothing could be read.
//! - **Writing is a change applied to what is stored now**, never a whole value remembered
//!   from earlier: another tab may have written since this one read ([`plan_update`]).
//! - **No write stores what the next read would refuse**: [`checked_write`] reads its own
//!   output back and refuses unless that gives the same value again.
//! - **Messages stay short**: a list of problems is cut to [`MAX_PROBLEMS`] with "and N
//!   more" ([`cap_problems`]), and text quoted from the user's data is shortened
//!   ([`shorten_quoted`]), so a hostile value never becomes a megabyte of error text.

use std::fmt::Debug;

/// The most problems listed in one message; the rest are counted.
pub const MAX_PROBLEMS: usize = 12;

/// The longest piece of stored or linked text quoted in a message, in characters.
pub const MAX_QUOTED_CHARS: usize = 60;

/// What reading a stored value gave.
#[derive(Clone, Debug, PartialEq)]
pub enum Read<T> {
    /// All of it (or nothing was stored: the empty value).
    Whole(T),
    /// The part that could be read; `lost` says what could not, in words.
    Salvaged {
        /// What was read.
        value: T,
        /// What could not be read.
        lost: Vec<String>,
    },
    /// Written by a newer version of Casebook, in `format`: this version cannot read it
    /// and must not write over it.
    Newer {
        /// The format the value says it is in.
        format: u32,
    },
    /// Nothing could be read; `problems` says why.
    Unreadable {
        /// Why, in words.
        problems: Vec<String>,
    },
}

impl<T> Read<T> {
    /// The value to show: what was read, or nothing.
    pub fn value(self) -> Option<T> {
        match self {
            Read::Whole(value) | Read::Salvaged { value, .. } => Some(value),
            Read::Newer { .. } | Read::Unreadable { .. } => None,
        }
    }
}

/// A value kept on the device: how it is read back (with migration from older formats and
/// salvage of damaged ones) and written.
pub trait Saved: Clone + PartialEq + Default + Debug {
    /// What the value belongs to (the case pack for notes, progress and answers).
    type Context: ?Sized;

    /// What the value is called in messages ("notes", "study progress").
    const NAME: &'static str;

    /// Reads a stored text.
    fn read(text: &str, context: &Self::Context) -> Read<Self>;

    /// The text to store.
    fn write(&self, context: &Self::Context) -> String;
}

/// Reads what is stored, if anything: nothing stored reads as the empty value.
pub fn read_stored<T: Saved>(stored: Option<&str>, context: &T::Context) -> Read<T> {
    match stored {
        None => Read::Whole(T::default()),
        Some(text) => T::read(text, context),
    }
}

/// The text to store for `value`, only if reading it back gives `value` again: a write
/// never replaces what is stored by something the next read would refuse or change.
pub fn checked_write<T: Saved>(value: &T, context: &T::Context) -> Result<String, Vec<String>> {
    let text = value.write(context);
    match T::read(&text, context) {
        Read::Whole(back) if &back == value => Ok(text),
        Read::Whole(_) => Err(vec![format!(
            "the {} would not read back as written",
            T::NAME
        )]),
        Read::Salvaged { lost, .. } => Err(lost),
        Read::Newer { format } => Err(vec![format!(
            "the {} would be written in format {format}, which this version cannot read",
            T::NAME
        )]),
        Read::Unreadable { problems } => Err(problems),
    }
}

/// What the shell does to apply a change: keep the stored text aside first when it could
/// not be read whole, then store `write`, then show `value`.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan<T> {
    /// The stored text to keep aside, unchanged, before writing (it was not read whole).
    pub keep_aside: Option<String>,
    /// What could not be read of the stored text (said to the user with the keeping aside).
    pub lost: Vec<String>,
    /// True when none of the stored text could be read.
    pub nothing_read: bool,
    /// The text to store; `None` when nothing changed and nothing needs keeping aside.
    pub write: Option<String>,
    /// The value after the change: what the view shows.
    pub value: T,
}

/// Why a change was not applied; nothing was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// What is stored was written by a newer version of Casebook; it is left as it is.
    Newer {
        /// Its format.
        format: u32,
    },
    /// The change itself was refused (e.g. a note would be too long), in words.
    Change(String),
    /// The result would not read back as written (a defect; nothing is stored).
    Unwritable(Vec<String>),
}

impl Refusal {
    /// The refusal in words, for the user.
    pub fn message(&self, name: &str) -> String {
        match self {
            Refusal::Newer { format } => format!(
                "Your {name} on this device were saved by a newer version of Casebook (format {format}); this version leaves them as they are and saves nothing over them. Reload the page to get the newer version."
            ),
            Refusal::Change(reason) => reason.clone(),
            Refusal::Unwritable(problems) => format!(
                "Nothing was saved: the {name} would not read back as written ({}).",
                cap_problems(problems.clone()).join(" ")
            ),
        }
    }
}

/// Plans a change to a saved value: reads what is stored *now* (`stored`), applies
/// `change` to it, and checks the result reads back. What could not be read of the stored
/// text is kept aside before it is written over; a value from a newer version is never
/// written over.
pub fn plan_update<T: Saved>(
    stored: Option<&str>,
    context: &T::Context,
    change: impl FnOnce(&mut T) -> Result<(), String>,
) -> Result<Plan<T>, Refusal> {
    let mut nothing_read = false;
    let (mut value, keep_aside, lost) = match read_stored::<T>(stored, context) {
        Read::Whole(value) => (value, None, Vec::new()),
        Read::Salvaged { value, lost } => (value, stored.map(str::to_owned), lost),
        Read::Unreadable { problems } => {
            nothing_read = true;
            (T::default(), stored.map(str::to_owned), problems)
        }
        Read::Newer { format } => return Err(Refusal::Newer { format }),
    };
    let before = value.clone();
    change(&mut value).map_err(Refusal::Change)?;
    let write = if value == before && keep_aside.is_none() {
        None
    } else {
        Some(checked_write(&value, context).map_err(Refusal::Unwritable)?)
    };
    Ok(Plan {
        keep_aside,
        lost,
        nothing_read,
        write,
        value,
    })
}

/// Cuts a list of problems to [`MAX_PROBLEMS`], ending with "And N more." when cut.
pub fn cap_problems(mut problems: Vec<String>) -> Vec<String> {
    if problems.len() > MAX_PROBLEMS {
        let more = problems.len() - MAX_PROBLEMS;
        problems.truncate(MAX_PROBLEMS);
        problems.push(format!("And {more} more."));
    }
    problems
}

/// Text from the user's data as quoted in a message: at most [`MAX_QUOTED_CHARS`]
/// characters, with an ellipsis when cut.
pub fn shorten_quoted(text: &str) -> String {
    shorten(text, MAX_QUOTED_CHARS)
}

/// The first `limit` characters of a text, with an ellipsis when cut (for a sentence
/// named in a bar or a list, or a message quoted).
pub fn shorten(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        return text.to_owned();
    }
    let cut: String = text.chars().take(limit).collect();
    format!("{}\u{2026}", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A list of words stored one per line, with a format line: enough to exercise every
    /// branch of the rules.
    #[derive(Clone, Debug, Default, PartialEq)]
    struct Words(Vec<String>);

    impl Saved for Words {
        type Context = ();
        const NAME: &'static str = "words";

        fn read(text: &str, _: &()) -> Read<Self> {
            let mut lines = text.lines();
            match lines.next() {
                Some("words 1") => {}
                Some(line) if line.starts_with("words ") => {
                    return Read::Newer {
                        format: line[6..].parse().unwrap_or(0),
                    }
                }
                _ => {
                    return Read::Unreadable {
                        problems: vec!["no format line".to_owned()],
                    }
                }
            }
            let mut value = Words::default();
            let mut lost = Vec::new();
            for line in lines {
                if line.chars().all(char::is_alphabetic) && !line.is_empty() {
                    value.0.push(line.to_owned());
                } else {
                    lost.push(format!("\"{}\" is not a word", shorten_quoted(line)));
                }
            }
            if lost.is_empty() {
                Read::Whole(value)
            } else {
                Read::Salvaged { value, lost }
            }
        }

        fn write(&self, _: &()) -> String {
            let mut text = "words 1".to_owned();
            for word in &self.0 {
                text.push('\n');
                text.push_str(word);
            }
            text
        }
    }

    fn add(word: &'static str) -> impl FnOnce(&mut Words) -> Result<(), String> {
        move |words: &mut Words| {
            words.0.push(word.to_owned());
            Ok(())
        }
    }

    #[test]
    fn a_change_applies_to_what_is_stored_now() {
        // Another tab wrote "b" after this one read "a": the change keeps both.
        let plan = plan_update::<Words>(Some("words 1\na\nb"), &(), add("c")).unwrap();
        assert_eq!(plan.value, Words(vec!["a".into(), "b".into(), "c".into()]));
        assert_eq!(plan.write.as_deref(), Some("words 1\na\nb\nc"));
        assert_eq!(plan.keep_aside, None);
    }

    #[test]
    fn nothing_stored_starts_empty_and_an_unchanged_value_is_not_rewritten() {
        let plan = plan_update::<Words>(None, &(), add("a")).unwrap();
        assert_eq!(plan.write.as_deref(), Some("words 1\na"));
        let plan = plan_update::<Words>(Some("words 1\na"), &(), |_| Ok(())).unwrap();
        assert_eq!(plan.write, None);
    }

    #[test]
    fn what_cannot_be_read_is_kept_aside_before_it_is_written_over() {
        let plan = plan_update::<Words>(Some("words 1\na\n1 2"), &(), add("c")).unwrap();
        assert_eq!(plan.keep_aside.as_deref(), Some("words 1\na\n1 2"));
        assert_eq!(plan.value, Words(vec!["a".into(), "c".into()]));
        assert_eq!(plan.lost, ["\"1 2\" is not a word"]);
        let plan = plan_update::<Words>(Some("garbage"), &(), add("c")).unwrap();
        assert_eq!(plan.keep_aside.as_deref(), Some("garbage"));
        assert_eq!(plan.value, Words(vec!["c".into()]));
        // Even with no change, damaged text is kept aside and replaced by what was read.
        let plan = plan_update::<Words>(Some("garbage"), &(), |_| Ok(())).unwrap();
        assert_eq!(plan.write.as_deref(), Some("words 1"));
    }

    #[test]
    fn a_newer_value_is_never_written_over() {
        let refused = plan_update::<Words>(Some("words 7\na"), &(), add("c")).unwrap_err();
        assert_eq!(refused, Refusal::Newer { format: 7 });
        assert!(refused.message("words").contains("newer version"));
    }

    #[test]
    fn a_refused_change_or_an_unreadable_result_writes_nothing() {
        let refused = plan_update::<Words>(Some("words 1"), &(), |_| Err("too long".to_owned()));
        assert_eq!(refused.unwrap_err(), Refusal::Change("too long".to_owned()));
        // A change whose result would not read back ("two words" is not a word).
        let refused = plan_update::<Words>(Some("words 1"), &(), |words: &mut Words| {
            words.0.push("two words".to_owned());
            Ok(())
        });
        assert!(matches!(refused, Err(Refusal::Unwritable(_))));
    }

    #[test]
    fn long_lists_and_long_quotes_are_cut() {
        let problems = cap_problems((0..100).map(|n| n.to_string()).collect());
        assert_eq!(problems.len(), MAX_PROBLEMS + 1);
        assert_eq!(problems.last().unwrap(), "And 88 more.");
        assert_eq!(cap_problems(vec!["one".into()]), ["one"]);
        let quoted = shorten_quoted(&"x".repeat(1_000_000));
        assert_eq!(quoted.chars().count(), MAX_QUOTED_CHARS + 1);
        assert_eq!(shorten_quoted("short"), "short");
    }
}
