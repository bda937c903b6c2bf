//! A frame drawn over the last one shows, cell for cell, what a full draw of it shows, on a
//! terminal that blanks the rest of a wide character written over in part, as tmux does (in
//! the default colours). ratatui's `TestBackend` keeps every cell it is not sent, so the
//! terminal here is a `TestBackend`'s buffer written as tmux writes its grid.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "a test fails loudly")]

use std::path::Path;

use pasteup::tui::app::{App, Effect, Msg};
use pasteup::tui::key_notation::parse_keys;
use pasteup::tui::redraw::Display;
use pasteup::tui::run::editor;
use pasteup_core::catalogue::UiLang;
use pasteup_core::document::open;
use pasteup_core::fit::width::AmbiWidth;
use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::{Buffer, Cell, CellWidth};
use ratatui::layout::{Position, Rect, Size};

/// A terminal's grid as tmux keeps it: a character and the padding cells after a wide one.
struct Tmux {
    grid: Buffer,
    padding: Vec<bool>,
}

impl Tmux {
    fn new(w: u16, h: u16) -> Tmux {
        Tmux { grid: Buffer::empty(Rect::new(0, 0, w, h)), padding: vec![false; usize::from(w) * usize::from(h)] }
    }

    fn blank(&mut self, i: usize) {
        self.grid.content[i] = Cell::EMPTY;
        self.padding[i] = false;
    }

    /// tmux's `screen_write_overwrite` and then the cell: a write into the padding of a wide
    /// character blanks it back to its start; a wide write, or one over a wide character,
    /// blanks the padding after it. Blanked cells take the default colours.
    fn put(&mut self, x: u16, y: u16, cell: &Cell) {
        let w = usize::from(self.grid.area.width);
        let (row, x) = (usize::from(y) * w, usize::from(x));
        let width = usize::from(cell.cell_width().max(1)).min(w - x);
        let on_padding = self.padding[row + x];
        if on_padding {
            let mut xx = x;
            while xx > 0 {
                xx -= 1;
                let was_padding = self.padding[row + xx];
                self.blank(row + xx);
                if !was_padding {
                    break;
                }
            }
        }
        if width != 1 || self.grid.content[row + x].cell_width() != 1 || on_padding {
            let mut xx = x + width;
            while xx < w && self.padding[row + xx] {
                self.blank(row + xx);
                xx += 1;
            }
        }
        self.grid.content[row + x] = cell.clone();
        self.padding[row + x] = false;
        for k in 1..width {
            self.grid.content[row + x + k] = Cell::EMPTY;
            self.padding[row + x + k] = true;
        }
    }

    /// Each cell as a person sees it: a padding cell is the wide character's.
    fn seen(&self) -> Vec<String> {
        let w = usize::from(self.grid.area.width);
        let mut rows = Vec::new();
        for (i, line) in self.grid.content.chunks(w).enumerate() {
            let mut row = Vec::new();
            for (x, cell) in line.iter().enumerate() {
                let mark = if self.padding[i * w + x] { "…".to_string() } else { cell.symbol().to_string() };
                row.push(format!("{mark}[{:?}/{:?}/{:?}]", cell.fg, cell.bg, cell.modifier));
            }
            rows.push(row.join(""));
        }
        rows
    }
}

impl Backend for Tmux {
    type Error = std::io::Error;

    fn draw<'a, I: Iterator<Item = (u16, u16, &'a Cell)>>(&mut self, content: I) -> std::io::Result<()> {
        for (x, y, cell) in content {
            self.put(x, y, cell);
        }
        Ok(())
    }
    fn hide_cursor(&mut self) -> std::io::Result<()> {
        Ok(())
    }
    fn show_cursor(&mut self) -> std::io::Result<()> {
        Ok(())
    }
    fn get_cursor_position(&mut self) -> std::io::Result<Position> {
        Ok(Position::ORIGIN)
    }
    fn set_cursor_position<P: Into<Position>>(&mut self, _: P) -> std::io::Result<()> {
        Ok(())
    }
    fn clear(&mut self) -> std::io::Result<()> {
        let area = self.grid.area;
        *self = Tmux::new(area.width, area.height);
        Ok(())
    }
    fn clear_region(&mut self, clear_type: ClearType) -> std::io::Result<()> {
        assert_eq!(clear_type, ClearType::All, "the editor blanks the whole screen only");
        self.clear()
    }
    fn size(&self) -> std::io::Result<Size> {
        Ok(self.grid.area.as_size())
    }
    fn window_size(&mut self) -> std::io::Result<WindowSize> {
        Ok(WindowSize { columns_rows: self.size()?, pixels: Size::default() })
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn fitted_sample(lang: UiLang) -> App {
    fitted_sample_on(lang, AmbiWidth::Single)
}

/// The sample's fitted layout, for a terminal drawing ambiguous characters `ambi` wide.
fn fitted_sample_on(lang: UiLang, ambi: AmbiWidth) -> App {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("layouts");
    let issue = root.join("taiyuan-2023-02-10.ron");
    let layout = root.join("taiyuan-2023-02-10.fitted.layout.ron");
    let opened = open(Some(&issue), Some(&layout)).unwrap();
    let mut app = editor(&opened, ambi);
    app.lang = lang;
    app.message = None;
    app
}

fn press(app: &mut App, keys: &str) {
    for key in parse_keys(keys).unwrap() {
        app.update(Msg::Key(key));
    }
}

fn display(w: u16, h: u16) -> Display<Tmux> {
    Display::new(Terminal::new(Tmux::new(w, h)).unwrap())
}

/// What a fresh terminal shows with the app drawn once.
fn full_draw(app: &App, w: u16, h: u16) -> Vec<String> {
    let mut fresh = display(w, h);
    fresh.draw(|f| f.render_widget(app, f.area())).unwrap();
    fresh.terminal().backend().seen()
}

/// Draws the app, presses `keys`, draws it again over the first frame, and says every row
/// that differs from a full draw of the second.
fn redraw_differs(app: &mut App, w: u16, h: u16, keys: &str) -> Vec<String> {
    app.update(Msg::Resize(w, h));
    let mut d = display(w, h);
    d.draw(|f| f.render_widget(&*app, f.area())).unwrap();
    press(app, keys);
    d.draw(|f| f.render_widget(&*app, f.area())).unwrap();
    let (over, full) = (d.terminal().backend().seen(), full_draw(app, w, h));
    assert_eq!(over.len(), full.len());
    let mut differ = Vec::new();
    for (y, (a, b)) in over.iter().zip(&full).enumerate() {
        if a != b {
            differ.push(format!("row {y}:\n  drawn over: {a}\n  full draw:  {b}"));
        }
    }
    differ
}

/// Found from outside: at 100×30, `l` then `h` left black one-cell holes in the selected
/// box's blue where the page, scrolled one way and back, had had Han characters one cell over.
#[test]
fn the_selection_moved_over_wide_text_is_drawn_as_a_full_draw() {
    let mut app = fitted_sample(UiLang::En);
    let differ = redraw_differs(&mut app, 100, 30, "l");
    assert!(differ.is_empty(), "{}", differ.join("\n"));
    let differ = redraw_differs(&mut app, 100, 30, "h");
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}

/// Found from outside: the status bar's hints in Chinese, then `w`'s message, had
/// default-colour cells after `；按` and `按键`.
#[test]
fn the_hint_bar_changed_from_han_to_mixed_text_is_drawn_as_a_full_draw() {
    let mut app = fitted_sample(UiLang::ZhHans);
    let differ = redraw_differs(&mut app, 100, 30, "w");
    assert!(differ.is_empty(), "{}", differ.join("\n"));
    // And the command line opened over the hints.
    let mut app = fitted_sample(UiLang::ZhHans);
    let differ = redraw_differs(&mut app, 100, 30, ":");
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}

/// Found from outside: over SSH `Ctrl-l` said "bound to nothing", and only a resize cleared
/// what had come over the screen. It draws the whole screen again, whatever is open, and
/// changes nothing else: the half-typed line, the help and the status line stay.
#[test]
fn ctrl_l_repaints_whatever_is_open() {
    for open in ["", ": f i n d Space x i", "?", "3"] {
        let mut app = fitted_sample(UiLang::En);
        press(&mut app, open);
        let (prompt, overlay, message) = (app.prompt.clone(), app.overlay.clone(), format!("{:?}", app.message));
        let key = parse_keys("C-l").unwrap()[0];
        let effects = app.update(Msg::Key(key));
        assert!(effects.iter().any(|e| matches!(e, Effect::Repaint)), "{open:?}: {effects:?}");
        assert_eq!(format!("{:?}", app.prompt), format!("{prompt:?}"), "{open:?}");
        assert_eq!(app.overlay, overlay, "{open:?}");
        assert_eq!(format!("{:?}", app.message), message, "{open:?}: nothing said, bound to nothing least of all");
    }
}

/// A repaint blanks the terminal and sends every cell: what came over the screen meanwhile
/// (here one row of line noise) goes, as it does not with a plain draw.
#[test]
fn a_repaint_draws_over_what_came_over_the_screen() {
    let (w, h) = (100, 30);
    let mut app = fitted_sample(UiLang::ZhHans);
    app.update(Msg::Resize(w, h));
    let mut d = display(w, h);
    d.draw(|f| f.render_widget(&app, f.area())).unwrap();
    let noise = Cell::new("~");
    let row: Vec<(u16, u16, &Cell)> = (0..w).map(|x| (x, 7, &noise)).collect();
    d.terminal_mut().backend_mut().draw(row.into_iter()).unwrap();
    let full = full_draw(&app, w, h);
    d.draw(|f| f.render_widget(&app, f.area())).unwrap();
    assert_ne!(d.terminal().backend().seen()[7], full[7], "a plain draw sends only what changed");
    d.repaint().unwrap();
    d.draw(|f| f.render_widget(&app, f.area())).unwrap();
    assert_eq!(d.terminal().backend().seen(), full);
}

/// Every key of a walk over the page, the bin, the help and the command line, in both
/// languages and with ambiguous characters drawn one cell wide and two (cells of forced width):
/// each frame drawn over the last shows what a full draw shows.
#[test]
fn every_frame_of_a_walk_is_drawn_as_a_full_draw() {
    let walk = "l l l h h h j j k PgDn l PgUp z l h z Tab j Tab b b ? Esc w : f i Esc 3 C-l x u";
    for (lang, ambi) in [(UiLang::En, AmbiWidth::Single), (UiLang::ZhHans, AmbiWidth::Double)] {
        for (w, h) in [(100, 30), (81, 24)] {
            let mut app = fitted_sample_on(lang, ambi);
            app.update(Msg::Resize(w, h));
            let mut d = display(w, h);
            d.draw(|f| f.render_widget(&app, f.area())).unwrap();
            for key in walk.split(' ') {
                press(&mut app, key);
                d.draw(|f| f.render_widget(&app, f.area())).unwrap();
                let (over, full) = (d.terminal().backend().seen(), full_draw(&app, w, h));
                let differ: Vec<usize> = (0..over.len()).filter(|&y| over[y] != full[y]).collect();
                assert!(differ.is_empty(), "{lang:?} {ambi:?} {w}x{h}, after {key}: rows {differ:?} differ");
            }
        }
    }
}
