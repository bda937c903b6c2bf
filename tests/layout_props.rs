//! Property tests: any sequence of operations keeps every invariant, and undoing them all
//! returns the starting state; with copyfit and parts among them, every layout the desk
//! holds saves and loads again as it was.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "a test fails loudly")]

mod layout_support;

use std::collections::HashSet;

use layout_support::{sample_issue, small_issue};
use pasteup_core::fit::set_item;
use pasteup_core::format::{check_layout, check_settings, load_layout, save_layout};
use pasteup_core::layout::{Makeup, Op, Slot, Target};
use pasteup_core::model::{Depth, Issue, Layout, PageLayout, Placement};
use proptest::prelude::*;

/// An operation drawn at random, bound to the desk's state when it is applied (so most of
/// them act on an item where it actually stands).
#[derive(Debug, Clone)]
struct Draw {
    kind: u8,
    item: usize,
    a: u16,
    b: u16,
}

fn draw() -> impl Strategy<Value = Draw> {
    (0u8..22, 0usize..1000, 0u16..16, 0u16..120).prop_map(|(kind, item, a, b)| Draw { kind, item, a, b })
}

fn bind(desk: &Makeup, d: &Draw) -> Op {
    let issue = desk.issue();
    let item = issue.items[d.item % issue.items.len()].id().to_string();
    let pages: Vec<u32> = issue.pages.iter().map(|p| p.number).collect();
    let other = pages[usize::from(d.a) % pages.len()];
    let page = desk.placement_of(&item).map(|(p, _)| p).unwrap_or(other);
    let step = if d.b.is_multiple_of(2) { 1 } else { -1 };
    match d.kind {
        0 | 1 => Op::Place {
            page,
            item,
            column: d.a % 9 + 1,
            span: d.b.is_multiple_of(3).then_some(d.b % 4 + 1),
            line: d.b.is_multiple_of(2).then_some(u32::from(d.b)),
        },
        2 => Op::MoveBy { page, item, dcol: step, dline: 0 },
        3 => Op::MoveBy { page, item, dcol: 0, dline: i64::from(step) },
        4 => Op::MoveBy { page, item, dcol: 0, dline: i64::from(d.b % 30) - 15 },
        5 => Op::ToSlot { page, item, slot: if step > 0 { Slot::Next } else { Slot::Previous } },
        6 | 7 => Op::SpanBy { page, item, delta: step },
        8 => Op::DepthBy { page, item, delta: i64::from(step) * i64::from(d.a % 4 + 1) },
        9 => Op::SetAuto { page, item },
        10 => Op::ToBin { page, item },
        11 => Op::ToPage { page, item, to: other },
        12 => Op::Undo,
        13 => Op::Redo,
        14 => Op::JumpUp { page, item },
        15 => Op::JumpDown { page, item },
        16 => Op::PullUp { page },
        17 => Op::CutOut { page, item },
        // A count before a move: `12K`, `3L`.
        18 => Op::MoveBy {
            page,
            item,
            dcol: step * i32::from(d.a % 3 + 1),
            dline: i64::from(step) * i64::from(d.b % 13 + 1),
        },
        19 => Op::PlaceFromBin {
            page,
            item,
            from: d.a % 9 + 1,
            under: desk.placements(page).get(usize::from(d.b) % 7).map(|p| p.item.clone()),
        },
        _ => Op::Put {
            page,
            item,
            to: Target {
                column: (!d.a.is_multiple_of(3)).then_some(d.a % 9 + 1),
                line: d.b.is_multiple_of(2).then_some(u32::from(d.b)),
                span: d.b.is_multiple_of(3).then_some(d.a % 4 + 1),
            },
        },
    }
}

/// Every invariant of a desk.
fn check(desk: &Makeup) -> Result<(), TestCaseError> {
    let issue = desk.issue();
    let mut seen = HashSet::new();
    for page in &issue.pages {
        let boxes = desk.resolved(page.number);
        for (i, a) in boxes.iter().enumerate() {
            prop_assert!(seen.insert(a.item.clone()), "{} placed twice", a.item);
            prop_assert!(
                a.column >= 1 && a.span >= 1 && a.column + a.span - 1 <= page.grid.columns,
                "{a:?} off the grid"
            );
            prop_assert!(a.line >= 1);
            let fresh = set_item(issue.item(&a.item).unwrap(), &page.grid, issue.language, a.span);
            prop_assert_eq!(fresh.fit(a.depth), a.fit, "stale fit for {}", &a.item);
            prop_assert_eq!(fresh.box_depth(a.depth), a.box_depth);
            for b in &boxes[i + 1..] {
                let columns = a.column < b.column + b.span && b.column < a.column + a.span;
                let lines = a.line < b.line + b.box_depth && b.line < a.line + a.box_depth;
                prop_assert!(!(columns && lines), "{} and {} overlap on page {}", a.item, b.item, page.number);
            }
        }
    }
    for id in desk.bin() {
        prop_assert!(seen.insert(id.to_string()), "{id} both placed and in the bin");
    }
    prop_assert_eq!(seen.len(), issue.items.len(), "every item exactly once");
    Ok(())
}

/// A desk with about half the items placed, with an empty history.
fn start(issue: &Issue) -> Makeup {
    let empty = Layout { issue: "t.ron".into(), pages: Vec::new(), conflicts: Vec::new() };
    let mut desk = Makeup::new(issue.clone(), &empty);
    let pages: Vec<u32> = issue.pages.iter().map(|p| p.number).collect();
    let ids: Vec<String> = issue.items.iter().map(|i| i.id().to_string()).collect();
    for (i, id) in ids.iter().enumerate().filter(|(i, _)| i % 2 == 0) {
        let _ = desk.place(pages[i % pages.len()], id, (i % 7) as u16 + 1, None, None);
    }
    Makeup::new(issue.clone(), &desk.to_layout("t.ron"))
}

fn run(issue: &Issue, draws: &[Draw]) -> Result<(), TestCaseError> {
    let mut desk = start(issue);
    let before = desk.to_layout("t.ron");
    check(&desk)?;
    let mut done = 0;
    for d in draws {
        let op = bind(&desk, d);
        let was = desk.to_layout("t.ron");
        match desk.apply(&op) {
            Ok(_) => done += 1,
            Err(refusal) => {
                prop_assert!(!refusal.to_string().is_empty());
                prop_assert_eq!(desk.to_layout("t.ron"), was, "a refusal changed the desk: {:?}", op);
            }
        }
        check(&desk)?;
    }
    prop_assert!(done * 4 > draws.len(), "only {done} of {} operations were done", draws.len());
    while desk.undo().is_ok() {}
    prop_assert_eq!(desk.to_layout("t.ron"), before, "undoing everything returns the start");
    check(&desk)?;
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn any_300_operations_keep_the_invariants(draws in prop::collection::vec(draw(), 300)) {
        run(&small_issue(), &draws)?;
        if let Some(sample) = sample_issue() {
            run(&sample, &draws)?;
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1, ..ProptestConfig::default() })]

    #[test]
    fn a_1000_operation_session_keeps_the_invariants(draws in prop::collection::vec(draw(), 1000)) {
        run(&small_issue(), &draws)?;
        if let Some(sample) = sample_issue() {
            run(&sample, &draws)?;
        }
    }
}

/// [`bind`], with copyfit and parts among the operations: most of these act on a part of
/// the item where it stands (continued, cut, made deeper or shallower, set to Auto, sent to
/// the bin or to another page).
fn bind_copyfit(desk: &Makeup, d: &Draw) -> Op {
    if d.kind < 22 {
        return bind(desk, d);
    }
    let issue = desk.issue();
    // Half the time an article continued in parts, placed or waiting, if there is one.
    let continued: Vec<&str> = issue
        .items
        .iter()
        .map(|i| i.id())
        .filter(|id| desk.parts_of(id).len() + desk.waiting_parts(id).len() > 1)
        .collect();
    let item = match continued.get(d.item % continued.len().max(1)) {
        Some(id) if d.item.is_multiple_of(2) => id.to_string(),
        _ => issue.items[d.item % issue.items.len()].id().to_string(),
    };
    let parts = desk.parts_of(&item);
    let (part, page) = parts.get(usize::from(d.a) % parts.len().max(1)).copied().unwrap_or((1, issue.pages[0].number));
    let other = issue.pages[usize::from(d.b) % issue.pages.len()].number;
    match d.kind {
        22..=25 => Op::ContinuePart { page, item, part },
        26 => Op::SetCut { page, item, part, cut: u32::from(d.b % 4) },
        27 => Op::SetHeadSize { page, item, part, size: Some(d.a % 5 + 1) },
        28 => Op::DepthBy { page, item, delta: -i64::from(d.b % 20 + 1) },
        29 | 30 => Op::SetAuto { page, item },
        31 => Op::ToBin { page, item },
        32 => Op::ToPage { page, item, to: other },
        33 => Op::Place { page: other, item, column: d.a % 8 + 1, span: None, line: None },
        _ => Op::PlaceFromBin { page: other, item, from: d.a % 8 + 1, under: None },
    }
}

fn copyfit_draw() -> impl Strategy<Value = Draw> {
    (0u8..35, 0usize..1000, 0u16..16, 0u16..120).prop_map(|(kind, item, a, b)| Draw { kind, item, a, b })
}

/// The desk's layout saved with `format::save` loads again without error, as it was.
fn saves_and_loads(desk: &Makeup, dir: &std::path::Path, op: &Op) -> Result<(), TestCaseError> {
    let path = dir.join("t.layout.ron");
    let layout = desk.to_layout("t.ron");
    save_layout(&path, &layout).unwrap();
    let (read, src) = load_layout(&path).unwrap();
    let loaded = check_settings(desk.issue(), &read, &src, &path);
    prop_assert!(loaded.is_ok(), "after {op:?} the saved layout does not load: {:?}", loaded.err());
    let report = check_layout(desk.issue(), &read, &src, &path);
    prop_assert!(report.problems.is_empty(), "after {op:?}: {:?}", report.problems);
    let again = Makeup::new(desk.issue().clone(), &report.layout);
    prop_assert_eq!(again.to_layout("t.ron"), layout, "after {:?} the layout loads otherwise", op);
    // The bin too: a part waiting there after `t` was once saved as nothing at all.
    let waiting = |d: &Makeup| d.bin().iter().map(|id| (id.to_string(), d.waiting_parts(id))).collect::<Vec<_>>();
    prop_assert_eq!(waiting(&again), waiting(desk), "after {:?} the bin reads back otherwise", op);
    Ok(())
}

/// [`start`], with a6 continued from page 1 (20 lines deep) to part 2 on page 2, so that
/// every run has parts to work on from its first step.
fn start_with_parts(issue: &Issue) -> Makeup {
    let mut desk = start(issue);
    let (page, _) = desk.placement_of("a6").unwrap();
    desk.set_depth(page, "a6", Depth::Fixed(20)).unwrap();
    desk.continue_part(page, "a6", 1).unwrap();
    desk.place_from_bin(2, "a6", 1, None).unwrap();
    assert_eq!(desk.parts_of("a6"), [(1, page), (2, 2)]);
    desk
}

fn run_saving(issue: &Issue, draws: &[Draw]) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = start_with_parts(issue);
    for d in draws {
        let op = bind_copyfit(&desk, d);
        let _ = desk.apply(&op);
        saves_and_loads(&desk, dir.path(), &op)?;
    }
    while desk.undo().is_ok() {
        saves_and_loads(&desk, dir.path(), &Op::Undo)?;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    /// Parts continued, placed, moved, sent back and set to Auto in any order, and undone:
    /// the layout saved after every step loads again (no part another part follows at
    /// `depth: Auto`, no part numbered with a gap).
    #[test]
    fn any_150_operations_with_parts_save_and_load_again(draws in prop::collection::vec(copyfit_draw(), 150)) {
        run_saving(&small_issue(), &draws)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// A count repeats the key: a move down of n lines leaves the page as n moves of one
    /// line would, whenever each of those is allowed.
    #[test]
    fn a_move_down_of_n_lines_is_n_moves_of_one(item in 0usize..1000, n in 2i64..120) {
        let issue = sample_issue().unwrap_or_else(small_issue);
        let mut by_one = start(&issue);
        let placed: Vec<(u32, String)> = issue
            .items
            .iter()
            .filter_map(|i| by_one.placement_of(i.id()).map(|(page, _)| (page, i.id().to_string())))
            .collect();
        let (page, id) = placed[item % placed.len()].clone();
        let mut at_once = start(&issue);
        let mut allowed = true;
        for _ in 0..n {
            allowed &= by_one.move_by(page, &id, 0, 1).is_ok();
        }
        prop_assume!(allowed);
        at_once.move_by(page, &id, 0, n).unwrap();
        prop_assert_eq!(at_once.to_layout("t.ron"), by_one.to_layout("t.ron"));
    }
}

/// A page written with overlaps, as a hand-edited layout or a lengthened story leaves it:
/// each box's column, span, line and depth (0: `Auto`).
fn overlapping_page() -> impl Strategy<Value = Vec<(u16, u16, u32, u32)>> {
    prop::collection::vec((1u16..9, 1u16..4, 1u32..60, 0u32..30), 2..9)
}

/// A step that pushes, never moving its box up: down, across, a span or depth, `:line`.
fn pushing_step(page: u32, item: String, kind: u8, by: u16, line: u32) -> Op {
    let step = if by.is_multiple_of(2) { 1 } else { -1 };
    match kind {
        0 => Op::MoveBy { page, item, dcol: 0, dline: i64::from(by % 5 + 1) },
        1 => Op::MoveBy { page, item, dcol: step, dline: 0 },
        2 => Op::SpanBy { page, item, delta: step },
        3 => Op::DepthBy { page, item, delta: i64::from(step) * i64::from(by % 6 + 1) },
        _ => Op::Put { page, item, to: Target { line: Some(line + u32::from(by % 5)), ..Target::default() } },
    }
}

/// The lines the boxes (column, span, line, depth) settle at taken top-down, none held: where
/// the page's own overlaps put them.
fn settled_top_down(boxes: &[(u16, u16, u32, u32)]) -> Vec<u32> {
    let meets = |a: (u16, u16, u32, u32), b: (u16, u16, u32, u32)| {
        a.0 < b.0 + b.1 && b.0 < a.0 + a.1 && a.2 < b.2 + b.3 && b.2 < a.2 + a.3
    };
    let mut order: Vec<usize> = (0..boxes.len()).collect();
    order.sort_by_key(|&i| (boxes[i].2, boxes[i].0, i));
    let mut lines: Vec<u32> = boxes.iter().map(|b| b.2).collect();
    let mut settled: Vec<usize> = Vec::new();
    for i in order {
        let me = |line| (boxes[i].0, boxes[i].1, line, boxes[i].3);
        while let Some(below) = settled
            .iter()
            .map(|&s| (boxes[s].0, boxes[s].1, lines[s], boxes[s].3))
            .filter(|&s| meets(s, me(lines[i])))
            .map(|s| s.2 + s.3)
            .max()
        {
            lines[i] = below;
        }
        settled.push(i);
    }
    lines
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// Found from outside: with two boxes overlapping already, `J` on the lower one pushed
    /// the upper one under it. A step on a box of a page with overlaps leaves none, and each
    /// box it overlapped already, standing above it, ends where the page's own overlaps
    /// settle it, as if the step had not been: never pushed by the box under it.
    #[test]
    fn a_step_over_an_overlap_never_pushes_the_box_above_under_its_own(
        page in overlapping_page(), pick in 0usize..100, kind in 0u8..5, by in 0u16..60,
    ) {
        let issue = small_issue();
        let placements = page.iter().zip(&issue.items).map(|(&(column, span, line, depth), item)| {
            let depth = if depth == 0 { Depth::Auto } else { Depth::Fixed(depth) };
            Placement::new(item.id(), column, span.min(9 - column), line, depth)
        });
        let layout = Layout {
            issue: "t.ron".into(),
            pages: vec![PageLayout { number: 1, placements: placements.collect() }],
            conflicts: Vec::new(),
        };
        let mut desk = Makeup::new(issue.clone(), &layout);
        let before: Vec<(u16, u16, u32, u32)> =
            desk.resolved(1).iter().map(|b| (b.column, b.span, b.line, b.box_depth)).collect();
        let meets = |a: (u16, u16, u32, u32), b: (u16, u16, u32, u32)| {
            a.0 < b.0 + b.1 && b.0 < a.0 + a.1 && a.2 < b.2 + b.3 && b.2 < a.2 + a.3
        };
        let above = |k: usize| -> Vec<usize> {
            (0..before.len()).filter(|&i| before[i].2 < before[k].2 && meets(before[i], before[k])).collect()
        };
        // Most often the lower box of an overlap.
        let lower: Vec<usize> = (0..before.len()).filter(|&k| !above(k).is_empty()).collect();
        let k = lower.get(pick % lower.len().max(1)).copied().filter(|_| pick % 4 != 0).unwrap_or(pick % before.len());
        let ids: Vec<String> = desk.resolved(1).iter().map(|b| b.item.clone()).collect();
        let own = settled_top_down(&before);
        if desk.apply(&pushing_step(1, ids[k].clone(), kind, by, before[k].2)).is_err() {
            return Ok(());
        }
        check(&desk)?;
        let after = desk.resolved(1);
        for i in above(k) {
            let now = after.iter().find(|b| b.item == ids[i]).unwrap().line;
            prop_assert_eq!(now, own[i], "{} stood above {} ({:?}): moved", &ids[i], &ids[k], before);
        }
    }
}
