//! The galley proof: every item set in its box, leg by leg, line by line, as text and JSON.

use std::fmt::Write as _;

use crate::catalogue::{GalleyAt, Render, Report, UiLang, part_id};
use crate::fit::{Block, Fit, SetBox, set_item};
use crate::layout::Makeup;
use crate::model::{Depth, Item};
use crate::report::{FinishedBox, Where, box_title, cut_of};

/// One item as the proof shows it.
pub struct Galley<'a> {
    pub item: &'a Item,
    pub set: std::sync::Arc<SetBox>,
    pub at: Option<Where>,
    pub fit: Fit,
    /// The headline the layout gives the box, where it gives one.
    pub headline: Option<std::sync::Arc<str>>,
}

impl Galley<'_> {
    fn depth(&self) -> Depth {
        self.at.map_or(Depth::Auto, |at| at.depth)
    }

    /// The box's title: the headline the layout gives it, else the item's own.
    pub fn title(&self) -> &str {
        box_title(self.item, self.headline.as_deref())
    }
}

/// Every item of the issue: the placed ones page by page, then the bin, each at its span
/// (an item in the bin at its own span for a photo, one column for the rest).
pub fn galleys(makeup: &Makeup) -> Vec<Galley<'_>> {
    let issue = makeup.issue();
    let mut out = Vec::new();
    for page in &issue.pages {
        for b in makeup.resolved(page.number) {
            let item = &issue.items[b.index];
            let headline = b.setting.headline.clone();
            out.push(Galley { item, fit: b.fit, at: Some(Where::of(page.number, &b)), set: b.set.clone(), headline });
        }
    }
    let Some(grid) = issue.pages.first().map(|p| &p.grid) else { return out };
    // A waiting part is the overset of the part before it, shown there; the bin here is the
    // items not on any page.
    for item in makeup.bin_items().filter(|i| makeup.placement_of(i.id()).is_none()) {
        let span = match item {
            Item::Photo(p) => p.span.clamp(1, grid.columns.max(1)),
            _ => 1,
        };
        let set = std::sync::Arc::new(set_item(item, grid, issue.language, span));
        let fit = set.fit(Depth::Auto);
        out.push(Galley { item, set, at: None, fit, headline: None });
    }
    out
}

/// The galley as `proof --json` gives it: the box with every line set in it.
pub fn galley_json(g: &Galley) -> FinishedBox<String> {
    FinishedBox::new(g.item, &g.set, g.at, &g.fit, g.headline.as_deref()).with_lines(&g.set).rendered()
}

/// The galley as text, its words in `lang`.
pub fn write_galley(out: &mut String, g: &Galley, lang: UiLang) {
    let set = &g.set;
    let id = part_id(g.item.id(), set.part.as_ref().map_or(1, |p| p.part), lang);
    let (kind, title) = (g.item.kind(), crate::format::printable(g.title()));
    let _ = writeln!(out, "{}", Report::GalleyHead { id, kind, title }.render(lang));
    let at = match g.at {
        Some(at) => GalleyAt::Page { page: at.page, column: at.column, span: set.span, line: at.line, depth: at.depth },
        None => GalleyAt::Bin { span: set.span },
    };
    let empty = set.holds_no_copy();
    let _ = writeln!(out, "{}", Report::GalleyPlace { at, fit: g.fit, empty }.render(lang));
    if g.at.is_some_and(|at| at.over_foot) {
        let _ = writeln!(out, "{}", Report::GalleyOverFoot.render(lang));
    }
    if let Some(p) = &set.part {
        let part = Report::GalleyPart { part: p.part, from_page: p.from_page, to_page: p.to_page };
        let _ = writeln!(out, "{}", part.render(lang));
    }
    // Heads and foot lines below the box are cut, and counted in the fit's overset as body
    // lines past the last leg are: both are marked `-`.
    let mut past = set.stacked_lines(set.box_depth(g.depth())).map(|(_, past)| past);
    for b in &set.heads {
        write_block(out, b, lang, &mut past);
    }
    let legs = set.legs_at(g.depth());
    for (i, leg) in legs.iter().enumerate() {
        let _ = writeln!(out, "{}", Report::Leg { number: i + 1, lines: leg.len() }.render(lang));
        for (n, line) in set.body[leg.clone()].iter().enumerate() {
            let _ = writeln!(out, "  {:>4} | {}", n + 1, line.rendered());
        }
    }
    let cut = legs.last().map_or(0, |r| r.end);
    if cut < set.body.len() {
        let _ = writeln!(out, "{}", Report::GalleyOverset { lines: set.body.len() - cut }.render(lang));
        for line in &set.body[cut..] {
            let _ = writeln!(out, "     - | {}", line.rendered());
        }
    }
    for b in &set.foot {
        write_block(out, b, lang, &mut past);
    }
    write_cut(out, g, lang);
    out.push('\n');
}

/// The sentences the box's cut leaves out, one a line.
fn write_cut(out: &mut String, g: &Galley, lang: UiLang) {
    let cut = cut_of(g.item, &g.set, g.at.map_or(0, |at| at.cut));
    if cut.is_empty() {
        return;
    }
    let chars = cut.iter().map(|s| s.chars()).sum();
    let _ = writeln!(out, "{}", Report::GalleyCut { sentences: cut.len() as u32, chars }.render(lang));
    for s in &cut {
        let _ = writeln!(out, "     ~ | {}", crate::format::printable(s.text.trim_end()));
    }
}

/// A head or foot block, each line marked `-` where `past` says it falls below the box.
fn write_block(out: &mut String, b: &Block, lang: UiLang, past: &mut impl Iterator<Item = bool>) {
    let head = Report::Block { kind: b.kind, depth: b.depth, line_depth: b.line_depth, empty: b.lines.is_empty() };
    let _ = writeln!(out, "{}", head.render(lang));
    for line in &b.lines {
        let mark = if past.next().unwrap_or(false) { '-' } else { ' ' };
        let _ = writeln!(out, "     {mark} | {}", line.rendered());
    }
}
