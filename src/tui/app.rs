//! The editor's state and its update function (state → update(message) → view): every key is a
//! plain call on the core's [`Makeup`], so a test can drive the editor without a terminal.

use std::path::PathBuf;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

use super::cells::Widths;
use super::keys::{Action, Focus, Ready, action_for, half_width, key_name};
use super::prompt::{Prompt, Purpose, Typed};
pub use super::screen::Zoom;
use super::screen::{BIN_WIDTH, BinPane, PageView, RULER_WIDTH, Screen};
use pasteup_core::catalogue::{Besides, DiskChange, Status, UiLang};
use pasteup_core::layout::{Command, Context, Done, Landing, MakeOptions, Makeup, Operation, Outcome, Refusal, Target};
use pasteup_core::model::{Depth, Placement};

mod copyfit;

/// A question or panel over the page; while one is open, keys answer it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    None,
    /// The keys, shown a screen at a time when they take more than one (`page` from 0).
    Help {
        page: usize,
    },
    /// Quit with unsaved changes?
    ConfirmQuit,
    /// A file changed on disk since it was read: save over it?
    ConfirmOverwrite(DiskChange),
    /// Saving would drop the layout's merge notes (`notes`, the first about `first`).
    ConfirmDropNotes {
        notes: usize,
        first: String,
    },
    /// Another program saved the open layout: load theirs (merge, with unsaved changes here)?
    TheirLayout {
        file: String,
        merge: bool,
    },
    /// A recovery file from an editor that did not close (`age_secs` old): restore it?
    Recovery {
        file: String,
        age_secs: Option<u64>,
        /// Who wrote it, when the journal says; how many more journals wait after it.
        by: Option<String>,
        more: usize,
        /// The layout on disk was saved after the journal was last written.
        saved_after: bool,
        /// A newer journal of the layout was offered before this one.
        after_newer: bool,
        /// The journal is damaged (a power cut): how far it can be read.
        damaged: Option<pasteup_core::catalogue::Damaged>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    Warning,
}

/// One line for the status bar, rendered in the interface language when drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub status: Status,
    pub tone: Tone,
}

/// Input to the editor.
#[derive(Debug, Clone)]
pub enum Msg {
    Key(KeyEvent),
    Mouse(MouseEvent),
    Resize(u16, u16),
    /// Text pasted into the terminal (bracketed paste): never read as keys.
    Paste(String),
    /// Time passes: a chance to write the recovery file and to look at the files on disk.
    Tick,
}

/// What the editor asks its shell to do after an update (file work is the shell's).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Save {
        force: bool,
    },
    /// `:w FILE`: a copy of the layout to FILE.
    SaveCopy {
        path: PathBuf,
        /// `:w!`: over a file already there.
        force: bool,
    },
    Export,
    Restore,
    DiscardRecovery,
    /// Load the layout another program saved (merged into ours when ours is unsaved).
    LoadTheirs,
    /// `Ctrl-z`: stop as SIGTSTP stops the editor (found from outside: in raw mode the key
    /// is no signal, and did nothing).
    Suspend,
    /// `Ctrl-l`: blank the terminal and draw the whole screen again.
    Repaint,
    /// Leave; with `discard`, even with unsaved changes (the editor said so).
    Quit {
        discard: bool,
    },
}

/// Where the work lives on disk.
#[derive(Debug, Clone)]
pub struct Document {
    /// When the newest journal declined so far was written: a journal older than it is said
    /// to be older work.
    pub newer_offered: Option<std::time::SystemTime>,
    /// The layout as last read from or written to disk: the base of a merge with theirs.
    pub disk_layout: Option<pasteup_core::model::Layout>,
    pub issue_path: PathBuf,
    pub layout_path: PathBuf,
    pub is_sample: bool,
    /// The stamps of the layout and issue files when last read or written.
    pub layout_stamp: Option<pasteup_core::journal::Stamp>,
    pub issue_stamp: Option<pasteup_core::journal::Stamp>,
    /// Journals of editors that died, newest first, still to be offered.
    pub journals: Vec<pasteup_core::journal::Journal>,
    /// The dead editor's journal restored onto the desk: removed when the desk is saved.
    pub restored: Option<PathBuf>,
    /// The stamp of the layout on disk the editor last asked about (asked once per change).
    pub asked_stamp: Option<pasteup_core::journal::Stamp>,
    /// Placements reloads of the issue took off the page, for a later reload to put back.
    pub held: pasteup_core::reload::Held,
    /// The merge notes the page editor said are decided (the save may drop them): asked apart
    /// from writing over a changed file, so that answering one never answers the other.
    pub notes_decided: Vec<pasteup_core::model::Conflict>,
    /// The desk holds restored work that stands on an older layout than the one on disk (its
    /// journal older than that save, or naming another base): that base, written with this
    /// editor's journal too, so that a second crash keeps it so. A save asks before it writes
    /// over the later save.
    pub restored_base: Option<String>,
    /// The layout file as this editor last read or wrote it (`journal::base_of`): what its
    /// journal names as the layout its work stands on.
    pub base: String,
    /// Where this editor's journal was last written: beside the layout, or in the spare
    /// folder when the layout's folder cannot be written.
    pub journal: Option<PathBuf>,
    /// The folder for journals the layout's folder cannot take (`None`: there is none).
    pub spare_dir: Option<PathBuf>,
    /// The layout's file was removed from disk and the status line has said so.
    pub removed_said: bool,
    /// The working folder when the editor started: the paths above are whole paths (found
    /// from outside: with the folder an issue was opened from by a relative path removed and
    /// made again, every save and journal failed), and messages show them from here, as typed.
    pub started_in: Option<PathBuf>,
}

impl Document {
    /// `path` as messages show it: from the folder the editor started in where it lies there.
    pub fn shown(&self, path: &std::path::Path) -> String {
        let near = self.started_in.as_deref().and_then(|dir| path.strip_prefix(dir).ok());
        pasteup_core::format::printable_path(near.filter(|p| !p.as_os_str().is_empty()).unwrap_or(path))
    }
}

pub struct App {
    pub makeup: Makeup,
    pub doc: Document,
    /// Index of the page shown, in issue order.
    pub page: usize,
    /// The selected box's item; which of its parts, where an article continued (转版) stands
    /// more than once on a page, the desk's focus says (see [`App::select`]).
    pub selected: Option<String>,
    pub focus: Focus,
    pub bin_cursor: usize,
    pub zoom: Zoom,
    /// First page line (0-based) and cell shown in the page view.
    pub scroll_row: u32,
    pub scroll_x: u32,
    pub message: Option<Message>,
    pub overlay: Overlay,
    pub widths: Widths,
    /// The language the editor speaks (the page is set in the issue's own).
    pub lang: UiLang,
    /// Terminal size, for scrolling and mouse hits.
    pub size: (u16, u16),
    pub quit: bool,
    /// A quit waits on the answer to a question about saving (`:wq` or `s` meeting "changed on
    /// disk"): the save that answer makes quits too.
    pub quit_when_saved: bool,
    /// `Ctrl-z` asked the loop to stop the editor, as SIGTSTP does.
    pub suspend: bool,
    /// `Ctrl-l` asked the loop to draw the whole screen again.
    pub repaint: bool,
    /// The revision last written to the recovery file.
    pub journaled: usize,
    /// Why the recovery file could not be written last time, said once until it can be.
    pub journal_error: Option<String>,
    /// A count being typed before a key (`12` of `12K`).
    pub count: Option<u32>,
    /// Whether the bin is shown (`b`).
    pub show_bin: bool,
    /// The `:` command line.
    pub prompt: Prompt,
    /// The last item `:find` found and its part, so that `:find` again goes on from there.
    found: Option<(String, u32)>,
    /// The text `:find` last looked for: `:find` alone looks for it again.
    find_text: Option<String>,
    /// A box being dragged with the mouse.
    drag: Option<Drag>,
    /// Another pasteup holds the layout's lock (the title says so while it lasts).
    pub elsewhere: bool,
    /// How many times the desk was replaced: with its revision, what the bin's width was
    /// measured for.
    desks: usize,
    /// The columns the bin's rows want, and what they were measured for: measured once per
    /// change of the bin, not at every look at the screen (a bin of thousands of items).
    bin_wants: std::cell::Cell<Option<(BinKey, u16)>>,
}

/// What the bin's wanted width depends on: the desk and its revision, the interface language,
/// the page's columns and how ambiguous characters are drawn.
type BinKey = (usize, usize, UiLang, u16, bool);

/// A box grabbed with the mouse: which, and where in it (columns and lines from its top left).
#[derive(Debug, Clone)]
struct Drag {
    item: String,
    grab: (u16, u32),
}

impl App {
    pub fn new(makeup: Makeup, doc: Document, widths: Widths) -> App {
        let mut app = App {
            makeup,
            doc,
            page: 0,
            selected: None,
            focus: Focus::Page,
            bin_cursor: 0,
            zoom: Zoom::Text,
            scroll_row: 0,
            scroll_x: 0,
            message: None,
            overlay: Overlay::None,
            widths,
            lang: UiLang::En,
            size: (120, 40),
            quit: false,
            quit_when_saved: false,
            suspend: false,
            repaint: false,
            journaled: 0,
            journal_error: None,
            count: None,
            show_bin: true,
            prompt: Prompt::default(),
            found: None,
            find_text: None,
            drag: None,
            elsewhere: false,
            desks: 0,
            bin_wants: std::cell::Cell::new(None),
        };
        app.select_first();
        app
    }

    /// Widths for the editor's own text (bars, bin, help): measured as the terminal draws
    /// them, since no page rule has to line up with it.
    pub fn chrome(&self) -> Widths {
        Widths {
            page_ambiguous_wide: self.widths.terminal == super::cells::AmbiWidth::Double,
            terminal: self.widths.terminal,
        }
    }

    pub fn page_number(&self) -> u32 {
        self.makeup.issue().pages.get(self.page).map_or(0, |p| p.number)
    }

    /// Whether the desk's revision is not the one the layout file holds.
    pub fn is_dirty(&self) -> bool {
        self.makeup.history().is_unsaved()
    }

    /// The revision on the desk.
    pub fn version(&self) -> usize {
        self.makeup.history().current_revision()
    }

    /// The shell saved the layout: the desk is clean.
    pub fn mark_saved(&mut self) {
        self.makeup.mark_saved();
        self.journaled = self.version();
    }

    /// Selects anew after the desk was replaced (a restored layout), and the view follows (found
    /// from outside: after a restore the first box was selected off the view's columns, and
    /// only the next key scrolled to it).
    pub fn reselect(&mut self) {
        self.select_first();
        self.clamp_bin_cursor();
        self.follow_selection();
    }

    /// The desk is replaced by `makeup` (the issue or the layout loaded again from disk); the
    /// selection stays on its item where it can. The desk stays unsaved if it was, and
    /// becomes so when `changed`; undo starts afresh from the new desk.
    pub fn replace_makeup(&mut self, makeup: Makeup, changed: bool) {
        let unsaved = changed || self.is_dirty();
        let part = self.selection().map(|p| p.part);
        self.set_makeup(makeup);
        if let (Some(id), Some(part)) = (&self.selected, part) {
            self.makeup.focus_part(id, part);
        }
        if unsaved {
            self.makeup.mark_unsaved();
            // The new desk's revisions start again: journal it whatever the number says.
            self.journaled = usize::MAX;
        } else {
            self.journaled = self.version();
        }
        // The new issue may have fewer pages: stay on a page it has.
        let pages = self.makeup.issue().pages.len();
        if self.page >= pages {
            self.page = pages.saturating_sub(1);
            (self.scroll_row, self.scroll_x) = (0, 0);
        }
        if self.selected.as_ref().is_none_or(|id| self.makeup.parts_of(id).is_empty()) {
            self.select_first();
        }
        self.clamp_bin_cursor();
    }

    /// The layout on disk is not the desk's and the editor kept the desk: unsaved in every
    /// revision, and to be journalled. Found from outside: kept over theirs with a change on the
    /// desk, an undo came back to the revision saved before theirs, called it saved, removed
    /// the recovery file, and `q` quit without asking.
    pub fn keep_desk_over_disk(&mut self) {
        if !self.is_dirty() {
            self.journaled = usize::MAX;
        }
        self.makeup.mark_unsaved();
    }

    /// Puts `makeup` on the desk in place of the one there.
    pub fn set_makeup(&mut self, makeup: Makeup) {
        self.makeup = makeup;
        self.desks += 1;
    }

    /// The desk holds a restored layout: unsaved, and already in the recovery file.
    pub fn mark_restored(&mut self) {
        self.makeup.mark_unsaved();
        self.journaled = self.version();
    }

    /// How many screens the help takes at the terminal's size.
    fn help_screens(&self) -> usize {
        let (_, more) = crate::tui::view::help::help_page(self.size, self.lang, self.chrome(), usize::MAX);
        more.map_or(1, |(_, screens)| screens)
    }

    /// Whether the terminal is below the size the editor can be drawn at.
    pub fn too_small(&self) -> bool {
        self.size.0 < super::screen::MIN_WIDTH || self.size.1 < super::screen::MIN_HEIGHT
    }

    pub fn say(&mut self, status: Status, tone: Tone) {
        self.message = Some(Message { status, tone });
    }

    /// Selects part `part` of `item` (or nothing), and has the desk find that part where the
    /// item stands more than once on a page.
    fn select(&mut self, item: Option<String>, part: u32) {
        match &item {
            Some(id) => self.makeup.focus_part(id, part),
            None => self.makeup.clear_focus(),
        }
        self.selected = item;
    }

    /// Selects `item` keeping the part selected when it is the item selected now, else its
    /// first part on the page.
    fn select_id(&mut self, item: String) {
        let part = match self.selection() {
            Some(p) if p.item == item => p.part,
            _ => self.makeup.placement_on(self.page_number(), &item).map_or(1, |p| p.part),
        };
        self.select(Some(item), part);
    }

    /// The placement of the selected item, if it is on the page shown.
    pub fn selection(&self) -> Option<Placement> {
        let id = self.selected.as_deref()?;
        // An article continued (转版) stands on several pages: the part on the page shown.
        self.makeup.placement_on(self.page_number(), id)
    }

    /// Where the focus is and what there is to work on, for the keys the status bar hints.
    pub fn ready(&self) -> Ready {
        let history = self.makeup.history();
        Ready {
            focus: self.focus,
            selection: self.selection().is_some(),
            boxes: !self.makeup.placements(self.page_number()).is_empty(),
            bin_item: !self.makeup.bin().is_empty(),
            undo: history.can_undo(),
            redo: history.can_redo(),
        }
    }

    /// The page `item` stands on: the page shown when a part of it is there, else its first.
    fn page_of(&self, item: &str) -> Option<u32> {
        let here = self.page_number();
        if self.makeup.placement_on(here, item).is_some() {
            return Some(here);
        }
        self.makeup.placement_of(item).map(|(page, _)| page)
    }

    pub fn update(&mut self, msg: Msg) -> Vec<Effect> {
        match msg {
            // The screen says only "too small" then: nothing may change unseen.
            Msg::Key(_) | Msg::Mouse(_) if self.too_small() => Vec::new(),
            Msg::Key(key) => {
                let mut effects = Vec::new();
                for key in presses(key) {
                    effects.extend(self.key(key));
                }
                self.warm_bin();
                effects
            }
            // A question or the help is answered by keys: found from outside, a drag under the
            // recovery question moved a box, and became a recovery file of its own.
            Msg::Mouse(_) if self.overlay != Overlay::None => {
                self.drag = None;
                Vec::new()
            }
            Msg::Mouse(mouse) => {
                self.mouse(mouse);
                Vec::new()
            }
            Msg::Paste(text) if self.prompt.open && !self.too_small() => {
                self.prompt.paste(&text);
                Vec::new()
            }
            Msg::Paste(text) => {
                let chars = unicode_segmentation::UnicodeSegmentation::graphemes(text.as_str(), true).count();
                self.say(Status::PasteIgnored { chars }, Tone::Info);
                Vec::new()
            }
            Msg::Resize(w, h) => {
                self.size = (w, h);
                self.follow_selection();
                Vec::new()
            }
            Msg::Tick => Vec::new(),
        }
    }

    fn key(&mut self, key: KeyEvent) -> Vec<Effect> {
        if key.kind == crossterm::event::KeyEventKind::Release {
            return Vec::new();
        }
        // Stops the editor whatever is open, as a shell's job control does: the half-typed line
        // or the question waits for `fg` (found from outside: with `:` or `r` open, Ctrl-z did
        // nothing, and the `fg` typed after it went into the line).
        if key.code == KeyCode::Char('z') && key.modifiers.contains(KeyModifiers::CONTROL) {
            return self.act(Action::Suspend);
        }
        // Redraws whatever is open, the half-typed line and the question staying as they are.
        if key.code == KeyCode::Char('l') && key.modifiers.contains(KeyModifiers::CONTROL) {
            return self.act(Action::Repaint);
        }
        if self.overlay != Overlay::None {
            return self.answer(key);
        }
        if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
            return self.act(Action::Quit);
        }
        if self.prompt.open {
            return self.prompt_key(key);
        }
        if key.code == KeyCode::Esc {
            self.message = None;
            self.count = None;
            return Vec::new();
        }
        // The page's keys only: the command line takes what is typed as typed.
        let key = half_width(key);
        let digit = match key.code {
            KeyCode::Char(c) if key.modifiers - KeyModifiers::SHIFT == KeyModifiers::NONE => c.to_digit(10),
            _ => None,
        };
        match (digit, action_for(&key, self.focus)) {
            (Some(0), _) if self.count.is_some() => self.count_digit(0),
            (Some(d), Some(Action::Count)) => self.count_digit(d),
            (_, Some(action)) => {
                // The status says what this key did, or nothing of an earlier one.
                self.message = None;
                let n = self.count.take();
                return self.act_n(action, n.unwrap_or(1));
            }
            (_, None) => {
                // Found from outside: `3J`, `+` or `]` in the bin did nothing and left `3: …`
                // on the status line.
                let counted = self.count.take().is_some();
                if self.focus == Focus::Bin && action_for(&key, Focus::Page).is_some() {
                    self.say(Status::KeyForPage, Tone::Info);
                } else if self.focus == Focus::Page && action_for(&key, Focus::Bin).is_some() {
                    // Found from outside: `Enter` on the page did nothing and said nothing.
                    self.say(Status::KeyForBin, Tone::Info);
                } else if let Some(key) = key_name(&key) {
                    // Found from outside: a key bound to nothing did nothing and said nothing.
                    self.say(Status::KeyUnbound { key }, Tone::Info);
                } else if counted {
                    self.message = None;
                }
            }
        }
        Vec::new()
    }

    fn count_digit(&mut self, d: u32) {
        let count = self.count.unwrap_or(0).saturating_mul(10).saturating_add(d).min(9999);
        self.count = Some(count);
        self.say(Status::Count { count }, Tone::Info);
    }

    /// Does `action` `n` times: one operation for moves, span and depth (one undo step);
    /// selection and pages step `n` times; other keys take no count.
    pub fn act_n(&mut self, action: Action, n: u32) -> Vec<Effect> {
        use Action::*;
        let page = self.page_number();
        let (n32, n64) = (n as i32, i64::from(n));
        match action {
            _ if n <= 1 => return self.act(action),
            MoveLeft => self.with_selected(|m, id| m.move_by(page, id, -n32, 0)),
            MoveRight => self.with_selected(|m, id| m.move_by(page, id, n32, 0)),
            MoveUp => self.with_selected(|m, id| m.move_by(page, id, 0, -n64)),
            MoveDown => self.with_selected(|m, id| m.move_by(page, id, 0, n64)),
            SpanMore => self.with_selected(|m, id| m.span_by(page, id, n32)),
            SpanLess => self.with_selected(|m, id| m.span_by(page, id, -n32)),
            DepthLess => self.with_selected(|m, id| m.depth_by(page, id, -n64)),
            DepthMore => self.with_selected(|m, id| m.depth_by(page, id, n64)),
            SelectLeft | SelectRight | SelectUp | SelectDown | PrevPage | NextPage => {
                for _ in 0..n {
                    self.act(action);
                }
            }
            _ => return self.act(action),
        }
        self.follow_selection();
        Vec::new()
    }

    /// Keys while a question or the help is open.
    fn answer(&mut self, key: KeyEvent) -> Vec<Effect> {
        let yes = matches!(key.code, KeyCode::Char('y') | KeyCode::Char('Y'));
        let no = matches!(key.code, KeyCode::Char('n') | KeyCode::Char('N') | KeyCode::Esc);
        let overlay = std::mem::replace(&mut self.overlay, Overlay::None);
        match overlay {
            Overlay::Help { page } => {
                let turn = match key.code {
                    KeyCode::Char('j') | KeyCode::Down | KeyCode::Char(' ') | KeyCode::PageDown => Some(1),
                    KeyCode::Char('k') | KeyCode::Up | KeyCode::PageUp => Some(-1),
                    _ => None,
                };
                // One screen: any key closes it, as it always has.
                let last = self.help_screens().saturating_sub(1);
                if let Some(by) = turn.filter(|_| last > 0) {
                    self.overlay = Overlay::Help { page: page.min(last).saturating_add_signed(by).min(last) };
                }
            }
            Overlay::ConfirmQuit if yes => return vec![Effect::Quit { discard: true }],
            Overlay::ConfirmQuit if key.code == KeyCode::Char('s') => {
                return vec![Effect::Save { force: false }, Effect::Quit { discard: false }];
            }
            Overlay::ConfirmOverwrite(_) if yes => return self.save_answered(),
            // The disk was asked about before the notes (or needed no asking).
            Overlay::ConfirmDropNotes { .. } if yes => {
                self.doc.notes_decided = self.doc.disk_layout.as_ref().map(|l| l.conflicts.clone()).unwrap_or_default();
                return self.save_answered();
            }
            // Found from outside: after `n` nothing said the save had not happened.
            Overlay::ConfirmOverwrite(_) | Overlay::ConfirmDropNotes { .. } if no => {
                self.quit_when_saved = false;
                self.say(Status::SaveDeclined, Tone::Info)
            }
            Overlay::TheirLayout { .. } if yes => return vec![Effect::LoadTheirs],
            // Found from outside: `n` left an older message (`Saved …`) on the status line.
            Overlay::TheirLayout { file, .. } if no => {
                // The disk now holds theirs: the desk is not what the file holds, so quitting
                // must ask (found from outside: `n`, then `q`, quit and lost the work).
                self.keep_desk_over_disk();
                self.say(Status::KeptMine { file }, Tone::Info)
            }
            Overlay::Recovery { .. } if yes => return vec![Effect::Restore],
            // Esc puts the question off: the file stays for the next start (found from
            // outside: Esc deleted it as `n` does).
            Overlay::Recovery { file, .. } if key.code == KeyCode::Esc => {
                self.doc.journals.clear();
                self.say(Status::RecoveryLeft { file }, Tone::Info)
            }
            Overlay::Recovery { .. } if no => return vec![Effect::DiscardRecovery],
            // Found from outside: a key that answered nothing (Ctrl-s under "changed on disk")
            // left an older message on the status line, as if the key had done something.
            other if !no => {
                self.overlay = other;
                self.say(Status::AnswerTheQuestion, Tone::Info);
            }
            // A question put off (`n` or Esc to quitting) leaves nothing to say: the status
            // line goes back to the keys that work now (found from outside: "the question
            // above waits" stayed after it had closed).
            _ => self.message = None,
        }
        Vec::new()
    }

    /// Does `action` once.
    pub fn act(&mut self, action: Action) -> Vec<Effect> {
        use Action::*;
        let page = self.page_number();
        match action {
            SelectLeft => self.select_beside(-1),
            SelectRight => self.select_beside(1),
            SelectUp if self.focus == Focus::Bin => self.bin_cursor = self.bin_cursor.saturating_sub(1),
            SelectDown if self.focus == Focus::Bin => {
                self.bin_cursor = (self.bin_cursor + 1).min(self.makeup.bin().len().saturating_sub(1))
            }
            SelectUp => self.select_above_below(-1),
            SelectDown => self.select_above_below(1),
            MoveLeft => self.with_selected(|m, id| m.move_by(page, id, -1, 0)),
            MoveRight => self.with_selected(|m, id| m.move_by(page, id, 1, 0)),
            MoveUp => self.with_selected(|m, id| m.move_by(page, id, 0, -1)),
            MoveDown => self.with_selected(|m, id| m.move_by(page, id, 0, 1)),
            SpanMore => self.with_selected(|m, id| m.span_by(page, id, 1)),
            SpanLess => self.with_selected(|m, id| m.span_by(page, id, -1)),
            DepthLess => self.with_selected(|m, id| m.depth_by(page, id, -1)),
            DepthMore => self.with_selected(|m, id| m.depth_by(page, id, 1)),
            DepthAuto => self.with_selected(|m, id| m.set_auto(page, id)),
            JumpUp => self.with_selected(|m, id| m.jump_up(page, id)),
            JumpDown => self.with_selected(|m, id| m.jump_down(page, id)),
            Place => self.place(),
            ToBin => self.send_to_bin(false),
            CutOut => self.send_to_bin(true),
            PullUp => {
                let result = self.makeup.pull_up(page);
                let done = result.is_ok();
                self.report(result);
                if done && self.message.is_none() {
                    self.say(Status::PulledUp { page }, Tone::Info);
                }
            }
            Make => self.make_page(),
            SwitchFocus => {
                self.focus = if self.focus == Focus::Page { Focus::Bin } else { Focus::Page };
                self.show_bin |= self.focus == Focus::Bin;
                self.clamp_bin_cursor();
            }
            ToggleBin => {
                self.show_bin = !self.show_bin;
                if !self.show_bin {
                    self.focus = Focus::Page;
                }
            }
            CommandLine => self.prompt.open(),
            CutMore | CutLess | FitBox | Continue | HeadSmaller | HeadLarger | Rewrite => self.copyfit(action),
            Count => {}
            PrevPage => self.turn_page(-1),
            NextPage => self.turn_page(1),
            Zoom => self.zoom = if self.zoom == self::Zoom::Text { self::Zoom::Plan } else { self::Zoom::Text },
            Undo => self.history(true),
            Redo => self.history(false),
            Save => return vec![Effect::Save { force: false }],
            Export => return vec![Effect::Export],
            Help => self.overlay = Overlay::Help { page: 0 },
            Quit if self.is_dirty() => self.overlay = Overlay::ConfirmQuit,
            Quit => return vec![Effect::Quit { discard: false }],
            Suspend => return vec![Effect::Suspend],
            Repaint => return vec![Effect::Repaint],
        }
        self.follow_selection();
        Vec::new()
    }

    /// Runs an operation on the selected box and reports what it did or why it could not.
    fn with_selected(&mut self, op: impl FnOnce(&mut Makeup, &str) -> Result<Outcome, Refusal>) {
        let Some(id) = self.selection().map(|p| p.item) else {
            self.say(Status::SelectBoxFirst, Tone::Warning);
            return;
        };
        let result = op(&mut self.makeup, &id);
        self.report(result);
    }

    fn report(&mut self, result: Result<Outcome, Refusal>) {
        match result {
            Ok(outcome) => {
                self.message = outcome_message(&outcome);
            }
            Err(refusal) => self.say(Status::Refused(refusal), Tone::Warning),
        }
    }

    /// `M`: makes the page from the bin by the page plan, one undo step; the status line says
    /// what was placed. One page's search is the longest the screen waits.
    fn make_page(&mut self) {
        let page = self.page_number();
        let options = MakeOptions { pages: vec![page], from_empty: false, cut: false };
        match self.makeup.make(&options, &mut |_, _, _| {}) {
            Ok((report, _)) => {
                let made = report.pages.first();
                let placed = made.map_or(0, |p| p.placed.len());
                let left = made.map_or(0, |p| p.left.len());
                let free = made.map_or(0, |p| p.free_lines);
                let broken = made.and_then(|p| Some((p.broken.first()?.clone(), p.broken.len())));
                let tone = if left == 0 && broken.is_none() { Tone::Info } else { Tone::Warning };
                self.say(Status::Made { page, placed, left, free, broken }, tone);
            }
            Err(refusal) => self.say(Status::Refused(refusal), Tone::Warning),
        }
    }

    /// `Enter` on a bin item: into the first hole that holds it, else under the selection.
    fn place(&mut self) {
        let bin = self.makeup.bin();
        let Some(id) = bin.get(self.bin_cursor).map(|s| s.to_string()) else {
            self.say(Status::BinEmpty, Tone::Info);
            return;
        };
        let under = self.selection();
        let from = under.as_ref().map_or(1, |p| p.column);
        let page = self.page_number();
        match self.makeup.place_from_bin(page, &id, from, under.as_ref().map(|p| p.item.as_str())) {
            Ok(outcome) => {
                let part = outcome.touched_part.unwrap_or(1);
                let status = match (outcome.landing, self.makeup.part_on(page, &id, part)) {
                    (Some(Landing::Hole), Some(p)) => {
                        let pushed = outcome.pushed.clone();
                        Status::PlacedInHole { item: id.clone(), part, column: p.column, line: p.line, pushed }
                    }
                    (Some(Landing::UnderSelection), _) => Status::PlacedUnder {
                        item: id.clone(),
                        part,
                        under: under.map(|p| p.item).unwrap_or_default(),
                        pushed: outcome
                            .pushed
                            .iter()
                            .filter(|p| !outcome.overlap_pushed.contains(p))
                            .cloned()
                            .collect(),
                        overlap: outcome.overlap_pushed.clone(),
                    },
                    _ => Status::PlacedAtBottom { item: id.clone(), part },
                };
                let tone = if outcome.landing == Some(Landing::Hole) { Tone::Info } else { Tone::Warning };
                self.say(status, tone);
                // A later part the placed one leaves no copy is worth more than where it went.
                if outcome.leaves_part_without_copy() {
                    self.message = outcome_message(&outcome);
                }
                self.select(Some(id), part);
                self.focus = Focus::Page;
                self.clamp_bin_cursor();
            }
            Err(refusal) => self.say(Status::Refused(refusal), Tone::Warning),
        }
    }

    /// `x` (or `X`, closing the gap up): the selection moves on to the next box in reading
    /// order (or the one before, for the last).
    fn send_to_bin(&mut self, close_up: bool) {
        let Some(p) = self.selection() else {
            self.say(Status::SelectBoxFirst, Tone::Warning);
            return;
        };
        let page = self.page_number();
        let next = self.next_in_reading_order(&p);
        let result = if close_up { self.makeup.cut_out(page, &p.item) } else { self.makeup.to_bin(page, &p.item) };
        let done = result.is_ok();
        let pulled = result.as_ref().map(|o| o.pulled.clone()).unwrap_or_default();
        let waited = result.as_ref().ok().and_then(|o| o.whole_again);
        // Found from outside: part 2, now the story's start, ran past its foot unsaid.
        let past_foot = result.as_ref().is_ok_and(|o| o.sends_past_foot_item(&p.item));
        // Part 1 may go while later parts stand (the next part then begins the story): said,
        // with what part 2, grown by the copy part 1 held, pushed on its page.
        let second = self.makeup.parts_of(&p.item).into_iter().find(|&(part, _)| part == 2).filter(|_| p.part == 1);
        let pushed = second.and_then(|(_, there)| result.as_ref().ok().map(|o| o.pushed_on(page, there)));
        let besides = result.as_ref().map(Besides::from).unwrap_or_default();
        self.report(result);
        if done {
            let part = next.as_ref().map_or(1, |p| p.part);
            self.select(next.map(|p| p.item), part);
            let named = pasteup_core::catalogue::part_id(&p.item, p.part, self.lang);
            let pulled_up = close_up.then_some(!pulled.is_empty());
            let (status, tone) = match second {
                Some((_, page)) => {
                    let pushed = pushed.unwrap_or_default();
                    (
                        Status::FirstPartBinned { item: p.item, page, past_foot, pushed, pulled: pulled_up },
                        Tone::Warning,
                    )
                }
                // Found from outside: the part that waited in the bin joined the article again
                // unsaid (the more surprising news, said before a gap closed up), part 1 too.
                None if let Some(waited) = waited => {
                    (Status::BackInBinWhole { item: p.item.clone(), waited, pulled: pulled_up }, Tone::Info)
                }
                None if close_up => (Status::CutOut { item: named, pulled: !pulled.is_empty() }, Tone::Info),
                None => (Status::BackInBin { item: named, besides }, Tone::Info),
            };
            self.say(status, tone);
        }
    }

    /// The box after `item` in reading order (top to bottom, then left to right), or the one
    /// before it when it is the last.
    fn next_in_reading_order(&self, placed: &Placement) -> Option<Placement> {
        let mut boxes = self.makeup.placements(self.page_number());
        boxes.sort_by_key(|p| (p.line, p.column));
        let at = boxes.iter().position(|p| p.item == placed.item && p.part == placed.part)?;
        let next = boxes.get(at + 1).or_else(|| at.checked_sub(1).and_then(|i| boxes.get(i)));
        next.cloned()
    }

    fn history(&mut self, undo: bool) {
        let op = if undo { self.makeup.history().next_undo() } else { self.makeup.history().next_redo() }
            .and_then(Operation::from_name);
        let result = if undo { self.makeup.undo() } else { self.makeup.redo() };
        match result {
            Ok(outcome) => {
                match outcome.touched {
                    // Shown where the step's own part is: on its page, or under the bin cursor,
                    // the page left as it was (found from outside: a later part sent back to
                    // the bin by `Ctrl-r` showed part 1's page, part 1 selected).
                    Some(id) => {
                        self.select_item(&id, outcome.touched_part);
                        if self.selection().is_none() {
                            self.select_first();
                        }
                        self.clamp_bin_cursor();
                    }
                    None => self.find_selection(),
                }
                self.say(if undo { Status::Undid { op } } else { Status::Redid { op } }, Tone::Info);
            }
            Err(refusal) => self.say(Status::Refused(refusal), Tone::Info),
        }
    }

    fn turn_page(&mut self, by: i32) {
        let pages = self.makeup.issue().pages.len();
        let to = self.page as i64 + i64::from(by);
        if to < 0 || to >= pages as i64 {
            self.say(if by < 0 { Status::FirstPage } else { Status::LastPage }, Tone::Info);
            return;
        }
        self.page = to as usize;
        self.scroll_row = 0;
        self.scroll_x = 0;
        self.select_first();
    }

    /// After undo or redo the selected item may stand on another page, or in the bin.
    fn find_selection(&mut self) {
        let found = self.selected.as_deref().and_then(|id| self.page_of(id));
        match found {
            Some(page) => {
                if let Some(i) = self.makeup.issue().pages.iter().position(|p| p.number == page) {
                    self.page = i;
                }
            }
            None => self.select_first(),
        }
        self.clamp_bin_cursor();
    }

    /// Shows `item`: on its page, selected; or in the bin, under the bin cursor.
    /// `part` (of an article continued, 转版), when known, is shown on the page it stands on.
    fn select_item(&mut self, item: &str, part: Option<u32>) {
        let placed = part.and_then(|p| self.makeup.parts_of(item).into_iter().find(|&(q, _)| q == p));
        // A part waiting in the bin is selected there, not the item's part on a page.
        let waiting = part.is_some_and(|p| placed.is_none() && self.makeup.waiting_parts(item).contains(&p));
        let page = if waiting { None } else { placed.map(|(_, page)| page).or_else(|| self.page_of(item)) };
        match page {
            Some(page) => {
                if let Some(i) = self.makeup.issue().pages.iter().position(|p| p.number == page) {
                    self.page = i;
                }
                match placed {
                    Some((part, _)) => self.select(Some(item.to_string()), part),
                    None => self.select_id(item.to_string()),
                }
                self.focus = Focus::Page;
            }
            None => {
                if self.point_bin_at(item) {
                    self.focus = Focus::Bin;
                    self.show_bin = true;
                }
            }
        }
    }

    /// Puts the bin cursor on `item` if it waits there; whether it does.
    pub(super) fn point_bin_at(&mut self, item: &str) -> bool {
        let at = self.makeup.bin().iter().position(|id| *id == item);
        if let Some(i) = at {
            self.bin_cursor = i;
        }
        at.is_some()
    }

    fn clamp_bin_cursor(&mut self) {
        self.bin_cursor = self.bin_cursor.min(self.makeup.bin().len().saturating_sub(1));
    }

    /// Selects the top-left box of the page.
    fn select_first(&mut self) {
        let mut boxes = self.makeup.placements(self.page_number());
        boxes.sort_by_key(|p| (p.line, p.column));
        let part = boxes.first().map_or(1, |p| p.part);
        self.select(boxes.first().map(|p| p.item.clone()), part);
    }

    /// Selects the nearest box to the left (-1) or right (+1).
    fn select_beside(&mut self, dir: i32) {
        let Some(cur) = self.selection() else { return self.select_first() };
        let boxes = self.makeup.placements(self.page_number());
        let best = boxes
            .iter()
            .filter(|p| if dir < 0 { p.column + p.span <= cur.column } else { p.column >= cur.column + cur.span })
            .min_by_key(|p| {
                let dx =
                    if dir < 0 { cur.column - (p.column + p.span - 1) } else { p.column - (cur.column + cur.span - 1) };
                (dx, p.line.abs_diff(cur.line))
            });
        if let Some(p) = best {
            self.select(Some(p.item.clone()), p.part);
        }
    }

    /// Selects the nearest box above (-1) or below (+1) sharing a column.
    fn select_above_below(&mut self, dir: i32) {
        let Some(cur) = self.selection() else { return self.select_first() };
        let boxes = self.makeup.placements(self.page_number());
        let shares = |p: &Placement| p.column < cur.column + cur.span && cur.column < p.column + p.span;
        let best = boxes
            .iter()
            .filter(|p| !(p.item == cur.item && p.part == cur.part) && shares(p))
            .filter(|p| if dir < 0 { p.line < cur.line } else { p.line > cur.line })
            .min_by_key(|p| p.line.abs_diff(cur.line));
        if let Some(p) = best {
            self.select(Some(p.item.clone()), p.part);
        }
    }

    fn mouse(&mut self, mouse: MouseEvent) {
        match mouse.kind {
            MouseEventKind::Down(MouseButton::Left) => {
                self.click(mouse.column, mouse.row);
                self.drag = self.grab(mouse.column, mouse.row);
            }
            MouseEventKind::Up(MouseButton::Left) => {
                if let Some(drag) = self.drag.take() {
                    self.drop_at(drag, mouse.column, mouse.row);
                }
            }
            MouseEventKind::ScrollDown => {
                self.scroll_row = self.scroll_row.saturating_add(3);
                self.clamp_scroll();
            }
            MouseEventKind::ScrollUp => self.scroll_row = self.scroll_row.saturating_sub(3),
            _ => {}
        }
    }

    fn click(&mut self, x: u16, y: u16) {
        let screen = self.screen();
        if let Some(i) = screen.bin_hit(x, y, self.bin_cursor, self.makeup.bin().len()) {
            self.focus = Focus::Bin;
            self.bin_cursor = i;
            return;
        }
        let Some(page) = self.makeup.issue().pages.get(self.page) else { return };
        let boxes = self.makeup.resolved(page.number);
        if let Some(b) = screen.page_hit(&page.grid, self.page_view_of(&boxes), &boxes, (x, y)) {
            self.select(Some(b.item.clone()), b.part);
            self.focus = Focus::Page;
        }
    }

    /// Where each part stands on the terminal now.
    pub fn screen(&self) -> Screen {
        self.screen_at(self.size)
    }

    /// Where each part stands on a terminal of `size`.
    pub fn screen_at(&self, size: (u16, u16)) -> Screen {
        let grid = self.makeup.issue().pages.get(self.page).map(|p| &p.grid);
        let page_wants = grid.map_or(0, |g| {
            // The page's cells, the line numbers and the margin left of it, the right edge of a
            // box in the last column and a blank between it and the bin.
            let cells = pasteup_core::proof::page::page_cells(g).saturating_add(u32::from(RULER_WIDTH) + 3);
            u16::try_from(cells).unwrap_or(u16::MAX)
        });
        let mut bin = self.bin_pane();
        // The bin's rows are measured only where the page leaves it room.
        if bin.shown && size.0 > page_wants.saturating_add(BIN_WIDTH) {
            bin.wants = self.bin_wants(grid.map_or(1, |g| g.columns));
        }
        Screen::new(size, bin, page_wants)
    }

    /// What the screen needs to know of the bin (but the columns its rows want).
    pub fn bin_pane(&self) -> BinPane {
        BinPane {
            shown: self.show_bin,
            focused: self.focus == Focus::Bin,
            empty: self.makeup.bin().is_empty(),
            wants: 0,
        }
    }

    /// Columns the bin's widest row wants on a page of `columns` columns. An entry's figures
    /// are taken at its one-column length and the widest span, and a cell more: its length at
    /// its own span is set only when it comes in sight, and the pane should not change width
    /// as the bin scrolls.
    fn bin_wants(&self, columns: u16) -> u16 {
        let chrome = self.chrome();
        let key = (self.desks, self.version(), self.lang, columns, chrome.page_ambiguous_wide);
        if let Some((measured, wants)) = self.bin_wants.get()
            && measured == key
        {
            return wants;
        }
        let cells = |s: &str| pasteup_core::fit::width::str_cells(s, chrome.page_ambiguous_wide);
        let entries = self.makeup.bin_entries();
        let widest = entries.iter().map(|e| {
            let (title, info) = crate::tui::view::bin::entry_rows(e, (columns, e.lines), self.lang);
            cells(&title).max(cells(&info) + 1)
        });
        let cells = widest.max().unwrap_or(0) + u32::from(crate::tui::view::bin::ENTRY_X) + 1;
        let wants = u16::try_from(cells).unwrap_or(u16::MAX);
        self.bin_wants.set(Some((key, wants)));
        wants
    }

    /// How the page view looks at the page.
    pub fn page_view(&self) -> PageView {
        self.page_view_of(&self.makeup.resolved(self.page_number()))
    }

    /// [`App::page_view`] with the page's boxes the caller has resolved already.
    pub fn page_view_of(&self, boxes: &[pasteup_core::layout::ResolvedBox]) -> PageView {
        let lines = self
            .makeup
            .issue()
            .pages
            .get(self.page)
            .map_or(0, |page| crate::tui::screen::page_lines(&page.grid, boxes));
        PageView { zoom: self.zoom, scroll_row: self.scroll_row, scroll_x: self.scroll_x, lines }
    }

    /// Scrolls the page view so that the selected box is in sight: all of it when it fits in
    /// the view, else its top; never past the page's end (see [`App::clamp_scroll`]).
    fn follow_selection(&mut self) {
        self.scroll_to_selection();
        self.clamp_scroll();
    }

    /// No blank rows under the page's end while lines above it are out of sight (found from
    /// outside: a box at the foot, selected, scrolled the view so that 24 blank rows stood under
    /// the foot and lines 1–50 were hidden). The end is the foot rule, or the row under the
    /// lowest box past the foot, as the text zoom draws them.
    fn clamp_scroll(&mut self) {
        let last = self.page_view().lines;
        let rows = u32::from(self.screen().page_rows());
        self.scroll_row = self.scroll_row.min((last + 1).saturating_sub(rows));
    }

    fn scroll_to_selection(&mut self) {
        let Some(p) = self.selection() else { return };
        let screen = self.screen();
        let rows = u32::from(screen.page_rows());
        if self.zoom == Zoom::Plan || rows == 0 {
            return;
        }
        let top = p.line.saturating_sub(1);
        if top < self.scroll_row || top >= self.scroll_row + rows {
            self.scroll_row = top.saturating_sub(2);
        }
        // Found from outside: `42J` showed a 29-line box's first line only, at the foot of
        // the view.
        let depth = self
            .makeup
            .resolved(self.page_number())
            .into_iter()
            .find(|b| b.item == p.item && b.part == p.part)
            .map_or(1, |b| b.box_depth);
        let bottom = top + depth;
        if bottom > self.scroll_row + rows {
            self.scroll_row = if depth >= rows { top } else { bottom - rows };
        }
        let Some(grid) = self.makeup.issue().pages.get(self.page).map(|p| p.grid.clone()) else { return };
        let x = pasteup_core::proof::page::column_x(&grid, p.column);
        // The box and the `<` beside it (found from outside: with the bin shown, the marker of
        // a box at the view's right edge fell under the bin).
        let width = grid.span_width(p.span) * 2 + 1;
        let cols = u32::from(screen.page_cols());
        if x < self.scroll_x || x + width > self.scroll_x + cols {
            self.scroll_x = if width >= cols { x } else { (x + width).saturating_sub(cols) };
        }
        // No blank past the page's right edge while its left columns are out of sight (found
        // from outside: a terminal made wider kept the narrow one's scroll).
        let page = pasteup_core::proof::page::page_cells(&grid) + 1;
        self.scroll_x = self.scroll_x.min(page.saturating_sub(cols));
    }

    /// The box under the pointer, and where in it the pointer holds it.
    fn grab(&self, x: u16, y: u16) -> Option<Drag> {
        let screen = self.screen();
        let page = self.makeup.issue().pages.get(self.page)?;
        let boxes = self.makeup.resolved(page.number);
        let view = self.page_view_of(&boxes);
        let b = screen.page_hit(&page.grid, view, &boxes, (x, y))?;
        let (column, lines) = screen.page_cell(&page.grid, view, (x, y))?;
        Some(Drag { item: b.item.clone(), grab: (column.saturating_sub(b.column), lines.start.saturating_sub(b.line)) })
    }

    /// Drops a dragged box: the point it was held by goes to the column and line under the
    /// pointer, pushing down what is there (as the keys do). A drop where it was is a click.
    fn drop_at(&mut self, drag: Drag, x: u16, y: u16) {
        let screen = self.screen();
        let Some(grid) = self.makeup.issue().pages.get(self.page).map(|p| p.grid.clone()) else { return };
        let Some((column, lines)) = screen.page_cell(&grid, self.page_view(), (x, y)) else { return };
        let Some(p) = self.makeup.placement_on(self.page_number(), &drag.item) else { return };
        let columns = self.makeup.issue().pages.get(self.page).map_or(1, |pg| pg.grid.columns);
        let column = column.saturating_sub(drag.grab.0).clamp(1, (columns + 1).saturating_sub(p.span).max(1));
        let line = lines.start.saturating_sub(drag.grab.1).max(1);
        if (column, line) == (p.column, p.line) {
            // A click: the box comes into view, as a key's selection does (found from outside:
            // a box half scrolled off stayed so).
            self.follow_selection();
            return;
        }
        let to = Target { column: Some(column), line: Some(line), span: None };
        let result = self.makeup.put(self.page_number(), &drag.item, to);
        self.report(result);
        self.select_id(drag.item);
    }

    /// Keys while the command line is open.
    fn prompt_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        match (self.prompt.key(key, &self.makeup), self.prompt.purpose.clone()) {
            (Typed::Run(line), Purpose::Command) => self.run_line(&line),
            (Typed::Run(line), Purpose::Headline { page, item, part }) => {
                self.rewrite_headline(page, &item, part, &line);
                Vec::new()
            }
            (Typed::Editing | Typed::Cancel, _) => Vec::new(),
        }
    }

    /// Runs a command line: one undo step for what changes the layout.
    pub fn run_line(&mut self, line: &str) -> Vec<Effect> {
        self.message = None;
        let command = match line.parse::<Command>() {
            // Found from outside: the status said ":find again for the next", and `:find` alone
            // was refused for want of a text. It looks for the last text again.
            Ok(Command::FindAgain) => self.find_text.clone().map_or(Command::FindAgain, Command::Find),
            Ok(Command::Find(text)) => {
                self.find_text = Some(text.clone());
                Command::Find(text)
            }
            Ok(command) => command,
            Err(refusal) => {
                self.say(Status::Refused(refusal), Tone::Warning);
                return Vec::new();
            }
        };
        // Found from outside: with a bin entry shown as the selection, `:depth 5` changed the
        // box still selected on the page, unseen and unsaid.
        // Named as parsed, not as typed: `：ｄｅｐｔｈ` is `:depth`.
        let on_selection = match &command {
            Command::Line(_) => Some("line"),
            Command::Column(_) => Some("column"),
            Command::Span(_) => Some("span"),
            Command::Depth(_) => Some("depth"),
            _ => None,
        };
        if let Some(name) = on_selection.filter(|_| self.focus == Focus::Bin) {
            self.say(Status::CommandForPage { command: name.to_string() }, Tone::Info);
            return Vec::new();
        }
        let selection = self.selection().map(|p| (p.item, p.part));
        let after = match &command {
            Command::Find(_) => self.found.clone(),
            _ => selection,
        };
        let (selected, part) = after.as_ref().map_or((None, 1), |(id, part)| (Some(id.as_str()), *part));
        let ctx = Context { page: self.page_number(), selected, part };
        let placing = matches!(command, Command::Place { .. });
        match self.makeup.run_command(ctx, command) {
            Ok(Done::Changed(outcome)) => {
                self.message = outcome_message(&outcome);
                if let Some(id) = outcome.touched.clone() {
                    self.select_item(&id, outcome.touched_part);
                }
                // As `Enter` from the bin: where the box went, unless a box past the foot or
                // a part left empty is the more urgent news.
                let urgent = outcome.warns();
                if placing && !urgent {
                    self.say_placed(&outcome);
                } else if on_selection.is_some() && !urgent {
                    self.say_box_now(&outcome);
                }
            }
            // The page on screen named again: the selection stays on the box the inspector
            // names, for the next command to edit.
            Ok(Done::Page(number)) if number == self.page_number() => {
                self.say(Status::PageShown { page: number }, Tone::Info);
            }
            Ok(Done::Page(number)) => {
                if let Some(i) = self.makeup.issue().pages.iter().position(|p| p.number == number) {
                    self.page = i;
                    (self.scroll_row, self.scroll_x) = (0, 0);
                    self.select_first();
                }
            }
            Ok(Done::Found(hit)) => {
                // The part found, on the page the status names (found from outside: on the page
                // of part 2 it selected part 2 and said part 1's page).
                self.select_item(&hit.item, Some(hit.part));
                let part = (hit.parts > 1 || hit.part > 1).then_some(hit.part);
                self.say(Status::Found { item: hit.item.clone(), part, page: hit.page }, Tone::Info);
                self.found = Some((hit.item, hit.part));
            }
            Ok(Done::Shell(command)) => return self.shell_command(command),
            Err(refusal) => self.say(Status::Refused(refusal), Tone::Warning),
        }
        self.follow_selection();
        Vec::new()
    }

    /// `y` to a question about saving: the save, and the quit that waited on it (found from
    /// outside: `:wq` that met "changed on disk" saved after `y` but stayed open).
    fn save_answered(&mut self) -> Vec<Effect> {
        let mut effects = vec![Effect::Save { force: true }];
        if std::mem::take(&mut self.quit_when_saved) {
            effects.push(Effect::Quit { discard: false });
        }
        effects
    }

    /// `:line`, `:column`, `:span` or `:depth` done: where the selected box now stands.
    fn say_box_now(&mut self, outcome: &Outcome) {
        let Some((item, part)) = self.selection().map(|p| (p.item, p.part)) else { return };
        if let Some(p) = self.makeup.part_on(self.page_number(), &item, part) {
            let (first, last) = (p.column, p.column + p.span.max(1) - 1);
            let (line, depth, pushed) = (p.line, p.depth, outcome.pushed.clone());
            self.say(Status::BoxNow { item, part, first, last, line, depth, pushed }, Tone::Info);
        }
    }

    /// `:place` done: the column and line the box now stands at.
    fn say_placed(&mut self, outcome: &Outcome) {
        let Some(item) = outcome.touched.clone() else { return };
        let part = outcome.touched_part.unwrap_or(1);
        if let Some(p) = self.makeup.part_on(self.page_number(), &item, part) {
            let (column, line) = (p.column, p.line);
            let overlap = outcome.overlap_pushed.clone();
            let pushed = outcome.pushed.iter().filter(|p| !overlap.contains(p)).cloned().collect();
            self.say(Status::Placed { item, part, column, line, pushed, overlap }, Tone::Info);
        }
    }

    fn shell_command(&mut self, command: Command) -> Vec<Effect> {
        match command {
            Command::Write => vec![Effect::Save { force: false }],
            Command::WriteTo { path, force } => vec![Effect::SaveCopy { path: PathBuf::from(path), force }],
            Command::WriteQuit => vec![Effect::Save { force: false }, Effect::Quit { discard: false }],
            Command::ForceQuit => vec![Effect::DiscardRecovery, Effect::Quit { discard: true }],
            _ => self.act(Action::Quit),
        }
    }

    /// Sets the bin items in sight at the span they will be placed at, so that drawing the
    /// bin sets nothing.
    fn warm_bin(&mut self) {
        let screen = self.screen();
        if screen.bin.is_none() {
            return;
        }
        let (first, rows) = screen.bin_window(self.bin_cursor);
        let page = self.page_number();
        let ids: Vec<String> = self.makeup.bin().iter().skip(first).take(rows).map(|s| s.to_string()).collect();
        for id in ids {
            self.makeup.warm_bin_fit(page, &id);
        }
    }

    /// The depth setting of the selected box, for the inspector.
    pub fn selected_depth(&self) -> Option<Depth> {
        self.selection().map(|p| p.depth)
    }
}

/// The presses a key event stands for. A terminal sends `Esc` and a key typed quickly after
/// it (or arriving in one read over SSH) as the bytes of Alt and that key, and pasteup binds
/// no Alt key: so Alt-`j` is `Esc` then `j` (found from outside: `Esc j` on the `:` line left
/// it open and lost the `j`; `Esc J q` quit without asking).
fn presses(key: KeyEvent) -> Vec<KeyEvent> {
    if !key.modifiers.contains(KeyModifiers::ALT) {
        return vec![key];
    }
    let esc = KeyEvent { code: KeyCode::Esc, modifiers: KeyModifiers::NONE, ..key };
    vec![esc, KeyEvent { modifiers: key.modifiers - KeyModifiers::ALT, ..key }]
}

fn outcome_message(outcome: &Outcome) -> Option<Message> {
    let besides = Besides::from(outcome);
    if besides.is_empty() {
        return None;
    }
    let tone = if outcome.warns() { Tone::Warning } else { Tone::Info };
    Some(Message { status: Status::Pushed(besides), tone })
}
