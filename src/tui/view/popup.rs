//! The popup over the page: the help (from the key table), the question before quitting with
//! unsaved changes, before saving over a changed file, and about a recovery file.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};
use ratatui::widgets::Widget;

use super::help::{help_page, help_size};
use super::{Theme, edge_glyphs, glyphs};
use crate::tui::app::Overlay;
use crate::tui::cells::{Widths, fill, put_text, wrap_text};
use pasteup_core::catalogue::{Chrome, Question, Render, UiLang};

/// The open overlay, drawn centred in the whole screen (nothing for [`Overlay::None`]).
pub struct Popup<'a> {
    pub overlay: &'a Overlay,
    pub lang: UiLang,
    pub chrome: Widths,
    pub theme: Theme,
}

impl Popup<'_> {
    /// The popup's title and lines, for a screen of `size` cells, and the least inner size it
    /// takes (cells, rows).
    fn text(&self, size: (u16, u16)) -> Option<(String, Vec<String>, (u32, usize))> {
        let lang = self.lang;
        let question = match self.overlay {
            Overlay::None => return None,
            Overlay::Help { page } => {
                let (mut shown, more) = help_page(size, lang, self.chrome, *page);
                let least = help_size(size, lang, self.chrome);
                if let Some((page, pages)) = more {
                    // On the popup's last row on every screen.
                    shown.resize(least.1.saturating_sub(1).max(shown.len()), String::new());
                    shown.push(Chrome::HelpMore { page: page + 1, pages }.render(lang));
                }
                return Some((Chrome::HelpTitle.render(lang), shown, least));
            }
            Overlay::ConfirmQuit => Question::QuitUnsaved,
            Overlay::ConfirmOverwrite(change) => Question::Overwrite(change.clone()),
            Overlay::ConfirmDropNotes { notes, first } => Question::DropNotes { notes: *notes, first: first.clone() },
            Overlay::TheirLayout { file, merge } => Question::TheirLayout { file: file.clone(), merge: *merge },
            Overlay::Recovery { file, age_secs, by, more, saved_after, after_newer, damaged } => Question::Recover {
                file: file.clone(),
                age_secs: *age_secs,
                by: by.clone(),
                more: *more,
                saved_after: *saved_after,
                after_newer: *after_newer,
                damaged: *damaged,
            },
        };
        // A question wider than the screen is broken into lines, not cut.
        let inner = u32::from(size.0.saturating_sub(4)).max(1);
        let ambi = self.chrome.page_ambiguous_wide;
        let lines = question
            .lines(lang)
            .into_iter()
            .flat_map(|l| {
                if pasteup_core::fit::width::str_cells(&l, ambi) <= inner { vec![l] } else { self.broken(&l, inner) }
            })
            .collect();
        Some((question.title(lang), lines, (0, 0)))
    }
}

impl Popup<'_> {
    /// A line wider than `inner` cells in lines: a line of answers (`y: …   n: …`) between
    /// its answers, as many to a line as fit, so that no answer is split or run into the next
    /// (found from outside: at 40 columns "y: quit without saving s: save and" / "quit n:
    /// stay"); other text, and an answer wider than a line, where the words allow.
    fn broken(&self, line: &str, inner: u32) -> Vec<String> {
        const BETWEEN: &str = "   ";
        let cells = |s: &str| pasteup_core::fit::width::str_cells(s, self.chrome.page_ambiguous_wide);
        let mut lines: Vec<String> = Vec::new();
        for answer in line.split(BETWEEN).filter(|a| !a.is_empty()) {
            match lines.last_mut() {
                Some(last) if cells(last) + cells(BETWEEN) + cells(answer) <= inner => {
                    last.push_str(BETWEEN);
                    last.push_str(answer);
                }
                _ if cells(answer) <= inner => lines.push(answer.to_string()),
                _ => lines.extend(wrap_text(answer, inner, self.chrome)),
            }
        }
        lines
    }
}

impl Widget for &Popup<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Some((title, lines, (least_w, least_h))) = self.text((area.width, area.height)) else { return };
        let widths = self.chrome;
        let widest = lines.iter().map(|l| pasteup_core::fit::width::str_cells(l, widths.page_ambiguous_wide)).max();
        let w = u16::try_from(widest.unwrap_or(10).max(least_w)).unwrap_or(u16::MAX).saturating_add(4);
        // A few columns left beside it show cut ends of what lies under (found from outside:
        // the merge-notes question at 100 columns left a column of the bin's `…`): it takes
        // the whole width then.
        let w = if area.width.saturating_sub(w) <= 4 { area.width } else { w };
        let h = u16::try_from(lines.len().max(least_h)).unwrap_or(u16::MAX).saturating_add(2).min(area.height);
        let r = Rect::new((area.width - w) / 2, (area.height - h) / 2, w, h);
        clear_popup(buf, r);
        let g = glyphs(widths.terminal);
        let style = self.theme.fg(Color::White);
        for y in r.top()..r.bottom() {
            fill(buf, r.x, y, r.width, " ", style);
            let edge = if y == r.top() || y + 1 == r.bottom() { g.h } else { " " };
            fill(buf, r.x + 1, y, r.width.saturating_sub(2), edge, style);
            let (l, rt) = edge_glyphs(u32::from(y - r.top()), u32::from(r.height), false, &g);
            buf[(r.x, y)].set_symbol(l).set_style(style);
            buf[(r.right() - 1, y)].set_symbol(rt).set_style(style);
        }
        let bold = style.add_modifier(Modifier::BOLD);
        put_text(buf, r.x + 2, r.y, w.saturating_sub(4), &format!(" {title} "), bold, widths);
        for (k, line) in lines.iter().enumerate().take(h.saturating_sub(2) as usize) {
            put_text(buf, r.x + 2, r.y + 1 + k as u16, w.saturating_sub(4), line, style, widths);
        }
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
