//! Proofs: the two ways every tool shows set text.
//!
//! - [`galley`]: every item set in its box, leg by leg, line by line (`pasteup proof`, the
//!   RON export).
//! - [`page`]: a page as rows of cells, boxes framed and filled with their set lines (the
//!   editor's text zoom, the text export).

pub mod galley;
pub mod page;
