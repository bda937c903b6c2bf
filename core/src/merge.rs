//! Merging two page editors' layouts, item by item: git's three-way merge, but by
//! item instead of by text line. A change one side made to an item and the other did not
//! is taken; the same change on both sides is taken once; different changes to one item are
//! a conflict. Then the merged pages are checked: two boxes that overlap, or a box past the
//! foot, that neither side had are conflicts too — a clean textual merge can make them.
//!
//! A conflict keeps our placement and writes a note in the layout's `conflicts` list with
//! what the other side did, so the file still loads, `check` names every conflict and the
//! editor shows them. Saving from the editor clears the notes once the page editor says they
//! are decided (it asks).
//!
//! ```
//! use pasteup_core::merge::merge;
//! use pasteup_core::model::{Depth, Layout, PageLayout, Placement};
//! let at = |item: &str, line| Placement::new(item, 1, 2, line, Depth::Auto);
//! let page = |ps: Vec<Placement>| Layout { issue: "i.ron".into(), pages: vec![PageLayout { number: 3, placements: ps }], conflicts: vec![] };
//! let base = page(vec![at("a", 1), at("b", 50)]);
//! let ours = page(vec![at("a", 10), at("b", 50)]);   // we moved a
//! let theirs = page(vec![at("a", 1), at("b", 70)]); // they moved b
//! let merged = merge(&base, &ours, &theirs);
//! assert!(merged.conflicts.is_empty());
//! assert_eq!(merged.pages[0].placements, vec![at("a", 10), at("b", 70)]);
//! ```

use std::collections::{HashMap, HashSet};

use crate::diff::Placed;
use crate::layout::Makeup;
use crate::model::{Conflict, Issue, Layout, PageLayout, Placement};

/// Where an item stands in one layout: the page and placement of each of its parts, in part
/// order; empty in the bin.
type Spot = Vec<(u32, Placement)>;

/// A placement's key: the item and the part (a continued article stands once per part).
type Key<'a> = (&'a str, u32);

/// Every item `layout` places, with the first placement of each of its parts.
fn spots(layout: &Layout) -> HashMap<&str, Spot> {
    let mut map: HashMap<&str, Spot> = HashMap::new();
    for page in &layout.pages {
        for p in &page.placements {
            let parts = map.entry(p.item.as_str()).or_default();
            if !parts.iter().any(|(_, q)| q.part == p.part) {
                parts.push((page.number, p.clone()));
            }
        }
    }
    for parts in map.values_mut() {
        parts.sort_by_key(|(_, p)| p.part);
    }
    map
}

/// The placements of `layout` that place a part placed before them: item, page, placement.
fn placed_twice(layout: &Layout) -> Vec<(String, u32, Placement)> {
    let mut seen = HashSet::new();
    let mut twice = Vec::new();
    for page in &layout.pages {
        for p in &page.placements {
            if !seen.insert((p.item.as_str(), p.part)) {
                twice.push((p.item.clone(), page.number, p.clone()));
            }
        }
    }
    twice
}

fn describe(spot: &Spot) -> String {
    match spot.as_slice() {
        [] => "in the bin".to_string(),
        [(page, p)] if p.part == 1 => Placed::new(*page, p).describe(),
        parts => {
            let part = |(page, p): &(u32, Placement)| format!("part {} {}", p.part, Placed::new(*page, p).describe());
            parts.iter().map(part).collect::<Vec<_>>().join("; ")
        }
    }
}

/// What the merge decides for one item: the spot it takes, and the conflict if any. The parts
/// of a continued article go together: their depths, cuts and numbering hold only as one
/// side left them (a part at Auto before another part, or cuts adding up to more than the
/// body, would not load). `reopened`: both sides have decided a note the base holds on it.
/// How a note of a placement both sides changed begins (ours kept); other notes are of what the
/// merged layout holds (an overlap, a box past the foot, an item the issue lacks).
pub const BOTH_CHANGED: &str = "both changed";

fn decide(base: Spot, ours: Spot, theirs: Spot, reopened: bool) -> (Spot, Option<String>) {
    match three_way_noted(base, ours, theirs, reopened) {
        Ok(spot) => (spot, None),
        Err((ours, theirs)) => {
            let note = both_changed(&describe(&ours), &describe(&theirs));
            (ours, Some(note))
        }
    }
}

/// The note on an item both sides changed, each side's spot as [`describe`] or
/// [`taken_out`] says it.
fn both_changed(ours: &str, theirs: &str) -> String {
    format!("{BOTH_CHANGED} it: ours {ours}, theirs {theirs}")
}

/// Why an item a side placed on no page is there, when that side's issue tells: it took the
/// item, or the page the base had it on, out of the issue — not "in the bin", where the
/// desk would look for it (found from outside: their branch renamed a photo, or dropped its
/// page, and the note said "theirs in the bin").
fn taken_out(issue: &Issue, item: &str, base: &Spot) -> Option<String> {
    if issue.item(item).is_none() {
        return Some("took it out of the issue".to_string());
    }
    let gone = base.iter().map(|(page, _)| *page).find(|&n| !issue.pages.iter().any(|p| p.number == n))?;
    Some(format!("took page {gone} out of the issue"))
}

/// The notes of this merge on items both sides changed, where a side that placed the item
/// nowhere took it (or its page) out of its issue, say so (see [`taken_out`]). `sides`: our
/// issue, and theirs where it is known.
fn say_taken_out(merged: &mut Layout, base: &Layout, ours: &Layout, theirs: &Layout, sides: [Option<&Issue>; 2]) {
    let (b, o, t) = (spots(base), spots(ours), spots(theirs));
    let spot_in = |spots: &HashMap<&str, Spot>, item: &str| spots.get(item).cloned().unwrap_or_default();
    for c in merged.conflicts.iter_mut().filter(|c| !ours.conflicts.contains(c) && !theirs.conflicts.contains(c)) {
        let (base_spot, our_spot, their_spot) = (spot_in(&b, &c.item), spot_in(&o, &c.item), spot_in(&t, &c.item));
        if c.note != both_changed(&describe(&our_spot), &describe(&their_spot)) {
            continue;
        }
        let say = |spot: &Spot, issue: Option<&Issue>| {
            let why = issue.filter(|_| spot.is_empty()).and_then(|i| taken_out(i, &c.item, &base_spot));
            why.unwrap_or_else(|| describe(spot))
        };
        c.note = both_changed(&say(&our_spot, sides[0]), &say(&their_spot, sides[1]));
    }
}

/// [`three_way`], but when both sides have decided a note the base holds, two different
/// decisions are a conflict: such a base stands for no decision, only the question (git's
/// virtual base of a criss-cross merge holds one side's answer to a conflict there, and taking
/// the other side as "changed" silently undid a decision).
fn three_way_noted<T: PartialEq>(base: T, ours: T, theirs: T, reopened: bool) -> Result<T, (T, T)> {
    if reopened && ours != theirs { Err((ours, theirs)) } else { three_way(base, ours, theirs) }
}

/// The side that changed `base`, or ours when neither or both made the same change; both
/// when each changed it its own way.
fn three_way<T: PartialEq>(base: T, ours: T, theirs: T) -> Result<T, (T, T)> {
    if ours == theirs || theirs == base {
        Ok(ours)
    } else if ours == base {
        Ok(theirs)
    } else {
        Err((ours, theirs))
    }
}

/// Merges `ours` and `theirs`, both made from `base`, item by item (no geometry check: see
/// [`merge_checked`]). The result keeps our order of pages and placements; what only they
/// placed follows on its page in their order.
pub fn merge(base: &Layout, ours: &Layout, theirs: &Layout) -> Layout {
    merge_sides(base, ours, theirs, false)
}

/// [`merge`] of three layout files, as git's driver: a file without a note the base holds has
/// decided it, and when both have, differently, that is a conflict (see [`three_way_noted`]).
/// The editor's own layout carries no notes, decided or not, so it merges by [`merge`].
pub fn merge_files(base: &Layout, ours: &Layout, theirs: &Layout) -> Layout {
    merge_sides(base, ours, theirs, true)
}

/// Whether both sides dropped a note of the base on `item` (`""` for the layout's issue).
fn decided_by_both(base: &Layout, ours: &Layout, theirs: &Layout, item: &str) -> bool {
    base.conflicts.iter().any(|c| c.item == item && !ours.conflicts.contains(c) && !theirs.conflicts.contains(c))
}

fn merge_sides(base: &Layout, ours: &Layout, theirs: &Layout, files: bool) -> Layout {
    let reopened = |item: &str| files && decided_by_both(base, ours, theirs, item);
    let (b, o, t) = (spots(base), spots(ours), spots(theirs));
    let mut items: Vec<&str> = Vec::new();
    let mut seen = HashSet::new();
    for layout in [ours, theirs, base] {
        for p in layout.pages.iter().flat_map(|page| &page.placements) {
            if seen.insert(p.item.as_str()) {
                items.push(p.item.as_str());
            }
        }
    }
    let mut result: HashMap<Key, (u32, Placement)> = HashMap::new();
    let mut conflicts = carried_notes(base, ours, theirs);
    // A second placement of one part is left out, as the desk leaves it out; said, unless the
    // base had it too (found from outside: theirs' was dropped without a word).
    let in_base = placed_twice(base);
    for (side, layout) in [("ours", ours), ("theirs", theirs)] {
        for (item, page, p) in placed_twice(layout).into_iter().filter(|d| !in_base.contains(d)) {
            let note = format!("placed twice in {side}: the second, {}, is left out", Placed::new(page, &p).describe());
            conflicts.push(Conflict { item, note });
        }
    }
    let spot_in = |spots: &HashMap<&str, Spot>, item: &str| spots.get(item).cloned().unwrap_or_default();
    for item in items {
        let (spot, note) = decide(spot_in(&b, item), spot_in(&o, item), spot_in(&t, item), reopened(item));
        if let Some(note) = note {
            conflicts.push(Conflict { item: item.to_string(), note });
        }
        for (page, p) in spot {
            result.insert((item, p.part), (page, p));
        }
    }
    // An empty BASE (the file added on both sides) names no issue: two names differ only
    // when each side named its own.
    // A conflict on it is on no item: written without one (found from outside: it was noted
    // on an "item" named after their issue file).
    let issue = match three_way_noted(&base.issue, &ours.issue, &theirs.issue, reopened("")) {
        Ok(issue) => issue.clone(),
        Err((ours, theirs)) => {
            let note =
                format!("{BOTH_CHANGED} the issue the layout names: ours {ours:?}, theirs {theirs:?}; ours kept");
            conflicts.push(Conflict { item: String::new(), note });
            ours.clone()
        }
    };
    Layout { issue, pages: pages(ours, theirs, &result), conflicts }
}

/// The notes of earlier merges not yet decided, each once: a note either side still has,
/// unless it was in the base and one side has since decided it (its save dropped the list).
fn carried_notes(base: &Layout, ours: &Layout, theirs: &Layout) -> Vec<Conflict> {
    let mut notes: Vec<Conflict> = Vec::new();
    for note in ours.conflicts.iter().chain(&theirs.conflicts) {
        let decided =
            base.conflicts.contains(note) && !(ours.conflicts.contains(note) && theirs.conflicts.contains(note));
        if !decided && !notes.contains(note) {
            notes.push(note.clone());
        }
    }
    notes
}

/// The notes of `merged` that neither side carried in: what this merge left undecided.
pub fn new_conflicts<'a>(merged: &'a Layout, ours: &Layout, theirs: &Layout) -> Vec<&'a Conflict> {
    merged.conflicts.iter().filter(|c| !ours.conflicts.contains(c) && !theirs.conflicts.contains(c)).collect()
}

/// The merged pages: ours in our order, then any page only they have that holds a placement.
fn pages(ours: &Layout, theirs: &Layout, result: &HashMap<Key, (u32, Placement)>) -> Vec<PageLayout> {
    let mut numbers: Vec<u32> = ours.pages.iter().map(|p| p.number).collect();
    for page in &theirs.pages {
        let holds = result.values().any(|(n, _)| *n == page.number);
        if !numbers.contains(&page.number) && holds {
            numbers.push(page.number);
        }
    }
    let mut written = HashSet::new();
    numbers
        .into_iter()
        .map(|number| {
            let listed = [ours, theirs]
                .into_iter()
                .flat_map(|l| l.pages.iter().filter(move |p| p.number == number))
                .flat_map(|p| &p.placements);
            let mut placements = Vec::new();
            for p in listed {
                if let Some((page, merged)) = result.get(&(p.item.as_str(), p.part))
                    && *page == number
                    && written.insert((p.item.clone(), p.part))
                {
                    placements.push(merged.clone());
                }
            }
            PageLayout { number, placements }
        })
        .collect()
}

/// Overlapping pairs and boxes past the foot on every page of `layout`, by item.
/// A box: its item and its part.
type Part = (String, u32);

fn geometry(issue: &Issue, layout: &Layout) -> (HashSet<(Part, Part)>, HashSet<String>) {
    let makeup = Makeup::new(issue.clone(), layout);
    let mut overlaps = HashSet::new();
    let mut past_foot = HashSet::new();
    for page in &issue.pages {
        let boxes = makeup.resolved(page.number);
        for (i, a) in boxes.iter().enumerate() {
            if a.over_foot {
                past_foot.insert(a.item.clone());
            }
            // A box of no depth takes no room, as the validator counts it.
            if a.box_depth == 0 {
                continue;
            }
            for b in boxes[i + 1..].iter().filter(|b| b.box_depth > 0) {
                let columns = a.column < b.column + b.span && b.column < a.column + a.span;
                let lines = a.line < b.line + b.box_depth && b.line < a.line + a.box_depth;
                if columns && lines {
                    let (a, b) = ((a.item.clone(), a.part), (b.item.clone(), b.part));
                    overlaps.insert(if a < b { (a, b) } else { (b, a) });
                }
            }
        }
    }
    (overlaps, past_foot)
}

/// Their side's issue, as the commit merged in has it: `whole` is what their layout was made
/// for, `brought` what of it the same merge brings into the issue (what no merge base's issue
/// had), and `base` the merge base's issue where it can be read.
#[derive(Clone, Copy)]
pub struct TheirIssue<'a> {
    pub whole: &'a Issue,
    pub brought: &'a Issue,
    pub base: Option<&'a Issue>,
}

/// [`merge`], then the merged pages set against `issue`: an overlap or a box past the foot
/// that neither side had is a conflict too (both boxes stay where the merge put them), and
/// so is an item or page only they brought that the issue lacks — unless `their_issue`, the
/// issue as their side has it, brings it: the same merge then brings it into the issue too
/// (found from outside: the copy desk adding a story and the page editor placing it on one
/// branch stopped the merge over nothing), and its box is judged with their copy of it; so is
/// a box of a story only they changed, where the merge base's issue tells (see [`check_merged`]). The
/// pages come in the issue's order, as the desk writes them (found from outside: a page only
/// they had came last).
pub fn merge_checked(
    issue: &Issue,
    their_issue: Option<TheirIssue>,
    base: &Layout,
    ours: &Layout,
    theirs: &Layout,
) -> Layout {
    check_merged(issue, their_issue, merge(base, ours, theirs), base, ours, theirs)
}

/// The issue as the same merge leaves it, for judging the merged layout: `issue` (ours), with
/// their copy of each story or page ours left as the base had it and they changed (found from
/// outside: their copy desk trimmed an article and their page editor filled the space, and
/// judged with our longer copy the merge stopped over nothing), and with what their issue
/// brings in (found from outside: a box of a story they added was placed with no check).
fn merged_issue(issue: &Issue, their: Option<TheirIssue>) -> Issue {
    let mut merged = issue.clone();
    let Some(their) = their else { return merged };
    if let Some(base) = their.base {
        for item in &mut merged.items {
            let (was, now) = (base.item(item.id()), their.whole.item(item.id()));
            if let (Some(was), Some(now)) = (was, now)
                && was == item
            {
                item.clone_from(now);
            }
        }
        let page_in = |issue: &Issue, n: u32| issue.pages.iter().find(|p| p.number == n).cloned();
        for page in &mut merged.pages {
            if let (Some(was), Some(now)) = (page_in(base, page.number), page_in(their.whole, page.number))
                && was == *page
            {
                *page = now;
            }
        }
    }
    for item in &their.brought.items {
        if issue.item(item.id()).is_none() {
            merged.items.push(item.clone());
        }
    }
    for page in &their.brought.pages {
        if !issue.pages.iter().any(|p| p.number == page.number) {
            merged.pages.push(page.clone());
        }
    }
    merged
}

/// The checks of [`merge_checked`] on `merged`, made from `ours` and `theirs` by [`merge`] or
/// [`merge_files`]. Each side had what its layout makes with its own issue: ours with `issue`,
/// theirs with their whole issue where it can be read (found from outside: our branch
/// lengthened an article, theirs placed a box under its old foot, and judged with our issue
/// their layout "had" the overlap the merge made, which went through with exit 0); the merged
/// layout with the issue as the merge leaves it (`merged_issue`). A note on an item both
/// changed says when a side took it or its page out of its issue (see [`taken_out`]).
pub fn check_merged(
    issue: &Issue,
    their_issue: Option<TheirIssue>,
    mut merged: Layout,
    base: &Layout,
    ours: &Layout,
    theirs: &Layout,
) -> Layout {
    say_taken_out(&mut merged, base, ours, theirs, [Some(issue), their_issue.map(|t| t.whole)]);
    let brought = their_issue.map(|t| t.brought);
    let order = |number: u32| {
        let at = |i: &Issue| i.pages.iter().position(|p| p.number == number);
        (at(issue).unwrap_or(usize::MAX), brought.and_then(at).unwrap_or(usize::MAX), number)
    };
    merged.pages.sort_by_key(|page| order(page.number));
    let (merged_overlaps, merged_foot) = geometry(&merged_issue(issue, their_issue), &merged);
    let (our_overlaps, our_foot) = geometry(issue, ours);
    let (their_overlaps, their_foot) = geometry(their_issue.map_or(issue, |t| t.whole), theirs);
    let mut overlaps: Vec<_> =
        merged_overlaps.into_iter().filter(|o| !our_overlaps.contains(o) && !their_overlaps.contains(o)).collect();
    overlaps.sort();
    for ((a, a_part), (b, b_part)) in overlaps {
        // The parts of a continued article, named where it is not the first (found from
        // outside: the note named the article, and only its part 2 overlapped).
        let part = if a_part > 1 { format!("part {a_part} ") } else { String::new() };
        let other = if b_part > 1 { format!(" (part {b_part})") } else { String::new() };
        merged.conflicts.push(Conflict { item: a, note: format!("{part}overlaps \"{b}\"{other} after the merge") });
    }
    let mut foot: Vec<_> =
        merged_foot.into_iter().filter(|i| !our_foot.contains(i) && !their_foot.contains(i)).collect();
    foot.sort();
    for item in foot {
        merged.conflicts.push(Conflict { item, note: "past the foot of the page after the merge".to_string() });
    }
    let theirs_has_item = |item: &str| brought.is_some_and(|i| i.item(item).is_some());
    let theirs_has_page = |n: u32| brought.is_some_and(|i| i.pages.iter().any(|p| p.number == n));
    keep_our_unknown_pages(issue, &theirs_has_page, &mut merged, ours);
    for item in unknown_items(issue, &merged, ours).into_iter().filter(|i| !theirs_has_item(i)) {
        merged.conflicts.push(Conflict { item, note: "not in the issue: the merge brought it in".to_string() });
    }
    for (item, page) in unknown_pages(issue, &merged, ours).into_iter().filter(|&(_, n)| !theirs_has_page(n)) {
        let note = format!("on page {page}, which the issue does not have: the merge brought it in");
        merged.conflicts.push(Conflict { item, note });
    }
    merged
}

/// A page the issue does not have (nor their issue) that ours placed already stays as ours had
/// it: the merge brings none of it, and what theirs changed there is a conflict (found from
/// outside: a box their side added to such a page, or moved on it, went through exit 0).
fn keep_our_unknown_pages(issue: &Issue, theirs_has_page: &dyn Fn(u32) -> bool, merged: &mut Layout, ours: &Layout) {
    let in_issue = |n: u32| issue.pages.iter().any(|p| p.number == n) || theirs_has_page(n);
    let mut notes = Vec::new();
    for page in merged.pages.iter_mut().filter(|p| !in_issue(p.number)) {
        let Some(our_page) = ours.pages.iter().find(|o| o.number == page.number) else { continue };
        for p in page.placements.iter().filter(|p| !our_page.placements.contains(p)) {
            let note =
                format!("on page {}, which the issue does not have: ours keeps that page as it was", page.number);
            notes.push(Conflict { item: p.item.clone(), note });
        }
        page.clone_from(our_page);
    }
    merged.conflicts.extend(notes);
}

/// Items `merged` places on a page the issue does not have and `ours` did not have, with
/// the page: the desk cannot open such a layout without repairing it.
pub fn unknown_pages(issue: &Issue, merged: &Layout, ours: &Layout) -> Vec<(String, u32)> {
    let known = |n: u32| issue.pages.iter().any(|p| p.number == n) || ours.pages.iter().any(|p| p.number == n);
    merged
        .pages
        .iter()
        .filter(|page| !known(page.number))
        .flat_map(|page| page.placements.iter().map(move |p| (p.item.clone(), page.number)))
        .collect()
}

/// Items `merged` places that the issue does not have and `ours` did not place: no overlap
/// check can see them, since the desk leaves them out.
pub fn unknown_items(issue: &Issue, merged: &Layout, ours: &Layout) -> Vec<String> {
    let known: HashSet<&str> = issue.items.iter().map(|i| i.id()).collect();
    let ours: HashSet<&str> = ours.pages.iter().flat_map(|p| &p.placements).map(|p| p.item.as_str()).collect();
    let mut unknown: Vec<String> = merged
        .pages
        .iter()
        .flat_map(|p| &p.placements)
        .map(|p| p.item.as_str())
        .filter(|item| !known.contains(item) && !ours.contains(item))
        .map(str::to_string)
        .collect();
    unknown.sort();
    unknown.dedup();
    unknown
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Depth, Page};

    fn at(item: &str, column: u16, line: u32) -> Placement {
        Placement::new(item, column, 2, line, Depth::Fixed(10))
    }

    fn page(placements: Vec<Placement>) -> Layout {
        Layout { issue: "i.ron".into(), pages: vec![PageLayout { number: 3, placements }], conflicts: vec![] }
    }

    #[test]
    fn an_item_their_side_placed_that_the_issue_lacks_is_a_conflict() {
        let issue: Issue = crate::format::ron_options()
            .from_str(
                r#"Issue(paper: "报", date: "d", pages: [Page(number: 3, grid: Grid(columns: 8, column_width: 10, gutter: 1, depth: 90))],
                items: [Article(id: "a", headline: "题", body: ["文。"])])"#,
            )
            .unwrap();
        let base = page(vec![at("a", 1, 1)]);
        let theirs = page(vec![at("a", 1, 1), at("ax", 1, 1)]);
        let merged = merge_checked(&issue, None, &base, &base, &theirs);
        let notes: Vec<_> = merged.conflicts.iter().map(|c| (c.item.as_str(), c.note.as_str())).collect();
        assert_eq!(notes, [("ax", "not in the issue: the merge brought it in")]);
        // Ours naming it already is ours to answer for (check reports it): no conflict.
        assert!(merge_checked(&issue, None, &base, &theirs, &theirs).conflicts.is_empty());
    }

    /// Found from outside: a page only their side placed boxes on was written after ours,
    /// out of the issue's order, which the desk's next save then rewrote.
    #[test]
    fn merged_pages_come_in_the_issues_order() {
        let issue: Issue = crate::format::ron_options()
            .from_str(
                r#"Issue(paper: "报", date: "d", pages: [
                    Page(number: 3, grid: Grid(columns: 8, column_width: 10, gutter: 1, depth: 90)),
                    Page(number: 4, grid: Grid(columns: 8, column_width: 10, gutter: 1, depth: 90))],
                items: [Article(id: "a", headline: "题", body: ["文。"]), Article(id: "b", headline: "题", body: ["文。"])])"#,
            )
            .unwrap();
        let mut base = page(vec![at("a", 1, 1)]);
        base.pages[0].number = 4;
        let mut theirs = base.clone();
        theirs.pages.insert(0, PageLayout { number: 3, placements: vec![at("b", 1, 1)] });
        let merged = merge_checked(&issue, None, &base, &base, &theirs);
        assert_eq!(merged.pages.iter().map(|p| p.number).collect::<Vec<_>>(), [3, 4]);
        assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
        // A page their issue adds follows the pages of ours; one neither has, last.
        let mut theirs_issue = issue.clone();
        theirs_issue.pages.push(Page { number: 9, ..issue.pages[0].clone() });
        theirs.pages.push(PageLayout { number: 12, placements: vec![at("d", 1, 1)] });
        theirs.pages.insert(0, PageLayout { number: 9, placements: vec![at("c", 1, 1)] });
        let merged = merge_checked(
            &issue,
            Some(TheirIssue { whole: &theirs_issue, brought: &theirs_issue, base: None }),
            &base,
            &base,
            &theirs,
        );
        assert_eq!(merged.pages.iter().map(|p| p.number).collect::<Vec<_>>(), [3, 4, 9, 12]);
    }

    /// Found from outside: their side placing a box on a page the issue lacks merged
    /// cleanly, and `check` then refused the result as unusable.
    #[test]
    fn a_page_their_side_added_that_the_issue_lacks_is_a_conflict() {
        let issue: Issue = crate::format::ron_options()
            .from_str(
                r#"Issue(paper: "报", date: "d", pages: [Page(number: 3, grid: Grid(columns: 8, column_width: 10, gutter: 1, depth: 90))],
                items: [Article(id: "a", headline: "题", body: ["文。"]), Article(id: "b", headline: "题", body: ["文。"])])"#,
            )
            .unwrap();
        let base = page(vec![at("a", 1, 1)]);
        let mut theirs = base.clone();
        theirs.pages.push(PageLayout { number: 9, placements: vec![at("b", 1, 1)] });
        let merged = merge_checked(&issue, None, &base, &base, &theirs);
        let notes: Vec<_> = merged.conflicts.iter().map(|c| (c.item.as_str(), c.note.as_str())).collect();
        assert_eq!(notes, [("b", "on page 9, which the issue does not have: the merge brought it in")]);
    }

    /// Found from outside: our issue lengthened "a", their side placed "b" under its old foot,
    /// and their layout judged with our issue "had" the overlap: the merge took it silently.
    /// Each side is judged with its own issue; the merged pages with ours, but a story only
    /// they changed or added with theirs.
    #[test]
    fn each_side_is_judged_with_its_own_issue() {
        let issue_with = |a_body: &str, extra: &str| -> Issue {
            crate::format::ron_options()
                .from_str(&format!(
                    r#"Issue(paper: "报", date: "d", pages: [Page(number: 3, grid: Grid(columns: 8, column_width: 10, gutter: 1, depth: 90))],
                    items: [Article(id: "a", headline: "题", body: ["{a_body}"]), Article(id: "b", headline: "题", body: ["文。"]){extra}])"#
                ))
                .unwrap()
        };
        let auto = |item: &str, line| Placement::new(item, 1, 2, line, Depth::Auto);
        let (short, long) = ("文".repeat(40) + "。", "文".repeat(400) + "。");
        let (ours_issue, their_issue) = (issue_with(&long, ""), issue_with(&short, ""));
        let base = page(vec![auto("a", 1)]);
        let ours = page(vec![auto("a", 1), at("c", 5, 1)]);
        let theirs = page(vec![auto("a", 1), auto("b", 20)]);
        // The base had the short copy: ours lengthened it, and the merge keeps ours.
        let their = TheirIssue { whole: &their_issue, brought: &their_issue, base: Some(&their_issue) };
        let merged = merge_checked(&ours_issue, Some(their), &base, &ours, &theirs);
        let notes: Vec<_> = merged.conflicts.iter().map(|c| (c.item.as_str(), c.note.as_str())).collect();
        assert_eq!(notes, [("a", "overlaps \"b\" after the merge")]);
        // Without their issue, theirs is judged with ours: the overlap reads as theirs already.
        assert!(merge_checked(&ours_issue, None, &base, &ours, &theirs).conflicts.is_empty());
        // The base had the long copy: they trimmed it, the merge takes their copy, and their
        // box fills the lines it gave up.
        let their = TheirIssue { base: Some(&ours_issue), ..their };
        let merged = merge_checked(&ours_issue, Some(their), &base, &ours, &theirs);
        assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
        // A story their issue adds takes its room from their copy of it.
        let n = r#", Article(id: "n", headline: "题", body: ["文。"])"#;
        let (their_issue, brought) = (issue_with(&short, n), issue_with(&short, n));
        let theirs = page(vec![auto("a", 1), at("n", 5, 1)]);
        let ours = page(vec![auto("a", 1), at("b", 5, 5)]);
        let their = TheirIssue { whole: &their_issue, brought: &brought, base: None };
        let merged = merge_checked(&issue_with(&short, ""), Some(their), &base, &ours, &theirs);
        let notes: Vec<_> = merged.conflicts.iter().map(|c| (c.item.as_str(), c.note.as_str())).collect();
        assert_eq!(notes, [("b", "overlaps \"n\" after the merge")]);
    }

    /// Found from outside: the note on an overlap after the merge named the article, and only
    /// its part 2 overlapped. A later part is named.
    #[test]
    fn an_overlap_by_a_later_part_names_the_part() {
        let body = "文".repeat(400) + "。";
        let issue: Issue = crate::format::ron_options()
            .from_str(&format!(
                r#"Issue(paper: "报", date: "d", pages: [Page(number: 3, grid: Grid(columns: 8, column_width: 10, gutter: 1, depth: 90))],
                items: [Article(id: "a", headline: "题", body: ["{body}"]), Article(id: "b", headline: "题", body: ["文。"])])"#
            ))
            .unwrap();
        let part = |part: u32, line: u32| Placement { part, ..at("a", 1, line) };
        let base = page(vec![part(1, 1), part(2, 60), at("b", 5, 40)]);
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        ours.pages[0].placements[1].line = 40;
        theirs.pages[0].placements[2].column = 1;
        let merged = merge_checked(&issue, None, &base, &ours, &theirs);
        let notes: Vec<_> = merged.conflicts.iter().map(|c| (c.item.as_str(), c.note.as_str())).collect();
        assert_eq!(notes, [("a", "part 2 overlaps \"b\" after the merge")]);
    }

    /// Found from outside: ours and the base placed a box on page 9, which the issue lacks;
    /// theirs added another there and the merge took it, exit 0. Such a page stays as ours had
    /// it, and theirs' change there is a conflict.
    #[test]
    fn a_page_the_issue_lacks_that_ours_has_stays_as_ours_had_it() {
        let issue: Issue = crate::format::ron_options()
            .from_str(
                r#"Issue(paper: "报", date: "d", pages: [Page(number: 3, grid: Grid(columns: 8, column_width: 10, gutter: 1, depth: 90))],
                items: [Article(id: "a", headline: "题", body: ["文。"]), Article(id: "b", headline: "题", body: ["文。"]),
                        Article(id: "c", headline: "题", body: ["文。"])])"#,
            )
            .unwrap();
        let mut base = page(vec![at("a", 1, 1)]);
        base.pages.push(PageLayout { number: 9, placements: vec![at("b", 1, 1)] });
        let mut ours = base.clone();
        ours.pages[0].placements[0].line = 20;
        let mut theirs = base.clone();
        theirs.pages[1].placements.push(at("c", 3, 1));
        let merged = merge_checked(&issue, None, &base, &ours, &theirs);
        assert_eq!(merged.pages[1], base.pages[1], "page 9 as ours had it");
        assert_eq!(merged.pages[0].placements[0].line, 20, "ours' move elsewhere merged");
        let notes: Vec<_> = merged.conflicts.iter().map(|c| (c.item.as_str(), c.note.as_str())).collect();
        assert_eq!(notes, [("c", "on page 9, which the issue does not have: ours keeps that page as it was")]);
    }

    /// Found from outside: a note an earlier merge left (committed undecided) came back as a
    /// new conflict at every later merge and rebase step; one side's decision (a save drops
    /// the list) was undone by the other side still carrying it.
    #[test]
    fn earlier_notes_are_carried_not_new_and_a_decided_one_goes() {
        let note = Conflict { item: "a".into(), note: "both changed it".into() };
        let base = Layout { conflicts: vec![note.clone()], ..page(vec![at("a", 1, 1)]) };
        let ours = Layout { conflicts: vec![note.clone()], ..page(vec![at("a", 1, 1), at("b", 3, 1)]) };
        let theirs = Layout { conflicts: vec![note.clone()], ..page(vec![at("a", 1, 1)]) };
        let merged = merge(&base, &ours, &theirs);
        assert_eq!(merged.conflicts, std::slice::from_ref(&note), "still undecided on both sides");
        assert!(new_conflicts(&merged, &ours, &theirs).is_empty(), "and not new");
        let decided = Layout { conflicts: vec![], ..theirs.clone() };
        assert!(merge(&base, &ours, &decided).conflicts.is_empty(), "their save decided it");
        let fresh = Layout { conflicts: vec![note.clone()], ..ours.clone() };
        let merged = merge(&Layout::default(), &fresh, &page(vec![]));
        assert_eq!(merged.conflicts, [note], "a note not in the base stays");
    }

    /// Found from outside: in a criss-cross merge git's virtual base held the inner merge's
    /// conflict, with ours of that merge placed and an undecided note; each side had since
    /// decided it its own way, and the side that matched the virtual base silently lost.
    #[test]
    fn two_sides_deciding_a_note_of_the_base_differently_conflict() {
        let note = Conflict { item: "a".into(), note: "both changed it".into() };
        let base = Layout { conflicts: vec![note.clone()], ..page(vec![at("a", 1, 40), at("b", 3, 1)]) };
        let ours = page(vec![at("a", 1, 60), at("b", 3, 1)]);
        let theirs = page(vec![at("a", 1, 40), at("b", 3, 9)]);
        let merged = merge_files(&base, &ours, &theirs);
        assert_eq!(merged.pages[0].placements, [at("a", 1, 60), at("b", 3, 9)], "ours kept, their b taken");
        let notes: Vec<_> = merged.conflicts.iter().map(|c| (c.item.as_str(), c.note.as_str())).collect();
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(notes[0].1.starts_with("both changed it: ours page 3 column 1 line 60"), "{notes:?}");
        // The same decision on both sides, or one side still carrying the note, is no conflict.
        assert!(merge_files(&base, &ours, &ours).conflicts.is_empty());
        let undecided = Layout { conflicts: vec![note.clone()], ..theirs.clone() };
        let merged = merge_files(&base, &ours, &undecided);
        assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
        assert_eq!(merged.pages[0].placements[0], at("a", 1, 60), "our decision stands");
        // The editor's own layout carries no notes: it merges as before.
        assert!(merge(&base, &ours, &theirs).conflicts.is_empty());
        // A note on the layout's issue reopens the issue likewise.
        let issue_note = Conflict { item: String::new(), note: "both changed the issue".into() };
        let named = |issue: &str| Layout { issue: issue.into(), ..page(vec![at("a", 1, 1)]) };
        let base = Layout { conflicts: vec![issue_note], ..named("a.ron") };
        let merged = merge_files(&base, &named("b.ron"), &named("a.ron"));
        assert_eq!((merged.issue.as_str(), merged.conflicts.len()), ("b.ron", 1));
    }

    /// Found from outside: a second placement of one item in their side was dropped by the
    /// merge without a word (only `pasteup diff` said so).
    #[test]
    fn a_second_placement_of_one_item_is_left_out_and_said() {
        let base = page(vec![at("a", 1, 1)]);
        let theirs = page(vec![at("a", 1, 1), at("a", 5, 40)]);
        let merged = merge(&base, &base, &theirs);
        assert_eq!(merged.pages[0].placements, [at("a", 1, 1)]);
        let notes: Vec<_> = merged.conflicts.iter().map(|c| (c.item.as_str(), c.note.as_str())).collect();
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert_eq!(notes[0].0, "a");
        assert!(notes[0].1.starts_with("placed twice in theirs: the second, page 3 column 5 line 40"), "{notes:?}");
        assert!(merge(&theirs, &theirs, &theirs).conflicts.is_empty(), "the base had it: nothing new");
    }

    #[test]
    fn the_layouts_issue_merges_three_ways() {
        let named = |issue: &str| Layout { issue: issue.into(), ..page(vec![at("a", 1, 1)]) };
        let base = named("i.ron");
        assert_eq!(merge(&base, &base, &named("final.ron")).issue, "final.ron");
        assert_eq!(merge(&base, &named("final.ron"), &base).issue, "final.ron");
        let both = merge(&base, &named("a.ron"), &named("b.ron"));
        assert_eq!(both.issue, "a.ron");
        assert_eq!(both.conflicts.len(), 1);
        assert_eq!(both.conflicts[0].on_item(), None, "on the layout, not an item");
        assert_eq!(
            both.conflicts[0].note,
            "both changed the issue the layout names: ours \"a.ron\", theirs \"b.ron\"; ours kept"
        );
        assert!(merge(&Layout::default(), &named("i.ron"), &named("i.ron")).conflicts.is_empty(), "an empty BASE");
    }

    #[test]
    fn one_side_changed_takes_that_side() {
        let base = page(vec![at("a", 1, 1), at("b", 3, 1)]);
        let ours = page(vec![at("a", 1, 20), at("b", 3, 1)]);
        assert_eq!(merge(&base, &ours, &base), ours);
        assert_eq!(merge(&base, &base, &ours), ours);
    }

    #[test]
    fn both_moving_one_item_differently_is_a_conflict_keeping_ours() {
        let base = page(vec![at("a", 1, 1)]);
        let ours = page(vec![at("a", 1, 20)]);
        let theirs = page(vec![at("a", 5, 1)]);
        let merged = merge(&base, &ours, &theirs);
        assert_eq!(merged.pages[0].placements, vec![at("a", 1, 20)]);
        assert_eq!(merged.conflicts.len(), 1);
        assert_eq!(
            merged.conflicts[0].note,
            "both changed it: ours page 3 column 1 line 20 span 2 depth fixed 10, theirs page 3 column 5 line 1 span 2 depth fixed 10"
        );
    }

    fn part(item: &str, column: u16, number: u32, depth: Depth, cut: u32) -> Placement {
        Placement { part: number, cut, depth, ..Placement::new(item, column, 2, 1, depth) }
    }

    /// Found from outside: one side continued an article (part 2), the other set part 1 to
    /// Auto; the merge was clean and no command would load the result. Likewise one side cut
    /// part 1 and the other part 2, together more than the body.
    #[test]
    fn the_parts_of_a_continued_article_merge_as_one() {
        let base = page(vec![part("a", 1, 1, Depth::Fixed(20), 0)]);
        let ours = page(vec![part("a", 1, 1, Depth::Fixed(20), 0), part("a", 5, 2, Depth::Auto, 0)]);
        let theirs = page(vec![part("a", 1, 1, Depth::Auto, 0)]);
        let merged = merge(&base, &ours, &theirs);
        assert_eq!(merged.pages, ours.pages, "ours kept whole");
        assert_eq!(merged.conflicts.len(), 1);
        assert_eq!(
            merged.conflicts[0].note,
            "both changed it: ours part 1 page 3 column 1 line 1 span 2 depth fixed 20; part 2 page 3 column 5 line 1 span 2 depth auto, theirs page 3 column 1 line 1 span 2 depth auto"
        );
        let base = ours.clone();
        let ours = page(vec![part("a", 1, 1, Depth::Fixed(20), 9), part("a", 5, 2, Depth::Auto, 0)]);
        let theirs = page(vec![part("a", 1, 1, Depth::Fixed(20), 0), part("a", 5, 2, Depth::Auto, 9)]);
        let merged = merge(&base, &ours, &theirs);
        assert_eq!(merged.pages, ours.pages);
        assert!(merged.conflicts[0].note.contains("depth fixed 20 cut 9;"), "{}", merged.conflicts[0].note);
        // One side's change to a part alone is taken, with the other parts as they were.
        let merged = merge(&base, &base, &ours);
        assert_eq!((merged.pages, merged.conflicts), (ours.pages, vec![]));
    }

    #[test]
    fn both_making_the_same_change_is_clean() {
        let base = page(vec![at("a", 1, 1)]);
        let both = page(vec![at("a", 1, 20)]);
        let merged = merge(&base, &both, &both);
        assert!(merged.conflicts.is_empty());
        assert_eq!(merged, both);
    }

    #[test]
    fn binning_against_moving_is_a_conflict() {
        let base = page(vec![at("a", 1, 1)]);
        let ours = page(vec![]);
        let theirs = page(vec![at("a", 1, 30)]);
        let merged = merge(&base, &ours, &theirs);
        assert!(merged.pages[0].placements.is_empty());
        assert_eq!(
            merged.conflicts[0].note,
            "both changed it: ours in the bin, theirs page 3 column 1 line 30 span 2 depth fixed 10"
        );
    }

    #[test]
    fn notes_left_undecided_on_either_side_stay_once() {
        let note = |item: &str| Conflict { item: item.into(), note: "both changed it".into() };
        let base = page(vec![at("a", 1, 1)]);
        let mut ours = base.clone();
        ours.conflicts = vec![note("a")];
        let mut theirs = base.clone();
        theirs.conflicts = vec![note("a"), note("b")];
        assert_eq!(merge(&base, &ours, &theirs).conflicts, vec![note("a"), note("b")]);
    }

    #[test]
    fn an_item_only_they_placed_joins_the_page_in_their_order() {
        let base = page(vec![at("a", 1, 1)]);
        let theirs = Layout {
            issue: "i.ron".into(),
            pages: vec![
                PageLayout { number: 3, placements: vec![at("a", 1, 1), at("c", 5, 1)] },
                PageLayout { number: 4, placements: vec![at("d", 1, 1)] },
            ],
            conflicts: vec![],
        };
        let merged = merge(&base, &base, &theirs);
        assert_eq!(merged.pages.len(), 2);
        assert_eq!(merged.pages[0].placements, vec![at("a", 1, 1), at("c", 5, 1)]);
        assert_eq!(merged.pages[1].placements, vec![at("d", 1, 1)]);
    }

    /// Found from outside: their branch renamed a photo (or dropped its page) in issue and
    /// layout, ours moved it, and the note said "theirs in the bin". A side whose issue no
    /// longer has the item, or the page the base had it on, says so; without that side's
    /// issue it is "in the bin" as before.
    #[test]
    fn a_note_says_which_side_took_the_item_or_its_page_out_of_the_issue() {
        let issue_of = |pages: &str, items: &str| -> Issue {
            let page =
                |n: &str| format!("Page(number: {n}, grid: Grid(columns: 8, column_width: 10, gutter: 1, depth: 90))");
            let pages: Vec<String> = pages.split(' ').map(page).collect();
            let items: Vec<String> =
                items.split(' ').map(|id| format!(r#"Article(id: "{id}", headline: "题", body: ["文。"])"#)).collect();
            crate::format::ron_options()
                .from_str(&format!(
                    r#"Issue(paper: "报", date: "d", pages: [{}], items: [{}])"#,
                    pages.join(", "),
                    items.join(", ")
                ))
                .unwrap()
        };
        let full = issue_of("3", "a b");
        let base = page(vec![at("a", 1, 1), at("b", 5, 1)]);
        let ours = page(vec![at("a", 1, 20), at("b", 5, 1)]);
        let theirs = page(vec![at("b", 5, 1)]);
        let notes = |merged: Layout| merged.conflicts.into_iter().map(|c| c.note).collect::<Vec<_>>();
        let ours_at = "both changed it: ours page 3 column 1 line 20 span 2 depth fixed 10";
        let their = |whole| Some(TheirIssue { whole, brought: whole, base: None });
        let no_a = issue_of("3", "b");
        let merged = merge_checked(&full, their(&no_a), &base, &ours, &theirs);
        assert_eq!(notes(merged), [format!("{ours_at}, theirs took it out of the issue")]);
        let no_page = issue_of("4", "a b");
        let merged = merge_checked(&full, their(&no_page), &base, &ours, &theirs);
        assert_eq!(notes(merged), [format!("{ours_at}, theirs took page 3 out of the issue")]);
        let merged = merge_checked(&full, None, &base, &ours, &theirs);
        assert_eq!(notes(merged), [format!("{ours_at}, theirs in the bin")]);
        let merged = merge_checked(&full, their(&full), &base, &ours, &theirs);
        assert_eq!(notes(merged), [format!("{ours_at}, theirs in the bin")], "they binned it");
        // Ours the same, from our issue.
        let merged = merge_checked(&no_a, their(&full), &base, &theirs, &ours);
        let notes = notes(merged);
        assert_eq!(
            notes[0],
            "both changed it: ours took it out of the issue, theirs page 3 column 1 line 20 span 2 depth fixed 10"
        );
    }
}
