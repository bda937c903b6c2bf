//! `pasteup check`: validate an issue and its layout, report fit per page, column and item.
//! Exit 0 when everything fits, 1 when anything is overset, overlapping, off the grid, below
//! the foot or placed twice, 2 when the input cannot be used.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use pasteup_core::document::Opened;

use super::open_for_command;
use super::{EXIT_INVALID, EXIT_PROBLEMS};
use pasteup_core::format;
use pasteup_core::layout::{Makeup, PageSummary};
use pasteup_core::problem::Located;
use pasteup_core::report::{
    CheckPage, CheckReport, FinishedBox, ProblemEntry, Where, columns_label, depth_label, fit_label,
};

pub fn run(issue: &Path, layout: Option<&Path>, json: bool) -> ExitCode {
    let opened = match open_for_command(issue, layout) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let (out, code) = report(opened, json);
    print!("{out}");
    ExitCode::from(code)
}

/// The report of an opened issue and layout, and the exit code it calls for.
pub fn report(opened: Opened, json: bool) -> (String, u8) {
    let Opened { issue, layout, problems, issue_path, layout_path, layout_found, .. } = opened;
    let files = Files { issue: issue_path, layout: layout_path, layout_found };
    let invalid = problems.iter().any(|p| p.kind().is_invalid());
    // The issue is moved, not copied: a 200-page issue is 12 MB of text.
    let makeup = Makeup::new(issue, &layout);
    let findings = findings(problems, &files.layout, &makeup);
    let out = if json {
        serde_json::to_string_pretty(&report_json(&files, &makeup, &findings)).unwrap_or_default() + "\n"
    } else {
        report_text(&files, &makeup, &findings)
    };
    let code = if invalid {
        EXIT_INVALID
    } else if findings.is_empty() {
        0
    } else {
        EXIT_PROBLEMS
    };
    (out, code)
}

/// The problems of the layout as read (with their positions in the file), then those of the
/// pages as they stand (in the file as a whole).
/// The files a report is about.
struct Files {
    issue: PathBuf,
    layout: PathBuf,
    /// Whether a layout file was read (else every item is in the bin).
    layout_found: bool,
}

fn findings(as_read: Vec<Located>, layout: &Path, makeup: &Makeup) -> Vec<Located> {
    let mut out = as_read;
    let on_page = |problem| Located { problem, file: layout.to_path_buf(), line: None, col: None };
    out.extend(makeup.validate().into_iter().map(on_page));
    out
}

fn report_text(files: &Files, makeup: &Makeup, findings: &[Located]) -> String {
    let issue = makeup.issue();
    let mut out = String::new();
    let placed = issue.items.len() - makeup.bin().len();
    let _ = writeln!(
        out,
        "{} {} — {} pages, {} items ({placed} placed, {} in the bin)",
        format::printable(&issue.paper),
        format::printable(&issue.date),
        issue.pages.len(),
        issue.items.len(),
        makeup.bin().len()
    );
    let layout_name =
        if files.layout_found { files.layout.display().to_string() } else { "none (every item in the bin)".into() };
    let _ = writeln!(out, "layout: {}", format::printable(&layout_name));
    for page in &issue.pages {
        let Some(summary) = makeup.page_summary(page.number) else { continue };
        write_page(&mut out, makeup, page, &summary);
    }
    write_bin(&mut out, makeup);
    out.push('\n');
    if findings.is_empty() {
        let _ = writeln!(out, "all fits: no overset, overlapping or off-page items");
    } else {
        let _ = writeln!(out, "{} problem{}:", findings.len(), if findings.len() == 1 { "" } else { "s" });
        for f in findings {
            let _ = writeln!(out, "  {f}");
        }
    }
    out
}

fn write_page(out: &mut String, makeup: &Makeup, page: &pasteup_core::model::Page, s: &PageSummary) {
    let g = &page.grid;
    let section = page.section.as_deref().map(|t| format!(" — {}", format::printable(t))).unwrap_or_default();
    let _ = writeln!(
        out,
        "\npage {}{section}: {} columns × {} em, gutter {} em, {} lines",
        page.number, g.columns, g.column_width, g.gutter, g.depth
    );
    let row = |name: &str, f: &dyn Fn(&pasteup_core::layout::ColumnSummary) -> u32| {
        let cells: String = s.columns.iter().map(|c| format!("{:>5}", f(c))).collect();
        format!("  {name:<9}{cells}\n")
    };
    out.push_str(&format!(
        "  {:<9}{}\n",
        "column",
        s.columns.iter().map(|c| format!("{:>5}", c.column)).collect::<String>()
    ));
    out.push_str(&row("used", &|c| c.used));
    out.push_str(&row("free", &|c| c.free));
    out.push_str(&row("over foot", &|c| c.over_foot));
    out.push_str(&row("overset", &|c| c.overset));
    for b in makeup.resolved(page.number) {
        let title = format::printable(makeup.issue().items[b.index].title());
        let foot = if b.over_foot { ", over the foot" } else { "" };
        let _ = writeln!(
            out,
            "  {:<24} {:<13} lines {:>3}–{:<3} {:<9} {}{foot}  {}",
            b.item,
            columns_label(b.column, b.span),
            b.line,
            b.line + b.box_depth.max(1) - 1,
            depth_label(b.depth),
            fit_label(&b.fit),
            title
        );
    }
    let _ = writeln!(
        out,
        "  page: {} lines used, {} free, fit {:+}, {} overset ({} lines, {} characters), {} over the foot",
        s.used,
        s.free,
        s.fit_lines,
        s.overset.len(),
        s.overset_lines,
        s.overset_chars,
        s.over_foot.len()
    );
}

fn write_bin(out: &mut String, makeup: &Makeup) {
    let bin = makeup.bin_entries();
    let _ = writeln!(out, "\nbin: {} item{}", bin.len(), if bin.len() == 1 { "" } else { "s" });
    for e in &bin {
        let _ = writeln!(
            out,
            "  {:<24} {:<8} {:>5} chars {:>4} lines at one column  {}",
            e.id,
            e.kind.name(),
            e.chars,
            e.lines,
            format::printable(&e.title)
        );
    }
}

fn report_json(files: &Files, makeup: &Makeup, findings: &[Located]) -> CheckReport {
    let issue = makeup.issue();
    let pages = issue
        .pages
        .iter()
        .map(|page| {
            let items = makeup
                .resolved(page.number)
                .iter()
                .map(|b| FinishedBox::new(&issue.items[b.index], &b.set, Some(Where::of(page.number, b)), &b.fit))
                .map(FinishedBox::rendered)
                .collect();
            CheckPage {
                number: page.number,
                section: page.section.clone(),
                grid: page.grid.clone(),
                summary: makeup.page_summary(page.number),
                items,
            }
        })
        .collect();
    CheckReport {
        issue: files.issue.display().to_string(),
        layout: files.layout_found.then(|| files.layout.display().to_string()),
        paper: issue.paper.clone(),
        date: issue.date.clone(),
        ok: findings.is_empty(),
        pages,
        bin: makeup.bin_entries(),
        problems: findings.iter().map(ProblemEntry::of).collect(),
    }
}
