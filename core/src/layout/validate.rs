//! Problems with a layout, as data for `pasteup check --layout` and the editor: overlapping
//! boxes, boxes off the grid or past the foot, items placed twice, unknown items and pages,
//! and overset items.

use serde::Serialize;

use super::Makeup;
use super::page::columns_label;

/// What kind of problem it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProblemKind {
    /// Two boxes share part of the page.
    Overlap,
    /// A box outside the grid's columns (as read from the file; it was pulled inside).
    OffGrid,
    /// A box reaching past the page foot.
    BelowFoot,
    /// The same item placed more than once (as read; the first placement was kept).
    PlacedTwice,
    /// An item that does not fit its box.
    Overset,
    /// A placement naming an item the issue does not have.
    UnknownItem,
    /// A page in the layout that the issue does not have.
    UnknownPage,
}

/// One problem: where, which items, what kind, and a sentence for a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub page: Option<u32>,
    pub items: Vec<String>,
    pub kind: ProblemKind,
    pub message: String,
}

impl Problem {
    pub fn new(page: Option<u32>, items: Vec<String>, kind: ProblemKind, message: String) -> Problem {
        Problem { page, items, kind, message }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl Makeup {
    /// Every problem: first those found when the layout was read, then, page by page in issue
    /// order, overlaps, boxes past the foot and overset items as the desk stands now.
    pub fn validate(&self) -> Vec<Problem> {
        let mut problems = self.load_problems.clone();
        for pi in 0..self.pages.len() {
            self.page_problems(pi, &mut problems);
        }
        problems
    }

    /// Only the problems found when the layout was read.
    pub fn load_problems(&self) -> &[Problem] {
        &self.load_problems
    }

    fn page_problems(&self, pi: usize, out: &mut Vec<Problem>) {
        let number = self.issue.pages[pi].number;
        let grid = self.grid(pi);
        let frames = self.frames(pi);
        let id = |i: usize| self.item(frames[i].spot.item).id().to_string();
        for i in 0..frames.len() {
            for j in i + 1..frames.len() {
                if frames[i].overlaps(&frames[j]) {
                    let message = format!("page {number}: \"{}\" and \"{}\" overlap", id(i), id(j));
                    out.push(Problem::new(Some(number), vec![id(i), id(j)], ProblemKind::Overlap, message));
                }
            }
        }
        for (i, f) in frames.iter().enumerate() {
            if !f.spot.within_columns(grid) {
                let cols = columns_label(f.spot.column, f.spot.last_column());
                let message = format!("page {number}: \"{}\" in {cols} is off the grid", id(i));
                out.push(Problem::new(Some(number), vec![id(i)], ProblemKind::OffGrid, message));
            }
            if f.over_foot(grid) {
                let lines = f.lines_over_foot(grid);
                let message = format!("page {number}: \"{}\" runs {lines} line(s) past the foot", id(i));
                out.push(Problem::new(Some(number), vec![id(i)], ProblemKind::BelowFoot, message));
            }
        }
        for b in self.resolved(number).into_iter().filter(|b| b.fit.is_overset()) {
            let message = format!(
                "page {number}: \"{}\" is overset by {} line(s), {} character(s)",
                b.item,
                -b.fit.lines(),
                b.fit.overset_chars
            );
            out.push(Problem::new(Some(number), vec![b.item], ProblemKind::Overset, message));
        }
    }
}
