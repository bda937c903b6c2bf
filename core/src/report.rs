//! What `check` and `proof` say about one box, as text and as JSON: one place, so the two
//! commands describe a box the same way.

use serde_json::{Value, json};

use crate::catalogue::Label;
use crate::fit::{Fit, SetBox, SetLine};
use crate::layout::ResolvedBox;
use crate::model::{Depth, Item};

/// Where a box stands, for an item on a page; `None` for an item in the bin.
#[derive(Debug, Clone, Copy)]
pub struct Where {
    pub page: u32,
    pub column: u16,
    pub line: u32,
    pub depth: Depth,
    pub over_foot: bool,
}

impl Where {
    pub fn of(page: u32, b: &ResolvedBox) -> Where {
        Where { page, column: b.column, line: b.line, depth: b.depth, over_foot: b.over_foot }
    }
}

/// `auto` or `fixed 40` (English; the catalogue's [`Label::Depth`] in any language).
pub fn depth_label(depth: Depth) -> String {
    Label::Depth(depth).to_string()
}

pub fn depth_json(depth: Depth) -> Value {
    match depth {
        Depth::Auto => json!("auto"),
        Depth::Fixed(n) => json!(n),
    }
}

/// `columns 1–3` or `column 4` (English; the catalogue's [`Label::Columns`] in any language).
pub fn columns_label(column: u16, span: u16) -> String {
    Label::columns(column, span).to_string()
}

/// The fit badge with the overset characters when there are any (English; the catalogue's
/// [`Label::FitDetail`] in any language).
pub fn fit_label(fit: &Fit) -> String {
    Label::FitDetail(*fit).to_string()
}

/// The fields every report of a box carries.
pub fn box_json(item: &Item, set: &SetBox, at: Option<Where>, fit: &Fit) -> Value {
    let mut v = json!({
        "id": item.id(),
        "kind": item.kind(),
        "title": item.title(),
        "span": set.span,
        "width_em": set.width / 2,
        "depth_needed": fit.depth_needed,
        "box_depth": fit.box_depth,
        "fit": fit.lines(),
        "badge": fit.badge(),
        "overset_lines": fit.overset_lines,
        "overset_chars": fit.overset_chars,
        "placed": at.is_some(),
    });
    if let (Some(at), Some(map)) = (at, v.as_object_mut()) {
        map.insert("page".into(), json!(at.page));
        map.insert("column".into(), json!(at.column));
        map.insert("line".into(), json!(at.line));
        map.insert("depth".into(), depth_json(at.depth));
        map.insert("over_foot".into(), json!(at.over_foot));
    }
    v
}

pub fn lines_json(lines: &[SetLine]) -> Value {
    Value::Array(lines.iter().map(|l| Value::String(l.rendered())).collect())
}
