//! Column rules (分栏线, grid field `rules: true`): a hairline down the middle of a gutter
//! wherever text stands on both sides of it, broken where a box spans the gutter — its
//! heads, a photo with its caption, a notice — so no rule crosses a line of text. The
//! gutters between the legs of one article keep their rule: its legs are columns too.

use std::ops::RangeInclusive;

use crate::layout::ResolvedBox;
use crate::model::Grid;

/// One unbroken stretch of rule: in the gutter right of `column`, over page lines
/// `lines` (1-based, as the layout counts them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ColumnRule {
    pub column: u16,
    pub lines: RangeInclusive<u32>,
}

/// The rules of a page, gutter by gutter, top to bottom.
pub(super) fn column_rules(grid: &Grid, boxes: &[ResolvedBox]) -> Vec<ColumnRule> {
    let mut rules = Vec::new();
    for column in 1..grid.columns {
        let mut start = None;
        for line in 1..=grid.depth + 1 {
            let stands = line <= grid.depth && rule_stands(boxes, column, line);
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

    #[test]
    fn rules_stand_between_legs_and_boxes_and_break_at_heads_and_photos() {
        let issue: Issue = crate::format::ron_options().from_str(ISSUE).unwrap();
        let grid = issue.pages[0].grid.clone();
        let layout: Layout = crate::format::ron_options().from_str(LAYOUT).unwrap();
        let makeup = Makeup::new(issue, &layout);
        let boxes = makeup.resolved(1);
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
}
