//! End to end: the copyfit keys in the real editor in a pseudo-terminal — `f` on an overset
//! box and `r` with a Chinese headline — each checked on the screen and in the saved layout.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "a test fails loudly")]

mod e2e_support;

use e2e_support::{Fixture, Session};
use pasteup_core::layout::Makeup;
use pasteup_core::model::{Depth, Layout, Placement};

const ID: &str = "jinyuan-livable";

fn placement<'a>(layout: &'a Layout, id: &str) -> (u32, &'a Placement) {
    let mut all = layout.pages.iter().flat_map(|p| p.placements.iter().map(move |pl| (p.number, pl)));
    all.find(|(_, pl)| pl.item == id).unwrap()
}

/// The sample with jinyuan-livable (29 lines at 3 columns) drawn `depth` lines deep.
fn fixture_at(depth: u32) -> Fixture {
    let fx = Fixture::new();
    let text = fx.layout_text().replace(
        "Placement(item: \"jinyuan-livable\", column: 1, span: 3, line: 1, depth: Auto)",
        &format!("Placement(item: \"jinyuan-livable\", column: 1, span: 3, line: 1, depth: Fixed({depth}))"),
    );
    assert!(text.contains("Fixed("));
    std::fs::write(fx.layout(), text).unwrap();
    fx
}

fn save_and_quit(ed: &mut Session) {
    ed.press("C-s");
    ed.wait_for("saved", |s| s.status().trim_start().starts_with("Saved"));
    ed.press("q");
    assert!(ed.wait_exit().success());
}

#[test]
fn f_fits_an_overset_box_on_the_screen_and_in_the_file() {
    let fx = fixture_at(27);
    let mut ed = fx.open(&[], &[]);
    let s = ed.wait_for("the overset box", |s| s.shows_editor() && s.inspector().contains("-2 overset"));
    assert_eq!(s.selected_box().map(|b| b.0), Some(ID.to_string()), "{}", s.inspector());
    ed.press("f");
    let s = ed.wait_for("f done", |s| s.status().contains(&format!("{ID}: last ")));
    s.assert_clean();
    let status = s.status().trim().to_string();
    let the_box = s.inspector().split('|').next().unwrap().to_string();
    assert!(!the_box.contains("overset") && the_box.contains("depth fixed 27"), "inspector: {}", s.inspector());
    assert!(s.title().contains("unsaved"), "{}", s.title());
    save_and_quit(&mut ed);

    let layout = fx.read_layout();
    let (page, p) = placement(&layout, ID);
    assert_eq!((page, p.depth), (3, Depth::Fixed(27)));
    assert!(status.contains(&format!("last {} sentence", p.cut)), "{status} vs cut {}", p.cut);
    assert!(p.cut >= 1);
    let opened = pasteup_core::document::open(Some(&fx.issue()), Some(&fx.layout())).unwrap();
    let desk = Makeup::new(opened.issue, &opened.layout);
    let fit = desk.resolved(3).into_iter().find(|b| b.item == ID).unwrap().fit.lines();
    assert!(fit >= 0, "the saved layout fits: {fit}");
    assert!(status.ends_with(if fit == 0 { "fits" } else { "short" }), "{status}");
}

#[test]
fn r_rewrites_the_headline_in_chinese_on_the_screen_and_in_the_file() {
    let fx = fixture_at(29);
    let mut ed = fx.open(&[], &[]);
    ed.wait_for("the editor", |s| s.shows_editor() && s.selected_box().is_some());
    ed.press("r");
    let s = ed.wait_for("the headline line", |s| s.status().contains("headline: 守护青山绿水 增进民生福祉"));
    s.assert_clean();
    ed.press("C-u 晋 源 绿 水 青 山");
    ed.wait_for("the new headline typed", |s| s.status().contains("headline: 晋源绿水青山"));
    ed.press("Enter");
    let s = ed.wait_for("the headline rewritten", |s| s.status().contains(&format!("{ID}: headline rewritten")));
    s.assert_clean();
    // The page sets the new headline, letter-spaced across the box as headlines are.
    assert!(
        s.text().lines().any(|l| l.split_whitespace().collect::<String>().contains("晋源绿水青山")),
        "{}",
        s.numbered()
    );
    assert!(!s.contains("守  护"), "{}", s.numbered());
    save_and_quit(&mut ed);
    let layout = fx.read_layout();
    assert_eq!(placement(&layout, ID).1.headline.as_deref(), Some("晋源绿水青山"));
    assert!(fx.layout_text().contains("headline: Some(\"晋源绿水青山\")"));
}

#[test]
fn t_continues_the_overset_and_the_part_is_placed_on_the_next_page() {
    let fx = fixture_at(20);
    let mut ed = fx.open(&[], &[]);
    ed.wait_for("the overset box", |s| s.shows_editor() && s.inspector().contains("-9 overset"));
    ed.press("t");
    let s = ed.wait_for("t done", |s| s.status().contains(&format!("{ID}: the overset goes on in part 2, in the bin")));
    s.assert_clean();
    // The part waits in the bin: seven entries where there were six, the part first (it
    // belongs to the issue's first item).
    assert!(s.contains(" bin: 7 items"), "{}", s.numbered());
    assert!(s.inspector().contains("-9 overset"), "overset until the part is placed: {}", s.inspector());
    // Page 4, the bin, and Enter: the part goes into the first hole there.
    ed.press("PgDn");
    ed.wait_for("page 4", |s| s.title().contains("page 4 (2/2)"));
    ed.press("Tab Enter");
    ed.wait_for("the part placed", |s| s.contains(" bin: 6 items"));
    ed.wait_for("the jump line on the page", |s| s.contains("（上接第3版）"));
    save_and_quit(&mut ed);

    let layout = fx.read_layout();
    let parts: Vec<(u32, u32, Depth)> = layout
        .pages
        .iter()
        .flat_map(|p| p.placements.iter().map(move |pl| (p.number, pl)))
        .filter(|(_, pl)| pl.item == ID)
        .map(|(page, pl)| (page, pl.part, pl.depth))
        .collect();
    assert_eq!(parts, [(3, 1, Depth::Fixed(20)), (4, 2, Depth::Auto)]);
    let opened = pasteup_core::document::open(Some(&fx.issue()), Some(&fx.layout())).unwrap();
    let desk = Makeup::new(opened.issue, &opened.layout);
    let part1 = desk.resolved(3).into_iter().find(|b| b.item == ID).unwrap();
    assert_eq!(part1.fit.lines(), 0, "part 1 fits once part 2 stands on page 4");
}
