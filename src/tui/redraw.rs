//! Drawing each frame so that the terminal shows what a full draw of it would.
//!
//! ratatui sends only the cells that changed since the last frame, and takes every other cell
//! to be still on the terminal. A terminal does not keep them all: a character written over
//! part of a wide one blanks the rest of it (tmux in the default colours), and where the next
//! frame has there what the last had (the highlight's blank after a Han character, the status
//! bar's), the diff does not send it again. Found from outside: after `l` `h` the selected
//! box's blue had black one-cell holes where Han characters had stood one cell over, and the
//! status bar had them after a hint in Chinese gave way to a message; only a resize cleared
//! them. [`Display::draw`] marks those cells to be sent again, in the same frame.

use ratatui::backend::Backend;
use ratatui::buffer::{Buffer, CellDiffOption, CellWidth};
use ratatui::layout::Rect;
use ratatui::{Frame, Terminal};

/// A terminal and the frame last sent to it, as ratatui's diff takes the terminal to show it.
pub struct Display<B: Backend> {
    terminal: Terminal<B>,
    /// `None` before the first frame and after a repaint: the diff then sends every cell.
    shown: Option<Buffer>,
}

impl<B: Backend> Display<B> {
    pub fn new(terminal: Terminal<B>) -> Self {
        Display { terminal, shown: None }
    }

    pub fn terminal(&self) -> &Terminal<B> {
        &self.terminal
    }

    pub fn terminal_mut(&mut self) -> &mut Terminal<B> {
        &mut self.terminal
    }

    /// Draws a frame, sending besides the changed cells those the terminal lost writing them.
    pub fn draw(&mut self, render: impl FnOnce(&mut Frame)) -> Result<(), B::Error> {
        let shown = self.shown.take();
        let drawn = self.terminal.draw(|frame| {
            render(frame);
            if let Some(shown) = &shown {
                resend_lost_cells(shown, frame.buffer_mut());
            }
        });
        match drawn {
            Ok(done) => {
                self.shown = Some(done.buffer.clone());
                Ok(())
            }
            Err(e) => {
                self.shown = shown;
                Err(e)
            }
        }
    }

    /// `Ctrl-l`: blanks the terminal, so the next frame is drawn whole, whatever came over the
    /// screen meanwhile (a line-noise burst, another program's write). ratatui's `resize` to
    /// the same size blanks it without asking the terminal where its cursor is (its `clear`
    /// asks, and gives up on a slow link).
    pub fn repaint(&mut self) -> Result<(), B::Error> {
        let size = self.terminal.size()?;
        self.terminal.resize(Rect::new(0, 0, size.width, size.height))?;
        self.shown = None;
        Ok(())
    }
}

/// Marks, in `next`, the cells ratatui's diff against `shown` would leave out although the
/// terminal loses them, to be sent always; again until none is left (a cell sent may overwrite
/// part of another wide character). A resize blanked the terminal: nothing is lost.
fn resend_lost_cells(shown: &Buffer, next: &mut Buffer) {
    if shown.area != next.area {
        return;
    }
    loop {
        let mut marked = false;
        for (x, y) in lost_cells(shown, next) {
            let cell = &mut next[(x, y)];
            // A cell of forced width cannot be marked so without losing its width; a lost
            // cell is never one (it stands where the last frame had the blank after a wide
            // character).
            if cell.diff_option == CellDiffOption::None {
                cell.set_diff_option(CellDiffOption::AlwaysUpdate);
                marked = true;
            }
        }
        if !marked {
            return;
        }
    }
}

/// The cells (as the first cell of `next`'s character there) that the terminal blanks and the
/// diff does not send: each cell of a wide character of `shown` that a write covers in part,
/// where no write covers the cell itself.
fn lost_cells(shown: &Buffer, next: &Buffer) -> Vec<(u16, u16)> {
    let area = shown.area;
    let mut writes: Vec<Vec<(u16, u16)>> = vec![Vec::new(); usize::from(area.height)];
    for (x, y, cell) in shown.diff_iter(next) {
        writes[usize::from(y - area.y)].push((x, cell.cell_width().max(1)));
    }
    let mut lost = Vec::new();
    for (row, writes) in writes.iter().enumerate().filter(|(_, w)| !w.is_empty()) {
        let y = area.y + row as u16;
        let covered = |c: u16| writes.iter().any(|&(x, w)| x <= c && c < x.saturating_add(w));
        let mut in_row = Vec::new();
        for (start, width) in characters(shown, y).filter(|&(_, w)| w > 1) {
            let broken = writes
                .iter()
                .any(|&(x, w)| x < start + width && start < x.saturating_add(w) && (x, w) != (start, width));
            if broken {
                in_row.extend((start..start + width).filter(|&c| !covered(c)));
            }
        }
        if !in_row.is_empty() {
            let starts: Vec<(u16, u16)> = characters(next, y).collect();
            for c in in_row {
                if let Some(&(start, _)) = starts.iter().find(|&&(s, w)| s <= c && c < s + w) {
                    lost.push((start, y));
                }
            }
        }
    }
    lost
}

/// Each character of row `y` as the diff walks it: its first cell and the cells it takes.
fn characters(buf: &Buffer, y: u16) -> impl Iterator<Item = (u16, u16)> + '_ {
    let (left, right) = (buf.area.left(), buf.area.right());
    let mut x = left;
    std::iter::from_fn(move || {
        if x >= right {
            return None;
        }
        let cell = &buf[(x, y)];
        let width = match cell.diff_option {
            CellDiffOption::Skip => 1,
            _ => cell.cell_width().clamp(1, right - x),
        };
        let at = x;
        x += width;
        Some((at, width))
    })
}
