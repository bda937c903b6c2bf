//! The newsroom's nouns: an issue with its pages and items, and the layout that places them.

mod issue;
mod layout;

pub use issue::{Article, Grid, Issue, Item, ItemKind, Kinsoku, Language, Notice, Orphans, Page, Photo, Punctuation};
pub use layout::{Conflict, Depth, Layout, PageLayout, Placement};
