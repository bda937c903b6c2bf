//! Ruin and recreate (docs/make.md, "How the search works"). The beam fills a page in
//! reading order, so it learns late that a gap near the foot cannot be filled, when every
//! state it keeps shares the layout above the gap. Once it has a finished page, the boxes
//! around each free run are cleared — from the box above the run down, in the columns about
//! it, then across the page — and the cleared part searched again with everything else
//! standing. A page that ranks better is kept and its free runs looked at afresh, up to
//! [`BUDGET`] searches a page.

use super::rules::Boxed;
use super::search::{Problem, State, box_hash, finish_rank, search};
use super::sheet::Sheet;
use super::shorts::settled;

/// Most regions searched again on one page.
const BUDGET: usize = 48;

/// A part of the page to clear: the boxes whose top is at `line` or lower and that stand
/// within columns `first..=last`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Region {
    line: u32,
    first: u16,
    last: u16,
}

/// The best page found by clearing and searching again the regions about its free runs.
pub(super) fn refine(p: &Problem, mut best: State) -> State {
    let mut tried = 0;
    'better: while tried < BUDGET && best.waste > 0 {
        for region in regions(p, &best) {
            // The page's work spent (search::PAGE_WORK), a search would be greedy and find
            // little: the page as it is stands.
            if tried == BUDGET || p.work.left() == 0 {
                break 'better;
            }
            tried += 1;
            if let Some(next) = recreate(p, &best, region)
                && finish_rank(p, &next) < finish_rank(p, &best)
            {
                best = next;
                continue 'better;
            }
        }
        break;
    }
    best
}

/// The page with `region` cleared and searched again, if the region holds a box.
fn recreate(p: &Problem, best: &State, region: Region) -> Option<State> {
    let cleared = clears(p, best, region);
    if !cleared.contains(&true) {
        return None;
    }
    let standing: Vec<(usize, Boxed)> =
        best.boxes.iter().zip(&cleared).filter(|(_, gone)| !**gone).map(|(b, _)| *b).collect();
    around(p, standing, search)
}

/// The page with the boxes `standing` where they stand and the rest of it made by `make`
/// from the candidates not among them.
pub(super) fn around(
    p: &Problem,
    standing: Vec<(usize, Boxed)>,
    make: impl FnOnce(&Problem) -> Option<State>,
) -> Option<State> {
    let kept: Vec<Boxed> = p.kept.iter().copied().chain(standing.iter().map(|(_, b)| *b)).collect();
    let mut sheet = p.sheet.clone();
    let mut used = p.used.clone();
    for (c, b) in &standing {
        sheet.take(b.column, b.span, b.line, b.depth);
        used[*c] = true;
    }
    let again = Problem { sheet, kept: &kept, cands: p.cands, used, ..*p };
    make(&again).map(|made| settled(p, joined(p, standing, made)))
}

/// Which of the page's boxes the region clears: those inside it, and the photos of the
/// articles cleared (a photo stands with its article).
fn clears(p: &Problem, best: &State, r: Region) -> Vec<bool> {
    let inside = |b: &Boxed| b.line >= r.line && b.column >= r.first && b.column + b.span - 1 <= r.last;
    let mut out: Vec<bool> = best.boxes.iter().map(|(_, b)| inside(b)).collect();
    let gone: Vec<usize> = best.boxes.iter().zip(&out).filter(|(_, g)| **g).map(|((_, b), _)| b.item).collect();
    for (at, (c, _)) in best.boxes.iter().enumerate() {
        out[at] |= p.cands[*c].with.is_some_and(|a| gone.contains(&a));
    }
    out
}

/// The boxes left standing and those the search put, as one finished page.
fn joined(p: &Problem, standing: Vec<(usize, Boxed)>, made: State) -> State {
    let on_top = |l: usize| standing.iter().find(|(c, b)| *c == l && b.line == 1);
    let lead_span = p.lead.and_then(on_top).map_or(made.lead_span, |(_, b)| b.span);
    let short = made.short + standing.iter().map(|(_, b)| b.short).sum::<u32>();
    let cut = made.cut + standing.iter().map(|(_, b)| b.cut).sum::<u32>();
    let hash = standing.iter().fold(made.hash, |h, (c, b)| h ^ box_hash(*c, *b));
    let mut page = made;
    page.boxes.splice(0..0, standing);
    (page.short, page.cut, page.lead_span, page.hash) = (short, cut, lead_span, hash);
    page
}

/// The regions about the page's free runs, the longest runs first: from the box above a run
/// down, in the run's column and one either side, two either side, then all columns.
fn regions(p: &Problem, best: &State) -> Vec<Region> {
    let mut sheet = p.sheet.clone();
    for (_, b) in &best.boxes {
        sheet.take(b.column, b.span, b.line, b.depth);
    }
    let mut runs = free_runs(&sheet);
    runs.sort_by_key(|&(column, line, length)| (std::cmp::Reverse(length), column, line));
    let columns = sheet.columns();
    let mut out: Vec<Region> = Vec::new();
    for (column, line, _) in runs {
        let above = best
            .boxes
            .iter()
            .map(|(_, b)| b)
            .find(|b| b.line + b.depth == line && b.column <= column && column < b.column + b.span);
        let top = above.map_or(line, |b| b.line);
        for reach in [1, 2, columns] {
            let region =
                Region { line: top, first: column.saturating_sub(reach).max(1), last: (column + reach).min(columns) };
            if !out.contains(&region) {
                out.push(region);
            }
        }
    }
    out
}

/// Each column's free runs as (column, first line, length).
fn free_runs(sheet: &Sheet) -> Vec<(u16, u32, u32)> {
    let mut out = Vec::new();
    for column in 1..=sheet.columns() {
        let mut line = 1;
        while line <= sheet.depth() {
            if sheet.is_free(column, line) {
                let last = sheet.ceiling(column, line);
                out.push((column, line, last + 1 - line));
                line = last + 1;
            } else {
                line += 1;
            }
        }
    }
    out
}
