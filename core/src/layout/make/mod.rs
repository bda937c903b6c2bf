//! Automatic make-up (docs/make.md): pages made from the bin by the page plan of the morning
//! meeting (`page`, `priority`, `with` on the items), with the fit engine's depths and the
//! desk's own placements — `pasteup make` and the editor's `M` share [`Makeup::make`].
//!
//! - [`plan`]: the candidates of a page and the shapes (span, depth) each may take.
//! - [`rules`]: the craft rules as checks on boxes (碰题, a photo with its article, legs).
//! - [`sheet`]: the page as cells, filled from the first free cell on.
//! - [`search`]: the beam search that picks what goes where.
//! - [`refine`]: ruin and recreate — parts of the page found cleared and searched again.
//! - [`priority`]: the plan kept — fillers after planned items, the more important first.
//! - [`shorts`]: each short box of a finished page checked to close its column.
//! - [`report`]: what was placed and left, and why, as data.
//!
//! Pages are made in issue order. Each keeps the boxes it has (unless it is made from
//! empty), takes the bin's items planned for it, then up to [`FILLERS`] unplanned items (in
//! issue order) to fill what is left; a photo goes where its article goes. Everything
//! placed fits: `Auto` depth, or a fixed depth one or two lines short where that closes a
//! column. All pages made are one step of the history.

mod plan;
mod priority;
mod refine;
pub mod report;
pub mod rules;
mod search;
mod sheet;
mod shorts;

use std::collections::{HashMap, HashSet};

use super::Makeup;
use super::ops::Outcome;
use super::page::Spot;
use super::refusal::{Operation, Refusal};
use crate::model::{Depth, Item, ItemKind};
pub use plan::MAX_CUT;
use plan::{Cand, shapes};
pub use report::{Broken, Gap, LeftItem, LeftReason, MadePage, MakeReport, NarrowCause, PlacedBox};
use rules::Boxed;
use search::{BEAM, PAGE_WORK, Problem, Work};
use sheet::Sheet;

/// Most unplanned items offered to a page, in issue order.
pub const FILLERS: usize = 12;

/// What to make.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MakeOptions {
    /// The pages to make, by number; empty = every page of the issue.
    pub pages: Vec<u32>,
    /// Whether the pages are made from empty (their boxes go back to the bin first).
    pub from_empty: bool,
    /// Whether an article may have up to [`plan::MAX_CUT`] sentences cut to fit.
    pub cut: bool,
}

/// Items make leaves in the bin (their places in the issue), each with why.
type HeldBack = Vec<(usize, LeftReason)>;

/// One page's work for the desk: the new placements and the report.
struct PageDone {
    spots: Vec<Spot>,
    report: MadePage,
}

impl Makeup {
    /// Makes the pages `options` names from the bin, as one step of the history. `progress`
    /// hears (pages made, pages to make, free lines so far) after each page.
    pub fn make(
        &mut self,
        options: &MakeOptions,
        progress: &mut dyn FnMut(usize, usize, u32),
    ) -> Result<(MakeReport, Outcome), Refusal> {
        let targets = self.make_targets(&options.pages)?;
        let cleared: Vec<usize> = if options.from_empty { targets.clone() } else { Vec::new() };
        let taken_off: HashSet<usize> = cleared.iter().flat_map(|&pi| self.pages[pi].iter().map(|s| s.item)).collect();
        // An article continued (转版) is the page editor's to finish, not make's: one with a
        // later part on a page, or a first part continued into a part that waits in the bin.
        let whole = |no: usize| {
            self.parts_home.get(&no).is_none_or(|parts| parts.is_empty())
                && !self.continued.iter().any(|&(item, _)| item == no)
        };
        let mut free: Vec<bool> =
            (0..self.home.len()).map(|no| self.home[no].is_none_or(|pi| cleared.contains(&pi)) && whole(no)).collect();
        let mut shapes_cache: HashMap<(usize, usize), Vec<plan::Shape>> = HashMap::new();
        let mut offered = vec![false; free.len()];
        // Fillers a page was short of copy for but that fit it at no span, and the limit each met.
        let mut unfit: Vec<Option<LeftReason>> = vec![None; free.len()];
        let pulled = self.pulled_by_photos(&targets, options.from_empty);
        let mut report = MakeReport::default();
        let mut changes = Vec::new();
        let mut free_so_far = 0;
        for (done, &pi) in targets.iter().enumerate() {
            // From empty, every part of an article continued (转版) stays where it stands: taken
            // off, a first or middle part would leave its later parts without the copy before
            // them, and a last part the part before it overset.
            let base: Vec<Spot> = if options.from_empty {
                self.pages[pi].iter().filter(|s| s.part > 1 || s.continued).copied().collect()
            } else {
                self.pages[pi].clone()
            };
            let page = self.make_one(
                pi,
                (base, &pulled),
                (&mut free, &mut offered, &mut unfit),
                (&mut shapes_cache, options.cut),
            );
            free_so_far += page.report.free_lines;
            if page.spots != self.pages[pi] {
                changes.push((pi, page.spots));
            }
            report.pages.push(page.report);
            progress(done + 1, targets.len(), free_so_far);
        }
        report.bin = self.left_over((&free, &offered, &unfit), &taken_off, &targets);
        // An article pulled to its photo's page and not placed is in that page's report.
        report.bin.retain(|l| !pulled.contains_key(&l.index));
        // A part 1 planned for a page made is in that page's report, not again in the bin's.
        let on_pages: HashSet<(String, Option<u32>)> =
            report.pages.iter().flat_map(|p| p.left.iter().map(|l| (l.id.clone(), l.part))).collect();
        report
            .bin
            .extend(self.parts_waiting(&targets).into_iter().filter(|l| !on_pages.contains(&(l.id.clone(), l.part))));
        let outcome =
            if changes.is_empty() { Outcome::default() } else { self.commit_unsettled(Operation::Make, changes) };
        Ok((report, outcome))
    }

    /// The page indexes to make, in issue order.
    fn make_targets(&self, pages: &[u32]) -> Result<Vec<usize>, Refusal> {
        if pages.is_empty() {
            return Ok((0..self.pages.len()).collect());
        }
        let mut out = pages.iter().map(|&n| self.page_no(n)).collect::<Result<Vec<_>, _>>()?;
        out.sort_unstable();
        out.dedup();
        Ok(out)
    }

    /// The page the plan puts an item on: its own `page`, else (a photo) its article's
    /// planned page, or the page its article stands on, else (an article) the page of the
    /// issue its photo is planned for ([`Makeup::planned_photo`]).
    fn planned_for(&self, no: usize) -> Option<u32> {
        let item = self.item(no);
        item.planned_page()
            .or_else(|| {
                let article = self.with_of(no)?;
                let on = self.home[article].map(|pi| self.issue.pages[pi].number);
                self.item(article).planned_page().or(on)
            })
            .or_else(|| self.planned_photo(no).and_then(|photo| self.item(photo).planned_page()))
    }

    /// The first photo, in issue order, that illustrates article `no` and is planned for a page
    /// of the issue: an article with no page of its own goes where its photo is planned, as a
    /// photo goes where its article is (found from outside: page 1 took such a story as a
    /// filler, and its photo, planned for page 2, was left in the bin, "its article is not on
    /// the page", on a page 94% free).
    fn planned_photo(&self, no: usize) -> Option<usize> {
        if !matches!(self.item(no), Item::Article(_)) || self.item(no).planned_page().is_some() {
            return None;
        }
        (0..self.issue.items.len()).find(|&photo| {
            self.with_of(photo) == Some(no)
                && self.item(photo).planned_page().is_some_and(|n| self.page_index(n).is_some())
        })
    }

    /// The articles in the bin that a photo the desk placed on a page made (and kept) pulls to
    /// its page, with that page's number: a kept photo's article is made with it, whatever page
    /// the plan gave the article (the desk placed the photo after the morning meeting; found
    /// from outside: a photo kept on page 1 had its story made on page 2).
    fn pulled_by_photos(&self, targets: &[usize], from_empty: bool) -> HashMap<usize, u32> {
        let mut out = HashMap::new();
        if from_empty {
            return out;
        }
        for &pi in targets {
            for s in self.pages[pi].iter().filter(|s| s.part == 1) {
                let Some(article) = self.with_of(s.item) else { continue };
                if self.home[article].is_none() {
                    out.entry(article).or_insert(self.issue.pages[pi].number);
                }
            }
        }
        out
    }

    /// Whether item `no` is the lead (priority 1) the plan gives page `number`: only an article
    /// leads (a notice stands at the foot, a photo under or beside copy; found from outside: a
    /// lone photo at priority 1 led, and the page's story was called a second lead); an article
    /// one of whose photos is planned at priority 1 (`lent`) leads for it.
    fn leads(&self, no: usize, number: u32, lent: &HashSet<usize>) -> bool {
        (self.item(no).priority() == Some(1) || lent.contains(&no))
            && matches!(self.item(no), Item::Article(_))
            && self.planned_for(no) == Some(number)
    }

    /// The articles of page `number` that lead for a photo planned there at priority 1: a
    /// photo stands under or beside its article, so the two lead together, the article at
    /// line 1 (found from outside: such a photo was set at line 1 as the lead and its
    /// article under it, against the photo rule, and nothing was said).
    fn lent_leads(&self, number: u32) -> HashSet<usize> {
        (0..self.issue.items.len())
            .filter(|&no| self.item(no).priority() == Some(1) && self.planned_for(no) == Some(number))
            .filter_map(|no| self.with_of(no))
            .filter(|&article| self.planned_for(article) == Some(number))
            .collect()
    }

    /// The article a photo illustrates, when the issue has it.
    fn with_of(&self, no: usize) -> Option<usize> {
        match self.item(no) {
            Item::Photo(p) => p.with.as_deref().and_then(|id| self.index.get(id)).copied(),
            _ => None,
        }
    }

    /// Makes page `pi` on top of `base`, taking from the items `free` marks.
    fn make_one(
        &mut self,
        pi: usize,
        (base, pulled): (Vec<Spot>, &HashMap<usize, u32>),
        (free, offered, unfit): (&mut [bool], &mut [bool], &mut [Option<LeftReason>]),
        (cache, cut): (&mut HashMap<(usize, usize), Vec<plan::Shape>>, bool),
    ) -> PageDone {
        let number = self.issue.pages[pi].number;
        let grid_no = self.page_grid[pi];
        let grid = self.grid(pi).clone();
        let kept: Vec<Boxed> = base.iter().map(|s| self.boxed(pi, s)).collect();
        let mut sheet = Sheet::new(grid.columns, grid.depth);
        for k in &kept {
            sheet.take(k.column, k.span, k.line, k.depth);
        }
        let lent = self.lent_leads(number);
        let (cands, unmade, deep) =
            self.candidates(pi, (free, sheet.free()), (&base, &lent, pulled), |no, item, this: &Makeup| {
                cache.entry((no, grid_no)).or_insert_with(|| shapes(item, &grid, this.issue.language, cut)).clone()
            });
        for c in &cands {
            offered[c.item] = true;
        }
        for (no, why) in deep {
            unfit[no] = Some(why);
        }
        // A page whose lead the desk placed already has it: no other box is made the lead.
        let kept_lead = base_leads(&kept, |no| self.leads(no, number, &lent)).next().is_some();
        let lead = cands.iter().position(Cand::leads).filter(|_| !kept_lead);
        // The most the copy offered could take, and the lines free before the page is made:
        // only a page whose copy at its widest takes fewer lines than it has free cannot be
        // filled whatever make does (found from outside: measured at the narrowest, a page
        // made with 7 free lines of 360 was called short of copy).
        let copy: (u64, u32) = (cands.iter().map(Cand::max_area).sum(), sheet.free());
        let used = vec![false; cands.len()];
        let short_of_copy = copy.0 < u64::from(copy.1);
        let photos: Vec<Option<Boxed>> = cands
            .iter()
            .map(|c| kept.iter().find(|k| k.kind == ItemKind::Photo && self.with_of(k.item) == Some(c.item)).copied())
            .collect();
        let work = Work::new(PAGE_WORK);
        let problem = Problem {
            sheet,
            kept: &kept,
            cands: &cands,
            lead,
            width: BEAM,
            used,
            short_of_copy,
            photos: &photos,
            work: &work,
        };
        let made = search::make(&problem);
        let mut spots = base;
        let mut taken = vec![false; cands.len()];
        for (c, b) in &made.boxes {
            taken[*c] = true;
            free[b.item] = false;
            let depth = if b.short > 0 { Depth::Fixed(b.depth) } else { Depth::Auto };
            spots.push(Spot { cut: b.cut, ..Spot::new(b.item, b.column, b.span, b.line, depth) });
        }
        let mut left: Vec<LeftItem> = unmade.into_iter().map(|(no, why)| self.left(no, why)).collect();
        left.extend(self.continued_planned(number));
        for (_, cand) in cands.iter().enumerate().filter(|(c, cand)| cand.planned && !taken[*c]) {
            let on_page = |a: usize| spots.iter().any(|s| s.item == a);
            let reason = match cand.with {
                Some(a) if !on_page(a) => LeftReason::ArticleNotPlaced,
                _ => LeftReason::NoRoom,
            };
            left.push(self.left(cand.item, reason));
        }
        left.sort_by_key(|l| l.index);
        let mut report = self.page_report((number, &lent), &grid, &kept, &made, (&cands, copy), left);
        report.broken.extend(self.kept_broken(pi, &spots[..kept.len()]));
        PageDone { spots, report }
    }

    /// The rules the kept boxes break as they stand: make moves none of them and changes no
    /// depth or cut, but a page with one overset, holding none of its body or past the foot
    /// is not finished.
    fn kept_broken(&mut self, pi: usize, kept: &[Spot]) -> Vec<Broken> {
        let grid = self.grid(pi).clone();
        let mut out = Vec::new();
        let frames = self.frames_of(pi, kept);
        for (i, a) in frames.iter().enumerate() {
            for b in frames[i + 1..].iter().filter(|b| b.overlaps(a)) {
                let (id, other) = (self.item(a.spot.item).id().to_string(), self.item(b.spot.item).id().to_string());
                out.push(Broken::KeptOverlap { id, other });
            }
        }
        for frame in frames {
            let s = frame.spot;
            let id = self.item(s.item).id().to_string();
            let set = self.set_spot(pi, &s);
            if set.fit(s.depth).is_overset() {
                out.push(Broken::KeptOverset { id: id.clone() });
            }
            // A headline with nothing under it, which `check` rejects (`empty_part`): found
            // from outside, a kept lead cut by 30 sentences of 10 was kept and said nothing.
            if set.holds_no_copy() || self.cut_whole(&s).is_some() {
                out.push(Broken::KeptEmpty { id: id.clone() });
            }
            if frame.over_foot(&grid) {
                out.push(Broken::KeptPastFoot { id });
            }
        }
        out
    }

    /// A placed box as the rules see it.
    fn boxed(&mut self, pi: usize, s: &Spot) -> Boxed {
        let set = self.set_spot(pi, s);
        let depth = set.box_depth(s.depth);
        let mut head = (0, 0);
        let mut top = 0;
        for block in &set.heads {
            if block.kind == crate::fit::BlockKind::Headline {
                head = (top, top + block.depth);
            }
            top += block.depth;
        }
        let short = depth.saturating_sub(set.depth_needed());
        let kind = self.item(s.item).kind();
        Boxed {
            item: s.item,
            kind,
            column: s.column,
            span: s.span,
            line: s.line,
            depth,
            head,
            short,
            cut: s.cut,
            part: s.part,
        }
    }

    /// The candidates of page `pi`: the free items planned for it (in issue order), then up
    /// to [`FILLERS`] unplanned ones, and more while the copy offered at its narrowest is
    /// less than the page's `open` lines (found from outside: fillers past the twelfth were
    /// never offered, and the report said the page had too little copy); and the planned
    /// items make leaves, with why: too deep at every span (for the page, a leg, or a notice's
    /// third of it), or no copy; and the fillers too deep, with why.
    fn candidates(
        &self,
        pi: usize,
        (free, open): (&[bool], u32),
        (base, lent, pulled): (&[Spot], &HashSet<usize>, &HashMap<usize, u32>),
        mut shapes_of: impl FnMut(usize, &Item, &Makeup) -> Vec<plan::Shape>,
    ) -> (Vec<Cand>, HeldBack, HeldBack) {
        let number = self.issue.pages[pi].number;
        let planned_for = |no: usize| pulled.get(&no).copied().or_else(|| self.planned_for(no));
        let on_base = |a: usize| base.iter().any(|s| s.item == a);
        let mut cands = Vec::new();
        let mut unmade = Vec::new();
        // Fillers that fit the page at no span: said too deep (with the limit met) if no page
        // takes them (found from outside: called not offered, "every page had copy enough",
        // while the page's own line said it had too little).
        let mut deep = Vec::new();
        let mut fillers = 0;
        // The planned copy first, so that fillers are offered only for what it leaves open.
        let mut offered: u64 = 0;
        for no in (0..self.issue.items.len()).filter(|&no| free[no] && planned_for(no) == Some(number)) {
            offered += plan::min_area(&shapes_of(no, self.item(no), self));
        }
        for no in (0..self.issue.items.len()).filter(|&no| free[no]) {
            let planned = match planned_for(no) {
                Some(n) if n == number => true,
                Some(_) => continue,
                None if fillers < FILLERS || offered < u64::from(open) => false,
                None => continue,
            };
            let with = self.with_of(no);
            // A photo may only stand with its article: on this page, or among its candidates.
            if with.is_some_and(|a| !(on_base(a) || free[a] && planned_for(a).is_none_or(|n| n == number))) {
                if planned {
                    cands.push(self.cand(no, (planned, lent, number), with, Vec::new()));
                }
                continue;
            }
            let item = self.item(no);
            if !item.holds_copy() {
                if planned {
                    unmade.push((no, LeftReason::NoCopy));
                }
                continue;
            }
            let shapes = shapes_of(no, item, self);
            if shapes.is_empty() {
                let why = plan::no_shape(item, self.grid(pi), self.issue.language);
                if planned {
                    unmade.push((no, why));
                } else {
                    deep.push((no, why));
                }
                continue;
            }
            if !planned {
                fillers += 1;
                offered += plan::min_area(&shapes);
            }
            cands.push(self.cand(no, (planned, lent, number), with, shapes));
        }
        (cands, unmade, deep)
    }

    /// Item `no` as a candidate for page `number`; an article in `lent` takes its photo's
    /// priority 1, and one a photo pulled from the page planned for it leads that page, not
    /// the photo's.
    fn cand(
        &self,
        no: usize,
        (planned, lent, number): (bool, &HashSet<usize>, u32),
        with: Option<usize>,
        shapes: Vec<plan::Shape>,
    ) -> Cand {
        let item = self.item(no);
        let priority = match item.priority() {
            _ if lent.contains(&no) => 1,
            Some(1) if self.planned_for(no) != Some(number) => 2,
            // Planned by its photo, a story is as important as the photo is to the page.
            None => self.planned_photo(no).and_then(|photo| self.item(photo).priority()).unwrap_or(u32::MAX),
            Some(priority) => priority,
        };
        Cand { item: no, kind: item.kind(), planned, priority, with, shapes }
    }

    fn left(&self, no: usize, reason: LeftReason) -> LeftItem {
        LeftItem { id: self.item(no).id().to_string(), index: no, reason, part: None, page: None }
    }

    fn page_report(
        &self,
        (number, lent): (u32, &HashSet<usize>),
        grid: &crate::model::Grid,
        kept: &[Boxed],
        made: &search::Made,
        (cands, (offered_lines, open_lines)): (&[Cand], (u64, u32)),
        left: Vec<LeftItem>,
    ) -> MadePage {
        let mut sheet = Sheet::new(grid.columns, grid.depth);
        for b in kept.iter().chain(made.boxes.iter().map(|(_, b)| b)) {
            sheet.take(b.column, b.span, b.line, b.depth);
        }
        let placed = made
            .boxes
            .iter()
            .map(|(_, b)| PlacedBox {
                id: self.item(b.item).id().to_string(),
                kind: b.kind,
                column: b.column,
                span: b.span,
                line: b.line,
                depth: b.depth,
                short: b.short,
                cut: b.cut,
            })
            .collect::<Vec<_>>();
        let mut broken = Vec::new();
        // The page's leads: one the desk placed first (found from outside: a lead kept at line
        // 20 was not reported, and a priority-3 story took the top), then the plan's.
        let kept_leads = base_leads(kept, |no| self.leads(no, number, lent)).map(|b| (b.item, b.line == 1));
        let made_leads = cands.iter().filter(|c| c.leads()).map(|c| {
            let on_top = made.lead_on_top && made.boxes.iter().any(|(_, b)| b.item == c.item);
            (c.item, on_top || !made.boxes.iter().any(|(_, b)| b.item == c.item))
        });
        let mut leads = kept_leads.chain(made_leads);
        if let Some((lead, on_top)) = leads.next() {
            let lead_id = self.item(lead).id().to_string();
            if !on_top {
                broken.push(Broken::LeadNotAtTop { id: lead_id.clone() });
            }
            // Found from outside: a lead made 3 columns wide of 8 beside a kept box was not
            // reported, where its copy could take half the page; nor one set 2 columns wide of
            // 6 because its copy was too short for half: either way the page has no lead.
            let could = cands.iter().any(|c| c.item == lead && c.wide_shapes(grid.columns).next().is_some());
            let cause = if could { NarrowCause::KeptBoxes } else { NarrowCause::ShortCopy };
            // A lead the desk placed keeps its width unreported: line 1 is the rule, the width
            // the desk's to choose (the sample's own lead, from the printed page, stands 3
            // columns wide of 8).
            let made_lead = made.boxes.iter().map(|(_, b)| b).find(|b| b.item == lead);
            if let Some(b) = made_lead.filter(|b| on_top && b.span < plan::half_page(grid.columns)) {
                broken.push(Broken::LeadNarrow { id: lead_id.clone(), span: b.span, columns: grid.columns, cause });
            }
            // A page has one lead: the plan's first keeps line 1, any other priority-1 article
            // is placed as the page's other planned items are, and the desk is told.
            for (other, _) in leads {
                broken.push(Broken::SecondLead { id: self.item(other).id().to_string(), lead: lead_id.clone() });
            }
        }
        broken.extend(self.notice_leads(number, kept, cands, &left));
        MadePage {
            number,
            kept: kept.len(),
            short_boxes: placed.iter().filter(|p| p.short > 0).count(),
            short_lines: placed.iter().map(|p| p.short).sum(),
            cut_sentences: placed.iter().map(|p| p.cut).sum(),
            placed,
            left,
            free_lines: sheet.free(),
            column_lines: u32::from(grid.columns) * grid.depth,
            offered_lines,
            open_lines,
            broken,
            gaps: Gap::joined(sheet.gaps()),
        }
    }

    /// The notices the plan gives page `number` as its lead (priority 1) among those the page
    /// made, kept or left: the plan is wrong whether make placed the notice now or it stands
    /// from an earlier make (found from outside: said on the first `make`, not on the second,
    /// where the notice was a kept box).
    fn notice_leads(&self, number: u32, kept: &[Boxed], cands: &[Cand], left: &[LeftItem]) -> Vec<Broken> {
        let mut seen: Vec<usize> = kept.iter().map(|b| b.item).collect();
        seen.extend(cands.iter().map(|c| c.item).chain(left.iter().map(|l| l.index)));
        seen.sort_unstable();
        seen.dedup();
        seen.into_iter()
            .filter(|&no| matches!(self.item(no), Item::Notice(_)) && self.item(no).priority() == Some(1))
            .filter(|&no| self.planned_for(no) == Some(number))
            .map(|no| Broken::NoticeLead { id: self.item(no).id().to_string() })
            .collect()
    }

    /// The articles planned for page `number` whose first part waits in the bin while a later
    /// part stands on a page: make places no part of a continued article, so the page's report
    /// says it left it (found from outside: a planned lead whose part 2 stood on another page
    /// was neither placed nor named).
    fn continued_planned(&self, number: u32) -> Vec<LeftItem> {
        (0..self.issue.items.len())
            .filter(|&no| self.home[no].is_none() && self.parts_home.get(&no).is_some_and(|p| !p.is_empty()))
            .filter(|&no| self.planned_for(no) == Some(number))
            .map(|no| LeftItem { part: Some(1), ..self.left(no, LeftReason::ContinuedPart) })
            .collect()
    }

    /// The parts of continued articles waiting in the bin that make leaves to the page editor:
    /// every one when every page was made, else those of an article with a box on a page made
    /// (found from outside: part 1 in the bin while part 2 stood, and make said nothing).
    fn parts_waiting(&self, targets: &[usize]) -> Vec<LeftItem> {
        let every_page = targets.len() == self.pages.len();
        (0..self.issue.items.len())
            .filter(|&no| {
                self.parts_home.get(&no).is_some_and(|p| !p.is_empty()) || self.continued.iter().any(|&(i, _)| i == no)
            })
            .filter(|&no| every_page || targets.iter().any(|&pi| self.pages[pi].iter().any(|s| s.item == no)))
            .filter_map(|no| {
                let part = self.waiting_part(no)?;
                Some(LeftItem { part: Some(part), ..self.left(no, LeftReason::ContinuedPart) })
            })
            .collect()
    }

    /// The free items no page took that were not planned for a page made: planned for a
    /// page the issue lacks, unplanned (no page had room for them), or taken off a page made
    /// from empty and planned for another, not made; and those planned for a page not made,
    /// which wait there for it. One planned for a page made is in that page's report (found
    /// from outside: listed there and here too, and counted twice).
    fn left_over(
        &self,
        (free, offered, unfit): (&[bool], &[bool], &[Option<LeftReason>]),
        taken_off: &HashSet<usize>,
        targets: &[usize],
    ) -> Vec<LeftItem> {
        (0..self.issue.items.len())
            .filter(|&no| free[no])
            .filter_map(|no| match self.planned_for(no).map(|n| (n, self.page_index(n))) {
                None if !self.item(no).holds_copy() => Some(self.left(no, LeftReason::NoCopy)),
                Some((_, None)) => Some(self.left(no, LeftReason::NoPage)),
                None if offered[no] => Some(self.left(no, LeftReason::NoRoom)),
                None => Some(self.left(no, unfit[no].unwrap_or(LeftReason::NotOffered))),
                Some((_, Some(pi))) if taken_off.contains(&no) && !targets.contains(&pi) => {
                    Some(self.left(no, LeftReason::PlannedElsewhere))
                }
                Some((page, Some(pi))) if !targets.contains(&pi) => {
                    Some(LeftItem { page: Some(page), ..self.left(no, LeftReason::Waiting) })
                }
                _ => None,
            })
            .collect()
    }
}

/// The kept boxes that are their page's lead: the first part of a priority-1 article planned
/// for it (a later part of the same article on the page is not a second lead).
fn base_leads<'a>(kept: &'a [Boxed], leads: impl Fn(usize) -> bool + 'a) -> impl Iterator<Item = &'a Boxed> + 'a {
    kept.iter().filter(move |b| b.part == 1 && leads(b.item))
}
