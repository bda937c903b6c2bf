//! `pasteup diff`: what changed between two layouts, item by item; with the seven arguments
//! git gives an external diff, the same for a layout file in `git diff`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use pasteup_core::diff::{ItemChange, diff, diff_with_fit};
use pasteup_core::format::{self, comment_lines, printable, printable_path};
use pasteup_core::model::{Conflict, Issue, Layout};
use serde_json::json;

use super::{EXIT_INVALID, EXIT_PROBLEMS};

/// `OLD NEW`, or what git gives an external diff: `PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE
/// NEW-HEX NEW-MODE`, with `NEW-PATH` and git's rename lines after them for a renamed file, or
/// `PATH` alone for a file left unmerged.
pub fn run(files: &[PathBuf], issue: Option<&Path>, json: bool) -> ExitCode {
    // Under git, the paths the two sides had in the repository (a renamed file's differ), and
    // for a renamed or copied file how it came by its path: said in the heading (found from
    // outside: `git log -p --ext-diff` lost where a renamed layout came from).
    let mut came_from = None;
    let (git_paths, old, new) = match files {
        [old, new] => (None, old, new),
        [path, old, _, _, new, _, _] => (Some((path.as_path(), path.as_path())), old, new),
        [old_path, old, _, _, new, _, _, new_path, lines] => {
            let copied = lines.to_string_lossy().lines().any(|l| l.starts_with("copy from "));
            came_from =
                (old_path != new_path).then_some((if copied { "copied" } else { "renamed" }, old_path.as_path()));
            (Some((old_path.as_path(), new_path.as_path())), old, new)
        }
        // git sets GIT_DIFF_PATH_TOTAL for every external diff it runs; without it one file is a
        // second one forgotten, not a conflict.
        [path] if path.exists() && std::env::var_os("GIT_DIFF_PATH_TOTAL").is_some() => {
            outln!("pasteup diff {}: unmerged (a merge left it in conflict)", printable_path(path));
            return ExitCode::SUCCESS;
        }
        _ => {
            errln!(
                "pasteup diff: give OLD NEW (two layout files), or the arguments git gives an external diff (7, or 9 for a renamed file)"
            );
            return ExitCode::from(EXIT_INVALID);
        }
    };
    let git_path = git_paths.map(|(_, new_path)| new_path);
    if let (Some(path), [_, _, _, old_mode, _, _, new_mode, ..]) = (git_path, files)
        && [old_mode, new_mode].iter().any(|m| m.as_os_str() == LINK_MODE)
    {
        say_link(path, [(old, old_mode), (new, new_mode)]);
        return ExitCode::SUCCESS;
    }
    // git's OLD-FILE and NEW-FILE are temporary copies: a message names the file by the path
    // that side had, and the side.
    let read = |file: &Path, side: &str| {
        let path = git_paths.map(|(old_path, new_path)| if side == "old" { old_path } else { new_path });
        read_layout_src(file).map_err(|e| match path {
            Some(path) => {
                format::LoadError { file: path.to_path_buf(), message: format!("({side}) {}", e.message), ..e }
            }
            None => e,
        })
    };
    let ((old_layout, old_src), (new_layout, new_src)) = match (read(old, "old"), read(new, "new")) {
        (Ok(o), Ok(n)) => (o, n),
        (Err(e), _) | (_, Err(e)) => {
            errln!("{e}");
            return ExitCode::from(EXIT_INVALID);
        }
    };
    let issue = match find_issue(issue, git_path, &new_layout, &old_layout) {
        Ok(issue) => issue,
        Err(e) => {
            errln!("{e}");
            return ExitCode::from(EXIT_INVALID);
        }
    };
    if let Some(issue) = &issue {
        let (old_name, new_name) = git_paths.unwrap_or((old.as_path(), new.as_path()));
        let sides = git_paths.map(|_| ("old", "new"));
        warn_as_read(
            issue,
            &[
                (old_name, sides.map(|s| s.0), &old_layout, &old_src),
                (new_name, sides.map(|s| s.1), &new_layout, &new_src),
            ],
        );
    }
    let changes = match &issue {
        Some(issue) => diff_with_fit(issue, &old_layout, &new_layout),
        None => diff(&old_layout, &new_layout),
    };
    // A layout added or deleted (`/dev/null`) names no issue: only a new name is a change.
    let renamed =
        (!old_layout.issue.is_empty() && !new_layout.issue.is_empty() && old_layout.issue != new_layout.issue)
            .then_some((old_layout.issue.as_str(), new_layout.issue.as_str()));
    // A merge's conflict notes added or removed, a line each, as the issue's change is (found
    // from outside: a merge that changed only the notes was "no placement changed").
    let notes = NoteChanges {
        added: new_layout.conflicts.iter().filter(|c| !old_layout.conflicts.contains(c)).collect(),
        removed: old_layout.conflicts.iter().filter(|c| !new_layout.conflicts.contains(c)).collect(),
    };
    // A save writes no comment, so `//` notes a colleague left go at the next save; said, as
    // the text diff shows them (found from outside: `git diff` said "no placement changed"
    // of a save that dropped four comment lines).
    let comments = Comments { old: comment_lines(&old_src), new: comment_lines(&new_src) };
    let heading = git_path.map(|path| match came_from {
        Some((how, from)) => format!("{} ({how} from {})", path.display(), from.display()),
        None => path.display().to_string(),
    });
    print(heading.as_deref(), renamed, &notes, comments, &changes, json);
    // git takes any exit code but 0 from an external diff as a failure.
    let changed = !changes.is_empty() || renamed.is_some() || !notes.is_empty() || comments.changed().is_some();
    let changed = changed && git_path.is_none();
    ExitCode::from(if changed { EXIT_PROBLEMS } else { 0 })
}

/// The mode git gives a symbolic link, whose file holds where the link points, not a layout.
const LINK_MODE: &str = "120000";

/// A layout tracked as a symbolic link: where it points on each side, as git's own diff says
/// it (found from outside: the link's target read as a layout, and `git diff` stopped).
fn say_link(path: &Path, sides: [(&PathBuf, &PathBuf); 2]) {
    let side = |(file, mode): (&PathBuf, &PathBuf)| {
        if mode.as_os_str() == "." {
            return "none".to_string();
        }
        if mode.as_os_str() != LINK_MODE {
            return "not a link".to_string();
        }
        std::fs::read_to_string(file)
            .map_or_else(|_| "?".to_string(), |target| format!("a link to {}", printable(&target)))
    };
    let [old, new] = sides.map(side);
    outln!("pasteup diff {}: a symbolic link, not a layout: {old} → {new}", printable_path(path));
}

/// The notes of the layout's `conflicts` list the new side has and the old has not, and the
/// other way round.
struct NoteChanges<'a> {
    added: Vec<&'a Conflict>,
    removed: Vec<&'a Conflict>,
}

impl NoteChanges<'_> {
    fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty()
    }

    /// `conflict added: ITEM: NOTE`, one a note, as `pasteup merge` lists them.
    fn lines(&self) -> impl Iterator<Item = String> {
        let line =
            |how: &str, c: &Conflict| format!("conflict {how}: {}: {}", c.on_item().unwrap_or("the layout"), c.note);
        let added = self.added.iter().map(move |c| line("added", c));
        added.chain(self.removed.iter().map(move |c| line("removed", c)))
    }
}

/// How many lines of each side hold a `//` or `/* */` comment: counted, not compared line by
/// line, so a comment reworded in place is no change.
#[derive(Clone, Copy)]
struct Comments {
    old: usize,
    new: usize,
}

impl Comments {
    /// `("removed", 4)` or `("added", 2)`: how many comment lines the new side has fewer, or more.
    fn changed(self) -> Option<(&'static str, usize)> {
        match self.new.cmp(&self.old) {
            std::cmp::Ordering::Less => Some(("removed", self.old - self.new)),
            std::cmp::Ordering::Greater => Some(("added", self.new - self.old)),
            std::cmp::Ordering::Equal => None,
        }
    }
}

fn print(
    heading: Option<&str>,
    renamed: Option<(&str, &str)>,
    notes: &NoteChanges,
    comments: Comments,
    changes: &[ItemChange],
    json: bool,
) {
    if json {
        let mut out = json!({ "changes": changes });
        if let Some((from, to)) = renamed {
            out["issue"] = json!({ "from": from, "to": to });
        }
        if !notes.is_empty() {
            out["conflicts"] = json!({ "added": notes.added, "removed": notes.removed });
        }
        if let Some((how, lines)) = comments.changed() {
            out["comments"] = json!({ how: lines });
        }
        outln!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
        return;
    }
    if let Some(heading) = heading {
        outln!("pasteup diff {}", printable(heading));
    }
    if let Some((from, to)) = renamed {
        outln!("issue: {} → {}", printable(&format!("{from:?}")), printable(&format!("{to:?}")));
    }
    for line in notes.lines() {
        outln!("{}", printable(&line));
    }
    if let Some((how, lines)) = comments.changed() {
        outln!("comments: {lines} {} {how}", if lines == 1 { "line" } else { "lines" });
    }
    if changes.is_empty() {
        outln!("no placement changed");
    }
    for c in changes {
        outln!("{}", printable(&c.line()));
    }
}

/// What `check` would say of each layout as read against the issue (an item the issue lacks,
/// an item placed twice, a setting it refuses, …), on standard error: the diff lists
/// placements as they are written, and these would not stand as written (found from outside:
/// a `head_size` of 0 was given a fit and no word).
fn warn_as_read(issue: &Issue, layouts: &[(&Path, Option<&str>, &Layout, &str)]) {
    for &(path, side, layout, src) in layouts {
        let refused = format::check_settings(issue, layout, src, path).err().map(|e| e.to_string());
        let problems = format::check_layout(issue, layout, src, path).problems.into_iter().map(|p| p.to_string());
        for text in refused.into_iter().chain(problems) {
            match side {
                Some(side) => errln!("{}", with_side(&text, &path.display().to_string(), side)),
                None => errln!("{text}"),
            }
        }
    }
}

/// `PATH:LINE:COL: message` as `PATH:LINE:COL: (side) message`: under git both sides are one
/// PATH, and a line of the old side is not a line of the file in the work tree.
fn with_side(text: &str, path: &str, side: &str) -> String {
    let Some(rest) = text.strip_prefix(path) else { return format!("({side}) {text}") };
    match rest.find(": ") {
        Some(at) => format!("{path}{}: ({side}) {}", &rest[..at], &rest[at + 2..]),
        None => format!("({side}) {text}"),
    }
}

/// A layout file and the text it was read from (for positions in messages); git's
/// `/dev/null` (a file added or deleted) is a layout placing nothing.
pub fn read_layout_src(path: &Path) -> Result<(Layout, String), format::LoadError> {
    if path == Path::new("/dev/null") {
        return Ok((Layout::default(), String::new()));
    }
    format::load_layout(path)
}

/// The issue to measure fit against: the one named, or (under git) the one the layout names,
/// relative to the layout's place in the work tree. Under git an issue that cannot be read
/// only drops the fit figures.
fn find_issue(
    named: Option<&Path>,
    git_path: Option<&Path>,
    new: &Layout,
    old: &Layout,
) -> Result<Option<Issue>, format::LoadError> {
    if let Some(path) = named {
        return format::load_issue(path).map(|l| Some(l.value));
    }
    let Some(layout_path) = git_path else { return Ok(None) };
    let name = if new.issue.is_empty() { &old.issue } else { &new.issue };
    let dir = pasteup_core::document::layout_folder(layout_path);
    Ok(format::load_issue(&dir.join(name)).ok().map(|l| l.value))
}
