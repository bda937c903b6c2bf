//! Greedy filling: a line takes all it can within the column width (docs/fit-accounting.md).
//!
//! A paragraph's first line is indented; a space (U+3000 too) at a break is dropped and
//! nothing else is lost or altered; a piece that cannot break and is longer than a line is
//! split between graphemes (only then may a kinsoku rule bend). With hanging punctuation on,
//! one of 。，、．, may hang one em past the edge.
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

use super::breaks::{Cluster, Run, Sink, low_bits};
use super::kinsoku::Rules;
use super::orphans::avoid_orphan;
use super::punctuation::styled_clusters_into;
use crate::model::{Orphans, Punctuation};

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
    /// Which marks take half an em (the grid's `punctuation`).
    pub punctuation: Punctuation,
    /// Whether a paragraph may end in a line of one character (the grid's `orphans`).
    pub orphans: Orphans,
}

impl TextStyle {
    /// Flush left at `width_em`, with the customary 2-em first-line indent, every mark a full
    /// em and orphans allowed: version 1's setting. A page's grid may ask for more (see
    /// [`Setter`](super::Setter)).
    pub fn new(width_em: u32, rules: Rules, ambiguous_wide: bool) -> TextStyle {
        TextStyle {
            width: width_em * 2,
            indent: 4,
            rules,
            ambiguous_wide,
            hanging: false,
            align: Align::Start,
            punctuation: Punctuation::Full,
            orphans: Orphans::Allow,
        }
    }

    pub fn punctuation(self, punctuation: Punctuation) -> TextStyle {
        TextStyle { punctuation, ..self }
    }

    pub fn orphans(self, orphans: Orphans) -> TextStyle {
        TextStyle { orphans, ..self }
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
    pub(crate) fn first_indent(&self) -> u32 {
        self.indent.min(self.width.saturating_sub(2))
    }
}

/// One set line: a byte range of its paragraph, its width, and the space before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Line {
    pub start: usize,
    pub end: usize,
    /// Cells the text takes (trailing spaces, U+3000 too, dropped).
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
    styled_clusters_into(text, style.ambiguous_wide, style.rules, style.punctuation, &mut filler);
    filler.finish(text.len(), first);
    if style.orphans == Orphans::Avoid && out.len() >= first + 2 {
        avoid_orphan(text, style, &mut out[first..]);
    }
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
    /// Cells of text before `at`, trailing spaces dropped (a closing mark at its end halved).
    text_cells: u32,
    /// Whether the cluster at `at` is an opening mark that would start its line at half an em.
    start_half: u32,
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
    /// The cell the line's first cluster gives back at its start (an opening mark, 0 or 1).
    start_half: u32,
    /// The cell the last cluster that is not a space would give back at the line's end.
    end_half: u32,
    hung: bool,
    brk: Option<Break>,
    /// Where the previous cluster began, and the line's cells before it: an emergency split
    /// at the second half of a `——` pair goes before the first half instead.
    prev: Break,
    /// How many full-width clusters a line holds after one of them, and their [`window`]:
    /// worked out once a paragraph, not once a run.
    whole: (u32, u64),
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
            start_half: 0,
            end_half: 0,
            hung: false,
            brk: None,
            prev: Break { at: 0, text_end: 0, cells_before: 0, text_cells: 0, start_half: 0 },
            whole: {
                let most = style.width.saturating_sub(2) / 2;
                (most, window(most))
            },
        }
    }

    #[inline]
    fn push(&mut self, c: Cluster) {
        if c.break_before && self.has_text {
            self.brk = Some(self.break_before(c));
        }
        if c.space {
            if self.has_text {
                if self.trail == 0 {
                    self.trail_start = c.start;
                }
                self.trail += c.cells;
                self.cells += c.cells;
                return;
            }
            // ASCII spaces at a paragraph's start are dropped like spaces at a break: the
            // indent is there. U+3000 there is a typed indent and stays, as text.
            if c.first == ' ' {
                self.line_start = c.end;
                return;
            }
        }
        let end_half = u32::from(c.half_at_line_end);
        // A closing mark fits when it fits at half an em, as it would end the line; if what
        // follows does not fit either, the line ends after it.
        while self.has_text && self.lead + self.line_cells() + c.cells - end_half > self.style.width {
            if self.may_hang(c) {
                self.hung = true;
                break;
            }
            match self.brk.take() {
                Some(b) => self.break_at(b),
                None => self.emergency_break(c),
            }
        }
        if !self.has_text {
            self.start_half = u32::from(c.half_at_line_start);
        }
        self.prev = self.break_before(c);
        self.cells += c.cells;
        self.end_half = end_half;
        self.trail = 0;
        self.has_text = true;
    }

    /// Cells the line takes so far, its first cluster as at a line start.
    #[inline(always)]
    fn line_cells(&self) -> u32 {
        self.cells - self.start_half
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
        Break {
            at: c.start,
            text_end,
            cells_before: self.cells,
            text_cells: self.cells - self.trail - self.end_half,
            start_half: u32::from(c.half_at_line_start),
        }
    }

    /// One of 。，、．, may hang one em past the edge, once a line, when the grid allows it and
    /// what stands before it fits as it is. Found from outside: a closing mark let in at half
    /// an em, as it would end the line, stood at its full em before a hung `,` and ran half an
    /// em over the measure; and a space before the mark kept it from hanging, so the line
    /// broke before `、` where no break is allowed.
    fn may_hang(&self, c: Cluster) -> bool {
        !self.hung && hangs_after(self.style, self.lead + self.line_cells(), c)
    }

    #[inline]
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
        // The new line starts with the cluster at the break, if it holds any yet.
        self.start_half = if self.has_text { b.start_half } else { 0 };
        if !self.has_text {
            self.end_half = 0;
        }
        self.hung = false;
    }

    fn emit(&mut self, end: usize, text_cells: u32) {
        self.emit_line(self.line_start, end, text_cells - self.start_half, self.lead);
    }

    fn finish(mut self, len: usize, first: usize) {
        if self.has_text {
            let end = if self.trail > 0 { self.trail_start } else { len };
            self.emit(end, self.cells - self.trail - self.end_half);
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

    #[inline(always)]
    fn run(&mut self, text: &str, run: &mut Run) {
        self.take_run::<false>(text, run);
    }

    #[inline(always)]
    fn styled_run(&mut self, text: &str, run: &mut Run) {
        self.take_run::<true>(text, run);
    }
}

impl Filler<'_> {
    /// A run of alike clusters after a cluster that is not a space, a line at a time rather
    /// than a cluster at a time. `push` would do this for each that fits: the line has text
    /// and no trailing spaces, so the break before it lies just before it; it becomes `brk` if
    /// a line may break before it, and adds its cells. Half-em marks (only if `STYLED`: else
    /// the run has none) let more fit, and a closing mark fits if it fits at half an em. The
    /// first that does not fit goes through `push`, or ends the line just before it when a
    /// line may break there and nothing may hang, as `push` would.
    #[inline(always)]
    fn take_run<const STYLED: bool>(&mut self, text: &str, run: &Run) {
        debug_assert!(self.has_text && self.trail == 0 && matches!(run.cells, 1 | 2) && run.count <= 64);
        // `prev` is left alone: only the tail of a `——` or `……` pair reads it, and the cluster
        // before such a tail is its first half, which never comes in a run.
        let free = self.style.width.saturating_sub(self.lead + self.line_cells());
        let end_half = styled_bit::<STYLED>(run.half_at_end, run.count - 1);
        let cells = run.width;
        if cells - end_half <= free {
            // The whole run fits (the commonest case: runs are shorter than lines). What
            // `run_ends` does, written out: calling it gave the same instructions but, as the
            // code then lay, both styles read two points slower (docs/performance.md).
            if run.breaks != 0 {
                self.brk = Some(self.break_in_run::<STYLED>(run, 0, 63 - run.breaks.leading_zeros() as usize));
            }
            self.cells += cells;
            self.end_half = end_half;
            return;
        }
        self.run_over::<STYLED>(text, run);
    }

    /// A run that does not fit on the line as it stands: a line at a time.
    #[inline(never)]
    fn run_over<const STYLED: bool>(&mut self, text: &str, run: &Run) {
        let mut k = 0;
        while k < run.count {
            let mut line = None;
            if !self.style.hanging {
                (k, line) = self.lines_at_breaks::<STYLED>(run, k);
                if k == run.count {
                    break;
                }
            }
            let (take, cells) = line.unwrap_or_else(|| {
                let used = self.lead + self.line_cells();
                let most = (Self::most(run, self.style.width.saturating_sub(used)) as usize).min(run.count - k);
                take_line::<STYLED>(run, k, used, self.style.width, most, window(most as u32))
            });
            if take > 0 {
                let end = k + take;
                // Where a line may break just after what is taken, the line ends there (below):
                // the last break among what is taken is not needed.
                let ends_at_break = end < run.count && !self.style.hanging && run.breaks >> end & 1 != 0;
                let allowed = (run.breaks >> k) & low_bits(take);
                if allowed != 0 && !ends_at_break {
                    let last = 63 - allowed.leading_zeros() as usize;
                    self.brk = Some(self.break_in_run::<STYLED>(run, k, last));
                }
                self.cells += cells;
                self.end_half = styled_bit::<STYLED>(run.half_at_end, k + take - 1);
                k += take;
            }
            if k < run.count {
                if self.style.hanging {
                    self.push(run.cluster(text, k));
                } else if run.breaks >> k & 1 != 0 {
                    self.break_at(self.break_in_run::<STYLED>(run, k, 0));
                    self.one_cluster_line::<STYLED>(run, k);
                    self.has_text = true;
                } else if let Some(b) = self.brk.take() {
                    // What `push` would do: end the line at the last break and try the `k`th
                    // again on the next (the next turn takes it with what else fits) — unless
                    // only zero-width clusters (a tab) came down with the break: then the `k`th
                    // starts the line's text, as `push` has it.
                    self.break_at(b);
                    if self.has_text {
                        continue;
                    }
                    self.push(run.cluster(text, k));
                } else {
                    self.push(run.cluster(text, k));
                }
                k += 1;
            }
        }
    }

    /// From the `k`th cluster of `run`, the lines that end where a line may break, as the loop
    /// of [`run_over`](Filler::run_over) sets them: most lines end so. Once one has, the next
    /// starts with one cluster and no lead, and the loop keeps it in locals: a line's length
    /// then waits on no store and load of the one before. Stops at the run's end, or before
    /// the first line that ends otherwise (no break where it is full, or no cluster fits at its
    /// full width), which it leaves for `run_over` to set; returns where it stopped, and the
    /// clusters and cells of the line from there when it has counted them (no break where the
    /// line is full), so that `run_over` need not count them again.
    #[inline(always)]
    fn lines_at_breaks<const STYLED: bool>(&mut self, run: &Run, k: usize) -> (usize, Option<(usize, u32)>) {
        let width = self.style.width;
        let line = self.line_cells();
        let used = self.lead + line;
        let most = Self::most(run, width.saturating_sub(used));
        let mut end = match fill_line::<STYLED>(run, k, used, width, most, window(most)) {
            Fill::Stop => return (k, None),
            Fill::NoBreak { take, taken } => return (k, Some((take, taken))),
            Fill::RunEnds { taken } => return (self.run_ends::<STYLED>(run, k, taken), None),
            Fill::Breaks { end, taken } => {
                let text_cells = line + taken - styled_bit::<STYLED>(run.half_at_end, end - 1);
                self.emit_line(self.line_start, Self::offset::<STYLED>(run, end), text_cells, self.lead);
                end
            }
        };
        // The line holds the `end`th cluster alone: its full width, or a cell less when it is ½ em
        // inside the line or, if not, an opening mark, which starts the line at ½ em (one cell
        // either way: `half_at_start` is an opening mark not ½ em inside). For a measure of
        // whole ems, what is left holds as many clusters at their full width either way: that
        // number then waits on nothing, and the next line's start need not wait for this
        // one's marks.
        let at_start = run.half() | run.marks.open;
        let (whole_ems, whole_window) = if STYLED {
            self.whole
        } else {
            let most = Self::most(run, width.saturating_sub(run.cells));
            (most, window(most))
        };
        let even = width.is_multiple_of(2);
        loop {
            let k = end + 1;
            let line = Self::cluster_cells::<STYLED>(run) - styled_bit::<STYLED>(at_start, end);
            let (most, window) = if even {
                (whole_ems, whole_window)
            } else {
                let most = Self::most(run, width.saturating_sub(line));
                (most, window(most))
            };
            let fill = if k == run.count { Fill::Stop } else { fill_line::<STYLED>(run, k, line, width, most, window) };
            match fill {
                Fill::Breaks { end: next, taken } => {
                    let text_cells = line + taken - styled_bit::<STYLED>(run.half_at_end, next - 1);
                    let (from, to) = (Self::offset::<STYLED>(run, end), Self::offset::<STYLED>(run, next));
                    self.emit_line(from, to, text_cells, 0);
                    end = next;
                }
                Fill::Stop => {
                    self.one_cluster_line::<STYLED>(run, end);
                    return (k, None);
                }
                Fill::NoBreak { take, taken } => {
                    self.one_cluster_line::<STYLED>(run, end);
                    return (k, Some((take, taken)));
                }
                Fill::RunEnds { taken } => {
                    self.one_cluster_line::<STYLED>(run, end);
                    return (self.run_ends::<STYLED>(run, k, taken), None);
                }
            }
        }
    }

    /// How many clusters of `run` `room` cells hold at their full width.
    #[inline(always)]
    fn most(run: &Run, room: u32) -> u32 {
        if run.cells == 2 { room / 2 } else { room }
    }

    /// A set line from byte `start` to `end`, `text_cells` wide, after `indent`.
    #[inline(always)]
    fn emit_line(&mut self, start: usize, end: usize, text_cells: u32, indent: u32) {
        let lead = aligned_lead(self.style, indent, text_cells);
        self.out.push(Line { start, end, cells: text_cells, lead });
    }

    /// The line after a break before the `k`th cluster of `run`, which it holds alone.
    #[inline(always)]
    fn one_cluster_line<const STYLED: bool>(&mut self, run: &Run, k: usize) {
        self.line_start = Self::offset::<STYLED>(run, k);
        self.lead = 0;
        self.cells = Self::cells_in::<STYLED>(run, k, 1);
        self.start_half = styled_bit::<STYLED>(run.half_at_start, k);
        self.end_half = styled_bit::<STYLED>(run.half_at_end, k);
        self.brk = None;
        self.hung = false;
    }

    /// The clusters of `run` from the `k`th, `taken` cells, end the run on the line, which
    /// goes on in what follows; returns the run's length.
    #[inline(always)]
    fn run_ends<const STYLED: bool>(&mut self, run: &Run, k: usize, taken: u32) -> usize {
        let allowed = run.breaks >> k;
        if allowed != 0 {
            let last = 63 - allowed.leading_zeros() as usize;
            self.brk = Some(self.break_in_run::<STYLED>(run, k, last));
        }
        self.cells += taken;
        self.end_half = styled_bit::<STYLED>(run.half_at_end, run.count - 1);
        run.count
    }

    /// Cells of the `n` clusters from the `k`th of `run`, counting its ½-em marks if `STYLED`.
    #[inline(always)]
    fn cells_in<const STYLED: bool>(run: &Run, k: usize, n: usize) -> u32 {
        if STYLED { run.cells_of(k, n) } else { run.cells * n as u32 }
    }

    /// Cells of each cluster of `run` as the cutter gives it: a styled run is CJK, 2 cells a
    /// cluster and 3 bytes, known without reading the run (fewer registers for the loop).
    #[inline(always)]
    fn cluster_cells<const STYLED: bool>(run: &Run) -> u32 {
        if STYLED { 2 } else { run.cells }
    }

    /// The byte where the `k`th cluster of `run` starts.
    #[inline(always)]
    fn offset<const STYLED: bool>(run: &Run, k: usize) -> usize {
        if STYLED { run.start + 3 * k } else { run.offset(k) }
    }

    /// The break before the `j`th cluster after the `k`th of `run`, the line standing as it
    /// does before the `k`th.
    #[inline(always)]
    fn break_in_run<const STYLED: bool>(&self, run: &Run, k: usize, j: usize) -> Break {
        let at = Self::offset::<STYLED>(run, k + j);
        let cells_before = self.cells + Self::cells_in::<STYLED>(run, k, j);
        let end_half = if j == 0 { self.end_half } else { styled_bit::<STYLED>(run.half_at_end, k + j - 1) };
        Break {
            at,
            text_end: at,
            cells_before,
            text_cells: cells_before - end_half,
            start_half: styled_bit::<STYLED>(run.half_at_start, k + j),
        }
    }
}

/// How a line goes on from a cluster of a run.
enum Fill {
    /// Left for [`Filler::run_over`] to set: no cluster fits at its full width (or none is left).
    Stop,
    /// Left for [`Filler::run_over`] to set, counted: `take` clusters fit, `taken` cells, and
    /// no line may break where they end.
    NoBreak { take: usize, taken: u32 },
    /// The rest of the run fits, `taken` cells.
    RunEnds { taken: u32 },
    /// The line is full, `taken` cells more, before the `end`th, where it may break.
    Breaks { end: usize, taken: u32 },
}

/// How the line goes on from the `k`th cluster of `run` (one of its clusters), `used` cells of
/// `width` taken, with room for `most` of its clusters at their full width: as many clusters as fit, ½-em
/// marks inside the line counted and a closing mark that ends it at ½ em (only if `STYLED`:
/// else the run has none).
#[inline(always)]
fn fill_line<const STYLED: bool>(run: &Run, k: usize, used: u32, width: u32, most: u32, window: u64) -> Fill {
    let take = (most as usize).min(run.count - k);
    if take == 0 {
        return Fill::Stop;
    }
    let (take, taken) = take_line::<STYLED>(run, k, used, width, take, window);
    let end = k + take;
    if end == run.count {
        Fill::RunEnds { taken }
    } else if run.breaks >> end & 1 != 0 {
        Fill::Breaks { end, taken }
    } else {
        Fill::NoBreak { take, taken }
    }
}

/// As many clusters of `run` from the `k`th as fit on a line `width` cells wide of which `used`
/// are taken, whose room holds `take` of them (no more than are left) at their full width: how
/// many, and their cells. The room is not worked out: a measure of whole ems then needs no
/// subtraction a line. `window` is the mask of the clusters the room holds at their full
/// width (see [`window`]), which may reach
/// past the run's end, where its bits are 0. ½-em marks inside the line and a closing mark
/// ending it at ½ em (only if `STYLED`: else the run has none) let more in: one more while it
/// fits, counted a cluster at a time.
#[inline(always)]
fn take_line<const STYLED: bool>(
    run: &Run,
    k: usize,
    used: u32,
    width: u32,
    mut take: usize,
    window: u64,
) -> (usize, u32) {
    let left = run.count - k;
    let mut taken = match take {
        0 => 0,
        _ if STYLED => 2 * take as u32 - ((run.half() >> k) & window).count_ones(),
        _ => run.cells * take as u32,
    };
    if STYLED {
        // A cluster gives back a cell at the line's end when it is ½ em inside the line or, if
        // not, a closing mark (one cell either way: `half_at_end` is a closing mark not ½ em
        // inside). The try is a branch, not arithmetic: foretold, it lets the next line start
        // before this one's marks are counted. One more fits in one line of eight: laid out as
        // the cold path, the usual way falls straight through (ja about a point faster).
        let (half, at_end) = (run.half(), run.half() | run.marks.close);
        while take < left && used + taken + 2 - bit(at_end, k + take) <= width {
            std::hint::cold_path();
            taken += 2 - bit(half, k + take);
            take += 1;
        }
    }
    (take, taken)
}

/// The bits of `most` clusters at their full width: the low `most` bits (all 64 for 64 or
/// more). Where fewer are left in a run, its bits past its end are 0: the mask then covers
/// exactly the clusters taken, and the line loop makes it once a call for a measure of whole
/// ems.
#[inline(always)]
fn window(most: u32) -> u64 {
    if most >= 64 { u64::MAX } else { (1u64 << most) - 1 }
}

/// Bit `k` of `bits`, as a number of cells.
#[inline(always)]
fn bit(bits: u64, k: usize) -> u32 {
    (bits >> k & 1) as u32
}

/// Bit `k` of one of a run's half-em masks, as a number of cells; 0 without reading it when the
/// run is not `STYLED` (it has no half-em marks).
#[inline(always)]
fn styled_bit<const STYLED: bool>(bits: u64, k: usize) -> u32 {
    if STYLED { bit(bits, k) } else { 0 }
}

/// The space before a line of `text_cells`: `indent` flush left, else the alignment's padding.
pub(crate) fn aligned_lead(style: &TextStyle, indent: u32, text_cells: u32) -> u32 {
    match style.align {
        Align::Start => indent,
        Align::End => style.width.saturating_sub(text_cells),
        Align::Center => style.width.saturating_sub(text_cells) / 2,
    }
}

/// Whether `mark` may hang past the edge of a line whose text before it takes `before` cells
/// (its lead too), at its present widths: the grid allows it, it is one of [`HANGING`], what
/// stands before it fits the measure, and it ends within one em past the edge. The filler and
/// the orphan rule both ask this.
pub(crate) fn hangs_after(style: &TextStyle, before: u32, mark: Cluster) -> bool {
    style.hanging
        && mark.cells <= 2
        && before <= style.width
        && before + mark.cells <= style.width + 2
        && HANGING.contains(&mark.first)
}

/// The marks that may hang past the column edge when the grid says `hanging: true`.
pub(crate) const HANGING: [char; 5] = ['。', '，', '、', '．', ','];

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

    /// Found from outside: a headline row broke after the ideographic space U+3000 and still
    /// counted it, so `幕　` did not fit where `幕` did and the row lost a character. At a
    /// break U+3000 is dropped as a space is; at a line's start it stays (a typed indent).
    #[test]
    fn an_ideographic_space_at_a_break_is_dropped() {
        let s = style(4).indent(0);
        assert_eq!(lines("一二三四　五六", &s), ["一二三四", "五六"]);
        assert_eq!(set_paragraph("一二三四　五六", &s)[0].cells, 8);
        assert_eq!(lines("一二三 　四五", &style(3).indent(0)), ["一二三", "四五"]);
        assert_eq!(lines("　　一二三四五六", &s), ["\u{3000}\u{3000}一二", "三四五六"]);
        assert_eq!(lines("一二\u{3000}", &s), ["一二"]);
        // Inside a line it is an em like any other.
        assert_eq!(lines("一　二三四五", &s), ["一\u{3000}二三", "四五"]);
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

    /// Found from outside: under `LineEnd` a closing mark let in at half an em stood at its
    /// full em before a hung `,`, half an em over the measure; a space before `、` or `。` kept
    /// it from hanging and the line broke before the mark, where no break is allowed.
    #[test]
    fn a_hung_mark_follows_only_what_fits() {
        let s = style(4).indent(0).hanging(true).punctuation(Punctuation::LineEnd);
        for text in ["据报道，“增长5%”,", "一二三a」,"] {
            for line in set_paragraph(text, &s) {
                let hung = line.text(text).ends_with(',');
                assert!(line.lead + line.cells - u32::from(hung) <= 8, "{text}: {:?} {line:?}", line.text(text));
            }
        }
        let s = style(4).indent(0).hanging(true);
        assert_eq!(lines("ＧＤＰ 、", &s), ["ＧＤＰ 、"]);
        assert_eq!(lines("一二三 。", &s), ["一二三 。"]);
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
