//! Glyphs: where each grapheme of a set line stands, in cells from the measure's left edge,
//! and how wide the engine counted it. The print proofs (HTML and PDF) and the screen draw
//! from this, so what they show is what the fill measured.
//!
//! ```
//! use pasteup_core::fit::glyphs::glyphs;
//! use pasteup_core::fit::SetLine;
//! use pasteup_core::model::Punctuation;
//! let line = SetLine { text: "太原2023".into(), lead: 4, cells: 8, ragged: false };
//! let g = glyphs(&line, Punctuation::Full, true);
//! assert_eq!((g[0].text, g[0].x, g[0].cells), ("太", 4, 2));
//! assert_eq!((g[2].text, g[2].x, g[2].cells), ("2", 8, 1));
//! assert_eq!(g.iter().map(|g| g.cells).sum::<u32>(), line.cells);
//! // Under LineEnd, `。”` ending a line is 1½ em: 。 half before a mark, ” half at the end.
//! let line = SetLine { text: "好。”".into(), lead: 0, cells: 4, ragged: true };
//! let g = glyphs(&line, Punctuation::LineEnd, true);
//! assert_eq!(g.iter().map(|g| (g.x, g.cells)).collect::<Vec<_>>(), [(0, 2), (2, 1), (3, 1)]);
//!
//! // On a terminal the halved marks are drawn in one-cell forms.
//! use pasteup_core::fit::glyphs::terminal_text;
//! assert_eq!(terminal_text(&line, Punctuation::LineEnd, true), "好｡\"");
//! ```

use unicode_segmentation::UnicodeSegmentation;

use super::boxes::SetLine;
use super::figures::{full_width_alnum, holds_at};
use super::punctuation::{half_width_form, hung_form, line_cells};
use super::width::{grapheme_cells, is_hangul};
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

/// The glyphs of `line` as set under `punctuation`; their cells add up to `line.cells`: a
/// mark the style sets at half an em (inside the line, or at its start or end) counts 1 cell.
pub fn glyphs(line: &SetLine, punctuation: Punctuation, ambiguous_wide: bool) -> Vec<Glyph<'_>> {
    let graphemes: Vec<&str> = line.text.graphemes(true).collect();
    let full: Vec<(char, u32)> =
        graphemes.iter().map(|g| (g.chars().next().unwrap_or(' '), grapheme_cells(g, ambiguous_wide))).collect();
    let cells = line_cells(punctuation, &full);
    let mut x = line.lead;
    graphemes
        .into_iter()
        .zip(cells)
        .map(|(text, cells)| {
            let glyph = Glyph { text, x, cells };
            x += cells;
            glyph
        })
        .collect()
}

/// For each of `glyphs` (the glyphs of `line`, in order), whether it holds to the one before
/// it inside a number or a word, so that justifying the line puts no space between them: two
/// half-width characters side by side (`35`, `GDP`, `0351-5661173`), figures and letters in
/// full width as the line breaks keep them whole (`１２．５`, `ＮＨＫ`, `５Ｇ`; see
/// [`holds_at`]), a per cent sign after a figure (`５％`), and the second half of a mark set
/// as two (`——`, `……`, `――`, `⋯⋯`), which spacing would break in two. A space holds to
/// nothing; the first glyph holds to nothing.
///
/// ```
/// use pasteup_core::fit::glyphs::{glyphs, held};
/// use pasteup_core::fit::SetLine;
/// use pasteup_core::model::Punctuation;
/// let line = SetLine { text: "涨１２．５％，GDP增".into(), lead: 0, cells: 24, ragged: false };
/// let g = glyphs(&line, Punctuation::Full, true);
/// let holds: String = held(&line, &g).iter().map(|&h| if h { '=' } else { '|' }).collect();
/// assert_eq!(holds, "||====||==|");
/// ```
pub fn held(line: &SetLine, glyphs: &[Glyph]) -> Vec<bool> {
    let narrow = |g: &Glyph| g.text.is_ascii() && g.text != " ";
    let figure = |g: &Glyph| g.text.chars().next_back().is_some_and(|c| c.is_ascii_digit() || matches!(c, '０'..='９'));
    let mut at = 0;
    let mut out = Vec::with_capacity(glyphs.len());
    for (n, g) in glyphs.iter().enumerate() {
        let holds = n > 0 && {
            let before = &glyphs[n - 1];
            (narrow(before) && narrow(g))
                || holds_at(&line.text, at)
                || (figure(before) && matches!(g.text, "％" | "%"))
                || (before.text == g.text && matches!(g.text, "—" | "―" | "…" | "⋯" | "‥"))
        };
        out.push(holds);
        at += g.text.len();
    }
    out
}

/// Before which of `glyphs` (the glyphs of a line, `held` as [`held`] gives them) a justified
/// line widens: at a space, and beside a Han character, kana or full-width mark, as a browser
/// justifies (`text-justify: auto`); never inside a number or a word, in either width, nor
/// between Hangul syllables or Latin letters. A full-width figure or letter is part of its
/// number or word, no place of its own: `〒１００―` widens after `〒`, not between `１００`
/// and `―` (found from outside: the press PDF opened a gap there that the HTML proof did not). A line with no such place but a symbol the
/// engine counts a full em (`×№1`, an East Asian Ambiguous sign in a Chinese issue) widens
/// beside those symbols instead, as it would beside a Han character (found from outside: such a
/// line, not its paragraph's last, stood short of its measure); a letter or figure so counted
/// (`μg`, `m³`) is part of its word and opens nothing. None: the line stays flush left. Both
/// print proofs justify by it (found from outside: the PDF letter-spaced a Korean word and a
/// URL the HTML proof left whole).
///
/// ```
/// use pasteup_core::fit::glyphs::{glyphs, held, justify_gaps};
/// use pasteup_core::fit::SetLine;
/// use pasteup_core::model::Punctuation;
/// let gaps = |text: &str| {
///     let line = SetLine { text: text.into(), lead: 0, cells: 0, ragged: false };
///     let g = glyphs(&line, Punctuation::Full, true);
///     justify_gaps(&g, &held(&line, &g))
/// };
/// assert_eq!(gaps("太原2023年"), [1, 2, 6]);
/// assert_eq!(gaps("누적 결과"), [2, 3]);
/// assert!(gaps("서울특별시교육청").is_empty() && gaps("waterfront").is_empty());
/// assert_eq!(gaps("×№1"), [1, 2]);
/// assert_eq!(gaps("4g/m3；№12"), [5, 6]);
/// assert!(gaps("——").is_empty());
/// assert_eq!(gaps("意、〒１００―"), [1, 2, 3]);
/// assert_eq!(gaps("第５届"), [1, 2]);
/// ```
pub fn justify_gaps(glyphs: &[Glyph], held: &[bool]) -> Vec<usize> {
    let holds = |n: usize| held.get(n).copied().unwrap_or(false);
    let beside = |opens: &dyn Fn(&Glyph) -> bool| -> Vec<usize> {
        let opens = |n: usize| glyphs.get(n).is_some_and(opens);
        (1..glyphs.len()).filter(|&n| !holds(n) && (opens(n - 1) || opens(n))).collect()
    };
    let gaps = beside(&|g| g.text == " " || (is_ideographic(g.text) && !g.text.chars().any(full_width_alnum)));
    if !gaps.is_empty() {
        return gaps;
    }
    beside(&|g| g.cells == 2 && !g.text.chars().any(|c| c.is_alphanumeric() || is_hangul(c)))
}

/// How many of `glyphs` (a line's) justifying spreads over `measure` (cells, from the
/// measure's left edge as the glyphs' `x`): all of them, but a mark hung past the measure
/// (grid `hanging`), which then starts at the measure, in the gutter. Under `Full` the fill
/// hangs a full-em `，` after text an odd number of cells short of the measure (21 of 22), so
/// the text before the mark, not the mark, is what reaches the measure (found from outside: the
/// line was left ½ em short, the mark over the measure's edge). Both print proofs ask this.
///
/// ```
/// use pasteup_core::fit::glyphs::{glyphs, spread_over};
/// use pasteup_core::fit::SetLine;
/// use pasteup_core::model::Punctuation;
/// // 统 计 1 月 take 7 cells, ， 2 more: in 8 cells it hangs, in 9 it ends the measure.
/// let line = SetLine { text: "统计1月，".into(), lead: 0, cells: 9, ragged: false };
/// let g = glyphs(&line, Punctuation::Full, true);
/// assert_eq!(spread_over(&g, 8), 4);
/// assert_eq!(spread_over(&g, 9), 5);
/// ```
pub fn spread_over(glyphs: &[Glyph], measure: u32) -> usize {
    match glyphs.split_last() {
        Some((mark, _)) if mark.x + mark.cells > measure && hung_form(mark.text).is_some() => glyphs.len() - 1,
        _ => glyphs.len(),
    }
}

/// Whether a grapheme is one a browser justifies beside: East Asian Wide or Fullwidth, but
/// not Hangul.
fn is_ideographic(text: &str) -> bool {
    text.chars().next().is_some_and(|c| !is_hangul(c) && unicode_width::UnicodeWidthChar::width(c) == Some(2))
}

/// The line as a terminal draws it: each mark the style sets at half an em (1 cell where it
/// would be 2) in its [one-cell form](super::punctuation::half_width_form), the rest as set;
/// so every glyph advances the cells the engine counted. Under `Full` it is the line's text.
pub fn terminal_text(line: &SetLine, punctuation: Punctuation, ambiguous_wide: bool) -> String {
    if punctuation == Punctuation::Full {
        return line.text.clone();
    }
    let mut out = String::with_capacity(line.text.len());
    for g in glyphs(line, punctuation, ambiguous_wide) {
        let mut chars = g.text.chars();
        match chars.next().and_then(half_width_form) {
            Some(form) if g.cells == 1 && grapheme_cells(g.text, ambiguous_wide) == 2 => {
                out.push(form);
                out.push_str(chars.as_str());
            }
            _ => out.push_str(g.text),
        }
    }
    out
}
/// A one-cell stand-in for a grapheme a terminal draws wider than the page measures it: an
/// East Asian Ambiguous character in an English issue (1 cell) on a terminal that draws them 2
/// (`--ambiwidth double`). The screen and the text export draw it so, that every column
/// stays where the engine measured it; the nearest ASCII, or `?` for a character with none.
///
/// ```
/// use pasteup_core::fit::glyphs::narrow_stand_in;
/// assert_eq!(["“", "—", "―", "…", "°", "±", "→", "①", "Ж"].map(narrow_stand_in), ["\"", "-", "-", "~", "o", "+", ">", "1", "?"]);
/// ```
pub fn narrow_stand_in(g: &str) -> &'static str {
    match g {
        "“" | "”" => "\"",
        "‘" | "’" | "′" => "'",
        "″" => "\"",
        "—" | "―" | "–" | "‐" => "-",
        // Not `.`, which would read as a full stop.
        "…" => "~",
        "·" => ".",
        "×" => "x",
        "÷" => "/",
        "°" => "o",
        "±" => "+",
        "§" => "S",
        "№" => "N",
        "★" | "☆" | "※" => "*",
        "→" => ">",
        "←" => "<",
        "①" => "1",
        "②" => "2",
        "③" => "3",
        "④" => "4",
        "⑤" => "5",
        "⑥" => "6",
        "⑦" => "7",
        "⑧" => "8",
        "⑨" => "9",
        _ => "?",
    }
}
