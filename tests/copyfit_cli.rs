//! `pasteup check` and `proof` on cut and continued layouts: what they print and how they exit.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "a test fails loudly")]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const ISSUE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/layouts/taiyuan-2023-02-10.ron");

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pasteup")).args(args).stdin(Stdio::null()).output().expect("run pasteup")
}

fn layout(dir: &Path, placements3: &str, placements4: &str) -> PathBuf {
    let path = dir.join("t.layout.ron");
    let text = format!(
        "Layout(\n    issue: \"{ISSUE}\",\n    pages: [\n        PageLayout(number: 3, placements: [\n            {placements3},\n        ]),\n        PageLayout(number: 4, placements: [\n            {placements4},\n        ]),\n    ],\n)\n"
    );
    std::fs::write(&path, text).unwrap();
    path
}

fn text(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr)
}

#[test]
fn check_names_cuts_and_parts_and_exits_by_them() {
    let dir = tempfile::tempdir().unwrap();
    let lead = r#"Placement(item: "jinyuan-livable", column: 1, span: 3, line: 1, depth: Fixed(20))"#;
    let part2 = r#"Placement(item: "jinyuan-livable", column: 1, span: 3, line: 1, depth: Auto, part: 2, cut: 2)"#;
    let path = layout(dir.path(), lead, part2);
    let out = run(&["check", ISSUE, "--layout", path.to_str().unwrap()]);
    let said = text(&out);
    assert!(said.contains("jinyuan-livable (part 2)"), "{said}");
    assert!(said.contains("cut 2 sentences (218 chars)"), "{said}");
    let proof = text(&run(&["proof", ISSUE, "--layout", path.to_str().unwrap(), "--item", "jinyuan-livable"]));
    assert!(proof.contains("（下转第4版）") && proof.contains("（上接第3版）"), "{proof}");
    assert!(proof.contains("part 2, continued from page 3"), "{proof}");

    // Part 2 alone: part 1 is missing, a problem (exit 1).
    let path =
        layout(dir.path(), r#"Placement(item: "snow-traffic", column: 4, span: 2, line: 1, depth: Auto)"#, part2);
    let out = run(&["check", ISSUE, "--layout", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(text(&out).contains("part 2 is continued from part 1, which is on no page"), "{}", text(&out));

    // A cut past the body (the copy desk shortened it since): a problem at its line and
    // column (exit 1), not invalid input (found from outside: the editor saved such a layout,
    // then refused to open it).
    let bad = r#"Placement(item: "jinyuan-livable", column: 1, span: 3, line: 1, depth: Auto, cut: 11)"#;
    let path = layout(dir.path(), bad, r#"Placement(item: "snow-traffic", column: 4, span: 2, line: 1, depth: Auto)"#);
    let out = run(&["check", ISSUE, "--layout", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said =
        "t.layout.ron:5:29: page 3: \"jinyuan-livable\" has every sentence of its body cut (cut 11, of 10 sentences)";
    assert!(text(&out).contains(said), "{}", text(&out));
    // Found from outside: overlaps and the like gave `proof` exit 0.
    let twice = r#"Placement(item: "snow-traffic", column: 4, span: 2, line: 1, depth: Auto)"#;
    let overlap = r#"Placement(item: "snow-traffic", column: 4, span: 2, line: 1, depth: Auto),
            Placement(item: "hospital-tender", column: 4, span: 2, line: 3, depth: Auto)"#;
    let other = tempfile::tempdir().unwrap();
    let overlapping = layout(other.path(), overlap, twice);
    for command in ["check", "proof"] {
        let out = run(&[command, ISSUE, "--layout", overlapping.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1), "{command}: {}", text(&out));
    }

    // Found from outside: cuts on two parts adding up past the body cut it all, and `check`
    // said nothing. Said at the first part with a cut, exit 1.
    let lead = r#"Placement(item: "jinyuan-livable", column: 1, span: 3, line: 1, depth: Fixed(20), cut: 6)"#;
    let part2 = r#"Placement(item: "jinyuan-livable", column: 1, span: 3, line: 1, depth: Auto, part: 2, cut: 5)"#;
    let path = layout(dir.path(), lead, part2);
    let out = run(&["check", ISSUE, "--layout", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = "page 3: \"jinyuan-livable\" has every sentence of its body cut (cut 11, of 10 sentences)";
    assert_eq!(text(&out).matches(said).count(), 1, "{}", text(&out));
}

#[test]
fn an_unknown_item_is_exit_2_in_the_interface_language_for_proof_and_fit() {
    let in_locale = |command: &str, locale: &str| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_pasteup"));
        c.args([command, ISSUE, "--item", "no-such-story"]).env("LC_ALL", locale).stdin(Stdio::null());
        c.output().expect("run pasteup")
    };
    for command in ["proof", "fit"] {
        let out = in_locale(command, "C");
        assert_eq!(out.status.code(), Some(2), "{command}: {}", text(&out));
        assert!(text(&out).contains(": there is no item \"no-such-story\" in the issue"), "{command}: {}", text(&out));
        let out = in_locale(command, "zh_CN.UTF-8");
        assert_eq!(out.status.code(), Some(2), "{command}: {}", text(&out));
        assert!(text(&out).contains("本期没有稿件「no-such-story」"), "{command}: {}", text(&out));
    }
}

/// Found from outside: for a box whose part 2 waits in the bin, `fit` offered the depth that
/// holds all the copy and cuts, each leaving part 2 nothing. It says to place part 2.
#[test]
fn fit_says_to_place_a_waiting_part_rather_than_empty_it() {
    let dir = tempfile::tempdir().unwrap();
    let lead = r#"Placement(item: "jinyuan-livable", column: 1, span: 3, line: 1, depth: Fixed(25), continued: true)"#;
    let path = layout(dir.path(), lead, r#"Placement(item: "snow-traffic", column: 4, span: 2, line: 1, depth: Auto)"#);
    let out = run(&["fit", ISSUE, "--layout", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = "  its overset goes on in part 2, which waits in the bin: place it (Enter on it in the bin, or :place jinyuan-livable)\n";
    assert!(text(&out).contains(said), "{}", text(&out));
    assert!(!text(&out).contains("depth 29"), "{}", text(&out));
    let out = run(&["fit", ISSUE, "--layout", path.to_str().unwrap(), "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["boxes"][0]["waiting_part"], 2);
    assert_eq!(json["boxes"][0]["remedies"], serde_json::json!([]));
}
