//! The HTML export: one self-contained print proof of the issue (no external resources),
//! print-true (docs/formats.md, "The HTML proof").
//!
//! Each page is a CSS grid sized from its grid in `rem`, one rem per character (one em of
//! the body type): a track per column and per gutter, a row per body line at 1.5 rem (the
//! line height the fit engine sizes pictures with). Each placed box stands on its column and
//! line tracks, and holds its set lines exactly as the fit engine broke them, each a `.line`
//! block its measure wide with every glyph where the engine put it (`html/lines.rs`): headlines at
//! their block's size, the legs as real side-by-side columns, justified when the grid says
//! `justify`, a photo's image inlined as a `data:` URI (or a labelled frame), a notice
//! boxed. A box's frame stands in its own top and bottom leading and in the gutters (with no
//! gutter, or marks hung into it, only its top and bottom), so it crosses no text; with `rules` the gutters carry column rules (`export/rules.rs`). Overset boxes
//! are framed in red with their cut lines listed under the page; boxes over the foot are
//! hatched past it. Text is set in CJK faces by family name. `@page` sizes each printed
//! sheet to the page's proportions at 1 em = 9 pt, the body size (小五) of a Chinese
//! broadsheet.

use std::fmt::Write as _;

mod lines;
mod masthead;
mod narrow;

use super::Assets;
use super::rules::{NOTICE_RULE_EM, RULE_AIR_EM, column_rules};
use crate::catalogue::en::plural;
use crate::fit::{Block, BlockKind, SetBox};
use crate::format::is_forbidden;
use crate::layout::{Makeup, ResolvedBox};
use crate::model::{Grid, Item, Language, Page};
use lines::{LineSet, lines_html};
use narrow::Narrowing;

/// Points per em when printed.
pub const PRINT_PT_PER_EM: u32 = 9;
/// Height of a body line in em.
const LINE_EM: f64 = 1.5;
/// A notice's double rule each side, as the style sheet draws it (`.notice .clip`).
const NOTICE_BORDER_REM: f64 = NOTICE_RULE_EM as f64;
/// Room around a page's type area, and the page's header, in em.
const MARGIN_EM: u32 = 3;
const HEADER_EM: u32 = 4;

/// Text safe inside HTML elements and quoted attributes; forbidden characters (controls,
/// bidi overrides), which the loader refuses anyway, become U+FFFD.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if is_forbidden(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// The font stacks, by family name, for the issue's language.
fn fonts(language: Language) -> (&'static str, &'static str) {
    match language {
        Language::ZhHant => (
            r#""Noto Serif CJK TC", "Source Han Serif TC", "Source Han Serif", "PMingLiU", "MingLiU", serif"#,
            r#""Noto Sans CJK TC", "Source Han Sans TC", "Source Han Sans", "Microsoft JhengHei", sans-serif"#,
        ),
        Language::Ja => (
            r#""Noto Serif CJK JP", "Source Han Serif JP", "Source Han Serif", "MS Mincho", serif"#,
            r#""Noto Sans CJK JP", "Source Han Sans JP", "Source Han Sans", "MS Gothic", sans-serif"#,
        ),
        Language::Ko => (
            r#""Noto Serif CJK KR", "Source Han Serif K", "Source Han Serif", "Batang", serif"#,
            r#""Noto Sans CJK KR", "Source Han Sans K", "Source Han Sans", "Dotum", sans-serif"#,
        ),
        Language::ZhHans | Language::En => (
            r#""Noto Serif CJK SC", "Source Han Serif SC", "Source Han Serif", "SimSun", "Songti SC", serif"#,
            r#""Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans", "SimHei", "Heiti SC", sans-serif"#,
        ),
    }
}

const STYLE: &str = r#"
html { font-size: 12px; }
body { margin: 0; padding: 2rem 0; background: #8a8a86; color: #1a1a1a; font-family: var(--serif); }
.page { background: #fffdf7; width: max-content; margin: 0 auto 3rem; padding: 1rem 3rem 3rem;
  box-shadow: 0 0.3rem 1.2rem rgba(0,0,0,.35); }
.masthead { display: flex; flex-wrap: wrap; align-items: baseline; column-gap: .5rem; min-height: 3rem;
  border-bottom: 0.25rem double #222; margin-bottom: 1rem; font-family: var(--sans); white-space: nowrap; width: 0;
  min-width: 100%; overflow: hidden; }
.masthead .paper { font-size: 1.8rem; font-weight: 900; letter-spacing: .2rem; }
.masthead .paper, .masthead .date, .masthead .section { min-width: 1.2em; overflow: hidden; text-overflow: ellipsis; }
.masthead .folio { font-size: 1.3rem; font-weight: 700; min-width: 0; white-space: normal; overflow-wrap: anywhere; }
.masthead .section { font-size: 1.3rem; padding: 0 .4rem; background: #222; color: #fffdf7; }
.masthead .grid-note { flex: 1 1 auto; text-align: right; font-size: .9rem; color: #666; min-width: 1.2em; overflow: hidden;
  text-overflow: ellipsis; }
.grid { display: grid; position: relative; grid-auto-rows: 1.5rem;
  background-image: linear-gradient(to bottom, transparent calc(100% - 1px), rgba(0,0,0,.04) 1px); }
.guide { background: rgba(120, 110, 80, .06); grid-row: 1 / -1; }
.past-foot { grid-column: 1 / -1; background: repeating-linear-gradient(135deg, rgba(200,0,0,.10) 0 .4rem, transparent .4rem .8rem);
  border-top: .15rem solid #c00; position: relative; z-index: 0; }
.past-foot span { position: absolute; right: 0; top: -1.4rem; font: 700 .9rem var(--sans); color: #c00; }
.box { position: relative; z-index: 1; background: #fffdf7; min-width: 0; }
.box .clip { position: relative; height: 100%; clip-path: inset(0 -1em); }
.frame { position: absolute; top: .05rem; bottom: .05rem; left: calc(-1 * var(--frame-out)); right: calc(-1 * var(--frame-out));
  border: 1px solid rgba(0,0,0,.3); pointer-events: none; }
.ruled .box:not(.overset):not(.over-foot) .frame { left: 0; right: 0; border-left: 0; border-right: 0; }
.box.overset .frame { border: .15rem solid #c00; }
.box.over-foot .frame { border: .15rem dashed #c00; }
/* A mark hung past the measure stands in the gutter, where the side of a frame would cross it;
   with no gutter, a side would stand on the box's first or last glyphs. */
.hanging .box .frame, .gutterless .box .frame { border-left-width: 0; border-right-width: 0; }
.column-rule { position: relative; z-index: 2; justify-self: center; width: 0; border-left: 1px solid #333; }
.badge { position: absolute; right: 0; bottom: 0; z-index: 2; font: 700 .75rem/1 var(--sans); padding: .15rem .4rem;
  border-radius: .2rem; color: #fff; background: #4a7a4a; white-space: nowrap; }
.badge.under { bottom: auto; top: calc(100% + .1rem); }
.badge.over { bottom: calc(100% + .1rem); }
.badge.short { background: #b07a10; }
.badge.overset, .badge.foot { background: #c00; }
/* No ligatures: the engine and the press PDF set every letter in its own half em (found from
   outside: the faces' `fl` drew 0.67 em, a justified line ending in `fleet` stopped short). */
.line { display: block; box-sizing: border-box; height: 1.5em; line-height: 1.5em; white-space: nowrap;
  text-align: left; font-kerning: none; font-variant-ligatures: none; text-spacing-trim: space-all; }
.line.j { text-align: justify; text-align-last: justify; }
.line span { display: inline-block; white-space: pre; text-align: left; transform-origin: left; }
.line .h, .line .s { font-feature-settings: "hwid"; }
.line .s { display: inline; }
.line .k { text-align: center; text-align-last: center; overflow-x: clip; }
.line .a { font-feature-settings: "halt"; }
.line .q { font-feature-settings: "halt", "hwid"; }
.line .f { font-feature-settings: "fwid"; }
.headline { font-family: var(--sans); font-weight: 700; }
.kicker .line, .subhead .line, .notice .title .line { font-family: var(--sans); font-weight: 700; }
.legs { display: grid; align-items: start; }
.leg { min-width: 0; }
.picture { position: relative; overflow: hidden; background: #ddd; }
.picture img { display: block; width: 100%; height: 100%; object-fit: cover; object-position: 50% 50%; image-orientation: from-image; }
.picture.frame { border: 1px solid #777; background: repeating-linear-gradient(45deg, #eee 0 .5rem, #e4e4e4 .5rem 1rem);
  display: flex; align-items: center; justify-content: center; font: .9rem var(--sans); color: #555; box-sizing: border-box; }
.notice .clip { border: var(--notice-rule) double #222; box-sizing: border-box; }
.notice .block, .notice .legs { padding: 0 var(--notice-pad, calc(1rem - var(--notice-rule))); }
.cuts { margin-top: 2rem; border-top: .15rem solid #c00; padding-top: .5rem; max-width: 60rem; font-size: .95rem; }
.cuts h2, .bin h2 { font: 700 1.1rem var(--sans); margin: .3rem 0; }
.cut { margin: .5rem 0; }
.cut .who { font: 700 .85rem var(--sans); color: #c00; }
.cut .line { color: #7a0000; font-size: 1rem; }
.bin { background: #fffdf7; width: 80rem; margin: 0 auto; padding: 1rem 3rem 2rem; font-family: var(--sans); }
.bin table { border-collapse: collapse; font-size: .95rem; }
.bin td, .bin th { text-align: left; padding: .15rem .8rem; border-bottom: 1px solid #ddd; }
.bin td.n { text-align: right; }
@media print {
  html { font-size: 9pt; }
  body { background: none; padding: 0; }
  .page { box-shadow: none; margin: 0; break-after: page; }
  /* The bin and the cut lists on sheets of their own, the size of the first page's: a
     block on no named page is printed on the browser's default sheet, and Chromium then
     shrinks every sheet to it (found from outside: the pages printed at 72%). */
  .bin { break-before: page; page: notes; width: auto; }
  /* As wide as the first page's sheet, no wider: a wider block shrinks every sheet (found
     from outside: a 4-column page printed at 6 pt an em). */
  .bin table { width: 100%; table-layout: fixed; }
  .bin td, .bin th { overflow-wrap: anywhere; }
  /* An empty bin says nothing the pages do not: no sheet of its own. */
  .bin.empty { display: none; }
  .cuts, .copyfit-cuts { break-before: page; page: notes; margin-top: 0; }
  .cuts + .copyfit-cuts { break-before: auto; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

/// The issue as one self-contained HTML print proof.
pub fn to_html(makeup: &Makeup, assets: &Assets) -> String {
    let issue = makeup.issue();
    let (serif, sans) = fonts(issue.language);
    let mut out = String::new();
    let _ = writeln!(out, "<!DOCTYPE html>");
    let _ = writeln!(out, r#"<html lang="{}">"#, issue.language.tag());
    let _ = writeln!(out, r#"<head><meta charset="utf-8">"#);
    let _ = writeln!(out, "<title>{} {} - pasteup proof</title>", escape(&issue.paper), escape(&issue.date));
    let _ =
        write!(out, "<style>:root {{ --serif: {serif}; --sans: {sans}; --notice-rule: {NOTICE_RULE_EM}rem; }}{STYLE}");
    if let Some(first) = issue.pages.first() {
        let (w, h) = sheet_em(&first.grid, HEADER_EM);
        let (w, h) = (w * PRINT_PT_PER_EM, h * PRINT_PT_PER_EM);
        // No margin: a cut list stands in its page's block, as wide as the page's sheet, and
        // a narrower area would shrink every sheet again.
        let _ = writeln!(out, "@page notes {{ size: {w}pt {h}pt; margin: 0; }}");
    }
    for page in &issue.pages {
        let (w, h) = sheet_em(&page.grid, header_em(makeup, page));
        // Rows past the foot, and the badge under them, on the page's own sheet (found from
        // outside: printed, they went to a sheet of their own after it).
        let past = bottom_line(&makeup.resolved(page.number)).saturating_sub(page.grid.depth);
        let h = h + if past > 0 { (f64::from(past + 1) * LINE_EM).ceil() as u32 } else { 0 };
        let _ = writeln!(
            out,
            "@page p{n} {{ size: {}pt {}pt; margin: 0; }}\n.page[data-page=\"{n}\"] {{ page: p{n}; }}",
            w * PRINT_PT_PER_EM,
            h * PRINT_PT_PER_EM,
            n = page.number
        );
    }
    let _ = writeln!(out, "</style></head>\n<body>");
    let narrowing = Narrowing::new(issue.language);
    for page in &issue.pages {
        page_html(&mut out, makeup, page, assets, &narrowing);
    }
    bin_html(&mut out, makeup);
    let _ = writeln!(out, "</body>\n</html>");
    out
}

/// The last line the boxes of a page reach (0 for none).
fn bottom_line(boxes: &[ResolvedBox]) -> u32 {
    boxes.iter().map(|b| b.line - 1 + b.box_depth).max().unwrap_or(0)
}

/// The printed sheet of a page in em: type area, margins and a header `header` em deep.
fn sheet_em(grid: &Grid, header: u32) -> (u32, u32) {
    let width = grid.span_width(grid.columns) + 2 * MARGIN_EM;
    let depth = (f64::from(grid.depth) * LINE_EM).ceil() as u32;
    (width, depth + header + 2 * MARGIN_EM)
}

/// How deep the page's header prints, in em: at least [`HEADER_EM`], which holds a masthead
/// of one line with 1.75 em to spare (the sheet is that much deeper than the page's blocks,
/// padding and border), else its masthead and 1 em to spare, within which a guess of the
/// masthead's depth a little short still prints on one sheet.
fn header_em(makeup: &Makeup, page: &Page) -> u32 {
    let issue = makeup.issue();
    let width = f64::from(page.grid.span_width(page.grid.columns));
    let (folio, note) = (folio(page), grid_note(makeup, page));
    let masthead = masthead::masthead_rem(width, &issue.paper, &issue.date, &folio, page.section.as_deref(), &note);
    HEADER_EM.max((masthead + 0.75).ceil() as u32)
}

/// The page's folio as the masthead prints it.
fn folio(page: &Page) -> String {
    format!("page {}", page.number)
}

/// The masthead's note of the page's grid and how its boxes fit.
fn grid_note(makeup: &Makeup, page: &Page) -> String {
    let grid = &page.grid;
    let boxes = makeup.resolved(page.number).len();
    let fit = makeup.page_summary(page.number).as_ref().map_or(0, |s| s.fit_lines);
    format!(
        "{} of {} em, gutter {} em, {}; {}, fit {}",
        plural(grid.columns as usize, "column"),
        grid.column_width,
        grid.gutter,
        plural(grid.depth as usize, "line"),
        plural(boxes, "box"),
        signed(fit)
    )
}

fn page_html(out: &mut String, makeup: &Makeup, page: &Page, assets: &Assets, narrowing: &Narrowing) {
    let grid = &page.grid;
    let issue = makeup.issue();
    let boxes = makeup.resolved(page.number);
    let tracks: Vec<String> = (1..=grid.columns.max(1))
        .flat_map(|c| {
            let column = format!("{}rem", grid.column_width);
            if c == 1 { vec![column] } else { vec![format!("{}rem", grid.gutter), column] }
        })
        .collect();
    let _ = writeln!(out, r#"<section class="page" data-page="{}">"#, page.number);
    let _ = write!(
        out,
        r#"<header class="masthead"><span class="paper">{}</span><span class="date">{}</span><span class="folio">{}</span>"#,
        escape(&issue.paper),
        escape(&issue.date),
        folio(page)
    );
    if let Some(section) = &page.section {
        let _ = write!(out, r#"<span class="section">{}</span>"#, escape(section));
    }
    let _ = writeln!(out, r#"<span class="grid-note">{}</span></header>"#, escape(&grid_note(makeup, page)));
    let _ = writeln!(
        out,
        r#"<div class="grid{}{}{}" style="grid-template-columns: {}; grid-template-rows: repeat({}, 1.5rem); --frame-out: {}rem;">"#,
        if grid.rules { " ruled" } else { "" },
        if grid.hangs() { " hanging" } else { "" },
        if grid.gutter == 0 { " gutterless" } else { "" },
        tracks.join(" "),
        grid.depth.max(1),
        f64::from(grid.gutter) / 4.0
    );
    for c in 1..=grid.columns.max(1) {
        let _ = writeln!(out, r#"<div class="guide" style="grid-column: {};"></div>"#, 2 * c - 1);
    }
    let bottom = bottom_line(&boxes);
    if bottom > grid.depth {
        let _ = writeln!(
            out,
            r#"<div class="past-foot" style="grid-row: {} / span {};"><span>foot of the page (line {})</span></div>"#,
            grid.depth + 1,
            bottom - grid.depth,
            grid.depth
        );
    }
    if grid.rules {
        for rule in column_rules(grid, &boxes) {
            let _ = writeln!(
                out,
                r#"<div class="column-rule" style="grid-column: {}; grid-row: {} / {}; margin: {RULE_AIR_EM}rem 0;"></div>"#,
                2 * rule.column,
                rule.lines.start(),
                rule.lines.end() + 1
            );
        }
    }
    let text = Text { grid, ambiguous_wide: issue.language.ambiguous_is_wide(), narrowing };
    for b in &boxes {
        box_html(out, makeup.item_by_id(&b.item), &text, b, assets, badge_place(b, &boxes));
    }
    let _ = writeln!(out, "</div>");
    cuts_html(out, &text, &boxes);
    copyfit_cuts_html(out, makeup, &boxes);
    let _ = writeln!(out, "</section>");
}

fn signed(n: i64) -> String {
    if n > 0 { format!("+{n}") } else { n.to_string() }
}

fn kind_class(b: &ResolvedBox) -> &'static str {
    match b.kind {
        crate::model::ItemKind::Article => "article",
        crate::model::ItemKind::Photo => "photo",
        crate::model::ItemKind::Notice => "notice",
    }
}

/// What every line of a page is set with: its grid's house style and the issue's language.
struct Text<'a> {
    grid: &'a Grid,
    ambiguous_wide: bool,
    narrowing: &'a Narrowing,
}

impl<'a> Text<'a> {
    /// Lines `width` cells wide at `size` em, justified when the grid says so and `justify`.
    fn lines(&self, width: u32, size: u32, justify: bool) -> LineSet<'a> {
        LineSet {
            width_rem: f64::from(width) / 2.0,
            size,
            inset_rem: 0.0,
            justify: justify && self.grid.justify,
            punctuation: self.grid.punctuation,
            ambiguous_wide: self.ambiguous_wide,
            sans: false,
            narrowing: self.narrowing,
        }
    }

    /// A block's lines across the box: a headline at its size, centred on the box when the
    /// box is not a whole number of headline characters wide; a notice's text 1 em in from
    /// each side (its leg's measure).
    fn block(&self, set: &SetBox, block: &Block) -> LineSet<'a> {
        use BlockKind::*;
        // As the style sheet draws them.
        // The faces the press PDF sets them in (found from outside: credits, signers, dates
        // and captions were drawn in the regular sans and narrowed by the bold heads face's
        // widths, 0.2 em short of the box's edge): heads in the heads face, the rest in the
        // text face.
        let sans = matches!(block.kind, Kicker | Headline | Subhead | Title);
        LineSet { sans, ..self.block_measure(set, block) }
    }

    fn block_measure(&self, set: &SetBox, block: &Block) -> LineSet<'a> {
        if set.kind == crate::model::ItemKind::Notice {
            return self.lines(set.leg_width, 1, false);
        }
        let size = block.line_depth.max(1);
        if block.kind != BlockKind::Headline || size == 1 {
            return self.lines(set.width, 1, false);
        }
        let inset_rem = f64::from(block.inset(set.width)) / 2.0;
        LineSet { inset_rem, ..self.lines(set.width, size, false) }
    }
}

/// Where a box's badges go so that they cover no text (found from outside: in the box's
/// bottom corner they hid the line an overset box is cut at): just under the box where the
/// line under it is free in its columns, else just over it where that line is free, else in
/// its bottom corner.
fn badge_place(b: &ResolvedBox, boxes: &[ResolvedBox]) -> &'static str {
    let columns = |o: &ResolvedBox| o.column < b.column + b.span && b.column < o.column + o.span;
    let taken = |line: u32| {
        boxes.iter().any(|o| !std::ptr::eq(o, b) && columns(o) && (o.line..o.line + o.box_depth.max(1)).contains(&line))
    };
    if !taken(b.line + b.box_depth.max(1)) {
        " under"
    } else if b.line > 1 && !taken(b.line - 1) {
        " over"
    } else {
        ""
    }
}

fn box_html(out: &mut String, item: Option<&Item>, text: &Text, b: &ResolvedBox, assets: &Assets, place: &str) {
    let fit = &b.fit;
    let mut classes = vec!["box", kind_class(b)];
    if fit.is_overset() {
        classes.push("overset");
    }
    if b.over_foot {
        classes.push("over-foot");
    }
    let _ = writeln!(
        out,
        r#"<div class="{}" data-item="{}" style="grid-column: {} / span {}; grid-row: {} / span {};">"#,
        classes.join(" "),
        escape(&b.item),
        2 * b.column - 1,
        2 * b.span - 1,
        b.line,
        b.box_depth.max(1)
    );
    let badge_class = if fit.lines() > 0 { "short" } else { "overset" };
    let mut badge = fit.badge();
    if fit.is_overset() {
        badge.push_str(&format!(", {} characters", fit.overset_chars));
    }
    // A box that fits needs no badge; a short or overset one says so.
    if fit.lines() != 0 {
        let _ = write!(out, r#"<span class="badge {badge_class}{place}">{}</span>"#, escape(&badge));
    }
    if b.over_foot {
        let _ = write!(out, r#"<span class="badge foot{place}" style="right: auto; left: 0;">over the foot</span>"#);
    }
    // The frame stands in the box's own top and bottom leading and in the gutters, so it
    // crosses no line, its own or a neighbour's.
    let set: &SetBox = &b.set;
    let _ = writeln!(out, r#"<div class="frame"></div><div class="clip"{}>"#, notice_air_style(set));
    // A picture deeper than its box, or than the page above its foot, shows what they hold of
    // it, cropped about its middle as the press PDF crops it (found from outside: the proof
    // showed its top).
    let shown = b.box_depth.min((text.grid.depth + 1).saturating_sub(b.line));
    let mut row = 0;
    for block in &set.heads {
        let room = shown.saturating_sub(row);
        block_html(out, block, &text.block(set, block), item, (assets, room));
        row += block.depth;
    }
    let legs = set.legs_at(b.depth);
    let body_class = if set.kind == crate::model::ItemKind::Photo { "caption" } else { "body" };
    let leg_em = f64::from(set.leg_width) / 2.0;
    let rows = legs.iter().map(|l| l.len()).max().unwrap_or(0);
    let _ = writeln!(
        out,
        r#"<div class="legs {body_class}" style="grid-template-columns: repeat({}, {}rem); column-gap: {}rem; height: {}rem;">"#,
        legs.len().max(1),
        leg_em,
        text.grid.gutter,
        rows as f64 * LINE_EM
    );
    let body = text.lines(set.leg_width, 1, true);
    for leg in &legs {
        let _ = write!(out, r#"<div class="leg">"#);
        lines_html(out, &set.body[leg.clone()], &body);
        let _ = writeln!(out, "</div>");
    }
    let _ = writeln!(out, "</div>");
    for block in &set.foot {
        block_html(out, block, &text.block(set, block), item, (assets, block.depth));
    }
    let _ = writeln!(out, "</div></div>");
}

/// A notice's border and padding where its air is less than the style sheet's 1 em: the
/// double rule as wide as the air allows (none in a 1-em box, whose text fills it) and the
/// rest of the air as padding, so that its text stands where the engine set it, within the
/// frame (found from outside: in a 1- or 2-em box it was drawn 1 em in, over the border).
fn notice_air_style(set: &SetBox) -> String {
    let air = f64::from(set.text_inset()) / 2.0;
    if set.kind != crate::model::ItemKind::Notice || air >= 1.0 {
        return String::new();
    }
    let side = air.min(NOTICE_BORDER_REM);
    format!(r#" style="border-left-width: {side}rem; border-right-width: {side}rem; --notice-pad: {}rem;""#, air - side)
}

/// A block of a box, `room` lines of the box from its top (a picture shows no more).
fn block_html(out: &mut String, block: &Block, lines: &LineSet, item: Option<&Item>, (assets, room): (&Assets, u32)) {
    let height = f64::from(block.depth) * LINE_EM;
    match block.kind {
        BlockKind::Picture => {
            let shown = block.depth.min(room);
            let height = f64::from(shown) * LINE_EM;
            let (file, uri) = match item {
                Some(Item::Photo(p)) => (p.file.as_deref(), p.file.as_deref().and_then(|f| assets.data_uri(f))),
                _ => (None, None),
            };
            match uri {
                Some(uri) => {
                    let _ = writeln!(
                        out,
                        r#"<div class="block picture" style="height: {height}rem;"><img src="{uri}" alt=""></div>"#
                    );
                }
                None => {
                    let label = match file {
                        Some(f) => format!("photo: {}", f.rsplit(['/', '\\']).next().unwrap_or(f)),
                        None => "photo".to_string(),
                    };
                    let _ = writeln!(
                        out,
                        r#"<div class="block picture frame" style="height: {height}rem;"><span>[{}]</span></div>"#,
                        escape(&label)
                    );
                }
            }
            // The picture's rows it does not show (past the foot) still stand, so that its
            // caption and credit stay on their own lines (found from outside: drawn straight
            // under the rows shown, they stood as many lines up).
            if shown < block.depth {
                let rest = f64::from(block.depth - shown) * LINE_EM;
                let _ = writeln!(out, r#"<div class="block unshown" style="height: {rest}rem;"></div>"#);
            }
        }
        BlockKind::Rule => {
            let _ = writeln!(out, r#"<div class="block rule" style="height: {height}rem;"></div>"#);
        }
        kind => {
            let class = format!("{kind:?}").to_lowercase();
            // A headline's line depth is its size: a 3-em headline line takes 3 body lines.
            let style = if lines.size > 1 {
                format!("height: {height}rem; font-size: {}rem;", lines.size)
            } else {
                format!("height: {height}rem;")
            };
            let _ = write!(out, r#"<div class="block {class}" style="{style}">"#);
            lines_html(out, &block.lines, lines);
            let _ = writeln!(out, "</div>");
        }
    }
}

/// The lines cut from overset boxes, under the page, so no text is lost from the proof.
fn cuts_html(out: &mut String, text: &Text, boxes: &[ResolvedBox]) {
    let overset: Vec<&ResolvedBox> = boxes.iter().filter(|b| b.fit.is_overset()).collect();
    if overset.is_empty() {
        return;
    }
    let _ = writeln!(out, r#"<div class="cuts"><h2>Overset: lines cut from their boxes</h2>"#);
    for b in overset {
        let legs = b.set.legs_at(b.depth);
        let cut = legs.last().map_or(0, |r| r.end);
        let _ = write!(
            out,
            r#"<div class="cut" data-item="{}"><div class="who">{}: {}, {}, {}</div>"#,
            escape(&b.item),
            escape(&b.item),
            b.fit.badge(),
            plural(b.fit.overset_lines as usize, "line"),
            plural(b.fit.overset_chars as usize, "character")
        );
        // Heads and foot lines below the box too (found from outside: a photo's overset credit
        // was counted and not listed).
        let past: Vec<_> = b.set.blocks_past(b.set.box_depth(b.depth)).collect();
        let (heads, foot) = past.split_at(b.set.heads.len());
        let blocks = |out: &mut String, blocks: &[(&Block, &[crate::fit::SetLine])]| {
            for (block, lines) in blocks.iter().filter(|(_, lines)| !lines.is_empty()) {
                lines_html(out, lines, &text.block(&b.set, block));
            }
        };
        blocks(out, heads);
        lines_html(out, &b.set.body[cut..], &text.lines(b.set.leg_width, 1, true));
        blocks(out, foot);
        let _ = writeln!(out, "</div>");
    }
    let _ = writeln!(out, "</div>");
}

/// The sentences the page editor cut from each box (`cut`), struck through under the page, so
/// the proof shows what the copy desk's text lost.
fn copyfit_cuts_html(out: &mut String, makeup: &Makeup, boxes: &[ResolvedBox]) {
    let cuts: Vec<(&ResolvedBox, Vec<crate::fit::cut::Sentence>)> = boxes
        .iter()
        .map(|b| (b, crate::report::cut_of(&makeup.issue().items[b.index], &b.set, b.setting.cut)))
        .filter(|(_, cut)| !cut.is_empty())
        .collect();
    if cuts.is_empty() {
        return;
    }
    let _ = writeln!(out, r#"<div class="copyfit-cuts"><h2>Cut by the page editor</h2>"#);
    for (b, cut) in cuts {
        let chars: u32 = cut.iter().map(|s| s.chars()).sum();
        let _ = write!(
            out,
            r#"<div class="cut" data-item="{}"><div class="who">{}: cut {}, {chars} characters</div>"#,
            escape(&b.item),
            escape(&b.item),
            plural(cut.len(), "sentence")
        );
        for s in &cut {
            let _ = write!(out, "<p><s>{}</s></p>", escape(s.text.trim_end()));
        }
        let _ = writeln!(out, "</div>");
    }
    let _ = writeln!(out, "</div>");
}

fn bin_html(out: &mut String, makeup: &Makeup) {
    let bin = makeup.bin_entries();
    let empty = if bin.is_empty() { " empty" } else { "" };
    let _ = writeln!(out, r#"<section class="bin{empty}"><h2>Bin: {} not on a page</h2>"#, plural(bin.len(), "item"));
    if !bin.is_empty() {
        let _ = writeln!(
            out,
            "<table><tr><th>item</th><th>kind</th><th>title</th><th>characters</th><th>lines at one column</th></tr>"
        );
        for e in &bin {
            let _ = writeln!(
                out,
                r#"<tr><td>{}</td><td>{}</td><td>{}</td><td class="n">{}</td><td class="n">{}</td></tr>"#,
                // A waiting part by its part, as `check` and the editor's bin name it (found
                // from outside: the row said `sports` alone).
                escape(&crate::catalogue::part_id(&e.id, e.part, crate::catalogue::UiLang::En)),
                format!("{:?}", e.kind).to_lowercase(),
                escape(&e.title),
                e.chars,
                e.lines
            );
        }
        let _ = writeln!(out, "</table>");
    }
    let _ = writeln!(out, "</section>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_controls() {
        assert_eq!(escape(r#"<a href="x">&'</a>"#), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
        assert_eq!(escape("a\u{1b}[31m\u{202E}b"), "a\u{FFFD}[31m\u{FFFD}b");
        assert_eq!(escape("守护青山"), "守护青山");
    }

    /// Found from outside: a part waiting in the bin was listed by its item's id alone, and
    /// one item as "1 items".
    #[test]
    fn the_bin_names_a_waiting_part_by_its_part() {
        use crate::format::{parse_issue, parse_layout};
        use crate::model::{Depth, Placement};
        use std::path::Path;
        let issue = parse_issue(Path::new("issue.ron"), crate::sample::ISSUE).unwrap();
        let mut layout = parse_layout(Path::new("layout.ron"), crate::sample::LAYOUT).unwrap();
        layout.pages[0].placements = vec![Placement::new("jinyuan-livable", 1, 3, 1, Depth::Fixed(25))];
        let mut d = Makeup::new(issue.clone(), &layout);
        d.continue_overset(3, "jinyuan-livable", 1).unwrap();
        let html = to_html(&d, &Assets::None);
        assert!(html.contains("<tr><td>jinyuan-livable (part 2)</td>"), "{html}");
        let one = Makeup::new(issue.clone(), &crate::model::Layout { pages: Vec::new(), ..layout });
        let mut issue = issue;
        issue.items.truncate(1);
        let one_item = to_html(&Makeup::new(issue, &crate::model::Layout::default()), &Assets::None);
        assert!(one_item.contains("<h2>Bin: 1 item not on a page</h2>"), "{one_item}");
        assert!(to_html(&one, &Assets::None).contains("<h2>Bin: 12 items not on a page</h2>"));
    }
}
