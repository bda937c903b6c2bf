//! Where each part of the editor stands on the terminal: one pure function of the terminal
//! size, used by the drawing and by mouse clicks alike.

use ratatui::layout::Rect;

use super::app::{App, Zoom};
use pasteup_core::model::Grid;

/// Below this the editor says so instead of drawing a broken page.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;
/// Width of the line-number gutter left of the page ("  12 ").
pub const RULER_WIDTH: u16 = 5;
/// Width of the bin panel when the terminal is wide enough for it.
pub const BIN_WIDTH: u16 = 34;
/// Width of an empty bin: its head and no more, so the page keeps the width.
pub const EMPTY_BIN_WIDTH: u16 = 15;
/// Rows over the page: the column numbers, then each column's free lines.
pub const HEADER_ROWS: u16 = 2;

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
    pub fn new((w, h): (u16, u16), app: &App) -> Screen {
        let area = Rect::new(0, 0, w, h);
        let too_small = w < MIN_WIDTH || h < MIN_HEIGHT;
        let main_h = h.saturating_sub(3);
        let show_bin = app.show_bin && (w >= 80 || app.focus == super::keys::Focus::Bin);
        let full = if app.makeup.bin().is_empty() { EMPTY_BIN_WIDTH } else { BIN_WIDTH };
        let bin_w = if show_bin { full.min(w / 2) } else { 0 };
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
        self.page.height.saturating_sub(HEADER_ROWS)
    }

    /// The screen row of the first page row (under the column numbers and free lines).
    pub fn page_y0(&self) -> u16 {
        self.page.y + HEADER_ROWS
    }

    /// Cells of page the text zoom shows (a cell of margin each side of the page).
    pub fn page_cols(&self) -> u16 {
        self.page.width.saturating_sub(RULER_WIDTH + 2)
    }

    /// Left edge of page cell 0 on the screen, in the text zoom.
    pub fn page_x0(&self) -> u16 {
        self.page.x + RULER_WIDTH + 1
    }

    /// Rows of the bin list and the first entry shown, keeping the cursor in sight.
    pub fn bin_window(&self, cursor: usize) -> (usize, usize) {
        let rows = self.bin.map_or(0, |b| usize::from(b.height.saturating_sub(1)) / 2);
        let first = cursor.saturating_sub(rows.saturating_sub(1));
        (first, rows)
    }

    /// The bin entry at a screen cell.
    pub fn bin_hit(&self, x: u16, y: u16, app: &App) -> Option<usize> {
        let bin = self.bin?;
        if x < bin.x || y <= bin.y || y >= bin.bottom() {
            return None;
        }
        let (first, _) = self.bin_window(app.bin_cursor);
        let i = first + usize::from(y - bin.y - 1) / 2;
        (i < app.makeup.bin().len()).then_some(i)
    }
}

/// The plan zoom's scale: cells per column and per gutter, and page lines per row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlanScale {
    pub column: u16,
    pub gutter: u16,
    pub lines_per_row: u32,
}

impl PlanScale {
    pub fn new(grid: &Grid, page: Rect) -> PlanScale {
        let cols = grid.columns.max(1);
        let usable = page.width.saturating_sub(RULER_WIDTH + 1);
        let gutter = 1;
        let column = (usable.saturating_sub(gutter * (cols - 1)) / cols).max(3);
        let rows = u32::from(page.height.saturating_sub(HEADER_ROWS)).max(1);
        PlanScale { column, gutter, lines_per_row: grid.depth.div_ceil(rows).max(1) }
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

/// The column and the page lines under a screen cell of the page view (a row of the plan
/// zoom holds several lines).
pub fn page_cell(screen: &Screen, app: &App, x: u16, y: u16) -> Option<(u16, std::ops::Range<u32>)> {
    let page = app.makeup.issue().pages.get(app.page)?;
    let p = screen.page;
    if x < p.x + RULER_WIDTH || x >= p.right() || y < screen.page_y0() || y >= p.bottom() {
        return None;
    }
    let row = u32::from(y - screen.page_y0());
    let (lines, column) = match app.zoom {
        Zoom::Text => {
            let line = row + app.scroll_row + 1;
            let cell = (u32::from(x) + app.scroll_x).checked_sub(u32::from(screen.page_x0()))?;
            let step = 2 * (u32::from(page.grid.column_width) + u32::from(page.grid.gutter));
            (line..line + 1, cell / step.max(1) + 1)
        }
        Zoom::Plan => {
            let scale = PlanScale::new(&page.grid, p);
            let first = row * scale.lines_per_row + 1;
            let cell = u32::from(x - p.x - RULER_WIDTH);
            (first..first + scale.lines_per_row, cell / u32::from(scale.column + scale.gutter).max(1) + 1)
        }
    };
    let column = u16::try_from(column).ok().filter(|&c| c >= 1 && c <= page.grid.columns)?;
    Some((column, lines))
}

/// The placed item under a screen cell of the page view.
pub fn page_hit(screen: &Screen, app: &App, x: u16, y: u16) -> Option<String> {
    let page = app.makeup.issue().pages.get(app.page)?;
    let (column, lines) = page_cell(screen, app, x, y)?;
    let column = u32::from(column);
    app.makeup
        .resolved(page.number)
        .into_iter()
        .find(|b| {
            (u32::from(b.column)..u32::from(b.column + b.span)).contains(&column)
                && b.line < lines.end
                && lines.start < b.line + b.box_depth.max(1)
        })
        .map(|b| b.item)
}
