//! The newsroom's nouns: an issue with its pages and items, and the layout that places them.

mod issue;
mod layout;

pub use issue::{Article, Grid, Issue, Item, ItemKind, Kinsoku, Language, Notice, Orphans, Page, Photo, Punctuation};
pub use layout::{Conflict, Depth, Layout, PageLayout, Placement};
/// For the fields left out at their default, as a layout's are (`diff` writes them so too).
pub(crate) use layout::{is_false, is_first_part, is_zero};
