//! Why an operation was not done, as data: what was asked, of which item (by its title, as
//! the page shows it), and the numbers that stood in the way. The words are the message
//! catalogue's (`crate::catalogue`), in the interface language; tests match the variants.

/// Which way a box was asked to go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Motion {
    /// By columns and lines: the signs of the steps, -1, 0 or 1 each.
    By { across: i8, down: i8 },
    /// Up to the previous slot in its columns.
    SlotUp,
    /// Down to the next slot in its columns.
    SlotDown,
}

impl Motion {
    /// The way of a move by `dcol` columns and `dline` lines.
    pub fn by(dcol: i32, dline: i64) -> Motion {
        Motion::By { across: dcol.signum() as i8, down: dline.signum() as i8 }
    }
}

/// What an operation was, as the history records it ("Undid move").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Operation {
    Place,
    Move,
    Span,
    Depth,
    ToBin,
    ToPage,
    /// `P`: every box of the page pulled up.
    PullUp,
    /// `X`: to the bin, and the boxes below pulled up.
    CutOut,
    /// Sentences cut from (or restored to) the end of an article here.
    Cut,
    /// The headline's size here.
    HeadSize,
    /// The headline's text here.
    Headline,
    /// The overset continued in a new part (转版).
    Continue,
    /// `M` and `pasteup make`: pages made from the bin.
    Make,
}

impl Operation {
    /// The name the history keeps.
    pub fn name(self) -> &'static str {
        match self {
            Operation::Place => "place",
            Operation::Move => "move",
            Operation::Span => "span",
            Operation::Depth => "depth",
            Operation::ToBin => "to bin",
            Operation::ToPage => "move to page",
            Operation::PullUp => "pull up",
            Operation::CutOut => "to bin and pull up",
            Operation::Cut => "cut",
            Operation::HeadSize => "headline size",
            Operation::Headline => "headline",
            Operation::Continue => "continue",
            Operation::Make => "make",
        }
    }

    /// The operation the history names `name`.
    pub fn from_name(name: &str) -> Option<Operation> {
        [
            Operation::Place,
            Operation::Move,
            Operation::Span,
            Operation::Depth,
            Operation::ToBin,
            Operation::ToPage,
            Operation::PullUp,
            Operation::CutOut,
            Operation::Cut,
            Operation::HeadSize,
            Operation::Headline,
            Operation::Continue,
            Operation::Make,
        ]
        .into_iter()
        .find(|op| op.name() == name)
    }
}

/// Why an operation was not done. `name` is the item's title as a message shows it; columns
/// and lines are 1-based, as editors count them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    NoSuchItem {
        item: String,
        /// The id most like it, if one is near (a typing slip).
        nearest: Option<String>,
    },
    NoSuchPage {
        page: u32,
        /// The page numbers, as a message lists them (`3, 4`).
        pages: String,
    },
    /// The item stands on page `on`, not on the page asked.
    NotOnPage {
        name: String,
        page: u32,
        on: u32,
    },
    /// The item is in the bin, not on the page asked.
    InBin {
        name: String,
        page: u32,
    },
    AlreadyPlaced {
        name: String,
        on: u32,
    },
    /// Placing at a column the grid (of `columns` columns) does not have.
    PlaceOffGrid {
        name: String,
        column: u16,
        columns: u16,
    },
    PlaceSpanOffGrid {
        name: String,
        column: u16,
        span: u16,
        columns: u16,
    },
    PlaceOffPage {
        name: String,
        line: u32,
        depth: u32,
    },
    StaysPut {
        name: String,
    },
    LeavesGrid {
        name: String,
        motion: Motion,
        columns: u16,
    },
    AtTop {
        name: String,
        motion: Motion,
    },
    /// The box would start below the foot (the page's last line).
    BelowFoot {
        name: String,
        motion: Motion,
        foot: u32,
    },
    InTheWay {
        name: String,
        motion: Motion,
        other: String,
    },
    /// Nothing stands below the box in its columns `first`–`last`.
    NothingBelow {
        name: String,
        first: u16,
        last: u16,
    },
    SameSpan {
        name: String,
        span: u16,
    },
    OneColumnWide {
        name: String,
    },
    /// Narrower by `by` columns than a box `span` wide can be (`5-` on three columns).
    NarrowPast {
        name: String,
        by: u32,
        span: u16,
    },
    SpanLeavesGrid {
        name: String,
        span: u16,
        widen: bool,
        columns: u16,
    },
    /// `by` lines shallower than a box `depth` deep can be.
    TooShallow {
        name: String,
        depth: u32,
        by: u64,
    },
    AlreadyAuto {
        name: String,
    },
    AlreadyFixed {
        name: String,
        lines: u32,
    },
    /// A fixed depth past the deepest a layout file may hold (saved so, it would not load).
    TooDeep {
        name: String,
        lines: u32,
        max: u32,
    },
    ZeroDepth {
        name: String,
    },
    AlreadyOnPage {
        name: String,
        page: u32,
    },
    TooWideFor {
        name: String,
        page: u32,
        span: u16,
        columns: u16,
    },
    NothingToUndo,
    NothingToRedo,
    /// A jump up (`{`): the box already meets the box above it.
    MeetsAbove {
        name: String,
    },
    /// A jump down (`}`): the box already meets the box below it.
    MeetsBelow {
        name: String,
    },
    /// A jump down (`}`): the box already reaches the foot.
    AtFoot {
        name: String,
    },
    /// `P` with every box already meeting the box above it (or at line 1).
    NothingToPullUp {
        page: u32,
    },
    /// `P` on a page with no boxes.
    PageEmpty {
        page: u32,
    },
    /// A command for the selected box with no box selected.
    NoSelection,
    /// `:find` found nothing.
    NotFound {
        text: String,
    },
    /// The command line was empty.
    EmptyCommand,
    UnknownCommand {
        name: String,
        /// The command it is most like (a slip of the keys, another case, a short form).
        near: Option<&'static str>,
    },
    /// A command without the argument it needs.
    CommandNeeds {
        command: String,
        what: CommandArg,
    },
    /// Words after the one argument a command takes (`:line 3 4`): `extra` is what follows
    /// the argument, as typed.
    CommandExtra {
        command: String,
        what: CommandArg,
        extra: String,
    },
    /// A number was wanted (a whole number from 1).
    NotANumber {
        word: String,
        value: String,
    },
    /// A word in `:place` other than column, line and span.
    UnknownPlaceWord {
        word: String,
    },
    /// `column`, `line` or `span` at the end of `:place` with no number.
    PlaceWordNeedsNumber {
        word: String,
    },
    /// A second number after `column`, `line` or `span` in `:place` (`column 3 4`).
    PlaceWordExtra {
        word: String,
        extra: String,
    },
    /// `column`, `line` or `span` given twice in `:place` (`line 3 line 5`).
    PlaceWordTwice {
        word: String,
    },
    /// A cut, a part or a headline of its own asked of a photo or a notice.
    NotAnArticle {
        name: String,
    },
    /// A cut of more sentences than the body has.
    CutPastBody {
        name: String,
        sentences: u32,
    },
    SameCut {
        name: String,
        cut: u32,
    },
    /// A headline size outside 1 to `max` em per character.
    HeadSizeOutOfRange {
        name: String,
        size: u16,
        max: u16,
    },
    SameHeadSize {
        name: String,
        size: u16,
    },
    SameHeadline {
        name: String,
    },
    /// The item stands on the page, but not as this part.
    NoSuchPart {
        name: String,
        part: u32,
        page: u32,
    },
    /// Continuing a box that is not overset.
    NothingOverset {
        name: String,
    },
    /// Continuing a box too shallow to hold any of its copy beside its heads and jump line.
    TooShallowToContinue {
        name: String,
        depth: u32,
    },
    /// Continuing a part that already has a next part.
    AlreadyContinued {
        name: String,
        part: u32,
    },
    /// Continuing part `part`, the last an article may have (a layout holds at most that
    /// many parts: one saved with another would not load).
    LastPart {
        name: String,
        part: u32,
    },
    /// A middle part sent to the bin while a later part stands on a page: a layout has no
    /// way to say that part 2 waits while part 3 stands (saved so, it would not load).
    LaterPartPlaced {
        name: String,
        part: u32,
        later: u32,
        page: u32,
    },
    /// `depth: Auto` asked for a part another part follows: it would hold the whole rest of
    /// the article and leave its next part nothing (and a layout saved so would not load).
    /// `lines` is its depth now, which it keeps.
    AutoContinued {
        name: String,
        part: u32,
        lines: u32,
    },
    /// `f` on a box at `depth: Auto`, which always fits.
    NothingToFit {
        name: String,
    },
    /// `f` on a box that already fits its depth.
    AlreadyFits {
        name: String,
    },
    /// `f`: even with every sentence cut the box would be overset (or `f` on a short box,
    /// which no cut closes).
    NoCutFits {
        name: String,
        lines: i64,
        /// Whether `t` would continue the overset (else it would be refused too, and the
        /// refusal does not suggest it).
        continues: bool,
    },
    /// `f` on a later part that holds none of its article's copy: the parts before it take it
    /// all, so no cut and no change of its own gives it any.
    NoCopyToFit {
        name: String,
        part: u32,
    },
}

/// What a command wanted after its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CommandArg {
    /// `:place ID [column N] [line N] [span N]`
    ItemId,
    /// `:line 12`
    Line,
    /// `:column 3`
    Column,
    /// `:span 2`
    Span,
    /// `:depth 40`, `:depth auto`
    Depth,
    /// `:page 3`
    Page,
    /// `:find TEXT`
    Text,
    /// `:w`, `:q`, `:wq`, `:q!` take nothing.
    Nothing,
}

impl CommandArg {
    /// How the command is written, the same in every language.
    pub fn usage(self) -> &'static str {
        match self {
            CommandArg::ItemId => ":place ID [column N] [line N] [span N]",
            CommandArg::Line => ":line 12",
            CommandArg::Column => ":column 3",
            CommandArg::Span => ":span 2",
            CommandArg::Depth => ":depth 40, :depth auto",
            CommandArg::Page => ":page 3",
            CommandArg::Text => ":find TEXT",
            CommandArg::Nothing => ":w, :q, :wq, :q!",
        }
    }
}
