//! Never lose work: unsaved changes are journalled to a recovery file beside the layout (a
//! few seconds old at most), offered on the next start after a crash or a killed session;
//! and a file changed on disk by someone else is noticed before it is saved over.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::format::to_ron_string;
use crate::model::Layout;

/// Modification time and length: enough to notice that another program wrote a file.
pub type Stamp = (SystemTime, u64);

/// `X.layout.ron` → `X.layout.ron.recover`.
pub fn recovery_path(layout: &Path) -> PathBuf {
    let mut name = layout.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".recover");
    layout.with_file_name(name)
}

/// Writes the unsaved layout to the recovery file: a temporary file renamed over it, so a
/// crash mid-write leaves the previous recovery file whole. No fsync: it guards against a
/// killed process, not a power cut, and must stay cheap enough to run after every change.
pub fn write_recovery(layout_path: &Path, layout: &Layout) -> io::Result<()> {
    let path = recovery_path(layout_path);
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let tmp = tempfile::NamedTempFile::new_in(dir)?;
    fs::write(tmp.path(), to_ron_string(layout))?;
    tmp.persist(&path).map_err(|e| e.error)?;
    Ok(())
}

/// The recovery file's text and when it was written, if there is one.
pub fn read_recovery(layout_path: &Path) -> Option<(String, SystemTime)> {
    let path = recovery_path(layout_path);
    let text = fs::read_to_string(&path).ok()?;
    let when = fs::metadata(&path).and_then(|m| m.modified()).unwrap_or(SystemTime::now());
    Some((text, when))
}

pub fn remove_recovery(layout_path: &Path) {
    let _ = fs::remove_file(recovery_path(layout_path));
}

pub fn stamp(path: &Path) -> Option<Stamp> {
    let meta = fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Depth, PageLayout, Placement};

    #[test]
    fn recovery_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let layout_path = dir.path().join("a.layout.ron");
        let layout = Layout {
            issue: "a.ron".into(),
            pages: vec![PageLayout {
                number: 3,
                placements: vec![Placement { item: "x".into(), column: 2, span: 1, line: 4, depth: Depth::Auto }],
            }],
            conflicts: vec![],
        };
        assert!(read_recovery(&layout_path).is_none());
        write_recovery(&layout_path, &layout).unwrap();
        assert_eq!(recovery_path(&layout_path), dir.path().join("a.layout.ron.recover"));
        let (text, _) = read_recovery(&layout_path).unwrap();
        assert_eq!(crate::format::parse_layout(&layout_path, &text).unwrap(), layout);
        remove_recovery(&layout_path);
        assert!(read_recovery(&layout_path).is_none());
    }
}
