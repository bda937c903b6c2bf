//! What the export tests share.

use std::path::{Path, PathBuf};

/// Writes `STEM.ron` and `STEM.layout.ron` in `dir`; their paths.
pub fn write_pair(dir: &Path, stem: &str, issue: &str, layout: &str) -> (PathBuf, PathBuf) {
    let (i, l) = (dir.join(format!("{stem}.ron")), dir.join(format!("{stem}.layout.ron")));
    std::fs::write(&i, issue).unwrap();
    std::fs::write(&l, layout).unwrap();
    (i, l)
}
