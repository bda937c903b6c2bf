//! The editor: a ratatui shell over the core (state → update(event) → view).
//!
//! - [`app`]: the state and its update function — every key a plain call on the core.
//! - [`view`]: drawing, `impl Widget for &App`.
//! - [`screen`]: where each part stands, for drawing and mouse clicks alike.
//! - [`keys`]: the one key table.
//! - [`cells`]: CJK-aligned text on the terminal.
//! - [`terminal`]: entering and leaving raw mode.

pub mod app;
pub mod cells;
pub mod keys;
pub mod prompt;
pub mod run;
pub mod screen;
pub mod terminal;
pub mod view;

pub use run::run;
