//! The command line (docs/command-line.md): the editor, `check`, `proof`, `export` and `make`, as thin shells over
//! the core. Exit codes: 0 all fits, 1 problems found on the page, 2 input that cannot be used.

pub mod check;
pub mod diff;
pub mod export;
pub mod fit;
pub mod make;
pub mod merge;
pub mod progress;
pub mod proof;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use pasteup_core::catalogue::{Render, UiLang};
use pasteup_core::document::{Opened, open};
use pasteup_core::fit::width::AmbiWidth;
use pasteup_core::format::{printable, same_file};
use pasteup_core::model::Item;

#[derive(Debug, Parser)]
#[command(name = "pasteup", version, about = "Keyboard-first page makeup for newspapers, CJK first")]
#[command(args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// The issue to open in the editor (without one, the built-in sample).
    pub issue: Option<PathBuf>,
    /// The layout to open and save (default: ISSUE.layout.ron beside the issue).
    #[arg(long)]
    pub layout: Option<PathBuf>,
    /// How wide the terminal draws “ ” × — … (as vim's ambiwidth).
    #[arg(long, value_enum, default_value_t = AmbiArg::Single)]
    pub ambiwidth: AmbiArg,
    /// The interface language: `en` or `zh-Hans` (default: from LC_ALL, LC_MESSAGES, LANG).
    #[arg(long, value_enum, global = true)]
    pub ui_lang: Option<UiLangArg>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate the issue and layout and report fit per page, column and item.
    Check {
        issue: PathBuf,
        #[arg(long)]
        layout: Option<PathBuf>,
        /// Machine-readable report.
        #[arg(long)]
        json: bool,
        /// Also list every character of the issue this font file lacks (glyph preflight).
        #[arg(long, value_name = "FILE")]
        font: Option<PathBuf>,
    },
    /// The galley proof: every item set in its box, leg by leg, line by line.
    Proof(BoxArgs),
    /// For every box that does not fit, the remedies that make it fit, each verified.
    Fit(BoxArgs),
    /// What changed between two layouts, item by item (also git's external diff for layouts).
    Diff {
        /// OLD NEW: two layout files (or the arguments git gives an external diff).
        #[arg(num_args = 1..=9, required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// The issue, to show each changed box's fit before and after.
        #[arg(long)]
        issue: Option<PathBuf>,
        /// Machine-readable output.
        #[arg(long)]
        json: bool,
    },
    /// git's merge driver for layouts: merge item by item and write over OURS.
    Merge {
        /// The common ancestor (%O).
        base: PathBuf,
        /// Our version (%A); the result is written here.
        ours: PathBuf,
        /// Their version (%B).
        theirs: PathBuf,
        /// Where the layout lives in the work tree (%P), to find its issue.
        path: Option<PathBuf>,
        /// The issue (default: the one the layout names).
        #[arg(long)]
        issue: Option<PathBuf>,
    },
    /// Write the finished layout: RON for typesetting, a monospace proof, an HTML print proof or the press PDF.
    Export(export::ExportArgs),
    /// Make up pages from the bin by the page plan, and write the layout.
    Make(make::MakeArgs),
}

/// Exit code for input that cannot be used.
pub const EXIT_INVALID: u8 = 2;
/// Exit code when the page has overset, overlapping or off-page items.
pub const EXIT_PROBLEMS: u8 = 1;

/// Runs a subcommand; `None` means the editor should open.
pub fn run(cli: &Cli) -> Option<ExitCode> {
    let command = cli.command.as_ref()?;
    Some(match command {
        Command::Check { issue, layout, json, font } => {
            check::run(issue, layout.as_deref(), font.as_deref(), *json, cli.ui_lang())
        }
        Command::Proof(args) => proof::run(args, cli.ui_lang()),
        Command::Fit(args) => fit::run(args, cli.ui_lang()),
        Command::Export(args) => export::run(args, cli.ui_lang()),
        Command::Make(args) => make::run(args, cli.ui_lang()),
        Command::Diff { files, issue, json } => diff::run(files, issue.as_deref(), *json),
        Command::Merge { base, ours, theirs, path, issue } => {
            merge::run(base, ours, theirs, path.as_deref(), issue.as_deref())
        }
    })
}

/// `--ambiwidth`: how wide the terminal draws “ ” × — … (as vim's ambiwidth).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum AmbiArg {
    #[default]
    Single,
    Double,
}

impl From<AmbiArg> for AmbiWidth {
    fn from(a: AmbiArg) -> AmbiWidth {
        match a {
            AmbiArg::Single => AmbiWidth::Single,
            AmbiArg::Double => AmbiWidth::Double,
        }
    }
}

/// `--ui-lang`: the interface language, whatever the locale says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum UiLangArg {
    En,
    #[value(name = "zh-Hans", alias = "zh")]
    ZhHans,
}

impl From<UiLangArg> for UiLang {
    fn from(a: UiLangArg) -> UiLang {
        match a {
            UiLangArg::En => UiLang::En,
            UiLangArg::ZhHans => UiLang::ZhHans,
        }
    }
}

impl Cli {
    /// The interface language: `--ui-lang` when given, else the locale's.
    pub fn ui_lang(&self) -> UiLang {
        UiLang::choose(self.ui_lang.map(UiLang::from))
    }
}

/// What `proof` and `fit` are given: the issue, its layout, one item, JSON or text.
#[derive(Debug, clap::Args)]
pub struct BoxArgs {
    pub issue: PathBuf,
    #[arg(long)]
    pub layout: Option<PathBuf>,
    /// Only this item.
    #[arg(long)]
    pub item: Option<String>,
    /// Machine-readable output (English keys).
    #[arg(long)]
    pub json: bool,
}

/// `--item ID` names no item of the issue: says so in `lang`, exit 2.
pub fn no_such_item(issue: &Path, id: &str, lang: UiLang) -> ExitCode {
    use pasteup_core::catalogue::Render;
    let refusal = pasteup_core::layout::Refusal::NoSuchItem { item: pasteup_core::format::printable(id) };
    errln!("{}: {}", issue.display(), refusal.render(lang));
    ExitCode::from(EXIT_INVALID)
}

/// Opens the issue and layout for a command: an error or a warning goes to standard error,
/// and input that cannot be used gives exit code 2.
pub fn open_for_command(issue: &Path, layout: Option<&Path>) -> Result<Opened, ExitCode> {
    let opened = open(Some(issue), layout).map_err(|e| {
        errln!("{e}");
        ExitCode::from(EXIT_INVALID)
    })?;
    for w in &opened.warnings {
        errln!("{w}");
    }
    Ok(opened)
}

/// [`open_for_command`] for a command that sets or writes the pages (`proof`, `fit`,
/// `export`, `make`): the layout's problems on standard error, and exit 2 when one makes it
/// unusable as it stands (an item or page the issue lacks, a page twice, a depth out of
/// range), as `check` says; the editor alone repairs such a layout.
pub fn open_usable(issue: &Path, layout: Option<&Path>, lang: UiLang) -> Result<Opened, ExitCode> {
    let opened = open_for_command(issue, layout)?;
    for p in &opened.problems {
        errln!("{}", p.render(lang));
    }
    if opened.problems.iter().any(|p| p.kind().is_invalid()) {
        return Err(ExitCode::from(EXIT_INVALID));
    }
    Ok(opened)
}

/// The input of a command that `out` names (through links), in words: the issue, the layout
/// (when `layout`: `make` writes over it by design), a font file named with `--font`, or a
/// photo the exports draw and `make` sizes.
pub fn input_named_by(opened: &Opened, out: &Path, fonts: &[PathBuf], layout: bool) -> Option<String> {
    let name = |what: &str, path: &Path| format!("the {what} {}", printable(&path.display().to_string()));
    if same_file(out, &opened.issue_path) {
        return Some(name("issue", &opened.issue_path));
    }
    if let Some(font) = fonts.iter().find(|f| same_file(out, f)) {
        return Some(name("font", font));
    }
    if layout && opened.layout_found && same_file(out, &opened.layout_path) {
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
