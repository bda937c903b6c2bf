//! Drawing the editor: `impl Widget for &App`, so drawing cannot change state. The page is
//! drawn from the fit engine's own set lines (never ratatui's wrapping, which breaks CJK
//! rules), cell by cell through [`super::cells`].

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::Widget;

use super::app::{App, Overlay, Tone, Zoom};
use super::cells::{AmbiWidth, Widths, fill, put_text};
use super::keys::{Focus, help_lines, key_hints};
use super::screen::{MIN_HEIGHT, MIN_WIDTH, PlanScale, RULER_WIDTH, Screen};
use pasteup_core::catalogue::{Chrome, Question, Render};
use pasteup_core::fit::Fit;
use pasteup_core::fit::width::str_cells;
use pasteup_core::model::Depth;
use pasteup_core::proof::page::{ProofBox, Role, column_x, page_cells, page_proof_rows};

/// Colours, or none at all when `NO_COLOR` is set (the selection is then marked by `>` `<`
/// characters and bold, which need no colour).
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    pub fn from_env() -> Theme {
        Theme { color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) }
    }

    fn fg(self, c: Color) -> Style {
        if self.color { Style::default().fg(c) } else { Style::default() }
    }

    fn bg(self, c: Color) -> Style {
        if self.color { Style::default().bg(c) } else { Style::default() }
    }

    fn bar(self) -> Style {
        if self.color { Style::default().fg(Color::Black).bg(Color::Gray) } else { Style::default() }
    }

    fn fit(self, fit: &Fit, over_foot: bool) -> Style {
        let c = if fit.is_overset() || over_foot {
            Color::Red
        } else if fit.lines() > 0 {
            Color::Yellow
        } else {
            Color::Green
        };
        self.fg(c).add_modifier(Modifier::BOLD)
    }
}

/// Frame characters: box drawing where the terminal draws them one cell wide, ASCII where
/// it draws them two (they are East Asian Ambiguous).
struct Glyphs {
    v: &'static str,
    h: &'static str,
    corner: [&'static str; 4],
}

fn glyphs(ambi: AmbiWidth) -> Glyphs {
    match ambi {
        AmbiWidth::Single => Glyphs { v: "│", h: "─", corner: ["┌", "┐", "└", "┘"] },
        AmbiWidth::Double => Glyphs { v: "|", h: "-", corner: ["+", "+", "+", "+"] },
    }
}

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let screen = Screen::new((area.width, area.height), self);
        if screen.too_small {
            draw_too_small(area, buf);
            return;
        }
        let theme = Theme::from_env();
        draw_title(self, &screen, buf, theme);
        match self.zoom {
            Zoom::Text => draw_text_zoom(self, &screen, buf, theme),
            Zoom::Plan => draw_plan_zoom(self, &screen, buf, theme),
        }
        if let Some(bin) = screen.bin {
            draw_bin(self, &screen, bin, buf, theme);
        }
        draw_inspector(self, &screen, buf, theme);
        draw_status(self, &screen, buf, theme);
        draw_overlay(self, &screen, buf, theme);
    }
}

/// Below the smallest usable size: say so, in as much of the message as fits.
fn draw_too_small(area: Rect, buf: &mut Buffer) {
    let size = format!("{}x{}", area.width, area.height);
    let need = format!("need {MIN_WIDTH}x{MIN_HEIGHT}");
    let lines: Vec<String> = if area.width >= 40 {
        vec![format!("pasteup: the terminal is {size}; it needs at least {MIN_WIDTH}x{MIN_HEIGHT}")]
    } else {
        vec!["too small".into(), size, need]
    };
    let widths = super::cells::Widths { page_ambiguous_wide: false, terminal: AmbiWidth::Single };
    for (k, line) in lines.iter().enumerate().take(area.height as usize) {
        put_text(buf, area.x, area.y + k as u16, area.width, line, Style::default(), widths);
    }
}

fn draw_title(app: &App, s: &Screen, buf: &mut Buffer, theme: Theme) {
    let issue = app.makeup.issue();
    fill(buf, 0, s.title.y, s.title.width, " ", theme.bar());
    let page = issue.pages.get(app.page);
    let section = page.and_then(|p| p.section.as_deref()).map(|t| format!(" {t}")).unwrap_or_default();
    let zoom = if app.zoom == Zoom::Text { "text" } else { "plan" };
    let dirty = if app.is_dirty() { " | * unsaved" } else { "" };
    let text = format!(
        " pasteup | {} {} | page {} ({}/{}){section} | {zoom}{dirty}",
        issue.paper,
        issue.date,
        app.page_number(),
        app.page + 1,
        issue.pages.len()
    );
    put_text(buf, 0, s.title.y, s.title.width, &text, theme.bar().add_modifier(Modifier::BOLD), app.chrome());
}

/// The column numbers over the page, and under each its free lines, centred over the column.
fn draw_ruler(app: &App, s: &Screen, buf: &mut Buffer, theme: Theme, x_of: &dyn Fn(u16) -> Option<(u16, u16)>) {
    let Some(page) = app.makeup.issue().pages.get(app.page) else { return };
    let y = s.page.y;
    let chrome = app.chrome();
    put_text(buf, s.page.x, y, RULER_WIDTH, " line", theme.fg(Color::DarkGray), chrome);
    put_text(buf, s.page.x, y + 1, RULER_WIDTH, &Chrome::RulerFree.render(app.lang), theme.fg(Color::DarkGray), chrome);
    let free = app.makeup.free_lines(page.number);
    for c in 1..=page.grid.columns {
        let Some((x, w)) = x_of(c) else { continue };
        let number = theme.fg(Color::Cyan).add_modifier(Modifier::BOLD);
        centred(buf, s, (x, w, y), &c.to_string(), number, chrome);
        let lines = free.get(usize::from(c) - 1).copied().unwrap_or(0);
        let words = Chrome::FreeLines { lines }.render(app.lang);
        let label =
            if str_cells(&words, chrome.page_ambiguous_wide) <= u32::from(w) { words } else { lines.to_string() };
        let style = if lines == 0 { theme.fg(Color::DarkGray) } else { theme.fg(Color::Green) };
        centred(buf, s, (x, w, y + 1), &label, style, chrome);
    }
}

/// `text` centred in `w` cells from `x` on row `y`, if it fits on the page view.
fn centred(buf: &mut Buffer, s: &Screen, (x, w, y): (u16, u16, u16), text: &str, style: Style, chrome: Widths) {
    let cells = str_cells(text, chrome.page_ambiguous_wide) as u16;
    let at = x + w.saturating_sub(cells) / 2;
    if at + cells <= s.page.right() {
        put_text(buf, at, y, cells, text, style, chrome);
    }
}

fn draw_text_zoom(app: &App, s: &Screen, buf: &mut Buffer, theme: Theme) {
    let Some(page) = app.makeup.issue().pages.get(app.page) else { return };
    let grid = &page.grid;
    let g = glyphs(app.widths.terminal);
    let x0 = i64::from(s.page_x0()) - i64::from(app.scroll_x);
    let (left, right) = (s.page_x0(), s.page.right().saturating_sub(1));
    // Page cell −1 is the left margin, where a box in column 1 shows its edge.
    let to_screen = |cell: i64| -> Option<u16> {
        let x = x0 + cell;
        (x >= i64::from(left) - 1 && x < i64::from(right)).then_some(x as u16)
    };
    draw_ruler(app, s, buf, theme, &|c| {
        let x = to_screen(i64::from(column_x(grid, c)))?;
        Some((x, (u32::from(grid.column_width) * 2) as u16))
    });
    let rows = u32::from(s.page_rows());
    let boxes = page_proof_rows(&app.makeup, page.number, app.scroll_row..app.scroll_row + rows);
    let last_line = boxes.iter().map(|b| b.row + b.rows).max().unwrap_or(0).max(grid.depth);
    let selected = app.selection().map(|p| p.item);
    for r in 0..rows {
        let line = app.scroll_row + r + 1;
        let y = s.page_y0() + r as u16;
        if line > last_line + 1 {
            break;
        }
        let over = line > grid.depth;
        let number = if line == grid.depth + 1 { " foot".to_string() } else { format!("{line:>4} ") };
        let style = if over { theme.fg(Color::Red) } else { theme.fg(Color::DarkGray) };
        put_text(buf, s.page.x, y, RULER_WIDTH, &number, style, app.widths);
        if line == grid.depth + 1 {
            for cell in 0..page_cells(grid) {
                if let Some(x) = to_screen(i64::from(cell)) {
                    buf[(x, y)].set_symbol(g.h).set_style(theme.fg(Color::Red));
                }
            }
            continue;
        }
        // Column rules stand in the gutters; boxes drawn next cover them.
        for c in 1..grid.columns {
            let rule = column_x(grid, c) + u32::from(grid.column_width) * 2 + u32::from(grid.gutter);
            if let Some(x) = to_screen(i64::from(rule) - 1) {
                buf[(x, y)].set_symbol(":").set_style(theme.fg(Color::DarkGray));
            }
        }
    }
    for b in &boxes {
        let is_selected = selected.as_deref() == Some(b.placed.item.as_str());
        draw_box_text(app, s, buf, theme, b, is_selected, &to_screen, right, &g);
    }
}

#[allow(clippy::too_many_arguments)]
fn draw_box_text(
    app: &App,
    s: &Screen,
    buf: &mut Buffer,
    theme: Theme,
    b: &ProofBox,
    selected: bool,
    raw: &dyn Fn(i64) -> Option<u16>,
    view_right: u16,
    g: &Glyphs,
) {
    let to_screen = |cell: u32| raw(i64::from(cell));
    let first = app.scroll_row;
    let visible = |row: u32| row >= first && row < first + u32::from(s.page_rows());
    let screen_y = |row: u32| s.page_y0() + (row - first) as u16;
    let tint = if selected { theme.bg(Color::Indexed(24)) } else { theme.bg(Color::Indexed(235)) };
    let edge = if selected { theme.fg(Color::Cyan).add_modifier(Modifier::BOLD) } else { theme.fg(Color::DarkGray) };
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
        if let Some(x) = raw(i64::from(b.x) - 1) {
            buf[(x, y)].set_symbol(l).set_style(edge);
        }
        if let Some(x) = to_screen(b.x + b.cells) {
            buf[(x, y)].set_symbol(r).set_style(edge);
        }
    }
    for run in &b.runs {
        if !visible(run.row) {
            continue;
        }
        let Some(x) = to_screen(run.x) else { continue };
        let limit = to_screen(b.x + b.cells - 1).map_or(view_right, |end| end + 1);
        put_text(
            buf,
            x,
            screen_y(run.row),
            limit.saturating_sub(x),
            &run.text,
            tint.patch(role_style(run.role, theme)),
            app.widths,
        );
    }
    // The fit badge stands at the box's top right, on the first row whose text leaves room
    // for it (a full-width headline would otherwise lose its last characters).
    let badge = format!(" {} ", badge_text(&b.placed.fit, b.placed.over_foot));
    let end = b.x + b.cells;
    let start = end.saturating_sub(badge.len() as u32).max(b.x);
    let free = |row: u32| !b.runs.iter().any(|r| r.row == row && r.role != Role::Picture && r.x + r.cells > start);
    let row = (b.row..b.row + b.rows.max(1)).find(|&r| free(r)).unwrap_or(b.row);
    if visible(row)
        && let Some(x) = to_screen(start)
    {
        let style = tint.patch(theme.fit(&b.placed.fit, b.placed.over_foot));
        put_text(buf, x, screen_y(row), (end - start) as u16, &badge, style, app.widths);
    }
}

/// A box's edge in the gutter: corners on its first and last rows; `>` `<` mark the selected
/// box without colour.
fn edge_glyphs(row: u32, rows: u32, selected: bool, g: &Glyphs) -> (&'static str, &'static str) {
    if selected {
        return (">", "<");
    }
    match (row == 0, row + 1 == rows) {
        (true, _) => (g.corner[0], g.corner[1]),
        (_, true) => (g.corner[2], g.corner[3]),
        _ => (g.v, g.v),
    }
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

pub fn badge_text(fit: &Fit, over_foot: bool) -> String {
    if over_foot { format!("{} past foot", fit.badge()) } else { fit.badge() }
}

fn draw_plan_zoom(app: &App, s: &Screen, buf: &mut Buffer, theme: Theme) {
    let Some(page) = app.makeup.issue().pages.get(app.page) else { return };
    let scale = PlanScale::new(&page.grid, s.page);
    let x0 = s.page.x + RULER_WIDTH;
    draw_ruler(app, s, buf, theme, &|c| {
        let x = x0 + scale.x(c);
        (x < s.page.right()).then_some((x, scale.column))
    });
    let rows = s.page_rows();
    let foot_row = scale.row(page.grid.depth + 1);
    for r in 0..rows {
        let y = s.page_y0() + r;
        let line = u32::from(r) * scale.lines_per_row + 1;
        if r % 5 == 0 || u32::from(r) == foot_row {
            let label = if u32::from(r) == foot_row { " foot".to_string() } else { format!("{line:>4} ") };
            put_text(buf, s.page.x, y, RULER_WIDTH, &label, theme.fg(Color::DarkGray), app.chrome());
        }
    }
    let g = glyphs(app.chrome().terminal);
    if u32::from(rows) > foot_row {
        let y = s.page_y0() + foot_row as u16;
        for x in x0..(x0 + scale.width(page.grid.columns)).min(s.page.right()) {
            buf[(x, y)].set_symbol(g.h).set_style(theme.fg(Color::Red));
        }
    }
    let selected = app.selection().map(|p| p.item);
    for b in app.makeup.resolved(page.number) {
        let top = scale.row(b.line);
        let bottom = scale.row(b.line + b.box_depth.max(1) - 1);
        let rect =
            Rect::new(x0 + scale.x(b.column), s.page_y0() + top as u16, scale.width(b.span), (bottom - top + 1) as u16);
        let rect = rect.intersection(Rect::new(s.page.x, s.page_y0(), s.page.width, rows));
        if rect.is_empty() {
            continue;
        }
        let is_selected = selected.as_deref() == Some(b.item.as_str());
        let title = app.makeup.issue().item(&b.item).map(|i| i.title().to_string()).unwrap_or_default();
        draw_plan_box(app, buf, theme, rect, &g, is_selected, &title, &b.fit, b.over_foot, &b.item, b.depth);
    }
}

#[allow(clippy::too_many_arguments)]
fn draw_plan_box(
    app: &App,
    buf: &mut Buffer,
    theme: Theme,
    r: Rect,
    g: &Glyphs,
    selected: bool,
    title: &str,
    fit: &Fit,
    over_foot: bool,
    id: &str,
    depth: Depth,
) {
    let tint = if selected { theme.bg(Color::Indexed(24)) } else { theme.bg(Color::Indexed(235)) };
    let edge = if selected { theme.fg(Color::Cyan).add_modifier(Modifier::BOLD) } else { theme.fg(Color::DarkGray) };
    for y in r.top()..r.bottom() {
        fill(buf, r.x, y, r.width, " ", tint);
        let (l, rt) = edge_glyphs(u32::from(y - r.top()), u32::from(r.height), selected, g);
        buf[(r.x, y)].set_symbol(l).set_style(edge);
        buf[(r.right() - 1, y)].set_symbol(rt).set_style(edge);
    }
    let inner = r.width.saturating_sub(2);
    put_text(buf, r.x + 1, r.y, inner, title, tint.add_modifier(Modifier::BOLD), app.chrome());
    let depth = match depth {
        Depth::Auto => String::new(),
        Depth::Fixed(n) => format!(" [{n}]"),
    };
    let badge = format!("{}{depth}", badge_text(fit, over_foot));
    let row = if r.height > 1 { r.y + 1 } else { r.y };
    if r.height > 1 {
        put_text(buf, r.x + 1, row, inner, &badge, tint.patch(theme.fit(fit, over_foot)), app.chrome());
    }
    if r.height > 2 {
        put_text(buf, r.x + 1, r.y + 2, inner, id, tint.patch(theme.fg(Color::Gray)), app.chrome());
    }
}

fn draw_bin(app: &App, s: &Screen, r: Rect, buf: &mut Buffer, theme: Theme) {
    let g = glyphs(app.chrome().terminal);
    for y in r.top()..r.bottom() {
        fill(buf, r.x, y, r.width, " ", Style::default());
        buf[(r.x, y)].set_symbol(g.v).set_style(theme.fg(Color::DarkGray));
    }
    let entries = app.makeup.bin_entries();
    let focused = app.focus == Focus::Bin;
    let head = format!(
        " bin: {} item{}{}",
        entries.len(),
        if entries.len() == 1 { "" } else { "s" },
        if focused { " [Tab]" } else { "" }
    );
    let head_style = if focused {
        theme.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    } else {
        Style::default().add_modifier(Modifier::BOLD)
    };
    put_text(buf, r.x + 1, r.y, r.width - 1, &head, head_style, app.chrome());
    let (first, rows) = s.bin_window(app.bin_cursor);
    for (k, e) in entries.iter().enumerate().skip(first).take(rows) {
        let y = r.y + 1 + ((k - first) * 2) as u16;
        let here = k == app.bin_cursor;
        let style =
            if here && focused { theme.bg(Color::Indexed(24)).add_modifier(Modifier::BOLD) } else { Style::default() };
        let mark = if here && focused {
            ">"
        } else if here {
            "-"
        } else {
            " "
        };
        fill(buf, r.x + 1, y, r.width - 1, " ", style);
        put_text(buf, r.x + 1, y, 2, mark, style, app.chrome());
        put_text(buf, r.x + 3, y, r.width.saturating_sub(3), &e.title, style, app.chrome());
        // The span and depth the item will have on this page, as Enter will place it.
        let (span, lines) = app.makeup.bin_fit(app.page_number(), &e.id).unwrap_or((1, e.lines));
        let info = Chrome::BinInfo { kind: e.kind, chars: e.chars, span, lines }.render(app.lang);
        put_text(buf, r.x + 3, y + 1, r.width.saturating_sub(3), &info, theme.fg(Color::DarkGray), app.chrome());
    }
}

fn draw_inspector(app: &App, s: &Screen, buf: &mut Buffer, theme: Theme) {
    let number = app.page_number();
    let boxes = app.makeup.resolved(number);
    let mut text = String::new();
    let mut style = Style::default();
    if app.focus == Focus::Bin {
        if let Some(e) = app.makeup.bin_entries().get(app.bin_cursor) {
            text = format!(
                " {} · in the bin · {} chars · {} lines at one column · Enter places it",
                e.id, e.chars, e.lines
            );
        }
    } else if let Some(b) = app.selection().and_then(|p| boxes.iter().find(|b| b.item == p.item)) {
        let depth = match b.depth {
            Depth::Auto => "auto".to_string(),
            Depth::Fixed(n) => format!("fixed {n}"),
        };
        text = format!(
            " {} · {} · lines {}–{} · depth {depth} · needs {} · {}",
            b.item,
            pasteup_core::report::columns_label(b.column, b.span),
            b.line,
            b.line + b.box_depth.max(1) - 1,
            b.fit.depth_needed,
            pasteup_core::report::fit_label(&b.fit)
        );
        style = theme.fit(&b.fit, b.over_foot);
    }
    if let Some(p) = app.makeup.page_summary(number) {
        text.push_str(&format!(
            "  |  page {number}: {} used, {} free, fit {:+}, {} overset, {} past foot",
            p.used,
            p.free,
            p.fit_lines,
            p.overset.len(),
            p.over_foot.len()
        ));
    }
    fill(buf, 0, s.inspector.y, s.inspector.width, " ", Style::default());
    put_text(buf, 0, s.inspector.y, s.inspector.width, &text, style, app.chrome());
}

fn draw_status(app: &App, s: &Screen, buf: &mut Buffer, theme: Theme) {
    fill(buf, 0, s.status.y, s.status.width, " ", theme.bar());
    if app.prompt.open {
        draw_prompt(app, s, buf, theme);
        return;
    }
    let (text, style) = match &app.message {
        Some(m) => {
            let style = match m.tone {
                Tone::Info => theme.bar(),
                Tone::Warning => {
                    if theme.color {
                        Style::default().fg(Color::White).bg(Color::Red).add_modifier(Modifier::BOLD)
                    } else {
                        Style::default().add_modifier(Modifier::BOLD)
                    }
                }
            };
            let mark = if m.tone == Tone::Warning { "! " } else { "" };
            (format!(" {mark}{}", m.status.render(app.lang)), style)
        }
        None => (format!(" {}", key_hints(app.focus, app.lang)), theme.bar()),
    };
    put_text(buf, 0, s.status.y, s.status.width, &text, style, app.chrome());
}

fn draw_overlay(app: &App, s: &Screen, buf: &mut Buffer, theme: Theme) {
    let widths = app.chrome();
    let question = match &app.overlay {
        Overlay::None => return,
        Overlay::Help => None,
        Overlay::ConfirmQuit => Some(Question::QuitUnsaved),
        Overlay::ConfirmOverwrite(change) => Some(Question::Overwrite(change.clone())),
        Overlay::Recovery { file, age_secs } => Some(Question::Recover { file: file.clone(), age_secs: *age_secs }),
        Overlay::TheirLayout { file, merge } => Some(Question::TheirLayout { file: file.clone(), merge: *merge }),
    };
    let (title, lines) = match question {
        Some(q) => (q.title(app.lang), q.lines(app.lang)),
        None => (Chrome::HelpTitle.render(app.lang), help_lines(app.lang, widths.page_ambiguous_wide)),
    };
    let w = lines
        .iter()
        .map(|l| pasteup_core::fit::width::str_cells(l, widths.page_ambiguous_wide) as u16)
        .max()
        .unwrap_or(10)
        + 4;
    let w = w.min(s.area.width);
    let h = (lines.len() as u16 + 2).min(s.area.height);
    let r = Rect::new((s.area.width - w) / 2, (s.area.height - h) / 2, w, h);
    clear_popup(buf, r);
    let g = glyphs(widths.terminal);
    let style = theme.fg(Color::White);
    for y in r.top()..r.bottom() {
        fill(buf, r.x, y, r.width, " ", style);
        let edge = if y == r.top() || y + 1 == r.bottom() { g.h } else { " " };
        fill(buf, r.x + 1, y, r.width.saturating_sub(2), edge, style);
        let (l, rt) = edge_glyphs(u32::from(y - r.top()), u32::from(r.height), false, &g);
        buf[(r.x, y)].set_symbol(l).set_style(style);
        buf[(r.right() - 1, y)].set_symbol(rt).set_style(style);
    }
    put_text(buf, r.x + 2, r.y, w.saturating_sub(4), &format!(" {title} "), style.add_modifier(Modifier::BOLD), widths);
    for (k, line) in lines.iter().enumerate().take(h.saturating_sub(2) as usize) {
        put_text(buf, r.x + 2, r.y + 1 + k as u16, w.saturating_sub(4), line, style, widths);
    }
}

/// Clears a popup's area so that no wide character is left broken at its edges: a wide
/// character starting just left of the popup would draw over its first cell.
pub fn clear_popup(buf: &mut Buffer, r: Rect) {
    use ratatui::buffer::CellDiffOption;
    for y in r.top()..r.bottom() {
        if r.x > buf.area.x {
            let cell = &mut buf[(r.x - 1, y)];
            let wide = matches!(cell.diff_option, CellDiffOption::ForcedWidth(w) if w.get() > 1)
                || unicode_width::UnicodeWidthStr::width(cell.symbol()) > 1;
            if wide {
                cell.set_symbol(" ").set_diff_option(CellDiffOption::None);
            }
        }
        for x in r.left()..r.right() {
            buf[(x, y)].reset();
        }
    }
}

/// The command line in the status row, its cursor in reverse video (and as a `_` without
/// colour), and Tab's candidates in the row above.
fn draw_prompt(app: &App, s: &Screen, buf: &mut Buffer, theme: Theme) {
    let chrome = app.chrome();
    let input = &app.prompt.input;
    let width = usize::from(s.status.width.saturating_sub(2));
    let scroll = input.visual_scroll(width);
    let shown: String = skip_cells(input.value(), scroll, chrome);
    put_text(buf, 0, s.status.y, 1, ":", theme.bar().add_modifier(Modifier::BOLD), chrome);
    put_text(buf, 1, s.status.y, s.status.width.saturating_sub(1), &shown, theme.bar(), chrome);
    let x = 1 + (input.visual_cursor() - scroll).min(width) as u16;
    if x < s.status.width {
        let cell = &mut buf[(x, s.status.y)];
        if cell.symbol() == " " && !theme.color {
            cell.set_symbol("_");
        }
        cell.set_style(Style::default().add_modifier(Modifier::REVERSED));
    }
    if let Some(ids) = app.prompt.completions() {
        let text = Chrome::Completions { ids: ids.to_vec() }.render(app.lang);
        fill(buf, 0, s.inspector.y, s.inspector.width, " ", Style::default());
        put_text(buf, 0, s.inspector.y, s.inspector.width, &format!(" {text}"), theme.fg(Color::Cyan), chrome);
    }
}

/// `text` from its `cells`-th cell on (a wide character cut by the edge is left out).
fn skip_cells(text: &str, cells: usize, chrome: Widths) -> String {
    let mut seen = 0;
    text.chars()
        .skip_while(|c| {
            let skip = seen < cells;
            seen += str_cells(&c.to_string(), chrome.page_ambiguous_wide) as usize;
            skip
        })
        .collect()
}
