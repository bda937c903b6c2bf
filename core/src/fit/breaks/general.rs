//! The general path: a run of characters the fast path does not take (Latin text, spaces,
//! combining marks, emoji) gets its break opportunities from `unicode-linebreak`, with one
//! character of context on each side, and is cut into graphemes; kinsoku then tightens them.
//!
//! Two shortcuts give what the crate would: a Latin word or number between Han is read by
//! [`ascii_between_han`], and a run of printable ASCII after text goes to the sink as one [`Run`].

use unicode_linebreak::linebreaks;
use unicode_segmentation::UnicodeSegmentation;

use super::lookbehind::LookBehind;
use super::straight::ascii_between;
use super::{Cluster, Run, Sink};
use crate::fit::brackets::add_bracket_breaks;
use crate::fit::classes::{CharTable, KinsokuMasks};
use crate::fit::colons::add_colon_breaks;
use crate::fit::dashes::with_twins;
use crate::fit::edges::add_edge_breaks;
use crate::fit::figures::holds_at;
use crate::fit::signs::add_sign_breaks;
use crate::fit::tones::holds_before_tone;
use crate::fit::width::{char_cells, grapheme_cells};

/// A run of characters the fast path does not take, from `start`: its break opportunities
/// from `unicode-linebreak` (or [`ascii_between_han`]), cut into graphemes; returns where it ends.
#[allow(clippy::too_many_arguments)]
// Out of line under every style. The compiler had inlined it into the cutter under `Full` (not
// under `LineEnd`), where it cost 3.4–4.4 M instructions more in 8 MiB (docs/performance.md).
#[inline(never)]
pub(super) fn general_run(
    text: &str,
    start: usize,
    table: &CharTable,
    masks: KinsokuMasks,
    behind: &mut LookBehind,
    run_breaks: &mut Vec<usize>,
    ambiguous_wide: bool,
    sink: &mut impl Sink,
) -> usize {
    let bytes = text.as_bytes();
    let end = run_end(bytes, start, table);
    let ctx_start = behind.context_start(start);
    let ctx_end = end + table.at(bytes, end).1;
    run_breaks.clear();
    if !ascii_between_han(text, ctx_start, start, end, ctx_end, run_breaks) {
        // `―` and `⋯` break as `—` and `…`, the same bytes long (see `dashes`).
        let context = with_twins(&text[ctx_start..ctx_end]);
        run_breaks.extend(linebreaks(&context).map(|(at, _)| at + ctx_start).filter(|&at| {
            at > ctx_start
                && at < ctx_end
                && !holds_at(text, at)
                && !before_ideographic_space(text, at)
                && !holds_before_tone(text, at)
        }));
        add_bracket_breaks(text, start, end, run_breaks);
        add_edge_breaks(text, start, end, run_breaks);
        // Here only: `ascii_between_han` takes a word or number (a comma perhaps before it),
        // never a `:` or `;`, so the shortcut needs no such test.
        add_colon_breaks(text, start, end, run_breaks);
        // Here only too: a prefix sign is never ASCII between Han that the shortcut takes.
        add_sign_breaks(text, start, end, run_breaks);
    }
    let run = &bytes[start..end];
    if behind.after_text() && run.len() <= 64 && run.iter().all(u8::is_ascii_graphic) {
        ascii_run(text, start, run, run_breaks, table, masks, behind, sink);
    } else {
        clusters_of_run(text, start, end, run_breaks, table, masks, behind, ambiguous_wide, sink);
    }
    behind.after_general_run(run_breaks.last() == Some(&end));
    end
}

/// Whether the character at byte `at` is U+3000, before which no line breaks, as before any
/// space: UAX #14 breaks after spaces (LB18), and it then started a line, reading as an indent
/// (found from outside). Spaces come only through this path, so the break it would leave to the
/// character after the run is held here too.
fn before_ideographic_space(text: &str, at: usize) -> bool {
    text.as_bytes().get(at..at + 3) == Some("\u{3000}".as_bytes())
}

/// The end of a run of characters that the fast path does not take: the first character
/// after `start` that it takes (on the fast path, not followed by a combining mark, and not
/// after a zero-width joiner: `🚀` of `👩‍🚀` is on the fast path, but the joiner makes the two
/// one grapheme, which the segmenter here must see whole; found from outside).
#[inline]
fn run_end(bytes: &[u8], start: usize, table: &CharTable) -> usize {
    let mut at = start + table.at(bytes, start).1;
    // ASCII is never on the fast path.
    while bytes.get(at).is_some_and(u8::is_ascii) {
        at += 1;
    }
    let mut here = table.at(bytes, at);
    while at < bytes.len() {
        let next = table.at(bytes, at + here.1);
        if here.2.on_fast_path() && !next.2.extends() && !after_joiner(bytes, at) {
            return at;
        }
        at += here.1;
        here = next;
    }
    bytes.len()
}

/// Whether the character before byte `at` is U+200D ZERO WIDTH JOINER.
#[inline]
fn after_joiner(bytes: &[u8], at: usize) -> bool {
    bytes[..at].ends_with("\u{200D}".as_bytes())
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
    behind: &mut LookBehind,
    sink: &mut impl Sink,
) {
    let end = start + run.len();
    let allowed = run_breaks.iter().filter(|&&b| b >= start && b < end).fold(0u64, |bits, &b| bits | 1 << (b - start));
    let mut breaks = 0;
    for (k, &b) in run.iter().enumerate() {
        let entry = table.ascii(b);
        let break_before = behind.ascii_breaks_before(allowed >> k & 1 != 0, entry.no_line_start(masks));
        breaks |= u64::from(break_before) << k;
        behind.after_ascii(start + k, b, entry, masks);
    }
    sink.ascii_run(text, &mut Run::new(start, run.len(), 1, 1, breaks));
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
    behind: &mut LookBehind,
    ambiguous_wide: bool,
    sink: &mut impl Sink,
) {
    let bytes = text.as_bytes();
    let mut breaks = run_breaks.iter().copied().peekable();
    // One cluster of the run: `len` bytes from `at`, its first and last characters, and whether
    // it is known to be no mark.
    let mut emit_one = |at: usize, len: usize, first: char, last: char, cells: u32, unmarked: bool| {
        while breaks.next_if(|&b| b < at).is_some() {}
        let allowed = breaks.peek() == Some(&at);
        let break_before = behind.general_breaks_before(allowed, || table.at(bytes, at).2.no_line_start(masks));
        // U+3000 ends a line as a space does (docs/fit-accounting.md, "Filling"): found from
        // outside, a headline row broke after it and counted it, which cost a row.
        let space = if len == 1 { first == ' ' } else { len == 3 && first == '\u{3000}' };
        let pair_tail = behind.pair_tail(first);
        let c = Cluster::new(at, at + len, cells, break_before, space, first, pair_tail);
        if unmarked {
            sink.unmarked_cluster(c)
        } else {
            sink.cluster(c)
        }
        let last_at = at + len - last.len_utf8();
        behind.after_cluster(last_at, last, table.at(bytes, last_at).2, space, masks);
    };
    let run = &text[start..end];
    if run.is_ascii() {
        for (k, b) in run.bytes().enumerate() {
            emit_one(start + k, 1, char::from(b), char::from(b), u32::from(!b.is_ascii_control()), true);
        }
    } else if run.chars().all(|c| (c.is_ascii() && c != '\r') || matches!(c, '×' | '·')) {
        // Each of these is a grapheme of its own (`2×1000`), whatever is next to it: no need
        // to run the segmenter. (CR is not: it joins a following LF.)
        for (k, c) in run.char_indices() {
            let cells = if c.is_ascii() { u32::from(!c.is_ascii_control()) } else { char_cells(c, ambiguous_wide) };
            emit_one(start + k, c.len_utf8(), c, c, cells, true);
        }
    } else {
        for (k, g) in run.grapheme_indices(true) {
            let first = g.chars().next().unwrap_or(' ');
            let last = g.chars().next_back().unwrap_or(' ');
            emit_one(start + k, g.len(), first, last, grapheme_cells(g, ambiguous_wide), false);
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
#[inline]
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
        Some((len, break_first, break_after)) if start + len == end => {
            if break_first {
                out.push(start);
            }
            if break_after {
                out.push(end);
            }
            true
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use unicode_linebreak::{BreakClass, break_property};

    use super::*;
    use crate::fit::classes::{fast_class, is_han};

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
        let all_around = "一丁㐀鿿字（，。、；：）“”《》〔〕！？—…―⋯";
        let few_around = "字（，）“》—―";
        let cases = named.iter().map(|r| (r.to_string(), all_around)).chain(every.into_iter().map(|r| (r, few_around)));
        let mut checked = 0;
        for (run, around) in cases {
            let run = run.as_str();
            for before in around.chars() {
                for after in around.chars() {
                    let ctx = format!("{before}{run}{after}");
                    let (start, end) = (before.len_utf8(), before.len_utf8() + run.len());
                    let want: Vec<usize> = linebreaks(&with_twins(&ctx))
                        .map(|(at, _)| at)
                        .filter(|&at| at > 0 && at < ctx.len())
                        .collect();
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

    /// A run the fast path does not take lies between characters it takes (or the text's
    /// ends): made of ASCII (but CR), `×` and `·` only, each is a grapheme of its own.
    #[test]
    fn times_middle_dot_and_ascii_are_graphemes_of_their_own() {
        let set: Vec<char> = (0..0x80u8).map(char::from).filter(|&c| c != '\r').chain(['×', '·']).collect();
        let fast = (0x2000..=0xFFFF_u32)
            .filter_map(char::from_u32)
            .filter(|&c| fast_class(c).is_some())
            .step_by(7)
            .chain(['字', '，', '（', '“', '”', '—', '…', '―', '⋯', '𠀀']);
        let neighbours: Vec<char> = set.iter().copied().chain(fast).collect();
        for &c in &set {
            for &o in &neighbours {
                for s in [format!("{c}{o}"), format!("{o}{c}")] {
                    assert_eq!(s.graphemes(true).count(), 2, "{s:?}");
                }
            }
        }
    }
}
