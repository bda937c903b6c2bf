//! Parts (转版) on the desk: continuing a box's overset in a new part, placing it from the
//! bin, the body flowing from part to part with jump lines naming the pages, saved and read.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "a test fails loudly")]

mod layout_support;

use layout_support::{at, desk, small_issue};
use pasteup_core::fit::{BlockKind, Setting, set_item_as};
use pasteup_core::format::{check_settings, parse_layout, to_ron_string};
use pasteup_core::layout::{Command, Context, MakeOptions, Makeup, OnPage, Refusal, RemedyKind, Target};
use pasteup_core::model::{Depth, Item, Layout, PageLayout};
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
    // Its lines are the depth it takes at one column: the overset and the line the jump line
    // pushes over, under its headline `阳曲县绘就发展新蓝图` (2 rows of 6 characters at 13 em, 4
    // lines) and from-line (found from outside: the bin left out the heads).
    assert_eq!(first.fit.overset_lines, 5);
    assert_eq!(entry.lines, 5 + 1 + 4 + 1);
    // Its characters are those part 2 will hold: the overset and the line the jump line
    // pushes over (they used to leave that line out).
    // The `（）` set round the byline are not the copy's.
    let part_two_chars = |d: &Makeup| {
        let set = part_box(d, 2, "a6", 2).set;
        set.body.iter().map(|l| l.chars()).sum::<u32>() - 2
    };
    assert!(matches!(d.continue_part(1, "a6", 1), Err(Refusal::AlreadyContinued { part: 2, .. })));
    assert!(d.validate().iter().any(|p| p.kind() == ProblemKind::MissingPart));

    d.place_from_bin(2, "a6", 1, None).unwrap();
    assert_eq!(d.parts_of("a6"), [(1, 1), (2, 2)]);
    let one = part_box(&d, 1, "a6", 1);
    let two = part_box(&d, 2, "a6", 2);
    assert!(!one.fit.is_overset() && !two.fit.is_overset(), "{:?} {:?}", one.fit, two.fit);
    assert_eq!(entry.chars, part_two_chars(&d));
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
    let mut d = continued(2, 1);
    d.to_bin(1, "a6").unwrap();
    let missing: Vec<Problem> = d.validate().into_iter().filter(|p| p.kind() == ProblemKind::MissingPart).collect();
    assert_eq!(missing, [Problem::MissingPart { page: 2, item: "a6".into(), part: 2, missing: 1 }]);
    // Part 1 waits; placing it again continues into part 2.
    assert_eq!(d.waiting_parts("a6"), [1]);
    d.place_from_bin(1, "a6", 1, None).unwrap();
    assert_eq!(d.parts_of("a6"), [(1, 1), (2, 2)]);
}

/// Found from outside: with part 1 sent back to the bin and part 2 on a page, `:find` went
/// from part 2 to part 2 again and never reached part 1. Placed parts first, then those
/// waiting in the bin.
#[test]
fn find_reaches_part_one_waiting_in_the_bin_after_part_two() {
    let mut d = continued(2, 1);
    d.to_bin(1, "a6").unwrap();
    let first = d.find_text("a6", None).unwrap();
    assert_eq!((first.part, first.page), (2, Some(2)), "the placed part first");
    assert_eq!(first.parts, 2, "an article in two parts");
    let next = d.find_text("a6", Some(("a6", 2))).unwrap();
    assert_eq!((next.part, next.page, next.parts), (1, None, 2), "then part 1, in the bin, named as a part");
    let again = d.find_text("a6", Some(("a6", 1))).unwrap();
    assert_eq!((again.part, again.page), (2, Some(2)), "and round again");
}

/// Found from outside: part 1 sent to the bin, then part 2, made the article whole in the bin
/// again, and the step said only that part 2 was back in the bin (the other way round it said
/// the article was whole). The step names the part that waited there, in either order, with
/// `x` or `X`.
#[test]
fn the_last_part_sent_to_the_bin_names_the_part_that_waited_in_either_order() {
    let mut d = continued(2, 1);
    assert_eq!(d.to_bin(1, "a6").unwrap().whole_again, None, "part 2 still stands");
    assert_eq!(d.to_bin(2, "a6").unwrap().whole_again, Some(1));
    assert!(d.parts_of("a6").is_empty());
    assert_eq!(d.waiting_parts("a6"), [1], "one entry in the bin: the whole article");
    let mut d = continued(2, 1);
    assert_eq!(d.to_bin(2, "a6").unwrap().whole_again, None, "part 1 still stands");
    assert_eq!(d.to_bin(1, "a6").unwrap().whole_again, Some(2));
    let mut d = continued(2, 1);
    assert_eq!(d.cut_out(1, "a6").unwrap().whole_again, None);
    assert_eq!(d.cut_out(2, "a6").unwrap().whole_again, Some(1));
    // An article of one part has no part to wait for it.
    let mut d = desk(vec![at("a6", 1, 2, 1, 20)]);
    assert_eq!(d.to_bin(1, "a6").unwrap().whole_again, None);
}

/// Found from outside: a push of part 2 was said as the article (`pushed down: a6`), where
/// everywhere else the editor names the part.
#[test]
fn a_part_pushed_down_is_named_as_the_part() {
    use pasteup_core::catalogue::{Besides, Render, Status, UiLang};
    let mut d = continued(2, 1);
    let two = part_box(&d, 2, "a6", 2);
    let to = Target { column: Some(two.column), line: Some(two.line), span: None };
    let out = d.put(2, "a0", to).unwrap();
    assert_eq!(out.pushed, [("a6".to_string(), 2)]);
    let said = Status::Pushed(Besides { pushed: out.pushed, ..Besides::default() });
    assert_eq!(said.render(UiLang::En), "pushed down: a6 (part 2)");
}

/// Found from outside: `x` on part 1 sent the copy on to part 2, which ran past its page's
/// foot, and the step said nothing of it (`check` did). The step names it, as it names a box
/// it pushes past the foot on its own page.
#[test]
fn binning_part_one_names_part_two_sent_past_its_pages_foot() {
    let mut d = continued(2, 1);
    let two = part_box(&d, 2, "a6", 2);
    let depth = d.issue().pages[1].grid.depth;
    let down = depth + 1 - (two.line + two.box_depth);
    d.move_by(2, "a6", 0, i64::from(down)).unwrap();
    let two = part_box(&d, 2, "a6", 2);
    assert_eq!(two.line + two.box_depth, depth + 1, "part 2 ends at the foot");
    let out = d.to_bin(1, "a6").unwrap();
    let two = part_box(&d, 2, "a6", 2);
    assert!(two.line + two.box_depth > depth + 1, "part 2 now takes the whole story: {two:?}");
    // Named by its page, as part 2 stands on page 2 and the key was pressed on page 1.
    assert!(out.over_foot.is_empty(), "{:?}", out.over_foot);
    let past = OnPage { page: 2, pushed: Vec::new(), over_foot: vec!["a6".into()] };
    assert_eq!(out.elsewhere, [past]);
}

#[test]
fn only_an_overset_article_continues() {
    let mut d = desk(vec![at("a6", 1, 2, 1, 90), at("p0", 3, 2, 1, 30)]);
    assert!(matches!(d.continue_part(1, "a6", 1), Err(Refusal::NothingOverset { .. })));
    assert!(matches!(d.continue_part(1, "p0", 1), Err(Refusal::NotAnArticle { .. })));
}

/// The layout as `format::save` writes it reads back without error (no part another part
/// follows at Auto, no gap in the parts).
fn loads_again(d: &Makeup) {
    let text = to_ron_string(&d.to_layout("small.ron"));
    let path = std::path::Path::new("small.layout.ron");
    let layout = parse_layout(path, &text).unwrap();
    check_settings(&small_issue(), &layout, &text, path).unwrap();
}

/// a6 at 20 lines on page 1, continued into part 2, placed on page `page` in the first hole
/// from column `from`.
fn continued(page: u32, from: u16) -> Makeup {
    let mut d = desk(vec![at("a6", 1, 2, 1, 20)]);
    d.continue_part(1, "a6", 1).unwrap();
    d.place_from_bin(page, "a6", from, None).unwrap();
    d
}

/// Part 1 of a6 sent to the bin while part 2 stands on page 2; the lines it takes when placed
/// (at Auto it would hold the whole article).
fn part_one_binned() -> (Makeup, u32) {
    let mut d = continued(2, 1);
    d.to_bin(1, "a6").unwrap();
    let (_, lines) = d.bin_fit(1, "a6").unwrap();
    (d, lines)
}

#[test]
fn a_part_placed_while_its_next_part_stands_gets_a_fixed_depth() {
    // `Enter` (place into a hole), `:place` (place), and a put at a line: each gives part 1
    // the depth it takes as placed, not Auto.
    let (mut d, lines) = part_one_binned();
    let outcome = d.place_from_bin(1, "a6", 1, None).unwrap();
    // A line less than all the copy needs, so the last of it jumps to part 2 once more
    // (found from outside: part 1 took it all and part 2, still standing, was empty).
    assert!(!outcome.leaves_part_without_copy(), "{outcome:?}");
    assert!(!part_box(&d, 2, "a6", 2).set.holds_no_copy());
    assert!(d.validate().iter().all(|p| p.kind() != ProblemKind::EmptyPart), "{:?}", d.validate());
    assert_eq!(d.placements(1).iter().find(|p| p.item == "a6").unwrap().depth, Depth::Fixed(lines));
    loads_again(&d);
    let (mut d, _) = part_one_binned();
    d.place(1, "a6", 3, None, None).unwrap();
    assert_eq!(d.placements(1).iter().find(|p| p.item == "a6").unwrap().depth, Depth::Fixed(lines));
    loads_again(&d);
    let (mut d, _) = part_one_binned();
    d.put(1, "a6", Target { column: Some(4), line: Some(30), span: None }).unwrap();
    assert_eq!(d.placements(1).iter().find(|p| p.item == "a6").unwrap().depth, Depth::Fixed(lines));
    loads_again(&d);
    // The box keeps its size, so the page does not move; it ends with the jump line.
    let one = part_box(&d, 1, "a6", 1);
    assert_eq!((one.box_depth, one.fit.is_overset()), (lines, false));
    assert_eq!(one.set.body.last().unwrap().text, "（下转第2版）");
}

#[test]
fn undo_and_redo_keep_the_fixed_depth_of_a_part_placed_again() {
    let (mut d, lines) = part_one_binned();
    let outcome = d.place_from_bin(1, "a6", 1, None).unwrap();
    assert!(!outcome.leaves_part_without_copy(), "{outcome:?}");
    d.undo().unwrap();
    assert_eq!(d.waiting_parts("a6"), [1]);
    loads_again(&d);
    d.redo().unwrap();
    assert_eq!(d.placements(1).iter().find(|p| p.item == "a6").unwrap().depth, Depth::Fixed(lines));
    loads_again(&d);
}

#[test]
fn auto_is_refused_on_a_part_another_part_follows() {
    let mut d = continued(2, 1);
    // `=` and `:depth auto` alike; the part keeps its 20 lines, placed or waiting its next.
    assert!(matches!(d.set_auto(1, "a6"), Err(Refusal::AutoContinued { part: 2, lines: 20, .. })));
    assert!(matches!(d.set_depth(1, "a6", Depth::Auto), Err(Refusal::AutoContinued { part: 2, lines: 20, .. })));
    let auto: Command = ":depth auto".parse().unwrap();
    let refused = d.run_command(Context { page: 1, selected: Some("a6"), part: 1 }, auto);
    assert!(matches!(refused, Err(Refusal::AutoContinued { part: 2, .. })), "{refused:?}");
    d.to_bin(2, "a6").unwrap();
    assert!(matches!(d.set_auto(1, "a6"), Err(Refusal::AutoContinued { part: 2, lines: 20, .. })));
    assert_eq!(d.placements(1)[0].depth, Depth::Fixed(20));
    // The last part may be Auto: it holds all that is left.
    let mut d = continued(2, 1);
    d.set_depth(2, "a6", Depth::Fixed(12)).unwrap();
    d.set_auto(2, "a6").unwrap();
    loads_again(&d);
}

#[test]
fn a_middle_part_stays_on_its_page_while_a_later_part_stands() {
    let mut d = desk(vec![at("a6", 1, 2, 1, 10)]);
    d.continue_part(1, "a6", 1).unwrap();
    d.place_from_bin(2, "a6", 1, None).unwrap();
    d.set_depth(2, "a6", Depth::Fixed(5)).unwrap();
    d.continue_part(2, "a6", 2).unwrap();
    d.place_from_bin(2, "a6", 5, None).unwrap();
    assert_eq!(d.parts_of("a6"), [(1, 1), (2, 2), (3, 2)]);
    let refused = d.to_bin(2, "a6");
    assert!(matches!(refused, Err(Refusal::LaterPartPlaced { part: 2, later: 3, page: 2, .. })), "{refused:?}");
    assert!(matches!(d.cut_out(2, "a6"), Err(Refusal::LaterPartPlaced { .. })));
    loads_again(&d);
}

#[test]
fn the_continue_remedy_leaves_a_layout_that_loads() {
    let mut d = desk(vec![at("a6", 1, 2, 1, 20)]);
    let remedy = d.remedies(1, "a6", 1).unwrap().into_iter().find(|r| r.kind == RemedyKind::Continue).unwrap();
    d.apply_remedy(1, "a6", 1, &remedy).unwrap();
    d.place_continued(1, "a6", 1).unwrap();
    assert_eq!(d.parts_of("a6"), [(1, 1), (2, 1)]);
    assert_eq!(d.placements(1)[0].depth, Depth::Fixed(20));
    loads_again(&d);
}

#[test]
fn make_leaves_a_part_whose_next_part_stands_to_the_page_editor() {
    let (mut d, _) = part_one_binned();
    d.make(&MakeOptions::default(), &mut |_, _, _| {}).unwrap();
    assert_eq!(d.waiting_parts("a6"), [1], "make places no part of an article continued on a page");
    loads_again(&d);
}

#[test]
fn make_from_empty_keeps_every_part_of_a_continued_article() {
    let mut d = desk(vec![at("a6", 1, 2, 1, 10)]);
    d.continue_part(1, "a6", 1).unwrap();
    d.place_from_bin(2, "a6", 1, None).unwrap();
    d.set_depth(2, "a6", Depth::Fixed(5)).unwrap();
    d.continue_part(2, "a6", 2).unwrap();
    d.place_from_bin(1, "a6", 5, None).unwrap();
    assert_eq!(d.parts_of("a6"), [(1, 1), (2, 2), (3, 1)]);
    let options = MakeOptions { pages: vec![2], from_empty: true, cut: false };
    d.make(&options, &mut |_, _, _| {}).unwrap();
    assert_eq!(d.parts_of("a6"), [(1, 1), (2, 2), (3, 1)], "part 2 stays: part 3 stands on page 1");
    loads_again(&d);
    // Found from outside: made from empty, page 1 lost part 1 and part 3, so part 2 began the
    // story mid-way and part 2's copy ran overset. Every part stays.
    let options = MakeOptions { pages: vec![1], from_empty: true, cut: false };
    let (report, _) = d.make(&options, &mut |_, _, _| {}).unwrap();
    assert_eq!(d.parts_of("a6"), [(1, 1), (2, 2), (3, 1)]);
    assert_eq!(report.pages[0].kept, 2, "{report:?}");
    loads_again(&d);
}

/// Found from outside: a part waiting in the bin was said to need its heads alone (3 lines),
/// since the part before, its next part not placed, is set as the last part and holds the rest.
#[test]
fn the_bin_says_the_lines_a_waiting_part_will_take() {
    let mut d = desk(vec![at("a6", 1, 2, 1, 20)]);
    d.continue_part(1, "a6", 1).unwrap();
    let (span, lines) = d.bin_fit(2, "a6").unwrap();
    d.place_from_bin(2, "a6", 1, None).unwrap();
    let two = part_box(&d, 2, "a6", 2);
    assert_eq!((span, lines), (two.span, two.box_depth));
    assert!(lines > two.set.heads_depth(), "more than the heads: {lines}");
}

/// Found in review: `make` from empty kept a part 1 continued into a part waiting in the bin,
/// and placed the article again beside it as a second part 1.
#[test]
fn make_from_empty_never_places_a_continued_article_again() {
    let mut d = desk(vec![at("a6", 1, 2, 1, 20)]);
    d.continue_part(1, "a6", 1).unwrap();
    let options = MakeOptions { pages: vec![1], from_empty: true, cut: false };
    d.make(&options, &mut |_, _, _| {}).unwrap();
    let a6: Vec<_> = d.placements(1).into_iter().filter(|p| p.item == "a6").collect();
    assert_eq!(a6.len(), 1, "{a6:?}");
    assert_eq!(d.waiting_parts("a6"), [2]);
    loads_again(&d);
}

/// Found in review: each part's cut was checked alone, so the editor could save parts whose
/// cuts together pass the body, a layout no command would load.
#[test]
fn the_parts_cuts_together_never_pass_the_body() {
    let mut d = continued(2, 1);
    let count = d.sentences("a6").unwrap().len() as u32;
    d.set_cut(1, "a6", 1, count - 1).unwrap();
    assert!(matches!(d.set_cut(2, "a6", 2, 2), Err(Refusal::CutPastBody { .. })));
    d.set_cut(2, "a6", 2, 1).unwrap();
    loads_again(&d);
}

/// `c` and `C` on any part of a continued article cut from the article's end and give back,
/// the cut kept on the part that ends the article, where `check` tells it (found from outside:
/// `c` on part 1 was kept on part 1 and told on part 2, where `C` was refused).
#[test]
fn c_and_capital_c_on_any_part_cut_the_articles_end() {
    let mut d = continued(2, 1);
    d.cut_by(1, "a6", 1, 1).unwrap();
    // The cut each part keeps, as the layout file says it.
    let cut_of = |d: &Makeup, page: u32, part: u32| {
        let layout = d.to_layout("small.ron");
        let page = layout.pages.iter().find(|p| p.number == page).unwrap();
        page.placements.iter().find(|p| p.item == "a6" && p.part == part).unwrap().cut
    };
    assert_eq!((cut_of(&d, 1, 1), cut_of(&d, 2, 2)), (0, 1), "kept on the part that ends the article");
    assert_eq!(d.copyfit_here(1, "a6", 1).unwrap().cut, 1, "either part says the article's cut");
    assert_eq!(d.copyfit_here(2, "a6", 2).unwrap().cut, 1);
    d.cut_by(2, "a6", 2, -1).unwrap();
    assert_eq!((cut_of(&d, 1, 1), cut_of(&d, 2, 2)), (0, 0));
    assert!(matches!(d.cut_by(1, "a6", 1, -1), Err(Refusal::SameCut { cut: 0, .. })));
    // A layout may keep a cut on an earlier part: `C` on the last gives it back.
    d.set_cut(1, "a6", 1, 1).unwrap();
    d.cut_by(2, "a6", 2, -1).unwrap();
    assert_eq!((cut_of(&d, 1, 1), cut_of(&d, 2, 2)), (0, 0));
    loads_again(&d);
}

#[test]
fn a_later_part_the_parts_before_leave_nothing_for_is_reported() {
    let mut d = continued(2, 1);
    let empty =
        |d: &Makeup| d.validate().into_iter().filter(|p| p.kind() == ProblemKind::EmptyPart).collect::<Vec<_>>();
    assert!(empty(&d).is_empty());
    // Part 1 made deep enough for the whole body: part 2 is a headline and a from-line.
    let outcome = d.set_depth(1, "a6", Depth::Fixed(90)).unwrap();
    // The step says so at once (found from outside: the editor showed nothing until a reload).
    assert_eq!(outcome.empty_parts, [("a6".to_string(), 2)]);
    assert_eq!(part_box(&d, 2, "a6", 2).set.body.len(), 0);
    assert_eq!(empty(&d), [Problem::EmptyPart { page: 2, item: "a6".into(), part: 2 }]);
}

#[test]
fn the_galley_marks_head_lines_below_the_box_as_overset() {
    use pasteup_core::catalogue::UiLang;
    use pasteup_core::proof::galley::{galleys, write_galley};
    // A part 1 of 2 lines: its headline takes them, so its jump line is overset and so is
    // any head line under the headline.
    let mut d = continued(2, 1);
    d.set_depth(1, "a6", Depth::Fixed(2)).unwrap();
    let one = part_box(&d, 1, "a6", 1);
    let head_lines: u32 = one.set.heads.iter().map(|b| b.lines.len() as u32).sum();
    let g = galleys(&d).into_iter().find(|g| g.item.id() == "a6" && g.at.is_some_and(|at| at.page == 1)).unwrap();
    let mut text = String::new();
    write_galley(&mut text, &g, UiLang::En);
    let marked = text.lines().filter(|l| l.starts_with("     - |")).count() as u32;
    assert_eq!(marked, one.fit.overset_lines, "{text}");
    assert!(head_lines > 1 && one.fit.overset_lines >= 2, "{text}");
    assert!(text.contains("overset (1 line):"), "{text}");
}

/// Found from outside: a part 1 with room for its heads alone, the whole body in part 2, was
/// said to have its jump line's characters cut. The jump line is no copy: the line is cut (and
/// counts in the overset lines, marked in the proof), no character of the story is.
#[test]
fn a_jump_line_below_the_box_is_no_copy_cut() {
    use pasteup_core::proof::galley::{galley_json, galleys};
    let mut d = continued(2, 1);
    let heads = part_box(&d, 1, "a6", 1).set.heads_depth();
    d.set_depth(1, "a6", Depth::Fixed(heads)).unwrap();
    let one = part_box(&d, 1, "a6", 1);
    assert!(one.set.too_shallow_for_copy() && one.set.body.len() == 1, "{:?}", one.set.body);
    assert_eq!(one.set.body[0].text, "（下转第2版）");
    assert_eq!((one.fit.lines(), one.fit.overset_lines, one.fit.overset_chars), (-1, 1, 0));
    // The same in `check`, `proof`, the exports and the status line.
    assert_eq!(d.page_summary(1).unwrap().overset_chars, 0);
    let overset = d.validate().into_iter().find(|p| p.kind() == ProblemKind::Overset);
    assert_eq!(overset, Some(Problem::Overset { page: 1, item: "a6".into(), part: 1, lines: 1, chars: 0 }));
    let g = galleys(&d).into_iter().find(|g| g.item.id() == "a6" && g.at.is_some_and(|at| at.page == 1)).unwrap();
    assert_eq!(galley_json(&g).overset_chars, 0);
    assert_eq!(d.copyfit_here(1, "a6", 1).unwrap().fit.overset_chars, 0);
    // Its badge is `no copy` in `check --json` as in `check` (found from outside: `-1 overset`).
    let finished = pasteup_core::report::box_badge(&one.set, &one.fit);
    assert_eq!(finished, "no copy");
    // Part 2 holds every character of the copy.
    let copy: u32 = article_lines("a6").iter().map(|l| l.chars().filter(|c| !c.is_whitespace()).count() as u32).sum();
    let two = part_box(&d, 2, "a6", 2);
    assert_eq!(two.set.body.iter().map(|l| l.chars()).sum::<u32>(), copy);
    // Nor is the from-line: part 2 with room for its headline alone has every character of
    // the copy overset, and no more: not the `（）` pasteup sets round the byline either.
    assert!(small_issue().item("a6").is_some_and(|i| matches!(i, Item::Article(a) if a.byline.is_some())));
    let copy = copy - 2;
    let headline = two.set.heads[0].depth;
    d.set_depth(2, "a6", Depth::Fixed(headline)).unwrap();
    let two = part_box(&d, 2, "a6", 2);
    assert_eq!(two.set.heads[1].kind, BlockKind::Jump);
    assert_eq!(two.fit.overset_chars, copy, "{:?}", two.fit);
}

/// Found from outside: with both parts on one page, `fit` offered no depth for part 2 (the
/// trial deepened part 1, the box the item's name found first).
#[test]
fn the_depth_remedy_deepens_the_part_it_is_for() {
    let mut d = continued(1, 3);
    assert_eq!(d.parts_of("a6"), [(1, 1), (2, 1)]);
    d.focus_part("a6", 2);
    d.set_depth(1, "a6", Depth::Fixed(5)).unwrap();
    d.clear_focus();
    let two = part_box(&d, 1, "a6", 2);
    assert!(two.fit.is_overset(), "{:?}", two.fit);
    let remedies = d.remedies(1, "a6", 2).unwrap();
    let depth = remedies.iter().find(|r| r.kind == RemedyKind::Depth).expect("a depth remedy");
    assert_eq!((depth.value, depth.fit), (two.set.depth_needed(), 0));
    d.apply_remedy(1, "a6", 2, depth).unwrap();
    let depths: Vec<Depth> = d.placements(1).iter().map(|p| p.depth).collect();
    assert_eq!(depths, [Depth::Fixed(20), Depth::Fixed(depth.value)]);
    assert_eq!(part_box(&d, 1, "a6", 2).fit.lines(), 0);
}

/// Found from outside: a part deep enough for all the copy is short, and `fit` offered the depth
/// it needs, which "fits" and leaves the part after it empty (`empty_part`). The remedy it
/// offers is a line shallower: the part is full and the last of the copy flows on.
#[test]
fn a_depth_remedy_never_leaves_the_next_part_empty() {
    let mut d = continued(2, 1);
    d.set_depth(1, "a6", Depth::Fixed(90)).unwrap();
    assert!(part_box(&d, 1, "a6", 1).fit.lines() > 0, "short");
    assert!(d.validate().iter().any(|p| p.kind() == ProblemKind::EmptyPart));
    apply_depth_remedy(&mut d);
}

/// Found from outside: `t` on a box with room for its headline and the jump line only left
/// part 1 without a line of its copy (and "fits"); all of it went on to part 2. Refused, with
/// what to do; a line deeper, the box holds copy and continues.
#[test]
fn a_box_too_shallow_for_any_copy_is_not_continued() {
    let issue = small_issue();
    let set = set_item_as(issue.item("a6").unwrap(), &issue.pages[0].grid, issue.language, 1, &Setting::default());
    let heads = set.heads_depth();
    let mut d = desk(vec![at("a6", 1, 1, 1, heads + 1)]);
    let refused = d.continue_part(1, "a6", 1);
    assert!(matches!(refused, Err(Refusal::TooShallowToContinue { depth, .. }) if depth == heads + 1), "{refused:?}");
    assert!(d.waiting_parts("a6").is_empty(), "nothing changed");
    let mut d = desk(vec![at("a6", 1, 1, 1, heads + 2)]);
    d.continue_part(1, "a6", 1).unwrap();
    d.place_from_bin(2, "a6", 1, None).unwrap();
    let first = part_box(&d, 1, "a6", 1);
    assert_eq!(first.set.body.len(), 2, "one line of copy and the jump line");
}

/// Found from outside: with a byline, one line less than all the copy needs moved only the
/// byline on, leaving the next part without copy, and no depth remedy was offered though a line
/// or two shallower fits. The deepest depth that leaves the next part copy is offered.
#[test]
fn a_depth_remedy_for_a_part_with_a_byline_leaves_the_next_part_copy() {
    let mut issue = small_issue();
    let Some(Item::Article(a)) = issue.items.iter_mut().find(|i| i.id() == "a6") else { panic!("a6") };
    a.byline = Some("（本报记者 张三 李四）".into());
    let layout = Layout {
        issue: "small.ron".into(),
        pages: vec![PageLayout { number: 1, placements: vec![at("a6", 1, 1, 1, 20)] }],
        conflicts: Vec::new(),
    };
    let mut d = Makeup::new(issue, &layout);
    d.continue_part(1, "a6", 1).unwrap();
    d.place_from_bin(2, "a6", 1, None).unwrap();
    d.set_depth(1, "a6", Depth::Fixed(150)).unwrap();
    assert!(part_box(&d, 1, "a6", 1).fit.lines() > 0, "short");
    let depth = apply_depth_remedy(&mut d);
    // The deepest such: a line deeper leaves the next part without copy.
    d.set_depth(1, "a6", Depth::Fixed(depth + 1)).unwrap();
    assert!(d.validate().iter().any(|p| p.kind() == ProblemKind::EmptyPart), "{depth}");
}

/// Applies the depth remedy `fit` offers part 1 of a6 (part 2 on page 2): it gives the fit it
/// promises and leaves part 2 copy. Returns the depth.
fn apply_depth_remedy(d: &mut Makeup) -> u32 {
    let remedies = d.remedies(1, "a6", 1).unwrap();
    let depth = remedies.iter().find(|r| r.kind == RemedyKind::Depth).expect("a depth remedy");
    d.apply_remedy(1, "a6", 1, depth).unwrap();
    assert_eq!(part_box(d, 1, "a6", 1).fit.lines(), depth.fit);
    assert!(d.validate().iter().all(|p| p.kind() != ProblemKind::EmptyPart), "{:?}", d.validate());
    assert!(!part_box(d, 2, "a6", 2).set.body.is_empty());
    depth.value
}

/// Found from outside: a part 1 whose jump line fell below its box (one overset line, no
/// character cut) was offered no remedy by `fit`, though a deeper box fits it. In one column
/// the depth its heads and jump line need holds none of the copy; the remedy is the shallowest
/// depth that holds some, and applied it fits and leaves no part empty.
#[test]
fn a_part_whose_jump_line_falls_below_it_is_offered_a_deeper_box() {
    for span in [1, 2] {
        let mut d = desk(vec![at("a6", 1, span, 1, 20)]);
        d.continue_part(1, "a6", 1).unwrap();
        d.place_from_bin(2, "a6", 1, None).unwrap();
        let heads = part_box(&d, 1, "a6", 1).set.heads_depth();
        d.set_depth(1, "a6", Depth::Fixed(heads)).unwrap();
        let one = part_box(&d, 1, "a6", 1);
        assert_eq!((one.fit.lines(), one.fit.overset_chars), (-1, 0), "{span} columns");
        let unfit = d.unfit_boxes(Some("a6"));
        let b = unfit.iter().find(|b| b.part == 1).unwrap();
        let depth = b.remedies.iter().find(|r| r.kind == RemedyKind::Depth);
        let depth = depth.unwrap_or_else(|| panic!("{span} columns: no depth remedy in {:?}", b.remedies));
        assert_eq!(depth.fit, 0);
        for r in &b.remedies {
            let mut tried = d.clone();
            tried.apply_remedy(1, "a6", 1, r).unwrap();
            assert_eq!(part_box(&tried, 1, "a6", 1).fit.lines(), r.fit, "{r:?}");
            assert!(!part_box(&tried, 1, "a6", 1).set.holds_no_copy(), "{r:?}");
            assert!(tried.validate().iter().all(|p| p.kind() != ProblemKind::EmptyPart), "{r:?}");
        }
    }
}

/// Found from outside: part 2 placed on the same page as part 1 made part 1 say `（下转第1版）`,
/// sending the reader to the page in hand. Part 1 says `（下转本版）`, part 2 `（上接本版）`;
/// moved to another page, the page number again.
#[test]
fn a_part_on_the_same_page_jumps_to_this_page() {
    let mut d = continued(1, 3);
    assert_eq!(d.parts_of("a6"), [(1, 1), (2, 1)]);
    let one = part_box(&d, 1, "a6", 1);
    let two = part_box(&d, 1, "a6", 2);
    assert_eq!(one.set.body.last().unwrap().text, "（下转本版）");
    assert_eq!(two.set.heads[1].lines[0].text, "（上接本版）");
    assert!(!one.fit.is_overset() && !two.fit.is_overset(), "{:?} {:?}", one.fit, two.fit);
    d.move_to_page(1, "a6", 2).unwrap_or_else(|_| panic!("{:?}", d.parts_of("a6")));
    let parts = d.parts_of("a6");
    let (_, p2) = parts.iter().find(|(part, _)| *part == 2).copied().unwrap();
    let (_, p1) = parts.iter().find(|(part, _)| *part == 1).copied().unwrap();
    assert_ne!(p1, p2, "{parts:?}");
    let one = part_box(&d, p1, "a6", 1);
    assert_eq!(one.set.body.last().unwrap().text, format!("（下转第{p2}版）"));
}

/// Found from outside: `C` on an `Auto` part 2 gave a sentence back, and the part grew into
/// the box under it without a push or a word, where on a box of its own it pushes.
#[test]
fn a_sentence_given_back_to_a_later_part_pushes_the_box_under_it() {
    let issue_path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("layouts/taiyuan-2023-02-10.ron");
    let issue = pasteup_core::format::load_issue(&issue_path).unwrap().value;
    let fitted = std::fs::read_to_string(issue_path.with_file_name("taiyuan-2023-02-10.fitted.layout.ron")).unwrap();
    // hospital-tender moved from page 3 to under part 2, which keeps one sentence cut.
    let text = fitted
        .replace("            Placement(item: \"hospital-tender\", column: 6, span: 3, line: 50, depth: Auto),\n", "")
        .replace(
            "Placement(item: \"bingzhou-forum\", column: 4, span: 2, line: 15, depth: Auto, part: 2),",
            "Placement(item: \"bingzhou-forum\", column: 4, span: 2, line: 15, depth: Auto, cut: 1, part: 2),\n            \
             Placement(item: \"hospital-tender\", column: 4, span: 2, line: 24, depth: Auto),",
        );
    let layout = parse_layout(std::path::Path::new("f.layout.ron"), &text).unwrap();
    let mut d = Makeup::new(issue, &layout);
    let under = |d: &Makeup| d.resolved(4).into_iter().find(|b| b.item == "hospital-tender").unwrap().line;
    assert_eq!(under(&d), 24);
    assert!(d.validate().iter().all(|p| p.kind() != ProblemKind::Overlap), "{:?}", d.validate());
    let out = d.cut_by(4, "bingzhou-forum", 2, -1).unwrap();
    let two = part_box(&d, 4, "bingzhou-forum", 2);
    assert!(two.line + two.box_depth > 24, "the part grew past line 23: {} + {}", two.line, two.box_depth);
    assert_eq!(under(&d), two.line + two.box_depth);
    assert_eq!(out.pushed, [("hospital-tender".to_string(), 1)]);
    assert!(d.validate().iter().all(|p| p.kind() != ProblemKind::Overlap), "{:?}", d.validate());
}

/// The tester's issue: one article on pages 3 and 100 in columns `em` wide, part 1 across 2
/// columns at `depth` on page 3, part 2 on page 100.
fn jumping_to_page_100(em: u16, depth: u32) -> Makeup {
    let issue = format!(
        r#"Issue(paper:"测试报", date:"2023-02-10", language:"zh-Hans",
 pages:[Page(number:3, grid:Grid(columns:4, column_width:{em}, gutter:1, depth:60, indent:0)),
        Page(number:100, grid:Grid(columns:4, column_width:{em}, gutter:1, depth:60, indent:0))],
 items:[Article(id:"a1", headline:"测试", body:["本报讯今年要集中力量办好民生实事，加快完善体系。"])])"#
    );
    let layout = format!(
        r#"Layout(issue: "q.ron", pages: [
    PageLayout(number: 3, placements: [Placement(item: "a1", column: 1, span: 2, line: 1, depth: Fixed({depth}))]),
    PageLayout(number: 100, placements: [Placement(item: "a1", column: 1, span: 1, line: 1, depth: Auto, part: 2)]),
])"#
    );
    let issue = pasteup_core::format::parse_issue(std::path::Path::new("q.ron"), &issue).unwrap();
    Makeup::new(issue, &parse_layout(std::path::Path::new("q.layout.ron"), &layout).unwrap())
}

/// Found from outside: at 3 em `转100版` took two lines in a part whose legs had room for one
/// each; the fit said overset by 0 lines, the galley marked none and drew both lines in a
/// one-line leg, and the exports lost `版`. At 3 em the jump line is `转100`, one line; in a
/// column too narrow even for `100` (1 em), the line of it no leg holds is overset, counted by
/// the fit and marked `-` in the galley alike.
#[test]
fn a_jump_line_no_leg_holds_is_overset_and_marked() {
    use pasteup_core::catalogue::UiLang;
    use pasteup_core::proof::galley::{galleys, write_galley};
    let d = jumping_to_page_100(3, 3);
    let one = part_box(&d, 3, "a1", 1);
    assert_eq!(one.set.body.last().unwrap().text, "转100");
    assert!(!one.fit.is_overset() && !one.set.holds_no_copy(), "{:?}", one.fit);
    let d = jumping_to_page_100(1, 5);
    let one = part_box(&d, 3, "a1", 1);
    assert_eq!(one.set.part.as_ref().unwrap().jump_lines, 2);
    assert_eq!((one.fit.lines(), one.fit.overset_lines, one.fit.overset_chars), (-1, 1, 0));
    let legs = one.set.legs_at(Depth::Fixed(5));
    assert!(legs.iter().all(|leg| leg.len() <= 1), "{legs:?}");
    assert_eq!(one.set.body.len() - legs.last().unwrap().end, 1, "{legs:?}");
    let g = galleys(&d).into_iter().find(|g| g.item.id() == "a1" && g.at.is_some_and(|at| at.page == 3)).unwrap();
    let mut text = String::new();
    write_galley(&mut text, &g, UiLang::En);
    let marked = text.lines().filter(|l| l.starts_with("     - |")).count() as u32;
    assert_eq!(marked, 1, "{text}");
    assert!(text.contains("-1 overset (1 line, 0 characters cut)"), "{text}");
}

/// Found from outside: `t` counted the jump line the waiting part will need as `转本版` on one
/// line, but placed on page 100 it was `转100版` on two, and part 1 held no copy. The part is
/// now counted with the jump line of the most lines any page of the issue gives it: in 1-em
/// columns `转本版` takes 3 lines and `1000000` 4, so a box with room for 4 lines beside its
/// heads is refused, and one with room for 5 holds a line of copy on whichever page.
#[test]
fn continuing_counts_the_jump_line_as_the_widest_page_sets_it() {
    let issue = r#"Issue(paper:"测试报", date:"2023-02-10", language:"zh-Hans",
 pages:[Page(number:3, grid:Grid(columns:4, column_width:1, gutter:1, depth:60, indent:0)),
        Page(number:1000000, grid:Grid(columns:4, column_width:1, gutter:1, depth:60, indent:0))],
 items:[Article(id:"a1", headline:"测试", body:["本报讯今年要集中力量办好民生实事，加快完善体系。"])])"#;
    let issue = pasteup_core::format::parse_issue(std::path::Path::new("q.ron"), issue).unwrap();
    let desk_at = |depth| {
        let layout = Layout {
            issue: "q.ron".into(),
            pages: vec![PageLayout { number: 3, placements: vec![at("a1", 1, 1, 1, depth)] }],
            conflicts: Vec::new(),
        };
        Makeup::new(issue.clone(), &layout)
    };
    let heads = part_box(&desk_at(8), 3, "a1", 1).set.heads_depth();
    let mut d = desk_at(heads + 4);
    let refused = d.continue_part(3, "a1", 1);
    assert!(matches!(refused, Err(Refusal::TooShallowToContinue { .. })), "{refused:?}");
    let mut d = desk_at(heads + 5);
    d.continue_part(3, "a1", 1).unwrap();
    d.place_from_bin(1000000, "a1", 1, None).unwrap();
    let one = part_box(&d, 3, "a1", 1);
    assert_eq!(one.set.part.as_ref().unwrap().jump_lines, 4);
    assert!(!one.set.holds_no_copy() && !one.fit.is_overset(), "{:?} {:?}", one.fit, one.set.body);
}

/// Found from outside: the bin counted the `（）` set round a byline as characters of the copy
/// (an article with body `一二三。` and byline `記者` was 10 characters, not 8).
#[test]
fn the_bin_counts_the_copy_not_the_marks_round_the_byline() {
    use pasteup_core::fit::cut::count_chars;
    let d = desk(vec![]);
    let issue = small_issue();
    let Some(Item::Article(a)) = issue.item("a0") else { panic!("a0 is an article") };
    let copy: u32 = [Some(&a.headline), a.subhead.as_ref(), a.byline.as_ref()]
        .into_iter()
        .flatten()
        .chain(&a.body)
        .map(|t| count_chars(t))
        .sum();
    let entry = d.bin_entries().into_iter().find(|e| e.id == "a0").unwrap();
    assert_eq!(entry.chars, copy, "记者 王0 is 4 characters, its （） none");
}
