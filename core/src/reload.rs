//! Loading the issue again while the layout is open: the copy desk saved a story. The layout
//! is kept; every box is set again from the new copy; new items wait in the bin; a placed item
//! the issue no longer has leaves the page and is named, and its placement is [`Held`]: a later
//! reload that finds the item again puts it back where it stood (the copy desk saving a story
//! out and in again loses nobody's make-up). Work restored from a journal after a crash is set
//! on the issue as it is now by the same code ([`restore`]).

use std::collections::HashMap;
use std::sync::Arc;

use crate::layout::Makeup;
use crate::model::{Issue, Layout, PageLayout, Placement};

/// What changed between two versions of an issue, by item id, in the new issue's order
/// (removed ones in the old issue's order).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IssueChanges {
    /// Items whose copy or fields changed.
    pub changed: Vec<String>,
    /// Items new in the issue (they are in the bin).
    pub added: Vec<String>,
    /// Items the issue no longer has.
    pub removed: Vec<String>,
    /// Of `removed`, the ones that stood on a page: their places are held should they come
    /// back (the others only waited in the bin).
    pub taken_off: Vec<String>,
    /// Whether the pages (numbers, sections, grids) changed.
    pub pages_changed: bool,
    /// Whether a placement went to the bin because the new issue cannot hold it (its item or
    /// page gone, its grid narrower), or a held one came back: the desk then differs from the
    /// layout file.
    pub dropped: bool,
    /// Items a reload had taken off the page, back where they stood.
    pub restored: Vec<String>,
    /// Items still in the issue whose boxes the new pages cannot hold (a grid narrower or
    /// shallower, a page gone): in the bin now, their places held should the pages come back.
    pub binned: Vec<String>,
}

/// Placements reloads took off the page (by page number, and where each stood in the page's
/// list), kept for the rest of the session.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Held(Vec<(u32, usize, Placement)>);

impl Held {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `layout` with the held placements it does not place, where each stood: what a journal
    /// keeps, so that work restored after a crash puts them back once the issue has their
    /// items again (found from outside: a story an issue reload took off was gone for good
    /// after a kill, though the copy desk put its id back).
    pub fn kept_in(&self, layout: &Layout) -> Layout {
        let back: Vec<_> = self.0.iter().filter(|(_, _, p)| !places(layout, &p.item, p.part)).cloned().collect();
        with_placements(layout, &back)
    }

    /// Takes out the held placements `issue` has the item and page for, and `layout` does not
    /// place already.
    fn take_back(&mut self, issue: &Issue, layout: &Layout) -> Vec<(u32, usize, Placement)> {
        let back = |(page, _, p): &(u32, usize, Placement)| {
            issue.item(&p.item).is_some() && issue.page(*page).is_some() && !places(layout, &p.item, p.part)
        };
        let (back, held): (Vec<_>, Vec<_>) = std::mem::take(&mut self.0).into_iter().partition(back);
        self.0 = held;
        back
    }

    /// Holds `placement`, the `index`th of page `page`, in place of any held for the same part.
    fn hold(&mut self, page: u32, index: usize, placement: Placement) {
        self.0.retain(|(_, _, p)| !(p.item == placement.item && p.part == placement.part));
        self.0.push((page, index, placement));
    }
}

/// `layout` with the placements of `back` added, each on its page where it stood in the list
/// (found from outside: a story taken out of the issue and put back came back at the end of
/// the page's list, and the desk, placed as the file, said "unsaved").
fn with_placements(layout: &Layout, back: &[(u32, usize, Placement)]) -> Layout {
    let mut wanted = layout.clone();
    let mut back = back.to_vec();
    back.sort_by_key(|(page, index, _)| (*page, *index));
    for (page, index, placement) in back {
        match wanted.pages.iter_mut().find(|p| p.number == page) {
            Some(p) => p.placements.insert(index.min(p.placements.len()), placement),
            None => wanted.pages.push(PageLayout { number: page, placements: vec![placement] }),
        }
    }
    wanted
}

/// The items of `back` that overlap a box on the desk.
fn overlapping(desk: &Makeup, back: &[(u32, usize, Placement)]) -> Vec<String> {
    use crate::problem::Problem;
    desk.page_problems()
        .into_iter()
        .filter_map(|p| match p {
            Problem::Overlap { item, other, .. } => Some([item, other]),
            _ => None,
        })
        .flatten()
        .filter(|id| back.iter().any(|(_, _, p)| &p.item == id))
        .collect()
}

/// Whether `layout` places part `part` of `item` on any page.
fn places(layout: &Layout, item: &str, part: u32) -> bool {
    layout.pages.iter().flat_map(|p| &p.placements).any(|p| p.item == item && p.part == part)
}

/// Whether `layout` places part `part` of `item` on page `page`.
fn places_on(layout: &Layout, page: u32, item: &str, part: u32) -> bool {
    layout
        .pages
        .iter()
        .filter(|p| p.number == page)
        .flat_map(|p| &p.placements)
        .any(|p| p.item == item && p.part == part)
}

impl IssueChanges {
    pub fn is_empty(&self) -> bool {
        self.changed.is_empty() && self.added.is_empty() && self.removed.is_empty() && !self.pages_changed
    }
}

/// Item by item, what `new` changed of `old`.
pub fn compare(old: &Issue, new: &Issue) -> IssueChanges {
    let before: HashMap<&str, _> = old.items.iter().map(|i| (i.id(), i)).collect();
    let after: HashMap<&str, _> = new.items.iter().map(|i| (i.id(), i)).collect();
    let mut changes = IssueChanges { pages_changed: old.pages != new.pages, ..IssueChanges::default() };
    for item in &new.items {
        match before.get(item.id()) {
            None => changes.added.push(item.id().to_string()),
            Some(was) if *was != item => changes.changed.push(item.id().to_string()),
            Some(_) => {}
        }
    }
    changes.removed = old.items.iter().filter(|i| !after.contains_key(i.id())).map(|i| i.id().to_string()).collect();
    changes
}

/// What became of a layout's boxes set on an issue that changed since it was made.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settled {
    /// Placed items the issue lacks: their places are held should they come back.
    pub taken_off: Vec<String>,
    /// Items the issue has whose boxes its pages cannot hold (a grid narrower or shallower, a
    /// page gone): in the bin, their places held should the pages hold them again.
    pub binned: Vec<String>,
    /// Items held earlier, back where they stood.
    pub restored: Vec<String>,
    /// Whether the desk places other than `layout` does.
    pub dropped: bool,
}

/// `makeup`'s layout on the `new` issue, every box set again, and what changed. Placements of
/// items the new issue lacks are left out (named in `removed`) and `held`; held ones whose item
/// is back are put back where they stood (named in `restored`).
pub fn reload(makeup: &Makeup, new: Issue, held: &mut Held) -> (Makeup, IssueChanges) {
    let mut changes = compare(makeup.issue(), &new);
    let layout = makeup.to_layout("");
    let (reloaded, settled) = settle(&layout, new, held);
    // In the old issue's order, as `removed` is.
    changes.taken_off = changes.removed.iter().filter(|id| settled.taken_off.contains(id)).cloned().collect();
    changes.binned = settled.binned;
    changes.restored = settled.restored;
    // Back on the page, not new in the bin.
    changes.added.retain(|id| !changes.restored.contains(id));
    changes.dropped = settled.dropped;
    (reloaded, changes)
}

/// Work restored from a journal onto the issue as it is now, through the reload's own
/// [`settle`]: boxes for items the issue lacks, or that its pages no longer hold (a grid
/// made narrower since the crash), go to the bin named and held, to come back where they
/// stood when the issue has them again (found from outside: a box past a narrower grid went
/// to the bin unsaid, and the next save lost it for good).
pub fn restore(journal: &Layout, issue: impl Into<Arc<Issue>>, held: &mut Held) -> (Makeup, Settled) {
    settle(journal, issue, held)
}

/// `layout` set on `issue`, with what `held` keeps put back where it stood if the place is
/// still free; what the issue cannot hold is held in turn, and named.
fn settle(layout: &Layout, issue: impl Into<Arc<Issue>>, held: &mut Held) -> (Makeup, Settled) {
    let issue: Arc<Issue> = issue.into();
    let mut back = held.take_back(&issue, layout);
    // A place taken meanwhile is not taken back (found from outside: the item came back over
    // the box placed there): such an item waits in the bin, as any new item does. Only with
    // something to put back is the issue set twice.
    let mut tried = None;
    if !back.is_empty() {
        let trial = Makeup::new(issue.clone(), &with_placements(layout, &back));
        let clashes = overlapping(&trial, &back);
        if clashes.is_empty() {
            tried = Some(trial);
        } else {
            back.retain(|(_, _, p)| !clashes.contains(&p.item));
        }
    }
    let wanted = with_placements(layout, &back);
    let desk = tried.unwrap_or_else(|| Makeup::new(issue.clone(), &wanted));
    let kept = desk.to_layout("");
    for page in &wanted.pages {
        for (index, p) in page.placements.iter().enumerate() {
            if !places_on(&kept, page.number, &p.item, p.part) {
                held.hold(page.number, index, p.clone());
            }
        }
    }
    let mut settled = Settled::default();
    // Found from outside: a grid made narrower sent boxes to the bin without a word.
    for page in &layout.pages {
        for p in page.placements.iter().filter(|p| !places_on(&kept, page.number, &p.item, p.part)) {
            let named = match issue.item(&p.item) {
                None => &mut settled.taken_off,
                Some(_) => &mut settled.binned,
            };
            if !named.contains(&p.item) {
                named.push(p.item.clone());
            }
        }
    }
    settled.restored = back
        .iter()
        .filter(|(page, _, p)| p.part == 1 && places_on(&kept, *page, &p.item, p.part))
        .map(|(_, _, p)| p.item.clone())
        .collect();
    settled.dropped = kept != *layout;
    (desk, settled)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::ron_options;
    use crate::model::{Depth, Item, Layout, PageLayout, Placement};

    fn issue(items: &str) -> Issue {
        let text = format!(
            "Issue(paper: \"太原日报\", date: \"2023-02-10\", pages: [Page(number: 1, grid: Grid(columns: 4, column_width: 10, gutter: 1, depth: 60))], items: [{items}])"
        );
        ron_options().from_str(&text).unwrap()
    }

    const A: &str = "Article(id: \"a\", headline: \"晋源区两会开幕\", body: [\"本报讯 会议开幕。\"])";
    const A2: &str = "Article(id: \"a\", headline: \"晋源区两会开幕\", body: [\"本报讯 会议开幕。代表们审议了政府工作报告，一致认为报告实事求是、催人奋进，提出的目标任务切实可行。代表们表示，要以更高标准推进生态文明建设。\"])";
    const B: &str = "Article(id: \"b\", headline: \"交警发布出行提示\", body: [\"雪天路滑。\"])";
    const C: &str = "Article(id: \"c\", headline: \"清雪除冰\", body: [\"全市出动。\"])";

    #[test]
    fn changed_added_and_removed_items_are_told_apart() {
        let old = issue(&format!("{A}, {B}"));
        let new = issue(&format!("{A2}, {C}"));
        let changes = compare(&old, &new);
        assert_eq!(changes.changed, ["a"]);
        assert_eq!(changes.added, ["c"]);
        assert_eq!(changes.removed, ["b"]);
        assert!(!changes.pages_changed);
        assert!(compare(&old, &old).is_empty());
    }

    #[test]
    fn the_layout_is_kept_and_the_changed_story_set_again() {
        let old = issue(&format!("{A}, {B}"));
        let at = |item: &str, column| Placement::new(item, column, 1, 1, Depth::Auto);
        let layout = Layout {
            issue: "i.ron".into(),
            pages: vec![PageLayout { number: 1, placements: vec![at("a", 1), at("b", 2)] }],
            conflicts: vec![],
        };
        let makeup = Makeup::new(old, &layout);
        let before = makeup.resolved(1)[0].box_depth;
        let mut held = Held::default();
        let (after, changes) = reload(&makeup, issue(&format!("{A2}, {C}")), &mut held);
        let boxes = after.resolved(1);
        assert_eq!(boxes.len(), 1, "b is gone from the page");
        assert_eq!((boxes[0].item.as_str(), boxes[0].column, boxes[0].line), ("a", 1, 1));
        assert!(boxes[0].box_depth > before, "the longer copy is set again: {} → {}", before, boxes[0].box_depth);
        assert_eq!(after.bin(), ["c"]);
        assert_eq!(changes.removed, ["b"]);
        assert!(changes.dropped, "b's placement left the page");
        assert!(matches!(after.issue().item("a"), Some(Item::Article(_))));
        // Found from outside: the story saved out of the issue and back in came back to the
        // bin, its place on the page lost. It is held, and goes back where it stood.
        let (back, changes) = reload(&after, issue(&format!("{A2}, {B}, {C}")), &mut held);
        let boxes = back.resolved(1);
        assert_eq!(boxes.iter().map(|b| (b.item.as_str(), b.column)).collect::<Vec<_>>(), [("a", 1), ("b", 2)]);
        assert_eq!(changes.restored, ["b"]);
        assert!(changes.added.is_empty(), "b is back on the page, not new in the bin");
        assert!(held.is_empty() && changes.dropped, "the desk differs from the file that lacks b");
        // A held item placed again by hand meanwhile is not put back a second time.
        let (gone, _) = reload(&back, issue(&format!("{A2}, {C}")), &mut held);
        let mut gone = gone;
        gone.place_from_bin(1, "c", 3, None).unwrap();
        let (again, changes) = reload(&gone, issue(&format!("{A2}, {B}, {C}")), &mut held);
        assert_eq!(changes.restored, ["b"]);
        assert_eq!(again.resolved(1).len(), 3);
        // Found from outside: a place taken meanwhile was taken back over the box there. The
        // item waits in the bin instead, and is not held for later.
        let (gone, _) = reload(&again, issue(&format!("{A2}, {C}")), &mut held);
        let mut gone = gone;
        let c_at = gone.resolved(1).iter().find(|b| b.item == "c").map(|b| (b.column, b.line)).unwrap();
        gone.to_bin(1, "c").unwrap();
        gone.place_from_bin(1, "c", 2, None).unwrap();
        assert_ne!(gone.resolved(1).iter().find(|b| b.item == "c").map(|b| (b.column, b.line)), Some(c_at));
        let (back, changes) = reload(&gone, issue(&format!("{A2}, {B}, {C}")), &mut held);
        assert!(changes.restored.is_empty(), "{changes:?}");
        assert_eq!(changes.added, ["b"]);
        assert!(back.bin().contains(&"b"));
        assert!(back.page_problems().is_empty(), "{:?}", back.page_problems());
        assert!(held.is_empty());
    }

    /// Found from outside: the grid made narrower sent boxes to the bin and the reload said
    /// "0 items changed, 0 new in the bin". They are named, and come back with the grid.
    #[test]
    fn boxes_the_new_grid_cannot_hold_are_named_and_held() {
        let old = issue(&format!("{A}, {B}"));
        let at = |item: &str, column| Placement::new(item, column, 1, 1, Depth::Auto);
        let layout = Layout {
            issue: "i.ron".into(),
            pages: vec![PageLayout { number: 1, placements: vec![at("a", 1), at("b", 4)] }],
            conflicts: vec![],
        };
        let makeup = Makeup::new(old.clone(), &layout);
        assert_eq!(makeup.resolved(1).len(), 2);
        let narrow = |columns: u16| {
            let mut issue = old.clone();
            issue.pages[0].grid.columns = columns;
            issue
        };
        let mut held = Held::default();
        let (after, changes) = reload(&makeup, narrow(2), &mut held);
        assert_eq!(changes.binned, ["b"]);
        assert!(changes.dropped && changes.removed.is_empty() && changes.taken_off.is_empty());
        assert_eq!(after.bin(), ["b"]);
        let (back, changes) = reload(&after, narrow(4), &mut held);
        assert_eq!(changes.restored, ["b"]);
        assert!(changes.binned.is_empty());
        assert_eq!(back.resolved(1).len(), 2);
    }

    /// Found from outside: work restored after the grid went narrower sent the box past it to
    /// the bin unsaid, and the grid put back brought nothing back; after a page was taken out
    /// of the issue, its box was said to be "not in the issue now", though its item was. A
    /// restore holds and names them as the reload does.
    #[test]
    fn restored_boxes_the_issue_cannot_hold_now_are_named_and_held_as_a_reload_holds_them() {
        let four = issue(&format!("{A}, {B}"));
        let at = |item: &str, column| Placement::new(item, column, 1, 1, Depth::Auto);
        let journal = Layout {
            issue: "i.ron".into(),
            pages: vec![PageLayout { number: 1, placements: vec![at("a", 1), at("b", 3), at("c", 4)] }],
            conflicts: vec![],
        };
        let mut two = four.clone();
        two.pages[0].grid.columns = 2;
        let mut held = Held::default();
        let (desk, settled) = restore(&journal, two, &mut held);
        assert_eq!(settled.binned, ["b"], "the grid no longer holds column 3");
        assert_eq!(settled.taken_off, ["c"], "c is not in the issue");
        assert!(settled.restored.is_empty());
        assert_eq!(desk.resolved(1).len(), 1);
        assert_eq!(desk.bin(), ["b"]);
        assert!(!held.is_empty());
        // The work journalled again keeps them where they stood.
        let journalled = held.kept_in(&desk.to_layout("i.ron"));
        assert_eq!(journalled.pages[0].placements, journal.pages[0].placements);
        // The grid back: b where it stood, as after any reload.
        let (back, changes) = reload(&desk, four.clone(), &mut held);
        assert_eq!(changes.restored, ["b"]);
        assert_eq!(
            back.resolved(1).iter().map(|b| (b.item.as_str(), b.column)).collect::<Vec<_>>(),
            [("a", 1), ("b", 3)]
        );

        // A page gone: its boxes' items are in the issue, in the bin, not "not in the issue".
        let mut no_page = four.clone();
        no_page.pages[0].number = 2;
        let mut held = Held::default();
        let (desk, settled) = restore(&journal, no_page, &mut held);
        assert_eq!(settled.binned, ["a", "b"]);
        assert_eq!(settled.taken_off, ["c"]);
        assert_eq!(desk.bin(), ["a", "b"]);
        let (back, changes) = reload(&desk, four, &mut held);
        assert_eq!(changes.restored, ["a", "b"]);
        assert_eq!(back.resolved(1).len(), 2);
    }
}
