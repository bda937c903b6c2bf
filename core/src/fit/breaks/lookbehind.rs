//! What the cutter carries from one cluster to the next: the few facts about the text behind
//! that the pair rules (UAX #14 with LB19a) and kinsoku need to decide the next break.
//!
//! Every path changes the state only through these methods, so each transition is written
//! once. [`Pairs`] is the part the straight path keeps in registers through a run.

use crate::fit::classes::{Entry, Fast, KinsokuMasks, PAIRS, Pair};
use crate::fit::dashes::pair_half;

/// What the pair rules and the line-end rule need of the last characters. `Copy`, so that
/// the straight path can work on a copy in locals and hand it back once at the end.
#[derive(Debug, Clone, Copy)]
pub(super) struct Pairs {
    /// The previous cluster's fast class number (0 after a run the fast path did not take).
    class: usize,
    /// Whether the previous character, and the one before it, are East Asian (for LB19a).
    east_asian: bool,
    east_asian2: bool,
    /// Whether the last character that is not a space may not end a line: a line that breaks
    /// after spaces ends with it, so the line-end rule applies to it.
    no_end: bool,
}

impl Pairs {
    /// Whether a line may break before a fast-path character, `here`, followed by `next`:
    /// the pair rule allows it and kinsoku does not forbid it.
    #[inline(always)]
    pub(super) fn breaks_before(&self, here: Entry, next: Entry, masks: KinsokuMasks) -> bool {
        self.pair_allows(here, next) & !self.no_end & !here.no_line_start(masks)
    }

    /// Whether the pair rule alone allows a break before `here`, without a branch on the rule.
    #[inline(always)]
    fn pair_allows(&self, here: Entry, next: Entry) -> bool {
        let rule = PAIR_BITS[self.class][here.class()];
        rule_allows(rule, self.east_asian2, self.east_asian, here.east_asian(), next.east_asian())
    }

    /// Whether a line may break before a cluster the pair rules do not decide, given whether
    /// UAX #14 `allowed` it and whether its first character may start a line.
    #[inline(always)]
    pub(super) fn kinsoku_allows(&self, allowed: bool, no_line_start: bool) -> bool {
        allowed & !self.no_end & !no_line_start
    }

    /// The state after a fast-path character.
    #[inline(always)]
    pub(super) fn after_fast(&mut self, here: Entry, masks: KinsokuMasks) {
        self.no_end = here.no_line_end(masks);
        self.class = here.class();
        self.after_char(here.east_asian());
    }

    /// The state after a character of `east_asian` width; the line-end rule and class as before.
    #[inline(always)]
    fn after_char(&mut self, east_asian: bool) {
        self.east_asian2 = self.east_asian;
        self.east_asian = east_asian;
    }

    /// The state after a word or number of `len` ASCII characters between Han (see
    /// `straight::ascii_between`): what `Ideo` gives after it, no East Asian character
    /// last, and nothing that may not end a line.
    #[inline(always)]
    pub(super) fn after_ascii_between(&mut self, len: usize) {
        self.east_asian2 = len == 1 && self.east_asian;
        self.east_asian = false;
        self.no_end = false;
        self.class = Fast::Ideo as usize;
    }

    /// The state after plain characters (see `classes::plain`) following a plain character,
    /// `class` the fast class of the last: every one East Asian, none in a line-end list.
    #[inline(always)]
    pub(super) fn after_plain(&mut self, class: usize) {
        self.class = class;
        self.east_asian2 = true;
    }
}

/// What the cutter remembers of the text behind it.
#[derive(Debug, Clone, Copy)]
pub(super) struct LookBehind {
    pairs: Pairs,
    /// Where the last character of the previous cluster starts, and what it is.
    prev_at: Option<usize>,
    prev: char,
    /// A break decision for the next cluster, made by the crate at the end of a run.
    pending: Option<bool>,
    /// Whether the previous cluster completed a pair, so that ———— is two pairs, not three.
    prev_tail: bool,
    /// Whether there is a previous cluster and it is not a space.
    after_text: bool,
}

impl LookBehind {
    /// The state at the start of a paragraph.
    #[inline(always)]
    pub(super) fn new() -> LookBehind {
        LookBehind {
            pairs: Pairs { class: 0, east_asian: false, east_asian2: false, no_end: false },
            prev_at: None,
            prev: '\0',
            pending: None,
            prev_tail: false,
            after_text: false,
        }
    }

    /// Whether there is a previous cluster and it is not a space: only then may a run go
    /// straight to the filler.
    #[inline(always)]
    pub(super) fn after_text(&self) -> bool {
        self.after_text
    }

    /// Where the context UAX #14 needs for a run from `start` begins: the last character of
    /// the previous cluster, if any.
    #[inline(always)]
    pub(super) fn context_start(&self, start: usize) -> usize {
        self.prev_at.unwrap_or(start)
    }

    /// Whether a line may break before a fast-path character `here` followed by `next`: the
    /// decision left by the run before, if any, else the pair rule; then kinsoku.
    #[inline(always)]
    pub(super) fn fast_breaks_before(&mut self, here: Entry, next: Entry, masks: KinsokuMasks) -> bool {
        match self.pending.take() {
            Some(allowed) => self.pairs.kinsoku_allows(allowed, here.no_line_start(masks)),
            None => self.pairs.breaks_before(here, next, masks),
        }
    }

    /// Whether fast-path character `c` completes a `——` or `……` pair; remembered for the next.
    #[inline(always)]
    pub(super) fn fast_pair_tail(&mut self, c: char, here: Entry) -> bool {
        let tail = !self.prev_tail && here.pair_half() && self.prev == c;
        self.prev_tail = tail;
        tail
    }

    /// Whether a cluster the general path cuts, starting with `first`, completes a pair;
    /// remembered for the next.
    #[inline(always)]
    pub(super) fn pair_tail(&mut self, first: char) -> bool {
        let tail = !self.prev_tail && pair_half(first) && self.prev == first;
        self.prev_tail = tail;
        tail
    }

    /// Whether a line may break before a cluster of the general path, given whether UAX #14
    /// `allowed` it; `no_line_start` (whether its first character may not start a line) is
    /// asked only when the rest allows the break.
    #[inline(always)]
    pub(super) fn general_breaks_before(&self, allowed: bool, no_line_start: impl FnOnce() -> bool) -> bool {
        allowed && !self.pairs.no_end && !no_line_start()
    }

    /// Whether a line may break before a printable ASCII character, given whether UAX #14
    /// `allowed` it and whether it may start a line.
    #[inline(always)]
    pub(super) fn ascii_breaks_before(&self, allowed: bool, no_line_start: bool) -> bool {
        self.pairs.kinsoku_allows(allowed, no_line_start)
    }

    /// The state after fast-path character `c` at byte `at`.
    #[inline(always)]
    pub(super) fn after_fast(&mut self, at: usize, c: char, here: Entry, masks: KinsokuMasks) {
        self.pairs.after_fast(here, masks);
        self.after_text = true;
        self.step(at, c);
    }

    /// The pair state, for the straight path to carry through a run in locals.
    #[inline(always)]
    pub(super) fn pairs(&self) -> Pairs {
        self.pairs
    }

    /// The state after a straight run, given its pair state at the end and where its last
    /// character starts, `at`. That character is simple or ASCII, so it is no half of a `——`
    /// or `……` pair, which is all that `prev` is asked: it is not read from the text.
    #[inline(always)]
    pub(super) fn after_straight_run(&mut self, pairs: Pairs, at: usize) {
        self.pairs = pairs;
        self.prev = '\0';
        self.prev_at = Some(at);
        self.prev_tail = false;
    }

    /// The state after a printable ASCII character `b` at byte `at` that is no pair half,
    /// its entry `here`.
    #[inline(always)]
    pub(super) fn after_ascii(&mut self, at: usize, b: u8, here: Entry, masks: KinsokuMasks) {
        self.pairs.no_end = here.no_line_end(masks);
        self.pairs.after_char(false);
        self.prev_tail = false;
        self.after_text = true;
        self.step(at, char::from(b));
    }

    /// The state after a cluster of the general path, whose last character is `last` at
    /// byte `at`, its entry `entry`; a `space` leaves the line-end rule as it was.
    #[inline(always)]
    pub(super) fn after_cluster(&mut self, at: usize, last: char, entry: Entry, space: bool, masks: KinsokuMasks) {
        if !space {
            self.pairs.no_end = entry.no_line_end(masks);
        }
        self.after_text = !space;
        self.pairs.after_char(entry.east_asian());
        self.step(at, last);
    }

    /// The state after a run of the general path: UAX #14's word on a break after it
    /// (`breaks_after`) decides the next cluster, and no pair rule applies across it.
    #[inline(always)]
    pub(super) fn after_general_run(&mut self, breaks_after: bool) {
        self.pending = Some(breaks_after);
        self.pairs.class = 0;
    }

    #[inline(always)]
    fn step(&mut self, at: usize, last: char) {
        self.prev = last;
        self.prev_at = Some(at);
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
