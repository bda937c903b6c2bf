//! Column rules (分栏线, grid field `rules: true`): a hairline down the middle of a gutter
//! wherever text stands on both sides of it, broken where a box spans the gutter — its
//! heads, a photo with its caption, a notice — and on a line where a mark hangs into it
//! (grid `hanging`), so no rule crosses a line of text. The
//! gutters between the legs of one article keep their rule: its legs are columns too.
//!
//! The one place the rules are worked out: the HTML proof and the press PDF both draw
//! [`column_rules`], each stretch [`RULE_AIR_EM`] short of its first line's top and its last
//! line's foot, centred in its gutter ([`ColumnRule::em`]).

use std::collections::HashSet;
use std::ops::RangeInclusive;

use crate::layout::ResolvedBox;
use crate::model::Grid;

/// The air between a rule's end and the box that breaks it (or the page's head and foot),
/// in em: a quarter em, so a rule never touches a headline or a photo.
pub const RULE_AIR_EM: f32 = 0.25;

/// A notice's double rule (文武线 drawn as two even hairlines), in em: each proof draws it
/// this wide just inside the box's edges, a quarter em — the leading above a line's em box
/// and below it, so the top and bottom cross no glyph; and at the sides the outer quarter
/// of the 1-em air, clear of a mark hung into that air (`，` `。` `、` ink the left or middle
/// of their em, never its last quarter; a ½-em hung mark ends ½ em before it).
pub const NOTICE_RULE_EM: f32 = 0.25;

/// One unbroken stretch of rule: in the gutter right of `column`, over page lines
/// `lines` (1-based, as the layout counts them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnRule {
    pub column: u16,
    pub lines: RangeInclusive<u32>,
}

/// Where a rule stands, in em from the top left of the page's content area (its grid).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RuleEm {
    /// The middle of the gutter.
    pub x: f32,
    pub top: f32,
    pub bottom: f32,
}

impl ColumnRule {
    /// Where the rule stands on `grid`, body lines `line_em` deep.
    pub fn em(&self, grid: &Grid, line_em: f32) -> RuleEm {
        let x = f32::from(self.column) * f32::from(grid.column_width)
            + (f32::from(self.column) - 0.5) * f32::from(grid.gutter);
        let top = (self.lines.start().saturating_sub(1)) as f32 * line_em + RULE_AIR_EM;
        let bottom = *self.lines.end() as f32 * line_em - RULE_AIR_EM;
        RuleEm { x, top, bottom }
    }
}

/// The rules of a page, gutter by gutter, top to bottom.
pub fn column_rules(grid: &Grid, boxes: &[ResolvedBox]) -> Vec<ColumnRule> {
    let mut rules = Vec::new();
    // A rule stands in a gutter: with `gutter: 0` it would cross the edge characters of every
    // line beside it (found from outside), so none is drawn.
    if grid.gutter == 0 {
        return rules;
    }
    let hung = hung_marks(boxes);
    for column in 1..grid.columns {
        let mut start = None;
        for line in 1..=grid.depth + 1 {
            let stands = line <= grid.depth && rule_stands(boxes, column, line) && !hung.contains(&(column, line));
            match (stands, start) {
                (true, None) => start = Some(line),
                (false, Some(first)) => {
                    rules.push(ColumnRule { column, lines: first..=line - 1 });
                    start = None;
                }
                _ => {}
            }
        }
    }
    rules
}

/// Whether the rule stands in the gutter right of `column` at `line`: a box on each side,
/// and no box spanning it there.
fn rule_stands(boxes: &[ResolvedBox], column: u16, line: u32) -> bool {
    let at = |b: &&ResolvedBox| b.line <= line && line <= b.last_line();
    let left = boxes.iter().filter(at).any(|b| b.covers(column));
    let right = boxes.iter().filter(at).any(|b| b.covers(column + 1));
    let spanned = boxes.iter().filter(at).any(|b| b.covers(column) && b.covers(column + 1) && !in_legs(b, line));
    left && right && !spanned
}

/// The gutters (by the column left of them) and page lines where a body line runs past its
/// box's edge: a mark hung into the gutter (grid `hanging`), where the rule would be. A mark a
/// notice hangs into its own air stays inside the box; the one leg of a photo's caption or a
/// notice spans the box, so its mark hangs into the gutter right of the box's last column.
fn hung_marks(boxes: &[ResolvedBox]) -> HashSet<(u16, u32)> {
    let mut hung = HashSet::new();
    for b in boxes {
        let top = b.line + b.set.heads_depth();
        let edge = b.set.leg_width + b.set.text_inset();
        for (leg, range) in (0u16..).zip(b.set.legs_at(b.depth)) {
            let column = if b.set.legs > 1 { b.column + leg } else { b.column + b.span - 1 };
            for (row, line) in (0u32..).zip(b.set.body.get(range).unwrap_or_default()) {
                if line.lead + line.cells > edge {
                    hung.insert((column, top + row));
                }
            }
        }
    }
    hung
}

/// Whether `line` of the page lies in the body of a box set in more than one leg.
fn in_legs(b: &ResolvedBox, line: u32) -> bool {
    let first = b.line + b.set.heads_depth();
    let past = (b.line + b.box_depth).saturating_sub(b.set.foot_depth());
    b.set.legs > 1 && first <= line && line < past
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::Makeup;
    use crate::model::{Issue, Layout};

    const ISSUE: &str = r#"Issue(paper: "报", date: "2023-02-10", pages: [
        Page(number: 1, grid: Grid(columns: 4, column_width: 4, gutter: 1, depth: 30, rules: true))],
        items: [
            Article(id: "lead", headline: "头条", body: ["正文正文正文正文正文正文正文正文正文正文正文正文正文正文正文正文"]),
            Photo(id: "photo", caption: "图片说明。", span: 2, height: 4),
            Article(id: "side", headline: "边", body: ["正文正文正文正文正文正文正文正文正文正文"]),
        ])"#;

    const LAYOUT: &str = r#"Layout(issue: "issue.ron", pages: [PageLayout(number: 1, placements: [
        Placement(item: "lead", column: 1, span: 3, line: 1, depth: Auto),
        Placement(item: "side", column: 4, span: 1, line: 1, depth: Auto),
        Placement(item: "photo", column: 1, span: 2, line: 20, depth: Auto),
    ])])"#;

    /// Page 1's grid and boxes, the issue and layout read from RON.
    fn page_one(issue: &str, layout: &str) -> (Grid, Vec<ResolvedBox>) {
        let issue: Issue = crate::format::ron_options().from_str(issue).unwrap();
        let grid = issue.pages[0].grid.clone();
        let layout: Layout = crate::format::ron_options().from_str(layout).unwrap();
        (grid, Makeup::new(issue, &layout).resolved(1))
    }

    #[test]
    fn rules_stand_between_legs_and_boxes_and_break_at_heads_and_photos() {
        let (grid, boxes) = page_one(ISSUE, LAYOUT);
        let depth = |id: &str| boxes.iter().find(|b| b.item == id).unwrap().box_depth;
        let (lead, side) = (depth("lead"), depth("side"));
        let rules = column_rules(&grid, &boxes);
        // Inside the lead: its 2-line headline spans gutters 1 and 2; its legs are ruled.
        assert!(rules.contains(&ColumnRule { column: 1, lines: 3..=lead }), "{rules:?}");
        assert!(rules.contains(&ColumnRule { column: 2, lines: 3..=lead }), "{rules:?}");
        // Between the lead and the side story: from the top, as deep as both go.
        assert!(rules.contains(&ColumnRule { column: 3, lines: 1..=lead.min(side) }), "{rules:?}");
        // The photo spans gutter 1 and stands alone at columns 1-2: no rule beside or in it.
        assert!(rules.iter().all(|r| !r.lines.contains(&20)), "{rules:?}");
    }

    /// Three columns of 6 em, gutter 1, 20 lines: a two-column article with a one-line,
    /// 2-em headline over lines 1–2 and its legs over 3–12; a one-column story beside it over
    /// 1–12; a photo across all three columns from line 13.
    const HAND_ISSUE: &str = r#"Issue(paper: "报", date: "2023-02-10", pages: [
        Page(number: 1, grid: Grid(columns: 3, column_width: 6, gutter: 1, depth: 20, rules: true))],
        items: [
            Article(id: "lead", headline: "雪", body: ["正文正文正文正文正文正文正文正文正文正文正文正文正文正文"]),
            Article(id: "side", headline: "边", body: ["正文正文正文"]),
            Photo(id: "photo", caption: "图。", span: 3, height: 4),
        ])"#;

    const HAND_LAYOUT: &str = r#"Layout(issue: "issue.ron", pages: [PageLayout(number: 1, placements: [
        Placement(item: "lead", column: 1, span: 2, line: 1, depth: Fixed(12)),
        Placement(item: "side", column: 3, span: 1, line: 1, depth: Fixed(12)),
        Placement(item: "photo", column: 1, span: 3, line: 13, depth: Auto),
    ])])"#;

    #[test]
    fn a_mark_hung_into_a_gutter_breaks_its_rule_on_that_line() {
        let issue = HAND_ISSUE.replace("rules: true", "rules: true, hanging: true, indent: 0").replace(
            "正文正文正文正文正文正文正文正文正文正文正文正文正文正文",
            "一二三四五六，七八九十甲乙丙丁戊己庚辛",
        );
        let (grid, boxes) = page_one(&issue, HAND_LAYOUT);
        let lead = boxes.iter().find(|b| b.item == "lead").unwrap();
        // Line 3, the first of the left leg: 一二三四五六 fill its 6 em and ， hangs.
        assert_eq!(lead.set.body[0].text, "一二三四五六，");
        let rules = column_rules(&grid, &boxes);
        assert_eq!(rules[0], ColumnRule { column: 1, lines: 4..=12 }, "{rules:?}");
    }

    /// Found from outside: a notice's mark hung into its own 1-em air broke the rule beside
    /// the notice, though it stands inside the frame, 1 em from the gutter; and a caption's
    /// mark hung past a two-column photo broke the rule inside the photo, not the one right of
    /// it, which then crossed the mark.
    #[test]
    fn a_mark_breaks_the_rule_of_the_gutter_it_hangs_into_and_no_other() {
        let issue = r#"Issue(paper: "报", date: "2023-02-10", pages: [
            Page(number: 1, grid: Grid(columns: 3, column_width: 6, gutter: 1, depth: 20, rules: true,
                hanging: true, indent: 0))],
            items: [
                Notice(id: "notice", title: "告", body: ["一二三四，五六"]),
                Article(id: "side", headline: "边", body: ["正文正文正文正文正文正文正文正文正文正文正文正文"]),
                Photo(id: "photo", caption: "一二三四五六七八九十一二三，四五六", span: 2, height: 2),
                Article(id: "other", headline: "另", body: ["正文正文正文正文正文正文"]),
            ])"#;
        let layout = r#"Layout(issue: "issue.ron", pages: [PageLayout(number: 1, placements: [
            Placement(item: "notice", column: 1, span: 1, line: 1, depth: Auto),
            Placement(item: "side", column: 2, span: 2, line: 1, depth: Fixed(6)),
            Placement(item: "photo", column: 1, span: 2, line: 7, depth: Auto),
            Placement(item: "other", column: 3, span: 1, line: 7, depth: Fixed(6)),
        ])])"#;
        let (grid, boxes) = page_one(issue, layout);
        let set = |id: &str| &boxes.iter().find(|b| b.item == id).unwrap().set;
        // The notice: rule, title, then 一二三四 fills its 4-em measure on line 3 and ， hangs
        // into the air; the frame's last rule on line 5.
        assert_eq!(set("notice").body[0].text, "一二三四，");
        // The photo: its picture on lines 7–8, its caption's first line on 9, ， hung past 13 em.
        assert_eq!(set("photo").body[0].text, "一二三四五六七八九十一二三，");
        let rules = column_rules(&grid, &boxes);
        let gutter = |column: u16| -> Vec<RangeInclusive<u32>> {
            rules.iter().filter(|r| r.column == column).map(|r| r.lines.clone()).collect()
        };
        // Right of the notice: whole, lines 1–5, beside the side story.
        assert_eq!(gutter(1), vec![1..=5], "{rules:?}");
        // Right of the photo (lines 7–10), beside the other story: broken on line 9 only. Above
        // it the side story's legs are ruled from line 3, so the first stretch runs on to 8.
        assert_eq!(gutter(2), vec![3..=8, 10..=10], "{rules:?}");
    }

    /// Found from outside: with `gutter: 0` the rules stood on the column boundary, through the
    /// edge characters of the lines beside them. Without a gutter there is no rule.
    #[test]
    fn no_gutter_no_rule() {
        let (grid, boxes) = page_one(&HAND_ISSUE.replace("gutter: 1", "gutter: 0"), HAND_LAYOUT);
        assert_eq!(grid.gutter, 0);
        assert_eq!(column_rules(&grid, &boxes), vec![]);
    }

    #[test]
    fn rules_worked_by_hand_on_a_three_column_page() {
        let (grid, boxes) = page_one(HAND_ISSUE, HAND_LAYOUT);
        assert_eq!(boxes.iter().find(|b| b.item == "lead").unwrap().set.heads_depth(), 2);
        let rules = column_rules(&grid, &boxes);
        // Gutter 1 lies inside the lead: broken by its headline (lines 1–2), ruled between
        // its legs (3–12), broken by the photo (13–17), then nothing stands beside it.
        // Gutter 2 lies between the lead and the side story: lines 1–12.
        assert_eq!(rules, vec![ColumnRule { column: 1, lines: 3..=12 }, ColumnRule { column: 2, lines: 1..=12 }]);
        // Gutter 1's middle: 6 em of column and half the 1-em gutter. Line 3 starts
        // 2 × 1.5 = 3 em down, line 12 ends 12 × 1.5 = 18 em down; a quarter em of air each end.
        assert_eq!(rules[0].em(&grid, 1.5), RuleEm { x: 6.5, top: 3.25, bottom: 17.75 });
        // Gutter 2: 2 × 6 + 1.5 = 13.5 em in; from line 1's top.
        assert_eq!(rules[1].em(&grid, 1.5), RuleEm { x: 13.5, top: 0.25, bottom: 17.75 });
    }
}
