//! pasteup's shell: the command line ([`cli`], clap) and the editor ([`tui`], ratatui), both
//! thin over `pasteup_core`, where every action is a plain function.

/// `println!` that never panics. A closed pipe (`pasteup check | head -1`) or a full disk on
/// standard output is not a fault of the command: it goes on with its work (a PDF is still
/// written) and exits with the code its work calls for.
macro_rules! outln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout().lock(), $($arg)*);
    }};
}

/// `print!` that never panics (see `outln!`).
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stdout().lock(), $($arg)*);
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

pub mod cli;
pub mod tui;
