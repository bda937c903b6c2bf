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
use pasteup_core::catalogue::{Render, Report, Row, UiLang};
use pasteup_core::format::{self, ProblemKind as FileProblem};
use pasteup_core::layout::{Makeup, PageSummary, Problem, ProblemKind};
use pasteup_core::report::{Where, box_json};

/// A problem found, located in the layout file when it came from reading it.
struct Finding {
    text: String,

    json: Value,
}

pub fn run(issue: &Path, layout: Option<&Path>, json: bool, lang: UiLang) -> ExitCode {
    let opened = match open_for_command(issue, layout) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let (out, code) = report_in(opened, json, lang);
    print!("{out}");
    ExitCode::from(code)
}

/// The report of an opened issue and layout, and the exit code it calls for (in English).
pub fn report(opened: Opened, json: bool) -> (String, u8) {
    report_in(opened, json, UiLang::En)
}

/// The report with its text in `lang` (`--json` is English whatever the language).
pub fn report_in(opened: Opened, json: bool, lang: UiLang) -> (String, u8) {
    let invalid = opened.problems.iter().any(|p| is_invalid(p.kind));
    let makeup = Makeup::new(opened.issue.clone(), &opened.layout);
    let findings = findings(&opened, &makeup);
    let out = if json {
        serde_json::to_string_pretty(&report_json(&opened, &makeup, &findings)).unwrap_or_default() + "\n"
    } else {
        report_text(&opened, &makeup, &findings, lang)
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

fn report_text(opened: &Opened, makeup: &Makeup, findings: &[Finding], lang: UiLang) -> String {
    let issue = makeup.issue();
    let mut out = String::new();
    let head = Report::IssueHead {
        paper: format::printable(&issue.paper),
        date: format::printable(&issue.date),
        pages: issue.pages.len(),
        items: issue.items.len(),
        placed: issue.items.len() - makeup.bin().len(),
        bin: makeup.bin().len(),
    };
    let _ = writeln!(out, "{}", head.render(lang));
    let path = opened.layout_found.then(|| format::printable(&opened.layout_path.display().to_string()));
    let _ = writeln!(out, "{}", Report::LayoutFile { path }.render(lang));
    for page in &issue.pages {
        let Some(summary) = makeup.page_summary(page.number) else { continue };
        write_page(&mut out, makeup, page, &summary, lang);
    }
    write_bin(&mut out, makeup, lang);
    out.push('\n');
    if findings.is_empty() {
        let _ = writeln!(out, "{}", Report::AllFits.render(lang));
    } else {
        let _ = writeln!(out, "{}", Report::Problems { count: findings.len() }.render(lang));
        for f in findings {
            let _ = writeln!(out, "  {}", f.text);
        }
    }
    out
}

fn write_page(out: &mut String, makeup: &Makeup, page: &pasteup_core::model::Page, s: &PageSummary, lang: UiLang) {
    let g = &page.grid;
    let head = Report::PageHead {
        page: page.number,
        section: page.section.as_deref().map(format::printable),
        columns: g.columns,
        width: g.column_width,
        gutter: g.gutter,
        depth: g.depth,
    };
    let _ = writeln!(out, "\n{}", head.render(lang));
    let row = |name: Row, f: &dyn Fn(&pasteup_core::layout::ColumnSummary) -> u32| {
        let cells: String = s.columns.iter().map(|c| format!("{:>5}", f(c))).collect();
        format!("  {}{cells}\n", Report::RowName(name).render(lang))
    };
    out.push_str(&row(Row::Column, &|c| u32::from(c.column)));
    out.push_str(&row(Row::Used, &|c| c.used));
    out.push_str(&row(Row::Free, &|c| c.free));
    out.push_str(&row(Row::OverFoot, &|c| c.over_foot));
    out.push_str(&row(Row::Overset, &|c| c.overset));
    for b in makeup.resolved(page.number) {
        let title = makeup.issue().item(&b.item).map(|i| format::printable(i.title())).unwrap_or_default();
        let line = Report::BoxLine {
            id: b.item.clone(),
            column: b.column,
            span: b.span,
            top: b.line,
            bottom: b.line + b.box_depth.max(1) - 1,
            depth: b.depth,
            fit: b.fit,
            over_foot: b.over_foot,
            title,
        };
        let _ = writeln!(out, "{}", line.render(lang));
    }
    let total = Report::PageTotal {
        used: s.used,
        free: s.free,
        fit: s.fit_lines,
        overset: s.overset.len(),
        overset_lines: s.overset_lines,
        overset_chars: s.overset_chars,
        past_foot: s.over_foot.len(),
    };
    let _ = writeln!(out, "{}", total.render(lang));
}

fn write_bin(out: &mut String, makeup: &Makeup, lang: UiLang) {
    let bin = makeup.bin_entries();
    let _ = writeln!(out, "\n{}", Report::BinHead { items: bin.len() }.render(lang));
    for e in &bin {
        let line = Report::BinLine {
            id: e.id.clone(),
            kind: e.kind,
            chars: e.chars,
            lines: e.lines,
            title: format::printable(&e.title),
        };
        let _ = writeln!(out, "{}", line.render(lang));
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
