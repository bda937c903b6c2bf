//! `pasteup check`: validate an issue and its layout, report fit per page, column and item.
//! Exit 0 when everything fits, 1 when anything is overset, overlapping, off the grid, below
//! the foot or placed twice, 2 when the input cannot be used.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use pasteup_core::document::Opened;

use super::open_for_command;
use super::{EXIT_INVALID, EXIT_PROBLEMS};
use pasteup_core::catalogue::{Render, Report, Row, UiLang, part_id};
use pasteup_core::export::fonts::{FontError, Fonts};
use pasteup_core::export::preflight::{Asked, missing_glyphs, missing_in_print, not_cjk};
use pasteup_core::format;
use pasteup_core::layout::{Makeup, PageSummary};
use pasteup_core::model::Issue;
use pasteup_core::problem::{Located, Problem};
use pasteup_core::report::{self, CheckPage, CheckReport, FinishedBox, ProblemEntry, Where, box_title};

pub fn run(issue: &Path, layout: Option<&Path>, font: Option<&Path>, json: bool, lang: UiLang) -> ExitCode {
    let opened = match open_for_command(issue, layout, lang) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let fonts = match font.map(|f| fonts_for(&opened, &[f.to_path_buf()])).transpose() {
        Ok(fonts) => fonts,
        Err(e) => {
            errln!("{}", e.render(lang));
            return ExitCode::from(EXIT_INVALID);
        }
    };
    let invalid = if json { Vec::new() } else { invalid_lines(&opened, lang) };
    let (out, code) = report_with(opened, fonts.as_ref(), json, lang);
    // The report on standard output whatever the exit code (found from outside: with exit 2
    // the whole report went to standard error, with `--json` to standard output); what makes
    // the input unusable on standard error too, as every command has it (found from outside
    // before: `check > report.txt` said nothing of it).
    out!("{out}");
    for line in invalid {
        errln!("{line}");
    }
    ExitCode::from(code)
}

/// The problems of the opened layout that make it unusable as it stands (exit 2), as the
/// report words them.
fn invalid_lines(opened: &Opened, lang: UiLang) -> Vec<String> {
    opened.problems.iter().filter(|p| p.kind().is_invalid()).map(|p| p.render(lang)).collect()
}

/// The fonts to print the opened issue with (`given` files first, else the system's),
/// refused when one has none of the issue's Han characters: a font no paper prints with.
pub fn fonts_for(opened: &Opened, given: &[PathBuf]) -> Result<Fonts, FontError> {
    let fonts = Fonts::find(opened.issue.language, given)?;
    match not_cjk(&opened.issue, &fonts) {
        Some(e) => Err(e),
        None => Ok(fonts),
    }
}

/// Every character of the opened issue that `fonts` lack, each at its place in the issue file.
pub fn lacking_in(opened: &Opened, fonts: &Fonts) -> Vec<Located> {
    let lacking = missing_glyphs(&opened.issue, &opened.layout, fonts);
    placed_in_issue(lacking, &opened.issue, &opened.issue_src, &opened.issue_path)
}

/// Each of the issue's `lacking` characters at its place in the issue file `path` (read as `src`).
pub fn placed_in_issue(lacking: Vec<Problem>, issue: &Issue, src: &str, path: &Path) -> Vec<Located> {
    let located = |problem| Located { problem, file: path.to_path_buf(), line: None, col: None };
    let mut lacking: Vec<Located> = lacking.into_iter().map(located).collect();
    format::place_item_chars(&mut lacking, issue, src, path);
    lacking
}

/// Every character the placed boxes print beyond the issue's fields (a headline the layout
/// gives, a jump line) that `fonts` lack — all of it, or what the plate prints (`asked`) —
/// each at its placement in the layout file `path` (read as `src`; `found`: whether a layout
/// file was read).
pub fn lacking_in_print(
    makeup: &Makeup,
    fonts: &Fonts,
    asked: Asked,
    (path, src, found): (&Path, &str, bool),
) -> Vec<Located> {
    let located = |problem| Located { problem, file: path.to_path_buf(), line: None, col: None };
    let mut lacking: Vec<Located> = missing_in_print(makeup, fonts, asked).into_iter().map(located).collect();
    if found {
        format::place_page_problems(&mut lacking, src, path);
    }
    lacking
}

/// The report of an opened issue and layout, and the exit code it calls for (in English).
pub fn report(opened: Opened, json: bool) -> (String, u8) {
    report_in(opened, json, UiLang::En)
}

/// The report with its text in `lang` (`--json` is English whatever the language).
pub fn report_in(opened: Opened, json: bool, lang: UiLang) -> (String, u8) {
    report_with(opened, None, json, lang)
}

/// The report with the characters `fonts` lack (the glyph preflight), when given.
pub fn report_with(opened: Opened, fonts: Option<&Fonts>, json: bool, lang: UiLang) -> (String, u8) {
    let mut more = fonts.map(|f| lacking_in(&opened, f)).unwrap_or_default();
    let Opened { issue, layout, problems, issue_path, layout_path, layout_found, layout_src, .. } = opened;
    let files = Files { issue: issue_path, layout: layout_path, layout_found };
    let invalid = problems.iter().any(|p| p.kind().is_invalid());
    // The issue is moved, not copied: a 200-page issue is 12 MB of text.
    let makeup = Makeup::new(issue, &layout);
    let mut findings = makeup.findings(&problems, &files.layout);
    if files.layout_found {
        format::place_page_problems(&mut findings, &layout_src, &files.layout);
    }
    if let Some(fonts) = fonts {
        more.extend(lacking_in_print(&makeup, fonts, Asked::Copy, (&files.layout, &layout_src, files.layout_found)));
    }
    findings.extend(more);
    let out = if json {
        serde_json::to_string_pretty(&report_json(&files, &makeup, &findings)).unwrap_or_default() + "\n"
    } else {
        report_text(&files, &makeup, &findings, lang)
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

/// The files a report is about.
struct Files {
    issue: PathBuf,
    layout: PathBuf,
    /// Whether a layout file was read (else every item is in the bin).
    layout_found: bool,
}

fn report_text(files: &Files, makeup: &Makeup, findings: &[Located], lang: UiLang) -> String {
    let issue = makeup.issue();
    let mut out = String::new();
    let head = Report::IssueHead {
        paper: format::printable(&issue.paper),
        date: format::printable(&issue.date),
        pages: issue.pages.len(),
        items: issue.items.len(),
        // Found from outside: an article with part 1 on a page and part 2 in the bin counted
        // as not placed (`0 placed, 5 in the bin`).
        placed: makeup.placed_count(),
        bin: makeup.bin().len(),
    };
    let _ = writeln!(out, "{}", head.render(lang));
    let path = files.layout_found.then(|| format::printable_path(&files.layout));
    let _ = writeln!(out, "{}", Report::LayoutFile { path }.render(lang));
    let id_width = id_column(makeup, lang);
    for page in &issue.pages {
        let Some(summary) = makeup.page_summary(page.number) else { continue };
        write_page(&mut out, makeup, (page, &summary), id_width, lang);
    }
    write_bin(&mut out, makeup, id_width, lang);
    out.push('\n');
    if findings.is_empty() {
        let _ = writeln!(out, "{}", Report::AllFits.render(lang));
    } else {
        let _ = writeln!(out, "{}", Report::Problems { count: findings.len() }.render(lang));
        for f in findings {
            let _ = writeln!(out, "  {}", f.render(lang));
        }
    }
    out
}

/// The width of a cell of the column table: 5, or one more than the longest number in it, so
/// that a space always stands between two (found from outside: `over foot2771627716`).
fn cell_width(columns: &[pasteup_core::layout::ColumnSummary]) -> usize {
    let numbers = columns.iter().flat_map(|c| [u32::from(c.column), c.used, c.free, c.over_foot, c.overset]);
    numbers.map(|n| n.to_string().len() + 1).max().unwrap_or(0).max(5)
}

/// The cells of the id column of every table on the report: 24, or the widest id (a part's
/// name included) and so the same on every page and the bin (found from outside:
/// `yosan-seiritsu（第 2 部分）` ran past it, pushing its line out of true), but at most the
/// text export's 40: a 70,000-character id would pad every line of the report to its width.
fn id_column(makeup: &Makeup, lang: UiLang) -> usize {
    let cells = |id: &str, part: u32| pasteup_core::catalogue::text_cells(&part_id(id, part, lang));
    let placed = makeup.issue().pages.iter().flat_map(|p| makeup.placements(p.number)).map(|p| cells(&p.item, p.part));
    let bin = makeup.bin_entries().into_iter().map(|e| cells(&e.id, e.part));
    placed.chain(bin).fold(24, usize::max).min(pasteup_core::export::text::BIN_ID_COLUMN)
}

fn write_page(
    out: &mut String,
    makeup: &Makeup,
    (page, s): (&pasteup_core::model::Page, &PageSummary),
    id_width: usize,
    lang: UiLang,
) {
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
    let width = cell_width(&s.columns);
    let row = |name: Row, f: &dyn Fn(&pasteup_core::layout::ColumnSummary) -> u32| {
        let cells: String = s.columns.iter().map(|c| format!("{:>width$}", f(c))).collect();
        format!("  {}{cells}\n", Report::RowName(name).render(lang))
    };
    out.push_str(&row(Row::Column, &|c| u32::from(c.column)));
    out.push_str(&row(Row::Used, &|c| c.used));
    out.push_str(&row(Row::Free, &|c| c.free));
    out.push_str(&row(Row::OverFoot, &|c| c.over_foot));
    out.push_str(&row(Row::Overset, &|c| c.overset));
    for b in makeup.resolved(page.number) {
        let id = part_id(&b.item, b.part, lang);
        let item = &makeup.issue().items[b.index];
        let cut = report::cut_of(item, &b.set, b.setting.cut);
        let line = Report::BoxLine {
            id,
            id_width,
            column: b.column,
            span: b.span,
            top: b.line,
            bottom: b.last_line(),
            depth: b.depth,
            fit: b.fit,
            empty: b.set.holds_no_copy(),
            over_foot: b.over_foot,
            title: format::printable(box_title(item, b.setting.headline.as_deref())),
        };
        let _ = writeln!(out, "{}", line.render(lang));
        if !cut.is_empty() {
            let chars = cut.iter().map(|s| s.chars()).sum();
            let _ = writeln!(out, "{}", Report::BoxCut { sentences: cut.len() as u32, chars, id_width }.render(lang));
        }
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

fn write_bin(out: &mut String, makeup: &Makeup, id_width: usize, lang: UiLang) {
    let bin = makeup.bin_entries();
    let _ = writeln!(out, "\n{}", Report::BinHead { items: bin.len() }.render(lang));
    for e in &bin {
        let id = part_id(&e.id, e.part, lang);
        let line = Report::BinLine {
            id,
            id_width,
            kind: e.kind,
            chars: e.chars,
            lines: e.lines,
            title: format::printable(&e.title),
        };
        let _ = writeln!(out, "{}", line.render(lang));
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
                .map(|b| {
                    let at = Some(Where::of(page.number, b));
                    FinishedBox::new(&issue.items[b.index], &b.set, at, &b.fit, b.setting.headline.as_deref())
                })
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
