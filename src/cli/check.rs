//! `pasteup check`: validate an issue and its layout, report fit per page, column and item.
//! Exit 0 when everything fits, 1 when anything is overset, overlapping, off the grid, below
//! the foot or placed twice, 2 when the input cannot be used.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use serde_json::{Value, json};

use pasteup_core::document::Opened;

use super::open_for_command;
use super::{EXIT_INVALID, EXIT_PROBLEMS};
use pasteup_core::format::{self, ProblemKind as FileProblem};
use pasteup_core::layout::{Makeup, PageSummary, Problem, ProblemKind};
use pasteup_core::report::{Where, box_json, columns_label, depth_label, fit_label};

/// A problem found, located in the layout file when it came from reading it.
struct Finding {
    text: String,

    json: Value,
}

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
    let invalid = opened.problems.iter().any(|p| is_invalid(p.kind));
    let makeup = Makeup::new(opened.issue.clone(), &opened.layout);
    let findings = findings(&opened, &makeup);
    let out = if json {
        serde_json::to_string_pretty(&report_json(&opened, &makeup, &findings)).unwrap_or_default() + "\n"
    } else {
        report_text(&opened, &makeup, &findings)
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

/// A layout naming what the issue does not have cannot be used as it stands (exit 2); an item
/// placed twice or off the grid is a makeup problem the editor fixes (exit 1).
fn is_invalid(kind: FileProblem) -> bool {
    matches!(
        kind,
        FileProblem::UnknownPage | FileProblem::UnknownItem | FileProblem::DuplicatePage | FileProblem::BadDepth
    )
}

fn findings(opened: &Opened, makeup: &Makeup) -> Vec<Finding> {
    let mut out: Vec<Finding> = opened
        .problems
        .iter()
        .map(|p| Finding {
            text: p.to_string(),

            json: json!({ "kind": file_kind(p.kind), "file": p.file.display().to_string(), "line": p.line, "col": p.col, "message": p.message }),
        })
        .collect();
    out.extend(makeup.validate().iter().map(|p| layout_finding(&opened.layout_path, p)));
    out
}

fn layout_finding(path: &Path, p: &Problem) -> Finding {
    let kind = layout_kind(p.kind);
    Finding {
        text: format!("{}: {}", format::printable(&path.display().to_string()), p.message),

        json: json!({ "kind": kind, "page": p.page, "items": p.items, "message": p.message }),
    }
}

fn file_kind(kind: FileProblem) -> &'static str {
    match kind {
        FileProblem::UnknownPage => "unknown_page",
        FileProblem::DuplicatePage => "duplicate_page",
        FileProblem::UnknownItem => "unknown_item",
        FileProblem::PlacedTwice => "placed_twice",
        FileProblem::OffGrid => "off_grid",
        FileProblem::BadDepth => "bad_depth",
        FileProblem::MergeConflict => "merge_conflict",
    }
}

fn layout_kind(kind: ProblemKind) -> &'static str {
    match kind {
        ProblemKind::Overlap => "overlap",
        ProblemKind::OffGrid => "off_grid",
        ProblemKind::BelowFoot => "below_foot",
        ProblemKind::PlacedTwice => "placed_twice",
        ProblemKind::Overset => "overset",
        ProblemKind::UnknownItem => "unknown_item",
        ProblemKind::UnknownPage => "unknown_page",
    }
}

fn report_text(opened: &Opened, makeup: &Makeup, findings: &[Finding]) -> String {
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
    let layout_name = if opened.layout_found {
        opened.layout_path.display().to_string()
    } else {
        "none (every item in the bin)".into()
    };
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
            let _ = writeln!(out, "  {}", f.text);
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
        let title = makeup.issue().item(&b.item).map(|i| format::printable(i.title())).unwrap_or_default();
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
            format!("{:?}", e.kind).to_lowercase(),
            e.chars,
            e.lines,
            format::printable(&e.title)
        );
    }
}

fn report_json(opened: &Opened, makeup: &Makeup, findings: &[Finding]) -> Value {
    let issue = makeup.issue();
    let pages: Vec<Value> = issue
        .pages
        .iter()
        .map(|page| {
            let items: Vec<Value> = makeup
                .resolved(page.number)
                .iter()
                .filter_map(|b| Some(box_json(issue.item(&b.item)?, &b.set, Some(Where::of(page.number, b)), &b.fit)))
                .collect();
            json!({
                "number": page.number,
                "section": page.section,
                "grid": page.grid,
                "summary": makeup.page_summary(page.number),
                "items": items,
            })
        })
        .collect();
    json!({
        "issue": opened.issue_path.display().to_string(),
        "layout": opened.layout_found.then(|| opened.layout_path.display().to_string()),
        "paper": issue.paper,
        "date": issue.date,
        "ok": findings.is_empty(),
        "pages": pages,
        "bin": makeup.bin_entries(),
        "problems": findings.iter().map(|f| f.json.clone()).collect::<Vec<_>>(),
    })
}
