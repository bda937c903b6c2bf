//! The sample's lead story, worked by hand: cut by 1 and 2 sentences, then continued from
//! page 3 to page 4. Every number below follows from docs/fit-accounting.md.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "a test fails loudly")]

use pasteup_core::document::builtin_sample;
use pasteup_core::fit::{Setting, set_item_as, set_paragraph};
use pasteup_core::layout::{Makeup, ResolvedBox};
use pasteup_core::model::{Depth, Item};
use pasteup_core::proof::galley::{galley_json, galleys};

const ID: &str = "jinyuan-livable";
/// The body's last two paragraphs, each one sentence (the sample writes `,` `;` but ends its
/// sentences with `。`): 111 and 107 characters.
const SEVENTH: &str = "提升健康保障水平,加强与省儿童医院、市妇幼保健院交流合作,保障市人民医院晋源院区(二期)建设;积极引进社会资源参与基层卫生服务中心建设,加快推进区中医院建设;加大文化体育设施建设力度,推进国家水上(太原)训练基地项目落地。";
const EIGHTH: &str = "兜牢社会民生底线,深化“互联网+”社经办新模式,持续优化退役军人服务保障体系,加强低收入对象、因病致贫家庭和重病患者等特殊群体救助服务;高标准运营区老年福利院,加快探索“医养协同”新模式,让更多老年人乐享晚年生活。";

fn desk() -> Makeup {
    let opened = builtin_sample();
    Makeup::new(opened.issue, &opened.layout)
}

fn lead(d: &Makeup, page: u32, part: u32) -> ResolvedBox {
    d.resolved(page).into_iter().find(|b| b.item == ID && b.part == part).unwrap()
}

/// Lines a paragraph takes at the sample's column width of 13 em.
fn lines_of(d: &Makeup, paragraph: &str) -> u32 {
    let grid = &d.issue().pages[0].grid;
    let setter = pasteup_core::fit::Setter::new(grid, d.issue().language);
    set_paragraph(paragraph, &setter.style(26, pasteup_core::fit::Align::Start)).len() as u32
}

#[test]
fn the_lead_cut_by_one_and_two_sentences() {
    let mut d = desk();
    let before = lead(&d, 3, 1);
    // Span 3 on 8 × 13/1: 41 em. Headline (13 characters at ⌊41/2⌋ = 20 em: 1 line × 2) and
    // subhead (1 line): heads 3 lines. Legs: ⌈B/3⌉.
    assert_eq!((before.set.width / 2, before.set.heads_depth()), (41, 3));
    let b = before.set.body.len() as u32;
    assert_eq!(before.fit.depth_needed, 3 + b.div_ceil(3));

    d.set_cut(3, ID, 1, 1).unwrap();
    let cut_one = lead(&d, 3, 1);
    let b1 = b - lines_of(&d, EIGHTH);
    assert_eq!(cut_one.set.body.len() as u32, b1);
    assert_eq!(cut_one.fit.depth_needed, 3 + b1.div_ceil(3));
    assert_eq!(cut_one.set.body.last().unwrap().text, "（袁剑锋、杨润德）", "the byline stays");
    let text = d.cut_text(ID, 1).unwrap();
    assert_eq!((text.len(), text[0].text.as_str(), text[0].chars()), (1, EIGHTH, 107));

    d.set_cut(3, ID, 1, 2).unwrap();
    let cut_two = lead(&d, 3, 1);
    let b2 = b1 - lines_of(&d, SEVENTH);
    assert_eq!(cut_two.set.body.len() as u32, b2);
    assert_eq!(cut_two.fit.depth_needed, 3 + b2.div_ceil(3));
    // proof --json: the cut sentences, 111 + 107 = 218 characters.
    let json = galleys(&d).iter().filter(|g| g.item.id() == ID).map(galley_json).next().unwrap();
    let json = serde_json::to_value(json).unwrap();
    assert_eq!(json["cut_sentences"], 2);
    assert_eq!(json["cut_chars"], 218);
    assert_eq!(json["cut"], serde_json::json!([SEVENTH, EIGHTH]));
    assert!(json.get("part").is_none());
}

#[test]
fn the_lead_continued_from_page_3_to_page_4() {
    let mut d = desk();
    let whole: Vec<String> = {
        let item: &Item = d.item_by_id(ID).unwrap();
        let grid = &d.issue().pages[0].grid;
        set_item_as(item, grid, d.issue().language, 3, &Setting::default())
            .body
            .iter()
            .map(|l| l.text.clone())
            .collect()
    };
    let b = whole.len();
    assert!(b > 51, "{b}");
    d.set_depth(3, ID, Depth::Fixed(20)).unwrap();
    assert_eq!(lead(&d, 3, 1).fit.overset_lines as usize, b - 3 * 17);
    d.continue_part(3, ID, 1).unwrap();
    d.place(4, ID, 1, Some(3), None).unwrap();
    assert_eq!(d.parts_of(ID), [(1, 3), (2, 4)]);

    // Part 1: Fixed(20), heads 3: 3 legs × 17 lines = 51, the last the jump line.
    let one = lead(&d, 3, 1);
    assert!(!one.fit.is_overset());
    assert_eq!(one.set.body.len(), 51);
    let jump = one.set.body.last().unwrap();
    assert_eq!((jump.text.as_str(), jump.lead + jump.cells), ("（下转第4版）", 26));
    let legs = one.set.legs_at(one.depth);
    assert_eq!(legs.iter().map(|r| r.len()).collect::<Vec<_>>(), [17, 17, 17]);

    // Part 2 on page 4: headline (2 lines) and from-line (1), then lines 51 to B of the body.
    let two = lead(&d, 4, 2);
    assert_eq!(two.set.heads[1].lines[0].text, "（上接第3版）");
    assert_eq!(two.set.heads[1].lines[0].lead, 0);
    assert_eq!(two.set.heads_depth(), 3);
    assert_eq!(two.set.body.len(), b - 50);
    assert_eq!(two.fit.depth_needed as usize, 3 + (b - 50).div_ceil(3));
    let mut flowed: Vec<String> = one.set.body[..50].iter().map(|l| l.text.clone()).collect();
    flowed.extend(two.set.body.iter().map(|l| l.text.clone()));
    assert_eq!(flowed, whole);

    // proof --json names each part; a cut on any part cuts the article's end (in part 2).
    d.set_cut(4, ID, 2, 1).unwrap();
    let parts: Vec<serde_json::Value> = galleys(&d)
        .iter()
        .filter(|g| g.item.id() == ID)
        .map(|g| serde_json::to_value(galley_json(g)).unwrap())
        .collect();
    assert_eq!(parts.len(), 2);
    assert_eq!((parts[0]["part"].clone(), parts[1]["part"].clone()), (1.into(), 2.into()));
    assert!(parts[0].get("cut").is_none());
    assert_eq!(parts[1]["cut"], serde_json::json!([EIGHTH]));
    assert_eq!(lead(&d, 4, 2).set.body.len(), b - 50 - lines_of(&d, EIGHTH) as usize);
}
