//! Closing up a page: the jump moves `{` / `}`, pull-up `P`, and `X` (to the bin, then close
//! the gap it leaves).
//!
//! - **Jump up**: the box rises until its top meets the bottom of a box above it in its
//!   columns, or line 1. Nothing is pushed.
//! - **Jump down**: the box sinks until its bottom meets the top of the next box below it in
//!   its columns, or the foot. Nothing is pushed.
//! - Of two boxes that overlap already, the one standing higher (as the page settles them,
//!   top-down) is above the other for both: neither jump passes it, so the order holds.
//! - **Pull up**: every box on the page, taken from the top down (by line, then column),
//!   rises as a jump up would. A box taken later only rises into room the earlier ones left,
//!   so the stacking order of every column is kept. One undo step.
//! - **Cut out** (`X`): the box goes to the bin, then every box that stood below it in its
//!   columns is pulled up as above (the rest of the page stays). One undo step.

use super::Makeup;
use super::ops::Outcome;
use super::page::Frame;
use super::refusal::{Motion, Operation, Refusal};

impl Makeup {
    /// Moves a box up until it meets the box above it or line 1.
    pub fn jump_up(&mut self, page: u32, item: &str) -> Result<Outcome, Refusal> {
        let f = self.find(page, item)?;
        let frames = self.frames(f.pi);
        let me = frames[f.at];
        let line = ceiling(&frames, f.at);
        if line > me.spot.line {
            // It overlaps the box above it already: that box stays above, as for `K` (found
            // from outside: `{` jumped the lower of two overlapping boxes over the upper one).
            let other = nearest_above(&frames, f.at).map(|o| self.name(o.spot.item)).unwrap_or_default();
            return Err(Refusal::InTheWay { name: self.name(f.no), motion: Motion::by(0, -1), other });
        }
        if line == me.spot.line {
            let name = self.name(f.no);
            return Err(if me.spot.line == 1 {
                Refusal::AtTop { name, motion: Motion::by(0, -1) }
            } else {
                Refusal::MeetsAbove { name }
            });
        }
        Ok(self.commit_moved(f, super::Spot { line, ..me.spot }, Operation::Move))
    }

    /// Moves a box down until it meets the box below it or the foot.
    pub fn jump_down(&mut self, page: u32, item: &str) -> Result<Outcome, Refusal> {
        let f = self.find(page, item)?;
        let frames = self.frames(f.pi);
        let me = frames[f.at];
        let foot = self.grid(f.pi).depth + 1;
        // The boxes standing lower in its columns, a box it overlaps already among them: it
        // stops at the nearest, never sinking past one (found from outside: `}` on the upper of
        // two overlapping boxes sank it under the lower one).
        let next = (0..frames.len())
            .filter(|&i| i != f.at && frames[i].spot.shares_columns(&me.spot) && !stands_higher(&frames, i, f.at))
            .map(|i| frames[i].spot.line)
            .min();
        let floor = next.unwrap_or(foot).min(foot.max(me.below()));
        let line = floor.saturating_sub(me.depth).max(1);
        if line <= me.spot.line {
            let name = self.name(f.no);
            return Err(if next.is_some_and(|n| n <= foot) {
                Refusal::MeetsBelow { name }
            } else {
                Refusal::AtFoot { name }
            });
        }
        Ok(self.commit_moved(f, super::Spot { line, ..me.spot }, Operation::Move))
    }

    /// Pulls every box on the page up to meet the box above it or line 1, in one undo step.
    pub fn pull_up(&mut self, page: u32) -> Result<Outcome, Refusal> {
        let pi = self.page_no(page)?;
        let mut frames = self.frames(pi);
        if frames.is_empty() {
            return Err(Refusal::PageEmpty { page });
        }
        let all: Vec<usize> = (0..frames.len()).collect();
        // Boxes that overlap (a layout written so, a story lengthened into the box under it)
        // settle at the commit, the lower under the upper, even where no box can rise (found
        // from outside: refused then, "every box meets the box above", the overlap left).
        if rise(&mut frames, &all).is_empty() && !any_overlap(&frames) {
            return Err(Refusal::NothingToPullUp { page });
        }
        let spots = frames.iter().map(|f| f.spot).collect();
        Ok(self.commit(Operation::PullUp, vec![(pi, spots)], None))
    }

    /// Sends a box to the bin and pulls up every box that stood below it in its columns, in
    /// one undo step.
    pub fn cut_out(&mut self, page: u32, item: &str) -> Result<Outcome, Refusal> {
        let f = self.find(page, item)?;
        self.check_may_leave(&f)?;
        let mut frames = self.frames(f.pi);
        let gone = frames.remove(f.at);
        let below: Vec<usize> = (0..frames.len())
            .filter(|&i| frames[i].spot.shares_columns(&gone.spot) && frames[i].spot.line >= gone.spot.line)
            .collect();
        // Said only for boxes that rose (found from outside: "the boxes under it pulled up"
        // when none could).
        let rose = rise(&mut frames, &below);
        let pulled = rose.iter().map(|&i| self.item(frames[i].spot.item).id().to_string()).collect();
        let whole_again = self.waited_for(f.no, gone.spot.part);
        let mut changes = vec![(f.pi, frames.iter().map(|f| f.spot).collect())];
        self.hand_on_cut(f.no, gone.spot, &mut changes);
        let outcome = self.commit_about(Operation::CutOut, changes, None, Some(f.no));
        Ok(Outcome { pulled, whole_again, ..outcome })
    }
}

/// Whether any two of the boxes overlap.
fn any_overlap(frames: &[Frame]) -> bool {
    frames.iter().enumerate().any(|(i, a)| frames[i + 1..].iter().any(|b| a.overlaps(b)))
}

/// The line box `at` would rise to: just under the lowest box standing higher in its
/// columns, or 1. Below its top when it overlaps such a box already: it cannot rise.
fn ceiling(frames: &[Frame], at: usize) -> u32 {
    nearest_above(frames, at).map_or(1, |o| o.below())
}

/// The box standing higher than box `at` in its columns whose bottom is lowest: the one it
/// meets first going up, or overlaps already.
fn nearest_above(frames: &[Frame], at: usize) -> Option<Frame> {
    let me = frames[at];
    (0..frames.len())
        .filter(|&i| i != at && frames[i].spot.shares_columns(&me.spot) && stands_higher(frames, i, at))
        .map(|i| frames[i])
        .max_by_key(Frame::below)
}

/// Whether box `i` stands higher than box `at`, as the page settles them top-down (by line,
/// then column, then order): of two that overlap, the one that stays above.
fn stands_higher(frames: &[Frame], i: usize, at: usize) -> bool {
    let key = |k: usize| (frames[k].spot.line, frames[k].spot.column, k);
    key(i) < key(at)
}

/// Raises the boxes `which`, top down, each to its ceiling; returns those that rose, in the
/// order they did.
fn rise(frames: &mut [Frame], which: &[usize]) -> Vec<usize> {
    let mut order = which.to_vec();
    order.sort_by_key(|&i| (frames[i].spot.line, frames[i].spot.column, i));
    let mut rose = Vec::new();
    for i in order {
        let line = ceiling(frames, i);
        if line < frames[i].spot.line {
            frames[i].spot.line = line;
            rose.push(i);
        }
    }
    rose
}
