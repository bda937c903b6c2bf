//! pasteup: newspaper page makeup, CJK first.
//!
//! The core has no terminal in it: [`model`] holds the nouns, [`fit`] sets text and measures
//! fit, [`layout`] moves boxes, [`format`] reads and writes files. The TUI and the CLI are
//! thin shells over these; [`generate`] makes big test issues for benchmarks.

pub mod cli;
pub mod export;
pub mod fit;
pub mod format;
pub mod generate;
pub mod layout;
pub mod model;
pub mod page_proof;
pub mod sample;
pub mod tui;
