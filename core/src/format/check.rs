//! Checking a layout against its issue. A layout is the editor's own work, so problems are
//! reported and repaired rather than refused: a placement that cannot stand is dropped and
//! its item goes back to the bin, where the editor sees it. Nothing is lost silently.

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

use super::chars::{printable, quoted};
use super::error::write_located;
use super::locate::{Node, Source};
use super::validate::MAX_DEPTH;
use crate::model::{Conflict, Depth, Grid, Issue, Layout, PageLayout, Placement};

/// What kind of problem a layout has; the CLI turns these into exit codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProblemKind {
    /// A page number the issue does not have; its placements went to the bin.
    UnknownPage,
    /// A page listed twice; the second list was merged into the first.
    DuplicatePage,
    /// A placement naming an item the issue does not have; dropped.
    UnknownItem,
    /// An item placed a second time; the second placement was dropped.
    PlacedTwice,
    /// A placement outside the page grid; dropped, the item is in the bin.
    OffGrid,
    /// A fixed depth of 0 or past the deepest page; set to `Auto`.
    BadDepth,
    /// A conflict `pasteup merge` left in the layout for the page editor to decide.
    MergeConflict,
}

impl ProblemKind {
    /// Off the page (`check` exits 1) rather than a layout that does not match its issue (exit 2).
    pub fn is_off_page(self) -> bool {
        matches!(self, ProblemKind::OffGrid)
    }
}

/// One problem found in a layout, where it is, and what was done about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub kind: ProblemKind,
    pub file: PathBuf,
    pub line: Option<usize>,
    pub col: Option<usize>,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_located(f, &self.file, self.line, self.col, &self.message)
    }
}

/// The layout with every bad placement removed, and what was wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayoutReport {
    pub layout: Layout,
    pub problems: Vec<Problem>,
}

/// Check `layout` (parsed from `layout_src`, read from `path`) against `issue`.
pub fn check_layout(issue: &Issue, layout: &Layout, layout_src: &str, path: &Path) -> LayoutReport {
    let mut checker = Checker {
        issue,
        ids: issue.items.iter().map(|item| item.id()).collect(),
        path,
        text: layout_src,
        src: OnceCell::new(),
        problems: Vec::new(),
        placed: HashMap::new(),
    };
    let mut pages: Vec<PageLayout> = Vec::new();
    let mut page_index: HashMap<u32, (usize, usize)> = HashMap::new();
    for (pi, page) in layout.pages.iter().enumerate() {
        let Some(grid) = issue.page(page.number).map(|p| &p.grid) else {
            checker.unknown_page(pi, page);
            continue;
        };
        let out = match page_index.get(&page.number) {
            Some(&(first, out)) => {
                checker.duplicate_page(pi, first, page.number);
                out
            }
            None => {
                page_index.insert(page.number, (pi, pages.len()));
                pages.push(PageLayout { number: page.number, placements: Vec::new() });
                pages.len() - 1
            }
        };
        for (j, placement) in page.placements.iter().enumerate() {
            if let Some(kept) = checker.placement(pi, j, page.number, grid, placement) {
                pages[out].placements.push(kept);
            }
        }
    }
    for (k, conflict) in layout.conflicts.iter().enumerate() {
        checker.conflict(k, conflict);
    }
    let conflicts = layout.conflicts.clone();
    LayoutReport { layout: Layout { issue: layout.issue.clone(), pages, conflicts }, problems: checker.problems }
}

struct Checker<'a> {
    issue: &'a Issue,
    ids: HashSet<&'a str>,
    path: &'a Path,
    text: &'a str,
    /// Scanned only when the first problem needs a position.
    src: OnceCell<Source<'a>>,
    problems: Vec<Problem>,
    /// Where each placed item was first placed: (page index, placement index, page number).
    placed: HashMap<&'a str, (usize, usize, u32)>,
}

impl<'a> Checker<'a> {
    fn unknown_page(&mut self, pi: usize, page: &PageLayout) {
        let have: Vec<String> = self.issue.pages.iter().map(|p| p.number.to_string()).collect();
        let have = if have.is_empty() { "none".to_string() } else { have.join(", ") };
        let msg = format!(
            "page {} is not in the issue (its pages: {have}); its {} placement(s) go to the bin",
            page.number,
            page.placements.len()
        );
        let pos = self.pos(self.page_node(pi), "number");
        self.report(ProblemKind::UnknownPage, pos, msg);
    }

    fn conflict(&mut self, k: usize, conflict: &Conflict) {
        let msg =
            format!("merge conflict on {}: {}; decide in the editor and save", quoted(&conflict.item), conflict.note);
        let pos = self.pos(self.source().root_element("conflicts", k), "item");
        self.report(ProblemKind::MergeConflict, pos, msg);
    }

    fn duplicate_page(&mut self, pi: usize, first: usize, number: u32) {
        let first_line = self.line(self.page_node(first), "number");
        let msg = format!("page {number} is listed twice (first{first_line}); its placements are merged");
        let pos = self.pos(self.page_node(pi), "number");
        self.report(ProblemKind::DuplicatePage, pos, msg);
    }

    /// The placement as it may stay on the page, or `None` (reported) when it cannot.
    fn placement(&mut self, pi: usize, j: usize, page: u32, grid: &Grid, p: &'a Placement) -> Option<Placement> {
        let id = p.item.as_str();
        if !self.ids.contains(id) {
            let msg = format!("no item {} in the issue; this placement is dropped", quoted(id));
            let pos = self.pos(self.placement_node(pi, j), "item");
            self.report(ProblemKind::UnknownItem, pos, msg);
            return None;
        }
        if let Some(&(fpi, fj, fpage)) = self.placed.get(id) {
            let first_line = self.line(self.placement_node(fpi, fj), "item");
            let msg = format!(
                "item {} is placed twice (first on page {fpage}{first_line}); this placement is dropped",
                quoted(id)
            );
            let pos = self.pos(self.placement_node(pi, j), "item");
            self.report(ProblemKind::PlacedTwice, pos, msg);
            return None;
        }
        if let Some((field, why)) = off_grid(p, grid) {
            let msg = format!("item {} on page {page}: {why}; it goes to the bin", quoted(id));
            let pos = self.pos(self.placement_node(pi, j), field);
            self.report(ProblemKind::OffGrid, pos, msg);
            return None;
        }
        self.placed.insert(id, (pi, j, page));
        let mut kept = p.clone();
        let bad_depth = match p.depth {
            Depth::Fixed(depth) if !(1..=MAX_DEPTH).contains(&depth) => Some(depth),
            _ => None,
        };
        if let Some(depth) = bad_depth {
            let msg = format!(
                "item {} depth is Fixed({depth}), expected Fixed(1) to Fixed({MAX_DEPTH}) or Auto; it is set to Auto",
                quoted(id)
            );
            let pos = self.pos(self.placement_node(pi, j), "depth");
            self.report(ProblemKind::BadDepth, pos, msg);
            kept.depth = Depth::Auto;
        }
        Some(kept)
    }

    fn source(&self) -> &Source<'a> {
        self.src.get_or_init(|| Source::new(self.text))
    }

    fn page_node(&self, pi: usize) -> Option<Node> {
        self.source().root_element("pages", pi)
    }

    fn placement_node(&self, pi: usize, j: usize) -> Option<Node> {
        let src = self.source();
        self.page_node(pi).and_then(|page| src.element(page, "placements", j))
    }

    fn pos(&self, node: Option<Node>, field: &str) -> Option<(usize, usize)> {
        self.source().field_pos(node, field)
    }

    /// ` at line N`, when the node can be found.
    fn line(&self, node: Option<Node>, field: &str) -> String {
        self.pos(node, field).map(|(line, _)| format!(" at line {line}")).unwrap_or_default()
    }

    fn report(&mut self, kind: ProblemKind, pos: Option<(usize, usize)>, message: String) {
        self.problems.push(Problem {
            kind,
            file: self.path.to_path_buf(),
            line: pos.map(|p| p.0),
            col: pos.map(|p| p.1),
            message: printable(&message),
        });
    }
}

/// Why a placement does not lie on the grid, and the field to point at.
fn off_grid(p: &Placement, grid: &Grid) -> Option<(&'static str, String)> {
    let columns = u32::from(grid.columns);
    let (column, span) = (u32::from(p.column), u32::from(p.span));
    if column == 0 || column > columns {
        return Some(("column", format!("column is {column}, expected 1 to {columns} (columns count from 1)")));
    }
    if span == 0 {
        return Some(("span", format!("span is 0, expected 1 to {}", columns - column + 1)));
    }
    if column + span - 1 > columns {
        let last = column + span - 1;
        return Some(("span", format!("columns {column} to {last} run past the grid's {columns} columns")));
    }
    // A box may stand below the foot (pushed there, and saved so): it stays on the page and
    // `check` reports it; only a line no page could reach is refused.
    let last_line = grid.depth.saturating_add(MAX_DEPTH);
    if p.line == 0 || p.line > last_line {
        let msg = format!("line is {}, expected 1 to {last_line} (lines count from 1)", p.line);
        return Some(("line", msg));
    }
    None
}
