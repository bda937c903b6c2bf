//! Properties of the layout merge: taking one side is that side, the merge is symmetric when
//! clean, and a clean merge never makes two boxes overlap that neither side had overlapping.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "a test fails loudly")]

mod layout_support;

use std::collections::BTreeSet;

use layout_support::small_issue;
use pasteup_core::catalogue::{Render, UiLang};
use pasteup_core::format::{check_settings, to_ron_string};
use pasteup_core::layout::Makeup;
use pasteup_core::merge::{merge, merge_checked};
use pasteup_core::model::{Depth, Issue, Layout, PageLayout, Placement};
use pasteup_core::problem::Problem;
use proptest::prelude::*;

const ITEMS: [&str; 12] = ["a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "p0", "p1", "n0"];

/// Where one item stands: page, column, span, line, fixed depth — or the bin.
type Spot = Option<(u32, u16, u16, u32, u32)>;

fn spot() -> impl Strategy<Value = Spot> {
    prop_oneof![
        1 => Just(None),
        3 => (1u32..=2, 1u16..=8, 1u16..=3, 1u32..=90, 5u32..=30)
            .prop_map(|(page, column, span, line, depth)| Some((page, column.min(9 - span), span, line, depth))),
    ]
}

/// A side: each item keeps its base spot or takes a new one.
fn edit(base: Vec<Spot>) -> impl Strategy<Value = Vec<Spot>> {
    let n = base.len();
    (proptest::collection::vec((any::<bool>(), spot()), n))
        .prop_map(move |changes| base.iter().zip(changes).map(|(b, (keep, new))| if keep { *b } else { new }).collect())
}

fn layout(spots: &[Spot]) -> Layout {
    let mut pages = vec![PageLayout { number: 1, placements: vec![] }, PageLayout { number: 2, placements: vec![] }];
    for (item, s) in ITEMS.iter().zip(spots) {
        if let Some((page, column, span, line, depth)) = *s {
            pages[page as usize - 1].placements.push(Placement::new(
                item.to_string(),
                column,
                span,
                line,
                Depth::Fixed(depth),
            ));
        }
    }
    Layout { issue: "small.ron".into(), pages, conflicts: Vec::new() }
}

fn three() -> impl Strategy<Value = (Layout, Layout, Layout)> {
    proptest::collection::vec(spot(), ITEMS.len())
        .prop_flat_map(|base| (Just(base.clone()), edit(base.clone()), edit(base)))
        .prop_map(|(b, x, y)| (layout(&b), layout(&x), layout(&y)))
}

fn placements(l: &Layout) -> BTreeSet<(u32, String, u16, u16, u32, String)> {
    l.pages
        .iter()
        .flat_map(|p| {
            p.placements.iter().map(|q| (p.number, q.item.clone(), q.column, q.span, q.line, format!("{:?}", q.depth)))
        })
        .collect()
}

fn overlaps(issue: &Issue, l: &Layout) -> BTreeSet<(String, String)> {
    let makeup = Makeup::new(issue.clone(), l);
    let mut out = BTreeSet::new();
    for page in &issue.pages {
        let boxes = makeup.resolved(page.number);
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                let columns = a.column < b.column + b.span && b.column < a.column + a.span;
                let lines = a.line < b.line + b.box_depth && b.line < a.line + a.box_depth;
                if columns && lines {
                    out.insert((a.item.clone().min(b.item.clone()), a.item.clone().max(b.item.clone())));
                }
            }
        }
    }
    out
}

/// The parts of article `a7` on one side: page, column, line, depth (the last may be Auto)
/// and cut of each, parts numbered from 1; none in the bin.
type Parts = Vec<(u32, u16, u32, Depth, u32)>;

fn part() -> impl Strategy<Value = (u32, u16, u32, Depth, u32)> {
    let depth = prop_oneof![Just(Depth::Auto), (5u32..=30).prop_map(Depth::Fixed)];
    (1u32..=2, 1u16..=7, 1u32..=60, depth, 0u32..=3)
}

/// Every part but the last at a fixed depth, as a layout that loads has them.
fn fixed_but_last(mut parts: Parts) -> Parts {
    let n = parts.len();
    for p in parts.iter_mut().take(n.saturating_sub(1)) {
        if p.3 == Depth::Auto {
            p.3 = Depth::Fixed(20);
        }
    }
    parts
}

fn parts() -> impl Strategy<Value = Parts> {
    proptest::collection::vec(part(), 0..=3).prop_map(fixed_but_last)
}

/// A side's parts from the base's: each part kept or changed, and one more part added or the
/// last taken away.
fn edit_parts(base: Parts) -> impl Strategy<Value = Parts> {
    let n = base.len();
    (proptest::collection::vec((any::<bool>(), part()), n), 0..3u8, part()).prop_map(move |(changes, end, extra)| {
        let mut parts: Parts = base.iter().zip(changes).map(|(b, (keep, new))| if keep { *b } else { new }).collect();
        match end {
            1 if parts.len() < 3 => parts.push(extra),
            2 => {
                parts.pop();
            }
            _ => {}
        }
        fixed_but_last(parts)
    })
}

/// A side with `a7` in parts (edited from the base's parts or kept).
fn with_parts(spots: &[Spot], parts: &Parts) -> Layout {
    let spots: Vec<Spot> = ITEMS.iter().zip(spots).map(|(item, s)| if *item == "a7" { None } else { *s }).collect();
    let mut l = layout(&spots);
    for (k, &(page, column, line, depth, cut)) in parts.iter().enumerate() {
        let p = Placement { part: k as u32 + 1, cut, ..Placement::new("a7", column, 2, line, depth) };
        l.pages[page as usize - 1].placements.push(p);
    }
    l
}

fn loads(l: &Layout) -> bool {
    let text = to_ron_string(l);
    check_settings(&small_issue(), l, &text, std::path::Path::new("m.layout.ron")).is_ok()
}

fn three_with_parts() -> impl Strategy<Value = (Layout, Layout, Layout)> {
    (three(), parts())
        .prop_flat_map(|(sides, base)| (Just(sides), Just(base.clone()), edit_parts(base.clone()), edit_parts(base)))
        .prop_map(|((b, x, y), pb, px, py)| {
            let spots = |l: &Layout| -> Vec<Spot> {
                ITEMS
                    .iter()
                    .map(|item| {
                        l.pages.iter().find_map(|p| {
                            let q = p.placements.iter().find(|q| q.item == *item)?;
                            let Depth::Fixed(d) = q.depth else { return None };
                            Some((p.number, q.column, q.span, q.line, d))
                        })
                    })
                    .collect()
            };
            (with_parts(&spots(&b), &pb), with_parts(&spots(&x), &px), with_parts(&spots(&y), &py))
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Found from outside: one side continued an article, the other set part 1 to Auto, and
    /// the clean merge would not load. Whatever the sides, a merge of layouts that load loads.
    #[test]
    fn a_merge_of_layouts_that_load_loads((base, x, y) in three_with_parts()) {
        prop_assume!(loads(&base) && loads(&x) && loads(&y));
        let merged = merge(&base, &x, &y);
        prop_assert!(loads(&merged), "{}", to_ron_string(&merged));
    }

    #[test]
    fn merging_with_an_unchanged_side_gives_the_other((base, x, _) in three()) {
        prop_assert_eq!(merge(&base, &x, &base), x.clone());
        prop_assert_eq!(placements(&merge(&base, &base, &x)), placements(&x));
    }

    #[test]
    fn a_clean_merge_is_the_same_either_way_round((base, x, y) in three()) {
        let xy = merge(&base, &x, &y);
        let yx = merge(&base, &y, &x);
        prop_assert_eq!(xy.conflicts.is_empty(), yx.conflicts.is_empty());
        if xy.conflicts.is_empty() {
            prop_assert_eq!(placements(&xy), placements(&yx));
        }
    }

    /// The Chinese interface reads the notes a merge writes (kept in English in the file) by
    /// their shape: every note the merge writes is one it knows, so none is quoted in English.
    #[test]
    fn every_note_a_merge_writes_is_said_in_chinese((base, x, y) in three_with_parts()) {
        let merged = merge_checked(&small_issue(), None, &base, &x, &y);
        for c in &merged.conflicts {
            let problem = Problem::MergeConflict { page: 1, item: c.item.clone(), note: c.note.clone() };
            let zh = problem.render(UiLang::ZhHans);
            prop_assert!(!zh.contains(&c.note) && !zh.contains("page ") && !zh.contains("span "), "{}", zh);
        }
    }

    #[test]
    fn a_clean_merge_never_makes_an_overlap((base, x, y) in three()) {
        let issue = small_issue();
        let merged = merge_checked(&issue, None, &base, &x, &y);
        if merged.conflicts.is_empty() {
            let had: BTreeSet<_> = overlaps(&issue, &x).union(&overlaps(&issue, &y)).cloned().collect();
            let new: Vec<_> = overlaps(&issue, &merged).difference(&had).cloned().collect();
            prop_assert!(new.is_empty(), "the merge made {:?} overlap", new);
        }
    }
}
