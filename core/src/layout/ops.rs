//! The editor's operations as plain functions. Each either changes the desk and says what
//! else moved, or refuses with a reason a person can read and leaves everything as it was.
//!
//! Semantics (what a newsroom expects):
//! - **Push-down only pushes down.** Whatever stands where a box is put is pushed down under
//!   it, and those push others in turn (see [`super::pushdown`]); a box pushed past the foot
//!   stays on the page and is reported over the foot.
//! - **Moving up stops at the box above**: a move up that would run into a box above is
//!   refused (that box is never pushed up, nor hopped over); moving up at line 1 is refused.
//! - **Moving down** pushes the boxes below; a box may not be moved to start below the foot.
//! - **Left / right** keep the line; boxes in the way in the new columns are pushed down
//!   under the moved box. Leaving the grid's columns is refused.
//! - **Previous slot** (up): with free lines above, the box rises to close them up (to just
//!   under the box above, or line 1); already tight under a box, it trades places with it:
//!   takes its line and pushes it down underneath.
//! - **Next slot** (down): the box drops to just under the next box below it in its columns,
//!   pushing what is there; refused when nothing is below it.
//! - **Span**: widening grows to the right, narrowing takes the right-hand column away; an
//!   Auto depth is set again at the new span (heads re-set, body re-legged). A photo may take
//!   any span from 1 to the grid's columns.
//! - **Depth**: ± one line fixes the depth at the box's current depth ± 1 (never below 1
//!   line); Auto goes back to what the item needs.
//! - **Place** from the bin at a column: at the first line where it fits without touching
//!   anything (below everything in its columns if need be, even past the foot), or at a
//!   given line, pushing down what is there. Span by default: a photo's own span, else 2,
//!   narrowed to fit the grid from that column.
//! - **Another page**: same column (moved left if the new grid is narrower), span and depth,
//!   at the first free line there; refused if the span is wider than the new grid.
//! - **To the bin**: the box leaves; nothing closes up behind it (`X`, in [`super::pull`],
//!   closes up).
//!
//! Jump moves, pull-up and cut-out are in [`super::pull`]; placing into a hole and `:place`
//! in [`super::holes`].

use super::Makeup;
use super::page::{Frame, Spot, first_free_line};
use super::pushdown::settle_below;
use crate::format::MAX_DEPTH;
use crate::model::{Depth, Item};

pub use super::refusal::{Motion, Operation, Refusal};

/// What an operation did besides the change asked for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Boxes pushed down to make room, in the order they were settled: item and part (1 for a
    /// box of its own; found from outside, a part 2 pushed was said as the article).
    pub pushed: Vec<(String, u32)>,
    /// Items on the touched pages the step sent past the foot, or further past it (found from
    /// outside: a box left past the foot by an earlier step was named at every later one, in
    /// place of where the step's own box now stands).
    pub over_foot: Vec<String>,
    /// Later parts of the touched article that the parts before them now leave no copy for
    /// (found from outside: `]` on part 1 emptied part 2, and nothing said so).
    pub empty_parts: Vec<(String, u32)>,
    /// Parts of the touched article, part 1 too, too shallow for a line of the copy left for
    /// them beside their heads and jump line (found from outside: placing part 2 from the bin
    /// left part 1 a headline and a jump line, and the status line said only where it went).
    pub shallow_parts: Vec<(String, u32)>,
    /// The item the operation was about (for undo and redo: the one the step touched), so
    /// that the editor can select it.
    pub touched: Option<String>,
    /// Which part of the touched item (1 for a box of its own): an article continued (转版)
    /// may stand twice on one page.
    pub touched_part: Option<u32>,
    /// Where a box placed from the bin went.
    pub landing: Option<Landing>,
    /// Of `pushed`, the boxes the page's own overlap pushed as the step settled the page,
    /// which a box placed from the bin under the selection did not (found from outside: said
    /// as pushed down by it).
    pub overlap_pushed: Vec<(String, u32)>,
    /// Items pulled up into the room a box left (`X`), in the order they rose.
    pub pulled: Vec<String>,
    /// The part of the touched article that waited in the bin when the step sent its last part
    /// on a page there (`x`, `X`), part 1 or a later one: the article is whole in the bin again
    /// (found from outside: with part 1 sent first, part 2 following it was said only as back
    /// in the bin).
    pub whole_again: Option<u32>,
    /// What the step did on the pages it did not change itself, page by page: there the
    /// touched article's other parts take the copy it sends on (`pushed` and `over_foot` are
    /// the step's own page; found from outside: `>` on part 1 made part 2 on another page
    /// deeper, into the box under it, and the status line said nothing of that page).
    pub elsewhere: Vec<OnPage>,
}

/// What a step did on one page besides its own (see [`Outcome::elsewhere`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OnPage {
    /// The page's number, as the issue numbers it.
    pub page: u32,
    /// Boxes pushed down there (item, part).
    pub pushed: Vec<(String, u32)>,
    /// Items sent past its foot, or further past it.
    pub over_foot: Vec<String>,
}

impl OnPage {
    pub fn is_empty(&self) -> bool {
        self.pushed.is_empty() && self.over_foot.is_empty()
    }
}

impl Outcome {
    /// The items of the boxes pushed down, in order (a part by its item).
    pub fn pushed_items(&self) -> Vec<&str> {
        self.pushed.iter().map(|(id, _)| id.as_str()).collect()
    }

    /// Whether the step sent a box past the foot, or further past it, on any page.
    pub fn sends_past_foot(&self) -> bool {
        !self.over_foot.is_empty() || self.elsewhere.iter().any(|e| !e.over_foot.is_empty())
    }

    /// Whether the step has news to warn of: a box sent past the foot on any page, or a part of
    /// the touched article left without copy.
    pub fn warns(&self) -> bool {
        self.sends_past_foot() || self.leaves_part_without_copy()
    }

    /// Whether the step sent `item` past the foot, or further past it, on any page.
    pub fn sends_past_foot_item(&self, item: &str) -> bool {
        let past = |ids: &[String]| ids.iter().any(|id| id == item);
        past(&self.over_foot) || self.elsewhere.iter().any(|e| past(&e.over_foot))
    }

    /// The outcome as said from page `seen`, when the step changed page `done_on` (found
    /// from outside: `C` on part 1 gave the sentence back to part 2, which keeps the cut on
    /// another page, and its push there was said as one on the page in sight): what it did on
    /// `done_on` goes with the other pages, what it did on `seen` is its own.
    pub(super) fn seen_from(mut self, seen: u32, done_on: u32) -> Outcome {
        if seen == done_on {
            return self;
        }
        let there = OnPage {
            page: done_on,
            pushed: std::mem::take(&mut self.pushed),
            over_foot: std::mem::take(&mut self.over_foot),
        };
        if let Some(at) = self.elsewhere.iter().position(|e| e.page == seen) {
            let here = self.elsewhere.remove(at);
            (self.pushed, self.over_foot) = (here.pushed, here.over_foot);
        }
        if !there.is_empty() {
            self.elsewhere.insert(0, there);
        }
        self
    }

    /// The boxes the step pushed down on page `there`, said from page `seen`.
    pub fn pushed_on(&self, seen: u32, there: u32) -> Vec<(String, u32)> {
        if seen == there {
            return self.pushed.clone();
        }
        self.elsewhere.iter().find(|e| e.page == there).map(|e| e.pushed.clone()).unwrap_or_default()
    }

    /// Whether the step leaves a part of the touched article holding none of its copy.
    pub fn leaves_part_without_copy(&self) -> bool {
        !self.empty_parts.is_empty() || !self.shallow_parts.is_empty()
    }
}

/// Where [`Makeup::place_from_bin`] put a box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Landing {
    /// Into a hole where it fits without pushing anything.
    Hole,
    /// No hole held it: under the selected box, pushing down what was there.
    UnderSelection,
    /// No hole held it and nothing was selected: below everything in its columns.
    Bottom,
}

/// Previous (up) or next (down) slot in a box's columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Slot {
    Previous,
    Next,
}

/// Every operation as data: for scripts, tests and the editor's key map.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Op {
    Place {
        page: u32,
        item: String,
        column: u16,
        span: Option<u16>,
        line: Option<u32>,
    },
    MoveBy {
        page: u32,
        item: String,
        dcol: i32,
        dline: i64,
    },
    ToSlot {
        page: u32,
        item: String,
        slot: Slot,
    },
    SpanBy {
        page: u32,
        item: String,
        delta: i32,
    },
    DepthBy {
        page: u32,
        item: String,
        delta: i64,
    },
    SetAuto {
        page: u32,
        item: String,
    },
    ToBin {
        page: u32,
        item: String,
    },
    ToPage {
        page: u32,
        item: String,
        to: u32,
    },
    JumpUp {
        page: u32,
        item: String,
    },
    JumpDown {
        page: u32,
        item: String,
    },
    PullUp {
        page: u32,
    },
    CutOut {
        page: u32,
        item: String,
    },
    PlaceFromBin {
        page: u32,
        item: String,
        from: u16,
        under: Option<String>,
    },
    Put {
        page: u32,
        item: String,
        to: super::Target,
    },
    /// Copyfit ([`super::copyfit`], [`super::parts`]): on part `part` of `item`.
    SetCut {
        page: u32,
        item: String,
        part: u32,
        cut: u32,
    },
    SetHeadSize {
        page: u32,
        item: String,
        part: u32,
        size: Option<u16>,
    },
    SetHeadline {
        page: u32,
        item: String,
        part: u32,
        headline: Option<String>,
    },
    ContinuePart {
        page: u32,
        item: String,
        part: u32,
    },
    Undo,
    Redo,
}

/// A placed box found for an operation: page index, index on the page, item number.
pub(super) struct Found {
    pub(super) pi: usize,
    pub(super) at: usize,
    pub(super) no: usize,
}

impl Makeup {
    /// Does `op`.
    pub fn apply(&mut self, op: &Op) -> Result<Outcome, Refusal> {
        match op {
            Op::Place { page, item, column, span, line } => self.place(*page, item, *column, *span, *line),
            Op::MoveBy { page, item, dcol, dline } => self.move_by(*page, item, *dcol, *dline),
            Op::ToSlot { page, item, slot } => self.move_to_slot(*page, item, *slot),
            Op::SpanBy { page, item, delta } => self.span_by(*page, item, *delta),
            Op::DepthBy { page, item, delta } => self.depth_by(*page, item, *delta),
            Op::SetAuto { page, item } => self.set_auto(*page, item),
            Op::ToBin { page, item } => self.to_bin(*page, item),
            Op::ToPage { page, item, to } => self.move_to_page(*page, item, *to),
            Op::JumpUp { page, item } => self.jump_up(*page, item),
            Op::JumpDown { page, item } => self.jump_down(*page, item),
            Op::PullUp { page } => self.pull_up(*page),
            Op::CutOut { page, item } => self.cut_out(*page, item),
            Op::PlaceFromBin { page, item, from, under } => self.place_from_bin(*page, item, *from, under.as_deref()),
            Op::Put { page, item, to } => self.put(*page, item, *to),
            Op::SetCut { page, item, part, cut } => self.set_cut(*page, item, *part, *cut),
            Op::SetHeadSize { page, item, part, size } => self.set_head_size(*page, item, *part, *size),
            Op::SetHeadline { page, item, part, headline } => self.set_headline(*page, item, *part, headline.clone()),
            Op::ContinuePart { page, item, part } => self.continue_part(*page, item, *part),
            Op::Undo => self.undo(),
            Op::Redo => self.redo(),
        }
    }

    /// Places `item` from the bin on page `page` at `column`: at `line` (pushing down what is
    /// there), or at the first free line. `span` defaults to a photo's own span, else 2,
    /// narrowed to what the grid has room for from `column`.
    pub fn place(
        &mut self,
        page: u32,
        item: &str,
        column: u16,
        span: Option<u16>,
        line: Option<u32>,
    ) -> Result<Outcome, Refusal> {
        let no = self.item_no(item)?;
        let name = self.name(no);
        let part = self.part_to_place(no)?;
        let pi = self.page_no(page)?;
        let grid = self.grid(pi).clone();
        if column < 1 || column > grid.columns {
            return Err(Refusal::PlaceOffGrid { name, column, columns: grid.columns });
        }
        let room = grid.columns - column + 1;
        let span = match span {
            Some(span) if span < 1 || span > room => {
                return Err(Refusal::PlaceSpanOffGrid { name, column, span, columns: grid.columns });
            }
            Some(span) => span,
            None => default_span(self.item(no)).clamp(1, room),
        };
        if let Some(line) = line
            && (line < 1 || line > grid.depth)
        {
            return Err(Refusal::PlaceOffPage { name, line, depth: grid.depth });
        }
        let mut spot = self.waiting_spot(no, part, Spot::new(no, column, span, line.unwrap_or(1), Depth::Auto));
        if line.is_none() {
            let depth = self.set_spot(pi, &spot).box_depth(spot.depth);
            spot.line = first_free_line(spot, depth, &self.settling_reach(pi), 1);
        }
        let mut spots = self.pages[pi].clone();
        spots.push(spot);
        Ok(self.commit(Operation::Place, vec![(pi, spots)], Some(no)))
    }

    /// Moves a box `dcol` columns right (negative: left) and `dline` lines down (negative: up).
    pub fn move_by(&mut self, page: u32, item: &str, dcol: i32, dline: i64) -> Result<Outcome, Refusal> {
        let f = self.find(page, item)?;
        let name = self.name(f.no);
        let motion = Motion::by(dcol, dline);
        if dcol == 0 && dline == 0 {
            return Err(Refusal::StaysPut { name });
        }
        let grid = self.grid(f.pi).clone();
        let old = self.pages[f.pi][f.at];
        let column = i64::from(old.column) + i64::from(dcol);
        if column < 1 || column + i64::from(old.span) - 1 > i64::from(grid.columns) {
            return Err(Refusal::LeavesGrid { name, motion, columns: grid.columns });
        }
        let mut line = i64::from(old.line).saturating_add(dline);
        if line < 1 {
            // A count past the top goes as far as line 1, as vim's `60k` goes to the first line
            // (found from outside: from line 33, `60K` was refused "at the top of the page").
            if old.line <= 1 {
                return Err(Refusal::AtTop { name, motion });
            }
            line = 1;
        }
        if dline > 0 && line > i64::from(grid.depth) {
            // A count past the foot goes as far as the last line, as that many `J`s would, each
            // after the last refused (found from outside: `100J` from line 1 was refused whole).
            if old.line >= grid.depth {
                return Err(Refusal::BelowFoot { name, motion, foot: grid.depth });
            }
            line = i64::from(grid.depth);
        }
        let new = Spot { column: column as u16, line: line as u32, ..old };
        if dline < 0 {
            self.check_way_up(f.pi, f.at, old, new, name, motion)?;
        }
        if dline > 1 {
            return Ok(self.move_down_through(f, new));
        }
        Ok(self.commit_moved(f, new, Operation::Move))
    }

    /// A move down by more than a line, as that many moves of one line in one step (a count
    /// repeats the key, as in vim): every box met on the way is pushed ahead of the moved one,
    /// not jumped over (found from outside: `60J` put a story under the box below it).
    fn move_down_through(&mut self, f: Found, new: Spot) -> Outcome {
        let mut spots = self.pages[f.pi].clone();
        self.fix_continued_depths(f.pi, &mut spots);
        // A move across as well goes across first (the grid's edge is checked already).
        spots[f.at].column = new.column;
        let above = self.overlapped_above(f.pi, &spots, f.at);
        let mut frames = self.frames_of(f.pi, &spots);
        let mut pushed = Vec::new();
        // A line at a time from where the last left it: a box the first sinks below one it
        // overlapped above it goes on from there, as the next `J` would.
        let foot = self.grid(f.pi).depth;
        for _ in spots[f.at].line..new.line {
            if frames[f.at].spot.line >= foot {
                break;
            }
            frames[f.at].spot.line += 1;
            pushed.extend(settle_below(&mut frames, Some(f.at), &above));
        }
        for (s, fr) in spots.iter_mut().zip(&frames) {
            s.line = fr.spot.line;
        }
        let mut outcome = self.commit(Operation::Move, vec![(f.pi, spots)], Some(f.no));
        pushed.sort_unstable();
        pushed.dedup();
        outcome.pushed = pushed.iter().map(|&i| self.named(&frames[i].spot)).collect();
        outcome
    }

    /// Refuses a move up that would run into a box standing above the moved one.
    fn check_way_up(
        &self,
        pi: usize,
        at: usize,
        old: Spot,
        new: Spot,
        name: String,
        motion: Motion,
    ) -> Result<(), Refusal> {
        let frames = self.frames(pi);
        let depth = frames[at].depth.max(1);
        // The whole path from the new top down to where the box was.
        let path = Frame { spot: new, depth: depth + (old.line - new.line) };
        // The nearest box on the way up: the one whose bottom is lowest (found from outside: a
        // box further up was named, not the one the moved box would meet first).
        let blocker = frames
            .iter()
            .enumerate()
            .filter(|(i, f)| *i != at && f.spot.line < old.line && f.overlaps(&path))
            .max_by_key(|(_, f)| f.below());
        match blocker {
            Some((_, f)) => Err(Refusal::InTheWay { name, motion, other: self.name(f.spot.item) }),
            None => Ok(()),
        }
    }

    /// Moves a box to the previous (up) or next (down) slot in its columns.
    pub fn move_to_slot(&mut self, page: u32, item: &str, slot: Slot) -> Result<Outcome, Refusal> {
        let f = self.find(page, item)?;
        let name = self.name(f.no);
        let frames = self.frames(f.pi);
        let me = frames[f.at];
        let line = match slot {
            Slot::Previous => self.previous_slot(&frames, f.at, &name)?,
            Slot::Next => self.next_slot(&frames, f.at, &name)?,
        };
        let foot = self.grid(f.pi).depth;
        if line > foot {
            return Err(Refusal::BelowFoot { name, motion: Motion::SlotDown, foot });
        }
        let new = Spot { line, ..me.spot };
        Ok(self.commit_moved(f, new, Operation::Move))
    }

    fn previous_slot(&self, frames: &[Frame], at: usize, name: &str) -> Result<u32, Refusal> {
        let me = frames[at];
        if me.spot.line == 1 {
            return Err(Refusal::AtTop { name: name.to_string(), motion: Motion::SlotUp });
        }
        let above: Vec<&Frame> = frames
            .iter()
            .enumerate()
            .filter(|(i, f)| *i != at && f.spot.shares_columns(&me.spot) && f.below() <= me.spot.line)
            .map(|(_, f)| f)
            .collect();
        let floor = above.iter().map(|f| f.below()).max().unwrap_or(1);
        if floor < me.spot.line {
            return Ok(floor);
        }
        // Tight under a box: trade places with what sits directly on top.
        let tight: Vec<&&Frame> = above.iter().filter(|f| f.below() == me.spot.line).collect();
        let top = tight.iter().map(|f| f.spot.line).min().unwrap_or(1);
        let landing = Frame { spot: Spot { line: top, ..me.spot }, depth: me.depth.max(1) };
        let blocker = frames.iter().enumerate().find(|(i, f)| {
            *i != at && f.spot.line < top && f.overlaps(&landing) && !tight.iter().any(|t| t.spot == f.spot)
        });
        if let Some((_, f)) = blocker {
            let other = self.name(f.spot.item);
            return Err(Refusal::InTheWay { name: name.to_string(), motion: Motion::SlotUp, other });
        }
        Ok(top)
    }

    fn next_slot(&self, frames: &[Frame], at: usize, name: &str) -> Result<u32, Refusal> {
        let me = frames[at];
        let next = frames
            .iter()
            .enumerate()
            .filter(|(i, f)| *i != at && f.spot.shares_columns(&me.spot) && f.spot.line >= me.below())
            .map(|(_, f)| f)
            .min_by_key(|f| (f.spot.line, std::cmp::Reverse(f.below())));
        let Some(next) = next else {
            let (first, last) = (me.spot.column, me.spot.last_column());
            return Err(Refusal::NothingBelow { name: name.to_string(), first, last });
        };
        Ok(next.below())
    }

    /// Widens (`delta` > 0) or narrows a box by `delta` columns.
    pub fn span_by(&mut self, page: u32, item: &str, delta: i32) -> Result<Outcome, Refusal> {
        let f = self.find(page, item)?;
        let old = self.pages[f.pi][f.at];
        let span = i64::from(old.span) + i64::from(delta);
        // Found from outside: `5-` on a box of three columns said "it is one column wide".
        if span < 1 && old.span > 1 {
            return Err(Refusal::NarrowPast { name: self.name(f.no), by: delta.unsigned_abs(), span: old.span });
        }
        self.set_span(page, item, span.clamp(0, i64::from(u16::MAX)) as u16)
    }

    /// Sets a box's span, keeping its first column.
    pub fn set_span(&mut self, page: u32, item: &str, span: u16) -> Result<Outcome, Refusal> {
        let f = self.find(page, item)?;
        let name = self.name(f.no);
        let old = self.pages[f.pi][f.at];
        let columns = self.grid(f.pi).columns;
        if span == old.span {
            return Err(Refusal::SameSpan { name, span });
        }
        if span < 1 {
            return Err(Refusal::OneColumnWide { name });
        }
        if u32::from(old.column) + u32::from(span) - 1 > u32::from(columns) {
            return Err(Refusal::SpanLeavesGrid { name, span, widen: span > old.span, columns });
        }
        Ok(self.commit_moved(f, Spot { span, ..old }, Operation::Span))
    }

    /// Makes a box `delta` lines deeper (negative: shallower), fixing its depth.
    pub fn depth_by(&mut self, page: u32, item: &str, delta: i64) -> Result<Outcome, Refusal> {
        let f = self.find(page, item)?;
        let name = self.name(f.no);
        let old = self.pages[f.pi][f.at];
        let now = self.frames(f.pi)[f.at].depth;
        let depth = i64::from(now).saturating_add(delta);
        if depth < 1 {
            return Err(Refusal::TooShallow { name, depth: now, by: delta.unsigned_abs() });
        }
        let depth = u32::try_from(depth).unwrap_or(u32::MAX);
        if depth > MAX_DEPTH {
            return Err(Refusal::TooDeep { name, lines: depth, max: MAX_DEPTH });
        }
        Ok(self.commit_moved(f, Spot { depth: Depth::Fixed(depth), ..old }, Operation::Depth))
    }

    /// Sets a box's depth: Auto or a fixed number of lines (at least 1).
    pub fn set_depth(&mut self, page: u32, item: &str, depth: Depth) -> Result<Outcome, Refusal> {
        let f = self.find(page, item)?;
        let name = self.name(f.no);
        let old = self.pages[f.pi][f.at];
        if old.depth == depth {
            return Err(match depth {
                Depth::Auto => Refusal::AlreadyAuto { name },
                Depth::Fixed(lines) => Refusal::AlreadyFixed { name, lines },
            });
        }
        match depth {
            Depth::Fixed(0) => return Err(Refusal::ZeroDepth { name }),
            Depth::Fixed(lines) if lines > MAX_DEPTH => return Err(Refusal::TooDeep { name, lines, max: MAX_DEPTH }),
            _ => {}
        }
        if depth == Depth::Auto && old.continued {
            let lines = self.frames(f.pi)[f.at].depth;
            return Err(Refusal::AutoContinued { name, part: old.part + 1, lines });
        }
        Ok(self.commit_moved(f, Spot { depth, ..old }, Operation::Depth))
    }

    /// Lets a box be as deep as its item needs.
    pub fn set_auto(&mut self, page: u32, item: &str) -> Result<Outcome, Refusal> {
        self.set_depth(page, item, Depth::Auto)
    }

    /// Sends a box back to the bin.
    pub fn to_bin(&mut self, page: u32, item: &str) -> Result<Outcome, Refusal> {
        let f = self.find(page, item)?;
        self.check_may_leave(&f)?;
        let mut spots = self.pages[f.pi].clone();
        let gone = spots.remove(f.at);
        let whole_again = self.waited_for(f.no, gone.part);
        let mut changes = vec![(f.pi, spots)];
        self.hand_on_cut(f.no, gone, &mut changes);
        let outcome = self.commit_about(Operation::ToBin, changes, None, Some(f.no));
        Ok(Outcome { whole_again, ..outcome })
    }

    /// A cut part `gone` kept, leaving for the bin, goes to the placed part that ends the
    /// article now, in `changes` (found from outside: sent to the bin with part 2, the
    /// article's cut was lost without a word; with part 1 once part 2 had handed it back; and
    /// with `X`).
    pub(super) fn hand_on_cut(&self, no: usize, gone: Spot, changes: &mut Vec<(usize, Vec<Spot>)>) {
        let heir = (1..=self.part_count(no)).rev().filter(|&p| p != gone.part).find_map(|p| self.part_spot(no, p));
        let Some((pi, s)) = heir.filter(|_| gone.cut > 0) else { return };
        if !changes.iter().any(|(p, _)| *p == pi) {
            changes.push((pi, self.pages[pi].clone()));
        }
        let spots = changes.iter_mut().filter(|(p, _)| *p == pi).flat_map(|(_, spots)| spots.iter_mut());
        for kept in spots.filter(|k| k.item == no && k.part == s.part) {
            kept.cut = kept.cut.saturating_add(gone.cut);
        }
    }

    /// Moves a box to page `to`: same column (moved left if the grid there is narrower), span
    /// and depth, at the first free line.
    pub fn move_to_page(&mut self, page: u32, item: &str, to: u32) -> Result<Outcome, Refusal> {
        let f = self.find(page, item)?;
        let name = self.name(f.no);
        let ti = self.page_no(to)?;
        if ti == f.pi {
            return Err(Refusal::AlreadyOnPage { name, page: to });
        }
        let old = self.pages[f.pi][f.at];
        let columns = self.grid(ti).columns;
        if old.span > columns {
            return Err(Refusal::TooWideFor { name, page: to, span: old.span, columns });
        }
        let mut spot = Spot { column: old.column.min(columns - old.span + 1), line: 1, ..old };
        let depth = self.set_spot(ti, &spot).box_depth(spot.depth);
        spot.line = first_free_line(spot, depth, &self.frames(ti), 1);
        let mut from = self.pages[f.pi].clone();
        from.remove(f.at);
        let mut onto = self.pages[ti].clone();
        onto.push(spot);
        Ok(self.commit(Operation::ToPage, vec![(f.pi, from), (ti, onto)], Some(f.no)))
    }

    /// Undoes the last operation, restoring the pages it touched exactly.
    pub fn undo(&mut self) -> Result<Outcome, Refusal> {
        let touched = self.history.undo_item();
        let pages = self.history.undo().cloned().ok_or(Refusal::NothingToUndo)?;
        self.replace_pages(pages);
        Ok(self.touched(touched))
    }

    /// Redoes the last undone operation.
    pub fn redo(&mut self) -> Result<Outcome, Refusal> {
        let touched = self.history.redo_item();
        let pages = self.history.redo().cloned().ok_or(Refusal::NothingToRedo)?;
        self.replace_pages(pages);
        Ok(self.touched(touched))
    }

    /// The outcome of an undo or redo: the box the step was about, focused.
    fn touched(&mut self, touched: Option<(usize, u32)>) -> Outcome {
        if let Some(focus) = touched {
            self.focus = Some(focus);
        }
        Outcome {
            touched: touched.map(|(no, _)| self.item(no).id().to_string()),
            touched_part: touched.map(|(_, part)| part),
            ..Outcome::default()
        }
    }

    // ---- shared steps ----

    /// Replaces one box on its page with `new` and settles the page around it.
    pub(super) fn commit_moved(&mut self, f: Found, new: Spot, what: Operation) -> Outcome {
        let mut spots = self.pages[f.pi].clone();
        spots[f.at] = new;
        self.commit(what, vec![(f.pi, spots)], Some(f.no))
    }

    /// Settles the changed pages around `anchor` (the item the editor moved), puts the new
    /// placements in place and records both states as a revision.
    pub(super) fn commit(
        &mut self,
        what: Operation,
        changes: Vec<(usize, Vec<Spot>)>,
        anchor: Option<usize>,
    ) -> Outcome {
        self.commit_about(what, changes, anchor, anchor)
    }

    /// [`Makeup::commit`], naming the item the step is about when it is not the anchor (a box
    /// sent to the bin leaves no anchor behind).
    pub(super) fn commit_about(
        &mut self,
        what: Operation,
        changes: Vec<(usize, Vec<Spot>)>,
        anchor: Option<usize>,
        about: Option<usize>,
    ) -> Outcome {
        self.commit_settled(what, changes, Some(anchor), about)
    }

    /// [`Makeup::commit`] with the pages as they are, not settled: automatic make-up puts its
    /// boxes only where no box stands and moves no box the desk placed, even two that overlap
    /// (found from outside: settling them moved a kept box and the boxes made, and the report
    /// named places the layout did not hold).
    pub(super) fn commit_unsettled(&mut self, what: Operation, changes: Vec<(usize, Vec<Spot>)>) -> Outcome {
        self.commit_settled(what, changes, None, None)
    }

    /// Commits `changes`, each page settled around `settle`'s anchor when it is given.
    fn commit_settled(
        &mut self,
        what: Operation,
        changes: Vec<(usize, Vec<Spot>)>,
        settle_around: Option<Option<usize>>,
        about: Option<usize>,
    ) -> Outcome {
        let mut outcome = Outcome { touched: about.map(|no| self.item(no).id().to_string()), ..Outcome::default() };
        // The article's other pages, which the step does not change but whose parts take the
        // copy it sends on (found from outside: `x` on part 1 sent part 2 past its page's foot,
        // and nothing said so).
        let others: Vec<(usize, Vec<Frame>)> = (0..self.pages.len())
            .filter(|pi| !changes.iter().any(|(c, _)| c == pi))
            .filter(|&pi| about.is_some_and(|no| self.pages[pi].iter().any(|s| s.item == no)))
            .map(|pi| (pi, self.frames(pi)))
            .collect();
        // What the pages were, read before the step is staged: the anchor's box the step changed
        // (of an article with two parts on the page, the one moved), the boxes it overlapped
        // already, and the frames as they stood.
        let prepared: Vec<_> = changes
            .into_iter()
            .map(|(pi, spots)| {
                let at = settle_around.map(|anchor| anchor.and_then(|a| changed_at(&self.pages[pi], &spots, a)));
                let above = at.flatten().map(|a| self.overlapped_above(pi, &spots, a)).unwrap_or_default();
                (pi, spots, at, above, self.frames(pi))
            })
            .collect();
        // Staged while the pages settle: a continued article's parts are set from the pages as
        // the step leaves them, its cut and where each part starts (found from outside: `C` on
        // an `Auto` part 2 measured it with the sentence still cut, and it grew into the box
        // under it unpushed).
        let staged: Vec<(usize, Vec<Spot>)> = prepared
            .iter()
            .map(|(pi, spots, ..)| (*pi, std::mem::replace(&mut self.pages[*pi], spots.clone())))
            .collect();
        let mut settled: Vec<(usize, Vec<Spot>)> = Vec::with_capacity(prepared.len());
        for (pi, mut spots, at, above, was) in prepared {
            self.fix_continued_depths(pi, &mut spots);
            self.pages[pi].clone_from(&spots);
            let mut frames = self.frames_of(pi, &spots);
            let pushed = match at {
                Some(at) => settle_below(&mut frames, at, &above),
                None => Vec::new(),
            };
            for (s, f) in spots.iter_mut().zip(&frames) {
                s.line = f.spot.line;
            }
            outcome.pushed.extend(pushed.iter().map(|&i| self.named(&frames[i].spot)));
            outcome.over_foot.extend(self.sent_past_foot(pi, &was, &frames));
            settled.push((pi, spots));
        }
        for (pi, spots) in staged {
            self.pages[pi] = spots;
        }
        let mut before = self.replace_pages(settled.clone());
        let moved = self.settle_other_pages(about, others, settle_around.is_some(), &mut outcome);
        if !moved.is_empty() {
            before.extend(self.replace_pages(moved.clone()));
            settled.extend(moved);
        }
        if let Some(no) = about {
            self.note_parts_without_copy(no, &mut outcome);
        }
        let about = about.map(|no| (no, changed_part(no, &before, &settled).unwrap_or_else(|| self.focused_part(no))));
        outcome.touched_part = about.map(|(_, part)| part);
        self.history.commit_about(what.name(), before, settled, about);
        outcome
    }

    /// On the pages the step did not change (`others`, with their frames before it), notes in
    /// `outcome` what the touched article's part there did as it took the copy the step sent
    /// on: where it grew into a box, `settle` pushes that box down as on the step's own page
    /// (top-down, the part staying where it stands), and the boxes sent past the foot. Returns
    /// the pages whose boxes moved, settled.
    fn settle_other_pages(
        &self,
        about: Option<usize>,
        others: Vec<(usize, Vec<Frame>)>,
        settle: bool,
        outcome: &mut Outcome,
    ) -> Vec<(usize, Vec<Spot>)> {
        let mut moved = Vec::new();
        for (pi, was) in others {
            let mut frames = self.frames(pi);
            let pushed = if settle && grew_into_a_box(&was, &frames, about) {
                settle_below(&mut frames, None, &[])
            } else {
                Vec::new()
            };
            let on = OnPage {
                page: self.issue.pages[pi].number,
                pushed: pushed.iter().map(|&i| self.named(&frames[i].spot)).collect(),
                over_foot: self.sent_past_foot(pi, &was, &frames),
            };
            if !pushed.is_empty() {
                moved.push((pi, frames.iter().map(|f| f.spot).collect()));
            }
            if !on.is_empty() {
                outcome.elsewhere.push(on);
            }
        }
        moved
    }

    /// The boxes among page `pi`'s new `spots` that the box at `at` overlapped before the step,
    /// standing above it (their top above its top both before and after the step): an
    /// overlap that was there already, which settles top-down, the box sinking below them
    /// however the step moved or changed it (see [`pushdown`](super::pushdown)). A box it put
    /// itself above, or one it overlaps only now, is pushed as ever.
    pub(super) fn overlapped_above(&self, pi: usize, spots: &[Spot], at: usize) -> Vec<usize> {
        let now = spots[at];
        let same_box = |a: &Spot, b: &Spot| a.item == b.item && a.part == b.part;
        let was = self.frames(pi);
        let Some(me) = was.iter().find(|f| same_box(&f.spot, &now)) else { return Vec::new() };
        let top = me.spot.line.min(now.line);
        let above = was.iter().filter(|f| !same_box(&f.spot, &now) && f.spot.line < top && f.overlaps(me));
        above.filter_map(|f| spots.iter().position(|s| same_box(s, &f.spot))).collect()
    }

    /// The items of page `pi` that `now` has past the foot, or further past it than `was`
    /// (found from outside: a box an earlier step left past the foot was named at every later
    /// step, in place of where that step's own box stood).
    fn sent_past_foot(&self, pi: usize, was: &[Frame], now: &[Frame]) -> Vec<String> {
        let grid = self.grid(pi);
        let past_before = |f: &Frame| {
            let same = |w: &&Frame| w.spot.item == f.spot.item && w.spot.part == f.spot.part;
            was.iter().find(same).map_or(0, |w| w.lines_over_foot(grid))
        };
        let over = now.iter().filter(|f| f.over_foot(grid) && f.lines_over_foot(grid) > past_before(f));
        over.map(|f| self.item(f.spot.item).id().to_string()).collect()
    }

    /// Notes in `outcome` the parts of article `no` that hold none of its copy, with their
    /// numbers: on the pages, and a part waiting in the bin whose part before holds the rest
    /// (found from outside: all the sentences cut after `t`, the editor said nothing of the
    /// empty part waiting); those too shallow for a line of what is left apart (see
    /// [`Outcome::shallow_parts`]).
    fn note_parts_without_copy(&self, no: usize, outcome: &mut Outcome) {
        let (empty, shallow) = (&mut outcome.empty_parts, &mut outcome.shallow_parts);
        let id = |part| (self.item(no).id().to_string(), part);
        for pi in 0..self.pages.len() {
            for s in self.pages[pi].iter().filter(|s| s.item == no) {
                let set = self.set_box(pi, s);
                if set.holds_no_copy() && set.too_shallow_for_copy() {
                    shallow.push(id(s.part));
                } else if set.holds_no_copy() {
                    empty.push(id(s.part));
                }
                if self.continued_into_nothing(pi, s) {
                    empty.push(id(s.part + 1));
                }
            }
        }
    }

    pub(super) fn item_no(&self, item: &str) -> Result<usize, Refusal> {
        self.index.get(item).copied().ok_or_else(|| Refusal::NoSuchItem {
            item: item.to_string(),
            nearest: self.issue.nearest_id(item).map(str::to_string),
        })
    }

    pub(super) fn page_no(&self, page: u32) -> Result<usize, Refusal> {
        self.page_index(page).ok_or_else(|| Refusal::NoSuchPage {
            page,
            pages: self.issue.pages.iter().map(|p| p.number.to_string()).collect::<Vec<_>>().join(", "),
        })
    }

    /// The box of `item` on page `page`, or why it cannot be worked on.
    pub(super) fn find(&self, page: u32, item: &str) -> Result<Found, Refusal> {
        let no = self.item_no(item)?;
        let pi = self.page_no(page)?;
        let name = self.name(no);
        match self.spot_of(pi, no) {
            Some(at) => Ok(Found { pi, at, no }),
            None => Err(match self.home[no] {
                Some(other) => Refusal::NotOnPage { name, page, on: self.issue.pages[other].number },
                None => Refusal::InBin { name, page },
            }),
        }
    }
}

/// Where item `no`'s box that is not as it was stands among a page's new spots (else its
/// first box there).
fn changed_at(was: &[Spot], now: &[Spot], no: usize) -> Option<usize> {
    now.iter().position(|s| s.item == no && !was.contains(s)).or_else(|| now.iter().position(|s| s.item == no))
}

/// Whether a box of item `no` in `now` overlaps a box it did not overlap in `was` (the same
/// page's frames, box for box, before and after a step that moved none of them).
fn grew_into_a_box(was: &[Frame], now: &[Frame], no: Option<usize>) -> bool {
    let parts = now.iter().zip(was).filter(|(f, _)| Some(f.spot.item) == no);
    parts.into_iter().any(|(part, part_was)| {
        now.iter().zip(was).any(|(f, w)| f.spot != part.spot && f.overlaps(part) && !w.overlaps(part_was))
    })
}

/// The part of item `no` whose box a step changed (moved, placed, sent to the bin), from the
/// touched pages before and after it; `None` when no box of it changed.
fn changed_part(no: usize, before: &[(usize, Vec<Spot>)], after: &[(usize, Vec<Spot>)]) -> Option<u32> {
    let boxes = |pages: &[(usize, Vec<Spot>)]| -> Vec<(usize, Spot)> {
        pages.iter().flat_map(|(pi, spots)| spots.iter().filter(|s| s.item == no).map(|s| (*pi, *s))).collect()
    };
    let (was, now) = (boxes(before), boxes(after));
    // A part that left the pages is what the step was about, not the part its cut went on to
    // (found from outside: `u` after `x` on part 1 showed part 2's page, part 2 selected).
    let gone = was.iter().find(|(_, w)| !now.iter().any(|(_, n)| n.part == w.part)).map(|(_, s)| s.part);
    let differs =
        |from: &[(usize, Spot)], to: &[(usize, Spot)]| from.iter().find(|b| !to.contains(b)).map(|(_, s)| s.part);
    gone.or_else(|| differs(&now, &was)).or_else(|| differs(&was, &now))
}

/// The span an item takes when placed without one: a photo's own, else a 2-column box.
pub(super) fn default_span(item: &Item) -> u16 {
    match item {
        Item::Photo(p) => p.span.max(1),
        _ => 2,
    }
}
