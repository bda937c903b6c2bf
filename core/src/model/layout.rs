//! The layout file (docs/file-formats.md): the editor's save file, placements of items on pages.

use serde::{Deserialize, Serialize};

/// Where each placed item stands; an item on no page is in the bin.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Layout {
    /// Path of the issue, relative to the layout file.
    pub issue: String,
    pub pages: Vec<PageLayout>,
    /// What a merge of two editors' layouts could not decide (`pasteup merge`); written
    /// only when there are any, and cleared by the next save from the editor.
    #[serde(default)]
    pub conflicts: Vec<Conflict>,
}

/// A conflict a merge left for the page editor: the item and what happened to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    /// Empty (left out of the file) for a conflict on the layout itself, its `issue`: that is
    /// no item, and naming it after an issue file read as one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub item: String,
    pub note: String,
}

impl Conflict {
    /// The item the conflict is on; `None` when it is on the layout itself (its `issue`).
    pub fn on_item(&self) -> Option<&str> {
        (!self.item.is_empty()).then_some(self.item.as_str())
    }

    /// Whether both sides changed what the note is on, and ours was kept; else the note is of
    /// what the merged layout holds (an overlap, a box past the foot).
    pub fn both_changed(&self) -> bool {
        self.note.starts_with(crate::merge::BOTH_CHANGED)
    }
}

/// The placements on one page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageLayout {
    pub number: u32,
    #[serde(default)]
    pub placements: Vec<Placement>,
}

/// An item on a page: first column and line (1-based, as editors count), span and depth,
/// and what the page editor decided for this box (version 2, each left out at its default):
/// which part of a continued article it is, the sentences cut, the headline's size and text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Placement {
    pub item: String,
    pub column: u16,
    pub span: u16,
    pub line: u32,
    #[serde(default)]
    pub depth: Depth,
    /// 1 for the article's first (or only) box; 2, 3, … continue it elsewhere (转版).
    #[serde(default = "first_part", skip_serializing_if = "is_first_part")]
    pub part: u32,
    /// Sentences cut from the end of the body.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub cut: u32,
    /// Em per headline character here; `None` = the grid's `headline_size`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub head_size: Option<u16>,
    /// The page editor's headline here; `None` = the issue's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headline: Option<String>,
    /// The article goes on in its next part, which waits in the bin (`t`): written only
    /// then, since a next part on a page says so itself.
    #[serde(default, skip_serializing_if = "is_false")]
    pub continued: bool,
}

fn first_part() -> u32 {
    1
}

pub(crate) fn is_first_part(part: &u32) -> bool {
    *part == 1
}

pub(crate) fn is_zero(n: &u32) -> bool {
    *n == 0
}

pub(crate) fn is_false(b: &bool) -> bool {
    !*b
}

impl Placement {
    /// A placement with every version-2 field at its default.
    pub fn new(item: impl Into<String>, column: u16, span: u16, line: u32, depth: Depth) -> Placement {
        Placement {
            item: item.into(),
            column,
            span,
            line,
            depth,
            part: 1,
            cut: 0,
            head_size: None,
            headline: None,
            continued: false,
        }
    }
}

/// A box's depth: as deep as the item needs, or fixed by the editor.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Depth {
    #[default]
    Auto,
    Fixed(u32),
}
