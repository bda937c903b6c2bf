//! Files: reading issues and layouts with precise errors, writing them atomically.
//!
//! Every error names the file, line and column (counted in characters) and says what was
//! expected. Nothing in here panics on any input, and nothing is dropped without a word.

mod chars;
mod check;
mod error;
mod folder;
mod hints;
mod locate;
mod note;
mod orientation;
mod parse;
mod pixels;
mod read;
mod save;
mod settings;
mod under_way;
mod validate;

use std::path::{Path, PathBuf};

use ron::extensions::Extensions;

pub(crate) use chars::quoted;
pub use chars::{is_forbidden, printable, printable_path};
pub use check::{
    LayoutReport, check_layout, check_values, copy_problems, place_item_chars, place_page_problems, place_photo_notes,
};
pub use error::{Legacy, LoadError, ReadTrouble, SaveError, SaveStep, SaveTrouble};
pub use folder::real_folder;
pub(crate) use folder::{in_real_folder, lexical};
pub use locate::comment_lines;
pub(crate) use locate::words;
pub use note::{ImageTrouble, Note};
pub(crate) use orientation::Orientation;
pub(crate) use parse::nearest_name;
pub use pixels::{MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS, resolve_pixels, resolve_pixels_from_bytes};
pub(crate) use pixels::{read_photo, stored_image};
pub use read::{MAX_FILE_BYTES, decode_text, only_a_file, read_text};
pub(crate) use save::link_target;
pub use save::{
    remove_leftovers, same_file, same_file_as, save_atomic, save_layout, save_layout_over, save_layout_over_by,
    to_ron_string,
};
pub use settings::{MAX_PARTS, check_settings};
pub(crate) use under_way::UnderWay;
pub use under_way::{SavesLeft, abandon_saves_under_way};
pub use validate::{MAX_COLUMN_WIDTH, MAX_COLUMNS, MAX_DEPTH, MAX_GUTTER, MAX_HEADLINE_SIZE, MAX_PAGE_WIDTH};

use crate::model::{Issue, Layout};

/// A loaded file and the warnings met on the way (an image that could not be read):
/// worth telling the editor, not worth refusing the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded<T> {
    pub value: T,
    pub warnings: Vec<Note>,
}

/// Parse and validate an issue read from `path` (used only in messages).
/// Photo pixel sizes are not resolved here; see [`load_issue`] and [`resolve_pixels`].
pub fn parse_issue(path: &Path, text: &str) -> Result<Issue, LoadError> {
    let issue: Issue = without_blank_fields(parse::parse_ron(path, text, "Issue")?);
    validate::check_issue(path, text.strip_prefix('\u{FEFF}').unwrap_or(text), &issue)?;
    Ok(issue)
}

/// An optional text written blank (empty or only white space) is read as left out, before it is
/// checked: a blank `with` names no article. Found from outside: `byline: Some("")` printed
/// `（）`, and an empty kicker, subhead, signer, date or credit took a blank line; refusing them
/// would refuse files version 1 read.
fn without_blank_fields(mut issue: Issue) -> Issue {
    use crate::model::Item;
    for page in &mut issue.pages {
        left_out_if_blank(&mut page.section);
    }
    for item in &mut issue.items {
        let fields = match item {
            Item::Article(a) => vec![&mut a.kicker, &mut a.subhead, &mut a.byline],
            Item::Photo(p) => vec![&mut p.credit, &mut p.file, &mut p.with],
            Item::Notice(n) => vec![&mut n.signer, &mut n.date],
        };
        fields.into_iter().for_each(left_out_if_blank);
    }
    issue
}

/// `None` for a text written blank (empty or only white space).
fn left_out_if_blank(text: &mut Option<String>) {
    if text.as_deref().is_some_and(|t| t.trim().is_empty()) {
        *text = None;
    }
}

/// Read, parse and validate the issue at `path`, and read its photos' pixel sizes
/// (relative to the issue's folder, through links its real file's: [`real_folder`]; an
/// unreadable image is a warning).
pub fn load_issue(path: &Path) -> Result<Loaded<Issue>, LoadError> {
    issue_from_text(path, &read_text(path)?)
}

/// [`load_issue`] of text already read from `path` (read once: a pipe gives it only once).
pub fn issue_from_text(path: &Path, text: &str) -> Result<Loaded<Issue>, LoadError> {
    let mut issue = parse_issue(path, text)?;
    let mut warnings = resolve_pixels(&mut issue, &real_folder(path), &printable_path(path));
    check::place_photo_notes(&mut warnings, &issue, text);
    Ok(Loaded { value: issue, warnings })
}

/// Parse a layout read from `path`. Whether its pages and items exist is a separate
/// question, answered without failing by [`check_layout`].
pub fn parse_layout(path: &Path, text: &str) -> Result<Layout, LoadError> {
    let mut layout: Layout = parse::parse_ron(path, text, "Layout")?;
    // A blank headline keeps the issue's, as the editor saves an empty one.
    layout.pages.iter_mut().flat_map(|p| &mut p.placements).for_each(|p| left_out_if_blank(&mut p.headline));
    if let Some(c) = layout.issue.chars().find(|&c| is_forbidden(c)) {
        let msg = format!("issue path contains control character {}; it must be printable", chars::describe(c));
        return Err(LoadError::whole(path, msg));
    }
    Ok(layout)
}

/// Read and parse the layout at `path`; returns its text too, for [`check_layout`] positions.
pub fn load_layout(path: &Path) -> Result<(Layout, String), LoadError> {
    let text = read_text(path)?;
    let layout = parse_layout(path, &text)?;
    Ok((layout, text))
}

/// Where the layout of issue `X.ron` lives by default: `X.layout.ron` beside it. The name is
/// kept byte for byte (found from outside: a name not in UTF-8 had its odd byte made U+FFFD,
/// so two issues whose names differed only there shared one layout, and the second wrote
/// over the first's).
///
/// ```
/// use std::path::Path;
/// use pasteup_core::format::default_layout_path;
/// assert_eq!(default_layout_path(Path::new("pages/p3.ron")), Path::new("pages/p3.layout.ron"));
/// assert_eq!(default_layout_path(Path::new("notes")), Path::new("notes.layout.ron"));
/// ```
pub fn default_layout_path(issue: &Path) -> PathBuf {
    let name = issue.file_name().unwrap_or_default();
    #[cfg(unix)]
    let mut layout = {
        use std::os::unix::ffi::{OsStrExt, OsStringExt};
        let bytes = name.as_bytes();
        std::ffi::OsString::from_vec(bytes.strip_suffix(b".ron").unwrap_or(bytes).to_vec())
    };
    #[cfg(not(unix))]
    let mut layout = {
        let name = name.to_string_lossy();
        std::ffi::OsString::from(name.strip_suffix(".ron").unwrap_or(&name))
    };
    layout.push(".layout.ron");
    issue.with_file_name(layout)
}

/// Whether `text`'s first value, after a byte-order mark, spaces and comments, is `Layout(`: a
/// layout given where the issue is expected, so that a command can open the issue it names.
pub fn starts_with_layout(text: &str) -> bool {
    first_value_is(text, "Layout")
}

/// Whether `text`'s first value, after a byte-order mark, spaces and comments, is `Issue(`.
pub fn starts_with_issue(text: &str) -> bool {
    first_value_is(text, "Issue")
}

/// Whether `text`'s first value, after a byte-order mark, spaces and comments, is the struct
/// `name` written with its name.
fn first_value_is(text: &str, name: &str) -> bool {
    let mut rest = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix("//") {
            rest = after.split_once('\n').map_or("", |(_, next)| next);
        } else if let Some(after) = rest.strip_prefix("/*") {
            rest = after.split_once("*/").map_or("", |(_, next)| next);
        } else {
            break;
        }
    }
    rest.strip_prefix(name).is_some_and(|after| after.trim_start().starts_with('('))
}

/// Whether `text` is a layout rather than an issue: its first value is `Layout(`, or a struct
/// written without its name whose fields hold `issue` or `conflicts`, which only a layout has.
/// Found from outside: a layout without its struct names and a field misspelt inside was read
/// as an issue, and refused for its `issue` field.
pub fn reads_as_layout(text: &str) -> bool {
    if starts_with_layout(text) {
        return true;
    }
    let source = locate::Source::new(text.strip_prefix('\u{FEFF}').unwrap_or(text));
    let root = source.root();
    source.is_unnamed(root) && ["issue", "conflicts"].iter().any(|key| source.field(root, key).is_some())
}

/// The error for a layout given where the issue goes (beside `--layout`), placed where its
/// value starts, if `text` reads as one ([`reads_as_layout`]). Found from outside: a layout
/// without its struct names, its `pages` before its `issue`, was refused for a field of a
/// page, as if it were an issue.
pub fn layout_given_as_issue(path: &Path, text: &str) -> Option<LoadError> {
    if !reads_as_layout(text) {
        return None;
    }
    let source = locate::Source::new(text.strip_prefix('\u{FEFF}').unwrap_or(text));
    let message = format!("found a layout, expected an issue{}", parse::LAYOUT_GIVEN);
    Some(LoadError::new(path, source.pos(source.root()), message))
}

/// The RON dialect pasteup reads: `Some(..)` may be left out around optional values, and an
/// item is written `Article(id: ..)` rather than `Article((id: ..))`.
pub fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME | Extensions::UNWRAP_VARIANT_NEWTYPES)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found from outside: two issues whose names differed in a byte not in UTF-8 shared one
    /// layout, the odd byte made U+FFFD in both.
    #[cfg(unix)]
    #[test]
    fn a_name_not_in_utf8_keeps_its_bytes_in_the_layouts_name() {
        use std::os::unix::ffi::{OsStrExt, OsStringExt};
        let issue =
            |odd: u8| PathBuf::from(std::ffi::OsString::from_vec(vec![b'd', b'/', b'a', odd, b'.', b'r', b'o', b'n']));
        let (a, b) = (default_layout_path(&issue(0xFF)), default_layout_path(&issue(0xFE)));
        assert_ne!(a, b);
        assert_eq!(a.as_os_str().as_bytes(), b"d/a\xFF.layout.ron");
    }
    use crate::model::*;

    #[test]
    fn dialect() {
        let g: Grid =
            ron_options().from_str("Grid(columns: 8, column_width: 13, gutter: 1, depth: 100, kinsoku: None)").unwrap();
        assert_eq!(g.kinsoku, Kinsoku::None);
        let i: Item = ron_options()
            .from_str(r#"Photo(id: "a", caption: "c", credit: Some("x"), file: None, span: 2, height: 18)"#)
            .unwrap();
        let Item::Photo(p) = i else { panic!() };
        assert_eq!((p.height, p.credit.as_deref()), (Some(18), Some("x")));
        let i: Item = ron_options().from_str(r#"Photo(id: "a", caption: "c", height: Some(18))"#).unwrap();
        let Item::Photo(p) = i else { panic!() };
        assert_eq!(p.height, Some(18));
        let e = ron_options().from_str::<Item>(r#"Photo(id: "a", caption: "c", hight: 3)"#).unwrap_err();
        eprintln!("{e}");
        let l: Language = ron_options().from_str(r#""ja""#).unwrap();
        assert_eq!(l, Language::Ja);
    }

    #[test]
    fn a_layout_is_told_by_its_first_value() {
        assert!(starts_with_layout("Layout(issue: \"a.ron\")"));
        assert!(starts_with_layout("\u{FEFF}// pages\n/* made by hand */\n  Layout (\n"));
        assert!(!starts_with_layout("Issue(paper: \"x\")"));
        assert!(!starts_with_layout("// Layout(\nIssue("));
        assert!(!starts_with_layout("Layouts("));
        assert!(!starts_with_layout("/* never closed Layout("));
    }

    #[test]
    fn a_layout_without_struct_names_is_told_by_its_fields() {
        assert!(reads_as_layout("Layout(issue: \"a.ron\")"));
        assert!(reads_as_layout("// x\n(\n  issue: \"a.ron\", pages: [(number: 3, placements: [(colum: 1)])])"));
        assert!(reads_as_layout("#![enable(implicit_some)]\n(pages: [], conflicts: [])"));
        assert!(!reads_as_layout("(paper: \"x\", pages: [], items: [])"));
        assert!(!reads_as_layout("Issue(issue: \"a.ron\")"));
        assert!(!reads_as_layout("(paper: \"(issue: x)\")"));
    }

    #[test]
    fn layout_path_beside_the_issue() {
        assert_eq!(default_layout_path(Path::new("a/taiyuan.ron")), Path::new("a/taiyuan.layout.ron"));
        assert_eq!(default_layout_path(Path::new("issue")), Path::new("issue.layout.ron"));
    }
}
