//! A small issue for the layout tests: twelve items of real Chinese news text on two
//! broadsheet pages (8 columns of 13, 100 lines), and helpers to open a desk on it.
#![allow(dead_code)]

use pasteup_core::format::ron_options;
use pasteup_core::layout::Makeup;
use pasteup_core::model::{Depth, Issue, Layout, PageLayout, Placement};

const SENTENCES: [&str; 8] = [
    "本报讯 以更高标准推进生态文明建设，加快推动生产生活方式绿色转型；实施民生品质提升计划，兜牢基本民生底线，持续增进民生福祉。",
    "晋源区要全域治山筑牢生态屏障，继续实施山体破坏面生态修复工程，加强西山旅游公路沿线环境整治。",
    "系统治水再现河湖神韵，加快农村地区雨污分流改造，推进“一泉一河一湖”生态修复。",
    "强力治气守护蓝天白云，聚焦突出问题，持续强化污染源监测监控，加快完善大气环境治理体系。",
    "综合治城提升承载能级，加快“口袋公园”建设，新建5个游园、5处绿地和10座城市公厕。",
    "提升就业服务能力，突出抓好高校毕业生培养，着力提升青年、农民工、退役军人等重点群体就业创业能力。",
    "2月9日，记者从市公安局交警支队获悉，受降雪天气影响，全市部分路段通行缓慢，请广大驾驶人减速慢行。",
    "办好人民满意教育，深入实施教育“三量”提升工程，增数量、提质量、添重量，推动教育事业更加优质均衡。",
];

/// `n` paragraphs cycling through the sentences from `start`.
fn body(start: usize, n: usize) -> String {
    (0..n)
        .map(|i| format!("{:?}", format!("{}{}", SENTENCES[(start + i) % 8], SENTENCES[(start + i + 3) % 8])))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The test issue, written as a copy desk would write it and read with pasteup's dialect.
pub fn small_issue() -> Issue {
    let mut items = Vec::new();
    let heads = [
        "守护青山绿水 增进民生福祉",
        "晋源区集中力量办好民生实事",
        "交警发布出行提示",
        "清雪除冰保畅通",
        "并州论坛：以实干开新局",
        "小店区两会开幕",
        "阳曲县绘就发展新蓝图",
        "娄烦县聚力乡村振兴",
    ];
    for (i, head) in heads.iter().enumerate() {
        let paragraphs = 1 + (i * 3) % 7;
        items.push(format!(
            "Article(id: \"a{i}\", headline: \"{head}\", subhead: {}, byline: Some(\"记者 王{i}\"), body: [{}])",
            if i % 3 == 0 { "Some(\"晋源区全力打造宜居美丽家园\")" } else { "None" },
            body(i, paragraphs)
        ));
    }
    items.push(
        "Photo(id: \"p0\", caption: \"交警雪中疏导交通。\", credit: Some(\"张晋峰 摄\"), span: 2, height: 18)".into(),
    );
    items.push("Photo(id: \"p1\", caption: \"环卫工人清扫积雪，保障市民出行。\", span: 3, height: 24)".into());
    items.push(format!(
        "Notice(id: \"n0\", title: \"公告\", body: [{}], signer: Some(\"山西省心血管病医院\"), date: Some(\"2023年2月10日\"))",
        body(2, 1)
    ));
    items.push(format!("Article(id: \"a8\", headline: \"古交市召开两会\", body: [{}])", body(5, 2)));
    let grid = "Grid(columns: 8, column_width: 13, gutter: 1, depth: 100)";
    let text = format!(
        "Issue(paper: \"太原日报\", date: \"2023-02-10\", pages: [Page(number: 1, grid: {grid}), Page(number: 2, section: Some(\"关注县（市、区）两会\"), grid: {grid})], items: [{}])",
        items.join(", ")
    );
    ron_options().from_str(&text).expect("test issue parses")
}

/// The sample issue from the repository, if it has landed yet.
pub fn sample_issue() -> Option<Issue> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/layouts/taiyuan-2023-02-10.ron");
    let text = std::fs::read_to_string(path).ok()?;
    Some(ron_options().from_str(&text).expect("sample issue parses"))
}

/// A fixed-depth placement, for exact geometry.
pub fn at(item: &str, column: u16, span: u16, line: u32, depth: u32) -> Placement {
    Placement::new(item, column, span, line, Depth::Fixed(depth))
}

/// A desk on the small issue with these placements on page 1.
pub fn desk(page1: Vec<Placement>) -> Makeup {
    let layout = Layout {
        issue: "small.ron".into(),
        pages: vec![PageLayout { number: 1, placements: page1 }],
        conflicts: Vec::new(),
    };
    Makeup::new(small_issue(), &layout)
}

/// (column, span, line) of an item as it stands.
pub fn where_is(desk: &Makeup, item: &str) -> (u16, u16, u32) {
    let (_, p) = desk.placement_of(item).expect("placed");
    (p.column, p.span, p.line)
}
