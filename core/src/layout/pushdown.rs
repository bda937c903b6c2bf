//! Push-down: after an operation the page is settled so that no two boxes overlap. Boxes
//! only ever go DOWN, and a box pushed past the foot stays on the page (reported as over
//! the foot), never dropped or moved elsewhere.
//!
//! Order: the box the editor just moved (the anchor) stays where it was put. Every other
//! box is then taken from the top of the page down — by line, then column, then its order
//! on the page — and sinks just far enough to clear every box already settled. Taking them
//! top-down keeps the stacking order of a column: a box pushed down pushes the ones under
//! it in turn, and a box that was above another stays above it.
//!
//! One exception keeps that order for the anchor too: boxes it already overlapped before the
//! step, standing above it, when the step left it where it stood (a story the copy desk
//! lengthened over the photo under it, and then the photo's span changed). Those are settled
//! first and the anchor sinks below them, as the overlap would have settled top-down; a
//! story never ends up under its own photo because the photo was touched.

use super::page::Frame;

/// Settles `frames` in place around `anchor` (an index into `frames`) and returns the
/// indices of the boxes that moved down.
pub fn settle(frames: &mut [Frame], anchor: Option<usize>) -> Vec<usize> {
    settle_below(frames, anchor, &[])
}

/// [`settle`], with the boxes `above` settled before the anchor, which sinks below them (see
/// the module's notes); they are the boxes it overlapped before the step, standing above it.
pub fn settle_below(frames: &mut [Frame], anchor: Option<usize>, above: &[usize]) -> Vec<usize> {
    let top_down = |mut boxes: Vec<usize>| {
        boxes.sort_by_key(|&i| (frames[i].spot.line, frames[i].spot.column, i));
        boxes
    };
    let first = top_down(above.to_vec());
    let rest = top_down((0..frames.len()).filter(|&i| Some(i) != anchor && !above.contains(&i)).collect());
    let mut settled: Vec<usize> = Vec::with_capacity(frames.len());
    let mut pushed = Vec::new();
    for i in first.into_iter().chain(anchor).chain(rest) {
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
