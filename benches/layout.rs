//! Layout engine benchmarks on a generated 200-page, 6,000-item issue: one move with the
//! refit it needs (only changed boxes are set again) beside a full refit of the issue.
//!
//! `cargo bench --bench layout -- --warm-up-time 1 --measurement-time 3`

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use pasteup::fit::set_item;
use pasteup::layout::Makeup;
use pasteup::model::{Article, Grid, Issue, Item, Kinsoku, Language, Layout, Page, Photo};

const SENTENCES: [&str; 10] = [
    "本报讯 以更高标准推进生态文明建设，加快推动生产生活方式绿色转型；实施民生品质提升计划，兜牢基本民生底线，持续增进民生福祉。",
    "晋源区要全域治山筑牢生态屏障，继续实施山体破坏面生态修复工程，加强西山旅游公路沿线环境整治。",
    "系统治水再现河湖神韵，加快农村地区雨污分流改造，推进“一泉一河一湖”生态修复，规划实施晋祠泉复流配套水利工程。",
    "强力治气守护蓝天白云，聚焦突出问题，持续强化污染源监测监控，加快完善大气环境治理体系。",
    "综合治城提升承载能级，加快“口袋公园”建设，新建5个游园、5处绿地和10座城市公厕。",
    "提升就业服务能力，突出抓好高校毕业生培养，着力提升青年、农民工、退役军人等重点群体就业创业能力。",
    "2月9日，记者从市公安局交警支队获悉，受降雪天气影响，全市部分路段通行缓慢，请广大驾驶人减速慢行。",
    "办好人民满意教育，深入实施教育“三量”提升工程，增数量、提质量、添重量，推动教育事业更加优质均衡。",
    "提升健康保障水平，加强与省儿童医院、市妇幼保健院交流合作，保障市人民医院晋源院区（二期）建设。",
    "兜牢社会民生底线，深化“互联网+”社经办新模式，持续优化退役军人服务保障体系。",
];

const PAGES: u32 = 200;
const PER_PAGE: usize = 30;

/// A paragraph list of about 1.7 KB, deterministic in `seed`.
fn body(seed: usize) -> Vec<String> {
    let mut paragraphs = Vec::new();
    let mut bytes = 0;
    let mut k = seed;
    while bytes < 1700 {
        let p = format!("{}{}", SENTENCES[k % 10], SENTENCES[(k * 7 + 3) % 10]);
        bytes += p.len();
        paragraphs.push(p);
        k += 1;
    }
    paragraphs
}

fn issue() -> Issue {
    let grid = Grid {
        columns: 8,
        column_width: 13,
        gutter: 1,
        depth: 100,
        kinsoku: Kinsoku::Strict,
        indent: 2,
        hanging: false,
        headline_size: 2,
    };
    let pages = (1..=PAGES).map(|number| Page { number, section: None, grid: grid.clone() }).collect();
    let items = (0..PAGES as usize * PER_PAGE)
        .map(|i| {
            if i % 10 == 9 {
                Item::Photo(Photo {
                    id: format!("p{i}"),
                    caption: SENTENCES[i % 10].to_string(),
                    credit: Some("记者 摄".into()),
                    file: None,
                    span: 2,
                    height: Some(18),
                    pixels: None,
                })
            } else {
                Item::Article(Article {
                    id: format!("a{i}"),
                    headline: SENTENCES[i % 10].chars().skip(3).take(12).collect(),
                    subhead: None,
                    kicker: None,
                    byline: Some(format!("记者 {i}")),
                    body: body(i),
                })
            }
        })
        .collect();
    Issue { paper: "太原日报".into(), date: "2023-02-10".into(), language: Language::ZhHans, pages, items }
}

/// Every page filled with its 30 items across the 8 columns, each at its first free line.
fn desk() -> Makeup {
    let issue = issue();
    let ids: Vec<String> = issue.items.iter().map(|i| i.id().to_string()).collect();
    let mut desk = Makeup::new(issue, &Layout { issue: "gen.ron".into(), pages: Vec::new() });
    for (i, id) in ids.iter().enumerate() {
        let page = (i / PER_PAGE) as u32 + 1;
        let span = [1, 2, 3, 2, 1][i % 5];
        let column = ((i * 3) % (9 - span)) as u16 + 1;
        desk.place(page, id, column, Some(span as u16), None).expect("placed");
    }
    Makeup::new(desk.issue().clone(), &desk.to_layout("gen.ron"))
}

fn bench(c: &mut Criterion) {
    let mut desk = desk();
    let page = 100;
    let first = desk.resolved(page)[0].item.clone();
    let mut group = c.benchmark_group("layout 200 pages 6000 items");
    group.bench_function("move + push-down + resolve page (cached), then undo", |b| {
        b.iter(|| {
            let dcol = if desk.placement_of(&first).unwrap().1.column < 8 - 2 { 1 } else { -1 };
            black_box(desk.move_by(page, &first, dcol, 0).unwrap());
            black_box(desk.resolved(page));
            desk.undo().unwrap();
        })
    });
    group.bench_function("move down one line + resolve page, then undo", |b| {
        b.iter(|| {
            black_box(desk.move_by(page, &first, 0, 1).unwrap());
            black_box(desk.resolved(page));
            desk.undo().unwrap();
        })
    });
    let issue = desk.issue().clone();
    let item = issue.item(&first).unwrap();
    group.bench_function("refit one item at a new span (what a span change adds)", |b| {
        b.iter(|| black_box(set_item(item, &issue.pages[0].grid, issue.language, 3)))
    });
    group.bench_function("page summary", |b| b.iter(|| black_box(desk.page_summary(page))));
    group.sample_size(10);
    group.bench_function("full refit of the issue", |b| b.iter(|| desk.refit_all()));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
