//! Greedy filling: a line takes all it can within the column width (docs/fit-accounting.md).
//!
//! A paragraph's first line is indented; a space at a break is dropped and nothing else is
//! lost or altered; a piece that cannot break and is longer than a line is split between
//! graphemes (only then may a kinsoku rule bend). With hanging punctuation on, one of
//! 。，、．, may hang one em past the edge.
//!
//! ```
//! use pasteup_core::fit::{set_paragraph, Align, TextStyle, kinsoku::Rules};
//! use pasteup_core::model::{Kinsoku, Language};
//! let style = TextStyle::new(4, Rules::new(Kinsoku::Strict, Language::ZhHans), true).indent(0);
//! let text = "一二三四。五";
//! let lines = set_paragraph(text, &style);
//! let set: Vec<&str> = lines.iter().map(|l| l.text(text)).collect();
//! assert_eq!(set, ["一二三", "四。五"]); // 。 never starts a line, so 四 goes down with it
//! ```

use super::breaks::{Cluster, Run, Sink, clusters_into, low_bits};
use super::kinsoku::Rules;

/// Where a line's text stands in its measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Align {
    /// Flush left, first line indented.
    Start,
    /// Flush right (bylines, signers, dates).
    End,
    /// Centred (headlines, notice titles).
    Center,
}

/// How to set a piece of text: measure, indent, rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TextStyle {
    /// Measure in cells (2 cells = 1 em).
    pub width: u32,
    /// First-line indent in cells.
    pub indent: u32,
    pub rules: Rules,
    pub ambiguous_wide: bool,
    pub hanging: bool,
    pub align: Align,
}

impl TextStyle {
    /// Flush left at `width_em`, with the customary 2-em first-line indent.
    pub fn new(width_em: u32, rules: Rules, ambiguous_wide: bool) -> TextStyle {
        TextStyle { width: width_em * 2, indent: 4, rules, ambiguous_wide, hanging: false, align: Align::Start }
    }

    pub fn indent(self, em: u32) -> TextStyle {
        TextStyle { indent: em * 2, ..self }
    }

    pub fn align(self, align: Align) -> TextStyle {
        TextStyle { align, indent: if align == Align::Start { self.indent } else { 0 }, ..self }
    }

    pub fn hanging(self, hanging: bool) -> TextStyle {
        TextStyle { hanging, ..self }
    }

    /// The indent actually used: it always leaves room for one full-width character.
    fn first_indent(&self) -> u32 {
        self.indent.min(self.width.saturating_sub(2))
    }
}

/// One set line: a byte range of its paragraph, its width, and the space before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Line {
    pub start: usize,
    pub end: usize,
    /// Cells the text takes (trailing spaces dropped).
    pub cells: u32,
    /// Cells of space before the text: the indent, or the alignment's padding.
    pub lead: u32,
}

impl Line {
    pub fn text<'t>(&self, paragraph: &'t str) -> &'t str {
        &paragraph[self.start..self.end]
    }

    /// The line as it stands in its measure: lead as ideographic spaces (U+3000, one em
    /// each) and a space for an odd half-em, then the text.
    pub fn render(&self, paragraph: &str) -> String {
        let mut out = lead_string(self.lead);
        out.push_str(self.text(paragraph));
        out
    }
}

/// `cells` of blank space: U+3000 per em, an ASCII space for a half em.
pub fn lead_string(cells: u32) -> String {
    let mut out = "\u{3000}".repeat((cells / 2) as usize);
    if cells % 2 == 1 {
        out.push(' ');
    }
    out
}

/// Sets one paragraph into lines.
pub fn set_paragraph(text: &str, style: &TextStyle) -> Vec<Line> {
    let mut out = Vec::new();
    set_paragraph_into(text, style, &mut out);
    out
}

/// Sets one paragraph, appending its lines to `out` (an empty paragraph gives one empty line).
pub fn set_paragraph_into(text: &str, style: &TextStyle, out: &mut Vec<Line>) {
    let first = out.len();
    let mut filler = Filler::new(style, out);
    clusters_into(text, style.ambiguous_wide, style.rules, &mut filler);
    filler.finish(text.len(), first);
}

/// The last place on the current line where it may break.
#[derive(Debug, Clone, Copy)]
struct Break {
    /// Byte where the next line would start.
    at: usize,
    /// Byte where this line's text would end (before any spaces).
    text_end: usize,
    /// Cells on the line before `at`, spaces included.
    cells_before: u32,
    /// Cells of text before `at`, trailing spaces dropped.
    text_cells: u32,
}

struct Filler<'a> {
    style: &'a TextStyle,
    out: &'a mut Vec<Line>,
    line_start: usize,
    lead: u32,
    /// Cells since `line_start`, trailing spaces included.
    cells: u32,
    /// Cells of the spaces at the end of the line so far, and where they begin.
    trail: u32,
    trail_start: usize,
    has_text: bool,
    hung: bool,
    brk: Option<Break>,
    /// Where the previous cluster began, and the line's cells before it: an emergency split
    /// at the second half of a `——` pair goes before the first half instead.
    prev: Break,
}

impl<'a> Filler<'a> {
    fn new(style: &'a TextStyle, out: &'a mut Vec<Line>) -> Filler<'a> {
        let lead = if style.align == Align::Start { style.first_indent() } else { 0 };
        Filler {
            style,
            out,
            line_start: 0,
            lead,
            cells: 0,
            trail: 0,
            trail_start: 0,
            has_text: false,
            hung: false,
            brk: None,
            prev: Break { at: 0, text_end: 0, cells_before: 0, text_cells: 0 },
        }
    }

    #[inline]
    fn push(&mut self, c: Cluster) {
        if c.break_before && self.has_text {
            self.brk = Some(self.break_before(c));
        }
        // Spaces at a paragraph's start are dropped like spaces at a break: the indent is there.
        if c.space && !self.has_text {
            self.line_start = c.end;
            return;
        }
        if c.space {
            if self.trail == 0 {
                self.trail_start = c.start;
            }
            self.trail += c.cells;
            self.cells += c.cells;
            return;
        }
        while self.has_text && self.lead + self.cells + c.cells > self.style.width {
            if self.may_hang(c) {
                self.hung = true;
                break;
            }
            match self.brk.take() {
                Some(b) => self.break_at(b),
                None => self.emergency_break(c),
            }
        }
        self.prev = self.break_before(c);
        self.cells += c.cells;
        self.trail = 0;
        self.has_text = true;
    }

    /// A piece longer than the line: split it between graphemes, before `c`, or before the
    /// first half of a pair that `c` completes.
    fn emergency_break(&mut self, c: Cluster) {
        if c.pair_tail && self.prev.at > self.line_start {
            self.break_at(self.prev);
        } else {
            self.break_at(self.break_before(c));
        }
    }

    /// A break before `c`, as the line stands now.
    fn break_before(&self, c: Cluster) -> Break {
        let text_end = if self.trail > 0 { self.trail_start } else { c.start };
        Break { at: c.start, text_end, cells_before: self.cells, text_cells: self.cells - self.trail }
    }

    /// One of 。，、．, may hang one em past the edge, once a line, when the grid allows it.
    fn may_hang(&self, c: Cluster) -> bool {
        self.style.hanging
            && !self.hung
            && self.trail == 0
            && c.cells <= 2
            && self.lead + self.cells + c.cells <= self.style.width + 2
            && HANGING.contains(&c.first)
    }

    fn break_at(&mut self, b: Break) {
        self.emit(b.text_end, b.text_cells);
        self.line_start = b.at;
        self.lead = 0;
        self.cells -= b.cells_before;
        if self.trail_start < b.at {
            self.trail = 0;
        }
        // The break before the previous cluster now counts from the new line's start.
        if self.prev.at >= b.at {
            self.prev.cells_before -= b.cells_before;
            self.prev.text_cells = self.prev.text_cells.saturating_sub(b.cells_before);
        }
        self.has_text = self.cells > self.trail;
        self.hung = false;
    }

    fn emit(&mut self, end: usize, text_cells: u32) {
        let width = self.style.width;
        let lead = match self.style.align {
            Align::Start => self.lead,
            Align::End => width.saturating_sub(text_cells),
            Align::Center => width.saturating_sub(text_cells) / 2,
        };
        self.out.push(Line { start: self.line_start, end, cells: text_cells, lead });
    }

    fn finish(mut self, len: usize, first: usize) {
        if self.has_text {
            let end = if self.trail > 0 { self.trail_start } else { len };
            self.emit(end, self.cells - self.trail);
        } else if self.out.len() == first {
            // A blank paragraph is one blank line.
            self.line_start = 0;
            self.emit(0, 0);
        }
    }
}

impl Sink for Filler<'_> {
    #[inline]
    fn cluster(&mut self, c: Cluster) {
        self.push(c);
    }

    /// A run of alike clusters after a cluster that is not a space, a line at a time rather
    /// than a cluster at a time. `push` would do this for each that fits: the line has text
    /// and no trailing spaces, so the break before it lies just before it, at `cells`; it
    /// becomes `brk` if a line may break before it, and `prev` either way, and adds its cells.
    /// The first that does not fit goes through `push`, or ends the line just before it when
    /// a line may break there and nothing may hang, as `push` would.
    fn run(&mut self, text: &str, run: Run) {
        debug_assert!(self.has_text && self.trail == 0 && matches!(run.cells, 1 | 2) && run.count <= 64);
        let at_cells = |at: usize, cells: u32| Break { at, text_end: at, cells_before: cells, text_cells: cells };
        let mut k = 0;
        while k < run.count {
            let free = self.style.width.saturating_sub(self.lead + self.cells);
            // Runs are 1 or 2 cells a cluster: no division.
            let room = (if run.cells == 2 { free / 2 } else { free }) as usize;
            let take = room.min(run.count - k);
            if take > 0 {
                let allowed = (run.breaks >> k) & low_bits(take);
                if allowed != 0 {
                    let last = 63 - allowed.leading_zeros() as usize;
                    self.brk = Some(at_cells(run.offset(k + last), self.cells + run.cells * last as u32));
                }
                let last = take - 1;
                self.prev = at_cells(run.offset(k + last), self.cells + run.cells * last as u32);
                self.cells += run.cells * take as u32;
                k += take;
            }
            if k < run.count {
                if run.breaks >> k & 1 != 0 && !self.style.hanging {
                    let at = run.offset(k);
                    self.break_at(at_cells(at, self.cells));
                    self.brk = None;
                    self.prev = at_cells(at, 0);
                    self.cells = run.cells;
                    self.has_text = true;
                } else {
                    self.push(run.cluster(text, k));
                }
                k += 1;
            }
        }
    }
}

/// The marks that may hang past the column edge when the grid says `hanging: true`.
const HANGING: [char; 5] = ['。', '，', '、', '．', ','];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Kinsoku, Language};

    fn style(width_em: u32) -> TextStyle {
        TextStyle::new(width_em, Rules::new(Kinsoku::Strict, Language::ZhHans), true)
    }

    fn lines(text: &str, style: &TextStyle) -> Vec<String> {
        set_paragraph(text, style).iter().map(|l| l.render(text)).collect()
    }

    #[test]
    fn first_line_indented_then_full() {
        assert_eq!(lines("一二三四五六七八九十", &style(4)), ["\u{3000}\u{3000}一二", "三四五六", "七八九十"]);
    }

    #[test]
    fn kinsoku_pulls_a_character_down() {
        // 。 may not start a line, so 三 goes down with it and the first line is short.
        assert_eq!(lines("一二三。四", &style(3).indent(0)), ["一二", "三。四"]);
        // “ may not end a line.
        assert_eq!(lines("一二“三”", &style(3).indent(0)), ["一二", "“三”"]);
    }

    #[test]
    fn space_at_a_break_is_dropped() {
        let s = style(5).indent(0);
        assert_eq!(lines("ab cd ef gh", &s), ["ab cd ef", "gh"]);
        assert_eq!(lines("abcd efghij", &s), ["abcd", "efghij"]);
    }

    #[test]
    fn a_word_longer_than_the_line_is_split_by_grapheme() {
        assert_eq!(lines("abcdefghijkl", &style(3).indent(0)), ["abcdef", "ghijkl"]);
    }

    #[test]
    fn hanging_punctuation() {
        let s = style(3).indent(0).hanging(true);
        assert_eq!(lines("一二三。四", &s), ["一二三。", "四"]);
        assert_eq!(set_paragraph("一二三。四", &s)[0].cells, 8);
    }

    #[test]
    fn alignment() {
        let s = style(5).align(Align::End);
        assert_eq!(lines("（张三）", &s), ["\u{3000}（张三）"]);
        let s = style(6).align(Align::Center);
        assert_eq!(lines("公告", &s), ["\u{3000}\u{3000}公告"]);
    }

    #[test]
    fn empty_paragraph_is_one_empty_line() {
        assert_eq!(set_paragraph("", &style(4)).len(), 1);
    }

    #[test]
    fn indent_never_leaves_a_line_without_room() {
        let s = TextStyle::new(1, Rules::new(Kinsoku::Strict, Language::ZhHans), true);
        assert_eq!(lines("一二", &s), ["一", "二"]);
    }
}
