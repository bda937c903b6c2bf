//! Glyphs: where each grapheme of a set line stands, in cells from the measure's left edge,
//! and how wide the engine counted it. The print proofs (HTML and PDF) and the screen draw
//! from this, so what they show is what the fill measured.
//!
//! ```
//! use pasteup_core::fit::glyphs::glyphs;
//! use pasteup_core::fit::SetLine;
//! use pasteup_core::model::Punctuation;
//! let line = SetLine { text: "太原2023".into(), lead: 4, cells: 8, ends_paragraph: false };
//! let g = glyphs(&line, Punctuation::Full, true);
//! assert_eq!((g[0].text, g[0].x, g[0].cells), ("太", 4, 2));
//! assert_eq!((g[2].text, g[2].x, g[2].cells), ("2", 8, 1));
//! assert_eq!(g.iter().map(|g| g.cells).sum::<u32>(), line.cells);
//! ```

use unicode_segmentation::UnicodeSegmentation;

use super::boxes::SetLine;
use super::width::grapheme_cells;
use crate::model::Punctuation;

/// One grapheme cluster of a set line, placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Glyph<'a> {
    pub text: &'a str,
    /// Cells from the left edge of the line's measure (the lead included).
    pub x: u32,
    /// Cells the engine counted for it: 2 for a full em, 1 for a half em (digits, Latin,
    /// and punctuation the house style sets half-width), 0 for marks that combine.
    pub cells: u32,
}

/// The glyphs of `line` as set under `punctuation`; their cells add up to `line.cells`.
pub fn glyphs(line: &SetLine, _punctuation: Punctuation, ambiguous_wide: bool) -> Vec<Glyph<'_>> {
    let mut x = line.lead;
    line.text
        .graphemes(true)
        .map(|text| {
            let cells = grapheme_cells(text, ambiguous_wide);
            let glyph = Glyph { text, x, cells };
            x += cells;
            glyph
        })
        .collect()
}
