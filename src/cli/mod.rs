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

use pasteup_core::catalogue::{Render, Report, UiLang};
use pasteup_core::document::{Opened, open};
use pasteup_core::fit::width::AmbiWidth;
use pasteup_core::format::{printable, printable_path};

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
        /// The issue (or a layout, which names its issue).
        issue: PathBuf,
        /// The layout to check (default: ISSUE.layout.ron beside the issue).
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
    if matches!(command, Command::Export(_) | Command::Make(_) | Command::Merge { .. }) {
        crate::ending::stop_cleanly_on_signals();
    }
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
    /// The command line of `args`, with `--ui-lang` (and, for `export`, `--ambiwidth`) given
    /// before a subcommand moved after its name: the editor's own options conflict with a
    /// subcommand, and clap counted these among them (found from outside: `pasteup --ui-lang
    /// zh-Hans check x.ron` called `x.ron` a subcommand).
    pub fn parse_from_args(args: impl IntoIterator<Item = std::ffi::OsString>) -> Cli {
        use clap::CommandFactory;
        match lift_subcommand_options(args.into_iter().collect()) {
            Ok(args) => Cli::try_parse_from(args).unwrap_or_else(|e| said_and_exit(&e)),
            Err(message) => said_and_exit(&Cli::command().error(clap::error::ErrorKind::ArgumentConflict, message)),
        }
    }

    /// The interface language: `--ui-lang` when given, else the locale's.
    pub fn ui_lang(&self) -> UiLang {
        UiLang::choose(self.ui_lang.map(UiLang::from))
    }
}

/// clap's words and its exit code; but help and the version, standard output's, lost to a
/// failed write (not a closed pipe) are said and exit 2, as any command's output is (found from
/// outside: `--version > /dev/full` exited 0 without a word).
fn said_and_exit(e: &clap::Error) -> ! {
    let printed = e.print();
    if !e.use_stderr() {
        crate::note_stdout(printed);
        if crate::stdout_failed() {
            std::process::exit(EXIT_INVALID.into());
        }
    }
    std::process::exit(e.exit_code())
}

/// `args` (the program's name first) with the options a subcommand also takes, given before
/// its name, moved just after it; an editor's option given before a subcommand that does not
/// take it is refused, by name (clap's own words called the issue a subcommand).
fn lift_subcommand_options(mut args: Vec<std::ffi::OsString>) -> Result<Vec<std::ffi::OsString>, String> {
    use clap::CommandFactory;
    let mut cli = Cli::command();
    // Built, so that each subcommand holds the global `--ui-lang` too.
    cli.build();
    // The options before the first word that is not one; each of these takes a value.
    let mut k = 1;
    while let Some(arg) = args.get(k).and_then(|a| a.to_str()).filter(|a| a.starts_with("--") && *a != "--") {
        k += if arg.contains('=') { 1 } else { 2 };
    }
    let Some(name) = args.get(k).and_then(|a| a.to_str()).map(str::to_owned) else { return Ok(args) };
    let Some(sub) = cli.find_subcommand(&name) else {
        return match mistyped_command(&cli, &name) {
            Some(meant) => {
                Err(format!("'{name}' is neither a command nor a file; to run '{meant}', write 'pasteup {meant} …'"))
            }
            None => match unknown_command(&cli, &name, &args[k + 1..]) {
                Some(said) => Err(said),
                None => Ok(args),
            },
        };
    };
    let takes = |option: &str| sub.get_arguments().any(|a| a.get_long() == Some(option));
    let mut lifted = Vec::new();
    let mut kept = vec![args[0].clone()];
    let mut i = 1;
    while i < k {
        let arg = args[i].to_string_lossy().into_owned();
        let option = arg.trim_start_matches("--").split('=').next().unwrap_or_default().to_owned();
        let width = if arg.contains('=') { 1 } else { 2 };
        let end = (i + width).min(k);
        if takes(&option) {
            lifted.extend_from_slice(&args[i..end]);
        } else if cli.get_arguments().any(|a| a.get_long() == Some(option.as_str())) {
            return Err(format!("--{option} is an option of the editor, and '{name}' does not take it; leave it out"));
        } else {
            kept.extend_from_slice(&args[i..end]);
        }
        i = end;
    }
    if lifted.is_empty() {
        return Ok(args);
    }
    kept.push(args[k].clone());
    kept.extend(lifted);
    kept.extend(args.drain(k + 1..));
    Ok(kept)
}

/// The command `word` was most likely meant to be, when it is no file or folder and is within
/// two letters of one (found from outside: `pasteup exprot --format pdf` was told that
/// `--format` was unexpected, and `pasteup exprot` that there was no such file).
fn mistyped_command(cli: &clap::Command, word: &str) -> Option<String> {
    if Path::new(word).exists() || word.contains(['.', '/', '\\']) {
        return None;
    }
    let word = word.to_lowercase();
    cli.get_subcommands()
        .map(|sub| sub.get_name())
        .filter(|&name| name != "help")
        .map(|name| (strsim::damerau_levenshtein(&word, name), name))
        .filter(|&(distance, name)| distance <= 2 && distance < name.len() / 2 + 1)
        .min()
        .map(|(_, name)| name.to_owned())
}

/// The first word, in a command's place, said to be no command when more words follow it: the
/// editor opens one issue, and clap's own words (`the subcommand 'base.ron' cannot be used with
/// '[ISSUE]'`) never said `pasteup validate base.ron` named no command. A command among the
/// words after it is shown first, else the commands are listed.
fn unknown_command(cli: &clap::Command, word: &str, rest: &[std::ffi::OsString]) -> Option<String> {
    if word.starts_with('-') {
        return None;
    }
    let takes_value =
        |long: &str| cli.get_arguments().any(|a| a.get_long() == Some(long) && a.get_action().takes_values());
    let mut words = Vec::new();
    let mut others = 0;
    let mut rest = rest.iter().map(|a| a.to_string_lossy());
    while let Some(arg) = rest.next() {
        match arg.strip_prefix("--") {
            Some("") => words.extend(rest.by_ref()),
            Some(long) if takes_value(long) => others += usize::from(rest.next().is_some()) + 1,
            _ if arg.starts_with('-') && arg.len() > 1 => others += 1,
            _ => words.push(arg),
        }
    }
    let commands: Vec<&str> = cli.get_subcommands().map(clap::Command::get_name).filter(|&n| n != "help").collect();
    let command = words.iter().position(|w| commands.contains(&w.as_ref()));
    match command {
        Some(at) => {
            let more = if words.len() + others > 1 { " …" } else { "" };
            let command = &words[at];
            Some(format!("'{word}' is not a command; to run '{command}', write 'pasteup {command} {word}{more}'"))
        }
        None if words.is_empty() => None,
        None => {
            let (last, first) = commands.split_last()?;
            Some(format!(
                "'{word}' is not a command; the commands are {} and {last} (pasteup help COMMAND)",
                first.join(", ")
            ))
        }
    }
}

/// What `proof` and `fit` are given: the issue, its layout, one item, JSON or text.
#[derive(Debug, clap::Args)]
pub struct BoxArgs {
    /// The issue (or a layout, which names its issue).
    pub issue: PathBuf,
    /// The layout (default: ISSUE.layout.ron beside the issue).
    #[arg(long)]
    pub layout: Option<PathBuf>,
    /// Only this item.
    #[arg(long)]
    pub item: Option<String>,
    /// Machine-readable output (English keys).
    #[arg(long)]
    pub json: bool,
}

/// `--item ID` names no item of `issue` (read from `path`): says so in `lang`, with the id
/// most like it, exit 2.
pub fn no_such_item(path: &Path, issue: &pasteup_core::model::Issue, id: &str, lang: UiLang) -> ExitCode {
    use pasteup_core::catalogue::Render;
    let nearest = issue.nearest_id(id).map(printable);
    let refusal = pasteup_core::layout::Refusal::NoSuchItem { item: printable(id), nearest };
    // After `FILE: ` a message goes on in small letters, as every other one does.
    errln!("{}", after_file(path, &refusal.render(lang)));
    ExitCode::from(EXIT_INVALID)
}

/// `FILE: message`, the message going on in small letters after the file's name, as every
/// other one does (the editor's status line begins its sentences with a capital).
pub fn after_file(path: &Path, said: &str) -> String {
    let mut chars = said.chars();
    let said: String = chars.next().map_or_else(String::new, |c| c.to_lowercase().chain(chars).collect());
    format!("{}: {said}", printable_path(path))
}

/// Opens the issue and layout for a command: an error or a warning goes to standard error,
/// and input that cannot be used gives exit code 2.
pub fn open_for_command(issue: &Path, layout: Option<&Path>, lang: UiLang) -> Result<Opened, ExitCode> {
    opened_or_exit(open(Some(issue), layout), lang)
}

/// What was opened, its warnings said in `lang`; or the error said and exit 2.
fn opened_or_exit(opened: Result<Opened, pasteup_core::format::LoadError>, lang: UiLang) -> Result<Opened, ExitCode> {
    use pasteup_core::catalogue::Render;
    let opened = opened.map_err(|e| {
        errln!("{}", e.render(lang));
        ExitCode::from(EXIT_INVALID)
    })?;
    for w in &opened.warnings {
        errln!("{}", w.render(lang));
    }
    Ok(opened)
}

/// [`open_for_command`] for a command that sets or writes the pages (`proof`, `fit`,
/// `export`, `make`): the layout's problems on standard error, and exit 2 when one makes it
/// unusable as it stands (an item or page the issue lacks, a page twice, a depth out of
/// range), as `check` says; the editor alone repairs such a layout.
pub fn open_usable(issue: &Path, layout: Option<&Path>, lang: UiLang) -> Result<Opened, ExitCode> {
    usable(open_for_command(issue, layout, lang)?, lang)
}

/// [`open_usable`] for `make`, which writes the layout: one named that is not there yet is a
/// new one, every item in the bin (found from outside: `make --layout new.layout.ron` was
/// refused, where `make` without it makes the default layout).
pub fn open_to_make(issue: &Path, layout: Option<&Path>, lang: UiLang) -> Result<Opened, ExitCode> {
    // Whether the layout can name its issue is said by `make` for the file it writes (`-o`),
    // once, not also for the layout read.
    let opened = pasteup_core::document::open_to_edit(Some(issue), layout).map(|mut opened| {
        opened.warnings.retain(|w| !matches!(w, pasteup_core::format::Note::CannotSave { .. }));
        opened
    });
    usable(opened_or_exit(opened, lang)?, lang)
}

/// The layout's problems said; exit 2 when one makes it unusable.
fn usable(opened: Opened, lang: UiLang) -> Result<Opened, ExitCode> {
    for p in &opened.problems {
        errln!("{}", p.render(lang));
    }
    if opened.problems.iter().any(|p| p.kind().is_invalid()) {
        let path = printable_path(&opened.layout_path);
        errln!("{}", Report::LayoutNotUsed { path }.render(lang));
        return Err(ExitCode::from(EXIT_INVALID));
    }
    Ok(opened)
}

/// The input of a command that `out` names (through links), in words: the issue, the layout
/// (when `layout`: `make` writes over it by design), a font file named with `--font`, or a
/// photo the exports draw and `make` sizes.
pub fn input_named_by(opened: &Opened, out: &Path, fonts: &[PathBuf], layout: bool) -> Option<String> {
    let layout = (layout && opened.layout_found).then_some(opened.layout_path.as_path());
    pasteup_core::document::input_named_by(&opened.issue, &opened.issue_path, layout, fonts, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lifted(line: &str) -> String {
        let args = line.split(' ').map(std::ffi::OsString::from).collect();
        match lift_subcommand_options(args) {
            Ok(out) => out.iter().map(|a| a.to_string_lossy().into_owned()).collect::<Vec<_>>().join(" "),
            Err(message) => message,
        }
    }

    #[test]
    fn options_a_subcommand_takes_move_after_its_name() {
        assert_eq!(lifted("pasteup --ui-lang zh-Hans check x.ron"), "pasteup check --ui-lang zh-Hans x.ron");
        assert_eq!(lifted("pasteup --ui-lang=en proof x.ron --json"), "pasteup proof --ui-lang=en x.ron --json");
        assert_eq!(
            lifted("pasteup --ambiwidth double --ui-lang en export x.ron --format text"),
            "pasteup export --ambiwidth double --ui-lang en x.ron --format text"
        );
        // `check` takes no `--ambiwidth`: refused by name.
        assert_eq!(
            lifted("pasteup --ambiwidth double check x.ron"),
            "--ambiwidth is an option of the editor, and 'check' does not take it; leave it out"
        );
        // `proof` takes a `--layout` of its own.
        assert_eq!(lifted("pasteup --layout=a.layout.ron proof x.ron"), "pasteup proof --layout=a.layout.ron x.ron");
        assert_eq!(
            lifted("pasteup --layout a.layout.ron diff a b"),
            "--layout is an option of the editor, and 'diff' does not take it; leave it out"
        );
        // The editor: no subcommand, nothing moves.
        assert_eq!(lifted("pasteup --ui-lang en x.ron"), "pasteup --ui-lang en x.ron");
        assert_eq!(lifted("pasteup --ui-lang"), "pasteup --ui-lang");
    }

    #[test]
    fn a_mistyped_command_is_named() {
        let said = "'exprot' is neither a command nor a file; to run 'export', write 'pasteup export …'";
        assert_eq!(lifted("pasteup exprot --format pdf x.ron"), said);
        assert_eq!(
            lifted("pasteup --ui-lang en chek x.ron"),
            said.replace("exprot", "chek").replace("export", "check")
        );
        assert_eq!(lifted("pasteup Proof x.ron"), said.replace("exprot", "Proof").replace("export", "proof"));
        // An issue's name, or a word far from every command, is left for the editor to open.
        for line in ["pasteup issue.ron", "pasteup xyzzy", "pasteup ./mkae", "pasteup tonight"] {
            assert_eq!(lifted(line), line);
        }
    }

    #[test]
    fn an_unknown_command_before_a_file_is_named() {
        let commands = "the commands are check, proof, fit, diff, merge, export and make (pasteup help COMMAND)";
        assert_eq!(lifted("pasteup validate base.ron"), format!("'validate' is not a command; {commands}"));
        assert_eq!(
            lifted("pasteup --ui-lang en validate base.ron --json"),
            format!("'validate' is not a command; {commands}")
        );
        assert_eq!(
            lifted("pasteup base.ron check"),
            "'base.ron' is not a command; to run 'check', write 'pasteup check base.ron'"
        );
        assert_eq!(
            lifted("pasteup base.ron export --format text"),
            "'base.ron' is not a command; to run 'export', write 'pasteup export base.ron …'"
        );
        // The editor's one issue, with its options, is no command.
        for line in [
            "pasteup base.ron --layout l.ron",
            "pasteup base.ron --ambiwidth=double --ui-lang en",
            "pasteup -- base.ron",
        ] {
            assert_eq!(lifted(line), line);
        }
    }

    #[test]
    fn a_lifted_option_reaches_the_subcommand() {
        let args = ["pasteup", "--ui-lang", "zh-Hans", "check", "x.ron"].map(std::ffi::OsString::from);
        let cli = Cli::parse_from_args(args);
        assert!(matches!(cli.command, Some(Command::Check { .. })));
        assert_eq!(cli.ui_lang, Some(UiLangArg::ZhHans));
    }
}
