//! Drawing the editor: `impl Widget for &App` lays the panes out by [`Screen`](super::screen::Screen) and draws each,
//! a widget of its own over plain data, so drawing cannot change state. The page shown is
//! resolved once a frame and its boxes handed to every pane that draws them. The page is
//! drawn from the fit engine's own set lines (never ratatui's wrapping, which breaks CJK
//! rules), cell by cell through [`super::cells`].
//!
//! - [`text_zoom`]: the page at 1:1; [`plan_zoom`]: the whole page at a glance.
//! - [`bin`]: the items on no page.
//! - [`bars`]: the title, inspector and status rows.
//! - [`popup`]: help, the recovery question and the other questions.

pub mod bars;
pub mod bin;
pub mod help;
pub mod plan_zoom;
pub mod popup;
pub mod text_zoom;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::Widget;

use super::app::App;
use super::cells::{AmbiWidth, Widths, put_text};
use super::keys::Focus;
use super::screen::{MIN_HEIGHT, MIN_WIDTH, RULER_WIDTH, Zoom};
use pasteup_core::catalogue::{Chrome, Label, Render, UiLang};
use pasteup_core::fit::Fit;
use pasteup_core::fit::width::str_cells;
use pasteup_core::layout::PageSummary;

pub use crate::tui::keys::key_hints;
pub use popup::clear_popup;

use bars::{Completions, Inspected, InspectorBar, StatusBar, TitleBar, status_rows};
use bin::BinPane;
use plan_zoom::PlanZoom;
use popup::Popup;
use text_zoom::TextZoom;

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

    /// A box's background: the selected one stands out.
    fn tint(self, selected: bool) -> Style {
        if selected { self.bg(Color::Indexed(24)) } else { self.bg(Color::Indexed(235)) }
    }

    /// A box's edge: the selected one bold and cyan.
    fn edge(self, selected: bool) -> Style {
        if selected { self.fg(Color::Cyan).add_modifier(Modifier::BOLD) } else { self.fg(Color::DarkGray) }
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

/// The box's fit badge, and `past foot` when it reaches past the foot; `no copy` for a later
/// part that holds none of its article's copy.
pub fn badge_text(b: &pasteup_core::layout::ResolvedBox, lang: UiLang) -> String {
    Label::BoxBadge { fit: b.fit, over_foot: b.over_foot, empty: b.set.holds_no_copy() }.render(lang)
}

/// The badge in one cell, for a box with no free row inside, under or over it: `!` past the
/// foot, `-` overset, `+` short, `=` fits, in the badge's colour (ASCII, so that it is one cell
/// on every terminal and under `NO_COLOR` still says the fit).
pub fn badge_sign(b: &pasteup_core::layout::ResolvedBox) -> &'static str {
    if b.over_foot {
        "!"
    } else if b.fit.is_overset() {
        "-"
    } else if b.fit.lines() > 0 {
        "+"
    } else {
        "="
    }
}

/// The badge in a few cells, for a box narrower than its badge: its lines with their sign
/// (`-16`, `+3`; `=` fits) and `!` past the foot, ASCII as [`badge_sign`] is (found from
/// outside: a one-column box at 4 em showed `+31 sho`, cut with nothing to say so, and its
/// being past the foot not at all).
pub fn badge_short(b: &pasteup_core::layout::ResolvedBox) -> String {
    let lines = match b.fit.lines() {
        0 => "=".to_string(),
        n if n > 0 => format!("+{n}"),
        n => n.to_string(),
    };
    format!("{lines}{}", if b.over_foot { "!" } else { "" })
}

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let screen = self.screen_at((area.width, area.height));
        if screen.too_small {
            TooSmall { lang: self.lang }.render(area, buf);
            return;
        }
        let (theme, chrome, lang) = (Theme::from_env(), self.chrome(), self.lang);
        let issue = self.makeup.issue();
        let page = issue.pages.get(self.page);
        // The page is resolved here, once a frame, and its boxes shared by the panes.
        let boxes = self.makeup.resolved(self.page_number());
        let selected = self.selection().map(|p| (p.item, p.part));
        let selected = selected.as_ref().map(|(item, part)| (item.as_str(), *part));
        let unsaved = self.is_dirty();
        let elsewhere = self.elsewhere;
        let title = TitleBar { issue, page: self.page, zoom: self.zoom, unsaved, elsewhere, lang, chrome, theme };
        title.render(screen.title, buf);
        let free = self.makeup.free_lines(self.page_number());
        let header = Header { free: &free, lang: self.lang };
        if let Some(page) = page {
            let grid = &page.grid;
            match self.zoom {
                Zoom::Text => {
                    let (view, widths) = (self.page_view_of(&boxes), self.widths);
                    TextZoom {
                        makeup: &self.makeup,
                        grid,
                        boxes: &boxes,
                        view,
                        selected,
                        widths,
                        lang,
                        chrome,
                        theme,
                        header,
                    }
                    .render(screen.page, buf)
                }
                Zoom::Plan => {
                    PlanZoom { makeup: &self.makeup, grid, boxes: &boxes, selected, lang, chrome, theme, header }
                        .render(screen.page, buf)
                }
            }
        }
        let entries = if screen.bin.is_some() { self.makeup.bin_entries() } else { Vec::new() };
        if let Some(r) = screen.bin {
            let (cursor, window) = (self.bin_cursor, screen.bin_window(self.bin_cursor));
            let focused = self.focus == Focus::Bin;
            // Each entry in sight at the span and depth Enter will place it at on this page.
            let number = self.page_number();
            let fit_of =
                |e: &pasteup_core::layout::BinEntry| self.makeup.bin_fit(number, &e.id).unwrap_or((1, e.lines));
            let fits: Vec<(u16, u32)> = entries.iter().skip(window.0).take(window.1).map(fit_of).collect();
            let lang = self.lang;
            BinPane { entries: &entries, fits: &fits, cursor, window, focused, chrome, theme, lang }.render(r, buf);
        }
        let summary = page.map(|p| PageSummary::new(p.number, &p.grid, &boxes));
        let inspected = match self.focus {
            Focus::Bin => Inspected::Bin(entries.get(self.bin_cursor).map(|e| {
                let fit = self.makeup.bin_fit(self.page_number(), &e.id).unwrap_or((1, e.lines));
                (e, fit)
            })),
            Focus::Page => {
                Inspected::Page(selected.and_then(|(id, part)| boxes.iter().find(|b| b.item == id && b.part == part)))
            }
        };
        let number = self.page_number();
        let cut = match &inspected {
            Inspected::Page(Some(b)) => {
                let cut = pasteup_core::report::cut_of(&self.makeup.issue().items[b.index], &b.set, b.setting.cut);
                (!cut.is_empty()).then(|| (cut.len() as u32, cut.iter().map(|s| s.chars()).sum()))
            }
            _ => None,
        };
        let prompt = self.prompt.open.then_some(&self.prompt);
        let (message, ready, lang) = (self.message.as_ref(), self.ready(), self.lang);
        // A message longer than its row takes the inspector's too, and the page's last row if
        // it must, until the next key.
        let most = if screen.page.height > 4 { 3 } else { 2 };
        let rows = if prompt.is_some() { 1 } else { status_rows(message, lang, screen.status.width, most, chrome) };
        let status = if rows > 1 {
            let top = screen.status.bottom() - rows;
            Rect { y: top, height: rows, ..screen.status }
        } else {
            InspectorBar { inspected, number, summary: summary.as_ref(), cut, chrome, theme, lang }
                .render(screen.inspector, buf);
            screen.status
        };
        let asking = self.overlay != crate::tui::app::Overlay::None;
        StatusBar { message, ready, asking, prompt, chrome, theme, lang }.render(status, buf);
        if let Some((ids, shown)) = prompt.and_then(|p| p.completions()) {
            Completions { ids, shown, chrome, theme, lang }.render(screen.inspector, buf);
        }
        Popup { overlay: &self.overlay, chrome, theme, lang }.render(screen.area, buf);
    }
}

/// Below the smallest usable size: say so, in as much of the message as fits.
struct TooSmall {
    lang: UiLang,
}

impl Widget for TooSmall {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (min_width, min_height, lang) = (MIN_WIDTH, MIN_HEIGHT, self.lang);
        let widths = Widths { page_ambiguous_wide: false, terminal: AmbiWidth::Single };
        let long = Chrome::TooSmall { width: area.width, height: area.height, min_width, min_height }.render(lang);
        let short = [
            Chrome::TooSmallShort.render(lang),
            format!("{}x{}", area.width, area.height),
            Chrome::TooSmallNeed { min_width, min_height }.render(lang),
        ];
        // The whole sentence where it fits; else in three short rows, or one where there are
        // fewer (found from outside: at 40×9 the sentence stopped at "it needs").
        let lines: Vec<String> = if str_cells(&long, false) <= u32::from(area.width) {
            vec![long]
        } else if area.height >= 3 {
            short.to_vec()
        } else {
            vec![short.join(" ")]
        };
        for (k, line) in lines.iter().enumerate().take(area.height as usize) {
            put_text(buf, area.x, area.y + k as u16, area.width, line, Style::default(), widths);
        }
    }
}

/// What the rows over the page show besides the column numbers: each column's free lines.
#[derive(Debug, Clone, Copy)]
pub struct Header<'a> {
    pub free: &'a [u32],
    pub lang: UiLang,
}

/// The column numbers over the page and under them each column's free lines, centred over
/// the column: `x_of` gives a column's left edge on the screen and its width, if in sight.
fn draw_ruler(
    page: Rect,
    (columns, header): (u16, Header<'_>),
    buf: &mut Buffer,
    (theme, chrome, lang): (Theme, Widths, UiLang),
    x_of: &dyn Fn(u16) -> Option<(u16, u16)>,
) {
    let y = page.y;
    let grey = theme.fg(Color::DarkGray);
    put_text(buf, page.x, y, RULER_WIDTH, &Chrome::RulerLine.render(lang), grey, chrome);
    put_text(buf, page.x, y + 1, RULER_WIDTH, &Chrome::RulerFree.render(header.lang), grey, chrome);
    for c in 1..=columns {
        let Some((x, w)) = x_of(c) else { continue };
        let number = theme.fg(Color::Cyan).add_modifier(Modifier::BOLD);
        centred(buf, page, (x, w, y), &c.to_string(), number, chrome);
        let lines = header.free.get(usize::from(c) - 1).copied().unwrap_or(0);
        let words = Chrome::FreeLines { lines }.render(header.lang);
        let cells = |text: &str| str_cells(text, chrome.page_ambiguous_wide) as u16;
        // With a blank cell each side, or the words run into the next column's and the label's.
        let label = |w: u16| if cells(&words) + 2 <= w { words.clone() } else { lines.to_string() };
        let whole = label(w);
        // Centred past the view's edge, it goes in the part of the column in sight (found from
        // outside: a column the bin cut showed its number and no count).
        let in_sight = x + w.saturating_sub(cells(&whole)) / 2 + cells(&whole) <= page.right();
        let seen = if in_sight { w } else { w.min(page.right().saturating_sub(x)) };
        let label = if in_sight { whole } else { label(seen) };
        let style = if lines == 0 { grey } else { theme.fg(Color::Green) };
        centred(buf, page, (x, seen, y + 1), &label, style, chrome);
    }
}

/// `text` centred in `w` cells from `x` on row `y`, if it fits on the page view.
fn centred(buf: &mut Buffer, page: Rect, (x, w, y): (u16, u16, u16), text: &str, style: Style, chrome: Widths) {
    let cells = str_cells(text, chrome.page_ambiguous_wide) as u16;
    let at = x + w.saturating_sub(cells) / 2;
    if at + cells <= page.right() {
        put_text(buf, at, y, cells, text, style, chrome);
    }
}
