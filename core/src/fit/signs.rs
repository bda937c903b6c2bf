//! A line may break between an East Asian closing mark and a prefix sign (`±`, `￥`, `＄`, `$`
//! and the others of UAX #14's class PR) when no number stands before the mark. The crate
//! follows Unicode 15.0, whose LB25 keeps every closing mark with a sign after it (CL × PR);
//! Unicode 15.1 keeps one only after a number, `NU (SY|IS)* (CL|CP)? × (PO|PR)`. Found from
//! outside: `寒さ……と気象庁。±０．５℃の誤差` at 10 em set `寒さ……と気象` / `庁。±０．５℃の誤差`,
//! `。` holding to `±` and pushing `庁` down, though `寒さ……と気象庁。` fits. After a number the
//! sign holds (`价5。$3`), and so does a postfix sign (`。%`), which may not start a line. In
//! every language and at every `kinsoku` level, `None` too.
//!
//! ```
//! use pasteup_core::fit::signs::breaks_before_sign;
//! assert!(breaks_before_sign("庁。±0.5", "庁。".len()));
//! assert!(breaks_before_sign("价」￥30", "价」".len()));
//! assert!(!breaks_before_sign("价5。$3", "价5。".len())); // after a number
//! assert!(!breaks_before_sign("a)$3", "a)".len())); // after a half-width mark
//! ```

use unicode_linebreak::{BreakClass, break_property};

use super::width::lb19a_east_asian;

/// Whether a line may break at byte `at` of `text` by this rule: after an East Asian closing
/// mark (CL or CP) before a prefix sign, with no number (perhaps then `.` `,` `/` and the like)
/// before the mark.
pub fn breaks_before_sign(text: &str, at: usize) -> bool {
    let (Some(before), Some(after)) = (text.get(..at), text.get(at..)) else { return false };
    let mut back = before.chars().rev();
    let (Some(mark), Some(sign)) = (back.next(), after.chars().next()) else { return false };
    let closes = matches!(break_property(mark as u32), BreakClass::ClosePunctuation | BreakClass::CloseParenthesis);
    closes && lb19a_east_asian(mark) && break_property(sign as u32) == BreakClass::Prefix && !number_ends(back)
}

/// Whether the characters before the mark, read backwards, end a number: a figure, perhaps
/// with infix marks after it (`5.`). Full-width figures count, as the engine holds them as numbers.
fn number_ends(mut back: impl Iterator<Item = char>) -> bool {
    use BreakClass::{InfixSeparator, Numeric, Symbol};
    back.find(|&c| !matches!(break_property(c as u32), Symbol | InfixSeparator))
        .is_some_and(|c| break_property(c as u32) == Numeric || matches!(c, '０'..='９'))
}

/// Adds to `breaks` (ascending) the breaks of [`breaks_before_sign`] in the run of the general
/// path from `start` to `end`. A prefix sign is never on the fast path, so every one is in such
/// a run; the mark before it most often ends the cluster before the run. Every East Asian
/// closing mark is 3 bytes long and led by E2 (`〉` U+232A), E3 or EF: one compare turns away most
/// places.
pub fn add_sign_breaks(text: &str, start: usize, end: usize, breaks: &mut Vec<usize>) {
    let bytes = text.as_bytes();
    for at in start.max(3)..end {
        // The sign first (see `sign_start`).
        if sign_start(bytes, at)
            && matches!(bytes[at - 3], 0xE2 | 0xE3 | 0xEF)
            && breaks_before_sign(text, at)
            && let Err(k) = breaks.binary_search(&at)
        {
            breaks.insert(k, at);
        }
    }
}

/// Whether a prefix sign (UAX #14 class PR) may begin at `at`, by its UTF-8 bytes: where it is
/// led by E2 or EF, as the full-width letters and figures and the quotation marks are too,
/// exactly (the currency signs, `№`, `−`, `∓`, `﹩`, `＄`, `￡`, `￥`, `￦`); Han, kana and the
/// CJK marks (led by E3 to E9) never begin one. Dense copy costs a compare a byte.
fn sign_start(bytes: &[u8], at: usize) -> bool {
    let next = |k: usize| bytes.get(at + k).copied().unwrap_or(0);
    match bytes[at] {
        b'$' | b'+' | b'\\' | 0xC2 | 0xD6 | 0xDF | 0xE0 | 0xE1 | 0xF0 => true,
        0xE2 => match next(1) {
            0x82 | 0x83 => true,
            0x84 => next(2) == 0x96,
            0x88 => matches!(next(2), 0x92 | 0x93),
            _ => false,
        },
        0xEF => matches!((next(1), next(2)), (0xB9, 0xA9) | (0xBC, 0x84) | (0xBF, 0xA1 | 0xA5 | 0xA6)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_prefix_sign_is_seen_by_its_first_bytes() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if break_property(c as u32) == BreakClass::Prefix {
                let mut buf = [0u8; 4];
                assert!(sign_start(c.encode_utf8(&mut buf).as_bytes(), 0), "{c:?}");
            }
        }
        for c in "。一あ“”（，０Ａ－".chars() {
            let mut buf = [0u8; 4];
            assert!(!sign_start(c.encode_utf8(&mut buf).as_bytes(), 0), "{c:?}");
        }
    }

    /// Every East Asian closing mark is 3 bytes, led by E2, E3 or EF, as `add_sign_breaks` assumes.
    #[test]
    fn every_east_asian_closing_mark_is_led_by_e2_e3_or_ef() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let closes =
                matches!(break_property(c as u32), BreakClass::ClosePunctuation | BreakClass::CloseParenthesis);
            if closes && lb19a_east_asian(c) {
                let mut buf = [0u8; 4];
                let b = c.encode_utf8(&mut buf).as_bytes();
                assert!(b.len() == 3 && matches!(b[0], 0xE2 | 0xE3 | 0xEF), "{c:?}");
            }
        }
    }

    #[test]
    fn added_once_in_order() {
        let text = "庁。±5，」$";
        let mut breaks = vec!["庁。".len(), text.len()];
        add_sign_breaks(text, "庁".len() + 3, text.len(), &mut breaks);
        assert_eq!(breaks, ["庁。".len(), "庁。±5，」".len(), text.len()]);
    }
}
