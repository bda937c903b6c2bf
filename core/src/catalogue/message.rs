//! The messages as data. Names and numbers travel in them; the words are the catalogue's.

use crate::fit::Fit;
use crate::layout::{Operation, Refusal};
use crate::model::{Depth, ItemKind};

/// How a box's fit, depth and columns are named (the same in the editor, `check` and `proof`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// `fits`, `+3 short`, `-5 overset`.
    Badge(Fit),
    /// The badge, with the overset lines and characters when there are any.
    FitDetail(Fit),
    /// The badge, and `past foot` when the box reaches past the page foot.
    BoxBadge { fit: Fit, over_foot: bool },
    /// `auto` or `fixed 40`.
    Depth(Depth),
    /// `column 4` or `columns 1–3`.
    Columns { first: u16, last: u16 },
    /// `article`, `photo`, `notice`.
    Kind(ItemKind),
}

impl Label {
    /// The columns a box at `column` spanning `span` takes.
    pub fn columns(column: u16, span: u16) -> Label {
        Label::Columns { first: column, last: column + span.max(1) - 1 }
    }
}

/// A line for the editor's status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// A box key was pressed with no box selected.
    SelectBoxFirst,
    /// The to-bin key was pressed with no box selected.
    SelectBoxToBin,
    BinEmpty,
    BackInBin {
        item: String,
    },
    /// Undone / redone: the operation, when the history named one.
    Undid {
        op: Option<Operation>,
    },
    Redid {
        op: Option<Operation>,
    },
    FirstPage,
    LastPage,
    /// What an operation did besides what was asked (item ids).
    Pushed {
        pushed: Vec<String>,
        past_foot: Vec<String>,
    },
    Saved {
        path: String,
    },
    NotSaved {
        error: String,
    },
    Exported {
        path: String,
    },
    NotExported {
        error: String,
    },
    Restored,
    RecoveryUnreadable {
        error: String,
    },
    /// The issue file changed under the editor.
    IssueChanged {
        file: String,
    },
    /// What was wrong with the files as opened: the first note and how many more.
    OpenNotes {
        first: String,
        more: usize,
    },
    Refused(Refusal),
}

/// What changed on disk since the editor read the files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiskChange {
    Layout { file: String },
    Issue { file: String },
}

/// A question over the page; keys answer it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Question {
    QuitUnsaved,
    Overwrite(DiskChange),
    /// A recovery file from an editor that did not close, `age_secs` old (if known).
    Recover {
        file: String,
        age_secs: Option<u64>,
    },
}

/// What a key does, as the help overlay and the README list it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyHelp {
    SelectLeft,
    SelectDown,
    SelectUp,
    SelectRight,
    MoveLeft,
    MoveDown,
    MoveUp,
    MoveRight,
    SpanMore,
    SpanLess,
    DepthLess,
    DepthMore,
    DepthAuto,
    Place,
    ToBin,
    SwitchFocus,
    PrevPage,
    NextPage,
    Zoom,
    Undo,
    Redo,
    Save,
    Export,
    Help,
    Quit,
}

/// A key and its word in the status bar's hints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Hint {
    Move,
    Span,
    Place,
    ToBin,
    Focus,
    Zoom,
    Undo,
    Save,
    Help,
    Quit,
}

/// The page view's zoom, by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zoom {
    Text,
    Plan,
}

/// The editor's fixed words: title bar, rulers, bin, inspector, frames.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Chrome {
    /// The terminal is below the smallest usable size, in one line.
    TooSmall {
        width: u16,
        height: u16,
        min_width: u16,
        min_height: u16,
    },
    /// The same in a few words, for a terminal too narrow for the sentence.
    TooSmallShort,
    /// `need 40x10`.
    TooSmallNeed {
        min_width: u16,
        min_height: u16,
    },
    TitleBar {
        paper: String,
        date: String,
        page: u32,
        index: usize,
        pages: usize,
        section: Option<String>,
        zoom: Zoom,
        unsaved: bool,
    },
    /// The line-number ruler's head and its foot mark (5 cells each).
    RulerLine,
    RulerFoot,
    BinHead {
        items: usize,
        focused: bool,
    },
    BinInfo {
        kind: ItemKind,
        chars: u32,
        lines: u32,
    },
    InspectBin {
        id: String,
        chars: u32,
        lines: u32,
    },
    InspectBox {
        id: String,
        column: u16,
        span: u16,
        top: u32,
        bottom: u32,
        depth: Depth,
        fit: Fit,
    },
    PageSummary {
        page: u32,
        used: u32,
        free: u32,
        fit: i64,
        overset: usize,
        past_foot: usize,
    },
    HelpTitle,
}
