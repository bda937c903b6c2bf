//! Punctuation styles (docs/fit-accounting.md, "Punctuation styles"): which marks of a line
//! take half an em (1 cell) instead of a full em under `LineEnd` (行末压缩) and `Kaiming` (开明式).
//!
//! C = `。，、；：？！）］〕】》〉」』〗｝”’` (closing and pause marks), O = `（［〔【《〈「『〖｛“‘`
//! (opening marks); a cluster is a mark when its first character is one of them.
//!
//! - Inside a line, of two adjacent marks the first is ½ em when it is in C and the second
//!   when it is in O (`。”` → 1½ em, `）（` → 1 em, `”“` → 1 em); under `Kaiming` every mark
//!   of C but `。？！` is ½ em anywhere. This is the cluster's *inline* width.
//! - A mark of C that still takes a full em is ½ em when it ends a line, and a mark of O when it
//!   starts one: the cluster says so (`half_at_line_end`, `half_at_line_start`) and the filler
//!   counts it when it knows where the line ends.
//!
//! Under `Full` nothing changes: the cutter's clusters go to the filler untouched.
//!
//! ```
//! use pasteup_core::fit::punctuation::{Mark, mark};
//! assert_eq!((mark('。'), mark('“'), mark('字')), (Mark::Close, Mark::Open, Mark::None));
//! ```

use super::breaks::{Cluster, Marks, Run, Sink, clusters_into};
use super::classes::{Entry, table};
use super::kinsoku::Rules;
use crate::model::Punctuation;

/// What a character is to the punctuation styles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Not one of the marks the styles compress.
    None,
    /// Closing and pause marks (C).
    Close,
    /// Opening marks (O).
    Open,
}

/// Which of C and O `c` is in.
#[inline]
pub fn mark(c: char) -> Mark {
    match c {
        '。' | '，' | '、' | '；' | '：' | '？' | '！' | '）' | '］' | '〕' | '】' | '》' | '〉' | '」' | '』'
        | '〗' | '｝' | '”' | '’' => Mark::Close,
        '（' | '［' | '〔' | '【' | '《' | '〈' | '「' | '『' | '〖' | '｛' | '“' | '‘' => Mark::Open,
        _ => Mark::None,
    }
}

/// The marks of C that `Kaiming` leaves a full em inside a line: the full stop, the
/// question mark and the exclamation mark.
#[inline]
pub fn is_stop(c: char) -> bool {
    matches!(c, '。' | '？' | '！')
}

/// Whether `punctuation` sets the mark `c`, standing alone in a line, at half an em.
#[inline]
pub fn half_anywhere(punctuation: Punctuation, c: char) -> bool {
    punctuation == Punctuation::Kaiming && mark(c) == Mark::Close && !is_stop(c)
}

/// Half of a full em: 2 cells become 1; a mark already 1 cell wide (a curly quote in an
/// English issue) stays 1.
#[inline]
pub fn halved(cells: u32) -> u32 {
    if cells == 2 { 1 } else { cells }
}

/// The one-cell form a terminal draws for a mark the style sets at half an em, so that the
/// screen's columns stay where the engine measured them (docs/fit-accounting.md gives the
/// table). Every form is 1 cell wide in `unicode-width`, in either ambiguous setting.
pub fn half_width_form(c: char) -> Option<char> {
    Some(match c {
        '。' => '｡',
        '，' => ',',
        '、' => '､',
        '；' => ';',
        '：' => ':',
        '？' => '?',
        '！' => '!',
        '）' => ')',
        '］' | '〕' | '】' | '〗' => ']',
        '》' | '〉' => '>',
        '」' | '』' => '｣',
        '｝' => '}',
        '（' => '(',
        '［' | '〔' | '【' | '〖' => '[',
        '《' | '〈' => '<',
        '「' | '『' => '｢',
        '｛' => '{',
        '”' | '“' => '"',
        '’' | '‘' => '\'',
        _ => return None,
    })
}

/// The one-cell form of a mark hung past a column's edge (grid `hanging`), drawn on the box's
/// frame: its half-width form (`．` and `,` have none: `.` and `,` itself). A mark a style drew
/// in its half-width form already is itself (found from outside: under LineEnd a mark hung
/// from a box's last leg was dropped). `None` for anything that cannot hang.
pub fn hung_form(grapheme: &str) -> Option<char> {
    let mut chars = grapheme.chars();
    let c = chars.next().filter(|_| chars.next().is_none())?;
    if super::fill::HANGING.iter().any(|&h| half_width_form(h) == Some(c)) {
        return Some(c);
    }
    super::fill::HANGING.contains(&c).then(|| half_width_form(c).unwrap_or(if c == '．' { '.' } else { c }))
}

/// The cells of each cluster of one set line, given the first character and the cells of each
/// (as `Full` counts them), under `punctuation`: the inline rules, then the line's ends. Used
/// by [`glyphs`](super::glyphs::glyphs) and the orphan rule; the filler reaches the same
/// numbers cluster by cluster.
pub fn line_cells(punctuation: Punctuation, clusters: &[(char, u32)]) -> Vec<u32> {
    if punctuation == Punctuation::Full {
        return clusters.iter().map(|&(_, cells)| cells).collect();
    }
    let is_mark = |k: usize| clusters.get(k).is_some_and(|&(c, _)| mark(c) != Mark::None);
    let last = clusters.len().saturating_sub(1);
    clusters
        .iter()
        .enumerate()
        .map(|(k, &(c, cells))| {
            let half = match mark(c) {
                Mark::Close => k == last || is_mark(k + 1) || half_anywhere(punctuation, c),
                Mark::Open => k == 0 || (k > 0 && is_mark(k - 1)),
                Mark::None => false,
            };
            if half { halved(cells) } else { cells }
        })
        .collect()
}

/// Cuts `text` into clusters with the widths of `punctuation`, sending them to `sink`.
#[inline(always)]
pub(crate) fn styled_clusters_into(
    text: &str,
    ambiguous_wide: bool,
    rules: Rules,
    punctuation: Punctuation,
    sink: &mut impl Sink,
) {
    match punctuation {
        Punctuation::Full => clusters_into(text, ambiguous_wide, rules, sink),
        Punctuation::LineEnd => clusters_into(text, ambiguous_wide, rules, &mut Punctuate::<_, false>::new(text, sink)),
        Punctuation::Kaiming => clusters_into(text, ambiguous_wide, rules, &mut Punctuate::<_, true>::new(text, sink)),
    }
}

/// Whether the character of `entry` is a mark (of C or O).
#[inline(always)]
fn is_mark(entry: Entry) -> bool {
    let (close, open) = entry.mark_bits();
    close | open != 0
}

/// A sink between the cutter and the filler that sets the inline widths of marks and flags
/// the ones a line's end or start would halve, for `LineEnd` and (`KAIMING`) `Kaiming`.
struct Punctuate<'a, S, const KAIMING: bool> {
    bytes: &'a [u8],
    /// Whether the previous cluster is a mark (of C or O).
    after_mark: bool,
    sink: &'a mut S,
}

impl<'a, S: Sink, const KAIMING: bool> Punctuate<'a, S, KAIMING> {
    fn new(text: &'a str, sink: &'a mut S) -> Punctuate<'a, S, KAIMING> {
        Punctuate { bytes: text.as_bytes(), after_mark: false, sink }
    }

    /// Which of the closing marks `close` of `run` are one of 。？！, read again from the text:
    /// only `Kaiming` asks, so the straight path does not find them for every style.
    fn stops(&self, run: &Run, mut close: u64) -> u64 {
        let mut stops = 0;
        while close != 0 {
            let k = close.trailing_zeros() as usize;
            stops |= u64::from(table().entry_at(self.bytes, run.offset(k)).stop()) << k;
            close &= close - 1;
        }
        stops
    }

    /// `c`, whose first character has `entry`, with the width and flags its marks give it;
    /// `next_is_mark`: the cluster after it is a mark.
    #[inline(always)]
    fn marked(&mut self, mut c: Cluster, entry: Entry, next_is_mark: bool) {
        let (close, open) = entry.mark_bits();
        let (close, open) = (close != 0, open != 0);
        let full = c.cells == 2;
        let kaiming = KAIMING && !entry.stop();
        let half = full & ((close & (next_is_mark | kaiming)) | (open & self.after_mark));
        c.cells -= u32::from(half);
        c.half_at_line_end = full & close & !half;
        c.half_at_line_start = full & open & !half;
        self.after_mark = close | open;
        self.sink.cluster(c);
    }

    /// Whether the cluster starting at byte `at` is a mark.
    #[inline]
    fn mark_at(&self, at: usize) -> bool {
        is_mark(table().entry_at(self.bytes, at))
    }
}

impl<S: Sink, const KAIMING: bool> Sink for Punctuate<'_, S, KAIMING> {
    const READS_MARKS: bool = true;

    // Out of line: one cluster in seventy comes this way (the rest come in runs), and the
    // cutter's loops stay smaller without it. Without a branch on the marks, as a run's are
    // set: whether a cluster is one, and of which kind, is what a branch fails to foretell
    // (the general path mispredicted a tenth more under `LineEnd` than under `Full`).
    #[inline(never)]
    fn cluster(&mut self, c: Cluster) {
        // The entry of its first character, not a `match` on it: one look-up.
        let entry = table().entry_at(self.bytes, c.start);
        self.marked(c, entry, self.mark_at(c.end));
    }

    // The fast path's clusters: the cutter has both entries at hand (zh-Hans `LineEnd` 2.5 M
    // instructions fewer in 8 MiB, ja 3.0 M).
    #[inline(never)]
    fn fast_cluster(&mut self, c: Cluster, entry: Entry, next: Entry) {
        self.marked(c, entry, is_mark(next));
    }

    /// The cluster after this one follows no mark. (The general path sends its digits and
    /// letters this way: looked up in `cluster`, they cost 0.24 M instructions a MiB.)
    #[inline(always)]
    fn unmarked_cluster(&mut self, c: Cluster) {
        self.after_mark = false;
        self.sink.cluster(c);
    }

    /// A run of ASCII holds no marks: the cluster after it follows none.
    #[inline(always)]
    fn ascii_run(&mut self, text: &str, run: &mut Run) {
        self.after_mark = false;
        self.sink.run(text, run);
    }

    /// A run gets its marks' widths as bits, from the marks the straight path found as it
    /// read the run, without a branch: whether a run holds marks, and which, is what a branch
    /// would fail to foretell. (Runs of ASCII come through `ascii_run`.)
    #[inline(always)]
    fn run(&mut self, text: &str, run: &mut Run) {
        debug_assert!(run.bytes == 3 && run.cells == 2, "only CJK runs come here");
        let Marks { close, open, after } = run.marks;
        let marks = close | open;
        let last = run.count - 1;
        let next_is_mark = (marks >> 1) | after << last;
        // Its bit `count` (past the run) meets no opening mark below.
        let before_is_mark = marks << 1 | u64::from(self.after_mark);
        let kaiming = if KAIMING { close & !self.stops(run, close) } else { 0 };
        let half = (close & (next_is_mark | kaiming)) | (open & before_is_mark);
        run.set_half(half);
        run.half_at_end = close & !half;
        run.half_at_start = open & !half;
        self.after_mark = marks >> last & 1 != 0;
        self.sink.styled_run(text, run);
    }
}

#[cfg(test)]
mod tests {
    use unicode_width::UnicodeWidthChar;

    use super::*;

    #[test]
    fn every_mark_has_a_one_cell_form() {
        let marks = "。，、；：？！）］〕】》〉」』〗｝”’（［〔【《〈「『〖｛“‘";
        for c in marks.chars() {
            assert_ne!(mark(c), Mark::None, "{c}");
            let form = half_width_form(c).unwrap_or(c);
            assert_eq!((form.width(), form.width_cjk()), (Some(1), Some(1)), "{c} → {form}");
        }
        assert_eq!(marks.chars().filter(|&c| mark(c) == Mark::Close).count(), 19);
        assert_eq!(marks.chars().filter(|&c| mark(c) == Mark::Open).count(), 12);
    }
}
