//! The layout file (docs/file-formats.md): the editor's save file, placements of items on pages.

use serde::{Deserialize, Serialize};

/// Where each placed item stands; an item on no page is in the bin.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
    pub item: String,
    pub note: String,
}

/// The placements on one page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageLayout {
    pub number: u32,
    #[serde(default)]
    pub placements: Vec<Placement>,
}

/// An item on a page: first column and line (1-based, as editors count), span and depth.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Placement {
    pub item: String,
    pub column: u16,
    pub span: u16,
    pub line: u32,
    #[serde(default)]
    pub depth: Depth,
}

/// A box's depth: as deep as the item needs, or fixed by the editor.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Depth {
    #[default]
    Auto,
    Fixed(u32),
}
