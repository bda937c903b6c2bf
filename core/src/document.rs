//! Opening an issue and its layout the way every command does: the issue named (or the
//! built-in sample), the layout named or the default one beside the issue, checked against
//! the issue so that nothing it names is silently lost.

use std::path::{Path, PathBuf};

use crate::format::{self, LoadError, Note, ReadTrouble, SaveTrouble, lexical};
use crate::model::{Issue, Layout};
use crate::problem::Located;
use crate::sample;

/// An issue and layout ready to work on.
#[derive(Debug, Clone)]
pub struct Opened {
    /// Where the issue came from (for the built-in sample, where it would be saved).
    pub issue_path: PathBuf,
    pub issue: Issue,
    /// Where the layout is saved.
    pub layout_path: PathBuf,
    /// The layout with what it named wrongly taken out (see `problems`).
    pub layout: Layout,
    /// Whether a layout file was read (else every item starts in the bin).
    pub layout_found: bool,
    /// What was wrong with the layout as read, and with the issue's copy (a blank headline,
    /// title or caption, no body, an id with a space around it: [`format::copy_problems`]):
    /// each at its place in its file.
    pub problems: Vec<Located>,
    /// The layout's text as read (empty when none was): where a problem of its pages stands
    /// in it, found later, is read from this, not from the file again (see
    /// [`format::place_page_problems`]).
    pub layout_src: String,
    /// The issue's text as read, for the same reason (see [`format::place_item_chars`]).
    pub issue_src: String,
    pub warnings: Vec<Note>,
    pub is_sample: bool,
}

/// Opens `issue` (or the sample when `None`) with `layout` or the default layout.
pub fn open(issue: Option<&Path>, layout: Option<&Path>) -> Result<Opened, LoadError> {
    open_as(issue, layout, false)
}

/// [`open`] for the editor: a layout named that does not exist yet is a new one, every item
/// in the bin, which the first save writes (the commands that only read a layout refuse it).
pub fn open_to_edit(issue: Option<&Path>, layout: Option<&Path>) -> Result<Opened, LoadError> {
    open_as(issue, layout, true)
}

fn open_as(issue: Option<&Path>, layout: Option<&Path>, new_ok: bool) -> Result<Opened, LoadError> {
    match issue {
        Some(path) => open_files(path, layout, new_ok),
        None => open_sample(layout),
    }
}

/// Whether `path` names no file yet, in a folder there is: no file at all, or a link (or a
/// chain of links) to none whose folder is there (saving writes the last link's target, as it
/// always does). A path through a file, a folder that cannot be read or a link into a missing
/// folder is no new file to write. Found from outside: a chain of two links to nothing was
/// refused where one link was taken as a new layout.
fn is_new_file(path: &Path) -> bool {
    let missing = |p: &Path| std::fs::symlink_metadata(p).is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound);
    let Ok(target) = format::link_target(path) else { return false };
    if target == path {
        return missing(path);
    }
    missing(&target) && target.parent().is_some_and(|dir| dir.as_os_str().is_empty() || dir.is_dir())
}

fn open_files(issue_path: &Path, layout: Option<&Path>, new_ok: bool) -> Result<Opened, LoadError> {
    // Read once: a pipe (`<(git show …)`, `/dev/stdin`) gives its text only once.
    let text = format::read_text(issue_path)?;
    if layout.is_none() && format::starts_with_layout(&text) {
        return open_named_issue(issue_path, text, new_ok);
    }
    // Whether it is a layout after all is asked only of a file that is no issue: the question
    // reads the whole text again.
    let loaded = match format::issue_from_text(issue_path, &text) {
        Ok(loaded) => loaded,
        // A layout that does not begin `Layout(` — its name left out, or after an
        // `#![enable(…)]` line, perhaps a field misspelt inside — reads as one (found from
        // outside: refused as an issue).
        Err(_)
            if layout.is_none()
                && (format::reads_as_layout(&text) || format::parse_layout(issue_path, &text).is_ok()) =>
        {
            return open_named_issue(issue_path, text, new_ok);
        }
        Err(e) => return Err(layout.and_then(|_| format::layout_given_as_issue(issue_path, &text)).unwrap_or(e)),
    };
    open_with_issue(issue_path, (loaded, text), layout, None, new_ok)
}

/// The issue read (and its text), with the layout at `layout` (its text `layout_text` if already read), or
/// the default one beside the issue.
fn open_with_issue(
    issue_path: &Path,
    (loaded, issue_src): (format::Loaded<Issue>, String),
    layout: Option<&Path>,
    layout_text: Option<String>,
    new_ok: bool,
) -> Result<Opened, LoadError> {
    let layout_path = layout.map(Path::to_path_buf).unwrap_or_else(|| format::default_layout_path(issue_path));
    let absent = layout_text.is_none() && is_new_file(&layout_path);
    // Said for the layout beside the issue as for one named with --layout (found from
    // outside: only the named one said where the new layout would be saved).
    let new = new_ok && absent;
    let read_layout = layout_text.is_some() || (layout.is_some() && !new) || layout_path.exists();
    let (raw, src) = match layout_text {
        Some(src) => (format::parse_layout(&layout_path, &src)?, src),
        None if read_layout => format::load_layout(&layout_path)?,
        None => (empty_layout(issue_path, &layout_path), String::new()),
    };
    format::check_settings(&loaded.value, &raw, &src, &layout_path)?;
    let mut report = format::check_layout(&loaded.value, &raw, &src, &layout_path);
    report.problems.extend(format::copy_problems(&loaded.value, &report.layout, &issue_src, issue_path));
    let mut warnings = loaded.warnings;
    if new {
        warnings.push(Note::NewLayout { layout: format::printable_path(&layout_path) });
    }
    if read_layout && !names_issue(&raw.issue, issue_path, &layout_path) {
        // The issue the layout names, where it names it: beside the layout (found from outside:
        // "for the issue \"x.ron\", but x.ron is open" named two files alike).
        let named = layout_folder(&layout_path).join(&raw.issue);
        warnings.push(Note::OtherIssue {
            layout: format::printable_path(&layout_path),
            named: raw.issue.clone(),
            named_path: format::printable_path(&named),
            open: format::printable_path(issue_path),
        });
    }
    // Said first, as no save of this layout can go through until the issue is renamed.
    let named = read_layout.then_some(raw.issue.as_str());
    if let Err(why) = issue_as_saved(issue_path, &layout_path, named) {
        warnings.insert(0, Note::CannotSave { layout: format::printable_path(&layout_path), why });
    }
    Ok(Opened {
        issue_path: issue_path.to_path_buf(),
        issue: loaded.value,
        layout_path,
        layout: report.layout,
        layout_found: read_layout,
        problems: report.problems,
        layout_src: src,
        issue_src,
        warnings,
        is_sample: false,
    })
}

/// A layout given where the issue is expected: the issue it names (beside the layout, as its
/// `issue` field is written), with this layout.
fn open_named_issue(layout_path: &Path, text: String, new_ok: bool) -> Result<Opened, LoadError> {
    let raw = format::parse_layout(layout_path, &text)?;
    let named = layout_folder(layout_path).join(&raw.issue);
    // Only a path that leads nowhere is "not there": a folder or a device named is there, and
    // reading it says what it is, as for an issue given directly (found from outside: `issue:
    // "/dev/zero"` was said not to be there).
    if std::fs::metadata(&named).is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound) {
        let why = ReadTrouble::NamedIssueMissing { named: raw.issue, path: format::printable_path(&named) };
        return Err(LoadError::unread(layout_path, None, why));
    }
    let issue_src = format::read_text(&named)?;
    let loaded = format::issue_from_text(&named, &issue_src)?;
    open_with_issue(&named, (loaded, issue_src), Some(layout_path), Some(text), new_ok)
}

/// The built-in sample as it ships, whatever was saved of it on disk (for tests and benches).
#[cfg(feature = "testkit")]
#[allow(clippy::expect_used, reason = "the built-in sample is checked by its own tests")]
pub fn builtin_sample() -> Opened {
    let mut opened = open_sample_from(None, sample::LAYOUT.to_string()).expect("the built-in sample is valid");
    opened.layout_found = true;
    opened
}

fn open_sample(layout: Option<&Path>) -> Result<Opened, LoadError> {
    let layout_path =
        layout.map(Path::to_path_buf).unwrap_or_else(|| Path::new(sample::SAVE_DIR).join(sample::LAYOUT_FILE));
    let src = match layout {
        Some(path) => format::read_text(path)?,
        None if layout_path.exists() => format::read_text(&layout_path)?,
        None => sample::LAYOUT.to_string(),
    };
    open_sample_from(layout, src)
}

fn open_sample_from(layout: Option<&Path>, src: String) -> Result<Opened, LoadError> {
    let issue_path = Path::new(sample::SAVE_DIR).join(sample::ISSUE_FILE);
    let mut issue = format::parse_issue(&issue_path, sample::ISSUE)?;
    let warnings = format::resolve_pixels_from_bytes(&mut issue, &issue_path.display().to_string(), sample::image);
    let layout_path =
        layout.map(Path::to_path_buf).unwrap_or_else(|| Path::new(sample::SAVE_DIR).join(sample::LAYOUT_FILE));
    let raw = format::parse_layout(&layout_path, &src)?;
    format::check_settings(&issue, &raw, &src, &layout_path)?;
    let report = format::check_layout(&issue, &raw, &src, &layout_path);
    Ok(Opened {
        issue_path,
        issue,
        layout_path,
        layout: report.layout,
        layout_found: true,
        problems: report.problems,
        layout_src: src,
        issue_src: sample::ISSUE.to_string(),
        warnings,
        is_sample: true,
    })
}

/// A layout that places nothing, naming the issue relative to the layout's folder.
fn empty_layout(issue_path: &Path, layout_path: &Path) -> Layout {
    Layout { issue: issue_relative_to(issue_path, layout_path), pages: Vec::new(), conflicts: Vec::new() }
}

/// The photo files `issue` (read from `issue_path`) names, each as read from the issue's folder
/// (through a link, its real file's, as the issue's photos are read).
pub fn photo_files<'a>(issue: &'a Issue, issue_path: &Path) -> impl Iterator<Item = PathBuf> + 'a {
    let dir = format::real_folder(issue_path);
    issue.items.iter().filter_map(move |item| match item {
        crate::model::Item::Photo(p) => p.file.as_deref().map(|f| dir.join(f)),
        _ => None,
    })
}

/// The input that writing `out` would destroy (through links), in words: the issue, a font
/// file of `fonts`, the layout when it is given (`make` and a save write over it by design, so
/// they pass `None`), or a photo the issue names. Every command that writes a file asks this
/// first: inputs are never outputs.
pub fn input_named_by(
    issue: &Issue,
    issue_path: &Path,
    layout: Option<&Path>,
    fonts: &[PathBuf],
    out: &Path,
) -> Option<String> {
    let name = |what: &str, path: &Path| format!("the {what} {}", format::printable_path(path));
    if format::same_file(out, issue_path) {
        return Some(name("issue", issue_path));
    }
    if let Some(font) = fonts.iter().find(|f| format::same_file(out, f)) {
        return Some(name("font", font));
    }
    if let Some(layout) = layout.filter(|l| format::same_file(out, l)) {
        return Some(name("layout", layout));
    }
    photo_named_by(issue, issue_path, out).map(|f| name("photo", &f))
}

/// The photo of the issue that `path` names, if one does: the same file, or a photo not there
/// yet by its folder and name (found from outside: the PDF written as `nope.jpg`, the photo's
/// file, was read as the photo at the next export; and `:w nope.png` wrote the layout there).
pub fn photo_named_by(issue: &Issue, issue_path: &Path, path: &Path) -> Option<PathBuf> {
    photo_files(issue, issue_path).find(|f| format::same_file(path, f) || same_name(path, f))
}

/// Whether `path` is an issue file already there — any issue, not only the one a command
/// reads: the copy desk's file, which pasteup never writes over. Found from outside: `make
/// river.ron -o page2.ron`, a slip for `page2.layout.ron`, wrote the layout over another
/// page's issue and exited 0.
pub fn is_issue_file(path: &Path) -> bool {
    if !std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
        return false;
    }
    let Ok(text) = format::read_text(path) else { return false };
    !format::reads_as_layout(&text) && (format::starts_with_issue(&text) || format::parse_issue(path, &text).is_ok())
}

/// Whether two paths, neither of them there, name one file: their folders are one and their
/// file names alike.
fn same_name(a: &Path, b: &Path) -> bool {
    let place = |p: &Path| {
        let folder = p.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        Some((folder.canonicalize().ok()?, p.file_name()?.to_owned()))
    };
    !a.exists() && !b.exists() && place(a).is_some_and(|here| place(b) == Some(here))
}

/// The issue as a save writes it into the layout at `layout_path`: `named` (the layout's
/// `issue:` as last read or written) while it still names that issue from the folder the
/// layout really lies in, else the way [`issue_relative_to`] works out. Found from outside: a
/// layout saved through a link in another folder, the issue opened through a link there too,
/// had its `issue:` rewritten to the way through that folder's link.
///
/// A way that is not UTF-8 (a GBK file name from a Windows share) cannot be written into the
/// layout, which is text, without losing the bytes that name the file: refused, so that no
/// layout ever names `��3��.ron` (found from outside: `check` of it said the issue was not there).
pub fn issue_as_saved(issue_path: &Path, layout_path: &Path, named: Option<&str>) -> Result<String, SaveTrouble> {
    match named {
        Some(named) if names_from_layout(named, issue_path, layout_path) => Ok(named.to_string()),
        _ => issue_way(issue_path, layout_path)
            .into_os_string()
            .into_string()
            .map_err(|way| SaveTrouble::IssueNameNotUtf8 { name: format::printable_path(Path::new(&way)) }),
    }
}

/// Whether `named`, read from the folder the layout at `layout_path` really lies in, is the
/// file `issue_path` (through links).
fn names_from_layout(named: &str, issue_path: &Path, layout_path: &Path) -> bool {
    !named.is_empty() && format::same_file(&layout_folder(layout_path).join(named), issue_path)
}

/// The issue's path as a layout names it: its file name when they share a folder, else the
/// way from the layout's folder (a layout's `issue:` is read from there).
///
/// ```
/// use std::path::Path;
/// use pasteup_core::document::issue_relative_to;
/// let named = |issue: &str, layout: &str| issue_relative_to(Path::new(issue), Path::new(layout));
/// assert_eq!(named("pages/i.ron", "pages/i.layout.ron"), "i.ron");
/// assert_eq!(named("i.ron", "sub/n.layout.ron"), "../i.ron");
/// assert_eq!(named("a/b/i.ron", "a/c/n.layout.ron"), "../b/i.ron");
/// assert_eq!(named("sub/i.ron", "n.layout.ron"), "sub/i.ron");
/// assert_eq!(named("/x/i.ron", "/x/y/./n.layout.ron"), "../i.ron");
/// // A bare file name is in the working folder, however the issue was named.
/// let here = std::env::current_dir().unwrap();
/// assert_eq!(issue_relative_to(&here.join("i.ron"), Path::new("n.layout.ron")), "i.ron");
/// assert_eq!(issue_relative_to(&here.join("sub/i.ron"), Path::new("n.layout.ron")), "sub/i.ron");
/// ```
///
/// A way that is not UTF-8 is given with U+FFFD for its odd bytes: fit for the desk, never for
/// a file, which [`issue_as_saved`] writes.
pub fn issue_relative_to(issue_path: &Path, layout_path: &Path) -> String {
    issue_way(issue_path, layout_path).to_string_lossy().into_owned()
}

/// The way [`issue_relative_to`] works out, as the system names files.
fn issue_way(issue_path: &Path, layout_path: &Path) -> PathBuf {
    let folder = layout_folder(layout_path);
    let same_dir = issue_path.parent() == Some(folder.as_path());
    if same_dir {
        return issue_path.file_name().map(Path::new).unwrap_or(issue_path).to_path_buf();
    }
    // Else the way from the layout's folder to the issue (`../issue.ron`): the layout's
    // `issue:` is read from its folder, not from where the editor was started.
    // A bare file name's folder is the working one (found from outside: `:w copy.layout.ron`
    // of an issue opened by its full path wrote that full path, as `absolute("")` fails).
    let from = if folder.as_os_str().is_empty() { Path::new(".") } else { folder.as_path() };
    let way = match (std::path::absolute(from), std::path::absolute(issue_path)) {
        (Ok(from), Ok(to)) => relative_way(&from, &to),
        _ => None,
    };
    let way = way.unwrap_or_else(|| issue_path.to_path_buf());
    // Worked out by the letters, `..` out of a folder reached through a link leads elsewhere
    // than the system takes it: then the way between the folders as they really lie.
    let astray = issue_path.exists() && !format::same_file(&from.join(&way), issue_path);
    if astray { physical_way(from, issue_path).unwrap_or(way) } else { way }
}

/// The way from folder `from` to the file `to` between the folders as they really lie (links
/// followed), the file's own name kept (a link named as the issue stays named so).
fn physical_way(from: &Path, to: &Path) -> Option<PathBuf> {
    let folder = to.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let to = std::fs::canonicalize(folder).ok()?.join(to.file_name()?);
    relative_way(&std::fs::canonicalize(from).ok()?, &to)
}

/// The file `named` (a layout's `issue:`) seen from the layout's `folder`. A folder that is
/// not there yet, which a path through it cannot pass, is taken out by its `..` as written
/// (found from outside: a merge moving the layout into a new folder `p3/` looked for
/// `p3/../pages/issue.ron`, found nothing, and merged without checking the pages).
pub fn beside_folder(folder: &Path, named: &str) -> PathBuf {
    let joined = folder.join(named);
    if folder.as_os_str().is_empty() || folder.exists() {
        return joined;
    }
    lexical(&joined).iter().collect()
}

/// The path from folder `from` to `to`, both absolute: up out of what they do not share, then
/// down; `None` when they share no root (another drive).
fn relative_way(from: &Path, to: &Path) -> Option<PathBuf> {
    let (from, to) = (lexical(from), lexical(to));
    if from.first() != to.first() {
        return None;
    }
    let shared = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut way = PathBuf::new();
    for _ in shared..from.len() {
        way.push("..");
    }
    for c in &to[shared..] {
        way.push(c.as_os_str());
    }
    Some(way)
}

/// The folder a layout's `issue:` is read from: the folder of the file itself, through a
/// symbolic link its target's (found from outside: `make` through a link in another folder
/// wrote the issue's way from the link's folder into the real file, which then did not open).
pub fn layout_folder(layout_path: &Path) -> PathBuf {
    format::real_folder(layout_path)
}

/// Whether a layout's `issue:` names the issue opened: the same file, seen from the layout's
/// folder; or, when that file is not there (the layout was copied), the same file name.
fn names_issue(named: &str, issue_path: &Path, layout_path: &Path) -> bool {
    let candidate = layout_folder(layout_path).join(named);
    if candidate.exists() {
        return format::same_file(&candidate, issue_path);
    }
    Path::new(named).file_name().is_some_and(|n| Some(n) == issue_path.file_name())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A layout in a folder reached through a linked folder: `..` out of the link leads where
    /// the folder really lies, so the way worked out by the letters (`../real/i.ron`) names
    /// nothing there; the way between the folders as they lie does.
    #[cfg(unix)]
    #[test]
    fn the_way_out_of_a_linked_folder_is_the_way_the_system_takes() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real");
        std::fs::create_dir_all(real.join("sub")).unwrap();
        std::fs::write(real.join("i.ron"), "").unwrap();
        std::os::unix::fs::symlink(real.join("sub"), dir.path().join("link")).unwrap();
        let layout = dir.path().join("link").join("l.layout.ron");
        let named = issue_relative_to(&real.join("i.ron"), &layout);
        assert_eq!(named, "../i.ron");
        assert!(format::same_file(&layout.parent().unwrap().join(&named), &real.join("i.ron")));
        // The issue not there, the letters are all there is to go by.
        assert_eq!(issue_relative_to(&real.join("gone.ron"), &layout), "../real/gone.ron");
    }

    /// The sample's issue written into `dir` as `i.ron`.
    #[cfg(unix)]
    fn issue_in(dir: &Path) -> PathBuf {
        let issue = dir.join("i.ron");
        std::fs::write(&issue, sample::ISSUE).unwrap();
        issue
    }

    /// Found from outside: a new layout written through a link to `../other/new.layout.ron`,
    /// the link in a folder reached through a linked folder, named its issue from the folder
    /// `..` leads to by the letters, not the one the file really ends up in.
    #[cfg(unix)]
    #[test]
    fn a_new_layout_through_a_dangling_link_names_its_issue_from_where_it_ends_up() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real");
        std::fs::create_dir_all(real.join("desk")).unwrap();
        std::fs::create_dir_all(real.join("other")).unwrap();
        let issue = issue_in(dir.path());
        std::os::unix::fs::symlink(real.join("desk"), dir.path().join("desk")).unwrap();
        let link = dir.path().join("desk/link.layout.ron");
        std::os::unix::fs::symlink("../other/new.layout.ron", &link).unwrap();
        let opened = open_to_edit(Some(&issue), Some(&link)).unwrap();
        assert!(!opened.layout_found, "a new layout");
        assert_eq!(opened.layout.issue, "../../i.ron", "from real/other, where the save writes it");
        let saved = issue_as_saved(&issue, &link, None).unwrap();
        assert_eq!(saved, "../../i.ron");
        format::save_layout(&link, &opened.layout).unwrap();
        assert!(real.join("other/new.layout.ron").is_file());
        let again = open(Some(&issue), Some(&real.join("other/new.layout.ron"))).unwrap();
        assert!(again.warnings.iter().all(|w| !matches!(w, Note::OtherIssue { .. })), "{:?}", again.warnings);
    }

    /// Found from outside: a link to a link to nothing was refused where a link to nothing is
    /// a new layout.
    #[cfg(unix)]
    #[test]
    fn a_chain_of_dangling_links_is_a_new_layout_as_one_link_is() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("b")).unwrap();
        std::fs::create_dir_all(dir.path().join("c")).unwrap();
        let issue = issue_in(dir.path());
        let a = dir.path().join("a.layout.ron");
        std::os::unix::fs::symlink("b/b.layout.ron", &a).unwrap();
        std::os::unix::fs::symlink("../c/c.layout.ron", dir.path().join("b/b.layout.ron")).unwrap();
        let opened = open_to_edit(Some(&issue), Some(&a)).unwrap();
        assert!(!opened.layout_found, "a new layout");
        assert!(opened.warnings.iter().any(|w| matches!(w, Note::NewLayout { .. })), "{:?}", opened.warnings);
        assert_eq!(opened.layout.issue, "../i.ron", "from c/, where the save writes it");
        format::save_layout(&a, &opened.layout).unwrap();
        assert!(dir.path().join("c/c.layout.ron").is_file(), "the last link's target is written");
        assert!(std::fs::symlink_metadata(&a).unwrap().file_type().is_symlink(), "the links stay links");
        // A chain into a folder that is not there is no new layout.
        std::os::unix::fs::symlink("b/gone.layout.ron", dir.path().join("x.layout.ron")).unwrap();
        std::os::unix::fs::symlink("../nowhere/x.layout.ron", dir.path().join("b/gone.layout.ron")).unwrap();
        assert!(open_to_edit(Some(&issue), Some(&dir.path().join("x.layout.ron"))).is_err());
    }
}
