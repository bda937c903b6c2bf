//! Boxes: what an article, a photo or a notice needs at a span (docs/fit-accounting.md).
//! Every depth is a whole number of body lines.
//!
//! - **Article**: kicker lines, headline lines × `headline_size`, subhead lines (all across
//!   the span), then the body and the byline `（…）` flowed into `span` balanced legs.
//! - **Photo**: the picture's height, then caption and credit lines across the span.
//! - **Notice**: a rule, the centred title, the body, signer and date flush right, a rule;
//!   the text is set at [`notice_measure`]: 2 em narrower than the box (1 em of border and
//!   air on each side), never narrower than one character.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::Arc;

use super::cut::cut_body;
use super::fill::{Align, Line, TextStyle, lead_string, set_paragraph_into};
use super::kinsoku::Rules;
use super::legs::{
    balance, balanced_depth, fill_keeping_tail, keep_tail_if_no_deeper, keep_tail_together, shortest_leg,
};
use super::measure::Fit;
use super::parts::{Flow, PartLines, Resume, set_part};
use crate::model::{Article, Depth, Grid, Item, ItemKind, Language, Notice, Orphans, Photo, Placement, Punctuation};

/// A body line is taken to be 1.5 em tall when a picture's height is worked out from its
/// aspect ratio (pictures carry no line count of their own).
const LINE_HEIGHT_NUM: u32 = 3;
const LINE_HEIGHT_DEN: u32 = 2;

/// A picture with neither `height` nor a readable file is taken to be 3:2 landscape.
const DEFAULT_ASPECT: (u32, u32) = (3, 2);

/// One set line, ready to print.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SetLine {
    pub text: String,
    /// Cells of space before the text (indent or alignment).
    pub lead: u32,
    /// Cells of the text.
    pub cells: u32,
    /// Whether the line stays as set where the print proofs justify: a paragraph's last line,
    /// and every line of a paragraph set flush right or centred (a byline, a credit).
    pub ragged: bool,
}

impl SetLine {
    /// The line as set: lead (U+3000 per em) then text.
    pub fn rendered(&self) -> String {
        lead_string(self.lead) + &self.text
    }

    /// Characters on the line as [`count_chars`](super::cut::count_chars) counts them.
    pub fn chars(&self) -> u32 {
        super::cut::count_chars(&self.text)
    }
}

/// What a block is (written by name in the RON export).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum BlockKind {
    Kicker,
    Headline,
    Subhead,
    Picture,
    Caption,
    Credit,
    Rule,
    Title,
    Signer,
    Date,
    /// A part's from-line (`（上接第3版）`).
    Jump,
}

/// A piece stacked across the full width of the box above or below the legs.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Block {
    pub kind: BlockKind,
    pub lines: Vec<SetLine>,
    /// Body lines each set line takes (a 2-em headline line takes 2).
    pub line_depth: u32,
    /// Body lines the block takes: `lines × line_depth`, or a picture's or rule's height.
    pub depth: u32,
}

impl Block {
    fn text(kind: BlockKind, lines: Vec<SetLine>, line_depth: u32) -> Block {
        let depth = lines.len() as u32 * line_depth;
        Block { kind, lines, line_depth, depth }
    }

    fn blank(kind: BlockKind, depth: u32) -> Block {
        Block { kind, lines: Vec::new(), line_depth: 1, depth }
    }

    /// Cells (of the body: 2 an em) before the block's measure in a box `width` cells wide: a
    /// headline is set across the whole characters of its size the box holds, and that measure
    /// is centred in the box (a 41-em box holds twenty 2-em characters, ½ em a side); any other
    /// block starts at the box's edge. Every output stands the block this far in.
    ///
    /// ```
    /// use pasteup_core::fit::Setter;
    /// use pasteup_core::model::{Grid, Language};
    /// let setter = Setter::new(&Grid::broadsheet(), Language::ZhHans);
    /// let head = |size| setter.headline("太原", 82, size);
    /// assert_eq!(head(2).inset(82), 1); // 41 em: 40 em of headline, ½ em a side
    /// assert_eq!(head(2).inset(80), 0);
    /// assert_eq!(setter.headline("太原", 64, 5).inset(64), 2); // 32 em: 30 em, 1 em a side
    /// assert_eq!(head(1).inset(82), 0);
    /// ```
    pub fn inset(&self, width: u32) -> u32 {
        if self.kind != BlockKind::Headline {
            return 0;
        }
        let box_em = width / 2;
        let size = self.line_depth.clamp(1, box_em.max(1));
        box_em.saturating_sub((box_em / size).max(1) * size)
    }
}

/// An item set at a span: heads, body lines to flow into legs, foot.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SetBox {
    pub kind: ItemKind,
    pub span: u16,
    /// Width of the box in cells.
    pub width: u32,
    /// Width of one leg in cells.
    pub leg_width: u32,
    pub heads: Vec<Block>,
    /// Body lines in reading order (an article's byline last), to be cut into `legs`.
    pub body: Vec<SetLine>,
    /// The body lines that hold a mark pasteup adds, once a mark: the `（` and `）` it sets
    /// round a byline, which are no characters of the copy.
    pub added_marks: Vec<usize>,
    pub legs: u16,
    /// How many of `body`'s last lines are the byline (0 for none): balanced legs keep them
    /// in one leg when that makes no leg deeper or shallower than balancing does.
    pub byline_lines: usize,
    pub foot: Vec<Block>,
    /// For a part of a continued article: which of the article's lines it holds.
    pub part: Option<PartLines>,
}

impl SetBox {
    /// Characters of the copy on the body's lines in `lines`, as
    /// [`count_chars`](super::cut::count_chars) counts them: the `（）` set round the byline are
    /// pasteup's, not the copy's (found from outside: `（記者）` was 4 cut, and the bin counted
    /// them).
    pub fn body_chars(&self, lines: std::ops::Range<usize>) -> u32 {
        let added = |k: usize| self.added_marks.iter().filter(|&&m| m == k).count() as u32;
        let lines = lines.start.min(self.body.len())..lines.end.min(self.body.len());
        self.body[lines.clone()].iter().zip(lines).map(|(line, k)| line.chars().saturating_sub(added(k))).sum()
    }

    /// A part of a continued article that holds none of the body: a later part the parts
    /// before it leave none for, or any part too shallow for a line of it beside its heads and
    /// jump line — part 1 too (found from outside: a part 1 of a headline and a jump line, the
    /// whole body in part 2, was said to fit). It holds at most the byline and its jump line.
    pub fn holds_no_copy(&self) -> bool {
        self.part.as_ref().is_some_and(|p| !p.holds_body && (p.part > 1 || p.body_left))
    }

    /// A part of a continued article that holds none of the body though some is left for it:
    /// its depth has no room for a line of it beside its heads and jump line.
    pub fn too_shallow_for_copy(&self) -> bool {
        self.part.as_ref().is_some_and(|p| !p.holds_body && p.body_left)
    }

    pub fn heads_depth(&self) -> u32 {
        self.heads.iter().map(|b| b.depth).sum()
    }

    /// Cells from the box's edge to its text each side: a notice's air ([`notice_air`]);
    /// none for an article or a photo, whose text runs from the edge.
    pub fn text_inset(&self) -> u32 {
        if self.kind == ItemKind::Notice { notice_air(self.width) } else { 0 }
    }

    pub fn foot_depth(&self) -> u32 {
        self.foot.iter().map(|b| b.depth).sum()
    }

    /// Depth of the deepest leg when the body is balanced (a jump line on several lines kept
    /// in one leg).
    pub fn body_depth(&self) -> u32 {
        if self.jump_lines() < 2 {
            return balanced_depth(self.body.len(), self.legs) as u32;
        }
        self.balanced_legs().iter().map(ExactSizeIterator::len).max().unwrap_or(0) as u32
    }

    /// The lines the jump line takes at the end of the body (0 for a box that does not jump).
    fn jump_lines(&self) -> usize {
        self.part.as_ref().map_or(0, |p| p.jump_lines)
    }

    /// The body in balanced legs, the jump line whole in one of them, and a byline too where
    /// that costs the box no line.
    fn balanced_legs(&self) -> Vec<Range<usize>> {
        let legs = balance(self.body.len(), self.legs);
        match self.jump_lines() {
            0 => keep_tail_if_no_deeper(legs, self.byline_lines),
            jump => keep_tail_together(legs, jump),
        }
    }

    /// Depth of the shallowest leg when the body is balanced.
    pub fn shortest_leg(&self) -> u32 {
        shortest_leg(self.body.len(), self.legs) as u32
    }

    /// The depth the item needs: heads + deepest balanced leg + foot.
    pub fn depth_needed(&self) -> u32 {
        self.heads_depth() + self.body_depth() + self.foot_depth()
    }

    /// The box's depth for a placement's depth setting.
    pub fn box_depth(&self, depth: Depth) -> u32 {
        match depth {
            Depth::Auto => self.depth_needed(),
            Depth::Fixed(n) => n,
        }
    }

    /// How many body lines each leg holds in a box of this depth.
    fn leg_capacity(&self, box_depth: u32) -> u32 {
        box_depth.saturating_sub(self.heads_depth() + self.foot_depth())
    }

    /// The legs as ranges of `body`: balanced when the box is deep enough, else filled to
    /// the box. Lines past the last range are overset.
    pub fn legs_at(&self, depth: Depth) -> Vec<Range<usize>> {
        let box_depth = self.box_depth(depth);
        if box_depth >= self.depth_needed() { self.balanced_legs() } else { self.filled_legs(box_depth).0 }
    }

    /// The legs filled to a box of `box_depth` too shallow for the body, and the first overset
    /// line: the legs every export draws and the lines the fit counts are one.
    fn filled_legs(&self, box_depth: u32) -> (Vec<Range<usize>>, usize) {
        let capacity = self.leg_capacity(box_depth) as usize;
        fill_keeping_tail(self.body.len(), self.legs, capacity, self.jump_lines())
    }

    /// Fit of the item in a box of this depth.
    pub fn fit(&self, depth: Depth) -> Fit {
        let box_depth = self.box_depth(depth);
        let depth_needed = self.depth_needed();
        let mut fit = Fit { box_depth, depth_needed, overset_lines: 0, overset_chars: 0 };
        if box_depth >= depth_needed {
            return fit;
        }
        let (_, first_cut) = self.filled_legs(box_depth);
        // The characters are the copy's: a part's jump line and from-line are pasteup's own
        // lines, cut with the box but holding no character of the story (found from outside: a
        // part 1 with room for its heads alone said its jump line's characters were cut).
        let copy_end = self.body.len() - self.jump_lines();
        fit.overset_lines = self.body.len().saturating_sub(first_cut) as u32 + self.stacked_depth_past(box_depth);
        fit.overset_chars += self.body_chars(first_cut.min(copy_end)..copy_end);
        for (block, past) in self.blocks_past(box_depth) {
            if block.kind != BlockKind::Jump {
                fit.overset_chars += past.iter().map(SetLine::chars).sum::<u32>();
            }
        }
        fit
    }

    /// Lines of the grid the heads and foot take below a box of `box_depth` when they are
    /// stacked without a body: a headline row as deep as it is, and one the box's bottom
    /// cuts by its lines below it, a picture or a rule by its depth (found from outside: a
    /// 2-em row counted 1 line, and the overset lines fell short of the fit at one column).
    fn stacked_depth_past(&self, box_depth: u32) -> u32 {
        (self.heads_depth() + self.foot_depth()).saturating_sub(box_depth)
    }

    /// The lines of the heads, then of the foot, each told whether it falls below a box of
    /// `box_depth` when they are stacked without a body: such a line is cut, and counts as overset.
    pub fn stacked_lines(&self, box_depth: u32) -> impl Iterator<Item = (&SetLine, bool)> {
        self.blocks_past(box_depth).flat_map(|(block, past)| {
            let first_past = block.lines.len() - past.len();
            block.lines.iter().enumerate().map(move |(k, line)| (line, k >= first_past))
        })
    }

    /// Each block of the heads, then of the foot, with its lines that fall below a box of
    /// `box_depth` when they are stacked without a body (the last of its lines, or none).
    pub fn blocks_past(&self, box_depth: u32) -> impl Iterator<Item = (&Block, &[SetLine])> {
        let mut row = 0;
        self.heads.iter().chain(&self.foot).map(move |block| {
            let first = row;
            row += block.depth;
            let within = (0..block.lines.len()).take_while(|&k| first + (k as u32 + 1) * block.line_depth <= box_depth);
            (block, &block.lines[within.count()..])
        })
    }
}

/// How text is set on a grid: the measure is the caller's, the rules are the grid's.
pub struct Setter {
    rules: Rules,
    ambiguous_wide: bool,
    hanging: bool,
    indent: u32,
    punctuation: Punctuation,
    orphans: Orphans,
}

impl Setter {
    pub fn new(grid: &Grid, language: Language) -> Setter {
        Setter {
            rules: Rules::new(grid.kinsoku, language),
            ambiguous_wide: language.ambiguous_is_wide(),
            hanging: grid.hangs(),
            indent: u32::from(grid.indent),
            punctuation: grid.punctuation,
            orphans: grid.orphans,
        }
    }

    /// A style `width` cells wide.
    pub fn style(&self, width: u32, align: Align) -> TextStyle {
        TextStyle {
            width,
            indent: if align == Align::Start { self.indent * 2 } else { 0 },
            rules: self.rules,
            ambiguous_wide: self.ambiguous_wide,
            hanging: self.hanging,
            align,
            punctuation: self.punctuation,
            orphans: self.orphans,
        }
    }

    /// Sets paragraphs with `style`, appending owned lines to `out`.
    pub fn set_into<'t>(
        &self,
        paragraphs: impl IntoIterator<Item = &'t str>,
        style: &TextStyle,
        out: &mut Vec<SetLine>,
    ) {
        let mut lines: Vec<Line> = Vec::new();
        for text in paragraphs {
            lines.clear();
            set_paragraph_into(text, style, &mut lines);
            self.push_lines(text, &lines, style.align, out);
        }
    }

    /// The lines of one paragraph `text`, set with `align`, as set lines: the last, and all of a
    /// paragraph not set flush left, ragged.
    fn push_lines(&self, text: &str, lines: &[Line], align: Align, out: &mut Vec<SetLine>) {
        let last = lines.len().saturating_sub(1);
        out.extend(lines.iter().enumerate().map(|(n, l)| SetLine {
            text: l.text(text).to_string(),
            lead: l.lead,
            cells: l.cells,
            ragged: n == last || align != Align::Start,
        }));
    }

    fn set(&self, text: &str, style: &TextStyle) -> Vec<SetLine> {
        let mut out = Vec::new();
        self.set_into([text], style, &mut out);
        out
    }

    /// A headline `size` em per character across `width` cells: each of its lines is `size`
    /// body lines deep.
    pub fn headline(&self, text: &str, width: u32, size: u16) -> Block {
        // A headline character is never wider than its box: a size past the box's width in em
        // is set at that width (found from outside: 2-em characters in a 1-em column).
        let size = u32::from(size.max(1)).min((width / 2).max(1));
        let headline_width = (width / 2 / size).max(1) * 2;
        // A headline's marks never hang: one would hang a headline em, `size` body ems, past
        // the box, over the next column (found from outside), where the gutter holds one.
        let style = TextStyle { indent: 0, hanging: false, ..self.style(headline_width, Align::Center) };
        Block::text(BlockKind::Headline, self.set(text, &style), size)
    }

    fn block(&self, kind: BlockKind, text: &str, width: u32, align: Align) -> Block {
        let style = self.style(width, align);
        let style = TextStyle { indent: 0, ..style };
        Block::text(kind, self.set(text, &style), 1)
    }
}

/// What the page editor decided for one box, beyond where it stands: the sentences cut from
/// the end of the body, the headline's size and text here. Photos and notices take none of
/// it. Part of the set-box cache key, so a changed setting sets the box again.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Setting {
    pub cut: u32,
    /// Em per headline character; `None` = the grid's `headline_size`.
    pub head_size: Option<u16>,
    /// The headline here; `None` = the issue's.
    pub headline: Option<Arc<str>>,
    /// Where the box stands in a continued article (`None` for a box of its own).
    pub flow: Option<Flow>,
}

impl Setting {
    /// The setting a placement asks for.
    pub fn of(p: &Placement) -> Setting {
        Setting { cut: p.cut, head_size: p.head_size, headline: p.headline.as_deref().map(Arc::from), flow: None }
    }

    /// The headline size in em on `grid`.
    pub fn head_size_on(&self, grid: &Grid) -> u16 {
        self.head_size.unwrap_or(grid.headline_size).clamp(1, crate::format::MAX_HEADLINE_SIZE)
    }
}

/// Sets `item` in a box spanning `span` columns of `grid`, as the issue gives it.
pub fn set_item(item: &Item, grid: &Grid, language: Language, span: u16) -> SetBox {
    set_item_as(item, grid, language, span, &Setting::default())
}

/// Sets `item` in a box spanning `span` columns of `grid`, as `setting` decides.
pub fn set_item_as(item: &Item, grid: &Grid, language: Language, span: u16, setting: &Setting) -> SetBox {
    let setter = Setter::new(grid, language);
    let span = span.max(1);
    let width = grid.span_width(span) * 2;
    match item {
        Item::Article(a) => match &setting.flow {
            Some(flow) => set_part((a, language), (grid, &setter), (span, width), setting, flow),
            None => set_article(a, grid, &setter, span, width, setting),
        },
        Item::Photo(p) => set_photo(p, &setter, span, width),
        Item::Notice(n) => set_notice(n, &setter, span, width),
    }
}

fn set_article(a: &Article, grid: &Grid, setter: &Setter, span: u16, width: u32, setting: &Setting) -> SetBox {
    let mut set = article_heads(a, grid, setter, span, width, setting);
    let mut starts = Vec::new();
    (set.body, set.added_marks) =
        article_body(a, setter, set.leg_width, setting.cut, Resume::default(), Some(&mut starts));
    set.byline_lines = byline_lines(&starts, byline_paragraph(a, &starts));
    set
}

/// An article's box with its heads and no body lines yet.
pub(super) fn article_heads(
    a: &Article,
    grid: &Grid,
    setter: &Setter,
    span: u16,
    width: u32,
    setting: &Setting,
) -> SetBox {
    let mut heads = Vec::new();
    if let Some(kicker) = &a.kicker {
        heads.push(setter.block(BlockKind::Kicker, kicker, width, Align::Start));
    }
    let headline = setting.headline.as_deref().unwrap_or(&a.headline);
    heads.push(setter.headline(headline, width, setting.head_size_on(grid)));
    if let Some(subhead) = &a.subhead {
        heads.push(setter.block(BlockKind::Subhead, subhead, width, Align::Center));
    }
    let leg_width = u32::from(grid.column_width) * 2;
    new_box(ItemKind::Article, (span, width, leg_width), span, heads, Vec::new(), Vec::new())
}

/// Which paragraph of `a`'s lines starting at `starts` (all of them) is its byline: the last,
/// when it has one. The byline flows last, a paragraph of its own.
pub(super) fn byline_paragraph(a: &Article, starts: &[Resume]) -> Option<usize> {
    starts.last().map(|r| r.paragraph).filter(|_| a.byline.is_some())
}

/// How many of the lines starting at `starts` are of the `byline` paragraph.
pub(super) fn byline_lines(starts: &[Resume], byline: Option<usize>) -> usize {
    starts.iter().filter(|r| Some(r.paragraph) == byline).count()
}

/// The body lines of article `a` (less its last `cut` sentences, byline last) `leg_width`
/// cells wide, from `from` in its text on (a part of a continued article starts where the part
/// before stopped), and in `starts`, if asked, where each line starts in the text; with the
/// lines that hold the `（` and `）` added round the byline (see [`SetBox::added_marks`]).
pub(super) fn article_body(
    a: &Article,
    setter: &Setter,
    leg_width: u32,
    cut: u32,
    from: Resume,
    mut starts: Option<&mut Vec<Resume>>,
) -> (Vec<SetLine>, Vec<usize>) {
    let body: Cow<[String]> = if cut == 0 { Cow::Borrowed(&a.body) } else { Cow::Owned(cut_body(&a.body, cut)) };
    let byline = a.byline.as_ref().map(|b| format!("（{b}）"));
    let flowing = body.iter().map(|p| (p.as_str(), Align::Start)).chain(byline.as_deref().map(|b| (b, Align::End)));
    let (mut out, mut lines, mut added) = (Vec::new(), Vec::<Line>::new(), Vec::new());
    for (paragraph, (text, align)) in flowing.enumerate().skip(from.paragraph) {
        let byte = if paragraph == from.paragraph { from.byte.min(text.len()) } else { 0 };
        let style = setter.style(leg_width, align);
        // A paragraph taken up mid-way goes on where it stopped: no indent.
        let style = if byte > 0 { TextStyle { indent: 0, ..style } } else { style };
        let Some(rest) = text.get(byte..) else { continue };
        lines.clear();
        set_paragraph_into(rest, &style, &mut lines);
        if let Some(starts) = starts.as_deref_mut() {
            // A paragraph's first line starts at byte 0 whatever spaces the filler drops
            // before it, so that a part taking it up there indents it.
            let first = |n: usize| n == 0 && byte == 0;
            starts.extend(
                lines
                    .iter()
                    .enumerate()
                    .map(|(n, l)| Resume { paragraph, byte: if first(n) { 0 } else { byte + l.start } }),
            );
        }
        let first = out.len();
        setter.push_lines(rest, &lines, style.align, &mut out);
        // The byline's `（` stands on its first line (unless a part took it up after that), its `）`
        // on its last.
        if paragraph == body.len() && first < out.len() {
            added.extend((byte == 0).then_some(first).into_iter().chain([out.len() - 1]));
        }
    }
    (out, added)
}

fn set_photo(p: &Photo, setter: &Setter, span: u16, width: u32) -> SetBox {
    let height = p.height.unwrap_or_else(|| picture_height(width / 2, p.pixels.unwrap_or(DEFAULT_ASPECT)));
    let heads = vec![Block::blank(BlockKind::Picture, height)];
    let mut body = Vec::new();
    let caption = TextStyle { indent: 0, ..setter.style(width, Align::Start) };
    setter.set_into([p.caption.as_str()], &caption, &mut body);
    let foot = p.credit.iter().map(|credit| setter.block(BlockKind::Credit, credit, width, Align::End)).collect();
    new_box(ItemKind::Photo, (span, width, width), 1, heads, body, foot)
}

/// Lines a picture `width_em` wide takes at its pixel aspect ratio, rounded up, within the
/// limits of a photo's `height` (1–400 lines): an image taller than that is held at 400, as
/// deep as the deepest page, so that it reads as past the foot wherever it is placed (found
/// from outside: it had been held at 2,000, a number said nowhere).
pub fn picture_height(width_em: u32, (w, h): (u32, u32)) -> u32 {
    let num = u64::from(width_em) * u64::from(h) * u64::from(LINE_HEIGHT_DEN);
    let den = u64::from(w.max(1)) * u64::from(LINE_HEIGHT_NUM);
    num.div_ceil(den).clamp(1, u64::from(crate::format::MAX_DEPTH)) as u32
}

/// The measure of a notice's text in a box `width` cells wide: 1 em of frame and air off
/// each side, but never less than one full-width character (1 em), as a first line's indent
/// always leaves one (`TextStyle::first_indent`): in a box of 2 em or less the air gives way,
/// ½ em a side at 2 em, none at 1 em. Every count and drawing of a notice's text asks this.
pub fn notice_measure(width: u32) -> u32 {
    width.saturating_sub(4).max(2).min(width)
}

/// Cells from a notice's box edge to its text, each side: what [`notice_measure`] leaves.
pub fn notice_air(width: u32) -> u32 {
    (width - notice_measure(width)) / 2
}

fn set_notice(n: &Notice, setter: &Setter, span: u16, width: u32) -> SetBox {
    let inner = notice_measure(width);
    let heads = vec![Block::blank(BlockKind::Rule, 1), setter.block(BlockKind::Title, &n.title, inner, Align::Center)];
    let mut body = Vec::new();
    setter.set_into(n.body.iter().map(String::as_str), &setter.style(inner, Align::Start), &mut body);
    let mut foot = Vec::new();
    if let Some(signer) = &n.signer {
        foot.push(setter.block(BlockKind::Signer, signer, inner, Align::End));
    }
    if let Some(date) = &n.date {
        foot.push(setter.block(BlockKind::Date, date, inner, Align::End));
    }
    foot.push(Block::blank(BlockKind::Rule, 1));
    new_box(ItemKind::Notice, (span, width, inner), 1, heads, body, foot)
}

/// A box of `kind`, `(span, width, leg_width)`, its lines in `legs` legs; no byline lines
/// counted yet, no `（）` added, no part.
fn new_box(
    kind: ItemKind,
    (span, width, leg_width): (u16, u32, u32),
    legs: u16,
    heads: Vec<Block>,
    body: Vec<SetLine>,
    foot: Vec<Block>,
) -> SetBox {
    SetBox {
        kind,
        span,
        width,
        leg_width,
        heads,
        body,
        added_marks: Vec::new(),
        legs,
        byline_lines: 0,
        foot,
        part: None,
    }
}

#[cfg(test)]
mod headline_tests {
    use super::*;
    use crate::model::{Grid, Language};

    /// Found from outside: a 1-em column with the default size of 2 set 2-em characters in a
    /// box 1 em wide, and `check` said it fits.
    #[test]
    fn a_headline_is_never_wider_than_its_box() {
        let setter = Setter::new(&Grid::broadsheet(), Language::ZhHans);
        let h = setter.headline("测试", 2, 2);
        assert_eq!((h.line_depth, h.lines.len(), h.depth), (1, 2, 2), "1 em a character in a 1-em box");
        assert!(h.lines.iter().all(|l| l.cells <= 2));
        let h = setter.headline("测试", 8, 2);
        assert_eq!((h.line_depth, h.lines.len(), h.depth), (2, 1, 2), "two 2-em characters in 4 em");
    }

    /// Found from outside: with `gutter: 0` a hung `，` printed over the next column's first
    /// character, and `check` passed the page. Without a gutter nothing hangs.
    #[test]
    fn a_mark_hangs_only_where_there_is_a_gutter() {
        let text = "一二三四五六，七八";
        let set = |gutter: u16| {
            let grid = Grid { hanging: true, gutter, indent: 0, ..Grid::broadsheet() };
            let style = Setter::new(&grid, Language::ZhHans).style(12, Align::Start);
            crate::fit::set_paragraph(text, &style).iter().map(|l| l.text(text)).collect::<Vec<_>>()
        };
        assert_eq!(set(1), ["一二三四五六，", "七八"]);
        assert_eq!(set(0), ["一二三四五", "六，七八"]);
    }

    /// Found from outside: a zh-Hant headline at 4 em a character in a 32-em box (8 a row)
    /// broke after its ideographic space and counted it, `台積電熊本廠開` / `幕　Apple 公司` /
    /// `下單`: three rows where two hold it. The space at the break is dropped.
    #[test]
    fn a_headline_row_drops_the_ideographic_space_it_breaks_at() {
        let h = Setter::new(&Grid::broadsheet(), Language::ZhHant).headline(
            "台積電熊本廠開幕\u{3000}Apple 公司下單",
            64,
            4,
        );
        let rows: Vec<(&str, u32, u32)> = h.lines.iter().map(|l| (l.text.as_str(), l.cells, l.lead)).collect();
        assert_eq!(rows, [("台積電熊本廠開幕", 16, 0), ("Apple 公司下單", 14, 1)]);
        assert_eq!(h.depth, 8);
    }

    /// Found from outside: with `hanging: true` a headline's `，` hung a whole headline em past
    /// its box, over the next column's headline. A headline's marks never hang.
    #[test]
    fn a_headline_mark_never_hangs() {
        let grid = Grid { hanging: true, gutter: 1, ..Grid::broadsheet() };
        let h = Setter::new(&grid, Language::ZhHans).headline("之年，经济。", 8, 2);
        let lines: Vec<&str> = h.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(lines, ["之", "年，", "经", "济。"]);
        assert!(h.lines.iter().all(|l| l.cells <= 4), "{:?}", h.lines);
    }
}

#[cfg(test)]
mod picture_tests {
    use super::*;

    /// ⌈W × h / w ÷ 1.5⌉ lines, within a photo's 1–400: found from outside, an image 1 × 60,000
    /// pixels was held at 2,000 lines, which no limit in the docs says.
    #[test]
    fn a_picture_is_as_tall_as_its_aspect_says_within_a_photos_limits() {
        assert_eq!(picture_height(10, (3, 2)), 5, "10 em × 2/3 ÷ 1.5 = 4.4, rounded up");
        assert_eq!(picture_height(12, (4, 3)), 6);
        assert_eq!(picture_height(10, (10_000, 1)), 1, "never less than a line");
        assert_eq!(picture_height(10, (1, 60_000)), crate::format::MAX_DEPTH);
        assert_eq!(picture_height(240, (1, u32::MAX)), crate::format::MAX_DEPTH);
    }
}

#[cfg(test)]
mod notice_tests {
    use super::*;
    use crate::model::{Depth, Grid, Language};

    /// 1 em of frame and air a side, down to one character: a 13-em box sets its notice at
    /// 11 em, a 3-em box at 1 em, and a 2-em or 1-em box at 1 em too, the air giving way.
    #[test]
    fn a_notices_measure_leaves_one_character_however_narrow_the_box() {
        let em = |cells: u32| cells / 2;
        let measure = |w_em: u32| (em(notice_measure(w_em * 2)), notice_air(w_em * 2));
        assert_eq!(measure(13), (11, 2), "11 em, 1 em of air a side");
        assert_eq!(measure(3), (1, 2), "W − 2 em = 1 em: a character a line");
        assert_eq!(measure(2), (1, 1), "W − 2 em = 0: one character, ½ em of air a side");
        assert_eq!(measure(1), (1, 0), "W − 2 em < 0: one character, no air");
        for cells in (2..=40).step_by(2) {
            assert_eq!(notice_measure(cells) + 2 * notice_air(cells), cells, "measure and air fill the box");
        }
    }

    /// The depth needed is counted at that measure: in 1-, 2- and 3-em columns each of the
    /// title's, body's, signer's and date's characters takes a line of its own.
    #[test]
    fn a_narrow_notice_needs_a_line_a_character() {
        let notice = Item::Notice(Notice {
            id: "n".into(),
            title: "公告".into(),
            body: vec!["联系宋先生".into()],
            signer: Some("医院".into()),
            date: Some("二月十日".into()),
            page: None,
            priority: None,
        });
        for (column_width, air) in [(1, 0), (2, 1), (3, 2)] {
            let grid = Grid { column_width, indent: 0, ..Grid::broadsheet() };
            let set = set_item(&notice, &grid, Language::ZhHans, 1);
            assert_eq!((set.width, set.leg_width, set.text_inset()), (u32::from(column_width) * 2, 2, air));
            // Rules 2, title 2, body 5, signer 2, date 4.
            assert_eq!(set.depth_needed(), 15, "{column_width}-em column");
            assert_eq!(set.fit(Depth::Auto).lines(), 0);
        }
        let grid = Grid { column_width: 6, indent: 0, ..Grid::broadsheet() };
        let set = set_item(&notice, &grid, Language::ZhHans, 1);
        // At 4 em: rules 2, title 1, body 2, signer 1, date 1.
        assert_eq!((set.leg_width, set.text_inset(), set.depth_needed()), (8, 2, 7));
    }
}

#[cfg(test)]
mod overset_tests {
    use super::*;
    use crate::model::{Depth, Grid, Language};

    fn narrow() -> Grid {
        Grid { column_width: 5, indent: 0, ..Grid::broadsheet() }
    }

    /// Found from outside: in a box shallower than its headline each headline row counted one
    /// overset line, though a row of a 2-em headline is 2 lines deep (`-70 overset (68 lines…)`).
    /// What falls below counts in lines of the grid, a row cut by the box's bottom by the lines
    /// under it, so at one column the overset lines are the fit's.
    #[test]
    fn head_rows_below_the_box_count_their_depth() {
        let article = Item::Article(Article {
            id: "a".into(),
            headline: "守护青山绿水增进民生福祉".into(),
            subhead: None,
            kicker: None,
            byline: None,
            body: vec!["一二三四五六七八九十。".into()],
            page: None,
            priority: None,
        });
        let set = set_item(&article, &narrow(), Language::ZhHans, 1);
        // 2 characters a row at 5 em: 6 rows of 2 lines; the body 3 lines.
        assert_eq!((set.heads_depth(), set.body.len(), set.depth_needed()), (12, 3, 15));
        // Rows 1–2 in lines 1–4, row 3 in lines 5–6 (line 6 below), rows 4–6 below: 7 lines.
        let fit = set.fit(Depth::Fixed(5));
        assert_eq!((fit.lines(), fit.overset_lines, fit.overset_chars), (-10, 10, 8 + 11));
        let fit = set.fit(Depth::Fixed(6));
        assert_eq!((fit.lines(), fit.overset_lines, fit.overset_chars), (-9, 9, 6 + 11));
        for d in 0..=15 {
            assert_eq!(
                i64::from(set.fit(Depth::Fixed(d)).overset_lines),
                -set.fit(Depth::Fixed(d)).lines(),
                "depth {d}"
            );
        }
    }

    /// A photo's picture below its box counts its lines, as the fit does.
    #[test]
    fn a_picture_below_the_box_counts_its_lines() {
        let photo = Item::Photo(Photo {
            id: "p".into(),
            caption: "一二三四五".into(),
            credit: None,
            file: None,
            span: 1,
            height: Some(6),
            pixels: None,
            page: None,
            priority: None,
            with: None,
        });
        let set = set_item(&photo, &narrow(), Language::ZhHans, 1);
        assert_eq!(set.depth_needed(), 7);
        let fit = set.fit(Depth::Fixed(4));
        assert_eq!((fit.lines(), fit.overset_lines, fit.overset_chars), (-3, 3, 5));
    }
}
