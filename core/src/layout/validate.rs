//! The one validator of a layout, for `check`, the editor and every library caller alike.
//!
//! - [`check_layout`]: the layout as read against its issue. A layout is the editor's own
//!   work, so problems are repaired rather than refused: a placement that cannot stand is
//!   dropped and its item goes back to the bin, where the editor sees it. Nothing is lost
//!   silently: each repair is a [`Problem`].
//! - [`Makeup::validate`]: the page as it stands — overlapping boxes (one problem a box, found
//!   by a sweep down each column, not by comparing every pair), boxes past the foot, overset.

use std::collections::{BTreeMap, BTreeSet, BinaryHeap, HashMap, HashSet};

use std::cmp::Reverse;

use super::Makeup;
use crate::format::MAX_DEPTH;
use crate::model::{Depth, Grid, Issue, ItemKind, Layout, PageLayout, Placement};
use crate::problem::{Located, OffGrid, Problem};

/// Where in the layout a problem was found, by index, for the file reader to turn into a
/// line and column: the `number` of the n-th page, or a field of a placement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Site {
    Page {
        page: usize,
    },
    /// The n-th note of the layout's `conflicts` list.
    Conflict {
        index: usize,
    },
    Placement {
        page: usize,
        placement: usize,
        field: &'static str,
    },
}

/// A problem of the layout as read, where it is and, for a repeat, where the first one is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub problem: Problem,
    pub at: Site,
    pub first: Option<Site>,
}

/// How many unknown items of a layout get the issue's nearest id named.
const NEAREST_LOOKS: usize = 20;

/// The layout with every placement that cannot stand taken out, and what was wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    pub layout: Layout,
    pub found: Vec<Found>,
}

/// A placement the layout as read cannot stand (on a page the issue lacks, off the grid):
/// its item, part and cut.
struct SetAside<'a> {
    item: &'a str,
    part: u32,
    cut: u32,
}

/// Checks `layout` against `issue`: unknown pages and items, pages listed twice, items placed
/// twice, placements off the grid, fixed depths out of range, an article's settings on what is
/// no article.
pub fn check_layout(issue: &Issue, layout: &Layout) -> Checked {
    let mut kinds: HashMap<&str, ItemKind> = HashMap::with_capacity(issue.items.len());
    for item in &issue.items {
        kinds.entry(item.id()).or_insert(item.kind());
    }
    let mut found = Vec::new();
    let mut placed: HashMap<(&str, u32), (Site, u32)> = HashMap::new();
    let mut pages: Vec<PageLayout> = Vec::new();
    // Where each kept placement stands in the file, beside `pages`.
    let mut sites: Vec<Vec<Site>> = Vec::new();
    let mut aside: Vec<SetAside> = Vec::new();
    let mut page_index: HashMap<u32, (usize, usize)> = HashMap::new();
    let mut unknown = 0;
    for (pi, page) in layout.pages.iter().enumerate() {
        let Some(grid) = issue.page(page.number).map(|p| &p.grid) else {
            let problem = Problem::UnknownPage {
                page: page.number,
                issue_pages: issue.pages.iter().map(|p| p.number).collect(),
                placements: page.placements.len(),
            };
            found.push(Found { problem, at: Site::Page { page: pi }, first: None });
            aside.extend(page.placements.iter().map(|p| SetAside { item: &p.item, part: p.part, cut: p.cut }));
            continue;
        };
        let out = match page_index.get(&page.number) {
            Some(&(first, out)) => {
                let problem = Problem::DuplicatePage { page: page.number, first_line: None };
                found.push(Found { problem, at: Site::Page { page: pi }, first: Some(Site::Page { page: first }) });
                out
            }
            None => {
                page_index.insert(page.number, (pi, pages.len()));
                pages.push(PageLayout { number: page.number, placements: Vec::with_capacity(page.placements.len()) });
                sites.push(Vec::with_capacity(page.placements.len()));
                pages.len() - 1
            }
        };
        for (j, p) in page.placements.iter().enumerate() {
            let at = |field| Site::Placement { page: pi, placement: j, field };
            let (number, item) = (page.number, p.item.clone());
            let Some(&kind) = kinds.get(p.item.as_str()) else {
                // The near id is looked for only so many times: a layout of another issue
                // names thousands, and each look compares every id.
                unknown += 1;
                let nearest = (unknown <= NEAREST_LOOKS).then(|| issue.nearest_id(&item).map(str::to_string)).flatten();
                found.push(Found {
                    problem: Problem::UnknownItem { page: number, item, nearest },
                    at: at("item"),
                    first: None,
                });
                continue;
            };
            let mut kept = p.clone();
            if let Some((problem, field)) = not_an_article(number, kind, &mut kept) {
                found.push(Found { problem, at: at(field), first: None });
            }
            if let Some(&(first, first_page)) = placed.get(&(p.item.as_str(), kept.part)) {
                let problem = Problem::PlacedTwice { page: number, item, first_page, first_line: None };
                found.push(Found { problem, at: at("item"), first: Some(first) });
                continue;
            }
            // Off the grid or not, this is the item's first placement: a later one is the
            // second (found from outside: an off-grid first placement sent the item "to the bin"
            // while a second, unreported, put it on the page).
            placed.insert((p.item.as_str(), kept.part), (at("item"), number));
            if let Some(off) = off_grid(p, grid) {
                found.push(Found {
                    problem: Problem::OffGrid { page: number, item, off },
                    at: at(off.field()),
                    first: None,
                });
                aside.push(SetAside { item: &p.item, part: kept.part, cut: kept.cut });
                continue;
            }
            match p.depth {
                Depth::Fixed(depth) if !(1..=MAX_DEPTH).contains(&depth) => {
                    let problem = Problem::BadDepth { page: number, item, depth };
                    found.push(Found { problem, at: at("depth"), first: None });
                    kept.depth = Depth::Auto;
                }
                _ => {}
            }
            pages[out].placements.push(kept);
            sites[out].push(at("item"));
        }
    }
    keep_articles_whole(&aside, &mut pages, &mut sites, &mut found);
    for (index, c) in layout.conflicts.iter().enumerate() {
        let problem = Problem::MergeConflict { page: 0, item: c.item.clone(), note: c.note.clone() };
        found.push(Found { problem, at: Site::Conflict { index }, first: None });
    }
    Checked { layout: Layout { issue: layout.issue.clone(), pages, conflicts: layout.conflicts.clone() }, found }
}

/// An article's own settings on a placement of a photo or a notice, taken out of `kept`: the
/// copy desk may change an item's kind after its page is made up (found from outside: the
/// editor then saved `cut` on a notice, and refused to open what it saved). With the first
/// such field, where the problem is pointed at.
fn not_an_article(page: u32, kind: ItemKind, kept: &mut Placement) -> Option<(Problem, &'static str)> {
    if kind == ItemKind::Article {
        return None;
    }
    let set = [
        ("part", kept.part != 1),
        ("cut", kept.cut != 0),
        ("head_size", kept.head_size.is_some()),
        ("headline", kept.headline.is_some()),
        ("continued", kept.continued),
    ];
    let fields: Vec<&'static str> = set.into_iter().filter(|(_, set)| *set).map(|(field, _)| field).collect();
    let first = *fields.first()?;
    (kept.part, kept.cut, kept.head_size, kept.headline, kept.continued) = (1, 0, None, None, false);
    Some((Problem::NotAnArticle { page, item: kept.item.clone(), kind, fields }, first))
}

/// Keeps each continued article whose part was set aside as the editor keeps one whose part
/// went to the bin (found from outside: such a part was said to go to the bin, but it waited
/// nowhere, its cut was dropped, and a middle part left the later ones standing past a gap,
/// printing the story twice, which the editor saved into a layout no command would open):
/// the parts after the first later part set aside go to the bin with it, each said at its
/// placement; the part before it is continued, so the rest waits in the bin as that part; and
/// the cuts of the parts that went stay with the article, on the part that ends it on a page.
fn keep_articles_whole(aside: &[SetAside], pages: &mut [PageLayout], sites: &mut [Vec<Site>], found: &mut Vec<Found>) {
    let items: HashSet<&str> = aside.iter().map(|a| a.item).collect();
    // The parts still on a page of each item that lost one (rare: one pass over the pages).
    let mut kept: BTreeMap<String, BTreeSet<u32>> = BTreeMap::new();
    for p in pages.iter().flat_map(|page| &page.placements).filter(|p| items.contains(p.item.as_str())) {
        kept.entry(p.item.clone()).or_default().insert(p.part);
    }
    for (item, parts) in kept {
        // Each part's first placement set aside; a part kept elsewhere stands.
        let mut gone: BTreeMap<u32, u32> = BTreeMap::new();
        for a in aside.iter().filter(|a| a.item == item && !parts.contains(&a.part)) {
            gone.entry(a.part).or_insert(a.cut);
        }
        let first_later = gone.keys().copied().find(|&part| part > 1);
        if let Some(with) = first_later.filter(|&with| parts.iter().any(|&part| part > with)) {
            bin_parts_after(&item, with, pages, sites, found, &mut gone);
        }
        if !gone.is_empty() {
            hand_on_cut(&item, &gone, pages);
        }
    }
}

/// Sends to the bin every part of `item` after part `with`, which went there: no part stands
/// while the part before it waits. Each is said at its placement and added to `gone`.
fn bin_parts_after(
    item: &str,
    with: u32,
    pages: &mut [PageLayout],
    sites: &mut [Vec<Site>],
    found: &mut Vec<Found>,
    gone: &mut BTreeMap<u32, u32>,
) {
    for (page, sites) in pages.iter_mut().zip(sites.iter_mut()) {
        let number = page.number;
        let placements = std::mem::take(&mut page.placements).into_iter().zip(std::mem::take(sites));
        for (p, site) in placements {
            if p.item == item && p.part > with {
                let problem = Problem::PartBinnedWith { page: number, item: item.to_string(), part: p.part, with };
                found.push(Found { problem, at: site, first: None });
                gone.insert(p.part, p.cut);
            } else {
                page.placements.push(p);
                sites.push(site);
            }
        }
    }
}

/// Gives the cuts of `item`'s parts in `gone` (part → cut) to its last part on a page, as a
/// part sent to the bin hands its cut on, and continues that part when the part after it is
/// among them: that part waits in the bin.
fn hand_on_cut(item: &str, gone: &BTreeMap<u32, u32>, pages: &mut [PageLayout]) {
    let cut = gone.values().fold(0u32, |sum, &c| sum.saturating_add(c));
    let placements = pages.iter_mut().flat_map(|page| page.placements.iter_mut());
    let Some(last) = placements.filter(|p| p.item == item).max_by_key(|p| p.part) else { return };
    last.cut = last.cut.saturating_add(cut);
    // A part another part follows keeps a fixed depth; one at Auto stays the last part.
    if gone.contains_key(&(last.part + 1)) && last.depth != Depth::Auto {
        last.continued = true;
    }
}

/// Why a placement does not lie on the grid.
fn off_grid(p: &Placement, grid: &Grid) -> Option<OffGrid> {
    let columns = grid.columns;
    if p.column == 0 || p.column > columns {
        return Some(OffGrid::Column { column: p.column, columns });
    }
    if p.span == 0 {
        return Some(OffGrid::NoSpan { room: u32::from(columns) - u32::from(p.column) + 1 });
    }
    let last = u32::from(p.column) + u32::from(p.span) - 1;
    if last > u32::from(columns) {
        return Some(OffGrid::PastGrid { column: p.column, last, columns });
    }
    // A box may stand below the foot (pushed there, and saved so): it stays on the page and
    // `check` reports it; only a line no page could reach is refused.
    let last_line = grid.depth.saturating_add(MAX_DEPTH);
    if p.line == 0 || p.line > last_line {
        return Some(OffGrid::Line { line: p.line, last_line, depth: grid.depth });
    }
    None
}

/// A box as the overlap sweep sees it: its columns and its lines `top..below`.
#[derive(Debug, Clone, Copy)]
pub struct Rect {
    pub first_column: u16,
    pub last_column: u16,
    pub top: u32,
    pub below: u32,
}

/// For each box that overlaps another (a box of no depth takes no room), one pair `(a, b)` of
/// box indices, `a < b`, each pair
/// once, sorted: every box that overlaps anything is in at least one pair, and there are
/// never more pairs than boxes. Each column is swept down once (a box is paired with the
/// earliest-placed box still open where it starts, or else with the next box to start
/// inside it), so the cost grows as boxes × columns × log, not as the square of the boxes.
pub fn overlaps(rects: &[Rect]) -> Vec<(usize, usize)> {
    let columns = rects.iter().map(|r| r.last_column).max().unwrap_or(0);
    let mut partner: Vec<Option<usize>> = vec![None; rects.len()];
    let mut in_column: Vec<usize> = Vec::new();
    for column in 1..=columns {
        in_column.clear();
        in_column.extend((0..rects.len()).filter(|&i| {
            rects[i].first_column <= column && column <= rects[i].last_column && rects[i].below > rects[i].top
        }));
        in_column.sort_unstable_by_key(|&i| (rects[i].top, i));
        sweep_column(rects, &in_column, &mut partner);
    }
    let mut pairs: Vec<(usize, usize)> =
        partner.iter().enumerate().filter_map(|(i, p)| p.map(|p| (i.min(p), i.max(p)))).collect();
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// One column's boxes in order of their top line: each takes as partner the earliest-placed
/// box still open at its top, else the next box starting above its bottom; the earliest
/// placed partner over all columns is kept.
fn sweep_column(rects: &[Rect], sorted: &[usize], partner: &mut [Option<usize>]) {
    let mut open: BTreeSet<usize> = BTreeSet::new();
    let mut ends: BinaryHeap<Reverse<(u32, usize)>> = BinaryHeap::new();
    for (k, &i) in sorted.iter().enumerate() {
        let top = rects[i].top;
        while let Some(&Reverse((below, j))) = ends.peek() {
            if below > top {
                break;
            }
            ends.pop();
            open.remove(&j);
        }
        let next = sorted.get(k + 1).copied().filter(|&j| rects[j].top < rects[i].below);
        if let Some(p) = open.first().copied().or(next) {
            partner[i] = Some(partner[i].map_or(p, |q| q.min(p)));
        }
        open.insert(i);
        ends.push(Reverse((rects[i].below, i)));
    }
}

impl Makeup {
    /// Every problem: first those found when the layout was read, then, page by page in issue
    /// order, overlaps, boxes past the foot and overset items as the desk stands now.
    pub fn validate(&self) -> Vec<Problem> {
        let mut problems = self.load_problems.clone();
        problems.extend(self.page_problems());
        problems
    }

    /// What `check` lists and the editor's first message tells: the problems of the layout as
    /// read from `layout` (`as_read`, with their positions in the file), then [`Makeup::validate`]'s
    /// (in the file as a whole).
    pub fn findings(&self, as_read: &[Located], layout: &std::path::Path) -> Vec<Located> {
        let on_page = |problem| Located { problem, file: layout.to_path_buf(), line: None, col: None };
        as_read.iter().cloned().chain(self.validate().into_iter().map(on_page)).collect()
    }

    /// Only the problems found when the layout was read (and repaired).
    pub fn load_problems(&self) -> &[Problem] {
        &self.load_problems
    }

    /// The problems of the pages as they stand: overlaps, boxes past the foot, overset items.
    pub fn page_problems(&self) -> Vec<Problem> {
        let mut out = Vec::new();
        for pi in 0..self.pages.len() {
            self.problems_of_page(pi, &mut out);
        }
        out
    }

    fn problems_of_page(&self, pi: usize, out: &mut Vec<Problem>) {
        let page = self.issue.pages[pi].number;
        let grid = self.grid(pi);
        let frames = self.frames(pi);
        let id = |i: usize| self.item(frames[i].spot.item).id().to_string();
        let part = |i: usize| frames[i].spot.part;
        let rects: Vec<Rect> = frames
            .iter()
            .map(|f| Rect {
                first_column: f.spot.column,
                last_column: f.spot.last_column(),
                top: f.spot.line,
                below: f.below(),
            })
            .collect();
        for (a, b) in overlaps(&rects) {
            out.push(Problem::Overlap { page, item: id(a), part: part(a), other: id(b), other_part: part(b) });
        }
        for (i, f) in frames.iter().enumerate() {
            if f.over_foot(grid) {
                out.push(Problem::BelowFoot { page, item: id(i), part: part(i), lines: f.lines_over_foot(grid) });
            }
        }
        for s in &self.pages[pi] {
            let item = || self.item(s.item).id().to_string();
            if s.part > 1 && self.part_page(s.item, s.part - 1).is_none() {
                out.push(Problem::MissingPart { page, item: item(), part: s.part, missing: s.part - 1 });
            }
            if s.continued && self.part_page(s.item, s.part + 1).is_none() {
                // Placing a next part that would hold nothing is no remedy: say what is.
                if self.continued_into_nothing(pi, s) {
                    out.push(Problem::NothingContinued { page, item: item(), part: s.part });
                } else {
                    out.push(Problem::MissingPart { page, item: item(), part: s.part, missing: s.part + 1 });
                }
            }
        }
        for (i, s) in self.pages[pi].iter().enumerate() {
            let set = self.set_box(pi, s);
            if set.holds_no_copy() && set.too_shallow_for_copy() {
                let first = self.first_of_shallow_parts(s);
                out.push(Problem::ShallowPart { page, item: id(i), part: s.part, first });
            } else if set.holds_no_copy() {
                out.push(Problem::EmptyPart { page, item: id(i), part: s.part });
            }
            if let Some((cut, sentences)) = self.cut_whole(s) {
                out.push(Problem::AllCut { page, item: id(i), part: s.part, cut, sentences });
            }
            let fit = set.fit(s.depth);
            if fit.is_overset() {
                // The lines the badge beside it counts, in every leg (found from outside: the
                // problem said the fit's 2 lines where the badge said 3 at two columns).
                let lines = fit.overset_lines;
                out.push(Problem::Overset { page, item: id(i), part: s.part, lines, chars: fit.overset_chars });
            }
        }
    }
}

impl Makeup {
    /// Of part `s`, too shallow for any of its article's text, the first of the parts up to it
    /// that are all so: the parts to make deeper.
    fn first_of_shallow_parts(&self, s: &super::page::Spot) -> u32 {
        let shallow = |part: u32| {
            self.part_spot(s.item, part).is_some_and(|(pi, before)| self.set_box(pi, &before).too_shallow_for_copy())
        };
        (1..s.part).rev().take_while(|&part| shallow(part)).last().unwrap_or(s.part)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect(first_column: u16, last_column: u16, top: u32, below: u32) -> Rect {
        Rect { first_column, last_column, top, below }
    }

    #[test]
    fn a_pair_is_one_problem_and_a_stack_one_a_box() {
        assert_eq!(overlaps(&[rect(1, 2, 1, 10), rect(2, 3, 5, 12)]), [(0, 1)]);
        assert_eq!(overlaps(&[rect(1, 2, 1, 10), rect(3, 3, 5, 12)]), []);
        // Touching is not overlapping; a box of no depth takes no room.
        assert_eq!(overlaps(&[rect(1, 1, 1, 10), rect(1, 1, 10, 12), rect(1, 1, 3, 3)]), []);
        let stack: Vec<Rect> = (0..1000).map(|_| rect(1, 3, 1, 20)).collect();
        let pairs = overlaps(&stack);
        assert_eq!(pairs.len(), 999);
        assert!(pairs.iter().all(|&(a, _)| a == 0));
    }

    #[test]
    fn every_box_that_overlaps_is_named() {
        // 2 starts inside 0 and 1; 1 starts below 0 in another column: 0 is named with 2.
        let rects = [rect(1, 1, 1, 20), rect(2, 2, 1, 20), rect(1, 2, 5, 8)];
        assert_eq!(overlaps(&rects), [(0, 2), (1, 2)]);
        // Same as the brute-force answer on boxes placed at random.
        let mut seed = 7u64;
        let mut next = |n: u32| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % u64::from(n)) as u32
        };
        for _ in 0..200 {
            let rects: Vec<Rect> = (0..12)
                .map(|_| {
                    let c = next(6) as u16 + 1;
                    let top = next(40) + 1;
                    rect(c, c + next(3) as u16, top, top + next(15))
                })
                .collect();
            let hits = |i: usize, j: usize| {
                let (a, b) = (rects[i], rects[j]);
                // A box of no depth takes no room.
                a.top < a.below
                    && b.top < b.below
                    && a.first_column <= b.last_column
                    && b.first_column <= a.last_column
                    && a.top < b.below
                    && b.top < a.below
            };
            let pairs = overlaps(&rects);
            assert!(pairs.len() <= rects.len());
            for &(a, b) in &pairs {
                assert!(a < b && hits(a, b), "{a} {b} {rects:?}");
            }
            for i in 0..rects.len() {
                let overlapping = (0..rects.len()).any(|j| j != i && hits(i, j));
                let named = pairs.iter().any(|&(a, b)| a == i || b == i);
                assert_eq!(overlapping, named, "box {i} of {rects:?}");
            }
        }
    }
}
