//! `pasteup merge`: git's merge driver for layout files (`%O %A %B %P`). Merges two page
//! editors' layouts item by item and writes the result over OURS; exit 0 when
//! clean, 1 when conflicts are left (noted in the layout, named by `check`), 2 bad input.

use std::path::Path;
use std::process::ExitCode;

use pasteup_core::format::{self, LoadError, printable, save_layout};
use pasteup_core::merge::{merge, merge_checked};
use pasteup_core::model::Layout;

use super::{EXIT_INVALID, EXIT_PROBLEMS};

pub fn run(base: &Path, ours: &Path, theirs: &Path, path: Option<&Path>, issue: Option<&Path>) -> ExitCode {
    let sides = [(base, "base"), (ours, "ours"), (theirs, "theirs")];
    let layouts = sides.map(|(file, side)| read_side(file, side, path));
    let [b, o, t] = match layouts {
        [Ok(b), Ok(o), Ok(t)] => [b, o, t],
        [b, o, t] => {
            for e in [b.err(), o.err(), t.err()].into_iter().flatten() {
                errln!("{e}");
            }
            return ExitCode::from(EXIT_INVALID);
        }
    };
    // The issue as the layout names it, relative to where the layout lives in the work tree
    // (git runs the driver at the top of the work tree; %A is a temporary file).
    let issue_path = issue.map(Path::to_path_buf).unwrap_or_else(|| {
        let dir = path.or(Some(ours)).and_then(Path::parent).unwrap_or(Path::new(""));
        dir.join(&o.issue)
    });
    let merged = match format::load_issue(&issue_path) {
        Ok(loaded) => merge_checked(&loaded.value, &b, &o, &t),
        Err(e) => {
            errln!("pasteup merge: {e}; merged by placement without checking the pages");
            merge(&b, &o, &t)
        }
    };
    if let Err(e) = save_layout(ours, &merged) {
        errln!("{e}");
        return ExitCode::from(EXIT_INVALID);
    }
    let name = printable(&path.unwrap_or(ours).display().to_string());
    if merged.conflicts.is_empty() {
        return ExitCode::SUCCESS;
    }
    errln!("pasteup merge: {} conflict(s) in {name}:", merged.conflicts.len());
    for c in &merged.conflicts {
        errln!("  {}: {}", printable(&c.item), printable(&c.note));
    }
    ExitCode::from(EXIT_PROBLEMS)
}

/// One side of the merge. git hands an empty BASE when both branches added the file: that is
/// a layout with nothing placed. An error names the layout by PATH and the side, since git's
/// files are temporary copies.
fn read_side(file: &Path, side: &str, path: Option<&Path>) -> Result<Layout, LoadError> {
    if side == "base" && std::fs::metadata(file).is_ok_and(|m| m.is_file() && m.len() == 0) {
        return Ok(Layout::default());
    }
    super::diff::read_layout(file).map_err(|e| match path {
        Some(path) => LoadError { file: path.to_path_buf(), message: format!("({side}) {}", e.message), ..e },
        None => e,
    })
}
