//! `pasteup export` (docs/command-line.md): the finished layout written out for the rest of the newsroom.
//!
//! - [`ron`](mod@self::ron): the finished layout, self-contained — every page with its grid,
//!   every placement with its geometry, fit and set lines, the bin — for a typesetting system.
//! - [`text`]: each page in monospace at 1:1, boxes framed and filled with their set lines,
//!   aligned exactly as the editor's screen (the same [`page_proof`](crate::proof::page)).
//! - [`html`]: one self-contained print proof of the issue: each page a CSS grid in em.
//! - [`pdf`]: the press PDF, one PDF page per issue page, set in embedded CJK fonts
//!   ([`fonts`]), with the glyph [`preflight`] that `check --font` shares.
//! - [`rules`]: the column rules both print proofs draw, worked out once.
//!
//! The CLI and the editor's `e` key call the same code:
//!
//! ```no_run
//! use pasteup_core::export::{self, Assets, Format, Options};
//! # fn demo(makeup: &pasteup_core::layout::Makeup) -> Result<(), pasteup_core::format::SaveError> {
//! let bytes = export::render(makeup, Format::Text, &Options::default());
//! export::write(std::path::Path::new("page.txt"), &bytes)?;
//! # Ok(()) }
//! ```
//!
//! Output is deterministic: the same issue and layout give the same bytes.

pub mod assets;
pub mod fonts;
pub mod html;
pub mod pdf;
pub mod plate;
pub mod preflight;
pub mod ron;
pub mod rules;
pub mod text;

use std::path::Path;

use crate::fit::width::AmbiWidth;
use crate::format::{SaveError, save_atomic};
use crate::layout::Makeup;

pub use assets::Assets;

/// What to export as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The finished layout as RON, for a typesetting system.
    Ron,
    /// A monospace page proof.
    Text,
    /// A self-contained HTML print proof.
    Html,
}

impl Format {
    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Ron => "ron",
            Format::Text => "txt",
            Format::Html => "html",
        }
    }
}

/// What the formats need besides the makeup.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// How wide the terminal (or editor) that shows the text export draws “ ” × — … .
    pub ambiwidth: AmbiWidth,
    /// Where photo files are read from (HTML inlines them).
    pub assets: Assets,
}

/// The makeup in `format`, as the bytes of the file.
pub fn render(makeup: &Makeup, format: Format, options: &Options) -> Vec<u8> {
    match format {
        Format::Ron => ron::to_ron(makeup).into_bytes(),
        Format::Text => text::to_text(makeup, options.ambiwidth).into_bytes(),
        Format::Html => html::to_html(makeup, &options.assets).into_bytes(),
    }
}

/// Writes `bytes` to `path` atomically (docs/reliability.md): a temporary file beside it, flushed and
/// renamed; on failure nothing is left behind and an existing file is untouched.
/// A new file is made readable by all (0644) like any exported document; a replaced one
/// keeps its permissions.
pub fn write(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    save_atomic(path, bytes)
}
