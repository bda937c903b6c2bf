//! Push-down: after an operation the page is settled so that no two boxes overlap. Boxes
//! only ever go DOWN, and a box pushed past the foot stays on the page (reported as over
//! the foot), never dropped or moved elsewhere.
//!
//! Order: the box the editor just moved or changed (the anchor) stays where it was put.
//! Every other box is then taken from the top of the page down — by line, then column, then
//! its order on the page — and sinks just far enough to clear every box already settled.
//! Taking them top-down keeps the stacking order of a column: a box pushed down pushes the
//! ones under it in turn, and a box that was above another stays above it.
//!
//! One exception keeps that order for the anchor too: the boxes it already overlapped before
//! the step, standing above it (a story the copy desk lengthened over the photo under it, or
//! a layout written so). The page settles top-down as far as the lowest of them before the
//! anchor, which then sinks below what it meets, whatever the step was — a move, a new span
//! or depth, a cut or head: a story never ends up under the box that was moved or changed
//! under it (found from outside: `J` on the lower of two such boxes put the upper under it,
//! where `]` sank the lower). The page's own overlaps settle as they would without the step.

use super::page::Frame;

/// Settles `frames` in place around `anchor` (an index into `frames`) and returns the
/// indices of the boxes that moved down.
pub fn settle(frames: &mut [Frame], anchor: Option<usize>) -> Vec<usize> {
    settle_below(frames, anchor, &[])
}

/// [`settle`], with the boxes `above` settled before the anchor, which sinks below them (see
/// the module's notes); they are the boxes it overlapped before the step, standing above it.
/// The boxes standing higher than the lowest of them settle before it too, top-down, so that
/// the page's own overlaps above the anchor settle as they would without the step.
pub fn settle_below(frames: &mut [Frame], anchor: Option<usize>, above: &[usize]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..frames.len()).filter(|&i| Some(i) != anchor).collect();
    order.sort_by_key(|&i| (frames[i].spot.line, frames[i].spot.column, i));
    if let Some(anchor) = anchor {
        let after_above = order.iter().rposition(|i| above.contains(i)).map_or(0, |at| at + 1);
        order.insert(after_above, anchor);
    }
    let mut settled: Vec<usize> = Vec::with_capacity(frames.len());
    let mut pushed = Vec::new();
    for i in order {
        if sink(frames, &settled, i) {
            pushed.push(i);
        }
        settled.push(i);
    }
    pushed
}

/// Lowers box `i` until it clears every settled box; says whether it moved.
fn sink(frames: &mut [Frame], settled: &[usize], i: usize) -> bool {
    let start = frames[i].spot.line;
    loop {
        let me = frames[i];
        let clear_at = settled.iter().map(|&s| &frames[s]).filter(|f| f.overlaps(&me)).map(Frame::below).max();
        match clear_at {
            Some(line) => frames[i].spot.line = line,
            None => return frames[i].spot.line != start,
        }
    }
}

/// Whether any two boxes overlap.
pub fn any_overlap(frames: &[Frame]) -> bool {
    frames.iter().enumerate().any(|(i, a)| frames[i + 1..].iter().any(|b| a.overlaps(b)))
}
