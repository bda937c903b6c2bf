//! Placing from the bin where there is room, and putting a box at a named spot.
//!
//! - **The bin's span**: an item is placed from the bin at its default span (a photo's own
//!   span, else 2 columns), narrowed to the page's grid; the bin shows that span and the
//!   depth the item needs there ([`Makeup::bin_fit`]).
//! - **Place from the bin** ([`Makeup::place_from_bin`]): into the first hole that holds
//!   the item at that span without pushing anything and without passing the foot. Holes are
//!   searched top to bottom; at each line the columns from the selected one rightwards, then
//!   from column 1. With no such hole the box goes under the selected box and pushes down
//!   what is there; with nothing selected, below everything in its columns. The outcome's
//!   [`Landing`] says which.
//! - **Put** ([`Makeup::put`], the command line's `:place`): an item from the bin, another
//!   page or this page, at a given column, line and span, pushing down what is there; what
//!   is not given is kept (a box on this page) or found (the first free line in the columns).

use super::Makeup;
use super::ops::{Landing, Outcome, default_span};
use super::page::{Frame, Spot, first_free_line};
use super::refusal::{Operation, Refusal};
use crate::model::Depth;

/// Where `:place` should put a box; `None` = keep or find.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Target {
    pub column: Option<u16>,
    pub line: Option<u32>,
    pub span: Option<u16>,
}

impl Makeup {
    /// The span `item` is placed at from the bin onto page `page`, and the depth it needs
    /// there (set now when the cache lacks it; see [`Makeup::warm_bin_fit`]).
    pub fn bin_fit(&self, page: u32, item: &str) -> Option<(u16, u32)> {
        let pi = self.page_index(page)?;
        let no = *self.index.get(item)?;
        let span = self.bin_span(pi, no);
        let part = self.waiting_part(no).unwrap_or(1);
        Some((span, self.placed_depth(pi, no, part, span)))
    }

    /// The depth part `part` of item `no` takes placed from the bin on page `pi` at `span`
    /// columns: heads (a later part's headline and from-line too), body and foot, as it is set
    /// there. The bin's figures, in the editor and in `check`, are this one depth.
    pub(super) fn placed_depth(&self, pi: usize, no: usize, part: u32, span: u16) -> u32 {
        let spot = self.waiting_spot(no, part, Spot::new(no, 1, span, 1, Depth::Auto));
        // A part another part follows is placed shallower, so the copy goes on.
        if spot.continued { self.continued_depth(pi, &spot) } else { self.set_box(pi, &spot).box_depth(Depth::Auto) }
    }

    /// Sets `item` at its bin span for page `page` into the cache, so that drawing the bin
    /// costs no setting — but for a part waiting in the bin, whose start is found each time by
    /// setting the part before it with its jump line (one article, a few in a bin at most).
    pub fn warm_bin_fit(&mut self, page: u32, item: &str) {
        let (Some(pi), Some(&no)) = (self.page_index(page), self.index.get(item)) else { return };
        let span = self.bin_span(pi, no);
        let part = self.waiting_part(no).unwrap_or(1);
        let spot = self.waiting_spot(no, part, Spot::new(no, 1, span, 1, Depth::Auto));
        self.set_spot(pi, &spot);
    }

    fn bin_span(&self, pi: usize, no: usize) -> u16 {
        default_span(self.item(no)).clamp(1, self.grid(pi).columns.max(1))
    }

    /// Free lines of every column of page `number` (lines 1..=depth no box covers), in
    /// column order; empty for a page not in the issue.
    pub fn free_lines(&self, number: u32) -> Vec<u32> {
        let Some(pi) = self.page_index(number) else { return Vec::new() };
        let grid = self.grid(pi);
        let frames = self.frames(pi);
        let runs = |c: u16| frames.iter().filter(move |f| f.spot.covers(c)).map(|f| (f.spot.line, f.below()));
        (1..=grid.columns).map(|c| grid.depth - super::summary::used_lines(grid.depth, runs(c))).collect()
    }

    /// Places a bin item on page `page` into the first hole that holds it (searching from
    /// column `from`), else under the box `under` with push-down, else below everything.
    pub fn place_from_bin(
        &mut self,
        page: u32,
        item: &str,
        from: u16,
        under: Option<&str>,
    ) -> Result<Outcome, Refusal> {
        let no = self.item_no(item)?;
        let part = self.part_to_place(no)?;
        let pi = self.page_no(page)?;
        let grid = self.grid(pi).clone();
        let span = self.bin_span(pi, no);
        let mut spot = self.waiting_spot(no, part, Spot::new(no, 1, span, 1, Depth::Auto));
        let depth = self.set_spot(pi, &spot).box_depth(Depth::Auto);
        let standing = self.frames(pi);
        // The page as the step settles it without the new box: once, for all below.
        let (settled, overlap_pushed) = self.settled(&standing);
        let last = grid.columns + 1 - span;
        let hole = first_hole((&standing, &settled), span, depth, from.clamp(1, last), (last, grid.depth));
        let frames = reach_as_settled(standing, &settled);
        let under = under.and_then(|id| self.index.get(id)).and_then(|&u| self.spot_of(pi, u)).map(|at| &frames[at]);
        let landing = match hole {
            Some((column, line)) => {
                (spot.column, spot.line) = (column, line);
                Landing::Hole
            }
            None => match under {
                Some(u) => {
                    (spot.column, spot.line) = (u.spot.column.min(last), u.below());
                    Landing::UnderSelection
                }
                None => {
                    spot.column = from.clamp(1, last);
                    spot.line = first_free_line(spot, depth, &frames, 1);
                    Landing::Bottom
                }
            },
        };
        let mut spots = self.pages[pi].clone();
        spots.push(spot);
        let outcome = self.commit(Operation::Place, vec![(pi, spots)], Some(no));
        let overlap_pushed = overlap_pushed.into_iter().filter(|p| outcome.pushed.contains(p)).collect();
        Ok(Outcome { landing: Some(landing), overlap_pushed, ..outcome })
    }

    /// Puts `item` on page `page` at `to`, from the bin, another page or this page, pushing
    /// down what is there. One undo step.
    pub fn put(&mut self, page: u32, item: &str, to: Target) -> Result<Outcome, Refusal> {
        self.put_part(page, item, None, to)
    }

    /// Moves part `part` of `item` on page `page` to `to`, as [`Makeup::put`] does, pushing
    /// down what is there: the selected box, never a part waiting in the bin (found from
    /// outside: `:line 60` on a story whose next part waited in the bin placed that part at
    /// line 60 and pushed the selected box past the foot).
    pub fn move_part(&mut self, page: u32, item: &str, part: u32, to: Target) -> Result<Outcome, Refusal> {
        self.put_part(page, item, Some(part), to)
    }

    /// [`Makeup::put`] of `part` when given, else of the part it takes.
    fn put_part(&mut self, page: u32, item: &str, part: Option<u32>, to: Target) -> Result<Outcome, Refusal> {
        let no = self.item_no(item)?;
        let name = self.name(no);
        let pi = self.page_no(page)?;
        let grid = self.grid(pi).clone();
        // A part waiting in the bin is placed; else the part on this page, else part 1, moves.
        let waiting = if part.is_some() { None } else { self.waiting_part(no) };
        let part = part.or(waiting).or_else(|| self.spot_of(pi, no).map(|at| self.pages[pi][at].part)).unwrap_or(1);
        let standing = if waiting.is_some() { None } else { self.part_spot(no, part) };
        let here = standing
            .filter(|(at, _)| *at == pi)
            .and_then(|_| self.pages[pi].iter().position(|s| s.item == no && s.part == part));
        let was = here.map(|at| self.pages[pi][at]);
        let span = to.span.or(was.map(|s| s.span)).unwrap_or_else(|| self.bin_span(pi, no));
        let column = to.column.or(was.map(|s| s.column)).unwrap_or(1);
        let columns = grid.columns;
        if column < 1 || column > columns {
            return Err(Refusal::PlaceOffGrid { name, column, columns });
        }
        if span < 1 || u32::from(column) + u32::from(span) - 1 > u32::from(columns) {
            return Err(Refusal::PlaceSpanOffGrid { name, column, span, columns });
        }
        if let Some(line) = to.line
            && (line < 1 || line > grid.depth)
        {
            return Err(Refusal::PlaceOffPage { name, line, depth: grid.depth });
        }
        let depth = was.map_or(Depth::Auto, |s| s.depth);
        let base = standing.map_or_else(|| self.waiting_spot(no, part, Spot::new(no, 1, 1, 1, depth)), |(_, s)| s);
        let mut spot = Spot { column, span, line: to.line.unwrap_or(1), depth, ..base };
        let mut overlap_pushed = Vec::new();
        if to.line.is_none() {
            let frames: Vec<Frame> =
                self.frames(pi).into_iter().filter(|f| !(f.spot.item == no && f.spot.part == part)).collect();
            // The free lines as the step settles the page's overlaps, so that the box pushes
            // nothing (found from outside: put where the lower of two overlapping boxes was
            // to settle, it was said to push that box down).
            let settled;
            (settled, overlap_pushed) = self.settled(&frames);
            let frames = reach_as_settled(frames, &settled);
            let box_depth = self.set_spot(pi, &spot).box_depth(depth);
            let keep = was.filter(|s| to.column.is_none_or(|c| c == s.column) && to.span.is_none_or(|n| n == s.span));
            // Moved sideways or widened on its page, a box keeps its line where the new columns
            // are free there (found from outside: it went to the first free line from the top).
            let free_at = |line: u32| first_free_line(spot, box_depth, &frames, line) == line;
            spot.line = match keep {
                Some(s) => s.line,
                None => was
                    .map(|s| s.line)
                    .filter(|&line| free_at(line))
                    .unwrap_or_else(|| first_free_line(spot, box_depth, &frames, 1)),
            };
        }
        if was == Some(spot) {
            return Err(Refusal::StaysPut { name });
        }
        let mut changes = Vec::with_capacity(2);
        if let Some((from, _)) = standing.filter(|(from, _)| *from != pi) {
            let rest = self.pages[from].iter().filter(|s| !(s.item == no && s.part == part)).copied().collect();
            changes.push((from, rest));
        }
        let mut spots = self.pages[pi].clone();
        match here {
            Some(at) => spots[at] = spot,
            None => spots.push(spot),
        }
        changes.push((pi, spots));
        let outcome = self.commit(Operation::Place, changes, Some(no));
        let overlap_pushed = overlap_pushed.into_iter().filter(|p| outcome.pushed.contains(p)).collect();
        Ok(Outcome { overlap_pushed, ..outcome })
    }

    /// Page `pi`'s boxes, each reaching down to where settling the page's overlaps puts it:
    /// what a box placed at the first free line stays clear of, to push nothing.
    pub(super) fn settling_reach(&self, pi: usize) -> Vec<Frame> {
        let frames = self.frames(pi);
        let (settled, _) = self.settled(&frames);
        reach_as_settled(frames, &settled)
    }

    /// The boxes `frames` of a page as settling its overlaps leaves them (top-down, no anchor),
    /// and the boxes that settling moves (item id, part).
    fn settled(&self, frames: &[Frame]) -> (Vec<Frame>, Vec<(String, u32)>) {
        let mut settled = frames.to_vec();
        let moved = super::pushdown::settle(&mut settled, None);
        let named = moved.iter().map(|&k| (self.item(frames[k].spot.item).id().to_string(), frames[k].spot.part));
        (settled, named.collect())
    }
}

/// The boxes of a page with each one reaching from where it stands to the foot of where the
/// page's overlaps, settled top-down, would push it: where a box goes that found no hole
/// (under the selection, or below everything), it goes under every line a box passes through
/// as the step settles the page, never between two stories of a column. `settled`: the page
/// settled.
fn reach_as_settled(frames: Vec<Frame>, settled: &[Frame]) -> Vec<Frame> {
    frames.into_iter().zip(settled).map(|(f, s)| Frame { depth: s.below() - f.spot.line, ..f }).collect()
}

/// The first (column, line) where a box `span` wide and `depth` deep ends by the foot and
/// moves no box from where the page settles without it: top to bottom, and at each line the
/// columns `from..=last`, then `1..from`. Holes can only start at line 1 or just under a box
/// as the page settles. `frames` as the boxes stand, `settled` as the page settles them.
/// Found from outside: with two boxes overlapping, the lines the lower one left as it settled
/// were taken for filled, and `Enter` skipped a hole there.
fn first_hole(
    (frames, settled): (&[Frame], &[Frame]),
    span: u16,
    depth: u32,
    from: u16,
    (last, foot): (u16, u32),
) -> Option<(u16, u32)> {
    let depth = depth.max(1);
    let mut tops: Vec<u32> = settled.iter().map(Frame::below).chain([1]).collect();
    tops.sort_unstable();
    tops.dedup();
    let columns: Vec<u16> = (from..=last).chain(1..from).collect();
    tops.into_iter().filter(|&line| line.saturating_add(depth) <= foot + 1).find_map(|line| {
        columns.iter().copied().find_map(|column| {
            let me = Frame { spot: Spot::new(usize::MAX, column, span, line, Depth::Auto), depth };
            let clear = !settled.iter().any(|f| f.overlaps(&me));
            (clear && moves_nothing(frames, settled, me)).then_some((column, line))
        })
    })
}

/// Whether the box `me`, settled first as the step settles the box it places, leaves every
/// box of `frames` where the page settles without it (`settled`): clear of them all, it may
/// still stand in the way of one sinking past it from an overlap.
fn moves_nothing(frames: &[Frame], settled: &[Frame], me: Frame) -> bool {
    if !super::pushdown::any_overlap(frames) {
        return true;
    }
    let mut trial: Vec<Frame> = frames.iter().copied().chain([me]).collect();
    super::pushdown::settle(&mut trial, Some(frames.len()));
    trial.iter().zip(settled).all(|(t, s)| t.spot.line == s.spot.line)
}
