//! `pasteup make`: automatic make-up (docs/make.md). Makes the pages from the bin by the
//! page plan, writes the layout atomically (by default over the layout file itself) and
//! prints what it placed, what it left in the bin and why. Exit 0 when every item it tried
//! to place was placed and every page keeps the rules, 1 when something could not be placed,
//! 2 for input that cannot be used (nothing is written then).

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use pasteup_core::catalogue::{Label, MakeLine, Render, UiLang};
use pasteup_core::document::issue_as_saved;
use pasteup_core::format::{comment_lines, printable, printable_path, same_file, save_layout, to_ron_string};
use pasteup_core::layout::make::{Broken, LeftItem, LeftReason, MadePage, MakeReport};
use pasteup_core::layout::{MakeOptions, Makeup};
use pasteup_core::model::Layout;

use super::progress::Progress;
use super::{EXIT_INVALID, EXIT_PROBLEMS, input_named_by, open_to_make};

/// The arguments of `pasteup make`.
#[derive(Debug, Clone, clap::Args)]
pub struct MakeArgs {
    /// The issue file, with its page plan (page, priority, with on the items).
    pub issue: PathBuf,
    /// The layout to start from and write (default: ISSUE.layout.ron beside the issue).
    #[arg(long)]
    pub layout: Option<PathBuf>,
    /// Make only this page, from empty (its boxes go back to the bin first); repeatable.
    #[arg(long = "page", value_name = "N")]
    pub pages: Vec<u32>,
    /// Let articles have up to two sentences cut from their end to fit (fewest cuts preferred).
    #[arg(long)]
    pub cut: bool,
    /// Where to write the layout (default: the layout file itself; replaced atomically).
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    pub out: Option<PathBuf>,
    /// Machine-readable report (English keys).
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &MakeArgs, lang: UiLang) -> ExitCode {
    let opened = match open_to_make(&args.issue, args.layout.as_deref(), lang) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let out = args.out.clone().unwrap_or_else(|| opened.layout_path.clone());
    if let Some(input) = input_named_by(&opened, &out, &[], false) {
        let shown = printable_path(&out);
        errln!("{shown}: cannot write the layout over {input}, which this command reads; name another file with -o");
        return ExitCode::from(EXIT_INVALID);
    }
    if out != Path::new("-") && pasteup_core::document::is_issue_file(&out) {
        let shown = printable_path(&out);
        errln!(
            "{shown}: cannot write the layout over the issue {shown}, the copy desk's file, which pasteup never writes; name another file with -o"
        );
        return ExitCode::from(EXIT_INVALID);
    }
    let issue_path = opened.issue_path.clone();
    // Written over the file read, the layout loses its comments, as a save's does: said, as
    // merge says it (found from outside: make dropped them without a word).
    let over_read = opened.layout_found && same_file(&out, &opened.layout_path);
    let comments = if over_read { comment_lines(&opened.layout_src) } else { 0 };
    // A merge's notes are the page editor's to decide: make decides none, so they stay.
    let notes = opened.layout.conflicts.clone();
    // The issue as the layout read names it, kept where it still names it from `out`.
    let named = opened.layout_found.then(|| opened.layout.issue.clone());
    // To standard output (`-o /dev/stdout`), the layout names its issue from the folder it is
    // run in, not from /dev, and the report goes to standard error: found from outside, the
    // issue read `../tmp/…` and the report ran into the layout, or was lost redirected.
    // `-o -` is standard output, as `export` has it (found from outside: it wrote a file named
    // `-`; `./-` still does).
    let dash = out == Path::new("-");
    let to_stdout = dash || is_standard_output(&out);
    let relative_to = if to_stdout { Path::new("./-") } else { out.as_path() };
    // Before any page is made: a layout that cannot name its issue is not written at all.
    let issue_named = match issue_as_saved(&issue_path, relative_to, named.as_deref()) {
        Ok(name) => name,
        Err(why) => {
            errln!("{}", super::after_file(&out, &why.render(lang)));
            errln!("nothing was written to {}", printable_path(&out));
            return ExitCode::from(EXIT_INVALID);
        }
    };
    let mut desk = Makeup::new(opened.issue, &opened.layout);
    let options = MakeOptions { from_empty: !args.pages.is_empty(), pages: args.pages.clone(), cut: args.cut };
    let mut progress = Progress::new("pages");
    let made = desk.make(&options, &mut |done, total, free| {
        progress.set(done, total, &MakeLine::FreeSoFar { free }.render(lang));
    });
    progress.finish();
    let report = match made {
        Ok((report, _)) => report,
        Err(refusal) => {
            // Found from outside: `--page 9` began with a capital and named no file.
            errln!("{}", super::after_file(&issue_path, &refusal.render(lang)));
            return ExitCode::from(EXIT_INVALID);
        }
    };
    let layout = Layout { conflicts: notes, ..desk.to_layout(&issue_named) };
    // Over a layout, its line endings and byte-order mark are kept, as every save keeps them.
    if dash {
        crate::note_stdout(std::io::stdout().lock().write_all(to_ron_string(&layout).as_bytes()));
    } else if let Err(e) = save_layout(&out, &layout) {
        errln!("{e}");
        errln!("nothing was written to {}", printable_path(&out));
        return ExitCode::from(EXIT_INVALID);
    }
    let said = if args.json {
        format!("{}\n", serde_json::to_string_pretty(&report).unwrap_or_default())
    } else {
        report_text(&report, lang)
    };
    if to_stdout {
        errln!("{}", said.trim_end());
    } else {
        out!("{said}");
    }
    if comments > 0 {
        errln!("{}", MakeLine::CommentsDropped { lines: comments }.render(lang));
    }
    // Found from outside: written over a layout an editor had open, make said nothing (the
    // editor asks, but the desk running make should know).
    if let Some(owner) = (!to_stdout)
        .then(|| pasteup_core::journal::holder(&out, pasteup_core::journal::spare_dir().as_deref()))
        .flatten()
    {
        errln!("{}", MakeLine::OpenInEditor { owner: printable(&owner.to_string()) }.render(lang));
    }
    if !layout.conflicts.is_empty() {
        errln!("{}", MakeLine::NotesKept { notes: layout.conflicts.len() }.render(lang));
    }
    ExitCode::from(if report.complete() && layout.conflicts.is_empty() { 0 } else { EXIT_PROBLEMS })
}

/// Whether `path` is this process's standard output (`/dev/stdout`, `/proc/self/fd/1`, or the
/// file it is redirected to): the same file by device and inode.
fn is_standard_output(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        use std::os::unix::fs::MetadataExt;
        let Ok(ours) = std::io::stdout().as_fd().try_clone_to_owned() else { return false };
        let (Ok(ours), Ok(there)) = (std::fs::File::from(ours).metadata(), std::fs::metadata(path)) else {
            return false;
        };
        ours.dev() == there.dev() && ours.ino() == there.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        false
    }
}

/// The report as a person reads it, in `lang`.
pub fn report_text(report: &MakeReport, lang: UiLang) -> String {
    let mut out = String::new();
    for page in &report.pages {
        write_page(&mut out, page, lang);
    }
    let (waiting, took): (Vec<&LeftItem>, Vec<&LeftItem>) = report.bin.iter().partition(|l| l.waiting());
    if !took.is_empty() {
        let _ = writeln!(out, "{}", MakeLine::BinHead { items: took.len() }.render(lang));
        for l in took {
            let _ = writeln!(out, "{}", MakeLine::Left { id: left_id(l, lang), reason: l.reason }.render(lang));
        }
    }
    // What waits for a page not made is in the bin too: said, as `check` will count it (found
    // from outside: `make --page 2` said `0 left in the bin`, `check` then `bin: 5 items`).
    if !waiting.is_empty() {
        let _ = writeln!(out, "{}", MakeLine::WaitHead { items: waiting.len() }.render(lang));
        for l in waiting {
            let line = MakeLine::Waits { id: left_id(l, lang), page: l.page.unwrap_or_default() };
            let _ = writeln!(out, "{}", line.render(lang));
        }
    }
    let total = MakeLine::Total {
        pages: report.pages.len(),
        placed: report.placed(),
        left: report.left(),
        waiting: report.waiting(),
        free: report.pages.iter().map(|p| p.free_lines).sum(),
        column_lines: report.pages.iter().map(|p| p.column_lines).sum(),
    };
    let _ = writeln!(out, "{}", total.render(lang));
    out
}

/// An item left in the bin as the report names it: with the part, for a part of a continued
/// article.
fn left_id(l: &LeftItem, lang: UiLang) -> String {
    match l.part {
        Some(part) => format!("{}{}", printable(&l.id), Label::PartOf(part).render(lang)),
        None => printable(&l.id),
    }
}

fn write_page(out: &mut String, page: &MadePage, lang: UiLang) {
    let head = MakeLine::PageHead {
        page: page.number,
        placed: page.placed.len(),
        kept: page.kept,
        free: page.free_lines,
        column_lines: page.column_lines,
        short_boxes: page.short_boxes,
        short_lines: page.short_lines,
        cut: page.cut_sentences,
    };
    let _ = writeln!(out, "{}", head.render(lang));
    for b in &page.placed {
        let line = MakeLine::Placed {
            id: printable(&b.id),
            kind: b.kind,
            first: b.column,
            last: b.column + b.span - 1,
            top: b.line,
            bottom: b.line + b.depth - 1,
            short: b.short,
            cut: b.cut,
        };
        let _ = writeln!(out, "{}", line.render(lang));
    }
    for l in &page.left {
        let _ = writeln!(out, "{}", MakeLine::Left { id: left_id(l, lang), reason: l.reason }.render(lang));
    }
    for b in &page.broken {
        let line = match b {
            Broken::LeadNotAtTop { id } => MakeLine::LeadNotAtTop { id: printable(id) },
            Broken::LeadNarrow { id, span, columns, cause } => {
                MakeLine::LeadNarrow { id: printable(id), span: *span, columns: *columns, cause: *cause }
            }
            Broken::SecondLead { id, lead } => MakeLine::SecondLead { id: printable(id), lead: printable(lead) },
            Broken::NoticeLead { id } => MakeLine::NoticeLead { id: printable(id) },
            Broken::KeptOverlap { id, other } => MakeLine::KeptOverlap { id: printable(id), other: printable(other) },
            Broken::KeptOverset { id } => MakeLine::KeptOverset { id: printable(id) },
            Broken::KeptPastFoot { id } => MakeLine::KeptPastFoot { id: printable(id) },
            Broken::KeptEmpty { id } => MakeLine::KeptEmpty { id: printable(id) },
        };
        let _ = writeln!(out, "{}", line.render(lang));
    }
    for g in &page.gaps {
        let (first, last) = (g.column, g.column + g.span - 1);
        let line = MakeLine::Gap { first, last, top: g.line, bottom: g.line + g.lines - 1 };
        let _ = writeln!(out, "{}", line.render(lang));
    }
    let open = page.open_lines;
    if let Some(why) = page.nothing_fits() {
        let line = if why == LeftReason::TooDeep {
            MakeLine::NothingFits { open }
        } else {
            MakeLine::NothingFitsByRules { open }
        };
        let _ = writeln!(out, "{}", line.render(lang));
    } else if !page.copy_enough() {
        let short = MakeLine::ShortOfCopy { offered: page.offered_lines, open: page.open_lines };
        let _ = writeln!(out, "{}", short.render(lang));
    }
}
