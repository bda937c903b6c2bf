//! pasteup's shell: the command line ([`cli`], clap) and the editor ([`tui`], ratatui), both
//! thin over `pasteup_core`, where every action is a plain function.

pub mod cli;
pub mod tui;
