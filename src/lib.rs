//! pasteup: newspaper page makeup, CJK first.
//!
//! The core has no terminal in it: [`model`] holds the nouns, [`fit`] sets text and measures
//! fit, [`layout`] moves boxes, [`format`] reads and writes files. The TUI and the CLI are
//! thin shells over these.

pub mod model;
pub mod fit;
pub mod format;
pub mod generate;
