//! Copyfit on the desk: cuts, headline size and text per placement, each one undo step,
//! saved and read back; and a layout asking for them wrongly refused where it stands.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "a test fails loudly")]

mod layout_support;

use std::path::Path;

use layout_support::{at, desk, small_issue};
use pasteup_core::fit::cut::sentences;
use pasteup_core::fit::{Setting, set_item, set_item_as};
use pasteup_core::format::{check_settings, check_values, parse_layout, to_ron_string};
use pasteup_core::layout::{Makeup, Refusal};
use pasteup_core::model::{Depth, Item, Layout};
use pasteup_core::problem::Problem;

fn body_of(item: &str) -> Vec<String> {
    match small_issue().item(item).unwrap() {
        Item::Article(a) => a.body.clone(),
        _ => panic!("{item} is no article"),
    }
}

fn set_texts(d: &Makeup, item: &str) -> String {
    let b = d.resolved(1).into_iter().find(|b| b.item == item).unwrap();
    b.set.body.iter().map(|l| l.text.clone()).collect()
}

#[test]
fn a_cut_leaves_out_the_last_sentences_and_undoes_in_one_step() {
    let mut d = desk(vec![at("a1", 1, 2, 1, 40)]);
    let all = sentences(&body_of("a1"));
    let n = all.len() as u32;
    assert!(n >= 2, "{n}");
    let before = d.resolved(1)[0].set.body.len();
    d.set_cut(1, "a1", 1, 1).unwrap();
    let cut = d.cut_text("a1", 1).unwrap();
    assert_eq!(cut, all[all.len() - 1..]);
    let text = set_texts(&d, "a1");
    // The byline stays; the last sentence is gone.
    assert!(text.contains("（记者 王1）"));
    let last: String = cut[0].text.chars().filter(|c| !c.is_whitespace()).collect();
    assert!(!text.contains(&last));
    assert!(d.resolved(1)[0].set.body.len() < before);
    assert_eq!(d.placements(1)[0].cut, 1);
    d.undo().unwrap();
    assert_eq!(d.placements(1)[0].cut, 0);
    assert_eq!(d.resolved(1)[0].set.body.len(), before);
}

#[test]
fn cuts_are_refused_past_the_body_and_on_photos() {
    let mut d = desk(vec![at("a1", 1, 2, 1, 40), at("p0", 3, 2, 1, 30)]);
    let n = d.sentences("a1").unwrap().len() as u32;
    assert!(matches!(d.set_cut(1, "a1", 1, n + 1), Err(Refusal::CutPastBody { sentences, .. }) if sentences == n));
    assert!(matches!(d.set_cut(1, "a1", 1, 0), Err(Refusal::SameCut { cut: 0, .. })));
    assert!(matches!(d.set_cut(1, "p0", 1, 1), Err(Refusal::NotAnArticle { .. })));
    assert!(matches!(d.set_cut(1, "a1", 2, 1), Err(Refusal::NoSuchPart { part: 2, page: 1, .. })));
    // Cutting every sentence leaves heads and byline only.
    d.set_cut(1, "a1", 1, n).unwrap();
    let body = &d.resolved(1)[0].set.body;
    assert_eq!(body.len(), 1);
    assert_eq!(body[0].text, "（记者 王1）");
}

#[test]
fn a_headline_of_its_own_and_its_size_change_the_depth_needed() {
    let mut d = desk(vec![at("a0", 1, 2, 1, 60)]);
    let grid = small_issue().pages[0].grid.clone();
    let item = small_issue().item("a0").unwrap().clone();
    // a0 at span 2 is 27 em wide: at 2 em a character 13 characters a line; "守护青山绿水 增进民生福祉"
    // (13 characters with the space) is one line of 2 lines deep; at 3 em, 9 a line: two lines, 6 deep.
    let heads = |size| {
        set_item_as(&item, &grid, Default::default(), 2, &Setting { head_size: Some(size), ..Setting::default() }).heads
            [0]
        .depth
    };
    assert_eq!(set_item(&item, &grid, Default::default(), 2).heads[0].depth, 2);
    assert_eq!(heads(3), 6);
    d.set_head_size(1, "a0", 1, Some(3)).unwrap();
    assert_eq!(d.resolved(1)[0].set.heads[0].depth, 6);
    assert!(matches!(
        d.set_head_size(1, "a0", 1, Some(11)),
        Err(Refusal::HeadSizeOutOfRange { size: 11, max: 10, .. })
    ));
    assert!(matches!(d.set_head_size(1, "a0", 1, Some(3)), Err(Refusal::SameHeadSize { size: 3, .. })));
    // The grid's own size is written as no size at all.
    d.set_head_size(1, "a0", 1, Some(2)).unwrap();
    assert_eq!(d.placements(1)[0].head_size, None);

    d.set_headline(1, "a0", 1, Some("晋源区宜居".into())).unwrap();
    let head = &d.resolved(1)[0].set.heads[0];
    assert_eq!(head.lines[0].text, "晋源区宜居");
    assert_eq!(d.placements(1)[0].headline.as_deref(), Some("晋源区宜居"));
    assert!(matches!(d.set_headline(1, "a0", 1, Some(" 晋源区宜居 ".into())), Err(Refusal::SameHeadline { .. })));
    // Empty restores the issue's.
    d.set_headline(1, "a0", 1, Some(String::new())).unwrap();
    assert_eq!(d.placements(1)[0].headline, None);
    assert_eq!(d.resolved(1)[0].set.heads[0].lines[0].text, "守护青山绿水 增进民生福祉");
}

#[test]
fn settings_are_saved_and_read_back() {
    let mut d = desk(vec![at("a0", 1, 2, 1, 60)]);
    d.set_cut(1, "a0", 1, 1).unwrap();
    d.set_head_size(1, "a0", 1, Some(3)).unwrap();
    d.set_headline(1, "a0", 1, Some("新标题".into())).unwrap();
    let text = to_ron_string(&d.to_layout("i.ron"));
    assert!(
        text.contains(r#"Placement(item: "a0", column: 1, span: 2, line: 1, depth: Fixed(60), cut: 1, head_size: Some(3), headline: Some("新标题")),"#),
        "{text}"
    );
    let back = parse_layout(Path::new("i.layout.ron"), &text).unwrap();
    let again = Makeup::new(small_issue(), &back);
    assert_eq!(again.placements(1), d.placements(1));
    assert_eq!(again.resolved(1)[0].fit, d.resolved(1)[0].fit);
}

/// `i.layout.ron:5:COL`, COL being where the value of `field` starts on the placement's line.
fn at_field(layout: &str, field: &str) -> String {
    let line = layout.lines().nth(4).unwrap();
    let col = line[..line.find(&format!("{field}: ")).unwrap()].chars().count() + field.len() + 3;
    format!("i.layout.ron:5:{col}")
}

/// What no command takes as written, as the merge driver refuses a side: a setting loading
/// refuses, or an article's setting on a photo or notice (which the editor opens, leaving it out).
fn refused(layout: &str) -> String {
    let layout_path = Path::new("i.layout.ron");
    let parsed: Layout = parse_layout(layout_path, layout).unwrap();
    check_values(&small_issue(), &parsed, layout, layout_path).unwrap_err().to_string()
}

fn one(placement: &str) -> String {
    format!(
        "Layout(\n    issue: \"i.ron\",\n    pages: [\n        PageLayout(number: 1, placements: [\n            {placement},\n        ]),\n    ],\n)\n"
    )
}

/// Found from outside: the copy desk shortened a story whose page had sentences cut; the
/// editor saved the layout with its cut and then refused to open it (exit 2). A cut of more
/// sentences than the body has loads, and is reported with the body's count (exit 1).
#[test]
fn a_cut_past_a_body_shortened_since_loads_and_is_reported() {
    let n = sentences(&body_of("a1")).len() as u32;
    let text = one(&format!(r#"Placement(item: "a1", column: 1, span: 2, line: 1, depth: Auto, cut: {})"#, n + 1));
    let layout = parse_layout(Path::new("i.layout.ron"), &text).unwrap();
    check_settings(&small_issue(), &layout, &text, Path::new("i.layout.ron")).unwrap();
    let mut d = Makeup::new(small_issue(), &layout);
    let all_cut = Problem::AllCut { page: 1, item: "a1".into(), part: 1, cut: n + 1, sentences: n };
    assert_eq!(d.validate(), std::slice::from_ref(&all_cut));
    assert_eq!(
        all_cut.to_string(),
        format!(
            "page 1: \"a1\" has every sentence of its body cut (cut {}, of {n} sentences), a headline with nothing under it; give some back (C in the editor), or send it to the bin",
            n + 1
        )
    );
    // Saved, it loads again; the first `C` gives a sentence back, whatever the cut says (found
    // from outside: a cut of 30 on a body of 10 took 21 presses before any sentence came back).
    let saved = to_ron_string(&d.to_layout("i.ron"));
    assert!(saved.contains(&format!("cut: {})", n + 1)), "{saved}");
    d.cut_by(1, "a1", 1, -1).unwrap();
    assert_eq!(d.validate(), []);
    assert!(to_ron_string(&d.to_layout("i.ron")).contains(&format!("cut: {})", n - 1)));
    // A hand-written cut of any size is no overflow, and gives back one sentence too.
    let text = one(r#"Placement(item: "a1", column: 1, span: 2, line: 1, depth: Auto, cut: 4294967295)"#);
    let mut d = Makeup::new(small_issue(), &parse_layout(Path::new("i.layout.ron"), &text).unwrap());
    assert!(matches!(d.validate()[..], [Problem::AllCut { cut: 4294967295, .. }]), "{:?}", d.validate());
    d.cut_by(1, "a1", 1, -1).unwrap();
    assert!(to_ron_string(&d.to_layout("i.ron")).contains(&format!("cut: {})", n - 1)));
}

/// A headline written blank in the layout (empty or only spaces) is read as left out, the
/// issue's kept, as the editor saves an empty one and as a blank byline is read (found from
/// outside: it was refused, while the issue's blank headline loaded).
#[test]
fn a_blank_layout_headline_is_read_as_left_out() {
    for headline in ["\"\"", "Some(\" \")", "\"\u{3000}\""] {
        let text =
            one(&format!(r#"Placement(item: "a1", column: 1, span: 2, line: 1, depth: Auto, headline: {headline})"#));
        let layout = parse_layout(Path::new("i.layout.ron"), &text).unwrap();
        assert_eq!(layout.pages[0].placements[0].headline, None, "{headline}");
        check_settings(&small_issue(), &layout, &text, Path::new("i.layout.ron")).unwrap();
        assert!(!to_ron_string(&layout).contains("headline"), "{headline}");
    }
}

#[test]
fn bad_settings_are_refused_at_their_line_and_column() {
    let text = one(r#"Placement(item: "p0", column: 1, span: 2, line: 1, depth: Auto, cut: 1)"#);
    let at = at_field(&text, "cut");
    assert_eq!(
        refused(&text),
        format!(
            "{at}: page 1 placement \"p0\" has cut, but it is a photo; only an article takes cut (leave the field out)"
        )
    );
    let text = one(r#"Placement(item: "n0", column: 1, span: 2, line: 1, depth: Auto, part: 2)"#);
    let at = at_field(&text, "part");
    assert!(refused(&text).starts_with(&format!("{at}: page 1 placement \"n0\" has part, but it is a notice")));
    let text = one(r#"Placement(item: "a1", column: 1, span: 2, line: 1, depth: Auto, head_size: 0)"#);
    let at = at_field(&text, "head_size");
    assert_eq!(
        refused(&text),
        format!("{at}: page 1 placement \"a1\" head_size is 0, expected 1 to 10 em a character")
    );
    let text = one(r#"Placement(item: "a1", column: 1, span: 2, line: 1, depth: Auto, head_size: Some(11))"#);
    let at = at_field(&text, "head_size");
    assert!(refused(&text).starts_with(&format!("{at}: page 1 placement \"a1\" head_size is 11,")));
    // Nothing from a file reaches the terminal raw: not a headline written on the desk. It is
    // pointed at the escape that writes the character.
    let text =
        one(r#"Placement(item: "a1", column: 1, span: 2, line: 1, depth: Auto, headline: "\u{1b}]0;PWNED\u{7}")"#);
    let line = text.lines().nth(4).unwrap();
    let at = format!("i.layout.ron:5:{}", line[..line.find('\\').unwrap()].chars().count() + 1);
    assert!(
        refused(&text)
            .starts_with(&format!("{at}: page 1 placement \"a1\" headline contains control character U+001B (ESC);")),
        "{}",
        refused(&text)
    );
    // A part number past 20 would leave thousands of parts waiting (once: a hang).
    let text = one(r#"Placement(item: "a1", column: 1, span: 2, line: 1, depth: Auto, part: 4294967295)"#);
    let at = at_field(&text, "part");
    assert_eq!(
        refused(&text),
        format!("{at}: page 1 placement \"a1\" part is 4294967295, expected 1 to 20 (parts count from 1)")
    );
    // A part whose next waits in the bin: an article's, at a fixed depth, before part 20.
    let text = one(r#"Placement(item: "p0", column: 1, span: 2, line: 1, depth: Fixed(9), continued: true)"#);
    let at = at_field(&text, "continued");
    assert!(refused(&text).starts_with(&format!("{at}: page 1 placement \"p0\" has continued, but it is a photo")));
    let text = one(r#"Placement(item: "a1", column: 1, span: 2, line: 1, depth: Auto, continued: true)"#);
    let at = at_field(&text, "depth");
    assert_eq!(
        refused(&text),
        format!(
            "{at}: page 1 placement \"a1\" is continued at depth Auto; a part another part follows needs a fixed depth, e.g. depth: Fixed(40)"
        )
    );
    let text = one(r#"Placement(item: "a1", column: 1, span: 2, line: 1, depth: Fixed(9), part: 20, continued: true)"#);
    let at = at_field(&text, "continued");
    assert!(refused(&text).starts_with(&format!("{at}: page 1 placement \"a1\" is part 20 and continued,")));
}

#[test]
fn version_1_placements_keep_their_bytes() {
    let text = one(r#"Placement(item: "a1", column: 1, span: 2, line: 1, depth: Fixed(30))"#);
    let layout = parse_layout(Path::new("i.layout.ron"), &text).unwrap();
    let d = Makeup::new(small_issue(), &layout);
    let mut saved = d.to_layout("i.ron");
    saved.pages.retain(|p| p.number == 1);
    assert_eq!(to_ron_string(&saved), text);
    assert_eq!(d.placements(1)[0].depth, Depth::Fixed(30));
}

fn two_pages(page1: &str, page2: &str) -> String {
    format!(
        "Layout(\n    issue: \"i.ron\",\n    pages: [\n        PageLayout(number: 1, placements: [\n            {page1},\n        ]),\n        PageLayout(number: 2, placements: [\n            {page2},\n        ]),\n    ],\n)\n"
    )
}

#[test]
fn parts_twice_with_a_gap_or_at_auto_before_another_are_refused() {
    let refused_at = |text: &str| {
        let path = Path::new("i.layout.ron");
        let e = check_settings(&small_issue(), &parse_layout(path, text).unwrap(), text, path).unwrap_err();
        (e.line, e.col, e.message)
    };
    let text = two_pages(
        r#"Placement(item: "a6", column: 1, span: 2, line: 1, depth: Fixed(20))"#,
        r#"Placement(item: "a6", column: 1, span: 2, line: 1, depth: Auto, part: 3)"#,
    );
    let (line, col, msg) = refused_at(&text);
    assert_eq!((line, col), (Some(8), Some(83)));
    assert_eq!(
        msg,
        "page 2 placement \"a6\" is part 3, but no placement is part 2; expected parts numbered 1, 2, 3, … without a gap"
    );
    let text = two_pages(
        r#"Placement(item: "a6", column: 1, span: 2, line: 1, depth: Fixed(20), part: 2)"#,
        r#"Placement(item: "a6", column: 1, span: 2, line: 1, depth: Auto, part: 2)"#,
    );
    let (line, _, msg) = refused_at(&text);
    assert_eq!(line, Some(8));
    assert!(msg.contains("is part 2 a second time"), "{msg}");
    let text = two_pages(
        r#"Placement(item: "a6", column: 1, span: 2, line: 1, depth: Auto)"#,
        r#"Placement(item: "a6", column: 1, span: 2, line: 1, depth: Auto, part: 2)"#,
    );
    let (line, col, msg) = refused_at(&text);
    assert_eq!((line, col), (Some(5), Some(71)));
    assert!(msg.starts_with("page 1 placement \"a6\" is part 1 of 2 at depth Auto;"), "{msg}");
    // Placed twice without part numbers is version 1's "placed twice": not invalid input;
    // the first placement stays and the second is reported (exit 1).
    let text = two_pages(
        r#"Placement(item: "a6", column: 1, span: 2, line: 1, depth: Auto)"#,
        r#"Placement(item: "a6", column: 3, span: 2, line: 1, depth: Auto)"#,
    );
    let layout = parse_layout(Path::new("i.layout.ron"), &text).unwrap();
    assert!(check_settings(&small_issue(), &layout, &text, Path::new("i.layout.ron")).is_ok());
    let checked = pasteup_core::layout::validate::check_layout(&small_issue(), &layout);
    let twice: Vec<_> = checked.found.iter().map(|f| f.problem.kind()).collect();
    assert_eq!(twice, [pasteup_core::problem::ProblemKind::PlacedTwice]);
    assert!(!twice[0].is_invalid());
    // A part 2 alone is no invalid input: the desk reports part 1 missing (exit 1).
    let text = one(r#"Placement(item: "a6", column: 1, span: 2, line: 1, depth: Auto, part: 2)"#);
    let layout = parse_layout(Path::new("i.layout.ron"), &text).unwrap();
    assert!(check_settings(&small_issue(), &layout, &text, Path::new("i.layout.ron")).is_ok());
    let d = Makeup::new(small_issue(), &layout);
    assert!(d.validate().iter().any(|p| p.kind() == pasteup_core::problem::ProblemKind::MissingPart));
}

/// Two parts of one continued article that overlap on a page are named by their parts (found
/// from outside: the message named the item twice, `"a6" and "a6" overlap`).
#[test]
fn overlapping_parts_are_named_by_their_parts() {
    let text = one(concat!(
        r#"Placement(item: "a6", column: 1, span: 2, line: 1, depth: Fixed(10)),"#,
        "\n            ",
        r#"Placement(item: "a6", column: 2, span: 2, line: 5, depth: Auto, part: 2)"#,
    ));
    let layout = parse_layout(Path::new("i.layout.ron"), &text).unwrap();
    let d = Makeup::new(small_issue(), &layout);
    let said: Vec<String> = d.page_problems().iter().map(ToString::to_string).collect();
    assert!(said.contains(&"page 1: \"a6\" and \"a6\" (part 2) overlap".to_string()), "{said:?}");
}
