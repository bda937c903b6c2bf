//! The message catalogue: every sentence and word the interface shows — refusals, status
//! messages, hints, questions, the inspector's labels, the help lines and the command line's
//! reports — is a value here, rendered in English ([`en`]) or Simplified Chinese
//! ([`zh_hans`]). Each language renders each message type with one exhaustive `match`, so a
//! message without both languages does not compile.
//!
//! Which language a person reads is chosen by [`UiLang::choose`] (docs/interface-language.md).
//! File formats and `--json` keys stay English whatever the language.

pub mod en;
mod lang;
mod message;
pub mod zh_hans;

pub use lang::UiLang;
pub use message::{
    Besides, Chrome, Copyfit, Damaged, DiskChange, GalleyAt, Hint, KeyHelp, Label, MakeLine, PartName, Question,
    Report, Row, SetAside, Status, Zoom,
};

use crate::export::fonts::FontError;
use crate::export::pdf::PdfError;
use crate::format::{LoadError, Note, SaveTrouble, printable};
use crate::layout::{Operation, Refusal};
use crate::problem::{Located, Problem};

/// What goes between two clauses of one line: `, ` in English, `，` in Chinese (found from
/// outside: the Chinese inspector read "合适, 删去 2 句").
pub fn clause_break(lang: UiLang) -> &'static str {
    match lang {
        UiLang::ZhHans => "，",
        _ => ", ",
    }
}

/// An item's id, with its part named in `lang` when it is a continued article's second part
/// or later (`jinyuan-livable (part 2)`).
pub fn part_id(id: &str, part: u32, lang: UiLang) -> String {
    if part > 1 { format!("{id}{}", Label::PartOf(part).render(lang)) } else { id.to_string() }
}

/// Boxes named as [`part_id`] names each (item and part), joined by `sep`.
pub fn part_ids(boxes: &[(String, u32)], lang: UiLang, sep: &str) -> String {
    boxes.iter().map(|(id, part)| part_id(id, *part, lang)).collect::<Vec<_>>().join(sep)
}

/// A message that can be shown in either interface language.
pub trait Render {
    fn render(&self, lang: UiLang) -> String;
}

/// Every message is made printable as it is rendered: a value it echoes (an id, a word typed,
/// a file's name) shows a control character as its escape, `\u{1b}`, and never sends it raw.
macro_rules! render_by {
    ($type:ty, $fn:ident) => {
        impl Render for $type {
            fn render(&self, lang: UiLang) -> String {
                printable(&match lang {
                    UiLang::En => en::$fn(self),
                    UiLang::ZhHans => zh_hans::$fn(self),
                })
            }
        }
    };
}

render_by!(Refusal, refusal);
render_by!(Label, label);
render_by!(Status, status);
render_by!(KeyHelp, key_help);
render_by!(Hint, hint);
render_by!(Chrome, chrome);
render_by!(Operation, operation);
render_by!(Report, report);
render_by!(Row, row);
render_by!(Problem, problem);
render_by!(MakeLine, make_line);
render_by!(Note, note);
render_by!(SaveTrouble, save_trouble);
render_by!(FontError, font_error);
render_by!(PdfError, pdf_error);

/// `file:line:col: what was wrong`, the problem in `lang` after its place in the file.
impl Render for Located {
    fn render(&self, lang: UiLang) -> String {
        let english = self.to_string();
        match lang {
            UiLang::En => english,
            UiLang::ZhHans => {
                let place = english.strip_suffix(&self.message()).unwrap_or_default();
                format!("{place}{}", self.problem.render(lang))
            }
        }
    }
}

/// `file:line:col: why it could not be read`, in `lang` after the same place; an error in text
/// that was read is said in English (docs/interface-language.md).
impl Render for LoadError {
    fn render(&self, lang: UiLang) -> String {
        let english = self.to_string();
        match (&self.unread, lang) {
            (Some(why), UiLang::ZhHans) => {
                let place = english.strip_suffix(&self.message).unwrap_or_default();
                format!("{place}{}", zh_hans::read_trouble(why))
            }
            _ => english,
        }
    }
}

/// The page's counts that are not zero, each worded by `say` (overlaps, fit, overset, past
/// the foot, in that order), joined by `sep`; `sound` when all are zero.
pub(crate) fn what_is_wrong(counts: [i64; 4], say: [&dyn Fn(i64) -> String; 4], sep: &str, sound: &str) -> String {
    let wrong: Vec<String> = counts.iter().zip(say).filter(|(n, _)| **n != 0).map(|(n, say)| say(*n)).collect();
    if wrong.is_empty() { sound.to_string() } else { wrong.join(sep) }
}

/// The terminal cells `text` takes, as [`pad`] measures it.
pub fn text_cells(text: &str) -> usize {
    crate::fit::width::str_cells(text, false) as usize
}

/// `text` padded with spaces to `cells` terminal cells, measured as the page measures (Han
/// and full-width punctuation two cells), so CJK columns line up where `{:<n}` would not.
pub fn pad(text: &str, cells: usize) -> String {
    // Not `{:1$}`: a format width is held in 16 bits, and an id can be wider.
    format!("{text}{}", " ".repeat(cells.saturating_sub(text_cells(text))))
}

/// How long ago something was written, in the unit a person reads it in: seconds up to 90,
/// then minutes up to 90, hours up to 48, then days, each rounded (found from outside: the
/// recovery question said `222 秒前`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Age {
    Seconds(u64),
    Minutes(u64),
    Hours(u64),
    Days(u64),
}

impl Age {
    pub fn of(secs: u64) -> Age {
        let rounded = |unit: u64| secs.saturating_add(unit / 2) / unit;
        match secs {
            0..=90 => Age::Seconds(secs),
            91..5400 => Age::Minutes(rounded(60)),
            5400..172_800 => Age::Hours(rounded(3600)),
            _ => Age::Days(rounded(86_400)),
        }
    }
}

impl Question {
    /// The question's title, shown in its frame.
    pub fn title(&self, lang: UiLang) -> String {
        match lang {
            UiLang::En => en::question_title(self),
            UiLang::ZhHans => zh_hans::question_title(self),
        }
    }

    /// What is asked and the answers, a line each.
    pub fn lines(&self, lang: UiLang) -> Vec<String> {
        match lang {
            UiLang::En => en::question(self),
            UiLang::ZhHans => zh_hans::question(self),
        }
    }
}

/// English is what a refusal says when nobody asked for a language (logs, `{}` in tests).
impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(UiLang::En))
    }
}

impl std::error::Error for Refusal {}

impl std::fmt::Display for Label {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&en::label(self))
    }
}

#[cfg(test)]
mod tests;

/// A number too large for the field it was typed for: all digits, and not 0 (which is
/// refused as a number that is not from 1).
/// `said` for `:depth`, which takes `auto` as well as a number (found from outside: `:depth
/// AUTO` was refused without a word of `auto`), else nothing.
fn or_auto<'a>(word: &str, said: &'a str) -> &'a str {
    if word == "depth" { said } else { "" }
}

fn too_large(value: &str) -> bool {
    !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) && !value.trim_start_matches('0').is_empty()
}
