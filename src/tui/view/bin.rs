//! The bin: the items on no page, two rows each (title; kind and length), the cursor kept in
//! sight.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::Widget;

use super::{Theme, clear_popup, glyphs};
use crate::tui::cells::{Widths, clip, fill, put_text};
use pasteup_core::catalogue::{Chrome, Render, UiLang};
use pasteup_core::layout::BinEntry;

/// Where an entry's rows start in the pane: after its edge and the cursor's mark.
pub const ENTRY_X: u16 = 3;

/// An entry's two rows: its title (a waiting part's named first), then its figures at `span`
/// columns and `lines` lines, and its kind.
pub fn entry_rows(e: &BinEntry, (span, lines): (u16, u32), lang: UiLang) -> (String, String) {
    let title = if e.part > 1 {
        format!("{} · {}", pasteup_core::catalogue::part_id(&e.id, e.part, lang), e.title)
    } else {
        e.title.clone()
    };
    (title, Chrome::BinInfo { kind: e.kind, chars: e.chars, span, lines }.render(lang))
}

/// The bin pane, drawn into the bin's area.
pub struct BinPane<'a> {
    pub entries: &'a [BinEntry],
    /// The span and depth each entry in the window will be placed at on the page shown.
    pub fits: &'a [(u16, u32)],
    pub cursor: usize,
    /// The first entry shown and how many fit (see [`crate::tui::screen::Screen::bin_window`]).
    pub window: (usize, usize),
    pub focused: bool,
    pub lang: UiLang,
    pub chrome: Widths,
    pub theme: Theme,
}

impl Widget for &BinPane<'_> {
    fn render(self, r: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let g = glyphs(self.chrome.terminal);
        // The page may have drawn a wide character across the bin's edge; cut, it would leave
        // half a character that shifts the rest of the row on the terminal.
        clear_popup(buf, r);
        for y in r.top()..r.bottom() {
            fill(buf, r.x, y, r.width, " ", Style::default());
            buf[(r.x, y)].set_symbol(g.v).set_style(theme.fg(Color::DarkGray));
        }
        let head = Chrome::BinHead { items: self.entries.len(), focused: self.focused }.render(self.lang);
        let head_style = if self.focused {
            theme.fg(Color::Cyan).add_modifier(Modifier::BOLD)
        } else {
            Style::default().add_modifier(Modifier::BOLD)
        };
        put_text(buf, r.x + 1, r.y, r.width - 1, &head, head_style, self.chrome);
        let (first, rows) = self.window;
        for (k, e) in self.entries.iter().enumerate().skip(first).take(rows) {
            let y = r.y + 1 + ((k - first) * 2) as u16;
            let fit = self.fits.get(k - first).copied().unwrap_or((1, e.lines));
            self.draw_entry(buf, r, y, (e, fit), k == self.cursor);
        }
    }
}

impl BinPane<'_> {
    fn draw_entry(&self, buf: &mut Buffer, r: Rect, y: u16, (e, (span, lines)): (&BinEntry, (u16, u32)), here: bool) {
        let (theme, chrome) = (self.theme, self.chrome);
        let lit = here && self.focused;
        let style = if lit { theme.bg(Color::Indexed(24)).add_modifier(Modifier::BOLD) } else { Style::default() };
        let mark = if lit {
            ">"
        } else if here {
            "-"
        } else {
            " "
        };
        fill(buf, r.x + 1, y, r.width - 1, " ", style);
        put_text(buf, r.x + 1, y, 2, mark, style, chrome);
        let (title, info) = entry_rows(e, (span, lines), self.lang);
        // Cut to the pane, ending in `…` (found from outside: cut rows ended mid-word, or in a
        // lone `·`, and did not look cut).
        let room = r.width.saturating_sub(ENTRY_X);
        put_text(buf, r.x + ENTRY_X, y, room, &clip(&title, u32::from(room), chrome), style, chrome);
        let info = clip(&info, u32::from(room), chrome);
        put_text(buf, r.x + ENTRY_X, y + 1, room, &info, theme.fg(Color::DarkGray), chrome);
    }
}
