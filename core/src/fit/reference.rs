//! The frozen reference engine: a plain, slow, self-contained copy of the fit engine (breaks,
//! fill, kinsoku and width) as it stood at commit c057b21, before it was tuned for speed. The
//! differential test (`tests/fit_differential.rs`) holds the engine's every cluster and line
//! to it. Built only with the `testkit` feature.
//!
//! Do not "fix", tidy or speed it up: it is the yardstick. Its only duty is to stay plain
//! enough to be read against the rules in `docs/fit-engine.md`.
//!
//! # Changing a rule
//!
//! A rule (a kinsoku list, a pair rule, a width, how the filler breaks) changes in the engine
//! and here in the same commit, so that the differential test keeps comparing like with like:
//!
//! 1. Write the test that shows the new behaviour (in `tests/fit_properties.rs` or the
//!    engine's module) and see it fail.
//! 2. Change the rule here, in the plainest way, with a comment naming the commit and why
//!    (see the note in `Filler::break_at`).
//! 3. Change the engine: the table in `fit/classes.rs`, the lists in `fit/kinsoku.rs`, and
//!    every path that decides the rule (`fit/breaks/straight.rs` reads Han and closing marks
//!    from their bytes, so a rule about them changes there too).
//! 4. Run `cargo test --test fit_differential` (with `PROPTEST_CASES=100000` once) and
//!    `cargo bench --bench fit_engine`; the commit message says what changed and why.
//!
//! A difference the test finds is a bug in the engine unless the rule changed on purpose.

use crate::fit::brackets::breaks_before_bracket;
use crate::fit::edges::add_edge_breaks;
use crate::fit::figures::{full_width_alnum, holds_at};
use crate::fit::{Align, Line};
use crate::model::{Kinsoku, Language, Orphans, Punctuation};
use unicode_linebreak::{BreakClass, break_property, linebreaks};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

// --- kinsoku.rs ---------------------------------------------------------------------

// Rule change (2026-12-07, "kinsoku: Big5's small and vertical forms"): the closing and pause
// marks among the vertical forms (U+FE10–FE19, U+FE30–FE4F) and the small forms (U+FE50–FE6B)
// never start a line, the opening ones never end one, and `︙` keeps off a line start at Strict
// as `…` does; UAX #14 read `﹑` and `︰` as ideographs, and they started lines.
const NO_START: &str =
    "。？！．，、；：”’）］〕】》〉」』〗｝〙～·・‐.,;:?!)]}︐︑︒︓︔︕︖︘︰︶︸︺︼︾﹀﹂﹄﹈﹐﹑﹒﹔﹕﹖﹗﹚﹜﹞";
const NO_START_JA: &str =
    "ー々ゝゞヽヾ〻ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿｧｨｩｪｫｬｭｮｯｰ";
// Rule change (2026-12-07, "fit: `――` and `⋯⋯` set as `——` and `……`"): Traditional Chinese
// copy writes the dash with U+2015 and the ellipsis with U+22EF; they kept no line start.
const NO_START_STRICT: &str = "—…―⋯︙";
const NO_END: &str = "“‘（［〔【《〈「『〖｛〘([{︗︵︷︹︻︽︿﹁﹃﹇﹙﹛﹝";

#[derive(Debug, Clone, Copy)]
pub struct Rules {
    level: Kinsoku,
    japanese: bool,
}

impl Rules {
    pub fn new(level: Kinsoku, language: Language) -> Rules {
        Rules { level, japanese: language == Language::Ja }
    }

    fn no_line_start(self, c: char) -> bool {
        if c.is_ascii_alphanumeric() || ('\u{4E00}'..='\u{9FFF}').contains(&c) {
            return false;
        }
        match self.level {
            Kinsoku::None => false,
            Kinsoku::Basic => NO_START.contains(c) || (self.japanese && NO_START_JA.contains(c)),
            Kinsoku::Strict => {
                NO_START.contains(c) || NO_START_STRICT.contains(c) || (self.japanese && NO_START_JA.contains(c))
            }
        }
    }

    fn no_line_end(self, c: char) -> bool {
        if c.is_ascii_alphanumeric() || ('\u{4E00}'..='\u{9FFF}').contains(&c) {
            return false;
        }
        self.level != Kinsoku::None && NO_END.contains(c)
    }
}

// --- width.rs -----------------------------------------------------------------------

fn char_cells(c: char, ambiguous_wide: bool) -> u32 {
    if is_han_or_kana(c) {
        return 2;
    }
    // Rule change (2026-12-07, "fit: `――` and `⋯⋯` set as `——` and `……`"): U+22EF is
    // Neutral, 1 cell, where `…` is 2 in a CJK issue.
    let c = twin(c);
    let w = if ambiguous_wide { c.width_cjk() } else { c.width() };
    w.unwrap_or(0) as u32
}

/// The character `c` breaks and measures as: U+2015 as `—`, U+22EF as `…`.
fn twin(c: char) -> char {
    match c {
        '\u{2015}' => '—',
        '\u{22EF}' => '…',
        c => c,
    }
}

fn grapheme_cells(g: &str, ambiguous_wide: bool) -> u32 {
    let mut chars = g.chars();
    if let (Some(c), None) = (chars.next(), chars.clone().next()) {
        return char_cells(c, ambiguous_wide);
    }
    let w = if ambiguous_wide { g.width_cjk() } else { g.width() };
    (w as u32).min(2)
}

fn is_han_or_kana(c: char) -> bool {
    matches!(c as u32, 0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0x3041..=0x3096 | 0x30A1..=0x30FA)
}

// --- breaks.rs ----------------------------------------------------------------------

/// The engine's own cluster: the reference gives the same fields.
pub use crate::fit::breaks::Cluster;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fast {
    Ideo,
    NoBreakBefore,
    Open,
    Inseparable,
    Dash,
    QuoteOpen,
    QuoteClose,
}

fn fast_class(c: char) -> Option<Fast> {
    if is_han_or_kana(c) {
        return Some(Fast::Ideo);
    }
    if (c as u32) < 0x2000 || full_width_alnum(c) || extends(c) {
        return None;
    }
    match c {
        '“' | '‘' => return Some(Fast::QuoteOpen),
        '”' | '’' => return Some(Fast::QuoteClose),
        _ => {}
    }
    // Rule change (2026-12-07, "fit: `――` and `⋯⋯` set as `——` and `……`"): UAX #14 reads
    // U+2015 as a letter (AI) and U+22EF as a symbol (AL); they break as `—` and `…`.
    match break_property(twin(c) as u32) {
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

fn extends(c: char) -> bool {
    use BreakClass::*;
    (c as u32) >= 0x300
        && match break_property(c as u32) {
            CombiningMark | ZeroWidthJoiner => true,
            NonStarter | ComplexContext | EmojiModifier | NonBreakingGlue | After => {
                format!("a{c}").graphemes(true).count() == 1
            }
            _ => false,
        }
}

fn east_asian(c: Option<char>) -> bool {
    // Rule change (2026-12-06, "breaks: half-width forms are East Asian to LB19a"): Wide,
    // Fullwidth and now Halfwidth, as Unicode 15.1 has it.
    c.is_some_and(|c| char_cells(c, false) == 2 || matches!(c as u32, 0xFF61..=0xFFDC | 0xFFE8..=0xFFEE))
}

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

pub fn for_each_cluster(text: &str, ambiguous_wide: bool, rules: Rules, mut emit: impl FnMut(Cluster)) {
    let mut run_breaks: Vec<usize> = Vec::new();
    let mut i = 0;
    let mut prev: Option<(usize, char)> = None;
    let mut prev_fast: Option<Fast> = None;
    let mut prev2: Option<char> = None;
    let mut pending: Option<bool> = None;
    let mut visible: Option<char> = None;
    let mut prev_tail = false;
    while let Some(c) = text[i..].chars().next() {
        let len = c.len_utf8();
        let next = text[i + len..].chars().next();
        let fast = fast_class(c).filter(|_| !next.is_some_and(extends));
        if let Some(class) = fast {
            let allowed = match (pending.take(), prev, prev_fast) {
                (Some(b), _, _) => b,
                (None, Some((_, p)), Some(pf)) => fast_pair((pf, p), (class, c), prev2, next),
                _ => false,
            };
            let cells = if class == Fast::Ideo && is_han_or_kana(c) { 2 } else { char_cells(c, ambiguous_wide) };
            let break_before = allowed && !forbidden(rules, visible, c);
            let pair_tail = !prev_tail && is_pair(prev.map(|(_, p)| p), c);
            prev_tail = pair_tail;
            emit(Cluster::new(i, i + len, cells, break_before, false, c, pair_tail));
            visible = Some(c);
            prev2 = prev.map(|(_, p)| p);
            prev = Some((i, c));
            prev_fast = Some(class);
            i += len;
            continue;
        }
        let end = run_end(text, i);
        let ctx_start = prev.map_or(i, |(at, _)| at);
        let ctx_end = text[end..].chars().next().map_or(end, |n| end + n.len_utf8());
        run_breaks.clear();
        // Rule change (2026-12-07, "fit: `――` and `⋯⋯` set as `——` and `……`"): U+2015 and
        // U+22EF read as `—` and `…`, each 3 bytes as they are.
        let context: String = text[ctx_start..ctx_end].chars().map(twin).collect();
        // Rule change (2026-12-07, "breaks: a sign holds to the figure after it"): `holds_at`
        // keeps `－８`, `▲３`, `￥３０` whole, as their half-width twins are; and `Ｎｏ．１`,
        // `Ａ．Ｂ`, `＃ＭｅＴｏｏ` (2026-12-07, "breaks: full-width abbreviations and tags").
        run_breaks.extend(
            linebreaks(&context)
                .map(|(at, _)| at + ctx_start)
                // Rule change (2026-12-07, "breaks: a bopomofo tone mark stays with its
                // syllable"): UAX #14 breaks between ID and AI, and `ˋ` started a line.
                .filter(|&at| at > ctx_start && at < ctx_end && !holds_at(text, at) && !tone_after_bopomofo(text, at)),
        );
        // Rule change (2026-12-06, "breaks: never before U+3000, after spaces too"): UAX #14
        // breaks after spaces (LB18), and U+3000 then started a line.
        run_breaks.retain(|&at| !text[at..].starts_with('\u{3000}'));
        // Rule change (2026-12-03, "breaks: a full-width opening bracket may start a line
        // after a word or number"): UAX #14 LB30 keeps only brackets that are not East Asian
        // with the word before them; unicode-linebreak keeps these too. Rule change
        // (2026-12-07, "breaks: a bracket after `·` `×` `①`"): after AI as after AL.
        for at in ctx_start + 1..ctx_end {
            if text.is_char_boundary(at) && breaks_before_bracket(text, at) && !run_breaks.contains(&at) {
                run_breaks.push(at);
            }
        }
        run_breaks.sort_unstable();
        // Rule change (2026-12-05, "breaks: LB19a and CJ at the edges of the general path"):
        // a quote between East Asian characters the general path takes (full-width figures,
        // Hangul, U+3000) breaks as between Han; small kana and ー after a word or number break
        // as ideographs. unicode-linebreak (Unicode 15.0) holds both.
        // Rule change (2026-12-06, "breaks: postfix signs hold to small kana and ー"): after
        // one, read as an ideograph, `%` and `℃` hold to it (LB23a); read as NS they broke.
        add_edge_breaks(text, i, end, &mut run_breaks);
        // Rule change (2026-12-06, "breaks: after a half-width `:` or `;` between East Asian
        // text and a word or number"): it stands for `：` or `；`, after which a line may
        // break; UAX #14 held `话:0351-5661173` as one piece and a narrow line cut the number.
        // Not after a full-width letter or figure (`１２:30`).
        for (k, c) in text[i..end].char_indices() {
            let at = i + k;
            let before = text[..at].chars().next_back();
            let after = text[at + c.len_utf8()..].chars().next();
            if (c == ':' || c == ';')
                && east_asian(before)
                && !before.is_some_and(full_width_alnum)
                && after.is_some_and(|a| a.is_ascii_alphanumeric())
                && !run_breaks.contains(&(at + 1))
            {
                run_breaks.push(at + 1);
            }
        }
        // Rule change (2026-12-07, "breaks: a prefix sign after a closing mark, no number
        // before"): Unicode 15.1's LB25 keeps a closing mark with a prefix sign only after a
        // number, NU (SY|IS)* (CL|CP)? × PR; unicode-linebreak (15.0) always did, and
        // `庁。±０．５℃` went down whole. Only after an East Asian closing mark.
        for (k, c) in text[i..end].char_indices() {
            let at = i + k;
            let mut back = text[..at].chars().rev();
            let before = back.next();
            let closes = before.is_some_and(|b| {
                matches!(break_property(b as u32), BreakClass::ClosePunctuation | BreakClass::CloseParenthesis)
            });
            let number = back
                .find(|&n| !matches!(break_property(n as u32), BreakClass::Symbol | BreakClass::InfixSeparator))
                .is_some_and(|n| break_property(n as u32) == BreakClass::Numeric || ('０'..='９').contains(&n));
            if closes
                && east_asian(before)
                && break_property(c as u32) == BreakClass::Prefix
                && !number
                && !run_breaks.contains(&at)
            {
                run_breaks.push(at);
            }
        }
        run_breaks.sort_unstable();
        let mut breaks = run_breaks.iter().copied().peekable();
        let mut emit_one = |start: usize, g: &str, cells: u32| {
            while breaks.next_if(|&b| b < start).is_some() {}
            let allowed = breaks.peek() == Some(&start);
            let first = g.chars().next().unwrap_or(' ');
            let break_before = allowed && !forbidden(rules, visible, first);
            // Rule change (2026-12-07, "fit: U+3000 dropped at a line's end"): the ideographic
            // space is dropped where a line ends after it, as a space is, and the line-end rule
            // looks past it; it cost a headline a row. At a paragraph's start it stays (below).
            let space = g == " " || g == "\u{3000}";
            let pair_tail = !prev_tail && is_pair(prev.map(|(_, p)| p), first);
            prev_tail = pair_tail;
            emit(Cluster::new(start, start + g.len(), cells, break_before, space, first, pair_tail));
            let last = g.chars().next_back().unwrap_or(' ');
            if !space {
                visible = Some(last);
            }
            prev2 = prev.map(|(_, p)| p);
            prev = Some((start + g.len() - last.len_utf8(), last));
        };
        let run = &text[i..end];
        if run.is_ascii() {
            for (k, b) in run.bytes().enumerate() {
                let cells = u32::from(!b.is_ascii_control());
                emit_one(i + k, &run[k..k + 1], cells);
            }
        } else {
            for (k, g) in run.grapheme_indices(true) {
                emit_one(i + k, g, grapheme_cells(g, ambiguous_wide));
            }
        }
        pending = Some(breaks.any(|b| b == end));
        prev_fast = None;
        i = end;
    }
}

fn forbidden(rules: Rules, visible: Option<char>, next: char) -> bool {
    visible.is_some_and(|v| rules.no_line_end(v)) || rules.no_line_start(next)
}

fn tone_after_bopomofo(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back();
    let here = text[at..].chars().next();
    here.is_some_and(|c| "ˊˇˋ˙".contains(c))
        && before.is_some_and(|c| matches!(c as u32, 0x3100..=0x312F | 0x31A0..=0x31BF))
}

fn is_pair(before: Option<char>, after: char) -> bool {
    // Rule change (2026-12-07, "fit: `――` and `⋯⋯` set as `——` and `……`").
    matches!(after, '—' | '…' | '\u{2015}' | '\u{22EF}') && before == Some(after)
}

fn run_end(text: &str, start: usize) -> usize {
    let mut chars = text[start..].char_indices().peekable();
    let mut prev = chars.next().map(|(_, c)| c);
    while let Some((k, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        // Rule change (2026-12-07, "fit: an emoji ZWJ sequence is one cluster"): a character
        // after a zero-width joiner stays in the run, so that `👩‍🚀` is one grapheme (UAX #29
        // GB11), not `👩‍` and a fast-path `🚀`.
        let after_joiner = prev == Some('\u{200D}');
        prev = Some(c);
        if fast_class(c).is_some() && !next.is_some_and(extends) && !after_joiner {
            return start + k;
        }
    }
    text.len()
}

// --- fill.rs ------------------------------------------------------------------------

/// The fields of [`TextStyle`](crate::fit::TextStyle), with the rules spelled out.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub width: u32,
    pub indent: u32,
    pub rules: Rules,
    pub ambiguous_wide: bool,
    pub hanging: bool,
    pub align: Align,
    pub punctuation: Punctuation,
    pub orphans: Orphans,
}

impl Style {
    fn first_indent(&self) -> u32 {
        self.indent.min(self.width.saturating_sub(2))
    }
}

pub fn set_paragraph(text: &str, style: &Style) -> Vec<Line> {
    let clusters = styled_clusters(text, style.ambiguous_wide, style.rules, style.punctuation);
    let mut out = Vec::new();
    let first = out.len();
    let mut filler = Filler::new(style, &mut out);
    for &c in &clusters {
        filler.push(c);
    }
    filler.finish(text.len(), first);
    // Added on purpose with the punctuation styles: orphans (孤字) are avoided after the fill.
    if style.orphans == Orphans::Avoid && out.len() >= 2 {
        avoid_orphan(text, style, &clusters, &mut out);
    }
    out
}

// --- punctuation.rs (added on purpose with the punctuation styles) ---------------------

const CLOSE: &str = "。，、；：？！）］〕】》〉」』〗｝”’";
const OPEN: &str = "（［〔【《〈「『〖｛“‘";
const STOP: &str = "。？！";

fn is_mark(c: &Cluster) -> bool {
    CLOSE.contains(c.first) || OPEN.contains(c.first)
}

/// The clusters with the widths of `punctuation`: a 2-cell closing mark is 1 cell before
/// another mark (or anywhere but 。？！ under Kaiming), else 1 cell only at a line's end; a
/// 2-cell opening mark is 1 cell after another mark, else 1 cell only at a line's start.
pub fn styled_clusters(text: &str, ambiguous_wide: bool, rules: Rules, punctuation: Punctuation) -> Vec<Cluster> {
    let mut clusters = Vec::new();
    for_each_cluster(text, ambiguous_wide, rules, |c| clusters.push(c));
    if punctuation == Punctuation::Full {
        return clusters;
    }
    let plain = clusters.clone();
    for (i, c) in clusters.iter_mut().enumerate() {
        if c.cells != 2 {
            continue;
        }
        let next_is_mark = plain.get(i + 1).is_some_and(is_mark);
        let prev_is_mark = i > 0 && is_mark(&plain[i - 1]);
        if CLOSE.contains(c.first) {
            if next_is_mark || (punctuation == Punctuation::Kaiming && !STOP.contains(c.first)) {
                c.cells = 1;
            } else {
                c.half_at_line_end = true;
            }
        } else if OPEN.contains(c.first) {
            if prev_is_mark {
                c.cells = 1;
            } else {
                c.half_at_line_start = true;
            }
        }
    }
    clusters
}

/// The width of a line made of `clusters`, trailing spaces dropped.
fn width_of(clusters: &[Cluster]) -> u32 {
    let text: Vec<&Cluster> = clusters.iter().collect();
    let end = text.iter().rposition(|c| !c.space).map_or(0, |k| k + 1);
    let text = &text[..end];
    let mut cells: u32 = text.iter().map(|c| c.cells).sum();
    if text.first().is_some_and(|c| c.half_at_line_start) {
        cells -= 1;
    }
    if text.last().is_some_and(|c| c.half_at_line_end) {
        cells -= 1;
    }
    cells
}

// --- orphans.rs (added on purpose with the punctuation styles) -------------------------

fn avoid_orphan(text: &str, style: &Style, clusters: &[Cluster], out: &mut [Line]) {
    let n = out.len();
    let (before, last) = (out[n - 2], out[n - 1]);
    let last_text = last.text(text);
    // Rule change (2026-12-07, "orphans: opening marks before the character"): `「戊」` is a
    // 孤字 as `戊」` is; opening marks (and UAX #14's OP) before the character do not count.
    let last_text = last_text
        .trim_start_matches(|c: char| OPEN.contains(c) || break_property(c as u32) == BreakClass::OpenPunctuation);
    let Some(first) = last_text.graphemes(true).next() else { return };
    // The half-width closers count as closing marks here, as kinsoku counts them. Rule
    // change (2026-12-06, "orphans: closing marks by their class, and a hung mark"): every
    // mark UAX #14 classes CL, CP, EX or IS too.
    let closes = |c: char| {
        CLOSE.contains(c)
            || ".,;:?!)]}".contains(c)
            || matches!(
                break_property(c as u32),
                BreakClass::ClosePunctuation
                    | BreakClass::CloseParenthesis
                    | BreakClass::Exclamation
                    | BreakClass::InfixSeparator
            )
    };
    let one_char =
        !closes(first.chars().next().unwrap_or(' ')) && first != " " && last_text[first.len()..].chars().all(closes);
    if !one_char {
        return;
    }
    // Rule change (2026-12-07, "orphans: the line before gives up what kinsoku needs"): from
    // the last cluster of the line before that a line may start with, not only its last.
    let Some(moved) = clusters.iter().rfind(|c| c.start >= before.start && c.start < before.end && c.break_before)
    else {
        return;
    };
    // Rule change (2026-12-07, "fit: U+3000 dropped at a line's end"): U+3000 too.
    let kept_end = text[..moved.start].trim_end_matches([' ', '\u{3000}']).len();
    if !moved.break_before || kept_end <= before.start {
        return;
    }
    let line = |from: usize, to: usize| -> Vec<Cluster> {
        clusters.iter().filter(|c| c.start >= from && c.start < to).copied().collect()
    };
    let lead = |indent: u32, cells: u32| match style.align {
        Align::Start => indent,
        Align::End => style.width.saturating_sub(cells),
        Align::Center => style.width.saturating_sub(cells) / 2,
    };
    let last_line = line(moved.start, last.end);
    let mut last_cells = width_of(&last_line);
    if lead(0, last_cells) + last_cells > style.width {
        // The same rule change: the last line may fit with its last mark hung, as the filler
        // hangs one (what stands before it at its present widths).
        let Some((mark, rest)) = last_line.split_last() else { return };
        let Some(first) = rest.first() else { return };
        let rest_cells = rest.iter().map(|c| c.cells).sum::<u32>() - u32::from(first.half_at_line_start);
        let hangs = style.hanging
            && mark.cells <= 2
            && HANGING.contains(&mark.first)
            && rest_cells <= style.width
            && rest_cells + mark.cells <= style.width + 2;
        if !hangs {
            return;
        }
        // Rule change (2026-12-06, "a hung mark the orphan rule moves counts as one hung by
        // the fill"): at half an em where the style halves it at a line's end.
        last_cells = rest_cells + mark.cells - u32::from(mark.half_at_line_end);
    }
    let before_cells = width_of(&line(before.start, kept_end));
    out[n - 2] =
        Line { start: before.start, end: kept_end, cells: before_cells, lead: lead(before.lead, before_cells) };
    out[n - 1] = Line { start: moved.start, end: last.end, cells: last_cells, lead: lead(0, last_cells) };
}

#[derive(Debug, Clone, Copy)]
struct Break {
    at: usize,
    text_end: usize,
    cells_before: u32,
    text_cells: u32,
    /// Added with the punctuation styles: the cluster at `at` is an opening mark that is
    /// 1 cell narrower at a line's start.
    start_half: u32,
}

struct Filler<'a> {
    style: &'a Style,
    out: &'a mut Vec<Line>,
    line_start: usize,
    lead: u32,
    cells: u32,
    trail: u32,
    trail_start: usize,
    has_text: bool,
    hung: bool,
    brk: Option<Break>,
    prev: Break,
    /// Added with the punctuation styles: the cell the line's first cluster gives back at
    /// its start, and the cell its last cluster that is not a space gives back at its end.
    start_half: u32,
    end_half: u32,
}

impl<'a> Filler<'a> {
    fn new(style: &'a Style, out: &'a mut Vec<Line>) -> Filler<'a> {
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
            prev: Break { at: 0, text_end: 0, cells_before: 0, text_cells: 0, start_half: 0 },
            start_half: 0,
            end_half: 0,
        }
    }

    fn push(&mut self, c: Cluster) {
        if c.break_before && self.has_text {
            self.brk = Some(self.break_before(c));
        }
        // Rule change (2026-12-07, "fit: U+3000 dropped at a line's end"): only an ASCII space
        // is dropped at a paragraph's start; U+3000 there is a typed indent, set as text.
        if c.space && !self.has_text && c.first == ' ' {
            self.line_start = c.end;
            return;
        }
        if c.space && self.has_text {
            if self.trail == 0 {
                self.trail_start = c.start;
            }
            self.trail += c.cells;
            self.cells += c.cells;
            return;
        }
        // With the punctuation styles: a closing mark fits when it fits at half an em.
        let end_half = u32::from(c.half_at_line_end);
        while self.has_text && self.lead + self.cells - self.start_half + c.cells - end_half > self.style.width {
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

    fn emergency_break(&mut self, c: Cluster) {
        if c.pair_tail && self.prev.at > self.line_start {
            self.break_at(self.prev);
        } else {
            self.break_at(self.break_before(c));
        }
    }

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

    fn may_hang(&self, c: Cluster) -> bool {
        // Rule change (2026-12-06, "hanging: only after what fits, and after a space too"):
        // what stands before the mark must fit at its present widths (a closing mark let in
        // at half an em is a full em before a hung `,`), and a space before it no longer keeps
        // it from hanging (no line may break before these marks, even after a space).
        self.style.hanging
            && !self.hung
            && c.cells <= 2
            && self.lead + self.cells - self.start_half <= self.style.width
            && self.lead + self.cells - self.start_half + c.cells <= self.style.width + 2
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
        // Changed on purpose with the engine (fe05db0): the break before the previous
        // cluster counts from the new line's start, or an emergency split of a pair right
        // after an ordinary break measures the line wrong ("ｱ#………" at 2 em gave `#` 2 cells).
        if self.prev.at >= b.at {
            self.prev.cells_before -= b.cells_before;
            self.prev.text_cells = self.prev.text_cells.saturating_sub(b.cells_before);
        }
        self.has_text = self.cells > self.trail;
        if self.has_text {
            self.start_half = b.start_half;
        } else {
            self.start_half = 0;
            self.end_half = 0;
        }
        self.hung = false;
    }

    fn emit(&mut self, end: usize, text_cells: u32) {
        let text_cells = text_cells - self.start_half;
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
            self.emit(end, self.cells - self.trail - self.end_half);
        } else if self.out.len() == first {
            self.line_start = 0;
            self.emit(0, 0);
        }
    }
}

const HANGING: [char; 5] = ['。', '，', '、', '．', ','];
