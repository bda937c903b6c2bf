//! Short boxes on a finished page. A box is set a line or two deeper than its item needs only
//! where that closes its column: it reaches the next box below, the foot, or the bottom of a
//! box in a touching column (docs/make.md). The search decides those lines when it puts the
//! box, from the sheet as it is then, where the cells beside it may be lines left free rather
//! than a box, and ruin and recreate may clear the box under or beside it and fill that part
//! otherwise. So each finished page is looked at again, box by box (found from outside: a box
//! set `+2 short` ended where no box ended or started, in 7 of 160 generated issues).

use super::rules::{Boxed, with_article};
use super::search::{Problem, State, box_hash};

/// `state` with every short box that no longer closes its column set as deep as its item
/// needs, or one line short where that closes it; the lines it frees are counted free.
pub(super) fn settled(p: &Problem, mut state: State) -> State {
    let foot = p.sheet.depth();
    loop {
        let mut changed = false;
        for at in 0..state.boxes.len() {
            let (cand, b) = state.boxes[at];
            if b.short == 0 {
                continue;
            }
            // Walked, not gathered: a page of many short boxes gathered every other box for
            // each of them, on each of the hundreds of pages a search finishes.
            let others =
                || p.kept.iter().chain(state.boxes.iter().enumerate().filter(|(i, _)| *i != at).map(|(_, x)| &x.1));
            let keeps = |short: u32| {
                let next = Boxed { depth: b.depth - b.short + short, short, ..b };
                (short == 0 || closes(&next, others(), foot)) && still_with(p, &state, &next)
            };
            let Some(short) = (0..=b.short).rev().find(|&s| keeps(s)) else { continue };
            if short == b.short {
                continue;
            }
            let next = Boxed { depth: b.depth - b.short + short, short, ..b };
            state.waste += u32::from(b.span) * (b.short - short);
            state.short -= b.short - short;
            state.hash ^= box_hash(cand, b) ^ box_hash(cand, next);
            state.boxes[at].1 = next;
            changed = true;
        }
        if !changed {
            return state;
        }
    }
}

/// Whether box `b`, made deeper or shallower, still stands with its photos (an article) or
/// its article (a photo), as it stood.
fn still_with(p: &Problem, state: &State, b: &Boxed) -> bool {
    // Its photos and its article looked up once, not for every box on the page: on a page
    // of 140 briefs that was every candidate for every box, for each short box of each of
    // the hundreds of pages a search finishes.
    let photos: Vec<usize> = p.cands.iter().filter(|c| c.with == Some(b.item)).map(|c| c.item).collect();
    let article = p.cands.iter().find(|c| c.item == b.item).and_then(|c| c.with);
    if photos.is_empty() && article.is_none() {
        return true;
    }
    let mut on_page = p.kept.iter().chain(state.boxes.iter().map(|(_, o)| o)).filter(|o| o.item != b.item);
    on_page
        .all(|o| (!photos.contains(&o.item) || with_article(o, b)) && (article != Some(o.item) || with_article(b, o)))
}

/// Whether box `b` ends on the line above another box in its columns, at the foot (the last
/// line, `foot`), or level with the bottom of a box in a touching column.
fn closes<'a>(b: &Boxed, mut others: impl Iterator<Item = &'a Boxed>, foot: u32) -> bool {
    let below = b.line + b.depth;
    below == foot + 1
        || others.any(|o| o.line == below && o.shares_columns(b) || o.touches_side(b) && o.line + o.depth == below)
}
