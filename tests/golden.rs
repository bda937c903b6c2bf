//! Golden tests: sample items set by the engine, compared line by line with the lines worked
//! out by hand from docs/fit-accounting.md (column 13 em = 26 cells, indent 2 em,
//! Strict kinsoku, ambiguous characters one em wide).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "a test fails loudly")]

use pasteup_core::fit::kinsoku::Rules;
use pasteup_core::fit::{SetBox, TextStyle, set_item, set_paragraph};
use pasteup_core::format::ron_options;
use pasteup_core::model::{Depth, Issue, Item, Kinsoku, Language, Orphans, Punctuation};

fn sample() -> Issue {
    ron_options().from_str(pasteup_core::sample::ISSUE).expect("the sample issue parses")
}

fn set(id: &str, span: u16) -> (Item, SetBox) {
    let issue = sample();
    let item = issue.item(id).expect("item in sample").clone();
    let grid = issue.pages[0].grid.clone();
    let set = set_item(&item, &grid, issue.language, span);
    (item, set)
}

fn body_lines(set: &SetBox) -> Vec<String> {
    set.body.iter().map(|l| l.rendered()).collect()
}

/// The lines of one paragraph, found by its first line, in the body as set.
fn paragraph_from(lines: &[String], first: &str, count: usize) -> Vec<String> {
    let at = lines.iter().position(|l| l == first).unwrap_or_else(|| panic!("no line {first:?}"));
    lines[at..at + count].to_vec()
}

#[test]
fn quotes_between_han_jinyuan_livable() {
    // 系统治水… : 推进“一泉一河一湖”生态修 holds the quotes inside the line; 复 carries the
    // half-width comma down with it (a comma never starts a line).
    let (_, set) = set("jinyuan-livable", 3);
    let expected = [
        "　　系统治水再现河湖神韵,",
        "加快农村地区雨污分流改造,",
        "推进“一泉一河一湖”生态修",
        "复,规划实施晋祠泉复流配套",
        "水利工程,加快姚村镇灌溉水",
        "源置换;全面完成汾河干流晋",
        "源段生态保护与修复工程;加",
        "快完成晋阳湖水系连通一期工",
        "程,同步启动二期建设。",
    ];
    let lines = body_lines(&set);
    assert_eq!(paragraph_from(&lines, expected[0], expected.len()), expected);
}

#[test]
fn numbers_stay_whole_bingzhou_forum() {
    // 2×1000 is one unbreakable piece (NU × AL × NU); 20万吨工业硅+10万吨: a line may break
    // before the + but not after it; (古 and 古交) keep their brackets.
    let (_, set) = set("bingzhou-forum", 1);
    let expected = [
        "　　保持转型定力是实现古交",
        "突围的关键。资源型地区经济",
        "转型发展是习近平总书记为我",
        "们指明的金光大道。古交作为",
        "以煤炭产业为主导的资源型城",
        "市,转型是唯一出路,必然选",
        "择。我们将深刻汲取资源枯竭",
        "型城市补血无效的转型之困、",
        "转型之痛,深刻理解习近平总",
        "书记赋予山西资源型地区转型",
        "蹚新路历史使命的良苦用心,",
        "坚持把太忻一体化经济区(古",
        "交片区)建设作为重大政治任",
        "务和头号工程,聚焦“打造绿",
        "色能源及新材料产业集群”的",
        "发展定位,全力以赴推动太原",
        "南部2×1000兆瓦退城进郊热",
        "电联产、太原(古交)抽水蓄能",
        "电站、苏州中来20万吨工业硅",
        "+10万吨高纯多晶硅三个百亿",
        "级项目年内实质性开工。发挥",
        "中来“链主”企业优势,引进",
        "年产6万吨新一代纳米硅碳负",
        "极材料、光伏背板膜等中下游",
        "项目,谋划布局北京国瓷蓝麻",
        "秸秆三素分离综合利用项目,",
        "打造百亿级新材料产业基地。",
        "依托华通水泥厂粉煤灰综合利",
        "用、泰晋煤矸石综合利用等项",
        "目,完善“工业固废—环保水",
        "泥—绿色建材”产业链条。充",
        "分发挥煤炭传统优势产业的",
        "“压舱石”作用,强力推进煤",
        "炭“三化”改造,重点实施风",
        "电、光伏、农光互补、储能、",
        "煤层气开发利用项目,打造绿",
        "色低碳综合能源服务商。同",
        "时,对这些项目的落地上马、",
        "开工建设、达产达效,开辟绿",
        "色通道,提供“全程跟踪保姆",
        "式”全方位服务,力求通过抓",
        "好这些项目,加速构建“一城",
        "三基地”产业发展新格局。",
    ];
    let lines = body_lines(&set);
    assert_eq!(paragraph_from(&lines, expected[0], expected.len()), expected);
}

#[test]
fn phone_number_hospital_tender_notice() {
    // A notice at span 1: box 13 em, text 11 em = 22 cells.
    let (_, set) = set("hospital-tender", 1);
    assert_eq!(set.leg_width, 22);
    let body = body_lines(&set);
    assert_eq!(
        body,
        [
            "　　山西省心血管病医院",
            "第一住院部空调主机维修",
            "项目已具备采购条件,现",
            "公开邀请相应资质和业绩",
            "良好的单位前来参加谈判",
            "采购活动。",
            "　　联系人:宋先生 联系",
            "电话:0351-5661173",
        ]
    );
    let heads: Vec<String> = set.heads.iter().flat_map(|b| b.lines.iter().map(|l| l.rendered())).collect();
    assert_eq!(heads, ["　　　　 公告"]);
    let foot: Vec<String> = set.foot.iter().flat_map(|b| b.lines.iter().map(|l| l.rendered())).collect();
    assert_eq!(foot, ["　　山西省心血管病医院", "　　　　 2023年2月10日"]);
    // rule + title + 8 body + signer + date + rule. In 10 lines, 5 body lines fit; cut:
    // 采购活动。(5) 联系人:宋先生 联系 (9, the space not counted) 电话:0351-5661173 (15).
    assert_eq!(set.depth_needed(), 13);
    let fit = set.fit(Depth::Fixed(10));
    assert_eq!((fit.lines(), fit.overset_lines, fit.overset_chars), (-3, 3, 5 + 9 + 15));
}

/// One paragraph as a zh-Hans grid sets it by default (Full, Strict, indent 2 em, orphans
/// avoided) at `width_em`, with `orphans` as asked.
fn paragraph(text: &str, width_em: u32, orphans: Orphans) -> Vec<String> {
    let style =
        TextStyle::new(width_em, Rules::new(Kinsoku::Strict, Language::ZhHans), true).indent(2).orphans(orphans);
    set_paragraph(text, &style).iter().map(|l| l.text(text).to_string()).collect()
}

/// Found by QA: after a half-width `:` a phone number was one piece with the Han before it
/// (UAX #14 holds `话:0351-5661173`), 15 cells, longer than a 14-cell line, so the emergency
/// split cut the number where the line was full: `来访群众可` / `拨打电` /
/// `话:0351-566117` / `3咨询。`. A line may break after it, as after `：`, so the 12-cell number
/// goes down whole.
#[test]
fn phone_number_after_a_half_width_colon_stays_whole() {
    let text = "来访群众可拨打电话:0351-5661173咨询。";
    assert_eq!(paragraph(text, 7, Orphans::Allow), ["来访群众可", "拨打电话:", "0351-5661173咨", "询。"]);
    // The grid's default avoids the orphan `询。`.
    assert_eq!(paragraph(text, 7, Orphans::Avoid), ["来访群众可", "拨打电话:", "0351-5661173", "咨询。"]);
    // As with a full-width colon, which was set so before.
    let full = "来访群众可拨打电话：0351-5661173咨询。";
    assert_eq!(paragraph(full, 7, Orphans::Avoid), ["来访群众可", "拨打电话：", "0351-5661173", "咨询。"]);
    // And a half-width `;` as `；`.
    let semi = "来访群众可拨打电话;0351-5661173咨询。";
    assert_eq!(paragraph(semi, 7, Orphans::Avoid), ["来访群众可", "拨打电话;", "0351-5661173", "咨询。"]);
}

/// A number that fits a line stays whole when the piece it ends is longer than the line:
/// `0351-5661173，` is one 14-cell piece (no line may break before `，`) at 6 em, 12 cells, so
/// a rule bends (docs/fit-accounting.md, the emergency split) and the split falls where the
/// line is full, before `，`, which starts the next line; the number is not cut.
#[test]
fn a_number_ending_a_piece_longer_than_the_line_stays_whole() {
    let text = "咨询电话：0351-5661173，网址";
    let style = |hanging: bool| {
        TextStyle::new(6, Rules::new(Kinsoku::Strict, Language::ZhHans), true)
            .indent(0)
            .orphans(Orphans::Avoid)
            .hanging(hanging)
    };
    let lines =
        |hanging: bool| -> Vec<&str> { set_paragraph(text, &style(hanging)).iter().map(|l| l.text(text)).collect() };
    assert_eq!(lines(false), ["咨询电话：", "0351-5661173", "，网址"]);
    // Where a mark may hang, `，` hangs past the measure instead.
    assert_eq!(lines(true), ["咨询电话：", "0351-5661173，", "网址"]);
    // With the indent the number starts a line of its own all the same.
    assert_eq!(paragraph(text, 6, Orphans::Avoid), ["咨询电", "话：", "0351-5661173", "，网址"]);
}

/// Found from outside: a byline overset was said to cut 4 characters where its copy is 2, the
/// `（）` around it being pasteup's, as a jump line is (docs/fit-accounting.md, "Fit").
#[test]
fn an_overset_byline_counts_its_own_characters_not_its_brackets() {
    let issue: Issue = ron_options()
        .from_str(
            r#"Issue(paper: "テスト", date: "2026-12-07", language: "ja", pages: [
Page(number: 1, grid: Grid(columns: 1, column_width: 10, gutter: 1, depth: 50, indent: 0)),
], items: [
Article(id: "a1", headline: "見", byline: Some("記者"), body: ["一。"]),
Article(id: "a2", headline: "見", byline: Some("記者一二三四五六七八九十"), body: ["一。"]),
])"#,
        )
        .unwrap();
    let grid = &issue.pages[0].grid;
    let a1 = set_item(issue.item("a1").unwrap(), grid, issue.language, 1);
    let texts: Vec<&str> = a1.body.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(texts, ["一。", "（記者）"]);
    let fit = a1.fit(Depth::Fixed(a1.heads_depth() + 1));
    assert_eq!((fit.lines(), fit.overset_lines, fit.overset_chars), (-1, 1, 2));
    assert_eq!(a1.fit(Depth::Fixed(a1.heads_depth())).overset_chars, 2 + 2);
    // A byline of two lines: its last line holds `）`, its first `（`.
    let a2 = set_item(issue.item("a2").unwrap(), grid, issue.language, 1);
    let texts: Vec<&str> = a2.body.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(texts, ["一。", "（記者一二三四五六七", "八九十）"]);
    let heads = a2.heads_depth();
    assert_eq!(a2.fit(Depth::Fixed(heads + 2)).overset_chars, 3);
    assert_eq!(a2.fit(Depth::Fixed(heads + 1)).overset_chars, 9 + 3);
    assert_eq!(a2.fit(Depth::Fixed(heads)).overset_chars, 2 + 9 + 3);
}

/// Found from outside: a line that broke after the ideographic space U+3000 still counted it,
/// so `。　` did not fit where `。` did and the line gave up a character. Dropped at the break
/// as a space is (docs/fit-accounting.md, "Filling"), under every punctuation style; a
/// paragraph's typed U+3000 indent stays.
#[test]
fn an_ideographic_space_ending_a_line_is_dropped() {
    // 7 em, 2-em indent: `一二三四。` fills the first line's 10 cells; it broke `一二三` /
    // `四。　六七八九` / `十`.
    let text = "一二三四。\u{3000}六七八九十";
    assert_eq!(paragraph(text, 7, Orphans::Allow), ["一二三四。", "六七八九十"]);
    // Under `LineEnd` `。` ends the line at half an em: 11 cells of 12 at 6 em.
    let text = "一二三四五。\u{3000}六七";
    let style = TextStyle::new(6, Rules::new(Kinsoku::Strict, Language::ZhHant), true)
        .indent(0)
        .punctuation(Punctuation::LineEnd);
    let lines = set_paragraph(text, &style);
    let set: Vec<(&str, u32)> = lines.iter().map(|l| (l.text(text), l.cells)).collect();
    assert_eq!(set, [("一二三四五。", 11), ("六七", 4)]);
    // A typed indent at the paragraph's start is text, an em a space, as before.
    let text = "\u{3000}\u{3000}一二三四五六七八";
    assert_eq!(paragraph(text, 6, Orphans::Allow), ["\u{3000}\u{3000}一二", "三四五六七八"]);
}
