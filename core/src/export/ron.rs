//! The RON export: the finished layout, self-contained, so that a typesetting system can
//! rebuild every page without pasteup (docs/command-line.md, "Export"). Every number comes from the fit
//! engine through [`Makeup::resolved`] and the galley proof's [`galleys`], so it equals what
//! `check` and `proof --json` say.
//!
//! Geometry is in the issue's own units: columns and lines are 1-based, widths in em, depths
//! in body lines; a set line's `lead` and `cells` are in half-ems (1 em = 2 cells), so a line
//! is `lead` half-ems of space and then its text, exactly as the fit engine set it.

use serde::{Deserialize, Serialize};

use crate::layout::Makeup;
use crate::model::{Grid, Item, Language};
use crate::proof::galley::{Galley, galleys};
use crate::report::FinishedBox;

/// The version of this file's structure; raised when a field changes meaning. Version 2
/// writes boxes and bin items alike as the one [`FinishedBox`] that `proof --json` gives.
pub const VERSION: u32 = 2;

/// The finished layout of an issue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Finished {
    pub version: u32,
    pub paper: String,
    pub date: String,
    pub language: Language,
    pub pages: Vec<FinishedPage>,
    /// The items on no page, in issue order, each set at its own span (a photo's, else one
    /// column) on the first page's grid, as `proof` shows them.
    pub bin: Vec<FinishedBox>,
}

/// One page: its grid, its fit in total and its boxes in placement order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FinishedPage {
    pub number: u32,
    pub section: Option<String>,
    pub grid: Grid,
    /// Width of the page's type area in em: columns × width + gutters.
    pub width_em: u32,
    /// Sum of the boxes' fits: negative = overset, positive = short.
    pub fit: i64,
    pub overset_lines: u32,
    pub overset_chars: u32,
    pub boxes: Vec<FinishedBox>,
}

/// The finished layout of `makeup`.
pub fn finished(makeup: &Makeup) -> Finished {
    let issue = makeup.issue();
    let all = galleys(makeup);
    let mut pages: Vec<FinishedPage> = issue
        .pages
        .iter()
        .map(|page| {
            let summary = makeup.page_summary(page.number);
            FinishedPage {
                number: page.number,
                section: page.section.clone(),
                grid: page.grid.clone(),
                width_em: page.grid.span_width(page.grid.columns),
                fit: summary.as_ref().map_or(0, |s| s.fit_lines),
                overset_lines: summary.as_ref().map_or(0, |s| s.overset_lines),
                overset_chars: summary.as_ref().map_or(0, |s| s.overset_chars),
                boxes: Vec::new(),
            }
        })
        .collect();
    let page_of: std::collections::HashMap<u32, usize> =
        issue.pages.iter().enumerate().map(|(i, p)| (p.number, i)).collect();
    // The bin entries and the bin galleys are both in issue order; a waiting later part of a
    // continued article is the overset of the part before it, exported there.
    let mut entries = makeup.bin_entries().into_iter().filter(|e| e.part == 1);
    let mut bin = Vec::new();
    for g in &all {
        match g.at.and_then(|at| page_of.get(&at.page)) {
            Some(&pi) => {
                let b = export_box(g, Some(&issue.pages[pi].grid));
                pages[pi].boxes.push(b);
            }
            None => {
                let mut b = export_box(g, None);
                b.chars = Some(entries.next().map_or(0, |e| e.chars));
                bin.push(b);
            }
        }
    }
    Finished {
        version: VERSION,
        paper: issue.paper.clone(),
        date: issue.date.clone(),
        language: issue.language,
        pages,
        bin,
    }
}

/// The box with its lines, its geometry on `grid` when placed, and its image.
fn export_box(g: &Galley, grid: Option<&Grid>) -> FinishedBox {
    let mut b = FinishedBox::new(g.item, &g.set, g.at, &g.fit, g.headline.as_deref()).with_lines(&g.set);
    if let (Some(grid), Some(at)) = (grid, g.at) {
        b.x_em = Some(crate::proof::page::column_x(grid, at.column) / 2);
        b.leg_width_em = Some(g.set.leg_width / 2);
    }
    if let Item::Photo(p) = g.item {
        b.image = p.file.clone();
        b.pixels = p.pixels;
    }
    b
}

/// The pretty-printer settings: four-space indents, `\n` line ends, struct names written,
/// optional values written bare (the file starts `#![enable(implicit_some)]`).
pub fn pretty() -> ::ron::ser::PrettyConfig {
    ::ron::ser::PrettyConfig::new()
        .new_line("\n")
        .indentor("    ")
        .struct_names(true)
        .extensions(::ron::extensions::Extensions::IMPLICIT_SOME)
}

/// The finished layout as RON text.
pub fn to_ron(makeup: &Makeup) -> String {
    write(&finished(makeup))
}

/// `finished` as RON text: what [`from_ron`] reads back.
pub fn write(finished: &Finished) -> String {
    let mut text = ::ron::ser::to_string_pretty(finished, pretty())
        .unwrap_or_else(|e| format!("// pasteup could not write the finished layout: {e}\n"));
    text.push('\n');
    bare_variants(text)
}

/// What ron spells raw for fear an untyped reader take it for the word itself: `Kinsoku::None`
/// comes out `r#None`.
const RON_WORDS: [&str; 10] = ["None", "Some", "true", "false", "inf", "inff32", "inff64", "NaN", "NaNf32", "NaNf64"];

/// `text` with its raw variants written bare (`kinsoku: None`), as the issue file, the docs and
/// `check --json` spell them: a reader of plain RON refuses `r#None` (found from outside). A
/// typed reader reads the bare word as the field's variant; no exported enum sits in an
/// `Option`, where a bare `None` would be the option's (the read-back tests hold that).
fn bare_variants(text: String) -> String {
    let raw: Vec<usize> = crate::format::words(&text)
        .filter(|w| text[w.clone()].strip_prefix("r#").is_some_and(|rest| RON_WORDS.contains(&rest)))
        .map(|w| w.start)
        .collect();
    if raw.is_empty() {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for start in raw {
        out.push_str(&text[from..start]);
        from = start + 2;
    }
    out.push_str(&text[from..]);
    out
}

/// Reads a RON export back.
pub fn from_ron(text: &str) -> Result<Finished, ::ron::error::SpannedError> {
    ::ron::from_str(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_variants_are_written_bare_and_strings_are_left_alone() {
        let text = "Grid(kinsoku: r#None, x: r#Some, y: r#type, t: \"kinsoku: r#None\") // r#None\n".to_string();
        assert_eq!(bare_variants(text), "Grid(kinsoku: None, x: Some, y: r#type, t: \"kinsoku: r#None\") // r#None\n");
    }
}
