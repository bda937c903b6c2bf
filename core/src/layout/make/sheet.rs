//! The page as a sheet of cells (column × line): which cells a box, or a decision to leave
//! them free, has taken. The search fills the sheet from the top-left free cell onwards, so
//! its cursor only ever moves forward in reading order (line by line, left to right).

/// Cells of a page, column by column, a bit a line; a set bit = taken. The search clones a
/// sheet for every partial page it keeps and asks, for every candidate placement, how far
/// down a column stays free: bits make the clone an eighth of a byte a cell and the question
/// a few words, where a byte a cell cost a clone of 8,000 bytes and a walk down 400 lines
/// on the largest grid (20 columns × 400 lines).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) struct Sheet {
    columns: u16,
    depth: u32,
    /// Words a column: `depth` bits, the rest of the last word always clear.
    words: usize,
    taken: Vec<u64>,
    /// No free cell lies before (line, column) in reading order.
    cursor: (u32, u16),
}

impl Sheet {
    pub(super) fn new(columns: u16, depth: u32) -> Sheet {
        let words = (depth as usize).div_ceil(64);
        Sheet { columns, depth, words, taken: vec![0; usize::from(columns) * words], cursor: (1, 1) }
    }

    pub(super) fn columns(&self) -> u16 {
        self.columns
    }

    pub(super) fn depth(&self) -> u32 {
        self.depth
    }

    /// The words of a column on the page.
    fn column(&self, column: u16) -> &[u64] {
        let first = usize::from(column - 1) * self.words;
        &self.taken[first..first + self.words]
    }

    /// Whether the cell is on the page and free.
    pub(super) fn is_free(&self, column: u16, line: u32) -> bool {
        let on_page = (1..=self.columns).contains(&column) && (1..=self.depth).contains(&line);
        on_page && {
            let at = (line - 1) as usize;
            self.column(column)[at / 64] >> (at % 64) & 1 == 0
        }
    }

    /// Takes the cells of a box (those past the foot or the grid are ignored); returns how
    /// many were free before.
    pub(super) fn take(&mut self, column: u16, span: u16, line: u32, depth: u32) -> u32 {
        let mut newly = 0;
        let first = line.max(1) - 1;
        let end = line.saturating_add(depth).min(self.depth + 1).saturating_sub(1);
        for c in column.max(1)..column.saturating_add(span).min(self.columns + 1) {
            let base = usize::from(c - 1) * self.words;
            let mut at = first;
            while at < end {
                let (word, bit) = ((at / 64) as usize, at % 64);
                let bits = (64 - bit).min(end - at);
                let mask = (u64::MAX >> (64 - bits)) << bit;
                let cell = &mut self.taken[base + word];
                newly += (mask & !*cell).count_ones();
                *cell |= mask;
                at += bits;
            }
        }
        newly
    }

    /// The first free cell in reading order, as (column, line); `None` when the page is full.
    pub(super) fn cursor(&mut self) -> Option<(u16, u32)> {
        let (mut line, mut column) = self.cursor;
        while line <= self.depth {
            while column <= self.columns {
                if self.is_free(column, line) {
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
        if !self.is_free(column, line) {
            return line.saturating_sub(1);
        }
        self.first(column, line, |word| word).map_or(self.depth, |taken| taken - 1)
    }

    /// The first free line at or below `line` in `column`; past the foot when none is.
    pub(super) fn level(&self, column: u16, line: u32) -> u32 {
        if !(1..=self.columns).contains(&column) {
            return self.depth + 1;
        }
        self.first(column, line.max(1), |word| !word).unwrap_or(self.depth + 1)
    }

    /// The first line at or below `line` (on the page) in `column` whose bit is set in its
    /// word as `as_set` sees it (the word itself: taken; inverted: free), if one is above the foot.
    fn first(&self, column: u16, line: u32, as_set: impl Fn(u64) -> u64) -> Option<u32> {
        let words = self.column(column);
        let at = (line - 1) as usize;
        let mut word = at / 64;
        let mut bits = as_set(*words.get(word)?) & (u64::MAX << (at % 64));
        loop {
            if bits != 0 {
                let found = (word * 64) as u32 + bits.trailing_zeros() + 1;
                return (found <= self.depth).then_some(found);
            }
            word += 1;
            bits = as_set(*words.get(word)?);
        }
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
        u32::from(self.columns) * self.depth - self.taken.iter().map(|w| w.count_ones()).sum::<u32>()
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

    /// The sheet's answers, a bit a line, against a byte a cell, over boxes taken across
    /// the words' edges of a page 130 lines deep (three words a column).
    #[test]
    fn bits_answer_as_cells_do() {
        let (columns, depth) = (5u16, 130u32);
        let mut sheet = Sheet::new(columns, depth);
        let mut cells = vec![vec![false; depth as usize + 2]; usize::from(columns) + 2];
        let mut seed = 7u64;
        let mut next = |n: u64| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) % n
        };
        for _ in 0..60 {
            let (column, span) = (1 + next(5) as u16, 1 + next(3) as u16);
            let (line, lines) = (1 + next(135) as u32, next(70) as u32);
            let mut newly = 0;
            for c in column..(column + span).min(columns + 1) {
                for l in line..(line + lines).min(depth + 1) {
                    newly += u32::from(!cells[usize::from(c)][l as usize]);
                    cells[usize::from(c)][l as usize] = true;
                }
            }
            assert_eq!(sheet.take(column, span, line, lines), newly);
            let free = |c: u16, l: u32| {
                (1..=columns).contains(&c) && (1..=depth).contains(&l) && !cells[usize::from(c)][l as usize]
            };
            for c in 0..=columns + 1 {
                for l in 0..=depth + 1 {
                    assert_eq!(sheet.is_free(c, l), free(c, l), "{c} {l}");
                    let ceiling = (l..=depth).take_while(|&x| free(c, x)).last().unwrap_or(l.saturating_sub(1));
                    assert_eq!(sheet.ceiling(c, l), ceiling, "ceiling {c} {l}");
                    let level = (l..=depth).find(|&x| free(c, x)).unwrap_or(depth + 1);
                    assert_eq!(sheet.level(c, l), level, "level {c} {l}");
                }
            }
            let count =
                (1..=columns).flat_map(|c| (1..=depth).map(move |l| (c, l))).filter(|&(c, l)| free(c, l)).count();
            assert_eq!(sheet.free() as usize, count);
        }
    }
}
