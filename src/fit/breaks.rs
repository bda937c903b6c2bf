//! Where a line may break: UAX #14 from `unicode-linebreak`, corrected for quotation marks
//! between East Asian characters (rule LB19a of Unicode 15.1), tightened by kinsoku.
//!
//! Text is cut into clusters (grapheme clusters), each told whether a line may break before
//! it. Runs of Han, kana and full-width punctuation, which are most of a Chinese page, take a
//! fast path: their break classes are few and their pair rules are simple. Everything else
//! (Latin words, numbers, spaces, combining marks, emoji) is handed to `unicode-linebreak`
//! with one character of context on each side, and cut into graphemes.
//!
//! ```
//! use pasteup::fit::breaks::break_points;
//! use pasteup::fit::kinsoku::Rules;
//! use pasteup::model::{Kinsoku, Language};
//! let rules = Rules::new(Kinsoku::Strict, Language::ZhHans);
//! // 说：“好。”（完）: breaks before “ and after ” (LB19a), never before ： 。 ” or after “ （.
//! assert_eq!(break_points("说：“好。”（完）", rules), vec!["说：", "“好。”", "（完）"]);
//! ```

use unicode_linebreak::{BreakClass, break_property, linebreaks};
use unicode_segmentation::UnicodeSegmentation;

use super::kinsoku::Rules;
use super::width::{char_cells, grapheme_cells, is_han_or_kana};

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

/// Break classes of the fast path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fast {
    /// Ideographs, kana and the like: breaks on both sides.
    Ideo,
    /// Closing punctuation, exclamation, non-starters: no break before.
    NoBreakBefore,
    /// Opening punctuation: no break after.
    Open,
    /// `…`: never a break before it (LB22).
    Inseparable,
    /// `—`: never a break between two (LB17).
    Dash,
    /// “ ‘
    QuoteOpen,
    /// ” ’
    QuoteClose,
}

#[inline(always)]
fn fast_class(c: char) -> Option<Fast> {
    if is_han_or_kana(c) {
        return Some(Fast::Ideo);
    }
    if (c as u32) < 0x2000 {
        return None;
    }
    // The commonest punctuation of a Chinese page, decided without a table look-up; a test
    // checks every character against `class_by_property`.
    match c {
        '“' | '‘' => Some(Fast::QuoteOpen),
        '”' | '’' => Some(Fast::QuoteClose),
        '，' | '。' | '、' | '；' | '：' | '！' | '？' | '）' | '》' | '」' | '』' | '】' => {
            Some(Fast::NoBreakBefore)
        }
        '（' | '《' | '「' | '『' | '【' => Some(Fast::Open),
        _ => class_by_property(c),
    }
}

/// The fast class of any other character, from its UAX #14 class.
fn class_by_property(c: char) -> Option<Fast> {
    match break_property(c as u32) {
        BreakClass::Ideographic | BreakClass::ConditionalJapaneseStarter => Some(Fast::Ideo),
        BreakClass::ClosePunctuation
        | BreakClass::CloseParenthesis
        | BreakClass::Exclamation
        | BreakClass::InfixSeparator
        | BreakClass::NonStarter => Some(Fast::NoBreakBefore),
        BreakClass::OpenPunctuation => Some(Fast::Open),
        BreakClass::Inseparable => Some(Fast::Inseparable),
        BreakClass::BeforeAndAfter => Some(Fast::Dash),
        _ => None,
    }
}

/// Characters that join the cluster before them, so the fast path must not take the one
/// before them alone.
#[inline(always)]
fn extends(c: char) -> bool {
    // Latin-1, General Punctuation's dashes, quotes and dots and the Fullwidth Forms never
    // extend, and from U+3000 to U+9FFF (CJK punctuation, kana, Han) only the tone marks, the
    // lower half of the vertical kana repeat mark 〵 and the combining voiced marks do: decide
    // these without a table look-up (a test checks every character).
    match c as u32 {
        0..=0x2FF => false,
        0x3000..=0x9FFF => matches!(c as u32, 0x302A..=0x302F | 0x3035 | 0x3099..=0x309A),
        0x2010..=0x2027 | 0xFF01..=0xFF60 => false,
        u => extends_by_property(u),
    }
}

fn extends_by_property(u: u32) -> bool {
    matches!(break_property(u), BreakClass::CombiningMark | BreakClass::ZeroWidthJoiner)
}

/// The CJK Unified Ideographs (and Extension A): 2 cells, breaks on both sides, in no
/// kinsoku list, and 3 bytes of UTF-8.
#[inline]
fn is_han(c: char) -> bool {
    matches!(c as u32, 0x4E00..=0x9FFF | 0x3400..=0x4DBF)
}

/// East Asian Wide or Fullwidth (the `$EastAsian` of LB19a, less Halfwidth forms).
#[inline]
fn east_asian(c: Option<char>) -> bool {
    c.is_some_and(|c| char_cells(c, false) == 2)
}

/// UAX #14 (with LB19a) between two fast-path characters. `before2` precedes `before`;
/// `after2` follows `after`.
#[inline]
fn fast_pair(before: (Fast, char), after: (Fast, char), before2: Option<char>, after2: Option<char>) -> bool {
    use Fast::*;
    match (before.0, after.0) {
        (_, NoBreakBefore | Inseparable | QuoteClose) => false,
        (Open | QuoteOpen, _) => false,
        (Dash, Dash) => false,
        (_, QuoteOpen) => east_asian(Some(before.1)) && east_asian(after2),
        (QuoteClose, _) => east_asian(Some(after.1)) && east_asian(before2),
        _ => true,
    }
}

/// Where [`clusters_into`] sends clusters.
pub(crate) trait Sink {
    fn cluster(&mut self, c: Cluster);

    /// The Han characters in `start..end` (3 bytes each), which follow a cluster that is not a
    /// space: each is a cluster of 2 cells with a break before it, no space, no pair tail. A sink may take
    /// them in one go; by default they are sent one by one.
    #[inline]
    fn han_run(&mut self, text: &str, start: usize, end: usize) {
        for (k, h) in text[start..end].char_indices() {
            let at = start + k;
            self.cluster(Cluster {
                start: at,
                end: at + 3,
                cells: 2,
                break_before: true,
                space: false,
                first: h,
                pair_tail: false,
            });
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

/// Cuts `text` into clusters, sending them to `sink` in order.
///
/// Each character is decoded once: `c` and the `next` one (needed to see a combining mark
/// coming, and for LB19a) are carried forward.
pub(crate) fn clusters_into(text: &str, ambiguous_wide: bool, rules: Rules, sink: &mut impl Sink) {
    let mut run_breaks: Vec<usize> = Vec::new();
    let mut i = 0;
    let mut chars = text.chars();
    let mut c = chars.next();
    let mut next = chars.next();
    // The last character of the previous cluster, its fast class, and the one before it.
    let mut prev: Option<(usize, char)> = None;
    let mut prev_fast: Option<Fast> = None;
    let mut prev2: Option<char> = None;
    // A break decision for the next cluster, made by the crate at the end of a run.
    let mut pending: Option<bool> = None;
    // The last character that is not a space: a line that breaks after spaces ends with it,
    // so the line-end rule applies to it.
    let mut visible: Option<char> = None;
    // Whether the previous cluster completed a pair, so that ———— is two pairs, not three.
    let mut prev_tail = false;
    while let Some(ch) = c {
        // The straight path, for runs of Han, most of a Chinese page: the run, scanned as
        // bytes, goes to the sink at once (`Sink::han_run`) when the last cluster lets it
        // break before a Han character. For each character of the run the general path below
        // would give the same cluster: `fast_class` is `Ideo`, so `fast_pair` allows a break
        // after `Ideo`, `NoBreakBefore`, `Inseparable` or `Dash` (only the last arm matches);
        // a Han character is in no kinsoku list and the last one visible may end a line
        // (checked), so nothing forbids it; it is 2 cells and not `—` or `…`, so it completes
        // no pair. It leaves the state the general path would leave.
        let after_breakable =
            matches!(prev_fast, Some(Fast::Ideo | Fast::NoBreakBefore | Fast::Inseparable | Fast::Dash));
        if is_han(ch) && after_breakable && !visible.is_some_and(|v| rules.no_line_end(v)) {
            let start = i;
            // Han runs and the closing marks after them, one after another: a Han character
            // after a closing mark may break before it, so the straight path goes on.
            loop {
                let mut end = han_run_end(text.as_bytes(), i);
                // The last one is not taken alone if a combining mark follows it.
                if text[end..].chars().next().is_some_and(extends) {
                    end -= 3;
                }
                if end == i {
                    break;
                }
                sink.han_run(text, i, end);
                let last = han_at(text, end - 3);
                prev2 = if end - 3 > i { Some(han_at(text, end - 6)) } else { prev.map(|(_, p)| p) };
                prev = Some((end - 3, last));
                visible = Some(last);
                prev_fast = Some(Fast::Ideo);
                prev_tail = false;
                // The closing marks after the run (，。、；：！？ and the closing brackets) go
                // straight to the sink too, as the general path would send them: each is
                // `NoBreakBefore`, so no break before it, 2 cells, no pair.
                while let Some(mark) = closing_mark_at(text.as_bytes(), end)
                    && !text[end + 3..].chars().next().is_some_and(extends)
                {
                    sink.cluster(Cluster {
                        start: end,
                        end: end + 3,
                        cells: 2,
                        break_before: false,
                        space: false,
                        first: mark,
                        pair_tail: false,
                    });
                    prev2 = prev.map(|(_, p)| p);
                    prev = Some((end, mark));
                    visible = Some(mark);
                    prev_fast = Some(Fast::NoBreakBefore);
                    end += 3;
                }
                i = end;
                if prev_fast != Some(Fast::NoBreakBefore) {
                    break;
                }
            }
            if i > start {
                chars = text[i..].chars();
                c = chars.next();
                next = chars.next();
                continue;
            }
        }
        let len = ch.len_utf8();
        let fast = fast_class(ch).filter(|_| !next.is_some_and(extends));
        if let Some(class) = fast {
            let allowed = match (pending.take(), prev, prev_fast) {
                (Some(b), _, _) => b,
                (None, Some((_, p)), Some(pf)) => fast_pair((pf, p), (class, ch), prev2, next),
                _ => false,
            };
            let cells = if class == Fast::Ideo && is_han_or_kana(ch) { 2 } else { char_cells(ch, ambiguous_wide) };
            let break_before = allowed && !forbidden(rules, visible, ch);
            let pair_tail = !prev_tail && is_pair(prev.map(|(_, p)| p), ch);
            prev_tail = pair_tail;
            sink.cluster(Cluster { start: i, end: i + len, cells, break_before, space: false, first: ch, pair_tail });
            visible = Some(ch);
            prev2 = prev.map(|(_, p)| p);
            prev = Some((i, ch));
            prev_fast = Some(class);
            i += len;
            c = next;
            next = chars.next();
            continue;
        }
        let end = run_end(text, i);
        let ctx_start = prev.map_or(i, |(at, _)| at);
        let ctx_end = text[end..].chars().next().map_or(end, |n| end + n.len_utf8());
        run_breaks.clear();
        if !ascii_between_han(text, ctx_start, i, end, ctx_end, &mut run_breaks) {
            run_breaks.extend(
                linebreaks(&text[ctx_start..ctx_end])
                    .map(|(at, _)| at + ctx_start)
                    .filter(|&at| at > ctx_start && at < ctx_end),
            );
        }
        let mut breaks = run_breaks.iter().copied().peekable();
        // One cluster of the run: `len` bytes from `start`, its first and last characters.
        let mut emit_one = |start: usize, len: usize, first: char, last: char, cells: u32| {
            while breaks.next_if(|&b| b < start).is_some() {}
            let allowed = breaks.peek() == Some(&start);
            let break_before = allowed && !forbidden(rules, visible, first);
            let space = len == 1 && first == ' ';
            let pair_tail = !prev_tail && is_pair(prev.map(|(_, p)| p), first);
            prev_tail = pair_tail;
            sink.cluster(Cluster { start, end: start + len, cells, break_before, space, first, pair_tail });
            if !space {
                visible = Some(last);
            }
            prev2 = prev.map(|(_, p)| p);
            prev = Some((start + len - last.len_utf8(), last));
        };
        let run = &text[i..end];
        if run.is_ascii() {
            for (k, b) in run.bytes().enumerate() {
                emit_one(i + k, 1, char::from(b), char::from(b), u32::from(!b.is_ascii_control()));
            }
        } else {
            for (k, g) in run.grapheme_indices(true) {
                let first = g.chars().next().unwrap_or(' ');
                let last = g.chars().next_back().unwrap_or(' ');
                emit_one(i + k, g.len(), first, last, grapheme_cells(g, ambiguous_wide));
            }
        }
        pending = Some(breaks.any(|b| b == end));
        prev_fast = None;
        i = end;
        chars = text[end..].chars();
        c = chars.next();
        next = chars.next();
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
    let (Some(before), Some(after)) = (text[ctx_start..start].chars().next(), text[end..ctx_end].chars().next()) else {
        return false;
    };
    if !(is_han(before) || matches!(before, '（' | '，' | '。' | '、' | '；' | '：'))
        || !(is_han(after) || after == '）')
    {
        return false;
    }
    let run = &text.as_bytes()[start..end];
    let comma = run == b",";
    if !comma && (run.is_empty() || !run.iter().all(u8::is_ascii_alphanumeric)) {
        return false;
    }
    if !comma && before != '（' {
        out.push(start);
    }
    if is_han(after) {
        out.push(end);
    }
    true
}

/// Whether kinsoku forbids a break between the last visible character and `next`.
#[inline]
fn forbidden(rules: Rules, visible: Option<char>, next: char) -> bool {
    visible.is_some_and(|v| rules.no_line_end(v)) || rules.no_line_start(next)
}

/// `——` and `……` are one 2-em unit.
#[inline]
fn is_pair(before: Option<char>, after: char) -> bool {
    matches!(after, '—' | '…') && before == Some(after)
}

/// The end of the run of Han characters (see [`is_han`]) from byte `at`, read as bytes: each
/// is three bytes of UTF-8, a lead byte 0xE_ and two continuation bytes.
#[inline]
fn han_run_end(bytes: &[u8], mut at: usize) -> usize {
    // Read from the lead bytes alone: E5–E9 are U+5000–U+9FFF; E4 is U+4000–U+4FFF, Han
    // but for the hexagrams U+4DC0–U+4DFF (second byte B7); E3 from second byte 90 is
    // U+3400–U+3FFF (Extension A). A test checks this against the code points.
    while let Some(&[b0, b1, _]) = bytes.get(at..at + 3) {
        let han = match b0 {
            0xE5..=0xE9 => true,
            0xE4 => b1 != 0xB7,
            0xE3 => b1 >= 0x90,
            _ => false,
        };
        if !han {
            break;
        }
        at += 3;
    }
    at
}

/// A full-width closing mark at `at` that the straight path may take: 、。〉》」』】 and
/// ，！）：；？, each `NoBreakBefore` in [`fast_class`], full width, in no pair and in no
/// line-end list (a test checks this against the general path's classes).
#[inline]
fn closing_mark_at(bytes: &[u8], at: usize) -> Option<char> {
    match bytes.get(at..at + 3)? {
        [0xE3, 0x80, 0x81] => Some('、'),
        [0xE3, 0x80, 0x82] => Some('。'),
        [0xE3, 0x80, 0x89] => Some('〉'),
        [0xE3, 0x80, 0x8B] => Some('》'),
        [0xE3, 0x80, 0x8D] => Some('」'),
        [0xE3, 0x80, 0x8F] => Some('』'),
        [0xE3, 0x80, 0x91] => Some('】'),
        [0xEF, 0xBC, 0x8C] => Some('，'),
        [0xEF, 0xBC, 0x81] => Some('！'),
        [0xEF, 0xBC, 0x89] => Some('）'),
        [0xEF, 0xBC, 0x9A] => Some('：'),
        [0xEF, 0xBC, 0x9B] => Some('；'),
        [0xEF, 0xBC, 0x9F] => Some('？'),
        _ => None,
    }
}

/// The character at byte `at`, which starts one.
#[inline]
fn han_at(text: &str, at: usize) -> char {
    text[at..].chars().next().unwrap_or(' ')
}

/// The end of a run of characters that the fast path does not take.
fn run_end(text: &str, start: usize) -> usize {
    let mut chars = text[start..].char_indices().peekable();
    chars.next();
    while let Some((k, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        if fast_class(c).is_some() && !next.is_some_and(extends) {
            return start + k;
        }
    }
    text.len()
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

    /// `fast_class` and `extends` as they were before their shortcuts.
    fn fast_class_by_property(c: char) -> Option<Fast> {
        if is_han_or_kana(c) {
            return Some(Fast::Ideo);
        }
        if (c as u32) < 0x2000 {
            return None;
        }
        match c {
            '“' | '‘' => Some(Fast::QuoteOpen),
            '”' | '’' => Some(Fast::QuoteClose),
            _ => class_by_property(c),
        }
    }

    #[test]
    fn shortcuts_agree_with_the_tables() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(fast_class(c), fast_class_by_property(c), "{c:?}");
            let by_property = (c as u32) >= 0x300
                && matches!(break_property(c as u32), BreakClass::CombiningMark | BreakClass::ZeroWidthJoiner);
            assert_eq!(extends(c), by_property, "{c:?}");
            if is_han(c) {
                assert_eq!((fast_class(c), c.len_utf8()), (Some(Fast::Ideo), 3), "{c:?}");
                assert!(!strict().no_line_start(c) && !strict().no_line_end(c), "{c:?}");
                let ja = Rules::new(Kinsoku::Strict, Language::Ja);
                assert!(!ja.no_line_start(c) && !ja.no_line_end(c), "{c:?}");
            }
        }
    }

    #[test]
    fn closing_marks_are_what_the_general_path_says() {
        for mark in "、。〉》」』】，！）：；？".chars() {
            let mut buf = [0u8; 4];
            let bytes = mark.encode_utf8(&mut buf).as_bytes();
            assert_eq!(closing_mark_at(bytes, 0), Some(mark));
            assert_eq!(fast_class(mark), Some(Fast::NoBreakBefore), "{mark}");
            assert_eq!(char_cells(mark, false), 2, "{mark}");
            for level in [Kinsoku::Strict, Kinsoku::Basic, Kinsoku::None] {
                for lang in [Language::ZhHans, Language::Ja] {
                    assert!(!Rules::new(level, lang).no_line_end(mark), "{mark}");
                }
            }
            assert!(!matches!(mark, '—' | '…') && !extends(mark));
        }
        assert_eq!(closing_mark_at("字".as_bytes(), 0), None);
        assert_eq!(closing_mark_at("，".as_bytes(), 1), None);
    }

    #[test]
    fn han_run_end_reads_lead_bytes_as_the_code_points_say() {
        for u in 0x3000..=0xAFFF_u32 {
            let Some(c) = char::from_u32(u) else { continue };
            let mut buf = [0u8; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            let han = matches!(u, 0x4E00..=0x9FFF | 0x3400..=0x4DBF);
            assert_eq!(han_run_end(bytes, 0) == 3, han, "U+{u:04X}");
        }
    }

    #[test]
    fn han_runs_read_as_bytes_are_han_runs() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let s = format!("{c}{c}a");
            let want = if is_han(c) { 2 * c.len_utf8() } else { 0 };
            assert_eq!(han_run_end(s.as_bytes(), 0), want, "{c:?}");
        }
    }

    #[test]
    fn ascii_between_han_agrees_with_linebreaks() {
        // Every Han character has the one class the shortcut assumes.
        for c in (0..=0x10FFFF).filter_map(char::from_u32).filter(|&c| is_han(c)) {
            assert_eq!(break_property(c as u32), BreakClass::Ideographic, "{c:?}");
        }
        let runs =
            [",", "a", "Z", "7", "GDP", "5G", "2023", "a1b2", "PM25", "x", ".", "PM2.5", "a b", "12%", "a,", "2×1"];
        let around = "一丁㐀鿿字（，。、；：）“”《》〔〕！？";
        for run in runs {
            for before in around.chars() {
                for after in around.chars() {
                    let ctx = format!("{before}{run}{after}");
                    let (start, end) = (before.len_utf8(), before.len_utf8() + run.len());
                    let want: Vec<usize> =
                        linebreaks(&ctx).map(|(at, _)| at).filter(|&at| at > 0 && at < ctx.len()).collect();
                    let mut got = Vec::new();
                    if ascii_between_han(&ctx, 0, start, end, ctx.len(), &mut got) {
                        assert_eq!(got, want, "{ctx:?}");
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
        assert!(ascii_between_han("字GDP字", 0, 3, 6, 9, &mut Vec::new()));
        assert!(ascii_between_han("（2023）", 0, 3, 7, 10, &mut Vec::new()));
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

    #[test]
    fn japanese_small_kana() {
        let ja = Rules::new(Kinsoku::Strict, Language::Ja);
        assert_eq!(break_points("ジャック", ja), vec!["ジャッ", "ク"]);
        assert_eq!(break_points("ジャック", strict()), vec!["ジ", "ャ", "ッ", "ク"]);
    }
}
