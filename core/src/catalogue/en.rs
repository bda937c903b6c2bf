//! English: every message of the catalogue, worded as the editor and the command line have
//! always worded them.

use super::Age;
use super::{
    Besides, Chrome, Damaged, DiskChange, GalleyAt, Hint, KeyHelp, Label, MakeLine, Question, Report, Row, SetAside,
    Status, UiLang, Zoom, pad, part_ids,
};
use crate::fit::{BlockKind, Fit};
use crate::format::{Note, ReadTrouble, SaveTrouble};
use crate::layout::command::COMMAND_LIST;
use crate::layout::make::{Broken, NarrowCause};
use crate::layout::{CommandArg, Motion, OnPage, Operation, Refusal, RemedyKind};
use crate::model::Depth;
use crate::problem::Problem;

pub fn refusal(r: &Refusal) -> String {
    use Refusal::*;
    match r {
        NoSuchItem { item, nearest: Some(near) } => {
            format!("There is no item \"{item}\" in the issue; did you mean \"{near}\"?")
        }
        NoSuchItem { item, nearest: None } => format!("There is no item \"{item}\" in the issue"),
        NoSuchPage { page, pages } => format!("There is no page {page} in the issue (its pages: {pages})"),
        NotOnPage { name, page, on } => format!("{name} is on page {on}, not page {page}"),
        InBin { name, page } => format!("{name} is in the bin, not on page {page}"),
        AlreadyPlaced { name, on } => format!("Can't place {name}: it is already on page {on}"),
        PlaceOffGrid { name, column, columns } => {
            format!("Can't place {name} at column {column}: the grid has {}", all_columns(*columns))
        }
        PlaceSpanOffGrid { name, column, span, columns } => format!(
            "Can't place {name} at column {column} over {span} columns: it would leave the grid ({})",
            all_columns(*columns)
        ),
        PlaceOffPage { name, line, depth } => {
            format!("Can't place {name} at line {line}: the page has lines 1–{depth}")
        }
        StaysPut { name } => format!("{name} stays where it is"),
        LeavesGrid { name, motion, columns } => {
            format!("Can't move {name} {}: it would leave the grid ({})", way(*motion), all_columns(*columns))
        }
        AtTop { name, motion } => format!("Can't move {name} {}: it is at the top of the page", way(*motion)),
        BelowFoot { name, motion, foot } => {
            format!("Can't move {name} {}: it would start below the foot (line {foot})", way(*motion))
        }
        InTheWay { name, motion, other } => {
            format!("Can't move {name} {}: {other} is in the way above it", way(*motion))
        }
        NothingBelow { name, first, last } => format!(
            "Can't move {name} {}: nothing is below it in {}",
            way(Motion::SlotDown),
            label(&Label::Columns { first: *first, last: *last })
        ),
        SameSpan { name, span } => format!("{name} already spans {span} columns"),
        OneColumnWide { name } => format!("Can't narrow {name}: it is one column wide"),
        NarrowPast { name, by, span } => {
            format!(
                "Can't narrow {name} by {}: it is {} wide",
                plural(*by as usize, "column"),
                plural(*span as usize, "column")
            )
        }
        SpanLeavesGrid { name, span, widen, columns } => format!(
            "Can't {} {name} to {span} columns: it would leave the grid ({})",
            if *widen { "widen" } else { "narrow" },
            all_columns(*columns)
        ),
        TooShallow { name, depth, by: 1 } => {
            format!("Can't make {name} shallower: it is {} deep", plural(*depth as usize, "line"))
        }
        TooShallow { name, depth, by } => {
            format!(
                "Can't make {name} {} shallower: it is {} deep",
                plural(*by as usize, "line"),
                plural(*depth as usize, "line")
            )
        }
        AlreadyAuto { name } => format!("{name} is already as deep as it needs"),
        AlreadyFixed { name, lines } => format!("{name} is already {lines} lines deep"),
        TooDeep { name, lines, max } => {
            format!("Can't make {name} {lines} lines deep: a box is at most {max} lines deep")
        }
        ZeroDepth { name } => format!("Can't make {name} 0 lines deep"),
        AlreadyOnPage { name, page } => format!("{name} is already on page {page}"),
        TooWideFor { name, page, span, columns } => {
            format!("Can't move {name} to page {page}: it spans {span} columns and page {page} has {columns}")
        }
        NothingToUndo => "Nothing to undo".to_string(),
        NothingToRedo => "Nothing to redo".to_string(),
        MeetsAbove { name } => format!("Can't move {name} up: it meets the box above"),
        MeetsBelow { name } => format!("Can't move {name} down: it meets the box below"),
        AtFoot { name } => format!("Can't move {name} down: it reaches the foot"),
        NothingToPullUp { page } => {
            format!("Nothing to pull up on page {page}: every box meets the box above or line 1")
        }
        PageEmpty { page } => format!("Nothing to pull up: page {page} is empty"),
        NoSelection => status(&Status::SelectBoxFirst),
        NotFound { text } => format!("No item contains \"{text}\""),
        EmptyCommand => format!("Type a command: {COMMAND_LIST}"),
        UnknownCommand { name, near: Some(near) } => format!("Unknown command \"{name}\": did you mean :{near}?"),
        UnknownCommand { name, near: None } => format!("Unknown command \"{name}\": expected one of {COMMAND_LIST}"),
        CommandNeeds { command, what } => match arg(*what) {
            Some(needs) => format!(":{command} needs {needs}: {}", what.usage()),
            None => format!(":{command} takes nothing after it"),
        },
        CommandExtra { command, what, extra } => match arg(*what) {
            Some(takes) => format!(":{command} takes only {takes}; \"{extra}\" is extra: {}", what.usage()),
            None => format!(":{command} takes nothing after it"),
        },
        NotANumber { word, value } if super::too_large(value) => {
            format!("{word} wants a whole number from 1{}, and {value} is too large", super::or_auto(word, " or auto"))
        }
        NotANumber { word, value } => {
            format!("{word} wants a whole number from 1{}, not \"{value}\"", super::or_auto(word, " or auto"))
        }
        UnknownPlaceWord { word } => {
            format!("Unknown word \"{word}\" in :place: expected {}", CommandArg::ItemId.usage())
        }
        PlaceWordNeedsNumber { word } => {
            format!("\"{word}\" needs a number after it: expected {}", CommandArg::ItemId.usage())
        }
        PlaceWordExtra { word, extra } => {
            format!("\"{word}\" takes only one number; \"{extra}\" is extra: expected {}", CommandArg::ItemId.usage())
        }
        PlaceWordTwice { word } => {
            format!("\"{word}\" is given twice in :place; give it once: expected {}", CommandArg::ItemId.usage())
        }
        NotAnArticle { name } => {
            format!("{name} is not an article: only an article can be cut, continued or given a headline here")
        }
        CutPastBody { name, sentences } => {
            format!("Can't cut {name} further: its body has {}", plural(*sentences as usize, "sentence"))
        }
        // Found from outside: "already has 0 sentences cut".
        SameCut { name, cut: 0 } => format!("Nothing of {name} is cut"),
        SameCut { name, cut } => format!("{name} already has {} cut", plural(*cut as usize, "sentence")),
        HeadSizeOutOfRange { name, size, max } => {
            format!("Can't set {name}'s headline to {size} em: a headline is 1 to {max} em a character")
        }
        SameHeadSize { name, size } => format!("{name}'s headline is already {size} em a character"),
        SameHeadline { name } => format!("{name} already has that headline"),
        NoSuchPart { name, part, page } => format!("{name} has no part {part} on page {page}"),
        NothingOverset { name } => format!("{name} is not overset: there is nothing to continue"),
        TooShallowToContinue { name, depth } => format!(
            "{name} at {} would hold none of its copy, only its headline and the jump line: make it deeper first",
            plural(*depth as usize, "line")
        ),
        AlreadyContinued { name, part } => format!("{name} is already continued in part {part}"),
        LastPart { name, part } => format!(
            "{name} is in part {part}, the most an article may have: it cannot be continued; make it deeper (]), or cut (f)"
        ),
        LaterPartPlaced { name, part, later, page } => format!(
            "Can't send part {part} of {name} to the bin: part {later} stands on page {page}; send part {later} to the bin first"
        ),
        AutoContinued { name, part, lines } => format!(
            "{name} can't be as deep as it needs: part {part} follows it, so it keeps a fixed depth ({lines} lines now); change it with ] or [ or :depth {lines}"
        ),
        NothingToFit { name } => format!("{name} is at depth auto and always fits: nothing to fit"),
        AlreadyFits { name } => format!("{name} already fits its depth"),
        // Only a shallower box or a larger headline takes up the room (found from outside: `]`
        // and `<` were suggested too).
        NoCopyToFit { name, part } => format!(
            "{name} part {part} holds none of the copy: the parts before it take it all; make the part before it shallower, or send part {part} to the bin"
        ),
        NoCutFits { name, lines, .. } if *lines > 0 => {
            format!("{name} is {} short: a cut only makes it shorter (try [ or >)", plural(*lines as usize, "line"))
        }
        NoCutFits { name, lines: 0, continues } => format!(
            "{name}: a cut that closes it leaves a part no copy ({})",
            if *continues { "try t to continue it" } else { "make it deeper with ], or its headline smaller with <" }
        ),
        NoCutFits { name, lines, continues } => format!(
            "{name} stays {} overset even with every sentence but the first cut ({})",
            plural(lines.unsigned_abs() as usize, "line"),
            if *continues { "try t to continue it" } else { "make it deeper with ], or its headline smaller with <" }
        ),
    }
}

/// "left", "up", "right and down", "up a slot".
fn way(motion: Motion) -> String {
    let (across, down) = match motion {
        Motion::SlotUp => return "up a slot".to_string(),
        Motion::SlotDown => return "down a slot".to_string(),
        Motion::By { across, down } => (across, down),
    };
    let across = match across.signum() {
        -1 => Some("left"),
        1 => Some("right"),
        _ => None,
    };
    let down = match down.signum() {
        -1 => Some("up"),
        1 => Some("down"),
        _ => None,
    };
    match (across, down) {
        (Some(a), Some(d)) => format!("{a} and {d}"),
        (Some(a), None) => a.to_string(),
        (None, Some(d)) => d.to_string(),
        (None, None) => "in place".to_string(),
    }
}

fn all_columns(columns: u16) -> String {
    label(&Label::Columns { first: 1, last: columns })
}

/// A galley's fit, or `no copy` first for a part that holds none of the body, as `check` says.
fn galley_verdict(fit: &Fit, empty: bool) -> String {
    let no_copy = || label(&Label::BoxBadge { fit: *fit, over_foot: false, empty });
    match (empty, fit.is_overset()) {
        (false, _) => label(&Label::FitDetail(*fit)),
        (true, false) => no_copy(),
        (true, true) => format!("{}; {}", no_copy(), label(&Label::FitDetail(*fit))),
    }
}

pub fn label(l: &Label) -> String {
    match l {
        Label::Badge(fit) => badge(fit),
        Label::FitDetail(fit) if fit.is_overset() => format!("{} ({})", badge(fit), overset_counts(fit)),
        Label::FitDetail(fit) => badge(fit),
        Label::BoxDetail { fit, over_foot, empty } => {
            let badge = label(&Label::BoxBadge { fit: *fit, over_foot: *over_foot, empty: *empty });
            if fit.is_overset() && !empty { format!("{badge} ({})", overset_counts(fit)) } else { badge }
        }
        Label::BoxBadge { over_foot: true, empty: true, .. } => "no copy, past foot".to_string(),
        Label::BoxBadge { empty: true, .. } => "no copy".to_string(),
        Label::BoxBadge { fit, over_foot: true, .. } => format!("{} past foot", badge(fit)),
        Label::BoxBadge { fit, over_foot: false, .. } => badge(fit),
        Label::Depth(Depth::Auto) => "auto".to_string(),
        Label::Depth(Depth::Fixed(n)) => format!("fixed {n}"),
        Label::Columns { first, last } if first == last => format!("column {first}"),
        Label::Columns { first, last } => format!("columns {first}–{last}"),
        Label::Kind(kind) => kind.name().to_string(),
        Label::PartOf(part) => format!(" (part {part})"),
        Label::Cut { sentences, chars } => {
            format!("cut {sentences} sentence{} ({chars} chars)", if *sentences == 1 { "" } else { "s" })
        }
        Label::Lines { top, bottom } => format!("lines {top}–{bottom}"),
        Label::DepthSetting(depth) => format!("depth {}", label(&Label::Depth(*depth))),
        Label::Needs(lines) => format!("needs {lines}"),
    }
}

/// The badge `--json` reports too, where it stays English whatever the interface language.
/// The lines and characters an overset box leaves out: `13 lines, 150 characters cut`.
fn overset_counts(fit: &Fit) -> String {
    let lines = plural(fit.overset_lines as usize, "line");
    format!("{lines}, {} cut", plural(fit.overset_chars as usize, "character"))
}

fn badge(fit: &Fit) -> String {
    fit.badge()
}

/// A rule a page made by `M` could not keep, as the status line's clause.
fn en_rule(rule: &Broken) -> String {
    match rule {
        Broken::LeadNotAtTop { id } => format!("the lead {id} is not at line 1"),
        Broken::LeadNarrow { id, .. } => format!("the lead {id} is narrower than half the page"),
        Broken::SecondLead { id, .. } => format!("{id} is a second lead (priority 1)"),
        Broken::NoticeLead { id } => format!("the notice {id} cannot lead (priority 1): notices stand at the foot"),
        Broken::KeptOverlap { id, other } => format!("{id} and {other} overlap"),
        Broken::KeptOverset { id } => format!("{id} is overset"),
        Broken::KeptPastFoot { id } => format!("{id} runs past the foot"),
        Broken::KeptEmpty { id } => format!("{id} holds none of its body"),
    }
}

pub fn operation(op: &Operation) -> String {
    op.name().to_string()
}

pub fn status(s: &Status) -> String {
    use Status::*;
    match s {
        SelectBoxFirst => "Select a box first (arrows or hjkl; Tab to the bin to place one)".to_string(),
        KeyForPage => "That key works on the page; Tab goes there from the bin".to_string(),
        KeyForBin => "That key works in the bin; Tab goes there from the page".to_string(),
        KeyUnbound { key } => format!("{key} is bound to nothing; ? lists the keys"),
        CommandForPage { command } => {
            format!(":{command} works on the box selected on the page; Tab goes there from the bin")
        }
        BinEmpty => "The bin is empty".to_string(),
        BackInBin { item, besides } => std::iter::once(format!("{item} is back in the bin"))
            .chain(said_besides(besides))
            .collect::<Vec<_>>()
            .join("; "),
        BackInBinWhole { item, waited, pulled } => format!(
            "{item} is back in the bin whole: part {waited}, which waited there, is one with it again{}",
            pulled_clause(*pulled)
        ),
        FirstPartBinned { item, page, past_foot, pushed, pulled } => format!(
            "{item} part 1 is back in the bin: part 2 on page {page} has no part before it now{}{}; place part 1 again, or send part 2 to the bin too{}",
            if *past_foot { " and runs past the foot" } else { "" },
            if pushed.is_empty() {
                String::new()
            } else {
                format!(" (pushed down: {})", part_ids(pushed, UiLang::En, ", "))
            },
            pulled_clause(*pulled)
        ),
        Undid { op } => format!("Undid {}", op.map(|o| o.name()).unwrap_or_default()),
        Redid { op } => format!("Redid {}", op.map(|o| o.name()).unwrap_or_default()),
        FirstPage => "This is the first page".to_string(),
        LastPage => "This is the last page".to_string(),
        PageShown { page } => format!("Page {page} is shown already"),
        Pushed(besides) => said_besides(besides).join("; "),
        Saved { path } => format!("Saved {path}"),
        SavedDroppingComments { path, lines } => {
            format!("Saved {path}; {lines} comment line(s) not kept: a save writes the layout as pasteup writes it")
        }
        SavedCopy { path } => format!("Wrote a copy to {path} (the open layout is as it was: Ctrl-s saves it)"),
        // The way out before the reason: a narrow terminal cuts the end (found from outside).
        NotSaved { error } => {
            format!("Not saved (:w FILE writes a copy elsewhere): {}", error.reason_first(super::UiLang::En))
        }
        CopyNotWritten { error } => format!("No copy written: {}", error.reason_first(super::UiLang::En)),
        CopyIsIssue { path } => format!("No copy written: {path} is the issue; name a layout file"),
        SavedSampleCopy { path } => format!(
            "Wrote a copy to {path}; the sample's issue could not be written beside it: open it with pasteup --layout {path}"
        ),
        SavedSampleCopyBeside { path, issue } => format!(
            "Wrote a copy to {path}, and the sample's issue beside it: open them with pasteup {issue} --layout {path}"
        ),
        SaveDeclined => "Not saved; Ctrl-s asks again, :w FILE writes a copy elsewhere".to_string(),
        Stopped { kept_in: Some(file), .. } => format!("stopped; the unsaved changes are in {file}"),
        Stopped { kept_in: None, why } => {
            format!("stopped; the unsaved changes are lost: the recovery file could not be written ({why})")
        }
        AnswerTheQuestion => "The question above waits for an answer: press one of the keys it names".to_string(),
        CopyIsOwnFile { path } => {
            format!("No copy written: {path} is a lock or recovery file of pasteup's; name a layout file")
        }
        CopyIsPhoto { path } => format!("No copy written: {path} is a photo of the issue; name a layout file"),
        CopyIsTerminal { path } => {
            format!("No copy written: {path} is a terminal, where the editor draws; name a layout file")
        }
        CopyIsFolder { path, example } => {
            format!("No copy written: {path} is a folder; name a file in it: :w {example}")
        }
        CopyExists { path } => format!("No copy written: {path} exists; :w! {path} writes over it"),
        Exported { path } => format!("Exported the page proof to {path}"),
        NotExported { error } => format!("Not exported: {error}"),
        ExportOverInput { path, input } => {
            format!("Not exported: {path} is {input}, which the editor reads; export with `pasteup export -o FILE`")
        }
        PasteIgnored { chars } => format!("paste ignored ({chars} characters): keys only here"),
        OpenElsewhere { owner } => {
            format!("open in another pasteup: {owner}; both editors saving would overwrite each other's work")
        }
        NotLocked { error } => format!("The layout could not be locked: {error}"),
        JournalElsewhere { path } => format!(
            "The layout's folder cannot be written: unsaved changes are kept in {path}; :w FILE saves a copy elsewhere"
        ),
        JournalNameTooLong { path } => format!(
            "The layout's file name is too long for a recovery file beside it: unsaved changes are kept in {path}; :w FILE saves under a shorter name"
        ),
        JournalInTheWay { name, path } => format!(
            "A folder stands where the recovery file goes ({name}): unsaved changes are kept in {path}; Ctrl-s saves as ever"
        ),
        JournalNotWritten { error } => {
            format!(
                "A crash now would lose the changes: save with Ctrl-s or :w FILE. Recovery file not written: {error}"
            )
        }
        Restored { kept, taken_off, binned, damaged } => {
            let mut said = match damaged {
                None => "Restored the unsaved changes; Ctrl-s saves them".to_string(),
                Some(aside) => format!(
                    "Restored the boxes read before the damage, the rest as last saved; Ctrl-s saves them. {}",
                    set_aside_en(aside)
                ),
            };
            if *kept > 0 {
                said += &format!(" ({kept} older recovery files kept for the next start)");
            }
            if !taken_off.is_empty() {
                said += &format!(
                    "; not in the issue now: {} (its place is kept should it come back)",
                    taken_off.join(", ")
                );
            }
            said.push_str(&binned_to_the_bin(binned));
            said
        }
        RecoveryUnreadable { error } => format!("The recovery file could not be read: {error}"),
        RecoveryNothingToRestore { file, line, aside } => {
            let what = if *line <= 1 { "is empty".to_string() } else { format!("is damaged from line {line}") };
            format!(
                "The recovery file {file} {what} (as a power cut may leave it): nothing in it can be restored. {}",
                set_aside_en(aside)
            )
        }
        RecoveryDamagedDeclined { aside } => set_aside_en(aside),
        RecoveryLeft { file } => {
            format!("The unsaved changes to {file} stay in their recovery file, offered at the next start")
        }
        RecoveryClaimed { file, error } => format!(
            "The recovery file {file} could not be removed ({error}): it is marked as restored here, so no other editor offers it while this one runs"
        ),
        RecoveryNotDiscarded { file, error } => {
            format!("The recovery file {file} could not be removed ({error}): it is offered again at the next start")
        }
        IssueReloaded { file, changed, added, taken_off, removed, restored, binned, overlapping } => {
            let mut said =
                format!("Reloaded issue {file}: {} changed, {added} new in the bin", plural(*changed, "item"));
            if !taken_off.is_empty() {
                let kept = match taken_off.len() {
                    1 => "its place is kept should it come back",
                    _ => "their places are kept should they come back",
                };
                said.push_str(&format!("; no longer in the issue: {} ({kept})", taken_off.join(", ")));
            }
            if !removed.is_empty() {
                said.push_str(&format!("; no longer in the issue, out of the bin: {}", removed.join(", ")));
            }
            if !restored.is_empty() {
                said.push_str(&format!("; back where it stood: {}", restored.join(", ")));
            }
            said.push_str(&binned_to_the_bin(binned));
            for (page, (a, pa), (b, pb)) in overlapping {
                let (a, b) = (super::part_id(a, *pa, super::UiLang::En), super::part_id(b, *pb, super::UiLang::En));
                said.push_str(&format!("; {a} and {b} now overlap on page {page}"));
            }
            said
        }
        OpenProblem { first, more: 0 } => first.to_string(),
        OpenProblem { first, more } => format!("{first} (and {more} more: see pasteup check)"),
        IssueNotReloaded { error } => format!("The issue on disk was not loaded (the last good one is kept): {error}"),
        LayoutRemoved { file } => {
            format!("{file} was removed from disk; the work here is kept, and Ctrl-s writes it again")
        }
        LayoutLoaded { file, issue } => {
            format!("Loaded {file} as another program saved it{}", following_en(issue.as_deref()))
        }
        KeptMine { file } => format!("Kept your layout; Ctrl-s asks before it writes over {file} on disk"),
        LayoutMerged { file, conflicts, notes, issue } => {
            let mut said = format!("Merged {file} from disk into your unsaved layout");
            said.push_str(&following_en(issue.as_deref()));
            if !conflicts.is_empty() {
                said.push_str(&format!("; kept yours where both changed: {}", conflicts.join(", ")));
            }
            // Found from outside: an overlap the merge made was told as "both changed".
            if !notes.is_empty() {
                said.push_str(&format!("; to look at after the merge: {}", notes.join(", ")));
            }
            said
        }
        LayoutNotLoaded { error } => format!("The layout on disk was not loaded (yours is kept): {error}"),
        OpenNotes { first, more: 0 } => note(first),
        OpenNotes { first, more } => format!("{} (and {more} more: see pasteup check)", note(first)),
        RecoveryNotes { first, more: 0 } => note(first),
        RecoveryNotes { first, more } => format!("{} (and {more} more left alone)", note(first)),
        Refused(r) => refusal(r),
        Count { count } => format!(
            "{count}: a move, select, span or depth key repeats {} (Esc drops it)",
            plural(*count as usize, "time")
        ),
        PlacedInHole { item, part, column, line, pushed } => {
            let item = super::part_id(item, *part, super::UiLang::En);
            let placed = format!("Placed {item} in a hole: column {column}, line {line}");
            if pushed.is_empty() {
                placed
            } else {
                format!("{placed}; settling the page's overlap pushed down {}", part_ids(pushed, UiLang::En, ", "))
            }
        }
        PlacedUnder { item, part, under, pushed, overlap } => {
            let item = super::part_id(item, *part, super::UiLang::En);
            let mut said = format!("No hole holds {item}: placed under {under}");
            if !pushed.is_empty() {
                said += &format!(", pushing down {}", part_ids(pushed, UiLang::En, ", "));
            }
            if !overlap.is_empty() {
                said += &format!("; settling the page's overlap pushed down {}", part_ids(overlap, UiLang::En, ", "));
            }
            said
        }
        PlacedAtBottom { item, part } => {
            let item = super::part_id(item, *part, super::UiLang::En);
            format!("No hole holds {item}: placed below everything in its columns")
        }
        BoxNow { item, part, first, last, line, depth, pushed } => {
            let item = super::part_id(item, *part, super::UiLang::En);
            let columns = label(&Label::Columns { first: *first, last: *last });
            let now = format!("{item}: {columns}, from line {line}, depth {}", label(&Label::Depth(*depth)));
            if pushed.is_empty() { now } else { format!("{now}, pushing down {}", part_ids(pushed, UiLang::En, ", ")) }
        }
        Placed { item, part, column, line, pushed, overlap } => {
            let item = super::part_id(item, *part, super::UiLang::En);
            let mut said = format!("Placed {item}: column {column}, line {line}");
            if !pushed.is_empty() {
                said += &format!(", pushing down {}", part_ids(pushed, UiLang::En, ", "));
            }
            if !overlap.is_empty() {
                said += &format!("; settling the page's overlap pushed down {}", part_ids(overlap, UiLang::En, ", "));
            }
            said
        }
        Found { item, part: Some(part), page: Some(page) } => {
            format!("Found {item} (part {part}) on page {page} (:find again for the next)")
        }
        Found { item, page: Some(page), .. } => format!("Found {item} on page {page} (:find again for the next)"),
        Found { item, part: Some(part), page: None } => {
            format!("Found {item} (part {part}) in the bin (:find again for the next)")
        }
        Found { item, page: None, .. } => format!("Found {item} in the bin (:find again for the next)"),
        PulledUp { page } => format!("Pulled up every box on page {page}"),
        Made { page, placed, left, free, broken } => {
            let made =
                format!("Made page {page}: placed {placed}, {left} of its plan left in the bin, {free} free lines");
            match broken {
                None => made,
                Some((rule, 1)) => format!("{made}; {}", en_rule(rule)),
                Some((rule, n)) => format!("{made}; {} (and {})", en_rule(rule), plural(*n - 1, "more rule")),
            }
        }
        CutOut { item, pulled: true } => format!("{item} is back in the bin; the boxes under it pulled up"),
        CutOut { item, pulled: false } => format!("{item} is back in the bin; no box under it could rise"),
        Copyfit { item, done, fit, empty, besides } => {
            let done = match done {
                super::Copyfit::Cut { sentences: 0, .. } => "every sentence back".to_string(),
                super::Copyfit::Cut { sentences, chars } => {
                    format!(
                        "last {} cut ({})",
                        plural(*sentences as usize, "sentence"),
                        plural(*chars as usize, "character")
                    )
                }
                super::Copyfit::HeadSize { size } => format!("headline at {size} em"),
                super::Copyfit::Headline { restored: false } => "headline rewritten".to_string(),
                super::Copyfit::Headline { restored: true } => "the issue's headline again".to_string(),
                super::Copyfit::Continued { part } => format!("the overset goes on in part {part}, in the bin"),
                super::Copyfit::AllCut { chars } => {
                    format!(
                        "every sentence cut ({}): nothing of the body is left",
                        plural(*chars as usize, "character")
                    )
                }
            };
            let mut said = format!("{item}: {done} — {}", galley_verdict(fit, *empty));
            for part in said_besides(besides) {
                said += &format!("; {part}");
            }
            said
        }
    }
}

/// Boxes the pages as they are now cannot hold, sent to the bin with their places held: said
/// alike by an issue reload and by restored work.
fn binned_to_the_bin(binned: &[String]) -> String {
    let held = match binned.len() {
        0 => return String::new(),
        1 => "its place is kept should the page hold it again",
        _ => "their places are kept should the page hold them again",
    };
    format!("; the pages no longer hold, to the bin: {} ({held})", binned.join(", "))
}

/// A later part a step left without copy (found from outside: `c` said only "fits").
/// What a step did to other boxes, a clause each.
fn said_besides(besides: &Besides) -> Vec<String> {
    let Besides { pushed, past_foot, empty_parts, shallow_parts, elsewhere } = besides;
    let mut parts = Vec::new();
    if !pushed.is_empty() {
        parts.push(format!("pushed down: {}", part_ids(pushed, UiLang::En, ", ")));
    }
    if !past_foot.is_empty() {
        parts.push(format!("past the foot: {}", past_foot.join(", ")));
    }
    parts.extend(elsewhere.iter().filter(|e| !e.is_empty()).map(on_page));
    parts.extend(empty_parts.iter().map(empty_part));
    parts.extend(
        shallow_parts.iter().map(|(id, part)| format!("{id} part {part} holds no text: too shallow; deepen it")),
    );
    parts
}

fn empty_part((id, part): &(String, u32)) -> String {
    format!("{id} part {part} now holds none of the text: the parts before it take it all")
}

/// What a step did on another page, one clause: `on page 4: pushed down: a1 (past the foot: a1)`.
fn on_page(on: &OnPage) -> String {
    let page = on.page;
    let past = on.over_foot.join(", ");
    match (on.pushed.is_empty(), on.over_foot.is_empty()) {
        (true, _) => format!("on page {page}: past the foot: {past}"),
        (false, true) => format!("on page {page}: pushed down: {}", part_ids(&on.pushed, UiLang::En, ", ")),
        (false, false) => {
            format!("on page {page}: pushed down: {} (past the foot: {past})", part_ids(&on.pushed, UiLang::En, ", "))
        }
    }
}

pub fn question_title(q: &Question) -> String {
    match q {
        Question::QuitUnsaved => "unsaved changes",
        Question::Overwrite(_) => "changed on disk",
        Question::DropNotes { .. } => "merge notes",
        Question::TheirLayout { .. } => "layout changed on disk",
        Question::Recover { .. } => "recover unsaved work",
    }
    .to_string()
}

pub fn question(q: &Question) -> Vec<String> {
    match q {
        Question::QuitUnsaved => {
            vec!["The layout has unsaved changes.".into(), "y: quit without saving   s: save and quit   n: stay".into()]
        }
        Question::DropNotes { notes, first } => vec![
            format!(
                "The layout holds {} of a merge (the first on {first}; pasteup check lists them). \
                 Saving drops them: they are decided.",
                plural(*notes, "note")
            ),
            "y: save   n: not yet".into(),
        ],
        Question::Overwrite(change) => {
            let why = match change {
                DiskChange::Layout { file } => format!("{file} was changed by another program since it was opened."),
                DiskChange::Issue { file } => format!("The issue {file} changed on disk since it was opened."),
                DiskChange::SavedAfterRecovery { file } => {
                    format!(
                        "{file} on disk is a later save than the one the restored work began from: saving writes over it."
                    )
                }
            };
            vec![why, "y: save over it   n: do not save".into()]
        }
        Question::TheirLayout { file, merge: false } => {
            vec![format!("Another program saved {file}."), "y: load theirs   n: keep mine".into()]
        }
        Question::TheirLayout { file, merge: true } => vec![
            format!("Another program saved {file}, and you have unsaved changes."),
            "y: merge theirs into mine   n: keep mine".into(),
        ],
        Question::Recover { file, age_secs, by, more, saved_after, after_newer, damaged } => {
            let age = age_secs.map_or_else(|| "at a time unknown".to_string(), |s| age_ago(Age::of(s)));
            let by = by.as_ref().map(|o| format!(" by {o}")).unwrap_or_default();
            let more = if *more > 0 { format!(" ({more} more after this one)") } else { String::new() };
            let mut lines = vec![format!("Unsaved changes to {file} were kept{by}, last written {age}{more}.")];
            if *saved_after {
                lines.push(format!("{file} has been saved since this work began: this is older work."));
            } else if *after_newer {
                lines.push("A newer recovery file was offered before this one: this is older work.".to_string());
            }
            match damaged {
                None => lines.push("y: restore it   n: discard it   Esc: decide at the next start".into()),
                Some(Damaged { line, boxes }) => {
                    lines.push(format!(
                        "The recovery file is damaged from line {line} (cut short, as a power cut may leave it): \
                         the {} before it can be restored; past it, the layout stands as last saved.",
                        plural(*boxes, "box")
                    ));
                    lines.push("y: restore what can be   n: set the file aside   Esc: decide at the next start".into());
                }
            }
            lines
        }
    }
}

/// Where a damaged recovery file went: never removed, so what is past the damage can still be
/// looked at by hand.
fn set_aside_en(aside: &SetAside) -> String {
    match aside {
        SetAside::As { file } => format!("The damaged file is kept as {file}, not offered again."),
        SetAside::NotMoved { error } => {
            format!("The damaged file could not be set aside ({error}): it is said again at the next start.")
        }
    }
}

/// The issue a layout loaded from disk named, which the editor follows now (found from
/// outside: it changed issues without a word).
fn following_en(issue: Option<&str>) -> String {
    issue.map(|issue| format!("; it names the issue {issue}, which the editor follows now")).unwrap_or_default()
}

/// `12 s ago`, `4 min ago`, `3 h ago`, `2 days ago`.
fn age_ago(age: Age) -> String {
    match age {
        Age::Seconds(n) => format!("{n}\u{a0}s ago"),
        Age::Minutes(n) => format!("{n}\u{a0}min ago"),
        Age::Hours(n) => format!("{n}\u{a0}h ago"),
        Age::Days(n) => format!("{n}\u{a0}days ago"),
    }
}

pub fn key_help(k: &KeyHelp) -> String {
    use KeyHelp::*;
    match k {
        SelectLeft => "select the box to the left",
        SelectDown => "select below / next in bin",
        SelectUp => "select above / previous in bin",
        SelectRight => "select the box to the right",
        MoveLeft => "move box one column left",
        MoveDown => "move box one line down",
        MoveUp => "move box one line up",
        MoveRight => "move box one column right",
        SpanMore => "widen by one column",
        SpanLess => "narrow by one column",
        DepthLess => "box one line shallower",
        DepthMore => "box one line deeper",
        DepthAuto => "box as deep as the item needs",
        Place => "place the bin item in the first hole that holds it",
        ToBin => "send the box back to the bin",
        SwitchFocus => "switch between page and bin",
        PrevPage => "previous page",
        NextPage => "next page",
        Zoom => "zoom: text / plan",
        Undo => "undo",
        Redo => "redo",
        Save => "save the layout",
        Export => "export a text proof beside the layout",
        Help => "help",
        Quit => "quit (asks if unsaved)",
        Suspend => "stop, back to the shell (fg comes back; the work is in the recovery file)",
        Repaint => "draw the whole screen again",
        Count => "a count: 12K moves up 12 lines, 3L right 3 columns",
        JumpUp => "move box up to meet the box above (or line 1)",
        JumpDown => "move box down to meet the box below (or the foot)",
        PullUp => "pull every box on the page up (one undo step)",
        CutOut => "to the bin, and pull up the boxes under it",
        Make => "make the page from the bin (by the page plan)",
        ToggleBin => "hide / show the bin",
        CommandLine => "command line: :place, :line, :find, :w and more",
        CutMore => "cut one more sentence from the end of the article",
        CutLess => "restore one cut sentence",
        FitBox => "fit: the smallest cut that makes the box fit its depth",
        Continue => "continue the overset in a new part (to the bin)",
        HeadSmaller => "headline one em smaller here",
        HeadLarger => "headline one em larger here",
        Rewrite => "rewrite the headline here (empty: the issue's)",
    }
    .to_string()
}

pub fn hint(h: &Hint) -> String {
    match h {
        Hint::Move => "HJKL move",
        Hint::Span => "+/- span",
        Hint::Place => "Enter place",
        Hint::ToBin => "x to bin",
        Hint::Focus => "Tab bin/page",
        Hint::Zoom => "z zoom",
        Hint::Undo => "u undo",
        Hint::Save => "^s save",
        Hint::Help => "? help",
        Hint::Quit => "q quit",
        Hint::Jump => "{/} jump",
        Hint::PullUp => "P pull up",
        Hint::Command => ": command",
    }
    .to_string()
}

pub fn chrome(c: &Chrome) -> String {
    use Chrome::*;
    match c {
        TooSmall { width, height, min_width, min_height } => {
            format!("pasteup: the terminal is {width}x{height}; it needs at least {min_width}x{min_height}")
        }
        TooSmallShort => "too small".to_string(),
        TooSmallNeed { min_width, min_height } => format!("need {min_width}x{min_height}"),
        TitlePage { page, index, pages, section } => {
            format!("page {page} ({index}/{pages}){}", section.as_deref().map(|s| format!(" {s}")).unwrap_or_default(),)
        }
        TitleZoom { zoom } => match zoom {
            Zoom::Text => "text".to_string(),
            Zoom::Plan => "plan".to_string(),
        },
        Unsaved => " * unsaved ".to_string(),
        OpenElsewhere => " open elsewhere ".to_string(),
        RulerLine => "line ".to_string(),
        RulerFoot => " foot".to_string(),
        BinHead { items, focused } => {
            format!(" bin: {items} item{}{}", if *items == 1 { "" } else { "s" }, if *focused { " [Tab]" } else { "" })
        }
        // The figures first: a narrow bin cuts the end of the row.
        BinInfo { kind, chars, span, lines } => format!(
            "{lines} lines at {span} col{} · {chars} chars · {}",
            if *span == 1 { "" } else { "s" },
            label(&Label::Kind(*kind))
        ),
        RulerFree => "free ".to_string(),
        FreeLines { lines } => format!("{lines} free"),
        Completions { ids } => format!("Tab: {}", ids.join("  ")),
        InspectBin { id, chars, span, lines } => format!(
            " {id} · in the bin · {chars} chars · {lines} lines at {span} column{} · Enter places it",
            if *span == 1 { "" } else { "s" }
        ),
        PageSummaryShort { page, fit, overset, past_foot, overlaps } => {
            format!("page {page}: {}fit {fit:+}, {overset} overset, {past_foot} past foot", overlaps_first(*overlaps))
        }
        PageSummaryBrief { page, fit, overset, past_foot, overlaps } => {
            format!("page {page}: {}", wrong_on_page(*fit, *overset, *past_foot, *overlaps))
        }
        PageSummaryTiny { fit, overset, past_foot, overlaps } => wrong_on_page(*fit, *overset, *past_foot, *overlaps),
        Overlaps { other } => format!("overlaps {other}"),
        PageSummary { page, used, free, fit, overset, past_foot, overlaps } => format!(
            "page {page}: {}{used} used, {free} free, fit {fit:+}, {overset} overset, {past_foot} past foot",
            overlaps_first(*overlaps)
        ),
        HelpTitle => "keys".to_string(),
        HelpMore { page, pages } => format!("({page}/{pages}) j k: more · other keys close"),
        HeadlinePrompt => "headline: ".to_string(),
        AnswerAbove => "the keys that work now are in the box above".to_string(),
    }
}

pub fn row(r: &Row) -> String {
    match r {
        Row::Column => "column",
        Row::Used => "used",
        Row::Free => "free",
        Row::OverFoot => "over foot",
        Row::Overset => "overset",
    }
    .to_string()
}

/// A page's overlaps, said first in its totals, and only when there are any.
fn overlaps_first(overlaps: usize) -> String {
    if overlaps > 0 { format!("{}, ", plural(overlaps, "overlap")) } else { String::new() }
}

/// `n` and `word`, with an `s` (`es` after an `x`) unless `n` is 1.
pub fn plural(n: usize, word: &str) -> String {
    let ending = if n == 1 {
        ""
    } else if word.ends_with('x') {
        "es"
    } else {
        "s"
    };
    format!("{n} {word}{ending}")
}

pub fn report(r: &Report) -> String {
    use Report::*;
    match r {
        IssueHead { paper, date, pages, items, placed, bin } => {
            let (pages, items) = (plural(*pages, "page"), plural(*items, "item"));
            format!("{paper} {date} — {pages}, {items} ({placed} placed, {bin} in the bin)")
        }
        LayoutFile { path: Some(path) } => format!("layout: {path}"),
        LayoutFile { path: None } => "layout: none (every item in the bin)".to_string(),
        PageHead { page, section, columns, width, gutter, depth } => format!(
            "page {page}{}: {} × {width} em, gutter {gutter} em, {}",
            section.as_deref().map(|s| format!(" — {s}")).unwrap_or_default(),
            plural(*columns as usize, "column"),
            plural(*depth as usize, "line")
        ),
        RowName(r) => pad(&row(r), 9),
        BoxLine { id, id_width, column, span, top, bottom, depth, fit, empty, over_foot, title } => format!(
            "  {} {} lines {top:>3}–{bottom:<3} {} {}{}  {title}",
            pad(id, *id_width),
            pad(&label(&Label::columns(*column, *span)), 13),
            pad(&label(&Label::Depth(*depth)), 9),
            label(&Label::detail(*fit, *empty)),
            if *over_foot { ", over the foot" } else { "" }
        ),
        PageTotal { used, free, fit, overset, overset_lines, overset_chars, past_foot } => format!(
            "  page: {} used, {free} free, fit {fit:+}, {overset} overset ({}, {}), {past_foot} over the foot",
            plural(*used as usize, "line"),
            plural(*overset_lines as usize, "line"),
            plural(*overset_chars as usize, "character")
        ),
        BinHead { items } => format!("bin: {}", plural(*items, "item")),
        BinLine { id, id_width, kind, chars, lines, title } => format!(
            "  {} {} {chars:>5} chars {lines:>4} lines at one column  {title}",
            pad(id, *id_width),
            pad(&label(&Label::Kind(*kind)), 8)
        ),
        AllFits => "all fits: no overset, overlapping or off-page items".to_string(),
        LayoutNotUsed { path } => format!(
            "{path}: not used as it stands, and nothing is written: mend what is named above, or open it in the editor, which sets those placements right or aside and says so"
        ),
        NotWritten { path } => format!("nothing was written to {path}"),
        FontTooOften { count } => {
            format!("--font is given {count} times; give one font file for text and at most one more for heads")
        }
        PressOptionsWithoutPdf => {
            "--font and --em-pt set the press PDF; use them with --format pdf, or leave them out".to_string()
        }
        AmbiwidthWithoutText => {
            "--ambiwidth sets the text proof's frames; use it with --format text, or leave it out".to_string()
        }
        Problems { count } => format!("{}:", plural(*count, "problem")),
        GalleyHead { id, kind, title } => format!("{id} · {} · {title}", label(&Label::Kind(*kind))),
        GalleyPlace { at, fit, empty } => {
            let place = match at {
                GalleyAt::Page { page, column, span, line, depth } => format!(
                    "page {page}, {}, line {line}, depth {}",
                    label(&Label::columns(*column, *span)),
                    label(&Label::Depth(*depth))
                ),
                GalleyAt::Bin { span: 1 } => "in the bin, set at 1 column".to_string(),
                GalleyAt::Bin { span } => format!("in the bin, set at {}", label(&Label::columns(1, *span))),
            };
            format!(
                "  {place}: box {}, needs {} — {}",
                plural(fit.box_depth as usize, "line"),
                fit.depth_needed,
                galley_verdict(fit, *empty)
            )
        }
        GalleyOverFoot => "  over the foot of the page".to_string(),
        GalleyPart { part, from_page, to_page } => {
            let mut text = format!("  part {part}");
            if let Some(page) = from_page {
                text.push_str(&format!(", continued from page {page}"));
            }
            if let Some(page) = to_page {
                text.push_str(&format!(", continued on page {page}"));
            }
            text
        }
        GalleyCut { sentences, chars } => {
            format!("  {}:", label(&Label::Cut { sentences: *sentences, chars: *chars }))
        }
        BoxCut { sentences, chars, id_width } => {
            format!("  {} {}", pad("", *id_width), label(&Label::Cut { sentences: *sentences, chars: *chars }))
        }
        Leg { number, lines } => format!("  leg {number} ({}):", plural(*lines, "line")),
        GalleyOverset { lines } => format!("  overset ({}):", plural(*lines, "line")),
        Block { kind, depth, empty: true, .. } => {
            format!("  {} ({depth} line{})", block(*kind), if *depth == 1 { "" } else { "s" })
        }
        Block { kind, line_depth, .. } if *line_depth > 1 => format!("  {}, {line_depth} lines each:", block(*kind)),
        Block { kind, .. } => format!("  {}:", block(*kind)),
        FitBox { id, page, part: 1, fit } => format!("page {page}  {id}: {}", label(&Label::FitDetail(*fit))),
        FitBox { id, page, part, fit } => {
            format!("page {page}  {id} (part {part}): {}", label(&Label::FitDetail(*fit)))
        }
        FitRemedy { kind, value, fit, cut_chars } => {
            format!("  {} {}", pad(&remedy(*kind, *value, *cut_chars), 36), lines_badge(*fit))
        }
        FitNoRemedy => "  no one change makes it fit".to_string(),
        FitPlaceWaiting { id, part } => format!(
            "  its overset goes on in part {part}, which waits in the bin: place it (Enter on it in the bin, or :place {id})"
        ),
        FitAllBoxesFit => "every box fits".to_string(),
        FitUnfit { boxes: 1 } => "1 box does not fit".to_string(),
        FitUnfit { boxes } => format!("{boxes} boxes do not fit"),
    }
}

/// A remedy as the page editor would do it.
fn remedy(kind: RemedyKind, value: u32, cut_chars: Option<u32>) -> String {
    match kind {
        RemedyKind::Depth => format!("depth {value} lines"),
        RemedyKind::HeadSize => format!("headline {value} em"),
        RemedyKind::Span => format!("span {}", plural(value as usize, "column")),
        RemedyKind::Continue => format!("continue in part {value}"),
        // A cut of none gives every cut sentence back: said so, not as "cut 0 sentences".
        RemedyKind::Cut if value == 0 => "restore all cut sentences".to_string(),
        RemedyKind::Cut => format!(
            "cut {} ({})",
            plural(value as usize, "sentence"),
            plural(cut_chars.unwrap_or(0) as usize, "character")
        ),
    }
}

/// `fits`, `+3 short` or `-5 overset` for a fit in lines.
fn lines_badge(fit: i64) -> String {
    match fit {
        0 => "fits".to_string(),
        n if n > 0 => format!("+{n} short"),
        n => format!("{n} overset"),
    }
}

fn block(kind: BlockKind) -> &'static str {
    crate::report::block_name(kind)
}

/// The problem as the validator words it (`problem::text`, the English every output shares).
pub fn problem(p: &Problem) -> String {
    crate::problem::text::message(p)
}

/// `n` items that wait: "1 item waits", "4 items wait".
fn wait(n: usize) -> String {
    if n == 1 { "1 item waits".to_string() } else { format!("{n} items wait") }
}

/// Per mille as a percentage with one decimal: 27 → "2.7%".
fn per_mille(part: u32, whole: u32) -> String {
    let pm = u64::from(part) * 1000 / u64::from(whole.max(1));
    format!("{}.{}%", pm / 10, pm % 10)
}

pub fn make_line(m: &MakeLine) -> String {
    use crate::layout::make::LeftReason;
    use MakeLine::*;
    match m {
        PageHead { page, placed, kept, free, column_lines, short_boxes, short_lines, cut } => format!(
            "page {page}: placed {placed}, kept {kept}; free lines {free} of {column_lines} ({}); short boxes {short_boxes} ({}); sentences cut {cut}",
            per_mille(*free, *column_lines),
            plural(*short_lines as usize, "line")
        ),
        Placed { id, kind, first, last, top, bottom, short, cut } => {
            let mut fit = if *short == 0 { "fits".to_string() } else { format!("+{short} short") };
            if *cut > 0 {
                fit += &format!(", {} cut", plural(*cut as usize, "sentence"));
            }
            format!(
                "  placed {} {:<8} {:<13} lines {top}–{bottom}  {fit}",
                pad(id, 24),
                kind.name(),
                label(&Label::Columns { first: *first, last: *last })
            )
        }
        Left { id, reason } => {
            let why = match reason {
                LeftReason::TooDeep => "too deep for the page at every span",
                LeftReason::LegsTooDeep => {
                    "legs deeper than 60 lines at every span the page holds: cut it or continue it"
                }
                LeftReason::NoticeTooDeep => {
                    "deeper than a third of the page at every span: a notice at the foot takes a third at most"
                }
                LeftReason::NoCopy => "no copy: every field is blank",
                LeftReason::NoPage => "planned for a page the issue does not have",
                LeftReason::NoRoom => "no room left that keeps the rules",
                LeftReason::NotOffered => "unplanned, and not offered: every page made had copy enough without it",
                LeftReason::ArticleNotPlaced => "its article is not on the page",
                LeftReason::PlannedElsewhere => "taken off a page made from empty; planned for a page not made",
                LeftReason::ContinuedPart => "a part of a continued article: make places none; place it by hand",
                LeftReason::Waiting => "planned for a page not made this run",
            };
            format!("  left   {} {why}", pad(id, 24))
        }
        LeadNotAtTop { id } => format!("  rule   the lead {id} could not stand at line 1"),
        LeadNarrow { id, span, columns, cause } => {
            let why = match cause {
                NarrowCause::KeptBoxes => "kept boxes left no place half the page wide at line 1",
                NarrowCause::ShortCopy => "its copy is too short for legs of six lines half the page wide",
            };
            format!("  rule   the lead {id} stands {} wide of {columns}: {why}", plural(usize::from(*span), "column"))
        }
        SecondLead { id, lead } => format!("  rule   {id} is a second lead (priority 1) of the page; {lead} leads it"),
        NoticeLead { id } => {
            format!(
                "  rule   the notice {id} is planned as the lead (priority 1); it stands at the foot, as notices do"
            )
        }
        KeptOverlap { id, other } => format!("  rule   {id} and {other}, kept as they stood, overlap"),
        KeptOverset { id } => format!("  rule   {id}, kept as it stood, is overset"),
        KeptPastFoot { id } => format!("  rule   {id}, kept as it stood, runs past the foot"),
        KeptEmpty { id } => {
            format!("  rule   {id}, kept as it stood, holds none of its body: a headline with nothing under it")
        }
        ShortOfCopy { offered, open } => {
            format!("  copy   {offered} column-lines offered for {open} free: too little copy to fill the page")
        }
        Gap { first, last, top, bottom } => {
            let columns = label(&Label::Columns { first: *first, last: *last });
            format!("  gap    {columns} lines {top}–{bottom} free above a box: fill or close it by hand")
        }
        NothingFits { open } => format!(
            "  copy   no item offered fits the page's {open} free column-lines at any span: the page is too small for its copy"
        ),
        NothingFitsByRules { open } => format!(
            "  copy   no item offered fits the page's {open} free column-lines at any span the rules allow: see why each is left"
        ),
        BinHead { items } => format!("bin: {} no page took", plural(*items, "item")),
        WaitHead { items } => format!("bin: {} for pages not made", wait(*items)),
        Waits { id, page } => format!("  wait   {} planned for page {page}, not made this run", pad(id, 24)),
        Total { pages, placed, left, waiting, free, column_lines } => format!(
            "made {}: placed {placed}, {left} left in the bin{}; free lines {free} of {column_lines} ({})",
            plural(*pages, "page"),
            if *waiting > 0 { format!(", {waiting} waiting there for pages not made") } else { String::new() },
            per_mille(*free, *column_lines)
        ),
        FreeSoFar { free } => format!("free lines {free}"),
        NotesKept { notes } => format!(
            "{} of a merge still to decide, kept in the layout: decide them in the editor and save",
            plural(*notes, "note")
        ),
        CommentsDropped { lines } => {
            format!("comments not kept ({lines} line(s)): make writes the layout as a save does")
        }
        OpenInEditor { owner } => format!(
            "the layout is open in pasteup ({owner}): that editor asks whether to load or merge what make wrote"
        ),
    }
}

/// What a one-argument command takes, in words; `None` for a command that takes nothing.
fn arg(what: CommandArg) -> Option<&'static str> {
    Some(match what {
        CommandArg::ItemId => "an item id",
        CommandArg::Line => "a line number",
        CommandArg::Column => "a column number",
        CommandArg::Span => "a number of columns",
        CommandArg::Depth => "lines or auto",
        CommandArg::Page => "a page number",
        CommandArg::Text => "the text to look for",
        CommandArg::Nothing => return None,
    })
}

/// A warning met opening the files, in English.
/// Why the press PDF has no fonts to print with, as the font finder says it.
pub fn font_error(e: &crate::export::fonts::FontError) -> String {
    e.to_string()
}

/// Why the press PDF could not be made, as the PDF writer says it.
pub fn pdf_error(e: &crate::export::pdf::PdfError) -> String {
    e.to_string()
}

pub fn note(n: &Note) -> String {
    use crate::format::{printable, quoted};
    match n {
        Note::PhotoUnsized { file, id, image, why, height } => {
            let why = image_trouble(why);
            let keeps = match height {
                Some(h) => format!("the photo keeps its height of {h} lines"),
                None => "the photo's height cannot come from the image".to_string(),
            };
            let (file, id, image) = (printable(file), quoted(id), quoted(image));
            format!("{file}: warning: photo {id} file {image}: {why}; {keeps}")
        }
        Note::NewLayout { layout } => format!("{}: a new layout: every item starts in the bin", printable(layout)),
        Note::OtherIssue { layout, named, named_path, open } => format!(
            "{}: warning: the layout is for the issue {} ({}), but {} is open; its placements are used as they are",
            printable(layout),
            printable(&format!("\"{named}\"")),
            printable(named_path),
            printable(open)
        ),
        Note::RecoveryUnreadable { file, error } => {
            format!("{}: cannot read the recovery file: {}", printable(file), printable(error))
        }
        Note::RecoveryNotAFile { file } => {
            format!("{}: the recovery file is not a regular file; it is left alone", printable(file))
        }
        Note::RecoveryOtherHost { file, owner } => format!(
            "{}: unsaved work of {}, on another computer; left alone for it (to take it here, copy it over the layout)",
            printable(file),
            printable(owner)
        ),
        Note::RecoveryTooLarge { file } => {
            format!("{}: the recovery file is larger than 64 MiB; it is left alone", printable(file))
        }
        Note::RecoveryWaiting { file } => format!(
            "the unsaved work of an editor that stopped is kept in {}; the editor offers it once this opens",
            printable(file)
        ),
        Note::GreyFrame { file, id, image, why } => {
            let (file, id, image, why) = (printable(file), quoted(id), quoted(image), image_trouble(why));
            format!("{file}: warning: photo {id} file {image}: {why}; it is drawn as a grey frame")
        }
        Note::CannotSave { layout, why } => format!("{}: {}", printable(layout), save_trouble(why)),
    }
}

/// Why a photo's image cannot be used, in English.
fn image_trouble(why: &crate::format::ImageTrouble) -> String {
    use crate::format::{ImageTrouble::*, printable};
    match why {
        Missing => "there is no such file".to_string(),
        NotAFile => "it is not a regular file".to_string(),
        FileUnreadable { detail } => format!("the file cannot be read ({})", printable(detail)),
        TooLarge { most_mb } => format!("the file is larger than {most_mb} MB"),
        NotAnImage => "the file is not a PNG, JPEG, GIF or WebP image".to_string(),
        Unreadable { detail } => format!("the image cannot be read ({})", printable(detail)),
        Size { width, height } => format!("the image claims a size of {width}×{height} pixels"),
        TooManyPixels { width, height, most_million } => {
            format!("the image is {width}×{height} pixels, more than the {most_million} million a photo may have")
        }
        Cut => "the image cannot be read: the file ends before the image does".to_string(),
        Malformed => "the image cannot be read: its header is damaged or false".to_string(),
        // The decoder's words name its internals (found from outside: a chunk type in Rust
        // debug text); the page editor needs to know only that it does not decode.
        Damaged { .. } => "the image is damaged: it does not decode".to_string(),
    }
}

/// Why a save did not happen, in English.
pub fn save_trouble(why: &SaveTrouble) -> String {
    use crate::format::{SaveStep, printable};
    match why {
        SaveTrouble::IsFolder => "it is a folder, not a file".to_string(),
        SaveTrouble::NotWritableKind => {
            "it is not a regular file, a pipe or a character device (a socket or a disk?); nothing is written to it"
                .to_string()
        }
        SaveTrouble::LinkLoop => "too many levels of symbolic links".to_string(),
        SaveTrouble::ReadOnly => "the file is read-only; make it writable (chmod u+w) or name another file".to_string(),
        SaveTrouble::NotPermitted => {
            "you may not write the file (its owner has not let you); ask them to, or name another file".to_string()
        }
        SaveTrouble::NoFolder { dir } => {
            let dir = printable(dir);
            format!("the folder {dir} does not exist; make it first (mkdir -p {dir}) or name a file in another folder")
        }
        SaveTrouble::NotAFolder { dir } => format!("{} is not a folder; name a file in a folder", printable(dir)),
        SaveTrouble::PipeUnread => "cannot write: it is a pipe that no program reads".to_string(),
        SaveTrouble::ChangedMeanwhile => {
            "another program wrote the file during the save; theirs is kept, nothing replaced".to_string()
        }
        SaveTrouble::System { step, error } => {
            let step = match step {
                SaveStep::ReadLink => "cannot read the link".to_string(),
                SaveStep::TempFile { dir } => format!("cannot create a temporary file in {}", printable(dir)),
                SaveStep::Write => "cannot write".to_string(),
                SaveStep::Permissions => "cannot set permissions".to_string(),
                SaveStep::Flush => "cannot flush to disk".to_string(),
                SaveStep::Replace => "cannot replace the file".to_string(),
                SaveStep::Open => "cannot open".to_string(),
                SaveStep::MakeFolder => "cannot make the folder".to_string(),
            };
            format!("{step}: {}", printable(error))
        }
        SaveTrouble::IssueNameNotUtf8 { name } => format!(
            "the issue's file name {} is not UTF-8, so a layout cannot name it; rename it, e.g. `convmv -f GBK -t UTF-8 --notest FILE`",
            printable(name)
        ),
    }
}

/// Why an issue or layout could not be read, in English.
pub fn read_trouble(why: &ReadTrouble) -> String {
    use crate::format::{Legacy, printable};
    match why {
        ReadTrouble::Missing => "there is no such file; check its name and folder".to_string(),
        ReadTrouble::NoPermission => {
            "cannot open it: permission denied; ask for read permission, or copy it where you may read it".to_string()
        }
        ReadTrouble::NotOpened { error } => format!("cannot open: {}", printable(error)),
        ReadTrouble::Folder => "cannot open: it is a folder, expected a .ron file".to_string(),
        ReadTrouble::Device => "cannot open: it is a device, not a file; expected a .ron file".to_string(),
        ReadTrouble::NotPlainFile => {
            "not read: it is not a plain file (a pipe or a device); write the file in its place".to_string()
        }
        ReadTrouble::TooLarge { mib } => {
            format!("file is {mib} MiB, larger than the 64 MiB limit; is it the right file?")
        }
        ReadTrouble::Grew => "file grew past the 64 MiB limit while being read".to_string(),
        ReadTrouble::NotRead { error } => format!("cannot read: {}", printable(error)),
        ReadTrouble::Utf16 => "file is UTF-16, expected UTF-8; convert it with `iconv -f UTF-16 -t UTF-8`".to_string(),
        ReadTrouble::CutShort => {
            "unexpected end of file in the middle of a character; the file looks cut short".to_string()
        }
        ReadTrouble::Legacy(legacy) => {
            let looks = match legacy {
                Legacy::Gb18030 => "GB18030/GBK, common in Chinese newsrooms",
                Legacy::Big5 => "Big5, common for Traditional Chinese",
                Legacy::ShiftJis => "Shift_JIS, common for Japanese on Windows",
                Legacy::EucJp => "EUC-JP, common for Japanese",
            };
            let name = legacy.iconv_name();
            format!("file is not UTF-8 (it looks like {looks}); convert it with `iconv -f {name} -t UTF-8`")
        }
        ReadTrouble::BadByte { byte, cut_off: true } => {
            format!("file is not UTF-8: byte 0x{byte:02X} starts a character that is cut off; save it as UTF-8")
        }
        ReadTrouble::BadByte { byte, cut_off: false } => {
            format!("file is not UTF-8: byte 0x{byte:02X} cannot start or continue a character; save it as UTF-8")
        }
        ReadTrouble::NamedIssueMissing { named, path } => format!(
            "this is a layout; the issue it names, \"{}\" ({}), is not there: name the issue, and this file with --layout",
            printable(named),
            printable(path)
        ),
    }
}

/// What is wrong with a page: its overlaps, fit, overset and boxes past the foot that are not
/// zero, else that it fits.
fn wrong_on_page(fit: i64, overset: usize, past_foot: usize, overlaps: usize) -> String {
    let counts = [overlaps as i64, fit, overset as i64, past_foot as i64];
    super::what_is_wrong(
        counts,
        [&|n| plural(n as usize, "overlap"), &|n| format!("fit {n:+}"), &|n| format!("{n} overset"), &|n| {
            format!("{n} past foot")
        }],
        ", ",
        "fits",
    )
}

/// What `X` adds to a message of a box sent to the bin: whether a box under it rose.
fn pulled_clause(pulled: Option<bool>) -> &'static str {
    match pulled {
        Some(true) => "; the boxes under it pulled up",
        Some(false) => "; no box under it could rise",
        None => "",
    }
}
