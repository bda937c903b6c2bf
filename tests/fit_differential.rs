//! Differential test of the fit engine: the optimised `for_each_cluster` and `set_paragraph`
//! must give exactly what the engine gave before it was tuned for speed.
//!
//! `reference` below is a self-contained copy of the engine as it stood at commit c057b21
//! (src/fit/breaks.rs, fill.rs, kinsoku.rs and width.rs), kept deliberately slow and plain.
//! Do not "fix" or speed it up: it is the yardstick. If the engine's behaviour is changed
//! on purpose, change the reference in the same commit and say why.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "a test fails loudly")]

use pasteup_core::fit::breaks::for_each_cluster;
use pasteup_core::fit::kinsoku::Rules;
use pasteup_core::fit::{Align, Line, TextStyle, set_paragraph};
use pasteup_core::model::{Kinsoku, Language};
use proptest::prelude::*;
use proptest::sample::select;

mod reference {
    use pasteup_core::fit::{Align, Line};
    use pasteup_core::model::{Kinsoku, Language};
    use unicode_linebreak::{BreakClass, break_property, linebreaks};
    use unicode_segmentation::UnicodeSegmentation;
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

    // --- kinsoku.rs ---------------------------------------------------------------------

    const NO_START: &str = "。？！．，、；：”’）］〕】》〉」』〗｝〙～·・‐.,;:?!)]}";
    const NO_START_JA: &str = "ー々ゝゞヽヾ〻ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ";
    const NO_START_STRICT: &str = "—…";
    const NO_END: &str = "“‘（［〔【《〈「『〖｛〘([{";

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
        let w = if ambiguous_wide { c.width_cjk() } else { c.width() };
        w.unwrap_or(0) as u32
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

    /// `pasteup_core::fit::breaks::Cluster`, field for field.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub struct Cluster {
        pub start: usize,
        pub end: usize,
        pub cells: u32,
        pub break_before: bool,
        pub space: bool,
        pub first: char,
        pub pair_tail: bool,
    }

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
        if (c as u32) < 0x2000 {
            return None;
        }
        match c {
            '“' | '‘' => return Some(Fast::QuoteOpen),
            '”' | '’' => return Some(Fast::QuoteClose),
            _ => {}
        }
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

    fn extends(c: char) -> bool {
        (c as u32) >= 0x300
            && matches!(break_property(c as u32), BreakClass::CombiningMark | BreakClass::ZeroWidthJoiner)
    }

    fn east_asian(c: Option<char>) -> bool {
        c.is_some_and(|c| char_cells(c, false) == 2)
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
                emit(Cluster { start: i, end: i + len, cells, break_before, space: false, first: c, pair_tail });
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
            run_breaks.extend(
                linebreaks(&text[ctx_start..ctx_end])
                    .map(|(at, _)| at + ctx_start)
                    .filter(|&at| at > ctx_start && at < ctx_end),
            );
            let mut breaks = run_breaks.iter().copied().peekable();
            let mut emit_one = |start: usize, g: &str, cells: u32| {
                while breaks.next_if(|&b| b < start).is_some() {}
                let allowed = breaks.peek() == Some(&start);
                let first = g.chars().next().unwrap_or(' ');
                let break_before = allowed && !forbidden(rules, visible, first);
                let space = g == " ";
                let pair_tail = !prev_tail && is_pair(prev.map(|(_, p)| p), first);
                prev_tail = pair_tail;
                emit(Cluster { start, end: start + g.len(), cells, break_before, space, first, pair_tail });
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

    fn is_pair(before: Option<char>, after: char) -> bool {
        matches!(after, '—' | '…') && before == Some(after)
    }

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

    // --- fill.rs ------------------------------------------------------------------------

    /// The fields of `pasteup_core::fit::TextStyle`, with the rules spelled out.
    #[derive(Debug, Clone, Copy)]
    pub struct Style {
        pub width: u32,
        pub indent: u32,
        pub rules: Rules,
        pub ambiguous_wide: bool,
        pub hanging: bool,
        pub align: Align,
    }

    impl Style {
        fn first_indent(&self) -> u32 {
            self.indent.min(self.width.saturating_sub(2))
        }
    }

    pub fn set_paragraph(text: &str, style: &Style) -> Vec<Line> {
        let mut out = Vec::new();
        let first = out.len();
        let mut filler = Filler::new(style, &mut out);
        for_each_cluster(text, style.ambiguous_wide, style.rules, |c| filler.push(c));
        filler.finish(text.len(), first);
        out
    }

    #[derive(Debug, Clone, Copy)]
    struct Break {
        at: usize,
        text_end: usize,
        cells_before: u32,
        text_cells: u32,
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
                prev: Break { at: 0, text_end: 0, cells_before: 0, text_cells: 0 },
            }
        }

        fn push(&mut self, c: Cluster) {
            if c.break_before && self.has_text {
                self.brk = Some(self.break_before(c));
            }
            if c.space && !self.has_text {
                self.line_start = c.end;
                return;
            }
            if c.space {
                if self.trail == 0 {
                    self.trail_start = c.start;
                }
                self.trail += c.cells;
                self.cells += c.cells;
                return;
            }
            while self.has_text && self.lead + self.cells + c.cells > self.style.width {
                if self.may_hang(c) {
                    self.hung = true;
                    break;
                }
                match self.brk.take() {
                    Some(b) => self.break_at(b),
                    None => self.emergency_break(c),
                }
            }
            self.prev = self.break_before(c);
            self.cells += c.cells;
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
            Break { at: c.start, text_end, cells_before: self.cells, text_cells: self.cells - self.trail }
        }

        fn may_hang(&self, c: Cluster) -> bool {
            self.style.hanging
                && !self.hung
                && self.trail == 0
                && c.cells <= 2
                && self.lead + self.cells + c.cells <= self.style.width + 2
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
            self.hung = false;
        }

        fn emit(&mut self, end: usize, text_cells: u32) {
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
                self.emit(end, self.cells - self.trail);
            } else if self.out.len() == first {
                self.line_start = 0;
                self.emit(0, 0);
            }
        }
    }

    const HANGING: [char; 5] = ['。', '，', '、', '．', ','];
}

// ---------------------------------------------------------------------------------------
// One setting, both ways.

#[derive(Debug, Clone, Copy)]
struct Setting {
    width_em: u32,
    level: Kinsoku,
    lang: Language,
    indent_em: u32,
    hanging: bool,
    ambiguous_wide: bool,
    align: Align,
}

impl Setting {
    fn style(&self) -> TextStyle {
        let mut s = TextStyle::new(self.width_em, Rules::new(self.level, self.lang), self.ambiguous_wide)
            .indent(self.indent_em)
            .hanging(self.hanging);
        if self.align != Align::Start {
            s = s.align(self.align);
        }
        s
    }

    fn reference(&self) -> reference::Style {
        let s = self.style();
        reference::Style {
            width: s.width,
            indent: s.indent,
            rules: reference::Rules::new(self.level, self.lang),
            ambiguous_wide: s.ambiguous_wide,
            hanging: s.hanging,
            align: s.align,
        }
    }
}

fn clusters(text: &str, s: &Setting) -> Vec<reference::Cluster> {
    let mut out = Vec::new();
    for_each_cluster(text, s.ambiguous_wide, Rules::new(s.level, s.lang), |c| {
        out.push(reference::Cluster {
            start: c.start,
            end: c.end,
            cells: c.cells,
            break_before: c.break_before,
            space: c.space,
            first: c.first,
            pair_tail: c.pair_tail,
        })
    });
    out
}

fn reference_clusters(text: &str, s: &Setting) -> Vec<reference::Cluster> {
    let mut out = Vec::new();
    reference::for_each_cluster(text, s.ambiguous_wide, reference::Rules::new(s.level, s.lang), |c| out.push(c));
    out
}

/// The first difference between engine and reference, if any.
fn compare(text: &str, s: &Setting) -> Result<(), String> {
    let (got, want) = (clusters(text, s), reference_clusters(text, s));
    if got != want {
        let at = got.iter().zip(&want).position(|(g, w)| g != w).unwrap_or(got.len().min(want.len()));
        return Err(format!(
            "clusters differ at #{at} for {text:?} ({s:?}):\n  got  {:?}\n  want {:?}",
            got.get(at),
            want.get(at)
        ));
    }
    let (got, want): (Vec<Line>, Vec<Line>) =
        (set_paragraph(text, &s.style()), reference::set_paragraph(text, &s.reference()));
    if got != want {
        return Err(format!("lines differ for {text:?} ({s:?}):\n  got  {got:?}\n  want {want:?}"));
    }
    Ok(())
}

const LEVELS: [Kinsoku; 3] = [Kinsoku::Strict, Kinsoku::Basic, Kinsoku::None];
const LANGS: [Language; 2] = [Language::ZhHans, Language::Ja];

/// (a) Generated news text, as benched, in every setting a grid can ask for. The clusters do
/// not depend on width, indent or hanging, so they are compared once per level and language.
#[test]
fn generated_news_sets_as_before() {
    let text = pasteup_core::generate::cjk_text(300_000, 11);
    let paragraphs: Vec<&str> = text.lines().collect();
    for level in LEVELS {
        for lang in LANGS {
            for ambiguous_wide in [true, false] {
                let base = Setting {
                    width_em: 12,
                    level,
                    lang,
                    indent_em: 2,
                    hanging: false,
                    ambiguous_wide,
                    align: Align::Start,
                };
                for p in &paragraphs {
                    assert_eq!(clusters(p, &base), reference_clusters(p, &base), "{p:?} {base:?}");
                }
            }
            for width_em in 4..=30 {
                for indent_em in [0, 2] {
                    for hanging in [false, true] {
                        let s = Setting {
                            width_em,
                            level,
                            lang,
                            indent_em,
                            hanging,
                            ambiguous_wide: true,
                            align: Align::Start,
                        };
                        let style = s.style();
                        let reference = s.reference();
                        for p in &paragraphs {
                            let got = set_paragraph(p, &style);
                            let want = reference::set_paragraph(p, &reference);
                            assert_eq!(got, want, "{p:?} {s:?}");
                        }
                    }
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// (b) Random mixes, in the style of tests/fit_properties.rs, plus the characters that leave
// the fast path: combining marks, joiners, emoji, ambiguous and half-width forms.

const HAN: &str = "太原日报晋源区两会生态文明建设民生福祉一泉河湖汾水雪后道路交通公园学校医院㐀䶿〇";
const KANA: &str = "あいうえおかきくけこさしすせそがぎアイウエオカキクケコサシスセソジャックぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶー々ゝゞヽヾ〻ゟヿ";
const LATIN: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéñß";
const PUNCT: &str = "。？！．，、；：”’）］〕】》〉」』〗｝〙～·・‐.,;:?!)]}“‘（［〔【《〈「『〖｛〘([{—…";
const ODD: &str = "\u{302A}\u{3035}〳〴\u{301}\u{308}\u{200D}\u{200B}\u{FE0F}\u{E0100}\u{3099}\u{309A}👨👩🇨🇳×§°±‰※☆〃〆〜゠＂＃＄％＆＇＊＋－／＜＝＞＠＼＾＿｀｜ｱｲｳﾞﾟ｡｢｣､\u{3000}\t\"'#$%&*+-/<=>@\\^_`|~\u{2014}\u{2015}\u{2E3A}\u{2026}\u{FF5E}\u{FE10}\u{FE30}\u{2025}\u{FF0C}\u{FE50}\u{A0}\u{2009}\u{2060}";
const NUMBERS: &[&str] = &["2×1000", "0351-5661173", "1.7", "2023", "12.5%", "3", "100", "2月9日", "$5", "¥30", "-1"];
const PAIRS: &[&str] = &["——", "……", "—", "…", "————", "………", "—…—"];

fn chars_of(s: &'static str) -> Vec<char> {
    s.chars().collect()
}

fn run_of(set: &'static str, max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(select(chars_of(set)), 1..=max).prop_map(|v| v.into_iter().collect())
}

fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => run_of(HAN, 6),
        2 => run_of(KANA, 5),
        2 => run_of(LATIN, 12),
        2 => select(NUMBERS).prop_map(str::to_string),
        1 => run_of("0123456789", 8),
        2 => select(vec![" ", " ", "  "]).prop_map(str::to_string),
        5 => select(chars_of(PUNCT)).prop_map(String::from),
        2 => select(PAIRS).prop_map(str::to_string),
        3 => run_of(ODD, 3),
    ]
}

fn paragraph(max_tokens: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(token(), 0..=max_tokens).prop_map(|v| v.concat())
}

fn setting() -> impl Strategy<Value = Setting> {
    (
        1u32..=30,
        select(LEVELS.to_vec()),
        select(vec![Language::ZhHans, Language::Ja, Language::En, Language::Ko, Language::ZhHant]),
        prop_oneof![Just(0u32), Just(2u32), Just(3u32)],
        any::<bool>(),
        any::<bool>(),
        select(vec![Align::Start, Align::Start, Align::End, Align::Center]),
    )
        .prop_map(|(width_em, level, lang, indent_em, hanging, ambiguous_wide, align)| Setting {
            width_em,
            level,
            lang,
            indent_em,
            hanging,
            ambiguous_wide,
            align,
        })
}

fn config(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(cases);
    ProptestConfig::with_cases(cases)
}

proptest! {
    #![proptest_config(config(1024))]

    #[test]
    fn random_mixes_set_as_before(text in paragraph(40), s in setting()) {
        compare(&text, &s).map_err(TestCaseError::fail)?;
    }

    /// Any characters at all, to reach what the curated sets miss.
    #[test]
    fn arbitrary_text_sets_as_before(text in "\\PC{0,60}", s in setting()) {
        compare(&text, &s).map_err(TestCaseError::fail)?;
    }
}

#[test]
fn known_corners_set_as_before() {
    let corners = [
        "",
        " ",
        "   字",
        "说：“好。”（完）",
        "推进“一泉一河”生态",
        "say “hi” now",
        "好————好",
        "好…………好",
        "字\u{301}字",
        "字\u{200D}字",
        "“\u{301}字",
        "👨\u{200D}👩\u{200D}👧字",
        "ジャック",
        "ｱｲｳ。ﾞ",
        "电话:0351-5661173",
        "2×1000兆瓦",
        "一二三。四",
        "ｱ#………",
    ];
    // Runs longer than the 64 clusters the engine takes at once, and ones that end at 63,
    // 64 and 65: Han, punctuation between Han, ASCII after Han, and a combining mark at the end.
    let long: Vec<String> = [63, 64, 65, 130]
        .into_iter()
        .flat_map(|n| {
            [
                format!("字{}", "国".repeat(n)),
                format!("字{}", "国，".repeat(n / 2)),
                format!("字{}字", "a".repeat(n)),
                format!("字{}字", "1,".repeat(n / 2)),
                format!("字{}\u{301}字", "国".repeat(n)),
                format!("字{}\u{301}字", "a".repeat(n)),
            ]
        })
        .collect();
    for text in corners.into_iter().chain(long.iter().map(String::as_str)) {
        for width_em in 1..=8 {
            for level in LEVELS {
                for lang in LANGS {
                    for hanging in [false, true] {
                        for ambiguous_wide in [false, true] {
                            let s = Setting {
                                width_em,
                                level,
                                lang,
                                indent_em: 2,
                                hanging,
                                ambiguous_wide,
                                align: Align::Start,
                            };
                            compare(text, &s).unwrap();
                        }
                    }
                }
            }
        }
    }
}
