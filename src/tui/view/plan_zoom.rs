//! The plan zoom: the whole page at a glance, each box a rectangle with its headline, fit
//! badge and id, scaled to the page view.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};
use ratatui::widgets::Widget;

use super::{Glyphs, Header, Theme, badge_text, draw_ruler, edge_glyphs, glyphs};
use crate::tui::cells::{Widths, clip, fill, put_text};
use crate::tui::screen::{PlanScale, RULER_WIDTH, page_lines, page_rows, page_y0, plan_rows};
use pasteup_core::catalogue::{Chrome, Render, UiLang};
use pasteup_core::layout::{Makeup, ResolvedBox};
use pasteup_core::model::{Depth, Grid};

/// The page shown whole, drawn into the page view's area.
pub struct PlanZoom<'a> {
    pub makeup: &'a Makeup,
    pub grid: &'a Grid,
    /// The page's boxes, resolved once for the frame.
    pub boxes: &'a [ResolvedBox],
    /// The selected box: its item and part.
    pub selected: Option<(&'a str, u32)>,
    pub lang: UiLang,
    pub chrome: Widths,
    pub theme: Theme,
    /// The header's free lines per column, in the interface language.
    pub header: Header<'a>,
}

impl Widget for &PlanZoom<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (grid, theme) = (self.grid, self.theme);
        let scale = PlanScale::new(grid, area, page_lines(grid, self.boxes));
        let x0 = area.x + RULER_WIDTH;
        draw_ruler(area, (grid.columns, self.header), buf, (theme, self.chrome, self.lang), &|c| {
            let x = x0 + scale.x(c);
            (x < area.right()).then_some((x, scale.column))
        });
        let rows = page_rows(area);
        let foot_row = scale.row(grid.depth + 1);
        for r in 0..rows {
            let y = page_y0(area) + r;
            let line = u32::from(r) * scale.lines_per_row + 1;
            if r % 5 == 0 || u32::from(r) == foot_row {
                let foot = u32::from(r) == foot_row;
                let label = if foot { Chrome::RulerFoot.render(self.lang) } else { format!("{line:>4} ") };
                put_text(buf, area.x, y, RULER_WIDTH, &label, theme.fg(Color::DarkGray), self.chrome);
            }
        }
        let g = glyphs(self.chrome.terminal);
        if u32::from(rows) > foot_row {
            let y = page_y0(area) + foot_row as u16;
            for x in x0..(x0 + scale.width(grid.columns)).min(area.right()) {
                buf[(x, y)].set_symbol(g.h).set_style(theme.fg(Color::Red));
            }
        }
        // Top down, so that where one box ends and the next begins in the same row, the lower
        // box's top (its headline) is drawn over the upper one's bottom edge.
        // Of boxes whose tops fall in one row (on a short screen many lines make a row), the
        // selected one last (found from outside: at 80×10 the box below covered it).
        let order = plan_rows(self.boxes, &scale, self.selected);
        for (i, &(b, top, bottom)) in order.iter().enumerate() {
            let rect = Rect::new(
                x0 + scale.x(b.column),
                page_y0(area) + top as u16,
                scale.width(b.span),
                (bottom - top + 1) as u16,
            );
            let rect = rect.intersection(Rect::new(area.x, page_y0(area), area.width, rows));
            if rect.is_empty() {
                continue;
            }
            // The rows left in sight once the boxes drawn after it, whose tops fall in its rows
            // in its columns, are drawn over it (found from outside: at 80×24 a short box above
            // another kept only its headline row, its fit badge and id drawn over). The order is
            // by top row: the boxes after its last row are not read.
            let later = order[i + 1..].iter().map(|&(o, t, _)| (o, t)).take_while(|&(_, t)| t <= bottom);
            let covered = later.filter(|(o, t)| *t > top && o.shares_columns(b)).map(|(_, t)| t - top);
            let seen = covered.min();
            let seen = seen.map_or(rect.height, |rows| (rows as u16).min(rect.height));
            self.draw_box(buf, rect, seen, &g, b);
        }
    }
}

impl PlanZoom<'_> {
    /// One box: its rectangle, headline, fit badge (with a fixed depth) and id, in the `seen`
    /// rows of it that stay in sight (the badge before the headline when that is one).
    fn draw_box(&self, buf: &mut Buffer, r: Rect, seen: u16, g: &Glyphs, b: &ResolvedBox) {
        let theme = self.theme;
        let selected = self.selected == Some((b.item.as_str(), b.part));
        // The page editor's own headline where the box has one, as the text zoom shows it.
        let title = match &b.setting.headline {
            Some(own) => own.to_string(),
            None => self.makeup.item_by_id(&b.item).map(|i| i.title().to_string()).unwrap_or_default(),
        };
        let tint = theme.tint(selected);
        let edge = theme.edge(selected);
        for y in r.top()..r.bottom() {
            fill(buf, r.x, y, r.width, " ", tint);
            let (l, rt) = edge_glyphs(u32::from(y - r.top()), u32::from(r.height), selected, g);
            buf[(r.x, y)].set_symbol(l).set_style(edge);
            buf[(r.right() - 1, y)].set_symbol(rt).set_style(edge);
        }
        let inner = r.width.saturating_sub(2);
        let depth = match b.depth {
            Depth::Auto => String::new(),
            Depth::Fixed(n) => format!(" [{n}]"),
        };
        let badge = format!("{}{depth}", badge_text(b, self.lang));
        let badge_style = tint.patch(theme.fit(&b.fit, b.over_foot));
        let bold = tint.add_modifier(Modifier::BOLD);
        // Text cut to the box's width ends in `…`, wide characters whole (found from outside:
        // `┌春运首日铁路发送旅客1280万人 ┐` read as the whole headline).
        let cut = |text: &str, cells: u16| clip(text, u32::from(cells), self.chrome);
        if seen > 1 {
            put_text(buf, r.x + 1, r.y, inner, &cut(&title, inner), bold, self.chrome);
            put_text(buf, r.x + 1, r.y + 1, inner, &cut(&badge, inner), badge_style, self.chrome);
        } else {
            let taken = put_text(buf, r.x + 1, r.y, inner, &cut(&badge, inner), badge_style, self.chrome);
            let rest = inner.saturating_sub(taken + 1);
            put_text(buf, r.x + 2 + taken, r.y, rest, &cut(&title, rest), bold, self.chrome);
        }
        if seen > 2 {
            let id = pasteup_core::catalogue::part_id(&b.item, b.part, self.lang);
            let id = cut(&id, inner);
            put_text(buf, r.x + 1, r.y + 2, inner, &id, tint.patch(theme.fg(Color::Gray)), self.chrome);
        }
    }
}
