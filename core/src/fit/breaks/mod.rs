//! Where a line may break: UAX #14 from `unicode-linebreak`, corrected for quotation marks
//! between East Asian characters (rule LB19a of Unicode 15.1), tightened by kinsoku.
//!
//! Text is cut into clusters (grapheme clusters), each told whether a line may break before
//! it. Three paths, from the quickest, which all give what the plain reference engine
//! (`fit::reference`, behind the `testkit` feature) gives:
//!
//! - the *straight path* (`straight.rs`): runs of simple characters (Han, kana, full-width
//!   punctuation), which are most of a Chinese or Japanese page, and the commas, words and
//!   numbers between them, go to the filler as runs, a break bit per cluster, so that it can
//!   fill them a line at a time; after a plain character, plain ones take one table look-up each;
//! - the *fast path* (here, in `clusters_into`): any other character whose break class is
//!   one of a few with simple pair rules, one cluster at a time, its class, width and kinsoku
//!   lists from one look-up in the [character table](super::classes);
//! - the *general path* (`general.rs`): everything else (Latin text, spaces, combining marks,
//!   emoji) is handed to `unicode-linebreak` with one character of context on each side, and
//!   cut into graphemes.
//!
//! All three carry the same look-behind state (`lookbehind.rs`) from one cluster to the next,
//! changed only through its methods.
//!
//! ```
//! use pasteup_core::fit::breaks::break_points;
//! use pasteup_core::fit::kinsoku::Rules;
//! use pasteup_core::model::{Kinsoku, Language};
//! let rules = Rules::new(Kinsoku::Strict, Language::ZhHans);
//! // 说：“好。”（完）: breaks before “ and after ” (LB19a), never before ： 。 ” or after “ （.
//! assert_eq!(break_points("说：“好。”（完）", rules), vec!["说：", "“好。”", "（完）"]);
//! ```

mod general;
mod lookbehind;
mod straight;

use general::general_run;
use lookbehind::LookBehind;
use straight::simple_run;

use super::classes::{Entry, KinsokuMasks, PlainTable, plain_table, table};
use super::kinsoku::Rules;
use super::punctuation::styled_clusters_into;
use crate::model::Punctuation;

/// One grapheme cluster as set: its bytes, its width and whether a line may break before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cluster {
    pub start: usize,
    pub end: usize,
    pub cells: u32,
    pub break_before: bool,
    /// A space dropped where a line ends after it: an ASCII space, or the ideographic space
    /// U+3000, which the line-end rule looks past as well. Only an ASCII space is dropped at a
    /// paragraph's start too: U+3000 there is a typed indent.
    pub space: bool,
    /// The cluster's first character.
    pub first: char,
    /// The second half of a `——` or `……` pair: even an emergency split keeps it with the first.
    pub pair_tail: bool,
    /// A closing mark set a full em inside the line and half an em when it ends one
    /// (`LineEnd`, `Kaiming`; see [`punctuation`](crate::fit::punctuation)).
    pub half_at_line_end: bool,
    /// An opening mark set a full em inside the line and half an em when it starts one.
    pub half_at_line_start: bool,
}

impl Cluster {
    /// A cluster as the cutter gives it (every mark a full em).
    #[inline(always)]
    pub fn new(
        start: usize,
        end: usize,
        cells: u32,
        break_before: bool,
        space: bool,
        first: char,
        pair_tail: bool,
    ) -> Cluster {
        Cluster {
            start,
            end,
            cells,
            break_before,
            space,
            first,
            pair_tail,
            half_at_line_end: false,
            half_at_line_start: false,
        }
    }
}

/// Where [`clusters_into`] sends clusters.
pub(crate) trait Sink {
    /// Whether the sink reads the [`Marks`] of a run; the straight path skips finding them
    /// for one that does not (the filler under `Full`).
    const READS_MARKS: bool = false;

    fn cluster(&mut self, c: Cluster);

    /// A cluster that is none of the marks the punctuation styles compress (ASCII, `×`, `·`),
    /// as [`Sink::cluster`]. A call of its own, as [`Sink::ascii_run`] is, so that the
    /// punctuation sink need not look it up.
    #[inline]
    fn unmarked_cluster(&mut self, c: Cluster) {
        self.cluster(c);
    }

    /// A cluster of the fast path, as [`Sink::cluster`], with the entries of its character and
    /// of the one after it, which the cutter has looked up already: the punctuation sink
    /// need not look them up again.
    #[inline]
    fn fast_cluster(&mut self, c: Cluster, _entry: Entry, _next: Entry) {
        self.cluster(c);
    }

    /// A run of clusters that follows a cluster that is not a space (see [`Run`]), none of
    /// them half an em anywhere. A sink may take them a line at a time; by default they are
    /// sent one by one.
    #[inline]
    fn run(&mut self, text: &str, run: &mut Run) {
        for k in 0..run.count {
            self.cluster(run.cluster(text, k));
        }
    }

    /// A run of ASCII (1 byte, 1 cell a cluster: no marks), as [`Sink::run`]. A call of its
    /// own, so that a sink that treats it otherwise needs no test of which run it has.
    #[inline]
    fn ascii_run(&mut self, text: &str, run: &mut Run) {
        self.run(text, run);
    }

    /// A run whose marks may be half an em (set through [`Run::set_half`]): the filler reads
    /// its bits only here, so that `Full` does no work for them.
    #[inline]
    fn styled_run(&mut self, text: &str, run: &mut Run) {
        self.run(text, run);
    }
}

/// The marks among a run's clusters, as the punctuation styles see them (see
/// [`punctuation`](crate::fit::punctuation)): bit `k` of `close` and `open` says the `k`th is
/// a mark of C and of O. The straight path finds them as it reads the run, so that `LineEnd`
/// and `Kaiming` need not read the run again.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Marks {
    pub close: u64,
    pub open: u64,
    /// 1 if the cluster after the run is a mark (of C or O), else 0: the straight path has
    /// its entry at hand where the run ends.
    pub after: u64,
}

impl Marks {
    /// The marks with `entry`'s as the cluster after the run.
    #[inline(always)]
    pub(crate) fn followed_by(self, entry: Entry) -> Marks {
        let (close, open) = entry.mark_bits();
        Marks { after: close | open, ..self }
    }

    /// The marks with the `k`th cluster's, from its entry.
    #[inline(always)]
    pub(crate) fn add(&mut self, entry: Entry, k: usize) {
        let (close, open) = entry.mark_bits();
        self.close |= close << k;
        self.open |= open << k;
    }
}

/// Up to 64 alike clusters in a row: one character each, `bytes` long and `cells` wide, not a
/// space, not the tail of a pair; bit `k` of `breaks` says whether a line may break before
/// the `k`th. Simple CJK characters (3 bytes, 2 cells) and printable ASCII (1 byte, 1 cell)
/// come in such runs. Under a punctuation style other than `Full`, bit `k` of `half` says the
/// `k`th is 1 cell inside the line, and of `half_at_end` and `half_at_start` that it is 1
/// cell at a line's end or start (as the fields of [`Cluster`]); the cutter leaves them 0.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Run {
    pub start: usize,
    pub count: usize,
    pub bytes: usize,
    pub cells: u32,
    /// Cells of the whole run inside a line: `cells` × `count` less the half-em marks (kept
    /// with `half` by [`Run::set_half`], so that the filler need not count them).
    pub width: u32,
    pub breaks: u64,
    /// Set through [`Run::set_half`].
    half: u64,
    pub half_at_end: u64,
    pub half_at_start: u64,
    /// The marks among the clusters (none in a run of ASCII).
    pub marks: Marks,
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

    /// A run of `count` clusters from `start`, each `bytes` long and `cells` wide.
    #[inline(always)]
    pub fn new(start: usize, count: usize, bytes: usize, cells: u32, breaks: u64) -> Run {
        debug_assert_eq!(breaks & !low_bits(count), 0, "a break past the run");
        let (half, half_at_end, half_at_start, marks) = (0, 0, 0, Marks::default());
        let width = cells * count as u32;
        Run { start, count, bytes, cells, width, breaks, half, half_at_end, half_at_start, marks }
    }

    /// Sets the clusters that are 1 cell inside a line (bit `k` for the `k`th), and with them
    /// the run's width.
    #[inline(always)]
    pub fn set_half(&mut self, half: u64) {
        debug_assert_eq!(half & !low_bits(self.count), 0, "a half-em mark past the run");
        self.half = half;
        self.width = self.cells * self.count as u32 - half.count_ones();
    }

    /// The run with the marks of its clusters (which has none from the `count`th on).
    #[inline(always)]
    pub fn with_marks(self, marks: Marks) -> Run {
        debug_assert_eq!((marks.close | marks.open) & !low_bits(self.count), 0, "marks past the run");
        Run { marks, ..self }
    }

    /// Bit `k` says the `k`th cluster is 1 cell inside a line.
    #[inline(always)]
    pub fn half(&self) -> u64 {
        self.half
    }

    /// The `k`th cluster of the run.
    #[inline]
    pub fn cluster(&self, text: &str, k: usize) -> Cluster {
        let at = self.offset(k);
        let first = text[at..].chars().next().unwrap_or(' ');
        let bit = |bits: u64| bits >> k & 1 != 0;
        Cluster {
            start: at,
            end: at + self.bytes,
            cells: if bit(self.half) { 1 } else { self.cells },
            break_before: bit(self.breaks),
            space: false,
            first,
            pair_tail: false,
            half_at_line_end: bit(self.half_at_end),
            half_at_line_start: bit(self.half_at_start),
        }
    }

    /// Cells of the `n` clusters from the `k`th, without a branch on them. `n` < 64: the filler
    /// counts one cluster, or the clusters before a break, which never lies before the first.
    #[inline(always)]
    pub fn cells_of(&self, k: usize, n: usize) -> u32 {
        debug_assert!(self.cells == 2 && self.bytes == 3, "only CJK runs have half-em marks");
        debug_assert!(n < 64 && k + n <= 64, "{k} + {n}");
        2 * n as u32 - ((self.half >> k) & ((1u64 << n) - 1)).count_ones()
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

/// Cuts `text` into clusters with the widths of `punctuation` (see
/// [`punctuation`](crate::fit::punctuation)), calling `emit` for each in order.
pub fn for_each_styled_cluster(
    text: &str,
    ambiguous_wide: bool,
    rules: Rules,
    punctuation: Punctuation,
    emit: impl FnMut(Cluster),
) {
    styled_clusters_into(text, ambiguous_wide, rules, punctuation, &mut Each(emit));
}

/// Cuts `text` into clusters, sending them to `sink` in order.
pub(crate) fn clusters_into<S: Sink>(text: &str, ambiguous_wide: bool, rules: Rules, sink: &mut S) {
    let masks = KinsokuMasks::new(rules);
    let plain = plain_table(masks);
    // Two cutters for a sink that reads marks, each with no test in its loops of how the
    // closing marks are found.
    if S::READS_MARKS && !plain.close_is_no_break() {
        cut::<S, true>(text, ambiguous_wide, masks, plain, sink);
    } else {
        cut::<S, false>(text, ambiguous_wide, masks, plain, sink);
    }
}

/// [`clusters_into`], `GATHER` as [`simple_run`] has it. Out of line, so that each cutter
/// is compiled on its own.
#[inline(never)]
fn cut<S: Sink, const GATHER: bool>(
    text: &str,
    ambiguous_wide: bool,
    masks: KinsokuMasks,
    plain: &PlainTable,
    sink: &mut S,
) {
    let table = table();
    let bytes = text.as_bytes();
    let mut behind = LookBehind::new();
    let mut run_breaks: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let (c, len, entry) = table.at(bytes, i);
        let next = table.entry_at(bytes, i + len);
        if !entry.on_fast_path() || next.extends() {
            i = general_run(text, i, table, masks, &mut behind, &mut run_breaks, ambiguous_wide, sink);
            continue;
        }
        if entry.simple(ambiguous_wide) && behind.after_text() {
            // A simple character is 3 bytes long, so `next` is the entry after it.
            let head = (c, entry, next);
            i = simple_run::<S, GATHER>(text, i, head, table, masks, plain, ambiguous_wide, &mut behind, sink);
            continue;
        }
        // The fast path: one character, decided by the pair rules.
        let break_before = behind.fast_breaks_before(entry, next, masks);
        let pair_tail = behind.fast_pair_tail(c, entry);
        let cells = entry.cells(ambiguous_wide);
        sink.fast_cluster(Cluster::new(i, i + len, cells, break_before, false, c, pair_tail), entry, next);
        behind.after_fast(i, c, entry, masks);
        i += len;
    }
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
    use super::*;
    use crate::model::{Kinsoku, Language};

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
        // UAX #14 keeps an infix separator with the number after it (IS × NU), but after East
        // Asian text a half-width `:` or `;` breaks as `：` does (fit::colons): the number
        // stays one piece that fits a line of its own.
        assert_eq!(break_points("电话:0351-5661173", strict()), vec!["电", "话:", "0351-5661173"]);
        assert_eq!(break_points("电话：0351-5661173", strict()), vec!["电", "话：", "0351-5661173"]);
        assert_eq!(break_points("址;www", none()), vec!["址;", "www"]);
        assert_eq!(break_points("时间9:30", strict()), vec!["时", "间", "9:30"]);
        assert_eq!(break_points("1.7万", strict()), vec!["1.7", "万"]);
    }

    #[test]
    fn a_full_width_bracket_may_start_a_line_after_a_word_or_number() {
        assert_eq!(break_points("增长GDP（国内）", strict()), vec!["增", "长", "GDP", "（国", "内）"]);
        assert_eq!(break_points("共2023（完）", none()), vec!["共", "2023", "（完）"]);
        // A half-width bracket holds to its word, and after % a bracket holds too (UAX #14).
        assert_eq!(break_points("f(x)（注）", none()), vec!["f(x)", "（注）"]);
        assert_eq!(break_points("5%（同）", strict()), vec!["5%（同）"]);
    }

    /// Found from outside: after an ASCII space, UAX #14's break after spaces let U+3000 start
    /// a line (`一二三` / `　五六七`), where it reads as a paragraph's indent.
    #[test]
    fn no_line_starts_with_the_ideographic_space_after_a_space_either() {
        assert_eq!(break_points("一二三 　五六", strict()), vec!["一", "二", "三 　", "五", "六"]);
        assert_eq!(break_points("ab 　cd", none()), vec!["ab 　", "cd"]);
        assert_eq!(break_points("三\u{3000}五", none()), vec!["三\u{3000}", "五"]);
    }

    /// U+3000 at a line's end is dropped as a space is, so the line-end rule looks past it
    /// to the character before, as it looks past a space: `（` would end the line.
    #[test]
    fn the_line_end_rule_looks_past_the_ideographic_space() {
        assert_eq!(break_points("一（\u{3000}二", strict()), vec!["一", "（\u{3000}二"]);
        assert_eq!(break_points("一（ 二", strict()), vec!["一", "（ 二"]);
        assert_eq!(break_points("一（\u{3000}二", none()), vec!["一", "（\u{3000}", "二"]);
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

    /// Found from outside: Traditional Chinese copy writes the dash `――` (U+2015, as Big5
    /// conversions give it) and the ellipsis `⋯⋯` (U+22EF, clreq); they hold and break as
    /// `——` and `……`, after Latin and figures too, where UAX #14 read them as letters.
    #[test]
    fn traditional_dash_and_ellipsis_pairs_hold() {
        let basic = Rules::new(Kinsoku::Basic, Language::ZhHant);
        for (ours, theirs) in [("——", "――"), ("……", "⋯⋯"), ("—", "―"), ("…", "⋯")] {
            for text in ["好{}好", "GDP{}2023", "好{}“好”", "（{}）", "好{}{}好", "a {} b", "{}"] {
                let text = text.replace("{}", ours);
                let other = text.replace(ours, theirs);
                for rules in [none(), basic, strict()] {
                    let back = |p: &&str| p.replace(theirs, ours);
                    let pieces: Vec<String> = break_points(&other, rules).iter().map(back).collect();
                    assert_eq!(pieces, break_points(&text, rules), "{other} {rules:?}");
                }
            }
        }
        assert_eq!(break_points("好――好", none()), vec!["好", "――", "好"]);
        assert_eq!(break_points("好――好", strict()), vec!["好――", "好"]);
        assert_eq!(break_points("好⋯⋯好", strict()), vec!["好⋯⋯", "好"]);
        assert_eq!(break_points("好⋯⋯好", basic), vec!["好⋯⋯", "好"]);
        assert_eq!(break_points("好⋯⋯好", none()), vec!["好⋯⋯", "好"]);
    }

    #[test]
    fn combining_marks_stay_with_their_base() {
        let mut clusters = Vec::new();
        for_each_cluster("字\u{301}字", true, strict(), |c| clusters.push(c));
        assert_eq!(clusters.len(), 2);
        assert_eq!(clusters[0].cells, 2);
        assert!(clusters[1].break_before);
    }

    /// Found from outside: a bopomofo tone mark (class AI, after an ideograph's ID) started a
    /// line, away from its syllable: `…八ㄒㄧㄝ` / `ˋ回應。`.
    #[test]
    fn a_tone_mark_stays_with_its_bopomofo() {
        use crate::fit::{TextStyle, set_paragraph};
        let style = TextStyle::new(13, Rules::new(Kinsoku::Strict, Language::ZhHant), true).indent(2);
        let text = "一二三四五六七八ㄒㄧㄝˋ回應。";
        let lines: Vec<&str> = set_paragraph(text, &style).iter().map(|l| l.text(text)).collect();
        assert_eq!(lines, ["一二三四五六七八ㄒㄧ", "ㄝˋ回應。"]);
        for level in [Kinsoku::Strict, Kinsoku::Basic, Kinsoku::None] {
            for language in [Language::ZhHant, Language::ZhHans] {
                let rules = Rules::new(level, language);
                for tone in ['ˊ', 'ˇ', 'ˋ', '˙'] {
                    for syllable in ["ㄒㄧㄝ", "ㆠ", "ㄅ"] {
                        let text = format!("回{syllable}{tone}應");
                        let pieces = break_points(&text, rules);
                        assert!(
                            pieces.iter().any(|p| p.ends_with(&format!("{}{tone}", syllable.chars().last().unwrap()))),
                            "{text} {rules:?}: {pieces:?}"
                        );
                    }
                }
                // After anything but bopomofo UAX #14 stands.
                assert_eq!(break_points("回ˋ應", rules), ["回", "ˋ", "應"], "{rules:?}");
            }
        }
    }

    /// Found from outside: `。` held to a following `±` (UAX #14 of Unicode 15.0, LB25 CL × PR),
    /// pushing `庁` down; Unicode 15.1 keeps a closing mark with a sign only after a number.
    #[test]
    fn a_prefix_sign_may_start_a_line_after_a_closing_mark_without_a_number() {
        use crate::fit::{TextStyle, set_paragraph};
        use crate::model::Punctuation;
        let style = TextStyle::new(10, Rules::new(Kinsoku::Strict, Language::Ja), true).indent(0);
        let text = "寒さ……と気象庁。±０．５℃の誤差";
        let set = |style: &TextStyle| -> Vec<(String, u32)> {
            set_paragraph(text, style).iter().map(|l| (l.text(text).to_string(), l.cells)).collect()
        };
        let want = |first: u32| vec![("寒さ……と気象庁。".to_string(), first), ("±０．５℃の誤差".to_string(), 16)];
        assert_eq!(set(&style), want(18));
        assert_eq!(set(&style.punctuation(Punctuation::LineEnd)), want(17));
        for level in [Kinsoku::Strict, Kinsoku::None] {
            for language in Language::ALL {
                let rules = Rules::new(level, language);
                for (text, want) in [
                    ("庁。±5", vec!["庁。", "±5"]),
                    ("价」￥30", vec!["价」", "￥30"]),
                    ("价）＄3", vec!["价）", "＄3"]),
                    ("价。$3", vec!["价。", "$3"]),
                    // After a number the sign holds (LB25: NU (SY|IS)* (CL|CP)? × PR).
                    ("价5。$3", vec!["价", "5。$3"]),
                    ("价５）＄", vec!["价", "５）＄"]),
                    // Not after a half-width closing mark, nor before a postfix sign.
                    ("a)$3", vec!["a)$3"]),
                    ("价。%", vec!["价。%"]),
                ] {
                    assert_eq!(break_points(text, rules), want, "{text} {rules:?}");
                }
            }
        }
    }

    #[test]
    fn japanese_small_kana() {
        let ja = Rules::new(Kinsoku::Strict, Language::Ja);
        assert_eq!(break_points("ジャック", ja), vec!["ジャッ", "ク"]);
        assert_eq!(break_points("ジャック", strict()), vec!["ジ", "ャ", "ッ", "ク"]);
        // Found from outside: the small ゕ ゖ and the Ainu small katakana started lines.
        assert_eq!(break_points("三ゕ所", ja), vec!["三ゕ", "所"]);
        assert_eq!(break_points("一ゖ二", ja), vec!["一ゖ", "二"]);
        assert_eq!(break_points("シㇼエトㇰ", ja), vec!["シㇼ", "エ", "トㇰ"]);
        assert_eq!(break_points("シㇼエトㇰ", strict()), vec!["シ", "ㇼ", "エ", "ト", "ㇰ"]);
    }
}
