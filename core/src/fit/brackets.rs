//! A line may break before a full-width opening bracket that follows a Latin word, a
//! number or a symbol UAX #14 reads as a letter (`·`, `×`, `①`): `GDP（国内生产总值）`, `增长2023（完）`, `NHK「…」`. UAX #14 keeps an opening bracket
//! with the letter or figure before it only when the bracket is not East Asian (rule LB30,
//! `(AL | HL | NU) × [OP − East Asian]`, since Unicode 8.0); `unicode-linebreak` keeps the
//! East Asian ones too, so the engine adds the breaks it leaves out.
//!
//! ```
//! use pasteup_core::fit::brackets::breaks_before_bracket;
//! let text = "GDP（国内）";
//! assert!(breaks_before_bracket(text, "GDP".len()));
//! assert!(!breaks_before_bracket("f(x)", 1)); // a half-width bracket holds to its word
//! assert!(!breaks_before_bracket("5%（同比）", "5%".len())); // after % it holds (LB25)
//! ```

use unicode_linebreak::{BreakClass, break_property};

/// Whether UAX #14 allows a break at byte `at` of `text` that `unicode-linebreak` does not
/// give: a letter or figure (classes AL, HL, NU) just before, an East Asian opening bracket
/// (class OP, wide, full-width or half-width) just after.
pub fn breaks_before_bracket(text: &str, at: usize) -> bool {
    let (Some(before), Some(after)) = (text.get(..at), text.get(at..)) else { return false };
    if !after.chars().next().is_some_and(east_asian_open) {
        return false;
    }
    before.chars().next_back().is_some_and(|b| {
        // `―` is a dash here, not the letter UAX #14 reads it as (see `dashes`).
        matches!(
            break_property(super::dashes::twin(b) as u32),
            // AI is AL unless a setter reads it as ID (LB1), and a line breaks before the
            // bracket either way: found from outside, `五·` / `「六七」` and `×（` held.
            BreakClass::Alphabetic | BreakClass::Ambiguous | BreakClass::HebrewLetter | BreakClass::Numeric
        )
    })
}

/// An opening bracket (class OP) of East Asian width F, W or H (a test checks the list
/// against every code point): the CJK brackets, the vertical and small forms, the full-width
/// ones and the half-width corner bracket `｢`.
fn east_asian_open(c: char) -> bool {
    EAST_ASIAN_OPEN.contains(c)
}

const EAST_ASIAN_OPEN: &str = "\u{2329}〈《「『【〔〖〘〚〝︗︵︷︹︻︽︿﹁﹃﹇﹙﹛﹝（［｛｟｢";

/// Whether an East Asian opening bracket starts at byte `at`, read from its three bytes
/// without decoding the text (every one is three bytes long: a test checks).
#[inline(always)]
fn open_at(bytes: &[u8], at: usize) -> bool {
    match bytes.get(at..at + 3) {
        // Every one starts `E2 8C`, `E3 80` or `EF B8`…`EF BD`: kana (`E3 81`…) and Han are
        // passed over by their first two bytes.
        Some(&[b0 @ (0xE2 | 0xE3 | 0xEF), b1, b2])
            if matches!((b0, b1), (0xE2, 0x8C) | (0xE3, 0x80) | (0xEF, 0xB8..=0xBD)) =>
        {
            let cp = u32::from(b0 & 0x0F) << 12 | u32::from(b1 & 0x3F) << 6 | u32::from(b2 & 0x3F);
            char::from_u32(cp).is_some_and(east_asian_open)
        }
        _ => false,
    }
}

/// Adds to `breaks` (ascending) the breaks of [`breaks_before_bracket`] in the run of the
/// general path from `start` to `end` (the character at `end` ends its context): where its
/// clusters start, which are all the engine asks about. An East Asian opening bracket inside a
/// run is one followed by a combining mark, else it would have ended the run, so inside a run
/// of ASCII (most runs: a word or number) there is none; `is_ascii` reads a word at a time.
pub(crate) fn add_bracket_breaks(text: &str, start: usize, end: usize, breaks: &mut Vec<usize>) {
    let bytes = text.as_bytes();
    if open_at(bytes, start) {
        add_if_breaks(text, start, breaks);
    }
    if !bytes[start..end].is_ascii() {
        for at in start + 1..end {
            if open_at(bytes, at) {
                add_if_breaks(text, at, breaks);
            }
        }
    }
    if open_at(bytes, end) {
        add_if_breaks(text, end, breaks);
    }
}

/// Adds `at` to `breaks` (ascending) if a line may break there by [`breaks_before_bracket`].
#[inline(never)]
fn add_if_breaks(text: &str, at: usize, breaks: &mut Vec<usize>) {
    if breaks_before_bracket(text, at)
        && let Err(k) = breaks.binary_search(&at)
    {
        breaks.insert(k, at);
    }
}

#[cfg(test)]
mod tests {
    use unicode_width::UnicodeWidthChar;

    use super::*;

    #[test]
    fn the_list_is_every_east_asian_opening_bracket() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let computed =
                (c.width() == Some(2) || c == '｢') && break_property(c as u32) == BreakClass::OpenPunctuation;
            assert_eq!(east_asian_open(c), computed, "{c:?} U+{:04X}", c as u32);
        }
    }

    #[test]
    fn every_east_asian_opening_bracket_is_read_from_its_three_bytes() {
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32).filter(|&c| east_asian_open(c)) {
            let mut buf = [0u8; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            assert!(bytes.len() == 3 && open_at(bytes, 0), "{c:?} U+{:04X}", c as u32);
        }
        assert!(!open_at("あ".as_bytes(), 0) && !open_at("、".as_bytes(), 0) && !open_at("字".as_bytes(), 1));
    }

    #[test]
    fn after_letters_and_figures_only() {
        for (text, at, breaks) in [
            ("2023（完）", 4, true),
            ("ABC「好」", 3, true),
            ("x《书》", 1, true),
            ("5%（同）", 2, false),
            ("好（完）", 3, false),
            ("a (b)", 2, false),
            ("五·「六七」", "五·".len(), true),
            ("一×（二）", "一×".len(), true),
            ("①（二）", "①".len(), true),
        ] {
            assert_eq!(breaks_before_bracket(text, at), breaks, "{text} at {at}");
        }
        // It was `一二三四` / `五·「六七」`.
        use crate::fit::kinsoku::Rules;
        use crate::fit::{TextStyle, set_paragraph};
        use crate::model::{Kinsoku, Language};
        let text = "一二三四五·「六七」";
        let style = TextStyle::new(6, Rules::new(Kinsoku::Strict, Language::ZhHans), true).indent(0);
        let set: Vec<&str> = set_paragraph(text, &style).iter().map(|l| l.text(text)).collect();
        assert_eq!(set, ["一二三四五·", "「六七」"]);
    }
}
