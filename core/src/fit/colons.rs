//! A line may break after a half-width `:` or `;` that follows an East Asian character and
//! comes before a Latin letter or a figure: `电话:|0351-5661173`, `网址:|www`, as after a
//! full-width `：` or `；`. In Chinese and Japanese copy the half-width mark stands for the
//! full-width one (`联系电话:0351-5661173` in the seed), but UAX #14 reads it as an infix
//! separator and keeps it with the word before it (LB13 × IS) and the one after it (LB25
//! IS × NU, LB29 IS × AL): `话:0351-5661173` was one piece, longer than a narrow line, and its
//! emergency split cut the number, which fits a line on its own.
//!
//! Not after a full-width letter or figure (`１２:30`, a time), nor between Latin letters and
//! figures (`9:30`, `Tel:0351`), where the mark joins what stands on both sides.
//!
//! ```
//! use pasteup_core::fit::colons::breaks_after_colon;
//! assert!(breaks_after_colon("话:0351", "话".len()));
//! assert!(breaks_after_colon("址;www", "址".len()));
//! assert!(!breaks_after_colon("9:30", 1)); // a time holds
//! assert!(!breaks_after_colon("１２:30", "１２".len())); // and in full-width figures too
//! assert!(!breaks_after_colon("话:（", "话".len())); // only before a letter or figure
//! ```

use super::figures::full_width_alnum;
use super::width::lb19a_east_asian;

/// Whether a line may break after the `:` or `;` at byte `at` of `text` by this rule.
pub fn breaks_after_colon(text: &str, at: usize) -> bool {
    let bytes = text.as_bytes();
    if !matches!(bytes.get(at), Some(b':' | b';')) || !bytes.get(at + 1).is_some_and(u8::is_ascii_alphanumeric) {
        return false;
    }
    text.get(..at)
        .and_then(|before| before.chars().next_back())
        .is_some_and(|c| lb19a_east_asian(c) && !full_width_alnum(c))
}

/// Adds to `breaks` (ascending) the breaks of [`breaks_after_colon`] in the run of the general
/// path from `start` to `end`. A `:` or `;` is ASCII, which the fast and straight paths never
/// take, so every one is in such a run, and the letter or figure after it too (a run goes on
/// over ASCII). Most runs hold none: one pass over their bytes finds that without decoding.
pub fn add_colon_breaks(text: &str, start: usize, end: usize, breaks: &mut Vec<usize>) {
    let Some(run) = text.as_bytes().get(start..end) else { return };
    if !run.iter().any(|&b| matches!(b, b':' | b';')) {
        return;
    }
    for at in start..end {
        if breaks_after_colon(text, at)
            && let Err(k) = breaks.binary_search(&(at + 1))
        {
            breaks.insert(k, at + 1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn added(text: &str, start: usize, end: usize) -> Vec<usize> {
        let mut breaks = Vec::new();
        add_colon_breaks(text, start, end, &mut breaks);
        breaks
    }

    #[test]
    fn after_a_half_width_colon_or_semicolon_between_east_asian_text_and_a_word_or_number() {
        let text = "话:0351-5661173咨";
        assert_eq!(added(text, "话".len(), text.len() - "咨".len()), ["话:".len()]);
        // Hangul and half-width kana are East Asian too; the mark may stand inside the run.
        let text = "전화:02";
        assert_eq!(added(text, 0, text.len()), ["전화:".len()]);
        let text = "ｶ;A";
        assert_eq!(added(text, 0, text.len()), ["ｶ;".len()]);
        // Not after a Latin letter, a figure or a full-width figure, nor before a mark or a
        // space, nor at the text's start.
        for text in ["Tel:0351", "9:30", "１２:30", "话:（", "话: 1", ":1", "话：1"] {
            assert!(added(text, 0, text.len()).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_break_already_there_is_not_added_twice() {
        let text = "话:1";
        let mut breaks = vec![4];
        add_colon_breaks(text, 3, text.len(), &mut breaks);
        assert_eq!(breaks, [4]);
    }
}
