//! The text zoom: the page at 1:1, every set line at its row and cell, line numbers on the
//! left, column numbers on top, the foot as a rule, a fit badge on each box.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::Widget;

use super::{Glyphs, Header, Theme, badge_short, badge_sign, badge_text, draw_ruler, edge_glyphs, glyphs};
use crate::tui::cells::{Widths, put_clipped, put_text};
use crate::tui::screen::{PageView, RULER_WIDTH, page_rows, page_x0, page_y0};
use pasteup_core::catalogue::{Chrome, Render, UiLang};
use pasteup_core::fit::punctuation::hung_form;
use pasteup_core::fit::width::str_cells;
use pasteup_core::layout::{Makeup, ResolvedBox};
use pasteup_core::model::Grid;
use pasteup_core::proof::page::{ProofBox, Role, column_x, page_cells, proof_boxes};
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// The page shown at 1:1, drawn into the page view's area.
pub struct TextZoom<'a> {
    pub makeup: &'a Makeup,
    pub grid: &'a Grid,
    /// The page's boxes, resolved once for the frame.
    pub boxes: &'a [ResolvedBox],
    pub view: PageView,
    /// The selected box: its item and part.
    pub selected: Option<(&'a str, u32)>,
    /// Widths of the page's text, and of the editor's own.
    pub widths: Widths,
    pub lang: UiLang,
    pub chrome: Widths,
    pub theme: Theme,
    /// The header's free lines per column, in the interface language.
    pub header: Header<'a>,
}

/// Where page cells land on the screen: page cell −1 is the left margin, where a box in
/// column 1 shows its edge; cells right of the view are not in sight.
struct Cells {
    x0: i64,
    left: u16,
    right: u16,
}

impl Cells {
    fn at(&self, cell: i64) -> Option<u16> {
        let x = self.x0 + cell;
        (x >= i64::from(self.left) - 1 && x < i64::from(self.right)).then_some(x as u16)
    }
}

impl Widget for &TextZoom<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (grid, theme) = (self.grid, self.theme);
        let g = glyphs(self.widths.terminal);
        let cells = Cells {
            x0: i64::from(page_x0(area)) - i64::from(self.view.scroll_x),
            left: page_x0(area),
            right: area.right().saturating_sub(1),
        };
        // A column cut by the view's left or right edge has its number and free lines over the
        // part in sight (found from outside: they were left out, or the number was and its
        // free lines were not).
        draw_ruler(area, (grid.columns, self.header), buf, (theme, self.chrome, self.lang), &|c| {
            let start = cells.x0 + i64::from(column_x(grid, c));
            let end = (start + i64::from(grid.column_width) * 2).min(i64::from(cells.right));
            let x = start.max(i64::from(cells.left));
            (x < end).then(|| (x as u16, (end - x) as u16))
        });
        let first = self.view.scroll_row;
        let rows = u32::from(page_rows(area));
        let proof = proof_boxes(self.makeup, grid, self.boxes, first..first + rows);
        let last_line = proof.iter().map(|b| b.row + b.rows).max().unwrap_or(0).max(grid.depth);
        for r in 0..rows {
            let line = first + r + 1;
            let y = page_y0(area) + r as u16;
            if line > last_line + 1 {
                break;
            }
            self.draw_margin(line, y, area, &cells, buf, &g);
        }
        for b in &proof {
            let is_selected = self.selected == Some((b.placed.item.as_str(), b.placed.part));
            self.draw_box(area, buf, (b, &proof), is_selected, &cells, &g);
        }
    }
}

impl TextZoom<'_> {
    /// The line number of a row, the foot rule, and the column rules in the gutters (boxes
    /// drawn next cover them).
    fn draw_margin(&self, line: u32, y: u16, area: Rect, cells: &Cells, buf: &mut Buffer, g: &Glyphs) {
        let (grid, theme) = (self.grid, self.theme);
        let over = line > grid.depth;
        let number = if line == grid.depth + 1 { Chrome::RulerFoot.render(self.lang) } else { format!("{line:>4} ") };
        let style = if over { theme.fg(Color::Red) } else { theme.fg(Color::DarkGray) };
        put_text(buf, area.x, y, RULER_WIDTH, &number, style, self.widths);
        if line == grid.depth + 1 {
            for cell in 0..page_cells(grid) {
                if let Some(x) = cells.at(i64::from(cell)) {
                    buf[(x, y)].set_symbol(g.h).set_style(theme.fg(Color::Red));
                }
            }
            return;
        }
        for c in 1..grid.columns {
            let rule = column_x(grid, c) + u32::from(grid.column_width) * 2 + u32::from(grid.gutter);
            if let Some(x) = cells.at(i64::from(rule) - 1) {
                buf[(x, y)].set_symbol(":").set_style(theme.fg(Color::DarkGray));
            }
        }
    }

    fn draw_box(
        &self,
        area: Rect,
        buf: &mut Buffer,
        (b, page): (&ProofBox, &[ProofBox]),
        selected: bool,
        cells: &Cells,
        g: &Glyphs,
    ) {
        let theme = self.theme;
        let to_screen = |cell: u32| cells.at(i64::from(cell));
        let first = self.view.scroll_row;
        let visible = |row: u32| row >= first && row < first + u32::from(page_rows(area));
        let screen_y = |row: u32| page_y0(area) + (row - first) as u16;
        let tint = theme.tint(selected);
        let edge = theme.edge(selected);
        for row in b.row..b.row + b.rows.max(1) {
            if !visible(row) {
                continue;
            }
            let y = screen_y(row);
            for cell in b.x..b.x + b.cells {
                if let Some(x) = to_screen(cell) {
                    buf[(x, y)].set_symbol(" ").set_style(tint);
                }
            }
            let (l, r) = edge_glyphs(row - b.row, b.rows.max(1), selected, g);
            if let Some(x) = cells.at(i64::from(b.x) - 1) {
                buf[(x, y)].set_symbol(l).set_style(edge);
            }
            if let Some(x) = to_screen(b.x + b.cells) {
                buf[(x, y)].set_symbol(r).set_style(edge);
            }
        }
        // A line is clipped at the view's left edge as at its right (found from outside: a
        // line starting left of a view scrolled sideways was left out, and the box showed
        // blank); it ends at the box's right edge or the view's.
        let box_end = (cells.x0 + i64::from(b.x + b.cells)).clamp(0, i64::from(cells.right)) as u16;
        for run in &b.runs {
            if !visible(run.row) {
                continue;
            }
            let style = tint.patch(role_style(run.role, theme));
            let x = cells.x0 + i64::from(run.x);
            put_clipped(buf, x, screen_y(run.row), (cells.left, box_end), &run.text, style, self.widths);
            // A mark hung past the box's right edge (grid `hanging`) stands on the frame in its
            // one-cell form, as in the text export (found from outside: it was not drawn).
            if run.x + run.cells > b.x + b.cells
                && let Some(form) = run.text.graphemes(true).next_back().and_then(hung_form)
                && let Some(x) = to_screen(b.x + b.cells)
            {
                buf[(x, screen_y(run.row))].set_symbol(form.encode_utf8(&mut [0; 4])).set_style(style);
            }
        }
        self.draw_badge(area, buf, (b, page), selected, cells);
    }

    /// The fit badge at the box's top right, where it covers no copy (`badge_spot`). A box whose
    /// right edge is out of sight has it whole at the view's right edge (found from outside: a
    /// box one cell wider than the view showed `fit` cut to `fi`, `合` alone).
    fn draw_badge(
        &self,
        area: Rect,
        buf: &mut Buffer,
        (b, page): (&ProofBox, &[ProofBox]),
        selected: bool,
        cells: &Cells,
    ) {
        let theme = self.theme;
        let first = self.view.scroll_row;
        let visible = |row: u32| row >= first && row < first + u32::from(page_rows(area));
        let screen_y = |row: u32| page_y0(area) + (row - first) as u16;
        let in_sight = i64::from(cells.right) - cells.x0;
        let end = match u32::try_from(in_sight) {
            Ok(view_end) if view_end < b.x + b.cells => view_end,
            _ => b.x + b.cells,
        };
        let wide = self.widths.page_ambiguous_wide;
        let room = end.saturating_sub(b.x);
        let badge = [badge_text(&b.placed, self.lang), badge_short(&b.placed)]
            .into_iter()
            .map(|text| format!(" {text} "))
            .find(|badge| str_cells(badge, wide) <= room)
            .unwrap_or_else(|| badge_short(&b.placed));
        let start = end.saturating_sub(str_cells(&badge, wide)).max(b.x);
        let fit = theme.fit(&b.placed.fit, b.placed.over_foot);
        let (row, style) = match badge_spot(b, page, start..end, self.grid.depth, &visible) {
            Spot::Inside(row) => (row, theme.tint(selected).patch(fit)),
            Spot::Outside(row) => (row, fit),
            Spot::Edge(row) => {
                // Past the view's right edge the sign stands in the view's margin cell.
                let x = (cells.x0 + i64::from(b.x + b.cells)).min(i64::from(cells.right));
                if visible(row) && x >= i64::from(cells.left) {
                    let style = theme.edge(selected).patch(fit);
                    buf[(x as u16, screen_y(row))].set_symbol(badge_sign(&b.placed)).set_style(style);
                }
                return;
            }
        };
        let (x, right) = (cells.x0 + i64::from(start), cells.x0 + i64::from(end));
        if visible(row) && x < i64::from(cells.right) && right > i64::from(cells.left) {
            let right = right.clamp(0, i64::from(u16::MAX)) as u16;
            put_clipped(buf, x, screen_y(row), (cells.left, right), &badge, style, self.widths);
        }
    }
}

/// Where a box's fit badge stands.
enum Spot {
    /// On a row of the box whose text leaves its cells free.
    Inside(u32),
    /// On the page row just under or just over the box.
    Outside(u32),
    /// As its one-cell sign on the box's right edge, at this row.
    Edge(u32),
}

/// The badge covers no copy (found from outside: a box with no row free for it, a one-row box
/// or a narrow one full of Chinese, had it over its first row, the headline's end or all of it
/// hidden): a row of the box free in the badge's `cells`, else the page row just under the box
/// where no other box stands in them, else the one just over it (where no box ending just over
/// that may stand its own badge), either in sight; else the sign on the right edge, on the
/// first row no hung mark stands on.
fn badge_spot(b: &ProofBox, page: &[ProofBox], cells: Range<u32>, depth: u32, visible: &dyn Fn(u32) -> bool) -> Spot {
    let rows = b.row..b.row + b.rows.max(1);
    let text_clear =
        |row: u32| !b.runs.iter().any(|r| r.row == row && r.role != Role::Picture && r.x + r.cells > cells.start);
    if let Some(row) = rows.clone().find(|&r| text_clear(r)) {
        return Spot::Inside(row);
    }
    // Another box's frame stands a cell either side of its text.
    let others =
        || page.iter().filter(|o| !std::ptr::eq(*o, b) && o.x < cells.end + 1 && cells.start < o.x + o.cells + 1);
    let clear = |row: u32| !others().any(|o| (o.row..o.row + o.rows.max(1)).contains(&row));
    let on_page = |row: u32| row < depth && visible(row);
    let under = rows.end;
    if on_page(under) && clear(under) {
        return Spot::Outside(under);
    }
    if let Some(over) = b.row.checked_sub(1)
        && on_page(over)
        && clear(over)
        && !others().any(|o| o.row + o.rows.max(1) == over)
    {
        return Spot::Outside(over);
    }
    let hung = |row: u32| b.runs.iter().any(|r| r.row == row && r.x + r.cells > b.x + b.cells);
    Spot::Edge(rows.into_iter().find(|&r| !hung(r)).unwrap_or(b.row))
}

fn role_style(role: Role, theme: Theme) -> Style {
    match role {
        Role::Headline => theme.fg(Color::White).add_modifier(Modifier::BOLD),
        Role::Kicker | Role::Subhead | Role::Title => Style::default().add_modifier(Modifier::BOLD),
        Role::Caption | Role::Credit | Role::Signer | Role::Date => theme.fg(Color::Gray),
        Role::Picture | Role::Rule => theme.fg(Color::DarkGray),
        Role::Body => Style::default(),
    }
}
