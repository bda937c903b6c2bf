//! Writing a layout: a fixed, deterministic text format with one placement a line (so a
//! move is a one-line diff in git), saved atomically so a crash or a full disk never
//! leaves a half-written file.
//!
//! ron's pretty printer puts every field of every struct on its own line (or, compact,
//! everything on one), so the layout is written by hand; it is a small fixed shape, and
//! `tests` check it parses back to the same value.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use super::error::SaveError;
use crate::model::{Depth, Layout, Placement};

/// The layout as pasteup writes it: same layout, same bytes.
pub fn to_ron_string(layout: &Layout) -> String {
    let mut out = String::new();
    out.push_str("Layout(\n");
    out.push_str(&format!("    issue: {},\n", string(&layout.issue)));
    out.push_str("    pages: [\n");
    for page in &layout.pages {
        if page.placements.is_empty() {
            out.push_str(&format!("        PageLayout(number: {}, placements: []),\n", page.number));
            continue;
        }
        out.push_str(&format!("        PageLayout(number: {}, placements: [\n", page.number));
        for placement in &page.placements {
            out.push_str(&format!("            {},\n", placement_line(placement)));
        }
        out.push_str("        ]),\n");
    }
    out.push_str("    ],\n");
    if !layout.conflicts.is_empty() {
        out.push_str("    conflicts: [\n");
        for c in &layout.conflicts {
            out.push_str(&format!("        Conflict(item: {}, note: {}),\n", string(&c.item), string(&c.note)));
        }
        out.push_str("    ],\n");
    }
    out.push_str(")\n");
    out
}

/// `Placement(item: "a", column: 1, span: 3, line: 1, depth: Auto)`.
fn placement_line(p: &Placement) -> String {
    let depth = match p.depth {
        Depth::Auto => "Auto".to_string(),
        Depth::Fixed(n) => format!("Fixed({n})"),
    };
    format!(
        "Placement(item: {}, column: {}, span: {}, line: {}, depth: {depth})",
        string(&p.item),
        p.column,
        p.span,
        p.line
    )
}

/// A RON string literal, escaped by ron itself so it always reads back the same.
fn string(text: &str) -> String {
    ron::to_string(text).unwrap_or_else(|_| "\"\"".to_string())
}

/// Write the layout to `path` atomically.
pub fn save_layout(path: &Path, layout: &Layout) -> Result<(), SaveError> {
    save_atomic(path, to_ron_string(layout).as_bytes())
}

/// Replace the file at `path` with `bytes`, all or nothing: write a temporary file in the
/// same folder, flush it to disk, rename it over the old one, then flush the folder so the
/// rename itself survives a power cut. On any failure the old file is untouched.
pub fn save_atomic(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let target = follow_symlink(path);
    let fail =
        |what: &str, e: &dyn std::fmt::Display| SaveError { file: path.to_path_buf(), message: format!("{what}: {e}") };
    let dir = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".pasteup-")
        .suffix(".tmp")
        .tempfile_in(&dir)
        .map_err(|e| fail(&format!("cannot create a temporary file in {}", dir.display()), &e))?;
    temp.write_all(bytes).map_err(|e| fail("cannot write", &e))?;
    // Keep the permissions the old file had; a new file is readable by all, as files a
    // newsroom shares are (the temporary file is private, 0600).
    if let Ok(meta) = fs::metadata(&target) {
        temp.as_file().set_permissions(meta.permissions()).map_err(|e| fail("cannot set permissions", &e))?;
    } else {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let _ = temp.as_file().set_permissions(fs::Permissions::from_mode(0o644));
        }
    }
    temp.as_file().sync_all().map_err(|e| fail("cannot flush to disk", &e))?;
    temp.persist(&target).map_err(|e| fail("cannot replace the file", &e.error))?;
    sync_dir(&dir);
    Ok(())
}

/// Saving through a symlink replaces the file it points to, not the link.
fn follow_symlink(path: &Path) -> PathBuf {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()),
        _ => path.to_path_buf(),
    }
}

/// Flush the folder entry of a rename. Best effort: not every system can open a folder.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::parse_layout;
    use crate::model::PageLayout;

    fn sample() -> Layout {
        let placement =
            |item: &str, column, span, line, depth| Placement { item: item.to_string(), column, span, line, depth };
        Layout {
            issue: "taiyuan-2023-02-10.ron".to_string(),
            pages: vec![
                PageLayout {
                    number: 3,
                    placements: vec![
                        placement("jinyuan-livable", 1, 3, 1, Depth::Auto),
                        placement("snow-traffic", 4, 2, 1, Depth::Fixed(24)),
                        placement("引号\"和\\反斜杠", 6, 1, 30, Depth::Auto),
                    ],
                },
                PageLayout { number: 4, placements: vec![] },
            ],
            conflicts: vec![],
        }
    }

    const EXPECTED: &str = r#"Layout(
    issue: "taiyuan-2023-02-10.ron",
    pages: [
        PageLayout(number: 3, placements: [
            Placement(item: "jinyuan-livable", column: 1, span: 3, line: 1, depth: Auto),
            Placement(item: "snow-traffic", column: 4, span: 2, line: 1, depth: Fixed(24)),
            Placement(item: "引号\"和\\反斜杠", column: 6, span: 1, line: 30, depth: Auto),
        ]),
        PageLayout(number: 4, placements: []),
    ],
)
"#;

    #[test]
    fn one_placement_a_line() {
        assert_eq!(to_ron_string(&sample()), EXPECTED);
    }

    #[test]
    fn merge_conflicts_are_written_and_read_back_and_absent_when_none() {
        let mut layout = sample();
        assert!(!to_ron_string(&layout).contains("conflicts"));
        layout.conflicts.push(crate::model::Conflict { item: "snow-traffic".into(), note: "both changed it".into() });
        let text = to_ron_string(&layout);
        assert!(text.contains(
            "    conflicts: [\n        Conflict(item: \"snow-traffic\", note: \"both changed it\"),\n    ],\n)"
        ));
        assert_eq!(parse_layout(Path::new("x.layout.ron"), &text).unwrap(), layout);
    }

    #[test]
    fn round_trip_is_byte_identical() {
        let text = to_ron_string(&sample());
        let back = parse_layout(Path::new("x.layout.ron"), &text).unwrap();
        assert_eq!(back, sample());
        assert_eq!(to_ron_string(&back), text);
    }

    #[test]
    fn deterministic() {
        assert_eq!(to_ron_string(&sample()), to_ron_string(&sample().clone()));
    }

    #[test]
    fn one_move_is_a_one_line_diff() {
        let before = to_ron_string(&sample());
        let mut moved = sample();
        moved.pages[0].placements[1].column = 5;
        let after = to_ron_string(&moved);
        let changed = before.lines().zip(after.lines()).filter(|(a, b)| a != b).count();
        assert_eq!((changed, before.lines().count()), (1, after.lines().count()));
    }

    #[test]
    fn control_characters_are_escaped_in_output() {
        let mut layout = sample();
        layout.issue = "a\u{1b}b".to_string();
        let text = to_ron_string(&layout);
        assert!(!text.contains('\u{1b}'));
        assert!(text.contains(r#"issue: "a\u{1b}b""#), "{text}");
    }

    #[test]
    fn save_replaces_the_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.layout.ron");
        fs::write(&path, "old").unwrap();
        save_layout(&path, &sample()).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), EXPECTED);
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    /// Tests run as root, where a read-only folder does not stop a write; a parent that is
    /// a regular file stops it for everyone, so that is the failure used here.
    #[test]
    fn failed_save_leaves_the_old_file_intact() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join("x.layout.ron");
        fs::write(&old, "old layout").unwrap();
        let blocker = dir.path().join("not-a-folder");
        fs::write(&blocker, "").unwrap();
        let e = save_layout(&blocker.join("x.layout.ron"), &sample()).unwrap_err();
        assert!(e.to_string().contains("cannot create a temporary file"), "{e}");
        assert!(e.to_string().contains("not-a-folder/x.layout.ron"), "{e}");
        let e = save_layout(&dir.path().join("missing/x.layout.ron"), &sample()).unwrap_err();
        assert!(e.message.contains("No such file"), "{e}");
        assert_eq!(fs::read_to_string(&old).unwrap(), "old layout");
        // Replacing a folder with a file fails at the rename; the folder stays.
        let folder = dir.path().join("folder");
        fs::create_dir(&folder).unwrap();
        let e = save_layout(&folder, &sample()).unwrap_err();
        assert!(e.message.contains("cannot replace"), "{e}");
        assert!(folder.is_dir());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 3);
    }
}
