//! Where a line may break: UAX #14 from `unicode-linebreak`, corrected for quotation marks
//! between East Asian characters (rule LB19a of Unicode 15.1), tightened by kinsoku.
//!
//! Text is cut into clusters (grapheme clusters), each told whether a line may break before
//! it. Three paths, from the quickest, which all give what the plain engine of
//! `tests/fit_differential.rs` gives:
//!
//! - the *straight path*: runs of simple characters (Han, kana, full-width punctuation), which
//!   are most of a Chinese or Japanese page, and the commas, words and numbers between them,
//!   go to the filler as runs, a break bit per cluster, so that it can fill them a line
//!   at a time; runs of Han are read from their lead bytes alone;
//! - the *fast path*: any other character whose break class is one of a few with simple pair
//!   rules, one cluster at a time, its class, width and kinsoku lists from one look-up in the
//!   [character table](super::classes);
//! - the *general path*: everything else (Latin text, spaces, combining marks, emoji) is
//!   handed to `unicode-linebreak` with one character of context on each side, and cut into
//!   graphemes.
//!
//! ```
//! use pasteup_core::fit::breaks::break_points;
//! use pasteup_core::fit::kinsoku::Rules;
//! use pasteup_core::model::{Kinsoku, Language};
//! let rules = Rules::new(Kinsoku::Strict, Language::ZhHans);
//! // 说：“好。”（完）: breaks before “ and after ” (LB19a), never before ： 。 ” or after “ （.
//! assert_eq!(break_points("说：“好。”（完）", rules), vec!["说：", "“好。”", "（完）"]);
//! ```

use unicode_linebreak::linebreaks;
use unicode_segmentation::UnicodeSegmentation;

use super::classes::{CharTable, Entry, Fast, KinsokuMasks, PAIRS, Pair, table};
use super::kinsoku::Rules;
use super::width::{char_cells, grapheme_cells};

/// One grapheme cluster as set: its bytes, its width and whether a line may break before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cluster {
    pub start: usize,
    pub end: usize,
    pub cells: u32,
    pub break_before: bool,
    /// An ASCII space: dropped when a line breaks at it.
    pub space: bool,
    /// The cluster's first character.
    pub first: char,
    /// The second half of a `——` or `……` pair: even an emergency split keeps it with the first.
    pub pair_tail: bool,
}

/// Where [`clusters_into`] sends clusters.
pub(crate) trait Sink {
    fn cluster(&mut self, c: Cluster);

    /// A run of clusters that follows a cluster that is not a space (see [`Run`]). A sink may
    /// take them a line at a time; by default they are sent one by one.
    #[inline]
    fn run(&mut self, text: &str, run: Run) {
        for k in 0..run.count {
            self.cluster(run.cluster(text, k));
        }
    }
}

/// Up to 64 alike clusters in a row: one character each, `bytes` long and `cells` wide, not a
/// space, not the tail of a pair; bit `k` of `breaks` says whether a line may break before
/// the `k`th. Simple CJK characters (3 bytes, 2 cells) and printable ASCII (1 byte, 1 cell)
/// come in such runs.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Run {
    pub start: usize,
    pub count: usize,
    pub bytes: usize,
    pub cells: u32,
    pub breaks: u64,
}

/// The lowest `k` bits, 1 ≤ `k` ≤ 64.
#[inline(always)]
pub(crate) fn low_bits(k: usize) -> u64 {
    debug_assert!((1..=64).contains(&k));
    u64::MAX >> (64 - k)
}

impl Run {
    /// The byte where the `k`th cluster starts.
    #[inline(always)]
    pub fn offset(&self, k: usize) -> usize {
        self.start + k * self.bytes
    }

    /// The `k`th cluster of the run.
    #[inline]
    pub fn cluster(&self, text: &str, k: usize) -> Cluster {
        let at = self.offset(k);
        let first = text[at..].chars().next().unwrap_or(' ');
        let break_before = self.breaks >> k & 1 != 0;
        Cluster {
            start: at,
            end: at + self.bytes,
            cells: self.cells,
            break_before,
            space: false,
            first,
            pair_tail: false,
        }
    }
}

/// A closure as a sink.
struct Each<F>(F);

impl<F: FnMut(Cluster)> Sink for Each<F> {
    #[inline]
    fn cluster(&mut self, c: Cluster) {
        (self.0)(c)
    }
}

/// Cuts `text` into clusters, calling `emit` for each in order.
pub fn for_each_cluster(text: &str, ambiguous_wide: bool, rules: Rules, emit: impl FnMut(Cluster)) {
    clusters_into(text, ambiguous_wide, rules, &mut Each(emit));
}

/// What the cutter remembers of the text behind it.
struct Behind {
    /// Where the last character of the previous cluster starts, and what it is.
    prev_at: Option<usize>,
    prev: char,
    /// Its fast class number (0 after a run the fast path did not take).
    prev_class: usize,
    /// Whether it, and the character before it, are East Asian (for LB19a).
    prev_east_asian: bool,
    prev2_east_asian: bool,
    /// A break decision for the next cluster, made by the crate at the end of a run.
    pending: Option<bool>,
    /// Whether the last character that is not a space may not end a line: a line that breaks
    /// after spaces ends with it, so the line-end rule applies to it.
    visible_no_end: bool,
    /// Whether the previous cluster completed a pair, so that ———— is two pairs, not three.
    prev_tail: bool,
    /// Whether there is a previous cluster and it is not a space.
    after_text: bool,
}

impl Behind {
    /// The state after a cluster whose last character is `last` at byte `at`.
    #[inline(always)]
    fn step(&mut self, at: usize, last: char, east_asian: bool) {
        self.prev2_east_asian = self.prev_east_asian;
        self.prev_east_asian = east_asian;
        self.prev = last;
        self.prev_at = Some(at);
    }

    /// Whether UAX #14 (with LB19a) allows a break before a fast-path character of `class`
    /// that is `east_asian` and followed by `next`.
    #[inline(always)]
    fn pair_allows(&mut self, class: usize, east_asian: bool, next: Entry) -> bool {
        match self.pending.take() {
            Some(allowed) => allowed,
            None => self.pair_rule_allows(class, east_asian, next),
        }
    }

    /// [`Behind::pair_allows`] with nothing pending, without a branch on the rule.
    #[inline(always)]
    fn pair_rule_allows(&self, class: usize, east_asian: bool, next: Entry) -> bool {
        let (before, before2) = (self.prev_east_asian, self.prev2_east_asian);
        rule_allows(PAIR_BITS[self.prev_class][class], before2, before, east_asian, next.east_asian())
    }

    /// The state after a fast-path character.
    #[inline(always)]
    fn step_fast(&mut self, at: usize, c: char, entry: Entry, masks: KinsokuMasks) {
        self.visible_no_end = entry.no_line_end(masks);
        self.prev_class = entry.class();
        self.after_text = true;
        self.step(at, c, entry.east_asian());
    }
}

/// Whether a pair rule from [`PAIR_BITS`] allows a break before a character, given which of it,
/// the two before it and the one after it are East Asian.
#[inline(always)]
fn rule_allows(rule: u8, before2: bool, before: bool, here: bool, after: bool) -> bool {
    (rule & ALWAYS != 0) | ((rule & BEFORE_QUOTE != 0) & before & after) | ((rule & AFTER_QUOTE != 0) & here & before2)
}

const ALWAYS: u8 = 1;
const BEFORE_QUOTE: u8 = 2;
const AFTER_QUOTE: u8 = 4;

/// [`PAIRS`] as bits, for deciding without a branch.
const PAIR_BITS: [[u8; 8]; 8] = {
    let mut bits = [[0; 8]; 8];
    let mut a = 0;
    while a < 8 {
        let mut b = 0;
        while b < 8 {
            bits[a][b] = match PAIRS[a][b] {
                Pair::Never => 0,
                Pair::Always => ALWAYS,
                Pair::BeforeOpeningQuote => BEFORE_QUOTE,
                Pair::AfterClosingQuote => AFTER_QUOTE,
            };
            b += 1;
        }
        a += 1;
    }
    bits
};

/// Cuts `text` into clusters, sending them to `sink` in order.
pub(crate) fn clusters_into(text: &str, ambiguous_wide: bool, rules: Rules, sink: &mut impl Sink) {
    let table = table();
    let masks = KinsokuMasks::new(rules);
    let bytes = text.as_bytes();
    let mut behind = Behind {
        prev_at: None,
        prev: '\0',
        prev_class: 0,
        prev_east_asian: false,
        prev2_east_asian: false,
        pending: None,
        visible_no_end: false,
        prev_tail: false,
        after_text: false,
    };
    let mut run_breaks: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let (c, len, entry) = table.at(bytes, i);
        let next = table.entry_at(bytes, i + len);
        if !entry.on_fast_path() || next.extends() {
            i = general_run(text, i, table, masks, &mut behind, &mut run_breaks, ambiguous_wide, sink);
            continue;
        }
        if entry.simple(ambiguous_wide) && behind.after_text {
            i = simple_run(text, i, table, masks, ambiguous_wide, &mut behind, sink);
            continue;
        }
        let allowed = behind.pair_allows(entry.class(), entry.east_asian(), next);
        let break_before = allowed && !behind.visible_no_end && !entry.no_line_start(masks);
        let pair_tail = !behind.prev_tail && entry.pair_half() && behind.prev == c;
        let cells = entry.cells(ambiguous_wide);
        sink.cluster(Cluster { start: i, end: i + len, cells, break_before, space: false, first: c, pair_tail });
        behind.prev_tail = pair_tail;
        behind.step_fast(i, c, entry, masks);
        i += len;
    }
}

/// The straight path, for runs of simple characters (Han, kana, full-width punctuation),
/// most of a Chinese or Japanese page, and the half-width commas, Latin words and numbers
/// between them (see [`ascii_between`]): from `start`, after a cluster that is not a space,
/// they go to the sink in [`Run`]s of up to 64 with a bit each for the break before them,
/// decided as the fast path and the general path decide it; returns where they end.
#[inline(always)]
fn simple_run(
    text: &str,
    start: usize,
    table: &CharTable,
    masks: KinsokuMasks,
    ambiguous_wide: bool,
    behind: &mut Behind,
    sink: &mut impl Sink,
) -> usize {
    let bytes = text.as_bytes();
    let (c, _, first) = table.at(bytes, start);
    let mut next = table.entry_at(bytes, start + 3);
    let allowed = behind.pair_allows(first.class(), first.east_asian(), next);
    let mut breaks = u64::from(allowed & !behind.visible_no_end & !first.no_line_start(masks));
    behind.step_fast(start, c, first, masks);
    // The rest, with the state in locals; `behind.prev` is set once, at the end.
    let (mut prev_class, mut prev_east_asian) = (behind.prev_class, behind.prev_east_asian);
    let (mut prev2_east_asian, mut visible_no_end) = (behind.prev2_east_asian, behind.visible_no_end);
    // The run of simple characters being gathered: where it starts and how many so far.
    let (mut run_start, mut count) = (start, 1);
    // Where the next cluster starts, and where the last one started.
    let (mut at, mut last) = (start + 3, start);
    while count < 64 {
        let here = next;
        if !here.simple(ambiguous_wide) {
            // ASCII between Han, as the general path would set it: no break inside; a break
            // before it unless it is a comma or follows `（` (`ascii_between` says which);
            // after it, a break before Han but not before `）`, which is what `Ideo` before
            // either gives. No ASCII letter, digit or comma is in a line-end list or East Asian.
            let Some((len, break_first)) = ascii_between(bytes, at).filter(|&(len, _)| len <= 64) else {
                break;
            };
            if table.entry_at(bytes, at + len + 3).extends() {
                break;
            }
            if count > 0 {
                sink.run(text, Run { start: run_start, count, bytes: 3, cells: 2, breaks });
            }
            let first = u64::from(break_first & !visible_no_end);
            sink.run(text, Run { start: at, count: len, bytes: 1, cells: 1, breaks: first });
            prev2_east_asian = len == 1 && prev_east_asian;
            prev_east_asian = false;
            visible_no_end = false;
            prev_class = Fast::Ideo as usize;
            at += len;
            last = at - 1;
            (run_start, count, breaks) = (at, 0, 0);
            next = table.entry_at(bytes, at);
            continue;
        }
        next = table.entry_at(bytes, at + 3);
        if next.extends() {
            break;
        }
        let rule = PAIR_BITS[prev_class][here.class()];
        let east_asian = here.east_asian();
        let allowed = rule_allows(rule, prev2_east_asian, prev_east_asian, east_asian, next.east_asian());
        let break_before = allowed & !visible_no_end & !here.no_line_start(masks);
        breaks |= u64::from(break_before) << count;
        visible_no_end = here.no_line_end(masks);
        prev_class = here.class();
        prev2_east_asian = prev_east_asian;
        prev_east_asian = east_asian;
        last = at;
        count += 1;
        at += 3;
        if here.is_han() {
            // After Han, Han and closing marks read from their bytes alone (see `han_or_closer`):
            // a break before each Han character and none before a closing mark, which is what
            // the pair rules and kinsoku give after Han or a closing mark.
            let (mut n, mut han_bits) = han_or_closer_run(bytes, at, 64 - count);
            next = table.entry_at(bytes, at + 3 * n);
            // The last is not taken if a combining mark follows it.
            if n > 0 && next.extends() {
                n -= 1;
                han_bits &= !(1 << n);
                next = table.entry_at(bytes, at + 3 * n);
            }
            if n > 0 {
                breaks |= han_bits << count;
                prev_class = if han_bits >> (n - 1) & 1 != 0 { Fast::Ideo } else { Fast::NoBreakBefore } as usize;
                prev2_east_asian = true;
                count += n;
                at += 3 * n;
                last = at - 3;
            }
        }
    }
    if count > 0 {
        sink.run(text, Run { start: run_start, count, bytes: 3, cells: 2, breaks });
    }
    behind.prev_class = prev_class;
    behind.prev_east_asian = prev_east_asian;
    behind.prev2_east_asian = prev2_east_asian;
    behind.visible_no_end = visible_no_end;
    behind.prev = table.at(bytes, last).0;
    behind.prev_at = Some(last);
    behind.prev_tail = false;
    at
}

/// A run of characters the fast path does not take, from `start`: its break opportunities
/// from `unicode-linebreak` (or [`ascii_between_han`]), cut into graphemes; returns where it ends.
#[allow(clippy::too_many_arguments)]
fn general_run(
    text: &str,
    start: usize,
    table: &CharTable,
    masks: KinsokuMasks,
    behind: &mut Behind,
    run_breaks: &mut Vec<usize>,
    ambiguous_wide: bool,
    sink: &mut impl Sink,
) -> usize {
    let bytes = text.as_bytes();
    let end = run_end(bytes, start, table);
    let ctx_start = behind.prev_at.unwrap_or(start);
    let ctx_end = end + table.at(bytes, end).1;
    run_breaks.clear();
    if !ascii_between_han(text, ctx_start, start, end, ctx_end, run_breaks) {
        run_breaks.extend(
            linebreaks(&text[ctx_start..ctx_end])
                .map(|(at, _)| at + ctx_start)
                .filter(|&at| at > ctx_start && at < ctx_end),
        );
    }
    let run = &bytes[start..end];
    if behind.after_text && run.len() <= 64 && run.iter().all(u8::is_ascii_graphic) {
        ascii_run(text, start, run, run_breaks, table, masks, behind, sink);
    } else {
        clusters_of_run(text, start, end, run_breaks, table, masks, behind, ambiguous_wide, sink);
    }
    behind.pending = Some(run_breaks.last() == Some(&end));
    behind.prev_class = 0;
    end
}

/// A run of printable ASCII without spaces after a cluster that is not a space (a number, a
/// Latin word, a half-width comma): each byte a cluster of 1 cell, sent as one [`Run`].
#[allow(clippy::too_many_arguments)]
fn ascii_run(
    text: &str,
    start: usize,
    run: &[u8],
    run_breaks: &[usize],
    table: &CharTable,
    masks: KinsokuMasks,
    behind: &mut Behind,
    sink: &mut impl Sink,
) {
    let end = start + run.len();
    let allowed = run_breaks.iter().filter(|&&b| b >= start && b < end).fold(0u64, |bits, &b| bits | 1 << (b - start));
    let mut breaks = 0;
    for (k, &b) in run.iter().enumerate() {
        let entry = table.ascii(b);
        let break_before = (allowed >> k & 1 != 0) & !behind.visible_no_end & !entry.no_line_start(masks);
        breaks |= u64::from(break_before) << k;
        behind.visible_no_end = entry.no_line_end(masks);
        behind.step(start + k, char::from(b), false);
    }
    behind.prev_tail = false;
    behind.after_text = true;
    sink.run(text, Run { start, count: run.len(), bytes: 1, cells: 1, breaks });
}

/// Any other run, grapheme by grapheme.
#[allow(clippy::too_many_arguments)]
fn clusters_of_run(
    text: &str,
    start: usize,
    end: usize,
    run_breaks: &[usize],
    table: &CharTable,
    masks: KinsokuMasks,
    behind: &mut Behind,
    ambiguous_wide: bool,
    sink: &mut impl Sink,
) {
    let bytes = text.as_bytes();
    let mut breaks = run_breaks.iter().copied().peekable();
    // One cluster of the run: `len` bytes from `at`, its first and last characters.
    let mut emit_one = |at: usize, len: usize, first: char, last: char, cells: u32| {
        while breaks.next_if(|&b| b < at).is_some() {}
        let allowed = breaks.peek() == Some(&at);
        let break_before = allowed && !behind.visible_no_end && !table.at(bytes, at).2.no_line_start(masks);
        let space = len == 1 && first == ' ';
        let pair_tail = !behind.prev_tail && matches!(first, '—' | '…') && behind.prev == first;
        behind.prev_tail = pair_tail;
        sink.cluster(Cluster { start: at, end: at + len, cells, break_before, space, first, pair_tail });
        let last_at = at + len - last.len_utf8();
        let last_entry = table.at(bytes, last_at).2;
        if !space {
            behind.visible_no_end = last_entry.no_line_end(masks);
        }
        behind.after_text = !space;
        behind.step(last_at, last, last_entry.east_asian());
    };
    let run = &text[start..end];
    if run.is_ascii() {
        for (k, b) in run.bytes().enumerate() {
            emit_one(start + k, 1, char::from(b), char::from(b), u32::from(!b.is_ascii_control()));
        }
    } else if run.chars().all(|c| (c.is_ascii() && c != '\r') || matches!(c, '×' | '·')) {
        // Each of these is a grapheme of its own (`2×1000`), whatever is next to it: no need
        // to run the segmenter. (CR is not: it joins a following LF.)
        for (k, c) in run.char_indices() {
            let cells = if c.is_ascii() { u32::from(!c.is_ascii_control()) } else { char_cells(c, ambiguous_wide) };
            emit_one(start + k, c.len_utf8(), c, c, cells);
        }
    } else {
        for (k, g) in run.grapheme_indices(true) {
            let first = g.chars().next().unwrap_or(' ');
            let last = g.chars().next_back().unwrap_or(' ');
            emit_one(start + k, g.len(), first, last, grapheme_cells(g, ambiguous_wide));
        }
    }
}

/// The commonest runs the fast path leaves, a half-width comma or a Latin word or number
/// (`字,字`, `字GDP字`, `（2023年`, `（0351）`), without running the UAX #14 state machine:
/// when the context `text[ctx_start..ctx_end]` is `run` between a Han character or one of
/// `（，。、；：` before it and a Han character or `）` after it, pushes the break
/// opportunities `linebreaks` would give inside the context onto `out` and returns true.
///
/// Han is class ID; a comma IS; letters and digits AL and NU, which hold together (LB23,
/// LB25, LB28). Nothing breaks after `（` (OP, LB14) or before `）` (CL, LB13) or before a
/// comma (LB13); everything else here breaks (LB31). A test checks this against
/// `linebreaks` for every such context.
fn ascii_between_han(
    text: &str,
    ctx_start: usize,
    start: usize,
    end: usize,
    ctx_end: usize,
    out: &mut Vec<usize>,
) -> bool {
    if ctx_start + 3 != start || ctx_end != end + 3 {
        return false;
    }
    match ascii_between(text.as_bytes(), start) {
        Some((len, break_first)) if start + len == end => {
            if break_first {
                out.push(start);
            }
            if han_at(text.as_bytes(), end) {
                out.push(end);
            }
            true
        }
        _ => false,
    }
}

/// The ASCII run at `start` that [`ascii_between_han`] sets, if it is one: its length and
/// whether a line may break before it. It follows the 3 bytes before `start` and runs up to
/// the next character that is not ASCII.
#[inline]
fn ascii_between(bytes: &[u8], start: usize) -> Option<(usize, bool)> {
    let &[b0, b1, b2] = bytes.get(start.checked_sub(3)?..start)? else { return None };
    let before = u32::from_be_bytes([0, b0, b1, b2]);
    let open = before == key3("（");
    let comma = bytes.get(start) == Some(&b',');
    let mark = [key3("，"), key3("。"), key3("、"), key3("；"), key3("：")].contains(&before);
    // After a closing mark a comma holds to it (IS, LB13) whatever the mark is.
    let closer = [key3("）"), key3("”"), key3("！"), key3("？"), key3("》"), key3("」"), key3("』"), key3("】")];
    if !(open || mark || han_at(bytes, start - 3) || (comma && closer.contains(&before))) {
        return None;
    }
    let len = if comma { 1 + word_len(&bytes[start + 1..]) } else { word_len(&bytes[start..]) };
    let end = start + len;
    let after_ok = han_at(bytes, end) || bytes.get(end..end + 3) == Some("）".as_bytes());
    (len > 0 && after_ok).then_some((len, !comma && !open))
}

/// The length of the Latin word or number at the start of `run`: letters and digits (AL and
/// NU, which hold together); after a digit, perhaps a decimal point and digits (NU IS NU,
/// LB25), hyphens and digits (NU HY NU, LB21 and LB25) and a per cent sign (NU PO, LB25):
/// `GDP`, `2023`, `PM2.5`, `97.7%`, `0351-5661173`.
#[inline]
fn word_len(run: &[u8]) -> usize {
    let digits = |from: usize| run.get(from..).map_or(0, |r| r.iter().take_while(|b| b.is_ascii_digit()).count());
    let after_digit = |len: usize, mark: u8| len > 0 && run[len - 1].is_ascii_digit() && run.get(len) == Some(&mark);
    let mut len = run.iter().take_while(|b| b.is_ascii_alphanumeric()).count();
    if after_digit(len, b'.') && digits(len + 1) > 0 {
        len += 1 + digits(len + 1);
    }
    while after_digit(len, b'-') && digits(len + 1) > 0 {
        len += 1 + digits(len + 1);
    }
    if after_digit(len, b'%') {
        len += 1;
    }
    len
}

/// A 3-byte character's bytes as one number.
const fn key3(c: &str) -> u32 {
    let b = c.as_bytes();
    (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32
}

/// The run of common Han characters and closing marks from byte `at`, up to `max` (< 64) of
/// them: how many, and a bit for each that is Han.
#[inline(always)]
fn han_or_closer_run(bytes: &[u8], at: usize, max: usize) -> (usize, u64) {
    let (mut n, mut han_bits) = (0, 0u64);
    loop {
        let han = bytes[at + 3 * n..].chunks_exact(3).take(max - n).take_while(|c| common_han(c[0], c[1])).count();
        // `han` < `max` ≤ 63 (the run before holds at least one): no overflow, no branch.
        han_bits |= ((1u64 << han) - 1) << n;
        n += han;
        match bytes.get(at + 3 * n..at + 3 * n + 3) {
            Some(&[b0, b1, b2]) if n < max && closing_mark(b0, b1, b2) => n += 1,
            _ => return (n, han_bits),
        }
    }
}

/// Whether the bytes are one of the closing marks of a Chinese page, 、。〉》」』】〕〗〙 and
/// ！），：；？: `NoBreakBefore` on the fast path, simple, in no line-end list (a test checks
/// this against the table), without a branch.
#[inline(always)]
fn closing_mark(b0: u8, b1: u8, b2: u8) -> bool {
    // Bit k: U+3000 + k, and U+FF00 + k.
    const CJK: u64 = 1 << 0x01
        | 1 << 0x02
        | 1 << 0x09
        | 1 << 0x0B
        | 1 << 0x0D
        | 1 << 0x0F
        | 1 << 0x11
        | 1 << 0x15
        | 1 << 0x17
        | 1 << 0x19;
    const FULLWIDTH: u64 = 1 << 0x01 | 1 << 0x09 | 1 << 0x0C | 1 << 0x1A | 1 << 0x1B | 1 << 0x1F;
    let key = u16::from_be_bytes([b0, b1]);
    let low = b2 & 0x3F;
    ((key == 0xE380) & (CJK >> low & 1 != 0)) | ((key == 0xEFBC) & (FULLWIDTH >> low & 1 != 0))
}

/// Whether the character whose first two bytes are `b0` and `b1` is one of the CJK Unified
/// Ideographs U+4E00 to U+9FFF (E4 B8 to E9 BF), the Han of everyday text: one comparison.
/// The rest of Han (Extension A) takes the ordinary path. A test checks this against the code points.
#[inline(always)]
fn common_han(b0: u8, b1: u8) -> bool {
    u16::from_be_bytes([b0, b1]).wrapping_sub(0xE4B8) <= 0xE9BF - 0xE4B8
}

/// Whether a Han character (see [`is_han`]) starts at byte `at`, read from its first two bytes:
/// E3 90 to E9 BF is U+3400 to U+9FFF, less E4 B7, the hexagrams U+4DC0 to U+4DFF, and
/// for U+A000 onwards the lead byte is EA or more. A test checks this against the code points.
#[inline(always)]
fn han_at(bytes: &[u8], at: usize) -> bool {
    match bytes.get(at..at + 2) {
        // `&`, not `&&`: no branch on the hexagrams.
        Some(&[b0, b1]) => {
            let key = u16::from_be_bytes([b0, b1]);
            (key.wrapping_sub(0xE390) <= 0xE9BF - 0xE390) & (key != 0xE4B7)
        }
        _ => false,
    }
}

/// The end of a run of characters that the fast path does not take: the first character
/// after `start` that it takes (on the fast path and not followed by a combining mark).
fn run_end(bytes: &[u8], start: usize, table: &CharTable) -> usize {
    let mut at = start + table.at(bytes, start).1;
    // ASCII is never on the fast path.
    while bytes.get(at).is_some_and(u8::is_ascii) {
        at += 1;
    }
    let mut here = table.at(bytes, at);
    while at < bytes.len() {
        let next = table.at(bytes, at + here.1);
        if here.2.on_fast_path() && !next.2.extends() {
            return at;
        }
        at += here.1;
        here = next;
    }
    bytes.len()
}

/// The pieces of `text` between its break opportunities (for tests and documentation).
pub fn break_points(text: &str, rules: Rules) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    for_each_cluster(text, true, rules, |c| {
        if c.break_before && c.start > start {
            pieces.push(&text[start..c.start]);
            start = c.start;
        }
    });
    if start < text.len() {
        pieces.push(&text[start..]);
    }
    pieces
}

#[cfg(test)]
mod tests {
    use unicode_linebreak::{BreakClass, break_property};

    use crate::fit::classes::is_han;

    use super::*;
    use crate::model::{Kinsoku, Language};

    #[test]
    fn han_at_reads_the_first_two_bytes_as_the_code_points_say() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mut buf = [0u8; 4];
            assert_eq!(han_at(c.encode_utf8(&mut buf).as_bytes(), 0), is_han(c), "{c:?}");
        }
        assert!(!han_at("字".as_bytes(), 3) && !han_at(&[0xE4], 0));
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mut buf = [0u8; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            let common = bytes.len() >= 2 && common_han(bytes[0], bytes[1]);
            assert_eq!(common, ('\u{4E00}'..='\u{9FFF}').contains(&c), "{c:?}");
        }
    }

    #[test]
    fn closing_marks_read_from_bytes_are_closing_marks() {
        let t = crate::fit::classes::table();
        let mut found = 0;
        for c in (0..=0xFFFF_u32).filter_map(char::from_u32).filter(|c| c.len_utf8() == 3) {
            let mut buf = [0u8; 4];
            let b = c.encode_utf8(&mut buf).as_bytes();
            if !closing_mark(b[0], b[1], b[2]) {
                continue;
            }
            found += 1;
            let e = t.entry_at(b, 0);
            assert_eq!(e.class(), Fast::NoBreakBefore as usize, "{c:?}");
            assert!(e.simple(true) && e.simple(false) && e.east_asian() && !e.extends() && !e.is_han(), "{c:?}");
            for level in [Kinsoku::Strict, Kinsoku::Basic, Kinsoku::None] {
                for language in Language::ALL {
                    assert!(!Rules::new(level, language).no_line_end(c), "{c:?}");
                }
            }
        }
        assert_eq!(found, "、。〉》」』】〕〗〙！），：；？".chars().count());
    }

    #[test]
    fn ascii_between_han_agrees_with_linebreaks() {
        // Every Han character has the one class the shortcut assumes.
        for c in (0..=0x10FFFF).filter_map(char::from_u32).filter(|&c| is_han(c)) {
            assert_eq!(break_property(c as u32), BreakClass::Ideographic, "{c:?}");
        }
        let named = [
            ",",
            "a",
            "Z",
            "7",
            "GDP",
            "5G",
            "2023",
            "a1b2",
            "PM25",
            "x",
            ".",
            "PM2.5",
            "a b",
            "12%",
            "a,",
            "2×1",
            "47.1",
            "97.7%",
            "0.5",
            "1.2.3",
            "5%%",
            "a%",
            "1.",
            ".5",
            "1.a",
            "0351-5661173",
            ",2023",
            ",99.9%",
            ",0351-5661173",
            ",GDP",
            "1-2-3",
            "1.5-2",
            "-1",
            "1-",
            ",,1",
        ];
        // And every string of up to 4 from an alphabet of letters, digits and the marks around numbers.
        let alphabet = ["a", "7", ".", "%", ",", "-", "/"];
        let (mut every, mut layer) = (Vec::new(), vec![String::new()]);
        for _ in 0..4 {
            layer = layer.iter().flat_map(|s| alphabet.iter().map(move |a| format!("{s}{a}"))).collect();
            every.extend(layer.iter().cloned());
        }
        let all_around = "一丁㐀鿿字（，。、；：）“”《》〔〕！？";
        let few_around = "字（，）“》";
        let cases = named.iter().map(|r| (r.to_string(), all_around)).chain(every.into_iter().map(|r| (r, few_around)));
        let mut checked = 0;
        for (run, around) in cases {
            let run = run.as_str();
            for before in around.chars() {
                for after in around.chars() {
                    let ctx = format!("{before}{run}{after}");
                    let (start, end) = (before.len_utf8(), before.len_utf8() + run.len());
                    let want: Vec<usize> =
                        linebreaks(&ctx).map(|(at, _)| at).filter(|&at| at > 0 && at < ctx.len()).collect();
                    let mut got = Vec::new();
                    if ascii_between_han(&ctx, 0, start, end, ctx.len(), &mut got) {
                        assert_eq!(got, want, "{ctx:?}");
                        checked += 1;
                    }
                    // The context ends with the character after the run, wherever the text goes on.
                    let longer = format!("字字{ctx}字字");
                    let mut got_in_longer = Vec::new();
                    let taken = ascii_between_han(&longer, 6, 6 + start, 6 + end, 6 + ctx.len(), &mut got_in_longer);
                    assert_eq!(got_in_longer, got.iter().map(|at| at + 6).collect::<Vec<_>>(), "{ctx:?}");
                    assert_eq!(
                        taken,
                        !got.is_empty() || ascii_between_han(&ctx, 0, start, end, ctx.len(), &mut Vec::new())
                    );
                }
            }
        }
        assert!(checked > 1000, "{checked} contexts taken");
        assert!(ascii_between_han("字GDP字", 0, 3, 6, 9, &mut Vec::new()));
        assert!(ascii_between_han("（2023）", 0, 3, 7, 10, &mut Vec::new()));
        assert!(ascii_between_han("字97.7%字", 0, 3, 8, 11, &mut Vec::new()));
        assert!(ascii_between_han("，PM2.5）", 0, 3, 8, 11, &mut Vec::new()));
        assert!(!ascii_between_han("字1.a字", 0, 3, 6, 9, &mut Vec::new()));
        assert!(ascii_between_han("话0351-5661173字", 0, 3, 15, 18, &mut Vec::new()));
        assert!(ascii_between_han("”,2023年", 0, 3, 8, 11, &mut Vec::new()));
    }

    fn strict() -> Rules {
        Rules::new(Kinsoku::Strict, Language::ZhHans)
    }

    fn none() -> Rules {
        Rules::new(Kinsoku::None, Language::ZhHans)
    }

    #[test]
    fn han_breaks_everywhere() {
        assert_eq!(break_points("晋源区", strict()), vec!["晋", "源", "区"]);
    }

    #[test]
    fn numbers_and_phone_numbers_stay_whole() {
        assert_eq!(break_points("2×1000兆瓦", strict()), vec!["2×1000", "兆", "瓦"]);
        // UAX #14 keeps an infix separator with the number after it (IS × NU).
        assert_eq!(break_points("电话:0351-5661173", strict()), vec!["电", "话:0351-5661173"]);
        assert_eq!(break_points("1.7万", strict()), vec!["1.7", "万"]);
    }

    #[test]
    fn half_width_comma_never_starts_a_line() {
        assert_eq!(break_points("提出,要", strict()), vec!["提", "出,", "要"]);
        assert_eq!(break_points("提出,要", none()), vec!["提", "出,", "要"]);
    }

    #[test]
    fn quotes_between_han_lb19a() {
        assert_eq!(
            break_points("推进“一泉一河”生态", strict()),
            vec!["推", "进", "“一", "泉", "一", "河”", "生", "态"]
        );
        // Without kinsoku, UAX #14 with LB19a alone.
        assert_eq!(break_points("说：“好。”（完）", none()), vec!["说：", "“好。”", "（完）"]);
    }

    #[test]
    fn quotes_next_to_latin_do_not_break() {
        assert_eq!(break_points("say “hi” now", none()), vec!["say ", "“hi” ", "now"]);
    }

    #[test]
    fn dash_and_ellipsis_pairs_hold() {
        assert_eq!(break_points("好——好", none()), vec!["好", "——", "好"]);
        assert_eq!(break_points("好——好", strict()), vec!["好——", "好"]);
        assert_eq!(break_points("好……好", strict()), vec!["好……", "好"]);
        let basic = Rules::new(Kinsoku::Basic, Language::ZhHans);
        assert_eq!(break_points("好……好", basic), vec!["好……", "好"]);
    }

    #[test]
    fn combining_marks_stay_with_their_base() {
        let mut clusters = Vec::new();
        for_each_cluster("字\u{301}字", true, strict(), |c| clusters.push(c));
        assert_eq!(clusters.len(), 2);
        assert_eq!(clusters[0].cells, 2);
        assert!(clusters[1].break_before);
    }

    /// A run the fast path does not take lies between characters it takes (or the text's
    /// ends): made of ASCII (but CR), `×` and `·` only, each is a grapheme of its own.
    #[test]
    fn times_middle_dot_and_ascii_are_graphemes_of_their_own() {
        let set: Vec<char> = (0..0x80u8).map(char::from).filter(|&c| c != '\r').chain(['×', '·']).collect();
        let fast = (0x2000..=0xFFFF_u32)
            .filter_map(char::from_u32)
            .filter(|&c| crate::fit::classes::fast_class(c).is_some())
            .step_by(7)
            .chain(['字', '，', '（', '“', '”', '—', '…', '𠀀']);
        let neighbours: Vec<char> = set.iter().copied().chain(fast).collect();
        for &c in &set {
            for &o in &neighbours {
                for s in [format!("{c}{o}"), format!("{o}{c}")] {
                    assert_eq!(s.graphemes(true).count(), 2, "{s:?}");
                }
            }
        }
    }

    #[test]
    fn japanese_small_kana() {
        let ja = Rules::new(Kinsoku::Strict, Language::Ja);
        assert_eq!(break_points("ジャック", ja), vec!["ジャッ", "ク"]);
        assert_eq!(break_points("ジャック", strict()), vec!["ジ", "ャ", "ッ", "ク"]);
    }
}
