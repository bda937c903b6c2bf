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
            let others: Vec<Boxed> = p
                .kept
                .iter()
                .copied()
                .chain(state.boxes.iter().enumerate().filter(|(i, _)| *i != at).map(|(_, x)| x.1))
                .collect();
            let keeps = |short: u32| {
                let next = Boxed { depth: b.depth - b.short + short, short, ..b };
                (short == 0 || closes(&next, &others, foot)) && still_with(p, &state, &next)
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
    let with = |item: usize| p.cands.iter().find(|c| c.item == item).and_then(|c| c.with);
    let mut on_page = p.kept.iter().chain(state.boxes.iter().map(|(_, o)| o)).filter(|o| o.item != b.item);
    on_page.all(|o| {
        (with(o.item) != Some(b.item) || with_article(o, b)) && (with(b.item) != Some(o.item) || with_article(b, o))
    })
}

/// Whether box `b` ends on the line above another box in its columns, at the foot (the last
/// line, `foot`), or level with the bottom of a box in a touching column.
fn closes(b: &Boxed, others: &[Boxed], foot: u32) -> bool {
    let below = b.line + b.depth;
    below == foot + 1
        || others
            .iter()
            .any(|o| o.line == below && o.shares_columns(b) || o.touches_side(b) && o.line + o.depth == below)
}
