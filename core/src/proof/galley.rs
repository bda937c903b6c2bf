//! The galley proof: every item set in its box, leg by leg, line by line, as text and JSON.

use std::fmt::Write as _;

use serde_json::{Value, json};

use crate::fit::{Block, Fit, SetBox, set_item};
use crate::layout::Makeup;
use crate::model::{Depth, Item};
use crate::report::{Where, box_json, columns_label, depth_label, fit_label, lines_json};

/// One item as the proof shows it.
pub struct Galley<'a> {
    pub item: &'a Item,
    pub set: std::sync::Arc<SetBox>,
    pub at: Option<Where>,
    pub fit: Fit,
}

impl Galley<'_> {
    fn depth(&self) -> Depth {
        self.at.map_or(Depth::Auto, |at| at.depth)
    }
}

/// Every item of the issue: the placed ones page by page, then the bin, each at its span
/// (an item in the bin at its own span for a photo, one column for the rest).
pub fn galleys(makeup: &Makeup) -> Vec<Galley<'_>> {
    let issue = makeup.issue();
    let mut out = Vec::new();
    for page in &issue.pages {
        for b in makeup.resolved(page.number) {
            let Some(item) = makeup.item_by_id(&b.item) else { continue };
            out.push(Galley { item, fit: b.fit, at: Some(Where::of(page.number, &b)), set: b.set.clone() });
        }
    }
    let Some(grid) = issue.pages.first().map(|p| &p.grid) else { return out };
    for id in makeup.bin() {
        let Some(item) = makeup.item_by_id(id) else { continue };
        let span = match item {
            Item::Photo(p) => p.span.clamp(1, grid.columns.max(1)),
            _ => 1,
        };
        let set = std::sync::Arc::new(set_item(item, grid, issue.language, span));
        let fit = set.fit(Depth::Auto);
        out.push(Galley { item, set, at: None, fit });
    }
    out
}

/// SPEC §5: `{"id", "span", "depth_needed", "fit", "legs": [["line", …], …]}`, with the heads,
/// foot and overset lines listed beside the legs.
pub fn galley_json(g: &Galley) -> Value {
    let mut v = box_json(g.item, &g.set, g.at, &g.fit);
    let legs = g.set.legs_at(g.depth());
    let last = legs.last().map_or(0, |r| r.end);
    let blocks = |blocks: &[Block]| -> Value {
        blocks
            .iter()
            .map(|b| json!({ "kind": format!("{:?}", b.kind).to_lowercase(), "depth": b.depth, "line_depth": b.line_depth, "lines": lines_json(&b.lines) }))
            .collect()
    };
    if let Some(map) = v.as_object_mut() {
        map.insert("heads".into(), blocks(&g.set.heads));
        map.insert("legs".into(), legs.iter().map(|r| lines_json(&g.set.body[r.clone()])).collect());
        map.insert("overset".into(), lines_json(&g.set.body[last..]));
        map.insert("foot".into(), blocks(&g.set.foot));
    }
    v
}

pub fn write_galley(out: &mut String, g: &Galley) {
    let set = &g.set;
    let _ = writeln!(out, "{} · {} · {}", g.item.id(), kind_name(g.item), crate::format::printable(g.item.title()));
    let place = match g.at {
        Some(at) => format!(
            "page {}, {}, line {}, depth {}",
            at.page,
            columns_label(at.column, set.span),
            at.line,
            depth_label(at.depth)
        ),
        None => format!("in the bin, set at {}", columns_label(1, set.span).replace("column 1", "1 column")),
    };
    let _ =
        writeln!(out, "  {place}: box {} lines, needs {} — {}", g.fit.box_depth, g.fit.depth_needed, fit_label(&g.fit));
    if g.at.is_some_and(|at| at.over_foot) {
        let _ = writeln!(out, "  over the foot of the page");
    }
    for b in &set.heads {
        write_block(out, b);
    }
    let legs = set.legs_at(g.depth());
    for (i, leg) in legs.iter().enumerate() {
        let _ = writeln!(out, "  leg {} ({} lines):", i + 1, leg.len());
        for (n, line) in set.body[leg.clone()].iter().enumerate() {
            let _ = writeln!(out, "  {:>4} | {}", n + 1, line.rendered());
        }
    }
    let cut = legs.last().map_or(0, |r| r.end);
    if cut < set.body.len() {
        let _ = writeln!(out, "  overset ({} lines):", set.body.len() - cut);
        for line in &set.body[cut..] {
            let _ = writeln!(out, "     - | {}", line.rendered());
        }
    }
    for b in &set.foot {
        write_block(out, b);
    }
    out.push('\n');
}

fn write_block(out: &mut String, b: &Block) {
    let name = format!("{:?}", b.kind).to_lowercase();
    if b.lines.is_empty() {
        let _ = writeln!(out, "  {name} ({} line{})", b.depth, if b.depth == 1 { "" } else { "s" });
        return;
    }
    let each = if b.line_depth > 1 { format!(", {} lines each", b.line_depth) } else { String::new() };
    let _ = writeln!(out, "  {name}{each}:");
    for line in &b.lines {
        let _ = writeln!(out, "       | {}", line.rendered());
    }
}

fn kind_name(item: &Item) -> &'static str {
    match item {
        Item::Article(_) => "article",
        Item::Photo(_) => "photo",
        Item::Notice(_) => "notice",
    }
}
