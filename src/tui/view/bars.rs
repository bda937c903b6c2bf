//! The one-row bars: the title on top; at the foot the inspector (the selected box or bin
//! item, and the page's fit) and the status row (the last message, or the keys that work).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::Widget;

use super::Theme;
use crate::tui::app::{Message, Tone};
use crate::tui::cells::{Widths, fill, put_text};
use crate::tui::keys::{Focus, KEYS};
use crate::tui::screen::Zoom;
use pasteup_core::layout::{BinEntry, PageSummary, ResolvedBox};
use pasteup_core::model::{Depth, Issue};

/// The title row: paper, date, page, section, zoom and whether the layout is unsaved.
pub struct TitleBar<'a> {
    pub issue: &'a Issue,
    /// Index of the page shown, in issue order.
    pub page: usize,
    pub zoom: Zoom,
    pub unsaved: bool,
    pub chrome: Widths,
    pub theme: Theme,
}

impl Widget for &TitleBar<'_> {
    fn render(self, r: Rect, buf: &mut Buffer) {
        let (issue, theme) = (self.issue, self.theme);
        fill(buf, r.x, r.y, r.width, " ", theme.bar());
        let page = issue.pages.get(self.page);
        let section = page.and_then(|p| p.section.as_deref()).map(|t| format!(" {t}")).unwrap_or_default();
        let zoom = if self.zoom == Zoom::Text { "text" } else { "plan" };
        let dirty = if self.unsaved { " | * unsaved" } else { "" };
        let text = format!(
            " pasteup | {} {} | page {} ({}/{}){section} | {zoom}{dirty}",
            issue.paper,
            issue.date,
            page.map_or(0, |p| p.number),
            self.page + 1,
            issue.pages.len()
        );
        put_text(buf, r.x, r.y, r.width, &text, theme.bar().add_modifier(Modifier::BOLD), self.chrome);
    }
}

/// What the inspector describes: the bin item under the cursor, or the selected box.
pub enum Inspected<'a> {
    Bin(Option<&'a BinEntry>),
    Page(Option<&'a ResolvedBox>),
}

/// The inspector row: what is inspected, then the page's fit.
pub struct InspectorBar<'a> {
    pub inspected: Inspected<'a>,
    /// The page shown and its summary.
    pub number: u32,
    pub summary: Option<&'a PageSummary>,
    pub chrome: Widths,
    pub theme: Theme,
}

impl Widget for &InspectorBar<'_> {
    fn render(self, r: Rect, buf: &mut Buffer) {
        let mut text = String::new();
        let mut style = Style::default();
        match self.inspected {
            Inspected::Bin(Some(e)) => {
                text = format!(
                    " {} · in the bin · {} chars · {} lines at one column · Enter places it",
                    e.id, e.chars, e.lines
                );
            }
            Inspected::Page(Some(b)) => {
                text = box_text(b);
                style = self.theme.fit(&b.fit, b.over_foot);
            }
            Inspected::Bin(None) | Inspected::Page(None) => {}
        }
        if let Some(p) = self.summary {
            text.push_str(&format!(
                "  |  page {}: {} used, {} free, fit {:+}, {} overset, {} past foot",
                self.number,
                p.used,
                p.free,
                p.fit_lines,
                p.overset.len(),
                p.over_foot.len()
            ));
        }
        fill(buf, r.x, r.y, r.width, " ", Style::default());
        put_text(buf, r.x, r.y, r.width, &text, style, self.chrome);
    }
}

/// The selected box: id, columns, lines, depth, what it needs and its fit.
fn box_text(b: &ResolvedBox) -> String {
    let depth = match b.depth {
        Depth::Auto => "auto".to_string(),
        Depth::Fixed(n) => format!("fixed {n}"),
    };
    format!(
        " {} · {} · lines {}–{} · depth {depth} · needs {} · {}",
        b.item,
        pasteup_core::report::columns_label(b.column, b.span),
        b.line,
        b.line + b.box_depth.max(1) - 1,
        b.fit.depth_needed,
        pasteup_core::report::fit_label(&b.fit)
    )
}

/// The status row: the last message, or the keys that work where the focus is.
pub struct StatusBar<'a> {
    pub message: Option<&'a Message>,
    pub focus: Focus,
    pub chrome: Widths,
    pub theme: Theme,
}

impl Widget for &StatusBar<'_> {
    fn render(self, r: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        fill(buf, r.x, r.y, r.width, " ", theme.bar());
        let (text, style) = match self.message {
            Some(m) => {
                let style = match m.tone {
                    Tone::Info => theme.bar(),
                    Tone::Warning if theme.color => {
                        Style::default().fg(Color::White).bg(Color::Red).add_modifier(Modifier::BOLD)
                    }
                    Tone::Warning => Style::default().add_modifier(Modifier::BOLD),
                };
                let mark = if m.tone == Tone::Warning { "! " } else { "" };
                (format!(" {mark}{}", m.text), style)
            }
            None => (format!(" {}", key_hints(self.focus)), theme.bar()),
        };
        put_text(buf, r.x, r.y, r.width, &text, style, self.chrome);
    }
}

/// The keys that work now, from the key table.
pub fn key_hints(focus: Focus) -> String {
    KEYS.iter()
        .filter(|b| !b.hint.is_empty() && b.scope.includes(focus))
        .map(|b| b.hint.to_string())
        .collect::<Vec<_>>()
        .join("  ")
}
