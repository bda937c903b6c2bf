//! What the setter needs to know of a character, in one look-up: its break class on the fast
//! path, its width in either ambiguous setting, the kinsoku lists it is in, whether it joins
//! the character before it, and whether it is one half of a `——` or `……` pair.
//!
//! Every property is defined once, by the functions that own it (`fast_class` and `extends`
//! here, [`char_cells`], [`Rules`]); the table is built from them when it is first used, and a
//! test checks every character against them. The table lets a run of Chinese or Japanese text
//! be cut with a load and a few bit tests per character instead of a chain of comparisons.
//!
//! ```
//! use pasteup_core::fit::classes::table;
//! let (c, len, entry) = table().at("，字".as_bytes(), 0);
//! assert_eq!((c, len), ('，', 3));
//! assert_eq!(entry.cells(true), 2);
//! assert!(entry.on_fast_path() && !entry.is_han());
//! ```

use std::sync::LazyLock;

use unicode_linebreak::{BreakClass, break_property};

use super::dashes::{pair_half, twin};
use super::kinsoku::Rules;
use super::punctuation::{Mark, is_stop, mark};
use super::width::{char_cells, is_han_or_kana};
use crate::model::{Kinsoku, Language};

/// Break classes of the fast path (characters whose pair rules are simple), numbered from 1
/// so that 0 can mean "not on the fast path".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum Fast {
    /// Ideographs, kana and the like: breaks on both sides.
    Ideo = 1,
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

const FAST: [Fast; 7] =
    [Fast::Ideo, Fast::NoBreakBefore, Fast::Open, Fast::Inseparable, Fast::Dash, Fast::QuoteOpen, Fast::QuoteClose];

/// The fast class of `c`, if it has one.
pub(crate) fn fast_class(c: char) -> Option<Fast> {
    if is_han_or_kana(c) {
        return Some(Fast::Ideo);
    }
    // Full-width letters and figures take the general path, where they hold together (see
    // `figures`) as UAX #14's ideograph class alone would not have them.
    if (c as u32) < 0x2000 || super::figures::full_width_alnum(c) || extends(c) {
        return None;
    }
    match c {
        '“' | '‘' => Some(Fast::QuoteOpen),
        '”' | '’' => Some(Fast::QuoteClose),
        // `―` and `⋯` break as `—` and `…` (see `dashes`).
        _ => match break_property(twin(c) as u32) {
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
        },
    }
}

/// Whether `c` joins the cluster before it (combining marks, zero-width joiner, and whatever
/// else Unicode's grapheme rules join to a letter: the half-width kana voicing marks `ﾞ` `ﾟ`,
/// spacing marks, emoji modifiers).
pub(crate) fn extends(c: char) -> bool {
    use BreakClass::*;
    // Outside CM and ZWJ, only these line-break classes hold characters that join a letter
    // (a test checks every character): the grapheme look-up is made for them alone.
    (c as u32) >= 0x300
        && match break_property(c as u32) {
            CombiningMark | ZeroWidthJoiner => true,
            NonStarter | ComplexContext | EmojiModifier | NonBreakingGlue | After => joins_a_letter(c),
            _ => false,
        }
}

/// Whether `a` followed by `c` is one grapheme cluster.
pub(crate) fn joins_a_letter(c: char) -> bool {
    use unicode_segmentation::UnicodeSegmentation;
    let mut buf = [0u8; 5];
    buf[0] = b'a';
    let len = 1 + c.encode_utf8(&mut buf[1..]).len();
    std::str::from_utf8(&buf[..len]).is_ok_and(|s| s.graphemes(true).nth(1).is_none())
}

/// The CJK Unified Ideographs (and Extension A): 2 cells, breaks on both sides, in no
/// kinsoku list, and 3 bytes of UTF-8.
#[inline]
pub(crate) fn is_han(c: char) -> bool {
    matches!(c as u32, 0x4E00..=0x9FFF | 0x3400..=0x4DBF)
}

/// A character the setter may take in a run with others of its kind (see `Sink::run`):
/// on the fast path, 3 bytes of UTF-8, 2 cells wide, and not one half of a `——` or `……` pair.
/// Han, kana and the full-width punctuation of a Chinese or Japanese page are simple.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn simple(c: char, ambiguous_wide: bool) -> bool {
    simple_given(c, fast_class(c), char_cells(c, ambiguous_wide))
}

fn simple_given(c: char, class: Option<Fast>, cells: u32) -> bool {
    class.is_some() && c.len_utf8() == 3 && cells == 2 && !pair_half(c)
}

/// A simple character, East Asian in either setting, whose pair rule after any other such
/// character depends on it alone: `Ideo` (a break before it, kinsoku allowing) or
/// `NoBreakBefore` (none). Han, kana, ー and the closing and pause marks of a Chinese or
/// Japanese page are plain; none of them is in a line-end list.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn plain(c: char) -> bool {
    plain_given(c, fast_class(c), char_cells(c, false))
}

fn plain_given(c: char, class: Option<Fast>, narrow: u32) -> bool {
    matches!(class, Some(Fast::Ideo | Fast::NoBreakBefore)) && simple_given(c, class, narrow)
}

/// How a line may break between two fast-path characters under UAX #14 with LB19a.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pair {
    Never,
    Always,
    /// Before “ or ‘: only between East Asian characters (the one before the quote and the
    /// one after it).
    BeforeOpeningQuote,
    /// After ” or ’: only between East Asian characters (the one before the quote and the
    /// one after it).
    AfterClosingQuote,
}

/// The rule between a fast-path character and the next one.
pub(crate) const fn pair_rule(before: Fast, after: Fast) -> Pair {
    use Fast::*;
    match (before, after) {
        (_, NoBreakBefore | Inseparable | QuoteClose) => Pair::Never,
        (Open | QuoteOpen, _) => Pair::Never,
        (Dash, Dash) => Pair::Never,
        (_, QuoteOpen) => Pair::BeforeOpeningQuote,
        (QuoteClose, _) => Pair::AfterClosingQuote,
        _ => Pair::Always,
    }
}

/// [`pair_rule`] by class number; row and column 0 (no fast character) never break.
pub(crate) const PAIRS: [[Pair; 8]; 8] = {
    let mut table = [[Pair::Never; 8]; 8];
    let mut a = 0;
    while a < 7 {
        let mut b = 0;
        while b < 7 {
            table[a + 1][b + 1] = pair_rule(FAST[a], FAST[b]);
            b += 1;
        }
        a += 1;
    }
    table
};

/// Everything the setter asks of one character, packed in 16 bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Entry(u32);

const CLASS: u32 = 0b111;
const NARROW_SHIFT: u32 = 3;
const WIDE_SHIFT: u32 = 5;
const NO_START_BASIC: u32 = 1 << 7;
const NO_START_STRICT: u32 = 1 << 8;
const NO_START_JA: u32 = 1 << 9;
const NO_END: u32 = 1 << 10;
const EXTENDS: u32 = 1 << 11;
const PAIR_HALF: u32 = 1 << 12;
const HAN: u32 = 1 << 13;
const EAST_ASIAN: u32 = 1 << 14;
const SIMPLE_NARROW: u32 = 1 << 15;
const SIMPLE_WIDE: u32 = 1 << 16;
const PLAIN: u32 = 1 << 17;
const CLOSE_MARK: u32 = 18;
const OPEN_MARK: u32 = 19;
const STOP_MARK: u32 = 20;

impl Entry {
    fn of(c: char) -> Entry {
        let class = fast_class(c);
        let (narrow, wide) = (char_cells(c, false), char_cells(c, true));
        let zh = |level| Rules::new(level, Language::ZhHans);
        let basic = zh(Kinsoku::Basic).no_line_start(c);
        let flags = [
            (basic, NO_START_BASIC),
            (!basic && zh(Kinsoku::Strict).no_line_start(c), NO_START_STRICT),
            (!basic && Rules::new(Kinsoku::Basic, Language::Ja).no_line_start(c), NO_START_JA),
            (zh(Kinsoku::Basic).no_line_end(c), NO_END),
            (extends(c), EXTENDS),
            (pair_half(c), PAIR_HALF),
            (is_han(c), HAN),
            (super::width::lb19a_east_asian(c), EAST_ASIAN),
            (simple_given(c, class, narrow), SIMPLE_NARROW),
            (simple_given(c, class, wide), SIMPLE_WIDE),
            (plain_given(c, class, narrow), PLAIN),
            (mark(c) == Mark::Close, 1 << CLOSE_MARK),
            (mark(c) == Mark::Open, 1 << OPEN_MARK),
            (is_stop(c), 1 << STOP_MARK),
        ];
        let bits = class.map_or(0, |f| f as u32) | narrow << NARROW_SHIFT | wide << WIDE_SHIFT;
        Entry(flags.iter().filter(|f| f.0).fold(bits, |bits, f| bits | f.1))
    }

    /// The fast-path class number (0: not on the fast path).
    #[inline(always)]
    pub(crate) fn class(self) -> usize {
        (self.0 & CLASS) as usize
    }

    #[inline(always)]
    pub fn on_fast_path(self) -> bool {
        self.0 & CLASS != 0
    }

    #[inline(always)]
    pub fn cells(self, ambiguous_wide: bool) -> u32 {
        let shift = if ambiguous_wide { WIDE_SHIFT } else { NARROW_SHIFT };
        (self.0 >> shift) & 0b11
    }

    /// A character the setter may take in a run with others of its kind: on the fast path,
    /// 3 bytes of UTF-8, 2 cells wide, and not one half of a `——` or `……` pair.
    #[inline(always)]
    pub fn simple(self, ambiguous_wide: bool) -> bool {
        self.0 & if ambiguous_wide { SIMPLE_WIDE } else { SIMPLE_NARROW } != 0
    }

    #[inline(always)]
    pub fn extends(self) -> bool {
        self.0 & EXTENDS != 0
    }

    #[inline(always)]
    pub fn is_han(self) -> bool {
        self.0 & HAN != 0
    }

    /// East Asian Wide, Fullwidth or Halfwidth (the `$EastAsian` of LB19a).
    #[inline(always)]
    pub fn east_asian(self) -> bool {
        self.0 & EAST_ASIAN != 0
    }

    /// See [`plain`]: a character the straight path takes after another without the pair state.
    #[inline(always)]
    pub fn plain(self) -> bool {
        self.0 & PLAIN != 0
    }

    /// Whether a line may break before this plain character when it follows another plain
    /// character: an `Ideo` one that kinsoku lets start a line.
    #[inline(always)]
    pub fn breaks_after_plain(self, masks: KinsokuMasks) -> bool {
        (self.0 & CLASS == Fast::Ideo as u32) & (self.0 & masks.start == 0)
    }

    /// A mark of C and of O, for the punctuation styles (see
    /// [`punctuation`](super::punctuation)), each as bit 0 of a number to shift into a mask.
    #[inline(always)]
    pub(crate) fn mark_bits(self) -> (u64, u64) {
        let bit = |shift: u32| u64::from(self.0 >> shift & 1);
        (bit(CLOSE_MARK), bit(OPEN_MARK))
    }

    /// Which of C and O the character is in (see [`mark`]), from its bits.
    #[inline(always)]
    pub(crate) fn mark(self) -> Mark {
        match self.mark_bits() {
            (1, _) => Mark::Close,
            (_, 1) => Mark::Open,
            _ => Mark::None,
        }
    }

    /// One of 。？！, which `Kaiming` leaves a full em inside a line.
    #[inline(always)]
    pub(crate) fn stop(self) -> bool {
        self.0 >> STOP_MARK & 1 != 0
    }

    /// `—` or `…`, or `―` or `⋯` (see [`dashes`](super::dashes)).
    #[inline(always)]
    pub fn pair_half(self) -> bool {
        self.0 & PAIR_HALF != 0
    }

    #[inline(always)]
    pub fn no_line_start(self, masks: KinsokuMasks) -> bool {
        self.0 & masks.start != 0
    }

    #[inline(always)]
    pub fn no_line_end(self, masks: KinsokuMasks) -> bool {
        self.0 & masks.end != 0
    }
}

/// Which of an entry's kinsoku bits count under one set of rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KinsokuMasks {
    start: u32,
    end: u32,
}

impl KinsokuMasks {
    pub fn new(rules: Rules) -> KinsokuMasks {
        let japanese = rules.japanese();
        match rules.level() {
            Kinsoku::None => KinsokuMasks { start: 0, end: 0 },
            level => KinsokuMasks {
                start: NO_START_BASIC
                    | if level == Kinsoku::Strict { NO_START_STRICT } else { 0 }
                    | if japanese { NO_START_JA } else { 0 },
                end: NO_END,
            },
        }
    }
}

/// The entries of every character below U+10000, in blocks of 256 shared between pages that
/// are alike (all the Han pages are one block); characters above are worked out when met.
pub struct CharTable {
    /// Block number of each page (code point >> 8).
    pages: Vec<u8>,
    /// The blocks, 256 entries each.
    entries: Vec<Entry>,
}

impl CharTable {
    fn build() -> CharTable {
        let mut pages = Vec::with_capacity(256);
        let mut entries: Vec<Entry> = Vec::new();
        // Han characters are alike (a test checks it): worked out once, not 27,000 times.
        let han = Entry::of('字');
        let entry = |c: char| if is_han(c) { han } else { Entry::of(c) };
        for page in 0..256u32 {
            let block: Vec<Entry> =
                (0..256).map(|k| char::from_u32(page << 8 | k).map_or(Entry::default(), entry)).collect();
            let found = entries.chunks(256).position(|b| b == block.as_slice());
            let number = found.unwrap_or_else(|| {
                entries.extend_from_slice(&block);
                entries.len() / 256 - 1
            });
            #[allow(clippy::expect_used, reason = "256 pages make at most 256 blocks")]
            pages.push(u8::try_from(number).expect("at most one block a page, and 256 pages"));
        }
        CharTable { pages, entries }
    }

    /// The character starting at byte `i` of `bytes` (valid UTF-8, `i` on a character
    /// boundary), its length in bytes and its entry; past the end, `('\0', 0, Entry(0))`.
    #[inline(always)]
    pub fn at(&self, bytes: &[u8], i: usize) -> (char, usize, Entry) {
        let Some(&b0) = bytes.get(i) else { return ('\0', 0, Entry::default()) };
        if b0 < 0x80 {
            return (char::from(b0), 1, self.ascii(b0));
        }
        let tail = |k: usize| u32::from(bytes.get(i + k).copied().unwrap_or(0x80) & 0x3F);
        let (cp, len) = match b0 {
            0xE0..=0xEF => {
                (cp3(b0, bytes.get(i + 1).copied().unwrap_or(0x80), bytes.get(i + 2).copied().unwrap_or(0x80)), 3)
            }
            0xC0..=0xDF => (u32::from(b0 & 0x1F) << 6 | tail(1), 2),
            _ => {
                let cp = u32::from(b0 & 0x07) << 18 | tail(1) << 12 | tail(2) << 6 | tail(3);
                let c = char::from_u32(cp).unwrap_or('\u{FFFD}');
                return (c, 4, Entry::of(c));
            }
        };
        (char::from_u32(cp).unwrap_or('\u{FFFD}'), len, self.below_10000(cp))
    }

    /// The entry of an ASCII character.
    #[inline(always)]
    pub fn ascii(&self, b: u8) -> Entry {
        self.below_10000(u32::from(b & 0x7F))
    }

    /// The entry of the character at byte `i` alone, quicker for 3-byte characters.
    #[inline(always)]
    pub fn entry_at(&self, bytes: &[u8], i: usize) -> Entry {
        let Some(&b0) = bytes.get(i) else { return Entry::default() };
        let byte = |k: usize| bytes.get(i + k).copied().unwrap_or(0x80);
        // 2- and 4-byte characters are rare here; ASCII and 3-byte ones, which alternate in
        // Chinese news (figures between Han), are told apart by a select, not a branch.
        // `&`, not `&&`: one branch, taken only for the rare 2- and 4-byte characters.
        if (b0 >= 0xC0) & (b0 & 0xF0 != 0xE0) {
            return self.at(bytes, i).2;
        }
        let three = cp3(b0, byte(1), byte(2));
        self.below_10000(if b0 & 0xF0 == 0xE0 { three } else { u32::from(b0) })
    }

    #[inline(always)]
    fn below_10000(&self, cp: u32) -> Entry {
        let block = usize::from(self.pages[(cp >> 8) as usize & 0xFF]);
        self.entries[block << 8 | (cp & 0xFF) as usize]
    }
}

/// The straight path's plain loop's table: for every character below U+10000, under one
/// set of kinsoku rules, one byte saying whether it is plain ([`PLAIN_BYTE`]), whether a line
/// may break before it after a plain character ([`BREAKS_AFTER_PLAIN`]) and whether it is a
/// closing mark ([`CLOSE_BYTE`]): one look-up and no mask work a character, where the
/// [`CharTable`]'s entries serve every path and every set of rules.
///
/// It is read straight from the UTF-8 bytes, without making the code point: a row of 64
/// characters by the lead byte and the second byte, then the byte by the third. Rows alike
/// share a block (all the Han rows are one), so the hot part is a few hundred bytes.
///
/// Where kana may start a line (any rules but Japanese `Basic` and `Strict`), the few other
/// characters before which a line may not break after a plain one (々, ・, ～, ゝ and the like,
/// seldom seen in Chinese) are left out of the table, though plain: then of its characters
/// exactly the closing marks have no break before them, and `LineEnd` and `Kaiming` read
/// the marks from the break bits instead of gathering them with the breaks
/// ([`PlainTable::close_is_no_break`]). The ones left out take the straight path's other loop.
pub(crate) struct PlainTable {
    /// Block number of each row, at `b0 << 6 | b1 & 0x3F`; block 0 (nothing plain) for
    /// every lead byte but E0 to EF.
    /// Held in place, not boxed, like `blocks`: the loop then reads both from the one pointer
    /// to the table, with no load of where each lies.
    rows: [u8; 1 << 14],
    /// The blocks, 64 bytes each, block `k` at `k << 6`, by the third byte's low six bits.
    blocks: [u8; 1 << 14],
    /// The blocks again, each byte as its [`GatherBits`], for the loop that gathers closing
    /// marks: numbered as `blocks`, all 0 where the marks are read from the breaks instead.
    /// Held in place too: boxed, its pointer was one more value the gathering loop kept on
    /// the stack, and the text's pointer went there with it (ja `LineEnd` 1.8 M instructions
    /// more in 8 MiB, docs/performance.md).
    wide: [u32; 1 << 14],
    close_is_no_break: bool,
}

/// A plain character's bits for the loop that gathers closing marks with the breaks
/// ([`PlainTable::gather_at3`]): whether a line may break before it (bit 0), whether it is a
/// closing mark (bit 8) and that it is plain (bit 16; 0 for a character that is not). The bits
/// of eight characters, each shifted by its place `j` (< 8) and or-ed together, give the
/// breaks, the marks and which are plain a byte each.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct GatherBits(pub u32);

impl GatherBits {
    fn of(breaks: bool, close: bool) -> GatherBits {
        GatherBits(1 << 16 | u32::from(breaks) | u32::from(close) << 8)
    }

    /// The breaks of the characters or-ed in, bit `j` for the `j`th.
    #[inline(always)]
    pub(crate) fn breaks(self) -> u64 {
        u64::from(self.0 & 0xFF)
    }

    /// The closing marks of the characters or-ed in, bit `j` for the `j`th.
    #[inline(always)]
    pub(crate) fn close(self) -> u64 {
        u64::from(self.0 >> 8 & 0xFF)
    }

    /// Which of the characters or-ed in are plain, bit `j` for the `j`th.
    #[inline(always)]
    pub(crate) fn plain(self) -> u8 {
        (self.0 >> 16) as u8
    }
}

// Bit 0 and bit 1, so that the loop shifts them into place without moving them down first.
pub(crate) const PLAIN_BYTE: u8 = 0x80;
pub(crate) const BREAKS_AFTER_PLAIN: u8 = 1;
pub(crate) const CLOSE_BYTE: u8 = 2;
/// The plain character's fast class is `NoBreakBefore` (else `Ideo`).
pub(crate) const NO_BREAK_CLASS_BYTE: u8 = 4;

impl PlainTable {
    /// The character table's entries, each made its byte under `masks`.
    fn build(masks: KinsokuMasks) -> PlainTable {
        let table = table();
        // Small kana and ー are common in Japanese; where a line may not start with them,
        // they stay in the table and the marks are gathered with the breaks.
        let close_is_no_break =
            ['っ', 'ッ', 'ー'].iter().all(|&c| table.below_10000(c as u32).breaks_after_plain(masks));
        let byte = |cp: u32| {
            // No character below U+0800 has three bytes, and surrogates none at all.
            if cp < 0x800 || char::from_u32(cp).is_none() {
                return 0;
            }
            let entry = table.below_10000(cp);
            let breaks = entry.breaks_after_plain(masks);
            let close = entry.mark() == Mark::Close;
            if !entry.plain() || (close_is_no_break && !breaks && !close) {
                return 0;
            }
            PlainTable::byte(breaks, close, entry.class())
        };
        let mut rows = [0u8; 1 << 14];
        let mut blocks: Vec<[u8; 64]> = vec![[0; 64]];
        for b0 in 0xE0..=0xEFu8 {
            for b1 in 0..64u8 {
                let row: [u8; 64] = std::array::from_fn(|b2| byte(cp3(b0, b1, b2 as u8)));
                let number = blocks.iter().position(|b| *b == row).unwrap_or_else(|| {
                    blocks.push(row);
                    blocks.len() - 1
                });
                #[allow(clippy::expect_used, reason = "a test checks that the blocks are fewer than 256")]
                let number = u8::try_from(number).expect("at most 256 blocks of 64 plain bytes");
                rows[usize::from(b0) << 6 | usize::from(b1)] = number;
            }
        }
        let mut flat = [0u8; 1 << 14];
        for (k, block) in blocks.iter().enumerate() {
            flat[k << 6..(k + 1) << 6].copy_from_slice(block);
        }
        // Filled only where the marks are gathered, and only over the blocks in use.
        let mut wide = [0u32; 1 << 14];
        if !close_is_no_break {
            for (bits, &byte) in wide.iter_mut().zip(&flat[..blocks.len() << 6]).filter(|(_, b)| **b != 0) {
                *bits = GatherBits::of(byte & BREAKS_AFTER_PLAIN != 0, byte & CLOSE_BYTE != 0).0;
            }
        }
        PlainTable { rows, blocks: flat, wide, close_is_no_break }
    }

    /// The byte of a plain character of the fast class `class` (`Ideo` or `NoBreakBefore`).
    fn byte(breaks: bool, close: bool, class: usize) -> u8 {
        let no_break_class = if class == Fast::NoBreakBefore as usize { NO_BREAK_CLASS_BYTE } else { 0 };
        PLAIN_BYTE | if breaks { BREAKS_AFTER_PLAIN } else { 0 } | if close { CLOSE_BYTE } else { 0 } | no_break_class
    }

    /// The fast class of the plain character whose byte is `byte`: what the pair rules need of
    /// the last of a plain run, without a look-up in the character table.
    #[inline(always)]
    pub(crate) fn class_of(byte: u8) -> usize {
        const { assert!(Fast::NoBreakBefore as usize == Fast::Ideo as usize + 1) };
        Fast::Ideo as usize + usize::from(byte & NO_BREAK_CLASS_BYTE != 0)
    }

    /// Whether, of the characters in the table, the closing marks are exactly the ones that
    /// no line may start with after a plain character, so that a run's marks are the bits
    /// its breaks lack.
    #[inline(always)]
    pub(crate) fn close_is_no_break(&self) -> bool {
        self.close_is_no_break
    }

    /// The byte of the character whose UTF-8 is `b0 b1 b2`; 0 (not plain) unless that is a
    /// 3-byte character. No branch and no bounds check: both indexes are 14 bits.
    #[inline(always)]
    pub(crate) fn at3(&self, b0: u8, b1: u8, b2: u8) -> u8 {
        let row = self.rows[usize::from(b0) << 6 | usize::from(b1 & 0x3F)];
        self.blocks[usize::from(row) << 6 | usize::from(b2 & 0x3F)]
    }

    /// The bits of the character whose UTF-8 is `b0 b1 b2` for the gathering loop: 0 (not
    /// plain) unless that is a 3-byte character. Only where [`close_is_no_break`] is false.
    ///
    /// [`close_is_no_break`]: PlainTable::close_is_no_break
    #[inline(always)]
    pub(crate) fn gather_at3(&self, b0: u8, b1: u8, b2: u8) -> GatherBits {
        let row = self.rows[usize::from(b0) << 6 | usize::from(b1 & 0x3F)];
        GatherBits(self.wide[usize::from(row) << 6 | usize::from(b2 & 0x3F)])
    }

    /// How many blocks of 64 bytes the table holds.
    #[cfg(test)]
    fn blocks(&self) -> usize {
        self.rows.iter().map(|&r| usize::from(r)).max().unwrap_or(0) + 1
    }
}

/// The code point of the 3-byte UTF-8 `b0 b1 b2` (a lead byte of E0 to EF).
#[inline(always)]
pub(crate) const fn cp3(b0: u8, b1: u8, b2: u8) -> u32 {
    (b0 as u32 & 0x0F) << 12 | (b1 as u32 & 0x3F) << 6 | (b2 as u32 & 0x3F)
}

/// The plain table for `masks`, built on first use (one for each set of kinsoku rules).
pub(crate) fn plain_table(masks: KinsokuMasks) -> &'static PlainTable {
    static TABLES: [LazyLock<PlainTable>; 5] = [
        LazyLock::new(|| PlainTable::build(KinsokuMasks { start: 0, end: 0 })),
        LazyLock::new(|| PlainTable::build(KinsokuMasks { start: NO_START_BASIC, end: NO_END })),
        LazyLock::new(|| PlainTable::build(KinsokuMasks { start: NO_START_BASIC | NO_START_STRICT, end: NO_END })),
        LazyLock::new(|| PlainTable::build(KinsokuMasks { start: NO_START_BASIC | NO_START_JA, end: NO_END })),
        LazyLock::new(|| {
            PlainTable::build(KinsokuMasks { start: NO_START_BASIC | NO_START_STRICT | NO_START_JA, end: NO_END })
        }),
    ];
    let strict = masks.start & NO_START_STRICT != 0;
    let ja = masks.start & NO_START_JA != 0;
    let k = match (masks.start != 0, strict, ja) {
        (false, _, _) => 0,
        (true, false, false) => 1,
        (true, true, false) => 2,
        (true, false, true) => 3,
        (true, true, true) => 4,
    };
    &TABLES[k]
}

/// The table, built on first use.
pub fn table() -> &'static CharTable {
    static TABLE: LazyLock<CharTable> = LazyLock::new(CharTable::build);
    &TABLE
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by a test's step through the fast classes: `ﾟ` (U+FF9F) joins the letter before it
    /// (one grapheme) but was a cluster of its own. Every character that joins a letter and is
    /// assigned in the line-break data is `extends`, and none is on the fast path.
    #[test]
    fn every_character_that_joins_a_letter_extends() {
        for c in (0x300..=0x10FFFF).filter_map(char::from_u32) {
            let assigned = break_property(c as u32) != BreakClass::Unknown;
            if assigned && joins_a_letter(c) {
                assert!(extends(c), "{c:?} U+{:04X}", c as u32);
            }
            if extends(c) {
                assert!(fast_class(c).is_none(), "{c:?} U+{:04X}", c as u32);
            }
        }
        assert!(extends('\u{FF9F}') && extends('\u{1F3FB}') && !extends('字'));
    }

    #[test]
    fn every_entry_says_what_the_functions_say() {
        let t = table();
        let rules: Vec<Rules> = [Kinsoku::Strict, Kinsoku::Basic, Kinsoku::None]
            .into_iter()
            .flat_map(|level| Language::ALL.map(|language| Rules::new(level, language)))
            .collect();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mut buf = [0u8; 4];
            let (got, len, e) = t.at(c.encode_utf8(&mut buf).as_bytes(), 0);
            assert_eq!((got, len), (c, c.len_utf8()));
            assert_eq!(t.entry_at(c.encode_utf8(&mut buf).as_bytes(), 0), e);
            assert_eq!(e.class(), fast_class(c).map_or(0, |f| f as usize), "{c:?}");
            assert_eq!(e.cells(false), char_cells(c, false), "{c:?}");
            assert_eq!(e.cells(true), char_cells(c, true), "{c:?}");
            assert_eq!(e.extends(), extends(c), "{c:?}");
            assert_eq!(e.is_han(), is_han(c), "{c:?}");
            assert_eq!(e.east_asian(), super::super::width::lb19a_east_asian(c), "{c:?}");
            assert_eq!(e.pair_half(), matches!(c, '—' | '…' | '―' | '⋯'), "{c:?}");
            assert_eq!((e.simple(false), e.simple(true)), (simple(c, false), simple(c, true)), "{c:?}");
            assert_eq!(e.plain(), plain(c), "{c:?}");
            let want = (u64::from(mark(c) == Mark::Close), u64::from(mark(c) == Mark::Open));
            assert_eq!((e.mark_bits(), e.mark(), e.stop()), (want, mark(c), is_stop(c)), "{c:?}");
            if plain(c) {
                assert!(e.simple(false) && e.simple(true) && e.east_asian() && !e.extends(), "{c:?}");
                // The straight path finds only closing marks among plain characters.
                assert_ne!(mark(c), Mark::Open, "{c:?}");
            }
            for &r in &rules {
                let masks = KinsokuMasks::new(r);
                assert_eq!(e.no_line_start(masks), r.no_line_start(c), "{c:?} {r:?}");
                assert_eq!(e.no_line_end(masks), r.no_line_end(c), "{c:?} {r:?}");
                if plain(c) {
                    // After a plain character the pair rules give what `breaks_after_plain` says.
                    let rule = PAIRS[Fast::Ideo as usize][e.class()];
                    assert_eq!(PAIRS[Fast::NoBreakBefore as usize][e.class()], rule, "{c:?}");
                    let allowed = rule == Pair::Always && !r.no_line_start(c);
                    assert_eq!(e.breaks_after_plain(masks), allowed, "{c:?} {r:?}");
                    assert!(!r.no_line_end(c), "{c:?}");
                }
            }
        }
    }

    #[test]
    fn han_is_on_the_fast_path_in_no_list() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32).filter(|&c| is_han(c)) {
            assert_eq!(Entry::of(c), Entry::of('字'), "{c:?}");
            assert_eq!((fast_class(c), c.len_utf8(), char_cells(c, false)), (Some(Fast::Ideo), 3, 2), "{c:?}");
            for language in Language::ALL {
                let strict = Rules::new(Kinsoku::Strict, language);
                assert!(!strict.no_line_start(c) && !strict.no_line_end(c), "{c:?}");
            }
        }
    }

    #[test]
    fn pairs_by_number_are_the_pair_rule() {
        for a in FAST {
            for b in FAST {
                assert_eq!(PAIRS[a as usize][b as usize], pair_rule(a, b));
            }
            assert_eq!(PAIRS[0][a as usize], Pair::Never);
            assert_eq!(PAIRS[a as usize][0], Pair::Never);
        }
    }

    #[test]
    fn the_plain_table_says_what_the_entries_say() {
        let table = table();
        let rules = [
            (Kinsoku::None, Language::ZhHans),
            (Kinsoku::Basic, Language::ZhHans),
            (Kinsoku::Strict, Language::ZhHans),
            (Kinsoku::Basic, Language::Ja),
            (Kinsoku::Strict, Language::Ja),
        ];
        for (level, language) in rules {
            let r = Rules::new(level, language);
            let masks = KinsokuMasks::new(r);
            let plain = plain_table(masks);
            for c in (0..=0x10FFFF).filter_map(char::from_u32) {
                let mut buf = [0u8; 4];
                let b = c.encode_utf8(&mut buf).as_bytes();
                let byte = plain.at3(b[0], b.get(1).copied().unwrap_or(0), b.get(2).copied().unwrap_or(0));
                let e = table.at(b, 0).2;
                let (breaks, close) = (e.breaks_after_plain(masks), mark(c) == Mark::Close);
                let left_out = plain.close_is_no_break() && !breaks && !close;
                let plain_here = b.len() == 3 && e.plain() && !left_out;
                let want = if plain_here { PlainTable::byte(breaks, close, e.class()) } else { 0 };
                assert_eq!(byte, want, "{c:?} {r:?}");
                if plain_here {
                    assert_eq!(PlainTable::class_of(byte), e.class(), "{c:?} {r:?}");
                }
                if byte != 0 && plain.close_is_no_break() {
                    assert_eq!(byte & CLOSE_BYTE != 0, byte & BREAKS_AFTER_PLAIN == 0, "{c:?} {r:?}");
                }
                // The gathering loop's bits say the same, where it runs.
                let gather = plain.gather_at3(b[0], b.get(1).copied().unwrap_or(0), b.get(2).copied().unwrap_or(0));
                let want = match byte {
                    _ if plain.close_is_no_break() => GatherBits(0),
                    0 => GatherBits(0),
                    _ => GatherBits::of(byte & BREAKS_AFTER_PLAIN != 0, byte & CLOSE_BYTE != 0),
                };
                assert_eq!(gather, want, "{c:?} {r:?}");
                if gather.0 != 0 {
                    let shifted = GatherBits(gather.0 << 5);
                    assert_eq!(shifted.breaks() >> 5, u64::from(breaks), "{c:?} {r:?}");
                    assert_eq!(shifted.close() >> 5, u64::from(close), "{c:?} {r:?}");
                    assert_eq!(shifted.plain(), 1 << 5, "{c:?} {r:?}");
                }
            }
            // Only Japanese `Basic` and `Strict` keep small kana from starting a line.
            let japanese = language == Language::Ja && level != Kinsoku::None;
            assert_eq!(plain.close_is_no_break(), !japanese, "{r:?}");
        }
    }

    /// The characters a table that reads marks from breaks leaves out are rare in Chinese.
    #[test]
    fn chinese_tables_leave_out_only_rare_characters() {
        let masks = KinsokuMasks::new(Rules::new(Kinsoku::Strict, Language::ZhHans));
        let plain = plain_table(masks);
        let left_out: String = (0x800..0x10000u32)
            .filter_map(char::from_u32)
            .filter(|&c| {
                let mut buf = [0u8; 4];
                let b = c.encode_utf8(&mut buf).as_bytes();
                table().at(b, 0).2.plain() && plain.at3(b[0], b[1], b[2]) == 0
            })
            .collect();
        let kana = |c: char| matches!(c, 'ぁ'..='ゖ' | 'ァ'..='ヺ' | 'ー');
        assert!(!left_out.contains(|c: char| is_han(c) || kana(c) || mark(c) != Mark::None), "{left_out}");
        assert!(left_out.contains('々') && left_out.contains('・'), "{left_out}");
    }

    /// The pages share blocks (60 blocks, 60 KiB, when this was written), so the hot ones stay
    /// in the cache.
    #[test]
    fn the_table_is_small() {
        let blocks = table().entries.len() / 256;
        assert!(blocks <= 64, "{blocks} blocks of 256 entries");
    }

    /// The plain tables' rows share blocks, so that the hot ones stay in the cache, and they
    /// are few enough for a byte to number them.
    #[test]
    fn the_plain_tables_are_small() {
        for level in [Kinsoku::None, Kinsoku::Basic, Kinsoku::Strict] {
            for language in [Language::ZhHans, Language::Ja] {
                let blocks = plain_table(KinsokuMasks::new(Rules::new(level, language))).blocks();
                assert!(blocks <= 64, "{blocks} blocks of 64 bytes");
            }
        }
    }

    #[test]
    fn past_the_end_is_nothing() {
        assert_eq!(table().at(b"ab", 2), ('\0', 0, Entry::default()));
    }
}
