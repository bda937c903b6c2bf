//! The messages as data. Names and numbers travel in them; the words are the catalogue's.

use crate::fit::Fit;
use crate::format::LoadError;
use crate::layout::{OnPage, Operation, Outcome, Refusal, RemedyKind};
use crate::model::{Depth, ItemKind};
use crate::problem::Located;

/// How a box's fit, depth and columns are named (the same in the editor, `check` and `proof`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// `fits`, `+3 short`, `-5 overset`.
    Badge(Fit),
    /// The badge, with the overset lines and characters when there are any.
    FitDetail(Fit),
    /// The badge, and `past foot` when the box reaches past the page foot.
    /// `empty`: a later part of a continued article that holds none of its copy (found from
    /// outside: such a box said `fits`).
    BoxBadge { fit: Fit, over_foot: bool, empty: bool },
    /// The inspector's fit: the box's badge as drawn on it, `past foot` included, with the
    /// overset lines and characters when there are any (found from outside: the badge said
    /// `fits past foot`, the inspector `fits`).
    BoxDetail { fit: Fit, over_foot: bool, empty: bool },
    /// `auto` or `fixed 40`.
    Depth(Depth),
    /// `column 4` or `columns 1–3`.
    Columns { first: u16, last: u16 },
    /// `article`, `photo`, `notice`.
    Kind(ItemKind),
    /// What follows an item's id for a part after the first: ` (part 2)`.
    PartOf(u32),
    /// `cut 2 sentences (57 chars)`.
    Cut { sentences: u32, chars: u32 },
    /// `lines 1–16`: a field of the inspector's, which it leaves out on a narrow row.
    Lines { top: u32, bottom: u32 },
    /// `depth fixed 16`, `depth auto`.
    DepthSetting(Depth),
    /// `needs 9`: the lines the box's copy needs.
    Needs(u32),
}

impl Label {
    /// A box's fit in detail, or `no copy` for a later part that holds none of its article's
    /// (found from outside: such a part's badge said `no copy`, its inspector and `check`
    /// line `fits`).
    pub fn detail(fit: Fit, empty: bool) -> Label {
        if empty { Label::BoxBadge { fit, over_foot: false, empty } } else { Label::FitDetail(fit) }
    }

    /// The columns a box at `column` spanning `span` takes.
    pub fn columns(column: u16, span: u16) -> Label {
        Label::Columns { first: column, last: column + span.max(1) - 1 }
    }
}

/// A box named by its item's id and its part (1 for an item not continued).
pub type PartName = (String, u32);

/// A line for the editor's status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// A box key was pressed with no box selected.
    SelectBoxFirst,
    /// A page key pressed while the bin has the focus.
    KeyForPage,
    /// A key that works only in the bin, pressed on the page.
    KeyForBin,
    /// A key bound to nothing anywhere (`w`, `F5`, `Ctrl-x`), as the key table names it.
    KeyUnbound {
        key: String,
    },
    /// A command on the selected box (`:line`, `:column`, `:span`, `:depth`) typed while the
    /// bin has the focus.
    CommandForPage {
        command: String,
    },
    BinEmpty,
    BackInBin {
        item: String,
        /// What settling the page's overlaps did as the box left (found from outside: `x`
        /// moved the lower of two overlapping boxes and named none).
        besides: Besides,
    },
    /// The last placed part of an article went to the bin, where its part `waited` waited: the
    /// article is whole in the bin again.
    BackInBinWhole {
        item: String,
        waited: u32,
        /// With `X`: whether a box under it rose (found from outside: `X` said nothing of it
        /// here, as it does for any other box).
        pulled: Option<bool>,
    },
    /// Part 1 of an article continued (转版) sent to the bin (or cut out) while its part 2
    /// stands on page `page`: that part now has no part before it.
    FirstPartBinned {
        item: String,
        page: u32,
        /// Part 2, which now begins the story, runs past its page's foot.
        past_foot: bool,
        /// The boxes part 2, grown by the copy part 1 held, pushed down on its page (found from
        /// outside: they were pushed unsaid).
        pushed: Vec<(String, u32)>,
        /// With `X`: whether a box under it rose.
        pulled: Option<bool>,
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
    /// `:page N` naming the page on screen: nothing moves, the selection stays (found from
    /// outside: it chose the page's first box, and the next command edited that story).
    PageShown {
        page: u32,
    },
    /// What an operation did besides what was asked.
    Pushed(Besides),
    Saved {
        path: String,
    },
    /// Saved over a layout that held `//` comments: `lines` lines of them are not kept, for a
    /// save writes the layout as pasteup writes it.
    SavedDroppingComments {
        path: String,
        lines: usize,
    },
    /// `:w FILE` wrote a copy of the layout; the open layout is as it was.
    SavedCopy {
        path: String,
    },
    /// `:w FILE` did not write the copy, and why.
    CopyNotWritten {
        error: crate::format::SaveError,
    },
    /// `:w FILE` naming the issue file.
    CopyIsIssue {
        path: String,
    },
    /// `:w FILE` of the built-in sample whose issue could not be written where Ctrl-s writes
    /// it, nor beside the copy: the copy opens with `pasteup --layout FILE`.
    SavedSampleCopy {
        path: String,
    },
    /// `:w FILE` of the built-in sample whose issue could not be written where Ctrl-s writes
    /// it: it was written beside the copy, as `issue`, with its photos.
    SavedSampleCopyBeside {
        path: String,
        issue: String,
    },
    /// `n` to a question a save asked: nothing written.
    SaveDeclined,
    /// The editor stopped from outside (a signal) with unsaved work: kept in the recovery
    /// `file`, or (`None`) lost because it could not be written, `why`.
    Stopped {
        kept_in: Option<String>,
        why: String,
    },
    /// A key that answers none of the question over the page: the question waits.
    AnswerTheQuestion,
    /// `:w FILE` naming a lock or recovery file of pasteup's own.
    CopyIsOwnFile {
        path: String,
    },
    /// `:w FILE` naming a terminal (`/dev/stdout`, `/dev/tty`): the screen the editor draws on.
    CopyIsTerminal {
        path: String,
    },
    /// `:w FILE` naming a photo the issue shows.
    CopyIsPhoto {
        path: String,
    },
    /// `:w FILE` naming a folder; `example` is a file in it, as `:w` would take it.
    CopyIsFolder {
        path: String,
        example: String,
    },
    /// `:w FILE` naming a file already there (only `:w! FILE` writes over it).
    CopyExists {
        path: String,
    },
    NotSaved {
        error: crate::format::SaveError,
    },
    Exported {
        path: String,
    },
    NotExported {
        error: String,
    },
    /// `e`: the proof's file is one of the editor's inputs (the issue, the layout, a photo),
    /// which it is never written over.
    ExportOverInput {
        path: String,
        input: String,
    },
    /// Unsaved work restored from a journal; `kept` older journals wait for the next start.
    /// Its boxes the issue as it is now cannot hold go to the bin, their places held should
    /// they fit again, named as an issue reload names them: `taken_off`, items the issue lacks;
    /// `binned`, items whose pages no longer hold them (a page gone, a grid narrower).
    /// `damaged`: restored from a damaged journal, as far as it went.
    Restored {
        kept: usize,
        taken_off: Vec<String>,
        binned: Vec<String>,
        damaged: Option<SetAside>,
    },
    /// A bracketed paste reached the editor and was not read as keys.
    PasteIgnored {
        chars: usize,
    },
    /// Another editor holds the layout's lock (`user@host pid N`).
    OpenElsewhere {
        owner: String,
    },
    /// The layout's lock could not be taken.
    NotLocked {
        error: String,
    },
    /// The layout's folder cannot be written: the journal went to the spare folder.
    JournalElsewhere {
        path: String,
    },
    /// The layout's file name is too long for its journal's beside it: the journal went to the
    /// spare folder.
    JournalNameTooLong {
        path: String,
    },
    /// A folder stands where the journal goes beside the layout (`name`): the journal went to
    /// the spare folder; saving is not stopped.
    JournalInTheWay {
        name: String,
        path: String,
    },
    /// The recovery journal could not be written: a crash now would lose the changes.
    JournalNotWritten {
        error: String,
    },
    RecoveryUnreadable {
        error: String,
    },
    /// A damaged recovery file `file` (empty, or damaged from `line`) holds no box to restore:
    /// set aside, not asked about.
    RecoveryNothingToRestore {
        file: String,
        line: usize,
        aside: SetAside,
    },
    /// `n` on the recovery question of a damaged recovery file: set aside, not removed.
    RecoveryDamagedDeclined {
        aside: SetAside,
    },
    /// Esc on the recovery question: the recovery file stays, offered at the next start.
    RecoveryLeft {
        file: String,
    },
    /// `n` on the recovery question, and the recovery file could not be removed: it is offered
    /// again at the next start.
    RecoveryNotDiscarded {
        file: String,
        error: String,
    },
    /// Restored work whose dead editor's recovery file could not be removed (a read-only
    /// folder): recorded as restored here, so no other editor offers it while this one runs.
    RecoveryClaimed {
        file: String,
        error: String,
    },
    /// The issue file changed under the editor and was loaded again: how many items changed,
    /// how many are new (in the bin), and which ones the issue no longer has.
    IssueReloaded {
        file: String,
        changed: usize,
        added: usize,
        /// Items gone from the issue that stood on a page: their places are kept should they
        /// come back.
        taken_off: Vec<String>,
        /// Items gone from the issue that only waited in the bin.
        removed: Vec<String>,
        /// Items an earlier reload took off the page, put back where they stood.
        restored: Vec<String>,
        /// Items still in the issue whose boxes the new pages cannot hold: in the bin, their
        /// places held should the pages hold them again.
        binned: Vec<String>,
        /// Boxes that overlap now (a story the copy desk lengthened runs into the box under
        /// it): page, and the two boxes, each an item and its part (1 if not continued).
        overlapping: Vec<(u32, PartName, PartName)>,
    },
    /// The issue on disk cannot be read; the last good one is kept.
    IssueNotReloaded {
        error: LoadError,
    },
    /// The open layout's file was removed from disk (said once; the desk keeps the work).
    LayoutRemoved {
        file: String,
    },
    /// `n` to the layout another program saved: the editor's is kept.
    KeptMine {
        file: String,
    },
    /// The layout on disk, written by another program, replaced the editor's; `issue`: the
    /// issue file its `issue:` names, which the editor follows from now on, where that is
    /// another issue than the one open.
    LayoutLoaded {
        file: String,
        issue: Option<String>,
    },
    /// The layout on disk merged into the editor's unsaved one; where both changed an item
    /// (`conflicts`), the editor's placement was kept; `notes`: items the merged layout has a
    /// problem with (an overlap, a box past the foot); `issue` as for `LayoutLoaded`.
    LayoutMerged {
        file: String,
        conflicts: Vec<String>,
        notes: Vec<String>,
        issue: Option<String>,
    },
    /// The layout on disk cannot be read; the editor's is kept.
    LayoutNotLoaded {
        error: LoadError,
    },
    /// What was wrong with the layout as opened: the first problem and how many more notes.
    OpenProblem {
        first: Located,
        more: usize,
    },
    /// A warning about the files as opened, and how many more.
    OpenNotes {
        first: crate::format::Note,
        more: usize,
    },
    /// A recovery file left alone at open (not a regular file, another host's…), and how many
    /// more: `check` does not list these, so the message does not send the editor there.
    RecoveryNotes {
        first: crate::format::Note,
        more: usize,
    },
    Refused(Refusal),
    /// A count typed before a key (`12` of `12K`), shown until the key comes.
    Count {
        count: u32,
    },
    /// `Enter` from the bin: into a hole, at `column` and `line`; `pushed`: the boxes the
    /// page's overlaps, settled by the step, pushed down (none on a page without overlaps).
    /// `part`: which part of a continued article (1 for a whole item), named when past 1.
    PlacedInHole {
        item: String,
        part: u32,
        column: u16,
        line: u32,
        pushed: Vec<(String, u32)>,
    },
    /// `Enter` from the bin with no hole that holds the item: under the selected box, pushing
    /// down `pushed`; settling the page's overlap pushed down `overlap`.
    PlacedUnder {
        item: String,
        part: u32,
        under: String,
        pushed: Vec<(String, u32)>,
        overlap: Vec<(String, u32)>,
    },
    /// `Enter` from the bin with no hole and nothing selected: below everything.
    PlacedAtBottom {
        item: String,
        part: u32,
    },
    /// `:line`, `:column`, `:span`, `:depth`: where the selected box now stands and how deep,
    /// and the boxes it pushed down (found from outside: `:depth 3` and `:line 60` said
    /// nothing).
    BoxNow {
        item: String,
        part: u32,
        first: u16,
        last: u16,
        line: u32,
        depth: Depth,
        pushed: Vec<(String, u32)>,
    },
    /// `:place`: where the box now stands, the boxes it pushed down, and apart from them
    /// those settling the page's overlap pushed (placed with no line, it pushes none itself).
    Placed {
        item: String,
        part: u32,
        column: u16,
        line: u32,
        pushed: Vec<(String, u32)>,
        overlap: Vec<(String, u32)>,
    },
    /// `:find`: the item, the part found (for an article placed in parts) and the page it
    /// stands on (`None`: in the bin).
    Found {
        item: String,
        part: Option<u32>,
        page: Option<u32>,
    },
    /// `P` done.
    PulledUp {
        page: u32,
    },
    /// `M`: the page made from the bin.
    Made {
        page: u32,
        placed: usize,
        left: usize,
        free: u32,
        /// The first rule the page could not keep, and how many it broke.
        broken: Option<(crate::layout::make::Broken, usize)>,
    },
    /// `X` done; `pulled`: whether any box under it rose.
    CutOut {
        item: String,
        pulled: bool,
    },
    /// A copyfit key done, and the box's fit now.
    Copyfit {
        item: String,
        done: Copyfit,
        fit: Fit,
        /// Whether the box holds none of its article's copy: said `no copy`, as its badge
        /// (found from outside: the status said `fits` where the badge said `no copy`).
        empty: bool,
        /// What the step did to other boxes (found from outside: `>` on an `Auto` box pushed
        /// the box under it down, past the foot too, and the status line said only the fit).
        besides: Besides,
    },
}

/// What an operation did besides what was asked (item ids).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Besides {
    /// Boxes pushed down to make room (item, part).
    pub pushed: Vec<(String, u32)>,
    pub past_foot: Vec<String>,
    /// Later parts of a continued article left with none of its copy (id, part).
    pub empty_parts: Vec<(String, u32)>,
    /// Parts too shallow for a line of the copy left for them (id, part).
    pub shallow_parts: Vec<(String, u32)>,
    /// What it did on other pages, named with the page (the article's next part there took
    /// the copy the step sent on).
    pub elsewhere: Vec<OnPage>,
}

impl From<&Outcome> for Besides {
    /// What `outcome` did to boxes besides the step's own, as the status line says it.
    fn from(outcome: &Outcome) -> Besides {
        Besides {
            pushed: outcome.pushed.clone(),
            past_foot: outcome.over_foot.clone(),
            empty_parts: outcome.empty_parts.clone(),
            shallow_parts: outcome.shallow_parts.clone(),
            elsewhere: outcome.elsewhere.clone(),
        }
    }
}

impl Besides {
    pub fn is_empty(&self) -> bool {
        self.pushed.is_empty()
            && self.past_foot.is_empty()
            && self.empty_parts.is_empty()
            && self.shallow_parts.is_empty()
            && self.elsewhere.iter().all(OnPage::is_empty)
    }
}

/// What a copyfit key (`c C f t < > r`) did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Copyfit {
    /// The placement now leaves out its last `sentences` sentences, `chars` characters.
    Cut { sentences: u32, chars: u32 },
    /// The headline here is set at `size` em per character.
    HeadSize { size: u16 },
    /// The headline here was rewritten, or (`restored`) is the issue's again.
    Headline { restored: bool },
    /// The overset went on into part `part`, which waits in the bin.
    Continued { part: u32 },
    /// Every sentence of the body is cut, `chars` characters: a headline and nothing under it.
    AllCut { chars: u32 },
}

/// What changed on disk since the editor read the files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiskChange {
    Layout {
        file: String,
    },
    Issue {
        file: String,
    },
    /// The desk holds a recovery file older than the layout's last save.
    SavedAfterRecovery {
        file: String,
    },
}

/// A question over the page; keys answer it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Question {
    QuitUnsaved,
    /// Saving drops the layout's merge notes: `notes` of them, the first about `first`.
    DropNotes {
        notes: usize,
        first: String,
    },
    Overwrite(DiskChange),
    /// Another program wrote the open layout: load it (or, with unsaved changes here, merge it)?
    TheirLayout {
        file: String,
        merge: bool,
    },
    /// A recovery file from an editor that did not close, `age_secs` old (if known).
    Recover {
        file: String,
        age_secs: Option<u64>,
        /// Who wrote it (`user@host pid N`), when the journal says.
        by: Option<String>,
        /// How many more journals wait after this one.
        more: usize,
        /// The layout was saved after the journal was last written: restoring brings back
        /// older work.
        saved_after: bool,
        /// A newer journal of the same layout was offered before this one.
        after_newer: bool,
        /// The journal is damaged (a power cut): how far it can be read.
        damaged: Option<Damaged>,
    },
}

/// A recovery file damaged from `line` on, the `boxes` before it read whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Damaged {
    pub line: usize,
    pub boxes: usize,
}

/// Where a damaged recovery file was set aside (`….damaged`), or why it could not be (it stays
/// where it was, to be said again at the next start).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SetAside {
    As { file: String },
    NotMoved { error: String },
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
    Suspend,
    Repaint,
    Count,
    JumpUp,
    JumpDown,
    PullUp,
    CutOut,
    Make,
    ToggleBin,
    CommandLine,
    CutMore,
    CutLess,
    FitBox,
    Continue,
    HeadSmaller,
    HeadLarger,
    Rewrite,
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
    Jump,
    PullUp,
    Command,
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
    /// The title row's page field: the page shown, its place in the issue and its section.
    /// The row joins its fields (`pasteup`, this, the paper and date, the zoom) by ` | `.
    TitlePage {
        page: u32,
        index: usize,
        pages: usize,
        section: Option<String>,
    },
    /// The title row's zoom field.
    TitleZoom {
        zoom: Zoom,
    },
    /// The title row's mark of a layout with unsaved changes, drawn at its right end so that a
    /// narrow terminal cuts the title, never the mark.
    Unsaved,
    /// The title's mark while another pasteup holds the layout's lock.
    OpenElsewhere,
    /// The line-number ruler's head and its foot mark (5 cells each).
    RulerLine,
    RulerFoot,
    BinHead {
        items: usize,
        focused: bool,
    },
    /// A bin entry: the span it will be placed at and the lines it needs there.
    BinInfo {
        kind: ItemKind,
        chars: u32,
        span: u16,
        lines: u32,
    },
    /// The second ruler row's head, over the line numbers.
    RulerFree,
    /// A column's free lines, under its number.
    FreeLines {
        lines: u32,
    },
    /// The command line's completions, while Tab cycles through them.
    Completions {
        ids: Vec<String>,
    },
    /// A bin item: the span Enter places it at and the lines it needs there.
    InspectBin {
        id: String,
        chars: u32,
        span: u16,
        lines: u32,
    },
    /// The selected box overlaps `other` (a layout read so, or a box a reload deepened).
    Overlaps {
        other: String,
    },
    PageSummary {
        page: u32,
        used: u32,
        free: u32,
        fit: i64,
        overset: usize,
        past_foot: usize,
        /// Pairs of boxes that overlap: said first, and only when there are any.
        overlaps: usize,
    },
    /// The page's totals where the whole summary would not fit beside the box: what is wrong.
    PageSummaryShort {
        page: u32,
        fit: i64,
        overset: usize,
        past_foot: usize,
        overlaps: usize,
    },
    /// The page's totals where not even the short form fits beside the box: only what is
    /// wrong, or that the page fits.
    PageSummaryBrief {
        page: u32,
        fit: i64,
        overset: usize,
        past_foot: usize,
        overlaps: usize,
    },
    /// The brief form without the page's number (the title bar names the page), where not
    /// even that fits: on a 40-column terminal (found from outside: `past foot` was cut off).
    PageSummaryTiny {
        fit: i64,
        overset: usize,
        past_foot: usize,
        overlaps: usize,
    },
    HelpTitle,
    /// The help's last row when it takes more than one screen: which screen, of how many.
    HelpMore {
        page: usize,
        pages: usize,
    },
    /// The label before the headline being rewritten (`r`).
    HeadlinePrompt,
    /// The status line while a question or the help is open: its keys are in it.
    AnswerAbove,
}

/// A row of `check`'s column table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Column,
    Used,
    Free,
    OverFoot,
    Overset,
}

/// Where a galley stands: on a page, or in the bin set at its span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GalleyAt {
    Page { page: u32, column: u16, span: u16, line: u32, depth: Depth },
    Bin { span: u16 },
}

/// The lines of the command line's human-readable reports (`check` and `proof`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Report {
    IssueHead {
        paper: String,
        date: String,
        pages: usize,
        items: usize,
        placed: usize,
        bin: usize,
    },
    /// The layout file read, or `None` when there was none.
    LayoutFile {
        path: Option<String>,
    },
    PageHead {
        page: u32,
        section: Option<String>,
        columns: u16,
        width: u16,
        gutter: u16,
        depth: u32,
    },
    /// A row's name, padded to the table's first column.
    RowName(Row),
    BoxLine {
        id: String,
        /// The cells of the id column: the widest id on the report, at least 24.
        id_width: usize,
        column: u16,
        span: u16,
        top: u32,
        bottom: u32,
        depth: Depth,
        fit: Fit,
        /// A later part that holds none of its article's copy.
        empty: bool,
        over_foot: bool,
        title: String,
    },
    PageTotal {
        used: u32,
        free: u32,
        fit: i64,
        overset: usize,
        overset_lines: u32,
        overset_chars: u32,
        past_foot: usize,
    },
    BinHead {
        items: usize,
    },
    BinLine {
        id: String,
        /// As in `BoxLine`.
        id_width: usize,
        kind: ItemKind,
        chars: u32,
        lines: u32,
        title: String,
    },
    AllFits,
    /// A command (not `check`) refuses a layout naming what the issue lacks (exit 2): its
    /// problems, said just before, tell what the editor would do with them, not this command.
    LayoutNotUsed {
        path: String,
    },
    /// `export` made nothing to write to `path` (the press PDF refused its options).
    NotWritten {
        path: String,
    },
    /// `export` given `--font` `count` times, more than the two faces it sets.
    FontTooOften {
        count: usize,
    },
    /// `export` given `--font` or `--em-pt` for a format other than the press PDF.
    PressOptionsWithoutPdf,
    /// `export` given `--ambiwidth` for a format other than the text proof.
    AmbiwidthWithoutText,
    Problems {
        count: usize,
    },
    GalleyHead {
        id: String,
        kind: ItemKind,
        title: String,
    },
    GalleyPlace {
        at: GalleyAt,
        fit: Fit,
        /// A part of a continued article that holds none of the body (`check`'s `no copy`).
        empty: bool,
    },
    GalleyOverFoot,
    /// A part of a continued article: the pages of the parts before and after it.
    GalleyPart {
        part: u32,
        from_page: Option<u32>,
        to_page: Option<u32>,
    },
    /// The sentences cut from the box, listed after it.
    GalleyCut {
        sentences: u32,
        chars: u32,
    },
    /// Under a box line of `check`: the sentences cut from it.
    BoxCut {
        sentences: u32,
        chars: u32,
        /// As in `BoxLine`, which this line stands under.
        id_width: usize,
    },
    Leg {
        number: usize,
        lines: usize,
    },
    GalleyOverset {
        lines: usize,
    },
    /// A head or foot block: its kind's name, its depth, and lines each set line takes.
    Block {
        kind: crate::fit::BlockKind,
        depth: u32,
        line_depth: u32,
        empty: bool,
    },
    /// `pasteup fit`: a box that does not fit.
    FitBox {
        id: String,
        page: u32,
        part: u32,
        fit: Fit,
    },
    /// `pasteup fit`: one remedy and the box's fit with it (0 = fits); a cut's `value` is the
    /// article's cut once it is applied, 0 every cut sentence given back.
    FitRemedy {
        kind: RemedyKind,
        value: u32,
        fit: i64,
        cut_chars: Option<u32>,
    },
    /// `pasteup fit`: no change of one placement field makes the box fit.
    FitNoRemedy,
    /// The box's overset goes on in part `part` of `id`, waiting in the bin: place it.
    FitPlaceWaiting {
        id: String,
        part: u32,
    },
    /// `pasteup fit`: every box fits.
    FitAllBoxesFit,
    /// `pasteup fit`: how many boxes do not fit.
    FitUnfit {
        boxes: usize,
    },
}

/// The lines of `pasteup make`'s report (docs/make.md).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MakeLine {
    /// A page made: boxes placed and kept, free column-lines of all, short boxes and lines.
    PageHead {
        page: u32,
        placed: usize,
        kept: usize,
        free: u32,
        column_lines: u32,
        short_boxes: usize,
        short_lines: u32,
        /// Sentences cut on the page.
        cut: u32,
    },
    /// A box placed: columns first–last, lines top–bottom, lines made short, sentences cut.
    Placed { id: String, kind: ItemKind, first: u16, last: u16, top: u32, bottom: u32, short: u32, cut: u32 },
    /// An item left in the bin, and why.
    Left { id: String, reason: crate::layout::make::LeftReason },
    /// The lead could not stand at line 1.
    LeadNotAtTop { id: String },
    /// The lead stands at line 1 narrower than half the page, and why.
    LeadNarrow { id: String, span: u16, columns: u16, cause: crate::layout::make::NarrowCause },
    /// A second priority-1 article planned for the page; `lead` is the lead.
    SecondLead { id: String, lead: String },
    /// A notice planned as the lead: it stands at the foot.
    NoticeLead { id: String },
    /// Two kept boxes overlap.
    KeptOverlap { id: String, other: String },
    /// A kept box is overset.
    KeptOverset { id: String },
    /// A kept box stands past the foot.
    KeptPastFoot { id: String },
    /// A kept box holds none of its body: a headline with nothing under it.
    KeptEmpty { id: String },
    /// The items offered to a page take fewer column-lines, even at their widest, than the
    /// page had free: it cannot be filled, and make places what is planned instead.
    ShortOfCopy { offered: u64, open: u32 },
    /// Lines `top`–`bottom` of columns `first`–`last` left free above a box: a gap make did
    /// not fill or close (the page editor does).
    Gap { first: u16, last: u16, top: u32, bottom: u32 },
    /// Items were planned for the page, but none fits it at any span: the page is too small
    /// for its copy, not short of it.
    NothingFits { open: u32 },
    /// Items were planned for the page, but none fits it at any span the rules allow: a leg's
    /// sixty lines or a notice's third of the page held them back, not the page's depth.
    NothingFitsByRules { open: u32 },
    /// Items no page made took.
    BinHead { items: usize },
    /// Items in the bin planned for pages this run did not make.
    WaitHead { items: usize },
    /// One of them, and the page it waits for.
    Waits { id: String, page: u32 },
    /// The whole run: pages made, boxes placed, items left, items waiting for pages not made,
    /// free lines of all.
    Total { pages: usize, placed: usize, left: usize, waiting: usize, free: u32, column_lines: u32 },
    /// The progress bar's note: free lines on the pages made so far.
    FreeSoFar { free: u32 },
    /// The layout's merge notes, kept as they were: make decides none.
    NotesKept { notes: usize },
    /// The comment lines of the layout make wrote over, which a save does not keep.
    CommentsDropped { lines: usize },
    /// The layout make wrote over is open in an editor (`owner`), which will ask about it.
    OpenInEditor { owner: String },
}
