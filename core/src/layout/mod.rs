//! The layout engine: items placed on pages, moved with push-down, undone and redone, and
//! measured for fit — plain library calls, no terminal.
//!
//! - [`page`]: placements and their geometry.
//! - [`pushdown`]: settling a page so that no two boxes overlap (boxes only go down).
//! - [`ops`]: the editor's operations, each returning what happened or a refusal.
//! - [`pull`]: jump moves, pull-up and cut-out, which close a page up.
//! - [`holes`]: placing from the bin where there is room, and `:place`'s put.
//! - [`make`]: automatic make-up of whole pages from the bin by the page plan.
//! - [`command`]: the editor's command line, parsed and run.
//! - [`copyfit`]: cuts and the headline's size and text per placement.
//! - [`parts`]: continued articles (转版): where each part stands, how the body flows on,
//!   and `continue_part`.
//! - [`refusal`]: why an operation was not done, as data (the words are the catalogue's).
//! - [`remedy`]: copyfit — the changes that make a box fit, each tried on a scratch desk;
//!   [`copyfit_keys`]: the editor's copyfit keys as plain calls.
//! - [`history`]: undo and redo as revisions, each holding the touched pages before and
//!   after; the saved revision is a number.
//! - [`summary`]: fit per column, page and issue, and the bin.
//! - [`validate`]: the one validator: the layout as read against its issue, the pages as they stand.
//! - [`cache`]: set boxes kept per (item, span, grid) so only changed boxes are refit.
//!
//! [`Makeup`] holds it all: the issue, the placements per page, the bin (the items on no
//! page), the cache and the history.

pub mod cache;
pub mod command;
pub mod copyfit;
pub mod copyfit_keys;
pub mod fold;
pub mod history;
pub mod holes;
pub mod make;
pub mod ops;
pub mod page;
pub mod parts;
pub mod pull;
pub mod pushdown;
pub mod refusal;
pub mod remedy;
pub mod summary;
pub mod validate;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::{Arc, OnceLock};

use crate::fit::{Fit, SetBox, Setting, set_item_as};
use crate::model::{Depth, Grid, Issue, Item, ItemKind, Layout, PageLayout, Placement};
use crate::problem::Problem;

pub use cache::SetCache;
pub use command::{Command, Context, Done, Hit};
pub use copyfit_keys::Here;
pub use history::{History, Pages};
pub use holes::Target;
pub use make::{MakeOptions, MakeReport};
pub use ops::{Landing, OnPage, Op, Outcome, Slot};
pub use page::{Frame, Spot};
pub use refusal::{CommandArg, Motion, Operation, Refusal};
pub use remedy::{Remedy, RemedyKind, UnfitBox};
pub use summary::{BinEntry, ColumnSummary, IssueSummary, PageSummary};

/// The page editor's desk: the issue, where each item stands, the set boxes and the history.
#[derive(Debug, Clone)]
pub struct Makeup {
    issue: Arc<Issue>,
    /// Item number by id (the first item wins if a hand-made issue repeats an id).
    index: HashMap<String, usize>,
    /// The distinct grids of the issue; pages sharing a grid share set boxes.
    grids: Vec<Grid>,
    /// Grid number of each page, in issue order.
    page_grid: Vec<usize>,
    /// Placements per page, in issue page order, in the order they were placed.
    pages: Vec<Vec<Spot>>,
    /// The page (index) each item's first part stands on; `None` = in the bin.
    home: Vec<Option<usize>>,
    /// The page (index) of each later part of a continued article that is on a page, by
    /// (item, part ≥ 2).
    parts_home: HashMap<usize, BTreeMap<u32, usize>>,
    /// The (item, part) of every continued part on a page.
    continued: HashSet<(usize, u32)>,
    cache: SetCache,
    history: History,
    /// What was wrong with the layout as read (unknown items and pages, repeats, off-grid).
    load_problems: Vec<Problem>,
    /// Each item's length for the bin, worked out on first asking.
    lengths: Vec<OnceLock<(u32, u32)>>,
    /// The page editor's headlines, numbered for [`Spot::headline`] (only ever added to, so
    /// the history's spots keep their meaning).
    headlines: Vec<Arc<str>>,
    /// The part of an article the page editor works on (item, part), where more than one of
    /// its parts stands on a page: an operation that names a box by its item and page finds
    /// that part there (see [`Makeup::focus_part`]).
    focus: Option<(usize, u32)>,
}

/// A placement resolved through the fit engine: what the editor, `check`, `proof` and
/// `export` draw.
#[derive(Debug, Clone)]
pub struct ResolvedBox {
    pub item: String,
    /// The item's place in the issue's `items`, to reach it without a search by id.
    pub index: usize,
    pub kind: ItemKind,
    pub column: u16,
    pub span: u16,
    pub line: u32,
    pub depth: Depth,
    /// Which part of a continued article (1 = the first or only box).
    pub part: u32,
    /// What the page editor decided for the box: cut, headline size and text.
    pub setting: Setting,
    /// The box's depth in lines (Auto = what the item needs at this span).
    pub box_depth: u32,
    pub fit: Fit,
    /// Whether any line of the box lies past the page foot.
    pub over_foot: bool,
    /// The item as set at this span, heads, legs and all.
    pub set: Arc<SetBox>,
}

impl ResolvedBox {
    /// Whether the box covers `column` (as [`Spot::covers`]).
    pub fn covers(&self, column: u16) -> bool {
        self.column <= column && column < self.column + self.span.max(1)
    }

    /// Whether the two boxes stand in at least one common column (as [`Spot::shares_columns`]).
    pub fn shares_columns(&self, other: &ResolvedBox) -> bool {
        let (a, b) = (self.rect(), other.rect());
        a.first_column <= b.last_column && b.first_column <= a.last_column
    }

    /// The last line the box takes (its first for a box of no depth).
    pub fn last_line(&self) -> u32 {
        self.line + self.box_depth.max(1) - 1
    }

    /// The first line below the box (as [`Frame::below`]).
    pub fn below(&self) -> u32 {
        self.line.saturating_add(self.box_depth)
    }

    /// The cells the box takes, as the overlap check reads them.
    pub fn rect(&self) -> validate::Rect {
        let last_column = self.column + self.span.max(1) - 1;
        validate::Rect { first_column: self.column, last_column, top: self.line, below: self.below() }
    }
}

impl Makeup {
    /// Opens `layout` on `issue`, checked by the one validator ([`validate::check_layout`]):
    /// unknown pages and items, an item placed twice (the first placement is kept) and boxes
    /// off the grid (their items go to the bin) are noted and reported by
    /// [`Makeup::validate`]; overlapping boxes are kept as they are and reported until an
    /// operation on their page settles them.
    pub fn new(issue: impl Into<Arc<Issue>>, layout: &Layout) -> Makeup {
        let issue: Arc<Issue> = issue.into();
        let mut index = HashMap::new();
        for (no, item) in issue.items.iter().enumerate() {
            index.entry(item.id().to_string()).or_insert(no);
        }
        let mut grids: Vec<Grid> = Vec::new();
        let page_grid = issue
            .pages
            .iter()
            .map(|p| match grids.iter().position(|g| *g == p.grid) {
                Some(no) => no,
                None => {
                    grids.push(p.grid.clone());
                    grids.len() - 1
                }
            })
            .collect();
        let mut desk = Makeup {
            pages: vec![Vec::new(); issue.pages.len()],
            home: vec![None; issue.items.len()],
            parts_home: HashMap::new(),
            continued: HashSet::new(),
            lengths: (0..issue.items.len()).map(|_| OnceLock::new()).collect(),
            issue,
            index,
            grids,
            page_grid,
            cache: SetCache::default(),
            history: History::default(),
            load_problems: Vec::new(),
            headlines: Vec::new(),
            focus: None,
        };
        let checked = validate::check_layout(&desk.issue, layout);
        let parts: HashSet<(&str, u32)> =
            checked.layout.pages.iter().flat_map(|p| &p.placements).map(|p| (p.item.as_str(), p.part)).collect();
        for page in &checked.layout.pages {
            desk.load_page(page, &parts);
        }
        // A merge's notes belong to the file, which reports them where they stand; the desk
        // keeps only what it repaired, so `check` names each note once.
        desk.load_problems = checked
            .found
            .into_iter()
            .map(|f| f.problem)
            .filter(|p| !matches!(p, Problem::MergeConflict { .. }))
            .collect();
        for pi in 0..desk.pages.len() {
            desk.set_page(pi);
        }
        desk
    }

    /// Places a page of a checked layout: its page and items exist, each part once, on the
    /// grid; `parts` holds every (item, part) of the layout.
    fn load_page(&mut self, page: &PageLayout, parts: &HashSet<(&str, u32)>) {
        let Some(pi) = self.page_index(page.number) else { return };
        for p in &page.placements {
            let Some(&item) = self.index.get(&p.item) else { continue };
            let headline = p.headline.as_deref().map(|h| self.headline_no(h));
            let spot = Spot {
                part: p.part,
                cut: p.cut,
                head_size: p.head_size,
                headline,
                continued: p.continued || parts.contains(&(p.item.as_str(), p.part + 1)),
                ..Spot::new(item, p.column, p.span, p.line, p.depth)
            };
            self.set_home(&spot, Some(pi));
            self.pages[pi].push(spot);
        }
    }

    /// The issue being made up.
    pub fn issue(&self) -> &Issue {
        &self.issue
    }

    /// The item with this id, through the desk's index: constant time, where
    /// [`Issue::item`] walks the whole list (a bin of 100,000 items would make every
    /// per-item look-up quadratic).
    pub fn item_by_id(&self, id: &str) -> Option<&Item> {
        self.index.get(id).map(|&no| &self.issue.items[no])
    }

    /// The shared issue, for shells that keep it elsewhere too.
    pub fn issue_arc(&self) -> &Arc<Issue> {
        &self.issue
    }

    /// The layout to save: every page of the issue in issue order, placements in the order
    /// they were placed (so a move changes one line of the file).
    pub fn to_layout(&self, issue_path: &str) -> Layout {
        let pages = self
            .issue
            .pages
            .iter()
            .zip(&self.pages)
            .map(|(page, spots)| PageLayout {
                number: page.number,
                placements: spots.iter().map(|s| self.placement(s)).collect(),
            })
            .collect();
        Layout { issue: issue_path.to_string(), pages, conflicts: Vec::new() }
    }

    fn placement(&self, s: &Spot) -> Placement {
        Placement {
            part: s.part,
            cut: s.cut,
            head_size: s.head_size,
            headline: s.headline.map(|h| self.headlines[h as usize].to_string()),
            // A next part on a page says so itself; one waiting in the bin has only this.
            continued: s.continued && self.part_page(s.item, s.part + 1).is_none(),
            ..Placement::new(self.issue.items[s.item].id(), s.column, s.span, s.line, s.depth)
        }
    }

    /// The number of headline `text` in the desk's list, added if new.
    fn headline_no(&mut self, text: &str) -> u32 {
        match self.headlines.iter().position(|h| &**h == text) {
            Some(no) => no as u32,
            None => {
                self.headlines.push(Arc::from(text));
                self.headlines.len() as u32 - 1
            }
        }
    }

    /// What the page editor decided for a spot's box on page `pi`, for the fit engine.
    fn setting(&self, pi: usize, s: &Spot) -> Setting {
        let flow = self.flow(pi, s);
        Setting {
            cut: if flow.is_some() { self.parts_cut(s.item) } else { s.cut },
            head_size: s.head_size,
            headline: s.headline.map(|h| self.headlines[h as usize].clone()),
            flow,
        }
    }

    /// The placements on page `number` (empty for a page not in the issue).
    pub fn placements(&self, number: u32) -> Vec<Placement> {
        self.page_index(number).map(|pi| self.pages[pi].iter().map(|s| self.placement(s)).collect()).unwrap_or_default()
    }

    /// The placement of `item` (its first part), with its page number, if it is on a page.
    pub fn placement_of(&self, item: &str) -> Option<(u32, Placement)> {
        let (pi, spot) = self.part_spot(*self.index.get(item)?, 1)?;
        Some((self.issue.pages[pi].number, self.placement(&spot)))
    }

    /// The placement of `item` on page `number`: of a continued article (转版), the part
    /// that stands there, as the operations that take an id find it (the focused part, else
    /// the first placed).
    pub fn placement_on(&self, number: u32, item: &str) -> Option<Placement> {
        let no = *self.index.get(item)?;
        let pi = self.page_index(number)?;
        self.spot_of(pi, no).map(|at| self.placement(&self.pages[pi][at]))
    }

    /// Part `part` of `item` on page `number`, if it stands there.
    pub fn part_on(&self, number: u32, item: &str, part: u32) -> Option<Placement> {
        let (pi, spot) = self.part_spot(*self.index.get(item)?, part)?;
        (self.issue.pages[pi].number == number).then(|| self.placement(&spot))
    }

    /// Makes part `part` of `item` the one that operations naming the item find on a page
    /// where more than one of its parts stands (the editor's selection). Changes no layout.
    pub fn focus_part(&mut self, item: &str, part: u32) {
        self.focus = self.index.get(item).map(|&no| (no, part));
    }

    /// The part of item `no` the page editor works on: the focused one, else 1.
    pub(super) fn focused_part(&self, no: usize) -> u32 {
        self.focus_of(no).unwrap_or(1)
    }

    /// The focused part of item `no`, if the focus is on it.
    fn focus_of(&self, no: usize) -> Option<u32> {
        self.focus.filter(|&(item, _)| item == no).map(|(_, part)| part)
    }

    /// No part focused: operations naming an item find its first box on a page.
    pub fn clear_focus(&mut self) {
        self.focus = None;
    }

    /// Where item `no` stands on page `pi`: the focused part if it stands there, else the
    /// first placed.
    pub(super) fn spot_of(&self, pi: usize, no: usize) -> Option<usize> {
        let spots = &self.pages[pi];
        self.focus_of(no)
            .and_then(|part| spots.iter().position(|s| s.item == no && s.part == part))
            .or_else(|| spots.iter().position(|s| s.item == no))
    }

    /// Every box on page `number` with its depth and fit, in placement order.
    pub fn resolved(&self, number: u32) -> Vec<ResolvedBox> {
        let Some(pi) = self.page_index(number) else {
            return Vec::new();
        };
        let grid = self.grid(pi);
        self.pages[pi]
            .iter()
            .map(|s| {
                let set = self.set_box(pi, s);
                let box_depth = set.box_depth(s.depth);
                let frame = Frame { spot: *s, depth: box_depth };
                ResolvedBox {
                    item: self.issue.items[s.item].id().to_string(),
                    index: s.item,
                    kind: self.issue.items[s.item].kind(),
                    column: s.column,
                    span: s.span,
                    line: s.line,
                    depth: s.depth,
                    part: s.part,
                    setting: self.setting(pi, s),
                    box_depth,
                    fit: set.fit(s.depth),
                    over_foot: frame.over_foot(grid),
                    set,
                }
            })
            .collect()
    }

    /// How many items have a box on a page: an article continued in parts counts once,
    /// whether or not one of its parts waits in the bin.
    pub fn placed_count(&self) -> usize {
        (0..self.issue.items.len()).filter(|no| self.home[*no].is_some() || self.parts_home.contains_key(no)).count()
    }

    /// Items with a part in the bin, in issue order (a continued article may stand on a page
    /// too).
    pub fn bin(&self) -> Vec<&str> {
        self.bin_items().map(Item::id).collect()
    }

    /// The items in the bin, in issue order.
    pub fn bin_items(&self) -> impl Iterator<Item = &Item> {
        self.issue.items.iter().enumerate().filter(|(no, _)| self.waiting_part(*no).is_some()).map(|(_, i)| i)
    }

    /// Whether `item` is in the bin.
    pub fn in_bin(&self, item: &str) -> bool {
        self.index.get(item).is_some_and(|&no| self.waiting_part(no).is_some())
    }

    /// How many times an item has been set (fit engine calls) since the desk was opened, by
    /// it and by the copies made of it (the scratch desks `fit`'s remedies are tried on).
    pub fn sets(&self) -> u64 {
        self.cache.sets()
    }

    /// Forgets every set box and sets every placed item again: what a cold `check` costs.
    pub fn refit_all(&mut self) {
        self.cache.clear();
        for pi in 0..self.pages.len() {
            self.set_page(pi);
        }
    }

    /// Every revision of the session: what undo and redo would do, and whether the desk is
    /// saved.
    pub fn history(&self) -> &History {
        &self.history
    }

    /// The layout file now holds the desk as it is.
    pub fn mark_saved(&mut self) {
        self.history.mark_saved();
    }

    /// The layout file holds none of the desk's revisions (a layout restored from elsewhere).
    pub fn mark_unsaved(&mut self) {
        self.history.mark_unsaved();
    }

    /// Whether there is something to undo / redo.
    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    // ---- internals shared by the modules ----

    fn page_index(&self, number: u32) -> Option<usize> {
        self.issue.pages.iter().position(|p| p.number == number)
    }

    fn grid(&self, pi: usize) -> &Grid {
        &self.issue.pages[pi].grid
    }

    fn item(&self, no: usize) -> &Item {
        &self.issue.items[no]
    }

    /// A placed box as a step's outcome names it: its item's id and its part.
    fn named(&self, spot: &page::Spot) -> (String, u32) {
        (self.item(spot.item).id().to_string(), spot.part)
    }

    /// The item's title, shortened for a message.
    fn name(&self, no: usize) -> String {
        // The page editor's own headline where the first part has one (found from outside:
        // refusals named the issue's headline after `r` had rewritten it).
        let own = self.home[no]
            .and_then(|pi| self.pages[pi].iter().find(|s| s.item == no && s.part == 1))
            .and_then(|s| s.headline)
            .map(|h| Arc::clone(&self.headlines[h as usize]));
        let title = own.as_deref().unwrap_or_else(|| self.item(no).title());
        let mut short: String = title.chars().take(16).collect();
        if title.chars().count() > 16 {
            short.push('…');
        }
        if short.trim().is_empty() { self.item(no).id().to_string() } else { short }
    }

    /// Puts `pages` (page index, placements) on the desk in place of what those pages hold,
    /// and returns what they held: the one way placements change, for an operation and for
    /// undo and redo alike.
    fn replace_pages(&mut self, pages: Pages) -> Pages {
        for (pi, _) in &pages {
            let spots = std::mem::take(&mut self.pages[*pi]);
            for s in &spots {
                self.set_home(s, None);
            }
            self.pages[*pi] = spots;
        }
        let mut old = Vec::with_capacity(pages.len());
        for (pi, spots) in pages {
            for s in &spots {
                self.set_home(s, Some(pi));
            }
            old.push((pi, std::mem::replace(&mut self.pages[pi], spots)));
            self.set_page(pi);
        }
        // Parts flow into each other: set every part of a continued article again where it stands.
        if !self.parts_home.is_empty() || !self.continued.is_empty() {
            let items: HashSet<usize> =
                self.parts_home.keys().chain(self.continued.iter().map(|(i, _)| i)).copied().collect();
            let mut later: Vec<usize> = items
                .iter()
                .flat_map(|&no| {
                    self.parts_home.get(&no).into_iter().flat_map(|p| p.values().copied()).chain(self.home[no])
                })
                .collect();
            later.sort_unstable();
            later.dedup();
            for pi in later {
                self.set_page(pi);
            }
        }
        old
    }

    /// Sets (or finds in the cache) every box on page `pi`.
    fn set_page(&mut self, pi: usize) {
        for s in self.pages[pi].clone() {
            self.set_spot(pi, &s);
        }
    }

    fn set_spot(&mut self, pi: usize, s: &Spot) -> Arc<SetBox> {
        let grid_no = self.page_grid[pi];
        let setting = self.setting(pi, s);
        let issue = &self.issue;
        let item = (s.item, &issue.items[s.item]);
        self.cache.get_or_set(item, s.span, (grid_no, &self.grids[grid_no]), issue.language, &setting)
    }

    /// The set box of a spot; set afresh (uncached) only if the cache somehow lacks it.
    fn set_box(&self, pi: usize, s: &Spot) -> Arc<SetBox> {
        let grid_no = self.page_grid[pi];
        let setting = self.setting(pi, s);
        match self.cache.get(s.item, s.span, grid_no, &setting) {
            Some(set) => set.clone(),
            None => Arc::new(set_item_as(self.item(s.item), self.grid(pi), self.issue.language, s.span, &setting)),
        }
    }

    /// The boxes of `spots` on page `pi` with their depths, setting what is not yet set.
    fn frames_of(&mut self, pi: usize, spots: &[Spot]) -> Vec<Frame> {
        spots.iter().map(|s| Frame { spot: *s, depth: self.set_spot(pi, s).box_depth(s.depth) }).collect()
    }

    /// The boxes on page `pi` as they stand.
    fn frames(&self, pi: usize) -> Vec<Frame> {
        self.pages[pi].iter().map(|s| Frame { spot: *s, depth: self.set_box(pi, s).box_depth(s.depth) }).collect()
    }
}
