//! The editor's stop signals, raised in a process of their own: what a second signal does
//! before the loop has seen the first.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "a test fails loudly")]

use std::sync::atomic::Ordering;

use signal_hook::consts::{SIGHUP, SIGTERM};
use signal_hook::low_level::raise;

/// Waits for the process to end from its own thread; returns if it has not after 20 s, so the
/// test's process ends 0 and the test fails.
fn wait_to_be_ended() {
    std::thread::sleep(std::time::Duration::from_secs(20));
}

/// Set in the copy of this test binary that `run_alone` starts.
const ALONE: &str = "PASTEUP_SIGNALS_ALONE";

/// Runs the test `name` of this binary in a process of its own (a signal's handlers are the
/// whole process's) and returns its exit code.
fn run_alone(name: &str) -> Option<i32> {
    run_alone_with(name, &[])
}

fn run_alone_with(name: &str, env: &[(&str, &std::path::Path)]) -> Option<i32> {
    let exe = std::env::current_exe().unwrap();
    let out = std::process::Command::new(exe)
        .args(["--exact", name, "--test-threads=1", "--nocapture"])
        .env(ALONE, "1")
        .envs(env.iter().copied())
        .output()
        .unwrap();
    out.status.code()
}

/// A dropped SSH session sends two SIGHUPs at once (the kernel's to the terminal's
/// foreground, the login shell's to its jobs): the second must leave the editor to write the
/// last second's work to the recovery file, not end it at once (found in review: it did).
#[test]
fn a_second_hang_up_waits_for_the_loop() {
    if std::env::var_os(ALONE).is_none() {
        assert_eq!(run_alone("a_second_hang_up_waits_for_the_loop"), Some(0));
        return;
    }
    let stop = pasteup::tui::run::stop_signals();
    raise(SIGHUP).unwrap();
    raise(SIGHUP).unwrap();
    assert_eq!(stop.load(Ordering::Relaxed), SIGHUP as usize, "the loop is told, and the process lives");
}

/// A SIGTERM after a SIGHUP the loop has not seen ends the process (within half a second), as
/// it would without a handler (found from outside: with the terminal gone, a SIGTERM did
/// nothing).
#[test]
fn a_term_after_a_hang_up_ends_the_process_at_once() {
    if std::env::var_os(ALONE).is_none() {
        assert_eq!(run_alone("a_term_after_a_hang_up_ends_the_process_at_once"), Some(128 + SIGTERM));
        return;
    }
    let _stop = pasteup::tui::run::stop_signals();
    raise(SIGHUP).unwrap();
    raise(SIGTERM).unwrap();
    wait_to_be_ended();
}

/// Two SIGTERMs: the second ends the process within half a second.
#[test]
fn a_second_term_ends_the_process_at_once() {
    if std::env::var_os(ALONE).is_none() {
        assert_eq!(run_alone("a_second_term_ends_the_process_at_once"), Some(128 + SIGTERM));
        return;
    }
    let stop = pasteup::tui::run::stop_signals();
    raise(SIGTERM).unwrap();
    assert_eq!(stop.load(Ordering::Relaxed), SIGTERM as usize);
    raise(SIGTERM).unwrap();
    wait_to_be_ended();
}

/// Found from outside: an editor ended at once by a second signal left its lock file naming
/// a dead pid. The lock files held are removed first.
#[test]
fn a_second_term_removes_the_lock_file() {
    const LAYOUT: &str = "PASTEUP_SIGNALS_LAYOUT";
    if std::env::var_os(ALONE).is_none() {
        let dir = tempfile::tempdir().unwrap();
        let layout = dir.path().join("p.layout.ron");
        std::fs::write(&layout, "").unwrap();
        let code = run_alone_with("a_second_term_removes_the_lock_file", &[(LAYOUT, &layout)]);
        assert_eq!(code, Some(128 + SIGTERM));
        assert!(!dir.path().join("p.layout.ron.lock").exists(), "the lock file is removed");
        return;
    }
    let layout = std::path::PathBuf::from(std::env::var_os(LAYOUT).unwrap());
    let Ok(pasteup_core::journal::Locked::Mine(_lock)) = pasteup_core::journal::lock(&layout, None) else {
        panic!("the lock is taken")
    };
    assert!(layout.with_file_name("p.layout.ron.lock").is_file());
    let _stop = pasteup::tui::run::stop_signals();
    raise(SIGTERM).unwrap();
    raise(SIGTERM).unwrap();
    wait_to_be_ended();
}
