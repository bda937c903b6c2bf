//! The RON export: the finished layout, self-contained, so that a typesetting system can
//! rebuild every page without pasteup (README "Export"). Every number comes from the fit
//! engine through [`Makeup::resolved`] and the galley proof's [`galleys`], so it equals what
//! `check` and `proof --json` say.
//!
//! Geometry is in the issue's own units: columns and lines are 1-based, widths in em, depths
//! in body lines; a set line's `lead` and `cells` are in half-ems (1 em = 2 cells), so a line
//! is `lead` half-ems of space and then its text, exactly as the fit engine set it.

use serde::{Deserialize, Serialize};

use crate::fit::{Block, BlockKind, SetBox, SetLine};
use crate::layout::Makeup;
use crate::model::{Depth, Grid, Item, ItemKind, Language};
use crate::proof::galley::{Galley, galleys};
use crate::report::Where;

/// The version of this file's structure; raised when a field changes meaning.
pub const VERSION: u32 = 1;

/// The finished layout of an issue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Finished {
    pub version: u32,
    pub paper: String,
    pub date: String,
    pub language: Language,
    pub pages: Vec<FinishedPage>,
    /// The items on no page, in issue order, each set at its own span (a photo's, else one
    /// column) on the first page's grid, as `proof` shows them.
    pub bin: Vec<BinItem>,
}

/// One page: its grid, its fit in total and its boxes in placement order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FinishedPage {
    pub number: u32,
    pub section: Option<String>,
    pub grid: Grid,
    /// Width of the page's type area in em: columns × width + gutters.
    pub width_em: u32,
    /// Sum of the boxes' fits: negative = overset, positive = short.
    pub fit: i64,
    pub overset_lines: u32,
    pub overset_chars: u32,
    pub boxes: Vec<FinishedBox>,
}

/// What an item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Kind {
    Article,
    Photo,
    Notice,
}

impl From<ItemKind> for Kind {
    fn from(kind: ItemKind) -> Kind {
        match kind {
            ItemKind::Article => Kind::Article,
            ItemKind::Photo => Kind::Photo,
            ItemKind::Notice => Kind::Notice,
        }
    }
}

/// A placed item: where its box stands, how it fits and every line set in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FinishedBox {
    pub item: String,
    pub kind: Kind,
    /// First column (1-based) and columns spanned.
    pub column: u16,
    pub span: u16,
    /// First line (1-based).
    pub line: u32,
    /// The placement's depth setting: `Auto` or `Fixed(n)`.
    pub depth: Depth,
    /// The box's depth in lines (for `Auto`, what the item needs).
    pub depth_lines: u32,
    /// Cells from the left edge of column 1 to the box's left edge, in em.
    pub x_em: u32,
    /// The box's width in em: span × column width + (span − 1) × gutter.
    pub width_em: u32,
    /// Width of one leg in em (a notice's text is 2 em narrower than its box).
    pub leg_width_em: u32,
    /// Box depth minus depth needed: negative = overset, positive = short.
    pub fit: i64,
    pub depth_needed: u32,
    pub overset_lines: u32,
    pub overset_chars: u32,
    /// Whether any line of the box lies past the page foot.
    pub over_foot: bool,
    /// A photo's image file (relative to the issue) and its pixel size, if known.
    pub image: Option<String>,
    pub pixels: Option<(u32, u32)>,
    pub set: SetLines,
}

/// The lines of an item as set at its span: heads across the span, the body in legs side by
/// side, what did not fit, the foot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SetLines {
    /// Kicker, headline, subhead; a photo's picture; a notice's top rule and title.
    pub heads: Vec<FinishedBlock>,
    /// Body lines leg by leg, left to right (an article's byline closes the last leg; a
    /// photo's caption is its one leg; a notice's body is its one leg).
    pub legs: Vec<Vec<Line>>,
    /// Body lines cut by the box (overset), in reading order.
    pub overset: Vec<Line>,
    /// A photo's credit; a notice's signer, date and bottom rule.
    pub foot: Vec<FinishedBlock>,
}

/// A block of heads or foot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FinishedBlock {
    pub kind: BlockKind,
    /// Lines the block takes on the page.
    pub depth: u32,
    /// Body lines each set line takes (a headline line at size 2 takes 2).
    pub line_depth: u32,
    pub lines: Vec<Line>,
}

/// One set line: `Line(lead, cells, text)` — `lead` half-ems of space (indent, centring or
/// flush right), then `text`, which is `cells` half-ems wide as the fit engine measured it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Line(pub u32, pub u32, pub String);

impl Line {
    /// The line as `proof` prints it: the lead as U+3000 per em (a space for a half em).
    pub fn rendered(&self) -> String {
        SetLine { text: self.2.clone(), lead: self.0, cells: self.1 }.rendered()
    }

    pub fn text(&self) -> &str {
        &self.2
    }
}

/// An item in the bin.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BinItem {
    pub item: String,
    pub kind: Kind,
    pub title: String,
    /// Characters of text, spaces not counted.
    pub chars: u32,
    /// The span it is set at here and the depth it needs there.
    pub span: u16,
    pub depth_needed: u32,
    pub width_em: u32,
    pub image: Option<String>,
    pub pixels: Option<(u32, u32)>,
    pub set: SetLines,
}

/// The finished layout of `makeup`.
pub fn finished(makeup: &Makeup) -> Finished {
    let issue = makeup.issue();
    let all = galleys(makeup);
    let pages = issue
        .pages
        .iter()
        .map(|page| {
            let summary = makeup.page_summary(page.number);
            let boxes = all
                .iter()
                .filter_map(|g| g.at.filter(|at| at.page == page.number).map(|at| (g, at)))
                .map(|(g, at)| finished_box(g, at, &page.grid))
                .collect();
            FinishedPage {
                number: page.number,
                section: page.section.clone(),
                grid: page.grid.clone(),
                width_em: page.grid.span_width(page.grid.columns),
                fit: summary.as_ref().map_or(0, |s| s.fit_lines),
                overset_lines: summary.as_ref().map_or(0, |s| s.overset_lines),
                overset_chars: summary.as_ref().map_or(0, |s| s.overset_chars),
                boxes,
            }
        })
        .collect();
    let entries = makeup.bin_entries();
    let chars_of: std::collections::HashMap<&str, u32> = entries.iter().map(|e| (e.id.as_str(), e.chars)).collect();
    let bin = all
        .iter()
        .filter(|g| g.at.is_none())
        .map(|g| {
            let chars = chars_of.get(g.item.id()).copied().unwrap_or(0);
            let (image, pixels) = image_of(g.item);
            BinItem {
                item: g.item.id().to_string(),
                kind: g.item.kind().into(),
                title: g.item.title().to_string(),
                chars,
                span: g.set.span,
                depth_needed: g.fit.depth_needed,
                width_em: g.set.width / 2,
                image,
                pixels,
                set: set_lines(&g.set, Depth::Auto),
            }
        })
        .collect();
    Finished {
        version: VERSION,
        paper: issue.paper.clone(),
        date: issue.date.clone(),
        language: issue.language,
        pages,
        bin,
    }
}

fn finished_box(g: &Galley, at: Where, grid: &Grid) -> FinishedBox {
    let (image, pixels) = image_of(g.item);
    FinishedBox {
        item: g.item.id().to_string(),
        kind: g.item.kind().into(),
        column: at.column,
        span: g.set.span,
        line: at.line,
        depth: at.depth,
        depth_lines: g.fit.box_depth,
        x_em: crate::proof::page::column_x(grid, at.column) / 2,
        width_em: g.set.width / 2,
        leg_width_em: g.set.leg_width / 2,
        fit: g.fit.lines(),
        depth_needed: g.fit.depth_needed,
        overset_lines: g.fit.overset_lines,
        overset_chars: g.fit.overset_chars,
        over_foot: at.over_foot,
        image,
        pixels,
        set: set_lines(&g.set, at.depth),
    }
}

fn image_of(item: &Item) -> (Option<String>, Option<(u32, u32)>) {
    match item {
        Item::Photo(p) => (p.file.clone(), p.pixels),
        _ => (None, None),
    }
}

fn set_lines(set: &SetBox, depth: Depth) -> SetLines {
    let legs = set.legs_at(depth);
    let cut = legs.last().map_or(0, |r| r.end);
    SetLines {
        heads: set.heads.iter().map(block).collect(),
        legs: legs.iter().map(|r| lines(&set.body[r.clone()])).collect(),
        overset: lines(&set.body[cut..]),
        foot: set.foot.iter().map(block).collect(),
    }
}

fn block(b: &Block) -> FinishedBlock {
    FinishedBlock { kind: b.kind, depth: b.depth, line_depth: b.line_depth, lines: lines(&b.lines) }
}

fn lines(lines: &[SetLine]) -> Vec<Line> {
    lines.iter().map(|l| Line(l.lead, l.cells, l.text.clone())).collect()
}

/// The pretty-printer settings: four-space indents, `\n` line ends, struct names written.
pub fn pretty() -> ::ron::ser::PrettyConfig {
    ::ron::ser::PrettyConfig::new().new_line("\n").indentor("    ").struct_names(true)
}

/// The finished layout as RON text.
pub fn to_ron(makeup: &Makeup) -> String {
    let finished = finished(makeup);
    let mut text = ::ron::ser::to_string_pretty(&finished, pretty())
        .unwrap_or_else(|e| format!("// pasteup could not write the finished layout: {e}\n"));
    text.push('\n');
    text
}

/// Reads a RON export back.
pub fn from_ron(text: &str) -> Result<Finished, ::ron::error::SpannedError> {
    ::ron::from_str(text)
}
