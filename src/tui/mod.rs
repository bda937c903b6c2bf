//! The editor: a ratatui shell over the core (state → update(event) → view).
//!
//! - [`app`]: the state and its update function — every key a plain call on the core.
//! - [`view`]: drawing, `impl Widget for &App`, one widget per pane.
//! - [`screen`]: where each part stands, for drawing and mouse clicks alike.
//! - [`keys`]: the one key table.
//! - [`key_notation`]: key strings (`"C-s J J"`) for tests, benches and scripts.
//! - [`cells`]: CJK-aligned text on the terminal.
//! - [`terminal`]: entering and leaving raw mode.
//! - [`esc_code`]: a key's code read back whose `Esc` came with the `Esc` before it.
//! - [`redraw`]: each frame drawn as a full draw would show it.

pub mod app;
pub mod cells;
pub mod esc_code;
pub mod key_notation;
pub mod keys;
pub mod prompt;
pub mod redraw;
pub mod run;
pub mod screen;
pub mod terminal;
pub mod view;

pub use run::run;
