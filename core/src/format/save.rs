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

use super::chars::printable_path;
use super::error::{SaveError, SaveStep, SaveTrouble};
use super::under_way::UnderWay;
use crate::journal::{Stamp, stamp};
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
            match c.on_item() {
                Some(item) => {
                    out.push_str(&format!("        Conflict(item: {}, note: {}),\n", string(item), string(&c.note)))
                }
                None => out.push_str(&format!("        Conflict(note: {}),\n", string(&c.note))),
            }
        }
        out.push_str("    ],\n");
    }
    out.push_str(")\n");
    out
}

/// `Placement(item: "a", column: 1, span: 3, line: 1, depth: Auto)`, then `part`, `cut`,
/// `head_size`, `headline` and `continued` when set.
fn placement_line(p: &Placement) -> String {
    let depth = match p.depth {
        Depth::Auto => "Auto".to_string(),
        Depth::Fixed(n) => format!("Fixed({n})"),
    };
    let mut line = format!(
        "Placement(item: {}, column: {}, span: {}, line: {}, depth: {depth}",
        string(&p.item),
        p.column,
        p.span,
        p.line
    );
    // Version-2 fields only when not at their default, so version-1 layouts keep their bytes.
    if p.part != 1 {
        line.push_str(&format!(", part: {}", p.part));
    }
    if p.cut != 0 {
        line.push_str(&format!(", cut: {}", p.cut));
    }
    if let Some(size) = p.head_size {
        line.push_str(&format!(", head_size: Some({size})"));
    }
    if let Some(headline) = &p.headline {
        line.push_str(&format!(", headline: Some({})", string(headline)));
    }
    if p.continued {
        line.push_str(", continued: true");
    }
    line.push(')');
    line
}

/// A RON string literal, escaped by ron itself so it always reads back the same.
fn string(text: &str) -> String {
    ron::to_string(text).unwrap_or_else(|_| "\"\"".to_string())
}

/// Write the layout to `path` atomically, as the file there was written: its line endings and
/// byte-order mark kept ([`as_written_at`]), so a save changes only what changed. The editor's
/// save, `merge` and `make` all write through here.
pub fn save_layout(path: &Path, layout: &Layout) -> Result<(), SaveError> {
    save_atomic(path, as_written_at(to_ron_string(layout), path).as_bytes())
}

/// [`save_layout`] as the editor saves: only over the file it last saw at `path` (`seen`, its
/// stamp; `None`, nothing there). The file is looked at again just before the rename, after
/// the slow steps (the write, the fsync), and if another program wrote it meanwhile nothing
/// is replaced ([`SaveTrouble::ChangedMeanwhile`]). Found from outside: a save slowed in
/// fsync renamed over a layout another program wrote during it, and their change was lost.
pub fn save_layout_over(path: &Path, layout: &Layout, seen: Option<Stamp>) -> Result<(), SaveError> {
    save_layout_over_by(path, layout, seen, || {})
}

/// [`save_layout_over`], with `meanwhile` run once the temporary file is written and flushed,
/// before the last look: where a test puts another program's write.
pub fn save_layout_over_by(
    path: &Path,
    layout: &Layout,
    seen: Option<Stamp>,
    meanwhile: impl FnOnce(),
) -> Result<(), SaveError> {
    let bytes = as_written_at(to_ron_string(layout), path);
    let last_look = || {
        meanwhile();
        if stamp(path) == seen { Ok(()) } else { Err(SaveError::new(path, SaveTrouble::ChangedMeanwhile)) }
    };
    match destination(path)? {
        Destination::File(target) => replace_file(path, &target, bytes.as_bytes(), last_look),
        Destination::Stream => write_through(path, bytes.as_bytes()),
    }
}

/// `text` (LF, no byte-order mark, as [`to_ron_string`] writes) with the line endings of the
/// regular file at `path` (CR LF when its first line ends so) and its byte-order mark. Found
/// from outside: a CR LF layout saved, merged or made came out LF, every line of it changed,
/// and a byte-order mark was dropped unsaid. Nothing there, or no regular file (a pipe,
/// `/dev/stdout`, never read), leaves `text` as it is.
pub fn as_written_at(text: String, path: &Path) -> String {
    let Some(head) = first_line(path) else { return text };
    let text = if head.ends_with(b"\r\n") { text.replace('\n', "\r\n") } else { text };
    if head.starts_with(&[0xEF, 0xBB, 0xBF]) { format!("\u{FEFF}{text}") } else { text }
}

/// The first line of the regular file at `path`, with its line ending (at most 64 KiB of it).
fn first_line(path: &Path) -> Option<Vec<u8>> {
    use std::io::{BufRead, BufReader, Read};
    if !fs::metadata(path).ok()?.is_file() {
        return None;
    }
    let mut line = Vec::new();
    BufReader::new(fs::File::open(path).ok()?.take(64 * 1024)).read_until(b'\n', &mut line).ok()?;
    Some(line)
}

/// Replace the file at `path` with `bytes`, all or nothing: write a temporary file in the
/// same folder, flush it to disk, rename it over the old one, then flush the folder so the
/// rename itself survives a power cut. On any failure the old file is untouched.
///
/// Only ever a regular file is replaced: through a symlink (a dangling one too) its target
/// is written; a pipe or a character device (`-o /dev/stdout`, `/dev/null`) is written
/// through; a folder, a socket or a block device is refused. Temporary files that an
/// interrupted save left in the folder are removed.
pub fn save_atomic(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    match destination(path)? {
        Destination::File(target) => replace_file(path, &target, bytes, || Ok(())),
        Destination::Stream => write_through(path, bytes),
    }
}

/// Where a save's bytes go.
enum Destination {
    /// A regular file, new or old, at this path (symlinks followed).
    File(PathBuf),
    /// A pipe or character device, written in place.
    Stream,
}

fn fail(path: &Path, step: SaveStep, e: &dyn std::fmt::Display) -> SaveError {
    SaveError::new(path, SaveTrouble::System { step, error: e.to_string() })
}

fn destination(path: &Path) -> Result<Destination, SaveError> {
    // A name ending in `/` names a folder, there or not (found from outside: `-o new/` was
    // the rename's "Not a directory").
    if path.as_os_str().as_encoded_bytes().ends_with(b"/") && !path.is_dir() {
        let named = path.components().as_path();
        let dir = printable_path(named);
        let why = if named.exists() { SaveTrouble::NotAFolder { dir } } else { SaveTrouble::NoFolder { dir } };
        return Err(SaveError::new(path, why));
    }
    // `metadata` follows links, the kernel's own (/dev/stdout → /proc/self/fd/1 → a pipe) too.
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        // Nothing there yet (or a parent that is no folder: creating the file will say so).
        Err(_) => return link_target(path).map(Destination::File),
    };
    let kind = meta.file_type();
    if kind.is_file() {
        return link_target(path).map(Destination::File);
    }
    if kind.is_dir() {
        return Err(SaveError::new(path, SaveTrouble::IsFolder));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() || kind.is_char_device() {
            return Ok(Destination::Stream);
        }
    }
    Err(SaveError::new(path, SaveTrouble::NotWritableKind))
}

/// The file a path finally names, following symlinks one by one, so that a dangling link
/// names the file to create rather than being replaced by one.
pub(crate) fn link_target(path: &Path) -> Result<PathBuf, SaveError> {
    let mut at = path.to_path_buf();
    for _ in 0..40 {
        match fs::symlink_metadata(&at) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let to = fs::read_link(&at).map_err(|e| fail(path, SaveStep::ReadLink, &e))?;
                at = match at.parent() {
                    Some(dir) if to.is_relative() => dir.join(to),
                    _ => to,
                };
            }
            _ => return Ok(at),
        }
    }
    Err(SaveError::new(path, SaveTrouble::LinkLoop))
}

/// `last_look` says, once the temporary file is written, whether the rename may go ahead: an
/// error leaves the old file as it is and the temporary file removed.
fn replace_file(
    path: &Path,
    target: &Path,
    bytes: &[u8],
    last_look: impl FnOnce() -> Result<(), SaveError>,
) -> Result<(), SaveError> {
    let fail = |step: SaveStep, e: &dyn std::fmt::Display| fail(path, step, e);
    // The file is replaced by renaming, which its own permissions do not stop: a file its
    // owner made read-only is kept as vim keeps one (found from outside: another user's save
    // replaced a 0444 layout in a shared folder).
    if fs::metadata(target).is_ok_and(|m| m.permissions().readonly()) {
        return Err(SaveError::new(path, SaveTrouble::ReadOnly));
    }
    // Nor is a file this user may not write: another user's, their mode letting others only
    // read it (found from outside: user nobody's export replaced root's 0644 file in a folder
    // open to all, and took it for theirs). Asked by opening it to write, which changes nothing.
    if fs::OpenOptions::new().write(true).open(target).is_err_and(|e| e.kind() == std::io::ErrorKind::PermissionDenied)
    {
        return Err(SaveError::new(path, SaveTrouble::NotPermitted));
    }
    let dir = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    // Found from outside: a folder not there was "cannot create a temporary file in …".
    if !dir.is_dir() {
        let (there, dir) = (dir.exists(), printable_path(&dir));
        let why = if there { SaveTrouble::NotAFolder { dir } } else { SaveTrouble::NoFolder { dir } };
        return Err(SaveError::new(path, why));
    }
    let mut temp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(&dir)
        .map_err(|e| fail(SaveStep::TempFile { dir: printable_path(&dir) }, &e))?;
    let listed = UnderWay::list(temp.path(), Some(target));
    temp.write_all(bytes).map_err(|e| fail(SaveStep::Write, &e))?;
    // Keep the permissions the old file had; a new file is readable by all, as files a
    // newsroom shares are (the temporary file is private, 0600).
    if let Ok(meta) = fs::metadata(target) {
        keep_owner(temp.as_file(), &meta);
        temp.as_file().set_permissions(meta.permissions()).map_err(|e| fail(SaveStep::Permissions, &e))?;
    } else {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let _ = temp.as_file().set_permissions(fs::Permissions::from_mode(0o644));
        }
    }
    temp.as_file().sync_all().map_err(|e| fail(SaveStep::Flush, &e))?;
    // Between this look and the rename, microseconds, another program's write is still lost.
    last_look()?;
    listed.rename(|| temp.persist(target)).map_err(|e| fail(SaveStep::Replace, &e.error))?;
    sync_dir(&dir);
    remove_leftovers(&dir);
    Ok(())
}

/// Gives the new file the old one's owner and group, where this process may (found from
/// outside: saved by another user, a layout `rw-r-----` of one desk became another's, and
/// the first could no longer read it). Not allowed (most users may give a file only to a
/// group of theirs), the new file is theirs, as any file they write.
fn keep_owner(file: &fs::File, old: &fs::Metadata) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let Ok(now) = file.metadata() else { return };
        // The owner and group, else (not root) the group alone.
        let differs = (now.uid(), now.gid()) != (old.uid(), old.gid());
        if differs && std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid())).is_err() {
            let _ = std::os::unix::fs::fchown(file, None, Some(old.gid()));
        }
    }
    #[cfg(not(unix))]
    let _ = (file, old);
}

/// Writes into a pipe or a device in place. A pipe nobody reads is refused at once rather
/// than waited on (the open would block for ever).
fn write_through(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let mut options = fs::OpenOptions::new();
    options.write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32);
    }
    let mut file = options.open(path).map_err(|e| {
        if no_reader(&e) { SaveError::new(path, SaveTrouble::PipeUnread) } else { fail(path, SaveStep::Open, &e) }
    })?;
    #[cfg(unix)]
    {
        // Blocking again, so a full pipe waits for its reader instead of failing.
        let flags = rustix::fs::fcntl_getfl(&file).map_err(|e| fail(path, SaveStep::Open, &e))?;
        rustix::fs::fcntl_setfl(&file, flags - rustix::fs::OFlags::NONBLOCK)
            .map_err(|e| fail(path, SaveStep::Open, &e))?;
    }
    match file.write_all(bytes).and_then(|()| file.flush()) {
        // The reader took what it wanted and closed its end (`| head`): done, as a command
        // writing to standard output is (found from outside: exit 2, "nothing was written").
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        result => result.map_err(|e| fail(path, SaveStep::Write, &e)),
    }
}

/// Opening a pipe without blocking fails with ENXIO when nothing reads from it.
fn no_reader(e: &std::io::Error) -> bool {
    #[cfg(unix)]
    return e.raw_os_error() == Some(rustix::io::Errno::NXIO.raw_os_error());
    #[cfg(not(unix))]
    return {
        let _ = e;
        false
    };
}

const TEMP_PREFIX: &str = ".pasteup-";
const TEMP_SUFFIX: &str = ".tmp";

/// How old a temporary file must be before it counts as left by an interrupted save; a
/// younger one may be another editor's save under way.
const LEFTOVER_AGE: std::time::Duration = std::time::Duration::from_secs(60);

/// Removes the temporary files of saves that never finished (a `kill -9` mid-save) from
/// `dir`. Best effort: a file that cannot be removed stays.
pub fn remove_leftovers(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)) {
            continue;
        }
        let old = entry
            .metadata()
            .ok()
            .filter(|m| m.is_file())
            .and_then(|m| m.modified().ok())
            .and_then(|t| t.elapsed().ok());
        if old.is_some_and(|age| age >= LEFTOVER_AGE) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Whether an open file is still the one `path` names (it was not removed and made anew).
pub fn same_file_as(file: &File, path: &Path) -> bool {
    let (Ok(a), Ok(b)) = (file.metadata(), fs::metadata(path)) else { return false };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        a.dev() == b.dev() && a.ino() == b.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = (a, b);
        true
    }
}

/// Whether two paths name the same file (through links): an export must never be written
/// over a file the command reads.
pub fn same_file(a: &Path, b: &Path) -> bool {
    let (Ok(a), Ok(b)) = (fs::metadata(a), fs::metadata(b)) else { return false };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        a.dev() == b.dev() && a.ino() == b.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = (a, b);
        false
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

    /// Found from outside: saved by root, a layout of another user's became root's, with its
    /// mode kept, and its owner could no longer read it. Run as root (as CI's container is),
    /// the owner and group stay; as anyone else there is nothing to try.
    #[cfg(unix)]
    #[test]
    fn a_save_keeps_the_files_owner_where_it_may() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.layout.ron");
        fs::write(&path, "old").unwrap();
        if fs::metadata(&path).unwrap().uid() != 0 {
            return;
        }
        std::os::unix::fs::chown(&path, Some(65534), Some(65534)).unwrap();
        save_atomic(&path, b"new").unwrap();
        let meta = fs::metadata(&path).unwrap();
        assert_eq!((meta.uid(), meta.gid()), (65534, 65534));
        assert_eq!(fs::read(&path).unwrap(), b"new");
    }

    fn sample() -> Layout {
        let placement =
            |item: &str, column, span, line, depth| Placement::new(item.to_string(), column, span, line, depth);
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
    fn version_2_fields_are_written_in_order_only_when_set() {
        let mut layout = sample();
        let p = &mut layout.pages[0].placements[0];
        (p.part, p.cut, p.head_size, p.headline) = (2, 3, Some(3), Some("新\"题".to_string()));
        let text = to_ron_string(&layout);
        assert!(text.contains(
            r#"Placement(item: "jinyuan-livable", column: 1, span: 3, line: 1, depth: Auto, part: 2, cut: 3, head_size: Some(3), headline: Some("新\"题")),"#
        ), "{text}");
        let back = parse_layout(Path::new("x.layout.ron"), &text).unwrap();
        assert_eq!(back, layout);
        layout.pages[0].placements[0].part = 1;
        layout.pages[0].placements[0].head_size = None;
        assert!(to_ron_string(&layout).contains("depth: Auto, cut: 3, headline: "));
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

    /// Found from outside: a save slowed in fsync renamed over the layout another program wrote
    /// during it. The file is looked at again just before the rename: changed, it is kept and
    /// no temporary file is left.
    #[test]
    fn a_file_written_during_the_save_is_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.layout.ron");
        fs::write(&path, "ours, as read").unwrap();
        let seen = stamp(&path);
        let theirs = || fs::write(&path, "theirs, written during the save").unwrap();
        let e = save_layout_over_by(&path, &sample(), seen, theirs).unwrap_err();
        assert_eq!(e.why, SaveTrouble::ChangedMeanwhile);
        assert_eq!(fs::read_to_string(&path).unwrap(), "theirs, written during the save");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file left");
        // Unchanged meanwhile, it is saved; a file made where there was none is kept too.
        save_layout_over_by(&path, &sample(), stamp(&path), || {}).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), EXPECTED);
        let new = dir.path().join("new.layout.ron");
        let e = save_layout_over_by(&new, &sample(), None, || fs::write(&new, "theirs").unwrap()).unwrap_err();
        assert_eq!(e.why, SaveTrouble::ChangedMeanwhile);
        assert_eq!(fs::read_to_string(&new).unwrap(), "theirs");
        save_layout_over(&dir.path().join("newer.layout.ron"), &sample(), None).unwrap();
    }

    /// Found from outside: the editor's save wrote LF without the byte-order mark over a CR LF
    /// layout that had one (merge and make kept them), so every line showed as changed.
    #[test]
    fn a_save_keeps_the_line_endings_and_byte_order_mark_it_writes_over() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.layout.ron");
        fs::write(&path, "\u{FEFF}Layout(\r\n  issue: \"old.ron\",\r\n)\r\n").unwrap();
        save_layout(&path, &sample()).unwrap();
        let crlf = format!("\u{FEFF}{}", EXPECTED.replace('\n', "\r\n"));
        assert_eq!(fs::read_to_string(&path).unwrap(), crlf);
        // Saved again, the same bytes; over an LF file without a mark, LF without one.
        save_layout(&path, &sample()).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), crlf);
        fs::write(&path, "Layout(\n)\r\n").unwrap();
        save_layout(&path, &sample()).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), EXPECTED);
        // A device is written through and never read for its style.
        assert_eq!(as_written_at("a\n".into(), Path::new("/dev/zero")), "a\n");
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
        assert!(e.to_string().contains("not-a-folder is not a folder; name a file in a folder"), "{e}");
        assert!(e.to_string().contains("not-a-folder/x.layout.ron"), "{e}");
        // Found from outside: "cannot create a temporary file in …" for a folder not there.
        let e = save_layout(&dir.path().join("missing/x.layout.ron"), &sample()).unwrap_err();
        assert!(e.to_string().contains("missing does not exist; make it first (mkdir -p "), "{e}");
        assert!(matches!(&e.why, SaveTrouble::NoFolder { dir } if dir.ends_with("missing")), "{e:?}");
        assert_eq!(fs::read_to_string(&old).unwrap(), "old layout");
        // Replacing a folder with a file fails at the rename; the folder stays.
        let folder = dir.path().join("folder");
        fs::create_dir(&folder).unwrap();
        let e = save_layout(&folder, &sample()).unwrap_err();
        assert_eq!(e.why, SaveTrouble::IsFolder);
        assert!(folder.is_dir());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 3);
    }

    /// Found from outside: `-o new/` (a folder not there, named with its slash) was "cannot
    /// replace the file: Not a directory", the rename's word for the opposite of what was wrong.
    #[test]
    fn a_name_ending_in_a_slash_is_said_to_name_a_folder() {
        let dir = tempfile::tempdir().unwrap();
        let e = save_atomic(&dir.path().join("new/"), b"x").unwrap_err();
        assert!(matches!(&e.why, SaveTrouble::NoFolder { dir } if dir.ends_with("new")), "{e:?}");
        assert!(e.to_string().contains("new does not exist; make it first (mkdir -p "), "{e}");
        let file = dir.path().join("x.txt");
        fs::write(&file, "old").unwrap();
        let e = save_atomic(&dir.path().join("x.txt/"), b"x").unwrap_err();
        assert!(e.to_string().contains("x.txt is not a folder; name a file in a folder"), "{e}");
        assert_eq!(fs::read_to_string(&file).unwrap(), "old");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "nothing left behind");
    }

    /// A dangling link names the file to create: the link stays a link.
    #[test]
    fn a_dangling_symlink_is_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("out.txt");
        std::os::unix::fs::symlink("proofs/today.txt", &link).unwrap();
        fs::create_dir(dir.path().join("proofs")).unwrap();
        save_atomic(&link, b"proof").unwrap();
        assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(fs::read_to_string(dir.path().join("proofs/today.txt")).unwrap(), "proof");
    }

    #[test]
    fn a_device_is_written_through_not_replaced() {
        save_atomic(Path::new("/dev/null"), b"proof").unwrap();
        use std::os::unix::fs::FileTypeExt;
        assert!(fs::metadata("/dev/null").unwrap().file_type().is_char_device());
    }

    fn fifo(dir: &Path) -> PathBuf {
        let path = dir.join("pipe");
        rustix::fs::mkfifoat(rustix::fs::CWD, &path, rustix::fs::Mode::from_raw_mode(0o600)).unwrap();
        path
    }

    #[test]
    fn a_pipe_nobody_reads_is_refused_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let pipe = fifo(dir.path());
        let e = save_atomic(&pipe, b"proof").unwrap_err();
        assert_eq!(e.why, SaveTrouble::PipeUnread);
        assert!(e.to_string().ends_with("cannot save: cannot write: it is a pipe that no program reads"), "{e}");
        use std::os::unix::fs::FileTypeExt;
        assert!(fs::symlink_metadata(&pipe).unwrap().file_type().is_fifo());
    }

    #[test]
    fn a_pipe_with_a_reader_gets_the_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let pipe = fifo(dir.path());
        let reader = {
            let pipe = pipe.clone();
            std::thread::spawn(move || fs::read(pipe).unwrap())
        };
        // The reader opens the pipe in its own time; until then the write is refused.
        let big = vec![b'x'; 1 << 20];
        let mut tries = 0;
        while let Err(e) = save_atomic(&pipe, &big) {
            assert_eq!(e.why, SaveTrouble::PipeUnread);
            tries += 1;
            assert!(tries < 1000, "the reader never opened the pipe");
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        assert_eq!(reader.join().unwrap().len(), 1 << 20);
    }

    #[test]
    fn a_socket_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sock");
        let _listener = std::os::unix::net::UnixListener::bind(&path).unwrap();
        let e = save_atomic(&path, b"x").unwrap_err();
        assert_eq!(e.why, SaveTrouble::NotWritableKind, "{e}");
    }

    #[test]
    fn leftovers_of_an_interrupted_save_are_removed_at_the_next_save() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join(".pasteup-AbC123.tmp");
        let young = dir.path().join(".pasteup-XyZ789.tmp");
        let other = dir.path().join("notes.tmp");
        for path in [&old, &young, &other] {
            fs::write(path, "half a layout").unwrap();
        }
        let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        for path in [&old, &other] {
            fs::File::options().write(true).open(path).unwrap().set_modified(hour_ago).unwrap();
        }
        save_layout(&dir.path().join("x.layout.ron"), &sample()).unwrap();
        // The old one is gone; a young one may be a save under way, and others are not ours.
        assert!(!old.exists());
        assert!(young.exists() && other.exists());
    }

    #[test]
    fn same_file_sees_through_links() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("issue.ron");
        fs::write(&file, "x").unwrap();
        let link = dir.path().join("link.ron");
        std::os::unix::fs::symlink(&file, &link).unwrap();
        assert!(same_file(&file, &link));
        assert!(!same_file(&file, &dir.path().join("missing.ron")));
    }
}
