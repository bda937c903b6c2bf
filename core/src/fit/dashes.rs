//! The dash and the ellipsis (docs/fit-accounting.md): `——` and `……` are each one 2-em unit,
//! never split, and under `Strict` neither `—` nor `…` starts a line. Traditional Chinese copy
//! writes them otherwise: the dash as `――` (U+2015 HORIZONTAL BAR, which Big5 conversions give),
//! the ellipsis as `⋯⋯` (U+22EF MIDLINE HORIZONTAL ELLIPSIS, as clreq sets it). Those set
//! exactly as their twins do: the same break class (UAX #14 reads U+2015 as a letter and U+22EF
//! as a symbol, which break where a dash or an ellipsis would not), width (U+22EF is Neutral to
//! Unicode, one cell, where a CJK face sets it an em), kinsoku lists and pairing.
//!
//! Each twin is 3 bytes of UTF-8, as the character it stands for, so a text read through
//! [`with_twins`] keeps its byte offsets.
//!
//! ```
//! use pasteup_core::fit::dashes::{pair_half, twin, with_twins};
//! assert_eq!([twin('―'), twin('⋯'), twin('—'), twin('字')], ['—', '…', '—', '字']);
//! assert!(pair_half('―') && pair_half('…') && !pair_half('－'));
//! assert_eq!(with_twins("好――好⋯⋯"), "好——好……");
//! ```

use std::borrow::Cow;

/// The character `c` sets as: `—` for `―`, `…` for `⋯`, else `c` itself.
#[inline]
pub fn twin(c: char) -> char {
    match c {
        '―' => '—',
        '⋯' => '…',
        c => c,
    }
}

/// Whether `c` is one half of a `——` or `……` pair, in either form (`――`, `⋯⋯`).
#[inline]
pub fn pair_half(c: char) -> bool {
    matches!(c, '—' | '…' | '―' | '⋯')
}

/// `s` with each `―` read as `—` and each `⋯` as `…`, for UAX #14; byte offsets unchanged.
/// Borrowed, after one `memchr`, for the text without a byte `E2` (most runs the general
/// path hands to `unicode-linebreak`: Latin words, spaces, emoji).
#[inline]
pub fn with_twins(s: &str) -> Cow<'_, str> {
    if !s.as_bytes().contains(&0xE2) || !s.contains(['―', '⋯']) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().map(twin).collect())
}
