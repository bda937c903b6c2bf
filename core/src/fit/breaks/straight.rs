//! The straight path: runs of simple characters (Han, kana, full-width punctuation), most of a
//! Chinese or Japanese page, and the half-width commas, Latin words and numbers between them,
//! go to the sink as [`Run`]s of up to 64 clusters with a break bit each, so that the filler
//! can take them a line at a time. After a plain character, plain ones take one look-up each.
//!
//! Each bit is what the fast path (the pair rules) and the general path (UAX #14 for the ASCII
//! between Han) would decide; the differential test holds it to the reference engine.

use super::lookbehind::LookBehind;
use super::{Marks, Run, Sink, low_bits};
use crate::fit::classes::{BREAKS_AFTER_PLAIN, CharTable, Entry, GatherBits, KinsokuMasks, PLAIN_BYTE, PlainTable};

/// From `start`, after a cluster that is not a space, sends the run of simple characters there
/// to the sink in [`Run`]s; returns where it ends. `head` is the character at `start`, its
/// entry and the entry of the character after it, as the cutter has them already. `plain` is
/// the plain table for `masks`,
/// looked up once a text. `GATHER`: the sink reads marks and the table cannot tell the closing
/// marks by their breaks (see [`PlainTable::close_is_no_break`]), so they are gathered with the
/// breaks, a bit each a character.
#[inline(always)]
#[allow(clippy::too_many_arguments)]
pub(super) fn simple_run<S: Sink, const GATHER: bool>(
    text: &str,
    start: usize,
    head: (char, Entry, Entry),
    table: &CharTable,
    masks: KinsokuMasks,
    plain: &PlainTable,
    ambiguous_wide: bool,
    behind: &mut LookBehind,
    sink: &mut S,
) -> usize {
    let bytes = text.as_bytes();
    let (c, first, mut next) = head;
    debug_assert!(c.len_utf8() == 3 && next == table.entry_at(bytes, start + 3), "a simple character is 3 bytes");
    let mut breaks = u64::from(behind.fast_breaks_before(first, next, masks));
    let mut marks = Marks::default();
    let find_marks = S::READS_MARKS;
    if find_marks {
        marks.add(first, 0);
    }
    behind.after_fast(start, c, first, masks);
    // The rest, with the pair state in locals; `behind` is told once, at the end.
    let mut pairs = behind.pairs();
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
            let Some((len, break_first, _)) = ascii_between(bytes, at).filter(|&(len, ..)| len <= 64) else {
                break;
            };
            if table.entry_at(bytes, at + len + 3).extends() {
                break;
            }
            if count > 0 {
                sink.run(text, &mut Run::new(run_start, count, 3, 2, breaks).with_marks(marks));
            }
            let first = u64::from(pairs.kinsoku_allows(break_first, false));
            sink.ascii_run(text, &mut Run::new(at, len, 1, 1, first));
            pairs.after_ascii_between(len);
            at += len;
            last = at - 1;
            (run_start, count, breaks, marks) = (at, 0, 0, Marks::default());
            next = table.entry_at(bytes, at);
            continue;
        }
        next = table.entry_at(bytes, at + 3);
        if next.extends() {
            // The run ends before `here`, which the next run starts with.
            next = here;
            break;
        }
        breaks |= u64::from(pairs.breaks_before(here, next, masks)) << count;
        if find_marks {
            marks.add(here, count);
        }
        pairs.after_fast(here, masks);
        last = at;
        count += 1;
        at += 3;
        if here.plain() {
            // After a plain character, plain characters need no pair state (see `plain_run`):
            // one table look-up each, in one loop.
            let (mut n, mut plain_breaks, mut close) = plain_run::<GATHER>(bytes, at, count, plain);
            next = table.entry_at(bytes, at + 3 * n);
            // The last is not taken if a combining mark follows it.
            if n > 0 && next.extends() {
                n -= 1;
                plain_breaks &= !(1 << n);
                close &= !(1 << n);
                next = table.entry_at(bytes, at + 3 * n);
            }
            if n > 0 {
                if find_marks {
                    let close = if GATHER { close } else { !plain_breaks & low_bits(n) };
                    marks.close |= close << count;
                }
                breaks |= plain_breaks << count;
                // The last one's class from its plain byte, not the character table.
                let tail = &bytes[at + 3 * (n - 1)..at + 3 * n];
                pairs.after_plain(PlainTable::class_of(plain.at3(tail[0], tail[1], tail[2])));
                count += n;
                at += 3 * n;
                last = at - 3;
            }
        }
    }
    // `next` is the entry at `at`, where the run ends.
    if count > 0 {
        let marks = if find_marks { marks.followed_by(next) } else { marks };
        sink.run(text, &mut Run::new(run_start, count, 3, 2, breaks).with_marks(marks));
    }
    debug_assert!(!crate::fit::dashes::pair_half(table.at(bytes, last).0), "a straight run ends in no pair half");
    behind.after_straight_run(pairs, last);
    at
}

/// The ASCII run at `start` that the straight path and `general::ascii_between_han` set
/// without the UAX #14 state machine, if it is one: its length and whether a line may break
/// before it and after it. It follows the 3 bytes before `start` and runs up to the next
/// character that is not ASCII.
#[inline]
pub(super) fn ascii_between(bytes: &[u8], start: usize) -> Option<(usize, bool, bool)> {
    let &[b0, b1, b2] = bytes.get(start.checked_sub(3)?..start)? else { return None };
    let before = u32::from_be_bytes([0, b0, b1, b2]);
    // `|`, not `||` or `contains`: one branch, not one a key.
    let any = |keys: &[u32], key: u32| keys.iter().fold(false, |any, &k| any | (k == key));
    let open = before == key3("（");
    let comma = bytes.get(start) == Some(&b',');
    // A dash (B2) lets a line break after it, as these marks do: `3—10月`.
    let mark = any(&[key3("，"), key3("。"), key3("、"), key3("；"), key3("："), key3("—")], before);
    // After a closing mark a comma holds to it (IS, LB13) whatever the mark is.
    let closer = [key3("）"), key3("”"), key3("！"), key3("？"), key3("》"), key3("」"), key3("』"), key3("】")];
    // Whether the character before is Han, from its key: no second read of the text.
    if !(open | mark | han_lead((before >> 8) as u16) | (comma & any(&closer, before))) {
        return None;
    }
    let len = if comma { 1 + word_len(&bytes[start + 1..]) } else { word_len(&bytes[start..]) };
    let end = start + len;
    // After it Han or a dash, before which a line may break; or a mark before which none may
    // (CL, NS and EX of UAX #14, which hold to a number or word as they hold to `Ideo`):
    // `23.4%，`, `GDP。`, `3—`.
    let after = bytes.get(end..end + 3).map_or(0, |b| u32::from_be_bytes([0, b[0], b[1], b[2]]));
    let break_after = han_lead((after >> 8) as u16) | (after == key3("—"));
    let holds = [key3("）"), key3("，"), key3("。"), key3("、"), key3("；"), key3("："), key3("！"), key3("？")];
    ((len > 0) & (break_after | any(&holds, after))).then_some((len, !comma & !open, break_after))
}

/// The length of the Latin word or number at the start of `run`: letters and digits (AL and
/// NU, which hold together); after a digit, perhaps a decimal point and digits (NU IS NU,
/// LB25), hyphens and digits (NU HY NU, LB21 and LB25) and a per cent sign (NU PO, LB25):
/// `GDP`, `2023`, `PM2.5`, `97.7%`, `0351-5661173`.
#[inline]
fn word_len(run: &[u8]) -> usize {
    // Most words are shorter than 8 bytes and end before a byte that carries no number on
    // (Han, `，`): both read from one word of the text, with no call and no second read.
    if let Some(&eight) = run.first_chunk::<8>() {
        let x = u64::from_le_bytes(eight);
        let n = (!ascii_class(x, true) & HIGH).trailing_zeros() / 8;
        if n < 8 && !matches!((x >> (8 * n)) as u8, b'.' | b'-' | b'%') {
            return n as usize;
        }
    }
    word_len_at_length(run)
}

/// [`word_len`] the long way: a word of 8 bytes or more, a number that may go on with `.`,
/// `-` or `%`, or one near the text's end.
#[cold]
#[inline(never)]
fn word_len_at_length(run: &[u8]) -> usize {
    let digits = |from: usize| run.get(from..).map_or(0, |r| leading(r, false));
    let after_digit = |len: usize, mark: u8| len > 0 && run[len - 1].is_ascii_digit() && run.get(len) == Some(&mark);
    let mut len = leading(run, true);
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

/// How many of the first bytes of `run` are ASCII digits, or letters and digits (`letters`):
/// 8 at a time, in a word, where there are 8, so that no branch hangs on each byte (a word or
/// number between Han is a few bytes long, and its length is what a branch would fail to foretell).
#[inline(always)]
fn leading(run: &[u8], letters: bool) -> usize {
    let mut len = 0;
    while let Some(word) = run.get(len..len + 8) {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(word);
        let x = u64::from_le_bytes(eight);
        let n = (!ascii_class(x, letters) & HIGH).trailing_zeros() as usize / 8;
        len += n;
        if n < 8 {
            return len;
        }
    }
    len + run[len..]
        .iter()
        .take_while(|&&b| if letters { b.is_ascii_alphanumeric() } else { b.is_ascii_digit() })
        .count()
}

/// The high bit of each byte.
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `x` that is an ASCII digit, or a letter or digit (`letters`).
#[inline(always)]
fn ascii_class(x: u64, letters: bool) -> u64 {
    let ones = |b: u8| u64::from(b) * 0x0101_0101_0101_0101;
    // Each byte below 0x80 (the others drop out at the end), so no sum or difference carries
    // or borrows into the next: `v + (0x80 − lo)` has its high bit set when `v ≥ lo`, and
    // `(0x80 + hi) − v` when `v ≤ hi`.
    let within = |v: u64, lo: u8, hi: u8| (v + ones(0x80 - lo)) & (ones(0x80 + hi) - v) & HIGH;
    let v = x & !HIGH;
    let digit = within(v, b'0', b'9');
    // `| 0x20` makes capitals small and leaves digits as they are.
    let letter = if letters { within(v | ones(0x20), b'a', b'z') } else { 0 };
    (digit | letter) & !x
}

/// A 3-byte character's bytes as one number.
#[inline]
const fn key3(c: &str) -> u32 {
    let b = c.as_bytes();
    (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32
}

/// The run of plain characters (see `classes::plain`) from byte `at`, which follows a plain
/// character, the `from`th (≥ 1) of a run: how many, up to 64 − `from`, a bit for each
/// before which a line may break and, if `GATHER`, a bit for each that is a closing mark (no
/// plain character is an opening mark; else 0).
/// After a plain character the pair rule before Han, kana and ー is "always" and before a
/// closing mark "never", and kinsoku asks only whether the character may start a line: so each
/// takes one table look-up.
#[inline(always)]
fn plain_run<const GATHER: bool>(bytes: &[u8], at: usize, from: usize, plain: &PlainTable) -> (usize, u64, u64) {
    if GATHER {
        return gather_run(bytes, at, 64 - from, plain);
    }
    let (mut n, mut breaks) = (0, 0u64);
    let max = 64 - from;
    // One loop for Han, kana and marks alike, two characters a turn: two table look-ups and
    // no branch but the loop's own, which mixed Japanese and Chinese text would otherwise
    // mispredict. The turn that meets a character not plain ends the loop, taking the first
    // of its two if that one is plain.
    for c in bytes[at..].chunks_exact(6).take(max / 2) {
        let (a, b) = (plain.at3(c[0], c[1], c[2]), plain.at3(c[3], c[4], c[5]));
        if a & b & PLAIN_BYTE == 0 {
            // A character not plain has the byte 0, so the first is taken without a branch.
            breaks |= u64::from(a & BREAKS_AFTER_PLAIN) << n;
            return (n + usize::from(a >> 7), breaks, 0);
        }
        breaks |= u64::from((a & BREAKS_AFTER_PLAIN) | (b & BREAKS_AFTER_PLAIN) << 1) << n;
        n += 2;
    }
    // An odd one at the end, or the last character of the text.
    if n < max
        && let Some(c) = bytes.get(at + 3 * n..at + 3 * n + 3)
    {
        let a = plain.at3(c[0], c[1], c[2]);
        breaks |= u64::from(a & BREAKS_AFTER_PLAIN) << n;
        n += usize::from(a >> 7);
    }
    (n, breaks, 0)
}

/// [`plain_run`] gathering the closing marks too, up to `max` characters, eight a turn: the
/// bits of the eight come together at fixed places ([`GatherBits`]), with one shift a turn
/// that depends on the count, and no cap on the run below 64 (a cap of 31, when the breaks
/// and the marks shared one word a character at a time, cost a turn of the cutter's loop in
/// one run of three). A turn may read past `max`, but what it takes stops there.
#[inline(always)]
fn gather_run(bytes: &[u8], at: usize, max: usize, plain: &PlainTable) -> (usize, u64, u64) {
    let (mut n, mut breaks, mut close) = (0, 0u64, 0u64);
    while n < max {
        let Some(c) = bytes.get(at + 3 * n..).and_then(|rest| rest.first_chunk::<24>()) else { break };
        let bits = |j: usize| plain.gather_at3(c[3 * j], c[3 * j + 1], c[3 * j + 2]).0 << j;
        let eight = GatherBits(bits(0) | bits(1) | bits(2) | bits(3) | bits(4) | bits(5) | bits(6) | bits(7));
        // Eight plain ones, before `max`: the next turn's place waits on no look-up.
        if eight.plain() == 0xFF && n + 8 <= max {
            breaks |= eight.breaks() << n;
            close |= eight.close() << n;
            n += 8;
            continue;
        }
        let m = (eight.plain().trailing_ones() as usize).min(max - n);
        let taken = (1u64 << m) - 1;
        breaks |= (eight.breaks() & taken) << n;
        close |= (eight.close() & taken) << n;
        return (n + m, breaks, close);
    }
    // The text's last few characters, one at a time.
    while n < max
        && let Some(c) = bytes.get(at + 3 * n..at + 3 * n + 3)
    {
        let one = GatherBits(plain.gather_at3(c[0], c[1], c[2]).0);
        if one.plain() == 0 {
            break;
        }
        breaks |= one.breaks() << n;
        close |= one.close() << n;
        n += 1;
    }
    (n, breaks, close)
}

/// Whether a character whose UTF-8 starts with the two bytes `key` is Han (see
/// `classes::is_han`): E3 90 to E9 BF is U+3400 to U+9FFF, less E4 B7, the hexagrams U+4DC0 to
/// U+4DFF, and for U+A000 onwards the lead byte is EA or more. 0 (no character) is not. A test
/// checks this against the code points.
#[inline(always)]
fn han_lead(key: u16) -> bool {
    // `&`, not `&&`: no branch on the hexagrams.
    (key.wrapping_sub(0xE390) <= 0xE9BF - 0xE390) & (key != 0xE4B7)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fit::classes::is_han;

    /// `leading` against the byte-at-a-time count, over every byte in every place of a word.
    #[test]
    fn leading_counts_as_one_byte_at_a_time_would() {
        let by_byte = |r: &[u8], letters: bool| {
            r.iter().take_while(|b| if letters { b.is_ascii_alphanumeric() } else { b.is_ascii_digit() }).count()
        };
        let base = b"Ab3z9Q0x5Mm7Zz1a";
        for len in 0..=base.len() {
            for at in 0..len.max(1) {
                for b in 0..=255u8 {
                    let mut r = base[..len].to_vec();
                    if at < len {
                        r[at] = b;
                    }
                    for letters in [false, true] {
                        assert_eq!(leading(&r, letters), by_byte(&r, letters), "{r:?} {letters}");
                    }
                }
            }
        }
    }

    /// The quick way of `word_len` against the long way, for words and numbers that end
    /// inside the first 8 bytes, at them and past them, before Han, marks and the text's end.
    #[test]
    fn word_len_counts_as_the_long_way_does() {
        let words = ["", "a", "GDP", "5G", "2023", "PM2.5", "97.7%", "3-10", "0351-5661173", "1.2.3", "x."];
        for word in words {
            for after in ["", "字", "，", ".", "-", "%", "%字", "1", " ", "abcdefgh"] {
                let text = format!("{word}{after}");
                let bytes = text.as_bytes();
                assert_eq!(word_len(bytes), word_len_at_length(bytes), "{text:?}");
            }
        }
    }

    /// Eight at a time, `gather_run` takes what one character at a time would: runs of every
    /// length, a character that is not plain at every place, every cap, and the text's end.
    #[test]
    fn gathering_eight_at_a_time_takes_what_one_at_a_time_would() {
        use crate::fit::classes::{CLOSE_BYTE, plain_table};
        use crate::fit::kinsoku::Rules;
        use crate::model::{Kinsoku, Language};
        let plain = plain_table(KinsokuMasks::new(Rules::new(Kinsoku::Strict, Language::Ja)));
        assert!(!plain.close_is_no_break(), "Japanese gathers the marks");
        // Plain: Han, kana, small kana, ー, closing marks; not plain: `「` and ASCII.
        let alike = ['字', 'か', 'っ', '。', 'ー', '」', 'ョ', '、', '本'];
        let one_at_a_time = |bytes: &[u8], max: usize| {
            let (mut n, mut breaks, mut close) = (0, 0u64, 0u64);
            while let Some(c) = bytes.get(3 * n..3 * n + 3).filter(|_| n < max) {
                let byte = plain.at3(c[0], c[1], c[2]);
                if byte & PLAIN_BYTE == 0 {
                    break;
                }
                breaks |= u64::from(byte & BREAKS_AFTER_PLAIN) << n;
                close |= u64::from(byte & CLOSE_BYTE != 0) << n;
                n += 1;
            }
            (n, breaks, close)
        };
        for len in 0..72 {
            for odd in [None, Some('「'), Some('a')] {
                for at in 0..=len {
                    let text: String = (0..len)
                        .map(|k| if k == at { odd.unwrap_or('字') } else { alike[(k * 7 + len) % alike.len()] })
                        .collect();
                    let bytes = text.as_bytes();
                    for max in 1..=64 {
                        let want = one_at_a_time(bytes, max);
                        assert_eq!(gather_run(bytes, 0, max, plain), want, "{text} up to {max}");
                    }
                }
            }
        }
    }

    #[test]
    fn han_lead_reads_the_first_two_bytes_as_the_code_points_say() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mut buf = [0u8; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            let key = u16::from_be_bytes([bytes[0], bytes.get(1).copied().unwrap_or(0)]);
            assert_eq!(han_lead(key), is_han(c), "{c:?}");
        }
        assert!(!han_lead(0) && !han_lead(0xE4B7));
    }
}
