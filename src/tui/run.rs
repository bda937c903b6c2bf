//! The editor's loop: draw, wait for an event (or half a second), update, do the file work
//! the update asked for, journal unsaved changes.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use crossterm::event::{self, Event};

use pasteup_core::catalogue::{DiskChange, Status, UiLang};
use pasteup_core::document::{Opened, issue_relative_to, open};
use pasteup_core::fit::width::AmbiWidth;
use pasteup_core::format::{self, save_layout};
use pasteup_core::journal::{self, read_recovery, remove_recovery, write_recovery};
use pasteup_core::layout::Makeup;
use pasteup_core::merge;
use pasteup_core::model::Layout;
use pasteup_core::reload;
use pasteup_core::watch::FileWatch;
use pasteup_core::{export, sample};

use super::app::{App, Document, Effect, Msg, Overlay, Tone};
use super::cells::Widths;
use super::terminal;

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

/// Opens the editor on the command line's issue (or the sample) and runs it to the end.
pub fn run(cli: &EditorOptions) -> ExitCode {
    let opened = match open(cli.issue.as_deref(), cli.layout.as_deref()) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(EXIT_INVALID);
        }
    };
    let mut app = editor(&opened, cli.ambiwidth);
    app.lang = cli.lang;
    let mut term = match terminal::enter() {
        Ok(t) => t,
        Err(e) => {
            terminal::leave();
            eprintln!("pasteup: cannot use this terminal: {e}");
            return ExitCode::from(EXIT_INVALID);
        }
    };
    if let Ok(size) = term.size() {
        app.update(Msg::Resize(size.width, size.height));
    }
    let result = event_loop(&mut term, &mut app, &opened);
    terminal::leave();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("pasteup: {e}");
            ExitCode::from(EXIT_INVALID)
        }
    }
}

/// The editor's state for an opened issue: problems and warnings become the first message,
/// a recovery file becomes the first question.
pub fn editor(opened: &Opened, ambiwidth: AmbiWidth) -> App {
    let makeup = Makeup::new(opened.issue.clone(), &opened.layout);
    let doc = Document {
        issue_path: opened.issue_path.clone(),
        layout_path: opened.layout_path.clone(),
        is_sample: opened.is_sample,
        disk_layout: opened.layout_found.then(|| opened.layout.clone()),
        layout_stamp: journal::stamp(&opened.layout_path),
        issue_stamp: journal::stamp(&opened.issue_path),
        asked_stamp: None,
    };
    let widths = Widths { page_ambiguous_wide: opened.issue.language.ambiguous_is_wide(), terminal: ambiwidth };
    let mut app = App::new(makeup, doc, widths);
    let notes: Vec<String> =
        opened.problems.iter().map(|p| p.to_string()).chain(opened.warnings.iter().cloned()).collect();
    if let Some(first) = notes.first() {
        app.say(Status::OpenNotes { first: first.clone(), more: notes.len() - 1 }, Tone::Warning);
    }
    if let Some((_, when)) = read_recovery(&opened.layout_path) {
        app.overlay = Overlay::Recovery {
            file: format::printable(&file_name(&opened.layout_path)),
            age_secs: when.elapsed().ok().map(|d| d.as_secs()),
        };
    }
    app
}

fn event_loop(term: &mut terminal::Term, app: &mut App, opened: &Opened) -> std::io::Result<()> {
    let mut last_journal = Instant::now() - JOURNAL_EVERY;
    let mut watch = FileWatch::new(&[&app.doc.issue_path, &app.doc.layout_path]);
    while !app.quit {
        term.draw(|frame| frame.render_widget(&*app, frame.area()))?;
        let msg = if event::poll(Duration::from_millis(500))? {
            match event::read()? {
                Event::Key(key) => Msg::Key(key),
                Event::Mouse(mouse) => Msg::Mouse(mouse),
                Event::Resize(w, h) => Msg::Resize(w, h),
                _ => Msg::Tick,
            }
        } else {
            Msg::Tick
        };
        let tick = matches!(msg, Msg::Tick);
        for effect in app.update(msg) {
            perform(app, effect, opened);
        }
        if tick || msg_changed_files(&mut watch) {
            look_at_disk(app);
        }
        if last_journal.elapsed() >= JOURNAL_EVERY && journal_now(app) {
            last_journal = Instant::now();
        }
    }
    Ok(())
}

/// Writes the recovery file when the desk holds changes it does not have yet.
pub fn journal_now(app: &mut App) -> bool {
    if !app.is_dirty() || app.journaled == app.version() {
        return false;
    }
    let layout = current_layout(app);
    if write_recovery(&app.doc.layout_path, &layout).is_ok() {
        app.journaled = app.version();
    }
    true
}

fn current_layout(app: &App) -> pasteup_core::model::Layout {
    app.makeup.to_layout(&issue_relative_to(&app.doc.issue_path, &app.doc.layout_path))
}

/// Does the file work an update asked for.
pub fn perform(app: &mut App, effect: Effect, opened: &Opened) {
    match effect {
        // A save that failed or asked a question keeps the editor open.
        Effect::Quit { discard } => app.quit = discard || !app.is_dirty(),
        Effect::Save { force } => save(app, force),
        Effect::Export => export(app),
        Effect::Restore => restore(app, opened),
        Effect::DiscardRecovery => remove_recovery(&app.doc.layout_path),
        Effect::LoadTheirs => load_theirs(app),
    }
}

fn save(app: &mut App, force: bool) {
    let doc = app.doc.clone();
    if !force && let Some(why) = changed_on_disk(&doc) {
        app.overlay = Overlay::ConfirmOverwrite(why);
        return;
    }
    if doc.is_sample
        && let Err(e) = write_sample_issue(&doc.issue_path)
    {
        app.say(Status::NotSaved { error: e.to_string() }, Tone::Warning);
        return;
    }
    match save_layout(&doc.layout_path, &current_layout(app)) {
        Ok(()) => {
            app.mark_saved();
            app.doc.layout_stamp = journal::stamp(&doc.layout_path);
            app.doc.disk_layout = Some(current_layout(app));
            remove_recovery(&doc.layout_path);
            let path = format::printable(&doc.layout_path.display().to_string());
            app.say(Status::Saved { path }, Tone::Info);
        }
        Err(e) => app.say(Status::NotSaved { error: e.to_string() }, Tone::Warning),
    }
}

/// What changed on disk since the editor read or wrote the files, in words.
fn changed_on_disk(doc: &Document) -> Option<DiskChange> {
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

/// Whether the system told of a change to a watched file (then the disk is looked at now,
/// not at the next tick).
fn msg_changed_files(watch: &mut FileWatch) -> bool {
    !watch.changed().is_empty()
}

/// The issue changed on disk: load it again. The layout changed on disk (another program
/// saved it): ask before anything is replaced. Our own saves are told by their stamps.
pub fn look_at_disk(app: &mut App) {
    if !app.doc.is_sample && journal::stamp(&app.doc.issue_path) != app.doc.issue_stamp {
        reload_issue(app);
    }
    let layout_now = journal::stamp(&app.doc.layout_path);
    let theirs = layout_now.is_some() && layout_now != app.doc.layout_stamp && layout_now != app.doc.asked_stamp;
    if theirs && app.overlay == Overlay::None {
        app.doc.asked_stamp = layout_now;
        app.overlay = Overlay::TheirLayout { file: file_name(&app.doc.layout_path), merge: app.is_dirty() };
    }
}

/// The copy desk saved the issue: the layout stays, every box is set again from the new
/// copy. An issue that cannot be read is not loaded; the last good one stays.
fn reload_issue(app: &mut App) {
    app.doc.issue_stamp = journal::stamp(&app.doc.issue_path);
    let loaded = match format::load_issue(&app.doc.issue_path) {
        Ok(loaded) => loaded,
        Err(e) => return app.say(Status::IssueNotReloaded { error: e.to_string() }, Tone::Warning),
    };
    let (makeup, changes) = reload::reload(&app.makeup, loaded.value);
    let dropped = changes.removed.iter().any(|id| app.makeup.placement_of(id).is_some());
    app.replace_makeup(makeup, dropped);
    let file = file_name(&app.doc.issue_path);
    let status = Status::IssueReloaded {
        file,
        changed: changes.changed.len(),
        added: changes.added.len(),
        removed: changes.removed,
    };
    app.say(status, Tone::Info);
}

/// `y` to another program's layout: load it, or merge it into our unsaved one (their saved
/// layout against the one we last read, placement by placement; ours wins a conflict).
fn load_theirs(app: &mut App) {
    let path = app.doc.layout_path.clone();
    let (raw, src) = match format::load_layout(&path) {
        Ok(read) => read,
        Err(e) => return app.say(Status::LayoutNotLoaded { error: e.to_string() }, Tone::Warning),
    };
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
        let merged = merge::merge_checked(&issue, &base, &current_layout(app), &theirs);
        let conflicts = merged.conflicts.iter().map(|c| c.item.clone()).collect();
        app.replace_makeup(Makeup::new(issue, &merged), true);
        app.say(Status::LayoutMerged { file, conflicts }, Tone::Info);
    } else {
        app.replace_makeup(Makeup::new(issue, &theirs), false);
        app.say(Status::LayoutLoaded { file }, Tone::Info);
    }
    app.doc.disk_layout = Some(theirs);
}

/// The built-in sample is saved as a copy of its issue beside the layout.
fn write_sample_issue(issue_path: &Path) -> std::io::Result<()> {
    if issue_path.exists() {
        return Ok(());
    }
    if let Some(dir) = issue_path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    format::save_atomic(issue_path, sample::ISSUE.as_bytes()).map_err(|e| std::io::Error::other(e.to_string()))?;
    for (name, bytes) in sample::IMAGES {
        let path = issue_path.parent().unwrap_or(Path::new(".")).join(name);
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        if !path.exists() {
            let _ = std::fs::write(path, bytes);
        }
    }
    Ok(())
}

/// `e`: the text page proof of the whole issue, beside the layout (`X.layout.ron` →
/// `X.proof.txt`), through the same code as `pasteup export --format text`.
fn export(app: &mut App) {
    let path = proof_path(&app.doc.layout_path);
    let options = export::Options {
        ambiwidth: app.widths.terminal,
        assets: export::Assets::for_issue(&app.doc.issue_path, app.doc.is_sample),
    };
    let bytes = export::render(&app.makeup, export::Format::Text, &options);
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        let _ = std::fs::create_dir_all(dir);
    }
    match export::write(&path, &bytes) {
        Ok(()) => app.say(Status::Exported { path: format::printable(&path.display().to_string()) }, Tone::Info),
        Err(e) => app.say(Status::NotExported { error: e.to_string() }, Tone::Warning),
    }
}

/// `X.layout.ron` → `X.proof.txt` in the same folder.
pub fn proof_path(layout: &Path) -> std::path::PathBuf {
    let name = layout.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let stem = name.strip_suffix(".layout.ron").or_else(|| name.strip_suffix(".ron")).unwrap_or(&name);
    layout.with_file_name(format!("{stem}.proof.txt"))
}

fn restore(app: &mut App, opened: &Opened) {
    let Some((text, _)) = read_recovery(&app.doc.layout_path) else { return };
    let path = journal::recovery_path(&app.doc.layout_path);
    match format::parse_layout(&path, &text) {
        Ok(raw) => {
            let report = format::check_layout(&opened.issue, &raw, &text, &path);
            let issue = app.makeup.issue_arc().clone();
            app.makeup = Makeup::new(issue, &report.layout);
            app.mark_restored();
            app.say(Status::Restored, Tone::Info);
            app.reselect();
        }
        Err(e) => app.say(Status::RecoveryUnreadable { error: e.to_string() }, Tone::Warning),
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string())
}
