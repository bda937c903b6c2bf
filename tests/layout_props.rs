//! Property tests: any sequence of operations keeps every invariant, and undoing them all
//! returns the starting state.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "a test fails loudly")]

mod layout_support;

use std::collections::HashSet;

use layout_support::{sample_issue, small_issue};
use pasteup_core::fit::set_item;
use pasteup_core::layout::{Makeup, Op, Slot, Target};
use pasteup_core::model::{Issue, Layout};
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
