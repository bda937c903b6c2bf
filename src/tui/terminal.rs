//! Entering and leaving the terminal: raw mode, alternate screen, mouse, bracketed paste. The terminal is
//! restored on every way out, a panic included, before anything is printed.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, IsTerminal, Stdout, stdout};
use std::os::fd::{AsFd, AsRawFd, OwnedFd};
use std::os::unix::net::UnixStream;
use std::time::Duration;

use crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event, KeyCode, KeyEvent, KeyModifiers};
use crossterm::execute;
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use super::esc_code::{self, AfterEsc};
use super::redraw::Display;

/// The editor's terminal, each frame drawn as a full draw would show it (`redraw`).
pub type Term = Display<CrosstermBackend<Stdout>>;

/// Whether the editor has the alternate screen (entered and not yet left).
static ON_ALTERNATE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Whether the editor has the terminal (raw mode set and not yet given back).
static TAKEN: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Whether the editor has the terminal now: not before [`enter`], nor after [`leave`] until
/// [`resume`].
pub fn taken() -> bool {
    TAKEN.load(std::sync::atomic::Ordering::SeqCst)
}

/// Puts the terminal into editing mode and makes a panic restore it first.
pub fn enter() -> io::Result<Term> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        leave();
        hook(info);
    }));
    resume()
}

/// Raw mode, the alternate screen (blank), mouse and bracketed paste, as [`enter`] sets them,
/// and a terminal that draws every cell of its first frame: again after the editor was stopped
/// (SIGTSTP) and continued. Not ratatui's `clear`, which asks the terminal where its cursor is
/// and gives up after a while (found in the test of a stop: the editor then ended, exit 2).
pub fn resume() -> io::Result<Term> {
    enable_raw_mode()?;
    TAKEN.store(true, std::sync::atomic::Ordering::SeqCst);
    // Bracketed paste: a paste arrives as one event, never as key presses (a pasted story
    // holds `q`, `y`, `u`…).
    let blank = crossterm::terminal::Clear(crossterm::terminal::ClearType::All);
    execute!(stdout(), EnterAlternateScreen, blank, MouseButtons(true), EnableBracketedPaste)?;
    ON_ALTERNATE.store(true, std::sync::atomic::Ordering::SeqCst);
    Terminal::new(CrosstermBackend::new(stdout())).map(Display::new)
}

/// Gives the terminal back as it was; safe to call more than once. The alternate screen is
/// blanked first: tmux, the window grown in both width and height meanwhile, gave rows of the
/// page back on the shell's screen (found from outside). A terminal given back already is not
/// touched again: it may be the shell's now, with the editor a stopped job in the background,
/// where setting its modes would stop the editor again (found from outside: `kill %1` left it
/// `Stopped (tty output)`, holding its lock).
pub fn leave() {
    // Only the editor's own screen: a second call must not blank the shell's.
    if ON_ALTERNATE.swap(false, std::sync::atomic::Ordering::SeqCst) {
        let _ = execute!(stdout(), crossterm::terminal::Clear(crossterm::terminal::ClearType::All));
    }
    if TAKEN.swap(false, std::sync::atomic::Ordering::SeqCst) {
        let _ = execute!(
            stdout(),
            DisableBracketedPaste,
            MouseButtons(false),
            LeaveAlternateScreen,
            crossterm::cursor::Show
        );
        let _ = disable_raw_mode();
    }
}

/// Mouse reports of presses, releases and the wheel only, in the SGR form (modes 1000 and
/// 1006). crossterm's `EnableMouseCapture` also asks for every motion of the pointer (1003):
/// over a slow SSH link each twitch of the mouse was a report sent and read for nothing
/// (found from outside). A drag is its press and its release.
struct MouseButtons(bool);

impl crossterm::Command for MouseButtons {
    fn write_ansi(&self, f: &mut impl std::fmt::Write) -> std::fmt::Result {
        f.write_str(if self.0 { "\x1b[?1000h\x1b[?1006h" } else { "\x1b[?1006l\x1b[?1000l" })
    }
}

/// What waiting on the terminal gave.
#[derive(Debug)]
pub enum Input {
    Event(Event),
    /// Nothing within the time asked.
    Idle,
    /// The terminal is gone: a closed window, a dropped SSH session, `tmux kill-session`.
    HungUp,
}

/// The terminal's input as crossterm reads it (standard input when it is a terminal, else
/// `/dev/tty`), watched with poll(2) for a hang-up before crossterm is asked: crossterm 0.29's
/// reader loops forever on a hung-up terminal and never returns, even with a timeout
/// (crossterm-rs/crossterm#793), so the editor would neither see the hang-up nor its SIGHUP.
pub struct Keyboard {
    /// The editor's own handle on the terminal, watched for input and a hang-up whatever
    /// standard input is made ([`own_input_for_crossterm`], [`watch_for_hang_up`]).
    tty: Option<OwnedFd>,
    /// Written to on SIGWINCH, so that a resize ends the wait at once (the signal may be
    /// delivered to another thread, leaving poll(2) here uninterrupted).
    resized: Option<UnixStream>,
    /// A SIGWINCH came since the size was last given: crossterm 0.29 loses a resize that wakes
    /// it with input (it hands over the key and never looks at the signal again), so the size
    /// is given here too once the input read before it is handled (found when a test's sleep
    /// was taken out: grown from too small with a key on its way, the editor drew the page and
    /// ignored every key, taking itself for too small still).
    resize_unseen: std::cell::Cell<bool>,
    /// Events read with an `Esc`, after it, not handed over yet ([`Keyboard::read_on_after_esc`]).
    held: VecDeque<Event>,
}

/// How long a paste that came right after an `Esc` may pause between two of its reads and still
/// be one paste: its end mark is lost with its start (see [`esc_code`]).
const PASTE_PAUSE: Duration = Duration::from_millis(50);

impl Keyboard {
    /// Made before crossterm first reads: standard input is replaced here.
    pub fn new() -> Keyboard {
        let stdin = io::stdin();
        let tty: Option<OwnedFd> = if stdin.is_terminal() {
            stdin.as_fd().try_clone_to_owned().ok()
        } else {
            File::options().read(true).open("/dev/tty").ok().map(OwnedFd::from)
        };
        let resized = UnixStream::pair().ok().and_then(|(reader, writer)| {
            reader.set_nonblocking(true).ok()?;
            signal_hook::low_level::pipe::register(signal_hook::consts::SIGWINCH, writer).ok()?;
            Some(reader)
        });
        if let Some(tty) = &tty {
            own_input_for_crossterm(tty);
            if let Ok(fd) = tty.try_clone() {
                watch_for_hang_up(fd);
            }
        }
        Keyboard { tty, resized, resize_unseen: std::cell::Cell::new(false), held: VecDeque::new() }
    }

    /// The next event, or `Idle` after `timeout`, or `HungUp`.
    pub fn wait(&mut self, timeout: Duration) -> io::Result<Input> {
        if self.tty.is_none() {
            if self.held.is_empty() && !event::poll(timeout)? {
                return Ok(Input::Idle);
            }
            return Ok(Input::Event(self.next_event()?));
        }
        if let Some(input) = self.ready_now()? {
            return Ok(input);
        }
        // Wakes for input, a hang-up or a resize (the `resized` pipe).
        self.poll(timeout)?;
        Ok(self.ready_now()?.unwrap_or(Input::Idle))
    }

    /// Whether the terminal has hung up.
    pub fn hung_up(&self) -> bool {
        self.poll(Duration::ZERO).unwrap_or(false)
    }

    /// An event crossterm holds or can read at once, asked only while the terminal is there.
    fn ready_now(&mut self) -> io::Result<Option<Input>> {
        if let Some(event) = self.held.pop_front() {
            return Ok(Some(Input::Event(event)));
        }
        if self.poll(Duration::ZERO)? {
            return Ok(Some(Input::HungUp));
        }
        if event::poll(Duration::ZERO)? {
            return Ok(Some(Input::Event(self.next_event()?)));
        }
        // Given again when crossterm gave it too: the same size twice changes nothing.
        if self.resize_unseen.take() {
            let (w, h) = crossterm::terminal::size()?;
            return Ok(Some(Input::Event(Event::Resize(w, h))));
        }
        Ok(None)
    }

    /// The next event: one held, else crossterm's, with what came at once after an `Esc` read
    /// on and held.
    fn next_event(&mut self) -> io::Result<Event> {
        if let Some(event) = self.held.pop_front() {
            return Ok(event);
        }
        let event = event::read()?;
        if event == Event::Key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)) {
            self.read_on_after_esc()?;
        }
        Ok(event)
    }

    /// Holds the events crossterm has at once after an `Esc`, a key's code among them read back
    /// into that key, click or paste (see [`esc_code`]).
    fn read_on_after_esc(&mut self) -> io::Result<()> {
        let mut came = Vec::new();
        while came.len() < esc_code::LONGEST && self.more_now()? {
            came.push(event::read()?);
        }
        match esc_code::after_esc(&came) {
            AfterEsc::AsTyped => {}
            AfterEsc::Code { event, len } => {
                came.splice(..len, [event]);
            }
            AfterEsc::Unknown { len } => {
                came.drain(..len);
            }
            AfterEsc::PasteStart { len } => {
                came.drain(..len);
                came = self.read_paste(came)?;
            }
        }
        self.held.extend(came);
        Ok(())
    }

    /// The paste whose start `read_on_after_esc` found, from the keys that `came` after it and
    /// those still coming, as one paste event; an event that is no key ends it and follows it.
    fn read_paste(&mut self, came: Vec<Event>) -> io::Result<Vec<Event>> {
        let mut text = String::new();
        let mut after = Vec::new();
        let mut keys = came.into_iter();
        for event in keys.by_ref() {
            if !matches!(event, Event::Key(_)) {
                after.push(event);
                break;
            }
            text.extend(esc_code::pasted_text(&event));
        }
        after.extend(keys);
        while after.is_empty() && (self.more_now()? || self.more_soon()?) {
            match event::read()? {
                event @ Event::Key(_) => text.extend(esc_code::pasted_text(&event)),
                other => after.push(other),
            }
        }
        after.insert(0, Event::Paste(text));
        Ok(after)
    }

    /// Whether crossterm has an event at once, asked only while the terminal is there.
    fn more_now(&self) -> io::Result<bool> {
        Ok(!self.poll(Duration::ZERO)? && event::poll(Duration::ZERO)?)
    }

    /// Whether the terminal has more within [`PASTE_PAUSE`] (and is still there).
    fn more_soon(&self) -> io::Result<bool> {
        if self.tty.is_none() {
            return event::poll(PASTE_PAUSE);
        }
        Ok(!self.poll(PASTE_PAUSE)? && event::poll(Duration::ZERO)?)
    }

    /// Waits up to `timeout` for the terminal to be readable; whether it has hung up.
    fn poll(&self, timeout: Duration) -> io::Result<bool> {
        let Some(tty) = &self.tty else { return Ok(false) };
        use rustix::event::{PollFd, PollFlags};
        let mut fds = vec![PollFd::new(tty, PollFlags::IN)];
        if let Some(resized) = &self.resized {
            fds.push(PollFd::new(resized, PollFlags::IN));
        }
        let timeout = rustix::event::Timespec::try_from(timeout).map_err(io::Error::other)?;
        match rustix::event::poll(&mut fds, Some(&timeout)) {
            Ok(_) => {}
            // A signal (a resize, a SIGTERM the loop will see) ends the wait early.
            Err(rustix::io::Errno::INTR) => return Ok(false),
            Err(e) => return Err(e.into()),
        }
        if self.resized.as_ref().is_some_and(drain) {
            self.resize_unseen.set(true);
        }
        Ok(fds[0].revents().intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL))
    }
}

/// Reads what a non-blocking stream holds: whether it held anything.
fn drain(mut from: &UnixStream) -> bool {
    use std::io::Read;
    let mut buf = [0u8; 64];
    let mut any = false;
    while let Ok(1..) = from.read(&mut buf) {
        any = true;
    }
    any
}

/// Gives crossterm, as its standard input, a handle on the terminal of its own that never
/// waits. crossterm reads standard input until a key is whole: after half a key code (`Esc [`,
/// the rest never typed or lost on the way) it waited in the kernel for the rest, where the
/// editor saw no SIGTERM until the next key; and when the terminal then hung up, that read
/// returned the end of input, which crossterm reads again without end (found from outside:
/// an editor at full CPU after `tmux kill-session`). O_NONBLOCK cannot be set on the standard
/// input the editor was given: the shell shares it, and standard output with it, whose writes
/// must wait. Left as it was when the terminal cannot be opened again; the hang-up watch
/// still frees crossterm then.
fn own_input_for_crossterm(tty: &OwnedFd) {
    use rustix::fs::{Mode, OFlags};
    let Ok(was) = rustix::fs::fstat(tty) else { return };
    let flags = OFlags::RDWR | OFlags::NONBLOCK | OFlags::NOCTTY | OFlags::CLOEXEC;
    let fd = format!("/proc/self/fd/{}", tty.as_raw_fd());
    let own = [fd.as_str(), "/dev/tty"].into_iter().find_map(|path| {
        let own = rustix::fs::open(path, flags, Mode::empty()).ok()?;
        // The same terminal, not the controlling one where the editor was given another.
        rustix::fs::fstat(&own).ok().filter(|now| now.st_rdev == was.st_rdev)?;
        Some(own)
    });
    if let Some(own) = own {
        let _ = rustix::stdio::dup2_stdin(&own);
    }
}

/// How long the loop has, after the terminal hangs up, to see it and leave as it should (its
/// recovery file written) before the watch ends the process.
const HANG_UP_GRACE: Duration = Duration::from_secs(10);

/// Watches the terminal for a hang-up. Then it frees crossterm's reader, which may be inside
/// its read loop when the hang-up comes and would read the end of input without end: standard
/// input becomes a pipe that never has anything, so that the read says "nothing now" and
/// crossterm returns to the loop, which sees the hang-up and ends as on SIGHUP. Should the loop
/// not have left after [`HANG_UP_GRACE`] (busy elsewhere), the watch ends the process itself:
/// its lock files and a save's temporary file removed, the terminal given back, where the work
/// is said, exit 129 as for SIGHUP ([`crate::ending::end_now`]); the recovery file written
/// since the last change is what is left, as after a `kill`.
fn watch_for_hang_up(fd: OwnedFd) {
    let _ = std::thread::Builder::new().name("hang-up watch".into()).spawn(move || {
        use rustix::event::{PollFd, PollFlags};
        loop {
            // No events asked: poll(2) reports a hang-up or an error whatever is asked, and
            // input waiting for the loop does not wake it.
            let mut fds = [PollFd::new(&fd, PollFlags::empty())];
            match rustix::event::poll(&mut fds, None) {
                Ok(_) if fds[0].revents().intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL) => break,
                Ok(_) | Err(rustix::io::Errno::INTR) => continue,
                Err(_) => return,
            }
        }
        // The writing end is kept until the process ends: a pipe without one reads as ended.
        let _never_written =
            rustix::pipe::pipe_with(rustix::pipe::PipeFlags::NONBLOCK | rustix::pipe::PipeFlags::CLOEXEC)
                .ok()
                .and_then(|(nothing, writer)| rustix::stdio::dup2_stdin(&nothing).ok().map(|()| writer));
        std::thread::sleep(HANG_UP_GRACE);
        let cause = "the terminal went away and the editor did not end by itself; ended now";
        crate::ending::end_now(129, cause, crate::ending::Whose::Editor);
    });
}

impl Default for Keyboard {
    fn default() -> Self {
        Keyboard::new()
    }
}
