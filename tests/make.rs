//! Automatic make-up (docs/make.md): the sample made from an empty layout by its page plan
//! (golden), properties over generated issues with page plans, and `pasteup make` itself.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "a test fails loudly")]

use std::path::Path;
use std::process::Command;

use pasteup_core::catalogue::UiLang;
use pasteup_core::document::builtin_sample;
use pasteup_core::fit::BlockKind;
use pasteup_core::format::{self, to_ron_string};
use pasteup_core::generate::{generate_issue, generate_planned_issue};
use pasteup_core::layout::make::{LeftReason, MadePage, MakeReport};
use pasteup_core::layout::{MakeOptions, Makeup, ResolvedBox};
use pasteup_core::model::{Issue, Item, ItemKind, Layout, PageLayout};

const BIN: &str = env!("CARGO_BIN_EXE_pasteup");

fn empty() -> Layout {
    Layout { issue: String::new(), pages: Vec::new(), conflicts: Vec::new() }
}

fn make(desk: &mut Makeup, options: &MakeOptions) -> MakeReport {
    desk.make(options, &mut |_, _, _| {}).unwrap().0
}

/// The headline's lines on the page, [first, end), of an article box.
fn headline(b: &ResolvedBox) -> Option<(u32, u32)> {
    let mut top = b.line;
    for block in &b.set.heads {
        if block.kind == BlockKind::Headline {
            return Some((top, top + block.depth));
        }
        top += block.depth;
    }
    None
}

/// Pairs of articles side by side whose headlines share a line (碰题).
fn tombstones(boxes: &[ResolvedBox]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for a in boxes.iter().filter(|b| b.kind == ItemKind::Article) {
        for b in boxes.iter().filter(|b| b.kind == ItemKind::Article) {
            let touch = a.column + a.span == b.column;
            let (Some(ha), Some(hb)) = (headline(a), headline(b)) else { continue };
            if touch && ha.0 < hb.1 && hb.0 < ha.1 {
                out.push((a.item.clone(), b.item.clone()));
            }
        }
    }
    out
}

fn with_of(issue: &Issue, id: &str) -> Option<String> {
    match issue.item(id)? {
        Item::Photo(p) => p.with.clone(),
        _ => None,
    }
}

#[test]
fn the_sample_from_empty_is_made_by_its_page_plan() {
    let opened = builtin_sample();
    let mut desk = Makeup::new(opened.issue, &empty());
    let report = make(&mut desk, &MakeOptions::default());
    assert!(report.complete(), "{report:#?}");
    assert_eq!(report.placed(), 12, "every item of the sample is planned and placed");
    assert!(desk.validate().is_empty(), "{:?}", desk.validate());
    assert!(desk.bin().is_empty());
    for (page, lead) in [(3, "jinyuan-livable"), (4, "snow-clearing")] {
        let boxes = desk.resolved(page);
        let lead = boxes.iter().find(|b| b.item == lead).unwrap();
        assert_eq!((lead.line, lead.column), (1, 1), "the lead at the top of page {page}");
        assert!(lead.span >= 4, "the lead at its widest sensible span: {}", lead.span);
        assert!(tombstones(&boxes).is_empty(), "{:?}", tombstones(&boxes));
        for b in &boxes {
            assert!((0..=2).contains(&b.fit.lines()), "{} fits or is at most 2 short: {}", b.item, b.fit.lines());
        }
    }
    let page4 = desk.resolved(4);
    for notice in page4.iter().filter(|b| b.kind == ItemKind::Notice) {
        assert_eq!(notice.last_line(), 100, "{} stands at the foot", notice.item);
    }
    let photo = page4.iter().find(|b| b.item == "snow-traffic").unwrap();
    let article = page4.iter().find(|b| b.item == "traffic-police").unwrap();
    let under = photo.line == article.below() && photo.column < article.column + article.span;
    let beside = photo.column + photo.span == article.column || article.column + article.span == photo.column;
    assert!(under || beside, "the photo under or beside its story: {photo:?} {article:?}");
    // No column is left empty from line 1 to the foot beside the six-column lead: white room at
    // the head of a page reads worse than at its foot (counting the order among planned items
    // once left columns 7–8 empty and moved the traffic police story from line 3 to line 36).
    for column in 1..=8 {
        let top = page4.iter().filter(|b| (b.column..b.column + b.span).contains(&column)).map(|b| b.line).min();
        assert!(top.is_some_and(|line| line <= 11), "column {column} of page 4 starts at line {top:?}");
    }
    insta::assert_snapshot!("make_sample_report", pasteup::cli::make::report_text(&report, UiLang::En));
}

#[test]
fn m_on_a_page_takes_only_what_is_planned_for_it_and_is_one_undo_step() {
    let opened = builtin_sample();
    let mut desk = Makeup::new(opened.issue, &empty());
    let options = MakeOptions { pages: vec![4], from_empty: false, cut: false };
    let report = make(&mut desk, &options);
    let placed: Vec<&str> = report.pages[0].placed.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(placed.len(), 8, "{placed:?}");
    assert!(desk.placements(3).is_empty(), "page 3's items stay in the bin");
    assert_eq!(desk.bin().len(), 4);
    desk.undo().unwrap();
    assert_eq!(desk.bin().len(), 12, "one undo step");
    assert!(!desk.can_undo());
}

/// `count` unplanned briefs (fillers) and one empty page of 5 columns, `depth` lines deep.
fn fillers_issue(count: usize, depth: u32) -> Issue {
    let body = "国家统计局3月15日发布数据显示，1—2月份全国规模以上工业增加值同比增长2.4%。专家建议，加大对小微企业的支持力度。";
    let items: Vec<String> =
        (1..=count).map(|k| format!(r#"Article(id: "f{k}", headline: "填空稿件{k}", body: ["{body}"])"#)).collect();
    let ron = format!(
        r#"Issue(paper: "MK", date: "2023-03-15", pages: [Page(number: 3, grid: Grid(columns: 5, column_width: 13, gutter: 1, depth: {depth}))], items: [{}])"#,
        items.join(", ")
    );
    format::parse_issue(Path::new("fillers.ron"), &ron).unwrap()
}

/// Found from outside: an empty page and seven fillers, too little copy to fill it, left all
/// seven in the bin ("no room"): the empty page has no holes, and holes counted first.
#[test]
fn fillers_too_few_to_fill_an_empty_page_are_all_placed() {
    let issue = fillers_issue(7, 80);
    let mut desk = Makeup::new(issue, &empty());
    let report = make(&mut desk, &MakeOptions::default());
    assert_eq!(report.pages[0].placed.len(), 7, "{report:?}");
    assert!(desk.bin().is_empty());
}

/// Found from outside: fillers past the first twelve were never offered to a page they could
/// help fill, the report called the page short of copy and said "no room" for them. A page
/// is offered fillers until the copy offered could fill it; one no page needed is `not_offered`.
#[test]
fn fillers_past_twelve_are_offered_while_the_page_needs_copy() {
    use pasteup_core::layout::make::LeftReason;
    let issue = fillers_issue(40, 40);
    let mut desk = Makeup::new(issue, &empty());
    let report = make(&mut desk, &MakeOptions::default());
    let page = &report.pages[0];
    assert!(page.placed.len() > 12, "{} placed: {report:?}", page.placed.len());
    assert!(page.offered_lines >= u64::from(page.open_lines), "{report:?}");
    assert!(!report.bin.is_empty(), "40 briefs are more than the page holds");
    let offered_and_left = report.bin.iter().filter(|l| l.reason == LeftReason::NoRoom).count();
    let not_offered = report.bin.iter().filter(|l| l.reason == LeftReason::NotOffered).count();
    assert_eq!(offered_and_left + not_offered, report.bin.len(), "{:?}", report.bin);
    assert!(not_offered > 0, "{:?}", report.bin);
}

/// A generated issue with a page plan, and a layout keeping each page's first box when it
/// stands within the foot (the rest in the bin).
/// Every rule docs/make.md promises of a page made: no 碰题, each box placed fits (or is a
/// line or two short) above the foot, legs of 6 to 60 lines, a photo under or beside its
/// article, notices at the foot.
fn assert_made_by_the_rules(issue: &Issue, desk: &Makeup, made: &MadePage, label: &str) {
    let boxes = desk.resolved(made.number);
    let depth = issue.pages.iter().find(|p| p.number == made.number).unwrap().grid.depth;
    assert!(tombstones(&boxes).is_empty(), "{label} page {}: {:?}", made.number, tombstones(&boxes));
    for p in &made.placed {
        let b = boxes.iter().find(|b| b.item == p.id).unwrap();
        assert!((0..=2).contains(&b.fit.lines()) && !b.over_foot, "{label}: {} fits", b.item);
        // Every leg, not only the deepest: balancing leaves the last legs a line short.
        let legs: Vec<usize> = b.set.legs_at(b.depth).iter().map(|leg| leg.len()).collect();
        if b.kind == ItemKind::Article && b.set.body_depth() >= 6 {
            assert!(legs.iter().all(|l| (6..=60).contains(l)), "{label}: {} legs {legs:?}", b.item);
        }
        if let Some(a) = with_of(issue, &p.id).and_then(|a| boxes.iter().find(|b| b.item == a)) {
            let under = b.line == a.below() && b.column < a.column + a.span && a.column < b.column + b.span;
            let side = b.column + b.span == a.column || a.column + a.span == b.column;
            let beside = side && b.line < a.below() && a.line < b.below();
            assert!(under || beside, "{label}: {} with {}", b.item, a.item);
        }
        if b.kind == ItemKind::Notice {
            assert_eq!(b.last_line(), depth, "{label}: {} at the foot", b.item);
        }
    }
}

fn planned(pages: usize, items: usize, seed: u64) -> (Issue, Layout) {
    let (ron, generated) = generate_planned_issue(pages, items, seed);
    let issue = format::parse_issue(Path::new("generated.ron"), &ron).unwrap();
    let mut kept = empty();
    let desk = Makeup::new(issue.clone(), &generated);
    for page in &generated.pages {
        let first = desk.resolved(page.number).into_iter().find(|b| b.line == 1 && !b.over_foot);
        let placements = first.map(|b| desk.placement_of(&b.item).unwrap().1).into_iter().collect();
        kept.pages.push(PageLayout { number: page.number, placements });
    }
    (issue, kept)
}

#[test]
fn made_pages_pass_check_keep_the_rules_and_the_kept_boxes_and_repeat_byte_for_byte() {
    for seed in [1, 2, 3] {
        let (issue, kept) = planned(3, 90, seed);
        let mut desk = Makeup::new(issue.clone(), &kept);
        let report = make(&mut desk, &MakeOptions::default());
        assert!(desk.validate().is_empty(), "seed {seed}: {:?}", desk.validate());
        for page in &kept.pages {
            for p in &page.placements {
                assert_eq!(desk.placement_of(&p.item), Some((page.number, p.clone())), "seed {seed}: kept");
            }
        }
        for made in &report.pages {
            assert_made_by_the_rules(&issue, &desk, made, &format!("seed {seed}"));
            assert!(made.copy_enough(), "seed {seed} page {}: the generator offers more copy than room", made.number);
            assert!(made.filled(), "seed {seed} page {}: {} free lines, over 2%", made.number, made.free_lines);
        }
        let again = {
            let mut desk = Makeup::new(issue.clone(), &kept);
            make(&mut desk, &MakeOptions::default());
            to_ron_string(&desk.to_layout("generated.ron"))
        };
        assert_eq!(to_ron_string(&desk.to_layout("generated.ron")), again, "seed {seed}: the same bytes");
    }
}

/// Found from outside: on a page of 2 columns of 4 em, 20 lines, an unplanned notice put at
/// the foot first left the planned lead (2 columns, 13 lines) no place at line 1, and the lead
/// went to the bin, "no room", while the notice and a filler took the page.
#[test]
fn a_notice_at_the_foot_does_not_keep_the_planned_lead_off_the_page() {
    let ron = r#"Issue(paper: "测试报", date: "2023-02-10", pages: [
        Page(number: 1, grid: Grid(columns: 2, column_width: 4, gutter: 1, depth: 20))],
      items: [
        Article(id: "lead", page: Some(1), priority: Some(1), headline: "新闻标题测试",
          body: ["本市今日召开会议研究部署相关工作要求各部。", "议研究部署相关工作要求各部门认真落实推动。工作要求各部门认真落实推动高质量发展持续。"]),
        Article(id: "f1", headline: "新闻标题测试", body: ["本市今日召开会议。"]),
        Notice(id: "fn", title: "公告", body: ["本市今日召开会议研究部署相关工作要求各部门认真落实推动高质量。"],
          signer: Some("某单位"), date: Some("2023年2月10日"))])"#;
    let issue = format::parse_issue(Path::new("lead.ron"), ron).unwrap();
    let mut desk = Makeup::new(issue, &empty());
    let report = make(&mut desk, &MakeOptions { pages: vec![1], from_empty: true, cut: false });
    let lead = desk.resolved(1).into_iter().find(|b| b.item == "lead");
    let lead = lead.unwrap_or_else(|| panic!("the lead is left: {:?}", report.pages[0].left));
    assert_eq!((lead.column, lead.span, lead.line), (1, 2, 1));
    assert!(report.pages[0].broken.is_empty(), "{:?}", report.pages[0].broken);
}

/// Found from outside: a brief kept at columns 3–4, line 1, left the lead no place half the
/// page wide at line 1; make set it 3 columns wide of 8 and reported no rule broken, where the
/// rules say it stands at least half the page wide or the report says so.
#[test]
fn a_lead_kept_from_half_the_page_is_reported() {
    let opened = builtin_sample();
    let layout = Layout {
        issue: String::new(),
        pages: vec![PageLayout {
            number: 3,
            placements: vec![pasteup_core::model::Placement::new(
                "yangqu-seven-projects",
                3,
                2,
                1,
                pasteup_core::model::Depth::Auto,
            )],
        }],
        conflicts: Vec::new(),
    };
    let mut desk = Makeup::new(opened.issue.clone(), &layout);
    let report = make(&mut desk, &MakeOptions { pages: vec![3], from_empty: false, cut: false });
    let page = &report.pages[0];
    let lead = desk.resolved(3).into_iter().find(|b| b.item == "jinyuan-livable").expect("the lead is placed");
    if lead.span < 4 {
        let broken = serde_json::to_value(&page.broken).unwrap();
        assert_eq!(
            broken,
            serde_json::json!([{
                "rule": "lead_narrow", "id": "jinyuan-livable", "span": lead.span, "columns": 8, "cause": "kept_boxes"
            }]),
            "the lead stands at columns {}–{}",
            lead.column,
            lead.column + lead.span - 1
        );
    } else {
        assert!(page.broken.is_empty(), "{:?}", page.broken);
    }
    assert_eq!(lead.line, 1);
}

/// Found from outside (a fuzz run, one seed of 160): made from empty, this page has its lead
/// `a1` at line 1; with `--cut` the search found a page with fewer free lines by cutting
/// `a19`, putting it and `a4` at line 1 and the lead at line 5, and chose it over the uncut
/// page, which kept the rule: the quality order did not weigh the lead's place at all.
#[test]
fn with_cut_allowed_the_lead_still_stands_at_line_1() {
    let ron = r#"Issue(paper: "测", date: "d", pages: [
  Page(number: 2, grid: Grid(columns: 5, column_width: 13, gutter: 1, depth: 16, indent: 0, punctuation: Kaiming, orphans: Allow))
], items: [
  Article(id: "a1", page: Some(2), headline: "看总解如三关我员老路重很件革先入", priority: Some(1), kicker: Some("引题"), byline: Some("记者 某某"), body: ["分世前子流！学流部。","小作加理也及资几放入国也业各并；常此法。那系党果车取体个位图我上然、级用文。方些体动心要山反任最作？根展它。看角强西义现运党机点些在内情体，不取时。所直据自为问明民政据放必、通重组。","计比们你月组因原样个、一上着。线边度事性统九就关时基图说特把立展常起人自国。发头性。面已点变数战十还品形主件并问也无电、子变变。接程两国合做组干体出、情角义。种前在直程明好山但些如取无小取！总取全。根到天件式较作多变想人解任直命加部放外？等表回。"]),
  Notice(id: "n2", page: Some(2), title: "公告", body: ["地提道度变还为命来有加去小，但从当。"], signer: Some("某单位"), date: Some("2024年1月1日")),
  Article(id: "a4", headline: "程方级特料主进代分", priority: Some(3), subhead: Some("副题副题"), body: []),
  Article(id: "a5", page: Some(2), headline: "而就九流此西则少平", priority: Some(2), byline: Some("记者 某某"), body: ["就题电质经干部你有把政十被接情！没很位。者本题对四情常线三较你间者资方得先量题自？反员系。料通公据根主量设应问程想电但；无活来。月发而表小干子变加知政看会日点去心经还机决、此期着。次较农总直正去义干取很通设道部为年比总利！化边条。","流老作电到她所命形理合经革？战命说。里天革与程点三它定义各。组定必。","当出接第大先入提设能动手设不处果头电为系发？反变些。件明品工们又党又立也十来法电。水等据。现两已前管这里看期角建现表了又山统开实中通提；产必果。并意时第不质只家出没义应经下成都图情；们接些。没军作只决应些会产决先小好指总军，部实九。","自法好求因两与主建几别子统次性实体力能？现意加。日九干家理过！政水回。心相各表同品小正国！来别三。统机分这不经电管气它过！下车都。可小特上系了化定同了线五重向、提民实。种接件果明题定多建心政意与决放情是得能！在二政。","品常会说二见实计变质那生一去只先次条都部。老着同。月位在结论反通年此很者中定军流那线本就头部开了天；定作力。展过展合量！民子工。已放当度体则军级而使化道组法分个区出作事没有；物边头。"]),
  Notice(id: "n9", title: "公告", body: ["行里基制车量世总手品进决力和；个度到。料应气及组物各向世动比定的气理面第法则总此电数发处；明机见。"], signer: Some("某单位"), date: Some("2024年1月1日")),
  Article(id: "a19", headline: "好已", subhead: Some("副题副题"), body: ["新道向月被经正，它被质。于外活流多好其间定分，生把根。度原则相事但关取利、长社山。象数通回展社知因得，能间家。其实五利社车体农接度代之、日变看。","革机路有农运必总自程关事也使立数们出九。建你如。"])
])"#;
    let issue = format::parse_issue(Path::new("lead.ron"), ron).unwrap();
    let mut made = Vec::new();
    for cut in [false, true] {
        let mut desk = Makeup::new(issue.clone(), &empty());
        let report = make(&mut desk, &MakeOptions { pages: vec![2], from_empty: true, cut });
        let lead = desk.resolved(2).into_iter().find(|b| b.item == "a1").expect("the lead is placed");
        assert_eq!(
            lead.line,
            1,
            "cut {cut}: the lead stands at columns {}–{}",
            lead.column,
            lead.column + lead.span - 1
        );
        assert!(report.pages[0].broken.is_empty(), "cut {cut}: {:?}", report.pages[0].broken);
        assert!(desk.validate().is_empty(), "cut {cut}: {:?}", desk.validate());
        made.push(report.pages[0].free_lines);
    }
    assert!(made[1] <= made[0], "with cuts {} free lines, without {}", made[1], made[0]);
}

#[test]
fn with_cut_allowed_the_page_is_no_emptier() {
    let (issue, kept) = planned(2, 60, 4);
    let mut plain = Makeup::new(issue.clone(), &kept);
    let mut cut = Makeup::new(issue, &kept);
    let a = make(&mut plain, &MakeOptions::default());
    let b = make(&mut cut, &MakeOptions { cut: true, ..MakeOptions::default() });
    assert!(cut.validate().is_empty(), "{:?}", cut.validate());
    let free = |r: &MakeReport| r.pages.iter().map(|p| p.free_lines).sum::<u32>();
    assert!(free(&b) <= free(&a) + 8, "cut {} vs {}", free(&b), free(&a));
    assert_eq!(a.pages.iter().map(|p| p.cut_sentences).sum::<u32>(), 0);
    // Found from outside: with cuts allowed the copy offered was counted as if every article
    // were cut, and a page with copy enough was called short of it (and filled worse).
    let offered = |r: &MakeReport| r.pages.iter().map(|p| p.offered_lines).collect::<Vec<_>>();
    assert_eq!(offered(&b), offered(&a));
    let sample = builtin_sample();
    let made = |cut| {
        let mut desk = Makeup::new(sample.issue.clone(), &empty());
        make(&mut desk, &MakeOptions { cut, ..MakeOptions::default() })
    };
    let (uncut, cut) = (made(false), made(true));
    assert_eq!(offered(&cut), offered(&uncut));
    assert!(free(&cut) <= free(&uncut), "cut {} vs {}", free(&cut), free(&uncut));
}

fn sample_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(repo.join("layouts/taiyuan-2023-02-10.ron"), dir.path().join("issue.ron")).unwrap();
    dir
}

/// [`sample_folder`] with the sample's `taiyuan-2023-02-10.KIND.layout.ron` as the issue's layout.
fn sample_folder_with(kind: &str) -> tempfile::TempDir {
    let dir = sample_folder();
    let layout = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("layouts/taiyuan-2023-02-10.{kind}.layout.ron"));
    std::fs::copy(layout, dir.path().join("issue.layout.ron")).unwrap();
    dir
}

fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(BIN).args(args).current_dir(dir).env_remove("LANG").env_remove("LC_ALL").output().unwrap();
    let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
    (out.status.code().unwrap(), text(out.stdout), text(out.stderr))
}

/// `make --json -o made.layout.ron` on the sample with `layout` as its layout: the exit code,
/// the report as text and page `number`'s part of it.
fn made_over(dir: &Path, layout: &str, number: u32) -> (i32, String, serde_json::Value) {
    std::fs::write(dir.join("issue.layout.ron"), layout).unwrap();
    let (code, json, _) = run(dir, &["make", "issue.ron", "--json", "-o", "made.layout.ron"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let page = v["pages"].as_array().unwrap().iter().find(|p| p["number"] == number).cloned().unwrap();
    (code, json, page)
}

#[test]
fn the_command_writes_a_layout_check_passes_and_reports_as_json() {
    let dir = sample_folder();
    let (code, out, err) = run(dir.path(), &["make", "issue.ron"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("made 2 pages: placed 12, 0 left in the bin"), "{out}");
    let written = std::fs::read_to_string(dir.path().join("issue.layout.ron")).unwrap();
    assert!(written.contains("issue: \"issue.ron\""), "{written}");
    assert_eq!(run(dir.path(), &["check", "issue.ron"]).0, 0, "check passes what make wrote");
    let (code, json, _) = run(dir.path(), &["make", "issue.ron", "--page", "4", "-o", "four.layout.ron", "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["pages"].as_array().unwrap().len(), 1);
    assert_eq!(v["pages"][0]["number"], 4);
    assert_eq!(v["pages"][0]["kept"], 0, "--page makes the page from empty");
    assert_eq!(v["pages"][0]["placed"].as_array().unwrap().len(), 8);
    assert!(v["pages"][0]["free_lines"].as_u64().unwrap() > 0);
    let four = std::fs::read_to_string(dir.path().join("four.layout.ron")).unwrap();
    assert!(four.contains("item: \"jinyuan-livable\""), "page 3 kept as make found it");
}

#[test]
fn bad_input_exits_2_and_an_item_for_no_page_exits_1() {
    let dir = sample_folder();
    let (code, _, err) = run(dir.path(), &["make", "issue.ron", "--page", "9"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("page 9"), "{err}");
    let (code, _, err) = run(dir.path(), &["make", "issue.ron", "-o", "issue.ron"]);
    assert_eq!(code, 2, "{err}");
    assert!(!dir.path().join("issue.layout.ron").exists(), "nothing written");
    let issue = std::fs::read_to_string(dir.path().join("issue.ron")).unwrap();
    let moved = issue.replacen("id: \"hospital-tender\", page: Some(4)", "id: \"hospital-tender\", page: Some(7)", 1);
    assert_ne!(moved, issue);
    std::fs::write(dir.path().join("issue.ron"), moved).unwrap();
    let (code, out, _) = run(dir.path(), &["make", "issue.ron", "--json"]);
    assert_eq!(code, 1, "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["bin"][0], serde_json::json!({"id": "hospital-tender", "reason": "no_page"}));
}

/// Found from outside: `make ISSUE --layout new.layout.ron` was refused ("cannot open"), where
/// `make ISSUE` makes the default layout; a layout not there yet is a new one, and is written.
#[test]
fn make_with_a_layout_not_there_yet_makes_it() {
    let dir = sample_folder();
    let (code, out, err) = run(dir.path(), &["make", "issue.ron", "--layout", "night.layout.ron"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("made 2 pages: placed 12, 0 left in the bin"), "{out}");
    assert!(err.contains("night.layout.ron: a new layout: every item starts in the bin"), "{err}");
    assert_eq!(run(dir.path(), &["check", "issue.ron", "--layout", "night.layout.ron"]).0, 0);
    // The commands that only read a layout still refuse one that is not there.
    let (code, _, err) = run(dir.path(), &["check", "issue.ron", "--layout", "gone.layout.ron"]);
    assert_eq!(code, 2, "{err}");
}

/// Found from outside: make kept the page editor's overset boxes as they stood and exited 0,
/// and `check` then said the page was not finished.
#[test]
fn a_kept_box_overset_is_a_broken_rule_and_exit_1() {
    let dir = sample_folder_with("planned");
    let (code, out, _) = run(dir.path(), &["make", "issue.ron", "-o", "made.layout.ron"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("  rule   bingzhou-forum, kept as it stood, is overset"), "{out}");
    assert_eq!(run(dir.path(), &["check", "issue.ron", "--layout", "made.layout.ron"]).0, 1);
    let (_, json, _) = run(dir.path(), &["make", "issue.ron", "-o", "made.layout.ron", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let broken = v["pages"][0]["broken"].as_array().unwrap();
    assert!(broken.contains(&serde_json::json!({"rule": "kept_overset", "id": "bingzhou-forum"})), "{json}");
}

/// Found from outside: `make --page 3` took page 3's notices planned for page 4 off the page
/// (from empty) into the bin, and said "0 left in the bin" and exited 0.
#[test]
fn items_taken_off_a_page_made_from_empty_and_planned_elsewhere_are_named() {
    let dir = sample_folder_with("fitted");
    let (code, json, _) = run(dir.path(), &["make", "issue.ron", "--page", "3", "-o", "three.layout.ron", "--json"]);
    assert_eq!(code, 1, "{json}");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let left: Vec<&str> = v["bin"].as_array().unwrap().iter().map(|l| l["reason"].as_str().unwrap()).collect();
    assert_eq!(left, ["planned_elsewhere", "planned_elsewhere"], "{json}");
}

/// Found in review: a page plan with two leads (two priority-1 items for page 4) was made with
/// the first at line 1 and the second placed as any item, and the report said nothing of it.
#[test]
fn a_second_lead_for_a_page_is_named_and_exit_1() {
    let dir = sample_folder();
    let issue = std::fs::read_to_string(dir.path().join("issue.ron")).unwrap();
    let two = issue.replacen(
        "id: \"traffic-police\", page: Some(4), priority: Some(2)",
        "id: \"traffic-police\", page: Some(4), priority: Some(1)",
        1,
    );
    assert_ne!(two, issue);
    std::fs::write(dir.path().join("issue.ron"), two).unwrap();
    let (code, out, _) = run(dir.path(), &["make", "issue.ron", "-o", "made.layout.ron"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("  rule   traffic-police is a second lead (priority 1) of the page; snow-clearing leads it"),
        "{out}"
    );
    let (_, json, _) = run(dir.path(), &["make", "issue.ron", "-o", "made.layout.ron", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let page4 = v["pages"].as_array().unwrap().iter().find(|p| p["number"] == 4).unwrap();
    let rule = serde_json::json!({"rule": "second_lead", "id": "traffic-police", "lead": "snow-clearing"});
    assert_eq!(page4["broken"], serde_json::json!([rule]), "{json}");
    let placed: Vec<&str> = page4["placed"].as_array().unwrap().iter().map(|p| p["id"].as_str().unwrap()).collect();
    assert!(placed.contains(&"traffic-police"), "the second lead is still placed: {placed:?}");
    let lead = page4["placed"].as_array().unwrap().iter().find(|p| p["id"] == "snow-clearing").unwrap();
    assert_eq!((lead["line"].as_u64(), lead["column"].as_u64()), (Some(1), Some(1)), "the first leads");
}

/// Found from outside: a photo planned as the page's lead (priority 1) with its article at
/// priority 2 was set at line 1 and its article under it, against the rule that a photo stands
/// under or beside its article, and make exited 0. The two lead together: the article at
/// line 1, the photo under or beside it, and no rule broken.
#[test]
fn a_photo_planned_as_the_lead_leads_with_its_article_over_it() {
    let text = r#"Issue(paper: "报", date: "2024-01-01",
    pages: [Page(number: 1, grid: Grid(columns: 2, column_width: 10, gutter: 1, depth: 60))],
    items: [
        Photo(id: "pic", page: Some(1), priority: Some(1), with: Some("story"), caption: "图片说明文字。", span: 2, height: Some(12)),
        Article(id: "story", page: Some(1), priority: Some(2), headline: "新闻标题",
            body: ["本报讯 这是一篇配图的新闻报道，内容写得比较充实，介绍了事件的经过。有关部门表示将继续跟进此事，并及时向社会公布进展情况。", "记者了解到，此次活动吸引了众多市民参加，现场气氛热烈。活动结束后，组织者表示明年还将继续举办。"]),
    ])"#;
    let issue = format::parse_issue(Path::new("pl.ron"), text).unwrap();
    let mut desk = Makeup::new(issue, &empty());
    let report = make(&mut desk, &MakeOptions::default());
    assert!(report.pages[0].broken.is_empty(), "{report:#?}");
    let boxes = desk.resolved(1);
    let (photo, story) =
        (boxes.iter().find(|b| b.item == "pic").unwrap(), boxes.iter().find(|b| b.item == "story").unwrap());
    assert_eq!((story.line, story.column), (1, 1), "the article leads: {story:?}");
    assert_eq!(photo.line, story.below(), "the photo under its article: {photo:?} {story:?}");
    assert!(desk.validate().is_empty(), "{:?}", desk.validate());
}

/// The outside tester's one-page issue: a photo with no article (no `with`) planned at
/// priority 1, listed before the page's priority-1 article.
const LONE_PHOTO_FIRST: &str = r#"Issue(paper: "晋阳晚报", date: "2026-12-07", pages: [Page(number: 1, grid: Grid(columns: 6, column_width: 11, gutter: 1, depth: 90))],
items: [
 Photo(id: "ph", page: Some(1), priority: Some(1), caption: "雪后道路畅通。", file: Some("ph.png"), span: 2),
 Article(id: "lead", page: Some(1), priority: Some(1), headline: "全市春运工作全面启动", byline: Some("记者 王建国"), body: ["本报讯 12月6日，市交通局召开春运工作部署会，会议要求各单位提前谋划、周密部署，确保旅客平安有序出行。据统计，今年春运期间全市预计发送旅客1200万人次，同比增长12.5%。",
"本报讯 12月6日，市交通局召开春运工作部署会，会议要求各单位提前谋划、周密部署，确保旅客平安有序出行。据统计，今年春运期间全市预计发送旅客1200万人次，同比增长12.5%。",
"本报讯 12月6日，市交通局召开春运工作部署会，会议要求各单位提前谋划、周密部署，确保旅客平安有序出行。据统计，今年春运期间全市预计发送旅客1200万人次，同比增长12.5%。",
"本报讯 12月6日，市交通局召开春运工作部署会，会议要求各单位提前谋划、周密部署，确保旅客平安有序出行。据统计，今年春运期间全市预计发送旅客1200万人次，同比增长12.5%。",
"本报讯 12月6日，市交通局召开春运工作部署会，会议要求各单位提前谋划、周密部署，确保旅客平安有序出行。据统计，今年春运期间全市预计发送旅客1200万人次，同比增长12.5%。",
"本报讯 12月6日，市交通局召开春运工作部署会，会议要求各单位提前谋划、周密部署，确保旅客平安有序出行。据统计，今年春运期间全市预计发送旅客1200万人次，同比增长12.5%。"]),
])"#;

/// Found from outside: a lone photo (no `with`) planned at priority 1 and listed first was made
/// the page's lead, set at line 1 two columns wide, and its article reported as a second lead
/// (on a 48-page issue a priority-1 story went to line 54). A photo leads nothing: the page's
/// lead is its first priority-1 article, the photo a planned item, and no rule is broken.
#[test]
fn a_lone_photo_planned_at_priority_1_does_not_lead_the_page() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("i.ron"), LONE_PHOTO_FIRST).unwrap();
    let (code, json, err) = run(dir.path(), &["make", "i.ron", "-o", "out.layout.ron", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["pages"][0]["broken"], serde_json::json!([]), "{json}{err}");
    assert_eq!(code, 0, "{json}{err}");
    let placed = |id: &str| v["pages"][0]["placed"].as_array().unwrap().iter().find(|p| p["id"] == id).unwrap().clone();
    let (lead, photo) = (placed("lead"), placed("ph"));
    assert_eq!((lead["line"].as_u64(), lead["column"].as_u64()), (Some(1), Some(1)), "the article leads: {json}");
    assert!(lead["span"].as_u64().unwrap() >= 3, "the lead at least half the page wide: {lead}");
    assert_eq!(photo["span"].as_u64(), Some(2), "the photo is placed at its own span: {photo}");
    let (_, out, _) = run(dir.path(), &["make", "i.ron", "-o", "out.layout.ron"]);
    assert!(!out.contains("  rule "), "{out}");

    // With no priority-1 article the page has no lead: the photo at priority 1 is not made one.
    let at = "id: \"lead\", page: Some(1), priority: Some(1)";
    assert_eq!(LONE_PHOTO_FIRST.matches(at).count(), 1);
    let no_lead = LONE_PHOTO_FIRST.replace(at, &at.replace("priority: Some(1)", "priority: Some(2)"));
    let issue = format::parse_issue(Path::new("i.ron"), &no_lead).unwrap();
    assert!(issue.items.iter().all(|i| i.priority() != Some(1) || i.kind() == ItemKind::Photo));
    let mut desk = Makeup::new(issue, &empty());
    let report = make(&mut desk, &MakeOptions::default());
    assert!(report.pages[0].broken.is_empty(), "{report:#?}");
}

/// A lone photo at priority 1 the page editor placed at line 1 leads nothing either: the
/// page's priority-1 article is still made its lead, at line 1 beside the photo.
#[test]
fn a_kept_lone_photo_at_priority_1_leaves_the_article_the_lead() {
    let issue = format::parse_issue(Path::new("i.ron"), LONE_PHOTO_FIRST).unwrap();
    let mut desk = Makeup::new(issue, &empty());
    desk.place(1, "ph", 1, Some(2), Some(1)).unwrap();
    let report = make(&mut desk, &MakeOptions::default());
    assert!(report.pages[0].broken.is_empty(), "{report:#?}");
    let lead = desk.resolved(1).into_iter().find(|b| b.item == "lead").expect("the lead is placed");
    assert_eq!((lead.line, lead.column, lead.span), (1, 3, 4), "the lead beside the kept photo: {lead:?}");
    assert!(desk.validate().is_empty(), "{:?}", desk.validate());
}

/// Found from outside: a notice planned as the page's lead (priority 1) was set at line 1,
/// against the rule that notices stand at the foot, and make exited 0. A notice leads
/// nothing: it goes to the foot, the page's lead is the plan's article, and the desk is told.
#[test]
fn a_notice_planned_as_the_lead_stands_at_the_foot_and_is_named() {
    let dir = sample_folder();
    let issue = std::fs::read_to_string(dir.path().join("issue.ron")).unwrap();
    let at = "id: \"hospital-tender\", page: Some(4), priority: Some(4)";
    assert_eq!(issue.matches(at).count(), 1, "{issue}");
    let led = issue.replacen(at, &at.replace("Some(4)", "Some(1)").replacen("Some(1)", "Some(4)", 1), 1);
    std::fs::write(dir.path().join("issue.ron"), led).unwrap();
    let (code, json, err) = run(dir.path(), &["make", "issue.ron", "-o", "made.layout.ron", "--json"]);
    assert_eq!(code, 1, "{json}{err}");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let page4 = v["pages"].as_array().unwrap().iter().find(|p| p["number"] == 4).unwrap();
    assert_eq!(page4["broken"], serde_json::json!([{"rule": "notice_lead", "id": "hospital-tender"}]), "{json}");
    let placed = |id: &str| page4["placed"].as_array().unwrap().iter().find(|p| p["id"] == id).unwrap().clone();
    let (notice, lead) = (placed("hospital-tender"), placed("snow-clearing"));
    let foot = notice["line"].as_u64().unwrap() + notice["depth"].as_u64().unwrap() - 1;
    assert_eq!(foot, 100, "the notice's bottom line is the page's last: {notice}");
    assert_eq!((lead["line"].as_u64(), lead["column"].as_u64()), (Some(1), Some(1)), "the article leads");
    let (_, out, _) = run(dir.path(), &["make", "issue.ron", "-o", "made.layout.ron"]);
    let said =
        "  rule   the notice hospital-tender is planned as the lead (priority 1); it stands at the foot, as notices do";
    assert!(out.contains(said), "{out}");
    // Found from outside: made again over its own output, where the notice is a kept box,
    // make said nothing of the plan's notice lead.
    let args = ["make", "issue.ron", "--layout", "made.layout.ron", "-o", "again.layout.ron", "--json"];
    let (code, json, err) = run(dir.path(), &args);
    assert_eq!(code, 1, "{json}{err}");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let page4 = v["pages"].as_array().unwrap().iter().find(|p| p["number"] == 4).unwrap();
    assert_eq!(page4["kept"], 8, "{json}");
    assert_eq!(page4["broken"], serde_json::json!([{"rule": "notice_lead", "id": "hospital-tender"}]), "{json}");
}

/// Found from outside: `M` twice on a page whose plan gives a notice priority 1 said the
/// notice lead the first time only; the second time the notice stood as a kept box.
#[test]
fn m_twice_names_the_notice_planned_as_the_lead_both_times() {
    let opened = builtin_sample();
    let mut issue = opened.issue;
    for item in &mut issue.items {
        if let Item::Notice(n) = item
            && n.id == "hospital-tender"
        {
            n.priority = Some(1);
        }
    }
    let mut desk = Makeup::new(issue, &empty());
    let options = MakeOptions { pages: vec![4], from_empty: false, cut: false };
    let said = |report: &MakeReport| serde_json::to_value(&report.pages[0].broken).unwrap();
    let first = make(&mut desk, &options);
    let second = make(&mut desk, &options);
    let notice_lead = serde_json::json!([{"rule": "notice_lead", "id": "hospital-tender"}]);
    assert_eq!((said(&first), first.pages[0].kept), (notice_lead.clone(), 0), "{first:?}");
    assert_eq!((said(&second), second.pages[0].kept), (notice_lead, 8), "{second:?}");
}

/// Found from outside: make rewrote a layout that a merge had left with notes to decide,
/// and the notes (the only record of the other side's placements) were gone, exit 0.
#[test]
fn make_keeps_a_merges_notes_and_says_so() {
    let dir = sample_folder_with("fitted");
    let path = dir.path().join("issue.layout.ron");
    let layout = std::fs::read_to_string(&path).unwrap();
    let noted = layout.trim_end().strip_suffix(')').unwrap().to_string()
        + "    conflicts: [\n        Conflict(item: \"snow-traffic\", note: \"both changed it: theirs page 4 column 4 line 30\"),\n    ],\n)\n";
    std::fs::write(&path, noted).unwrap();
    let (code, out, err) = run(dir.path(), &["make", "issue.ron"]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(err.contains("1 note of a merge still to decide, kept in the layout"), "{err}");
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(
        written.contains("Conflict(item: \"snow-traffic\", note: \"both changed it: theirs page 4 column 4 line 30\")"),
        "{written}"
    );
}

/// Found from outside: with two kept boxes overlapping, make settled the page: it moved a kept
/// box and the boxes it made, and wrote places its report did not give (four boxes past the
/// foot that it reported on the page). Now nothing kept moves, the report is the file, and the
/// overlap is a broken rule.
#[test]
fn kept_boxes_that_overlap_stay_and_the_report_is_the_file() {
    let dir = sample_folder_with("fitted");
    let path = dir.path().join("issue.layout.ron");
    let layout = std::fs::read_to_string(&path).unwrap();
    let overlapping = layout.replacen(
        r#"Placement(item: "jinyuan-ten-projects", column: 4, span: 2, line: 1, depth: Fixed(10), head_size: Some(1)),"#,
        r#"Placement(item: "jinyuan-ten-projects", column: 4, span: 2, line: 5, depth: Fixed(10), head_size: Some(1)),"#,
        1,
    );
    assert_ne!(overlapping, layout);
    // An item of page 3's plan back in the bin, so that make places a box on that page.
    let overlapping = overlapping.replacen(
        r#"Placement(item: "yangqu-livelihood", column: 6, span: 3, line: 1, depth: Auto),"#,
        "",
        1,
    );
    std::fs::write(&path, &overlapping).unwrap();
    let (code, json, err) = run(dir.path(), &["make", "issue.ron", "-o", "made.layout.ron", "--json"]);
    assert_eq!(code, 1, "{json}{err}");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let page3 = &v["pages"][0];
    assert!(page3["placed"].as_array().unwrap().iter().any(|p| p["id"] == "yangqu-livelihood"), "{json}");
    let rule =
        serde_json::json!({"rule": "kept_overlap", "id": "jinyuan-ten-projects", "other": "yangqu-seven-projects"});
    assert!(page3["broken"].as_array().unwrap().contains(&rule), "{json}");
    let made = pasteup_core::format::load_layout(&dir.path().join("made.layout.ron")).unwrap().0;
    let before = pasteup_core::format::load_layout(&path).unwrap().0;
    for kept in before.pages.iter().flat_map(|p| &p.placements) {
        assert!(made.pages.iter().flat_map(|p| &p.placements).any(|p| p == kept), "kept as it stood: {kept:?}");
    }
    for (page, report) in made.pages.iter().zip(v["pages"].as_array().unwrap()) {
        for placed in report["placed"].as_array().unwrap() {
            let p = page.placements.iter().find(|p| p.item == placed["id"]).unwrap();
            let at = (u64::from(p.column), u64::from(p.span), u64::from(p.line));
            let said = (
                placed["column"].as_u64().unwrap(),
                placed["span"].as_u64().unwrap(),
                placed["line"].as_u64().unwrap(),
            );
            assert_eq!(at, said, "{}: the report is the file", placed["id"]);
        }
    }
}

/// Found from outside: with part 1 of a continued article sent to the bin while part 2 stood,
/// make placed neither (it places no part of such an article), said "0 left in the bin" and
/// exited 0; `check` then found part 2 continued from nowhere.
#[test]
fn a_part_waiting_in_the_bin_is_named_and_exit_1() {
    let dir = sample_folder_with("fitted");
    let path = dir.path().join("issue.layout.ron");
    let layout = std::fs::read_to_string(&path).unwrap();
    let part1 = r#"Placement(item: "bingzhou-forum", column: 1, span: 3, line: 27, depth: Fixed(40)),"#;
    assert!(layout.contains(part1));
    std::fs::write(&path, layout.replacen(part1, "", 1)).unwrap();
    let (code, json, _) = run(dir.path(), &["make", "issue.ron", "-o", "made.layout.ron", "--json"]);
    assert_eq!(code, 1, "{json}");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let waiting = serde_json::json!({"id": "bingzhou-forum", "reason": "continued_part", "part": 1});
    // Named with page 4, the page planned for it, and not again in the bin.
    let page4 = v["pages"].as_array().unwrap().iter().find(|p| p["number"] == 4).unwrap();
    assert!(page4["left"].as_array().unwrap().contains(&waiting), "{json}");
    assert!(!v["bin"].as_array().unwrap().contains(&waiting), "{json}");
    let (_, text, _) = run(dir.path(), &["make", "issue.ron", "-o", "made.layout.ron"]);
    assert!(
        text.contains(
            "  left   bingzhou-forum (part 1)  a part of a continued article: make places none; place it by hand"
        ),
        "{text}"
    );
    // Made one page, a part of an article on another page is not this run's business.
    let (_, json, _) = run(dir.path(), &["make", "issue.ron", "--page", "3", "-o", "three.layout.ron", "--json"]);
    assert!(!json.contains("continued_part"), "{json}");
}

/// Found from outside: a lead the page editor had placed at line 20 was kept there without a
/// word (exit 0), and make set a priority-3 story across the top as if it led the page.
#[test]
fn a_lead_kept_below_line_1_is_a_broken_rule() {
    let dir = sample_folder();
    let layout = "Layout(issue: \"issue.ron\", pages: [PageLayout(number: 3, placements: [\n    \
                  Placement(item: \"jinyuan-livable\", column: 1, span: 3, line: 20, depth: Auto),\n])])\n";
    let (code, json, page3) = made_over(dir.path(), layout, 3);
    assert_eq!(code, 1, "{json}");
    let rule = serde_json::json!({"rule": "lead_not_at_top", "id": "jinyuan-livable"});
    assert_eq!(page3["broken"], serde_json::json!([rule]), "{json}");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let page4 = v["pages"].as_array().unwrap().iter().find(|p| p["number"] == 4).unwrap();
    assert_eq!(page4["broken"], serde_json::json!([]), "page 4's lead is made at line 1: {json}");
}

/// Found in review: an article continued on its own page (part 2 beside part 1) was reported
/// as a second lead beside itself.
#[test]
fn a_leads_second_part_on_its_page_is_not_a_second_lead() {
    let dir = sample_folder();
    let layout = "Layout(issue: \"issue.ron\", pages: [PageLayout(number: 3, placements: [\n    \
                  Placement(item: \"jinyuan-livable\", column: 1, span: 3, line: 1, depth: Fixed(20)),\n    \
                  Placement(item: \"jinyuan-livable\", column: 6, span: 3, line: 1, depth: Auto, part: 2),\n])])\n";
    std::fs::write(dir.path().join("issue.layout.ron"), layout).unwrap();
    assert_eq!(run(dir.path(), &["check", "issue.ron"]).0, 0, "a sound layout");
    let (_, json, _) = run(dir.path(), &["make", "issue.ron", "--json", "-o", "made.layout.ron"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let page3 = v["pages"].as_array().unwrap().iter().find(|p| p["number"] == 3).unwrap();
    assert_eq!(page3["broken"], serde_json::json!([]), "{json}");
}

/// Found from outside: an item planned for a page made from empty, too deep for it at every
/// span, was listed with the page ("too deep") and again in the bin ("planned for a page not
/// made"), and the bin's count took it twice.
#[test]
fn an_item_left_off_a_page_made_is_listed_once() {
    let opened = builtin_sample();
    let mut issue = opened.issue.clone();
    let lead = issue.items.iter().position(|i| i.id() == "jinyuan-livable").unwrap();
    if let Item::Article(a) = &mut issue.items[lead] {
        a.body = vec!["晋源区全力打造宜居美丽家园。".repeat(2000)];
    }
    let mut layout = opened.layout.clone();
    layout.pages.retain(|p| p.number == 3);
    layout.pages[0].placements.truncate(1);
    layout.pages[0].placements[0].depth = pasteup_core::model::Depth::Fixed(40);
    assert_eq!(layout.pages[0].placements[0].item, "jinyuan-livable");
    let mut desk = Makeup::new(issue, &layout);
    let report = make(&mut desk, &MakeOptions { pages: vec![3], from_empty: true, cut: false });
    let named = |id: &str| report.pages.iter().flat_map(|p| &p.left).chain(&report.bin).filter(|l| l.id == id).count();
    assert_eq!(named("jinyuan-livable"), 1, "{report:#?}");
    assert!(report.bin.iter().all(|l| l.id != "jinyuan-livable"), "{:?}", report.bin);
}

/// Found from outside: with a kept brief at columns 1–2, line 1, only the lead's three widest
/// spans were tried at line 1, each in the first columns free (beside the brief: 碰题), so
/// the lead went under the brief at two columns and a minor story led the page. The lead
/// now stands at line 1 at the widest span that keeps clear of the brief.
#[test]
fn a_kept_brief_at_the_top_leaves_the_lead_at_line_1_in_the_free_columns() {
    let dir = sample_folder();
    let layout = "Layout(issue: \"issue.ron\", pages: [PageLayout(number: 3, placements: [\n    \
                  Placement(item: \"yangqu-seven-projects\", column: 1, span: 2, line: 1, depth: Auto),\n])])\n";
    let (code, json, page3) = made_over(dir.path(), layout, 3);
    assert!(code <= 1, "{json}");
    assert_eq!(page3["broken"], serde_json::json!([]), "{json}");
    let lead = page3["placed"].as_array().unwrap().iter().find(|p| p["id"] == "jinyuan-livable").unwrap();
    assert_eq!((lead["line"].as_u64(), lead["column"].as_u64(), lead["span"].as_u64()), (Some(1), Some(4), Some(5)));
}

/// Found from outside: beside a kept box five columns wide of eight at line 1, the lead was
/// tried at half the page only and set at line 30 (`lead_not_at_top`), where it stood at line
/// 1 two columns wide; beside one four wide it went to one column where three stood. It now
/// stands at line 1 at the widest span clear of the kept box's headline, reported narrow.
/// Made again, the page keeps it as the desk's: line 1 is the rule, a kept lead's width the
/// desk's choice (the sample's own lead stands 3 columns wide of 8).
#[test]
fn a_wide_kept_box_at_the_top_leaves_the_lead_at_line_1_narrow_and_said_so() {
    for (span, lead_span) in [(5, 2), (4, 3)] {
        let dir = sample_folder();
        let layout = format!(
            "Layout(issue: \"issue.ron\", pages: [PageLayout(number: 4, placements: [\n    \
             Placement(item: \"bingzhou-forum\", column: 1, span: {span}, line: 1, depth: Auto),\n])])\n"
        );
        std::fs::write(dir.path().join("issue.layout.ron"), layout).unwrap();
        for pass in 0..2 {
            let (code, json, _) = run(dir.path(), &["make", "issue.ron", "--json"]);
            assert_eq!(code, 1 - pass, "kept {span}, pass {pass}: {json}");
            let v: serde_json::Value = serde_json::from_str(&json).unwrap();
            let page4 = v["pages"].as_array().unwrap().iter().find(|p| p["number"] == 4).unwrap();
            if pass == 1 {
                assert_eq!(page4["broken"], serde_json::json!([]), "kept {span}, made again: {json}");
                continue;
            }
            let rule = serde_json::json!({
                "rule": "lead_narrow", "id": "snow-clearing", "span": lead_span, "columns": 8, "cause": "kept_boxes"
            });
            assert_eq!(page4["broken"], serde_json::json!([rule]), "kept {span}: {json}");
            let lead = page4["placed"].as_array().unwrap().iter().find(|p| p["id"] == "snow-clearing").unwrap();
            assert_eq!((lead["line"].as_u64(), lead["column"].as_u64()), (Some(1), Some(9 - lead_span)), "{json}");
        }
        assert_eq!(run(dir.path(), &["check", "issue.ron"]).0, 0, "kept {span}: check takes what make wrote");
    }
}

/// Found from outside: an article with an empty headline and no body, planned as a page's
/// lead, was made the lead, an empty box at line 1. An item with nothing to print stays in the
/// bin, said as `no_copy`, planned or not.
#[test]
fn an_item_with_no_copy_is_left_in_the_bin_and_said() {
    let dir = tempfile::tempdir().unwrap();
    let issue = r#"Issue(paper: "报", date: "2023-02-10", pages: [
        Page(number: 1, grid: Grid(columns: 4, column_width: 8, gutter: 1, depth: 40))],
        items: [
            Article(id: "e1", headline: "", page: Some(1), priority: Some(1), body: []),
            Article(id: "e2", headline: " ", body: [""]),
            Article(id: "a", headline: "雪", page: Some(1), priority: Some(2), body: ["一二三四五六，七八九十甲乙丙丁戊己庚辛。"])])"#;
    std::fs::write(dir.path().join("e.ron"), issue).unwrap();
    let (code, json, _) = run(dir.path(), &["make", "e.ron", "--json", "-o", "e.layout.ron"]);
    assert_eq!(code, 1, "{json}");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let placed: Vec<&str> =
        v["pages"][0]["placed"].as_array().unwrap().iter().map(|p| p["id"].as_str().unwrap()).collect();
    assert_eq!(placed, ["a"], "{json}");
    assert_eq!(v["pages"][0]["left"], serde_json::json!([{"id": "e1", "reason": "no_copy"}]), "{json}");
    assert_eq!(v["bin"], serde_json::json!([{"id": "e2", "reason": "no_copy"}]), "{json}");
}

/// Found from outside: with kept briefs at line 1 leaving the lead no place there at any span,
/// make placed nothing on the page and reported no rule. The lead goes where it fits, said as
/// `lead_not_at_top`, and the rest of the plan is made.
#[test]
fn kept_boxes_leaving_the_lead_no_place_at_line_1_still_make_the_page() {
    let dir = sample_folder();
    let layout = "Layout(issue: \"issue.ron\", pages: [PageLayout(number: 3, placements: [\n    \
                  Placement(item: \"jinyuan-ten-projects\", column: 3, span: 1, line: 1, depth: Auto),\n    \
                  Placement(item: \"yangqu-seven-projects\", column: 6, span: 1, line: 1, depth: Auto),\n])])\n";
    let (code, json, page3) = made_over(dir.path(), layout, 3);
    assert_eq!(code, 1, "{json}");
    assert_eq!(page3["broken"], serde_json::json!([{"rule": "lead_not_at_top", "id": "jinyuan-livable"}]), "{json}");
    let placed: Vec<&str> = page3["placed"].as_array().unwrap().iter().map(|p| p["id"].as_str().unwrap()).collect();
    assert!(placed.contains(&"jinyuan-livable") && placed.contains(&"yangqu-livelihood"), "{json}");
    assert_eq!(run(dir.path(), &["check", "issue.ron", "--layout", "made.layout.ron"]).0, 0);
}

/// Found from outside: make wrote over a layout an editor had open and said nothing (the
/// editor asks, but the desk running make should know).
#[test]
fn make_over_a_layout_open_in_an_editor_says_so() {
    let dir = sample_folder();
    let layout = dir.path().join("issue.layout.ron");
    let held = pasteup_core::journal::lock(&layout, None).unwrap();
    assert!(matches!(held, pasteup_core::journal::Locked::Mine(_)));
    let (_, _, err) = run(dir.path(), &["make", "issue.ron"]);
    assert!(err.contains("the layout is open in pasteup ("), "{err}");
    drop(held);
    let (_, _, err) = run(dir.path(), &["make", "issue.ron"]);
    assert!(!err.contains("open in pasteup"), "{err}");
}

/// Found from outside: a page too small for every item planned for it was reported as short
/// of copy ("0 column-lines offered … too little copy").
#[test]
fn a_page_too_small_for_its_copy_is_not_called_short_of_copy() {
    let dir = tempfile::tempdir().unwrap();
    let issue = r#"Issue(paper: "报", date: "2023-02-10", pages: [
        Page(number: 1, grid: Grid(columns: 2, column_width: 6, gutter: 1, depth: 4))],
        items: [Article(id: "lead", headline: "雪", page: Some(1), priority: Some(1),
            body: ["一二三四五六，七八九十甲乙丙丁戊己庚辛。子丑寅卯辰巳午未申酉戌亥、一二三四五六七八九十甲乙、"])])"#;
    std::fs::write(dir.path().join("tiny.ron"), issue).unwrap();
    let (code, out, _) = run(dir.path(), &["make", "tiny.ron", "-o", "tiny.layout.ron"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("  left   lead                     too deep for the page at every span"), "{out}");
    assert!(
        out.contains("  copy   no item offered fits the page's 8 free column-lines at any span: the page is too small"),
        "{out}"
    );
    assert!(!out.contains("too little copy"), "{out}");
}

/// Found from outside: with the photo placed by hand, make set its article elsewhere on the
/// page, and no rule line said so. The article is made over its photo or beside it.
#[test]
fn an_article_is_made_with_the_photo_the_desk_placed_for_it() {
    let dir = sample_folder();
    let layout = "Layout(issue: \"issue.ron\", pages: [PageLayout(number: 4, placements: [\n    \
                  Placement(item: \"snow-traffic\", column: 6, span: 2, line: 60, depth: Auto),\n])])\n";
    std::fs::write(dir.path().join("issue.layout.ron"), layout).unwrap();
    run(dir.path(), &["make", "issue.ron", "-o", "made.layout.ron"]);
    let made = format::parse_layout(
        &dir.path().join("made.layout.ron"),
        &std::fs::read_to_string(dir.path().join("made.layout.ron")).unwrap(),
    )
    .unwrap();
    let issue = format::parse_issue(
        &dir.path().join("issue.ron"),
        &std::fs::read_to_string(dir.path().join("issue.ron")).unwrap(),
    )
    .unwrap();
    let desk = Makeup::new(issue, &made);
    let boxes = desk.resolved(4);
    let photo = boxes.iter().find(|b| b.item == "snow-traffic").unwrap();
    let article = boxes.iter().find(|b| b.item == "traffic-police").expect("the article is made");
    assert_eq!((photo.column, photo.line), (6, 60), "the photo stays");
    let shares_column = photo.column < article.column + article.span && article.column < photo.column + photo.span;
    let under = photo.line == article.line + article.box_depth && shares_column;
    let touches = photo.column + photo.span == article.column || article.column + article.span == photo.column;
    let beside =
        touches && photo.line < article.line + article.box_depth && article.line < photo.line + photo.box_depth;
    assert!(
        under || beside,
        "article at column {} span {} line {} depth {}",
        article.column,
        article.span,
        article.line,
        article.box_depth
    );
}

/// The issue `tests/data/FILE`, read as the command line reads it.
fn data_issue(file: &str) -> Issue {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(file);
    format::parse_issue(&path, &std::fs::read_to_string(&path).unwrap()).unwrap()
}

/// Two pages of 6 columns, 60 lines (tests/data/make-two-pages.ron): page 1 with more copy at
/// its widest spans than room, though less at its narrowest; page 2 led by `a20`, whose legs
/// keep the rule at 2 columns but not at 3.
fn two_pages() -> Issue {
    data_issue("make-two-pages.ron")
}

/// Found from outside: the lead `a20`, too short to stand half the page wide, was set one
/// column wide (lines 1–19) where two columns keep the leg rule, to leave fewer holes; and the
/// report said nothing of a lead narrower than half the page.
#[test]
fn a_lead_too_short_for_half_the_page_takes_its_widest_span_and_is_reported() {
    let mut desk = Makeup::new(two_pages(), &empty());
    let report = make(&mut desk, &MakeOptions::default());
    let lead = desk.resolved(2).into_iter().find(|b| b.item == "a20").expect("the lead is placed");
    assert_eq!((lead.line, lead.column, lead.span), (1, 1, 2), "the lead at its widest span");
    let page = report.pages.iter().find(|p| p.number == 2).unwrap();
    assert_eq!(
        serde_json::to_value(&page.broken).unwrap(),
        serde_json::json!([{"rule": "lead_narrow", "id": "a20", "span": 2, "columns": 6, "cause": "short_copy"}]),
    );
    let text = pasteup::cli::make::report_text(&report, UiLang::En);
    assert!(text.contains("  rule   the lead a20 stands 2 columns wide of 6: its copy"), "{text}");
}

/// Found from outside: page 1 was made with 7 free lines of 360, and the report said the copy
/// offered (331 column-lines, at its narrowest) was too little to fill the page. The page is
/// called short of copy only when the copy could not have filled it at any span.
#[test]
fn a_page_is_called_short_of_copy_only_when_its_copy_could_not_fill_it() {
    let mut desk = Makeup::new(two_pages(), &empty());
    let report = make(&mut desk, &MakeOptions::default());
    for page in &report.pages {
        if !page.copy_enough() {
            let room = u64::from(page.open_lines) - page.offered_lines;
            assert!(u64::from(page.free_lines) >= room, "page {}: {page:?}", page.number);
        }
    }
    let page1 = &report.pages[0];
    assert!(page1.copy_enough(), "{page1:?}");
    let text = pasteup::cli::make::report_text(&report, UiLang::En);
    let page1_text = text.split("page 2:").next().unwrap();
    assert!(!page1_text.contains("too little copy"), "{text}");
}

/// Found from outside: make wrote over a layout's `//` comments without a word, where merge
/// says how many lines it drops. Written to another file (`-o`), nothing is lost: no word.
#[test]
fn make_over_the_layout_says_its_comments_go() {
    let dir = sample_folder_with("fitted");
    let path = dir.path().join("issue.layout.ron");
    let layout = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, format!("// page 4 waits for the photo desk\n// (night editor)\n{layout}")).unwrap();
    let (_, _, err) = run(dir.path(), &["make", "issue.ron", "-o", "other.layout.ron"]);
    assert!(!err.contains("comments"), "{err}");
    let (_, out, err) = run(dir.path(), &["make", "issue.ron"]);
    let lines = format::comment_lines(&layout) + 2;
    assert_eq!(lines, 5, "the fitted sample's own three lines and the two written here");
    let said = format!("comments not kept ({lines} line(s)): make writes the layout as a save does");
    assert!(err.contains(&said), "{out}{err}");
    assert!(!std::fs::read_to_string(&path).unwrap().contains("//"));
}

/// Found from outside: `-o /dev/stdout` named the issue from /dev (`../tmp/…`), and the report
/// ran on after the layout; written over a CR LF layout with a byte-order mark, make wrote LF
/// and dropped the mark, where merge and the editor's save keep both.
#[test]
fn to_standard_output_and_over_a_crlf_layout_it_writes_a_usable_file() {
    let dir = sample_folder();
    let (code, out, err) = run(dir.path(), &["make", "issue.ron", "--page", "3", "-o", "/dev/stdout"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("Layout(\n    issue: \"issue.ron\",\n"), "{out}");
    assert!(err.contains("page 3: placed"), "the report goes to standard error: {err}");
    // Found from outside: `-o -` wrote a file named `-`; as `export`'s, it is standard output.
    let (code, dashed, err) = run(dir.path(), &["make", "issue.ron", "--page", "3", "-o", "-"]);
    assert_eq!((code, dashed.as_str()), (0, out.as_str()), "{err}");
    assert!(err.contains("page 3: placed") && !dir.path().join("-").exists(), "{err}");
    let layout = dir.path().join("issue.layout.ron");
    run(dir.path(), &["make", "issue.ron"]);
    let crlf = std::fs::read_to_string(&layout).unwrap().replace('\n', "\r\n");
    std::fs::write(&layout, format!("\u{FEFF}{crlf}")).unwrap();
    let (code, _, err) = run(dir.path(), &["make", "issue.ron", "--page", "4"]);
    assert_eq!(code, 0, "{err}");
    let written = std::fs::read(&layout).unwrap();
    assert!(written.starts_with(b"\xEF\xBB\xBFLayout(\r\n"), "{:?}", String::from_utf8_lossy(&written[..20]));
    assert!(!String::from_utf8(written).unwrap().replace("\r\n", "").contains('\n'));
}

/// Found from outside: a page made with no free line (a photo set a line short, and a notice)
/// was called short of copy: `25 column-lines offered for 26 free`. A full page is not.
#[test]
fn a_page_left_with_no_free_line_is_not_called_short_of_copy() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("fill.ron"),
        r#"Issue(paper: "测试报", date: "2023-02-10", language: "zh-Hans",
            pages: [Page(number: 1, grid: Grid(columns: 1, column_width: 11, gutter: 0, depth: 26))],
            items: [
                Photo(id: "pic", page: Some(1), priority: Some(2), caption: "图片说明", span: 1, height: Some(18)),
                Notice(id: "note", page: Some(1), priority: Some(3), title: "公告", body: ["市民普遍表示欢迎。"], signer: Some("某单位")),
            ])"#,
    )
    .unwrap();
    let (code, out, err) = run(dir.path(), &["make", "fill.ron", "-o", "out.layout.ron"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("free lines 0 of 26"), "{out}");
    assert!(!out.contains("too little copy"), "{out}");
}

/// Found from outside: an unplanned article too deep for the page at any span was left as
/// "not offered: every page made had copy enough without it", while the page's own line said
/// it had too little copy. It is left `too_deep`.
#[test]
fn a_filler_too_deep_for_the_page_is_left_too_deep() {
    let dir = tempfile::tempdir().unwrap();
    let paragraph = "\"本报讯 记者从市政府获悉，今年全市将继续推进城市更新行动，改造老旧小区一百二十个。\"";
    let long = vec![paragraph; 400].join(", ");
    std::fs::write(
        dir.path().join("td.ron"),
        format!(
            r#"Issue(paper: "测试报", date: "2023-02-10", language: "zh-Hans",
            pages: [Page(number: 1, grid: Grid(columns: 8, column_width: 13, gutter: 1, depth: 100))],
            items: [
                Article(id: "lead", page: Some(1), priority: Some(1), headline: "测试标题", body: [{paragraph}]),
                Article(id: "toobig", headline: "长文", body: [{long}]),
            ])"#
        ),
    )
    .unwrap();
    let (code, out, err) = run(dir.path(), &["make", "td.ron", "-o", "out.layout.ron"]);
    assert_eq!(code, 1, "the lead is narrow, a rule broken: {out}{err}");
    let left = out.lines().find(|l| l.contains("left   toobig")).unwrap_or_default();
    assert!(left.ends_with("too deep for the page at every span"), "{out}");
}

/// A page of `columns` columns of 10 em, `depth` lines deep, with `items` (RON), and the
/// layout `placements` (RON) on it.
fn one_page(columns: u16, depth: u32, items: &str, placements: &str) -> Makeup {
    let ron = format!(
        r#"Issue(paper: "测试报", date: "2023-02-10", language: "zh-Hans",
            pages: [Page(number: 1, grid: Grid(columns: {columns}, column_width: 10, gutter: 1, depth: {depth}))],
            items: [{items}])"#
    );
    let issue = format::parse_issue(Path::new("one.ron"), &ron).unwrap();
    let layout = format!(r#"Layout(issue: "one.ron", pages: [PageLayout(number: 1, placements: [{placements}])])"#);
    let layout = format::parse_layout(Path::new("one.layout.ron"), &layout).unwrap();
    Makeup::new(issue, &layout)
}

/// Found from outside: with its photo placed by the desk low on the page (line 70), a planned
/// article was left `no_room`, though it fitted in the photo's columns above it: the search
/// only puts a box at the first free cell, and nothing led it down to just over the photo.
#[test]
fn an_article_is_made_over_its_photo_placed_low_on_the_page() {
    let sentence = "本报讯 市交警支队发布雪天出行提示，提醒市民注意安全。";
    let items = format!(
        r#"Article(id: "lead", page: Some(1), priority: Some(1), headline: "雪后全市道路畅通",
             body: ["{lead}"]),
           Photo(id: "pic", page: Some(1), priority: Some(2), with: Some("story"), caption: "交警雪中疏导交通。",
             span: 2, height: Some(12)),
           Article(id: "story", page: Some(1), priority: Some(2), headline: "交警发布出行提示",
             body: ["{story}"])"#,
        lead = sentence.repeat(4),
        story = sentence.repeat(8),
    );
    let photo = r#"Placement(item: "pic", column: 1, span: 2, line: 70, depth: Auto)"#;
    let mut desk = one_page(4, 100, &items, photo);
    let report = make(&mut desk, &MakeOptions::default());
    assert!(report.pages[0].left.is_empty(), "{report:#?}");
    let boxes = desk.resolved(1);
    let (pic, story) = (boxes.iter().find(|b| b.item == "pic").unwrap(), boxes.iter().find(|b| b.item == "story"));
    let story = story.unwrap_or_else(|| panic!("the story is placed: {report:#?}"));
    assert_eq!((pic.column, pic.line), (1, 70), "the photo stays");
    let under = pic.line == story.below() && pic.column < story.column + story.span && story.column < pic.column + 2;
    let side = pic.column + pic.span == story.column || story.column + story.span == pic.column;
    let beside = side && pic.line < story.below() && story.line < pic.below();
    assert!(under || beside, "{story:?}");
    assert!(desk.validate().is_empty(), "{:?}", desk.validate());
}

/// Found from outside: a notice too deep for a third of the page at every span was set at
/// its narrowest span that fitted the page, over half the page deep at the foot. docs/make.md
/// promises a notice no deeper than a third: one deeper at every span stays in the bin, and
/// the reason names that limit; a notice within a third still goes to the foot.
#[test]
fn a_notice_deeper_than_a_third_of_the_page_is_left_and_said_so() {
    let clause = "凡在本市从事建设工程施工的单位，应当依照有关规定办理施工许可手续。";
    let items = format!(
        r#"Notice(id: "long", page: Some(1), priority: Some(3), title: "公告", body: ["{long}"],
             signer: Some("某单位"), date: Some("2023年2月10日")),
           Notice(id: "short", page: Some(1), priority: Some(4), title: "公告", body: ["{clause}"],
             signer: Some("某单位"))"#,
        long = clause.repeat(28),
    );
    let mut desk = one_page(4, 60, &items, "");
    let report = make(&mut desk, &MakeOptions::default());
    let page = &report.pages[0];
    for b in desk.resolved(1) {
        assert!(b.box_depth <= 20, "{} is {} lines deep of 60: {report:#?}", b.item, b.box_depth);
        assert_eq!(b.last_line(), 60, "{} at the foot", b.item);
    }
    let left = serde_json::to_value(&page.left).unwrap();
    assert_eq!(left, serde_json::json!([{"id": "long", "reason": "notice_too_deep"}]), "{report:#?}");
    assert!(page.placed.iter().any(|p| p.id == "short"), "{report:#?}");
    let text = pasteup::cli::make::report_text(&report, UiLang::En);
    assert!(text.contains("  left   long                     deeper than a third of the page at every span"), "{text}");
}

/// Found from outside: an article whose legs run past 60 lines at every span that fits the
/// page (a page 100 lines deep, two columns) was left `too_deep`, "too deep for the page at
/// every span", and the page called too small for its copy; the limit was the leg rule. The
/// reason names it, planned or a filler, and the page is not called too small.
#[test]
fn an_article_held_back_by_the_sixty_line_leg_says_so() {
    let sentence = "本报讯 市统计局发布数据显示，一季度全市地区生产总值同比增长百分之五点三。";
    let items = format!(
        r#"Article(id: "long", page: Some(1), priority: Some(1), headline: "经济开局良好", body: ["{body}"]),
           Article(id: "filler", headline: "经济开局良好", body: ["{body}"])"#,
        body = sentence.repeat(40),
    );
    let mut desk = one_page(2, 100, &items, "");
    let report = make(&mut desk, &MakeOptions::default());
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["pages"][0]["left"], serde_json::json!([{"id": "long", "reason": "legs_too_deep"}]), "{json}");
    assert_eq!(json["bin"], serde_json::json!([{"id": "filler", "reason": "legs_too_deep"}]), "{json}");
    let text = pasteup::cli::make::report_text(&report, UiLang::En);
    assert!(!text.contains("too small") && !text.contains("too little copy"), "{text}");
    assert!(text.contains("  left   long                     legs deeper than 60 lines at every span"), "{text}");
    assert!(text.contains("free column-lines at any span the rules allow"), "{text}");
}

/// Found from outside: with `--cut`, an article a sentence too deep for the page at every span
/// was left `too_deep` (cuts were tried only at spans it fitted whole), and, placed cut, was
/// said to offer no copy.
#[test]
fn with_cut_allowed_an_article_a_sentence_too_deep_is_made_cut() {
    let sentence = "本市今日召开会议，研究部署相关工作。";
    let mut body: Vec<String> = (0..9).map(|_| format!("\"{}\"", sentence.repeat(6))).collect();
    body.push(format!("\"{sentence}\""));
    let ron = format!(
        r#"Issue(paper: "测试报", date: "2026-12-06", pages: [Page(number: 1, grid: Grid(columns: 2, column_width: 10, gutter: 1, depth: 62))],
          items: [Article(id: "long", page: Some(1), priority: Some(1), headline: "长篇报道", byline: Some("记者"), body: [{}])])"#,
        body.join(", ")
    );
    let issue = format::parse_issue(Path::new("long.ron"), &ron).unwrap();
    let whole = Makeup::new(issue.clone(), &empty());
    assert!(whole.resolved(1).is_empty());
    let made = |cut: bool| {
        let mut desk = Makeup::new(issue.clone(), &empty());
        let report = make(&mut desk, &MakeOptions { cut, ..MakeOptions::default() });
        (desk, report)
    };
    let (_, uncut) = made(false);
    let left: Vec<_> = uncut.pages[0].left.iter().map(|l| l.reason).collect();
    assert_eq!(left, [pasteup_core::layout::make::LeftReason::TooDeep]);
    let (desk, cut) = made(true);
    let placed = desk.resolved(1);
    assert_eq!(placed.len(), 1, "{:?}", cut.bin);
    assert!(placed[0].setting.cut > 0 && !placed[0].fit.is_overset(), "{:?}", placed[0].fit);
    assert!(cut.pages[0].offered_lines > 0, "the copy placed was offered");
}

/// `two_pages()` with one box the desk placed on page `page`.
fn kept_on(page: u32, placement: &str) -> Layout {
    let text = format!(
        "Layout(issue: \"issue.ron\", pages: [PageLayout(number: {page}, placements: [\n    {placement},\n])])\n"
    );
    format::parse_layout(Path::new("kept.layout.ron"), &text).unwrap()
}

/// Whether an article stands with a photo the desk placed as docs/make.md promises: right
/// over it, or beside it with their tops or their bottoms level.
fn level_with(photo: &ResolvedBox, article: &ResolvedBox) -> bool {
    let shares_column = photo.column < article.column + article.span && article.column < photo.column + photo.span;
    let over = photo.line == article.line + article.box_depth && shares_column;
    let touches = photo.column + photo.span == article.column || article.column + article.span == photo.column;
    let level = photo.line == article.line || photo.line + photo.box_depth == article.line + article.box_depth;
    over || touches && level
}

/// Found from outside: the lead `a10`, planned for page 1, whose part 2 the desk had placed on
/// page 2 (part 1 in the bin), was neither placed nor named in page 1's report: with `--page
/// 1` make said nothing at all and exited 0.
#[test]
fn a_planned_lead_whose_part_2_stands_elsewhere_is_named_on_its_page() {
    let layout = kept_on(2, r#"Placement(item: "a10", column: 1, span: 2, line: 40, depth: Auto, part: 2)"#);
    for pages in [vec![1], Vec::new()] {
        let mut desk = Makeup::new(two_pages(), &layout);
        let report = make(&mut desk, &MakeOptions { pages: pages.clone(), ..MakeOptions::default() });
        let named: Vec<_> = report.pages[0].left.iter().filter(|l| l.id == "a10").collect();
        assert_eq!(named.len(), 1, "pages {pages:?}: {report:?}");
        assert_eq!((named[0].reason, named[0].part), (LeftReason::ContinuedPart, Some(1)), "pages {pages:?}");
        assert!(!report.bin.iter().any(|l| l.id == "a10"), "pages {pages:?}: named once: {:?}", report.bin);
        assert!(!report.complete(), "pages {pages:?}");
    }
}

/// Found from outside: the photo `p2` (of `a21`, both planned for page 2) placed by the desk on
/// page 1 was kept there, and `a21` was made on page 2, away from it, without a word.
#[test]
fn an_article_is_made_on_the_page_where_the_desk_placed_its_photo() {
    let layout = kept_on(1, r#"Placement(item: "p2", column: 4, span: 2, line: 30, depth: Auto)"#);
    let mut desk = Makeup::new(two_pages(), &layout);
    let report = make(&mut desk, &MakeOptions::default());
    let page1 = desk.resolved(1);
    let photo = page1.iter().find(|b| b.item == "p2").expect("the photo stays");
    let article = page1.iter().find(|b| b.item == "a21").unwrap_or_else(|| panic!("a21 on page 1: {report:?}"));
    assert!(level_with(photo, article), "a21 at {:?}", (article.column, article.span, article.line));
    assert!(!desk.resolved(2).iter().any(|b| b.item == "a21"), "made once");
    assert!(!report.pages[1].left.iter().any(|l| l.id == "a21"), "not called left on page 2");
}

/// Found from outside: an article made beside the photo the desk placed for it had neither
/// its top nor its bottom level with the photo's (`a11` at lines 15–30 beside `p1` from line 25).
#[test]
fn an_article_beside_a_kept_photo_has_its_top_or_bottom_level_with_it() {
    for line in [25, 12, 40] {
        let layout = kept_on(1, &format!(r#"Placement(item: "p1", column: 3, span: 2, line: {line}, depth: Auto)"#));
        let mut desk = Makeup::new(two_pages(), &layout);
        let report = make(&mut desk, &MakeOptions::default());
        let page1 = desk.resolved(1);
        let photo = page1.iter().find(|b| b.item == "p1").expect("the photo stays");
        match page1.iter().find(|b| b.item == "a11") {
            Some(a) => assert!(level_with(photo, a), "photo at line {line}: a11 at {:?}", (a.column, a.span, a.line)),
            None => assert!(report.pages[0].left.iter().any(|l| l.id == "a11"), "photo at line {line}: said"),
        }
    }
}

/// The runs of free lines with a box under them on page `number` (`columns` × `depth`), as
/// the JSON report gives them: touching columns with the same lines free as one.
fn gaps_of(desk: &Makeup, number: u32, (columns, depth): (u16, u32)) -> Vec<serde_json::Value> {
    let boxes = desk.resolved(number);
    let free = |c: u16, l: u32| {
        !boxes.iter().any(|b| (b.column..b.column + b.span).contains(&c) && (b.line..b.below()).contains(&l))
    };
    let mut runs: Vec<(u16, u16, u32, u32)> = Vec::new();
    for c in 1..=columns {
        let mut l = 1;
        while l <= depth {
            let top = l;
            while l <= depth && free(c, l) {
                l += 1;
            }
            if l > top && l <= depth {
                runs.push((c, 1, top, l - top));
            }
            l += 1;
        }
    }
    let mut out: Vec<(u16, u16, u32, u32)> = Vec::new();
    for run in runs {
        match out.iter_mut().find(|g| (g.2, g.3) == (run.2, run.3) && g.0 + g.1 == run.0) {
            Some(g) => g.1 += 1,
            None => out.push(run),
        }
    }
    out.iter().map(|&(column, span, line, lines)| serde_json::json!({"column": column, "span": span, "line": line, "lines": lines})).collect()
}

/// Found from outside: on a page with little copy the report named the same free lines once
/// a column (`gap column 1 lines 21–67 …`, `gap column 2 lines 21–67 …`, eight lines). Touching
/// columns with the same lines free are one gap, in the text in both languages and the JSON.
#[test]
fn touching_columns_with_the_same_lines_free_are_one_gap() {
    let opened = builtin_sample();
    let mut desk = Makeup::new(opened.issue, &empty());
    let report = make(&mut desk, &MakeOptions::default());
    let en = pasteup::cli::make::report_text(&report, UiLang::En);
    assert!(en.contains("  gap    columns 7–8 lines 1–2 free above a box: fill or close it by hand\n"), "{en}");
    assert!(!en.contains("gap    column 8 "), "{en}");
    let zh = pasteup::cli::make::report_text(&report, UiLang::ZhHans);
    assert!(zh.contains("  空档 第 7–8 栏第 1–2 行留空、下有稿件：请手工补排或合拢\n"), "{zh}");
    let page4 = report.pages.iter().find(|p| p.number == 4).unwrap();
    let json: Vec<serde_json::Value> = page4.gaps.iter().map(|g| serde_json::to_value(g).unwrap()).collect();
    assert_eq!(json, gaps_of(&desk, 4, (8, 100)));
    assert!(json.contains(&serde_json::json!({"column": 7, "span": 2, "line": 1, "lines": 2})), "{json:?}");
}

/// Found from outside: in 9 of 300 generated pages make left a line or two of a column free
/// above a box — here on page 2, column 4 under a page-wide story, so that the story under
/// them clears its neighbours' headlines (碰题) — and said so nowhere but in the free lines.
/// Every such gap is named in the report, for the page editor to fill or close.
#[test]
fn a_gap_make_leaves_above_a_box_is_said_in_the_report() {
    let (ron, _) = generate_issue(30, 900, 20230210);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("issue.ron"), &ron).unwrap();
    let args =
        ["make", "issue.ron", "--layout", "new.layout.ron", "--page", "1", "--page", "2", "-o", "made.layout.ron"];
    let (_, text, err) = run(dir.path(), &args);
    assert!(text.contains("  gap    column 4 lines 66–67 free above a box: fill or close it by hand\n"), "{text}{err}");
    let (_, json, _) = run(dir.path(), &[&args[..], &["--json"]].concat());
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let path = dir.path().join("made.layout.ron");
    let made = format::parse_layout(&path, &std::fs::read_to_string(&path).unwrap()).unwrap();
    let issue = format::parse_issue(Path::new("issue.ron"), &ron).unwrap();
    let desk = Makeup::new(issue, &made);
    for page in v["pages"].as_array().unwrap() {
        let number = u32::try_from(page["number"].as_u64().unwrap()).unwrap();
        assert_eq!(page["gaps"].as_array().unwrap(), &gaps_of(&desk, number, (8, 100)), "page {number}");
    }
}

/// The short boxes make placed on page `number` (`depth` lines deep) that close nothing: a
/// box set a line or two deeper than its item needs must end on the line above another box in
/// its columns, at the foot, or level with the bottom of a box in a touching column.
fn shorts_closing_nothing(desk: &Makeup, page: &pasteup_core::layout::make::MadePage, depth: u32) -> Vec<String> {
    let boxes = desk.resolved(page.number);
    let mut out = Vec::new();
    for p in page.placed.iter().filter(|p| p.short > 0) {
        let b = boxes.iter().find(|b| b.item == p.id).unwrap();
        let end = b.below();
        let shares = |o: &ResolvedBox| o.column < b.column + b.span && b.column < o.column + o.span;
        let touches = |o: &ResolvedBox| o.column + o.span == b.column || b.column + b.span == o.column;
        let closes = end == depth + 1
            || boxes.iter().any(|o| o.item != b.item && (o.line == end && shares(o) || touches(o) && o.below() == end));
        if !closes {
            out.push(format!(
                "page {}: {} columns {}+{} lines {}–{} +{} short",
                page.number,
                b.item,
                b.column,
                b.span,
                b.line,
                end - 1,
                p.short
            ));
        }
    }
    out
}

/// Found from outside: `make` set a box `+2 short` where that closed nothing — no box under
/// it, no neighbour ending level with it, not the foot (7 boxes in 160 generated issues): the
/// search had made it short against lines a neighbour left free, or against a box that ruin
/// and recreate then cleared. Every short box make places closes its column.
#[test]
fn every_short_box_make_places_closes_its_column() {
    let mut wrong = Vec::new();
    for seed in 1..=SHORT_SEEDS {
        let (issue, _) = planned(4, 40, seed);
        let mut desk = Makeup::new(issue, &empty());
        let report = make(&mut desk, &MakeOptions::default());
        for page in &report.pages {
            wrong.extend(shorts_closing_nothing(&desk, page, 100).into_iter().map(|w| format!("seed {seed} {w}")));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

const SHORT_SEEDS: u64 = 12;

/// One page of 8 columns of 13 em, 100 lines (tests/data/make-photo-under-wide-lead.ron): the
/// lead `a1-1`, its photo `p1` (2 columns, 14 lines), four more stories and a notice.
fn photo_under_wide_lead() -> Issue {
    data_issue("make-photo-under-wide-lead.ron")
}

/// Found from outside: the lead stood across the page at lines 1–17, the beam filled line 18
/// with other stories set across the page, and the photo planned with the lead was left in
/// the bin, `no_room`, on a page 42% empty, where it stands at line 18 under the lead.
#[test]
fn a_photo_planned_with_a_full_width_story_is_placed_under_it() {
    let issue = photo_under_wide_lead();
    let mut desk = Makeup::new(issue.clone(), &empty());
    let report = make(&mut desk, &MakeOptions::default());
    let page = &report.pages[0];
    assert!(page.left.is_empty(), "{:?}", page.left);
    assert_eq!(page.placed.len(), 7, "{:?}", page.placed);
    assert!(desk.validate().is_empty(), "{:?}", desk.validate());
    assert_made_by_the_rules(&issue, &desk, page, "small page");
    let lead = desk.resolved(1).into_iter().find(|b| b.item == "a1-1").unwrap();
    assert_eq!(lead.line, 1, "the lead at line 1");
    assert!(page.broken.is_empty(), "{:?}", page.broken);

    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("small.ron"), std::fs::read("tests/data/make-photo-under-wide-lead.ron").unwrap())
        .unwrap();
    let (code, out, err) = run(dir.path(), &["make", "small.ron"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("  placed p1 ") && !out.contains("  left "), "{out}");
}

/// Over generated issues with little copy a page (pages that keep much room free), no photo
/// planned with an article placed on its page is left `no_room` on a page a fifth or more empty.
#[test]
fn a_photo_is_not_left_no_room_beside_its_article_on_a_page_with_room() {
    let mut photos = 0;
    for seed in 1..=12 {
        let (ron, _) = generate_planned_issue(4, 36, seed);
        let issue = format::parse_issue(Path::new("generated.ron"), &ron).unwrap();
        let mut desk = Makeup::new(issue.clone(), &empty());
        let report = make(&mut desk, &MakeOptions::default());
        for page in &report.pages {
            assert_made_by_the_rules(&issue, &desk, page, &format!("seed {seed}"));
            let boxes = desk.resolved(page.number);
            let roomy = page.free_lines * 5 >= page.column_lines;
            for left in page.left.iter().filter(|l| l.reason == LeftReason::NoRoom) {
                let article = with_of(&issue, &left.id).filter(|a| boxes.iter().any(|b| &b.item == a));
                assert!(
                    !(roomy && article.is_some()),
                    "seed {seed} page {}: {} left no_room with {article:?} on the page, {} of {} lines free",
                    page.number,
                    left.id,
                    page.free_lines,
                    page.column_lines
                );
            }
            photos += page.placed.iter().filter(|p| with_of(&issue, &p.id).is_some()).count();
        }
    }
    assert!(photos >= 12, "the issues have photos with their articles: {photos}");
}

/// Two pages of 6 columns of 11 em, 60 lines (tests/data/make-planned-over-fillers.ron): page
/// 1 led by `port-record` with its photo, `metro-line2` (priority 2), `flu-brief` (3) and a
/// notice planned for it, and two fillers in the bin, the reader's photo `lighthouse` and
/// `library-brief`.
fn planned_over_fillers() -> Issue {
    data_issue("make-planned-over-fillers.ron")
}

/// Found from outside: page 1 set the filler `lighthouse` beside the lead at lines 1–22 and
/// `library-brief` at line 14, while the planned `metro-line2` (priority 2) went down to line
/// 32 and `flu-brief` (priority 3) to line 23: every page the search compared had the same free
/// lines, and nothing in the quality order looked at which copy stood highest. No filler now
/// starts above a planned story; the order among planned stories is not promised (counting
/// it left a sample page's columns empty from line 1 beside its lead).
#[test]
fn planned_stories_stand_above_fillers() {
    let issue = planned_over_fillers();
    let mut desk = Makeup::new(issue.clone(), &empty());
    let report = make(&mut desk, &MakeOptions::default());
    let page = &report.pages[0];
    assert!(page.left.is_empty() && report.bin.is_empty(), "{report:?}");
    assert_made_by_the_rules(&issue, &desk, page, "page 1");
    assert!(page.broken.is_empty(), "{:?}", page.broken);
    // The page is short of copy: what fills it is every item placed and no line left free
    // above a box (the free lines differ only by the lines set short).
    assert!(page.gaps.is_empty(), "{:?}", page.gaps);
    let top = |id: &str| page.placed.iter().find(|p| p.id == id).unwrap().line;
    assert_eq!(top("port-record"), 1, "the lead at line 1");
    for filler in ["lighthouse", "library-brief"] {
        for planned in ["port-record", "metro-line2", "flu-brief"] {
            assert!(
                top(planned) <= top(filler),
                "{filler} at line {} above {planned} at line {}",
                top(filler),
                top(planned)
            );
        }
    }
}

/// Pairs (filler, planned item) on a page made where the filler starts above the planned item,
/// with their lines: photos with their article and notices are not counted (they stand with
/// their article, and at the foot).
fn fillers_above_planned(issue: &Issue, page: &MadePage) -> Vec<(String, u32, String, u32)> {
    let planned = |id: &str| issue.item(id).and_then(Item::planned_page) == Some(page.number);
    let counted: Vec<_> =
        page.placed.iter().filter(|p| p.kind != ItemKind::Notice && with_of(issue, &p.id).is_none()).collect();
    let mut out = Vec::new();
    for f in counted.iter().filter(|p| !planned(&p.id)) {
        for q in counted.iter().filter(|q| planned(&q.id) && f.line < q.line) {
            out.push((f.id.clone(), f.line, q.id.clone(), q.line));
        }
    }
    out
}

/// Over generated issues with little copy a page (every page short of copy, so that fillers
/// are placed), no filler starts above a planned story: the copy placed is the same either
/// way, and the fillers above planned items count before the lines set short.
#[test]
fn on_pages_short_of_copy_no_filler_stands_above_a_planned_story() {
    let mut fillers = 0;
    let mut wrong = Vec::new();
    for seed in 1..=12 {
        let (ron, _) = generate_planned_issue(4, 36, seed);
        let issue = format::parse_issue(Path::new("generated.ron"), &ron).unwrap();
        let mut desk = Makeup::new(issue.clone(), &empty());
        let report = make(&mut desk, &MakeOptions::default());
        for page in report.pages.iter().filter(|p| !p.copy_enough()) {
            fillers += page.placed.iter().filter(|p| issue.item(&p.id).and_then(Item::planned_page).is_none()).count();
            wrong.extend(
                fillers_above_planned(&issue, page)
                    .into_iter()
                    .map(|w| format!("seed {seed} page {}: {w:?}", page.number)),
            );
        }
    }
    assert!(fillers >= 12, "the pages take fillers: {fillers}");
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// A story of the one-column pages below: `chars` characters of body (at 10 em a column, 29
/// set 6 lines deep with its headline, 39 7 lines, 59 9, 69 10, 79 11), planned for page 1 at
/// `priority`, or a filler (`None`).
fn story(id: &str, priority: Option<u32>, chars: usize) -> String {
    let text = "本报讯市统计局发布一季度全市经济运行情况初步核算全市实现地区生产总值同比增长百分之五点三\
                工业生产稳中有进新动能持续壮大消费市场回暖投资结构优化本报讯市统计局发布一季度全市经济运行情况";
    let body: String = text.chars().take(chars).collect();
    let plan = priority.map(|p| format!("page: Some(1), priority: Some({p}), ")).unwrap_or_default();
    format!(
        r#"Article(id: "{id}", {plan}headline: "要闻", subhead: None, kicker: None, byline: None, body: ["{body}。"])"#
    )
}

/// The ids placed on page 1, top down, and the ids left out (on the page and in the bin).
fn placed_and_left(report: &MakeReport) -> (Vec<&str>, Vec<&str>) {
    let page = &report.pages[0];
    let mut placed: Vec<_> = page.placed.iter().collect();
    placed.sort_by_key(|p| p.line);
    let left = page.left.iter().chain(&report.bin).map(|l| l.id.as_str());
    (placed.iter().map(|p| p.id.as_str()).collect(), left.collect())
}

/// Found from outside: on a column of 20 lines planned for `c` (priority 3, 10 lines), `e` (5,
/// 11 lines) and `a` (2, 6 lines), with the filler `b` (9 lines) in the bin, make placed `c`
/// and the filler, the column full, and left `a` and `e` out, "no room": the filler took the
/// room `a` stands in. Fillers only take the room the planned items leave: `c` and `a` stand,
/// 4 lines free.
#[test]
fn a_filler_never_takes_the_room_of_a_planned_item() {
    let items = [story("c", Some(3), 69), story("e", Some(5), 79), story("a", Some(2), 29), story("b", None, 59)];
    let mut desk = one_page(1, 20, &items.join(", "), "");
    let report = make(&mut desk, &MakeOptions::default());
    let (placed, left) = placed_and_left(&report);
    assert_eq!((placed, left), (vec!["c", "a"], vec!["e", "b"]), "{report:?}");
    assert_eq!(report.pages[0].free_lines, 4);
    assert!(desk.validate().is_empty(), "{:?}", desk.validate());
}

/// Found from outside: on a column of 20 lines planned for `c` (priority 3, 10 lines), `b` (8,
/// 7 lines) and `a` (2, 6 lines), make placed `c` and `b`, 3 lines free, and left the more
/// important `a` out, "no room", though it stands where `b` stood, 4 lines free: the page is
/// not filled either way, and a line less free counted before which story ran. Priority names
/// which planned items are left out first: `a` takes `b`'s room.
#[test]
fn a_more_important_planned_item_takes_a_less_important_ones_room() {
    let items = [story("c", Some(3), 69), story("b", Some(8), 39), story("a", Some(2), 29)];
    let mut desk = one_page(1, 20, &items.join(", "), "");
    let report = make(&mut desk, &MakeOptions::default());
    let (placed, left) = placed_and_left(&report);
    assert_eq!((placed, left), (vec!["c", "a"], vec!["b"]), "{report:?}");
    assert_eq!(report.pages[0].left[0].reason, LeftReason::NoRoom);
    assert_eq!(report.pages[0].free_lines, 4);
}

/// A page of 5 columns, 60 lines, with notices only: `(id, sentences, priority)`, priority
/// `None` for a filler. A sentence is 40 characters: 1 sets 10 lines at one column, 2 14 lines,
/// 5 15 lines at two columns, 6 17, 8 20 (deeper than a third of the page at one column).
fn notices_page(notices: &[(&str, usize, Option<u32>)]) -> Issue {
    let sentence = "本报讯市统计局发布一季度全市经济运行情况初步核算全市实现地区生产总值同比增长。";
    let items: Vec<String> = notices
        .iter()
        .map(|(id, n, priority)| {
            let plan = priority.map(|p| format!("page: Some(1), priority: Some({p}), ")).unwrap_or_default();
            let body = sentence.repeat(*n);
            format!(
                r#"Notice(id: "{id}", {plan}title: "公告", body: ["{body}"], signer: Some("某单位"), date: Some("2024年3月15日"))"#
            )
        })
        .collect();
    let ron = format!(
        r#"Issue(paper: "测试报", date: "2023-02-10", pages: [Page(number: 1, grid: Grid(columns: 5, column_width: 11, gutter: 1, depth: 60))], items: [{}])"#,
        items.join(", ")
    );
    format::parse_issue(Path::new("notices.ron"), &ron).unwrap()
}

/// Found from outside: with four planned notices (1, 1, 2 and 2 columns wide) and two filler
/// notices for five columns, make placed two planned notices and both fillers, and left the
/// planned `n4` and `n7` in the bin, "no room", on a page 74% free; the planned `n1`, `n4` and
/// `n7` side by side at the foot leave one planned notice out, not two.
#[test]
fn filler_notices_never_push_a_planned_notice_off_the_foot() {
    let page = [
        ("n1", 2, Some(2)),
        ("n2", 1, Some(2)),
        ("n4", 6, Some(2)),
        ("n5", 8, None),
        ("n6", 2, None),
        ("n7", 5, Some(4)),
    ];
    let mut desk = Makeup::new(notices_page(&page), &empty());
    let report = make(&mut desk, &MakeOptions::default());
    let left: Vec<&str> = report.pages[0].left.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(left.len(), 1, "one planned notice left out, not two: {report:?}");
    assert!(desk.validate().is_empty(), "{:?}", desk.validate());
    assert_made_by_the_rules(&notices_page(&page), &desk, &report.pages[0], "notices");
}

/// The weight of the planned items each page made left out, by the quality order's measure:
/// each counts the more the more important it is (1/priority).
fn planned_left_out(issue: &Issue, report: &MakeReport) -> Vec<(u32, f64)> {
    let weight = |id: &str| 1.0 / f64::from(issue.item(id).and_then(Item::priority).unwrap_or(u32::MAX));
    report.pages.iter().map(|p| (p.number, p.left.iter().map(|l| weight(&l.id)).sum())).collect()
}

/// Found from outside: on 9 of 80 generated pages, a planned item was left out, "no room",
/// while fillers took its room. Each page of generated issues with page plans leaves out no
/// more (nor more important) planned copy than the same page made without the fillers
/// (before, page 2 of seed 11 left out 3.77 with them, 3.27 without, and page 1 of seed 26).
#[test]
fn fillers_cost_no_generated_page_a_planned_item() {
    for seed in [8, 11, 26] {
        let (ron, _) = generate_planned_issue(3, 96, seed);
        let issue = format::parse_issue(Path::new("generated.ron"), &ron).unwrap();
        // Without the fillers: each planned for a page the issue lacks, so that no page is
        // offered it and every item keeps its place in the issue (ties break alike).
        let mut bare = issue.clone();
        for item in bare.items.iter_mut().filter(|item| item.planned_page().is_none()) {
            if !with_planned_article(&issue, item) {
                set_page(item, 99);
            }
        }
        let with = make(&mut Makeup::new(issue.clone(), &empty()), &MakeOptions::default());
        let without = make(&mut Makeup::new(bare.clone(), &empty()), &MakeOptions::default());
        let lost = planned_left_out(&issue, &with).into_iter().zip(planned_left_out(&bare, &without));
        for ((number, a), (_, b)) in lost {
            assert!(a <= b + 1e-9, "seed {seed} page {number}: {a} left out with fillers, {b} without");
        }
    }
}

/// A photo with no page of its own goes where its planned article goes: planned copy too.
fn with_planned_article(issue: &Issue, item: &Item) -> bool {
    let Item::Photo(p) = item else { return false };
    p.with.as_deref().and_then(|a| issue.item(a)).is_some_and(|a| a.planned_page().is_some())
}

fn set_page(item: &mut Item, number: u32) {
    match item {
        Item::Article(a) => a.page = Some(number),
        Item::Photo(p) => p.page = Some(number),
        Item::Notice(n) => n.page = Some(number),
    }
}

/// The lead's box on page 1 as made from empty: (column, span, first line, last line, short).
fn lead_made(file: &str, lead: &str) -> (u16, u16, u32, u32, u32) {
    let mut desk = Makeup::new(data_issue(file), &empty());
    let report = make(&mut desk, &MakeOptions::default());
    let b = report.pages[0].placed.iter().find(|p| p.id == lead).unwrap();
    (b.column, b.span, b.line, b.line + b.depth - 1, b.short)
}

/// Found from outside: a lone lead on a page short of copy was narrowed to save a line at the
/// foot, a column beside it left empty from line 1 to the foot: 1,887 characters on a
/// broadsheet at columns 1–7, lines 1–23 (639 free) where 1–8 takes lines 1–20 (640); on 6
/// columns × 60 lines 1,120 characters at columns 1–5 (245 free), not 1–6 (246), and 2,437
/// at columns 1–4, lines 1–60 `+2 short`, columns 5–6 empty (120 free), where 1–6 takes lines
/// 1–39 (126). The lead stands at its widest sensible span.
#[test]
fn a_lead_short_of_copy_is_not_narrowed_to_save_a_line() {
    assert_eq!(lead_made("make-lead-broadsheet.ron", "big"), (1, 8, 1, 20, 0));
    assert_eq!(lead_made("make-lead-six-25.ron", "big").1, 6);
    assert_eq!(lead_made("make-lead-six-55.ron", "big"), (1, 6, 1, 39, 0));
}

/// Found from outside: on a column of 50 lines planned for `a0` (priority 1, 25 lines), `a1`
/// (2, 20 lines) and `a4` (3, 23 lines), make set `a0` and `a4` two lines short, "free lines
/// 0", and left the more important `a1` out, `no_room`, though `a0` and `a1` stand with 5
/// free: the 2 lines set short fill nothing, so the page is 4% empty either way, and priority
/// says which story is left out.
#[test]
fn lines_set_short_do_not_fill_a_page_for_a_less_important_story() {
    let mut desk = Makeup::new(data_issue("make-short-lines-o37.ron"), &empty());
    let report = make(&mut desk, &MakeOptions::default());
    let (placed, left) = placed_and_left(&report);
    assert_eq!(&placed[..2], ["a0", "a1"], "{report:?}");
    assert!(left.contains(&"a4") && !left.contains(&"a1"), "{report:?}");
    assert_eq!((report.pages[0].free_lines, report.pages[0].short_lines), (5, 0));
    assert!(desk.validate().is_empty(), "{:?}", desk.validate());
    // The same on 40 lines: `a3` (priority 5) set two lines short had the room of `a2` (2),
    // which stands with 6 lines free; on 50 lines, `a4` (4) that of `a5` (2).
    for (file, placed_now, left_now) in
        [("make-short-lines-o7.ron", ["a0", "a2", "a1"], "a3"), ("make-short-lines-o24.ron", ["a1", "a5", "a3"], "a4")]
    {
        let mut desk = Makeup::new(data_issue(file), &empty());
        let report = make(&mut desk, &MakeOptions::default());
        let (placed, left) = placed_and_left(&report);
        assert_eq!(placed, placed_now, "{file}: {report:?}");
        assert!(left.contains(&left_now), "{file}: {report:?}");
    }
}

/// Found from outside: a kept lead with `cut: 30` over a body of 10 sentences (a headline with
/// nothing under it) was kept as it stood, make exited 0 with no `rule` line, and `check`
/// rejected the layout it wrote (`empty_part`). It is a rule the page breaks, as a kept box
/// overset is: said, and exit 1.
#[test]
fn a_kept_box_with_its_body_cut_whole_is_a_broken_rule_and_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let items = [story("lead", Some(1), 79), story("second", Some(2), 59)].join(", ");
    let issue = format!(
        r#"Issue(paper: "测试报", date: "2023-02-10", language: "zh-Hans",
            pages: [Page(number: 1, grid: Grid(columns: 2, column_width: 10, gutter: 1, depth: 40))],
            items: [{items}])"#
    );
    std::fs::write(dir.path().join("issue.ron"), issue).unwrap();
    let layout = r#"Layout(issue: "issue.ron", pages: [PageLayout(number: 1, placements: [
        Placement(item: "lead", column: 1, span: 2, line: 1, depth: Auto, cut: 30)])])"#;
    std::fs::write(dir.path().join("issue.layout.ron"), layout).unwrap();
    let (code, out, err) = run(dir.path(), &["make", "issue.ron", "-o", "made.layout.ron"]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains("  rule   lead, kept as it stood, holds none of its body"), "{out}");
    assert_eq!(run(dir.path(), &["check", "issue.ron", "--layout", "made.layout.ron"]).0, 1);
    let (_, json, _) = run(dir.path(), &["make", "issue.ron", "-o", "made.layout.ron", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["pages"][0]["broken"], serde_json::json!([{"rule": "kept_empty", "id": "lead"}]), "{json}");
}

/// Found from outside (a Japanese page of 6 columns × 11 em × 60 lines,
/// tests/data/make-cut-short-of-copy.ron): with `--cut`, a page whose five items offered 143
/// column-lines for 360 free had `school` cut a sentence, and came out with 221 free lines
/// where without the cut it has 218: the cut only closed a 3-line gap. A page short of copy
/// is cut only for copy that does not stand there whole, and a cut never leaves a page more
/// free lines than the page made without it.
#[test]
fn with_cut_allowed_a_page_short_of_copy_is_not_cut() {
    let issue = data_issue("make-cut-short-of-copy.ron");
    let made = |cut: bool| {
        let mut desk = Makeup::new(issue.clone(), &empty());
        let report = make(&mut desk, &MakeOptions { cut, ..MakeOptions::default() });
        (desk.resolved(2), report)
    };
    let (plain, uncut) = made(false);
    let (boxes, cut) = made(true);
    let page = &cut.pages[0];
    assert!(page.offered_lines < u64::from(page.open_lines), "the page is short of copy: {page:?}");
    assert_eq!((uncut.pages[0].free_lines, uncut.pages[0].cut_sentences), (218, 0));
    assert_eq!(page.cut_sentences, 0, "{page:?}");
    assert!(page.free_lines <= uncut.pages[0].free_lines, "{} vs {}", page.free_lines, uncut.pages[0].free_lines);
    assert_eq!(page.placed.len(), 5, "{page:?}");
    let at = |b: &[ResolvedBox]| b.iter().map(|b| (b.item.clone(), b.column, b.span, b.line)).collect::<Vec<_>>();
    assert_eq!(at(&boxes), at(&plain), "the page is made as without --cut");
}

/// Found from outside: `make --page 2` on an issue whose page 1 had five items planned in the
/// bin ended `made 1 page: placed 8, 0 left in the bin`, JSON `"bin": []`, while `check` on
/// the layout written said `bin: 5 items`. What waits in the bin for a page not made is
/// counted and named (and is no failure: make did not try to place it).
#[test]
fn items_waiting_for_a_page_not_made_are_counted_and_named() {
    let dir = sample_folder();
    let (code, out, err) = run(dir.path(), &["make", "issue.ron", "--page", "4", "-o", "four.layout.ron"]);
    assert_eq!(code, 0, "{out}{err}");
    let three = ["jinyuan-livable", "jinyuan-ten-projects", "yangqu-livelihood", "yangqu-seven-projects"];
    assert!(out.contains("bin: 4 items wait for pages not made\n"), "{out}");
    for id in three {
        assert!(out.contains(&format!("  wait   {id:<24} planned for page 3, not made this run\n")), "{out}");
    }
    assert!(out.contains("made 1 page: placed 8, 0 left in the bin, 4 waiting there for pages not made;"), "{out}");
    let (_, check, _) = run(dir.path(), &["check", "issue.ron", "--layout", "four.layout.ron"]);
    assert!(check.contains("bin: 4 items"), "{check}");
    let (code, json, _) = run(dir.path(), &["make", "issue.ron", "--page", "4", "-o", "four.layout.ron", "--json"]);
    assert_eq!(code, 0, "{json}");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let waiting: Vec<serde_json::Value> =
        three.iter().map(|id| serde_json::json!({"id": id, "reason": "waiting", "page": 3})).collect();
    assert_eq!(v["bin"], serde_json::Value::Array(waiting), "{json}");
    let (_, zh, _) =
        run(dir.path(), &["--ui-lang", "zh-Hans", "make", "issue.ron", "--page", "4", "-o", "four.layout.ron"]);
    assert!(zh.contains("待排稿：4 篇留待本次未组的版"), "{zh}");
    assert!(zh.contains("  待排 jinyuan-livable"), "{zh}");
    assert!(zh.contains("，4 篇等待未组的版"), "{zh}");
}

/// Found from outside: in Chinese, make called a notice 公告 in its rule lines (`违规 公告
/// power-notice 计划为本版头条`) and 启事 in its placed and bin lines; docs/interface-language.md
/// names it 启事, and so does every line now.
#[test]
fn a_notice_planned_as_the_lead_is_a_qishi_in_chinese() {
    let dir = sample_folder();
    let issue = std::fs::read_to_string(dir.path().join("issue.ron")).unwrap();
    let lead = issue.replacen(
        "id: \"hospital-tender\", page: Some(4), priority: Some(4)",
        "id: \"hospital-tender\", page: Some(4), priority: Some(1)",
        1,
    );
    assert_ne!(lead, issue);
    std::fs::write(dir.path().join("issue.ron"), lead).unwrap();
    let (code, zh, _) = run(dir.path(), &["--ui-lang", "zh-Hans", "make", "issue.ron"]);
    assert_eq!(code, 1, "{zh}");
    assert!(zh.contains("  违规 启事 hospital-tender 计划为本版头条"), "{zh}");
    assert!(zh.contains("启事照例排在版底"), "{zh}");
    assert!(!zh.contains("公告 hospital-tender"), "{zh}");
}

/// Runs pasteup in `dir` with arguments that may not be UTF-8, under `lang` (`LANG`).
fn run_os(dir: &Path, args: &[&std::ffi::OsStr], lang: &str) -> (i32, String, String) {
    let out = Command::new(BIN).args(args).current_dir(dir).env("LANG", lang).env_remove("LC_ALL").output().unwrap();
    let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
    (out.status.code().unwrap(), text(out.stdout), text(out.stderr))
}

/// Found from outside: an issue named in GBK (`第3版.ron` from a Windows share) was written into
/// the layout as `"��3��.ron"`, a name no file has, so `check` of the layout failed and `check`
/// of the issue said another issue's layout was open. A layout never names its issue lossily:
/// nothing is written, exit 2, and the name is shown with its bytes escaped.
#[test]
fn make_refuses_to_name_an_issue_whose_file_name_is_not_utf8() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let dir = sample_folder();
    let issue = OsStr::from_bytes(b"\xb5\xda3\xb0\xe6.ron");
    let layout = OsStr::from_bytes(b"\xb5\xda3\xb0\xe6.layout.ron");
    std::fs::rename(dir.path().join("issue.ron"), dir.path().join(issue)).unwrap();
    let args = [OsStr::new("make"), issue, OsStr::new("-o"), layout];
    let (code, out, err) = run_os(dir.path(), &args, "C");
    assert_eq!(code, 2, "{out}{err}");
    assert!(!dir.path().join(layout).exists(), "nothing written");
    let said = r"the issue's file name \xb5\xda3\xb0\xe6.ron is not UTF-8, so a layout cannot name it; rename it, e.g. `convmv -f GBK -t UTF-8 --notest FILE`";
    assert_eq!(err.matches(said).count(), 1, "said once: {err}");
    assert!(err.contains(r"nothing was written to \xb5\xda3\xb0\xe6.layout.ron"), "{err}");
    assert!(!format!("{out}{err}").contains('\u{fffd}'), "{out}{err}");
    let (code, out, err) = run_os(dir.path(), &args, "zh_CN.UTF-8");
    assert_eq!(code, 2, "{out}{err}");
    assert!(err.contains(r"稿件文件名 \xb5\xda3\xb0\xe6.ron 不是 UTF-8"), "{err}");
    // Opening it says so at once, and every path it prints has its bytes escaped.
    let (code, out, err) = run_os(dir.path(), &[OsStr::new("check"), issue], "C");
    assert_eq!(code, 0, "{out}{err}");
    assert!(err.contains(said), "{err}");
    assert!(err.starts_with(r"\xb5\xda3\xb0\xe6.layout.ron: the issue's file name"), "said first: {err}");
    assert!(!format!("{out}{err}").contains('\u{fffd}'), "{out}{err}");
    // An issue in the same folder under a UTF-8 name is named as ever.
    let args = [OsStr::new("make"), OsStr::new("fine.ron"), OsStr::new("-o"), layout];
    std::fs::copy(dir.path().join(issue), dir.path().join("fine.ron")).unwrap();
    assert_eq!(run_os(dir.path(), &args, "C").0, 0);
    assert!(std::fs::read_to_string(dir.path().join(layout)).unwrap().contains("issue: \"fine.ron\""));
    let (code, out, _) =
        run_os(dir.path(), &[OsStr::new("check"), OsStr::new("fine.ron"), OsStr::new("--layout"), layout], "C");
    assert_eq!(code, 0);
    assert!(out.contains(r"layout: \xb5\xda3\xb0\xe6.layout.ron"), "{out}");
}

/// Found from outside: `make river.ron -o page2.ron`, where `page2.ron` was another issue (the
/// copy desk's file for another page), wrote the layout over it and exited 0: a slip of the
/// `.layout` lost the copy. An issue file is never written over, whichever issue it is.
#[test]
fn make_never_writes_over_an_issue_file() {
    let dir = sample_folder();
    let other = std::fs::read_to_string(dir.path().join("issue.ron")).unwrap().replace("太原日报", "晋阳晚报");
    std::fs::write(dir.path().join("page2.ron"), &other).unwrap();
    let (code, out, err) = run(dir.path(), &["make", "issue.ron", "-o", "page2.ron"]);
    assert_eq!(code, 2, "{out}{err}");
    assert_eq!(std::fs::read_to_string(dir.path().join("page2.ron")).unwrap(), other, "the issue is kept");
    assert!(err.contains("page2.ron: cannot write the layout over the issue page2.ron"), "{err}");
    assert!(err.contains("name another file with -o"), "{err}");
    assert!(out.is_empty(), "nothing made: {out}");
    // A layout there is written over, as ever.
    assert_eq!(run(dir.path(), &["make", "issue.ron", "-o", "night.layout.ron"]).0, 0);
    assert_eq!(run(dir.path(), &["make", "issue.ron", "-o", "night.layout.ron"]).0, 0);
}

/// Found from outside: a photo planned for page 2 whose story had no page of its own lost the
/// story to page 1, which took it as a filler, and was left in the bin, "its article is not on
/// the page", with page 2 94% free. A story goes where its photo is planned, as a photo goes
/// where its story is.
#[test]
fn the_story_of_a_planned_photo_goes_to_the_photos_page() {
    let ron = r#"Issue(paper: "江城晚报", date: "2026-12-09", pages: [
        Page(number: 1, grid: Grid(columns: 4, column_width: 12, gutter: 1, depth: 60)),
        Page(number: 2, grid: Grid(columns: 4, column_width: 12, gutter: 1, depth: 60))],
      items: [
        Article(id: "front-lead", page: Some(1), priority: Some(1), headline: "长江第五座大桥今晨通车",
            body: ["本报讯 今天早上七点，横跨长江的第五座公路大桥正式通车。首批车辆从南岸引桥驶上桥面，十分钟后抵达北岸，比绕行老桥节省了将近四十分钟。",
                   "这座大桥全长四千二百米，主跨九百八十米，采用双塔斜拉结构，设计时速一百公里。建设单位介绍，大桥历时五年建成。"]),
        Article(id: "page2-lead", page: Some(2), priority: Some(1), headline: "百年老街换新颜",
            body: ["本报讯 走进刚刚完成改造的花园老街，青石板路面平整干净，两旁的骑楼外墙重新粉刷，木格窗棂保留着原来的样式。",
                   "这条老街始建于清末，全长八百米，曾是江城最热闹的商业街。由于年久失修，不少建筑出现墙体开裂、屋面漏雨等问题。"]),
        Article(id: "zoo", headline: "动物园迎来大熊猫",
            body: ["本报讯 两只大熊猫昨天从成都抵达江城动物园，经过一个月的隔离检疫后将与游客见面。动物园为它们新建了一座两千平方米的场馆。"]),
        Photo(id: "zoo-photo", page: Some(2), priority: Some(2), with: Some("zoo"),
            caption: "大熊猫在新场馆里吃竹子。", span: 2, height: Some(12))])"#;
    let issue = format::parse_issue(Path::new("split.ron"), ron).unwrap();
    let mut desk = Makeup::new(issue, &empty());
    let report = make(&mut desk, &MakeOptions::default());
    let on = |page: u32| desk.resolved(page).into_iter().map(|b| b.item).collect::<Vec<_>>();
    assert!(!on(1).contains(&"zoo".to_string()), "page 1: {:?}", on(1));
    assert!(on(2).contains(&"zoo".to_string()) && on(2).contains(&"zoo-photo".to_string()), "page 2: {:?}", on(2));
    let left: Vec<_> = report.pages.iter().flat_map(|p| &p.left).chain(&report.bin).collect();
    assert!(left.is_empty(), "{left:?}");
}

/// Found from outside (generated pages of 20 columns, tests/data/make-cut-wide-page.ron and
/// make-cut-twenty-columns.ron): with `--cut` the search with cuts spent the page's count of
/// work first, so the page "as made without --cut" was searched on what was left and came out
/// worse; the wide page, short of copy, had 7 sentences cut and 139 lines more free (2609 of
/// 8000, 2470 without `--cut`), the other cut nothing and had 14 more (378, 364 without). The
/// page without cuts is made as without `--cut`, on a count of work of its own, and a page
/// from the search with cuts is taken over it only where it is no emptier (and, short of
/// copy, keeps more of the plan: else the page is the one made without `--cut`).
#[test]
fn with_cut_allowed_a_wide_page_is_never_worse_than_without() {
    for file in ["make-cut-wide-page.ron", "make-cut-twenty-columns.ron"] {
        let issue = data_issue(file);
        let made = |cut: bool| {
            let mut desk = Makeup::new(issue.clone(), &empty());
            make(&mut desk, &MakeOptions { cut, ..MakeOptions::default() }).pages.remove(0)
        };
        let (uncut, cut) = (made(false), made(true));
        assert!(
            cut.free_lines <= uncut.free_lines,
            "{file}: cut {} free lines, uncut {}",
            cut.free_lines,
            uncut.free_lines
        );
        if cut.offered_lines < u64::from(cut.open_lines) {
            assert_eq!(
                (cut.free_lines, cut.cut_sentences, cut.placed.len()),
                (uncut.free_lines, 0, uncut.placed.len()),
                "{file}: made as without --cut"
            );
        }
    }
}
