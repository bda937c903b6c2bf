//! Progress of a long command (pages done of pages) on standard error: drawn only on a
//! terminal, only once the command has run for a second, never in pipes or CI, so that a
//! quick run and a script's output stay clean.
//!
//! The core reports progress through a plain callback (`done`, `total`); this turns those
//! calls into an `indicatif` bar.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long a command runs before its progress is shown.
const QUIET_FOR: Duration = Duration::from_secs(1);

/// A progress bar that appears after a second on a terminal's standard error.
pub struct Progress {
    label: &'static str,
    started: Instant,
    shown: bool,
    bar: Option<ProgressBar>,
}

impl Progress {
    /// A bar for `label` ("pages"); silent unless standard error is a terminal outside CI.
    pub fn new(label: &'static str) -> Progress {
        let shown = std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
        Progress { label, started: Instant::now(), shown, bar: None }
    }

    /// `done` of `total` finished, with a note (e.g. "free lines 12") shown beside the bar.
    pub fn set(&mut self, done: usize, total: usize, note: &str) {
        if !self.shown || self.started.elapsed() < QUIET_FOR {
            return;
        }
        let label = self.label;
        let bar = self.bar.get_or_insert_with(|| {
            let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
            let template = format!("{{bar:40}} {{pos}}/{{len}} {label} {{msg}}");
            if let Ok(style) = ProgressStyle::with_template(&template) {
                bar.set_style(style);
            }
            bar
        });
        bar.set_length(total as u64);
        bar.set_position(done as u64);
        bar.set_message(note.to_string());
    }

    /// Clears the bar from the terminal.
    pub fn finish(self) {
        if let Some(bar) = self.bar {
            bar.finish_and_clear();
        }
    }
}
