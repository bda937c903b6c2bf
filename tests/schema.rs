//! The output schemas (docs/formats.md, "Output schemas"): the keys of `check --json`, of
//! `proof --json` and the fields of the RON export are pinned here, so that a change to the
//! one finished box shows as a failing test; and `check` on boxes stacked on one another
//! reports one overlap a box, not one a pair.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "a test fails loudly")]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use pasteup_core::document::open;
use pasteup_core::export::ron::finished;
use pasteup_core::format::{parse_issue, to_ron_string};
use pasteup_core::generate::stacked_issue;
use pasteup_core::layout::Makeup;
use pasteup_core::problem::{Problem, ProblemKind};
use serde_json::Value;

const ISSUE: &str = "layouts/taiyuan-2023-02-10.ron";
const FULL_LAYOUT: &str = "docs/proof-sample.layout.ron";

fn path(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn pasteup(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pasteup")).args(args).output().expect("run pasteup")
}

fn json(args: &[&str]) -> Value {
    let o = pasteup(args);
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&o.stderr)))
}

/// The keys of a JSON object, in order.
fn keys(v: &Value) -> Vec<&str> {
    v.as_object().unwrap_or_else(|| panic!("not an object: {v}")).keys().map(String::as_str).collect()
}

const BOX: [&str; 12] = [
    "id",
    "kind",
    "title",
    "span",
    "width_em",
    "depth_needed",
    "box_depth",
    "fit",
    "badge",
    "overset_lines",
    "overset_chars",
    "placed",
];
const PLACED: [&str; 5] = ["page", "column", "line", "depth", "over_foot"];
const LINES: [&str; 4] = ["heads", "legs", "overset", "foot"];

fn joined(parts: &[&[&'static str]]) -> Vec<&'static str> {
    parts.iter().flat_map(|p| p.iter().copied()).collect()
}

/// A layout of the sample with problems of both shapes: an unknown item (as read) and two
/// boxes on one another (on the page).
fn layout_with_problems(dir: &Path) -> PathBuf {
    let text = std::fs::read_to_string(path("layouts/taiyuan-2023-02-10.layout.ron"))
        .unwrap()
        .replacen("\"snow-traffic\"", "\"snow-trafic\"", 1)
        .replacen("column: 4, span: 2, line: 1", "column: 3, span: 2, line: 1", 1)
        .replacen("issue: \"taiyuan-2023-02-10.ron\"", &format!("issue: {:?}", path(ISSUE)), 1);
    let file = dir.join("problems.layout.ron");
    std::fs::write(&file, text).unwrap();
    file
}

#[test]
fn check_json_keys() {
    let dir = tempfile::tempdir().unwrap();
    let layout = layout_with_problems(dir.path());
    let issue = path(ISSUE);
    let v = json(&["check", issue.to_str().unwrap(), "--json", "--layout", layout.to_str().unwrap()]);
    assert_eq!(keys(&v), ["issue", "layout", "paper", "date", "ok", "pages", "bin", "problems"]);
    let page = &v["pages"][0];
    assert_eq!(keys(page), ["number", "section", "grid", "summary", "items"]);
    assert_eq!(
        keys(&page["grid"]),
        [
            "columns",
            "column_width",
            "gutter",
            "depth",
            "kinsoku",
            "indent",
            "hanging",
            "headline_size",
            "punctuation",
            "orphans",
            "justify",
            "rules"
        ]
    );
    assert_eq!(
        keys(&page["summary"]),
        [
            "number",
            "columns",
            "used",
            "free",
            "over_foot_lines",
            "overset_lines",
            "overset_chars",
            "fit_lines",
            "over_foot",
            "overset"
        ]
    );
    assert_eq!(keys(&page["summary"]["columns"][0]), ["column", "used", "free", "over_foot", "overset"]);
    assert_eq!(keys(&page["items"][0]), joined(&[&BOX, &PLACED]));
    assert_eq!(page["items"][0]["depth"], "auto");
    assert_eq!(keys(&v["bin"][0]), ["id", "kind", "title", "chars", "lines"]);
    let problems = v["problems"].as_array().unwrap();
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert_eq!(keys(&problems[0]), ["kind", "file", "line", "col", "message"]);
    assert_eq!((problems[0]["kind"].as_str(), problems[0]["line"].as_u64()), (Some("unknown_item"), Some(15)));
    assert_eq!(keys(&problems[1]), ["kind", "page", "items", "message"]);
    assert_eq!(problems[1]["kind"], "overlap");
    assert_eq!(problems[1]["items"], serde_json::json!(["jinyuan-livable", "jinyuan-ten-projects"]));
    assert_eq!(problems[1]["message"], "page 3: \"jinyuan-livable\" and \"jinyuan-ten-projects\" overlap");
}

#[test]
fn proof_json_keys() {
    let issue = path(ISSUE);
    let v = json(&["proof", issue.to_str().unwrap(), "--json"]);
    assert_eq!(keys(&v), ["items"]);
    let items = v["items"].as_array().unwrap();
    let placed = items.iter().find(|i| i["placed"] == true).unwrap();
    assert_eq!(keys(placed), joined(&[&BOX, &PLACED, &LINES]));
    let bin = items.iter().find(|i| i["placed"] == false).unwrap();
    assert_eq!(keys(bin), joined(&[&BOX, &LINES]));
    assert_eq!(keys(&placed["heads"][0]), ["kind", "depth", "line_depth", "lines"]);
    assert_eq!(placed["heads"][0]["kind"], "headline");
    assert!(placed["legs"][0][0].is_string());
}

#[test]
fn ron_export_fields() {
    let opened = open(Some(&path(ISSUE)), Some(&path(FULL_LAYOUT))).unwrap();
    let makeup = Makeup::new(opened.issue, &opened.layout);
    let v = serde_json::to_value(finished(&makeup)).unwrap();
    assert_eq!(keys(&v), ["version", "paper", "date", "language", "pages", "bin"]);
    assert_eq!(v["version"], 2);
    let page = &v["pages"][0];
    assert_eq!(keys(page), ["number", "section", "grid", "width_em", "fit", "overset_lines", "overset_chars", "boxes"]);
    let boxes = page["boxes"].as_array().unwrap();
    let article = boxes.iter().find(|b| b["kind"] == "article").unwrap();
    let geometry: [&str; 2] = ["x_em", "leg_width_em"];
    assert_eq!(keys(article), joined(&[&BOX, &PLACED, &geometry, &LINES]));
    let photo = boxes.iter().find(|b| b["id"] == "xishan-railway").unwrap();
    assert_eq!(keys(photo), joined(&[&BOX, &PLACED, &geometry, &["image", "pixels"], &LINES]));
    let opened = open(Some(&path(ISSUE)), None).unwrap();
    let makeup = Makeup::new(opened.issue, &opened.layout);
    let v = serde_json::to_value(finished(&makeup)).unwrap();
    let bin = v["bin"].as_array().unwrap().iter().find(|b| b["kind"] == "article").unwrap();
    assert_eq!(keys(bin), joined(&[&BOX, &["chars"], &LINES]));
}

/// 10,000 boxes stacked on one another make 49,995,000 overlapping pairs; `check` names each
/// box once, with the first box it overlaps.
#[test]
fn overlaps_are_reported_per_box() {
    let n = 10_000;
    let (ron, layout) = stacked_issue(n);
    let issue = parse_issue(Path::new("stacked.ron"), &ron).unwrap();
    let makeup = Makeup::new(issue, &layout);
    let problems = makeup.validate();
    assert!(problems.len() <= n, "{} problems for {n} boxes", problems.len());
    assert_eq!(problems.len(), n - 1);
    assert!(problems.iter().all(|p| p.kind() == ProblemKind::Overlap));
    assert_eq!(
        problems[n - 2],
        Problem::Overlap {
            page: 1,
            item: "notice-000000".into(),
            part: 1,
            other: format!("notice-{:06}", n - 1),
            other_part: 1
        }
    );

    // And through the command line: exit 1, one line a box.
    let dir = tempfile::tempdir().unwrap();
    let (issue_file, layout_file) = (dir.path().join("stacked.ron"), dir.path().join("stacked.layout.ron"));
    std::fs::write(&issue_file, ron).unwrap();
    std::fs::write(&layout_file, to_ron_string(&layout)).unwrap();
    let o = pasteup(&["check", issue_file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains(&format!("\n{} problems:\n", n - 1)), "{}", &out[out.len().saturating_sub(500)..]);
}

/// Every problem kind `check --json` can give, each named in docs/formats.md with the shape
/// it takes (found from outside: `merge_conflict` was given but not listed).
#[test]
fn every_problem_kind_is_documented_with_its_shape() {
    use ProblemKind::*;
    let kinds = [
        UnknownPage,
        DuplicatePage,
        UnknownItem,
        PlacedTwice,
        OffGrid,
        BadDepth,
        NotAnArticle,
        Overlap,
        BelowFoot,
        Overset,
        MergeConflict,
        MissingPart,
        EmptyPart,
        MissingGlyph,
        EmptyHeadline,
        SpacedId,
        EmptyBody,
        EmptyTitle,
        EmptyCaption,
    ];
    // A kind added to the enum must be added above: this match stops compiling without it.
    for kind in kinds {
        match kind {
            UnknownPage | DuplicatePage | UnknownItem | PlacedTwice | OffGrid | BadDepth | NotAnArticle | Overlap
            | BelowFoot | Overset | MergeConflict | MissingPart | EmptyPart | MissingGlyph | EmptyHeadline
            | SpacedId | EmptyBody | EmptyTitle | EmptyCaption => {}
        }
    }
    let docs = std::fs::read_to_string(path("docs/formats.md")).unwrap();
    let start = docs.find("### `check --json`").unwrap();
    let section = &docs[start..start + docs[start..].find("### `proof --json`").unwrap()];
    let as_read = section.find("{kind, file, line, col, message}").unwrap();
    let on_page = section.find("{kind, page, items, message}").unwrap();
    for kind in kinds {
        let at =
            section.find(&format!("`{}`", kind.name())).unwrap_or_else(|| panic!("{} not documented", kind.name()));
        // Listed after the shape it has, and before the other where that comes later.
        let (shape, other) = if kind.is_as_read() { (as_read, on_page) } else { (on_page, as_read) };
        assert!(at > shape && (other < shape || at < other), "{} listed under the wrong shape", kind.name());
    }
}
