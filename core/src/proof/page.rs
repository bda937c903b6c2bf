//! The page proof: a page's placed boxes at 1:1 — every set line at its row (one body line)
//! and cell (1 em = 2 cells) — for the editor's text zoom and the text export alike, so the
//! two always agree with each other and with the fit engine.

use std::ops::Range;

use crate::fit::glyphs::{glyphs, terminal_text};
use crate::fit::{Block, BlockKind, SetLine};
use crate::layout::{Makeup, ResolvedBox};
use crate::model::{Grid, Item, ItemKind, Punctuation};

/// What a run of text is, so a screen can style it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Kicker,
    Headline,
    Subhead,
    Body,
    Caption,
    Credit,
    Title,
    Signer,
    Date,
    /// The label inside a picture's frame.
    Picture,
    /// A notice's top or bottom rule.
    Rule,
}

/// Text at a place on the page: `row` is the page line less one, `x` the cell from the left
/// edge of column 1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub row: u32,
    pub x: u32,
    /// Cells the run takes on the page.
    pub cells: u32,
    pub text: String,
    pub role: Role,
}

/// One box of the page proof.
#[derive(Debug, Clone)]
pub struct ProofBox {
    pub placed: ResolvedBox,
    /// First row and cell of the box, its depth in rows and width in cells.
    pub row: u32,
    pub x: u32,
    pub rows: u32,
    pub cells: u32,
    pub runs: Vec<Run>,
}

/// Cells from the left edge of column 1 to the left edge of `column` (1-based).
pub fn column_x(grid: &Grid, column: u16) -> u32 {
    u32::from(column.saturating_sub(1)) * 2 * (u32::from(grid.column_width) + u32::from(grid.gutter))
}

/// Width of the page in cells.
pub fn page_cells(grid: &Grid) -> u32 {
    grid.span_width(grid.columns) * 2
}

/// The proof of page `number`: every placed box with its runs.
pub fn page_proof(makeup: &Makeup, number: u32) -> Vec<ProofBox> {
    page_proof_rows(makeup, number, 0..u32::MAX)
}

/// The proof of the rows `window` of page `number` (a screen shows a few dozen of them):
/// boxes outside it are left out and runs outside it are not made.
pub fn page_proof_rows(makeup: &Makeup, number: u32, window: Range<u32>) -> Vec<ProofBox> {
    let Some(page) = makeup.issue().page(number) else { return Vec::new() };
    proof_boxes(makeup, &page.grid, &makeup.resolved(number), window)
}

/// The proof of the rows `window` of a page on `grid`, from its boxes as
/// [`Makeup::resolved`] gives them (a screen that has resolved the page already passes them).
pub fn proof_boxes(makeup: &Makeup, grid: &Grid, boxes: &[ResolvedBox], window: Range<u32>) -> Vec<ProofBox> {
    let wide = makeup.issue().language.ambiguous_is_wide();
    boxes
        .iter()
        .filter(|b| {
            b.line.saturating_sub(1) < window.end && b.line.saturating_sub(1) + b.box_depth.max(1) > window.start
        })
        .map(|b| proof_box(makeup.item_by_id(&b.item), grid, b.clone(), &window, wide))
        .collect()
}

fn proof_box(item: Option<&Item>, grid: &Grid, placed: ResolvedBox, window: &Range<u32>, wide: bool) -> ProofBox {
    let x = column_x(grid, placed.column);
    let row = placed.line.saturating_sub(1);
    let rows = placed.box_depth;
    let set = placed.set.clone();
    let mut runs = Vec::new();
    let mut at = 0;
    let face = Face { punctuation: grid.punctuation, wide };
    // A notice's title, signer and date are set its air inside its frame, as its text is (found
    // from outside: drawn from the frame, its signer ended 1 em short of the body's lines).
    let inset = set.text_inset();
    let blocks = Blocks { x, width: set.width, inset, item, face };
    for block in &set.heads {
        blocks.runs(block, &mut at, &mut runs);
    }
    let legs = set.legs_at(placed.depth);
    let leg_step = 2 * (u32::from(grid.column_width) + u32::from(grid.gutter));
    let leg_x = |i: usize| if set.legs > 1 { x + i as u32 * leg_step } else { x + inset };
    // Rows of the box that the window shows, relative to the box's top.
    let shown = window.start.saturating_sub(row)..window.end.saturating_sub(row);
    for (i, leg) in legs.iter().enumerate() {
        for (k, line) in set.body[leg.clone()].iter().enumerate() {
            if !shown.contains(&(at + k as u32)) {
                continue;
            }
            let role = if set.kind == ItemKind::Photo { Role::Caption } else { Role::Body };
            runs.push(line_run(line, at + k as u32, leg_x(i), role, face));
        }
    }
    at += legs.iter().map(|l| l.len() as u32).max().unwrap_or(0);
    for block in &set.foot {
        blocks.runs(block, &mut at, &mut runs);
    }
    runs.retain(|r| r.row < rows);
    for r in &mut runs {
        r.row += row;
    }
    ProofBox { placed, row, x, rows, cells: set.width, runs }
}

/// How the page's lines are drawn: the punctuation style, and whether ambiguous characters
/// are one em (a CJK issue).
#[derive(Debug, Clone, Copy)]
struct Face {
    punctuation: Punctuation,
    wide: bool,
}

/// A set line as a run: a mark the style halves is drawn in its one-cell form, so the run's
/// cells are the line's.
fn line_run(line: &SetLine, row: u32, x: u32, role: Role, face: Face) -> Run {
    let text = terminal_text(line, face.punctuation, face.wide);
    Run { row, x: x + line.lead, cells: line.cells, text, role }
}

/// Where a box's blocks are drawn: the box's left edge and width, how far inside it their
/// text is set, and with what.
struct Blocks<'a> {
    x: u32,
    width: u32,
    inset: u32,
    item: Option<&'a Item>,
    face: Face,
}

impl Blocks<'_> {
    /// The runs of `block`, from row `at` of the box, which it moves past the block.
    fn runs(&self, block: &Block, at: &mut u32, runs: &mut Vec<Run>) {
        let (x, face) = (self.x, self.face);
        let role = match block.kind {
            BlockKind::Kicker => Role::Kicker,
            BlockKind::Headline => Role::Headline,
            BlockKind::Subhead => Role::Subhead,
            BlockKind::Caption => Role::Caption,
            BlockKind::Credit => Role::Credit,
            BlockKind::Title => Role::Title,
            BlockKind::Signer => Role::Signer,
            BlockKind::Date => Role::Date,
            BlockKind::Picture => Role::Picture,
            BlockKind::Rule => Role::Rule,
            // A from-line reads as body text.
            BlockKind::Jump => Role::Body,
        };
        match block.kind {
            BlockKind::Picture => picture_runs(block.depth, x, self.width, *at, self.item, runs),
            BlockKind::Rule => {
                runs.push(Run { row: *at, x, cells: self.width, text: "-".repeat(self.width as usize), role })
            }
            BlockKind::Headline if block.line_depth > 1 => {
                let x = x + self.inset + block.inset(self.width);
                for (k, line) in block.lines.iter().enumerate() {
                    let row = *at + k as u32 * block.line_depth;
                    runs.push(headline_run(line, row, x, block.line_depth, face, role));
                }
            }
            _ => {
                for (k, line) in block.lines.iter().enumerate() {
                    runs.push(line_run(line, *at + k as u32 * block.line_depth, x + self.inset, role, face));
                }
            }
        }
        *at += block.depth;
    }
}

/// A headline `size` em a character, shown letter-spaced at 1:1 so that it takes the width it
/// will take in print.
fn headline_run(line: &SetLine, row: u32, x: u32, size: u32, face: Face, role: Role) -> Run {
    use unicode_segmentation::UnicodeSegmentation;
    let drawn = terminal_text(line, face.punctuation, face.wide);
    let mut text = String::with_capacity(line.text.len() * 2);
    // The two halves of `——` and `……` (`――` and `⋯⋯` too) stay together, their space after both (found from
    // outside: a headline's dash was drawn `—   —`).
    let mut spaces = 0;
    let mut drawn = drawn.graphemes(true).zip(glyphs(line, face.punctuation, face.wide)).peekable();
    while let Some((g, glyph)) = drawn.next() {
        text.push_str(g);
        spaces += (glyph.cells * (size - 1)) as usize;
        let pair = matches!(g, "—" | "…" | "―" | "⋯") && drawn.peek().is_some_and(|(next, _)| *next == g);
        if !pair {
            text.extend(std::iter::repeat_n(' ', spaces));
            spaces = 0;
        }
    }
    let text = text.trim_end().to_string();
    Run { row, x: x + line.lead * size, cells: line.cells * size, text, role }
}

/// A picture is a frame of its size with its file name (or "photo") in the middle.
fn picture_runs(depth: u32, x: u32, width: u32, at: u32, item: Option<&Item>, runs: &mut Vec<Run>) {
    if depth == 0 || width < 2 {
        return;
    }
    let edge = format!("+{}+", "-".repeat(width.saturating_sub(2) as usize));
    runs.push(Run { row: at, x, cells: width, text: edge.clone(), role: Role::Picture });
    let label = match item {
        Some(Item::Photo(p)) => match (&p.file, p.pixels) {
            (Some(f), Some((w, h))) => format!("[photo {} {w}x{h}]", file_name(f)),
            (Some(f), None) => format!("[photo {}]", file_name(f)),
            _ => "[photo]".to_string(),
        },
        _ => "[photo]".to_string(),
    };
    let label: String = label
        .chars()
        .filter(|c| c.is_ascii() && !c.is_ascii_control())
        .take(width.saturating_sub(4) as usize)
        .collect();
    for k in 1..depth.saturating_sub(1) {
        let inner = if k == depth / 2 {
            let pad = (width - 2 - label.len() as u32) / 2;
            format!(
                "{}{label}{}",
                " ".repeat(pad as usize),
                " ".repeat((width - 2 - pad - label.len() as u32) as usize)
            )
        } else {
            " ".repeat(width as usize - 2)
        };
        runs.push(Run { row: at + k, x, cells: width, text: format!("|{inner}|"), role: Role::Picture });
    }
    if depth > 1 {
        runs.push(Run { row: at + depth - 1, x, cells: width, text: edge, role: Role::Picture });
    }
}

fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}
