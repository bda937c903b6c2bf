//! Copyfit remedies (docs/copyfit.md): for a box that does not fit its fixed depth (overset
//! or short), the changes to its placement that make it fit, each found and verified by
//! doing it on a scratch copy of the desk and asking the fit engine for the box's fit.
//!
//! A `continue` is tried as the page editor does it: the box continued, then its new part
//! placed from the bin (below everything in the box's columns on the same page; where the
//! part goes changes only the page number its jump line names, never the box's lines).
//!
//! A change is a remedy when it leaves the box with nothing overset and, for a short box,
//! fewer empty lines than before. Of each kind the one listed is the best of its kind (least
//! text cut, then fit nearest 0, then the smallest change); the list is ordered cheapest
//! first by [`Remedy::cost`]: characters cut, then fit nearest 0, then the kind in the order
//! of [`RemedyKind`], then the size of the change.

use serde::Serialize;

use super::ops::{Found, Outcome};
use super::page::{Frame, Spot};
use super::{History, Makeup, Refusal};
use crate::fit::Fit;
use crate::format::MAX_HEADLINE_SIZE;
use crate::model::{Depth, Item};

/// How many lines shallower than all its copy needs the depth remedy tries a part another part
/// follows (a byline and the space before it take two or three lines a column).
const SHALLOWER_TRIED: u32 = 4;

/// What a remedy changes; the order is the order of equal-cost remedies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RemedyKind {
    /// The box's depth: `value` lines, the depth the item needs.
    Depth,
    /// The headline's size here: `value` em a character (articles).
    HeadSize,
    /// The box's span: `value` columns, from the same first column, overlapping nothing.
    Span,
    /// The overset goes on in a new part, number `value`, waiting in the bin; `fit` is the
    /// box's fit once that part stands on a page (until then its overset is overset).
    Continue,
    /// The last `value` sentences of the body left out (articles): the article's cut once
    /// applied, over all its parts (0: every cut sentence given back).
    Cut,
}

/// One change that makes a box fit, as `pasteup fit --json` writes it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Remedy {
    pub kind: RemedyKind,
    /// The placement field's new value; for a cut, the article's (see [`RemedyKind::Cut`]).
    pub value: u32,
    /// The box's fit with the remedy: 0 = fits, positive = still short.
    pub fit: i64,
    /// Characters the article's cut leaves out once the remedy is applied (cuts only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cut_chars: Option<u32>,
    /// How far the value moves from the placement's present one.
    #[serde(skip)]
    pub change: u32,
}

impl Remedy {
    /// The sort key, cheapest first.
    pub fn cost(&self) -> (u32, i64, RemedyKind, u32) {
        (self.cut_chars.unwrap_or(0), self.fit, self.kind, self.change)
    }
}

/// A box that does not fit, and what would make it fit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnfitBox {
    pub id: String,
    pub page: u32,
    pub part: u32,
    /// The box's fit now, in lines (negative = overset).
    pub fit: i64,
    /// The fit in full (overset characters), for the text report.
    #[serde(skip)]
    pub detail: Fit,
    pub remedies: Vec<Remedy>,
    /// The part its overset goes on in, waiting in the bin (after `t`): placing it is the
    /// remedy, and no change to this box is one, for it would leave that part nothing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub waiting_part: Option<u32>,
}

/// Whether a fit of `after` lines closes a box that stood at `before`: nothing overset, and
/// a short box shorter by fewer lines than it was.
fn closes(before: i64, after: i64) -> bool {
    after >= 0 && (before < 0 || after < before)
}

impl Makeup {
    /// Every placed box that does not fit (optionally only `item`'s), page by page in issue
    /// order and in placement order on a page, each with its remedies.
    pub fn unfit_boxes(&self, item: Option<&str>) -> Vec<UnfitBox> {
        let mut out = Vec::new();
        for page in &self.issue.pages {
            for b in self.resolved(page.number) {
                if b.fit.lines() == 0 || item.is_some_and(|id| id != b.item) {
                    continue;
                }
                let remedies = self.remedies(page.number, &b.item, b.part).unwrap_or_default();
                let waiting = self.waiting_parts(&b.item).contains(&(b.part + 1)) && b.fit.is_overset();
                out.push(UnfitBox {
                    id: b.item.clone(),
                    page: page.number,
                    part: b.part,
                    fit: b.fit.lines(),
                    detail: b.fit,
                    remedies,
                    waiting_part: waiting.then_some(b.part + 1),
                });
            }
        }
        out
    }

    /// The remedies for part `part` of `item` on page `page`, cheapest first (empty when
    /// it fits).
    pub fn remedies(&self, page: u32, item: &str, part: u32) -> Result<Vec<Remedy>, Refusal> {
        let f = self.find_part(page, item, part)?;
        let before = self.fit_at(&f).lines();
        if before == 0 {
            return Ok(Vec::new());
        }
        let at = At { page, item, part, before, past_foot: self.settled_past_foot(&f) };
        let mut scratch = self.scratch();
        let mut out: Vec<Remedy> = [
            scratch.depth_remedy(&f, &at),
            scratch.head_size_remedy(&f, &at),
            scratch.span_remedy(&f, &at),
            scratch.continue_remedy(&f, &at),
            scratch.cut_remedy(&f, &at),
        ]
        .into_iter()
        .flatten()
        .collect();
        out.sort_by_key(Remedy::cost);
        Ok(out)
    }

    /// Does `remedy` to part `part` of `item` on page `page`: one undo step.
    pub fn apply_remedy(&mut self, page: u32, item: &str, part: u32, remedy: &Remedy) -> Result<Outcome, Refusal> {
        let small = |v: u32| u16::try_from(v).unwrap_or(u16::MAX);
        self.find_part(page, item, part)?;
        // Depth and span work on the box of the item the desk focuses: this part, even with
        // another part of the article on the same page. The focus is given back after.
        let focus = self.focus;
        self.focus_part(item, part);
        let done = match remedy.kind {
            RemedyKind::Depth => self.set_depth(page, item, Depth::Fixed(remedy.value)),
            RemedyKind::HeadSize => self.set_head_size(page, item, part, Some(small(remedy.value))),
            RemedyKind::Span => self.set_span(page, item, small(remedy.value)),
            RemedyKind::Continue => self.continue_part(page, item, part),
            RemedyKind::Cut => self.set_article_cut(page, item, part, remedy.value),
        };
        self.focus = focus;
        done
    }

    /// Places the part `continue` made, from the bin, below everything in the columns of
    /// `item`'s part `part` on page `page` (what [`Remedy::fit`] of a `continue` assumes).
    pub fn place_continued(&mut self, page: u32, item: &str, part: u32) -> Result<Outcome, Refusal> {
        let f = self.find_part(page, item, part)?;
        let spot = self.pages[f.pi][f.at];
        self.place(page, item, spot.column, Some(spot.span), None)
    }

    /// The best cut remedy for part `part` of `item` (what `f` does), if a cut closes it.
    pub fn cut_remedy_for(&self, page: u32, item: &str, part: u32) -> Result<Option<Remedy>, Refusal> {
        let f = self.find_part(page, item, part)?;
        let before = self.fit_at(&f).lines();
        if before == 0 {
            return Ok(None);
        }
        let at = At { page, item, part, before, past_foot: self.settled_past_foot(&f) };
        Ok(self.scratch().cut_remedy(&f, &at))
    }

    /// Whether part `part` of `item` on `page` leaves the article something with none of its
    /// copy: the part itself (found from outside: a cut fitted part 2 by leaving it none), the
    /// part after it, on a page or waiting in the bin, or a body cut whole (found from outside:
    /// remedies that emptied a waiting part were listed, as fitting).
    fn leaves_no_copy(&self, page: u32, item: &str, part: u32) -> bool {
        let next = self.parts_of(item).into_iter().find(|&(p, _)| p == part + 1);
        let next_empty = next
            .and_then(|(p, page)| self.find_part(page, item, p).ok())
            .is_some_and(|f| self.set_at(&f).holds_no_copy());
        let Ok(f) = self.find_part(page, item, part) else { return next_empty };
        next_empty
            || self.set_at(&f).holds_no_copy()
            || self.continued_into_nothing(f.pi, &self.pages[f.pi][f.at])
            || self.body_cut_whole(f.no).is_some()
    }

    /// How many boxes of page `page` stand past its foot, and how many lines they run past it
    /// in all: a remedy may add to neither (found from outside: a box 4 lines past the foot
    /// was offered a depth that left it 18 past, as it was one box past before and after).
    fn past_foot(&self, page: u32) -> (usize, u32) {
        self.page_index(page).map_or((0, 0), |pi| past_foot_of(&self.frames(pi), self.grid(pi)))
    }

    /// The boxes of page `page` past its foot, and the lines they run past it in all, as any
    /// step on part `part` of `item` leaves the page before its own change: what a remedy may
    /// not add to (a step settles overlaps elsewhere on the page too).
    pub fn past_foot_around(&self, page: u32, item: &str, part: u32) -> Result<(usize, u32), Refusal> {
        let f = self.find_part(page, item, part)?;
        Ok(self.settled_past_foot(&f))
    }

    /// [`past_foot`](Makeup::past_foot) of the page as any step on the found box leaves it
    /// before the step's own change: a step settles the whole page around the box, overlaps
    /// that stood there before it too (found from outside: an overlap elsewhere on the page,
    /// settled past the foot by every trial, struck every remedy as putting a box past it).
    fn settled_past_foot(&self, f: &Found) -> (usize, u32) {
        let above = self.overlapped_above(f.pi, &self.pages[f.pi], f.at);
        let mut frames = self.frames(f.pi);
        super::pushdown::settle_below(&mut frames, Some(f.at), &above);
        past_foot_of(&frames, self.grid(f.pi))
    }

    /// The fit of a found box as it stands.
    fn fit_at(&self, f: &Found) -> Fit {
        self.set_at(f).fit(self.pages[f.pi][f.at].depth)
    }

    /// A found box as set.
    fn set_at(&self, f: &Found) -> std::sync::Arc<crate::fit::SetBox> {
        self.set_box(f.pi, &self.pages[f.pi][f.at])
    }

    /// A copy of the desk to try changes on: the same pages and set boxes, a fresh history
    /// (so that the trials' undo never reaches the desk's own revisions).
    fn scratch(&self) -> Makeup {
        let mut desk = self.clone();
        desk.history = History::default();
        desk
    }

    /// Does `remedy` on this scratch desk, reads the box's fit, and undoes it: the fit the
    /// remedy promises, or `None` when the change is refused or would put a box of the page
    /// (this one, or one pushed down) past the foot — a remedy must leave a page that works.
    fn trial(&mut self, at: &At, remedy: &Remedy) -> Option<i64> {
        let (fit, broke) = self.attempt(at, remedy)?;
        (!broke).then_some(fit)
    }

    /// Does `remedy` on this scratch desk, reads the box's fit and whether the page is broken
    /// by it, and undoes it; `None` when the change is refused. The boxes the trial set are
    /// forgotten after it: a search keeps one trial's lines at a time.
    fn attempt(&mut self, at: &At, remedy: &Remedy) -> Option<(i64, bool)> {
        self.cache.record();
        let tried = self.attempt_kept(at, remedy);
        self.cache.forget_recorded();
        tried
    }

    fn attempt_kept(&mut self, at: &At, remedy: &Remedy) -> Option<(i64, bool)> {
        self.apply_remedy(at.page, at.item, at.part, remedy).ok()?;
        let placed = remedy.kind == RemedyKind::Continue && self.place_continued(at.page, at.item, at.part).is_ok();
        let fit = self.find_part(at.page, at.item, at.part).ok().map(|f| self.fit_at(&f).lines());
        // A remedy must leave a page that works: no box pushed past the foot, no part of the
        // article left with nothing to set (found from outside: a part made deep enough for
        // all the copy "fit", and the part after it was empty).
        let (boxes, lines) = self.past_foot(at.page);
        let broke = boxes > at.past_foot.0 || lines > at.past_foot.1 || self.leaves_no_copy(at.page, at.item, at.part);
        if placed {
            let _ = self.undo();
        }
        let _ = self.undo();
        Some((fit?, broke))
    }

    /// Tries each candidate and keeps the best that closes the box.
    fn best(&mut self, at: &At, candidates: Vec<Remedy>) -> Option<Remedy> {
        candidates
            .into_iter()
            .filter_map(|mut r| {
                r.fit = self.trial(at, &r)?;
                closes(at.before, r.fit).then_some(r)
            })
            .min_by_key(Remedy::cost)
    }

    /// A fixed depth of what the item needs (a box at `Auto` always fits).
    fn depth_remedy(&mut self, f: &Found, at: &At) -> Option<Remedy> {
        let Depth::Fixed(now) = self.pages[f.pi][f.at].depth else { return None };
        let set = self.set_at(f);
        let needed = set.depth_needed();
        let mut candidates = vec![remedy(RemedyKind::Depth, needed, now.abs_diff(needed))];
        // A part another part follows, deep enough for all the copy, leaves the next one empty:
        // a line shallower, the last of it flows on, and the part is full. The deepest such that
        // leaves the next part copy, not only a byline (found from outside: one line less moved
        // just the byline on, and no depth was offered).
        if set.part.as_ref().is_some_and(|p| p.jumps()) {
            let shallower = (1..=SHALLOWER_TRIED)
                .filter_map(|less| needed.checked_sub(less).filter(|&d| d > 0))
                .map(|d| remedy(RemedyKind::Depth, d, now.abs_diff(d)))
                .find_map(|r| self.best(at, vec![r]));
            candidates.extend(shallower);
            // Its jump line below the box, it holds none of the copy, and the depth it needs is
            // that of its heads and jump line alone, which holds none either: the shallowest a
            // line or more deeper that holds some (found from outside: no remedy was offered).
            if set.too_shallow_for_copy() {
                let deeper = (1..=SHALLOWER_TRIED)
                    .map(|more| remedy(RemedyKind::Depth, needed + more, now.abs_diff(needed + more)))
                    .find_map(|r| self.best(at, vec![r]));
                candidates.extend(deeper);
            }
        }
        self.best(at, candidates)
    }

    /// Another headline size here, 1 to the largest allowed (articles).
    fn head_size_remedy(&mut self, f: &Found, at: &At) -> Option<Remedy> {
        if !matches!(self.item(f.no), Item::Article(_)) {
            return None;
        }
        let now = self.head_size(at.page, at.item, at.part).ok()?;
        let candidates = (1..=MAX_HEADLINE_SIZE)
            .filter(|&s| s != now)
            .map(|s| remedy(RemedyKind::HeadSize, u32::from(s), u32::from(s.abs_diff(now))))
            .collect();
        self.best(at, candidates)
    }

    /// Sentences cut from the end (or, for a short box with a cut, given back), with the
    /// characters the cut leaves out: the fewest sentences that close the box.
    ///
    /// Every sentence holds a character, so fewer sentences always cut fewer characters, which
    /// ranks first: the best cut is the smallest that closes the box. Cutting more never makes
    /// the body longer, so the box's fit only grows with the cut, and that smallest cut is
    /// found by halving, setting the article some twenty times even for thousands of
    /// sentences (trying every cut set it once a sentence: quadratic in its length, minutes
    /// and gigabytes for a long article). `tests/fit_remedies.rs` holds it to trying every cut.
    fn cut_remedy(&mut self, f: &Found, at: &At) -> Option<Remedy> {
        let cuts = self.cut_candidates(f, at.item)?;
        // The smallest cut that leaves nothing overset lies in lo..=hi (hi: none found yet).
        // An overset box needs more cut than now; a short one is not overset now, and a cut
        // past the present one leaves it shorter still, which closes nothing.
        // A cut kept from longer copy may ask for more sentences than the body has now: it
        // cuts them all, and no candidate cuts more (found from outside: it panicked).
        // The cuts other parts keep stay: this part gives back its own only.
        let (mut lo, mut hi) =
            if at.before < 0 { (cuts.now + 1, cuts.count + 1) } else { (cuts.others, cuts.now.min(cuts.count)) };
        let mut found = None;
        while lo < hi {
            let n = lo + (hi - lo) / 2;
            match self.attempt(at, &cuts.remedy(n)) {
                Some((fit, broke)) if fit >= 0 => {
                    hi = n;
                    found = Some((n, fit, broke));
                }
                _ => lo = n + 1,
            }
        }
        // A page the smallest such cut breaks (the next part left with no copy) is broken by
        // every larger cut too.
        let (n, fit, broke) = found?;
        (!broke && closes(at.before, fit)).then(|| Remedy { fit, ..cuts.remedy(n) })
    }

    /// The cuts a remedy for the found part of `item` may leave the article (`None` for a
    /// photo or a notice, or when the other parts' cuts already pass the body).
    fn cut_candidates(&self, f: &Found, item: &str) -> Option<Cuts> {
        let count = self.sentences(item)?.len() as u32;
        let here = self.pages[f.pi][f.at].cut;
        let now = self.parts_cut(f.no);
        let others = now.saturating_sub(here);
        (others <= count).then_some(())?;
        let chars = self.cut_text(item, count)?.iter().map(|s| s.chars()).collect();
        Some(Cuts { count, now, others, chars })
    }

    /// Sets the cut of `item`'s article to `total` sentences over all its parts by changing
    /// part `part`'s own (on page `page`): what a cut remedy does. The other parts' cuts stay,
    /// so a total below theirs is refused as the cut they keep.
    pub(super) fn set_article_cut(&mut self, page: u32, item: &str, part: u32, total: u32) -> Result<Outcome, Refusal> {
        let f = self.find_part(page, item, part)?;
        let others = self.parts_cut(f.no).saturating_sub(self.pages[f.pi][f.at].cut);
        match total.checked_sub(others) {
            Some(own) => self.set_cut(page, item, part, own),
            None => Err(Refusal::SameCut { name: self.name(f.no), cut: others }),
        }
    }

    /// The cut remedy as found by trying every cut, one after another: what
    /// [`Makeup::cut_remedy_for`] must agree with (held to it by the tests; too slow for a
    /// long article).
    #[cfg(feature = "testkit")]
    pub fn cut_remedy_trying_every_cut(&self, page: u32, item: &str, part: u32) -> Result<Option<Remedy>, Refusal> {
        let f = self.find_part(page, item, part)?;
        let before = self.fit_at(&f).lines();
        if before == 0 {
            return Ok(None);
        }
        let at = At { page, item, part, before, past_foot: self.settled_past_foot(&f) };
        let mut scratch = self.scratch();
        let Some(cuts) = scratch.cut_candidates(&f, item) else { return Ok(None) };
        let candidates = (cuts.others..=cuts.count).filter(|&n| n != cuts.now).map(|n| cuts.remedy(n)).collect();
        Ok(scratch.best(&at, candidates))
    }

    /// A new part for the overset of a box at a fixed depth (articles).
    fn continue_remedy(&mut self, f: &Found, at: &At) -> Option<Remedy> {
        let spot = self.pages[f.pi][f.at];
        let fixed = matches!(spot.depth, Depth::Fixed(_));
        if at.before >= 0 || !fixed || spot.continued || !matches!(self.item(f.no), Item::Article(_)) {
            return None;
        }
        self.best(at, vec![remedy(RemedyKind::Continue, at.part + 1, 1)])
    }

    /// Another span from the same first column, inside the grid and clear of every other box.
    fn span_remedy(&mut self, f: &Found, at: &At) -> Option<Remedy> {
        let spot = self.pages[f.pi][f.at];
        let grid = self.grid(f.pi);
        let room = grid.columns.saturating_sub(spot.column) + 1;
        let frames = self.frames(f.pi);
        let depth = frames[f.at].depth;
        let clear = |span: u16| {
            let me = Frame { spot: Spot { span, ..spot }, depth };
            frames.iter().enumerate().all(|(i, other)| i == f.at || !other.overlaps(&me))
        };
        let candidates = (1..=room)
            .filter(|&s| s != spot.span && clear(s))
            .map(|s| remedy(RemedyKind::Span, u32::from(s), u32::from(s.abs_diff(spot.span))))
            .collect();
        self.best(at, candidates)
    }
}

/// The box a remedy is sought for, and its fit now.
struct At<'a> {
    page: u32,
    item: &'a str,
    part: u32,
    before: i64,
    /// Boxes of the page past its foot before any remedy is tried.
    past_foot: (usize, u32),
}

/// How many of `frames` stand past the foot of `grid`, and how many lines they run past it.
fn past_foot_of(frames: &[Frame], grid: &crate::model::Grid) -> (usize, u32) {
    let past = frames.iter().filter(|frame| frame.over_foot(grid));
    past.fold((0, 0), |(boxes, lines), frame| (boxes + 1, lines + frame.below().saturating_sub(grid.depth + 1)))
}

/// What a cut remedy for one part of an article is reckoned from; every count is of the
/// article's sentences, over all its parts (found from outside: a part's own cut was offered
/// as the article's, and after it the article had more cut than `fit` said).
struct Cuts {
    /// Sentences of the body.
    count: u32,
    /// The article's cut now.
    now: u32,
    /// The cut the article's other parts keep: what this part's cut adds to.
    others: u32,
    /// The characters of each sentence, in reading order.
    chars: Vec<u32>,
}

impl Cuts {
    /// A cut remedy leaving the article `n` sentences cut (at most the body's), its fit still
    /// to be found.
    fn remedy(&self, n: u32) -> Remedy {
        let cut_chars = self.chars.iter().skip(self.count.saturating_sub(n) as usize).sum();
        Remedy { cut_chars: Some(cut_chars), ..remedy(RemedyKind::Cut, n, n.abs_diff(self.now)) }
    }
}

/// A candidate, its fit still to be found.
fn remedy(kind: RemedyKind, value: u32, change: u32) -> Remedy {
    Remedy { kind, value, fit: 0, cut_chars: None, change }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    use crate::format::{parse_issue, parse_layout};
    use crate::model::{Depth, Issue, Layout, Placement};
    use crate::sample;

    fn sample_files() -> (Issue, Layout) {
        let issue = parse_issue(Path::new("issue.ron"), sample::ISSUE).unwrap();
        (issue, parse_layout(Path::new("layout.ron"), sample::LAYOUT).unwrap())
    }

    /// The sample with `item` alone on page 3 at columns `column`.. `span`, depth `depth`.
    fn desk_with(item: &str, column: u16, span: u16, depth: Depth) -> Makeup {
        desk_at(item, column, span, 1, depth)
    }

    /// The same, from line `line`.
    fn desk_at(item: &str, column: u16, span: u16, line: u32, depth: Depth) -> Makeup {
        let (issue, mut layout) = sample_files();
        for page in &mut layout.pages {
            page.placements.retain(|p| p.item != item);
        }
        let page3 = layout.pages.iter_mut().find(|p| p.number == 3).unwrap();
        page3.placements = vec![Placement::new(item, column, span, line, depth)];
        Makeup::new(issue, &layout)
    }

    #[test]
    fn an_overset_box_gets_its_needed_depth_and_a_wider_span() {
        // jinyuan-livable needs 29 lines at 3 columns (check on the sample layout); fixed at 25.
        let desk = desk_with("jinyuan-livable", 1, 3, Depth::Fixed(25));
        let b = &desk.unfit_boxes(None)[0];
        assert_eq!((b.id.as_str(), b.page, b.fit), ("jinyuan-livable", 3, -4));
        let depth = &b.remedies[0];
        assert_eq!((depth.kind, depth.value, depth.fit, depth.cut_chars), (RemedyKind::Depth, 29, 0, None));
        let span = b.remedies.iter().find(|r| r.kind == RemedyKind::Span).unwrap();
        // 23 lines at 4 columns: 2 short; 5 columns and more are shorter still.
        assert_eq!((span.value, span.fit), (4, 2));
    }

    #[test]
    fn no_remedy_puts_a_box_past_the_foot() {
        // Lines 75–99 of 100, 4 overset: its needed 29 lines would end at line 103.
        let desk = desk_at("jinyuan-livable", 1, 3, 75, Depth::Fixed(25));
        let b = &desk.unfit_boxes(None)[0];
        assert_eq!(b.fit, -4);
        assert!(b.remedies.iter().all(|r| r.kind != RemedyKind::Depth), "{:?}", b.remedies);
        let span = b.remedies.iter().find(|r| r.kind == RemedyKind::Span).unwrap();
        assert_eq!((span.value, span.fit), (4, 2), "23 lines at 4 columns end at line 97");
    }

    /// Found from outside: two boxes overlapping at the foot of page 3, which any step on the
    /// page settles past the foot, struck every remedy of a box far from them.
    #[test]
    fn an_overlap_elsewhere_on_the_page_strikes_no_remedy() {
        let (issue, mut layout) = sample_files();
        for page in &mut layout.pages {
            page.placements.clear();
        }
        let page3 = layout.pages.iter_mut().find(|p| p.number == 3).unwrap();
        page3.placements = vec![
            Placement::new("jinyuan-livable", 1, 3, 80, Depth::Fixed(20)),
            Placement::new("yangqu-livelihood", 1, 2, 90, Depth::Fixed(11)),
            Placement::new("jinyuan-ten-projects", 6, 3, 1, Depth::Fixed(4)),
        ];
        let desk = Makeup::new(issue, &layout);
        let far = desk.unfit_boxes(None).into_iter().find(|b| b.id == "jinyuan-ten-projects").unwrap();
        assert!(far.fit < 0, "{far:?}");
        let depth = far.remedies.iter().find(|r| r.kind == RemedyKind::Depth);
        assert_eq!(depth.map(|r| r.fit), Some(0), "{:?}", far.remedies);
        // The overlap itself is what settles past the foot: it stays there for every remedy.
        assert!(desk.resolved(3).iter().all(|b| !b.over_foot));
    }

    #[test]
    fn a_short_box_is_closed_by_depth_and_narrower_span() {
        // 29 lines at 3 columns, 42 at 2: a box of 45 is 16 short, at 2 columns 3 short.
        let desk = desk_with("jinyuan-livable", 1, 3, Depth::Fixed(45));
        let b = &desk.unfit_boxes(None)[0];
        assert_eq!(b.fit, 16);
        assert_eq!((b.remedies[0].kind, b.remedies[0].value, b.remedies[0].fit), (RemedyKind::Depth, 29, 0));
        let span = b.remedies.iter().find(|r| r.kind == RemedyKind::Span).unwrap();
        assert_eq!((span.value, span.fit), (2, 3));
    }

    #[test]
    fn a_span_remedy_never_runs_into_a_neighbour() {
        let (issue, mut layout) = sample_files();
        let page3 = layout.pages.iter_mut().find(|p| p.number == 3).unwrap();
        page3.placements[0].depth = Depth::Fixed(25);
        let desk = Makeup::new(issue, &layout);
        let b = desk.unfit_boxes(Some("jinyuan-livable"));
        assert_eq!(b.len(), 1);
        assert!(b[0].remedies.iter().all(|r| r.kind != RemedyKind::Span), "column 4 is taken: {:?}", b[0].remedies);
    }

    #[test]
    fn a_box_that_fits_has_no_remedies() {
        let desk = desk_with("jinyuan-livable", 1, 3, Depth::Fixed(29));
        assert!(desk.unfit_boxes(None).is_empty());
        assert_eq!(desk.remedies(3, "jinyuan-livable", 1), Ok(Vec::new()));
    }

    #[test]
    fn applying_a_remedy_is_one_undo_step() {
        let mut desk = desk_with("jinyuan-livable", 1, 3, Depth::Fixed(25));
        let remedy = desk.remedies(3, "jinyuan-livable", 1).unwrap()[0].clone();
        desk.apply_remedy(3, "jinyuan-livable", 1, &remedy).unwrap();
        assert_eq!(desk.placement_of("jinyuan-livable").unwrap().1.depth, Depth::Fixed(29));
        desk.undo().unwrap();
        assert_eq!(desk.placement_of("jinyuan-livable").unwrap().1.depth, Depth::Fixed(25));
        assert!(!desk.can_undo());
    }
}
