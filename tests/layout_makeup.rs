//! The make-up operations of version 2 with exact coordinates: jump moves, pull-up, cut-out,
//! placing into a hole, free lines per column, and the command line.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "a test fails loudly")]

mod layout_support;

use layout_support::{at, desk, where_is};
use pasteup_core::layout::{Command, CommandArg, Context, Done, Hit, Landing, Refusal, Target};
use pasteup_core::model::Depth;

#[test]
fn jump_up_meets_the_box_above_or_line_one() {
    let mut d = desk(vec![at("a0", 1, 2, 1, 10), at("a1", 2, 1, 30, 5), at("a2", 5, 1, 40, 5)]);
    d.jump_up(1, "a1").unwrap();
    assert_eq!(where_is(&d, "a1"), (2, 1, 11));
    d.jump_up(1, "a2").unwrap();
    assert_eq!(where_is(&d, "a2"), (5, 1, 1));
    let no = d.jump_up(1, "a1").unwrap_err();
    assert_eq!(no, Refusal::MeetsAbove { name: "晋源区集中力量办好民生实事".into() });
    assert_eq!(no.to_string(), "Can't move 晋源区集中力量办好民生实事 up: it meets the box above");
    let no = d.jump_up(1, "a0").unwrap_err();
    assert!(matches!(no, Refusal::AtTop { .. }), "{no}");
    d.undo().unwrap();
    assert_eq!(where_is(&d, "a2"), (5, 1, 40), "each jump is one undo step");
}

#[test]
fn jump_down_meets_the_box_below_or_the_foot() {
    let mut d = desk(vec![at("a0", 1, 2, 1, 10), at("a1", 2, 1, 60, 5), at("a2", 5, 1, 1, 5)]);
    d.jump_down(1, "a0").unwrap();
    assert_eq!(where_is(&d, "a0"), (1, 2, 50), "bottom meets a1's top at line 60");
    assert_eq!(where_is(&d, "a1"), (2, 1, 60), "nothing is pushed");
    d.jump_down(1, "a2").unwrap();
    assert_eq!(where_is(&d, "a2"), (5, 1, 96), "bottom on line 100, the foot");
    assert!(matches!(d.jump_down(1, "a2").unwrap_err(), Refusal::AtFoot { .. }));
    assert!(matches!(d.jump_down(1, "a0").unwrap_err(), Refusal::MeetsBelow { .. }));
}

#[test]
fn pull_up_closes_every_gap_top_down_in_one_step() {
    let start = vec![
        at("a0", 1, 2, 5, 10),
        at("a1", 1, 1, 30, 5),
        at("a2", 2, 2, 20, 10),
        at("a3", 3, 1, 50, 5),
        at("a4", 6, 1, 1, 5),
    ];
    let mut d = desk(start);
    let before = d.to_layout("x");
    let out = d.pull_up(1).unwrap();
    assert_eq!(where_is(&d, "a0"), (1, 2, 1));
    assert_eq!(where_is(&d, "a2"), (2, 2, 11), "meets a0 in column 2");
    assert_eq!(where_is(&d, "a1"), (1, 1, 11), "meets a0 in column 1");
    assert_eq!(where_is(&d, "a3"), (3, 1, 21), "meets a2 in column 3");
    assert_eq!(where_is(&d, "a4"), (6, 1, 1), "already at line 1");
    assert!(out.pushed.is_empty());
    assert_eq!(d.pull_up(1).unwrap_err(), Refusal::NothingToPullUp { page: 1 });
    d.undo().unwrap();
    assert_eq!(d.to_layout("x"), before, "one undo step");
}

#[test]
fn cut_out_bins_the_box_and_pulls_up_what_stood_below_it() {
    let mut d = desk(vec![
        at("a0", 1, 2, 1, 10),
        at("a1", 1, 1, 11, 5),
        at("a2", 2, 2, 20, 10),
        at("a3", 4, 1, 40, 5),
        at("a4", 5, 1, 30, 5),
    ]);
    let before = d.to_layout("x");
    let out = d.cut_out(1, "a0").unwrap();
    assert!(d.in_bin("a0"));
    assert_eq!(out.touched.as_deref(), Some("a0"));
    assert_eq!(where_is(&d, "a1"), (1, 1, 1));
    assert_eq!(where_is(&d, "a2"), (2, 2, 1));
    assert_eq!(where_is(&d, "a3"), (4, 1, 40), "a3 stood in column 4, not under a0");
    assert_eq!(where_is(&d, "a4"), (5, 1, 30), "outside a0's columns: stays");
    assert_eq!(out.pulled, ["a1", "a2"], "the boxes that rose, not a3, which could not");
    let undone = d.undo().unwrap();
    assert_eq!(undone.touched.as_deref(), Some("a0"), "undo names the box the step touched");
    assert_eq!(d.to_layout("x"), before, "one undo step");
    // Found from outside: "the boxes under it pulled up" when a box in the next column held
    // the one under it where it stood.
    let mut d = desk(vec![at("a0", 1, 1, 1, 10), at("a1", 2, 1, 1, 30), at("a2", 1, 2, 31, 5)]);
    let out = d.cut_out(1, "a0").unwrap();
    assert_eq!(where_is(&d, "a2"), (1, 2, 31), "a1 holds it in column 2");
    assert!(out.pulled.is_empty(), "{:?}", out.pulled);
}

#[test]
fn placing_from_the_bin_finds_the_first_hole_that_holds_the_item() {
    // Column 1-2 full to line 60, column 3-4 to line 95, 5-8 empty from line 40.
    let mut d = desk(vec![at("a0", 1, 2, 1, 60), at("a1", 3, 2, 1, 95), at("a2", 5, 4, 1, 39)]);
    let (span, depth) = d.bin_fit(1, "p1").unwrap();
    assert_eq!(span, 3, "a photo at its own span");
    let out = d.place_from_bin(1, "p1", 3, None).unwrap();
    assert_eq!(out.landing, Some(Landing::Hole));
    assert!(out.pushed.is_empty());
    assert_eq!(where_is(&d, "p1"), (5, 3, 40), "from column 3 rightwards, first line a hole starts");
    assert_eq!(d.placement_of("p1").unwrap().1.depth, Depth::Auto);
    let resolved = d.resolved(1);
    assert_eq!(resolved.iter().find(|b| b.item == "p1").unwrap().box_depth, depth);
    // From column 1: the hole under a0 (line 61) is found before anything lower.
    let out = d.place_from_bin(1, "p0", 1, Some("a1")).unwrap();
    assert_eq!(out.landing, Some(Landing::Hole));
    assert_eq!(where_is(&d, "p0"), (1, 2, 61));
}

/// Found from outside: on a page where two boxes overlap (the copy desk lengthened the upper
/// one), `Enter` took the lines under the lower box for a hole, though they were free only
/// because of the overlap; settling the page then pushed the lower box below the new one,
/// reversing the column's order, and the status line named no push. A hole now clears every
/// line a box passes through as the page settles: the new box goes under the lower one.
#[test]
fn a_hole_is_not_one_that_only_an_overlap_left_free() {
    let mut d = desk(vec![at("a0", 1, 2, 1, 11), at("a1", 1, 2, 8, 11), at("a2", 3, 6, 1, 100)]);
    let (_, depth) = d.bin_fit(1, "a3").unwrap();
    assert!(22 + depth <= 100, "the test needs room under the settled a1: {depth}");
    let out = d.place_from_bin(1, "a3", 1, None).unwrap();
    assert_eq!(out.landing, Some(Landing::Hole));
    assert_eq!(where_is(&d, "a1"), (1, 2, 12), "a1 settles under a0");
    assert_eq!(where_is(&d, "a3"), (1, 2, 23), "the first hole is under a1 as settled");
    assert_eq!(out.pushed_items(), ["a1"], "the push the overlap made is said");
}

/// Found from outside: with two boxes overlapping, `Enter` took every line the lower one
/// passes through as it settles for filled, and skipped the hole those lines leave once it
/// has sunk. Here a1 overlaps a0 in column 2 and sinks under it; columns 3–4 from line 1 are
/// free on the settled page, and the new box there moves nothing further.
#[test]
fn a_hole_the_lower_of_two_overlapping_boxes_leaves_as_it_settles_is_used() {
    let (span, depth) = desk(Vec::new()).bin_fit(1, "a3").unwrap();
    assert!(span == 2 && depth + 5 <= 100, "the test needs a 2-column box with room under it: {span} {depth}");
    let mut d = desk(vec![at("a0", 1, 2, 1, depth), at("a1", 2, 2, 2, 5), at("a2", 5, 4, 1, 100)]);
    let out = d.place_from_bin(1, "a3", 1, None).unwrap();
    assert_eq!(out.landing, Some(Landing::Hole));
    assert_eq!(where_is(&d, "a3"), (3, 2, 1), "the hole a1 leaves in columns 3–4");
    assert_eq!(where_is(&d, "a1"), (2, 2, depth + 1), "a1 settles under a0, no further");
    assert_eq!(where_is(&d, "a0"), (1, 2, 1));
    assert_eq!(out.pushed_items(), ["a1"], "the push the overlap made is said");
}

/// Found from outside: with no hole, the box placed under the lower of two overlapping boxes
/// went below everything and pushed nothing, but the status line said it pushed down the box
/// that settling the overlap had pushed.
#[test]
fn under_the_selection_the_push_the_overlap_made_is_told_apart() {
    let mut d = desk(vec![at("a0", 1, 8, 1, 50), at("a1", 1, 8, 40, 50)]);
    let out = d.place_from_bin(1, "a3", 1, Some("a1")).unwrap();
    assert_eq!(out.landing, Some(Landing::UnderSelection));
    assert_eq!(where_is(&d, "a1"), (1, 8, 51), "the overlap settled");
    assert_eq!(out.pushed_items(), ["a1"]);
    assert_eq!(out.overlap_pushed, [("a1".to_string(), 1)], "pushed by the overlap, not by a3");
    use pasteup_core::catalogue::{Render, Status, UiLang};
    let status = Status::PlacedUnder {
        item: "a3".into(),
        part: 1,
        under: "a1".into(),
        pushed: Vec::new(),
        overlap: out.overlap_pushed.clone(),
    };
    assert_eq!(
        status.render(UiLang::En),
        "No hole holds a3: placed under a1; settling the page's overlap pushed down a1"
    );
}

#[test]
fn with_no_hole_the_item_goes_under_the_selection_and_pushes() {
    // Every column full but for 3 lines at the foot of column 1-2: the article needs more.
    let mut d = desk(vec![at("a0", 1, 2, 1, 97), at("a1", 3, 6, 1, 60), at("a2", 3, 6, 61, 40)]);
    let out = d.place_from_bin(1, "a3", 1, Some("a1")).unwrap();
    assert_eq!(out.landing, Some(Landing::UnderSelection));
    assert_eq!(where_is(&d, "a3").2, 61, "right under a1");
    assert_eq!(where_is(&d, "a3").0, 3);
    assert_eq!(out.pushed_items(), ["a2"]);
    // Nothing selected: below everything in its columns, never pushing.
    let out = d.place_from_bin(1, "a4", 1, None).unwrap();
    assert_eq!(out.landing, Some(Landing::Bottom));
    assert_eq!(where_is(&d, "a4"), (1, 2, 98));
    assert!(out.pushed.is_empty());
}

#[test]
fn a_hole_one_line_short_is_not_used() {
    let (_, depth) = desk(Vec::new()).bin_fit(1, "a1").unwrap();
    // Leave exactly depth - 1 lines at the foot of every column.
    let mut d2 = desk(vec![at("a0", 1, 8, 1, 100 - depth + 1)]);
    let out = d2.place_from_bin(1, "a1", 1, None).unwrap();
    assert_eq!(out.landing, Some(Landing::Bottom));
    // One more line and it fits, ending on the foot.
    let mut d3 = desk(vec![at("a0", 1, 8, 1, 100 - depth)]);
    let out = d3.place_from_bin(1, "a1", 1, None).unwrap();
    assert_eq!(out.landing, Some(Landing::Hole));
    assert_eq!(where_is(&d3, "a1").2 + depth - 1, 100);
}

#[test]
fn free_lines_per_column() {
    let d = desk(vec![at("a0", 1, 2, 1, 60), at("a1", 2, 1, 61, 50), at("a2", 8, 1, 1, 1)]);
    assert_eq!(d.free_lines(1), [40, 0, 100, 100, 100, 100, 100, 99], "line past the foot is not room");
    assert!(d.free_lines(9).is_empty());
}

#[test]
fn commands_parse_into_what_they_say() {
    let parse = |s: &str| s.parse::<Command>();
    let to = Target { column: Some(3), line: Some(12), span: None };
    assert_eq!(parse(":place a1 column 3 line 12").unwrap(), Command::Place { item: "a1".into(), to });
    assert_eq!(
        parse("place 晋源 span 2").unwrap(),
        Command::Place { item: "晋源".into(), to: Target { span: Some(2), ..Target::default() } }
    );
    assert_eq!(parse("depth auto").unwrap(), Command::Depth(Depth::Auto));
    assert_eq!(parse("depth 40").unwrap(), Command::Depth(Depth::Fixed(40)));
    assert_eq!(parse("find 清雪 除冰").unwrap(), Command::Find("清雪 除冰".into()));
    assert_eq!(parse("q!").unwrap(), Command::ForceQuit);
    assert_eq!(parse("wq").unwrap(), Command::WriteQuit);
    let wrong = |s: &str| parse(s).unwrap_err().to_string();
    assert_eq!(wrong("plce a1"), "Unknown command \"plce\": did you mean :place?");
    assert_eq!(wrong("Depth 40"), "Unknown command \"Depth\": did you mean :depth?");
    assert_eq!(
        wrong("zoom"),
        "Unknown command \"zoom\": expected one of place, line, column, span, depth, page, find, w, w!, q, wq, x, q!"
    );
    assert_eq!(wrong("line x"), "line wants a whole number from 1, not \"x\"");
    assert_eq!(wrong("line 0"), "line wants a whole number from 1, not \"0\"");
    assert_eq!(wrong("line"), ":line needs a line number: :line 12");
    assert_eq!(
        wrong("place a1 row 3"),
        "Unknown word \"row\" in :place: expected :place ID [column N] [line N] [span N]"
    );
    assert_eq!(
        wrong("place a1 line"),
        "\"line\" needs a number after it: expected :place ID [column N] [line N] [span N]"
    );
    assert_eq!(wrong("depth deep"), "depth wants a whole number from 1 or auto, not \"deep\"");
    assert_eq!(wrong("q now"), ":q takes nothing after it");
    assert_eq!(
        parse("w /tmp/night copy.layout.ron").unwrap(),
        Command::WriteTo { path: "/tmp/night copy.layout.ron".into(), force: false }
    );
    assert_eq!(parse("w! x.layout.ron").unwrap(), Command::WriteTo { path: "x.layout.ron".into(), force: true });
    assert_eq!(parse("line x").unwrap_err(), Refusal::NotANumber { word: "line".into(), value: "x".into() });
    assert_eq!(
        parse("place").unwrap_err(),
        Refusal::CommandNeeds { command: "place".into(), what: CommandArg::ItemId }
    );
    assert_eq!(parse("place a1 line").unwrap_err(), Refusal::PlaceWordNeedsNumber { word: "line".into() });
    assert_eq!(parse("  ").unwrap_err(), Refusal::EmptyCommand);
}

/// Found from outside: `:line 3 4` said ":line needs a line number" when a number was given;
/// the word after it is what is wrong, and the refusal names it (as `:q now` is refused).
#[test]
fn a_word_after_a_commands_one_argument_is_refused_as_extra() {
    use pasteup_core::catalogue::{Render, UiLang};
    let cases = [
        ("line 3 4", "line", CommandArg::Line, "4"),
        ("column 2 x", "column", CommandArg::Column, "x"),
        ("col 2 3", "col", CommandArg::Column, "3"),
        ("span 2 3 4", "span", CommandArg::Span, "3 4"),
        ("depth 40 50", "depth", CommandArg::Depth, "50"),
        ("depth auto now", "depth", CommandArg::Depth, "now"),
        ("page 3 4", "page", CommandArg::Page, "4"),
    ];
    for (line, command, what, extra) in cases {
        let no = line.parse::<Command>().unwrap_err();
        assert_eq!(no, Refusal::CommandExtra { command: command.into(), what, extra: extra.into() }, "{line}");
        let en = no.render(UiLang::En);
        assert!(en.starts_with(&format!(":{command} takes only ")) && en.contains(&format!("\"{extra}\"")), "{en}");
        let zh = no.render(UiLang::ZhHans);
        assert!(!zh.contains("需要") && zh.contains(&format!("「{extra}」")), "{zh}");
    }
    assert_eq!(
        "line 3 4".parse::<Command>().unwrap_err().to_string(),
        ":line takes only a line number; \"4\" is extra: :line 12"
    );
    // In :place each of column, line and span takes one number; what follows it is either
    // the next word or extra, never a word that "needs a number".
    let no = "place a1 column 3 4".parse::<Command>().unwrap_err();
    assert_eq!(no, Refusal::PlaceWordExtra { word: "column".into(), extra: "4".into() });
    assert!(no.to_string().starts_with("\"column\" takes only one number; \"4\" is extra"), "{no}");
    assert!(no.render(UiLang::ZhHans).contains("「4」"), "{}", no.render(UiLang::ZhHans));
    let no = "place a1 line 3 span 2 9".parse::<Command>().unwrap_err();
    assert_eq!(no, Refusal::PlaceWordExtra { word: "span".into(), extra: "9".into() });
    // Found from outside: `line 3 line 5` was taken, the last winning unsaid.
    let no = "place a1 line 3 line 5".parse::<Command>().unwrap_err();
    assert_eq!(no, Refusal::PlaceWordTwice { word: "line".into() });
    assert!(no.to_string().starts_with("\"line\" is given twice in :place; give it once"), "{no}");
    let no = "place a1 col 2 span 2 column 3".parse::<Command>().unwrap_err();
    assert_eq!(no, Refusal::PlaceWordTwice { word: "column".into() });
    assert_eq!(
        "place a1 4".parse::<Command>().unwrap_err(),
        Refusal::UnknownPlaceWord { word: "4".into() },
        "a number with no word before it"
    );
    // Still one argument each: these parse.
    assert_eq!("depth auto".parse::<Command>().unwrap(), Command::Depth(Depth::Auto));
    assert_eq!("line 3".parse::<Command>().unwrap(), Command::Line(3));
}

/// Found from outside: `:line 60` and `:column 4` on a story whose overset waited in the bin as
/// part 2 (`t`) placed that part, and pushed the selected box past the foot.
#[test]
fn line_and_column_move_the_selected_box_not_a_part_waiting_in_the_bin() {
    let mut d = desk(vec![at("a6", 1, 2, 1, 10)]);
    d.continue_overset(1, "a6", 1).unwrap();
    assert!(d.bin().contains(&"a6"), "part 2 waits in the bin");
    let ctx = Context { page: 1, selected: Some("a6"), part: 1 };
    d.run_line(ctx, ":line 60").unwrap();
    assert_eq!(where_is(&d, "a6"), (1, 2, 60));
    d.run_line(ctx, ":column 4").unwrap();
    assert_eq!(where_is(&d, "a6"), (4, 2, 60));
    assert_eq!(d.placements(1).len(), 1, "part 2 still waits");
    assert!(d.bin().contains(&"a6"));
    // Found from outside too: `:find` went from part 1 to the next item, never to part 2 in the
    // bin.
    let found = d.find_text("a6", Some(("a6", 1))).unwrap();
    assert_eq!((found.part, found.page), (2, None));
    assert_ne!(d.find_text("a6", Some(("a6", 2))).unwrap().part, 2, "then on, round to part 1");
    // `:place` still takes the waiting part out of the bin.
    d.run_line(ctx, ":place a6 column 7 line 1").unwrap();
    assert_eq!(d.part_on(1, "a6", 2).map(|p| (p.column, p.line)), Some((7, 1)));
}

/// Found from outside: `P` on a page with no boxes said "every box meets the box above".
#[test]
fn pull_up_on_an_empty_page_says_it_is_empty() {
    let mut d = desk(vec![]);
    assert_eq!(d.pull_up(1).unwrap_err(), Refusal::PageEmpty { page: 1 });
    assert_eq!(d.pull_up(1).unwrap_err().to_string(), "Nothing to pull up: page 1 is empty");
}

#[test]
fn place_from_the_bin_or_moving_a_placed_box_is_one_step() {
    let mut d = desk(vec![at("a0", 1, 2, 1, 10), at("a1", 3, 1, 1, 10)]);
    let ctx = Context { page: 1, selected: Some("a0"), part: 1 };
    let before = d.to_layout("x");
    d.run_line(ctx, ":place a2 column 3 line 5 span 2").unwrap();
    assert_eq!(where_is(&d, "a2"), (3, 2, 5));
    assert_eq!(where_is(&d, "a1"), (3, 1, 5 + d.resolved(1).iter().find(|b| b.item == "a2").unwrap().box_depth));
    // Moving a placed box keeps what is not named.
    d.run_line(ctx, ":place a0 column 6").unwrap();
    assert_eq!(where_is(&d, "a0"), (6, 2, 1));
    d.run_line(ctx, ":line 20").unwrap();
    assert_eq!(where_is(&d, "a0"), (6, 2, 20));
    d.run_line(ctx, ":column 1").unwrap();
    assert_eq!(where_is(&d, "a0"), (1, 2, 20));
    d.run_line(ctx, ":span 3").unwrap();
    d.run_line(ctx, ":depth 30").unwrap();
    assert_eq!(d.placement_of("a0").unwrap().1.depth, Depth::Fixed(30));
    // Found from outside: moved sideways or narrowed by `:place`, a box went to the first
    // free line from the top; it keeps its line where the new columns are free there.
    d.run_line(ctx, ":place a0 column 6").unwrap();
    assert_eq!(where_is(&d, "a0"), (6, 3, 20));
    d.run_line(ctx, ":place a0 span 1").unwrap();
    assert_eq!(where_is(&d, "a0"), (6, 1, 20));
    // Where they are not, the first free line in them, pushing nothing: 40 lines from line
    // 20 in column 4 meet a2 at line 50, and lines 1–40 there are free.
    assert_eq!(d.resolved(1).iter().find(|b| b.item == "a2").map(|b| (b.column, b.span, b.line)), Some((3, 2, 50)));
    d.run_line(ctx, ":depth 40").unwrap();
    d.run_line(ctx, ":place a0 column 4").unwrap();
    assert_eq!(where_is(&d, "a0"), (4, 1, 1));
    // From page 2 onto this page.
    d.place(2, "a5", 1, None, None).unwrap();
    d.run_line(ctx, ":place a5 column 8 span 1").unwrap();
    assert_eq!(d.placement_of("a5").unwrap().0, 1);
    assert!(d.placements(2).is_empty());
    for _ in 0..12 {
        d.undo().unwrap();
    }
    assert_eq!(d.to_layout("x"), before, "every command one undo step");
    let no = d.run_line(ctx, ":place a2 column 8 span 2").unwrap_err();
    assert_eq!(no, Refusal::PlaceSpanOffGrid { name: "交警发布出行提示".into(), column: 8, span: 2, columns: 8 });
    let no = d.run_line(Context { page: 1, selected: None, part: 1 }, ":line 3").unwrap_err();
    assert_eq!(no, Refusal::NoSelection);
    let no = d.run_line(ctx, ":place a0 line 101").unwrap_err();
    assert!(matches!(no, Refusal::PlaceOffPage { line: 101, depth: 100, .. }), "{no:?}");
    assert_eq!(d.run_line(ctx, ":page 2").unwrap(), Done::Page(2));
    assert!(d.run_line(ctx, ":page 7").is_err());
    assert_eq!(d.to_layout("x"), before, "refusals change nothing");
}

#[test]
fn find_looks_in_ids_titles_and_text_and_goes_on_to_the_next() {
    let d = desk(vec![at("a0", 1, 2, 1, 10)]);
    let first = d.find_text("交警", None).unwrap();
    let in_bin = |id: &str| Hit { item: id.to_string(), part: 1, parts: 0, page: None };
    assert_eq!(first, in_bin("a1"), "a1's body has 交警 (its third paragraph); in the bin");
    let mut seen = vec![first.item.clone()];
    let mut after = first.item;
    loop {
        let next = d.find_text("交警", Some((&after, 1))).unwrap().item;
        if seen.contains(&next) {
            break;
        }
        seen.push(next.clone());
        after = next;
    }
    assert!(seen.contains(&"a2".to_string()) && seen.contains(&"p0".to_string()), "{seen:?}");
    assert_eq!(d.find_text("p1", None).unwrap(), in_bin("p1"), "by id, in the bin");
    assert_eq!(d.find_text("巴黎", None).unwrap_err(), Refusal::NotFound { text: "巴黎".into() });
}

/// Found from outside: typed with a Japanese input method, `:place kome span ２` was refused
/// (`span wants a whole number from 1, not "２"`). Full-width command words, numbers and spaces
/// are read as their ASCII; an item id and a file name are kept as typed.
#[test]
fn commands_typed_full_width_are_read_as_ascii() {
    let parse = |s: &str| s.parse::<Command>();
    let span2 = Target { span: Some(2), ..Target::default() };
    assert_eq!(parse("place kome span ２").unwrap(), Command::Place { item: "kome".into(), to: span2 });
    assert_eq!(parse("：ｐｌａｃｅ　晋源　ｓｐａｎ　２").unwrap(), Command::Place { item: "晋源".into(), to: span2 });
    assert_eq!(parse("ｌｉｎｅ １２").unwrap(), Command::Line(12));
    assert_eq!(parse("span ２").unwrap(), Command::Span(2));
    assert_eq!(parse("depth ａｕｔｏ").unwrap(), Command::Depth(Depth::Auto));
    assert_eq!(parse("ｆｉｎｄ ＡＩ").unwrap(), Command::Find("ＡＩ".into()));
    // `:find` alone, as an input method types it: the last text again (the editor keeps it).
    for alone in ["find", ":find ", "：ｆｉｎｄ", "：ｆｉｎｄ　", "ｆｉｎｄ\u{3000}\u{3000}"] {
        assert_eq!(parse(alone).unwrap(), Command::FindAgain, "{alone:?}");
    }
    assert_eq!(
        parse("ｗ ｙｏｍｉ.layout.ron").unwrap(),
        Command::WriteTo { path: "ｙｏｍｉ.layout.ron".into(), force: false }
    );
    // The refusal quotes what was typed.
    assert_eq!(parse("span ２ｘ").unwrap_err(), Refusal::NotANumber { word: "span".into(), value: "２ｘ".into() });
}

/// Found from outside: `:find AI` did not find ＡＩ, nor `:find ｺﾒ` コメ. Both sides are
/// folded: full-width ASCII to ASCII, half-width katakana to full-width.
#[test]
fn find_folds_full_and_half_width_forms() {
    let text = r#"Issue(paper: "東都新聞", date: "2026-12-07", language: "ja",
        pages: [Page(number: 1, grid: Grid(columns: 6, column_width: 12, gutter: 1, depth: 80))],
        items: [
            Article(id: "kisei", headline: "ＡＩ規制法が成立", body: ["政府は新法を公布した。"]),
            Article(id: "kome", headline: "コメ価格が高騰", body: ["ｶﾞｿﾘﾝも値上がりした。"]),
        ])"#;
    let issue: pasteup_core::model::Issue = pasteup_core::format::ron_options().from_str(text).unwrap();
    let layout = pasteup_core::model::Layout { issue: "ja.ron".into(), pages: Vec::new(), conflicts: Vec::new() };
    let d = pasteup_core::layout::Makeup::new(issue, &layout);
    let found = |text: &str| d.find_text(text, None).map(|hit| hit.item);
    assert_eq!(found("AI").unwrap(), "kisei");
    assert_eq!(found("ＡＩ").unwrap(), "kisei");
    assert_eq!(found("ｺﾒ").unwrap(), "kome");
    assert_eq!(found("ガソリン").unwrap(), "kome");
    assert_eq!(found("ｶﾞｿﾘﾝ").unwrap(), "kome");
    // Latin letters in any case: `ai` is ＡＩ too.
    assert_eq!(found("ai").unwrap(), "kisei");
}

/// Found from outside: `:find gdp` did not find the article about GDP, nor ＧＤＰ. Latin
/// letters are found in any case, full-width or half-width; Han and kana as ever.
#[test]
fn find_takes_latin_letters_in_any_case() {
    let text = r#"Issue(paper: "太原日报", date: "2026-12-07",
        pages: [Page(number: 1, grid: Grid(columns: 6, column_width: 12, gutter: 1, depth: 80))],
        items: [
            Article(id: "economy", headline: "一季度GDP同比增长5.3%", body: ["国家统计局发布数据。"]),
            Article(id: "province", headline: "全省经济稳中向好", body: ["全省ＧＤＰ突破两万亿元。"]),
            Article(id: "paris", headline: "中法文化之春开幕", body: ["开幕式在ÉLYSÉE举行。"]),
        ])"#;
    let issue: pasteup_core::model::Issue = pasteup_core::format::ron_options().from_str(text).unwrap();
    let layout = pasteup_core::model::Layout { issue: "i.ron".into(), pages: Vec::new(), conflicts: Vec::new() };
    let d = pasteup_core::layout::Makeup::new(issue, &layout);
    let found = |text: &str, after: Option<&str>| d.find_text(text, after.map(|a| (a, 1))).map(|hit| hit.item);
    for gdp in ["gdp", "GDP", "Gdp", "ｇｄｐ", "ＧＤＰ"] {
        assert_eq!(found(gdp, None).unwrap(), "economy", "{gdp}");
        assert_eq!(found(gdp, Some("economy")).unwrap(), "province", "{gdp}: the full-width one next");
        assert_eq!(found(gdp, Some("province")).unwrap(), "economy", "{gdp}: round to the start");
    }
    assert_eq!(found("élysée", None).unwrap(), "paris");
    assert_eq!(found("ECONOMY", None).unwrap(), "economy", "an id in any case");
    assert_eq!(found("经济", None).unwrap(), "province");
    assert_eq!(found("gdb", None).unwrap_err(), Refusal::NotFound { text: "gdb".into() });
}
