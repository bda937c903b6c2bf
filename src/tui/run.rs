//! The editor's loop: draw, wait for an event (or half a second), update, do the file work
//! the update asked for, journal unsaved changes.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crossterm::event::Event;

use pasteup_core::catalogue::{Damaged, DiskChange, PartName, Render, SetAside, Status, UiLang};
use pasteup_core::document::{Opened, input_named_by, issue_as_saved, issue_relative_to, open_to_edit, photo_named_by};
use pasteup_core::fit::width::AmbiWidth;
use pasteup_core::format::{self, Note, save_layout};
use pasteup_core::journal::{self, Journal, Locked, Reading, remove_journal, write_journal};
use pasteup_core::layout::Makeup;
use pasteup_core::merge;
use pasteup_core::model::Layout;
use pasteup_core::problem::Problem;
use pasteup_core::reload;
use pasteup_core::watch::FileWatch;
use pasteup_core::{export, sample};

use super::app::{App, Document, Effect, Msg, Overlay, Tone};
use super::cells::Widths;
use super::terminal::{self, Input};

/// Exit code for input that cannot be used (as the command line's).
const EXIT_INVALID: u8 = 2;

/// What the editor is opened on.
#[derive(Debug, Clone, Default)]
pub struct EditorOptions {
    /// The issue (`None`: the built-in sample).
    pub issue: Option<PathBuf>,
    /// The layout (`None`: the one beside the issue).
    pub layout: Option<PathBuf>,
    /// How wide the terminal draws “ ” × — … .
    pub ambiwidth: AmbiWidth,
    /// The language the editor speaks.
    pub lang: UiLang,
}

/// How often unsaved changes are written to the recovery file, at most.
const JOURNAL_EVERY: Duration = Duration::from_secs(1);
/// How long the loop waits for input before it looks at the files on disk.
const WAIT: Duration = Duration::from_millis(500);

/// After the files could not be opened: the unsaved work of editors that stopped, kept for
/// when they open again, named so that no one gives it up for lost.
fn say_waiting_work(cli: &EditorOptions) {
    let Some(issue) = cli.issue.as_deref() else { return };
    for path in journal::waiting_for(issue, cli.layout.as_deref(), journal::spare_dir().as_deref()) {
        let path = path.strip_prefix(".").unwrap_or(&path);
        let file = format::printable_path(path);
        errln!("pasteup: {}", Note::RecoveryWaiting { file }.render(cli.lang));
    }
}

/// Opens the editor on the command line's issue (or the sample) and runs it to the end.
pub fn run(cli: &EditorOptions) -> ExitCode {
    let opened = match open_to_edit(cli.issue.as_deref(), cli.layout.as_deref()) {
        Ok(o) => o,
        Err(e) => {
            errln!("{}", e.render(cli.lang));
            say_waiting_work(cli);
            return ExitCode::from(EXIT_INVALID);
        }
    };
    // Into a pipe or a file the editor would write only escape codes: say what to use instead.
    if !std::io::stdout().is_terminal() {
        errln!(
            "pasteup: the editor draws on a terminal, and standard output is not one; \
             for the pages as text use `pasteup proof` or `pasteup export --format text`"
        );
        return ExitCode::from(EXIT_INVALID);
    }
    // A dumb terminal cannot move its cursor: the editor would print a screen of escape codes.
    if std::env::var("TERM").is_ok_and(|term| term == "dumb") {
        errln!(
            "pasteup: the editor needs a terminal that can move its cursor, and TERM is dumb; \
             set TERM to what the terminal is (e.g. TERM=xterm-256color), or use `pasteup check`, \
             `pasteup proof` and `pasteup export`"
        );
        return ExitCode::from(EXIT_INVALID);
    }
    let mut app = editor(&opened, cli.ambiwidth);
    app.lang = cli.lang;
    // Held until the editor ends; dropping it removes the lock file.
    let mut lock = lock_layout(&mut app);
    let mut term = match terminal::enter() {
        Ok(t) => t,
        Err(e) => {
            terminal::leave();
            errln!("pasteup: cannot use this terminal: {e}");
            return ExitCode::from(EXIT_INVALID);
        }
    };
    if let Ok(size) = term.terminal().size() {
        app.update(Msg::Resize(size.width, size.height));
    }
    let result = event_loop(&mut term, &mut app, &mut lock);
    if result.is_err() {
        journal_now(&mut app);
    }
    // A terminal that is gone cannot show the cursor again, and ratatui's drop would say so
    // on a standard error that is gone too, which panics: it is let go without its drop.
    // Nor is a terminal given back already (the editor stopped, then ended) touched again.
    if !terminal::taken() || term.terminal_mut().show_cursor().is_err() {
        std::mem::forget(term);
    }
    terminal::leave();
    match result {
        Ok(Some(signal)) => {
            // Stopped from outside: unsaved work stays in the recovery file, offered next time
            // (found from outside: said so even where the file could not be written).
            if app.is_dirty() {
                let journal = app.doc.journal.clone().unwrap_or_else(|| journal::journal_path(&app.doc.layout_path));
                let kept_in = (app.journaled == app.version()).then(|| app.doc.shown(&journal));
                let why = app.journal_error.clone().unwrap_or_default();
                errln!("pasteup: {}", Status::Stopped { kept_in, why }.render(app.lang));
            }
            ExitCode::from(u8::try_from(128 + signal).unwrap_or(u8::MAX))
        }
        Ok(None) => {
            // The editor only ends with its work saved or, asked, discarded: its own journal
            // and a dead editor's it restored have nothing left to keep.
            remove_own_journals(&app.doc);
            if let Some(restored) = app.doc.restored.take() {
                let_go_of_restored(&restored);
            }
            // Kept past a save: the journal it names is still there to be offered.
            journal::remove_claim(&app.doc.layout_path, app.doc.spare_dir.as_deref());
            ExitCode::SUCCESS
        }
        Err(e) => {
            errln!("pasteup: {e}");
            ExitCode::from(EXIT_INVALID)
        }
    }
}

/// The editor's state for an opened issue: problems and warnings become the first message,
/// a recovery file becomes the first question.
pub fn editor(opened: &Opened, ambiwidth: AmbiWidth) -> App {
    let makeup = Makeup::new(opened.issue.clone(), &opened.layout);
    let whole = |path: &Path| std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let doc = Document {
        issue_path: whole(&opened.issue_path),
        layout_path: whole(&opened.layout_path),
        is_sample: opened.is_sample,
        disk_layout: opened.layout_found.then(|| opened.layout.clone()),
        layout_stamp: journal::stamp(&opened.layout_path),
        issue_stamp: journal::stamp(&opened.issue_path),
        journals: Vec::new(),
        restored: None,
        asked_stamp: None,
        held: Default::default(),
        notes_decided: Vec::new(),
        restored_base: None,
        base: journal::base_of(&opened.layout_path),
        journal: None,
        spare_dir: journal::spare_dir(),
        removed_said: false,
        started_in: std::env::current_dir().ok(),
        newer_offered: None,
    };
    let widths = Widths { page_ambiguous_wide: opened.issue.language.ambiguous_is_wide(), terminal: ambiwidth };
    // The problems `check` lists, overlaps and overset boxes too (found from outside: a layout
    // with two boxes overlapping opened without a word).
    let mut problems = makeup.findings(&opened.problems, &opened.layout_path);
    // At their `file:line:col:` as `check` gives them (found from outside: the first message
    // named the layout file and no place in it).
    if opened.layout_found {
        format::place_page_problems(&mut problems, &opened.layout_src, &opened.layout_path);
    }
    let mut app = App::new(makeup, doc, widths);
    let more = (problems.len() + opened.warnings.len()).saturating_sub(1);
    if let Some(first) = problems.first() {
        app.say(Status::OpenProblem { first: first.clone(), more }, Tone::Warning);
    } else if let Some(first) = opened.warnings.first() {
        app.say(Status::OpenNotes { first: first.clone(), more }, Tone::Warning);
    }
    let found = journal::find_journals(&opened.layout_path, app.doc.spare_dir.as_deref());
    if let Some(why) = found.refused.first() {
        // Found from outside: "see pasteup check", which lists no recovery file.
        app.say(Status::RecoveryNotes { first: why.clone(), more: found.refused.len() - 1 }, Tone::Warning);
    }
    app.doc.journals = found.journals;
    offer_next_journal(&mut app);
    app
}

/// The editor's hold on the layout's advisory lock.
pub struct LayoutLock {
    held: Option<journal::Lock>,
    waiting: Waiting,
    /// The holder the editor last said has it.
    told: Option<String>,
}

/// What an editor without the lock waits for before it takes it.
#[derive(PartialEq)]
enum Waiting {
    /// Nothing: it holds the lock, or could not take it for a reason a wait does not mend.
    No,
    /// Another editor to let it go.
    Holder,
    /// The lock file to be made, which failed (a read-only folder): tried again, so that an
    /// editor opened while the folder could not be written takes the lock once it can (found
    /// from outside: it never did, and a second editor opened with no warning).
    Failed,
    /// The layout's folder, not there at the start: the lock goes to the editor with changes
    /// (its journal makes the folder), not to one that merely started beside it (found from
    /// outside: two editors on the sample in a new folder, and the untouched one took it).
    Folder,
}

impl LayoutLock {
    /// Whether this editor holds the lock.
    pub fn is_held(&self) -> bool {
        self.held.is_some()
    }

    /// Takes the lock once the editor that held it has let it go (found from outside: the
    /// first editor quit and removed the lock while a second still edited, and a third
    /// opened with no warning), or once the layout's folder is there (found from outside: the
    /// sample run in a new folder never took it). Another editor found holding it is said,
    /// once for each holder.
    pub fn take_if_free(&mut self, app: &mut App) {
        // The lock file removed (by hand, a clean-up): this editor takes it again, or says who
        // has it now (found from outside: two editors on one layout, neither warned). So too
        // when the layout's link now leads to another file: the lock goes with the layout.
        let layout = &app.doc.layout_path;
        if self.held.as_ref().is_some_and(|held| !held.still_held() || !held.is_for(layout)) {
            (self.held, self.waiting) = (None, Waiting::Holder);
        }
        if self.waiting == Waiting::No || !layout_dir(&app.doc.layout_path).is_dir() {
            return;
        }
        if self.waiting == Waiting::Folder && !app.is_dirty() {
            // Not its to take, but another editor that took it is said at once (found from
            // outside: the untouched one said so only after its first change).
            if let Some(owner) = journal::holder(&app.doc.layout_path, app.doc.spare_dir.as_deref()) {
                self.waiting = Waiting::Holder;
                self.tell(app, owner.to_string());
            }
            return;
        }
        match journal::lock(&app.doc.layout_path, app.doc.spare_dir.as_deref()) {
            Ok(Locked::Mine(lock)) => {
                (self.held, self.waiting, self.told) = (Some(lock), Waiting::No, None);
                app.elsewhere = false;
                // The warning named an editor that is gone (found from outside: it stayed up
                // after this one took the lock, naming a dead pid).
                if app.message.as_ref().is_some_and(|m| matches!(m.status, Status::OpenElsewhere { .. })) {
                    app.message = None;
                }
            }
            Ok(Locked::Theirs(owner)) => {
                self.waiting = Waiting::Holder;
                self.tell(app, owner.to_string());
            }
            Err(_) => {}
        }
    }

    /// Says that `owner` has the layout open, unless it was said of them already.
    fn tell(&mut self, app: &mut App, owner: String) {
        if self.told.as_ref() != Some(&owner) {
            app.say(Status::OpenElsewhere { owner: owner.clone() }, Tone::Warning);
            self.told = Some(owner);
        }
        app.elsewhere = true;
    }
}

/// The folder the layout is in.
fn layout_dir(layout: &Path) -> &Path {
    layout.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."))
}

/// Takes the advisory lock on the layout, or says in the status line who has it open.
pub fn lock_layout(app: &mut App) -> LayoutLock {
    // A layout in a folder not made yet (the sample before its first change) is locked once
    // the folder is there.
    let mut lock = LayoutLock { held: None, waiting: Waiting::Folder, told: None };
    if !layout_dir(&app.doc.layout_path).is_dir() {
        return lock;
    }
    lock.waiting = Waiting::No;
    match journal::lock(&app.doc.layout_path, app.doc.spare_dir.as_deref()) {
        Ok(Locked::Mine(held)) => lock.held = Some(held),
        Ok(Locked::Theirs(owner)) => {
            lock.waiting = Waiting::Holder;
            lock.tell(app, owner.to_string());
        }
        Err(e) => {
            lock.waiting = Waiting::Failed;
            app.say(Status::NotLocked { error: format::printable(&e.to_string()) }, Tone::Warning);
        }
    }
    lock
}

/// Asks about the newest journal a dead editor left, if one is left to ask about. A damaged
/// one (a power cut) is said as such in the question, with how much of it can be restored;
/// one that holds nothing to restore is set aside and said, not asked about (found from
/// outside: such a journal was offered as any other, and only `y` told it could not be read).
fn offer_next_journal(app: &mut App) {
    let Some(first) = app.doc.journals.first() else { return };
    let damaged = match journal::read_back(&first.path) {
        Ok(Reading::Damaged(damage)) => match damage.salvaged {
            Some(salvaged) => Some(Damaged { line: damage.line, boxes: salvaged.boxes() }),
            None => {
                let dead = app.doc.journals.remove(0);
                let file = format::printable(&file_name(&dead.path));
                let aside = set_aside(&dead.path);
                app.say(Status::RecoveryNothingToRestore { file, line: damage.line, aside }, Tone::Warning);
                return offer_next_journal(app);
            }
        },
        // One that cannot be read at all is said at `y`, as before.
        Ok(Reading::Whole { .. }) | Err(_) => None,
    };
    app.overlay = Overlay::Recovery {
        file: format::printable(&file_name(&app.doc.layout_path)),
        age_secs: first.written.elapsed().ok().map(|d| d.as_secs()),
        by: first.owner.as_ref().map(|o| format::printable(&o.to_string())),
        more: app.doc.journals.len() - 1,
        saved_after: saved_after(&app.doc.layout_path, first),
        after_newer: app.doc.newer_offered.is_some_and(|newer| newer > first.written),
        damaged,
    };
}

/// Sets a damaged journal aside (`….damaged`), as a message says where.
fn set_aside(path: &Path) -> SetAside {
    match journal::set_aside(path) {
        Ok(aside) => SetAside::As { file: format::printable(&file_name(&aside)) },
        Err(e) => SetAside::NotMoved { error: format::printable(&e.to_string()) },
    }
}

/// Whether the journal at `path` is damaged: set aside, never removed, once its work is taken.
fn is_damaged(path: &Path) -> bool {
    matches!(journal::read_back(path), Ok(Reading::Damaged(_)))
}

/// Lets the dead editor's journal whose work this editor restored go, its work saved or
/// declined: removed, or a damaged one set aside.
fn let_go_of_restored(path: &Path) {
    if is_damaged(path) {
        let _ = journal::set_aside(path);
    } else {
        remove_journal(path);
    }
}

/// Whether the layout on disk is later than the journal's work: saved after it was written,
/// or another file than the one its work stands on (a journal that names it).
fn saved_after(layout: &Path, journal: &Journal) -> bool {
    let later = journal::stamp(layout).is_some_and(|saved| saved.modified > journal.written);
    // A layout removed since was not saved since (found from outside: said so of a layout
    // that was not there).
    let now = journal::base_of(layout);
    later || (now != "none" && journal.base.as_ref().is_some_and(|base| *base != now))
}

fn event_loop(term: &mut terminal::Term, app: &mut App, lock: &mut LayoutLock) -> std::io::Result<Option<i32>> {
    let mut last_journal = Instant::now() - JOURNAL_EVERY;
    let mut watch = FileWatch::new(&[&app.doc.issue_path, &app.doc.layout_path]);
    let mut watched_issue = app.doc.issue_path.clone();
    let stop = stop_signals();
    let suspend = suspend_signal();
    let mut keyboard = terminal::Keyboard::new();
    while !app.quit {
        let signal = stop.load(Ordering::Relaxed);
        if signal != 0 {
            journal_now(app);
            return Ok(i32::try_from(signal).ok());
        }
        if suspend.swap(false, Ordering::Relaxed) | std::mem::take(&mut app.suspend) {
            let resumed = suspend_and_resume(term, app, &stop);
            // The stop sent to the job's group came to this process too: it is done.
            suspend.store(false, Ordering::Relaxed);
            if resumed.is_err() {
                // The terminal cannot be taken again: it is gone, as in a hang-up.
                journal_now(app);
                return Ok(Some(signal_hook::consts::SIGHUP));
            }
            continue;
        }
        let repainted = if std::mem::take(&mut app.repaint) { term.repaint() } else { Ok(()) };
        if let Err(e) = repainted.and_then(|()| term.draw(|frame| frame.render_widget(&*app, frame.area()))) {
            journal_now(app);
            return if keyboard.hung_up() { Ok(Some(signal_hook::consts::SIGHUP)) } else { Err(e) };
        }
        let msg = match keyboard.wait(WAIT)? {
            Input::Event(Event::Key(key)) => Msg::Key(key),
            Input::Event(Event::Mouse(mouse)) => Msg::Mouse(mouse),
            Input::Event(Event::Resize(w, h)) => Msg::Resize(w, h),
            Input::Event(Event::Paste(text)) => Msg::Paste(text),
            Input::Event(_) | Input::Idle => Msg::Tick,
            Input::HungUp => {
                // As SIGHUP would: the work goes to the recovery file, offered next time.
                journal_now(app);
                return Ok(Some(signal_hook::consts::SIGHUP));
            }
        };
        let tick = matches!(msg, Msg::Tick);
        for effect in app.update(msg) {
            perform(app, effect);
        }
        // The issue followed to another file (their layout named it) is watched from then on.
        if watched_issue != app.doc.issue_path {
            watched_issue = app.doc.issue_path.clone();
            watch = FileWatch::new(&[&app.doc.issue_path, &app.doc.layout_path]);
        }
        // Taken every time round, so a burst of events wakes one look.
        let woken = watch.woken();
        if tick || woken {
            look_at_disk(app);
            lock.take_if_free(app);
        }
        if last_journal.elapsed() >= JOURNAL_EVERY && journal_now(app) {
            last_journal = Instant::now();
        }
    }
    Ok(None)
}

/// SIGTSTP (a job-control stop, `kill -TSTP`; `Ctrl-Z` is a key in raw mode) sets the flag
/// returned: the loop gives the terminal back, stops, and takes it again when continued
/// (found from outside: the stopped editor left the shell in raw mode under its page, and
/// after `fg` read keys as lines, unredrawn).
fn suspend_signal() -> Arc<AtomicBool> {
    let suspend = Arc::new(AtomicBool::new(false));
    let _ = signal_hook::flag::register(signal_hook::consts::SIGTSTP, Arc::clone(&suspend));
    suspend
}

/// Stops the editor as SIGTSTP would, its work in the recovery file first (a stopped job may
/// be killed) and the terminal given back; continued, takes the terminal again and draws the
/// whole screen — unless a stop signal came meanwhile (`stop`): continued by a hang-up, or by
/// `kill %1` (SIGTERM, then SIGCONT), the editor ends without the terminal, which is gone or
/// the shell's (found from outside: it said `No such device or address` and nothing of its
/// work, or stayed stopped holding its lock).
fn suspend_and_resume(term: &mut terminal::Term, app: &mut App, stop: &AtomicUsize) -> std::io::Result<()> {
    journal_now(app);
    terminal::leave();
    // The whole job stops, as a shell's Ctrl-Z stops it, and then this process (its own
    // SIGTSTP only sets the flag). Found from outside: under a wrapper (`sh` script, `cargo
    // run`) only the editor stopped, and the shell waited on the wrapper with no prompt.
    let _ = rustix::process::kill_current_process_group(rustix::process::Signal::TSTP);
    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGSTOP);
    if stopped_meanwhile(stop) {
        return Ok(());
    }
    *term = terminal::resume()?;
    Ok(())
}

/// Whether a stop signal came while the editor was stopped. One sent just before the SIGCONT
/// (`kill %1`) may be handled on another thread a moment after this one goes on: it is waited
/// for a tenth of a second before the terminal is taken again (found in CI, under load, the
/// editor took the shell's terminal again before it saw the SIGTERM).
fn stopped_meanwhile(stop: &AtomicUsize) -> bool {
    let until = Instant::now() + Duration::from_millis(100);
    loop {
        if stop.load(Ordering::Relaxed) != 0 {
            return true;
        }
        if Instant::now() >= until {
            return false;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// The stop signals (a `kill`, a closed terminal; [`STOP_SIGNALS`]) set the number returned: the loop writes
/// the recovery file and ends, and the terminal is given back. A SIGTERM after either, if the
/// loop is slow to see the first, ends the process at once, as without a handler (found from
/// outside: a SIGTERM after a SIGHUP did nothing). A second SIGHUP does not: a dropped SSH
/// session sends two at once (the kernel's to the terminal's foreground, the shell's to its
/// jobs), and the loop must still write the last second's work to the recovery file.
pub fn stop_signals() -> Arc<AtomicUsize> {
    let stop = Arc::new(AtomicUsize::new(0));
    for signal in STOP_SIGNALS {
        let _ = signal_hook::flag::register_usize(signal, Arc::clone(&stop), signal as usize);
    }
    end_at_a_second_signal(Arc::clone(&stop));
    stop
}

/// The signals that end a process by default and can be caught: SIGTERM, SIGHUP and SIGINT, and
/// the rarer ones (`kill -QUIT`, `-USR1`, `-USR2`, `-ALRM`, a CPU-time limit's SIGXCPU and
/// SIGVTALRM), each of which ended the editor with its terminal raw, the last second's work
/// lost and its lock left behind (found from outside).
const STOP_SIGNALS: [i32; 9] = {
    use signal_hook::consts::*;
    [SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGXCPU, SIGVTALRM]
};

/// How long a second stop signal leaves the loop to end by itself before it ends the process.
const SECOND_SIGNAL_GRACE: Duration = Duration::from_millis(500);

/// Ends the process at a second stop signal that is not a second SIGHUP, from a thread of its
/// own, half a second later unless the loop has ended it by then: unlike an exit in the signal handler, it removes the lock files first (found from
/// outside: an editor so ended left its lock file naming a dead pid), and, as the hang-up
/// watch does, the temporary file of a save under way, gives the terminal back and says where
/// the work is ([`crate::ending::end_now`]; found from outside: a second SIGTERM while a save
/// was stuck in fsync left the terminal on the alternate screen and said nothing). Each signal is a byte
/// on a socket of its own, so two at once are counted as two; and whatever their order, two
/// end it when one is a SIGTERM or SIGINT. The exit code is the last signal's, as `last` (set
/// before the byte is written) holds it: the sockets do not tell which came first.
fn end_at_a_second_signal(last: Arc<AtomicUsize>) {
    use signal_hook::consts::SIGHUP;
    let mut told = Vec::new();
    for signal in STOP_SIGNALS {
        let Ok((reader, writer)) = std::os::unix::net::UnixStream::pair() else { return };
        if signal_hook::low_level::pipe::register(signal, writer).is_err() {
            return;
        }
        told.push((signal, reader));
    }
    let _ = std::thread::Builder::new().name("second signal".into()).spawn(move || {
        let (mut signals, mut terminations) = (0, 0);
        loop {
            use rustix::event::{PollFd, PollFlags};
            let mut fds: Vec<PollFd> = told.iter().map(|(_, r)| PollFd::new(r, PollFlags::IN)).collect();
            match rustix::event::poll(&mut fds, None) {
                Ok(_) => {}
                Err(rustix::io::Errno::INTR) => continue,
                Err(_) => return,
            }
            let ready: Vec<bool> = fds.iter().map(|fd| fd.revents().contains(PollFlags::IN)).collect();
            for ((signal, reader), ready) in told.iter().zip(ready) {
                let mut byte = [0u8; 1];
                if !ready || !matches!(std::io::Read::read(&mut &*reader, &mut byte), Ok(1)) {
                    continue;
                }
                signals += 1;
                terminations += usize::from(*signal != SIGHUP);
                if signals >= 2 && terminations >= 1 {
                    // A stopped editor sees a shell's parting signals at once when continued
                    // (bash sends SIGHUP, SIGTERM, SIGCONT to its stopped jobs): a loop that
                    // is alive ends by itself within the grace, saying where the work is.
                    std::thread::sleep(SECOND_SIGNAL_GRACE);
                    let last = i32::try_from(last.load(Ordering::Relaxed)).unwrap_or(*signal);
                    let cause =
                        format!("ended by a second stop signal ({}) while busy", crate::ending::signal_name(last));
                    crate::ending::end_now(128 + last, &cause, crate::ending::Whose::Editor);
                }
            }
        }
    });
}

/// Writes this editor's journal when the desk holds changes it does not have yet, and removes
/// it when the desk has been undone back to what is saved (found from outside: a kill then
/// left the undone change to be offered back as unsaved work). A journal that cannot be
/// written is said at once, since the work is then unguarded — not over what else the status
/// says (a failed save), but again whenever it says nothing, and taken back when the journal
/// is written.
pub fn journal_now(app: &mut App) -> bool {
    if app.journaled == app.version() {
        return false;
    }
    let written = if app.is_dirty() {
        let base = app.doc.restored_base.clone().unwrap_or_else(|| app.doc.base.clone());
        let work = app.doc.held.kept_in(&current_layout(app));
        write_journal(&app.doc.layout_path, (&work, &base), app.doc.spare_dir.as_deref()).map(Some)
    } else {
        remove_own_journals(&app.doc);
        Ok(None)
    };
    match written {
        Ok(at) => {
            app.journaled = app.version();
            // Said once, when the journal first goes to the spare folder, with why: a folder
            // that takes no file takes no save either; a name too long takes a save, not the
            // journal's longer name.
            let spare = at.as_ref().and_then(|at| Some((&at.path, at.elsewhere?)));
            if let Some((spare, why)) = spare.filter(|(s, _)| app.doc.journal.as_ref() != Some(*s)) {
                let path = format::printable_path(spare);
                let status = match why {
                    journal::Elsewhere::NameTooLong => Status::JournalNameTooLong { path },
                    journal::Elsewhere::FolderRefused => Status::JournalElsewhere { path },
                    journal::Elsewhere::InTheWay => {
                        let beside = journal::journal_path(&app.doc.layout_path);
                        let name = beside.file_name().unwrap_or_default().to_string_lossy();
                        Status::JournalInTheWay { name: format::printable(&name), path }
                    }
                };
                app.say(status, Tone::Warning);
            }
            if let Some(at) = at {
                // Where the journal went before, if elsewhere, holds this editor's older work:
                // the layout's link was pointed at another file since (found from outside: it
                // was left, and offered later as the work of an editor on that file).
                let before = app.doc.journal.replace(at.path.clone());
                if let Some(before) = before.filter(|before| *before != at.path) {
                    remove_journal(&before);
                }
            }
            let said = app.message.as_ref().is_some_and(|m| matches!(m.status, Status::JournalNotWritten { .. }));
            if app.journal_error.take().is_some() && said {
                app.message = None;
            }
        }
        // Said at the first failure, then again whenever the status line says nothing else
        // (each key clears it): never over another message, never gone while it lasts.
        Err(e) => {
            let first = app.journal_error.is_none();
            let error = app.journal_error.get_or_insert_with(|| format::printable(&e.to_string())).clone();
            if first || app.message.is_none() {
                app.say(Status::JournalNotWritten { error }, Tone::Warning);
            }
        }
    }
    true
}

/// Removes this editor's journal: where the layout's path names it now, and where it was last
/// written, which is elsewhere when the layout's link was pointed at another file since.
fn remove_own_journals(doc: &Document) {
    journal::remove_own_journals(&doc.layout_path, doc.spare_dir.as_deref());
    if let Some(last) = &doc.journal {
        remove_journal(last);
    }
}

/// The desk as a layout, for the journal and to compare with the file: an issue a layout
/// cannot name (see [`layout_to_save`]) is named as the desk can.
fn current_layout(app: &App) -> Layout {
    layout_to_save(app, &app.doc.issue_path, &app.doc.layout_path)
        .unwrap_or_else(|_| app.makeup.to_layout(&issue_relative_to(&app.doc.issue_path, &app.doc.layout_path)))
}

/// The desk as a layout saved at `path` writes it, naming `issue` from there; refused when it
/// cannot name it (its file name is not UTF-8).
fn layout_to_save(app: &App, issue: &Path, path: &Path) -> Result<Layout, format::SaveError> {
    let named = issue_as_saved(issue, path, named_issue(app))
        .map_err(|why| format::SaveError { file: path.to_path_buf(), why })?;
    Ok(app.makeup.to_layout(&named))
}

/// The issue as the layout on disk names it, as last read or written (see [`issue_as_saved`]).
fn named_issue(app: &App) -> Option<&str> {
    app.doc.disk_layout.as_ref().map(|l| l.issue.as_str())
}

/// Does the file work an update asked for.
pub fn perform(app: &mut App, effect: Effect) {
    match effect {
        // A save that failed or asked a question keeps the editor open.
        Effect::Quit { discard } => {
            app.quit = discard || !app.is_dirty();
            let asking = matches!(app.overlay, Overlay::ConfirmOverwrite(_) | Overlay::ConfirmDropNotes { .. });
            app.quit_when_saved = !app.quit && asking;
        }
        Effect::DiscardRecovery if app.doc.journals.is_empty() => {}
        Effect::Save { force } => save(app, force),
        Effect::SaveCopy { path, force } => save_copy(app, &path, force),
        Effect::Export => export(app),
        Effect::Restore => restore(app),
        Effect::DiscardRecovery => {
            let dead = app.doc.journals.remove(0);
            // Found from outside: the stale journal a read-only folder kept beside the layout
            // was offered after the newer one as any other; it is said to be older.
            app.doc.newer_offered = app.doc.newer_offered.max(Some(dead.written));
            // A damaged one is set aside, never removed: what lies past its damage may still be
            // read by hand.
            if is_damaged(&dead.path) {
                let aside = set_aside(&dead.path);
                app.say(Status::RecoveryDamagedDeclined { aside }, Tone::Warning);
            // Found from outside: in a read-only folder `n` removed nothing and said nothing.
            } else if let Err(e) = journal::discard_journal(&dead.path) {
                let file = format::printable_path(&dead.path);
                let error = format::printable(&e.to_string());
                app.say(Status::RecoveryNotDiscarded { file, error }, Tone::Warning);
            }
            offer_next_journal(app);
        }
        Effect::LoadTheirs => load_theirs(app),
        Effect::Suspend => app.suspend = true,
        Effect::Repaint => app.repaint = true,
    }
}

fn save(app: &mut App, force: bool) {
    save_by(app, force, || {})
}

/// Ctrl-s, with `meanwhile` run between the temporary file written and the last look at the
/// layout on disk before the rename: where a test puts another program's write.
pub fn save_by(app: &mut App, force: bool, meanwhile: impl FnOnce()) {
    let _ = same_layout_on_disk(app);
    let doc = app.doc.clone();
    // Taken before the question's look, so a write after it is seen at the rename.
    let seen = journal::stamp(&doc.layout_path);
    if !force && let Some(why) = changed_on_disk(&doc) {
        app.overlay = Overlay::ConfirmOverwrite(why);
        return;
    }
    // A merge's notes are the only record of what the other side did: dropped only when the
    // page editor says they are decided (found from outside: one Ctrl-s dropped notes never seen).
    let notes = doc.disk_layout.as_ref().map(|l| l.conflicts.as_slice()).unwrap_or_default();
    if let Some(first) = notes.first()
        && notes != doc.notes_decided.as_slice()
    {
        let first = format::printable(first.on_item().unwrap_or("issue"));
        app.overlay = Overlay::ConfirmDropNotes { notes: notes.len(), first };
        return;
    }
    if doc.is_sample
        && let Err(e) = write_sample_issue(&doc.issue_path)
    {
        app.say(Status::NotSaved { error: e }, Tone::Warning);
        return;
    }
    // A save writes the layout as pasteup writes it: a colleague's `//` notes in the file go,
    // and the status line says how many (found from outside: a Ctrl-s with no change dropped
    // four comment lines and said only "Saved").
    // Only a plain file is read: opening a pipe no program writes waits for ever.
    let text = format::only_a_file(&doc.layout_path).and_then(|()| format::read_text(&doc.layout_path));
    let comments = text.map_or(0, |text| format::comment_lines(&text));
    let saved = layout_to_save(app, &doc.issue_path, &doc.layout_path)
        .and_then(|layout| format::save_layout_over_by(&doc.layout_path, &layout, seen, meanwhile));
    match saved {
        // Another program wrote the layout during the save: nothing replaced, and the same
        // question as before a save (found from outside: a save slowed in fsync renamed over
        // their write and said "Saved").
        Err(e) if e.why == format::SaveTrouble::ChangedMeanwhile => {
            app.overlay = Overlay::ConfirmOverwrite(DiskChange::Layout { file: file_name(&doc.layout_path) });
        }
        Ok(()) => {
            app.mark_saved();
            app.doc.restored_base = None;
            app.doc.base = journal::base_of(&doc.layout_path);
            app.doc.layout_stamp = journal::stamp(&doc.layout_path);
            // This editor's journal, and the dead one whose work it restored, are saved now.
            remove_own_journals(&doc);
            if let Some(restored) = app.doc.restored.take() {
                let_go_of_restored(&restored);
            }
            app.doc.disk_layout = Some(current_layout(app));
            let path = doc.shown(&doc.layout_path);
            let said = match comments {
                0 => Status::Saved { path },
                lines => Status::SavedDroppingComments { path, lines },
            };
            app.say(said, Tone::Info);
        }
        Err(e) => app.say(Status::NotSaved { error: e }, Tone::Warning),
    }
}

/// `path` with a leading `~` (alone or before `/`) as the home folder, as a shell has it.
pub fn home_expanded(path: &Path, home: Option<PathBuf>) -> PathBuf {
    match (path.strip_prefix("~"), home) {
        (Ok(rest), Some(home)) => home.join(rest),
        _ => path.to_path_buf(),
    }
}

/// `:w FILE`: the layout written to FILE, naming the issue from FILE's folder; the open layout
/// stays as it is (unsaved, if it was). FILE that is the open layout is a plain save; FILE
/// that is the issue is refused.
fn save_copy(app: &mut App, path: &Path, force: bool) {
    let expanded = home_expanded(path, std::env::var_os("HOME").map(PathBuf::from));
    let path = expanded.as_path();
    // The open layout may not be on disk yet: then only its own path names it.
    let same = |a: &Path, b: &Path| a == b || format::same_file(a, b);
    if same(path, &app.doc.layout_path) {
        return save(app, false);
    }
    let shown = format::printable_path(path);
    if same(path, &app.doc.issue_path) {
        return app.say(Status::CopyIsIssue { path: shown }, Tone::Warning);
    }
    // Not even with `:w!` (found from outside: `:w! PHOTO` wrote the layout over a photo).
    // A photo not there yet too (found from outside: `:w nothere.png` wrote the layout there).
    if photo_named_by(app.makeup.issue(), &app.doc.issue_path, path).is_some() {
        return app.say(Status::CopyIsPhoto { path: shown }, Tone::Warning);
    }
    // Nor a lock or a journal (found from outside: `:w!` wrote over a dead editor's journal,
    // and its work was lost).
    if journal::is_own_file(path) {
        return app.say(Status::CopyIsOwnFile { path: shown }, Tone::Warning);
    }
    // Nor the terminal the editor draws on (found from outside: `:w! /dev/stdout` wrote the
    // layout over the screen, which did not come back).
    if is_terminal_device(path) {
        return app.say(Status::CopyIsTerminal { path: shown }, Tone::Warning);
    }
    if path.is_dir() {
        let example = format::printable_path(&path.join("NAME.layout.ron"));
        return app.say(Status::CopyIsFolder { path: shown, example }, Tone::Warning);
    }
    // As vim's `:w FILE`: a file already there is written over only with `:w! FILE` (found
    // from outside: a photo of the issue was written over without a word). A link that leads
    // to no file names the file to make, as a save through it takes it (found from outside:
    // said to exist).
    if !force && std::fs::metadata(path).is_ok() {
        return app.say(Status::CopyExists { path: shown }, Tone::Warning);
    }
    // A copy of the sample names the sample's issue, written where Ctrl-s writes it; where
    // that cannot be, beside the copy, once the copy is written; failing that, the copy opens
    // with the built-in sample (found from outside: it named an issue that was nowhere, and
    // the sample opened with it could not be saved; found in review: a copy refused left an
    // issue and photos behind).
    let (issue_path, sample) = if app.doc.is_sample && write_sample_issue(&app.doc.issue_path).is_err() {
        match sample_issue_beside(path) {
            Some(issue) => (issue, SampleIssue::Beside),
            None => (app.doc.issue_path.clone(), SampleIssue::Nowhere),
        }
    } else {
        (app.doc.issue_path.clone(), SampleIssue::Written)
    };
    let copy = |issue: &Path| layout_to_save(app, issue, path).and_then(|layout| save_layout(path, &layout));
    let sample = match copy(&issue_path) {
        Err(e) => return app.say(Status::CopyNotWritten { error: e }, Tone::Warning),
        Ok(()) if sample == SampleIssue::Beside && !write_sample_beside(&issue_path) => {
            match copy(&app.doc.issue_path) {
                Err(e) => return app.say(Status::CopyNotWritten { error: e }, Tone::Warning),
                Ok(()) => SampleIssue::Nowhere,
            }
        }
        Ok(()) => sample,
    };
    match sample {
        SampleIssue::Nowhere => app.say(Status::SavedSampleCopy { path: shown }, Tone::Warning),
        SampleIssue::Beside => {
            let issue = app.doc.shown(&issue_path);
            app.say(Status::SavedSampleCopyBeside { path: shown, issue }, Tone::Warning)
        }
        SampleIssue::Written => app.say(Status::SavedCopy { path: shown }, Tone::Info),
    }
}

/// The layout's stamp changed and its placements did not (a `chmod`, a `touch`, another
/// editor saving the same layout): the new stamp is taken, and a save asks nothing (found from
/// outside: after `chmod a-w` and back, Ctrl-s asked about a change no one made). True when
/// it was so.
fn same_layout_on_disk(app: &mut App) -> bool {
    let now = journal::stamp(&app.doc.layout_path);
    let moved = now.is_some() && now != app.doc.layout_stamp;
    let same = moved && app.doc.disk_layout.is_some() && disk_layout_now(app) == app.doc.disk_layout;
    if same {
        app.doc.layout_stamp = now;
        app.doc.base = journal::base_of(&app.doc.layout_path);
    }
    same
}

/// What changed on disk since the editor read or wrote the files, in words.
fn changed_on_disk(doc: &Document) -> Option<DiskChange> {
    // Found from outside: a recovery file older than a later save, restored and saved, wrote
    // over that save without a word.
    if doc.restored_base.is_some() && journal::stamp(&doc.layout_path).is_some() {
        return Some(DiskChange::SavedAfterRecovery { file: file_name(&doc.layout_path) });
    }
    let layout_now = journal::stamp(&doc.layout_path);
    if layout_now.is_some() && layout_now != doc.layout_stamp {
        return Some(DiskChange::Layout { file: file_name(&doc.layout_path) });
    }
    let issue_now = journal::stamp(&doc.issue_path);
    if !doc.is_sample && issue_now != doc.issue_stamp {
        return Some(DiskChange::Issue { file: file_name(&doc.issue_path) });
    }
    None
}

/// The issue changed on disk: load it again. The layout changed on disk (another program
/// saved it): ask before anything is replaced. Our own saves are told by their stamps.
pub fn look_at_disk(app: &mut App) {
    if !app.doc.is_sample && journal::stamp(&app.doc.issue_path) != app.doc.issue_stamp {
        reload_issue(app);
    }
    let layout_now = journal::stamp(&app.doc.layout_path);
    // Found from outside: a layout removed from disk while open went unsaid until a save
    // quietly wrote it again.
    let removed = layout_now.is_none() && app.doc.layout_stamp.is_some();
    if removed {
        // The file no longer holds the desk: unsaved, journalled, asked about at quit (found
        // from outside: a clean desk whose file was removed quit without a word, and a kill
        // then lost every placement).
        app.keep_desk_over_disk();
    }
    if !removed {
        app.doc.removed_said = false;
    } else if !app.doc.removed_said && app.overlay == Overlay::None && !app.prompt.open {
        app.doc.removed_said = true;
        app.say(Status::LayoutRemoved { file: file_name(&app.doc.layout_path) }, Tone::Warning);
    }
    let theirs = layout_now.is_some() && layout_now != app.doc.layout_stamp && layout_now != app.doc.asked_stamp;
    // Never over a question or the command line: a key meant for them must not answer this.
    if theirs && app.overlay == Overlay::None && !app.prompt.open {
        // A save of the same layout as the one read (another editor saving unchanged work)
        // changes the stamp and nothing else: no question (found from outside). Read only
        // when it would be asked, not at every look while a question is open.
        // And the desk, kept over a file that did not read or was gone, is saved again once
        // the file holds it (found from outside: the same bytes put back left it "unsaved").
        if same_layout_on_disk(app) {
            return saved_if_as_on_disk(app);
        }
        app.doc.asked_stamp = layout_now;
        // A pipe or a device is no save to load or merge, nor a folder, a file this editor
        // cannot read or one that does not read as a layout (cut short, garbled): said at
        // once, the desk kept (found from outside: each was offered as their save to merge
        // first, and only `y` said it could not be read).
        let path = &app.doc.layout_path;
        if let Err(e) = format::only_a_file(path).and_then(|()| format::load_layout(path).map(drop)) {
            app.keep_desk_over_disk();
            return app.say(Status::LayoutNotLoaded { error: e }, Tone::Warning);
        }
        app.overlay = Overlay::TheirLayout { file: file_name(&app.doc.layout_path), merge: app.is_dirty() };
    }
}

/// The layout on disk now, checked against the open issue as a load would, if it reads.
fn disk_layout_now(app: &App) -> Option<Layout> {
    let path = &app.doc.layout_path;
    format::only_a_file(path).ok()?;
    let (raw, src) = format::load_layout(path).ok()?;
    Some(format::check_layout(app.makeup.issue_arc(), &raw, &src, path).layout)
}

/// The copy desk saved the issue: the layout stays, every box is set again from the new
/// copy. An issue that cannot be read is not loaded; the last good one stays.
fn reload_issue(app: &mut App) {
    app.doc.issue_stamp = journal::stamp(&app.doc.issue_path);
    let path = &app.doc.issue_path;
    let loaded = match format::only_a_file(path).and_then(|()| format::load_issue(path)) {
        Ok(loaded) => loaded,
        Err(e) => return app.say(Status::IssueNotReloaded { error: e }, Tone::Warning),
    };
    // Only the overlaps the new copy made are said as such (found from outside: every reload
    // said two boxes "now overlap" that had overlapped since the layout opened).
    let overlapped_before = overlaps(app);
    let (makeup, changes) = reload::reload(&app.makeup, loaded.value, &mut app.doc.held);
    app.replace_makeup(makeup, changes.dropped);
    // Found from outside: an item renamed in the issue and back was put back where it stood,
    // and the desk, now the same as the file, still said "unsaved".
    saved_if_as_on_disk(app);
    let file = file_name(&app.doc.issue_path);
    let overlapping = overlaps(app).into_iter().filter(|o| !overlapped_before.contains(o)).collect();
    let tone = if changes.binned.is_empty() { Tone::Info } else { Tone::Warning };
    let status = Status::IssueReloaded {
        file,
        changed: changes.changed.len(),
        added: changes.added.len(),
        removed: changes.removed.iter().filter(|id| !changes.taken_off.contains(id)).cloned().collect(),
        taken_off: changes.taken_off,
        restored: changes.restored,
        binned: changes.binned,
        overlapping,
    };
    app.say(status, tone);
}

/// The overlapping pairs of boxes on the desk's pages: page, then each box's item and part.
fn overlaps(app: &App) -> Vec<(u32, PartName, PartName)> {
    let pairs = app.makeup.page_problems().into_iter().filter_map(|p| match p {
        Problem::Overlap { page, item, part, other, other_part } => Some((page, (item, part), (other, other_part))),
        _ => None,
    });
    pairs.collect()
}

/// `y` to another program's layout: load it, or merge it into our unsaved one (their saved
/// layout against the one we last read, placement by placement; ours wins a conflict).
fn load_theirs(app: &mut App) {
    let path = app.doc.layout_path.clone();
    let (raw, src) = match format::only_a_file(&path).and_then(|()| format::load_layout(&path)) {
        Ok(read) => read,
        Err(e) => {
            app.keep_desk_over_disk();
            return app.say(Status::LayoutNotLoaded { error: e }, Tone::Warning);
        }
    };
    let followed = follow_named_issue(app, &raw.issue);
    let issue = app.makeup.issue_arc().clone();
    let theirs = format::check_layout(&issue, &raw, &src, &path).layout;
    app.doc.layout_stamp = journal::stamp(&path);
    let file = file_name(&path);
    if app.is_dirty() {
        let base = app.doc.disk_layout.clone().unwrap_or_else(|| Layout {
            issue: theirs.issue.clone(),
            pages: Vec::new(),
            conflicts: Vec::new(),
        });
        let ours = current_layout(app);
        let merged = merge::merge_checked(&issue, None, &base, &ours, &theirs);
        // A conflict on the layout's own issue is on no item: named by the field.
        let name = |c: &pasteup_core::model::Conflict| c.on_item().unwrap_or("issue").to_string();
        // Only this merge's: a note their file carried is one to look at, not a box both
        // changed here (found from outside: a note on snow-traffic in their save was told as
        // "kept yours where both changed: snow-traffic", a box the editor never touched).
        let new = merge::new_conflicts(&merged, &ours, &theirs);
        let (both, held): (Vec<_>, Vec<_>) = merged.conflicts.iter().partition(|c| c.both_changed() && new.contains(c));
        let (conflicts, notes) = (both.into_iter().map(name).collect(), held.into_iter().map(name).collect());
        app.replace_makeup(Makeup::new(issue, &merged), true);
        app.doc.disk_layout = Some(theirs);
        app.doc.base = journal::base_of(&app.doc.layout_path);
        // Both made the same changes: what stands is what is on disk (found from outside:
        // it stayed "unsaved").
        saved_if_as_on_disk(app);
        app.say(Status::LayoutMerged { file, conflicts, notes, issue: followed }, Tone::Info);
    } else {
        app.replace_makeup(Makeup::new(issue, &theirs), false);
        app.doc.disk_layout = Some(theirs);
        app.doc.base = journal::base_of(&app.doc.layout_path);
        app.say(Status::LayoutLoaded { file, issue: followed }, Tone::Info);
    }
}

/// Their layout names another issue than the open one, and it reads (another program renamed
/// or moved the issue): the editor takes that issue, its boxes set again from it, so a save
/// keeps their `issue:` as `pasteup merge` does (found from outside: a save wrote the old name
/// back unsaid). One that does not read is not taken: the open issue stays, and a save names
/// it, as a save of a layout opened with another issue does. The file name of the issue
/// taken, to be said (found from outside: the editor changed issues without a word).
fn follow_named_issue(app: &mut App, named: &str) -> Option<String> {
    let named_path = pasteup_core::document::layout_folder(&app.doc.layout_path).join(named);
    let other = !app.doc.is_sample && !named.is_empty() && !format::same_file(&named_path, &app.doc.issue_path);
    if !other || format::only_a_file(&named_path).and_then(|()| format::load_issue(&named_path)).is_err() {
        return None;
    }
    app.doc.issue_path = std::path::absolute(&named_path).unwrap_or(named_path);
    reload_issue(app);
    Some(format::printable(&file_name(&app.doc.issue_path)))
}

/// Unsaved is measured against the layout file: a desk that a reload or a merge brought back
/// to what the file holds is saved, whatever undo steps got it there.
fn saved_if_as_on_disk(app: &mut App) {
    if app.is_dirty() && app.doc.disk_layout.as_ref().is_some_and(|disk| *disk == current_layout(app)) {
        app.mark_saved();
        remove_own_journals(&app.doc);
    }
}

/// Whether `path` is a terminal. Only a character device is opened to ask: opening a pipe no
/// program reads would wait for ever.
fn is_terminal_device(path: &Path) -> bool {
    use std::os::unix::fs::FileTypeExt;
    let device = std::fs::metadata(path).is_ok_and(|m| m.file_type().is_char_device());
    device && std::fs::OpenOptions::new().write(true).open(path).is_ok_and(|f| f.is_terminal())
}

/// Where a copy of the sample found the sample's issue to name.
#[derive(PartialEq)]
enum SampleIssue {
    /// Where Ctrl-s writes it (or it is not the sample).
    Written,
    /// Beside the copy.
    Beside,
    /// Nowhere: the copy opens with the built-in sample.
    Nowhere,
}

/// The sample's issue as written beside a copy: its photos in `assets/` beside it.
fn sample_issue_text_beside() -> String {
    sample::ISSUE.replace("\"../assets/", "\"assets/")
}

/// Where the sample's issue goes beside `copy`, for a copy of the sample whose issue cannot be
/// written where Ctrl-s writes it; `None` where something else of its name is there already
/// (or cannot be read: it is not written over).
fn sample_issue_beside(copy: &Path) -> Option<PathBuf> {
    let folder = copy.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let issue_path = folder.join(sample::ISSUE_FILE);
    match std::fs::read(&issue_path) {
        Ok(there) if there == sample_issue_text_beside().as_bytes() => Some(issue_path),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Some(issue_path),
        _ => None,
    }
}

/// Writes the sample's issue at `issue_path` (from [`sample_issue_beside`]) unless it is there,
/// and its photos beside it; whether the issue is there now.
fn write_sample_beside(issue_path: &Path) -> bool {
    let written = issue_path.exists() || format::save_atomic(issue_path, sample_issue_text_beside().as_bytes()).is_ok();
    if written {
        let folder = issue_path.parent().unwrap_or(Path::new("."));
        write_sample_photos(folder, |name| name.trim_start_matches("../"));
    }
    written
}

/// The built-in sample is saved as a copy of its issue beside the layout.
fn write_sample_issue(issue_path: &Path) -> Result<(), format::SaveError> {
    if issue_path.exists() {
        return Ok(());
    }
    if let Some(dir) = issue_path.parent().filter(|d| !d.as_os_str().is_empty()) {
        // Named: found from outside, "Not a directory (os error 20)" said no path.
        std::fs::create_dir_all(dir).map_err(|e| {
            let why = match dir.ancestors().find(|d| d.exists()) {
                Some(file) if !file.is_dir() => format::SaveTrouble::NotAFolder { dir: format::printable_path(file) },
                _ => format::SaveTrouble::System { step: format::SaveStep::MakeFolder, error: e.to_string() },
            };
            format::SaveError { file: dir.to_path_buf(), why }
        })?;
    }
    format::save_atomic(issue_path, sample::ISSUE.as_bytes())?;
    write_sample_photos(issue_path.parent().unwrap_or(Path::new(".")), |name| name);
    Ok(())
}

/// The sample's photos, each where its issue in `folder` names it (`named` from the name the
/// built-in issue gives it), unless a file is there already. A photo that cannot be written
/// leaves a frame without a picture, not lost work, so nothing is said of it.
fn write_sample_photos(folder: &Path, named: impl Fn(&str) -> &str) {
    for (name, bytes) in sample::IMAGES {
        let path = folder.join(named(name));
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        if !path.exists() {
            let _ = std::fs::write(path, bytes);
        }
    }
}

/// `e`: the text page proof of the whole issue, beside the layout (`X.layout.ron` →
/// `X.proof.txt`), through the same code as `pasteup export --format text`.
fn export(app: &mut App) {
    let path = proof_path(&app.doc.layout_path);
    // Found from outside: an issue named `X.proof.txt` beside `X.layout.ron` was written over.
    let doc = &app.doc;
    if let Some(input) = input_named_by(app.makeup.issue(), &doc.issue_path, Some(&doc.layout_path), &[], &path) {
        return app.say(Status::ExportOverInput { path: doc.shown(&path), input }, Tone::Warning);
    }
    let options = export::Options {
        ambiwidth: app.widths.terminal,
        assets: export::Assets::for_issue(&app.doc.issue_path, app.doc.is_sample),
    };
    let bytes = export::render(&app.makeup, export::Format::Text, &options);
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        let _ = std::fs::create_dir_all(dir);
    }
    match export::write(&path, &bytes) {
        Ok(()) => app.say(Status::Exported { path: app.doc.shown(&path) }, Tone::Info),
        Err(e) => app.say(Status::NotExported { error: e.to_string() }, Tone::Warning),
    }
}

/// `X.layout.ron` → `X.proof.txt` in the same folder.
pub fn proof_path(layout: &Path) -> std::path::PathBuf {
    let name = layout.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let stem = name.strip_suffix(".layout.ron").or_else(|| name.strip_suffix(".ron")).unwrap_or(&name);
    layout.with_file_name(format!("{stem}.proof.txt"))
}

/// Restores the journal asked about; the others stay on disk for the next start.
fn restore(app: &mut App) {
    if app.doc.journals.is_empty() {
        return;
    }
    let journal = app.doc.journals.remove(0);
    let older = saved_after(&app.doc.layout_path, &journal);
    let Journal { path, base, .. } = journal;
    // One that cannot be read is kept on disk and the next is offered (found from outside: a
    // truncated newest journal dropped the good older one for the session, unsaid).
    let read = match journal::read_back(&path) {
        Ok(read) => read,
        Err(note) => {
            app.say(Status::OpenNotes { first: note, more: 0 }, Tone::Warning);
            return offer_next_journal(app);
        }
    };
    // A damaged one gives the boxes it holds whole, and past its damage the layout as last
    // saved (the question said so).
    let saved = || app.doc.disk_layout.clone().unwrap_or_default();
    let (read, damaged) = match read {
        Reading::Whole { layout, .. } => (Ok(layout), false),
        Reading::Damaged(journal::Damage { salvaged: Some(salvaged), .. }) => (Ok(salvaged.over(&saved())), true),
        Reading::Damaged(journal::Damage { line, salvaged: None }) => {
            (Err(format!("{}:{line}: damaged, nothing to restore", format::printable_path(&path))), true)
        }
    };
    match read {
        Ok(raw) => {
            let kept = std::mem::take(&mut app.doc.journals).len();
            // Boxes the issue as it is now cannot hold are held, as a reload holds them, to come
            // back when it has them (found in review: restored, they were dropped for good).
            let issue = app.makeup.issue_arc().clone();
            let (desk, settled) = reload::restore(&raw, issue, &mut app.doc.held);
            app.set_makeup(desk);
            app.makeup.mark_unsaved();
            app.journaled = usize::MAX;
            // Kept for a second crash: this editor's journal names the same base.
            app.doc.restored_base = older.then(|| base.unwrap_or_else(|| "older".to_string()));
            let tone = if settled.binned.is_empty() { Tone::Info } else { Tone::Warning };
            let (taken_off, binned) = (settled.taken_off, settled.binned);
            app.say(Status::Restored { kept, taken_off, binned, damaged: None }, tone);
            app.reselect();
            // The restored work becomes this editor's own journal at once, and the dead
            // editor's goes: left as it was, a third editor would offer it again and its `n`
            // deleted the only copy (found from outside: a second kill lost the work).
            journal_now(app);
            if app.journaled == app.version() {
                // A damaged one is set aside, never removed, and said where.
                let gone = if damaged {
                    let aside = set_aside(&path);
                    // Said with the restore, which stays the message unless a warning came since.
                    if let Some(super::app::Message { status: Status::Restored { damaged, .. }, .. }) = &mut app.message
                    {
                        *damaged = Some(aside.clone());
                    }
                    match aside {
                        SetAside::As { .. } => Ok(()),
                        SetAside::NotMoved { error } => Err(std::io::Error::other(error)),
                    }
                } else {
                    journal::discard_journal(&path)
                };
                // A folder that keeps it (read-only): recorded as restored here instead
                // (found from outside: a second editor was offered it while this one ran).
                if let Err(e) = gone {
                    let spare = app.doc.spare_dir.as_deref();
                    if journal::claim(&app.doc.layout_path, spare, &path).is_ok() {
                        let file = format::printable_path(&path);
                        let error = format::printable(&e.to_string());
                        app.say(Status::RecoveryClaimed { file, error }, Tone::Warning);
                    }
                }
            } else {
                app.mark_restored();
                app.doc.restored = Some(path);
            }
        }
        Err(e) => {
            app.say(Status::RecoveryUnreadable { error: e }, Tone::Warning);
            offer_next_journal(app);
        }
    }
}

fn file_name(path: &Path) -> String {
    format::printable_path(path.file_name().map_or(path, Path::new))
}
