//! The plan kept (docs/make.md, "The plan before the fill"): fillers take only the room the
//! planned items leave, and priority names which planned items are left out first.
//!
//! The beam ranks partial pages by the copy they place and the lines they waste, not by whose
//! copy it is: searched together with the planned items, a filler that filled a line more took
//! the room of a planned item (found from outside: on 9 of 80 generated pages a planned item
//! was left `no_room` while fillers took its room), and even a filler left out had steered the
//! search away from a page that placed more of the plan. So a page offered fillers is made in
//! two steps, as a page editor makes it: its planned items alone, then the fillers in the room
//! they leave, the planned boxes standing ([`kept_to_plan`]). And the beam may finish a page
//! with a minor story standing where a more important one fitted, so each planned item left
//! out is tried in the room of a box that matters less ([`swapped_in`]).

use super::plan::Cand;
use super::refine::around;
use super::rules::{Boxed, tombstone, with_article};
use super::search::{
    FinishRank, Problem, State, box_hash, boxed, closing, finish_rank, finished, fits, lead_off_top, left_out_weight,
    with_kept,
};
use super::shorts::settled;
use crate::model::ItemKind;

/// The page of `p` kept to the plan: where fillers are offered, never one that leaves out
/// more (or more important) planned copy than the page its planned items make alone (as made
/// without the fillers). With copy enough to fill the page, that page is made first and the
/// fillers in the room it leaves, its planned boxes standing. Short of copy, where every item
/// could stand, the page searched with the fillers is kept unless it leaves more of the plan
/// out: there the search sets the fillers under the planned stories, where made around them
/// they would fill the holes the planned page leaves above its stories. And each planned item
/// left out is tried in the room of a box that matters less.
pub(super) fn kept_to_plan(p: &Problem) -> Option<State> {
    let fillers = p.cands.iter().zip(&p.used).any(|(c, used)| !c.planned && !used);
    let plan = if fillers { planned_alone(p) } else { None };
    let Some(plan) = plan else { return finished(p).map(|s| swapped_in(p, s)) };
    if p.short_of_copy
        && let Some(together) = finished(p).map(|s| swapped_in(p, s))
        && plan_lost(p, &together) <= plan_lost(p, &plan)
    {
        return Some(together);
    }
    let standing = plan.boxes.clone();
    Some(around(p, standing, finished).map_or(plan, |s| swapped_in(p, s)))
}

/// How a swapped page ranks: the plan it keeps, then the quality order.
type SwapKey = ((bool, u64), FinishRank);

/// How much of its plan a page fails to keep: its lead off line 1, then the weight of the
/// planned items it leaves out (lower is better).
fn plan_lost(p: &Problem, s: &State) -> (bool, u64) {
    (lead_off_top(p, s), left_out_weight(p, s))
}

/// The page the planned items make alone (as made without the fillers), as a page of `p`;
/// none when no planned item is offered.
fn planned_alone(p: &Problem) -> Option<State> {
    let keep: Vec<usize> = (0..p.cands.len()).filter(|&i| p.cands[i].planned).collect();
    if keep.is_empty() {
        return None;
    }
    let cands: Vec<Cand> = keep.iter().map(|&i| p.cands[i].clone()).collect();
    let photos: Vec<Option<Boxed>> = keep.iter().map(|&i| p.photos.get(i).copied().flatten()).collect();
    let copy: u64 = cands.iter().map(Cand::max_area).sum();
    let alone = Problem {
        sheet: p.sheet.clone(),
        cands: &cands,
        photos: &photos,
        used: keep.iter().map(|&i| p.used[i]).collect(),
        lead: p.lead.and_then(|l| keep.iter().position(|&i| i == l)),
        short_of_copy: copy < u64::from(p.sheet.free()),
        ..*p
    };
    let made = finished(&alone).map(|s| swapped_in(&alone, s))?;
    let mut page = made;
    page.used = p.used.clone();
    for (c, _) in &page.boxes {
        page.used[keep[*c]] = true;
    }
    page.boxes = page.boxes.iter().map(|(c, b)| (keep[*c], *b)).collect();
    Some(page)
}

/// `best` with each planned item it leaves out, most important first, put in the room of a
/// box that matters less — a filler, or a planned item of a larger priority number — where
/// every rule still holds and the quality order ranks the page better. The lead, and a box
/// with a photo standing with it, give way to nothing.
pub(super) fn swapped_in(p: &Problem, mut best: State) -> State {
    let mut out: Vec<usize> = (0..p.cands.len())
        .filter(|&i| p.cands[i].planned && !best.used[i] && p.lead != Some(i) && !p.cands[i].shapes.is_empty())
        .collect();
    out.sort_by_key(|&i| (p.cands[i].priority, i));
    for l in out {
        if let Some(next) = swap_for(p, &best, l) {
            best = next;
        }
    }
    best
}

/// The best page with candidate `l` in the room of a box of `best` that gives way to it, if
/// one keeps more of the plan and is the better page: by the quality order where a planned
/// item gave way (so a swap that would leave a page filled to within 2% emptier than that is
/// not made), whatever the fill where a filler did (fillers fill only what the plan leaves).
fn swap_for(p: &Problem, best: &State, l: usize) -> Option<State> {
    let lost = plan_lost(p, best);
    let rank = finish_rank(p, best);
    let mut found: Option<(State, SwapKey)> = None;
    for at in 0..best.boxes.len() {
        if !gives_way(p, best, l, at) {
            continue;
        }
        let filler = !p.cands[best.boxes[at].0].planned;
        for next in in_place_of(p, best, l, at) {
            let key = (plan_lost(p, &next), finish_rank(p, &next));
            let better = key.0 < lost && (filler || key.1 < rank);
            if better && found.as_ref().is_none_or(|(_, k)| key < *k) {
                found = Some((next, key));
            }
        }
    }
    found.map(|(s, _)| s)
}

/// Whether box `at` of `best` may give way to the left-out planned candidate `l`: a filler,
/// or a planned item less important than it; not the lead, and no photo standing with it (a
/// photo stands with its story, so taking the story off would leave the photo alone).
fn gives_way(p: &Problem, best: &State, l: usize, at: usize) -> bool {
    let (c, b) = best.boxes[at];
    let other = &p.cands[c];
    let with_it = |x: &usize| p.cands[*x].with == Some(b.item);
    (!other.planned || other.priority > p.cands[l].priority)
        && p.lead != Some(c)
        && p.photos.get(c).copied().flatten().is_none()
        && !best.boxes.iter().any(|(x, _)| with_it(x))
}

/// The pages with candidate `l` in the room box `at` of `best` leaves (its columns, from its
/// top line down to the next box; a notice at the foot), at each shape and place there that
/// keeps the rules: no overlap, no 碰题, a photo with its article, an article with the photo
/// the desk placed for it. Short boxes are looked at again on each page.
fn in_place_of(p: &Problem, best: &State, l: usize, at: usize) -> Vec<State> {
    let (c, gone) = best.boxes[at];
    let cand = &p.cands[l];
    let others: Vec<Boxed> = best.boxes.iter().enumerate().filter(|(i, _)| *i != at).map(|(_, (_, b))| *b).collect();
    let mut sheet = p.sheet.clone();
    for b in &others {
        sheet.take(b.column, b.span, b.line, b.depth);
    }
    let standing = || p.kept.iter().chain(&others);
    let article = cand.with.and_then(|a| standing().find(|b| b.item == a).copied());
    if cand.with.is_some() && article.is_none() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for shape in cand.shapes.iter().filter(|s| s.span <= gone.span) {
        let line = match cand.kind {
            ItemKind::Notice => (sheet.depth() + 1).saturating_sub(shape.depth),
            _ => gone.line,
        };
        for x in gone.column..=gone.column + gone.span - shape.span {
            if line < 1 || !fits(&sheet, x, shape.span, line, shape.depth) {
                continue;
            }
            let ceiling = (x..x + shape.span).map(|col| sheet.ceiling(col, line)).min().unwrap_or(0);
            let short = closing(&sheet, x, shape.span, line, shape.depth, ceiling);
            let Some(b) = with_kept(p.photos.get(l).copied().flatten(), boxed(cand, shape, x, line, short)) else {
                continue;
            };
            let tombstoned = b.kind == ItemKind::Article && standing().any(|o| tombstone(o, &b));
            if tombstoned || article.is_some_and(|a| !with_article(&b, &a)) {
                continue;
            }
            let mut next = best.clone();
            next.boxes[at] = (l, b);
            next.used[c] = false;
            next.used[l] = true;
            next.short = next.short - gone.short + b.short;
            next.cut = next.cut - gone.cut + b.cut;
            next.hash ^= box_hash(c, gone) ^ box_hash(l, b);
            let mut full = sheet.clone();
            full.take(b.column, b.span, b.line, b.depth);
            next.waste = full.free();
            out.push(settled(p, next));
        }
    }
    out
}
