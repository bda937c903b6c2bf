//! What can be wrong with a layout, as data: which page, item, line and column, never a
//! sentence. One type for the layout as read (repaired when it is read) and for the page as
//! it stands (overlaps, boxes past the foot, overset). `check`'s text, its JSON and the
//! editor's messages are all rendered from it; the words are in [`text`], and only there.

pub mod text;

use std::path::PathBuf;

use serde::Serialize;

use crate::model::ItemKind;

/// One problem with a layout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A page number the issue does not have; its placements went to the bin.
    UnknownPage { page: u32, issue_pages: Vec<u32>, placements: usize },
    /// A page listed twice; the second list was merged into the first.
    DuplicatePage { page: u32, first_line: Option<usize> },
    /// A placement naming an item the issue does not have; dropped. `nearest`: the issue's id
    /// most like it, if one is near (a typing slip).
    UnknownItem { page: u32, item: String, nearest: Option<String> },
    /// An item placed a second time; the second placement was dropped.
    PlacedTwice { page: u32, item: String, first_page: u32, first_line: Option<usize> },
    /// A placement outside the page grid; dropped, the item is in the bin.
    OffGrid { page: u32, item: String, off: OffGrid },
    /// A fixed depth of 0 or past the deepest page; set to `Auto`.
    BadDepth { page: u32, item: String, depth: u32 },
    /// A placement of an item the issue has as a photo or a notice (`kind`) asking for what
    /// only an article takes: `fields`, of `part`, `cut`, `head_size`, `headline` and
    /// `continued`. The copy desk changed the item's kind after its page was made up; the
    /// settings are left out.
    NotAnArticle { page: u32, item: String, kind: ItemKind, fields: Vec<&'static str> },
    /// Boxes sharing part of the page: part `part` of `item` and part `other_part` of `other`
    /// (1 for an item not continued), in placement order. A box is in at most one such problem
    /// of its own, however many boxes it overlaps.
    Overlap { page: u32, item: String, part: u32, other: String, other_part: u32 },
    /// A box, part `part` of `item`, reaching `lines` lines past the page foot.
    BelowFoot { page: u32, item: String, part: u32, lines: u32 },
    /// Part `part` of `item` (1 for an item not continued) does not fit its box: `lines` lines
    /// and `chars` characters fall outside it, as its fit counts them (every leg's).
    Overset { page: u32, item: String, part: u32, lines: u32, chars: u32 },
    /// What `pasteup merge` could not decide about `item`, noted in the layout (`page` 0: the
    /// note is the layout's, not a page's).
    MergeConflict { page: u32, item: String, note: String },
    /// Part `part` of a continued article stands on `page`, but its part `missing` (the one
    /// before or after it) is on no page.
    MissingPart { page: u32, item: String, part: u32, missing: u32 },
    /// Part `part` of a continued article on `page` went to the bin with part `with` before
    /// it, which the layout as read could not place (a page the issue lacks, off the grid): no
    /// part stands while the part before it waits in the bin. Of kind `missing_part`.
    PartBinnedWith { page: u32, item: String, part: u32, with: u32 },
    /// Part `part` (2 or later) of a continued article holds none of its text: the parts
    /// before it take it all, so its readers would find a headline and nothing under it.
    EmptyPart { page: u32, item: String, part: u32 },
    /// Part `part` (2 or later) of a continued article holds none of its text though some is
    /// left for it: too shallow for a line of it beside its heads and jump line. So are the
    /// parts from `first` (`part` when the part before holds text): making the parts before
    /// shallower would not help, they must be deeper, or fewer. Of kind `empty_part`.
    ShallowPart { page: u32, item: String, part: u32, first: u32 },
    /// Part `part` of a continued article stands on `page` continued in a next part that waits
    /// in the bin, but holds the rest of the text itself: the waiting part would hold none.
    /// Written by hand, or left after copy was cut; of kind `empty_part`.
    NothingContinued { page: u32, item: String, part: u32 },
    /// Every sentence of an article's body cut: `cut` asked over its parts, of the `sentences`
    /// the body has (fewer, when the copy desk shortened it since); the box on `page` is part
    /// `part`, the first whose cut is set. A headline and nothing under it; of kind `empty_part`.
    AllCut { page: u32, item: String, part: u32, cut: u32, sentences: u32 },
    /// A character of `item`'s `field` that the font `font` (a file name) has no glyph for:
    /// it would print as an empty box (glyph preflight). `page` is 0 for a field of the issue,
    /// else the page of part `part` (from 1), whose layout gives the text (a headline) or
    /// whose jump line it is.
    MissingGlyph { page: u32, part: u32, item: String, field: &'static str, ch: char, font: String },
    /// An article whose headline, where it is printed, is blank (empty or only white space):
    /// set as blank lines over its body. A problem of the issue file's copy, on no page.
    EmptyHeadline { item: String },
    /// An item whose id begins or ends with a space, which no one sees: a layout naming the id
    /// as it looks names another item or none. Loads, as version 1 read it; a problem of the
    /// issue file, on no page.
    SpacedId { item: String },
    /// An article or a notice (`notice`) with no body, or only blank paragraphs: an article's
    /// headline with nothing under it, as a body cut whole ([`Problem::AllCut`]) is; a notice's
    /// blank frame on the page. A problem of the issue file's copy, on no page.
    EmptyBody { item: String, notice: bool },
    /// A notice whose title is blank: set as a blank line under its top rule. A problem of the
    /// issue file's copy, on no page (a layout gives a notice no title of its own).
    EmptyTitle { item: String },
    /// A photo whose caption is blank: set as a blank line under its picture. A problem of the
    /// issue file's copy, on no page.
    EmptyCaption { item: String },
}

/// Why a placement is not on the grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OffGrid {
    /// The first column is 0 or past the last of the grid's `columns`.
    Column { column: u16, columns: u16 },
    /// A span of 0; `room` columns are left from the placement's column.
    NoSpan { room: u32 },
    /// Columns `column` to `last` run past the grid's `columns`.
    PastGrid { column: u16, last: u32, columns: u16 },
    /// The first line is 0 or deeper than any box could be pushed (`last_line`: the page's
    /// `depth` lines and as many past its foot as a box may be deep).
    Line { line: u32, last_line: u32, depth: u32 },
}

impl OffGrid {
    /// The field of the placement that is wrong.
    pub fn field(self) -> &'static str {
        match self {
            OffGrid::Column { .. } => "column",
            OffGrid::NoSpan { .. } | OffGrid::PastGrid { .. } => "span",
            OffGrid::Line { .. } => "line",
        }
    }
}

/// What kind of problem it is: the name `check --json` gives it and the exit code it calls for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProblemKind {
    UnknownPage,
    DuplicatePage,
    UnknownItem,
    PlacedTwice,
    OffGrid,
    BadDepth,
    NotAnArticle,
    Overlap,
    BelowFoot,
    Overset,
    MergeConflict,
    MissingPart,
    EmptyPart,
    MissingGlyph,
    EmptyHeadline,
    SpacedId,
    EmptyBody,
    EmptyTitle,
    EmptyCaption,
}

impl ProblemKind {
    /// The name in `check --json`.
    pub fn name(self) -> &'static str {
        match self {
            ProblemKind::UnknownPage => "unknown_page",
            ProblemKind::DuplicatePage => "duplicate_page",
            ProblemKind::UnknownItem => "unknown_item",
            ProblemKind::PlacedTwice => "placed_twice",
            ProblemKind::OffGrid => "off_grid",
            ProblemKind::BadDepth => "bad_depth",
            ProblemKind::NotAnArticle => "not_an_article",
            ProblemKind::Overlap => "overlap",
            ProblemKind::BelowFoot => "below_foot",
            ProblemKind::Overset => "overset",
            ProblemKind::MergeConflict => "merge_conflict",
            ProblemKind::MissingPart => "missing_part",
            ProblemKind::EmptyPart => "empty_part",
            ProblemKind::MissingGlyph => "missing_glyph",
            ProblemKind::EmptyHeadline => "empty_headline",
            ProblemKind::SpacedId => "spaced_id",
            ProblemKind::EmptyBody => "empty_body",
            ProblemKind::EmptyTitle => "empty_title",
            ProblemKind::EmptyCaption => "empty_caption",
        }
    }

    /// A layout naming what the issue does not have cannot be used as it stands (`check`
    /// exits 2); everything else is a make-up problem the editor fixes (exit 1).
    pub fn is_invalid(self) -> bool {
        matches!(
            self,
            ProblemKind::UnknownPage
                | ProblemKind::UnknownItem
                | ProblemKind::DuplicatePage
                | ProblemKind::BadDepth
                | ProblemKind::NotAnArticle
        )
    }

    /// Off the page rather than a layout that does not match its issue.
    pub fn is_off_page(self) -> bool {
        matches!(self, ProblemKind::OffGrid)
    }

    /// Found in the layout as read (and repaired then), rather than on the page as it stands.
    pub fn is_as_read(self) -> bool {
        !matches!(
            self,
            ProblemKind::Overlap
                | ProblemKind::BelowFoot
                | ProblemKind::Overset
                | ProblemKind::MissingPart
                | ProblemKind::EmptyPart
        )
    }
}

impl Problem {
    pub fn kind(&self) -> ProblemKind {
        match self {
            Problem::UnknownPage { .. } => ProblemKind::UnknownPage,
            Problem::DuplicatePage { .. } => ProblemKind::DuplicatePage,
            Problem::UnknownItem { .. } => ProblemKind::UnknownItem,
            Problem::PlacedTwice { .. } => ProblemKind::PlacedTwice,
            Problem::OffGrid { .. } => ProblemKind::OffGrid,
            Problem::BadDepth { .. } => ProblemKind::BadDepth,
            Problem::NotAnArticle { .. } => ProblemKind::NotAnArticle,
            Problem::Overlap { .. } => ProblemKind::Overlap,
            Problem::BelowFoot { .. } => ProblemKind::BelowFoot,
            Problem::Overset { .. } => ProblemKind::Overset,
            Problem::MergeConflict { .. } => ProblemKind::MergeConflict,
            Problem::MissingPart { .. } | Problem::PartBinnedWith { .. } => ProblemKind::MissingPart,
            Problem::EmptyPart { .. }
            | Problem::ShallowPart { .. }
            | Problem::NothingContinued { .. }
            | Problem::AllCut { .. } => ProblemKind::EmptyPart,
            Problem::MissingGlyph { .. } => ProblemKind::MissingGlyph,
            Problem::EmptyHeadline { .. } => ProblemKind::EmptyHeadline,
            Problem::SpacedId { .. } => ProblemKind::SpacedId,
            Problem::EmptyBody { .. } => ProblemKind::EmptyBody,
            Problem::EmptyTitle { .. } => ProblemKind::EmptyTitle,
            Problem::EmptyCaption { .. } => ProblemKind::EmptyCaption,
        }
    }

    /// The page (as numbered in the layout) the problem is on.
    pub fn page(&self) -> u32 {
        match self {
            Problem::UnknownPage { page, .. }
            | Problem::DuplicatePage { page, .. }
            | Problem::UnknownItem { page, .. }
            | Problem::PlacedTwice { page, .. }
            | Problem::OffGrid { page, .. }
            | Problem::BadDepth { page, .. }
            | Problem::NotAnArticle { page, .. }
            | Problem::Overlap { page, .. }
            | Problem::BelowFoot { page, .. }
            | Problem::Overset { page, .. }
            | Problem::MergeConflict { page, .. }
            | Problem::MissingPart { page, .. }
            | Problem::PartBinnedWith { page, .. }
            | Problem::EmptyPart { page, .. }
            | Problem::ShallowPart { page, .. }
            | Problem::NothingContinued { page, .. }
            | Problem::AllCut { page, .. }
            | Problem::MissingGlyph { page, .. } => *page,
            Problem::EmptyHeadline { .. }
            | Problem::SpacedId { .. }
            | Problem::EmptyBody { .. }
            | Problem::EmptyTitle { .. }
            | Problem::EmptyCaption { .. } => 0,
        }
    }

    /// The items concerned, in placement order.
    pub fn items(&self) -> Vec<&str> {
        match self {
            Problem::UnknownPage { .. } | Problem::DuplicatePage { .. } => Vec::new(),
            // A conflict on the layout's own issue is on no item.
            Problem::MergeConflict { item, .. } if item.is_empty() => Vec::new(),
            Problem::Overlap { item, other, .. } => vec![item, other],
            Problem::UnknownItem { item, .. }
            | Problem::PlacedTwice { item, .. }
            | Problem::OffGrid { item, .. }
            | Problem::BadDepth { item, .. }
            | Problem::NotAnArticle { item, .. }
            | Problem::BelowFoot { item, .. }
            | Problem::Overset { item, .. }
            | Problem::MergeConflict { item, .. }
            | Problem::MissingPart { item, .. }
            | Problem::PartBinnedWith { item, .. }
            | Problem::EmptyPart { item, .. }
            | Problem::ShallowPart { item, .. }
            | Problem::NothingContinued { item, .. }
            | Problem::AllCut { item, .. }
            | Problem::MissingGlyph { item, .. }
            | Problem::EmptyHeadline { item }
            | Problem::SpacedId { item }
            | Problem::EmptyBody { item, .. }
            | Problem::EmptyTitle { item }
            | Problem::EmptyCaption { item } => vec![item],
        }
    }
}

/// A problem and where it is: in the layout file, at a line and column when it was found
/// in the file as read, else the file as a whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    pub problem: Problem,
    pub file: PathBuf,
    pub line: Option<usize>,
    pub col: Option<usize>,
}

impl Located {
    pub fn kind(&self) -> ProblemKind {
        self.problem.kind()
    }

    /// The problem in words (without the file and position).
    pub fn message(&self) -> String {
        text::message(&self.problem)
    }
}
