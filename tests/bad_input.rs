//! Bad input gets a clear message at the right line and column, and a defined result:
//! never a panic, never a silently dropped item (docs/command-line.md, docs/reliability.md).
//!
//! Columns count characters, not bytes, as editors do: in `paper: "太原日报"` the 太 is
//! column 13 though it starts at byte 12.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "a test fails loudly")]

use std::fs;
use std::path::Path;

use pasteup_core::format::*;
use pasteup_core::model::*;
use pasteup_core::problem::ProblemKind;
use proptest::prelude::*;

mod export_support;

/// A small valid issue. Line 10 is the article, 11 the photo, 12 the notice.
const ISSUE: &str = r#"Issue(
    paper: "太原日报",
    date: "2023-02-10",
    pages: [
        Page(number: 3, section: "关注两会",
             grid: Grid(columns: 8, column_width: 13, gutter: 1, depth: 100)),
        Page(number: 4, grid: Grid(columns: 6, column_width: 11, gutter: 1, depth: 80)),
    ],
    items: [
        Article(id: "jinyuan-livable", headline: "守护青山绿水", subhead: "晋源区", body: ["本报讯 以更高标准……", "第二段。"]),
        Photo(id: "snow-traffic", caption: "交警雪中疏导交通。", span: 2, height: 18),
        Notice(id: "hospital-tender", title: "公告", body: ["……"], signer: "山西省心血管病医院"),
    ],
)
"#;

/// A layout of ISSUE. Lines 5 and 6 place the article and the photo on page 3, line 9 the
/// notice on page 4.
const LAYOUT: &str = r#"Layout(
    issue: "issue.ron",
    pages: [
        PageLayout(number: 3, placements: [
            Placement(item: "jinyuan-livable", column: 1, span: 3, line: 1, depth: Auto),
            Placement(item: "snow-traffic", column: 4, span: 2, line: 1, depth: Fixed(24)),
        ]),
        PageLayout(number: 4, placements: [
            Placement(item: "hospital-tender", column: 1, span: 2, line: 1, depth: Auto),
        ]),
    ],
)
"#;

fn path() -> &'static Path {
    Path::new("issue.ron")
}

/// The error for the issue with `from` replaced by `to`.
fn issue_error(from: &str, to: &str) -> LoadError {
    assert!(ISSUE.contains(from), "{from}");
    parse_issue(path(), &ISSUE.replacen(from, to, 1)).unwrap_err()
}

/// Line, column and message; the message is also checked to be printable.
fn at(e: &LoadError) -> (usize, usize) {
    assert!(!e.to_string().chars().any(is_forbidden), "{e:?}");
    (e.line.expect("line"), e.col.expect("col"))
}

fn issue() -> Issue {
    parse_issue(path(), ISSUE).unwrap()
}

fn check(layout_src: &str) -> LayoutReport {
    let layout = parse_layout(Path::new("issue.layout.ron"), layout_src).unwrap();
    check_layout(&issue(), &layout, layout_src, Path::new("issue.layout.ron"))
}

fn placed_ids(layout: &Layout) -> Vec<&str> {
    layout.pages.iter().flat_map(|p| &p.placements).map(|p| p.item.as_str()).collect()
}

#[test]
fn the_valid_issue_and_layout_load() {
    let issue = issue();
    assert_eq!((issue.pages.len(), issue.items.len()), (2, 3));
    let report = check(LAYOUT);
    assert_eq!(report.problems, vec![]);
    assert_eq!(placed_ids(&report.layout), ["jinyuan-livable", "snow-traffic", "hospital-tender"]);
}

#[test]
fn numbers_out_of_range_or_not_whole_are_named_by_their_field() {
    let e = issue_error("column_width: 13", "column_width: 100000");
    assert_eq!((at(&e), e.message.as_str()), ((6, 51), "column_width is 100000, out of range; expected 1 to 120 em"));
    let e = issue_error("depth: 100", "depth: -3");
    assert_eq!((at(&e), e.message.as_str()), ((6, 73), "depth is -3, out of range; expected 1 to 400 lines"));
    let e = issue_error("columns: 8", "columns: 4.5");
    assert_eq!((at(&e), e.message.as_str()), ((6, 34), "columns is 4.5, expected a whole number: 1 to 20 columns"));
    // A placement's depth is Auto or Fixed(n), never a bare number.
    let layout = LAYOUT.replacen("depth: Auto", "depth: 30", 1);
    let e = parse_layout(Path::new("issue.layout.ron"), &layout).unwrap_err();
    assert_eq!(
        (at(&e), e.message.as_str()),
        ((5, 84), "depth is 30; write depth: Fixed(30) for a fixed depth of 30 lines, or depth: Auto")
    );
    // Found from outside: each of these got a parser's word (`expected a name`, `expected `)``)
    // or advice to write what was already there (`write depth: Fixed(2.5)`).
    let layout_error = |from: &str, to: &str| {
        let layout = LAYOUT.replacen(from, to, 1);
        let e = parse_layout(Path::new("issue.layout.ron"), &layout).unwrap_err();
        (at(&e), e.message)
    };
    assert_eq!(
        layout_error("depth: Fixed(24)", "depth: Fixed(2.5)"),
        ((6, 87), "depth is 2.5, expected a whole number: 1 to 400 lines".to_string())
    );
    // Found from outside: ron's own words, "expected `(`" and "expected a list", said not how.
    assert_eq!(
        layout_error("depth: Auto", "depth: Fixed"),
        (
            (5, 84),
            "depth is Fixed with no number; write depth: Fixed(N) for a fixed depth of N lines, or depth: Auto"
                .to_string()
        )
    );
    let e = issue_error("body: [", "body: \"x\", kicker: None, zzz: [");
    assert_eq!(e.message, "body is \"x\", expected a list; write it in square brackets: body: [\"x\"]");
    // Found from outside: a string with a comma in it was shown cut there, the fix left it open;
    // a long one is shown shortened, its quotes kept.
    let e = issue_error("body: [", "body: \"为方便市民出行,市公交公司近日新开通三条公交线路。\", kicker: None, zzz: [");
    let shown = "\"为方便市民出行,市公交公司近日新开通三条公交线…\"";
    assert_eq!(e.message, format!("body is {shown}, expected a list; write it in square brackets: body: [{shown}]"));
    let e = issue_error("body: [", "body: \"甲,乙\\\"丙\", kicker: None, zzz: [");
    assert!(e.message.starts_with("body is \"甲,乙\\\"丙\", expected a list"), "{e}");
    assert_eq!(
        layout_error("depth: Auto", "depth: \"auto\""),
        ((5, 84), "depth is \"auto\"; write depth: Auto, or depth: Fixed(N) for a fixed depth of N lines".to_string())
    );
    assert_eq!(
        layout_error("line: 1, depth: Auto", "line: 4294967296, depth: Auto").1,
        "line is 4294967296, out of range; expected a line from 1, at most the page's depth plus 400"
    );
    assert_eq!(
        layout_error("depth: Auto", "depth: Auto, cut: 1.5").1,
        "cut is 1.5, expected a whole number: 0 to 4294967295 sentences"
    );
    let e = issue_error("span: 2, height: 18", "span: 2, height: 18, priority: Some(1.5)");
    assert_eq!(e.message, "priority is 1.5, expected a whole number: 1 to 4294967295 (1 = the page's lead)");
    // Found from outside: a number too large was told to be "1 or more", which it was.
    let e = issue_error("span: 2, height: 18", "span: 2, height: 18, priority: Some(4294967296)");
    assert_eq!(e.message, "priority is 4294967296, out of range; expected 1 to 4294967295 (1 = the page's lead)");
    let e = issue_error("span: 2, height: 18", "span: 2, height: 18, page: Some(4294967296)");
    assert_eq!(e.message, "page is 4294967296, out of range; expected a page number, 1 to 4294967295");
    assert_eq!(
        layout_error("depth: Auto", "depth: Auto, cut: 4294967296").1,
        "cut is 4294967296, out of range; expected 0 to 4294967295 sentences"
    );
    assert_eq!(
        layout_error("depth: Auto", "depth: Auto, cut: -1").1,
        "cut is -1, below 0; write the number of sentences to cut, 0 or more"
    );
}

/// Found from outside: `priority: Some(0)` and `page: Some(0)` were taken; the plan counts
/// from 1, as page numbers do.
#[test]
fn a_page_plan_of_0_is_refused_at_its_field() {
    let e = issue_error("span: 2, height: 18", "span: 2, height: 18, priority: Some(0)");
    assert_eq!(e.message, "item \"snow-traffic\" priority is 0, expected 1 or more (1 = the page's lead)");
    let (line, col) = at(&e);
    let text = ISSUE.replacen("span: 2, height: 18", "span: 2, height: 18, priority: Some(0)", 1);
    let row = text.lines().nth(line - 1).unwrap();
    assert!(row.chars().skip(col - 1).collect::<String>().starts_with("Some(0)"), "{row} at {col}");
    let e = issue_error("span: 2, height: 18", "span: 2, height: 18, page: Some(0)");
    assert_eq!(e.message, "item \"snow-traffic\" page is 0, expected a page number, 1 or more");
    assert!(
        parse_issue(
            path(),
            &ISSUE.replacen("span: 2, height: 18", "span: 2, height: 18, page: Some(4), priority: Some(1)", 1)
        )
        .is_ok()
    );
}

#[test]
fn a_photo_with_names_an_article_of_the_issue() {
    let ok = parse_issue(path(), &ISSUE.replacen("height: 18)", "height: 18, with: \"jinyuan-livable\")", 1));
    assert!(ok.is_ok(), "{ok:?}");
    for (with, what) in [("nope", "no item of the issue"), ("snow-traffic", "a photo"), ("hospital-tender", "a notice")]
    {
        let e = issue_error("height: 18)", &format!("height: 18, with: \"{with}\")"));
        assert_eq!(at(&e), (11, 84), "{e}");
        assert_eq!(
            e.message,
            format!(
                "item \"snow-traffic\" with is \"{with}\", which is {what}; expected the id of the article the photo illustrates"
            )
        );
    }
}

#[test]
fn malformed_ron_missing_comma() {
    let e = issue_error("span: 2,", "span: 2");
    assert_eq!(at(&e), (11, 65));
    assert!(e.message.contains("expected a comma"), "{e}");
    assert!(e.to_string().starts_with("issue.ron:11:65: "), "{e}");
}

#[test]
fn malformed_ron_unclosed_string() {
    let e = issue_error("\"公告\"", "\"公告");
    assert_eq!(e.line, Some(12));
    assert!(e.message.contains("string") || e.message.contains("expected"), "{e}");
}

#[test]
fn truncated_ron() {
    let cut = &ISSUE[..ISSUE.find("        Notice").unwrap()];
    let e = parse_issue(path(), cut).unwrap_err();
    // ron stops just after the last thing it read: the comma ending line 11.
    assert_eq!(at(&e), (11, 78));
    assert!(e.message.contains("unexpected end of file"), "{e}");
    assert!(e.message.contains("cut short"), "{e}");
    // Found from outside: the message named neither the bracket left open nor what closes it.
    assert!(e.message.contains("the list `[` at line 9, column 12 is not closed; expected `]`"), "{e}");
    let whole = ISSUE.trim_end().strip_suffix(')').unwrap();
    let e = parse_issue(path(), whole).unwrap_err();
    assert!(e.message.contains("Issue( at line 1, column 1 is not closed; expected `)`"), "{e}");
    // Found from outside: a layout cut after a placement's `),` said only "expected a
    // Placement(...)", ron's word for the end of a list, and named no bracket.
    let cut = &LAYOUT[..LAYOUT.find("Auto),").unwrap() + "Auto),".len()];
    let e = parse_layout(Path::new("issue.layout.ron"), cut).unwrap_err();
    assert!(e.message.contains("cut short") && e.message.contains("is not closed; expected `]`"), "{e}");
}

/// Found from outside: a stray word on the line after the issue's closing `)` was said at the
/// `)`'s line, just after it; it is said where it stands.
#[test]
fn text_after_the_end_is_pointed_at_where_it_stands() {
    let stray = format!("{}\n\ngarbage\n", ISSUE.trim_end());
    let e = parse_issue(path(), &stray).unwrap_err();
    let line = stray.lines().position(|l| l == "garbage").unwrap() + 1;
    assert_eq!(at(&e), (line, 1), "{e}");
    assert!(e.message.contains("unexpected text after the end of the Issue(...)"), "{e}");
}

/// Found from outside: an `Article(` closed with `,` instead of `),` was "expected a name".
#[test]
fn a_struct_closed_with_a_comma_names_the_struct() {
    let e = issue_error("height: 18),", "height: 18,\n        ,");
    assert_eq!(
        (at(&e), e.message.as_str()),
        ((12, 9), "Photo( at line 11, column 9 is not closed; expected `)` before this `,`")
    );
    // A comma doubled in a list is not taken for a struct left open.
    let e = issue_error("height: 18),", "height: 18),,");
    assert!(!e.message.contains("not closed"), "{e}");
    assert_eq!((at(&e), e.message.as_str()), ((11, 78), "two commas in a row: remove one"));
}

/// Found from outside: `body: ["一", ,"二"]` was "expected a string in double quotes, found
/// unquoted text \"\"", and `span: 2,,` in a layout ron's "expected a name": a comma with no
/// value before it is said where it stands, and what to write. Columns count characters: the
/// second comma after `"本报讯 以更高标准……"` is column 98, at byte 135 of its line.
#[test]
fn a_comma_with_nothing_before_it_says_to_remove_it() {
    let doubled = "two commas in a row: remove one";
    let e = issue_error("……\", \"第二段", "……\", ,\"第二段");
    assert_eq!((at(&e), e.message.as_str()), ((10, 98), doubled));
    assert!(e.to_string().starts_with("issue.ron:10:98: two commas in a row: remove one"), "{e}");
    let e = issue_error("span: 2,", "span: 2,,");
    assert_eq!((at(&e), e.message.as_str()), ((11, 65), doubled));
    // A line comment between the two is no value either.
    let e = issue_error("……\", \"第二段", "……\", // 第二段待定\n ,\"第二段");
    assert_eq!((at(&e), e.message.as_str()), ((11, 2), doubled));
    let e = issue_error("body: [\"本报讯", "body: [,\"本报讯");
    assert_eq!((at(&e), e.message.as_str()), ((10, 83), "a comma with nothing before it in the list: remove it"));
    let layout_error = |from: &str, to: &str| {
        assert!(LAYOUT.contains(from), "{from}");
        parse_layout(Path::new("issue.layout.ron"), &LAYOUT.replacen(from, to, 1)).unwrap_err()
    };
    let e = layout_error("span: 3,", "span: 3,,");
    assert_eq!((at(&e), e.message.as_str()), ((5, 67), doubled));
    assert!(e.to_string().starts_with("issue.layout.ron:5:67: "), "{e}");
    let e = layout_error("Auto),\n", "Auto,,),\n");
    assert_eq!((at(&e), e.message.as_str()), ((5, 89), doubled));
    let e = layout_error("placements: [", "placements: [,");
    assert_eq!((at(&e), e.message.as_str()), ((4, 44), "a comma with nothing before it in the list: remove it"));
    let e = layout_error("Placement(item", "Placement(,item");
    assert_eq!((at(&e), e.message.as_str()), ((5, 23), "a comma with nothing before it in Placement(: remove it"));
    // A comma inside a string is text, not one of the two.
    let e = issue_error("\"第二段。\"", "\"第二段,\" ,,");
    assert_eq!((at(&e), e.message.as_str()), ((10, 106), doubled));
}

/// Found from outside: the ideographic comma `、`, which a Chinese input method types for a
/// comma, was told as a `"` inside the text after a string, and echoed with the next field as
/// part of a number (`column is 4、 span: 2`); it is named where it stands, as `，` is.
#[test]
fn an_ideographic_comma_used_as_syntax_is_named_where_it_stands() {
    let said = "ideographic comma '、' (U+3001) used as RON syntax; write the comma `,` (ASCII) instead";
    let e = issue_error("span: 2,", "span: 2、");
    assert_eq!((at(&e), e.message.as_str()), ((11, 64), said));
    let e = issue_error("caption: \"交警雪中疏导交通。\",", "caption: \"交警雪中疏导交通。\"、");
    assert_eq!((at(&e), e.message.as_str()), ((11, 55), said));
    let e = layout_error("span: 3,", "span: 3、");
    assert_eq!((at(&e), e.message.as_str()), ((5, 66), said));
}

/// Found from outside: a list's `]` forgotten in the middle of the file was told as text to
/// quote (`found unquoted text "signer: …"; write it in quotes`), a comma or a Placement
/// missing, and a struct's `)` forgotten before the next item as a comma missing. Each is now
/// named with where it opens, pointed where its bracket belongs.
#[test]
fn a_bracket_forgotten_mid_file_is_named_where_it_belongs() {
    let e = issue_error("body: [\"……\"], signer", "body: [\"……\", signer");
    assert_eq!(
        (at(&e), e.message.as_str()),
        (
            (12, 64),
            "the list `[` of body at line 12, column 58 is not closed; expected `]` here, and a comma after it, before `signer`"
        )
    );
    let body = "the list `[` of body at line 10, column 82 is not closed; expected `]` here, before the `)`";
    let e = issue_error("\"第二段。\"]),", "\"第二段。\"),");
    assert_eq!((at(&e), e.message.as_str()), ((10, 104), body));
    let e = issue_error("\"第二段。\"]),", "\"第二段。\",),");
    assert_eq!((at(&e), e.message.as_str()), ((10, 105), body));
    let e = layout_error("depth: Fixed(24)),\n        ]),", "depth: Fixed(24)),\n        ),");
    assert_eq!(
        (at(&e), e.message.as_str()),
        ((6, 92), "the list `[` of placements at line 4, column 43 is not closed; expected `]` here, before the `)`")
    );
    let e = issue_error("\"第二段。\"]),\n", "\"第二段。\"]\n");
    assert_eq!(
        (at(&e), e.message.as_str()),
        ((10, 105), "Article( at line 10, column 9 is not closed; expected `)` here, then a comma")
    );
}

/// Found from outside: a line separator typed raw in a headline was told to "start a new
/// paragraph (a new string in body)", which a headline has not; and a character an id may not
/// hold was pointed at the id's opening quote, not where it stands.
#[test]
fn a_refused_character_gets_its_fields_advice_and_is_pointed_at() {
    let e = issue_error("守护青山", "守护\u{2028}青山");
    assert_eq!(
        (at(&e), e.message.as_str()),
        ((10, 53), "control character U+2028 (LINE SEPARATOR) in the file; write the text on one line instead")
    );
    let e = issue_error("以更高标准", "以更\u{2028}高标准");
    assert_eq!(
        (at(&e), e.message.as_str()),
        (
            (10, 90),
            "control character U+2028 (LINE SEPARATOR) in the file; start a new paragraph (a new string in body) instead"
        )
    );
    let e = issue_error("id: \"snow-traffic\"", "id: \"snow\ttraffic\"");
    assert_eq!(
        (at(&e), e.message.as_str()),
        ((11, 24), "item id \"snow\\ttraffic\" contains control character U+0009 (TAB); ids must be printable")
    );
    let e = issue_error("id: \"snow-traffic\"", "id: \"snow\\u{1b}traffic\"");
    assert_eq!(at(&e), (11, 24), "{e}");
    let e = issue_error("id: \"snow-traffic\"", "id: \"snow-traffic\u{200B}\"");
    assert_eq!(at(&e), (11, 32), "{e}");
}

/// Found from outside: numbers ron reads otherwise (hex, binary, a leading `_`) and a word
/// after a comment got ron's own words ("number out of range (negative or too large)",
/// "Unexpected leading underscore in a number", "expected a whole number"), some a column or
/// two off the value, with no field or range; and JSON's escapes `\b`, `\f`, `\/` only
/// "Unknown escape character". Each is said as any wrong number or escape is.
#[test]
fn numbers_and_escapes_written_otherwise_are_said_at_the_value() {
    let cases = [
        ("_6", "height is _6, expected a whole number: 1 to 400 lines"),
        ("0xFFFFFFFFFFFFFFFFFFFF", "height is 0xFFFFFFFFFFFFFFFFFFFF, out of range; expected 1 to 400 lines"),
        ("-0x1", "height is -0x1, out of range; expected 1 to 400 lines"),
        ("0b2", "height is 0b2, expected a whole number: 1 to 400 lines"),
    ];
    for (written, said) in cases {
        let e = issue_error("height: 18", &format!("height: {written}"));
        assert_eq!((at(&e), e.message.as_str()), ((11, 74), said), "{written}");
    }
    let e = issue_error("height: 18", "height: /* 待定 */ twelve");
    assert_eq!((at(&e), e.message.as_str()), ((11, 83), "height is twelve, expected a whole number: 1 to 400 lines"));
    for escape in ["\\b", "\\f", "\\/"] {
        let e = issue_error("\"第二段。\"", &format!("\"第二{escape}段。\""));
        let said = format!(
            "{} is not an escape; write \\\\ for a backslash (the escapes are \\n \\t \\\" \\\\ and \\u{{4E00}})",
            &escape[..2]
        );
        assert_eq!((at(&e), e.message.as_str()), ((10, 101), said.as_str()), "{escape}");
    }
}

/// Found from outside: a file beginning with two byte order marks loaded without a word, its
/// first line's columns one short.
#[test]
fn a_second_byte_order_mark_is_named_at_the_start() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("issue.ron");
    fs::write(&file, format!("\u{FEFF}\u{FEFF}{ISSUE}")).unwrap();
    let e = load_issue(&file).unwrap_err();
    assert_eq!(
        (at(&e), e.message.as_str()),
        (
            (1, 1),
            "byte order mark U+FEFF in the file's syntax, outside any string; replace it with an ASCII space, or delete it"
        )
    );
}

/// Found from outside: `language: "zh-hans"` was not told zh-Hans, where `kinsoku: strict` is
/// told Strict.
#[test]
fn a_language_written_otherwise_is_told_the_one_meant() {
    for (written, meant) in [("zh-hans", "zh-Hans"), ("zh_Hans", "zh-Hans"), ("JA", "ja"), ("jp", "ja")] {
        let e = issue_error("date: \"2023-02-10\",", &format!("date: \"2023-02-10\", language: \"{written}\","));
        let said = format!(
            "unknown language \"{written}\", expected one of zh-Hans, zh-Hant, ja, ko, en; did you mean {meant}?"
        );
        assert_eq!((at(&e), e.message.as_str()), ((3, 35), said.as_str()));
    }
}

/// Found from outside: a list or a bracket where a string goes was pointed at the space
/// before it, and a word where a number goes got ron's "invalid digit".
#[test]
fn a_list_where_a_string_goes_and_a_word_where_a_number_goes_are_named() {
    let e = issue_error("paper: \"太原日报\"", "paper: [\"太原日报\"]");
    assert_eq!(
        (at(&e), e.message.as_str()),
        ((2, 12), "paper is a list; expected one string in double quotes, not a list in [ ]; write \"…\"")
    );
    let e = issue_error("paper: \"太原日报\"", "paper: (\"太原日报\")");
    assert_eq!(at(&e), (2, 12));
    assert!(e.message.contains("found the bracket `(`"), "{e}");
    // Found from outside: a comment never closed was pointed at just after its `/*`.
    let e = issue_error("columns: 8", "columns: 8, /* 未闭合");
    assert_eq!(at(&e), (6, 37), "{e}");
    assert!(e.message.contains("comment is not closed"), "{e}");
    let e = issue_error("columns: 8", "columns: eight");
    assert_eq!((at(&e), e.message.as_str()), ((6, 34), "columns is eight, expected a whole number: 1 to 20 columns"));
}

/// Found from outside: `justify: Some(false)` quoted `Some(false` without its bracket, and
/// `kinsoku: Some(Basic)` called `Some` an unknown kinsoku.
#[test]
fn some_around_a_value_with_a_default_says_to_leave_it_out() {
    let cases = [
        ("columns: 8", "justify: Some(false), columns: 8", "justify", "false", (6, 34)),
        ("columns: 8", "kinsoku: Some(Basic), columns: 8", "kinsoku", "Basic", (6, 34)),
        ("columns: 8", "punctuation: Some( LineEnd ), columns: 8", "punctuation", "LineEnd", (6, 38)),
        ("span: 2, height: 18", "span: Some(2), height: 18", "span", "2", (11, 63)),
    ];
    for (from, to, field, value, place) in cases {
        let e = issue_error(from, to);
        let said = format!("{field} takes no Some(…): it has a default, not None; write {field}: {value}");
        assert_eq!((at(&e), e.message.as_str()), (place, said.as_str()), "{to}");
    }
    // Found from outside: a doubled Some on a field that may be None was told it had a default.
    let e = issue_error("height: 18", "height: Some(Some(18))");
    assert_eq!(e.message, "height is written Some(Some(…)); one Some is enough: write height: Some(18)");
    // A field whose default is None takes Some(…) and its value alike.
    let with_some = ISSUE.replacen("height: 18", "height: Some(18)", 1);
    assert!(parse_issue(path(), &with_some).is_ok());
}

#[test]
fn unknown_field() {
    let e = issue_error("headline:", "hedline:");
    assert_eq!(at(&e), (10, 40));
    assert!(
        e.message.starts_with("unknown field \"hedline\", expected one of id, headline, subhead, kicker, byline, body"),
        "{e}"
    );
    // The field it most likely misspells, as a struct's or a kind's name is told.
    assert!(e.message.ends_with("(the fields of Article); did you mean headline?"), "{e}");
    let far = issue_error("headline:", "title:");
    assert!(!far.message.contains("did you mean"), "{far}");
}

#[test]
fn missing_field_points_at_the_end_of_its_struct() {
    let e = issue_error("headline: \"守护青山绿水\", ", "");
    assert_eq!(at(&e), (10, 85));
    assert!(e.message.contains("missing field \"headline\" in Article"), "{e}");
}

#[test]
fn wrong_item_kind() {
    let e = issue_error("Article(", "Artcle(");
    assert_eq!(at(&e), (10, 9));
    assert_eq!(e.message, "unknown item kind \"Artcle\", expected Article, Photo or Notice; did you mean Article?");
}

/// Found from outside: an item written without its kind (`(id: "a", …)`) was called `Issue(`
/// not closed. Its missing name is said, with the names to write.
#[test]
fn an_item_without_its_kind_is_said_so() {
    let e = issue_error("Article(", "(");
    assert_eq!(at(&e), (10, 9));
    assert_eq!(e.message, "this entry has no name before its `(`; write Article(, Photo( or Notice( before it");
}

#[test]
fn wrong_struct_name() {
    let e = issue_error("Issue(", "Isue(");
    assert_eq!(at(&e), (1, 1));
    assert_eq!(e.message, "found Isue(...), expected an Issue(...); did you mean Issue?");
    let e = parse_issue(path(), LAYOUT).unwrap_err();
    assert_eq!(
        e.message,
        "found Layout(...), expected an Issue(...) (this is a layout file: name the issue, and this file with --layout)"
    );
}

#[test]
fn duplicate_item_id_points_at_the_second() {
    let e = issue_error("\"hospital-tender\"", "\"snow-traffic\"");
    assert_eq!(at(&e), (12, 20));
    assert_eq!(e.message, "item id \"snow-traffic\" is used twice (first at line 11), expected a unique id");
}

/// An issue without a page is refused where its pages are, not met in every command (found
/// from outside: `proof` printed nothing and the PDF was one blank sheet).
#[test]
fn an_issue_without_pages_is_refused_at_its_pages() {
    let start = ISSUE.find("    pages: [").unwrap();
    let end = ISSUE.find("    items: [").unwrap();
    let e = issue_error(&ISSUE[start..end], "    pages: [],\n");
    assert_eq!(at(&e), (4, 12));
    assert!(e.message.starts_with("pages is empty, expected at least one page: pages: [Page(number: 1,"), "{e}");
}

#[test]
fn duplicate_page_number() {
    let e = issue_error("number: 4", "number: 3");
    assert_eq!(at(&e), (7, 22));
    assert!(e.message.contains("page number 3 appears twice (first at line 5)"), "{e}");
}

#[test]
fn empty_item_id() {
    let e = issue_error("\"hospital-tender\"", "\"\"");
    assert_eq!(at(&e), (12, 20));
    assert!(e.message.contains("item id is empty"), "{e}");
    let e = issue_error("\"hospital-tender\"", "\"\u{200B}\u{2060}\"");
    assert_eq!(at(&e), (12, 20));
    assert!(e.message.starts_with("item id ") && e.message.contains(" is invisible, expected a name"), "{e}");
}

#[test]
fn grid_of_zero_columns() {
    let e = issue_error("columns: 6", "columns: 0");
    assert_eq!(at(&e), (7, 45));
    assert_eq!(e.message, "page 4 grid columns is 0, expected 1 to 20");
}

#[test]
fn grid_of_zero_width() {
    let e = issue_error("column_width: 11", "column_width: 0");
    assert_eq!(at(&e), (7, 62));
    assert_eq!(e.message, "page 4 grid column_width is 0, expected 1 to 120 em");
}

#[test]
fn numbers_out_of_range() {
    let e = issue_error("depth: 100", "depth: 5000");
    assert_eq!((at(&e), e.message.as_str()), ((6, 73), "page 3 grid depth is 5000, expected 1 to 400 lines"));
    let e = issue_error("depth: 100", "depth: 0");
    assert_eq!(at(&e), (6, 73));
    let e = issue_error("columns: 8", "columns: 65");
    assert_eq!((at(&e), e.message.as_str()), ((6, 34), "page 3 grid columns is 65, expected 1 to 20"));
    let e = issue_error("gutter: 1, depth: 100", "gutter: 11, depth: 100");
    assert_eq!((at(&e), e.message.as_str()), ((6, 63), "page 3 grid gutter is 11, expected 0 to 10 em"));
    let e = issue_error("depth: 100)", "depth: 100, indent: 13)");
    assert_eq!(
        e.message,
        "page 3 grid indent is 13, expected less than the column_width of 13 so that a first line has room; write \
         indent: 0 to 12 in this Grid (2 em is the default when none is written)"
    );
    let e = issue_error("depth: 100)", "depth: 100, headline_size: 0)");
    assert_eq!(e.message, "page 3 grid headline_size is 0, expected 1 to 10 em");
    let e = issue_error("span: 2", "span: 0");
    assert_eq!((at(&e), e.message.as_str()), ((11, 63), "item \"snow-traffic\" span is 0, expected 1 to 20 columns"));
    let e = issue_error("height: 18", "height: 9999");
    assert_eq!(
        (at(&e), e.message.as_str()),
        ((11, 74), "item \"snow-traffic\" height is 9999, expected 1 to 400 lines")
    );
    // Past the type's range is ron's error, at the number.
    let e = issue_error("span: 2", "span: 70000");
    assert_eq!(at(&e), (11, 63));
    assert!(e.message.contains("out of range"), "{e}");
}

#[test]
fn escaped_control_character_in_a_string() {
    // `\u{1b}[31m` written as a RON escape: the file itself is clean, the text is not.
    // Found from outside: pointed at the `body: [`, not at the paragraph; now at the escape.
    let e = issue_error("第二段。", r"第二段\u{1b}[31m红");
    assert_eq!(at(&e), (10, 102));
    assert_eq!(
        e.message,
        "item \"jinyuan-livable\" body paragraph 2 contains control character U+001B (ESC); remove it: text must be printable"
    );
    let e = issue_error("公告", r"公\u{202E}告");
    assert_eq!(at(&e), (12, 48));
    assert!(e.message.contains("title contains control character U+202E (RIGHT-TO-LEFT OVERRIDE)"), "{e}");
    // A body of a paragraph a line: the line of the paragraph, at its escape, even where an
    // earlier paragraph holds a `\\` or a harmless escape.
    let body = "body: [\n            \"本报讯 \\\\ 一\\u{3000}。\",\n            \"第二段。\",\n            \"三\\t段。\",\n        ]";
    let e = issue_error(r#"body: ["本报讯 以更高标准……", "第二段。"]"#, body);
    assert_eq!(at(&e), (13, 15), "{e}");
    assert!(e.message.contains("body paragraph 3 contains control character U+0009 (TAB)"), "{e}");
    // A line break in a one-line field is not told to start a new paragraph in body.
    let e = issue_error("守护青山绿水", r"守护\n青山");
    assert!(
        e.message.ends_with("headline contains control character U+000A (LF); write the text on one line instead"),
        "{e}"
    );
    let e = issue_error("第二段。", r"第二\n段。");
    assert!(e.message.ends_with("start a new paragraph (a new string in body) instead"), "{e}");
}

/// Found from outside: `"ab\q…"` was reported at the string's start ("Unknown escape
/// character"), and `\u{D800}` with no word of what to write.
#[test]
fn a_bad_escape_is_placed_at_its_backslash() {
    let e = issue_error("公告", r"公告\q");
    assert_eq!(at(&e), (12, 49));
    assert_eq!(
        e.message,
        r#"\q is not an escape; write \\ for a backslash (the escapes are \n \t \" \\ and \u{4E00})"#
    );
    let e = issue_error("公告", r"公\u{D800}告");
    assert_eq!(at(&e), (12, 48));
    assert!(e.message.starts_with(r"\u{D800} is not a character; write the character itself"), "{e}");
    // Found from outside: `\u00e9`, as JSON writes it, was quoted with the text after it and a
    // `}` the file does not have, and called no character.
    let e = issue_error("公告", r"公\u00e9告");
    assert_eq!(at(&e), (12, 48));
    assert_eq!(
        e.message,
        r"\u00e9 is written \u{E9} here, the hex code point in braces (or write the character itself)"
    );
    let e = issue_error("公告", r"公\uzz告");
    assert_eq!(
        e.message,
        r"\u is followed by the hex code point in braces, as \u{4E00}; or write the character itself"
    );
}

#[test]
fn raw_escape_byte_in_the_file() {
    let e = issue_error("第二段", "第二\u{1b}段");
    assert_eq!(at(&e), (10, 101));
    assert_eq!(e.message, "control character U+001B (ESC) in the file; remove it: text must be printable");
    // Outside any string, too.
    let e = issue_error("    items", "  \u{7}  items");
    assert_eq!(at(&e), (9, 3));
    assert!(e.message.contains("U+0007 (BEL)"), "{e}");
}

#[test]
fn empty_file() {
    let e = parse_issue(path(), "").unwrap_err();
    // Found from outside: with no line and column, unlike every other error.
    assert_eq!(e.to_string(), "issue.ron:1:1: file is empty, expected an Issue(...)");
    let e = parse_issue(path(), " \n\n").unwrap_err();
    assert_eq!(at(&e), (1, 1));
    let e = parse_layout(Path::new("a.layout.ron"), "").unwrap_err();
    assert_eq!(e.message, "file is empty, expected a Layout(...)");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("empty.ron");
    fs::write(&file, "").unwrap();
    assert!(load_issue(&file).unwrap_err().message.contains("file is empty"));
}

#[test]
fn gb18030_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("gbk.ron");
    let (bytes, _, unmappable) = encoding_rs::GB18030.encode(ISSUE);
    assert!(!unmappable);
    fs::write(&file, &bytes).unwrap();
    let e = load_issue(&file).unwrap_err();
    // The first non-ASCII character, the 太 of 太原日报.
    assert_eq!(at(&e), (2, 13));
    assert!(e.message.contains("not UTF-8"), "{e}");
    assert!(e.message.contains("GB18030"), "{e}");
    assert!(e.message.contains("iconv -f GB18030 -t UTF-8"), "{e}");
}

/// Found from outside: a Big5 zh-Hant issue was taken for GB18030, and the `iconv` advice
/// turned it into mojibake that loaded. A file that says it is zh-Hant and reads as Big5 is
/// told to convert from Big5.
#[test]
fn big5_zh_hant_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("big5.ron");
    let text = r#"Issue(paper: "臺南時報", date: "2026-12-06", language: "zh-Hant", pages: [], items: [])"#;
    let (bytes, _, unmappable) = encoding_rs::BIG5.encode(text);
    assert!(!unmappable);
    fs::write(&file, &bytes).unwrap();
    let e = load_issue(&file).unwrap_err();
    assert_eq!(at(&e), (1, 15), "{e}");
    assert!(e.message.contains("iconv -f BIG5 -t UTF-8") && !e.message.contains("GB18030"), "{e}");
}

/// A Japanese issue, with the kana that tell Japanese text from Chinese.
const JA_ISSUE: &str = r#"Issue(paper: "東都新聞", date: "2026-12-07", language: "ja", pages: [], items: [
    Notice(id: "kome", title: "コメの値段について", body: ["北陸で記録的大雪、交通まひ。"]),
])"#;

/// The advice for `text` written in `encoding` to `name`, loaded as an issue or a layout.
fn advice(encoding: &'static encoding_rs::Encoding, text: &str, name: &str) -> LoadError {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(name);
    let (bytes, _, unmappable) = encoding.encode(text);
    assert!(!unmappable);
    fs::write(&file, &bytes).unwrap();
    if name.ends_with(".layout.ron") { load_layout(&file).unwrap_err() } else { load_issue(&file).unwrap_err() }
}

/// Found from outside: a Shift_JIS `ja` issue was taken for GB18030, and the `iconv` advice
/// turned it into mojibake that loaded.
#[test]
fn shift_jis_ja_file() {
    let e = advice(encoding_rs::SHIFT_JIS, JA_ISSUE, "sjis.ron");
    assert_eq!(at(&e), (1, 15), "{e}");
    assert!(e.message.contains("iconv -f CP932 -t UTF-8") && !e.message.contains("GB18030"), "{e}");
}

#[test]
fn euc_jp_ja_file() {
    let e = advice(encoding_rs::EUC_JP, JA_ISSUE, "euc.ron");
    assert_eq!(at(&e), (1, 15), "{e}");
    assert!(e.message.contains("iconv -f EUC-JP -t UTF-8") && !e.message.contains("GB18030"), "{e}");
}

/// A layout says no language: its kana tell Japanese (a Japanese comment here).
#[test]
fn japanese_layout_without_a_language() {
    let text = "// 東都新聞の朝刊、一面のわりつけ\nLayout(issue: \"a.ron\", pages: [])\n";
    let e = advice(encoding_rs::SHIFT_JIS, text, "a.layout.ron");
    assert!(e.message.contains("iconv -f CP932 -t UTF-8"), "{e}");
    let e = advice(encoding_rs::EUC_JP, text, "a.layout.ron");
    assert!(e.message.contains("iconv -f EUC-JP -t UTF-8"), "{e}");
}

/// Chinese text with no `language` keeps the GB18030 advice, even where its bytes also read
/// as a Japanese encoding.
#[test]
fn chinese_text_stays_gb18030() {
    for text in [ISSUE, "// 本报讯 北京市人民政府今天发布通知\nLayout(issue: \"a.ron\", pages: [])\n"] {
        let e = advice(encoding_rs::GB18030, text, "gbk.ron");
        assert!(e.message.contains("iconv -f GB18030 -t UTF-8"), "{e}");
    }
}

#[test]
fn binary_file_that_is_not_gb18030() {
    let e = decode_text(path(), b"Issue(\n  \xFF\xFF").unwrap_err();
    assert_eq!(at(&e), (2, 3));
    assert!(e.message.contains("byte 0xFF") && !e.message.contains("GB18030"), "{e}");
}

#[test]
fn missing_file() {
    let e = load_issue(Path::new("/nonexistent/issue.ron")).unwrap_err();
    // Found from outside: the system's words alone, `No such file or directory (os error 2)`.
    assert_eq!(e.to_string(), "/nonexistent/issue.ron: there is no such file; check its name and folder");
    assert_eq!(e.line, None);
}

#[test]
fn file_over_64_mib_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("huge.ron");
    // Sparse: no 65 MiB are written. Its zeros would be a NUL-character error if read, and a
    // read that grew past the limit says "grew past"; this message comes from the size alone.
    fs::File::create(&file).unwrap().set_len(65 << 20).unwrap();
    let started = std::time::Instant::now();
    let e = load_issue(&file).unwrap_err();
    assert_eq!(e.message, "file is 65 MiB, larger than the 64 MiB limit; is it the right file?");
    assert!(started.elapsed().as_millis() < 500);
}

/// Found from outside: a grid's depth written as a placement's was told to be written as a
/// placement's (`depth: Auto, or depth: Fixed(N)`), which was then refused; `Fixed(60` lost
/// its bracket.
#[test]
fn a_grid_depth_written_as_a_placements_is_told_to_be_a_number() {
    let grid = "grid: Grid(columns: 8, column_width: 13, gutter: 1, depth: 100)";
    for (written, said) in [
        ("Fixed(60)", "depth is Fixed(60); a page's grid has a depth of whole lines, 1 to 400: write depth: 60"),
        ("\"60\"", "depth is \"60\"; a page's grid has a depth of whole lines, 1 to 400: write depth: 60"),
        ("Auto", "depth is Auto; a page's grid has a depth of whole lines, 1 to 400: write depth: N"),
    ] {
        let e = issue_error(grid, &grid.replace("depth: 100", &format!("depth: {written}")));
        assert!(e.to_string().ends_with(said), "{e}");
    }
}

/// Found from outside: the column was one inside the quote.
#[test]
fn an_unknown_language_is_pointed_at_its_opening_quote() {
    let e = issue_error("    paper:", "    language: \"jp\",\n    paper:");
    assert_eq!(at(&e), (2, 15));
    assert!(
        e.to_string()
            .ends_with("unknown language \"jp\", expected one of zh-Hans, zh-Hant, ja, ko, en; did you mean ja?"),
        "{e}"
    );
}

#[test]
fn bom_is_accepted_and_positions_ignore_it() {
    let with_bom = format!("\u{FEFF}{ISSUE}");
    assert_eq!(parse_issue(path(), &with_bom).unwrap(), issue());
    let e = parse_issue(path(), &with_bom.replacen("headline:", "hedline:", 1)).unwrap_err();
    assert_eq!(at(&e), (10, 40));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bom.ron");
    fs::write(&file, with_bom).unwrap();
    assert_eq!(load_issue(&file).unwrap().value, issue());
}

#[test]
fn layout_naming_an_unknown_item() {
    let report = check(&LAYOUT.replacen("\"snow-traffic\"", "\"snow-trafic\"", 1));
    let [problem] = &report.problems[..] else { panic!("{:?}", report.problems) };
    assert_eq!((problem.kind(), problem.line, problem.col), (ProblemKind::UnknownItem, Some(6), Some(29)));
    assert_eq!(
        problem.to_string(),
        "issue.layout.ron:6:29: no item \"snow-trafic\" in the issue (did you mean \"snow-traffic\"?); this placement is dropped"
    );
    // Nothing near: what to write instead, in general.
    let report = check(&LAYOUT.replacen("\"snow-traffic\"", "\"weather\"", 1));
    assert_eq!(
        report.problems[0].to_string(),
        "issue.layout.ron:6:29: no item \"weather\" in the issue, expected the id of one of its items; this placement is dropped"
    );
    // The photo is simply in the bin; everything else stays.
    assert_eq!(placed_ids(&report.layout), ["jinyuan-livable", "hospital-tender"]);
}

#[test]
fn layout_naming_an_unknown_page() {
    let report = check(&LAYOUT.replacen("number: 4", "number: 9", 1));
    let [problem] = &report.problems[..] else { panic!("{:?}", report.problems) };
    assert_eq!((problem.kind(), problem.line, problem.col), (ProblemKind::UnknownPage, Some(8), Some(28)));
    assert_eq!(problem.message(), "page 9 is not in the issue (its pages: 3, 4); its 1 placement(s) go to the bin");
    assert_eq!(placed_ids(&report.layout), ["jinyuan-livable", "snow-traffic"]);
    assert_eq!(report.layout.pages.len(), 1);
}

#[test]
fn item_placed_twice_keeps_the_first() {
    let report = check(&LAYOUT.replacen("\"hospital-tender\"", "\"jinyuan-livable\"", 1));
    let [problem] = &report.problems[..] else { panic!("{:?}", report.problems) };
    assert_eq!((problem.kind(), problem.line, problem.col), (ProblemKind::PlacedTwice, Some(9), Some(29)));
    assert_eq!(
        problem.message(),
        "item \"jinyuan-livable\" is placed twice (first on page 3 at line 5 of the file); this placement is dropped"
    );
    assert_eq!(report.layout.pages[0].placements[0].column, 1);
    assert_eq!(placed_ids(&report.layout), ["jinyuan-livable", "snow-traffic"]);
}

/// Found from outside: a first placement off the grid went to the bin, and a second one of
/// the same item was kept without a word, so the message "it goes to the bin" was false.
/// The first placement is the first, on the grid or not: both are reported, the item is in
/// the bin.
#[test]
fn a_first_placement_off_the_grid_is_still_the_first() {
    let text = LAYOUT.replacen(
        "Placement(item: \"jinyuan-livable\", column: 1,",
        "Placement(item: \"jinyuan-livable\", column: 99,",
        1,
    );
    let text = text.replacen("\"hospital-tender\"", "\"jinyuan-livable\"", 1);
    let report = check(&text);
    let kinds: Vec<ProblemKind> = report.problems.iter().map(|p| p.kind()).collect();
    assert_eq!(kinds, [ProblemKind::OffGrid, ProblemKind::PlacedTwice], "{:?}", report.problems);
    assert!(report.problems[0].message().ends_with("; it goes to the bin"), "{}", report.problems[0].message());
    assert_eq!(placed_ids(&report.layout), ["snow-traffic"]);
}

#[test]
fn placement_outside_the_grid() {
    let report = check(&LAYOUT.replacen("column: 4, span: 2", "column: 7, span: 3", 1));
    let [problem] = &report.problems[..] else { panic!("{:?}", report.problems) };
    assert_eq!((problem.kind(), problem.line, problem.col), (ProblemKind::OffGrid, Some(6), Some(62)));
    assert_eq!(
        problem.message(),
        "item \"snow-traffic\" on page 3: columns 7 to 9 run past the grid's 8 columns; it goes to the bin"
    );
    assert!(problem.kind().is_off_page());
    assert_eq!(placed_ids(&report.layout), ["jinyuan-livable", "hospital-tender"]);

    let cases = [
        ("column: 4, span: 2", "column: 0, span: 2", (6, 53), "column is 0, expected 1 to 8"),
        ("span: 2, line: 1, depth: Fixed", "span: 0, line: 1, depth: Fixed", (6, 62), "span is 0, expected 1 to 5"),
        ("line: 1, depth: Fixed", "line: 0, depth: Fixed", (6, 71), "line is 0, expected 1 to 500"),
        ("line: 1, depth: Fixed", "line: 5000, depth: Fixed", (6, 71), "line is 5000, expected 1 to 500"),
        // Found from outside: the 500 of a page of 100 lines was not said.
        (
            "line: 1, depth: Fixed",
            "line: 5000, depth: Fixed",
            (6, 71),
            "(lines count from 1; the page has 100, and a box pushed down may start up to 400 past its foot)",
        ),
    ];
    for (from, to, pos, words) in cases {
        let report = check(&LAYOUT.replacen(from, to, 1));
        let [problem] = &report.problems[..] else { panic!("{:?}", report.problems) };
        assert_eq!((problem.line, problem.col), (Some(pos.0), Some(pos.1)), "{problem}");
        assert!(problem.message().contains(words), "{problem}");
    }
}

/// A box saved below the foot (pushed there) opens where it was: it is not off the grid.
#[test]
fn placement_below_the_foot_stays() {
    let report = check(&LAYOUT.replacen("line: 1, depth: Fixed", "line: 150, depth: Fixed", 1));
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!(report.layout.pages[0].placements[1].line, 150);
}

#[test]
fn fixed_depth_out_of_range_becomes_auto() {
    let report = check(&LAYOUT.replacen("Fixed(24)", "Fixed(0)", 1));
    let [problem] = &report.problems[..] else { panic!("{:?}", report.problems) };
    assert_eq!((problem.kind(), problem.line, problem.col), (ProblemKind::BadDepth, Some(6), Some(81)));
    assert_eq!(report.layout.pages[0].placements[1].depth, Depth::Auto);
}

#[test]
fn unplaced_items_are_not_a_problem() {
    let without_notice = LAYOUT.replacen(
        "            Placement(item: \"hospital-tender\", column: 1, span: 2, line: 1, depth: Auto),\n",
        "",
        1,
    );
    assert_eq!(check(&without_notice).problems, vec![]);
}

#[test]
fn layout_syntax_errors_are_fatal_and_located() {
    let e = parse_layout(Path::new("x.layout.ron"), &LAYOUT.replacen("column:", "colum:", 1)).unwrap_err();
    assert_eq!(at(&e), (5, 48));
    assert!(e.message.starts_with("unknown field \"colum\", expected one of item, column, span, line, depth"), "{e}");
    assert!(e.message.ends_with("; did you mean column?"), "{e}");
    let e = parse_layout(Path::new("x.layout.ron"), &LAYOUT.replacen("Auto", "Atuo", 1)).unwrap_err();
    assert!(e.message.contains("expected Auto or Fixed"), "{e}");
}

#[test]
fn load_save_load_is_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("issue.layout.ron");
    let report = check(LAYOUT);
    save_layout(&file, &report.layout).unwrap();
    let (layout, text) = load_layout(&file).unwrap();
    assert_eq!(layout, report.layout);
    assert_eq!(to_ron_string(&layout), text);
    // The hand-written sample is already in the saved form.
    assert_eq!(text, LAYOUT);
}

#[test]
fn photo_pixels_from_the_issue_folder_and_a_missing_image_is_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("assets")).unwrap();
    fs::write(dir.path().join("assets/snow.png"), whole_png(1200, 800)).unwrap();
    let text = ISSUE.replacen("span: 2,", "file: \"assets/snow.png\", span: 2,", 1).replacen(
        "Notice(",
        "Photo(id: \"gone\", caption: \"c\", file: \"assets/gone.jpg\"),\n        Notice(",
        1,
    );
    let file = dir.path().join("issue.ron");
    fs::write(&file, &text).unwrap();
    let loaded = load_issue(&file).unwrap();
    let pixels: Vec<_> = loaded
        .value
        .items
        .iter()
        .filter_map(|item| match item {
            Item::Photo(p) => Some(p.pixels),
            _ => None,
        })
        .collect();
    assert_eq!(pixels, [Some((1200, 800)), None]);
    let [warning] = &loaded.warnings[..] else { panic!("{:?}", loaded.warnings) };
    let Note::PhotoUnsized { why: ImageTrouble::Missing, height: None, .. } = warning else { panic!("{warning:?}") };
    use pasteup_core::catalogue::{Render, UiLang};
    let said = warning.render(UiLang::En);
    assert!(
        said.contains("photo \"gone\" file \"assets/gone.jpg\": there is no such file; the photo's height"),
        "{said}"
    );
    // At the photo's `file` (found from outside: no line:col, so a script could not tell which
    // photo of a long issue was meant).
    let (line, col) = text
        .lines()
        .enumerate()
        .find_map(|(n, l)| l.find("\"assets/gone.jpg\"").map(|b| (n + 1, l[..b].chars().count() + 1)))
        .unwrap();
    assert!(said.starts_with(&format!("{}:{line}:{col}: warning: ", file.display())), "{said}");
    // In Chinese, all of it (found from outside: a Chinese editor told of a missing photo in English).
    let said = warning.render(UiLang::ZhHans);
    let expected = "：警告：图片「gone」的文件 assets/gone.jpg：没有这个文件；图片高度无法由图片算出";
    assert!(said.ends_with(expected), "{said}");
    assert!(said.starts_with(&format!("{}:{line}:{col}：", file.display())), "{said}");
}

#[test]
fn photo_pixels_from_built_in_bytes() {
    let mut issue = parse_issue(path(), &ISSUE.replacen("span: 2,", "file: \"snow.png\", span: 2,", 1)).unwrap();
    let image = whole_png(640, 480);
    let warnings =
        resolve_pixels_from_bytes(&mut issue, "x.ron", |name| (name == "snow.png").then_some(image.as_slice()));
    assert_eq!(warnings, []);
    let Item::Photo(photo) = &issue.items[1] else { panic!() };
    assert_eq!(photo.pixels, Some((640, 480)));
}

/// Found from outside: a phone's photo stored 320 × 240 with an EXIF orientation of 6 was
/// sized landscape, the frame 13 lines where the upright portrait needs more. Every command
/// takes a photo's size upright: sides swapped for orientations 5–8 (a quarter turn, mirrored
/// or not), kept for 1–4, from a JPEG's EXIF or a PNG's `eXIf` before its pixels, as a
/// browser turns it; EXIF it cannot read is orientation 1, never a warning.
#[test]
fn photo_pixels_are_upright_as_the_exif_orientation_says() {
    let size_of = |image: &[u8]| {
        let mut issue = parse_issue(path(), &ISSUE.replacen("span: 2,", "file: \"rot\", span: 2,", 1)).unwrap();
        let warnings = resolve_pixels_from_bytes(&mut issue, "x.ron", |_| Some(image));
        assert_eq!(warnings, []);
        let Item::Photo(photo) = &issue.items[1] else { panic!() };
        photo.pixels
    };
    for orientation in 0..=9 {
        let upright = if (5..=8).contains(&orientation) { (240, 320) } else { (320, 240) };
        for big_endian in [false, true] {
            let jpeg = export_support::phone_jpeg(orientation, big_endian);
            assert_eq!(size_of(&jpeg), Some(upright), "JPEG, orientation {orientation}");
            let exif = export_support::exif_orientation(orientation, big_endian);
            assert_eq!(size_of(&png_with_exif(&exif, true)), Some(upright), "PNG, orientation {orientation}");
            // After the pixels, a browser does not read it: neither does any command.
            assert_eq!(size_of(&png_with_exif(&exif, false)), Some((320, 240)), "orientation {orientation}");
        }
    }
    // Damaged EXIF: cut anywhere before the orientation's value ends (byte 20), a false
    // byte order, a directory past its end.
    let exif = export_support::exif_orientation(6, false);
    let mut broken: Vec<Vec<u8>> = (0..20).map(|n| exif[..n].to_vec()).collect();
    broken.push([b"XX", &exif[2..]].concat());
    broken.push([&exif[..4], &[0xFF, 0xFF, 0xFF, 0xFF][..], &exif[8..]].concat());
    for exif in broken {
        assert_eq!(size_of(&png_with_exif(&exif, true)), Some((320, 240)), "{exif:?}");
    }
}

/// A PNG of 320 × 240 grey pixels with an `eXIf` chunk holding `exif`, before its pixels
/// (`early`) or after them.
fn png_with_exif(exif: &[u8], early: bool) -> Vec<u8> {
    let mut bytes = Vec::new();
    let mut encoder = ::png::Encoder::new(&mut bytes, 320, 240);
    encoder.set_color(::png::ColorType::Grayscale);
    let mut writer = encoder.write_header().unwrap();
    if early {
        writer.write_chunk(::png::chunk::eXIf, exif).unwrap();
    }
    writer.write_image_data(&[128; 320 * 240]).unwrap();
    if !early {
        writer.write_chunk(::png::chunk::eXIf, exif).unwrap();
    }
    writer.finish().unwrap();
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Cutting the issue anywhere never panics; a cut file is an error with a position.
    #[test]
    fn truncated_issue_never_panics(cut in 0..ISSUE.len()) {
        let mut cut = cut;
        while !ISSUE.is_char_boundary(cut) {
            cut -= 1;
        }
        if let Err(e) = parse_issue(path(), &ISSUE[..cut]) {
            prop_assert!(!e.message.is_empty());
        }
    }

    /// Random byte edits, decoded as a file would be, never panic the parser or the checker.
    #[test]
    fn mutated_bytes_never_panic(edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8)) {
        let mut bytes = ISSUE.as_bytes().to_vec();
        for (index, byte) in edits {
            bytes[index.index(ISSUE.len())] = byte;
        }
        if let Ok(text) = decode_text(path(), &bytes) {
            let _ = parse_issue(path(), &text);
        }
    }

    /// Structural characters dropped in anywhere, in the issue and the layout.
    #[test]
    fn mutated_structure_never_panics(
        edits in prop::collection::vec((any::<prop::sample::Index>(), prop::sample::select(vec!["(", ")", "[", "]", ",", ":", "\"", "0", "r#\"", "/*", "//", "\\", "é", "Some(", "-1", "99999999999"])), 1..5),
    ) {
        for base in [ISSUE, LAYOUT] {
            let mut text = base.to_string();
            for (index, piece) in &edits {
                let mut at = index.index(text.len() + 1);
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                text.insert_str(at, piece);
            }
            let _ = parse_issue(path(), &text);
            if let Ok(layout) = parse_layout(path(), &text) {
                let report = check_layout(&issue(), &layout, &text, path());
                // Every placement either stays or is reported.
                let kept: usize = report.layout.pages.iter().map(|p| p.placements.len()).sum();
                let given: usize = layout.pages.iter().map(|p| p.placements.len()).sum();
                // A page the issue lacks is one problem for all its placements.
                let dropped: usize = report
                    .problems
                    .iter()
                    .map(|p| match &p.problem {
                        pasteup_core::problem::Problem::UnknownPage { placements, .. } => *placements,
                        _ if p.kind() == ProblemKind::BadDepth || p.kind() == ProblemKind::DuplicatePage => 0,
                        _ => 1,
                    })
                    .sum();
                prop_assert!(kept + dropped >= given, "kept {} + dropped {} < given {}", kept, dropped, given);
            }
        }
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let deep = format!("Issue(paper: {}", "[".repeat(100_000));
    let e = parse_issue(path(), &deep).unwrap_err();
    assert!(e.line == Some(1), "{e}");
    let deep = ISSUE.replacen("body: [\"……\"]", &format!("body: {}", "(".repeat(100_000)), 1);
    assert!(parse_issue(path(), &deep).is_err());
}

// ---------------------------------------------------------------------------------------
// The copy desk's common mistakes: the offending character's place, its name, what to write.

#[test]
fn full_width_comma_as_syntax() {
    let e = issue_error("span: 2,", "span: 2，");
    assert_eq!(at(&e), (11, 64));
    assert_eq!(e.message, "full-width comma '，' (U+FF0C) used as RON syntax; write the comma `,` (ASCII) instead");
    let e = issue_error("span: 2,", "span： 2,");
    assert_eq!(at(&e), (11, 61));
    assert_eq!(e.message, "full-width colon '：' (U+FF1A) used as RON syntax; write the colon `:` (ASCII) instead");
}

#[test]
fn curly_quotes_around_a_string() {
    let e = issue_error("caption: \"交警雪中疏导交通。\"", "caption: “交警雪中疏导交通。”");
    // The “ itself, not the space before it.
    assert_eq!(at(&e), (11, 44));
    assert_eq!(
        e.message,
        "curly quotation mark '“' (U+201C) where a string starts; put the text in ASCII double quotes \"…\" (“ ” may \
         stand inside them)"
    );
}

#[test]
fn ascii_quote_inside_chinese_text() {
    let e = issue_error("headline: \"守护青山绿水\"", "headline: \"守护\"青山\"绿水\"");
    // The `"` after 守护, which ended the string early.
    assert_eq!(at(&e), (10, 53));
    assert_eq!(
        e.message,
        "a `\"` inside the text ends the string here; write it as `\\\"`, or use the Chinese quotation marks “ ”"
    );
}

/// Found from outside: a `ja` issue was offered the Chinese marks “ ” for a stray `"`.
#[test]
fn ascii_quote_inside_japanese_text() {
    let text = "Issue(paper: \"東都新聞\", date: \"2026-12-07\", language: \"ja\", pages: [], items: [\n    \
                Article(id: \"yuki\", headline: \"北陸で記録的大雪　交通まひ\" 大雪, body: []),\n])";
    let e = parse_issue(path(), text).unwrap_err();
    assert_eq!(at(&e), (2, 49), "{e}");
    assert_eq!(
        e.message,
        "a `\"` inside the text ends the string here; write it as `\\\"`, or use the Japanese quotation marks 「 」"
    );
}

/// Found from outside: a comma left out after a string, the next field on the same line or
/// the next, was said to be a `"` inside the text.
#[test]
fn missing_comma_after_a_string_is_said_so() {
    let e = issue_error("headline: \"守护青山绿水\", subhead:", "headline: \"守护青山绿水\" subhead:");
    assert_eq!(at(&e), (10, 58));
    assert_eq!(e.message, "expected a comma `,` after the string, before `subhead`");
    let e = issue_error("headline: \"守护青山绿水\", subhead:", "headline: \"守护青山绿水\"\n            subhead:");
    assert_eq!(at(&e), (10, 58));
    assert_eq!(e.message, "expected a comma `,` after the string, before `subhead`");
}

#[test]
fn missing_closing_bracket_points_where_it_belongs() {
    // The article's `)` left out: ron reads on into the photo and calls `Photo` a field.
    let e = issue_error("\"第二段。\"]),", "\"第二段。\"],");
    // Just after the last thing of the article, the comma ending line 10.
    assert_eq!(at(&e), (10, 106));
    assert_eq!(e.message, "Article( at line 10, column 9 is not closed; expected `)` here");
    // The last item's `)`: ron meets the list's `]`.
    let e = issue_error("signer: \"山西省心血管病医院\"),", "signer: \"山西省心血管病医院\",");
    assert_eq!(at(&e), (12, 86));
    assert_eq!(e.message, "Notice( at line 12, column 9 is not closed; expected `)` here");
    // The last item's `)` with no comma after it: ron meets `]` where it wants `,` or `)`.
    let e = issue_error("signer: \"山西省心血管病医院\"),", "signer: \"山西省心血管病医院\"");
    assert_eq!(at(&e), (12, 85));
    assert_eq!(e.message, "Notice( at line 12, column 9 is not closed; expected `)` here");
}

#[test]
fn missing_closing_quote_points_at_the_string() {
    let e = issue_error("\"公告\"", "\"公告");
    // The string's opening `"`, on its own line, not where ron stopped.
    assert_eq!(at(&e), (12, 46));
    assert_eq!(
        e.message,
        "string not closed: the `\"` that should end it is missing, so it ran on to the next `\"`; add the closing \
         `\"` after the text"
    );
    // A quote missing at a line's end runs on to the next line.
    let e = issue_error("subhead: \"晋源区\", body", "subhead: \"晋源区, body: [\n\"x\"], body");
    assert_eq!(at(&e), (10, 69));
    assert!(
        e.message.starts_with("string not closed: the `\"` that should end it is missing, so it ran on past line 10"),
        "{e}"
    );
    // Found from outside: inside `Some(…)` it was said as "expected `)`" on the next line.
    let sample = pasteup_core::sample::ISSUE;
    let text = sample.replacen("credit: Some(\"张晋峰、刘海君 文/摄\"),", "credit: Some(\"张晋峰、刘海君 文/摄),", 1);
    assert_ne!(text, sample);
    let e = parse_issue(path(), &text).unwrap_err();
    assert!(
        e.message.starts_with("string not closed: the `\"` that should end it is missing, so it ran on past"),
        "{e}"
    );
    assert_eq!(e.line, Some(92), "{e}");
}

#[test]
fn tab_inside_text_is_pointed_at() {
    let e = issue_error("\"第二段。\"", "\"第二\t段。\"");
    // The tab itself, not `body: [`.
    assert_eq!(at(&e), (10, 101));
    assert_eq!(
        e.message,
        "item \"jinyuan-livable\" body paragraph 2 contains control character U+0009 (TAB); write a space, or U+3000 \
         (the full-width space), instead"
    );
}

#[test]
fn values_of_the_wrong_kind_point_at_the_value() {
    let e = issue_error("title: \"公告\"", "title: 公告");
    assert_eq!(at(&e), (12, 46));
    assert_eq!(e.message, "expected a string in double quotes, found unquoted text \"公告\"; write it in quotes");
    let e = issue_error("title: \"公告\"", "title: 12");
    assert_eq!(at(&e), (12, 46));
    assert_eq!(e.message, "expected a string in double quotes, found the number 12; write it in quotes: \"12\"");
    let e = issue_error("span: 2,", "span: \"2\",");
    assert_eq!(at(&e), (11, 63));
    assert_eq!(e.message, "expected a whole number, found the string \"2\"; write the number without quotes");
}

/// Every bidi control is refused, the marks too: invisible, they reorder a printed line.
#[test]
fn bidi_marks_are_refused() {
    for (mark, name) in [
        ('\u{200E}', "U+200E (LEFT-TO-RIGHT MARK)"),
        ('\u{200F}', "U+200F (RIGHT-TO-LEFT MARK)"),
        ('\u{061C}', "U+061C (ARABIC LETTER MARK)"),
        ('\u{202B}', "U+202B (RIGHT-TO-LEFT EMBEDDING)"),
        ('\u{2067}', "U+2067 (RIGHT-TO-LEFT ISOLATE)"),
    ] {
        let e = issue_error("公告", &format!("公{mark}告"));
        // The mark itself: 公 is column 47.
        assert_eq!(at(&e), (12, 48), "{name}");
        assert_eq!(
            e.message,
            format!(
                "control character {name} in the file; remove it: text is set left to right, and a bidi control \
                 would reorder the printed line"
            )
        );
    }
}

/// A page number the issue lacks (a stray digit: `number: 30`) is one problem that accounts
/// for every placement on that page (a 512-case run once counted it as one placement).
#[test]
fn an_unknown_page_accounts_for_all_its_placements() {
    let text = LAYOUT.replacen("number: 3,", "number: 30,", 1);
    let layout = parse_layout(path(), &text).unwrap();
    let report = check_layout(&issue(), &layout, &text, path());
    let given = layout.pages[0].placements.len();
    assert_eq!(given, 2);
    let counted: Vec<usize> = report
        .problems
        .iter()
        .filter_map(|p| match &p.problem {
            pasteup_core::problem::Problem::UnknownPage { page: 30, placements, .. } => Some(*placements),
            _ => None,
        })
        .collect();
    assert_eq!(counted, [given]);
}

/// Found from outside: a file whose lines end in CR alone read as one line, and its leading
/// `//` comment swallowed the rest: `1:3: expected an Issue(...)`.
#[test]
fn carriage_returns_alone_are_named() {
    let text = format!("// the sample\n{ISSUE}").replace('\n', "\r");
    let e = pasteup_core::format::parse_issue(path(), &text).unwrap_err();
    assert_eq!(at(&e), (1, 1));
    assert!(e.message.starts_with("lines end in a carriage return alone (an old Mac file)"), "{e}");
    // CR LF is fine.
    let text = format!("// the sample\n{ISSUE}").replace('\n', "\r\n");
    assert!(pasteup_core::format::parse_issue(path(), &text).is_ok());
}

/// Found from outside: `punctuation: "LineEnd"` (a name in quotes, the likeliest slip) was
/// "expected a name", with no fix. The field, the fix and the names are said.
#[test]
fn a_name_written_as_a_string_is_told_to_lose_its_quotes() {
    let e = issue_error("depth: 100)", r#"depth: 100, punctuation: "LineEnd")"#);
    assert_eq!(
        e.message,
        "punctuation is \"LineEnd\", a name written as a string; write punctuation: LineEnd without quotes (Full, LineEnd or Kaiming)"
    );
    assert_eq!(at(&e), (6, 91));
    let e = issue_error("depth: 100)", r#"depth: 100, kinsoku: "Basic")"#);
    assert!(e.message.ends_with("write kinsoku: Basic without quotes (Strict, Basic or None)"), "{e}");
    let e = issue_error("depth: 100)", r#"depth: 100, orphans: "Allow")"#);
    assert!(e.message.ends_with("write orphans: Allow without quotes (Avoid or Allow)"), "{e}");
}

/// Found from outside: an issue or layout holding git's conflict markers was "expected a name"
/// at the marker, with nothing said of what it is or how to mend it.
#[test]
fn git_conflict_markers_are_named_as_such() {
    let marked = ISSUE.replacen(
        "        Photo(",
        "<<<<<<< HEAD\n        Photo(id: \"a\", caption: \"甲\", span: 2, height: 18),\n=======\n        Photo(",
        1,
    );
    let e = parse_issue(path(), &marked).unwrap_err();
    assert_eq!(at(&e), (11, 1));
    assert!(
        e.message.starts_with("git conflict marker: git could not merge this file and left both sides in it"),
        "{e}"
    );
    let layout =
        LAYOUT.replacen("            Placement(item: \"snow", ">>>>>>> theirs\n            Placement(item: \"snow", 1);
    let e = pasteup_core::format::parse_layout(Path::new("l.layout.ron"), &layout).unwrap_err();
    assert_eq!(at(&e), (6, 1));
    assert!(e.message.contains("set up pasteup's merge driver"), "{e}");
}

/// Found from outside: `check` gave a box past the foot, an overlap, an overset item and a
/// part continued from no page as `file: page 1: …`, while a box off the grid had `file:line:col`. Each now stands at the
/// `item` of the placement it names, in the file as read.
#[test]
fn the_pages_problems_stand_at_their_placements_in_the_file() {
    let file = Path::new("issue.layout.ron");
    let past_foot = LAYOUT.replacen("line: 1, depth: Fixed(24)", "line: 150, depth: Fixed(24)", 1);
    let overlap = LAYOUT.replacen("column: 4, span: 2, line: 1", "column: 3, span: 2, line: 1", 1);
    let overset = LAYOUT.replacen("span: 3, line: 1, depth: Auto", "span: 3, line: 1, depth: Fixed(2)", 1);
    let missing_part = LAYOUT.replacen("span: 3, line: 1, depth: Auto", "span: 3, line: 1, depth: Auto, part: 2", 1);
    for (src, kind, at) in [
        (&past_foot, ProblemKind::BelowFoot, (6, 29)),
        (&overlap, ProblemKind::Overlap, (5, 29)),
        (&overset, ProblemKind::Overset, (5, 29)),
        (&missing_part, ProblemKind::MissingPart, (5, 29)),
    ] {
        let report = check(src);
        let makeup = pasteup_core::layout::Makeup::new(issue(), &report.layout);
        let mut found = makeup.findings(&report.problems, file);
        place_page_problems(&mut found, src, file);
        let [problem] = &found[..] else { panic!("{kind:?}: {found:?}") };
        assert_eq!((problem.kind(), problem.line, problem.col), (kind, Some(at.0), Some(at.1)), "{problem}");
        assert!(problem.to_string().starts_with(&format!("issue.layout.ron:{}:{}: page 3: ", at.0, at.1)));
    }
}

/// `continued: yes` was "expected true or false", not saying which field.
#[test]
fn a_yes_no_field_says_its_name() {
    let text = LAYOUT.replacen("depth: Auto)", "depth: Fixed(9), continued: yes)", 1);
    let e = parse_layout(Path::new("x.layout.ron"), &text).unwrap_err();
    assert_eq!(e.message, "continued is yes, expected true or false (or leave continued out)");
    let line = text.lines().nth(at(&e).0 - 1).unwrap();
    assert_eq!(line.chars().skip(at(&e).1 - 1).take(3).collect::<String>(), "yes");
}

/// A one-page issue whose grid is written `grid`, holding `items`.
fn one_page(grid: &str, items: &str) -> String {
    format!(r#"Issue(paper: "测试报", date: "2026-12-07", pages: [Page(number: 1, grid: {grid})], items: [{items}])"#)
}

/// Found from outside: the copy desk turned an article into a notice after the page editor
/// had cut it and given it a headline of its own; the editor, reloading the issue, saved the
/// layout with `cut` on a notice, then refused to open what it had saved (exit 2), as every
/// command did. A setting only an article takes, on an item the issue has made a photo or a
/// notice, is now what an item the issue lacks is: the editor opens the layout and leaves the
/// setting out, saying so; `check` reports it at the field and exits 2.
#[test]
fn article_settings_on_an_item_the_issue_made_a_notice_are_left_out_and_said() {
    let dir = tempfile::tempdir().unwrap();
    let issue = dir.path().join("issue.ron");
    let items = r#"Notice(id: "market", title: "菜价回落", body: ["本周蔬菜均价下降一成。"]), Article(id: "a", headline: "标题", body: ["正文。"])"#;
    fs::write(&issue, one_page("Grid(columns: 4, column_width: 8, gutter: 1, depth: 40)", items)).unwrap();
    let layout = dir.path().join("issue.layout.ron");
    let text = "Layout(\n    issue: \"issue.ron\",\n    pages: [\n        PageLayout(number: 1, placements: [\n            Placement(item: \"market\", column: 1, span: 2, line: 1, depth: Fixed(20), cut: 1, headline: Some(\"菜价降了\")),\n        ]),\n    ],\n)\n";
    fs::write(&layout, text).unwrap();
    let col = text.lines().nth(4).unwrap().find("cut: ").unwrap() + "cut: ".len() + 1;
    let opened = pasteup_core::document::open_to_edit(Some(&issue), Some(&layout)).unwrap();
    let kept = &opened.layout.pages[0].placements[0];
    assert_eq!((kept.item.as_str(), kept.cut, kept.headline.as_deref()), ("market", 0, None));
    let said: Vec<String> =
        opened.problems.iter().map(|p| format!("{}:{}: {}", p.line.unwrap(), p.col.unwrap(), p.problem)).collect();
    assert_eq!(
        said,
        [format!(
            "5:{col}: page 1 placement \"market\" has cut and headline, but it is a notice; only an article takes them; they are left out"
        )]
    );
    assert_eq!(opened.problems[0].kind().name(), "not_an_article");
    assert!(opened.problems[0].kind().is_invalid());
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_pasteup")).arg("check").arg(&issue).output().unwrap();
    assert_eq!(o.status.code(), Some(2), "{o:?}");
    let stderr = String::from_utf8(o.stderr).unwrap();
    assert!(
        stderr.contains(&format!("issue.layout.ron:5:{col}: page 1 placement \"market\" has cut and headline,")),
        "{stderr}"
    );
}

/// Found from outside: an id of 70,000 characters panicked `check` (a format width is held in
/// 16 bits), placed or in the bin. The id column stops at 40 cells, as the text export's bin list.
#[test]
fn check_of_an_id_of_70000_characters_is_no_panic() {
    let dir = tempfile::tempdir().unwrap();
    let issue = dir.path().join("issue.ron");
    let long = "w".repeat(70_000);
    let items = format!(
        r#"Notice(id: "{long}", title: "停水通知", body: ["明天停水。"]), Notice(id: "n2", title: "公告", body: ["明天停电。"])"#
    );
    fs::write(&issue, one_page("Grid(columns: 4, column_width: 8, gutter: 1, depth: 40)", &items)).unwrap();
    let layout = dir.path().join("issue.layout.ron");
    let placement = |id: &str| format!(r#"Placement(item: "{id}", column: 1, span: 2, line: 1, depth: Auto)"#);
    for placed in ["", &placement(&long)] {
        let text = format!("Layout(issue: \"issue.ron\", pages: [PageLayout(number: 1, placements: [{placed}])])");
        fs::write(&layout, text).unwrap();
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_pasteup")).arg("check").arg(&issue).output().unwrap();
        assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
        let out = String::from_utf8(o.stdout).unwrap();
        let n2 = out.lines().find(|l| l.trim_start().starts_with("n2 ")).unwrap();
        assert_eq!(n2.find("notice").unwrap(), 2 + 40 + 1, "{n2}");
        assert!(out.contains(&format!("  {long} ")), "the long id whole");
    }
}

/// Found from outside: a Grid missing a field, its `depth` last, was given a placement's depth
/// advice (`write depth: Fixed(10)`), and following it the grid's (`write depth: 10`): a loop
/// that never named the missing field.
#[test]
fn a_grid_missing_a_field_names_it_with_what_to_write() {
    for (grid, field, write) in [
        ("Grid(columns: 2, column_width: 5, depth: 10)", "gutter", "write gutter: N"),
        ("Grid(column_width: 5, gutter: 1, depth: 10)", "columns", "write columns: N"),
        ("Grid(depth: 10)", "columns", "write columns: N"),
        ("Grid(columns: 2, column_width: 5, gutter: 1)", "depth", "write depth: N"),
    ] {
        let e = parse_issue(path(), &one_page(grid, "")).unwrap_err();
        let _ = at(&e);
        assert!(e.message.starts_with(&format!("missing field \"{field}\" in Grid: {write}")), "{grid}: {e}");
        assert!(!e.message.contains("Fixed"), "{grid}: {e}");
    }
}

#[test]
fn a_missing_field_of_any_struct_says_what_to_write() {
    let grid = "Grid(columns: 2, column_width: 5, gutter: 1, depth: 10)";
    let e = parse_issue(path(), &one_page(grid, r#"Article(id: "a", body: ["b"])"#)).unwrap_err();
    assert!(e.message.starts_with("missing field \"headline\" in Article: write headline: \""), "{e}");
    let no_grid = r#"Issue(paper: "p", date: "2026-12-07", pages: [Page(number: 1)], items: [])"#;
    let e = parse_issue(path(), no_grid).unwrap_err();
    assert!(e.message.starts_with("missing field \"grid\" in Page: write grid: Grid("), "{e}");
    let layout = r#"Layout(issue: "issue.ron", pages: [PageLayout(number: 3, placements: [Placement(item: "a", column: 1, line: 1)])])"#;
    let e = parse_layout(path(), layout).unwrap_err();
    assert!(e.message.starts_with("missing field \"span\" in Placement: write span: N"), "{e}");
}

/// Found from outside: `depth: Fixed(10)))])` in a grid was quoted with the brackets after it.
#[test]
fn a_grid_depth_written_as_a_placement_s_quotes_only_the_value() {
    let e = parse_issue(path(), &one_page("Grid(columns: 2, column_width: 5, gutter: 1, depth: Fixed(10))", ""))
        .unwrap_err();
    assert!(e.message.starts_with("depth is Fixed(10); a page's grid"), "{e}");
    assert!(e.message.ends_with("write depth: 10"), "{e}");
}

/// Found from outside: `byline: Some("")` printed `（）` and an empty kicker or subhead took a
/// blank line. Such a head is read as left out (a version-1 file holding one still loads), and an
/// empty headline loads as before.
#[test]
fn an_empty_head_is_read_as_left_out() {
    for (from, to) in [
        ("subhead: \"晋源区\"", "subhead: Some(\"\")"),
        ("subhead: \"晋源区\"", "subhead: \"  \""),
        ("subhead: \"晋源区\"", "kicker: Some(\"\"), subhead: None"),
        ("subhead: \"晋源区\"", "byline: Some(\"\u{3000}\"), subhead: None"),
    ] {
        let issue = parse_issue(path(), &ISSUE.replacen(from, to, 1)).unwrap();
        let Item::Article(a) = &issue.items[0] else { panic!("the first item is an article") };
        assert_eq!((&a.kicker, &a.subhead, &a.byline), (&None, &None, &None), "{to}");
    }
    assert!(parse_issue(path(), &ISSUE.replacen("headline: \"守护青山绿水\"", "headline: \"\"", 1)).is_ok());
}

/// Found from outside: a notice's `signer: Some(" ")` or `date: Some("")` and a photo's
/// `credit: Some("")` each took a blank line of depth. Every optional text written blank (empty
/// or only white space) is read as left out, as a byline is: a page's section, a photo's credit,
/// file and `with`, a notice's signer and date (a version-1 file holding one still loads).
#[test]
fn every_blank_optional_field_is_read_as_left_out() {
    let text = ISSUE
        .replacen("section: \"关注两会\"", "section: Some(\" \")", 1)
        .replacen("height: 18)", "height: 18, credit: Some(\"\"), file: \"\u{3000}\", with: \"\")", 1)
        .replacen("signer: \"山西省心血管病医院\"", "signer: Some(\" \"), date: Some(\"\")", 1);
    let issue = parse_issue(path(), &text).unwrap();
    assert_eq!(issue.pages[0].section, None);
    let Item::Photo(p) = &issue.items[1] else { panic!("the second item is a photo") };
    assert_eq!((&p.credit, &p.file, &p.with), (&None, &None, &None));
    let Item::Notice(n) = &issue.items[2] else { panic!("the third item is a notice") };
    assert_eq!((&n.signer, &n.date), (&None, &None));
}

/// As the user sees it: a blank signer, date or credit adds no line to the box's depth.
#[test]
fn a_blank_signer_date_or_credit_takes_no_line() {
    let dir = tempfile::tempdir().unwrap();
    let issue = dir.path().join("issue.ron");
    let items = [
        r#"Notice(id: "blank", title: "公告", body: ["特此公告。"], signer: Some(" "), date: Some(""))"#,
        r#"Notice(id: "none", title: "公告", body: ["特此公告。"])"#,
        r#"Photo(id: "blank-credit", caption: "说明", credit: Some(""), span: 1, height: 5)"#,
        r#"Photo(id: "no-credit", caption: "说明", span: 1, height: 5)"#,
    ];
    let grid = "Grid(columns: 4, column_width: 8, gutter: 1, depth: 40)";
    fs::write(&issue, one_page(grid, &items.join(", "))).unwrap();
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_pasteup"))
        .args(["check", issue.to_str().unwrap(), "--json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let depth = |id: &str| {
        let bin = json["bin"].as_array().unwrap();
        bin.iter().find(|b| b["id"] == id).unwrap_or_else(|| panic!("{id} in {json}"))["lines"].as_u64()
    };
    assert_eq!((depth("blank"), depth("none")), (Some(5), Some(5)));
    assert_eq!((depth("blank-credit"), depth("no-credit")), (Some(6), Some(6)));
}

/// Found from outside: an article's `headline: ""` was taken without a word and set as two
/// blank lines over its body. It still loads (version 1 read it), and `check` reports it as a
/// problem of the copy (`empty_headline`, exit 1, at the headline in the issue file), as it
/// reports a body cut whole; not once the layout gives each of its boxes a headline of its own.
#[test]
fn a_blank_article_headline_loads_and_check_reports_it() {
    let dir = tempfile::tempdir().unwrap();
    let issue = dir.path().join("issue.ron");
    let items =
        r#"Article(id: "a", headline: " ", body: ["正文。"]), Article(id: "b", headline: "标题", body: ["正文。"])"#;
    let text = one_page("Grid(columns: 4, column_width: 8, gutter: 1, depth: 40)", items);
    fs::write(&issue, &text).unwrap();
    assert!(parse_issue(path(), &text).is_ok());
    let col = text[..text.find("headline: \" \"").unwrap()].chars().count() + "headline: ".len() + 1;
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_pasteup")).arg("check").arg(&issue).args(args).output().unwrap()
    };
    let o = run(&[]);
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    let out = String::from_utf8(o.stdout).unwrap();
    let said = format!(
        "{}:1:{col}: item \"a\" has a blank headline: it would be set as blank lines over its body; write its headline, or give its box one of its own (r in the editor)",
        issue.display()
    );
    assert!(out.contains(&format!("1 problem:\n  {said}\n")), "{out}");
    let o = run(&["--json"]);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let problems = json["problems"].as_array().unwrap();
    assert_eq!(problems.len(), 1, "{json}");
    assert_eq!(problems[0]["kind"], "empty_headline");
    assert_eq!((problems[0]["line"].as_u64(), problems[0]["col"].as_u64()), (Some(1), Some(col as u64)));
    // A headline of its own in the layout is what prints: nothing to report.
    let layout = dir.path().join("issue.layout.ron");
    fs::write(
        &layout,
        r#"Layout(issue: "issue.ron", pages: [PageLayout(number: 1, placements: [Placement(item: "a", column: 1, span: 2, line: 1, depth: Auto, headline: "本版标题")])])"#,
    )
    .unwrap();
    let o = run(&[]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stdout));
    // Unless a part of it waits in the bin: placed, it prints the issue's.
    fs::write(
        &layout,
        r#"Layout(issue: "issue.ron", pages: [PageLayout(number: 1, placements: [Placement(item: "a", column: 1, span: 2, line: 1, depth: Fixed(4), headline: "本版标题", continued: true)])])"#,
    )
    .unwrap();
    let out = String::from_utf8(run(&[]).stdout).unwrap();
    assert!(out.contains(&said), "{out}");
}

/// Found from outside: a notice's `title: " "` and a photo's `caption: ""` were taken without a
/// word and set as a blank line each. Both are required fields, so written blank they still
/// load (version 1 read them) and `check` reports each as a problem of the copy
/// (`empty_title`, `empty_caption`, exit 1, at the field in the issue file), in English and in
/// Chinese; a layout cannot replace either, so placed or in the bin alike.
#[test]
fn a_blank_notice_title_or_photo_caption_loads_and_check_reports_it() {
    let dir = tempfile::tempdir().unwrap();
    let issue = dir.path().join("issue.ron");
    let items = concat!(
        r#"Notice(id: "n", title: "  ", body: ["公告正文。"]), "#,
        r#"Photo(id: "p", caption: "", height: 5), "#,
        r#"Photo(id: "q", caption: "图片说明。", credit: " ", height: 5)"#
    );
    let text = one_page("Grid(columns: 4, column_width: 8, gutter: 1, depth: 40)", items);
    fs::write(&issue, &text).unwrap();
    assert!(parse_issue(path(), &text).is_ok());
    let col = |field: &str| text[..text.find(field).unwrap()].chars().count() + field.len() + 1;
    let (title, caption) = (col("title: "), col("caption: "));
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_pasteup")).arg("check").arg(&issue).args(args).output().unwrap()
    };
    let o = run(&[]);
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    let out = String::from_utf8(o.stdout).unwrap();
    let at = issue.display();
    let said = format!(
        "2 problems:\n  {at}:1:{title}: item \"n\" has a blank title: it would be set as a blank line under its top rule; write its title\n  \
         {at}:1:{caption}: item \"p\" has a blank caption: it would be set as a blank line under its picture; write its caption\n"
    );
    assert!(out.contains(&said), "{out}");
    let o = run(&["--json"]);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let problems = json["problems"].as_array().unwrap();
    let found: Vec<(&str, u64, u64)> = problems
        .iter()
        .map(|p| (p["kind"].as_str().unwrap(), p["line"].as_u64().unwrap(), p["col"].as_u64().unwrap()))
        .collect();
    assert_eq!(found, [("empty_title", 1, title as u64), ("empty_caption", 1, caption as u64)], "{json}");
    let o = run(&["--ui-lang", "zh-Hans"]);
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(
        out.contains(&format!("{at}:1:{title}: 启事「n」的题目是空的，会在上方线条下排成空行；请写上题目")),
        "{out}"
    );
    assert!(
        out.contains(&format!("{at}:1:{caption}: 图片「p」的图片说明是空的，会在图片下排成空行；请写上图片说明")),
        "{out}"
    );
    // Placed, the same: a layout gives neither a title nor a caption of its own.
    let layout = dir.path().join("issue.layout.ron");
    fs::write(
        &layout,
        r#"Layout(issue: "issue.ron", pages: [PageLayout(number: 1, placements: [Placement(item: "n", column: 1, span: 2, line: 1, depth: Auto), Placement(item: "p", column: 3, span: 2, line: 1, depth: Auto)])])"#,
    )
    .unwrap();
    let o = run(&["--json"]);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let kinds: Vec<&str> = json["problems"].as_array().unwrap().iter().map(|p| p["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["empty_title", "empty_caption"], "{json}");
}

/// Found from outside: an id ending in U+FEFF was taken, and a layout naming the id without it
/// was told `no item "a" (did you mean "a"?)`, both looking the same.
#[test]
fn an_invisible_character_in_an_id_is_refused() {
    for c in ['\u{feff}', '\u{200b}', '\u{2060}', '\u{3000}', '\u{ad}'] {
        let e = issue_error("id: \"jinyuan-livable\"", &format!("id: \"jinyuan{c}livable\""));
        assert_eq!(at(&e).0, 10, "{e}");
        assert!(e.message.contains(&format!("U+{:04X}", c as u32)), "{e}");
        assert!(e.message.contains("cannot be seen"), "{e}");
        assert!(e.message.contains("\"jinyuanlivable\""), "{e}");
    }
}

/// Found from outside: `Some(Some(Some("x")))` was told to write `Some(Some("x"))`, still
/// refused, and 100,000 levels gave a 600 KB message.
#[test]
fn a_nested_some_is_told_the_one_some_form_shortened() {
    let e = issue_error("subhead: \"晋源区\"", "byline: Some(Some(Some(\"x\")))");
    assert!(e.message.ends_with("write byline: Some(\"x\")"), "{e}");
    let deep = 100_000;
    let nested = format!("byline: {}\"x\"{}", "Some(".repeat(deep), ")".repeat(deep));
    let e = issue_error("subhead: \"晋源区\"", &nested);
    assert!(e.message.len() < 300, "{} bytes: {}", e.message.len(), &e.message[..300]);
}

/// Many page problems each stand at their own placement, found through the index built once a
/// file (found from outside: placing them one search a problem made `check` quadratic).
#[test]
fn many_overlaps_each_stand_at_their_own_placement() {
    let n = 40;
    let items: Vec<String> = (0..n).map(|i| format!(r#"Notice(id: "n{i}", title: "公告", body: ["……"])"#)).collect();
    let grid = "Grid(columns: 20, column_width: 5, gutter: 1, depth: 100)";
    let issue = parse_issue(path(), &one_page(grid, &items.join(", "))).unwrap();
    // Boxes in pairs, each pair in its own column: n0 over n1, n2 over n3, …
    let placements: Vec<String> = (0..n)
        .map(|i| {
            format!("        Placement(item: \"n{i}\", column: {}, span: 1, line: 1, depth: Fixed(5)),", i / 2 + 1)
        })
        .collect();
    let src = format!(
        "Layout(\n    issue: \"issue.ron\",\n    pages: [\n    PageLayout(number: 1, placements: [\n{}\n    ]),\n    ],\n)\n",
        placements.join("\n")
    );
    let file = Path::new("issue.layout.ron");
    let layout = parse_layout(file, &src).unwrap();
    let report = check_layout(&issue, &layout, &src, file);
    let makeup = pasteup_core::layout::Makeup::new(issue, &report.layout);
    let mut found = makeup.findings(&report.problems, file);
    place_page_problems(&mut found, &src, file);
    assert_eq!(found.len(), n / 2, "{found:?}");
    for (k, problem) in found.iter().enumerate() {
        assert_eq!(problem.kind(), ProblemKind::Overlap);
        // The pair's first box, on line 5 + 2k, its item at column 25.
        assert_eq!((problem.line, problem.col), (Some(5 + 2 * k), Some(25)), "{problem}");
        assert!(problem.to_string().contains(&format!("\"n{}\" and \"n{}\" overlap", 2 * k, 2 * k + 1)), "{problem}");
    }
}

/// Found from outside: a number where a name goes was given ron's advice to write `r#3`,
/// which names nothing either. It is said as any unknown name is, with the names it takes.
#[test]
fn a_number_where_a_name_goes_is_told_the_names() {
    for (value, col) in [("orphans: 3", 87), ("kinsoku: 3", 87), ("kinsoku: -1", 87), ("punctuation: 0", 91)] {
        let e = issue_error("depth: 100)", &format!("depth: 100, {value})"));
        let (field, found) = value.split_once(": ").unwrap();
        let names = match field {
            "orphans" => "Orphans value \"3\", expected Avoid or Allow".to_string(),
            "kinsoku" => format!("Kinsoku value \"{found}\", expected Strict, Basic or None"),
            _ => "Punctuation value \"0\", expected Full, LineEnd or Kaiming".to_string(),
        };
        assert_eq!(e.message, format!("unknown {names}"), "{value}");
        assert_eq!(at(&e), (6, col), "{value}");
    }
    let e = issue_error("Article(", "3(");
    assert_eq!(at(&e), (10, 9));
    assert_eq!(e.message, "unknown item kind \"3\", expected Article, Photo or Notice");
}

/// Found from outside: an `Article(` left open before a `// comment` line was pointed at the
/// end of the comment, where a `)` would be commented out. The place is after the last token.
#[test]
fn an_unclosed_struct_before_a_comment_points_before_the_comment() {
    let e = issue_error("第二段。\"]),\n", "第二段。\"],\n        // 图片\n");
    assert!(e.message.starts_with("Article( at line 10, column 9 is not closed"), "{e}");
    assert_eq!(at(&e), (10, 106));
}

/// Found from outside: `depth: 3.5` was advised `Fixed(3.5)`, which is refused in turn. A
/// depth is whole lines: the advice rounds up, so the box still holds what was asked for.
#[test]
fn a_depth_not_whole_is_advised_a_whole_one() {
    let e = parse_layout(Path::new("l.ron"), &LAYOUT.replacen("depth: Auto", "depth: 3.5", 1)).unwrap_err();
    assert_eq!(at(&e), (5, 84));
    assert_eq!(e.message, "depth is 3.5, not whole lines; write depth: Fixed(4) (3.5 rounded up), or depth: Auto");
}

/// A PNG of `width` × `height` grey pixels, whole: signature, IHDR, IDAT and IEND with their
/// checksums, made by the `png` encoder.
fn whole_png(width: u32, height: u32) -> Vec<u8> {
    let mut bytes = Vec::new();
    let mut encoder = ::png::Encoder::new(&mut bytes, width, height);
    encoder.set_color(::png::ColorType::Grayscale);
    let mut writer = encoder.write_header().unwrap();
    writer.write_image_data(&vec![128; (width * height) as usize]).unwrap();
    writer.finish().unwrap();
    bytes
}

/// Found from outside: a photo whose image was junk, cut short or claimed 2³¹×2³¹ pixels was
/// set from its header's garbage by every command; only the PDF export noticed, in Rust debug
/// text and without the photo's place in the issue.
#[test]
fn an_image_that_cannot_be_read_is_said_by_every_command_at_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let whole = whole_png(64, 48);
    let mut huge = whole_png(1, 1);
    // 2³¹ × 2³¹ in the header, its checksum made right, so only the size is wrong.
    huge[16..24].copy_from_slice(&[0x80, 0, 0, 0, 0x80, 0, 0, 0]);
    let crc = crc32(&huge[12..29]);
    huge[29..33].copy_from_slice(&crc.to_be_bytes());
    let bad: [(&str, Vec<u8>, &str); 3] = [
        (
            "junk.png",
            b"\x89PNG\r\n\x1a\nJUNKJUNK\x00\x00\x00\x01\x00\x00\x10\x00".to_vec(),
            "the image cannot be read: ",
        ),
        ("cut.png", whole[..whole.len() / 2].to_vec(), "the image cannot be read: the file ends before the image does"),
        ("huge.png", huge, "the image is 2147483648×2147483648 pixels, more than the 100 million a photo may have"),
    ];
    let file = dir.path().join("issue.ron");
    for (name, bytes, why) in bad {
        fs::write(dir.path().join(name), bytes).unwrap();
        let text = ISSUE.replacen("span: 2,", &format!("file: \"{name}\", span: 2,"), 1);
        fs::write(&file, &text).unwrap();
        let (line, col) = text
            .lines()
            .enumerate()
            .find_map(|(n, l)| l.find(&format!("\"{name}\"")).map(|b| (n + 1, l[..b].chars().count() + 1)))
            .unwrap();
        for command in [&["check"][..], &["proof"], &["fit"], &["export", "--format", "html", "-o", "-"]] {
            let mut args = command.to_vec();
            args.insert(1, file.to_str().unwrap());
            let o = std::process::Command::new(env!("CARGO_BIN_EXE_pasteup")).args(&args).output().unwrap();
            let err = String::from_utf8_lossy(&o.stderr);
            let at = format!("{}:{line}:{col}: warning: photo \"snow-traffic\" file \"{name}\": {why}", file.display());
            assert!(err.contains(&at), "{command:?} {name}: {err}");
            assert!(!err.contains("ChunkType") && !err.contains("chunktype"), "{err}");
        }
        let loaded = load_issue(&file).unwrap();
        let Item::Photo(photo) = &loaded.value.items[1] else { panic!() };
        assert_eq!(photo.pixels, None, "{name}");
    }
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut c = !0u32;
    for &b in bytes {
        c ^= u32::from(b);
        for _ in 0..8 {
            c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
        }
    }
    !c
}

/// `pasteup check ISSUE` run on `text` written to a fresh folder (with `layout` beside it, if
/// any): the exit code, standard output, and `--json`'s problems.
fn check_cli(text: &str, layout: Option<&str>) -> (Option<i32>, String, Vec<serde_json::Value>) {
    let dir = tempfile::tempdir().unwrap();
    let issue = dir.path().join("issue.ron");
    fs::write(&issue, text).unwrap();
    if let Some(layout) = layout {
        fs::write(dir.path().join("issue.layout.ron"), layout).unwrap();
    }
    let run = |json: bool| {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_pasteup"));
        command.current_dir(dir.path()).args(["check", "issue.ron"]);
        if json {
            command.arg("--json");
        }
        command.output().unwrap()
    };
    let o = run(false);
    let json: serde_json::Value = serde_json::from_slice(&run(true).stdout).unwrap();
    (o.status.code(), String::from_utf8(o.stdout).unwrap(), json["problems"].as_array().unwrap().clone())
}

/// Found from outside: an id with a space before or after it (`id: "a1 "`) was taken without a
/// word, `check` listing two rows both reading `a1`. It still loads (version 1 read it), and
/// `check` reports it at the id in the issue file (`spaced_id`, exit 1).
#[test]
fn an_id_with_a_space_around_it_loads_and_check_reports_it() {
    let items =
        r#"Article(id: "a1 ", headline: "一", body: ["正文。"]), Article(id: "a1", headline: "二", body: ["正文。"])"#;
    let text = one_page("Grid(columns: 4, column_width: 8, gutter: 1, depth: 40)", items);
    assert!(parse_issue(path(), &text).is_ok());
    let col = text[..text.find("id: \"a1 \"").unwrap()].chars().count() + "id: ".len() + 1;
    let (code, out, problems) = check_cli(&text, None);
    assert_eq!(code, Some(1), "{out}");
    let said = format!(
        "issue.ron:1:{col}: item id \"a1 \" begins or ends with a space, which cannot be seen: a layout naming \"a1\" would name another item or none; write id: \"a1\", and name it so in its layouts"
    );
    assert!(out.contains(&format!("1 problem:\n  {said}\n")), "{out}");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0]["kind"], "spaced_id");
    assert_eq!((problems[0]["line"].as_u64(), problems[0]["col"].as_u64()), (Some(1), Some(col as u64)));
}

/// Found from outside: an issue's `" p1"` (or full-width `"ｐ1"`) and a layout naming `"p1"`
/// were told `no item "p1" in the issue (did you mean "a1"?)`: the id that looks the same
/// comes first.
#[test]
fn the_id_that_looks_the_same_is_the_one_meant() {
    for id in [" p1", "p1 ", "ｐ1", "ｐ１ "] {
        let items = format!(
            r#"Article(id: "a1", headline: "一", body: ["正文。"]), Article(id: "{id}", headline: "二", body: ["正文。"])"#
        );
        let issue =
            parse_issue(path(), &one_page("Grid(columns: 4, column_width: 8, gutter: 1, depth: 40)", &items)).unwrap();
        assert_eq!(issue.nearest_id("p1"), Some(id), "{id:?}");
    }
    // A name with a space of its own finds the id without one.
    let issue = issue();
    assert_eq!(issue.nearest_id("snow-traffic "), Some("snow-traffic"));
    assert_eq!(issue.nearest_id("ｓｎｏｗ－ｔｒａｆｆｉｃ"), Some("snow-traffic"));
}

/// Found from outside: an article with `body: []` passed `check` as fitting, while a body cut
/// whole was "a headline with nothing under it"; so did a notice, a blank frame on the page.
/// So is a body of blank paragraphs only: reported at the body in the issue file
/// (`empty_body`, exit 1), whether placed or in the bin.
#[test]
fn an_article_or_notice_without_a_body_is_reported() {
    let cases = [
        (r#"Article(id: "a", headline: "标题""#, r#"item "a" has no body: a headline with nothing under it"#),
        (r#"Notice(id: "a", title: "公告""#, r#"notice "a" has no text: a blank frame on the page"#),
    ];
    for (head, told) in cases {
        for body in ["[]", r#"["", "  "]"#] {
            let items = format!(r#"{head}, body: {body}), Article(id: "b", headline: "标题", body: ["正文。"])"#);
            let text = one_page("Grid(columns: 4, column_width: 8, gutter: 1, depth: 40)", &items);
            assert!(parse_issue(path(), &text).is_ok());
            let col = text[..text.find("body: ").unwrap()].chars().count() + "body: ".len() + 1;
            let (code, out, problems) = check_cli(&text, None);
            assert_eq!(code, Some(1), "{body}: {out}");
            let said = format!("issue.ron:1:{col}: {told}; write its body, or take it out of the issue");
            assert!(out.contains(&format!("1 problem:\n  {said}\n")), "{out}");
            assert_eq!(problems.len(), 1, "{problems:?}");
            assert_eq!(problems[0]["kind"], "empty_body");
            assert_eq!((problems[0]["line"].as_u64(), problems[0]["col"].as_u64()), (Some(1), Some(col as u64)));
        }
    }
}

/// `pasteup check NAME` as a user runs it, in a fresh folder holding ISSUE as `issue.ron` and
/// `text` as NAME (which may be `issue.ron` itself): the exit code and standard error.
fn check_file(name: &str, text: &str) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("issue.ron"), ISSUE).unwrap();
    fs::write(dir.path().join(name), text).unwrap();
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_pasteup"))
        .current_dir(dir.path())
        .args(["check", name])
        .output()
        .unwrap();
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(!err.chars().any(|c| is_forbidden(c) && c != '\n'), "{err:?}");
    (o.status.code(), err)
}

/// Found from outside: a misspelt `Layot(`, `Isue(` or `Artcle(` was refused without the word
/// meant. The nearest name the place takes is said, at the misspelt name.
#[test]
fn a_misspelt_struct_or_item_name_is_told_the_one_meant() {
    let (code, err) = check_file("x.layout.ron", &LAYOUT.replacen("Layout(", "Layot(", 1));
    assert_eq!(code, Some(2), "{err}");
    assert_eq!(
        err.lines().next().unwrap(),
        "x.layout.ron:1:1: found Layot(...), expected an Issue(...) or a Layout(...); did you mean Layout?"
    );
    let e = parse_layout(Path::new("x.layout.ron"), &LAYOUT.replacen("Layout(", "Layot(", 1)).unwrap_err();
    assert_eq!(at(&e), (1, 1));
    assert_eq!(e.message, "found Layot(...), expected a Layout(...); did you mean Layout?");
    let e = issue_error("Issue(", "issue(");
    assert_eq!(at(&e), (1, 1));
    assert_eq!(e.message, "found issue(...), expected an Issue(...); did you mean Issue?");
    for (from, to, line, col, meant) in [
        (
            "PageLayout(",
            "PageLayot(",
            4,
            9,
            "found PageLayot(...), expected a PageLayout(...); did you mean PageLayout?",
        ),
        ("Placement(", "Placment(", 5, 13, "found Placment(...), expected a Placement(...); did you mean Placement?"),
    ] {
        let e = parse_layout(Path::new("x.layout.ron"), &LAYOUT.replacen(from, to, 1)).unwrap_err();
        assert_eq!((at(&e), e.message.as_str()), ((line, col), meant));
    }
    for (from, to, line, meant) in
        [("Article(", "Artcle(", 10, "Article"), ("Photo(", "Phto(", 11, "Photo"), ("Notice(", "Notise(", 12, "Notice")]
    {
        let found = to.trim_end_matches('(');
        let said = format!("unknown item kind \"{found}\", expected Article, Photo or Notice; did you mean {meant}?");
        let (code, err) = check_file("issue.ron", &ISSUE.replacen(from, to, 1));
        assert_eq!(code, Some(2), "{err}");
        assert_eq!(err.lines().next().unwrap(), format!("issue.ron:{line}:9: {said}"));
    }
    let e = issue_error("Grid(columns: 8", "Gird(columns: 8");
    assert_eq!(at(&e), (6, 20));
    assert_eq!(e.message, "found Gird(...), expected a Grid(...); did you mean Grid?");
    let e = parse_layout(Path::new("x.layout.ron"), &LAYOUT.replacen("depth: Auto", "depth: Atuo", 1)).unwrap_err();
    assert_eq!(e.message, "unknown Depth value \"Atuo\", expected Auto or Fixed; did you mean Auto?");
    // A name near none is not guessed at.
    let e = issue_error("Article(", "Story(");
    assert_eq!(e.message, "unknown item kind \"Story\", expected Article, Photo or Notice");
}

/// Found from outside: `items: {` was told to write `items: [{]`. A list of any field opened
/// with a brace (or a round bracket) is told to open with `[`, at the brace.
#[test]
fn a_list_opened_with_a_brace_is_told_to_open_with_a_bracket() {
    let (code, err) = check_file("issue.ron", &ISSUE.replacen("items: [", "items: {", 1));
    assert_eq!(code, Some(2), "{err}");
    assert_eq!(
        err.lines().next().unwrap(),
        "issue.ron:9:12: items opens with `{`, but a list opens with `[`: write items: [ … ] and close it with `]`"
    );
    let e = issue_error("body: [\"本报讯", "body: {\"本报讯");
    assert_eq!(at(&e), (10, 82));
    assert_eq!(e.message, "body opens with `{`, but a list opens with `[`: write body: [ … ] and close it with `]`");
    let e = issue_error("pages: [", "pages: (");
    assert_eq!(at(&e), (4, 12));
    assert_eq!(e.message, "pages opens with `(`, but a list opens with `[`: write pages: [ … ] and close it with `]`");
    for field in ["pages", "placements"] {
        let text = LAYOUT.replacen(&format!("{field}: ["), &format!("{field}: {{"), 1);
        let e = parse_layout(Path::new("x.layout.ron"), &text).unwrap_err();
        let col = text.lines().nth(e.line.unwrap() - 1).unwrap().chars().position(|c| c == '{').unwrap() + 1;
        assert_eq!(e.col, Some(col), "{e}");
        assert!(e.message.starts_with(&format!("{field} opens with `{{`, but a list opens with `[`")), "{e}");
    }
}

/// Found from outside: a control character in an id read `"aU+001Bb"`, as if the id held the
/// text `U+001B`. A value echoed in any message shows it as the file writes it, `\u{1b}`, and
/// never raw.
#[test]
fn a_control_character_in_an_echoed_value_is_shown_as_its_escape() {
    let id = r#""snow\u{1b}[31m\u{7}\u{0}""#;
    let e = issue_error("\"snow-traffic\"", id);
    // At the character, where it stands (found from outside: at the id's opening quote).
    assert_eq!(at(&e), (11, 24));
    assert_eq!(e.message, format!("item id {id} contains control character U+001B (ESC); ids must be printable"));
    let (code, err) = check_file("issue.ron", &ISSUE.replacen("\"snow-traffic\"", id, 1));
    assert_eq!(code, Some(2));
    assert_eq!(err.lines().next().unwrap(), format!("issue.ron:11:24: {}", e.message));
    // A layout naming such an item: the problem `check` lists.
    let layout = LAYOUT.replacen("\"snow-traffic\"", r#""snow\u{1b}""#, 1);
    let (_, out, _) = check_cli(ISSUE, Some(&layout));
    assert!(out.contains(r#"no item "snow\u{1b}" in the issue"#), "{out}");
    assert_eq!(printable("a\u{7}\u{202E}b"), r"a\u{7}\u{202e}b");
}

/// Found from outside: a control character in a layout's own headline was pointed at the
/// headline's opening quote, not at the character.
#[test]
fn a_control_character_in_a_layout_headline_is_pointed_at() {
    for (headline, c) in [(r#""守护青山\u{1b}绿水""#, '\\'), ("\"守护\t青山\"", '\t')] {
        let layout = LAYOUT.replacen("depth: Auto)", &format!("depth: Auto, headline: {headline})"), 1);
        let line = layout.lines().nth(4).unwrap();
        let col = line.chars().position(|k| k == c).unwrap() + 1;
        let (code, err) = check_file("issue.layout.ron", &layout);
        assert_eq!(code, Some(2), "{err}");
        let name = if c == '\t' { "U+0009 (TAB)" } else { "U+001B (ESC)" };
        assert!(
            err.starts_with(&format!(
                "issue.layout.ron:5:{col}: page 3 placement \"jinyuan-livable\" headline contains control character {name}"
            )),
            "{err}"
        );
    }
}

// ---------------------------------------------------------------------------------------
// Found from outside (s30): bare messages where the fault or its fix went unnamed.

/// The error for LAYOUT with `from` replaced by `to`.
fn layout_error(from: &str, to: &str) -> LoadError {
    assert!(LAYOUT.contains(from), "{from}");
    parse_layout(Path::new("issue.layout.ron"), &LAYOUT.replacen(from, to, 1)).unwrap_err()
}

/// Found from outside: a full-width space as indentation was "expected a name", a no-break
/// space after a colon "expected a string in double quotes", and a zero-width space was echoed
/// raw, invisible. Each is named by its code point where it stands, with what to do.
#[test]
fn invisible_or_full_width_space_in_the_syntax_is_named() {
    let e = issue_error("        Article(", "\u{3000}\u{3000}Article(");
    assert_eq!(at(&e), (10, 1));
    assert_eq!(
        e.message,
        "full-width space U+3000 in the file's syntax, outside any string; replace it with an ASCII space, or delete it"
    );
    // Line 10 is `        Article(id: "jinyuan-livable"`: the `id` at column 17, the value at 21.
    let cases = [
        ("        Article(", "\u{a0}\u{a0}Article(", (10, 1), "no-break space U+00A0"),
        ("id: \"jinyuan-livable\"", "id:\u{a0}\"jinyuan-livable\"", (10, 20), "no-break space U+00A0"),
        ("id: \"jinyuan-livable\"", "\u{feff}id: \"jinyuan-livable\"", (10, 17), "byte order mark U+FEFF"),
        ("id: \"jinyuan-livable\"", "id:\u{200b}\"jinyuan-livable\"", (10, 20), "zero-width space U+200B"),
        ("id: \"jinyuan-livable\"", "id: \u{200b}\"jinyuan-livable\"", (10, 21), "zero-width space U+200B"),
        ("span: 2,", "span:\u{2003}2,", (11, 62), "white space U+2003"),
    ];
    for (from, to, place, name) in cases {
        let e = issue_error(from, to);
        let said =
            format!("{name} in the file's syntax, outside any string; replace it with an ASCII space, or delete it");
        assert_eq!((at(&e), e.message.as_str()), (place, said.as_str()), "{to:?}");
    }
    // In a layout too: line 5 is `            Placement(item: "jinyuan-livable", column: 1, …`.
    let e = layout_error("column: 1", "column:\u{3000}4");
    assert_eq!((at(&e), e.message.starts_with("full-width space U+3000")), ((5, 55), true), "{e}");
    let e = layout_error("        PageLayout(number: 3", "\u{3000}\u{3000}\u{3000}\u{3000}PageLayout(number: 3");
    assert_eq!((at(&e), e.message.starts_with("full-width space U+3000")), ((4, 1), true), "{e}");
    // Inside a string they are text, and load as written.
    let spaced = ISSUE.replacen("守护青山绿水", "守护\u{3000}青山\u{a0}绿水", 1);
    assert!(parse_issue(path(), &spaced).is_ok());
}

/// Found from outside: `\u{4e00` (its `}` missing) was told "\u{4e00} is not a character",
/// with the `}` it lacks; `\u{41}\u{00000000041}` got ron's own words, with no fix.
#[test]
fn a_unicode_escape_cut_short_or_too_long_says_what_to_write() {
    let e = issue_error("公告", r#"公告\u{4e00"#);
    assert_eq!(at(&e), (12, 49));
    assert_eq!(e.message, r"\u{4e00 is not closed; write \u{4E00}, its hex code point then `}`");
    let e = issue_error("公告", r#"公告\u{4e00 "#);
    assert_eq!(at(&e), (12, 49));
    assert_eq!(e.message, r"\u{4e00 is not closed; write \u{4E00}, its hex code point then `}`");
    let e = issue_error("公告", r"公告\u{41}\u{00000000041}");
    assert_eq!(at(&e), (12, 55));
    assert_eq!(e.message, r"\u{00000000041} has 11 hex digits, more than the 6 a code point takes; write \u{41}");
    let e = issue_error("公告", r"公告\u{zz}");
    assert!(e.message.starts_with(r"\u{zz} is not a character; write the character itself"), "{e}");
}

/// Found from outside: `headline: Some("地铁")` was told headline "has a default, not None",
/// but a headline is required. Each field is told what it is.
#[test]
fn some_around_a_required_value_says_it_is_required() {
    let e = issue_error("headline: \"守护青山绿水\"", "headline: Some(\"地铁\")");
    assert_eq!(at(&e), (10, 50));
    assert_eq!(e.message, "headline takes no Some(…): it is required, never None; write headline: \"地铁\"");
    // A placement's span is required; a photo's has a default (above).
    let e = layout_error("column: 1, span: 3", "column: 1, span: Some(3)");
    assert_eq!(e.message, "span takes no Some(…): it is required, never None; write span: 3");
    // A placement's depth has a default (Auto); a grid's is required.
    let e = layout_error("depth: Fixed(24)", "depth: Some(Fixed(24))");
    assert_eq!(e.message, "depth takes no Some(…): it has a default, not None; write depth: Fixed(24)");
    let e = issue_error("depth: 100", "depth: Some(100)");
    assert_eq!(e.message, "depth takes no Some(…): it is required, never None; write depth: 100");
}

/// Found from outside: a 200 KB nested value, `span: ((((…2…))))`, was echoed whole, a
/// 100 KB error line. A value quoted from the file is cut, as unquoted text already was.
#[test]
fn a_huge_value_is_quoted_cut_short() {
    let nested = format!("span: {}2{}, height: 18", "(".repeat(100_000), ")".repeat(100_000));
    let e = issue_error("span: 2, height: 18", &nested);
    assert_eq!(at(&e), (11, 63));
    assert!(e.message.len() < 200, "{} bytes: {}", e.message.len(), &e.message[..200]);
    assert!(e.message.starts_with("span is (((((("), "{e}");
    // A grid's depth written as a placement's, nested as deep.
    let nested = format!("depth: Fixed({}1{})", "(".repeat(100_000), ")".repeat(100_000));
    let e = issue_error("depth: 100", &nested);
    assert!(e.message.len() < 200, "{} bytes: {}", e.message.len(), &e.message[..200]);
    assert!(e.message.starts_with("depth is Fixed(((((("), "{e}");
    // A value its own type refuses: a language tag of 200 KB.
    let tag = format!("paper: \"太原日报\", language: \"{}\",", "x".repeat(200_000));
    let e = issue_error("paper: \"太原日报\",", &tag);
    assert_eq!(at(&e), (2, 30));
    assert!(e.message.len() < 200, "{} bytes: {}", e.message.len(), &e.message[..200]);
    assert!(e.message.starts_with("unknown language \"xxxx"), "{e}");
}

/// Found from outside: `check /dev/zero` read 64 MiB of zeros and said the file "grew past the
/// 64 MiB limit", and `/dev/null` was "empty". A device is refused for what it is, before a
/// byte is read, given directly or named by a layout's `issue:` (exit 2).
#[cfg(unix)]
#[test]
fn a_device_is_refused_before_it_is_read() {
    for dev in ["/dev/zero", "/dev/null"] {
        let e = read_text(Path::new(dev)).unwrap_err();
        assert_eq!(e.to_string(), format!("{dev}: cannot open: it is a device, not a file; expected a .ron file"));
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_pasteup")).args(["check", dev]).output().unwrap();
        assert_eq!(o.status.code(), Some(2), "{dev}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(err, format!("{dev}: cannot open: it is a device, not a file; expected a .ron file\n"));
    }
    let dir = tempfile::tempdir().unwrap();
    let layout = dir.path().join("night.layout.ron");
    fs::write(&layout, LAYOUT.replacen("\"issue.ron\"", "\"/dev/zero\"", 1)).unwrap();
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_pasteup")).arg("check").arg(&layout).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("/dev/zero: cannot open: it is a device, not a file; expected a .ron file"), "{err}");
}
