//! Widths in terminal cells: 1 em = 2 cells (docs/fit-accounting.md).
//!
//! Per grapheme cluster: East Asian Wide and Fullwidth take 2 cells, East Asian Ambiguous
//! (“ ” ‘ ’ × — … ·, and `⋯` as `…`) take 2 in a CJK issue and 1 in an English one, combining marks and
//! zero-width characters take 0. A cluster never takes more than 2 cells: it is one glyph.
//!
//! ```
//! use pasteup_core::fit::width::str_cells;
//! assert_eq!(str_cells("太原", true), 4);
//! assert_eq!(str_cells("“2×1”", true), 8);
//! assert_eq!(str_cells("“2×1”", false), 5);
//! assert_eq!(str_cells("e\u{301}", true), 1);
//! ```

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Cells per em.
pub const CELLS_PER_EM: u32 = 2;

/// Whether `c` is East Asian as LB19a of UAX #14 (Unicode 15.1) counts it: Wide, Fullwidth or
/// Halfwidth (half-width katakana and Hangul, `｡｢｣､`, `￨`…`￮`). Found from outside: `ｶﾞ` was
/// not, so no line broke before `“` beside it and a forced split set `”` at a line's start.
#[inline]
pub fn lb19a_east_asian(c: char) -> bool {
    char_cells(c, false) == 2 || matches!(c as u32, 0xFF61..=0xFFDC | 0xFFE8..=0xFFEE)
}

/// Cells one character takes on its own (controls count 0: they never reach the page). `⋯`
/// takes what `…` takes (see [`dashes`](super::dashes)).
#[inline]
pub fn char_cells(c: char, ambiguous_wide: bool) -> u32 {
    if is_han_or_kana(c) || is_wide_punctuation(c) {
        return 2;
    }
    let c = super::dashes::twin(c);
    let w = if ambiguous_wide { c.width_cjk() } else { c.width() };
    w.unwrap_or(0) as u32
}

/// Cells one grapheme cluster takes.
#[inline]
pub fn grapheme_cells(g: &str, ambiguous_wide: bool) -> u32 {
    let mut chars = g.chars();
    if let (Some(c), None) = (chars.next(), chars.clone().next()) {
        return char_cells(c, ambiguous_wide);
    }
    let w = if ambiguous_wide { g.width_cjk() } else { g.width() };
    (w as u32).min(2)
}

/// Cells a whole string takes, cluster by cluster.
pub fn str_cells(s: &str, ambiguous_wide: bool) -> u32 {
    if s.is_ascii() {
        return s.bytes().filter(|b| !b.is_ascii_control()).count() as u32;
    }
    s.graphemes(true).map(|g| grapheme_cells(g, ambiguous_wide)).sum()
}

/// The common CJK ranges whose width is always 2 and which never combine with what follows:
/// checked first so that runs of Han text skip the width tables.
#[inline]
pub fn is_han_or_kana(c: char) -> bool {
    matches!(c as u32, 0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0x3041..=0x3096 | 0x30A1..=0x30FA)
}

/// Whether `c` is Hangul: a syllable, a jamo, or a compatibility jamo. A CJK face draws it
/// narrower than an em, and a browser justifies beside it only at spaces.
#[inline]
pub fn is_hangul(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x11FF | 0x3130..=0x318F | 0xA960..=0xA97F | 0xAC00..=0xD7FF)
}

/// CJK Symbols and Punctuation up to the tone marks (、。〃〈〉《》「」『』【】〔〕〖〗〘〙〜 …) and
/// the Fullwidth Forms (！（），．：；？［］｛｝～ …): all East Asian Wide or Fullwidth, so 2
/// cells at once instead of a table look-up (a test checks this against `unicode-width`).
#[inline]
pub fn is_wide_punctuation(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x3029 | 0xFF01..=0xFF60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortcuts_agree_with_unicode_width() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32).filter(|&c| is_han_or_kana(c) || is_wide_punctuation(c)) {
            assert_eq!((c.width(), c.width_cjk()), (Some(2), Some(2)), "{c:?}");
        }
    }

    #[test]
    fn ambiguous_follows_the_language() {
        // `⋯` (U+22EF) is Neutral to Unicode, but Traditional Chinese copy writes the ellipsis
        // with it (clreq), and a CJK face sets it an em, as `…`.
        for c in ['“', '”', '‘', '’', '×', '—', '…', '·', '―', '⋯'] {
            assert_eq!(char_cells(c, true), 2, "{c} in a CJK issue");
            assert_eq!(char_cells(c, false), 1, "{c} in an English issue");
        }
    }

    #[test]
    fn wide_narrow_and_zero() {
        assert_eq!(char_cells('字', false), 2);
        assert_eq!(char_cells('，', false), 2);
        assert_eq!(char_cells(',', true), 1);
        assert_eq!(char_cells('\u{301}', true), 0);
        assert_eq!(char_cells('\u{200B}', true), 0);
        assert_eq!(str_cells("0351-5661173", true), 12);
    }

    #[test]
    fn a_cluster_is_at_most_two_cells() {
        assert_eq!(str_cells("👨\u{200D}👩\u{200D}👧", true), 2);
        assert_eq!(str_cells("🇨🇳", true), 2);
        assert_eq!(str_cells("葛\u{E0100}", true), 2);
    }
}

/// How wide a terminal draws East Asian Ambiguous characters (as vim's `ambiwidth`): what
/// the screen and the text export pad for. Fit never depends on it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum AmbiWidth {
    #[default]
    Single,
    Double,
}
