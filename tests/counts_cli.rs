//! The counts `check`, `proof` and `fit` give on small issues: the bin's lines for a part
//! waiting in it, and the overset lines of a box shallower than its headline (found from
//! outside, on a zh-Hant and a ja issue).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "a test fails loudly")]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const ZH_HANT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/counts-zh-hant.ron");
const JA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/counts-ja.ron");

fn run(issue: &str, layout: &Path, args: &[&str]) -> (Option<i32>, String) {
    let out: Output = Command::new(env!("CARGO_BIN_EXE_pasteup"))
        .args(&args[..1])
        .arg(issue)
        .arg("--layout")
        .arg(layout)
        .args(&args[1..])
        .stdin(Stdio::null())
        .output()
        .expect("run pasteup");
    (out.status.code(), String::from_utf8_lossy(&out.stdout).into_owned())
}

fn layout(dir: &Path, issue: &str, placements: &str) -> PathBuf {
    let path = dir.join("t.layout.ron");
    let text = format!(
        "Layout(\n    issue: \"{issue}\",\n    pages: [\n        PageLayout(number: 1, placements: [\n            {placements},\n        ]),\n    ],\n)\n"
    );
    std::fs::write(&path, text).unwrap();
    path
}

/// Part 1 saved `continued: true`: part 2 waits in the bin, and the bin says the lines it
/// takes placed at one column — its 2-row headline (4 lines) and from-line as well as its 4
/// body lines, 9 in all, as `check` shows it once placed so.
#[test]
fn the_bin_gives_a_waiting_part_the_lines_it_takes_placed() {
    let dir = tempfile::tempdir().unwrap();
    let one = r#"Placement(item: "housing", column: 1, span: 2, line: 30, depth: Fixed(20), continued: true)"#;
    let path = layout(dir.path(), ZH_HANT, one);
    let (code, said) = run(ZH_HANT, &path, &["check"]);
    assert_eq!(code, Some(1), "{said}");
    let bin = "  housing (part 2)         article     32 chars    9 lines at one column  公屋輪候時間回落至5.3年";
    assert!(said.lines().any(|l| l == bin), "{said}");
    let (_, json) = run(ZH_HANT, &path, &["check", "--json"]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let entry = &json["bin"][0];
    assert_eq!(
        (entry["part"].as_u64(), entry["chars"].as_u64(), entry["lines"].as_u64()),
        (Some(2), Some(32), Some(9))
    );

    // Placed at one column: 9 lines, lines 40–48.
    let two = r#"Placement(item: "housing", column: 1, span: 2, line: 30, depth: Fixed(20)),
            Placement(item: "housing", part: 2, column: 6, span: 1, line: 40, depth: Auto)"#;
    let path = layout(dir.path(), ZH_HANT, two);
    let (code, said) = run(ZH_HANT, &path, &["check"]);
    assert_eq!(code, Some(0), "{said}");
    assert!(said.contains("  housing (part 2)         column 6      lines  40–48  auto      fits"), "{said}");
}

/// A 5-em column sets the 2-em headline 2 characters a row: 6 rows of 2 lines (`衆院` / `補選` /
/// `与党` / `が議` / `席` / `維持`: the U+3000 after `補選` is dropped where the row breaks; it
/// cost a row when it was counted), then a subhead of 3 lines, 15 lines of heads over 62 body
/// lines. In a box of 9 lines, 3 lines of the headline fall below it (the row in lines 9–10 by
/// 1), the subhead's 3 and the body's 62: 68 lines, the fit's `-68`, wherever the overset is said.
#[test]
fn overset_lines_count_headline_rows_as_deep_as_they_are() {
    let dir = tempfile::tempdir().unwrap();
    let path = layout(dir.path(), JA, r#"Placement(item: "election", column: 3, span: 1, line: 1, depth: Fixed(9))"#);
    let (code, said) = run(JA, &path, &["check"]);
    assert_eq!(code, Some(1), "{said}");
    assert!(said.contains("fixed 9   -68 overset (68 lines, 306 characters cut)"), "{said}");
    assert!(said.contains("  overset      0    0   68    0    0    0"), "{said}");
    assert!(said.contains("page: 9 lines used, 351 free, fit -68, 1 overset (68 lines, 306 characters)"), "{said}");
    assert!(said.contains("\"election\" is overset by 68 line(s), 306 character(s)"), "{said}");
    let (_, json) = run(JA, &path, &["check", "--json"]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["pages"][0]["summary"]["overset_lines"].as_u64(), Some(68));
    assert_eq!(json["pages"][0]["items"][0]["overset_lines"].as_u64(), Some(68));
    let (_, proof) = run(JA, &path, &["proof"]);
    assert!(proof.contains("box 9 lines, needs 77 — -68 overset (68 lines, 306 characters cut)"), "{proof}");
    let (_, json) = run(JA, &path, &["proof", "--json"]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!((json["items"][0]["fit"].as_i64(), json["items"][0]["overset_lines"].as_u64()), (Some(-68), Some(68)));
    let (_, fit) = run(JA, &path, &["fit"]);
    assert!(fit.contains("page 1  election: -68 overset (68 lines, 306 characters cut)"), "{fit}");
}

/// At two columns the overset lines are the lines below the box in both legs: the problem
/// says the same count as the box's badge beside it (it said the fit's 2, the badge 3).
#[test]
fn the_overset_problem_counts_the_lines_the_badge_does() {
    let dir = tempfile::tempdir().unwrap();
    let one = r#"Placement(item: "housing", column: 1, span: 2, line: 30, depth: Fixed(20), continued: true)"#;
    let path = layout(dir.path(), ZH_HANT, one);
    let (_, said) = run(ZH_HANT, &path, &["check"]);
    assert!(said.contains("fixed 20  -2 overset (3 lines, 20 characters cut)"), "{said}");
    assert!(said.contains("\"housing\" is overset by 3 line(s), 20 character(s)"), "{said}");
}

/// Found from outside: page 2's 10-em columns at span 3 make a 32-em box, 8 characters a row
/// of a 4-em headline. The headline broke after its ideographic space and still counted it:
/// `台積電熊本廠開` / `幕　Apple 公司` / `下單`, a row (4 lines) too many. Dropped at the break
/// as a space is, it takes two rows, and no output draws the space past the row's end.
#[test]
fn a_headline_breaking_at_an_ideographic_space_drops_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.layout.ron");
    let placement = r#"Placement(item: "housing", column: 1, span: 3, line: 1, depth: Fixed(40), head_size: Some(4), headline: Some("台積電熊本廠開幕　Apple 公司下單"))"#;
    let text = format!(
        "Layout(\n    issue: \"{ZH_HANT}\",\n    pages: [\n        PageLayout(number: 2, placements: [\n            {placement},\n        ]),\n    ],\n)\n"
    );
    std::fs::write(&path, text).unwrap();
    let (code, proof) = run(ZH_HANT, &path, &["proof"]);
    assert_eq!(code, Some(0), "{proof}");
    assert!(
        proof.contains("  headline, 4 lines each:\n       | 台積電熊本廠開幕\n       |  Apple 公司下單\n  subhead:"),
        "{proof}"
    );
    assert!(proof.contains("box 40 lines, needs 24 — +16 short"), "{proof}");
    let (_, ron) = run(ZH_HANT, &path, &["export", "--format", "ron", "--output", "-"]);
    let rows = "lines: [\n                                Line(0, 16, \"台積電熊本廠開幕\"),\n                                Line(1, 14, \"Apple 公司下單\"),\n                            ],";
    assert!(ron.contains(rows), "{ron}");
}
