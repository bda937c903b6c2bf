//! What `make` did, as data: per page the boxes it placed, what it left in the bin and why,
//! its free and short lines; `pasteup make --json` prints it as it is (English keys).

use serde::Serialize;

use crate::model::ItemKind;

/// The whole run.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct MakeReport {
    pub pages: Vec<MadePage>,
    /// Items no page took that were planned for none of the pages made: planned for a page
    /// the issue lacks (`no_page`), or unplanned (`no_room`; `not_offered` when no page made
    /// needed it); and those planned for a page this run did not make, which wait there
    /// (`waiting`, with the page).
    pub bin: Vec<LeftItem>,
}

impl MakeReport {
    /// Whether every item make tried to place was placed and every page keeps the rules: an
    /// item waiting for a page not made is no failure (make did not try to place it).
    pub fn complete(&self) -> bool {
        self.bin.iter().all(LeftItem::waiting) && self.pages.iter().all(|p| p.left.is_empty() && p.broken.is_empty())
    }

    /// Items in the bin that wait for a page this run did not make.
    pub fn waiting(&self) -> usize {
        self.bin.iter().filter(|l| l.waiting()).count()
    }

    /// Items make tried to place and left in the bin: on the pages made, and those no page took.
    pub fn left(&self) -> usize {
        self.bin.len() - self.waiting() + self.pages.iter().map(|p| p.left.len()).sum::<usize>()
    }

    /// Boxes placed on every page.
    pub fn placed(&self) -> usize {
        self.pages.iter().map(|p| p.placed.len()).sum()
    }
}

/// One page made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MadePage {
    pub number: u32,
    /// Boxes that stood on the page before and were kept.
    pub kept: usize,
    pub placed: Vec<PlacedBox>,
    /// Items planned for the page that stay in the bin.
    pub left: Vec<LeftItem>,
    /// Column-lines no box covers.
    pub free_lines: u32,
    /// The page's column-lines (columns × depth).
    pub column_lines: u32,
    /// Column-lines the items offered to the page (planned for it, and fillers) could take at
    /// most, each at its widest sensible span uncut: fewer than the lines free before it was
    /// made, and the page cannot be filled whatever make does.
    pub offered_lines: u64,
    /// Column-lines free before the page was made (not under a kept box).
    pub open_lines: u32,
    pub short_boxes: usize,
    pub short_lines: u32,
    pub cut_sentences: u32,
    /// Rules the page could not keep.
    pub broken: Vec<Broken>,
    /// Runs of free lines in a column with a box under them: gaps make left that no copy
    /// it placed fills (found from outside: said nowhere but in the page's free lines).
    pub gaps: Vec<Gap>,
}

/// Lines of a column, or of touching columns, left free above a box.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Gap {
    /// The first column.
    pub column: u16,
    /// Columns side by side with the same lines free.
    pub span: u16,
    /// The first free line.
    pub line: u32,
    pub lines: u32,
}

impl Gap {
    /// Each column's runs of free lines, as (column, first line, lines), with touching
    /// columns that have the same lines free as one gap: a page with little copy left eight
    /// columns free over the same lines, and the report said it in eight lines (found from
    /// outside).
    pub(super) fn joined(mut runs: Vec<(u16, u32, u32)>) -> Vec<Gap> {
        runs.sort_by_key(|&(column, line, lines)| (line, lines, column));
        let mut out: Vec<Gap> = Vec::new();
        for (column, line, lines) in runs {
            match out.last_mut() {
                Some(g) if (g.line, g.lines) == (line, lines) && g.column + g.span == column => g.span += 1,
                _ => out.push(Gap { column, span: 1, line, lines }),
            }
        }
        out.sort_by_key(|g| (g.column, g.line));
        out
    }
}

impl MadePage {
    /// Free lines per thousand column-lines (rounded down).
    pub fn free_per_mille(&self) -> u32 {
        (u64::from(self.free_lines) * 1000 / u64::from(self.column_lines.max(1))) as u32
    }

    /// Whether the bin offered the page copy enough to fill it, or the page is full all the
    /// same (found from outside: a page of no free line was called short of copy, its last
    /// lines those of boxes set a line or two short).
    pub fn copy_enough(&self) -> bool {
        self.offered_lines >= u64::from(self.open_lines) || self.free_lines == 0
    }

    /// Why nothing offered fits the page, when nothing does and items planned for it were
    /// left for their depth: [`LeftReason::TooDeep`] when each was deeper than the page (the
    /// page is too small for its copy), else the first rule that held one back (a leg's sixty
    /// lines, a notice's third of the page).
    pub fn nothing_fits(&self) -> Option<LeftReason> {
        let deep: Vec<LeftReason> = self.left.iter().map(|l| l.reason).filter(|r| r.too_deep()).collect();
        if self.offered_lines > 0 || deep.is_empty() {
            return None;
        }
        Some(deep.iter().copied().find(|&r| r != LeftReason::TooDeep).unwrap_or(LeftReason::TooDeep))
    }

    /// Whether the page is filled to within 2% of its column-lines.
    pub fn filled(&self) -> bool {
        within_two_percent(self.free_lines, self.column_lines)
    }
}

/// Whether `free` lines of a page of `lines` column-lines is within 2% of it: the quality
/// make aims at when the bin holds copy enough.
pub(super) fn within_two_percent(free: u32, lines: u32) -> bool {
    u64::from(free) * 50 <= u64::from(lines)
}

/// A box make placed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlacedBox {
    pub id: String,
    pub kind: ItemKind,
    pub column: u16,
    pub span: u16,
    pub line: u32,
    /// Box depth in lines.
    pub depth: u32,
    /// Lines the box was made short to close its column (0 = fits exactly).
    pub short: u32,
    /// Sentences cut from the end of the body (`--cut`).
    pub cut: u32,
}

/// An item left in the bin, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LeftItem {
    pub id: String,
    /// The item's place in the issue (not printed).
    #[serde(skip)]
    pub index: usize,
    pub reason: LeftReason,
    /// The part waiting, for `continued_part`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part: Option<u32>,
    /// The page it is planned for, for `waiting`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
}

impl LeftItem {
    /// Whether the item waits for a page this run did not make.
    pub fn waiting(&self) -> bool {
        self.reason == LeftReason::Waiting
    }
}

/// Why an item stays in the bin.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LeftReason {
    /// Deeper than the page at every span the rules allow.
    TooDeep,
    /// An article that fits the page only at spans whose legs run past the 60 lines a leg
    /// holds: the leg rule, not the page's depth, keeps it off.
    LegsTooDeep,
    /// A notice deeper than a third of the page at every span: notices stand at the foot, a
    /// third of the page deep at most.
    NoticeTooDeep,
    /// An article or notice with nothing to print: every field blank.
    NoCopy,
    /// Planned for a page the issue does not have.
    NoPage,
    /// No room left that keeps the rules.
    NoRoom,
    /// An unplanned item no page made was offered: each had copy enough to fill it.
    NotOffered,
    /// A photo whose article is not on the page.
    ArticleNotPlaced,
    /// Taken off a page made from empty, and planned for a page this run did not make.
    PlannedElsewhere,
    /// A part of an article continued (转版) that waits in the bin: make places no part of
    /// such an article, the page editor does.
    ContinuedPart,
    /// Planned for a page of the issue this run did not make (`--page`): it waits in the bin
    /// for that page (found from outside: `make --page 2` said `0 left in the bin`, `check`
    /// then `bin: 5 items`).
    Waiting,
}

impl LeftReason {
    /// Whether the item was left for its depth: deeper than the page, than a leg or than the
    /// foot's third at every span.
    pub fn too_deep(self) -> bool {
        matches!(self, LeftReason::TooDeep | LeftReason::LegsTooDeep | LeftReason::NoticeTooDeep)
    }
}

/// Why a lead stands narrower than half the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NarrowCause {
    /// Its copy could take half the page, but kept boxes left it no such place at line 1.
    KeptBoxes,
    /// Its copy is too short for legs of six lines at half the page: it stands at its widest
    /// span that keeps the leg rule, and the desk decides (a longer story, another lead).
    ShortCopy,
}

/// A rule a made page could not keep.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum Broken {
    /// The lead could not stand at line 1 (kept boxes were there).
    LeadNotAtTop { id: String },
    /// The lead stands at line 1 but narrower than half the page (`span` of `columns`), for
    /// `cause`.
    LeadNarrow { id: String, span: u16, columns: u16, cause: NarrowCause },
    /// A second priority-1 article planned for the page: `lead` (one the desk placed, else the
    /// first in the issue) is the lead; `id` is made as any other planned item, placed or left.
    SecondLead { id: String, lead: String },
    /// A notice planned as the page's lead (priority 1): a notice stands at the foot, so it
    /// is made as every notice is and leads nothing (found from outside: one was set at line 1,
    /// against the notices' rule, and nothing was said).
    NoticeLead { id: String },
    /// Two kept boxes overlap: make moves neither (the page editor decides which goes).
    KeptOverlap { id: String, other: String },
    /// A kept box does not hold its copy (make moves no kept box and changes no depth).
    KeptOverset { id: String },
    /// A kept box stands past the page's foot.
    KeptPastFoot { id: String },
    /// A kept box holds none of its article's body: every sentence cut, or a part of a
    /// continued article that the parts before it fill (`check`'s `empty_part`).
    KeptEmpty { id: String },
}
