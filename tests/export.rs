//! `pasteup export` (issue 5): the RON export reads back and agrees with `proof --json`, the
//! text export's rules stand at one terminal column on every row, the HTML export holds
//! every placed item's text exactly once, and a failed write leaves nothing behind.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "a test fails loudly")]

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod export_support;

use pasteup_core::document::open;
use pasteup_core::export::ron::{Finished, from_ron};
use pasteup_core::export::{self, Assets, Format, Options};
use pasteup_core::fit::width::AmbiWidth;
use pasteup_core::layout::Makeup;
use pasteup_core::model::{Kinsoku, Orphans, Punctuation};
use pasteup_core::report::{FinishedBlock, FinishedBox, Line};
use scraper::{ElementRef, Html, Selector};
use serde_json::Value;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

const ISSUE: &str = "layouts/taiyuan-2023-02-10.ron";
const FULL_LAYOUT: &str = "docs/proof-sample.layout.ron";

fn path(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn pasteup(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pasteup")).args(args).output().expect("run pasteup")
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The sample with its starting layout, and with every item placed (one box overset).
fn layouts() -> Vec<Option<PathBuf>> {
    vec![None, Some(path(FULL_LAYOUT))]
}

fn makeup(issue: &Path, layout: Option<&Path>) -> (Makeup, Assets) {
    let opened = open(Some(issue), layout).unwrap();
    let assets = Assets::for_issue(&opened.issue_path, opened.is_sample);
    (Makeup::new(opened.issue, &opened.layout), assets)
}

/// Exports with the CLI and returns the bytes written.
fn export_cli(issue: &Path, layout: Option<&Path>, format: &str, extra: &[&str]) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let mut args = vec!["export", s(issue), "--format", format, "-o", s(&out)];
    if let Some(l) = layout {
        args.extend(["--layout", s(l)]);
    }
    args.extend(extra);
    let o = pasteup(&args);
    assert!(o.status.success(), "{:?}: {}", o.status, String::from_utf8_lossy(&o.stderr));
    fs::read(&out).unwrap()
}

// ---------------------------------------------------------------- RON

fn rendered(lines: &[Line]) -> Vec<String> {
    lines.iter().map(Line::rendered).collect()
}

fn json_lines(v: &Value) -> Vec<String> {
    v.as_array().unwrap().iter().map(|l| l.as_str().unwrap().to_string()).collect()
}

/// Heads, legs, overset and foot of one item as `proof --json` has them and as the RON
/// export has them: the same blocks with the same lines.
fn assert_same_lines(id: &str, json: &Value, set: &FinishedBox) {
    let blocks = |key: &str, ours: &[FinishedBlock]| {
        let theirs = json[key].as_array().unwrap();
        assert_eq!(theirs.len(), ours.len(), "{id}: {key} blocks");
        for (t, o) in theirs.iter().zip(ours) {
            assert_eq!(t["kind"].as_str().unwrap(), pasteup_core::report::block_name(o.kind), "{id}");
            assert_eq!(t["depth"].as_u64().unwrap(), u64::from(o.depth), "{id}: {key} depth");
            assert_eq!(t["line_depth"].as_u64().unwrap(), u64::from(o.line_depth), "{id}");
            assert_eq!(json_lines(&t["lines"]).len(), o.lines.len(), "{id}: {key} line count");
            assert_eq!(json_lines(&t["lines"]), rendered(&o.lines), "{id}: {key} lines");
        }
    };
    blocks("heads", set.heads.as_deref().unwrap());
    blocks("foot", set.foot.as_deref().unwrap());
    let legs = json["legs"].as_array().unwrap();
    let ours = set.legs.as_deref().unwrap();
    assert_eq!(legs.len(), ours.len(), "{id}: legs");
    for (k, (t, o)) in legs.iter().zip(ours).enumerate() {
        assert_eq!(json_lines(t).len(), o.len(), "{id}: leg {} line count", k + 1);
        assert_eq!(json_lines(t), rendered(o), "{id}: leg {}", k + 1);
    }
    let overset = set.overset.as_deref().unwrap();
    assert_eq!(json_lines(&json["overset"]).len(), overset.len(), "{id}: overset line count");
    assert_eq!(json_lines(&json["overset"]), rendered(overset), "{id}: overset");
}

#[test]
fn ron_export_parses_back_and_its_lines_equal_proof_json() {
    let issue = path(ISSUE);
    for layout in layouts() {
        let bytes = export_cli(&issue, layout.as_deref(), "ron", &[]);
        let text = String::from_utf8(bytes.clone()).unwrap();
        let finished: Finished = from_ron(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
        // Deterministic, and written back byte for byte.
        assert_eq!(export_cli(&issue, layout.as_deref(), "ron", &[]), bytes);
        assert_eq!(export::ron::write(&finished), text);

        let mut args = vec!["proof", s(&issue), "--json"];
        if let Some(l) = &layout {
            args.extend(["--layout", s(l)]);
        }
        let o = pasteup(&args);
        let proof: Value = serde_json::from_slice(&o.stdout).unwrap();
        let items = proof["items"].as_array().unwrap();
        assert_eq!(items.len(), 12, "every item of the sample");
        let placed: usize = finished.pages.iter().map(|p| p.boxes.len()).sum();
        assert_eq!(placed + finished.bin.len(), items.len());
        for item in items {
            let id = item["id"].as_str().unwrap();
            if item["placed"].as_bool().unwrap() {
                let page = finished.pages.iter().find(|p| p.number as u64 == item["page"].as_u64().unwrap()).unwrap();
                let b = page.boxes.iter().find(|b| b.id == id).unwrap_or_else(|| panic!("{id} not on its page"));
                assert_eq!(b.column.map(u64::from), item["column"].as_u64(), "{id}");
                assert_eq!(b.line.map(u64::from), item["line"].as_u64(), "{id}");
                assert_eq!(u64::from(b.span), item["span"].as_u64().unwrap(), "{id}");
                assert_eq!(u64::from(b.box_depth), item["box_depth"].as_u64().unwrap(), "{id}");
                assert_eq!(u64::from(b.depth_needed), item["depth_needed"].as_u64().unwrap(), "{id}");
                assert_eq!(b.fit, item["fit"].as_i64().unwrap(), "{id}");
                assert_eq!(u64::from(b.overset_lines), item["overset_lines"].as_u64().unwrap(), "{id}");
                assert_eq!(u64::from(b.width_em), item["width_em"].as_u64().unwrap(), "{id}");
                assert_eq!(b.width_em, page.grid.span_width(b.span), "{id}");
                assert_eq!(b.over_foot, item["over_foot"].as_bool(), "{id}");
                assert_same_lines(id, item, b);
            } else {
                let b = finished.bin.iter().find(|b| b.id == id).unwrap_or_else(|| panic!("{id} not in the bin"));
                assert_eq!(u64::from(b.depth_needed), item["depth_needed"].as_u64().unwrap(), "{id}");
                assert_same_lines(id, item, b);
            }
        }
    }
}

#[test]
fn ron_export_is_self_contained() {
    let (makeup, _) = makeup(&path(ISSUE), Some(&path(FULL_LAYOUT)));
    let finished = export::ron::finished(&makeup);
    assert_eq!((finished.paper.as_str(), finished.date.as_str()), ("太原日报", "2023-02-10"));
    assert_eq!(finished.language.tag(), "zh-Hans");
    assert!(finished.bin.is_empty());
    let page = &finished.pages[0];
    assert_eq!((page.grid.columns, page.grid.column_width, page.width_em), (8, 13, 111));
    let overset = page.boxes.iter().find(|b| b.id == "yangqu-seven-projects").unwrap();
    assert_eq!((overset.fit, overset.box_depth), (-3, 8));
    assert!(!overset.overset.as_ref().unwrap().is_empty());
    let photo = page.boxes.iter().find(|b| b.id == "xishan-railway").unwrap();
    assert_eq!(photo.image.as_deref(), Some("../assets/xishan-railway.png"));
    assert!(photo.pixels.is_some());
    assert_eq!(photo.x_em, Some(3 * 14));
    // The library call the editor makes gives the bytes the CLI writes.
    let bytes = export::render(&makeup, Format::Ron, &Options::default());
    assert_eq!(bytes, export_cli(&path(ISSUE), Some(&path(FULL_LAYOUT)), "ron", &[]));
}

/// Every grid setting is exported as the issue file and the docs write it, bare: ron marks a
/// variant spelled like one of its words raw (`kinsoku: r#None`), which a reader of plain RON
/// refuses (found from outside). Read back, the file is the same layout and writes the same
/// bytes.
#[test]
fn ron_export_writes_grid_variants_bare_and_reads_back_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let sample = fs::read_to_string(path(ISSUE)).unwrap();
    let text = sample
        .replacen("depth: 100)", "depth: 100, kinsoku: None, punctuation: LineEnd, orphans: Allow)", 1)
        .replacen("depth: 100)", "depth: 100, kinsoku: Basic, punctuation: Kaiming)", 1);
    let issue = dir.path().join("issue.ron");
    fs::write(&issue, text).unwrap();
    let bytes = export_cli(&issue, None, "ron", &[]);
    let text = String::from_utf8(bytes).unwrap();
    assert!(!text.contains("r#"), "{text}");
    assert_eq!(text.matches("kinsoku: None,").count(), 1, "{text}");
    assert_eq!(text.matches("kinsoku: Basic,").count(), 1, "{text}");
    let finished: Finished = from_ron(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    let grids: Vec<_> = finished.pages.iter().map(|p| (p.grid.kinsoku, p.grid.punctuation, p.grid.orphans)).collect();
    assert_eq!(
        grids,
        [(Kinsoku::None, Punctuation::LineEnd, Orphans::Allow), (Kinsoku::Basic, Punctuation::Kaiming, Orphans::Avoid)]
    );
    assert_eq!(export::ron::write(&finished), text);
}

// ---------------------------------------------------------------- text

/// An issue that puts every hard case on two small pages: ambiguous characters (“ ” — … ×
/// ·), a notice, a photo without a file, an overset box, a box over the foot, a page with no
/// gutter.
fn hard_issue(dir: &Path, language: &str) -> PathBuf {
    let issue = format!(
        r#"Issue(
    paper: "测试日报 “Test”",
    date: "2024-01-01",
    language: "{language}",
    pages: [
        Page(number: 1, section: Some("要闻·测试"), grid: Grid(columns: 3, column_width: 7, gutter: 1, depth: 12)),
        Page(number: 2, grid: Grid(columns: 3, column_width: 6, gutter: 0, depth: 10)),
    ],
    items: [
        Article(id: "quotes", headline: "“引号”与——破折号", byline: "记者×2",
            body: ["他说：“好。”（完）省略号……和乘号2×3、间隔号·都是模糊宽度字符。", "第二段“引文”很长很长很长很长很长很长很长很长很长很长很长。"]),
        Notice(id: "notice", title: "公告", body: ["特此公告“通知”……"], signer: "某某单位", date: "2024年1月1日"),
        Photo(id: "photo", caption: "图片说明×2—测试", credit: "摄影 “某人”", span: 1, height: 3),
        Article(id: "narrow", headline: "无栏间距", body: ["“甲”乙丙丁戊己庚辛壬癸——子丑寅卯…辰巳午未申酉戌亥。"]),
    ],
)
"#
    );
    let layout = r#"Layout(
    issue: "hard.ron",
    pages: [
        PageLayout(number: 1, placements: [
            Placement(item: "quotes", column: 1, span: 2, line: 1, depth: Fixed(6)),
            Placement(item: "notice", column: 3, span: 1, line: 1, depth: Auto),
            Placement(item: "photo", column: 1, span: 1, line: 9, depth: Auto),
        ]),
        PageLayout(number: 2, placements: [
            Placement(item: "narrow", column: 2, span: 2, line: 1, depth: Auto),
        ]),
    ],
)
"#;
    fs::write(dir.join("hard.ron"), issue).unwrap();
    fs::write(dir.join("hard.layout.ron"), layout).unwrap();
    dir.join("hard.ron")
}

/// A line as the terminal lays it out: the column each grapheme starts at, and the width.
fn layout(line: &str, ambiwidth: AmbiWidth) -> (Vec<(usize, &str)>, usize) {
    let mut col = 0;
    let mut cells = Vec::new();
    for g in line.graphemes(true) {
        cells.push((col, g));
        col += match ambiwidth {
            AmbiWidth::Single => g.width(),
            AmbiWidth::Double => g.width_cjk(),
        };
    }
    (cells, col)
}

fn is_rule(g: &str) -> bool {
    g == "|" || g == "+"
}

/// Checks every page of a text export against its column ruler, measured in terminal columns:
/// every `|` stands on a column edge of the ruler (a wide character may cross an edge inside
/// a box spanning columns, never a frame), and each
/// row down to the foot has the page's left and right edges drawn and ends on the right one.
/// Returns the rows checked.
fn check_text_rules(text: &str, ambiwidth: AmbiWidth) -> usize {
    let mut checked = 0;
    let mut edges: Option<BTreeSet<usize>> = None;
    let mut depth_rows = true;
    for line in text.lines() {
        let body = line.split("  < ").next().unwrap();
        let trimmed = body.trim_start();
        if trimmed.starts_with('+') && trimmed.trim_end().ends_with('+') && !trimmed.contains(char::is_alphabetic) {
            let (cells, _) = layout(body, ambiwidth);
            let set: BTreeSet<usize> = cells.iter().filter(|(_, g)| is_rule(g)).map(|(c, _)| *c).collect();
            match &edges {
                // The foot ruler stands where the head ruler stands.
                Some(e) if depth_rows => {
                    assert_eq!(e, &set, "foot ruler:\n{line}");
                    depth_rows = false;
                }
                _ => {
                    edges = Some(set);
                    depth_rows = true;
                }
            }
            continue;
        }
        if line.starts_with("page ") {
            edges = None;
            continue;
        }
        let is_row = trimmed.split(' ').next().is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
        let Some(edges) = &edges else { continue };
        if !is_row {
            continue;
        }
        let (cells, width) = layout(body, ambiwidth);
        let (left, right) = (*edges.first().unwrap(), *edges.last().unwrap());
        for (col, g) in &cells {
            if *g == "|" {
                assert!(edges.contains(col), "rule at column {col}, not on a column edge {edges:?}:\n{line}");
            }
        }
        if depth_rows {
            let at = |col: usize| cells.iter().find(|(c, _)| *c == col).map(|(_, g)| *g);
            assert!(at(left).is_some_and(is_rule), "left edge missing:\n{line}");
            assert!(at(right).is_some_and(is_rule), "right edge missing:\n{line}");
            assert_eq!(width, right + 1, "row runs past the right edge:\n{line}");
        }
        assert!(width <= right + 1, "row wider than the page:\n{line}");
        checked += 1;
    }
    checked
}

#[test]
fn text_export_rules_stand_at_the_same_column_on_every_row() {
    let dir = tempfile::tempdir().unwrap();
    let mut cases: Vec<(PathBuf, Option<PathBuf>)> = layouts().into_iter().map(|l| (path(ISSUE), l)).collect();
    for lang in ["zh-Hans", "en"] {
        let sub = dir.path().join(lang);
        fs::create_dir(&sub).unwrap();
        cases.push((hard_issue(&sub, lang), None));
    }
    for (issue, layout) in &cases {
        for (flag, ambiwidth) in [("single", AmbiWidth::Single), ("double", AmbiWidth::Double)] {
            let text = String::from_utf8(export_cli(issue, layout.as_deref(), "text", &["--ambiwidth", flag])).unwrap();
            let rows = check_text_rules(&text, ambiwidth);
            assert!(rows >= 20, "{issue:?} {flag}: {rows} rows checked\n{text}");
            // Every page left both its edges on every row down to the foot.
            assert!(text.lines().filter(|l| l.contains("foot of the page")).count() >= 1);
        }
    }
}

/// Under `LineEnd` and `Kaiming` a mark set at half an em is drawn in a one-cell form
/// (docs/fit-accounting.md), so every rule still stands on its column edge.
#[test]
fn text_export_draws_halved_marks_in_one_cell_forms() {
    for style in ["LineEnd", "Kaiming"] {
        let dir = tempfile::tempdir().unwrap();
        let issue = hard_issue(dir.path(), "zh-Hans");
        let ron =
            fs::read_to_string(&issue).unwrap().replace("depth: 12)", &format!("depth: 12, punctuation: {style})"));
        fs::write(&issue, ron).unwrap();
        for (flag, ambiwidth) in [("single", AmbiWidth::Single), ("double", AmbiWidth::Double)] {
            let text = String::from_utf8(export_cli(&issue, None, "text", &["--ambiwidth", flag])).unwrap();
            assert!(check_text_rules(&text, ambiwidth) >= 20, "{style} {flag}\n{text}");
            // 说：“好。”（完）: ： before “ and 。 before ” are half an em, ” at the line's end and
            // （ at the next line's start too; ） only under Kaiming.
            assert!(text.contains("说:\"好｡\""), "{style} {flag}\n{text}");
            assert!(text.contains("(完"), "{style} {flag}\n{text}");
            assert_eq!(text.contains("完)"), style == "Kaiming", "{style} {flag}\n{text}");
        }
    }
}

/// With `hanging: true` a mark hung past the last leg's edge stands on the box's frame in
/// its one-cell form, where the frame would have overwritten it.
#[test]
fn text_export_keeps_a_hung_mark_on_the_frame() {
    let dir = tempfile::tempdir().unwrap();
    let issue = dir.path().join("hang.ron");
    fs::write(
        &issue,
        r#"Issue(paper: "T", date: "2026-01-01", pages: [
            Page(number: 1, grid: Grid(columns: 4, column_width: 6, gutter: 1, depth: 30, indent: 0, hanging: true))],
          items: [Article(id: "a", headline: "标题", body: ["一二三四五六，七八九十甲乙。丙丁戊己庚辛、壬癸子丑寅卯。辰巳午未申酉，戌亥天地玄黄。"])])"#,
    )
    .unwrap();
    fs::write(
        dir.path().join("hang.layout.ron"),
        r#"Layout(issue: "hang.ron", pages: [PageLayout(number: 1, placements: [
            Placement(item: "a", column: 1, span: 2, line: 1, depth: Auto)])])"#,
    )
    .unwrap();
    let text = String::from_utf8(export_cli(&issue, None, "text", &[])).unwrap();
    // The first leg's ， hangs into the gutter inside the box; the second leg's into the frame.
    assert!(text.contains("|一二三四五六，壬癸子丑寅卯｡"), "{text}");
    assert!(text.contains("|七八九十甲乙。辰巳午未申酉,"), "{text}");
    // Found from outside: where a punctuation style had drawn the mark in its half-width form
    // already, the last leg's hung mark was dropped.
    let full = fs::read_to_string(&issue).unwrap();
    for style in ["LineEnd", "Kaiming"] {
        fs::write(&issue, full.replace("hanging: true", &format!("hanging: true, punctuation: {style}"))).unwrap();
        let text = String::from_utf8(export_cli(&issue, None, "text", &[])).unwrap();
        assert!(text.contains("|一二三四五六, 壬癸子丑寅卯｡"), "{style}\n{text}");
        assert!(text.contains("辰巳午未申酉,"), "{style}\n{text}");
    }
}

/// Found from outside: under `Full` a `，` hung after text an odd number of cells short of the
/// measure (21 of 22) starts inside the box and runs past it, and the text export dropped it.
/// It stands on the frame in its one-cell form, as the editor draws it.
#[test]
fn text_export_keeps_a_mark_hung_after_an_odd_number_of_cells() {
    let dir = tempfile::tempdir().unwrap();
    let (issue, _) = export_support::hung_pair(dir.path(), "odd", "");
    let text = String::from_utf8(export_cli(&issue, None, "text", &[])).unwrap();
    // `—` is padded with a space on a single-width terminal; the cell before the frame is blank.
    assert!(text.contains("|（CAAM）统计，1— 11月 ,"), "{text}");
}

#[test]
fn text_export_pads_ambiguous_characters_as_the_screen_does() {
    let dir = tempfile::tempdir().unwrap();
    let issue = hard_issue(dir.path(), "zh-Hans");
    let single = String::from_utf8(export_cli(&issue, None, "text", &[])).unwrap();
    let double = String::from_utf8(export_cli(&issue, None, "text", &["--ambiwidth", "double"])).unwrap();
    // The 2-em headline is letter-spaced to its print width; “ ” — are padded on a
    // single-width terminal only.
    // The two halves of `——` stay together (found from outside: `—   —`).
    assert!(single.contains("“   引  号  ”   与  — —      "), "{single}");
    assert!(double.contains("“  引  号  ”  与  ——    "), "{double}");
    // The overset box and the box over the foot are marked.
    assert!(single.contains("quotes: -"), "{single}");
    assert!(single.contains("overset, "), "{single}");
    assert!(single.contains("photo: over the foot"), "{single}");
    assert!(single.contains("over the foot: photo"), "{single}");
    // An English issue measures “ ” as one cell: no padding on a single-width terminal.
    let sub = dir.path().join("en");
    fs::create_dir(&sub).unwrap();
    let en = String::from_utf8(export_cli(&hard_issue(&sub, "en"), None, "text", &[])).unwrap();
    assert!(en.contains("“ 引  号  ” 与"), "{en}");
}

/// An issue of one page with `grid` and one item (`item`, RON, whose id is `id`) placed at
/// column 1 of it, written in `dir`: the issue and its layout.
fn one_item_issue(dir: &Path, grid: &str, item: &str, id: &str) -> (PathBuf, PathBuf) {
    let issue = dir.join("one.ron");
    let text = format!(
        r#"Issue(paper: "测试报", date: "2024-01-01", pages: [Page(number: 1, grid: {grid})], items: [{item}])"#
    );
    fs::write(&issue, text).unwrap();
    let layout = dir.join("one.layout.ron");
    let placement = format!(r#"Placement(item: "{id}", column: 1, span: 1, line: 1, depth: Auto)"#);
    let layout_text = format!(r#"Layout(issue: "one.ron", pages: [PageLayout(number: 1, placements: [{placement}])])"#);
    fs::write(&layout, layout_text).unwrap();
    (issue, layout)
}

/// A notice's title, signer and date stand in its measure, 1 em inside the frame as its text
/// does: the title centred, the signer and date flush right 1 em from the frame (found from
/// outside: drawn from the frame, they stood 1 em left of where the engine set them).
#[test]
fn text_export_sets_a_notices_heads_and_foot_inside_its_frame() {
    let dir = tempfile::tempdir().unwrap();
    let notice =
        r#"Notice(id: "n", title: "公告", body: ["本单位公告一则。"], signer: Some("某单位"), date: Some("一月一日"))"#;
    let (issue, layout) =
        one_item_issue(dir.path(), "Grid(columns: 1, column_width: 10, gutter: 0, depth: 10)", notice, "n");
    let out = String::from_utf8(export_cli(&issue, Some(&layout), "text", &[])).unwrap();
    // Spaces between the frame and the text on the row holding `what`, left and right.
    let air = |what: &str| {
        let row = out.lines().find(|l| l.contains(what)).unwrap_or_else(|| panic!("{what} in\n{out}"));
        let inside = &row[row.find('|').unwrap() + 1..row.rfind('|').unwrap()];
        let left = inside.len() - inside.trim_start().len();
        let right = inside.len() - inside.trim_end().len();
        (left, right)
    };
    assert_eq!(air("公告"), (8, 8), "the title centred in the box");
    assert_eq!(air("某单位").1, 2, "the signer 1 em from the frame");
    assert_eq!(air("一月一日").1, 2, "the date 1 em from the frame");
    assert_eq!(air("本单位公告").0, 6, "the text 1 em in, indented 2 em");
}

/// A notice in a 2-em column is set at 1 em, ½ em in from each side (`fit::notice_measure`):
/// the RON export's measure and the page proof (the editor's text zoom) say so, as the fit does.
#[test]
fn a_narrow_notice_is_exported_at_the_measure_the_engine_set() {
    let dir = tempfile::tempdir().unwrap();
    let notice = r#"Notice(id: "n", title: "公告", body: ["联系宋先生"], signer: Some("医院"))"#;
    let (issue, layout) =
        one_item_issue(dir.path(), "Grid(columns: 2, column_width: 2, gutter: 1, depth: 20, indent: 0)", notice, "n");
    let (makeup, _) = makeup(&issue, Some(&layout));
    let finished = export::ron::finished(&makeup);
    let b = &finished.pages[0].boxes[0];
    assert_eq!((b.width_em, b.leg_width_em, b.depth_needed), (2, Some(1), 11), "1 em, a character a line");
    let out = String::from_utf8(export_cli(&issue, Some(&layout), "text", &[])).unwrap();
    for what in ["公", "联", "生", "院"] {
        let row = out.lines().find(|l| l.contains(what)).unwrap_or_else(|| panic!("{what} in\n{out}"));
        let inside = &row[row.find('|').unwrap() + 1..];
        assert_eq!(inside.len() - inside.trim_start().len(), 1, "{what}: ½ em in\n{out}");
    }
}

#[test]
fn text_export_holds_the_set_lines_of_every_box() {
    let (makeup, _) = makeup(&path(ISSUE), Some(&path(FULL_LAYOUT)));
    let text = String::from_utf8(export::render(&makeup, Format::Text, &Options::default())).unwrap();
    let finished = export::ron::finished(&makeup);
    for page in &finished.pages {
        for b in &page.boxes {
            for leg in b.legs.iter().flatten() {
                for line in leg {
                    // A line is found on its row, padded for the single-width terminal.
                    let padded: String = line
                        .text()
                        .chars()
                        .flat_map(|c| {
                            let pad = matches!(c, '“' | '”' | '‘' | '’' | '—' | '…' | '×' | '·');
                            std::iter::once(c).chain(pad.then_some(' '))
                        })
                        .collect();
                    assert!(text.contains(&padded), "{}: {padded}", b.id);
                }
            }
        }
    }
    assert!(text.contains("yangqu-seven-projects: -3 overset, 62 characters cut"), "{text}");
    assert!(text.contains("bin: empty"));
}

/// Found from outside: `👩‍🚀` was cut as `👩‍` and `🚀` and drawn over two rows of a 1-em
/// column. An emoji ZWJ sequence is one grapheme of one em: one row of the text proof between
/// the frame's bars, one 1-em box in the HTML proof, one line of the RON export.
#[test]
fn emoji_sequences_are_drawn_whole_in_one_em() {
    let dir = tempfile::tempdir().unwrap();
    let sequences = ["👩\u{200D}🚀", "🏳\u{FE0F}\u{200D}🌈", "🏳\u{200D}🌈", "👩🏿\u{200D}🚀", "👨\u{200D}👩\u{200D}👧"];
    let body = format!("一{}二", sequences.concat());
    let item = format!(r#"Article(id: "a", headline: "测", body: ["{body}"])"#);
    let grid = "Grid(columns: 4, column_width: 1, gutter: 1, depth: 20, indent: 0)";
    let (issue, layout) = one_item_issue(dir.path(), grid, &item, "a");
    let text = String::from_utf8(export_cli(&issue, Some(&layout), "text", &[])).unwrap();
    let html = String::from_utf8(export_cli(&issue, Some(&layout), "html", &[])).unwrap();
    let ron = String::from_utf8(export_cli(&issue, Some(&layout), "ron", &[])).unwrap();
    let finished = from_ron(&ron).unwrap();
    let lines: Vec<(String, u32)> =
        finished.pages[0].boxes[0].legs.iter().flatten().flatten().map(|l| (l.text().to_string(), l.1)).collect();
    let doc = Html::parse_document(&html);
    let boxed: Vec<String> = doc.select(&sel("span.k")).map(|e| e.text().collect()).collect();
    for seq in sequences {
        assert!(text.lines().any(|row| row.contains(&format!("|{seq}|"))), "{seq:?} on a row of its own:\n{text}");
        assert!(boxed.iter().any(|b| b == seq), "{seq:?} boxed whole: {boxed:?}");
        assert!(lines.contains(&(seq.to_string(), 2)), "{seq:?} one line of 2 cells: {lines:?}");
    }
    let one_em = format!(r#"<span class="k" style="width: 1em;">{}</span>"#, sequences[0]);
    assert!(html.contains(&one_em), "an em wide");
}

// ---------------------------------------------------------------- HTML

fn sel(css: &str) -> Selector {
    Selector::parse(css).unwrap()
}

fn joined(lines: &[Line]) -> String {
    lines.iter().map(Line::text).collect()
}

#[test]
fn html_export_holds_every_placed_items_text_exactly_once() {
    for layout in layouts() {
        let html = String::from_utf8(export_cli(&path(ISSUE), layout.as_deref(), "html", &[])).unwrap();
        let doc = Html::parse_document(&html);
        assert!(doc.errors.is_empty() || doc.errors.iter().all(|e| !e.contains("Unexpected")), "{:?}", doc.errors);
        // Headlines in the heads face, as the press PDF sets them (found from outside: serif).
        assert!(html.contains(".headline { font-family: var(--sans);"), "the headline face");
        let body = doc.select(&sel("body")).next().unwrap();
        // Whitespace between elements is layout; a space in a line (a half-width run of its own) is text.
        let all_text: String = body.text().filter(|t| !(t.trim().is_empty() && t.contains('\n'))).collect();
        let (makeup, _) = makeup(&path(ISSUE), layout.as_deref());
        let finished = export::ron::finished(&makeup);
        let mut expected_lines = 0;
        for page in &finished.pages {
            let section = doc.select(&sel(&format!(r#"section.page[data-page="{}"]"#, page.number))).count();
            assert_eq!(section, 1, "page {}", page.number);
            for b in &page.boxes {
                let boxes: Vec<ElementRef> = doc.select(&sel(&format!(r#".box[data-item="{}"]"#, b.id))).collect();
                assert_eq!(boxes.len(), 1, "{}", b.id);
                // Every line of the item, in the box or (cut) under the page, exactly once.
                let mut want: Vec<String> = Vec::new();
                for block in b.heads.iter().flatten().chain(b.foot.iter().flatten()) {
                    want.extend(block.lines.iter().map(|l| l.text().to_string()));
                }
                for leg in b.legs.iter().flatten() {
                    want.extend(leg.iter().map(|l| l.text().to_string()));
                }
                want.extend(b.overset.iter().flatten().map(|l| l.text().to_string()));
                let mut got: Vec<String> = doc
                    .select(&sel(&format!(r#"[data-item="{}"] .line"#, b.id)))
                    .map(|e| e.text().collect::<String>())
                    .collect();
                want.sort();
                got.sort();
                assert_eq!(got, want, "{}", b.id);
                expected_lines += want.len();
                // The body as set, leg after leg, and the cut lines each stand once in the page.
                let legs: String = b.legs.iter().flatten().map(|l| joined(l)).collect();
                if legs.chars().count() > 6 {
                    assert_eq!(all_text.matches(&legs).count(), 1, "{}: {legs}", b.id);
                }
                if !b.overset.as_deref().unwrap_or_default().is_empty() {
                    assert_eq!(
                        all_text.matches(&joined(b.overset.as_deref().unwrap_or_default())).count(),
                        1,
                        "{}",
                        b.id
                    );
                    assert!(boxes[0].value().classes().any(|c| c == "overset"), "{} marked overset", b.id);
                }
                let heads: String = b.heads.iter().flatten().map(|h| joined(&h.lines)).collect();
                if heads.chars().count() > 6 {
                    assert_eq!(all_text.matches(&heads).count(), 1, "{}: {heads}", b.id);
                }
            }
        }
        // No line of text anywhere but in the placed items.
        assert_eq!(doc.select(&sel(".line")).count(), expected_lines);
        // Self-contained: no script, every source inlined.
        assert_eq!(doc.select(&sel("script, link")).count(), 0);
        for e in doc.select(&sel("[src], [href]")) {
            let v = e.value();
            let url = v.attr("src").or(v.attr("href")).unwrap();
            assert!(url.starts_with("data:image/"), "external resource {url:.40}");
        }
        let photos: usize = finished.pages.iter().flat_map(|p| &p.boxes).filter(|b| b.image.is_some()).count();
        assert_eq!(doc.select(&sel("img")).count(), photos);
        assert!(html.contains("\"Noto Serif CJK SC\", \"Source Han Serif SC\", \"Source Han Serif\", \"SimSun\""));
    }
}

/// The number after `property: ` in a style attribute (`width: 1.5em;` gives 1.5).
fn style_len(style: &str, property: &str) -> Option<f64> {
    let at = style.find(&format!("{property}: "))? + property.len() + 2;
    let rest = &style[at..];
    rest[..rest.find(|c: char| !(c.is_ascii_digit() || c == '.'))?].parse().ok()
}

/// Print-true without a browser: a line's runs, plain full-width text at 1 em a character
/// and spans at their forced widths, add up to the cells the engine counted (`data-cells`),
/// and its lead and runs fit its measure (docs/formats.md, "The HTML proof").
#[test]
fn html_lines_add_up_to_the_cells_the_engine_counted_and_fit_their_measure() {
    let dir = tempfile::tempdir().unwrap();
    let mut cases = vec![(path(ISSUE), Some(path(FULL_LAYOUT)))];
    for language in ["zh-Hans", "ja", "en"] {
        let sub = dir.path().join(language);
        fs::create_dir(&sub).unwrap();
        cases.push((hard_issue(&sub, language), Some(sub.join("hard.layout.ron"))));
    }
    let mut lines = 0;
    for (issue, layout) in cases {
        let html = String::from_utf8(export_cli(&issue, layout.as_deref(), "html", &[])).unwrap();
        let doc = Html::parse_document(&html);
        for line in doc.select(&sel(".line")) {
            let style = line.value().attr("style").unwrap();
            let width = style_len(style, "width").unwrap();
            let lead = style_len(style, "padding-left").unwrap_or(0.0);
            let size = line
                .ancestors()
                .filter_map(ElementRef::wrap)
                .find_map(|e| e.value().attr("style").and_then(|s| style_len(s, "font-size")))
                .unwrap_or(1.0);
            let mut em = 0.0;
            for child in line.children() {
                if let Some(text) = child.value().as_text() {
                    em += text.width_cjk() as f64 / 2.0;
                } else if let Some(span) = ElementRef::wrap(child) {
                    em += match span.value().attr("style") {
                        Some(style) => style_len(style, "width").unwrap(),
                        None => 0.5 * span.text().collect::<String>().chars().count() as f64,
                    };
                }
            }
            let cells: f64 = line.value().attr("data-cells").unwrap().parse().unwrap();
            assert_eq!(em * 2.0, cells, "{}", line.html());
            assert!(lead + em * size <= width, "{} em past the measure: {}", lead + em * size - width, line.html());
            lines += 1;
        }
    }
    assert!(lines > 500, "{lines} lines");
}

#[test]
fn html_export_marks_over_the_foot_and_escapes_text() {
    let dir = tempfile::tempdir().unwrap();
    let issue = hard_issue(dir.path(), "zh-Hans");
    let text = fs::read_to_string(&issue).unwrap().replace("记者×2", "记者<b>&amp;</b>");
    fs::write(&issue, text).unwrap();
    let html = String::from_utf8(export_cli(&issue, None, "html", &[])).unwrap();
    assert!(html.contains("&lt;b&gt;"));
    let doc = Html::parse_document(&html);
    assert_eq!(doc.select(&sel("b")).count(), 0);
    let photo = doc.select(&sel(r#".box.over-foot[data-item="photo"]"#)).count();
    assert_eq!(photo, 1);
    assert_eq!(doc.select(&sel(".past-foot")).count(), 1);
    assert_eq!(doc.select(&sel(r#".box.overset[data-item="quotes"]"#)).count(), 1);
    assert_eq!(doc.select(&sel(r#".cut[data-item="quotes"]"#)).count(), 1);
    // A photo without a file is a labelled frame.
    assert_eq!(doc.select(&sel(".picture.frame")).count(), 1);
}

/// The HTML proof shows what the press PDF prints. Found from outside: a photo deeper than its
/// box showed its top, where the PDF crops about the middle; its overset credit was counted
/// and not listed; a damaged image showed the browser's broken-image mark, where the PDF
/// draws a grey frame; and rows past the foot printed on a sheet of their own.
#[test]
fn html_export_shows_a_photo_as_the_pdf_prints_it() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("snow.png"), pasteup_core::sample::image("../assets/snow-traffic.png").unwrap()).unwrap();
    let photo =
        r#"Photo(id: "p", caption: "交警雪中疏导交通。", credit: Some("张晋峰 摄"), file: Some("snow.png"), span: 1)"#;
    let grid = "Grid(columns: 1, column_width: 10, gutter: 0, depth: 10)";
    let (issue, layout) = one_item_issue(dir.path(), grid, photo, "p");
    let text = fs::read_to_string(&layout).unwrap().replace("depth: Auto", "depth: Fixed(4)");
    fs::write(&layout, text).unwrap();
    let html = String::from_utf8(export_cli(&issue, Some(&layout), "html", &[])).unwrap();
    let doc = Html::parse_document(&html);
    let picture = doc.select(&sel(".box .picture")).next().expect("the picture");
    assert_eq!(style_len(picture.value().attr("style").unwrap(), "height"), Some(6.0), "4 lines of 1.5 rem");
    assert!(picture.select(&sel("img")).next().is_some(), "the image inlined");
    let cut: Vec<String> = doc.select(&sel(r#".cut[data-item="p"] .line"#)).map(|l| l.text().collect()).collect();
    assert_eq!(cut, ["交警雪中疏导交通。", "张晋峰 摄"]);
    // Damaged, it is the labelled frame a missing file is.
    fs::write(dir.path().join("snow.png"), b"\x89PNG\r\n\x1a\njunk").unwrap();
    let html = String::from_utf8(export_cli(&issue, Some(&layout), "html", &[])).unwrap();
    assert!(html.contains("[photo: snow.png]") && !html.contains("data:image"), "{html}");
    // Past the foot: the page's sheet is deeper by the rows past it and the badge under them.
    let text = fs::read_to_string(&layout).unwrap().replace("line: 1,", "line: 9,");
    fs::write(&layout, text).unwrap();
    let html = String::from_utf8(export_cli(&issue, Some(&layout), "html", &[])).unwrap();
    let sheet = |html: &str| html.lines().find(|l| l.starts_with("@page p1")).map(str::to_string).unwrap();
    let past = sheet(&html);
    let text = fs::read_to_string(&layout).unwrap().replace("line: 9,", "line: 1,");
    fs::write(&layout, text).unwrap();
    let within = sheet(&String::from_utf8(export_cli(&issue, Some(&layout), "html", &[])).unwrap());
    let height = |page: &str| page.split_whitespace().nth(5).unwrap().trim_end_matches("pt;").parse::<u32>().unwrap();
    // Lines 9–12 of 10: 2 lines past the foot and 1 for the badge, 4.5 em, 5 whole em of 9 pt.
    assert_eq!(height(&past) - height(&within), 45, "{past} / {within}");
}

/// A photo past the foot shows the rows of its picture above the foot, and its caption and
/// credit stand on their own lines below, in the rows drawn past the foot (found from
/// outside: the picture was cut at the foot and the caption drawn straight under it, 2 lines
/// above where `check` and `proof` set it).
#[test]
fn html_export_keeps_a_photo_past_the_foot_on_its_lines() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("snow.png"), pasteup_core::sample::image("../assets/snow-traffic.png").unwrap()).unwrap();
    let photo = r#"Photo(id: "p", caption: "交警雪中疏导交通。", credit: Some("张晋峰 摄"), file: Some("snow.png"), span: 1, height: Some(6))"#;
    let grid = "Grid(columns: 1, column_width: 10, gutter: 0, depth: 10)";
    let (issue, layout) = one_item_issue(dir.path(), grid, photo, "p");
    // Lines 7–14 of a 10-line page: the picture on 7–12 (4 rows above the foot), the caption
    // on 13 and the credit on 14.
    let text = fs::read_to_string(&layout).unwrap().replace("line: 1,", "line: 7,");
    fs::write(&layout, text).unwrap();
    let html = String::from_utf8(export_cli(&issue, Some(&layout), "html", &[])).unwrap();
    let doc = Html::parse_document(&html);
    let clip = doc.select(&sel(r#".box[data-item="p"] .clip"#)).next().expect("the box");
    let picture = clip.select(&sel(".picture")).next().expect("the picture");
    assert_eq!(style_len(picture.value().attr("style").unwrap(), "height"), Some(6.0), "4 rows above the foot");
    let above_caption: f64 = clip
        .children()
        .filter_map(ElementRef::wrap)
        .take_while(|e| !e.value().classes().any(|c| c == "legs"))
        .map(|e| style_len(e.value().attr("style").unwrap_or(""), "height").unwrap_or(0.0))
        .sum();
    assert_eq!(above_caption, 9.0, "the caption starts 6 lines of 1.5 rem under the box's top");
}

/// A byline that wraps is set flush right on every line, so no line of it is justified, nor
/// spread in the press PDF (found from outside: its first line was `line j`).
#[test]
fn a_wrapped_byline_is_never_justified() {
    let dir = tempfile::tempdir().unwrap();
    let article = r#"Article(id: "by", headline: "简讯", body: ["本报讯 全市春耕备耕工作全面展开。"], byline: Some("记者 王晓明 通讯员 李青"))"#;
    let (issue, layout) =
        one_item_issue(dir.path(), "Grid(columns: 2, column_width: 8, gutter: 1, depth: 12)", article, "by");
    let html = String::from_utf8(export_cli(&issue, Some(&layout), "html", &[])).unwrap();
    let doc = Html::parse_document(&html);
    let lines: Vec<_> = doc.select(&sel(".body .line")).collect();
    let text = |e: &scraper::ElementRef| e.text().collect::<String>();
    let byline: Vec<_> = lines.iter().filter(|l| ["（记者", "李青）"].iter().any(|b| text(l).contains(b))).collect();
    assert_eq!(byline.len(), 2, "the byline wraps: {:?}", lines.iter().map(text).collect::<Vec<_>>());
    for line in byline {
        assert!(!line.value().classes().any(|c| c == "j"), "justified byline line {}", text(line));
    }
    // The body's own first line is justified: the rule is the byline's, not the leg's.
    assert!(lines[0].value().classes().any(|c| c == "j"));
}

// ---------------------------------------------------------------- failures

fn leftovers(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

#[test]
fn failed_exports_leave_nothing_behind_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let issue = path(ISSUE);
    let run = |out: &Path| pasteup(&["export", s(&issue), "--format", "html", "-o", s(out)]);

    // OUT in a folder that does not exist.
    let o = run(&dir.path().join("missing/proof.html"));
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("missing/proof.html") && err.contains("missing does not exist; make it first"), "{err}");
    assert!(!dir.path().join("missing").exists());

    // OUT whose parent is a regular file.
    fs::write(dir.path().join("not-a-folder"), "x").unwrap();
    let o = run(&dir.path().join("not-a-folder/proof.html"));
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("not-a-folder/proof.html"));
    assert_eq!(fs::read_to_string(dir.path().join("not-a-folder")).unwrap(), "x");

    // OUT is a folder: the rename fails and the folder stays as it was.
    fs::create_dir(dir.path().join("folder")).unwrap();
    let o = run(&dir.path().join("folder"));
    assert_eq!(o.status.code(), Some(2));
    assert!(dir.path().join("folder").is_dir());
    assert_eq!(leftovers(&dir.path().join("folder")), Vec::<String>::new());

    // The disk fills up mid-write (a 1 KiB file size limit, the signal ignored so the write
    // fails with EFBIG): an existing OUT is kept intact.
    let old = dir.path().join("proof.html");
    fs::write(&old, "the old proof").unwrap();
    let script = "trap '' XFSZ; ulimit -f 1; exec \"$0\" export \"$1\" --format html -o \"$2\"";
    let o =
        Command::new("sh").args(["-c", script, env!("CARGO_BIN_EXE_pasteup"), s(&issue), s(&old)]).output().unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stderr).contains("cannot write"), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(fs::read_to_string(&old).unwrap(), "the old proof");

    // No temporary file anywhere.
    assert_eq!(leftovers(dir.path()), ["folder", "not-a-folder", "proof.html"]);

    // And a good export replaces it whole.
    let o = run(&old);
    assert!(o.status.success());
    assert!(fs::read_to_string(&old).unwrap().starts_with("<!DOCTYPE html>"));
    assert_eq!(leftovers(dir.path()), ["folder", "not-a-folder", "proof.html"]);
}

#[test]
fn unusable_input_exits_2_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.ron");
    let o = pasteup(&["export", s(&dir.path().join("nope.ron")), "--format", "ron", "-o", s(&out)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!out.exists());
    let o = pasteup(&["export", s(&path(ISSUE)), "--format", "docx", "-o", s(&out)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(leftovers(dir.path()).is_empty());
}

#[test]
fn library_write_is_atomic_and_readable() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("p.txt");
    let (makeup, assets) = makeup(&path(ISSUE), None);
    let bytes = export::render(&makeup, Format::Text, &Options { ambiwidth: AmbiWidth::Single, assets });
    export::write(&out, &bytes).unwrap();
    assert_eq!(fs::read(&out).unwrap(), bytes);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(fs::metadata(&out).unwrap().permissions().mode() & 0o777, 0o644);
    }
    assert!(export::write(&dir.path().join("no/p.txt"), &bytes).is_err());
    assert_eq!(leftovers(dir.path()), ["p.txt"]);
}

/// Found from outside: `-o -` wrote a file named `-`, and a pipe whose reader stopped early
/// (`-o /dev/stdout | head -1`) was exit 2, "nothing was written".
#[test]
fn dash_is_standard_output_and_a_reader_that_stops_early_is_no_failure() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("x.ron");
    let layout = path(FULL_LAYOUT);
    let to_file = pasteup(&["export", ISSUE, "--layout", s(&layout), "--format", "ron", "-o", s(&file)]);
    assert_eq!(to_file.status.code(), Some(0));
    let to_stdout = pasteup(&["export", ISSUE, "--layout", s(&layout), "--format", "ron", "-o", "-"]);
    assert_eq!(to_stdout.status.code(), Some(0));
    assert_eq!(to_stdout.stdout, fs::read(&file).unwrap());
    // Far more than a pipe holds (64 KiB): the reader takes one byte and goes.
    let (ron, mut big) = pasteup_core::generate::generate_issue(20, 600, 1);
    let issue = dir.path().join("big.ron");
    fs::write(&issue, ron).unwrap();
    big.issue = "big.ron".into();
    let big_layout = dir.path().join("big.layout.ron");
    fs::write(&big_layout, pasteup_core::format::to_ron_string(&big)).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_pasteup"))
        .args(["export", s(&issue), "--layout", s(&big_layout), "--format", "text", "-o", "/dev/stdout"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut one = [0u8; 1];
    std::io::Read::read_exact(&mut stdout, &mut one).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}
