//! Placements and their geometry: where a box stands on the page and what it shares with
//! its neighbours. Columns and lines are 1-based, as editors count them.

use crate::model::{Depth, Grid};

/// One placement held by index rather than by id, so that snapshots for undo are a plain copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Spot {
    /// Index of the item in the issue's `items`.
    pub item: usize,
    pub column: u16,
    pub span: u16,
    pub line: u32,
    pub depth: Depth,
    /// Which part of a continued article (1 = the first or only box).
    pub part: u32,
    /// Sentences cut from the end of the body.
    pub cut: u32,
    /// Em per headline character here; `None` = the grid's.
    pub head_size: Option<u16>,
    /// The headline here, by its number in the desk's list of headlines; `None` = the issue's.
    pub headline: Option<u32>,
    /// Whether a next part follows this one (on a page, or waiting in the bin).
    pub continued: bool,
}

impl Spot {
    /// The first (or only) part of an item, set as the issue gives it.
    pub fn new(item: usize, column: u16, span: u16, line: u32, depth: Depth) -> Spot {
        Spot { item, column, span, line, depth, part: 1, cut: 0, head_size: None, headline: None, continued: false }
    }

    /// The last column the box covers.
    pub fn last_column(&self) -> u16 {
        self.column + self.span.max(1) - 1
    }

    /// Whether the two boxes stand in at least one common column.
    pub fn shares_columns(&self, other: &Spot) -> bool {
        self.column <= other.last_column() && other.column <= self.last_column()
    }

    /// Whether the box covers `column`.
    pub fn covers(&self, column: u16) -> bool {
        self.column <= column && column <= self.last_column()
    }

    /// Whether the box stays inside the grid's columns.
    pub fn within_columns(&self, grid: &Grid) -> bool {
        self.column >= 1 && self.span >= 1 && self.last_column() <= grid.columns
    }
}

/// A placement with its box depth worked out: the rectangle it takes on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Frame {
    pub spot: Spot,
    /// Box depth in lines.
    pub depth: u32,
}

impl Frame {
    /// The first line below the box (its bottom line + 1).
    pub fn below(&self) -> u32 {
        self.spot.line.saturating_add(self.depth)
    }

    /// Whether two boxes share any cell of the page. A box of no depth takes no room.
    pub fn overlaps(&self, other: &Frame) -> bool {
        self.spot.shares_columns(&other.spot) && self.spot.line < other.below() && other.spot.line < self.below()
    }

    /// Whether any line of the box falls past the page foot.
    pub fn over_foot(&self, grid: &Grid) -> bool {
        self.below() > grid.depth + 1
    }

    /// Lines of the box below the foot.
    pub fn lines_over_foot(&self, grid: &Grid) -> u32 {
        self.below().saturating_sub((grid.depth + 1).max(self.spot.line))
    }
}

/// The first line at or below `from` where `spot` (at `depth` lines) clears every frame.
/// There always is one: below the lowest box in its columns.
pub fn first_free_line(spot: Spot, depth: u32, frames: &[Frame], from: u32) -> u32 {
    let mut candidate = Frame { spot: Spot { line: from.max(1), ..spot }, depth };
    loop {
        let blocker = frames.iter().filter(|f| f.overlaps(&candidate)).map(Frame::below).max();
        match blocker {
            Some(below) => candidate.spot.line = below,
            None => return candidate.spot.line,
        }
    }
}

/// Columns `a`–`b` as an editor writes them.
pub fn columns_label(first: u16, last: u16) -> String {
    if first == last { format!("column {first}") } else { format!("columns {first}–{last}") }
}
