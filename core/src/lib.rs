//! pasteup's core: newspaper page make-up, CJK first, with no terminal and no CLI in it.
//!
//! - [`catalogue`]: every message the interface shows, in English and Simplified Chinese.
//! - [`model`]: the nouns — issue, page, grid, item, layout, placement.
//! - [`fit`]: the fit engine — sets text by the Chinese and Japanese rules and measures fit.
//! - [`layout`]: the layout engine — boxes on pages, moves, push-down, history.
//! - [`format`]: reading and writing the RON files, with `file:line:col` errors.
//! - [`document`]: opening an issue and its layout the way every command does.
//! - [`problem`]: what can be wrong with a layout, as data, and its words.
//! - [`proof`]: the galley and page proofs; [`report`]: how a box is described.
//! - [`export`]: the finished layout as RON, text and HTML.
//! - [`journal`]: the recovery file that keeps unsaved work through a crash.
//! - [`sample`]: the built-in sample issue.
//!
//! The editor and the command line (the `pasteup` crate) are thin shells over these.

pub mod catalogue;
pub mod diff;
pub mod document;
pub mod export;
pub mod fit;
pub mod format;
#[cfg(feature = "testkit")]
pub mod generate;
pub mod journal;
pub mod layout;
pub mod merge;
pub mod model;
pub mod problem;
pub mod proof;
pub mod reload;
pub mod report;
pub mod sample;
#[cfg(feature = "testkit")]
pub mod testkit;
pub mod watch;
