//! The page as a sheet of cells (column × line): which cells a box, or a decision to leave
//! them free, has taken. The search fills the sheet from the top-left free cell onwards, so
//! its cursor only ever moves forward in reading order (line by line, left to right).

/// Cells of a page, column by column; `true` = taken.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) struct Sheet {
    columns: u16,
    depth: u32,
    taken: Vec<bool>,
    /// No free cell lies before (line, column) in reading order.
    cursor: (u32, u16),
}

impl Sheet {
    pub(super) fn new(columns: u16, depth: u32) -> Sheet {
        let cells = usize::from(columns) * depth as usize;
        Sheet { columns, depth, taken: vec![false; cells], cursor: (1, 1) }
    }

    pub(super) fn columns(&self) -> u16 {
        self.columns
    }

    pub(super) fn depth(&self) -> u32 {
        self.depth
    }

    fn at(&self, column: u16, line: u32) -> usize {
        usize::from(column - 1) * self.depth as usize + (line - 1) as usize
    }

    /// Whether the cell is on the page and free.
    pub(super) fn is_free(&self, column: u16, line: u32) -> bool {
        (1..=self.columns).contains(&column) && (1..=self.depth).contains(&line) && !self.taken[self.at(column, line)]
    }

    /// Takes the cells of a box (those past the foot or the grid are ignored); returns how
    /// many were free before.
    pub(super) fn take(&mut self, column: u16, span: u16, line: u32, depth: u32) -> u32 {
        let mut newly = 0;
        let last_line = line.saturating_add(depth).min(self.depth + 1);
        for c in column.max(1)..column.saturating_add(span).min(self.columns + 1) {
            for l in line.max(1)..last_line {
                let at = self.at(c, l);
                newly += u32::from(!self.taken[at]);
                self.taken[at] = true;
            }
        }
        newly
    }

    /// The first free cell in reading order, as (column, line); `None` when the page is full.
    pub(super) fn cursor(&mut self) -> Option<(u16, u32)> {
        let (mut line, mut column) = self.cursor;
        while line <= self.depth {
            while column <= self.columns {
                if !self.taken[self.at(column, line)] {
                    self.cursor = (line, column);
                    return Some((column, line));
                }
                column += 1;
            }
            line += 1;
            column = 1;
        }
        self.cursor = (line, 1);
        None
    }

    /// How many free cells follow (column, line) rightwards on its line, itself included.
    pub(super) fn run(&self, column: u16, line: u32) -> u16 {
        (column..=self.columns).take_while(|&c| self.is_free(c, line)).count() as u16
    }

    /// The last free line of the free run starting at (column, line) downwards.
    pub(super) fn ceiling(&self, column: u16, line: u32) -> u32 {
        (line..=self.depth).take_while(|&l| self.is_free(column, l)).last().unwrap_or(line.saturating_sub(1))
    }

    /// The first free line at or below `line` in `column`; past the foot when none is.
    pub(super) fn level(&self, column: u16, line: u32) -> u32 {
        (line..=self.depth).find(|&l| self.is_free(column, l)).unwrap_or(self.depth + 1)
    }

    /// The runs of free lines with a taken cell under them, column by column, as (column,
    /// first line, lines).
    pub(super) fn gaps(&self) -> Vec<(u16, u32, u32)> {
        let mut out = Vec::new();
        for column in 1..=self.columns {
            let mut line = 1;
            while line <= self.depth {
                let last = self.ceiling(column, line);
                if last >= line && last < self.depth {
                    out.push((column, line, last + 1 - line));
                }
                line = last.max(line) + 1;
            }
        }
        out
    }

    /// Free cells left on the page.
    pub(super) fn free(&self) -> u32 {
        self.taken.iter().filter(|t| !**t).count() as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cursor_walks_in_reading_order_past_taken_cells() {
        let mut sheet = Sheet::new(3, 4);
        assert_eq!(sheet.take(1, 2, 1, 2), 4);
        assert_eq!(sheet.cursor(), Some((3, 1)));
        assert_eq!((sheet.run(3, 1), sheet.ceiling(3, 1)), (1, 4));
        sheet.take(3, 1, 1, 4);
        assert_eq!(sheet.cursor(), Some((1, 3)));
        assert_eq!((sheet.run(1, 3), sheet.ceiling(1, 3), sheet.level(3, 1)), (2, 4, 5));
        assert_eq!(sheet.take(1, 2, 3, 9), 4, "cells past the foot are not taken");
        assert_eq!((sheet.cursor(), sheet.free()), (None, 0));
    }
}
