//! `pasteup export` (SPEC §5): the finished layout written out for the rest of the newsroom.
//!
//! - [`ron`](mod@self::ron): the finished layout, self-contained — every page with its grid,
//!   every placement with its geometry, fit and set lines, the bin — for a typesetting system.
//! - [`text`]: each page in monospace at 1:1, boxes framed and filled with their set lines,
//!   aligned exactly as the editor's screen (the same [`page_proof`](crate::page_proof)).
//! - [`html`]: one self-contained print proof of the issue: each page a CSS grid in em.
//!
//! The CLI and the editor's `e` key call the same code:
//!
//! ```no_run
//! use pasteup::export::{self, Assets, Format, Options};
//! # fn demo(makeup: &pasteup::layout::Makeup) -> Result<(), pasteup::format::SaveError> {
//! let bytes = export::render(makeup, Format::Text, &Options::default());
//! export::write(std::path::Path::new("page.txt"), &bytes)?;
//! # Ok(()) }
//! ```
//!
//! Output is deterministic: the same issue and layout give the same bytes.

pub mod assets;
pub mod html;
pub mod ron;
pub mod text;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::cli::EXIT_INVALID;
use crate::cli::open::open;
use crate::format::{SaveError, printable, save_atomic};
use crate::layout::Makeup;
use crate::tui::cells::AmbiWidth;

pub use assets::Assets;

/// What to export as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
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

/// Writes `bytes` to `path` atomically (SPEC §6): a temporary file beside it, flushed and
/// renamed; on failure nothing is left behind and an existing file is untouched.
/// A new file is made readable by all (0644) like any exported document; a replaced one
/// keeps its permissions.
pub fn write(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    save_atomic(path, bytes)
}

/// The arguments of `pasteup export`.
#[derive(Debug, Clone, clap::Args)]
pub struct ExportArgs {
    /// The issue file.
    pub issue: PathBuf,
    /// The layout (default: ISSUE.layout.ron beside the issue).
    #[arg(long)]
    pub layout: Option<PathBuf>,
    /// What to write: the finished layout (ron), a monospace proof (text) or a print proof (html).
    #[arg(long, value_enum)]
    pub format: Format,
    /// The file to write (replaced atomically).
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    pub out: PathBuf,
    /// How wide the terminal that shows the text export draws “ ” × — … (as vim's ambiwidth).
    #[arg(long, value_enum, default_value_t = AmbiWidth::Single)]
    pub ambiwidth: AmbiWidth,
}

/// `pasteup export`: exit 0 when written, 2 when the input cannot be used or OUT cannot be
/// written (then nothing is left behind and an existing OUT is untouched).
pub fn run(args: &ExportArgs) -> ExitCode {
    let opened = match open(Some(&args.issue), args.layout.as_deref()) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(EXIT_INVALID);
        }
    };
    for w in &opened.warnings {
        eprintln!("{w}");
    }
    for p in &opened.problems {
        eprintln!("{p}");
    }
    let assets = Assets::for_issue(&opened.issue_path, opened.is_sample);
    let makeup = Makeup::new(opened.issue, &opened.layout);
    let options = Options { ambiwidth: args.ambiwidth, assets };
    let bytes = render(&makeup, args.format, &options);
    if let Err(e) = write(&args.out, &bytes) {
        eprintln!("{e}");
        eprintln!("nothing was written to {}", printable(&args.out.display().to_string()));
        return ExitCode::from(EXIT_INVALID);
    }
    ExitCode::SUCCESS
}
