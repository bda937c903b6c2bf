//! Noticing that a file changed on disk while the editor runs: the copy desk saves a story
//! into the issue, or another program writes the open layout. The operating system tells
//! (inotify and the like, through `notify`); where it cannot, the files' modification time
//! and length are compared at every look instead. Either way a look costs next to nothing,
//! so the editor looks at every tick of its loop (twice a second).

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::SystemTime;

use notify::{RecursiveMode, Watcher as _};

/// Modification time and length: enough to notice that another program wrote a file.
pub type Stamp = Option<(SystemTime, u64)>;

/// The stamp of `path` now (`None` when it cannot be read).
pub fn stamp(path: &Path) -> Stamp {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

/// Watches a few files. Folders are watched, not the files, because a safe save replaces a
/// file by renaming a new one over it, which ends a watch on the old file.
pub struct FileWatch {
    files: Vec<(PathBuf, Stamp)>,
    events: Option<(notify::RecommendedWatcher, Receiver<notify::Result<notify::Event>>)>,
}

impl FileWatch {
    /// Starts watching `files`; falls back to comparing stamps when the system cannot watch.
    pub fn new(files: &[&Path]) -> FileWatch {
        let files: Vec<(PathBuf, Stamp)> = files.iter().map(|f| (f.to_path_buf(), stamp(f))).collect();
        let events = Self::system_watch(&files);
        FileWatch { files, events }
    }

    fn system_watch(
        files: &[(PathBuf, Stamp)],
    ) -> Option<(notify::RecommendedWatcher, Receiver<notify::Result<notify::Event>>)> {
        let (tx, rx) = channel();
        let mut watcher = notify::recommended_watcher(tx).ok()?;
        for (file, _) in files {
            let dir = file.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
            watcher.watch(dir, RecursiveMode::NonRecursive).ok()?;
        }
        Some((watcher, rx))
    }

    /// Whether the system tells of changes (else every look compares stamps).
    pub fn is_system_watch(&self) -> bool {
        self.events.is_some()
    }

    /// The watched files whose stamp changed since the last look (or since [`FileWatch::mark`]).
    pub fn changed(&mut self) -> Vec<PathBuf> {
        if let Some((_, rx)) = &self.events {
            // Nothing said: nothing to compare. Events only wake the comparison, so a
            // burst of them (write, then rename) still gives one change.
            let mut any = false;
            while rx.try_recv().is_ok() {
                any = true;
            }
            if !any {
                return Vec::new();
            }
        }
        let mut out = Vec::new();
        for (file, last) in &mut self.files {
            let now = stamp(file);
            if now != *last {
                *last = now;
                out.push(file.clone());
            }
        }
        out
    }

    /// Takes `file` as it is now, so that our own save is not reported as someone else's.
    pub fn mark(&mut self, file: &Path) {
        for (f, last) in &mut self.files {
            if f == file {
                *last = stamp(f);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    fn wait_for_change(watch: &mut FileWatch) -> Vec<PathBuf> {
        let start = Instant::now();
        loop {
            let changed = watch.changed();
            if !changed.is_empty() || start.elapsed() > Duration::from_secs(5) {
                return changed;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    #[test]
    fn a_file_replaced_by_rename_is_seen_once_and_our_own_save_not_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let issue = dir.path().join("issue.ron");
        let other = dir.path().join("other.ron");
        std::fs::write(&issue, "one").unwrap();
        let mut watch = FileWatch::new(&[&issue]);
        assert!(watch.changed().is_empty());
        let tmp = dir.path().join(".tmp");
        std::fs::write(&tmp, "two, longer").unwrap();
        std::fs::rename(&tmp, &issue).unwrap();
        assert_eq!(wait_for_change(&mut watch), vec![issue.clone()]);
        assert!(watch.changed().is_empty(), "one change is told once");
        std::fs::write(&other, "not watched").unwrap();
        std::thread::sleep(Duration::from_millis(100));
        assert!(watch.changed().is_empty(), "a file beside it is not ours");
        std::fs::write(&issue, "three, longer still").unwrap();
        watch.mark(&issue);
        std::thread::sleep(Duration::from_millis(100));
        assert!(watch.changed().is_empty(), "our own save, marked, is not a change");
    }
}
