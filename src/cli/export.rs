//! `pasteup export`: the finished layout written out for the rest of the newsroom.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use pasteup_core::catalogue::{Render, Report, UiLang};
use pasteup_core::document::Opened;
use pasteup_core::export::pdf::{self, DEFAULT_EM_PT, Press};
use pasteup_core::export::preflight::{Asked, missing_glyphs, printed_only};
use pasteup_core::export::{self, Assets, Format, Options};
use pasteup_core::format::{Note, printable_path};
use pasteup_core::layout::Makeup;

use super::progress::Progress;
use super::{AmbiArg, EXIT_INVALID, EXIT_PROBLEMS, input_named_by, open_usable};

/// What to export as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    /// The finished layout as RON, for a typesetting system.
    Ron,
    /// A monospace page proof.
    Text,
    /// A self-contained HTML print proof.
    Html,
    /// The press PDF, set in embedded CJK fonts.
    Pdf,
}

impl FormatArg {
    /// The format of the core's `render`, which all but the PDF go through.
    fn text_format(self) -> Option<Format> {
        match self {
            FormatArg::Ron => Some(Format::Ron),
            FormatArg::Text => Some(Format::Text),
            FormatArg::Html => Some(Format::Html),
            FormatArg::Pdf => None,
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
    /// What to write: the finished layout (ron), a monospace proof (text), a print proof (html)
    /// or the press PDF (pdf).
    #[arg(long, value_enum)]
    pub format: FormatArg,
    /// The file to write (replaced atomically); `-` for standard output.
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    pub out: PathBuf,
    /// Text: how wide the terminal that shows the export draws “ ” × — … (as vim's
    /// ambiwidth; single when not given).
    #[arg(long, value_enum)]
    pub ambiwidth: Option<AmbiArg>,
    /// PDF: a font file to set with (OpenType, TrueType or a .ttc collection), before the
    /// system's; the first sets text, a second heads.
    #[arg(long = "font", value_name = "FILE")]
    pub fonts: Vec<PathBuf>,
    /// PDF: points per em, the body type's size (9 is 小五) [default: 9].
    // A negative size is out of range like any other: taken for an option, it got clap's
    // advice to write `-- -1`, which is refused as well (found from outside).
    #[arg(long = "em-pt", value_name = "PT", allow_negative_numbers = true)]
    pub em_pt: Option<f32>,
}

/// `pasteup export`: exit 0 when written, 2 when the input cannot be used or OUT cannot be
/// written (then nothing is left behind and an existing OUT is untouched).
pub fn run(args: &ExportArgs, lang: UiLang) -> ExitCode {
    if let Some(wrong) = options_problem(args) {
        errln!("{}", wrong.render(lang));
        return ExitCode::from(EXIT_INVALID);
    }
    let opened = match open_usable(&args.issue, args.layout.as_deref(), lang) {
        Ok(o) => o,
        Err(code) => return code,
    };
    if let Some(input) = input_named_by(&opened, &args.out, &args.fonts, true) {
        let out = printable_path(&args.out);
        errln!("{out}: cannot export over {input}, which this command reads; name another file with -o");
        return ExitCode::from(EXIT_INVALID);
    }
    let assets = Assets::for_issue(&opened.issue_path, opened.is_sample);
    let Some(format) = args.format.text_format() else {
        return press(args, opened, assets, lang);
    };
    let makeup = Makeup::new(opened.issue, &opened.layout);
    let options = Options { ambiwidth: args.ambiwidth.unwrap_or_default().into(), assets };
    let bytes = export::render(&makeup, format, &options);
    write(&args.out, &bytes, ExitCode::SUCCESS)
}

/// The press options given where they do nothing, or given too often: nothing is ignored
/// silently.
fn options_problem(args: &ExportArgs) -> Option<Report> {
    let pdf = args.format.text_format().is_none();
    if args.fonts.len() > 2 {
        return Some(Report::FontTooOften { count: args.fonts.len() });
    }
    if !pdf && (!args.fonts.is_empty() || args.em_pt.is_some()) {
        return Some(Report::PressOptionsWithoutPdf);
    }
    // Found from outside: it was taken, and did nothing, for the other formats.
    if args.ambiwidth.is_some() && !matches!(args.format, FormatArg::Text) {
        return Some(Report::AmbiwidthWithoutText);
    }
    None
}

/// Writes `bytes` to `out` atomically: `done` when written, else 2 with nothing left behind.
/// `-` is standard output (found from outside: `-o -` wrote a file named `-`; `./-` still does).
fn write(out: &Path, bytes: &[u8], done: ExitCode) -> ExitCode {
    if out == Path::new("-") {
        crate::note_stdout(std::io::stdout().lock().write_all(bytes));
        return done;
    }
    if let Err(e) = export::write(out, bytes) {
        errln!("{e}");
        errln!("nothing was written to {}", printable_path(out));
        return ExitCode::from(EXIT_INVALID);
    }
    done
}

/// The press PDF: fonts found (else exit 2), every character they lack and every photo
/// image that cannot be drawn listed (then exit 1, the PDF written all the same), pages
/// drawn with a progress bar on a terminal.
fn press(args: &ExportArgs, opened: Opened, assets: Assets, lang: UiLang) -> ExitCode {
    let fonts = match super::check::fonts_for(&opened, &args.fonts) {
        Ok(f) => f,
        Err(e) => {
            errln!("{}", e.render(lang));
            return ExitCode::from(EXIT_INVALID);
        }
    };
    let lacking = missing_glyphs(&opened.issue, &opened.layout, &fonts);
    let makeup = Makeup::new(opened.issue, &opened.layout);
    // Only what the plate prints (`export::plate`): not an item or part waiting in the bin, a
    // sentence cut, a line overset or past the foot (found from outside: each failed the
    // export). `check --font` asks the whole copy.
    let lacking = printed_only(lacking, &makeup);
    let mut lacking = super::check::placed_in_issue(lacking, makeup.issue(), &opened.issue_src, &opened.issue_path);
    let layout = (opened.layout_path.as_path(), opened.layout_src.as_str(), opened.layout_found);
    lacking.extend(super::check::lacking_in_print(&makeup, &fonts, Asked::Plate, layout));
    for located in &lacking {
        // In the interface's language and at its place, as `check --font` lists them (found
        // from outside: the one in Chinese, the other in English).
        errln!("{}", located.render(lang));
    }
    let issue_file = opened.issue_path.display().to_string();
    let press = Press { fonts, em_pt: args.em_pt.unwrap_or(DEFAULT_EM_PT), assets, issue_file };
    let mut bar = Progress::new("pages");
    let bytes = pdf::to_pdf(&makeup, &press, &mut |done, total| bar.set(done, total, ""));
    bar.finish();
    match bytes {
        Ok(mut printed) => {
            // At the photo's `file`, as the warning of every command (found from outside: the
            // PDF alone named no place in the issue).
            pasteup_core::format::place_photo_notes(&mut printed.warnings, makeup.issue(), &opened.issue_src);
            let whole = lacking.is_empty() && printed.warnings.is_empty();
            // A photo whose file every command warned of as it opened is said once, in those
            // words (found from outside: the PDF export said it twice, once in other words).
            let said =
                |id: &str| opened.warnings.iter().any(|w| matches!(w, Note::PhotoUnsized { id: i, .. } if i == id));
            for w in &printed.warnings {
                if !matches!(w, Note::GreyFrame { id, .. } if said(id)) {
                    errln!("{}", w.render(lang));
                }
            }
            let done = if whole { ExitCode::SUCCESS } else { ExitCode::from(EXIT_PROBLEMS) };
            write(&args.out, &printed.bytes, done)
        }
        Err(e) => {
            errln!("{}", e.render(lang));
            let path = printable_path(&args.out);
            errln!("{}", Report::NotWritten { path }.render(lang));
            ExitCode::from(EXIT_INVALID)
        }
    }
}
