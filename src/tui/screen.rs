//! Where each part of the editor stands on the terminal: pure functions of the terminal size
//! and of plain view data (grid, zoom, scroll), used by the drawing and by mouse clicks alike.

use std::ops::Range;

use ratatui::layout::Rect;

use pasteup_core::layout::ResolvedBox;
use pasteup_core::model::Grid;

/// Below this the editor says so instead of drawing a broken page.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;
/// Width of the line-number gutter left of the page ("  12 ").
pub const RULER_WIDTH: u16 = 5;
/// Width of the bin panel when the terminal is wide enough for it; wider where the page leaves
/// room and the bin's rows want it.
pub const BIN_WIDTH: u16 = 34;
/// Width of an empty bin: its head and no more, so the page keeps the width.
pub const EMPTY_BIN_WIDTH: u16 = 15;
/// Rows over the page: the column numbers, then each column's free lines.
pub const HEADER_ROWS: u16 = 2;

/// What the screen needs to know of the bin pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BinPane {
    /// `b` hides and shows it.
    pub shown: bool,
    pub focused: bool,
    pub empty: bool,
    /// Columns its widest row wants, frame and marks included (0: no more than [`BIN_WIDTH`]).
    pub wants: u16,
}

/// What the page view shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zoom {
    /// The set lines at 1:1.
    Text,
    /// The whole page at a glance: boxes, headlines and fit badges.
    Plan,
}

/// How the page view looks at the page: its zoom, and in the text zoom the first page line
/// (0-based) and cell shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageView {
    pub zoom: Zoom,
    pub scroll_row: u32,
    pub scroll_x: u32,
    /// The page's lines with its boxes: its depth, or the last line of a box past the foot
    /// (see [`page_lines`]).
    pub lines: u32,
}

/// The lines a page on `grid` takes with `boxes` on it: its depth, or the last line of the
/// lowest box past the foot. The plan zoom shows them all (found from outside: a box pushed
/// past the foot could not be seen in it).
pub fn page_lines(grid: &Grid, boxes: &[ResolvedBox]) -> u32 {
    boxes.iter().map(ResolvedBox::last_line).fold(grid.depth, u32::max)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Screen {
    pub area: Rect,
    pub too_small: bool,
    pub title: Rect,
    /// The page view: column ruler on its first row, line numbers on its left.
    pub page: Rect,
    pub bin: Option<Rect>,
    pub inspector: Rect,
    pub status: Rect,
}

impl Screen {
    /// The parts of a `w`×`h` terminal; the bin shows, unless hidden, on a wide one or when
    /// it has the focus; empty, it takes only the width of its head. The columns the page
    /// view does not want (`page_wants`: the text zoom's, all of the page in sight) go to the
    /// bin, as many as its rows want (found from outside: at 300 columns every bin row was cut
    /// beside 38 blank ones).
    pub fn new((w, h): (u16, u16), bin: BinPane, page_wants: u16) -> Screen {
        let area = Rect::new(0, 0, w, h);
        let too_small = w < MIN_WIDTH || h < MIN_HEIGHT;
        let main_h = h.saturating_sub(3);
        let show_bin = bin.shown && (w >= 80 || bin.focused);
        let full = if bin.empty { EMPTY_BIN_WIDTH } else { BIN_WIDTH };
        let spare = w.saturating_sub(page_wants).saturating_sub(full);
        let more = if bin.empty { 0 } else { bin.wants.saturating_sub(full).min(spare) };
        let bin_w = if show_bin { full.min(w / 2) + more } else { 0 };
        Screen {
            area,
            too_small,
            title: Rect::new(0, 0, w, 1),
            page: Rect::new(0, 1, w.saturating_sub(bin_w), main_h),
            bin: show_bin.then(|| Rect::new(w - bin_w, 1, bin_w, main_h)),
            inspector: Rect::new(0, h.saturating_sub(2), w, 1),
            status: Rect::new(0, h.saturating_sub(1), w, 1),
        }
    }

    /// Page lines the text zoom shows.
    pub fn page_rows(&self) -> u16 {
        page_rows(self.page)
    }

    /// Cells of page the text zoom shows (a cell of margin each side of the page).
    pub fn page_cols(&self) -> u16 {
        self.page.width.saturating_sub(RULER_WIDTH + 2)
    }

    /// Left edge of page cell 0 on the screen, in the text zoom.
    pub fn page_x0(&self) -> u16 {
        page_x0(self.page)
    }

    /// Rows of the bin list and the first entry shown, keeping the cursor in sight.
    pub fn bin_window(&self, cursor: usize) -> (usize, usize) {
        let rows = self.bin.map_or(0, |b| usize::from(b.height.saturating_sub(1)) / 2);
        let first = cursor.saturating_sub(rows.saturating_sub(1));
        (first, rows)
    }

    /// The bin entry at a screen cell, for a bin of `entries` with the cursor at `cursor`.
    pub fn bin_hit(&self, x: u16, y: u16, cursor: usize, entries: usize) -> Option<usize> {
        let bin = self.bin?;
        if x < bin.x || y <= bin.y || y >= bin.bottom() {
            return None;
        }
        let (first, _) = self.bin_window(cursor);
        let i = first + usize::from(y - bin.y - 1) / 2;
        (i < entries).then_some(i)
    }

    /// The column and the page lines under a screen cell of the page view (a row of the plan
    /// zoom holds several lines), for a page on `grid`.
    pub fn page_cell(&self, grid: &Grid, view: PageView, (x, y): (u16, u16)) -> Option<(u16, Range<u32>)> {
        let p = self.page;
        let y0 = page_y0(p);
        if x < p.x + RULER_WIDTH || x >= p.right() || y < y0 || y >= p.bottom() {
            return None;
        }
        let row = u32::from(y - y0);
        let (lines, column) = match view.zoom {
            Zoom::Text => {
                let line = row + view.scroll_row + 1;
                let cell = (u32::from(x) + view.scroll_x).checked_sub(u32::from(self.page_x0()))?;
                let step = 2 * (u32::from(grid.column_width) + u32::from(grid.gutter));
                (line..line + 1, cell / step.max(1) + 1)
            }
            Zoom::Plan => {
                let scale = PlanScale::new(grid, p, view.lines);
                let first = row * scale.lines_per_row + 1;
                let cell = u32::from(x - p.x - RULER_WIDTH);
                (first..first + scale.lines_per_row, cell / u32::from(scale.column + scale.gutter).max(1) + 1)
            }
        };
        let column = u16::try_from(column).ok().filter(|&c| c >= 1 && c <= grid.columns)?;
        Some((column, lines))
    }

    /// The box under a screen cell of the page view, of the `boxes` of a page on `grid`.
    pub fn page_hit<'a>(
        &self,
        grid: &Grid,
        view: PageView,
        boxes: &'a [ResolvedBox],
        at: (u16, u16),
    ) -> Option<&'a ResolvedBox> {
        let (column, lines) = self.page_cell(grid, view, at)?;
        // In the plan zoom, the box drawn there: the last drawn whose rows hold the cell's row
        // (a box may be drawn a row under its first line's, see [`plan_rows`]).
        if view.zoom == Zoom::Plan {
            let scale = PlanScale::new(grid, self.page, view.lines);
            let row = (lines.start - 1) / scale.lines_per_row;
            let drawn = plan_rows(boxes, &scale, None).into_iter().rev();
            return drawn
                .filter(|&(b, top, bottom)| b.covers(column) && (top..=bottom).contains(&row))
                .map(|(b, ..)| b)
                .next();
        }
        let column = u32::from(column);
        boxes.iter().find(|b| {
            (u32::from(b.column)..u32::from(b.column + b.span)).contains(&column)
                && b.line < lines.end
                && lines.start < b.line + b.box_depth.max(1)
        })
    }
}

/// Page lines the text zoom shows in the page view `page` (under the header rows).
pub fn page_rows(page: Rect) -> u16 {
    page.height.saturating_sub(HEADER_ROWS)
}

/// The screen row of the first page row: under the column numbers and the free lines.
pub fn page_y0(page: Rect) -> u16 {
    page.y + HEADER_ROWS
}

/// Left edge of page cell 0 on the screen, in the text zoom of the page view `page`.
pub fn page_x0(page: Rect) -> u16 {
    page.x + RULER_WIDTH + 1
}

/// The plan zoom's scale: cells per column and per gutter, and page lines per row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlanScale {
    pub column: u16,
    pub gutter: u16,
    pub lines_per_row: u32,
}

impl PlanScale {
    /// The scale that shows `lines` page lines of a page on `grid` in the page view `page`.
    pub fn new(grid: &Grid, page: Rect, lines: u32) -> PlanScale {
        let cols = grid.columns.max(1);
        let usable = page.width.saturating_sub(RULER_WIDTH + 1);
        let gutter = 1;
        let column = (usable.saturating_sub(gutter * (cols - 1)) / cols).max(3);
        let rows = u32::from(page_rows(page)).max(1);
        PlanScale { column, gutter, lines_per_row: lines.max(grid.depth).div_ceil(rows).max(1) }
    }

    pub fn x(&self, column: u16) -> u16 {
        (column.saturating_sub(1)) * (self.column + self.gutter)
    }

    pub fn width(&self, span: u16) -> u16 {
        span * self.column + span.saturating_sub(1) * self.gutter
    }

    pub fn row(&self, line: u32) -> u32 {
        line.saturating_sub(1) / self.lines_per_row
    }
}

/// Each box with the rows it is drawn in, in the order drawn (by top row, the selected one last
/// of a row). A box's top row is the row of its first line, or the row under the top of a
/// box above it in its columns that falls in that row: where many lines make a row, every box
/// keeps a row of its own (found from outside: a 3-line box above another in the same row
/// was drawn over whole, its overset badge with it).
pub fn plan_rows<'b>(
    boxes: &'b [ResolvedBox],
    scale: &PlanScale,
    selected: Option<(&str, u32)>,
) -> Vec<(&'b ResolvedBox, u32, u32)> {
    let mut by_line: Vec<&ResolvedBox> = boxes.iter().collect();
    by_line.sort_by_key(|b| (b.line, b.column));
    let mut placed: Vec<(&ResolvedBox, u32, u32)> = Vec::with_capacity(boxes.len());
    for b in by_line {
        let above = placed.iter().filter(|(o, ..)| o.shares_columns(b)).map(|&(_, t, _)| t + 1);
        let top = above.fold(scale.row(b.line), u32::max);
        placed.push((b, top, top.max(scale.row(b.last_line()))));
    }
    placed.sort_by_key(|&(b, top, _)| (top, selected == Some((b.item.as_str(), b.part)), b.line));
    placed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bin(focused: bool) -> BinPane {
        BinPane { shown: true, focused, empty: false, wants: 0 }
    }

    #[test]
    fn the_bin_shows_on_a_wide_terminal_or_with_the_focus() {
        assert_eq!(Screen::new((120, 40), bin(false), 0).bin, Some(Rect::new(86, 1, 34, 37)));
        assert_eq!(Screen::new((79, 40), bin(false), 0).bin, None);
        assert_eq!(Screen::new((79, 40), bin(true), 0).bin, Some(Rect::new(45, 1, 34, 37)));
        assert_eq!(Screen::new((60, 40), bin(true), 0).page, Rect::new(0, 1, 30, 37));
        assert!(Screen::new((39, 40), bin(false), 0).too_small);
    }

    #[test]
    fn b_hides_the_bin_and_an_empty_one_is_narrow() {
        let hidden = BinPane { shown: false, focused: true, empty: false, wants: 60 };
        assert_eq!(Screen::new((120, 40), hidden, 0).bin, None);
        assert_eq!(Screen::new((120, 40), hidden, 0).page, Rect::new(0, 1, 120, 37));
        let empty = BinPane { shown: true, focused: false, empty: true, wants: 60 };
        assert_eq!(Screen::new((80, 24), empty, 0).bin, Some(Rect::new(65, 1, 15, 21)));
    }

    #[test]
    fn the_bin_takes_the_columns_the_page_leaves_as_far_as_its_rows_want() {
        let wants = |wants| BinPane { shown: true, focused: false, empty: false, wants };
        // The page wants 228 of 300 columns: the bin may grow from 34 to 72.
        assert_eq!(Screen::new((300, 80), wants(50), 228).bin, Some(Rect::new(250, 1, 50, 77)));
        assert_eq!(Screen::new((300, 80), wants(90), 228).bin, Some(Rect::new(228, 1, 72, 77)));
        assert_eq!(Screen::new((300, 80), wants(20), 228).bin, Some(Rect::new(266, 1, 34, 77)));
        // A page wanting all the width leaves the bin at 34.
        assert_eq!(Screen::new((120, 40), wants(90), 228).bin, Some(Rect::new(86, 1, 34, 37)));
    }

    #[test]
    fn under_the_column_numbers_and_free_lines_the_page_starts() {
        let s = Screen::new((200, 60), bin(false), 0);
        let grid = Grid::broadsheet();
        let view = PageView { zoom: Zoom::Text, scroll_row: 0, scroll_x: 0, lines: 100 };
        // Row 1 holds the column numbers, row 2 the free lines, row 3 line 1.
        assert_eq!(s.page_cell(&grid, view, (10, 2)), None);
        assert_eq!(s.page_cell(&grid, view, (10, 3)), Some((1, 1..2)));
        // Page cell 0 is screen cell 6; a column and its gutter are 28 cells.
        assert_eq!(s.page_cell(&grid, view, (6 + 28 * 3 + 2, 12)), Some((4, 10..11)));
    }

    #[test]
    fn a_click_in_the_bin_is_the_entry_drawn_there() {
        let s = Screen::new((120, 40), bin(false), 0);
        // Two rows an entry under the head row; 18 entries fit in 37 rows.
        assert_eq!(s.bin_window(0), (0, 18));
        assert_eq!(s.bin_hit(100, 2, 0, 7), Some(0));
        assert_eq!(s.bin_hit(100, 5, 0, 7), Some(1));
        assert_eq!(s.bin_hit(100, 1, 0, 7), None, "the head row");
        assert_eq!(s.bin_hit(80, 5, 0, 7), None, "left of the bin");
        assert_eq!(s.bin_hit(100, 20, 0, 7), None, "below the last entry");
        // With the cursor at entry 30 the list has scrolled: the first row shows entry 13.
        assert_eq!(s.bin_hit(100, 2, 30, 40), Some(13));
    }
}
