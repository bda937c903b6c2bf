//! End-to-end support: the real `pasteup` binary in a pseudo-terminal, its output fed to a
//! `vt100` screen on a reader thread, keys written as a person types them, and a guard that
//! kills the child whatever happens to the test.
//!
//! Synchronisation is always "wait until the screen shows X" (or the file, the process, the
//! terminal's input queue), polled every 50 ms by [`eventually`] with a generous timeout, never
//! a bare sleep: the tests run on a loaded 2-core machine, and CI on 2 busy cores.
//!
//! The screen a test looks at is the last whole frame the editor drew ([`Session::shot`]),
//! never one half drawn: a frame is many writes (standard output flushes every kilobyte), and
//! under load the reader saw the title of a new frame over the rows of the old one.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use pasteup::tui::key_notation::parse_keys;
use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

/// How long any one thing may take to show up: long, since waits end as soon as the thing is
/// there (a quiet machine takes well under a second), and a test that waits this long has
/// failed anyway. Loaded with four busy loops on two cores, a step took over 20 s.
pub const TIMEOUT: Duration = Duration::from_secs(60);
const POLL: Duration = Duration::from_millis(50);

/// How every frame the editor draws ends: ratatui hides the cursor after the cells (the
/// editor never shows it), and the terminal given back shows it again.
const FRAME_ENDS: [&[u8]; 2] = [b"\x1b[?25l", b"\x1b[?25h"];

/// Polls `cond` every 50 ms until it holds, for up to [`TIMEOUT`]: whether it held. The one
/// wait every other wait here is made of.
pub fn eventually(mut cond: impl FnMut() -> bool) -> bool {
    let start = Instant::now();
    loop {
        if cond() {
            return true;
        }
        if start.elapsed() > TIMEOUT {
            return false;
        }
        std::thread::sleep(POLL);
    }
}

/// Waits until `cond` holds (a file, a process's state); panics naming `what` after
/// [`TIMEOUT`].
pub fn wait_until(what: &str, cond: impl FnMut() -> bool) {
    assert!(eventually(cond), "not within {TIMEOUT:?}: {what}");
}

pub const COLS: u16 = 160;
pub const ROWS: u16 = 45;

pub const ISSUE: &str = "taiyuan-2023-02-10.ron";
pub const LAYOUT: &str = "taiyuan-2023-02-10.layout.ron";

/// The bytes a terminal sends for a key press (xterm's encoding, which crossterm reads).
pub fn terminal_bytes(key: &KeyEvent) -> Vec<u8> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let shift = key.modifiers.contains(KeyModifiers::SHIFT);
    let mut out = if key.modifiers.contains(KeyModifiers::ALT) { vec![0x1b] } else { Vec::new() };
    // Cursor keys carry their modifiers as xterm writes them: ESC [ 1 ; 2 A is Shift+Up.
    let cursor = |end: char| {
        let held = 1 + u8::from(shift) + 4 * u8::from(ctrl);
        if held == 1 { format!("\x1b[{end}") } else { format!("\x1b[1;{held}{end}") }
    };
    let text = match key.code {
        KeyCode::Char(c) if ctrl && c.is_ascii_alphabetic() => {
            ((c.to_ascii_lowercase() as u8 & 0x1f) as char).to_string()
        }
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Tab => "\t".into(),
        KeyCode::BackTab => "\x1b[Z".into(),
        KeyCode::Enter => "\r".into(),
        KeyCode::Esc => "\x1b".into(),
        KeyCode::Backspace => "\x7f".into(),
        KeyCode::Delete => "\x1b[3~".into(),
        KeyCode::PageUp => "\x1b[5~".into(),
        KeyCode::PageDown => "\x1b[6~".into(),
        KeyCode::Up => cursor('A'),
        KeyCode::Down => cursor('B'),
        KeyCode::Right => cursor('C'),
        KeyCode::Left => cursor('D'),
        KeyCode::Home => cursor('H'),
        KeyCode::End => cursor('F'),
        KeyCode::F(n @ 1..=4) => format!("\x1bO{}", (b'P' + n - 1) as char),
        KeyCode::F(n @ 5..=12) => format!("\x1b[{}~", [15, 17, 18, 19, 20, 21, 23, 24][usize::from(n - 5)]),
        other => panic!("no terminal bytes for {other:?}"),
    };
    out.extend_from_slice(text.as_bytes());
    out
}

/// A copy of the sample issue, its layout and its pictures in a temporary folder, laid out as
/// in the repository (`layouts/*.ron`, `assets/*.png`), so saves never touch the repository.
pub struct Fixture {
    pub dir: tempfile::TempDir,
}

impl Fixture {
    pub fn new() -> Fixture {
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(dir.path().join("layouts")).unwrap();
        std::fs::create_dir_all(dir.path().join("assets")).unwrap();
        for name in [ISSUE, LAYOUT] {
            std::fs::copy(repo.join("layouts").join(name), dir.path().join("layouts").join(name)).unwrap();
        }
        for entry in std::fs::read_dir(repo.join("assets")).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "png") {
                std::fs::copy(&path, dir.path().join("assets").join(path.file_name().unwrap())).unwrap();
            }
        }
        Fixture { dir }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn issue(&self) -> PathBuf {
        self.root().join("layouts").join(ISSUE)
    }

    pub fn layout(&self) -> PathBuf {
        self.root().join("layouts").join(LAYOUT)
    }

    /// Every editor's journal beside the layout (`LAYOUT.recover.PID`), in name order.
    pub fn journals(&self) -> Vec<PathBuf> {
        let prefix = format!("{LAYOUT}.recover");
        let mut found: Vec<PathBuf> = std::fs::read_dir(self.root().join("layouts"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(&prefix))
            .collect();
        found.sort();
        found
    }

    /// The one journal there is (a path that does not exist when there is none).
    pub fn recovery(&self) -> PathBuf {
        let mut all = self.journals();
        assert!(all.len() <= 1, "more than one journal: {all:?}");
        all.pop().unwrap_or_else(|| self.root().join("layouts").join(format!("{LAYOUT}.recover")))
    }

    /// The journal of the editor with process id `pid`.
    pub fn journal_of(&self, pid: u32) -> PathBuf {
        self.root().join("layouts").join(format!("{LAYOUT}.recover.{pid}"))
    }

    /// Waits until there is a journal (or none), and returns it.
    pub fn wait_for_journal(&self, exists: bool) -> PathBuf {
        wait_until(if exists { "a journal" } else { "no journal" }, || self.journals().is_empty() != exists);
        self.recovery()
    }

    /// The layout's lock file (`LAYOUT.lock`), there while an editor has the layout open.
    pub fn lock(&self) -> PathBuf {
        self.root().join("layouts").join(format!("{LAYOUT}.lock"))
    }

    pub fn layout_text(&self) -> String {
        std::fs::read_to_string(self.layout()).expect("layout file")
    }

    pub fn read_layout(&self) -> pasteup_core::model::Layout {
        let path = self.layout();
        pasteup_core::format::parse_layout(&path, &self.layout_text()).expect("the saved layout parses")
    }

    /// Starts the editor on the copied issue (`layouts/ISSUE` relative to the folder).
    pub fn open(&self, extra_args: &[&str], env: &[(&str, &str)]) -> Session {
        let mut args = vec!["layouts/taiyuan-2023-02-10.ron"];
        args.extend_from_slice(extra_args);
        Session::spawn(self.root(), &args, env, COLS, ROWS)
    }
}

/// The editor running in a pty, and what the pty showed.
pub struct Session {
    /// Every byte so far, drawn: the screen as it is, a frame perhaps half drawn.
    parser: Arc<Mutex<vt100::Parser>>,
    /// The screen as the last whole frame left it, or as the last byte left it once the editor
    /// is gone: what tests look at.
    frame: Arc<Mutex<vt100::Screen>>,
    /// Every byte the editor wrote, for checks on escape sequences.
    raw: Arc<Mutex<Vec<u8>>>,
    master: Option<Box<dyn MasterPty + Send>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    pid: Option<u32>,
    reader: Option<JoinHandle<()>>,
    hanging_up: Arc<AtomicBool>,
    exit: Option<ExitStatus>,
}

impl Session {
    pub fn spawn(cwd: &Path, args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Session {
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_pasteup"));
        cmd.args(args);
        Session::spawn_command(cmd, cwd, env, cols, rows)
    }

    /// As [`Session::spawn`], with the editor's standard error written to `stderr` instead of
    /// the pty: what it says as it ends, when the terminal is gone.
    pub fn spawn_saying_to(cwd: &Path, args: &[&str], stderr: &Path) -> Session {
        // `exec` keeps the process: the editor is the session's leader, as when spawned itself.
        let mut cmd = CommandBuilder::new("sh");
        cmd.args(["-c", r#"exec "$0" "$@" 2>"$PASTEUP_TEST_STDERR""#, env!("CARGO_BIN_EXE_pasteup")]);
        cmd.args(args);
        cmd.env("PASTEUP_TEST_STDERR", stderr);
        Session::spawn_command(cmd, cwd, &[], COLS, ROWS)
    }

    /// As [`Session::spawn_saying_to`], the editor run under strace with every fsync(2) held
    /// `delay` first: a save stuck on a slow disk. See [`strace_works`].
    pub fn spawn_with_slow_fsync(cwd: &Path, args: &[&str], stderr: &Path, delay: Duration) -> Session {
        let mut cmd = CommandBuilder::new("sh");
        let script = r#"exec strace -f -qq -o /dev/null -e trace=fsync -e inject=fsync:delay_enter="$PASTEUP_TEST_DELAY" "$0" "$@" 2>"$PASTEUP_TEST_STDERR""#;
        cmd.args(["-c", script, env!("CARGO_BIN_EXE_pasteup")]);
        cmd.args(args);
        cmd.env("PASTEUP_TEST_STDERR", stderr);
        cmd.env("PASTEUP_TEST_DELAY", delay.as_micros().to_string());
        Session::spawn_command(cmd, cwd, &[], COLS, ROWS)
    }

    fn spawn_command(mut cmd: CommandBuilder, cwd: &Path, env: &[(&str, &str)], cols: u16, rows: u16) -> Session {
        let pty = native_pty_system();
        let pair = pty.openpty(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }).expect("openpty");
        cmd.cwd(cwd);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("COLORTERM");
        // An English interface unless a test asks for another locale.
        cmd.env_remove("LC_ALL");
        cmd.env_remove("LC_MESSAGES");
        cmd.env("LANG", "C.UTF-8");
        // The spare folder for journals the layout's folder cannot take: the test's own.
        cmd.env("XDG_STATE_HOME", cwd.join(".state"));
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn pasteup in the pty");
        let pid = child.process_id();
        // Only the child holds the slave now: when it exits, reads on the master end.
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(nz(rows), nz(cols), 0)));
        let frame = Arc::new(Mutex::new(parser.lock().unwrap().screen().clone()));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let hanging_up = Arc::new(AtomicBool::new(false));
        let reader = {
            let (parser, frame, raw) = (parser.clone(), frame.clone(), raw.clone());
            let hanging_up = hanging_up.clone();
            std::thread::spawn(move || {
                let mut buf = [0u8; 8192];
                // Ends (closing its copy of the master) when asked by `hang_up`, at the next
                // output.
                while !hanging_up.load(Ordering::Relaxed) {
                    match reader.read(&mut buf) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => {
                            let mut raw = raw.lock().unwrap();
                            let seen = raw.len();
                            raw.extend_from_slice(&buf[..n]);
                            draw_by_frames(&raw, seen, &parser, &frame);
                        }
                    }
                }
                // What the editor wrote last (as it ended, or stopped) is no frame of its own.
                *frame.lock().unwrap() = parser.lock().unwrap().screen().clone();
            })
        };
        Session {
            parser,
            frame,
            raw,
            master: Some(pair.master),
            writer,
            child,
            pid,
            reader: Some(reader),
            hanging_up,
            exit: None,
        }
    }

    /// Types keys written as a key string (`"Tab Enter L C-s"`, see
    /// `pasteup::tui::key_notation`), each as the terminal sends it.
    pub fn press(&mut self, keys: &str) {
        let bytes: Vec<u8> = parse_keys(keys).expect("a key string").iter().flat_map(terminal_bytes).collect();
        self.send(&bytes);
    }

    /// Writes bytes to the editor as the terminal would.
    pub fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).expect("write to the pty");
        self.writer.flush().expect("flush the pty");
    }

    /// The screen as text, one line a row (trailing blanks trimmed).
    pub fn screen_text(&self) -> String {
        self.with_screen(|screen| screen.contents())
    }

    /// The screen's rows, each exactly as vt100 holds it.
    pub fn rows(&self) -> Vec<String> {
        self.with_screen(|screen| screen.rows(0, screen.size().1.get()).collect())
    }

    /// Runs `f` on the vt100 screen as the last whole frame left it (for cell attributes,
    /// cursor and mode checks).
    pub fn with_screen<T>(&self, f: impl FnOnce(&vt100::Screen) -> T) -> T {
        f(&self.frame.lock().unwrap())
    }

    pub fn raw_output(&self) -> Vec<u8> {
        self.raw.lock().unwrap().clone()
    }

    /// Waits until `cond` holds on a whole frame; panics with the screen after [`TIMEOUT`].
    pub fn wait_for(&mut self, what: &str, cond: impl Fn(&Shot) -> bool) -> Shot {
        let mut last = self.shot();
        if eventually(|| {
            last = self.shot();
            cond(&last)
        }) {
            return last;
        }
        let exited = self.child.try_wait().ok().flatten();
        panic!("timed out after {TIMEOUT:?} waiting for: {what}\nchild exit: {exited:?}\nscreen:\n{}", last.numbered());
    }

    /// The screen now: the last whole frame, measured as it was drawn (a resize shows once the
    /// editor has drawn at the new size).
    pub fn shot(&self) -> Shot {
        self.with_screen(|screen| {
            let (rows, cols) = screen.size();
            Shot { rows: screen.rows(0, cols.get()).collect(), cols: cols.get(), height: rows.get() }
        })
    }

    /// Resizes the terminal: the screen model first, then the pty (which signals the child).
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.parser.lock().unwrap().set_size(nz(rows), nz(cols));
        let master = self.master.as_ref().expect("the terminal is there");
        master.resize(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }).expect("resize the pty");
    }

    /// Still running?
    pub fn is_running(&mut self) -> bool {
        self.exit.is_none() && self.child.try_wait().expect("try_wait").is_none()
    }

    /// The editor's process id.
    pub fn pid(&self) -> u32 {
        self.pid.expect("the editor has a pid")
    }

    /// Waits until the editor has read every byte sent to it (none left in the terminal's
    /// input queue), so that what follows comes after it.
    pub fn wait_until_read(&self) {
        let tty = self.master.as_ref().and_then(|m| m.tty_name()).expect("the pty's name");
        let slave = std::fs::OpenOptions::new()
            .read(true)
            .custom_flags(rustix::fs::OFlags::NOCTTY.bits() as i32)
            .open(&tty)
            .expect("the pty's terminal side");
        wait_until("the editor reads its input", || {
            // Bytes written to the pty reach the input queue later, from a kernel worker: an
            // empty queue looked at before then said nothing (found when a sleep was taken
            // out: the keys, still on their way, came with the resize meant to follow them).
            // A poll of the terminal side waits for that worker first.
            let mut fds = [rustix::event::PollFd::new(&slave, rustix::event::PollFlags::IN)];
            let _ = rustix::event::poll(&mut fds, Some(&rustix::event::Timespec::default()));
            rustix::io::ioctl_fionread(&slave).expect("FIONREAD") == 0
        });
    }

    /// Writes `text` as a bracketed paste, as a terminal does when the program turned it on.
    pub fn paste(&mut self, text: &str) {
        self.send(format!("\x1b[200~{text}\x1b[201~").as_bytes());
    }

    /// Waits for the editor to exit by itself and returns its status.
    pub fn wait_exit(&mut self) -> ExitStatus {
        if let Some(status) = self.exit.clone() {
            return status;
        }
        let mut exited = None;
        if !eventually(|| {
            exited = self.child.try_wait().expect("try_wait");
            exited.is_some()
        }) {
            panic!("pasteup did not exit within {TIMEOUT:?}; screen:\n{}", self.shot().numbered());
        }
        let status = exited.expect("exited");
        self.exit = Some(status.clone());
        self.join_reader();
        status
    }

    /// The terminal goes away (a closed window, a dropped SSH session, `tmux kill-session`):
    /// the pty's master side is closed.
    pub fn hang_up(&mut self) {
        // Every copy of the master must close: the reader's too. It stops at the next output,
        // which a NUL written to the terminal's other side brings, whether the editor draws
        // or not (an editor stuck inside its input reader draws nothing).
        self.hanging_up.store(true, Ordering::Relaxed);
        let tty = self.master.as_ref().and_then(|m| m.tty_name()).expect("the pty's name");
        let mut slave = std::fs::OpenOptions::new()
            .write(true)
            .custom_flags(rustix::fs::OFlags::NOCTTY.bits() as i32)
            .open(&tty)
            .expect("the pty's terminal side");
        slave.write_all(&[0]).expect("a NUL to the pty");
        drop(slave);
        wait_until("the reader lets go of the pty", || self.reader.as_ref().is_none_or(|r| r.is_finished()));
        self.writer = Box::new(std::io::sink());
        self.master = None;
    }

    /// Kills the editor with SIGKILL, as a crash or a killed terminal would, and reaps it.
    pub fn kill_hard(&mut self) {
        if let Some(pid) = self.pid {
            sigkill(pid);
        }
        let status = self.child.wait().expect("wait for the killed child");
        self.exit = Some(status);
        self.join_reader();
    }

    /// Lets the reader thread drain what the child wrote before it exited: what a test reads
    /// then is all of it (found under load: 5 s were not enough, and the message the editor
    /// ends with was not yet on the screen).
    fn join_reader(&mut self) {
        if let Some(handle) = self.reader.take() {
            // Reads end with EIO once the slave side is closed; don't hang if it doesn't.
            wait_until("the reader drains the pty", || handle.is_finished());
            let _ = handle.join();
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if self.exit.is_none() && matches!(self.child.try_wait(), Ok(None)) {
            if let Some(pid) = self.pid {
                sigkill(pid);
            }
            let _ = self.child.wait();
        }
    }
}

/// One look at the screen.
#[derive(Debug, Clone)]
pub struct Shot {
    pub rows: Vec<String>,
    pub cols: u16,
    pub height: u16,
}

impl Shot {
    pub fn row(&self, i: usize) -> &str {
        self.rows.get(i).map_or("", |s| s.as_str())
    }

    pub fn title(&self) -> &str {
        self.row(0)
    }

    /// Second-to-last row.
    pub fn inspector(&self) -> &str {
        self.row(self.rows.len().saturating_sub(2))
    }

    /// Last row.
    pub fn status(&self) -> &str {
        self.row(self.rows.len().saturating_sub(1))
    }

    /// The status message, from the inspector's row too when it took two (a long message does),
    /// its rows joined.
    pub fn message(&self) -> String {
        format!("{} {}", self.inspector().trim_end(), self.status().trim())
    }

    pub fn text(&self) -> String {
        self.rows.join("\n")
    }

    pub fn contains(&self, s: &str) -> bool {
        self.rows.iter().any(|r| r.contains(s))
    }

    pub fn numbered(&self) -> String {
        self.rows.iter().enumerate().map(|(i, r)| format!("{i:>3}|{r}\n")).collect()
    }

    /// The page's title bar and the bin header: the editor is drawn.
    pub fn shows_editor(&self) -> bool {
        self.title().contains("pasteup | page ")
            && self.title().contains("| 太原日报 2023-02-10 |")
            && self.contains(" bin: ")
    }

    /// The inspector's box: item id and (first column, span), from `id · columns a–b` or
    /// `id · column a`.
    pub fn selected_box(&self) -> Option<(String, u16, u16)> {
        inspector_box(&self.inspector_normalized())
    }

    /// The inspector with the padding a `--ambiwidth double` editor puts after `·` and `–`
    /// (it counts them two cells wide; vt100, like xterm, draws them one wide) taken out.
    pub fn inspector_normalized(&self) -> String {
        self.inspector().replace("·  ", "· ").replace("– ", "–")
    }

    /// The inspector's `lines a–b`.
    pub fn selected_lines(&self) -> Option<(u32, u32)> {
        let inspector = self.inspector_normalized();
        let rest = inspector.split(" · lines ").nth(1)?;
        let range = rest.split(' ').next()?;
        let (a, b) = range.split_once('–')?;
        Some((a.parse().ok()?, b.parse().ok()?))
    }

    /// No raw escape sequence or control character leaked onto the screen, and no row is
    /// wider than the terminal.
    pub fn assert_clean(&self) {
        for (i, row) in self.rows.iter().enumerate() {
            assert!(
                !row.chars().any(|c| c.is_control()),
                "row {i} holds a control character: {row:?}\n{}",
                self.numbered()
            );
            for garbage in ["[?1049", "[?25", "[38;5;", "[48;5;", "[0m", "[1;1H", "^["] {
                assert!(!row.contains(garbage), "row {i} shows raw escape text {garbage:?}: {row:?}");
            }
            let width = unicode_width::UnicodeWidthStr::width(row.as_str());
            assert!(width <= usize::from(self.cols), "row {i} is {width} columns wide (> {}): {row:?}", self.cols);
        }
        assert!(
            self.rows.len() <= usize::from(self.height),
            "{} rows on a {}-row screen",
            self.rows.len(),
            self.height
        );
    }
}

/// A popup as the terminal drew it, measured cell by cell: for each row inside its frame, the
/// column where its right border stands and the column where the text after the first run
/// of blanks starts (the help's descriptions).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PopupCells {
    pub left: u16,
    pub right_borders: Vec<u16>,
    pub text_columns: Vec<Option<u16>>,
}

/// Finds the popup whose top edge carries ` title ` and measures it.
pub fn measure_popup(screen: &vt100::Screen, title: &str) -> Option<PopupCells> {
    let (rows, cols) = screen.size();
    let (rows, cols) = (rows.get(), cols.get());
    let at = |r: u16, c: u16| screen.cell(r, c).map_or("", |cell| cell.contents());
    let text_from = |r: u16, c: u16| -> String { (c..cols).map(|x| at(r, x)).collect() };
    let (top, left) = (0..rows)
        .flat_map(|r| (0..cols).map(move |c| (r, c)))
        .find(|&(r, c)| at(r, c) == "┌" && text_from(r, c + 2).starts_with(&format!(" {title} ")))?;
    let mut right_borders = Vec::new();
    let mut text_columns = Vec::new();
    for r in top + 1..rows {
        if at(r, left) != "│" {
            break;
        }
        right_borders.push((left + 1..cols).find(|&c| at(r, c) == "│")?);
        // Skip the keys, then the blanks after them.
        let cells: Vec<u16> = (left + 2..cols).collect();
        let after_keys = cells.iter().position(|&c| at(r, c).trim().is_empty()).map(|i| cells[i]);
        text_columns.push(after_keys.and_then(|k| (k..cols).find(|&c| !at(r, c).trim().is_empty())));
    }
    Some(PopupCells { left, right_borders, text_columns })
}

/// `" yangqu-seven-projects · columns 1–2 · lines …"` → `("yangqu-seven-projects", 1, 2)`.
pub fn inspector_box(line: &str) -> Option<(String, u16, u16)> {
    let mut parts = line.trim_start().split(" · ");
    let id = parts.next()?.to_string();
    let cols = parts.next()?;
    if let Some(range) = cols.strip_prefix("columns ") {
        let (a, b) = range.split_once('–')?;
        let (a, b): (u16, u16) = (a.parse().ok()?, b.parse().ok()?);
        Some((id, a, b - a + 1))
    } else {
        let a: u16 = cols.strip_prefix("column ")?.parse().ok()?;
        Some((id, a, 1))
    }
}

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("a terminal is at least 1×1")
}

/// Does the byte string hold `needle`?
pub fn bytes_contain(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// Waits until a file exists (the recovery journal), or is gone.
pub fn wait_for_file(path: &Path, exists: bool) {
    let what = format!("{} {}", path.display(), if exists { "appears" } else { "is gone" });
    wait_until(&what, || path.exists() == exists);
}

/// Feeds the editor's output from `raw[seen..]` to `parser`, and the screen after each whole
/// frame to `frame`. A frame's end may have come in two reads: it is looked for from just
/// before `seen`.
fn draw_by_frames(raw: &[u8], seen: usize, parser: &Mutex<vt100::Parser>, frame: &Mutex<vt100::Screen>) {
    let mut parser = parser.lock().unwrap();
    let mut from = seen;
    let longest = FRAME_ENDS.iter().map(|e| e.len()).max().unwrap_or(0);
    let mut at = seen.saturating_sub(longest - 1);
    while let Some(end) = frame_end(raw, at) {
        if end > from {
            parser.process(&raw[from..end]);
            from = end;
            *frame.lock().unwrap() = parser.screen().clone();
        }
        at = end;
    }
    parser.process(&raw[from..]);
}

/// Where the first frame end at or after `at` in `raw` ends.
fn frame_end(raw: &[u8], at: usize) -> Option<usize> {
    let ends =
        FRAME_ENDS.iter().filter_map(|e| raw[at..].windows(e.len()).position(|w| w == *e).map(|i| at + i + e.len()));
    ends.min()
}

/// SIGKILL to our own child (not reaped yet), with kill(1) so that no test needs `unsafe`.
fn sigkill(pid: u32) {
    let _ = std::process::Command::new("kill").args(["-KILL", &pid.to_string()]).status();
}

/// Waits until process `pid` is stopped (job control).
pub fn wait_stopped(pid: u32) {
    wait_until(&format!("pid {pid} stopped"), || stopped(pid));
}

/// Whether process `pid` is stopped (job control), from /proc.
pub fn stopped(pid: u32) -> bool {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    stat.rsplit(')').next().is_some_and(|rest| rest.trim_start().starts_with('T'))
}

/// Whether strace runs a program here (installed, and tracing allowed): the tests of a save
/// stuck in fsync slow it with strace, and say they are skipped where it cannot.
pub fn strace_works() -> bool {
    let ran = std::process::Command::new("strace")
        .args(["-f", "-qq", "-o", "/dev/null", "-e", "trace=fsync", "-e", "inject=fsync:delay_enter=1000", "true"])
        .stderr(std::process::Stdio::null())
        .status();
    let works = ran.is_ok_and(|s| s.success());
    if !works {
        eprintln!("skipped: needs strace, and tracing allowed (apt-get install strace)");
    }
    works
}

/// The `pasteup` that process `pid` (strace, or a shell that started it) runs, once there.
pub fn traced_by(pid: u32) -> u32 {
    let children = |of: u32| -> Vec<u32> {
        let list = std::fs::read_to_string(format!("/proc/{of}/task/{of}/children")).unwrap_or_default();
        list.split_whitespace().filter_map(|c| c.parse().ok()).collect()
    };
    let is_pasteup = |p: &u32| std::fs::read_to_string(format!("/proc/{p}/comm")).is_ok_and(|c| c.trim() == "pasteup");
    let mut found = None;
    wait_until(&format!("pid {pid} runs pasteup"), || {
        let mut at = vec![pid];
        while let Some(p) = at.pop() {
            if is_pasteup(&p) {
                found = Some(p);
                return true;
            }
            at.extend(children(p));
        }
        false
    });
    found.expect("a pasteup pid")
}

/// The temporary files of saves (`.pasteup-*.tmp`) in `dir`.
pub fn temporary_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(".pasteup-") && n.to_string_lossy().ends_with(".tmp"))
        })
        .collect()
}
