//! What the plate prints of a placed box: each line the press PDF draws, where in the box,
//! and which field of the copy it prints. The PDF writer draws exactly these lines and the
//! PDF's glyph preflight asks exactly their characters ([`super::preflight`]), so a
//! character the PDF does not print — in a sentence the placement cuts, on an overset line,
//! past the page foot, in a part waiting in the bin — is asked by neither.

use super::preflight::{BYLINE_BRACKETS, JUMP_LINE};
use crate::fit::{Block, BlockKind, SetLine};
use crate::layout::ResolvedBox;
use crate::model::{Grid, ItemKind};

/// A line the plate prints.
#[derive(Debug, Clone, Copy)]
pub struct PrintedLine<'a> {
    /// Body lines from the box's top to the line's top.
    pub row: u32,
    /// Cells (½ em of body type) from the box's left edge to the line's measure.
    pub x: u32,
    /// Body lines the line takes: its type's size in em (a 2-em headline's is 2).
    pub size: u32,
    pub line: &'a SetLine,
    /// The measure in cells when the line is to be justified.
    pub justify: Option<u32>,
    /// The field of the copy it prints, as the preflight names it (`body`, `byline`,
    /// `headline`, …, [`JUMP_LINE`]); the heads face sets `kicker`, `headline`, `subhead` and
    /// `title` ([`super::preflight::is_head`]).
    pub field: &'static str,
}

/// What the plate prints of a box, top to bottom.
#[derive(Debug, Clone, Copy)]
pub enum OnPlate<'a> {
    Line(PrintedLine<'a>),
    /// A photo's picture, `depth` lines from `row` (the box and the page foot clip it).
    Picture {
        row: u32,
        depth: u32,
    },
}

/// Every line and picture of `b` on a page of `grid` that the plate prints, in the order the
/// PDF draws them: lines the box cannot hold (overset) and lines past the page foot are not
/// printed, nor is a blank one.
pub fn printed<'a>(b: &'a ResolvedBox, grid: &Grid) -> Vec<OnPlate<'a>> {
    let set = &b.set;
    let mut plate = Plate { last: b.box_depth.min((grid.depth + 1).saturating_sub(b.line)), out: Vec::new() };
    // A notice's text stands its air in from the box's edges (`fit::notice_measure`).
    let inset = set.text_inset();
    let mut row = 0;
    for block in &set.heads {
        plate.block(row, inset + block.inset(set.width), block);
        row += block.depth;
    }
    let leg_step = set.leg_width + 2 * u32::from(grid.gutter);
    let justify = grid.justify.then_some(set.leg_width);
    let mut deepest = 0;
    for (n, leg) in set.legs_at(b.depth).into_iter().enumerate() {
        let x = inset + n as u32 * leg_step;
        deepest = deepest.max(leg.len() as u32);
        for (k, index) in leg.enumerate() {
            let Some(line) = set.body.get(index) else { continue };
            plate.line(PrintedLine { row: row + k as u32, x, size: 1, line, justify, field: body_field(b, index) });
        }
    }
    row += deepest;
    for block in &set.foot {
        plate.block(row, inset, block);
        row += block.depth;
    }
    plate.out
}

/// What a box prints, gathered: `last` is the lines it prints from its top (its depth, or
/// fewer where the page foot comes first).
struct Plate<'a> {
    last: u32,
    out: Vec<OnPlate<'a>>,
}

impl<'a> Plate<'a> {
    fn line(&mut self, line: PrintedLine<'a>) {
        if line.row + line.size <= self.last && !line.line.text.is_empty() {
            self.out.push(OnPlate::Line(line));
        }
    }

    /// A block from `row`, its measure `x` cells in; a notice's rule lines print nothing here
    /// (its frame is drawn round the box).
    fn block(&mut self, row: u32, x: u32, block: &'a Block) {
        let Some(field) = block_field(block.kind) else {
            if block.kind == BlockKind::Picture {
                self.out.push(OnPlate::Picture { row, depth: block.depth });
            }
            return;
        };
        let size = block.line_depth.max(1);
        for (k, line) in block.lines.iter().enumerate() {
            self.line(PrintedLine { row: row + k as u32 * size, x, size, line, justify: None, field });
        }
    }
}

/// Whether the problem's field, as the preflight names it, is printed by a line of `field`:
/// a byline's brackets stand on its lines.
pub fn prints_field(line_field: &str, field: &str) -> bool {
    line_field == field || (field == BYLINE_BRACKETS && line_field == "byline")
}

/// The field a block's lines print; none for a picture or a notice's rule line.
fn block_field(kind: BlockKind) -> Option<&'static str> {
    Some(match kind {
        BlockKind::Kicker => "kicker",
        BlockKind::Headline => "headline",
        BlockKind::Subhead => "subhead",
        BlockKind::Caption => "caption",
        BlockKind::Credit => "credit",
        BlockKind::Title => "title",
        BlockKind::Signer => "signer",
        BlockKind::Date => "date",
        BlockKind::Jump => JUMP_LINE,
        BlockKind::Picture | BlockKind::Rule => return None,
    })
}

/// The field body line `index` of `b` prints: the body's lines come first, then the byline's,
/// then a continued part's jump line; a photo's are its caption.
fn body_field(b: &ResolvedBox, index: usize) -> &'static str {
    let set = &b.set;
    let jump = set.part.as_ref().map_or(0, |p| p.jump_lines);
    let jump_from = set.body.len().saturating_sub(jump);
    if index >= jump_from {
        JUMP_LINE
    } else if index >= jump_from.saturating_sub(set.byline_lines) {
        "byline"
    } else if b.kind == ItemKind::Photo {
        "caption"
    } else {
        "body"
    }
}
