//! What changed between two layouts, item by item: placed, binned, moved, span, depth — and,
//! with the issue, each changed box's fit before and after. `pasteup diff` and git's external
//! diff for layout files print it.
//!
//! ```
//! use pasteup_core::diff::{Change, diff};
//! use pasteup_core::model::{Depth, Layout, PageLayout, Placement};
//! let at = |line| Placement::new("a", 1, 2, line, Depth::Auto);
//! let page = |p: Placement| Layout { issue: "i.ron".into(), pages: vec![PageLayout { number: 3, placements: vec![p] }], conflicts: vec![] };
//! let changes = diff(&page(at(1)), &page(at(41)));
//! assert_eq!(changes.len(), 1);
//! assert!(matches!(changes[0].change, Change::Changed { .. }));
//! assert_eq!(changes[0].summary(), "moved page 3 column 1 line 1 → page 3 column 1 line 41");
//! ```

use std::collections::HashMap;

use serde::Serialize;

use crate::fit::Fit;
use crate::layout::Makeup;
use crate::model::{Depth, Issue, Layout, Placement};

/// A placement with the page it stands on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Placed {
    pub page: u32,
    pub column: u16,
    pub line: u32,
    pub span: u16,
    #[serde(serialize_with = "depth_value")]
    pub depth: Depth,
    #[serde(skip_serializing_if = "crate::model::is_zero")]
    pub cut: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub head_size: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub headline: Option<String>,
    /// The article's next part waits in the bin.
    #[serde(skip_serializing_if = "crate::model::is_false")]
    pub continued: bool,
}

impl Placed {
    pub fn new(page: u32, p: &Placement) -> Placed {
        Placed {
            page,
            column: p.column,
            line: p.line,
            span: p.span,
            depth: p.depth,
            cut: p.cut,
            head_size: p.head_size,
            headline: p.headline.clone(),
            continued: p.continued,
        }
    }

    /// `page 3 column 4 line 41`.
    pub fn position(&self) -> String {
        format!("page {} column {} line {}", self.page, self.column, self.line)
    }

    /// `page 3 column 4 line 41 span 2 depth auto`.
    pub fn describe(&self) -> String {
        let mut out = format!("{} span {} depth {}", self.position(), self.span, depth_word(self.depth));
        if self.cut > 0 {
            out.push_str(&format!(" cut {}", self.cut));
        }
        if let Some(size) = self.head_size {
            out.push_str(&format!(" head size {size}"));
        }
        if let Some(headline) = &self.headline {
            out.push_str(&format!(" headline {headline:?}"));
        }
        if self.continued {
            out.push_str(", its next part in the bin");
        }
        out
    }
}

fn depth_word(depth: Depth) -> String {
    match depth {
        Depth::Auto => "auto".to_string(),
        Depth::Fixed(n) => format!("fixed {n}"),
    }
}

fn depth_value<S: serde::Serializer>(depth: &Depth, s: S) -> Result<S::Ok, S::Error> {
    match depth {
        Depth::Auto => s.serialize_str("auto"),
        Depth::Fixed(n) => s.serialize_u32(*n),
    }
}

/// How one item's placement changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "change", rename_all = "lowercase")]
pub enum Change {
    /// From the bin onto a page.
    Placed { to: Placed },
    /// From a page into the bin.
    Binned { from: Placed },
    /// Still on a page, somewhere or somehow else.
    Changed { from: Placed, to: Placed },
    /// Placed alike in both, but set otherwise: another change (a part binned or moved, a
    /// box above it) changed its fit. Only with the issue.
    Refit { at: Placed },
}

/// One item that changed, with its fit before and after when the issue is known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ItemChange {
    pub item: String,
    /// Which part of a continued article (1 for most).
    #[serde(skip_serializing_if = "crate::model::is_first_part")]
    pub part: u32,
    #[serde(flatten)]
    pub change: Change,
    /// The box's fit in the old layout (`None` in the bin or without the issue).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fit_before: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fit_after: Option<i64>,
    #[serde(skip)]
    pub badges: (Option<String>, Option<String>),
}

impl ItemChange {
    /// What changed, in one line without the item: `moved page 3 column 1 line 1 → page 4
    /// column 2 line 30; span 3 → 2; depth auto → fixed 40`.
    pub fn summary(&self) -> String {
        match &self.change {
            Change::Placed { to } => format!("placed {}", to.describe()),
            Change::Binned { from } => format!("binned (was {})", from.describe()),
            Change::Refit { at } => format!("unmoved at {}", at.position()),
            Change::Changed { from, to } => {
                let mut parts = Vec::new();
                if from.position() != to.position() {
                    parts.push(format!("moved {} → {}", from.position(), to.position()));
                }
                if from.span != to.span {
                    parts.push(format!("span {} → {}", from.span, to.span));
                }
                if from.depth != to.depth {
                    parts.push(format!("depth {} → {}", depth_word(from.depth), depth_word(to.depth)));
                }
                if from.cut != to.cut {
                    let noun = if to.cut == 1 { "sentence" } else { "sentences" };
                    parts.push(format!("cut {} → {} {noun}", from.cut, to.cut));
                }
                if from.head_size != to.head_size {
                    parts.push(format!("head size {} → {}", size_word(from.head_size), size_word(to.head_size)));
                }
                if from.headline != to.headline {
                    parts.push(format!("headline {} → {}", headline_word(&from.headline), headline_word(&to.headline)));
                }
                if from.continued != to.continued {
                    let word = if to.continued {
                        "its next part waits in the bin"
                    } else {
                        "its next part no longer waits in the bin"
                    };
                    parts.push(word.to_string());
                }
                parts.join("; ")
            }
        }
    }

    /// The whole line `diff` prints: the item, the summary, and the fit when known.
    pub fn line(&self) -> String {
        let fit = match &self.badges {
            (None, None) => String::new(),
            (before, after) => {
                format!("; fit {} → {}", before.as_deref().unwrap_or("(bin)"), after.as_deref().unwrap_or("(bin)"))
            }
        };
        format!("{}: {}{fit}", self.name(), self.summary())
    }

    /// The item, and the part when it is not the first: `a (part 2)`.
    pub fn name(&self) -> String {
        crate::catalogue::part_id(&self.item, self.part, crate::catalogue::UiLang::En)
    }
}

fn size_word(size: Option<u16>) -> String {
    size.map_or_else(|| "the grid's".to_string(), |s| format!("{s} em"))
}

fn headline_word(headline: &Option<String>) -> String {
    headline.as_ref().map_or_else(|| "the issue's".to_string(), |h| format!("“{h}”"))
}

/// A placement's key: the item and the part.
type Key = (String, u32);

/// Every placement of `layout` by item and part, in file order.
fn placements(layout: &Layout) -> Vec<(Key, Placed)> {
    layout
        .pages
        .iter()
        .flat_map(|page| page.placements.iter().map(move |p| ((p.item.clone(), p.part), Placed::new(page.number, p))))
        .collect()
}

/// The placements (item and part) that differ between `old` and `new`, in the order they
/// first appear in `old` and then in `new`. A part placed twice counts by its first placement.
pub fn diff(old: &Layout, new: &Layout) -> Vec<ItemChange> {
    let before = placements(old);
    let after = placements(new);
    let first = |list: &[(Key, Placed)]| {
        let mut map: HashMap<Key, Placed> = HashMap::new();
        for (item, placed) in list {
            map.entry(item.clone()).or_insert_with(|| placed.clone());
        }
        map
    };
    let (old_map, new_map) = (first(&before), first(&after));
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for item in before.iter().chain(&after).map(|(item, _)| item) {
        if !seen.insert(item.clone()) {
            continue;
        }
        let change = match (old_map.get(item), new_map.get(item)) {
            (Some(from), Some(to)) if from == to => continue,
            (Some(from), Some(to)) => Change::Changed { from: from.clone(), to: to.clone() },
            (Some(from), None) => Change::Binned { from: from.clone() },
            (None, Some(to)) => Change::Placed { to: to.clone() },
            (None, None) => continue,
        };
        let (item, part) = item.clone();
        out.push(ItemChange { item, part, change, fit_before: None, fit_after: None, badges: (None, None) });
    }
    out
}

/// [`diff`] with each changed box's fit before and after, set against `issue`.
pub fn diff_with_fit(issue: &Issue, old: &Layout, new: &Layout) -> Vec<ItemChange> {
    let mut changes = diff(old, new);
    let fits = |layout: &Layout| -> HashMap<Key, Fit> {
        let makeup = Makeup::new(issue.clone(), layout);
        issue.pages.iter().flat_map(|p| makeup.resolved(p.number)).map(|b| ((b.item, b.part), b.fit)).collect()
    };
    let (old_fits, new_fits) = (fits(old), fits(new));
    // Found from outside: binning part 2 overset part 1, and the diff said only the binning.
    let mut told: std::collections::HashSet<Key> = changes.iter().map(|c| (c.item.clone(), c.part)).collect();
    let new_map: HashMap<Key, Placed> = placements(new).into_iter().collect();
    for (key, placed) in placements(old) {
        let refit = new_map.get(&key) == Some(&placed)
            && old_fits.get(&key).map(Fit::lines) != new_fits.get(&key).map(Fit::lines);
        if refit && told.insert(key.clone()) {
            let (item, part) = key;
            let change = Change::Refit { at: placed };
            changes.push(ItemChange { item, part, change, fit_before: None, fit_after: None, badges: (None, None) });
        }
    }
    for c in &mut changes {
        let key = (c.item.clone(), c.part);
        let (before, after) = (old_fits.get(&key), new_fits.get(&key));
        c.fit_before = before.map(Fit::lines);
        c.fit_after = after.map(Fit::lines);
        c.badges = (before.map(Fit::badge), after.map(Fit::badge));
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PageLayout;

    fn p(item: &str, column: u16, line: u32) -> Placement {
        Placement::new(item, column, 2, line, Depth::Auto)
    }

    fn layout(pages: Vec<(u32, Vec<Placement>)>) -> Layout {
        Layout {
            issue: "i.ron".into(),
            pages: pages.into_iter().map(|(number, placements)| PageLayout { number, placements }).collect(),
            conflicts: vec![],
        }
    }

    /// Found from outside: binning part 2 of an article overset part 1 by six lines, and the
    /// diff said only that part 2 was binned. A box placed alike whose fit changed is named.
    #[test]
    fn a_box_another_change_refit_is_named_with_its_fit() {
        let issue = crate::format::parse_issue(std::path::Path::new("i.ron"), crate::sample::ISSUE).unwrap();
        let fitted = include_str!("../../layouts/taiyuan-2023-02-10.fitted.layout.ron");
        let old = crate::format::parse_layout(std::path::Path::new("f.layout.ron"), fitted).unwrap();
        let mut new = old.clone();
        for page in &mut new.pages {
            page.placements.retain(|p| !(p.item == "bingzhou-forum" && p.part == 2));
        }
        let lines: Vec<String> = diff_with_fit(&issue, &old, &new).iter().map(ItemChange::line).collect();
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(lines[0].starts_with("bingzhou-forum (part 2): binned (was page 4"), "{lines:?}");
        assert_eq!(lines[1], "bingzhou-forum: unmoved at page 3 column 1 line 27; fit fits → -6 overset");
        // Without the issue there is no fit to compare: the binning alone.
        assert_eq!(diff(&old, &new).len(), 1);
    }

    #[test]
    fn the_same_layout_has_no_changes() {
        let l = layout(vec![(3, vec![p("a", 1, 1), p("b", 3, 1)])]);
        assert!(diff(&l, &l).is_empty());
    }

    #[test]
    fn placed_binned_moved_span_and_depth_are_told_apart() {
        let old = layout(vec![(3, vec![p("a", 1, 1), p("b", 3, 1), p("c", 5, 1)])]);
        let mut c = p("c", 5, 1);
        c.span = 3;
        c.depth = Depth::Fixed(40);
        let new = layout(vec![(3, vec![p("a", 1, 30), c]), (4, vec![p("d", 1, 1)])]);
        let lines: Vec<String> = diff(&old, &new).iter().map(ItemChange::line).collect();
        assert_eq!(
            lines,
            [
                "a: moved page 3 column 1 line 1 → page 3 column 1 line 30",
                "b: binned (was page 3 column 3 line 1 span 2 depth auto)",
                "c: span 2 → 3; depth auto → fixed 40",
                "d: placed page 4 column 1 line 1 span 2 depth auto",
            ]
        );
    }

    #[test]
    fn cut_headline_and_parts_are_named() {
        let old = layout(vec![(3, vec![p("a", 1, 1)])]);
        let mut a = p("a", 1, 1);
        (a.cut, a.head_size, a.headline) = (2, Some(3), Some("新题".into()));
        let mut a2 = p("a", 1, 1);
        a2.part = 2;
        let new = layout(vec![(3, vec![a]), (4, vec![a2])]);
        let lines: Vec<String> = diff(&old, &new).iter().map(ItemChange::line).collect();
        assert_eq!(
            lines,
            [
                "a: cut 0 → 2 sentences; head size the grid's → 3 em; headline the issue's → “新题”",
                "a (part 2): placed page 4 column 1 line 1 span 2 depth auto",
            ]
        );
        let json = serde_json::to_value(diff(&new, &old)).unwrap();
        assert_eq!(json[1]["part"], 2);
        assert_eq!(json[0]["from"]["cut"], 2);
    }

    #[test]
    fn a_part_sent_to_wait_in_the_bin_is_named() {
        let old = layout(vec![(3, vec![p("a", 1, 1)])]);
        let mut a = p("a", 1, 1);
        (a.depth, a.continued) = (Depth::Fixed(20), true);
        let new = layout(vec![(3, vec![a])]);
        let lines: Vec<String> = diff(&old, &new).iter().map(ItemChange::line).collect();
        assert_eq!(lines, ["a: depth auto → fixed 20; its next part waits in the bin"]);
        let json = serde_json::to_value(diff(&old, &new)).unwrap();
        assert_eq!(json[0]["to"]["continued"], true);
        assert_eq!(
            diff(&new, &layout(vec![]))[0].summary(),
            "binned (was page 3 column 1 line 1 span 2 depth fixed 20, its next part in the bin)"
        );
    }

    #[test]
    fn reordering_placements_is_no_change() {
        let old = layout(vec![(3, vec![p("a", 1, 1), p("b", 3, 1)])]);
        let new = layout(vec![(3, vec![p("b", 3, 1), p("a", 1, 1)])]);
        assert!(diff(&old, &new).is_empty());
    }

    #[test]
    fn json_names_the_change_and_both_places() {
        let old = layout(vec![(3, vec![p("a", 1, 1)])]);
        let new = layout(vec![(4, vec![p("a", 2, 5)])]);
        let json = serde_json::to_value(diff(&old, &new)).unwrap();
        assert_eq!(
            json,
            serde_json::json!([{
                "item": "a", "change": "changed",
                "from": {"page": 3, "column": 1, "line": 1, "span": 2, "depth": "auto"},
                "to": {"page": 4, "column": 2, "line": 5, "span": 2, "depth": "auto"},
            }])
        );
    }
}
