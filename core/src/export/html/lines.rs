//! Set lines as HTML, print-true: each line a block `.line` exactly its measure wide, its
//! glyphs where the fit engine put them ([`glyphs`]), so a browser can neither widen a line
//! nor wrap it.
//!
//! A CJK face draws every Han character, kana and full-width mark exactly one em wide, so
//! those stand as plain text. Everything the engine counts otherwise is a run in a span
//! forced to the run's engine width (`inline-block`, `width` in em) and drawn in the face's
//! matching widths: OpenType `hwid` for digits and Latin (Noto CJK's ASCII is proportional,
//! up to 0.7 em a letter; with `hwid` it is ½ em), `halt` for a mark the house style sets
//! ½ em, `fwid` for an East Asian Ambiguous character counted a full em (Noto CJK SC draws
//! `—` 0.89 em and `·` 0.33 em). The forced width keeps every following glyph at its engine
//! position even in a face that lacks the feature. A single space between words is the one
//! exception: it stays text (½ em with `hwid`) so that a justified line can widen it, as a
//! Korean or English line needs.

use std::fmt::Write as _;

use super::escape;
use super::narrow::{Narrow, Narrowing};
use crate::fit::SetLine;
use crate::fit::glyphs::{Glyph, glyphs, held, justify_gaps, spread_over};
use crate::fit::width::{grapheme_cells, is_hangul};
use crate::model::Punctuation;

/// How the lines of one block or leg are set out.
#[derive(Clone, Copy)]
pub(super) struct LineSet<'a> {
    /// The measure, in rem (body em): the leg, or the box for heads.
    pub width_rem: f64,
    /// Type size in em of the body (a headline's `line_depth`); a cell is `size / 2` rem.
    pub size: u32,
    /// Room before the measure the engine set in, in rem (a headline centred in a box wider
    /// than its whole characters).
    pub inset_rem: f64,
    /// Whether lines that do not end their paragraph are justified to the measure.
    pub justify: bool,
    pub punctuation: Punctuation,
    pub ambiguous_wide: bool,
    /// Whether the lines are drawn in the sans face (kickers, headlines, subheads, notice
    /// titles), else the serif (body, bylines, captions, credits, signers, dates).
    pub sans: bool,
    pub narrowing: &'a Narrowing,
}

/// How a glyph is drawn: as plain text in the CJK face, or in a span of forced width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Face {
    /// A full-width character: one em in any CJK face.
    Wide,
    /// Full-width figures or letters that hold together (`１２．５％`, `ＮＨＫ`): an em each,
    /// boxed so that justifying cannot spread them; and a lone wide character that takes a
    /// margin on a line the browser cannot widen.
    WideWord,
    /// A wide character no CJK face draws exactly an em, each centred in an em of its own and
    /// clipped to it. Hangul: Noto CJK KR draws it 0.92 em (sans) or 0.97 em (serif), and no
    /// feature widens it. Emoji and wide symbols: an emoji face draws them wider than an em,
    /// and without one a ZWJ sequence (`👨‍👩‍👧`) or a flag draws each of its parts (found from
    /// outside: a family drew 3 em, over the next two characters).
    Centred,
    /// Half an em: digits, Latin (`hwid`).
    Half,
    /// A space between words, ½ em (`hwid`), left to stretch when the line is justified.
    Space,
    /// A mark the house style sets ½ em that a CJK face draws full width, quotation marks
    /// included (`halt`; `hwid` leaves `“` a full em in Noto CJK SC).
    HalfMark,
    /// `？` or `！` set ½ em: Noto CJK JP has no `halt` for `？`, so these take the face's
    /// half-width form as well (`halt` and `hwid`).
    HalfQuery,
    /// An Ambiguous character counted a full em (`fwid`).
    FullAmbiguous,
}

impl Face {
    fn of(glyph: &Glyph) -> Face {
        match glyph.cells {
            2 if grapheme_cells(glyph.text, false) == 2 => match glyph.text.chars().next() {
                Some(c) if drawn_an_em(c) => Face::Wide,
                _ => Face::Centred,
            },
            1 if glyph.text == " " => Face::Space,
            2 => Face::FullAmbiguous,
            _ if matches!(glyph.text, "？" | "！") => Face::HalfQuery,
            _ if grapheme_cells(glyph.text, true) == 2 => Face::HalfMark,
            _ => Face::Half,
        }
    }

    /// The feature to measure `text` with when this face may draw it wider than its cells: a
    /// letter past ASCII, which `hwid` leaves as wide as it was; a mark set ½ em, which `halt`
    /// leaves wider where the face draws it proportional (a dash in an English issue; `“”` in
    /// Noto Sans CJK JP Bold, 0.574 em: found from outside, a Japanese headline ran past its
    /// measure); a sign counted a full em, which `fwid` may leave wider (Noto Serif CJK SC
    /// draws `№` 1.09 em: found from outside, it ran into the next run). ASCII is drawn
    /// exactly ½ em in every face the proof names (`tests/export_chromium.rs`).
    fn unsure(self, text: &str) -> Option<&'static [u8; 4]> {
        match self {
            Face::Half if !text.is_ascii() => Some(b"hwid"),
            Face::HalfMark => Some(b"halt"),
            Face::FullAmbiguous => Some(b"fwid"),
            _ => None,
        }
    }

    fn class(self) -> &'static str {
        match self {
            Face::Wide => "",
            Face::WideWord => "w",
            Face::Centred => "k",
            Face::Half => "h",
            Face::Space => "s",
            Face::HalfMark => "a",
            Face::HalfQuery => "q",
            Face::FullAmbiguous => "f",
        }
    }
}

/// Whether a CJK face draws the wide character `c` exactly one em: Han, kana, bopomofo, CJK
/// marks and symbols, full-width forms (Hangul, in these blocks too, is not; nor a half-width
/// form, which makes a wide grapheme only with its sound mark, `ｶﾞ`: found from outside, the
/// browser spread such a pair as text where the press PDF kept it solid).
fn drawn_an_em(c: char) -> bool {
    let cjk = matches!(
        c as u32,
        0x2E80..=0x2FFF | 0x3000..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF
            | 0xFE10..=0xFE1F | 0xFE30..=0xFE6F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFF
    );
    cjk && !is_hangul(c)
}

/// Writes `lines`, each a `.line` block.
pub(super) fn lines_html(out: &mut String, lines: &[SetLine], set: &LineSet) {
    for line in lines {
        line_html(out, line, set);
    }
}

fn line_html(out: &mut String, line: &SetLine, set: &LineSet) {
    let cell_rem = f64::from(set.size) / 2.0;
    let placed = glyphs(line, set.punctuation, set.ambiguous_wide);
    let holds = held(line, &placed);
    // A mark hung past the measure is not spread: the text before it is, up to the measure.
    let (text, hung) = placed.split_at(spread_over(&placed, (set.width_rem / cell_rem).round() as u32));
    let held = holds.get(..text.len()).unwrap_or(&holds);
    let gaps = justify_gaps(text, held);
    // A line with nowhere to widen stays flush left, in the PDF as here.
    let justified = set.justify && !line.ragged && !gaps.is_empty();
    let class = if justified { "line j" } else { "line" };
    let lead = set.inset_rem + f64::from(line.lead) * cell_rem;
    let _ = write!(out, r#"<div class="{class}" data-cells="{}" style="width: {}rem;"#, line.cells, set.width_rem);
    if lead > 0.0 {
        let _ = write!(out, " padding-left: {lead}rem;");
    }
    let _ = write!(out, r#"">"#);
    if justified {
        let hung_cells: u32 = hung.iter().map(|g| g.cells).sum();
        let slack = set.width_rem - lead - f64::from(line.cells.saturating_sub(hung_cells)) * cell_rem;
        runs_html(out, text, held, &gaps, slack, set);
        for mark in hung {
            hung_html(out, mark, set);
        }
    } else {
        runs_html(out, &placed, &holds, &gaps, 0.0, set);
    }
    let _ = write!(out, "</div>");
}

/// A mark hung past the measure, after the line's justified text: a box of its engine width
/// that takes no room in the line (a negative right margin as wide), so the browser justifies
/// the text before it to the measure and the mark starts there, in the gutter; boxed, it is
/// no place the browser widens the line.
fn hung_html(out: &mut String, mark: &Glyph, set: &LineSet) {
    let face = match Face::of(mark) {
        Face::Wide => Face::WideWord,
        face => face,
    };
    let narrow = face
        .unsure(mark.text)
        .map_or(Narrow::AsDrawn, |feature| set.narrowing.narrow(set.sans, mark.text, mark.cells, feature));
    let margin = format!(" margin-right: -{}em;", f64::from(mark.cells) / 2.0);
    run_html(out, face, std::slice::from_ref(mark), &margin, (narrow, set));
}

/// One run of glyphs drawn in one face.
struct Run {
    face: Face,
    cells: u32,
    text: String,
    /// The index of its first glyph.
    start: usize,
    /// Whether it starts at one of the line's justification gaps.
    opens: bool,
}

/// The glyphs in runs of one face; a zero-width mark joins the run before it. Wide characters
/// that `held` keeps together (a full-width number or word, `１２．５％`) are boxed as one run,
/// which the browser cannot spread (found from outside: it spread them apart). A new run starts
/// at each of `split`, so that a margin can stand there.
fn runs(glyphs: &[Glyph], held: &[bool], gaps: &[usize], split: &[usize]) -> Vec<Run> {
    let faces: Vec<Face> = glyphs.iter().map(Face::of).collect();
    let wide = |n: usize| faces.get(n) == Some(&Face::Wide);
    let holds = |n: usize| held.get(n).copied().unwrap_or(false);
    let mut runs: Vec<Run> = Vec::new();
    for (n, glyph) in glyphs.iter().enumerate() {
        if let (0, Some(run)) = (glyph.cells, runs.last_mut()) {
            run.text.push_str(drawn(glyph));
            continue;
        }
        let in_word = (n > 0 && holds(n) && wide(n - 1)) || (holds(n + 1) && wide(n + 1));
        let face = if wide(n) && in_word { Face::WideWord } else { faces[n] };
        match runs.last_mut() {
            Some(run)
                if run.face == face
                    && face != Face::Centred
                    && (face != Face::WideWord || holds(n))
                    && !split.contains(&n) =>
            {
                run.cells += glyph.cells;
                run.text.push_str(drawn(glyph));
            }
            _ => runs.push(Run {
                face,
                cells: glyph.cells,
                text: drawn(glyph).to_string(),
                start: n,
                opens: gaps.contains(&n),
            }),
        }
    }
    // One space between words is where justification widens a line, so it stays text
    // (½ em with `hwid`); spaces at an end or in twos would be collapsed, so they are boxed.
    let last = runs.len().saturating_sub(1);
    for (n, run) in runs.iter_mut().enumerate() {
        if run.face == Face::Space && (run.cells > 1 || n == 0 || n == last) {
            run.face = Face::Half;
        }
    }
    runs
}

/// The runs of a line; `slack` (rem) is what justifying the line must add. Where the browser,
/// left to itself, shares the slack as the press PDF shares it ([`browser_shares_at_gaps`]),
/// it justifies the line. Elsewhere the slack is set as margins at `gaps`, shared as the press
/// PDF shares it: each run that starts at one is a box of its own, and a wide character there
/// is boxed too, to take its margin. So are the lines the browser cannot widen at all
/// (`0351-5661173？`, `4g/m3；№12`, `×№1`; Chromium widens beside `。` between boxed runs but
/// not beside `；`: found from outside, `4g/m3；№12` stood ½ em short).
fn runs_html(out: &mut String, glyphs: &[Glyph], held: &[bool], gaps: &[usize], slack: f64, set: &LineSet) {
    let mut set_runs = runs(glyphs, held, gaps, &[]);
    let mut shares = 0;
    if !gaps.is_empty() && slack > 0.0 && !browser_shares_at_gaps(glyphs, &set_runs, gaps) {
        set_runs = runs(glyphs, held, gaps, gaps);
        shares = gaps.len();
    }
    let mut opened = 0;
    for (n, run) in set_runs.iter().enumerate() {
        let end = set_runs.get(n + 1).map_or(glyphs.len(), |next| next.start);
        let gap = if run.opens && opened < shares {
            opened += 1;
            share_rem(slack, shares, opened)
        } else {
            0.0
        };
        let face = match run.face {
            Face::Wide if gap > 0.0 => Face::WideWord,
            Face::Space if gap > 0.0 => Face::Half,
            face => face,
        };
        let narrow = face
            .unsure(&run.text)
            .map_or(Narrow::AsDrawn, |feature| set.narrowing.narrow(set.sans, &run.text, run.cells, feature));
        let margin = if gap > 0.0 { format!(" margin-left: {gap}rem;") } else { String::new() };
        run_html(out, face, glyphs.get(run.start..end).unwrap_or_default(), &margin, (narrow, set));
    }
}

/// Chromium's layout units in a rem: 64 a pixel, 12 px a rem (in print too: 9 pt is 12 CSS px).
const UNITS_PER_REM: f64 = 64.0 * 12.0;

/// The `k`th (from 1) of `shares` margins that share `slack` rem, in whole layout units that
/// add up to the slack (a whole number of them: it is half-ems), each glyph after it within
/// half a unit of the press PDF's place. Chromium lays a margin out in whole units, dropping
/// the rest (found from outside: with an equal share of 0.045 rem at each gap, a 13-em line
/// ended 0.0117 em short of its measure). Written a quarter unit over, that the decimal the
/// browser reads back cannot fall a unit under.
fn share_rem(slack: f64, shares: usize, k: usize) -> f64 {
    let units = |k: usize| (slack * UNITS_PER_REM * k as f64 / shares as f64).round();
    (units(k) - units(k - 1) + 0.25) / UNITS_PER_REM
}

/// Whether the browser, justifying `runs` (of `glyphs`) by itself, puts the slack where the
/// press PDF puts it, an equal share at each of `gaps`. Chromium widens after each wide
/// character drawn as text and at each space between words, never beside a box but after such
/// a character; the share it counts before a wide character that follows a box it draws after
/// that character (found from outside: in `①②③、※注` it drew `、` and `注` 0.14 em left of
/// the PDF's, `注` short of the measure). A space draws nothing, so a share before or after it
/// lands at the next glyph either way.
fn browser_shares_at_gaps(glyphs: &[Glyph], runs: &[Run], gaps: &[usize]) -> bool {
    let mut drawn = vec![None; glyphs.len()];
    for (n, run) in runs.iter().enumerate() {
        let end = runs.get(n + 1).map_or(glyphs.len(), |next| next.start);
        if matches!(run.face, Face::Wide | Face::Space) {
            drawn.get_mut(run.start..end).into_iter().flatten().for_each(|d| *d = Some(run.face));
        }
    }
    let space = |n: usize| drawn.get(n) == Some(&Some(Face::Space));
    let wide = |n: usize| drawn.get(n) == Some(&Some(Face::Wide));
    // The glyph a share before glyph `n` lands at, past any spaces.
    let lands = |n: usize| (n..glyphs.len()).find(|&m| !space(m)).unwrap_or(glyphs.len());
    let (mut browser, mut press) = (vec![0usize; glyphs.len() + 1], vec![0usize; glyphs.len() + 1]);
    for n in 1..glyphs.len() {
        if wide(n) && drawn[n - 1].is_none() && glyphs[n].cells > 0 {
            return false;
        }
        if (wide(n - 1) && browser_widens_after(glyphs[n - 1].text)) || space(n - 1) {
            browser[lands(n)] += 1;
        }
    }
    for &n in gaps {
        press[lands(n)] += 1;
    }
    let (b, p) = (browser.iter().sum::<usize>(), press.iter().sum::<usize>());
    b > 0 && browser.iter().zip(&press).all(|(x, y)| x * p == y * b)
}

/// Whether Chromium widens a justified line after `text`, a wide character drawn as text: after
/// a Han character, kana or full-width mark, but not after `；` `－` `＜` `＞` `〰`, the vertical
/// forms `︓`–`︘` or the small katakana `ㇰ`–`ㇿ`, which it takes for no ideograph (found from
/// outside: in `甲；乙丙` it put the share the press PDF sets after `；` after `乙`, which stood
/// ⅔ em left of the PDF's; the wide characters of the CJK blocks measured so in Chromium 156).
fn browser_widens_after(text: &str) -> bool {
    !matches!(
        text.chars().next().map(u32::from),
        Some(0xFF1B | 0xFF0D | 0xFF1C | 0xFF1E | 0x3030 | 0xFE13..=0xFE18 | 0x31F0..=0x31FF)
    )
}

/// One run of `glyphs`, squeezed or clipped into its cells as `narrow` says, or, narrower than
/// them, glyph by glyph, each centred in its own cells ([`Narrow::Centre`]); `margin` is CSS to
/// add to a boxed run's style (the first box's).
fn run_html(out: &mut String, face: Face, glyphs: &[Glyph], margin: &str, (narrow, set): (Narrow, &LineSet)) {
    let text: String = glyphs.iter().map(drawn).collect();
    let cells = glyphs.iter().map(|g| g.cells).sum();
    match (face, narrow) {
        (Face::Wide, _) => out.push_str(&escape(&text)),
        (Face::Space, _) => {
            let _ = write!(out, r#"<span class="s">{text}</span>"#);
        }
        (_, Narrow::Centre) if glyphs.iter().filter(|g| g.cells > 0).count() > 1 => {
            let mut margin = margin;
            for one in glyph_by_glyph(glyphs) {
                let narrow = face
                    .unsure(&one.0)
                    .map_or(Narrow::AsDrawn, |feature| set.narrowing.narrow(set.sans, &one.0, one.1, feature));
                box_html(out, face, one.1, &one.0, &format!("{}{}", std::mem::take(&mut margin), style(narrow)));
            }
        }
        _ => box_html(out, face, cells, &text, &format!("{margin}{}", style(narrow))),
    }
}

/// What the browser is given of `glyph`: nothing of a soft hyphen (U+00AD), which the engine
/// counts 0 cells and the press PDF leaves out; with `hwid` Chromium would draw it as a hyphen
/// (found from outside: `co-operation`).
fn drawn<'a>(glyph: &Glyph<'a>) -> &'a str {
    if glyph.text == "\u{ad}" { "" } else { glyph.text }
}

/// The glyphs one by one, each with the zero-width marks after it, and their cells.
fn glyph_by_glyph(glyphs: &[Glyph]) -> Vec<(String, u32)> {
    let mut out: Vec<(String, u32)> = Vec::new();
    for g in glyphs {
        match out.last_mut() {
            Some(last) if g.cells == 0 => last.0.push_str(drawn(g)),
            _ => out.push((drawn(g).to_string(), g.cells)),
        }
    }
    out
}

/// The CSS that draws a box's glyphs into its cells as `narrow` says.
fn style(narrow: Narrow) -> String {
    match narrow {
        Narrow::AsDrawn => String::new(),
        Narrow::Scale(s) => format!(" transform: scaleX({s:.4});"),
        // A justified line's `text-align-last` is inherited, and would set a box's one glyph
        // at its left (found from outside: `25°C` so stood as before).
        Narrow::Centre => " text-align: center; text-align-last: center;".to_string(),
        Narrow::Clip => " overflow-x: clip;".to_string(),
    }
}

/// A box `cells` wide (½ em each) of `text` in `face`, with `css` added to its style.
fn box_html(out: &mut String, face: Face, cells: u32, text: &str, css: &str) {
    let em = f64::from(cells) / 2.0;
    let _ = write!(out, r#"<span class="{}" style="width: {em}em;{css}">{}</span>"#, face.class(), escape(text));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set() -> LineSet<'static> {
        LineSet {
            width_rem: 13.0,
            size: 1,
            inset_rem: 0.0,
            justify: true,
            punctuation: Punctuation::Full,
            ambiguous_wide: true,
            sans: false,
            narrowing: Box::leak(Box::new(Narrowing::without_faces())),
        }
    }

    fn html(text: &str, lead: u32, ragged: bool, set: &LineSet) -> String {
        let cells = crate::fit::width::str_cells(text, set.ambiguous_wide);
        let mut out = String::new();
        line_html(&mut out, &SetLine { text: text.into(), lead, cells, ragged }, set);
        out
    }

    /// Found from outside: a justified line spread full-width figures apart (`１ ２ ． ５ ％`).
    #[test]
    fn full_width_numbers_and_words_are_boxed_whole() {
        // A paragraph's last line, as set; on a justified one each run takes its margin.
        let line = html("据涨１２．５％，ＮＨＫ称", 0, true, &set());
        assert!(line.contains(r#"涨<span class="w" style="width: 5em;">１２．５％</span>，"#), "{line}");
        assert!(line.contains(r#"<span class="w" style="width: 3em;">ＮＨＫ</span>称"#), "{line}");
        let line = html("据涨１２．５％，ＮＨＫ称", 0, false, &set());
        assert!(
            line.contains(
                r#"<span class="w" style="width: 5em; margin-left: 0.19954427083333334rem;">１２．５％</span>"#
            ),
            "{line}"
        );
        // A full-width figure alone stands as text, which the browser may spread around.
        assert!(!html("第５届", 0, false, &set()).contains("span"), "{}", html("第５届", 0, false, &set()));
    }

    #[test]
    fn half_width_kana_with_a_sound_mark_is_boxed_as_the_pdf_sets_it() {
        // Each pair an em, solid: the slack of the justified line goes where the PDF puts it.
        assert_eq!(
            html("ｶﾞｲﾄﾞの", 0, false, &set()),
            concat!(
                r#"<div class="line j" data-cells="7" style="width: 13rem;"><span class="k" style="width: 1em;">ｶﾞ</span>"#,
                r#"<span class="h" style="width: 0.5em;">ｲ</span><span class="k" style="width: 1em;">ﾄﾞ</span>"#,
                r#"<span class="w" style="width: 1em; margin-left: 9.500325520833334rem;">の</span></div>"#
            )
        );
    }

    #[test]
    fn half_width_runs_are_forced_to_their_engine_width() {
        assert_eq!(
            html("增长35%，拉动GDP增", 4, true, &set()),
            concat!(
                r#"<div class="line" data-cells="18" style="width: 13rem; padding-left: 2rem;">增长"#,
                r#"<span class="h" style="width: 1.5em;">35%</span>，拉动"#,
                r#"<span class="h" style="width: 1.5em;">GDP</span>增</div>"#
            )
        );
    }

    /// Found from outside: under `Full` with `hanging: true`, a line of 21 cells of text in a
    /// 22-cell measure before its hung `，` was justified with the mark, so the mark stood ½ em
    /// over the measure's edge. The mark is a box that takes no room: the text is justified.
    #[test]
    fn a_hung_mark_takes_no_room_in_its_justified_line() {
        let set = LineSet { width_rem: 11.0, ..set() };
        let line = html("（CAAM）统计，1—11月，", 0, false, &set);
        assert!(line.starts_with(r#"<div class="line j" data-cells="23" style="width: 11rem;">"#), "{line}");
        assert!(
            line.ends_with(r#"月</span><span class="w" style="width: 1em; margin-right: -1em;">，</span></div>"#),
            "{line}"
        );
        // A mark that ends its measure hangs nothing, and a paragraph's last line is as set.
        assert!(!html("统计，", 0, false, &LineSet { width_rem: 3.0, ..set }).contains("margin-right"));
        assert!(html("（CAAM）统计，1—11月，", 0, true, &set).ends_with("月，</div>"));
    }

    #[test]
    fn a_justified_line_of_boxed_runs_only_gets_its_slack_between_them() {
        // 13 cells in 14: no place the browser could widen, so the ½ em goes before `？`.
        let narrow = LineSet { width_rem: 7.0, punctuation: Punctuation::LineEnd, ..set() };
        let line = |ragged| {
            let mut out = String::new();
            line_html(&mut out, &SetLine { text: "0351-5661173？".into(), lead: 0, cells: 13, ragged }, &narrow);
            out
        };
        assert_eq!(
            line(false),
            concat!(
                r#"<div class="line j" data-cells="13" style="width: 7rem;">"#,
                r#"<span class="h" style="width: 6em;">0351-5661173</span>"#,
                r#"<span class="q" style="width: 0.5em; margin-left: 0.5003255208333334rem;">？</span></div>"#
            )
        );
        // A paragraph's last line is as set; a line of wide characters drawn as text, each
        // followed by a place it widens, is left to the browser.
        assert!(!line(true).contains("margin"));
        assert!(!html("增长，拉动GDP", 4, false, &set()).contains("margin"));
        // Not one where a wide character follows a box: Chromium draws the share it owes
        // before the character after it.
        assert!(html("增长35%，拉动GDP增", 4, false, &set()).contains(r#"margin-left: 0.2854817708333333rem;">，"#));
    }

    /// Found from outside: Chromium widens nothing beside a lone `；` between boxed runs, so
    /// the line stood ½ em short of its measure; now the slack is set as margins at its gaps,
    /// `；` boxed to take its share.
    #[test]
    fn a_lone_wide_mark_between_boxed_runs_takes_its_share_of_the_slack_as_a_margin() {
        let narrow = LineSet { width_rem: 6.0, ..set() };
        assert_eq!(
            html("4g/m3；№12", 0, false, &narrow),
            concat!(
                r#"<div class="line j" data-cells="11" style="width: 6rem;">"#,
                r#"<span class="h" style="width: 2.5em;">4g/m3</span>"#,
                r#"<span class="w" style="width: 1em; margin-left: 0.2503255208333333rem;">；</span>"#,
                r#"<span class="f" style="width: 1em; margin-left: 0.2503255208333333rem;">№</span>"#,
                r#"<span class="h" style="width: 1em;">12</span></div>"#
            )
        );
        // Wide characters drawn as text before the boxes are places the browser widens.
        assert!(!html("中中4g/m3", 0, false, &narrow).contains("margin"));
    }

    /// Found from outside: a line of symbols and a figure only (`×№1`), not its paragraph's
    /// last, was not justified at all; it widens beside its symbols, each a run of its own.
    #[test]
    fn a_line_of_symbols_and_figures_is_justified_beside_its_symbols() {
        let narrow = LineSet { width_rem: 3.0, ..set() };
        assert_eq!(
            html("×№1", 0, false, &narrow),
            concat!(
                r#"<div class="line j" data-cells="5" style="width: 3rem;">"#,
                r#"<span class="f" style="width: 1em;">×</span>"#,
                r#"<span class="f" style="width: 1em; margin-left: 0.2503255208333333rem;">№</span>"#,
                r#"<span class="h" style="width: 0.5em; margin-left: 0.2503255208333333rem;">1</span></div>"#
            )
        );
        // A dash set as two marks is one mark: never spread, so such a line stays flush left.
        assert!(html("——", 0, false, &narrow).starts_with(r#"<div class="line" "#));
    }

    #[test]
    fn a_paragraphs_last_line_is_not_justified_and_ambiguous_marks_take_fwid() {
        assert_eq!(
            html("他说——好·", 0, true, &set()),
            concat!(
                r#"<div class="line" data-cells="12" style="width: 13rem;">他说"#,
                r#"<span class="f" style="width: 2em;">——</span>好"#,
                r#"<span class="f" style="width: 1em;">·</span></div>"#
            )
        );
        // As Traditional Chinese copy writes them: the same boxes, `⋯` a full em as `…`.
        assert_eq!(
            html("他说――好⋯⋯", 0, true, &set()),
            concat!(
                r#"<div class="line" data-cells="14" style="width: 13rem;">他说"#,
                r#"<span class="f" style="width: 2em;">――</span>好"#,
                r#"<span class="f" style="width: 2em;">⋯⋯</span></div>"#
            )
        );
    }

    #[test]
    fn marks_the_house_style_sets_half_an_em_take_halt() {
        // As the punctuation styles set `说：“好。”`: `：` and `。` ½ em, the quotes a full em.
        let glyph = |text, x, cells| Glyph { text, x, cells };
        let line = [glyph("说", 0, 2), glyph("：", 2, 1), glyph("“", 3, 2), glyph("好", 5, 2), glyph("。", 7, 1)];
        let end = [glyph("”", 8, 1), glyph("2", 9, 1), glyph("？", 10, 1), glyph("！", 11, 1), glyph("」", 12, 1)];
        let mut out = String::new();
        runs_html(&mut out, &[&line[..], &end[..]].concat(), &[], &[], 0.0, &set());
        assert_eq!(
            out,
            concat!(
                r#"说<span class="a" style="width: 0.5em;">：</span><span class="f" style="width: 1em;">“</span>好"#,
                r#"<span class="a" style="width: 1em;">。”</span><span class="h" style="width: 0.5em;">2</span>"#,
                r#"<span class="q" style="width: 1em;">？！</span><span class="a" style="width: 0.5em;">」</span>"#
            )
        );
    }

    #[test]
    fn a_single_space_between_words_stays_text_to_stretch_and_other_spaces_are_boxed() {
        let en = LineSet { ambiguous_wide: false, ..set() };
        assert_eq!(
            html("本报讯 2月  GDP ", 0, true, &en),
            concat!(
                r#"<div class="line" data-cells="16" style="width: 13rem;">本报讯<span class="s"> </span>"#,
                r#"<span class="h" style="width: 0.5em;">2</span>月<span class="h" style="width: 1em;">  </span>"#,
                r#"<span class="h" style="width: 1.5em;">GDP</span><span class="h" style="width: 0.5em;"> </span></div>"#
            )
        );
    }

    #[test]
    fn each_hangul_syllable_stands_in_an_em_of_its_own() {
        assert_eq!(
            html("눈 15cm", 0, true, &set()),
            concat!(
                r#"<div class="line" data-cells="7" style="width: 13rem;"><span class="k" style="width: 1em;">눈</span>"#,
                r#"<span class="s"> </span><span class="h" style="width: 2em;">15cm</span></div>"#
            )
        );
        assert_eq!(
            html("기자", 0, true, &set()),
            concat!(
                r#"<div class="line" data-cells="4" style="width: 13rem;"><span class="k" style="width: 1em;">기</span>"#,
                r#"<span class="k" style="width: 1em;">자</span></div>"#
            )
        );
    }

    #[test]
    fn headline_cells_are_size_over_two_rem_and_combining_marks_join_their_run() {
        let head = LineSet { size: 3, inset_rem: 0.5, justify: false, ..set() };
        assert_eq!(
            html("标题", 2, false, &head),
            r#"<div class="line" data-cells="4" style="width: 13rem; padding-left: 3.5rem;">标题</div>"#
        );
        assert_eq!(
            html("Cafe\u{301}", 0, true, &set()),
            r#"<div class="line" data-cells="4" style="width: 13rem;"><span class="h" style="width: 2em;">Cafe&#769;</span></div>"#
                .replace("&#769;", "\u{301}")
        );
    }

    /// A line with nowhere to widen is not justified in the proof, as the PDF leaves it.
    #[test]
    fn a_word_alone_on_its_line_stays_flush_left() {
        for text in ["서울특별시교육청", "waterfront"] {
            let cells = crate::fit::width::str_cells(text, true);
            let mut out = String::new();
            line_html(&mut out, &SetLine { text: text.into(), lead: 0, cells, ragged: false }, &set());
            assert!(out.starts_with(r#"<div class="line" "#) && !out.contains("margin-left"), "{out}");
        }
    }

    /// Found from outside: with `hwid` Chromium draws a soft hyphen (U+00AD), which the engine
    /// counts 0 cells and the press PDF leaves out, as a visible hyphen, `co-operation`, and the
    /// run measured with it was narrowed to fit. The proof leaves it out as the PDF does.
    #[test]
    fn a_soft_hyphen_is_not_drawn() {
        assert_eq!(
            html("合作co\u{ad}operation", 0, true, &set()),
            r#"<div class="line" data-cells="15" style="width: 13rem;">合作<span class="h" style="width: 5.5em;">cooperation</span></div>"#
        );
        // At a line's start, and on its own between Han characters.
        assert_eq!(
            html("\u{ad}in\u{ad}ter\u{ad}na\u{ad}tion\u{ad}al甲\u{ad}乙", 0, true, &set()),
            r#"<div class="line" data-cells="17" style="width: 13rem;"><span class="h" style="width: 6.5em;">international</span>甲乙</div>"#
        );
    }

    /// Found from outside: Chromium does not widen a line after `；`, so a justified line with
    /// one gets its slack as margins, where the press PDF puts it; after `，` it widens by itself.
    #[test]
    fn a_line_the_browser_does_not_widen_after_its_semicolon_takes_margins() {
        let narrow = LineSet { width_rem: 6.0, ..set() };
        for mark in ["；", "－", "＜", "＞", "〰", "︔", "ㇰ"] {
            let line = html(&format!("甲{mark}乙丙"), 0, false, &narrow);
            assert!(line.contains("margin-left"), "{line}");
        }
        let line = html("甲，乙丙", 0, false, &narrow);
        assert_eq!(line, r#"<div class="line j" data-cells="8" style="width: 6rem;">甲，乙丙</div>"#);
    }
}
