//! What a page is made of: the candidates (items from the bin planned for the page, then
//! fillers) and the shapes each may take there — the spans the rules allow and the depth
//! the fit engine says the item needs at each.

use super::report::LeftReason;
use super::rules::{LEG_MAX, LEG_MIN};
use crate::fit::cut::sentences;
use crate::fit::{BlockKind, SetBox, Setting, set_item, set_item_as};
use crate::model::{Grid, Item, ItemKind, Language};

/// An item at one span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Shape {
    pub span: u16,
    /// The depth the item needs at this span.
    pub depth: u32,
    /// The headline's lines from the box's top: [first, end); (0, 0) for a photo or notice.
    pub head: (u32, u32),
    /// Sentences cut from the end of the body (`--cut` only).
    pub cut: u32,
}

/// An item the search may place.
#[derive(Debug, Clone)]
pub(super) struct Cand {
    /// The item's place in the issue.
    pub item: usize,
    pub kind: ItemKind,
    /// Planned for this page (else a filler).
    pub planned: bool,
    /// 1 = the lead; `u32::MAX` when the plan gives none.
    pub priority: u32,
    /// The article a photo illustrates (its place in the issue).
    pub with: Option<usize>,
    /// Narrowest first.
    pub shapes: Vec<Shape>,
}

impl Cand {
    /// Whether the candidate is its page's lead: an article planned for it at priority 1
    /// (notices stand at the foot, and a photo, with its article or alone, leads nothing).
    pub fn leads(&self) -> bool {
        self.planned && self.priority == 1 && self.kind == ItemKind::Article
    }

    /// The fewest column-lines the item can take.
    pub fn min_area(&self) -> u64 {
        min_area(&self.shapes)
    }

    /// The most column-lines any of the item's uncut shapes takes (a wider span sets shorter
    /// legs under a wider headline, so mostly its widest): a cut is make's choice, not copy.
    /// An item that fits only cut counts its cut shapes (found from outside: placed cut, it
    /// was said to offer no copy).
    pub fn max_area(&self) -> u64 {
        let uncut = self.shapes.iter().filter(|s| s.cut == 0).map(area).max();
        uncut.or_else(|| self.shapes.iter().map(area).max()).unwrap_or(0)
    }

    /// The shapes at least half a page of `columns` wide, a lead's by the rules.
    pub fn wide_shapes(&self, columns: u16) -> impl DoubleEndedIterator<Item = &Shape> {
        self.shapes.iter().filter(move |s| s.span >= half_page(columns))
    }
}

/// The fewest columns that are half a page of `columns`.
pub(super) fn half_page(columns: u16) -> u16 {
    columns.div_ceil(2)
}

/// The fewest column-lines any of `shapes` takes uncut (0 for none): the copy an item
/// offers. A cut is make's choice, not copy the page is short of (found from outside: with
/// `--cut` every article counted as cut, a full page was called short of copy and filled
/// worse); an item with cut shapes only counts its least.
pub(super) fn min_area(shapes: &[Shape]) -> u64 {
    let uncut = shapes.iter().filter(|s| s.cut == 0).map(area).min();
    uncut.or_else(|| shapes.iter().map(area).min()).unwrap_or(0)
}

/// The shapes `item` may take on `grid`: an article at every span where its legs are 6–60
/// lines (a brief too short for six lines at one column stands at one column); a photo at
/// its own span; a notice at its two narrowest spans no deeper than a third of the page (none
/// at all when every span is deeper). Nothing deeper than the page. With `cut`, an article
/// also takes each span it fits whole with one to [`MAX_CUT`] sentences cut from its end,
/// where that makes it shallower; an article that fits no span whole takes every span where a
/// cut makes it keep those rules (found from outside: one a sentence too deep for the page
/// at every span was left `too_deep` by `--cut`). Spans it fits only cut are not tried for
/// one that fits whole: the beam then wandered, and the sample's pages came out emptier.
pub(super) fn shapes(item: &Item, grid: &Grid, language: Language, cut: bool) -> Vec<Shape> {
    let whole = whole_shapes(item, grid, language);
    let Item::Article(a) = item else { return whole };
    if !cut {
        return whole;
    }
    let most = (sentences(&a.body).len() as u32).saturating_sub(1).min(MAX_CUT);
    // A brief too short for six lines at one column stands at one column, cut or not.
    let brief = set_item(item, grid, language, 1).body_depth() < LEG_MIN;
    let spans: Vec<u16> = match (brief, whole.is_empty()) {
        (true, _) => vec![1],
        (false, true) => (1..=grid.columns).collect(),
        (false, false) => whole.iter().map(|s| s.span).collect(),
    };
    let mut out = Vec::with_capacity(usize::from(grid.columns) * (most as usize + 1));
    for span in spans {
        let uncut = whole.iter().find(|s| s.span == span).copied();
        out.extend(uncut);
        let depth = uncut.map_or_else(|| set_item(item, grid, language, span).depth_needed(), |s| s.depth);
        for n in 1..=most {
            let set = set_item_as(item, grid, language, span, &Setting { cut: n, ..Setting::default() });
            let legs_ok = keeps_leg_rule(&set) || brief;
            if set.depth_needed() < depth && set.depth_needed() <= grid.depth && legs_ok {
                out.push(Shape { cut: n, ..shape(&set) });
            }
        }
    }
    out
}

fn area(s: &Shape) -> u64 {
    u64::from(s.span) * u64::from(s.depth)
}

/// Most sentences `--cut` takes from one article.
pub const MAX_CUT: u32 = 2;

fn whole_shapes(item: &Item, grid: &Grid, language: Language) -> Vec<Shape> {
    let set = |span: u16| set_item(item, grid, language, span);
    let fits = |s: &Shape| s.depth <= grid.depth;
    match item {
        Item::Photo(p) => {
            let span = p.span.clamp(1, grid.columns.max(1));
            vec![shape(&set(span))].into_iter().filter(fits).collect()
        }
        // Found from outside: a notice deeper than a third at every span was set at its
        // narrowest span that fitted the page, over half the page deep at the foot.
        Item::Notice(_) => {
            (1..=grid.columns).map(|span| shape(&set(span))).filter(|s| in_foot(s, grid)).take(2).collect()
        }
        Item::Article(_) => {
            let one = set(1);
            if one.body_depth() < LEG_MIN {
                return vec![shape(&one)].into_iter().filter(fits).collect();
            }
            let sets = std::iter::once(one).chain((2..=grid.columns).map(set));
            sets.filter(keeps_leg_rule).map(|b| shape(&b)).filter(fits).collect()
        }
    }
}

/// Whether a notice's shape keeps to the foot's third of the page.
fn in_foot(s: &Shape, grid: &Grid) -> bool {
    s.depth <= grid.depth / 3
}

/// Why `item` takes no shape on `grid` (its [`shapes`] are none), naming the limit it meets:
/// a notice that fits the page but is deeper than its third at every span, an article that
/// fits the page only with legs deeper than [`LEG_MAX`] lines, else deeper than the page
/// (found from outside: an article held back by the leg rule was called too deep for the
/// page, and the page too small for its copy).
pub(super) fn no_shape(item: &Item, grid: &Grid, language: Language) -> LeftReason {
    // Whether some span sets the item within the page's depth; with `legs_kept`, its shortest
    // leg six lines deep too, so that only the sixty-line leg kept the article off the page.
    let on_page = |legs_kept: bool| {
        (1..=grid.columns)
            .map(|span| set_item(item, grid, language, span))
            .any(|set| set.depth_needed() <= grid.depth && (!legs_kept || set.shortest_leg() >= LEG_MIN))
    };
    match item {
        Item::Notice(_) if on_page(false) => LeftReason::NoticeTooDeep,
        Item::Article(_) if on_page(true) => LeftReason::LegsTooDeep,
        _ => LeftReason::TooDeep,
    }
}

/// Whether every leg of `set`, balanced, is 6–60 lines: the deepest alone is not enough, as
/// balancing leaves the last legs a line shorter (found from outside: legs of 6, 5, 5, 5).
fn keeps_leg_rule(set: &SetBox) -> bool {
    set.shortest_leg() >= LEG_MIN && set.body_depth() <= LEG_MAX
}

fn shape(set: &SetBox) -> Shape {
    let mut top = 0;
    let mut head = (0, 0);
    for block in &set.heads {
        if block.kind == BlockKind::Headline {
            head = (top, top + block.depth);
        }
        top += block.depth;
    }
    Shape { span: set.span, depth: set.depth_needed(), head, cut: 0 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fit::set_item;
    use crate::model::{Article, Depth};

    fn article(sentences: usize) -> Item {
        let sentence = "市统计局发布一季度全市经济运行情况，地区生产总值同比增长百分之五点三。";
        Item::Article(Article {
            id: format!("a{sentences}"),
            headline: "经济开局良好".into(),
            subhead: None,
            kicker: None,
            byline: Some("记者 某某".into()),
            body: vec![sentence.repeat(sentences)],
            page: None,
            priority: None,
        })
    }

    /// Found from outside: an article was set at 4 columns with legs of 6, 5, 5 and 5 lines,
    /// where only its deepest leg was held to the rule.
    #[test]
    fn every_leg_of_every_shape_keeps_the_leg_rule() {
        let grid = Grid { columns: 6, column_width: 11, depth: 60, ..Grid::broadsheet() };
        for sentences in 1..=40 {
            let item = article(sentences);
            let one = set_item(&item, &grid, Language::ZhHans, 1);
            for shape in shapes(&item, &grid, Language::ZhHans, true) {
                let set = set_item_as(
                    &item,
                    &grid,
                    Language::ZhHans,
                    shape.span,
                    &Setting { cut: shape.cut, ..Setting::default() },
                );
                let legs: Vec<usize> = set.legs_at(Depth::Auto).iter().map(|leg| leg.len()).collect();
                let brief = shape.span == 1 && one.body_depth() < LEG_MIN;
                let kept = legs.iter().all(|&l| (LEG_MIN as usize..=LEG_MAX as usize).contains(&l));
                assert!(brief || kept, "{sentences} sentences at span {} cut {}: legs {legs:?}", shape.span, shape.cut);
            }
        }
    }
}
