//! Parts (转版) on the desk: continuing a box's overset in a new part, placing it from the
//! bin, the body flowing from part to part with jump lines naming the pages, saved and read.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "a test fails loudly")]

mod layout_support;

use layout_support::{at, desk, small_issue};
use pasteup_core::fit::{BlockKind, Setting, set_item_as};
use pasteup_core::format::to_ron_string;
use pasteup_core::layout::{Makeup, Refusal};
use pasteup_core::model::Depth;
use pasteup_core::problem::{Problem, ProblemKind};

/// The article's body lines as one box sets them, byline last.
fn article_lines(item: &str) -> Vec<String> {
    let issue = small_issue();
    let set = set_item_as(issue.item(item).unwrap(), &issue.pages[0].grid, issue.language, 2, &Setting::default());
    set.body.iter().map(|l| l.text.clone()).collect()
}

fn part_box(d: &Makeup, page: u32, item: &str, part: u32) -> pasteup_core::layout::ResolvedBox {
    d.resolved(page).into_iter().find(|b| b.item == item && b.part == part).unwrap()
}

#[test]
fn continue_then_place_flows_the_body_on_with_jump_lines() {
    let mut d = desk(vec![at("a6", 1, 2, 1, 20)]);
    let whole = article_lines("a6");
    let first = part_box(&d, 1, "a6", 1);
    assert!(first.fit.is_overset(), "{:?}", first.fit);
    d.continue_part(1, "a6", 1).unwrap();
    // Part 2 waits in the bin; part 1 is still overset until it is placed.
    assert_eq!(d.waiting_parts("a6"), [2]);
    let entry = d.bin_entries().into_iter().find(|e| e.id == "a6").unwrap();
    assert_eq!(entry.part, 2);
    assert_eq!(entry.lines, first.fit.overset_lines + 1);
    assert!(matches!(d.continue_part(1, "a6", 1), Err(Refusal::AlreadyContinued { part: 2, .. })));
    assert!(d.validate().iter().any(|p| p.kind() == ProblemKind::MissingPart));

    d.place_from_bin(2, "a6", 1, None).unwrap();
    assert_eq!(d.parts_of("a6"), [(1, 1), (2, 2)]);
    let one = part_box(&d, 1, "a6", 1);
    let two = part_box(&d, 2, "a6", 2);
    assert!(!one.fit.is_overset() && !two.fit.is_overset(), "{:?} {:?}", one.fit, two.fit);
    // Part 1: heads, then 2 legs of (20 - heads) lines, the last one the jump line.
    let room = (20 - one.set.heads_depth()) as usize * 2;
    assert_eq!(one.set.body.len(), room);
    assert_eq!(one.set.body.last().unwrap().text, "（下转第2版）");
    assert_eq!(
        one.set.body.last().unwrap().lead + one.set.body.last().unwrap().cells,
        26,
        "flush right in a leg of 13 em"
    );
    // Part 2: the headline, the from-line, the rest of the body.
    assert_eq!(two.set.heads[0].kind, BlockKind::Headline);
    assert_eq!(two.set.heads[1].kind, BlockKind::Jump);
    assert_eq!(two.set.heads[1].lines[0].text, "（上接第1版）");
    let mut flowed: Vec<String> = one.set.body[..room - 1].iter().map(|l| l.text.clone()).collect();
    flowed.extend(two.set.body.iter().map(|l| l.text.clone()));
    assert_eq!(flowed, whole);
    assert!(d.validate().iter().all(|p| p.kind() != ProblemKind::MissingPart));

    // Saved: part 2 written with its number; read back the same.
    let text = to_ron_string(&d.to_layout("small.ron"));
    assert!(text.contains(r#"Placement(item: "a6", column: 1, span: 2, line: 1, depth: Fixed(20)),"#), "{text}");
    assert!(text.contains(r#"depth: Auto, part: 2)"#), "{text}");
    let again = Makeup::new(small_issue(), &d.to_layout("small.ron"));
    assert_eq!(part_box(&again, 2, "a6", 2).set.body, two.set.body);

    // Undo takes part 2 back to the bin, then undoes the continuation.
    d.undo().unwrap();
    assert_eq!(d.waiting_parts("a6"), [2]);
    d.undo().unwrap();
    assert!(d.waiting_parts("a6").is_empty());
    assert_eq!(d.placements(1)[0].depth, Depth::Fixed(20));
}

#[test]
fn a_part_whose_part_before_is_binned_is_reported() {
    let mut d = desk(vec![at("a6", 1, 2, 1, 20)]);
    d.continue_part(1, "a6", 1).unwrap();
    d.place_from_bin(2, "a6", 1, None).unwrap();
    d.to_bin(1, "a6").unwrap();
    let missing: Vec<Problem> = d.validate().into_iter().filter(|p| p.kind() == ProblemKind::MissingPart).collect();
    assert_eq!(missing, [Problem::MissingPart { page: 2, item: "a6".into(), part: 2, missing: 1 }]);
    // Part 1 waits; placing it again continues into part 2.
    assert_eq!(d.waiting_parts("a6"), [1]);
    d.place_from_bin(1, "a6", 1, None).unwrap();
    assert_eq!(d.parts_of("a6"), [(1, 1), (2, 2)]);
}

#[test]
fn only_an_overset_article_continues() {
    let mut d = desk(vec![at("a6", 1, 2, 1, 90), at("p0", 3, 2, 1, 30)]);
    assert!(matches!(d.continue_part(1, "a6", 1), Err(Refusal::NothingOverset { .. })));
    assert!(matches!(d.continue_part(1, "p0", 1), Err(Refusal::NotAnArticle { .. })));
}
