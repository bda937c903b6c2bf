//! End to end: the make-up keys and the command line in the real editor in a pseudo-terminal
//! — counts, `{` `}`, `P`, `Enter` into a hole, `X`, `b`, `:place`, `:find`, a wrong command,
//! `:w`, and a mouse drag — each checked on the screen, and the saved file at the end.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "a test fails loudly")]

mod e2e_support;

use e2e_support::Fixture;
use pasteup_core::model::{Depth, Layout, Placement};

fn placement<'a>(layout: &'a Layout, id: &str) -> Option<(u32, &'a Placement)> {
    layout.pages.iter().flat_map(|p| p.placements.iter().map(move |pl| (p.number, pl))).find(|(_, pl)| pl.item == id)
}

const TEN: &str = "jinyuan-ten-projects";

#[test]
fn make_up_keys_and_commands_on_the_screen_and_in_the_file() {
    let fx = Fixture::new();
    let mut ed = fx.open(&[], &[]);
    let s = ed.wait_for("the editor", |s| s.shows_editor() && s.selected_box().is_some());
    s.assert_clean();
    // The rows over the page: column numbers, then each column's free lines.
    assert!(s.row(2).trim_start().starts_with("free") && s.row(2).contains(" free "), "{}", s.numbered());

    // l selects jinyuan-ten-projects; 12J moves it 12 lines, the count shown while typed.
    ed.press("l");
    ed.wait_for("ten-projects selected", |s| s.selected_box().is_some_and(|b| b.0 == TEN));
    ed.press("1 2");
    ed.wait_for("the count in the status line", |s| s.status().trim_start().starts_with("12: "));
    ed.press("J");
    let s = ed.wait_for("12 lines down", |s| s.selected_lines().is_some_and(|l| l.0 == 13));
    let depth = s.selected_lines().map(|(a, b)| b - a + 1).unwrap();

    // { up to line 1; } down to the foot; P pulls everything up again.
    ed.press("{");
    ed.wait_for("{ to line 1", |s| s.selected_lines() == Some((1, depth)));
    ed.press("}");
    ed.wait_for("} to the foot", |s| s.selected_lines() == Some((101 - depth, 100)));
    ed.press("P");
    let s = ed.wait_for("P pulled it up", |s| s.selected_lines() == Some((1, depth)));
    assert!(s.status().contains("Pulled up every box on page 3"), "status: {}", s.status());
    assert_eq!(s.selected_box().map(|b| b.0).as_deref(), Some(TEN), "P keeps the selection");

    // Tab Enter: yangqu-seven-projects into the hole under jinyuan-ten-projects.
    ed.press("Tab");
    ed.wait_for("the bin focused", |s| s.contains(" bin: 6 items [Tab]"));
    ed.press("Enter");
    let s = ed.wait_for("placed in a hole", |s| s.status().contains("in a hole"));
    assert!(s.status().contains(&format!("column 4, line {}", depth + 1)), "status: {}", s.status());
    assert_eq!(s.selected_lines().map(|l| l.0), Some(depth + 1));

    // k selects jinyuan-ten-projects above it; X bins it and pulls the new box up to line 1.
    ed.press("k");
    ed.wait_for("ten-projects selected", |s| s.selected_box().is_some_and(|b| b.0 == TEN));
    ed.press("X");
    let s = ed.wait_for("X done", |s| s.status().contains("the boxes under it pulled up"));
    assert!(s.contains(" bin: 6 items"), "{}", s.numbered());
    assert_eq!(s.selected_box().map(|b| b.0).as_deref(), Some("yangqu-livelihood"), "the next in reading order");

    // b hides the bin and shows it again.
    ed.press("b");
    ed.wait_for("the bin hidden", |s| !s.contains(" bin: "));
    ed.press("b");
    ed.wait_for("the bin shown", |s| s.contains(" bin: 6 items"));

    // :place with a Chinese headline word completed by Tab.
    ed.send(":place 西山\t".as_bytes());
    ed.wait_for("the id completed", |s| s.status().starts_with(":place xishan-railway"));
    ed.send(" column 1 line 40\r".as_bytes());
    let s = ed.wait_for("xishan-railway placed", |s| {
        s.selected_box() == Some(("xishan-railway".into(), 1, 3)) && s.selected_lines().is_some_and(|l| l.0 == 40)
    });
    s.assert_clean();

    // :find, and a wrong command refused with what was expected.
    ed.send(":find 供电\r".as_bytes());
    ed.wait_for("found", |s| s.status().contains("Found power-grid in the bin"));
    ed.send(":plce x\r".as_bytes());
    let s = ed.wait_for("refused", |s| s.status().contains("Unknown command \"plce\": did you mean :place?"));
    s.assert_clean();

    // :w saves; :q quits a clean editor.
    ed.send(":w\r".as_bytes());
    ed.wait_for("saved", |s| s.status().trim_start().starts_with("Saved"));
    ed.send(":q\r".as_bytes());
    assert!(ed.wait_exit().success());

    let saved = fx.read_layout();
    assert!(placement(&saved, TEN).is_none(), "X sent it to the bin");
    let (page, seven) = placement(&saved, "yangqu-seven-projects").unwrap();
    assert_eq!((page, seven.column, seven.span, seven.line), (3, 4, 2, 1));
    let (_, rail) = placement(&saved, "xishan-railway").unwrap();
    assert_eq!((rail.column, rail.span, rail.line, rail.depth), (1, 3, 40, Depth::Auto));
    let (_, livable) = placement(&saved, "jinyuan-livable").unwrap();
    assert_eq!(livable.line, 1);
}

#[test]
fn dragging_a_box_moves_it_and_the_file_says_so() {
    let fx = Fixture::new();
    let mut ed = fx.open(&[], &[]);
    ed.wait_for("the editor", |s| s.shows_editor() && s.selected_box().is_some());
    // Text zoom: page cell 0 at screen cell 6, 28 cells a column, line 1 on row 3. SGR mouse
    // reports count from 1. Grab jinyuan-ten-projects at column 4, line 2; drop it on column
    // 2, line 32: it stands in columns 2–3 from line 31, under jinyuan-livable (lines 1–29).
    let x = |column: u16| 6 + (column - 1) * 28 + 4 + 1;
    ed.send(format!("\x1b[<0;{};{}M", x(4), 4 + 1).as_bytes());
    ed.wait_for("ten-projects selected by the click", |s| s.selected_box().is_some_and(|b| b.0 == TEN));
    ed.send(format!("\x1b[<32;{};{}M", x(3), 20 + 1).as_bytes());
    ed.send(format!("\x1b[<0;{};{}m", x(2), 34 + 1).as_bytes());
    let s = ed.wait_for("the box dropped", |s| s.selected_box() == Some((TEN.into(), 2, 2)));
    assert_eq!(s.selected_lines().map(|l| l.0), Some(31), "{}", s.inspector());
    s.assert_clean();
    ed.press("C-s");
    ed.wait_for("saved", |s| s.status().trim_start().starts_with("Saved"));
    ed.press("q");
    assert!(ed.wait_exit().success());
    let (_, ten) = placement(&fx.read_layout(), TEN).map(|(p, pl)| (p, pl.clone())).unwrap();
    assert_eq!((ten.column, ten.span, ten.line), (2, 2, 31));
    let (_, livable) = placement(&fx.read_layout(), "jinyuan-livable").map(|(p, pl)| (p, pl.clone())).unwrap();
    assert_eq!(livable.line, 1, "the box above the drop is not pushed");
}
