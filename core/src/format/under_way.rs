//! The saves under way in this process, for an end that does not come back to them: a command
//! stopped by a signal, an editor ended by a second signal while a save was stuck in fsync.
//! Their temporary files are removed, and no save renames after that (found from outside:
//! Ctrl-C to `make` mid-write left a full-size `.pasteup-*.tmp` beside the layout).

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

struct Saves {
    /// Each save's temporary file, and the file it is to replace (none for a journal, whose
    /// writer says where it is).
    under_way: Vec<(PathBuf, Option<PathBuf>)>,
    /// The files this process replaced whole, each once.
    written: Vec<PathBuf>,
}

static SAVES: Mutex<Saves> = Mutex::new(Saves { under_way: Vec::new(), written: Vec::new() });

fn saves() -> MutexGuard<'static, Saves> {
    // A thread that panicked holding it left the lists whole: a push or a removal.
    SAVES.lock().unwrap_or_else(PoisonError::into_inner)
}

/// A save's temporary file, listed from its making until it is renamed or dropped.
pub(crate) struct UnderWay {
    temp: PathBuf,
}

impl UnderWay {
    pub(crate) fn list(temp: &Path, target: Option<&Path>) -> UnderWay {
        saves().under_way.push((temp.to_path_buf(), target.map(Path::to_path_buf)));
        UnderWay { temp: temp.to_path_buf() }
    }

    /// Runs `rename` with the list held: an end then comes either before it (the temporary
    /// file removed, the rename failing) or after it (the file counted as written).
    pub(crate) fn rename<T, E>(&self, rename: impl FnOnce() -> Result<T, E>) -> Result<T, E> {
        let mut saves = saves();
        let renamed = rename();
        if renamed.is_ok()
            && let Some(at) = saves.under_way.iter().position(|(temp, _)| *temp == self.temp)
        {
            let (_, target) = saves.under_way.swap_remove(at);
            if let Some(target) = target.filter(|t| !saves.written.contains(t)) {
                saves.written.push(target);
            }
        }
        renamed
    }
}

impl Drop for UnderWay {
    fn drop(&mut self) {
        saves().under_way.retain(|(temp, _)| *temp != self.temp);
    }
}

/// What an end left of this process's saves.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct SavesLeft {
    /// The files whose saves were under way: not written, each as it was.
    pub not_written: Vec<PathBuf>,
    /// The files written whole before the end.
    pub written: Vec<PathBuf>,
}

/// Removes the temporary files of the saves under way, for an end that does not return to
/// them, and holds every save of this process from then on, so none renames after it: to be
/// called only just before the process ends.
pub fn abandon_saves_under_way() -> SavesLeft {
    let saves = saves();
    let mut left = SavesLeft { written: saves.written.clone(), ..SavesLeft::default() };
    for (temp, target) in &saves.under_way {
        let _ = std::fs::remove_file(temp);
        if let Some(target) = target.as_ref().filter(|t| !left.not_written.contains(t)) {
            left.not_written.push(target.clone());
        }
    }
    // Never let go: a save that would rename now waits until the process ends.
    std::mem::forget(saves);
    left
}
