//! pasteup's shell: the command line ([`cli`], clap) and the editor ([`tui`], ratatui), both
//! thin over `pasteup_core`, where every action is a plain function.

use std::sync::atomic::{AtomicBool, Ordering};

/// `println!` that never panics. A closed pipe (`pasteup check | head -1`) is not a fault of
/// the command: it goes on with its work (a PDF is still written) and exits with the code its
/// work calls for. Any other failure (a full disk under `> proof.txt`) is said once on standard
/// error and the command exits 2 (see [`stdout_failed`]): a report cut short is never passed
/// off as whole.
macro_rules! outln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        $crate::note_stdout(writeln!(std::io::stdout().lock(), $($arg)*));
    }};
}

/// `print!` that never panics (see `outln!`).
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        $crate::note_stdout(write!(std::io::stdout().lock(), $($arg)*));
    }};
}

/// `eprintln!` that never panics (see `outln!`): standard error piped into `head` is closed
/// early as often as standard output.
macro_rules! errln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr().lock(), $($arg)*);
    }};
}

static STDOUT_FAILED: AtomicBool = AtomicBool::new(false);

/// Records how a write to standard output went: a failure other than a closed pipe is said
/// on standard error, once.
#[doc(hidden)]
pub fn note_stdout(result: std::io::Result<()>) {
    if let Err(e) = result
        && e.kind() != std::io::ErrorKind::BrokenPipe
        && !STDOUT_FAILED.swap(true, Ordering::Relaxed)
    {
        errln!("pasteup: cannot write standard output: {e}");
    }
}

/// Whether standard output lost some of what the command wrote to it (not by a closed pipe),
/// once what is buffered is flushed.
pub fn stdout_failed() -> bool {
    use std::io::Write as _;
    note_stdout(std::io::stdout().lock().flush());
    STDOUT_FAILED.load(Ordering::Relaxed)
}

/// A write past a file-size limit (`ulimit -f`) fails with "File too large" instead of killing
/// the process: a handler for SIGXFSZ stands in for its default, so every write's own error
/// path (nothing half-written, the old file kept, the message) runs (found from outside: the
/// editor and `export` died silently, a temporary file and the lock left behind).
pub fn write_limits_fail_as_errors() {
    let _ = signal_hook::flag::register(signal_hook::consts::SIGXFSZ, std::sync::Arc::new(AtomicBool::new(false)));
}

pub mod cli;
pub mod ending;
pub mod tui;
