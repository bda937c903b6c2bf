//! Fit summaries: per column the lines used, free and overset; per page the totals, the items
//! over the foot and the overset items; per issue the pages and the bin with each item's
//! length. These are what the status bar, the bin pane and `check` print.

use serde::Serialize;

use super::validate::{Rect, overlaps};
use super::{Makeup, ResolvedBox};
use crate::fit::{SetBox, set_item};
use crate::model::{Grid, ItemKind};

/// One column of a page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ColumnSummary {
    pub column: u16,
    /// Lines of the page (1..=depth) covered by a box in this column.
    pub used: u32,
    /// Lines of the page with no box in this column.
    pub free: u32,
    /// Lines of boxes in this column that lie past the foot.
    pub over_foot: u32,
    /// Overset lines of the boxes whose last column this is (text runs out in the last leg,
    /// so that is where the cut shows).
    pub overset: u32,
}

/// One page: its columns and totals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PageSummary {
    pub number: u32,
    pub columns: Vec<ColumnSummary>,
    pub used: u32,
    pub free: u32,
    pub over_foot_lines: u32,
    pub overset_lines: u32,
    pub overset_chars: u32,
    /// Sum of the boxes' fits: negative = overset, positive = short.
    pub fit_lines: i64,
    /// Items reaching past the foot, in placement order.
    pub over_foot: Vec<String>,
    /// Overset items, in placement order.
    pub overset: Vec<String>,
    /// Boxes that overlap another (a layout read so, or a box an issue reload deepened): each
    /// with the first box it overlaps, in placement order, each as its item and part (1 for a
    /// box of its own). The report lists them as problems.
    #[serde(skip)]
    pub overlapping: Vec<((String, u32), (String, u32))>,
}

impl PageSummary {
    /// The summary of page `number` on `grid` from its boxes as [`Makeup::resolved`] gives
    /// them (a screen that has resolved the page already need not resolve it again).
    pub fn new(number: u32, grid: &Grid, boxes: &[ResolvedBox]) -> PageSummary {
        let columns: Vec<ColumnSummary> = (1..=grid.columns).map(|c| column_summary(c, grid, boxes)).collect();
        let ids =
            |keep: &dyn Fn(&ResolvedBox) -> bool| boxes.iter().filter(|b| keep(b)).map(|b| b.item.clone()).collect();
        PageSummary {
            number,
            used: columns.iter().map(|c| c.used).sum(),
            free: columns.iter().map(|c| c.free).sum(),
            over_foot_lines: columns.iter().map(|c| c.over_foot).sum(),
            overset_lines: boxes.iter().map(|b| b.fit.overset_lines).sum(),
            overset_chars: boxes.iter().map(|b| b.fit.overset_chars).sum(),
            fit_lines: boxes.iter().map(|b| b.fit.lines()).sum(),
            over_foot: ids(&|b| b.over_foot),
            overset: ids(&|b| b.fit.is_overset()),
            overlapping: overlapping(boxes),
            columns,
        }
    }
}

/// Each box of `boxes` that overlaps another, with the first it overlaps (found from outside:
/// named by item alone, part 1 of a continued article was said to overlap what its part 2 did).
fn overlapping(boxes: &[ResolvedBox]) -> Vec<((String, u32), (String, u32))> {
    let rects: Vec<Rect> = boxes.iter().map(ResolvedBox::rect).collect();
    let named = |k: usize| (boxes[k].item.clone(), boxes[k].part);
    overlaps(&rects).into_iter().map(|(a, b)| (named(a), named(b))).collect()
}

/// An item in the bin and how long it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BinEntry {
    pub id: String,
    /// Which part of a continued article waits (1 for an item not placed at all).
    #[serde(skip_serializing_if = "is_first")]
    pub part: u32,
    pub kind: ItemKind,
    pub title: String,
    /// Characters of text, spaces not counted.
    pub chars: u32,
    /// Lines it needs set at one column of the issue's first grid (a waiting part placed so,
    /// with its headline and from-line).
    pub lines: u32,
}

fn is_first(part: &u32) -> bool {
    *part == 1
}

/// The whole issue: every page in issue order, then the bin.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IssueSummary {
    pub pages: Vec<PageSummary>,
    pub bin: Vec<BinEntry>,
}

impl Makeup {
    /// The fit summary of page `number` (`None` for a page not in the issue).
    pub fn page_summary(&self, number: u32) -> Option<PageSummary> {
        let pi = self.page_index(number)?;
        Some(PageSummary::new(number, self.grid(pi), &self.resolved(number)))
    }

    /// The summary of every page and the bin.
    pub fn summary(&self) -> IssueSummary {
        IssueSummary {
            pages: self.issue.pages.iter().filter_map(|p| self.page_summary(p.number)).collect(),
            bin: self.bin_entries(),
        }
    }

    /// The bin with each item's length, in issue order; a continued article's waiting parts
    /// follow its place in the order.
    pub fn bin_entries(&self) -> Vec<BinEntry> {
        let mut out = Vec::new();
        for no in 0..self.issue.items.len() {
            match self.waiting_part(no) {
                None => {}
                Some(1) if self.part_count(no) == 1 => out.push(self.bin_entry(no)),
                Some(_) => {
                    let id = self.item(no).id().to_string();
                    out.extend(self.waiting_parts(&id).into_iter().map(|part| self.part_entry(no, part)));
                }
            }
        }
        out
    }

    fn bin_entry(&self, no: usize) -> BinEntry {
        let item = self.item(no);
        let (chars, lines) = *self.lengths[no].get_or_init(|| {
            let set = set_item(item, &self.bin_grid(), self.issue.language, 1);
            (chars_of(&set), set.depth_needed())
        });
        BinEntry {
            id: item.id().to_string(),
            part: 1,
            kind: item.kind(),
            title: item.title().to_string(),
            chars,
            lines,
        }
    }

    /// A waiting part: the copy the part before it will not hold once it jumps, its jump line
    /// pushing one more line over, and the depth the part takes placed at one column of the
    /// first page — its headline and from-line too, as whole items count their heads (found
    /// from outside: the bin said 4 lines, its body, where placed so it took 9). The item's own
    /// length when that part is not placed.
    fn part_entry(&self, no: usize, part: u32) -> BinEntry {
        let entry = BinEntry { part, ..self.bin_entry(no) };
        match self.part_spot(no, part.saturating_sub(1)).filter(|_| part > 1) {
            Some((pi, s)) => {
                // Set as the last part, the part before has every line left of the article.
                let last = self.set_box(pi, &s);
                let jumping = self.set_jumping(pi, &s);
                let jumps = jumping.part.as_ref().is_some_and(|p| p.jumps());
                let held = jumping.body.len() - usize::from(jumps);
                let lines = self.placed_depth(0, no, part, 1);
                BinEntry { chars: last.body_chars(held..last.body.len()), lines, ..entry }
            }
            None => entry,
        }
    }

    /// The grid bin lengths are measured on: the first page's, or a broadsheet's if none.
    fn bin_grid(&self) -> Grid {
        self.issue.pages.first().map_or_else(Grid::broadsheet, |p| p.grid.clone())
    }
}

fn column_summary(column: u16, grid: &Grid, boxes: &[ResolvedBox]) -> ColumnSummary {
    let mut runs: Vec<(u32, u32)> = boxes.iter().filter(|b| b.covers(column)).map(|b| (b.line, b.below())).collect();
    let foot = grid.depth + 1;
    let used = used_lines(grid.depth, runs.iter().copied());
    let over_foot = union_len(&mut runs.iter_mut().map(|&mut (a, b)| (a.max(foot), b.max(foot))).collect::<Vec<_>>());
    let overset = boxes.iter().filter(|b| b.column + b.span - 1 == column).map(|b| b.fit.overset_lines).sum();
    ColumnSummary { column, used, free: grid.depth - used.min(grid.depth), over_foot, overset }
}

/// Lines 1..=`depth` that the boxes of one column cover, given as (first line, line below).
pub(super) fn used_lines(depth: u32, boxes: impl Iterator<Item = (u32, u32)>) -> u32 {
    let foot = depth + 1;
    let mut runs: Vec<(u32, u32)> = boxes.map(|(a, b)| (a.min(foot), b.min(foot))).collect();
    union_len(&mut runs)
}

/// Length of the union of half-open runs [a, b).
fn union_len(runs: &mut [(u32, u32)]) -> u32 {
    runs.sort_unstable();
    let mut total = 0;
    let mut reach = 0;
    for &(a, b) in runs.iter() {
        let start = a.max(reach);
        if b > start {
            total += b - start;
            reach = b;
        }
    }
    total
}

/// Characters of every set line of a box, as the copy has them (spaces and the byline's
/// `（）` not counted).
fn chars_of(set: &SetBox) -> u32 {
    let heads = set.heads.iter().chain(&set.foot).flat_map(|b| &b.lines);
    heads.map(|l| l.chars()).sum::<u32>() + set.body_chars(0..set.body.len())
}
