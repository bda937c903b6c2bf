//! Ending the process from a thread other than the one at work, which may be stuck (a save
//! slowed in fsync) and never come back: a command stopped by SIGINT, SIGTERM or SIGHUP, an
//! editor ended by a second signal or by the hang-up watch. What the thread at work would do
//! on its way out is done here, in one place: the lock files and the temporary files of saves
//! under way removed, the terminal given back, and where things stand said on standard error.

use std::path::Path;

use pasteup_core::format::{self, SavesLeft};
use pasteup_core::journal;

/// Who is ended: what is worth saying differs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Whose {
    /// The editor: where its unsaved changes are.
    Editor,
    /// A command that writes a file: whether it was written.
    Command,
}

/// Ends the process with `code`, saying `cause` and what is left.
pub fn end_now(code: i32, cause: &str, whose: Whose) -> ! {
    journal::let_go_of_every_lock();
    let saves = format::abandon_saves_under_way();
    crate::tui::terminal::leave();
    errln!("pasteup: {cause}; {}", what_is_left(&saves, whose));
    std::process::exit(code)
}

fn what_is_left(saves: &SavesLeft, whose: Whose) -> String {
    let names = |paths: &[std::path::PathBuf]| paths.iter().map(|p| shown(p)).collect::<Vec<_>>().join(", ");
    let stopped =
        (!saves.not_written.is_empty()).then(|| format!("nothing was written to {}", names(&saves.not_written)));
    if whose == Whose::Command {
        return stopped.unwrap_or_else(|| match saves.written.is_empty() {
            true => "nothing was written".to_string(),
            false => format!("{} was written whole before it", names(&saves.written)),
        });
    }
    // The editor's earlier saves are done with: its work is what is left to say.
    let work = match journal::last_journal() {
        Some(kept) => format!("the unsaved changes, as the recovery file last kept them, are in {}", shown(&kept)),
        None => "no recovery file holds unsaved changes".to_string(),
    };
    stopped.map_or(work.clone(), |stopped| format!("{stopped}; {work}"))
}

fn shown(path: &Path) -> String {
    format::printable(&path.display().to_string())
}

/// The name of a signal as `kill -l` gives it (`SIGTERM`), else its number.
pub fn signal_name(signal: i32) -> String {
    signal_hook::low_level::signal_name(signal).map_or_else(|| format!("signal {signal}"), str::to_string)
}

/// For the commands that write files (`export`, `make`, `merge`): SIGINT, SIGTERM or SIGHUP
/// (Ctrl-C, a `kill`, a closed terminal) ends them at once with their temporary file removed,
/// exit 128 + the signal (found from outside: a full-size `.pasteup-*.tmp` was left beside
/// the output, where "nothing is left behind" was promised).
pub fn stop_cleanly_on_signals() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let caught = [SIGINT, SIGTERM, SIGHUP].into_iter().filter(|&signal| !ignored(signal));
    let Ok(mut signals) = signal_hook::iterator::Signals::new(caught) else { return };
    let _ = std::thread::Builder::new().name("stop signals".into()).spawn(move || {
        if let Some(signal) = signals.forever().next() {
            end_now(128 + signal, &format!("stopped by {}", signal_name(signal)), Whose::Command);
        }
    });
}

/// Whether this process was started with `signal` ignored: `nohup` ignores SIGHUP, a shell
/// ignores SIGINT for a job it runs in the background (`pasteup export … &` in a script); a
/// handler would make such a command stoppable by them. Read from `/proc/self/status`
/// (`SigIgn`, a mask of bit `signal - 1`); without it, none is taken as ignored.
pub fn ignored(signal: i32) -> bool {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let mask = status.lines().find_map(|line| line.strip_prefix("SigIgn:"));
    let mask = mask.and_then(|mask| u64::from_str_radix(mask.trim(), 16).ok()).unwrap_or(0);
    u32::try_from(signal - 1).ok().and_then(|bit| mask.checked_shr(bit)).is_some_and(|m| m & 1 == 1)
}
