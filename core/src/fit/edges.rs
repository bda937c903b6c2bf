//! Breaks at the two edges of a run of the general path that `unicode-linebreak` (UAX #14 of
//! Unicode 15.0) decides otherwise than the engine's rules, which the fast path keeps between
//! its own characters:
//!
//! - LB19a (Unicode 15.1): between East Asian characters (wide, full- or half-width) a line may break
//!   before `“` `‘` and after `”` `’`. The general path takes some of them: full-width figures
//!   and letters, Hangul, half-width kana, the ideographic space U+3000.
//! - Small kana and `ー` (class CJ) break as ideographs, LB1's choice for CJK text: only the
//!   kinsoku lists decide whether one may start a line, after a word or number as after Han;
//!   and after one, `%`, `℃` and the other postfix signs hold to it as to Han (LB23a).
//!
//! Each break is asked of UAX #14 with the quote or the CJ character read as an ideograph, so
//! that the rules about the other side still hold (no break before a space or a closing mark).
//!
//! ```
//! use pasteup_core::fit::edges::add_edge_breaks;
//! let text = "２０２３“务”２０２４";
//! let mut breaks = Vec::new();
//! add_edge_breaks(text, 0, "２０２３".len(), &mut breaks); // the run ２０２３, then “
//! assert_eq!(breaks, ["２０２３".len()]);
//! let mut breaks = Vec::new();
//! add_edge_breaks(text, "２０２３“务”".len(), text.len(), &mut breaks); // ” then the run ２０２４
//! assert_eq!(breaks, ["２０２３“务”".len()]);
//! ```

use unicode_linebreak::{BreakClass, break_property, linebreaks};

use super::classes::cp3;
use super::dashes::twin;
use super::width::lb19a_east_asian;

/// Adds to `breaks` (ascending, all within the run's context) the breaks of this module at the
/// edges of the general path's run from `start` to `end`: before it after a closing quote,
/// after it before an opening quote or a CJ character.
pub fn add_edge_breaks(text: &str, start: usize, end: usize, breaks: &mut Vec<usize>) {
    if breaks.first() != Some(&start) && breaks_after_quote(text, start) {
        breaks.insert(0, start);
    } else if breaks.first() == Some(&start) && holds_after_cj(text, start) {
        breaks.remove(0);
    }
    if breaks.last() != Some(&end) && (breaks_before_quote(text, end) || breaks_before_cj(text, end)) {
        breaks.push(end);
    }
}

/// Whether a line may break at byte `at`, just after `”` or `’`, by LB19a.
fn breaks_after_quote(text: &str, at: usize) -> bool {
    let (Some(before), Some(after)) = (text.get(..at), text.get(at..)) else { return false };
    let mut back = before.chars().rev();
    let (Some(quote), Some(first)) = (back.next(), after.chars().next()) else { return false };
    matches!(quote, '”' | '’')
        && back.next().is_some_and(east_asian)
        && east_asian(first)
        && pair_allows(IDEOGRAPH, first)
}

/// Whether a line may break at byte `at`, just before `“` or `‘`, by LB19a.
fn breaks_before_quote(text: &str, at: usize) -> bool {
    let (Some(before), Some(after)) = (text.get(..at), text.get(at..)) else { return false };
    let mut ahead = after.chars();
    let (Some(last), Some(quote)) = (before.chars().next_back(), ahead.next()) else { return false };
    matches!(quote, '“' | '‘')
        && east_asian(last)
        && ahead.next().is_some_and(east_asian)
        && pair_allows(last, IDEOGRAPH)
}

/// Whether a line may break at byte `at`, just before a small kana or `ー`, read as an ideograph.
fn breaks_before_cj(text: &str, at: usize) -> bool {
    let (Some(before), Some(after)) = (text.get(..at), text.get(at..)) else { return false };
    let (Some(last), Some(next)) = (before.chars().next_back(), after.chars().next()) else { return false };
    break_property(next as u32) == BreakClass::ConditionalJapaneseStarter && pair_allows(last, IDEOGRAPH)
}

/// Whether no line may break at byte `at`, just after a small kana or `ー` read as an
/// ideograph: before `%`, `℃` and the other postfix signs (LB23a, ID × PO, the one rule
/// that holds after ID and not after NS), which UAX #14 lets break after CJ read as NS
/// (`スッ` / `℃`).
fn holds_after_cj(text: &str, at: usize) -> bool {
    // Every CJ character is 3 bytes, from E3 (kana, U+3041 to U+31FF) or EF (half-width ｧ to
    // ｰ), and the one ASCII postfix sign is `%`: most runs follow Han or ASCII, or start with
    // a letter or figure, and two bytes turn those away.
    let bytes = text.as_bytes();
    let Some(&[b0, b1, b2, first]) = at.checked_sub(3).and_then(|k| bytes.get(k..=at)) else { return false };
    matches!(b0, 0xE3 | 0xEF) && (first == b'%' || !first.is_ascii()) && holds_after_kana(text, at, [b0, b1, b2])
}

/// [`holds_after_cj`] after the 3-byte character `last`. Out of line: the general path's loop
/// stays as small as it was.
#[inline(never)]
fn holds_after_kana(text: &str, at: usize, [b0, b1, b2]: [u8; 3]) -> bool {
    break_property(cp3(b0, b1, b2)) == BreakClass::ConditionalJapaneseStarter
        && text.get(at..).and_then(|after| after.chars().next()).map(|c| break_property(c as u32))
            == Some(BreakClass::Postfix)
}

/// What stands in for a quote or a CJ character: an ideograph (class ID).
const IDEOGRAPH: char = '一';

/// East Asian for LB19a: wide, full- or half-width. A function of this module's own: calling
/// `lb19a_east_asian` at each use instead laid the cutter out otherwise, 0.5 M (zh-Hans) to
/// 1.3 M (ja) instructions more over 8 MiB in both styles.
fn east_asian(c: char) -> bool {
    lb19a_east_asian(c)
}

/// Whether UAX #14 lets a line break between `a` and `b`, with nothing else around them.
fn pair_allows(a: char, b: char) -> bool {
    let mut pair = String::with_capacity(8);
    pair.push(twin(a));
    pair.push(twin(b));
    linebreaks(&pair).any(|(at, _)| at == a.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edges(text: &str, start: &str, run: &str) -> Vec<usize> {
        let start = text.find(start).unwrap();
        let mut breaks = Vec::new();
        add_edge_breaks(text, start, start + run.len(), &mut breaks);
        breaks
    }

    #[test]
    fn a_quote_between_east_asian_characters_may_stand_at_a_line_start_or_end() {
        // Before “ after full-width figures, U+3000 and Hangul; after ” before them.
        assert_eq!(edges("实２０２３“务", "２", "２０２３"), ["实２０２３".len()]);
        assert_eq!(edges("两\u{3000}“展", "\u{3000}", "\u{3000}"), ["两\u{3000}".len()]);
        assert_eq!(edges("안정이“우선", "안", "안정이"), ["안정이".len()]);
        assert_eq!(edges("五”이라고", "이", "이라고"), ["五”".len()]);
        // Not beside a half-width letter (not East Asian), nor where the quote's other side is
        // none, nor before a space or a closing mark (LB21, LB13 still hold).
        assert!(edges("实2023“务", "2", "2023").is_empty());
        assert!(edges("实２０２３“", "２", "２０２３").is_empty());
        assert!(edges("abc”２０", "２", "２０").is_empty());
        assert!(edges("五”\u{3000}", "\u{3000}", "\u{3000}").is_empty());
    }

    #[test]
    fn small_kana_and_the_long_vowel_mark_break_as_ideographs_after_a_word_or_number() {
        assert_eq!(edges("三14ゃ加", "1", "14"), ["三14".len()]);
        assert_eq!(edges("三Bー加", "B", "B"), ["三B".len()]);
        // Not after what holds to an ideograph too: a currency sign before it (LB23a PR × ID).
        assert!(edges("三$ゃ", "$", "$").is_empty());
    }

    /// Found from outside: after a small kana or `ー` a line could break before `%` or `℃`,
    /// which hold to Han and kana (LB23a, ID × PO): `スッ` / `℃`.
    #[test]
    fn postfix_signs_hold_to_small_kana_and_the_long_vowel_mark_as_to_han() {
        use crate::fit::breaks::break_points;
        use crate::fit::kinsoku::Rules;
        use crate::model::{Kinsoku, Language};
        for language in [Language::Ja, Language::ZhHans] {
            for kinsoku in [Kinsoku::Strict, Kinsoku::None] {
                let rules = Rules::new(kinsoku, language);
                for (text, held) in
                    [("スッ℃だ", "ッ℃"), ("ナー%で", "ー%"), ("ジョ％で", "ョ％"), ("ャ°了", "ャ°"), ("中℃了", "中℃")]
                {
                    let pieces = break_points(text, rules);
                    assert!(pieces.iter().any(|p| p.contains(held)), "{text} {kinsoku:?} {language:?}: {pieces:?}");
                }
                // A figure or letter after one still may start a line, as after Han.
                assert!(break_points("ッ5", rules).len() == 2, "{kinsoku:?} {language:?}");
            }
        }
    }
}

#[cfg(test)]
mod halfwidth {
    use crate::fit::{TextStyle, kinsoku::Rules, set_paragraph};
    use crate::model::{Kinsoku, Language};

    /// Found from outside: half-width kana were not East Asian to LB19a, so `“ｶﾞ”` was one piece
    /// with what stood around it and a forced split set `”` (or a small kana) at a line start.
    #[test]
    fn a_quote_beside_half_width_kana_breaks_as_beside_full_width_kana() {
        let style = TextStyle::new(4, Rules::new(Kinsoku::Strict, Language::Ja), true).indent(0);
        for (text, want) in [
            ("一二三：“ｶﾞ”二", ["一二三：", "“ｶﾞ”二"]),
            ("一二三：“カ”二", ["一二三：", "“カ”二"]),
            ("一二三：‘ｶﾞゃ", ["一二三：", "‘ｶﾞゃ"]),
        ] {
            let lines: Vec<&str> = set_paragraph(text, &style).iter().map(|l| l.text(text)).collect();
            assert_eq!(lines, want, "{text}");
        }
    }
}
