//! `pasteup merge`: git's merge driver for layout files (`%O %A %B %P`). Merges two page
//! editors' layouts item by item and writes the result over OURS; exit 0 when
//! clean, 1 when conflicts are left (noted in the layout, named by `check`), 2 bad input.

use std::path::{Component, Path};
use std::process::{Command, ExitCode, Stdio};

use pasteup_core::document::beside_folder;
use pasteup_core::format::{self, LoadError, comment_lines, printable, printable_path, save_layout};
use pasteup_core::merge::{TheirIssue, check_merged, merge_files, new_conflicts, unknown_items, unknown_pages};
use pasteup_core::model::{Issue, Layout};

use super::{EXIT_INVALID, EXIT_PROBLEMS};

pub fn run(base: &Path, ours: &Path, theirs_file: &Path, path: Option<&Path>, issue: Option<&Path>) -> ExitCode {
    // The result is written over OURS: /dev/null (read as a layout placing nothing) would
    // swallow it and exit 0 (found from outside), and a folder cannot take it.
    if !std::fs::metadata(ours).is_ok_and(|m| m.is_file()) {
        // Found from outside: a file that is not there was "not a regular file".
        let what = if std::fs::symlink_metadata(ours).is_ok() { "not a regular file" } else { "there is no such file" };
        errln!(
            "{}: {what}, and the merge writes its result over OURS; give OURS as the layout file to merge into",
            printable_path(ours)
        );
        return ExitCode::from(EXIT_INVALID);
    }
    let sides = [(base, "base"), (ours, "ours"), (theirs_file, "theirs")];
    let layouts = sides.map(|(file, side)| read_side(file, side, path));
    let [(b, _), (o, our_src), (t, their_src)] = match layouts {
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
    // The issue the merged layout names (theirs when only they renamed it), else ours'.
    let unchecked = merge_files(&b, &o, &t);
    // Through a symbolic link, its target's folder (found from outside: OURS a link into
    // another folder looked for the issue beside the link, and the merge went unchecked).
    let folder = pasteup_core::document::layout_folder(path.unwrap_or(ours));
    let dir = folder.as_path();
    let loaded = match issue {
        Some(named) => format::load_issue(named),
        None => format::load_issue(&beside_folder(dir, &unchecked.issue))
            .or_else(|e| format::load_issue(&beside_folder(dir, &o.issue)).map_err(|_| e)),
    };
    let merged = match loaded {
        Ok(loaded) => {
            let unknown = unknown_items(&loaded.value, &unchecked, &o);
            let unknown_at = unknown_pages(&loaded.value, &unchecked, &o);
            // Asked of git at every merge under it, not only when they placed what this copy
            // of the issue lacks: their layout is judged with their issue (found from outside:
            // judged with ours, which had lengthened an article, their layout "had" the
            // overlap the merge made with it, and the merge went through with exit 0).
            let their_side = path.and_then(|_| their_issue(&beside_folder(dir, &t.issue)));
            // A value no command takes (a head size of 0, a depth of Fixed(0)) would be
            // written into OURS as it stands, and `check` and `export` refuse the result
            // (found from outside): each side is checked as opening it checks, against the
            // issue it was made for, before anything is written.
            let checks = [
                (ours, "ours", &o, &our_src, &loaded.value),
                (theirs_file, "theirs", &t, &their_src, their_side.as_ref().map_or(&loaded.value, |s| &s.whole)),
            ];
            let refused: Vec<LoadError> = checks
                .into_iter()
                .filter_map(|(file, side, layout, src, issue)| {
                    format::check_values(issue, layout, src, file).err().map(|e| in_side(e, side, path))
                })
                .collect();
            if !refused.is_empty() {
                for e in refused {
                    errln!("{e}");
                }
                return ExitCode::from(EXIT_INVALID);
            }
            if let Some(side) = &their_side {
                say_brought_in(&unknown, &unknown_at, &side.brought);
            }
            let merged =
                check_merged(&loaded.value, their_side.as_ref().map(TheirSide::borrowed), unchecked, &b, &o, &t);
            say_ours_lacking(&loaded.value, &merged, &o);
            merged
        }
        Err(e) => {
            errln!("pasteup merge: {e}; merged by placement without checking the pages");
            unchecked
        }
    };
    // Written with the line endings and byte-order mark ours has, as every save keeps them.
    if let Err(e) = save_layout(ours, &merged) {
        errln!("{e}");
        return ExitCode::from(EXIT_INVALID);
    }
    let name = printable_path(path.unwrap_or(ours));
    say_comments_dropped(&name, comment_lines(&our_src), comment_lines(&their_src));
    // Notes an earlier merge left undecided stay in the file, but stop no later merge: they
    // are the page editor's, who decides them in the editor.
    let new = new_conflicts(&merged, &o, &t);
    let carried = merged.conflicts.len() - new.len();
    if carried > 0 {
        errln!(
            "pasteup merge: {carried} note(s) of an earlier merge in {name} still to decide (pasteup check lists them)"
        );
    }
    if new.is_empty() {
        return ExitCode::SUCCESS;
    }
    errln!("pasteup merge: {} conflict(s) in {name}:", new.len());
    for c in new {
        errln!("  {}: {}", c.on_item().map_or("the layout".to_string(), printable), printable(&c.note));
    }
    ExitCode::from(EXIT_PROBLEMS)
}

/// What ours placed already that the issue lacks and the merge keeps stays as ours had it, for
/// the merge brought none of it; said, as `pasteup check` then refuses the layout (found from
/// outside: a merge took it with exit 0 and said nothing).
fn say_ours_lacking(issue: &Issue, merged: &Layout, ours: &Layout) {
    let none = Layout::default();
    let in_ours = |item: &str| ours.pages.iter().flat_map(|p| &p.placements).any(|p| p.item == item);
    let items: Vec<String> = unknown_items(issue, merged, &none).into_iter().filter(|i| in_ours(i)).collect();
    let on_ours_page = |(_, n): &(String, u32)| ours.pages.iter().any(|p| p.number == *n);
    let pages = unknown_pages(issue, merged, &none).into_iter().filter(on_ours_page);
    let pages: Vec<String> = pages.map(|(_, n)| n.to_string()).collect();
    let mut what = Vec::new();
    if !items.is_empty() {
        what.push(format!("items {}", items.iter().map(|i| printable(i)).collect::<Vec<_>>().join(", ")));
    }
    if !pages.is_empty() {
        let mut pages = pages;
        pages.dedup();
        what.push(format!("pages {}", pages.join(", ")));
    }
    if !what.is_empty() {
        errln!(
            "pasteup merge: ours places {} that the issue does not have, as it did before the merge; \
             pasteup check lists them",
            what.join(" and ")
        );
    }
}

/// A merge writes the layout as a save does, without comments: said, since a comment the
/// other editor just added goes too (found from outside) and the item diff does not show it.
fn say_comments_dropped(name: &str, ours: usize, theirs: usize) {
    let counts = match (ours, theirs) {
        (0, 0) => return,
        (n, 0) => format!("{n} line(s) in ours"),
        (0, n) => format!("{n} line(s) in theirs"),
        (o, t) => format!("{o} line(s) in ours, {t} in theirs"),
    };
    errln!("pasteup merge: {name}: comments not kept ({counts}): a merge writes the layout as a save does");
}

/// The issue `path` (from the top of the work tree) as the commit `git merge` is merging in
/// has it, and what of it the merge brings in: its items and pages that no merge base's issue
/// had (found from outside: an item ours took out of the issue, still placed in theirs, was
/// taken as brought in, and the merge wrote a layout `check` refuses with exit 0). git names
/// that commit in the variable `GITHEAD_<hash>` it sets for its drivers. `None` under a rebase
/// or a cherry-pick (which set none), with more than one such commit, or when git cannot show
/// the file or it does not read as an issue, or cannot name the merge base. With it, the first
/// merge base's issue, where it reads: what each side changed in the issue is told from it.
fn their_issue(path: &Path) -> Option<TheirSide> {
    let mut heads = std::env::vars_os()
        .filter_map(|(key, _)| key.to_str()?.strip_prefix("GITHEAD_").map(str::to_string))
        .filter(|hash| hash.len() >= 40 && hash.bytes().all(|b| b.is_ascii_hexdigit()));
    let head = heads.next()?;
    if heads.next().is_some() {
        return None;
    }
    let mut parts: Vec<&std::ffi::OsStr> = Vec::new();
    for part in path.components() {
        match part {
            Component::Normal(name) => parts.push(name),
            Component::ParentDir => {
                parts.pop()?;
            }
            Component::CurDir => {}
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    let rel = parts.iter().map(|p| p.to_str()).collect::<Option<Vec<_>>>()?.join("/");
    let theirs = issue_at(&head, &rel, path)?;
    let bases = git(&["merge-base", "--all", "HEAD", &head])?;
    let mut brought = theirs.clone();
    // A base without the file (or with one that does not read) had none of it.
    let bases: Vec<Issue> = bases.lines().filter_map(|commit| issue_at(commit.trim(), &rel, path)).collect();
    for base in &bases {
        brought.items.retain(|item| !base.items.iter().any(|b| b.id() == item.id()));
        brought.pages.retain(|page| !base.pages.iter().any(|b| b.number == page.number));
    }
    Some(TheirSide { whole: theirs, brought, base: bases.into_iter().next() })
}

/// Their side's issue as [`their_issue`] reads it, owned (see [`TheirIssue`]).
struct TheirSide {
    whole: Issue,
    brought: Issue,
    base: Option<Issue>,
}

impl TheirSide {
    fn borrowed(&self) -> TheirIssue<'_> {
        TheirIssue { whole: &self.whole, brought: &self.brought, base: self.base.as_ref() }
    }
}

/// The issue at `rel` in `commit`, as git shows it.
fn issue_at(commit: &str, rel: &str, path: &Path) -> Option<Issue> {
    format::parse_issue(path, &git(&["show", &format!("{commit}:{rel}")])?).ok()
}

/// What git prints, when it succeeds.
fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).stderr(Stdio::null()).output().ok()?;
    String::from_utf8(out.stdout).ok().filter(|_| out.status.success())
}

/// Says which of the items only they placed, `unknown` to this copy of the issue, and which of
/// the pages they placed on, `unknown_at` (item, page), the merge brings in with their issue
/// (`brought`): found in no copy of the issue here, their boxes are checked with their issue's
/// (found from outside: a page their issue added was placed without a word).
fn say_brought_in(unknown: &[String], unknown_at: &[(String, u32)], brought: &Issue) {
    let items: Vec<String> = unknown
        .iter()
        .filter(|item| brought.items.iter().any(|i| i.id() == item.as_str()))
        .map(|i| printable(i))
        .collect();
    let mut pages: Vec<u32> =
        unknown_at.iter().map(|&(_, n)| n).filter(|&n| brought.pages.iter().any(|p| p.number == n)).collect();
    pages.dedup();
    let on_page = |n: u32| {
        let boxes: Vec<String> =
            unknown_at.iter().filter(|&&(_, at)| at == n).map(|(item, _)| printable(item)).collect();
        format!("page {n} ({})", boxes.join(", "))
    };
    let mut said = Vec::new();
    if !items.is_empty() {
        said.push(format!("with the items their issue adds: {}", items.join(", ")));
    }
    if !pages.is_empty() {
        said.push(format!(
            "on the pages their issue adds: {}",
            pages.into_iter().map(on_page).collect::<Vec<_>>().join("; ")
        ));
    }
    if !said.is_empty() {
        errln!(
            "pasteup merge: placed as their side has them, {}; their boxes checked with their issue",
            said.join(", and ")
        );
    }
}

/// One side of the merge. git hands an empty BASE when both branches added the file: that is
/// a layout with nothing placed. An error names the layout by PATH and the side, since git's
/// files are temporary copies.
fn read_side(file: &Path, side: &str, path: Option<&Path>) -> Result<(Layout, String), LoadError> {
    // Blank is empty too (found from outside: a BASE of two newlines was refused as "file is
    // empty" while an empty one was taken).
    // A byte order mark before it is still a blank file (found from outside: "file is empty").
    let blank = || {
        std::fs::read(file)
            .is_ok_and(|b| b.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&b).iter().all(u8::is_ascii_whitespace))
    };
    if side == "base" && std::fs::metadata(file).is_ok_and(|m| m.is_file() && m.len() < 4096) && blank() {
        return Ok((Layout::default(), String::new()));
    }
    super::diff::read_layout_src(file).map_err(|e| in_side(e, side, path))
}

/// An error in one side's file, named by PATH and the side when PATH is given.
fn in_side(e: LoadError, side: &str, path: Option<&Path>) -> LoadError {
    match path {
        Some(path) => LoadError { file: path.to_path_buf(), message: format!("({side}) {}", e.message), ..e },
        None => e,
    }
}
