//! Each editor operation with exact coordinates before and after.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "a test fails loudly")]

mod layout_support;

use layout_support::{at, desk, small_issue, where_is};
use pasteup_core::fit::set_item;
use pasteup_core::layout::{Makeup, Motion, Op, Refusal, Slot};
use pasteup_core::model::{Depth, Layout, PageLayout, Placement};
use pasteup_core::problem::ProblemKind;

#[test]
fn move_right_pushes_a_chain_down() {
    let mut d = desk(vec![at("a0", 1, 2, 1, 10), at("a1", 3, 1, 5, 10), at("a2", 3, 2, 15, 10), at("a3", 4, 1, 30, 5)]);
    let out = d.move_by(1, "a0", 1, 0).unwrap();
    assert_eq!(where_is(&d, "a0"), (2, 2, 1));
    assert_eq!(where_is(&d, "a1"), (3, 1, 11));
    assert_eq!(where_is(&d, "a2"), (3, 2, 21));
    assert_eq!(where_is(&d, "a3"), (4, 1, 31));
    assert_eq!(out.pushed_items(), ["a1", "a2", "a3"]);
    assert!(out.over_foot.is_empty());
}

/// Found from outside: after `r` rewrote a headline, refusals still named the box by the
/// issue's headline, which the page no longer shows.
#[test]
fn refusals_name_a_box_by_the_headline_it_shows() {
    let mut d = desk(vec![at("a0", 1, 2, 1, 10), at("a1", 1, 1, 13, 5)]);
    d.set_headline(1, "a0", 1, Some("青山绿水".into())).unwrap();
    let no = d.move_by(1, "a1", 0, -5).unwrap_err();
    assert!(matches!(&no, Refusal::InTheWay { other, .. } if other == "青山绿水"), "{no:?}");
    d.set_headline(1, "a0", 1, None).unwrap();
    let no = d.move_by(1, "a1", 0, -5).unwrap_err();
    assert!(matches!(&no, Refusal::InTheWay { other, .. } if other == "守护青山绿水 增进民生福祉"), "{no:?}");
}

#[test]
fn move_left_keeps_boxes_out_of_the_way_alone() {
    let mut d = desk(vec![at("a0", 3, 1, 1, 10), at("a1", 1, 1, 11, 10), at("a2", 5, 1, 1, 10)]);
    let out = d.move_by(1, "a0", -1, 0).unwrap();
    assert_eq!(where_is(&d, "a0"), (2, 1, 1));
    assert_eq!((where_is(&d, "a1"), where_is(&d, "a2")), ((1, 1, 11), (5, 1, 1)));
    assert!(out.pushed.is_empty());
}

#[test]
fn moves_that_leave_the_grid_are_refused() {
    let mut d = desk(vec![at("a2", 7, 2, 1, 10), at("a1", 1, 1, 1, 10)]);
    let before = d.to_layout("x");
    let no = d.move_by(1, "a2", 1, 0).unwrap_err();
    let right = Motion::By { across: 1, down: 0 };
    assert_eq!(no, Refusal::LeavesGrid { name: "交警发布出行提示".into(), motion: right, columns: 8 });
    let no = d.move_by(1, "a1", -1, 0).unwrap_err();
    assert!(matches!(no, Refusal::LeavesGrid { motion: Motion::By { across: -1, down: 0 }, columns: 8, .. }), "{no:?}");
    assert_eq!(d.to_layout("x"), before);
    assert!(!d.can_undo(), "a refusal records nothing");
}

#[test]
fn move_up_stops_at_the_box_above_and_at_line_one() {
    let mut d = desk(vec![at("a0", 1, 2, 1, 10), at("a1", 2, 1, 13, 5)]);
    d.move_by(1, "a1", 0, -1).unwrap();
    d.move_by(1, "a1", 0, -1).unwrap();
    assert_eq!(where_is(&d, "a1"), (2, 1, 11));
    let no = d.move_by(1, "a1", 0, -1).unwrap_err();
    assert!(matches!(&no, Refusal::InTheWay { other, .. } if other == "守护青山绿水 增进民生福祉"), "{no:?}");
    assert_eq!(where_is(&d, "a0"), (1, 2, 1), "the box above is never pushed");
    let no = d.move_by(1, "a0", 0, -1).unwrap_err();
    assert!(matches!(no, Refusal::AtTop { motion: Motion::By { across: 0, down: -1 }, .. }), "{no:?}");
    // A jump of several lines may not pass through a box either.
    let mut d = desk(vec![at("a0", 1, 1, 5, 2), at("a1", 1, 1, 20, 5)]);
    assert!(d.move_by(1, "a1", 0, -18).is_err());
    d.move_by(1, "a1", 0, -13).unwrap();
    assert_eq!(where_is(&d, "a1"), (1, 1, 7));
}

/// Found from outside: `60J` moved a story 60 lines down in one jump, past the box below it
/// (the two swapped places, nothing was pushed) and `60K` was then refused. A count repeats
/// the key: the box below is pushed ahead, as sixty `J`s would.
#[test]
fn a_move_down_by_many_lines_pushes_the_boxes_on_its_way_as_single_moves_would() {
    let boxes = vec![at("a0", 1, 2, 1, 10), at("a1", 1, 1, 20, 10), at("a2", 2, 1, 40, 5), at("a3", 3, 1, 12, 5)];
    let mut by_one = desk(boxes.clone());
    let mut pushed_by_one = Vec::new();
    for _ in 0..30 {
        pushed_by_one.extend(by_one.move_by(1, "a0", 0, 1).unwrap().pushed);
    }
    let mut at_once = desk(boxes);
    let out = at_once.move_by(1, "a0", 0, 30).unwrap();
    assert_eq!(where_is(&at_once, "a0"), (1, 2, 31));
    assert_eq!(where_is(&at_once, "a1"), (1, 1, 41), "pushed ahead, not jumped over");
    assert_eq!(where_is(&at_once, "a2"), (2, 1, 41), "the wide box pushes its second column too");
    assert_eq!(where_is(&at_once, "a3"), (3, 1, 12), "a box in no column of the way stays");
    assert_eq!(at_once.to_layout("x"), by_one.to_layout("x"));
    pushed_by_one.sort();
    pushed_by_one.dedup();
    assert_eq!(out.pushed, pushed_by_one);
    at_once.undo().unwrap();
    assert_eq!(where_is(&at_once, "a1"), (1, 1, 20), "one undo step");
    assert_eq!(at_once.move_by(1, "a0", 0, 30).unwrap().pushed_items(), ["a1", "a2"]);
    at_once.move_by(1, "a0", 0, -30).unwrap();
    assert_eq!(where_is(&at_once, "a0"), (1, 2, 1), "and the count back up is not refused");
    // Found in review: a move across and down by many lines lost the move across.
    at_once.move_by(1, "a0", 2, 5).unwrap();
    assert_eq!(where_is(&at_once, "a0"), (3, 2, 6));
}

/// Found from outside: from line 33, `60K` was refused as "at the top of the page", and a
/// count up named a box further up than the one the moved box would meet first.
#[test]
fn a_count_up_goes_as_far_as_line_1_and_names_the_nearest_box_in_the_way() {
    let mut d = desk(vec![at("a0", 1, 1, 33, 10)]);
    d.move_by(1, "a0", 0, -60).unwrap();
    assert_eq!(where_is(&d, "a0"), (1, 1, 1));
    assert!(matches!(d.move_by(1, "a0", 0, -60), Err(Refusal::AtTop { .. })));
    let mut d = desk(vec![at("a0", 1, 2, 1, 10), at("a1", 1, 2, 20, 5), at("a2", 2, 1, 61, 10)]);
    let no = d.move_by(1, "a2", 0, -60).unwrap_err();
    let a1 = d.issue().item("a1").unwrap().title().to_string();
    assert!(a1.chars().count() <= 16, "a name shown whole");
    assert!(matches!(&no, Refusal::InTheWay { other, .. } if *other == a1), "the nearer box, a1: {no:?}");
}

/// Found from outside: `100J` from line 1 was refused whole ("would start below the foot"),
/// where a hundred `J`s took the box to line 100, the last refused.
#[test]
fn a_count_down_goes_as_far_as_the_last_line_as_that_many_moves_would() {
    let mut d = desk(vec![at("a0", 1, 1, 1, 10)]);
    d.move_by(1, "a0", 0, 100).unwrap();
    assert_eq!(where_is(&d, "a0"), (1, 1, 100));
    let mut one_by_one = desk(vec![at("a0", 1, 1, 1, 10)]);
    let moved = (0..100).filter(|_| one_by_one.move_by(1, "a0", 0, 1).is_ok()).count();
    assert_eq!((moved, where_is(&one_by_one, "a0")), (99, (1, 1, 100)));
    assert!(matches!(d.move_by(1, "a0", 0, 5), Err(Refusal::BelowFoot { foot: 100, .. })));
}

#[test]
fn move_down_pushes_and_reports_over_the_foot() {
    let mut d = desk(vec![at("a0", 1, 1, 1, 60), at("a1", 1, 2, 61, 40), at("a2", 2, 1, 1, 10)]);
    let out = d.move_by(1, "a0", 0, 5).unwrap();
    assert_eq!(where_is(&d, "a0"), (1, 1, 6));
    assert_eq!(where_is(&d, "a1"), (1, 2, 66));
    assert_eq!(where_is(&d, "a2"), (2, 1, 1));
    assert_eq!((out.pushed_items(), out.over_foot.clone()), (vec!["a1"], vec!["a1".to_string()]));
    // Found from outside: a later step on another box named the box an earlier step left past
    // the foot, in place of where its own box now stands. Only a step that sends a box past
    // the foot, or further past it, names it.
    let out = d.move_by(1, "a2", 0, 2).unwrap();
    assert!(out.over_foot.is_empty(), "{:?}", out.over_foot);
    let out = d.move_by(1, "a0", 0, 1).unwrap();
    assert_eq!(out.over_foot, ["a1"], "pushed a line further past");
    let problems = d.validate();
    let foot: Vec<_> = problems.iter().filter(|p| p.kind() == ProblemKind::BelowFoot).collect();
    assert_eq!(foot.len(), 1);
    assert_eq!(foot[0].items(), ["a1"]);
    assert_eq!(foot[0].to_string(), "page 1: \"a1\" runs 6 line(s) past the foot");
    // A box may be pushed past the foot, but not moved to start below it.
    let mut d = desk(vec![at("a0", 1, 1, 100, 3)]);
    assert!(matches!(d.move_by(1, "a0", 0, 1), Err(Refusal::BelowFoot { foot: 100, .. })));
}

#[test]
fn span_widens_to_the_right_and_pushes() {
    let mut d = desk(vec![at("a0", 1, 2, 1, 10), at("a1", 3, 1, 1, 10)]);
    let out = d.span_by(1, "a0", 1).unwrap();
    assert_eq!(where_is(&d, "a0"), (1, 3, 1));
    assert_eq!(where_is(&d, "a1"), (3, 1, 11));
    assert_eq!(out.pushed_items(), ["a1"]);
    d.span_by(1, "a0", -2).unwrap();
    assert_eq!(where_is(&d, "a0"), (1, 1, 1));
    assert!(matches!(d.span_by(1, "a0", -1), Err(Refusal::OneColumnWide { .. })));
    // Found from outside: `5-` on three columns said "it is one column wide"; and `20[` on a
    // box 10 lines deep did not say 20.
    let mut d = desk(vec![at("a0", 1, 3, 1, 10)]);
    let no = d.span_by(1, "a0", -5).unwrap_err();
    assert_eq!(no.to_string(), "Can't narrow 守护青山绿水 增进民生福祉 by 5 columns: it is 3 columns wide");
    let no = d.depth_by(1, "a0", -20).unwrap_err();
    assert_eq!(no.to_string(), "Can't make 守护青山绿水 增进民生福祉 20 lines shallower: it is 10 lines deep");
    let mut d = desk(vec![at("a0", 7, 2, 1, 10)]);
    let no = d.span_by(1, "a0", 1).unwrap_err();
    let name = "守护青山绿水 增进民生福祉".to_string();
    assert_eq!(no, Refusal::SpanLeavesGrid { name, span: 3, widen: true, columns: 8 });
    // A photo may take any span 1..=columns.
    let mut d = desk(vec![at("p0", 1, 2, 1, 20)]);
    for span in 3..=8 {
        d.set_span(1, "p0", span).unwrap();
    }
    d.set_span(1, "p0", 1).unwrap();
    assert!(d.set_span(1, "p0", 9).is_err());
    assert!(d.span_by(1, "p0", i32::MAX).is_err(), "an absurd span is refused, not overflowed");
}

#[test]
fn span_change_resets_an_auto_box() {
    let issue = small_issue();
    let layout = Layout {
        issue: "x".into(),
        pages: vec![PageLayout { number: 1, placements: vec![Placement::new("a5", 1, 1, 1, Depth::Auto)] }],
        conflicts: vec![],
    };
    let mut d = Makeup::new(issue.clone(), &layout);
    let grid = &issue.pages[0].grid;
    let item = issue.item("a5").unwrap();
    let one = set_item(item, grid, issue.language, 1).depth_needed();
    let three = set_item(item, grid, issue.language, 3).depth_needed();
    assert!(three < one);
    assert_eq!(d.resolved(1)[0].box_depth, one);
    d.set_span(1, "a5", 3).unwrap();
    let b = &d.resolved(1)[0];
    assert_eq!((b.box_depth, b.fit.lines(), b.set.legs), (three, 0, 3));
}

#[test]
fn depth_steps_fix_the_depth_and_auto_returns() {
    let mut d = desk(vec![at("a0", 1, 1, 1, 10), at("a1", 1, 1, 11, 5)]);
    let out = d.depth_by(1, "a0", 1).unwrap();
    assert_eq!(d.placement_of("a0").unwrap().1.depth, Depth::Fixed(11));
    assert_eq!(where_is(&d, "a1"), (1, 1, 12));
    assert_eq!(out.pushed_items(), ["a1"]);
    d.depth_by(1, "a0", -1).unwrap();
    assert_eq!(d.placement_of("a0").unwrap().1.depth, Depth::Fixed(10));
    assert_eq!(where_is(&d, "a1"), (1, 1, 12), "nothing closes up");
    d.set_auto(1, "a0").unwrap();
    let needed = d.resolved(1)[0].set.depth_needed();
    assert_eq!(d.resolved(1)[0].box_depth, needed);
    assert!(d.set_auto(1, "a0").is_err());
    d.depth_by(1, "a0", -1).unwrap();
    let b = &d.resolved(1)[0];
    assert_eq!((b.depth, b.fit.lines()), (Depth::Fixed(needed - 1), -1));
    assert!(b.fit.overset_chars > 0);
    let mut d = desk(vec![at("a0", 1, 1, 1, 1)]);
    assert!(d.depth_by(1, "a0", -1).is_err());
    assert!(d.depth_by(1, "a0", i64::MIN).is_err());
    d.place(1, "a1", 1, Some(1), None).unwrap();
    // Found from outside: a depth past 400 was saved, and no command would load the file.
    let refused = d.depth_by(1, "a0", i64::MAX);
    assert!(matches!(refused, Err(Refusal::TooDeep { lines: u32::MAX, max: 400, .. })), "{refused:?}");
    assert!(matches!(d.set_depth(1, "a0", Depth::Fixed(401)), Err(Refusal::TooDeep { lines: 401, .. })));
    d.depth_by(1, "a0", 399).unwrap();
    assert_eq!(d.placement_of("a0").unwrap().1.depth, Depth::Fixed(400));
    assert!(matches!(d.depth_by(1, "a0", 1), Err(Refusal::TooDeep { lines: 401, .. })));
    assert_eq!(d.page_summary(1).unwrap().over_foot, ["a0", "a1"], "the deepest box stands past the foot");
    d.undo().unwrap();
    d.undo().unwrap();
    assert!(d.move_by(1, "a0", i32::MAX, 0).is_err());
    assert!(d.move_by(1, "a0", 0, i64::MIN).is_err());
    // As far as the last line, as any count past the foot.
    d.move_by(1, "a0", 0, i64::MAX).unwrap();
    assert_eq!(where_is(&d, "a0").2, 100);
}

#[test]
fn place_at_first_free_line_or_at_a_line() {
    let mut d = desk(vec![at("a0", 1, 2, 1, 10), at("a1", 4, 1, 1, 30)]);
    d.place(1, "a2", 2, Some(1), None).unwrap();
    assert_eq!(where_is(&d, "a2"), (2, 1, 11));
    d.place(1, "a3", 3, None, None).unwrap();
    assert_eq!(where_is(&d, "a3"), (3, 2, 31), "default span 2, below a1 in column 4");
    d.place(1, "p0", 8, None, None).unwrap();
    assert_eq!(where_is(&d, "p0"), (8, 1, 1), "a 2-column photo narrowed to fit at column 8");
    let photo = d.resolved(1).iter().find(|b| b.item == "p1").map(|b| b.box_depth);
    assert_eq!(photo, None);
    let out = d.place(1, "p1", 1, None, Some(5)).unwrap();
    let depth = d.resolved(1).iter().find(|b| b.item == "p1").unwrap().box_depth;
    assert_eq!(where_is(&d, "p1"), (1, 3, 5));
    assert_eq!(where_is(&d, "a0"), (1, 2, 5 + depth), "the box in the way goes under it");
    assert!(out.pushed_items().contains(&"a0"));
    assert!(matches!(d.place(1, "p1", 1, None, None), Err(Refusal::AlreadyPlaced { on: 1, .. })));
    let no = d.place(1, "a4", 7, Some(3), None).unwrap_err();
    assert!(matches!(no, Refusal::PlaceSpanOffGrid { column: 7, span: 3, columns: 8, .. }), "{no:?}");
    assert!(matches!(d.place(1, "a4", 9, None, None), Err(Refusal::PlaceOffGrid { column: 9, columns: 8, .. })));
    assert!(matches!(d.place(1, "a4", 1, None, Some(101)), Err(Refusal::PlaceOffPage { line: 101, depth: 100, .. })));
    let no = d.place(9, "a4", 1, None, None).unwrap_err();
    assert!(matches!(&no, Refusal::NoSuchPage { page: 9, pages } if !pages.is_empty()), "{no:?}");
    assert!(
        no.to_string().ends_with(&format!(
            "(its pages: {})",
            d.issue().pages.iter().map(|p| p.number.to_string()).collect::<Vec<_>>().join(", ")
        )),
        "{no}"
    );
    assert_eq!(d.place(1, "zz", 1, None, None).unwrap_err(), Refusal::NoSuchItem { item: "zz".into(), nearest: None });
    // A typing slip names the id it was for.
    let no = d.place(1, "a44", 1, None, None).unwrap_err();
    assert_eq!(no, Refusal::NoSuchItem { item: "a44".into(), nearest: Some("a4".into()) });
    assert_eq!(no.to_string(), "There is no item \"a44\" in the issue; did you mean \"a4\"?");
}

#[test]
fn slots_close_up_trade_places_and_drop_under() {
    let mut d = desk(vec![at("a0", 1, 1, 1, 10), at("a1", 1, 1, 11, 10), at("a2", 1, 1, 30, 5)]);
    d.move_to_slot(1, "a2", Slot::Previous).unwrap();
    assert_eq!(where_is(&d, "a2"), (1, 1, 21), "closes the gap");
    let out = d.move_to_slot(1, "a2", Slot::Previous).unwrap();
    assert_eq!(where_is(&d, "a2"), (1, 1, 11), "trades places with a1");
    assert_eq!(where_is(&d, "a1"), (1, 1, 16));
    assert_eq!(out.pushed_items(), ["a1"]);
    d.move_to_slot(1, "a2", Slot::Previous).unwrap();
    assert_eq!((where_is(&d, "a2"), where_is(&d, "a0"), where_is(&d, "a1")), ((1, 1, 1), (1, 1, 6), (1, 1, 16)));
    let no = d.move_to_slot(1, "a2", Slot::Previous).unwrap_err();
    assert!(matches!(no, Refusal::AtTop { motion: Motion::SlotUp, .. }), "{no:?}");
    d.move_to_slot(1, "a2", Slot::Next).unwrap();
    assert_eq!((where_is(&d, "a2"), where_is(&d, "a1")), ((1, 1, 16), (1, 1, 21)), "under a0, pushing a1");
    d.move_to_slot(1, "a2", Slot::Next).unwrap();
    assert_eq!(where_is(&d, "a2"), (1, 1, 31));
    let no = d.move_to_slot(1, "a2", Slot::Next).unwrap_err();
    assert!(matches!(no, Refusal::NothingBelow { first: 1, last: 1, .. }), "{no:?}");
}

#[test]
fn to_bin_and_to_another_page() {
    let mut d = desk(vec![at("a0", 7, 2, 1, 10), at("a1", 1, 1, 1, 10)]);
    assert!(!d.bin().contains(&"a0"));
    d.to_bin(1, "a1").unwrap();
    assert!(d.in_bin("a1"));
    assert_eq!(d.placements(1).len(), 1);
    d.move_to_page(1, "a0", 2).unwrap();
    assert_eq!(d.placement_of("a0").unwrap(), (2, at("a0", 7, 2, 1, 10)));
    d.place(1, "a1", 7, Some(2), None).unwrap();
    d.move_to_page(1, "a1", 2).unwrap();
    assert_eq!(d.placement_of("a1").unwrap().0, 2);
    assert_eq!(where_is(&d, "a1").2, 11, "first free line under a0");
    assert!(matches!(d.move_to_page(2, "a1", 2), Err(Refusal::AlreadyOnPage { page: 2, .. })));
    assert!(matches!(d.move_to_page(1, "a1", 2), Err(Refusal::NotOnPage { page: 1, on: 2, .. })));
    assert!(matches!(d.to_bin(1, "a3"), Err(Refusal::InBin { page: 1, .. })));
}

#[test]
fn undo_and_redo_restore_exactly() {
    let mut d = desk(vec![at("a0", 1, 2, 1, 10), at("a1", 3, 1, 5, 10), at("a2", 3, 2, 15, 10)]);
    let start = d.to_layout("x");
    let ops = [
        Op::MoveBy { page: 1, item: "a0".into(), dcol: 1, dline: 0 },
        Op::SpanBy { page: 1, item: "a2".into(), delta: 1 },
        Op::Place { page: 1, item: "p0".into(), column: 1, span: None, line: Some(3) },
        Op::ToPage { page: 1, item: "a1".into(), to: 2 },
        Op::DepthBy { page: 1, item: "a0".into(), delta: -3 },
        Op::ToBin { page: 1, item: "a2".into() },
    ];
    let mut states = vec![start.clone()];
    for op in &ops {
        d.apply(op).unwrap();
        states.push(d.to_layout("x"));
    }
    for state in states.iter().rev().skip(1) {
        d.undo().unwrap();
        assert_eq!(&d.to_layout("x"), state);
    }
    assert_eq!(d.undo().unwrap_err(), Refusal::NothingToUndo);
    assert_eq!(d.bin().len(), small_issue().items.len() - 3);
    for state in states.iter().skip(1) {
        d.redo().unwrap();
        assert_eq!(&d.to_layout("x"), state);
    }
    assert_eq!(d.redo().unwrap_err(), Refusal::NothingToRedo);
    d.undo().unwrap();
    d.move_by(1, "a0", 0, 1).unwrap();
    assert!(!d.can_redo(), "a new operation forgets the redo");
}

#[test]
fn a_move_refits_nothing_and_a_span_change_sets_one_item() {
    let mut d = desk(vec![at("a0", 1, 2, 1, 10), at("a1", 3, 1, 5, 10)]);
    let sets = d.sets();
    d.move_by(1, "a0", 1, 0).unwrap();
    d.move_by(1, "a0", 0, 3).unwrap();
    assert_eq!(d.sets(), sets);
    d.span_by(1, "a0", 1).unwrap();
    assert_eq!(d.sets(), sets + 1);
    d.undo().unwrap();
    d.redo().unwrap();
    assert_eq!(d.sets(), sets + 1, "undo and redo find their boxes in the cache");
}

#[test]
fn a_hand_edited_layout_is_kept_and_reported() {
    let layout = Layout {
        issue: "x".into(),
        pages: vec![
            PageLayout {
                number: 1,
                placements: vec![at("a0", 1, 2, 1, 10), at("a1", 2, 1, 5, 10), at("a2", 8, 3, 0, 5)],
            },
            PageLayout { number: 2, placements: vec![at("a0", 1, 1, 1, 5), at("ghost", 1, 1, 1, 5)] },
            PageLayout { number: 7, placements: vec![at("a3", 1, 1, 1, 5)] },
        ],
        conflicts: vec![],
    };
    let mut d = Makeup::new(small_issue(), &layout);
    let kinds: Vec<ProblemKind> =
        d.validate().iter().filter(|p| p.kind() != ProblemKind::Overset).map(|p| p.kind()).collect();
    assert_eq!(
        kinds,
        [
            ProblemKind::OffGrid,
            ProblemKind::PlacedTwice,
            ProblemKind::UnknownItem,
            ProblemKind::UnknownPage,
            ProblemKind::Overlap
        ]
    );
    // The one validator's rules, as when the file is read: off the grid goes to the bin.
    assert!(d.in_bin("a2"), "off the grid: in the bin");
    assert!(d.in_bin("a3"), "an item of an unknown page goes to the bin");
    assert_eq!(where_is(&d, "a0"), (1, 2, 1), "the first placement is kept");
    let overlap = d.validate().into_iter().find(|p| p.kind() == ProblemKind::Overlap).unwrap();
    assert_eq!((overlap.page(), overlap.items()), (1, vec!["a0", "a1"]));
    assert_eq!(overlap.to_string(), "page 1: \"a0\" and \"a1\" overlap");
    // The next operation on the page settles the overlap by pushing down.
    d.move_by(1, "a0", 0, 1).unwrap();
    assert_eq!(where_is(&d, "a1"), (2, 1, 12));
    assert!(!d.validate().iter().any(|p| p.kind() == ProblemKind::Overlap));
}

#[test]
fn layout_out_is_deterministic_in_placement_order() {
    let mut d = desk(vec![at("a1", 3, 1, 5, 10), at("a0", 1, 2, 1, 10)]);
    d.move_by(1, "a0", 0, 1).unwrap();
    let out = d.to_layout("small.ron");
    assert_eq!(out.issue, "small.ron");
    assert_eq!(out.pages.iter().map(|p| p.number).collect::<Vec<_>>(), [1, 2]);
    assert_eq!(out.pages[0].placements, [at("a1", 3, 1, 5, 10), at("a0", 1, 2, 2, 10)]);
    assert_eq!(out, d.to_layout("small.ron"));
}

#[test]
fn summaries_count_columns_pages_and_the_bin() {
    let d = desk(vec![at("a0", 1, 2, 1, 10), at("a1", 2, 1, 11, 95), at("a2", 8, 1, 1, 1)]);
    let s = d.page_summary(1).unwrap();
    let col = |c: usize| (s.columns[c - 1].used, s.columns[c - 1].free, s.columns[c - 1].over_foot);
    assert_eq!(col(1), (10, 90, 0));
    assert_eq!(col(2), (100, 0, 5));
    assert_eq!(col(3), (0, 100, 0));
    assert_eq!((s.used, s.free, s.over_foot_lines), (111, 689, 5));
    assert_eq!(s.over_foot, ["a1"]);
    assert_eq!(s.overset, ["a2"], "a0 fits its 10 lines at 2 columns; a2 cannot fit 1 line");
    assert!(d.resolved(1)[0].fit.lines() >= 0);
    assert_eq!(s.columns[7].overset, d.resolved(1)[2].fit.overset_lines);
    assert_eq!(s.overset_lines, d.resolved(1).iter().map(|b| b.fit.overset_lines).sum::<u32>());
    let all = d.summary();
    assert_eq!(all.pages.len(), 2);
    assert_eq!(all.bin.len(), small_issue().items.len() - 3);
    let p0 = all.bin.iter().find(|b| b.id == "p0").unwrap();
    assert_eq!(
        p0.lines,
        set_item(small_issue().item("p0").unwrap(), &small_issue().pages[0].grid, Default::default(), 1).depth_needed()
    );
    assert!(all.bin.iter().all(|b| b.chars > 0 && b.lines > 0));
}

#[test]
fn an_overlap_from_the_file_settles_top_down_when_the_lower_box_changes_in_place() {
    // a1 was placed below a0's head (line 5); a0 runs to line 10 over it, as when the copy
    // desk lengthened a0. Changing a1's depth where it stands must not put a0 under a1: the
    // pre-existing overlap settles top-down, a1 sinking below a0.
    let mut d = desk(vec![at("a0", 1, 1, 1, 10), at("a1", 1, 1, 5, 10)]);
    let out = d.depth_by(1, "a1", 1).unwrap();
    assert_eq!(where_is(&d, "a0"), (1, 1, 1), "the box above stays above");
    assert_eq!(where_is(&d, "a1"), (1, 1, 11), "the changed box sinks below it");
    assert_eq!(out.pushed_items(), ["a1"]);
    // Moved, it sinks below the box above alike (see the test after this one).
    let mut d = desk(vec![at("a0", 1, 1, 1, 10), at("a1", 1, 1, 5, 10)]);
    d.move_by(1, "a1", 0, 1).unwrap();
    assert_eq!(where_is(&d, "a0"), (1, 1, 1));
    assert_eq!(where_is(&d, "a1"), (1, 1, 11));
    // A box the change runs into anew is pushed, as before, even when it starts above.
    let mut d = desk(vec![at("a0", 1, 1, 1, 10), at("a1", 1, 1, 11, 10), at("a2", 2, 1, 3, 10)]);
    d.span_by(1, "a1", 1).unwrap();
    assert_eq!(where_is(&d, "a1"), (1, 2, 11));
    assert_eq!(where_is(&d, "a2"), (2, 1, 21));
}

/// A key on the desk, as a plain call.
type Step = fn(&mut Makeup) -> Result<pasteup_core::layout::Outcome, Refusal>;

/// Found from outside: with two boxes overlapping already, `J` on the lower one pushed the
/// upper one under it (the story from line 1 went to line 22, under the box moved to line
/// 11), where `]` on the lower box sinks the lower box. Every step that pushes keeps a box
/// above the moved one that it already overlapped where the page's own settling puts it.
#[test]
fn a_step_on_the_lower_of_two_overlapping_boxes_never_pushes_the_upper_one_under_it() {
    // a0 runs lines 1–12 over a1's head at line 10; a2 stands under a1, a3 beside them.
    let page = || vec![at("a0", 6, 3, 1, 12), at("a1", 6, 2, 10, 11), at("a2", 6, 2, 30, 5), at("a3", 1, 2, 1, 40)];
    let steps: [(&str, Step); 6] = [
        ("J", |d| d.move_by(1, "a1", 0, 1)),
        ("3J", |d| d.move_by(1, "a1", 0, 3)),
        ("H", |d| d.move_by(1, "a1", -1, 0)),
        ("]", |d| d.depth_by(1, "a1", 1)),
        ("+", |d| d.span_by(1, "a1", 1)),
        (":line 11", |d| d.put(1, "a1", pasteup_core::layout::Target { line: Some(11), ..Default::default() })),
    ];
    for (key, step) in steps {
        let mut d = desk(page());
        let out = step(&mut d).unwrap();
        assert_eq!(where_is(&d, "a0"), (6, 3, 1), "{key}: the box above stays where it is");
        let (_, a1) = d.placement_of("a1").unwrap();
        assert_eq!(a1.line, 13 + u32::from(key == "3J") * 2, "{key}: the moved box sinks below a0");
        assert!(out.pushed_items().contains(&"a1"), "{key}: {:?}", out.pushed_items());
        assert!(!out.pushed_items().contains(&"a0"), "{key}: {:?}", out.pushed_items());
        assert_eq!(where_is(&d, "a3"), (1, 2, 1), "{key}: a box beside them stays");
        assert!(!d.validate().iter().any(|p| p.kind() == ProblemKind::Overlap), "{key}");
    }
    // Three `J`s one by one end where `3J` does.
    let mut d = desk(page());
    for _ in 0..3 {
        d.move_by(1, "a1", 0, 1).unwrap();
    }
    assert_eq!(where_is(&d, "a1"), (6, 2, 15));
    // `K` is refused by the box in the way above, as before.
    let mut d = desk(page());
    assert!(matches!(d.move_by(1, "a1", 0, -1), Err(Refusal::InTheWay { .. })));
    // `J` on the upper box pushes the lower one, as before: it stands lower.
    let mut d = desk(page());
    d.move_by(1, "a0", 0, 1).unwrap();
    assert_eq!(where_is(&d, "a0"), (6, 3, 2));
    assert_eq!(where_is(&d, "a1"), (6, 2, 14));
}

/// Found from outside: with two boxes overlapping already, `{` on the lower one jumped it over
/// the upper one (to line 1, pushing the upper one under it), and `}` on the upper one sank it
/// past the lower one. A jump stops at the nearest box in its columns, and the lower of two
/// overlapping boxes stays under the upper one, as `K` and `J` keep it.
#[test]
fn jumps_never_change_the_order_of_two_overlapping_boxes() {
    // a0 runs lines 1–14 over columns 1–2; a1, over columns 2–3, starts at line 5 under it.
    let page = || vec![at("a0", 1, 2, 1, 14), at("a1", 2, 2, 5, 10), at("a2", 2, 1, 60, 5)];
    let mut d = desk(page());
    let up = d.jump_up(1, "a1");
    assert!(matches!(up, Err(Refusal::InTheWay { .. })), "{{ on the lower box: {up:?}");
    assert_eq!((where_is(&d, "a0"), where_is(&d, "a1")), ((1, 2, 1), (2, 2, 5)), "refused: nothing moved");
    let down = d.jump_down(1, "a0");
    assert!(matches!(down, Err(Refusal::MeetsBelow { .. })), "}} on the upper box: {down:?}");
    assert_eq!((where_is(&d, "a0"), where_is(&d, "a1")), ((1, 2, 1), (2, 2, 5)), "refused: nothing moved");
    // `}` on the lower box sinks it to meet a2, the upper box staying above it.
    let out = d.jump_down(1, "a1").unwrap();
    assert_eq!((where_is(&d, "a0"), where_is(&d, "a1")), ((1, 2, 1), (2, 2, 50)));
    assert!(out.pushed.is_empty(), "{:?}", out.pushed);
    // `P` keeps the order too: the lower box rises only to meet the upper one.
    let mut d = desk(page());
    d.pull_up(1).unwrap();
    assert_eq!((where_is(&d, "a0"), where_is(&d, "a1"), where_is(&d, "a2")), ((1, 2, 1), (2, 2, 15), (2, 1, 25)));
}

/// Found from outside: `P` on a page whose only boxes overlap (a story written over the one
/// above it) was refused, "Nothing to pull up: every box meets the box above or line 1", the
/// overlap left standing; with a third box that could rise the same key settled the overlap.
/// `P` settles it either way, the lower box under the upper one, as every make-up key does.
#[test]
fn pull_up_settles_an_overlap_even_when_no_box_can_rise() {
    let mut d = desk(vec![at("a0", 1, 2, 1, 14), at("a1", 2, 2, 5, 10)]);
    let out = d.pull_up(1).unwrap();
    assert_eq!((where_is(&d, "a0"), where_is(&d, "a1")), ((1, 2, 1), (2, 2, 15)));
    assert_eq!(out.pushed_items(), ["a1"]);
    assert!(!d.validate().iter().any(|p| p.kind() == ProblemKind::Overlap), "{:?}", d.validate());
    d.undo().unwrap();
    assert_eq!(where_is(&d, "a1"), (2, 2, 5), "one undo step puts the page back as it was");
    // A page with no overlap and nothing to rise is still refused.
    d.redo().unwrap();
    assert_eq!(d.pull_up(1).unwrap_err(), Refusal::NothingToPullUp { page: 1 });
}

/// Found from outside: `:place ID column 1` on a page with two boxes overlapping put the box
/// where settling the overlap then pushed the lower box down under it ("pushing down"). With no
/// line given it takes the first free line as the page settles, pushing nothing; the lower box
/// settling is said as settling, apart.
#[test]
fn place_with_no_line_on_a_page_with_an_overlap_pushes_nothing() {
    let mut d = desk(vec![at("a0", 1, 2, 1, 14), at("a1", 2, 2, 5, 10)]);
    let to = pasteup_core::layout::Target { column: Some(1), ..Default::default() };
    let out = d.put(1, "a3", to).unwrap();
    assert_eq!(where_is(&d, "a1"), (2, 2, 15), "the overlap settles: a1 under a0");
    assert_eq!(where_is(&d, "a3"), (1, 2, 25), "a3 goes under a1 as it settles, at 2 columns");
    assert_eq!(out.overlap_pushed, [("a1".to_string(), 1)], "settling pushed a1, said apart");
    assert!(!d.validate().iter().any(|p| p.kind() == ProblemKind::Overlap));
}

/// Found from outside: `x` on a page with two boxes overlapping settled them and the editor
/// named no box it moved. The step's outcome names it, as `J`'s does.
#[test]
fn to_bin_names_the_box_settling_the_overlap_pushed() {
    let mut d = desk(vec![at("a0", 1, 2, 1, 14), at("a1", 2, 2, 5, 10), at("a2", 5, 1, 1, 5)]);
    let out = d.to_bin(1, "a2").unwrap();
    assert_eq!(out.pushed_items(), ["a1"]);
    assert_eq!(where_is(&d, "a1"), (2, 2, 15));
}

/// Found from outside: `C` on a photo said "Nothing of … is cut" where `c` says it is not an
/// article.
#[test]
fn give_back_on_a_photo_is_refused_as_not_an_article() {
    let mut d = desk(vec![at("p0", 1, 2, 1, 18)]);
    assert!(matches!(d.cut_by(1, "p0", 1, -1), Err(Refusal::NotAnArticle { .. })));
    assert!(matches!(d.cut_by(1, "p0", 1, 1), Err(Refusal::NotAnArticle { .. })));
}
