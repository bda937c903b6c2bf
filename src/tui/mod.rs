//! The editor: a ratatui shell over the core (state → update(event) → view).

pub mod cells;
pub mod keys;
pub mod terminal;
