//! Noticing that a file changed on disk while the editor runs: the copy desk saves a story
//! into the issue, or another program writes the open layout. The operating system tells
//! (inotify and the like, through `notify`), so the editor looks at once instead of at its
//! next tick; where the system cannot watch, the tick's look (twice a second) is all there is.
//! Whether a file really changed is the editor's to decide, by the stamps it keeps of what
//! it read and wrote (`journal::stamp`): this only says when to look.

use std::collections::HashSet;
use std::ffi::OsString;
use std::path::Path;
use std::sync::mpsc::{Receiver, channel};

use notify::{RecursiveMode, Watcher as _};

/// Watches a few files. Folders are watched, not the files, because a safe save replaces a
/// file by renaming a new one over it, which ends a watch on the old file.
pub struct FileWatch {
    names: HashSet<OsString>,
    events: Option<(notify::RecommendedWatcher, Receiver<notify::Result<notify::Event>>)>,
}

impl FileWatch {
    /// Starts watching `files`; without the system's help it never wakes (the caller's own
    /// regular look finds the change).
    pub fn new(files: &[&Path]) -> FileWatch {
        let names = files.iter().filter_map(|f| f.file_name()).map(OsString::from).collect();
        FileWatch { names, events: Self::system_watch(files) }
    }

    fn system_watch(files: &[&Path]) -> Option<(notify::RecommendedWatcher, Receiver<notify::Result<notify::Event>>)> {
        let (tx, rx) = channel();
        let mut watcher = notify::recommended_watcher(tx).ok()?;
        for file in files {
            let dir = file.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
            watcher.watch(dir, RecursiveMode::NonRecursive).ok()?;
        }
        Some((watcher, rx))
    }

    /// Whether the system tells of changes (else only the caller's regular look finds them).
    pub fn is_system_watch(&self) -> bool {
        self.events.is_some()
    }

    /// Whether a watched file was touched since the last call: every event so far is taken,
    /// so a burst of them (write, then rename) wakes once. Events for other files in the
    /// folders (the editor's own journal, written every second) do not wake it; an error from
    /// the watcher does, since then nothing is known.
    pub fn woken(&mut self) -> bool {
        let Some((_, rx)) = &self.events else { return false };
        let mut woken = false;
        while let Ok(event) = rx.try_recv() {
            woken |= match event {
                Ok(event) => event.paths.iter().any(|p| p.file_name().is_some_and(|n| self.names.contains(n))),
                Err(_) => true,
            };
        }
        woken
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    fn wait_until_woken(watch: &mut FileWatch) -> bool {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(5) {
            if watch.woken() {
                return true;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        false
    }

    #[test]
    fn a_file_replaced_by_rename_wakes_once_and_a_file_beside_it_never() {
        let dir = tempfile::tempdir().unwrap();
        let issue = dir.path().join("issue.ron");
        let other = dir.path().join("other.ron");
        std::fs::write(&issue, "one").unwrap();
        let mut watch = FileWatch::new(&[&issue]);
        assert!(watch.is_system_watch(), "inotify is there on Linux");
        assert!(!watch.woken());
        let tmp = dir.path().join(".tmp");
        std::fs::write(&tmp, "two, longer").unwrap();
        std::fs::rename(&tmp, &issue).unwrap();
        assert!(wait_until_woken(&mut watch), "the rename over the issue wakes it");
        std::thread::sleep(Duration::from_millis(100));
        assert!(!watch.woken(), "one change wakes once");
        std::fs::write(&other, "not watched").unwrap();
        std::thread::sleep(Duration::from_millis(100));
        assert!(!watch.woken(), "a file beside it is not ours");
    }
}
