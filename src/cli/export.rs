//! `pasteup export`: the finished layout written out for the rest of the newsroom.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use pasteup_core::document::{Opened, open};
use pasteup_core::export::{self, Assets, Format, Options};
use pasteup_core::format::{printable, same_file};
use pasteup_core::layout::Makeup;
use pasteup_core::model::Item;

use super::{AmbiArg, EXIT_INVALID};

/// What to export as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    /// The finished layout as RON, for a typesetting system.
    Ron,
    /// A monospace page proof.
    Text,
    /// A self-contained HTML print proof.
    Html,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Ron => Format::Ron,
            FormatArg::Text => Format::Text,
            FormatArg::Html => Format::Html,
        }
    }
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
    pub format: FormatArg,
    /// The file to write (replaced atomically).
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    pub out: PathBuf,
    /// How wide the terminal that shows the text export draws “ ” × — … (as vim's ambiwidth).
    #[arg(long, value_enum, default_value_t = AmbiArg::Single)]
    pub ambiwidth: AmbiArg,
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
    if let Some(input) = input_named_by(&opened, &args.out) {
        let out = printable(&args.out.display().to_string());
        eprintln!("{out}: cannot export over {input}, which this command reads; name another file with -o");
        return ExitCode::from(EXIT_INVALID);
    }
    for w in &opened.warnings {
        eprintln!("{w}");
    }
    for p in &opened.problems {
        eprintln!("{p}");
    }
    let assets = Assets::for_issue(&opened.issue_path, opened.is_sample);
    let makeup = Makeup::new(opened.issue, &opened.layout);
    let options = Options { ambiwidth: args.ambiwidth.into(), assets };
    let bytes = export::render(&makeup, args.format.into(), &options);
    if let Err(e) = export::write(&args.out, &bytes) {
        eprintln!("{e}");
        eprintln!("nothing was written to {}", printable(&args.out.display().to_string()));
        return ExitCode::from(EXIT_INVALID);
    }
    ExitCode::SUCCESS
}

/// The input of the command that `out` names (through links), in words: the issue, the
/// layout, or a photo the HTML export inlines.
fn input_named_by(opened: &Opened, out: &Path) -> Option<String> {
    let name = |what: &str, path: &Path| format!("the {what} {}", printable(&path.display().to_string()));
    if same_file(out, &opened.issue_path) {
        return Some(name("issue", &opened.issue_path));
    }
    if opened.layout_found && same_file(out, &opened.layout_path) {
        return Some(name("layout", &opened.layout_path));
    }
    let dir = opened.issue_path.parent().unwrap_or(Path::new(""));
    opened.issue.items.iter().find_map(|item| match item {
        Item::Photo(p) => {
            p.file.as_deref().map(|f| dir.join(f)).filter(|f| same_file(out, f)).map(|f| name("photo", &f))
        }
        _ => None,
    })
}
