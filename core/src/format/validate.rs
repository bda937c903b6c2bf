//! Checks on a parsed issue that serde cannot make: unique ids and page numbers, grids and
//! photos of a sane size, printable text. Each error points at the value in the source.

use std::collections::HashMap;
use std::ops::RangeInclusive;
use std::path::Path;
use unicode_width::UnicodeWidthStr;

use super::chars::{describe, first_forbidden, instead_in, is_unseen, quoted};
use super::error::LoadError;
use super::locate::Source;
use crate::model::{Grid, Issue, Item, Page};

// The limits are what a newspaper needs, with room to spare, and no more: the text export
// draws a page cell by cell, so a page's area bounds its memory. The widest broadsheet sets
// 8 columns of 13 em (111 em) and about 100 lines; nobody sets 64 columns of 200 em.

/// Most columns a page grid may have.
pub const MAX_COLUMNS: u16 = 20;
/// Widest column, in em (a one-column grid across a whole broadsheet page is 111 em).
pub const MAX_COLUMN_WIDTH: u16 = 120;
/// Widest gutter, in em.
pub const MAX_GUTTER: u16 = 10;
/// Widest page (all columns and gutters), in em.
pub const MAX_PAGE_WIDTH: u32 = 240;
/// Deepest page (and tallest photo), in body lines.
pub const MAX_DEPTH: u32 = 400;
/// Largest headline character, in em.
pub const MAX_HEADLINE_SIZE: u16 = 10;

/// The first problem in the issue, if any, located in `src` (the text it was parsed from).
pub fn check_issue(path: &Path, src: &str, issue: &Issue) -> Result<(), LoadError> {
    // The source is only scanned for positions once something is wrong: a good issue costs nothing.
    find_problem(issue).map_err(|found| {
        let src = Source::new(src);
        let pos = |at: &At| -> Option<(usize, usize)> {
            let root = src.root();
            match *at {
                At::Root(field) => src.field_pos(Some(root), field),
                At::Page(index, field) => src.field_pos(src.root_element("pages", index), field),
                At::Grid(index, field) => {
                    let page = src.root_element("pages", index);
                    let grid = page.and_then(|p| src.field(p, "grid")).or(page);
                    src.field_pos(grid, field)
                }
                At::Item(index, field) => src.field_pos(src.root_element("items", index), field),
                At::ItemChar(index, field, c, paragraph) => item_char_pos(&src, index, field, c, paragraph),
            }
        };
        // FIRST marks where the first one's line goes; ids in messages are quoted, and
        // quoting escapes control characters, so it cannot come from the file.
        let first_line = found.first.as_ref().and_then(pos).map(|(line, _)| format!(" at line {line}"));
        let message = found.message.replace(FIRST, &first_line.unwrap_or_default());
        LoadError::new(path, pos(&found.at), message)
    })
}

const FIRST: &str = "\u{1}";

/// Where character `c` stands in `field` of the `index`-th item: in its `paragraph`-th string
/// (from 1; 0: a field of one string), else anywhere in the field, else at the field.
pub(super) fn item_char_pos(
    src: &Source,
    index: usize,
    field: &str,
    c: char,
    paragraph: usize,
) -> Option<(usize, usize)> {
    let item = src.root_element("items", index);
    let string = paragraph.checked_sub(1).and_then(|p| src.element(item?, field, p));
    let in_string = || string.and_then(|s| src.char_pos_in(s, c));
    let in_field = || {
        let value = item.and_then(|i| src.field(i, field))?;
        src.char_pos_in(value, c)
    };
    in_string().or_else(in_field).or_else(|| src.field_pos(item, field))
}

/// Where a problem is: a field of the issue, of the n-th page, its grid, or the n-th item.
#[derive(Debug, Clone, Copy)]
enum At {
    Root(&'static str),
    Page(usize, &'static str),
    Grid(usize, &'static str),
    Item(usize, &'static str),
    /// A character in a field of the n-th item, in its p-th paragraph (from 1; 0: a field of
    /// one string).
    ItemChar(usize, &'static str, char, usize),
}

/// A problem, where it is, and for a duplicate where the first one is.
struct Found {
    at: At,
    first: Option<At>,
    message: String,
}

fn found(at: At, message: impl Into<String>) -> Found {
    Found { at, first: None, message: message.into() }
}

fn find_problem(issue: &Issue) -> Result<(), Found> {
    for (field, text) in [("paper", &issue.paper), ("date", &issue.date)] {
        if let Some(c) = first_forbidden(text) {
            let msg = format!("{field} contains control character {}; text must be printable", describe(c));
            return Err(found(At::Root(field), msg));
        }
    }
    // Nothing can be made up without a page; refused here rather than met in every command.
    if issue.pages.is_empty() {
        let msg = "pages is empty, expected at least one page: \
                   pages: [Page(number: 1, grid: Grid(columns: 8, column_width: 13, gutter: 1, depth: 100))]";
        return Err(found(At::Root("pages"), msg));
    }
    let mut numbers = HashMap::new();
    for (index, page) in issue.pages.iter().enumerate() {
        if let Some(first) = numbers.insert(page.number, index) {
            let msg = format!("page number {} appears twice (first{FIRST}), expected each page once", page.number);
            return Err(Found { first: Some(At::Page(first, "number")), ..found(At::Page(index, "number"), msg) });
        }
        check_page(index, page)?;
    }
    let mut ids: HashMap<&str, usize> = HashMap::new();
    for (index, item) in issue.items.iter().enumerate() {
        if let Some(first) = ids.insert(item.id(), index) {
            let msg = format!("item id {} is used twice (first{FIRST}), expected a unique id", quoted(item.id()));
            return Err(Found { first: Some(At::Item(first, "id")), ..found(At::Item(index, "id"), msg) });
        }
        check_item(index, item)?;
    }
    for (index, item) in issue.items.iter().enumerate() {
        check_with(index, item, issue)?;
    }
    Ok(())
}

/// A photo's `with` names an article of the issue (the make-up keeps the two together).
fn check_with(index: usize, item: &Item, issue: &Issue) -> Result<(), Found> {
    let Item::Photo(photo) = item else { return Ok(()) };
    let Some(with) = photo.with.as_deref() else { return Ok(()) };
    let named = issue.items.iter().find(|i| i.id() == with);
    let what = match named {
        Some(Item::Article(_)) => return Ok(()),
        None => "no item of the issue",
        Some(Item::Photo(_)) => "a photo",
        Some(Item::Notice(_)) => "a notice",
    };
    let msg = format!(
        "item {} with is {}, which is {what}; expected the id of the article the photo illustrates",
        quoted(item.id()),
        quoted(with)
    );
    Err(found(At::Item(index, "with"), msg))
}

fn check_page(index: usize, page: &Page) -> Result<(), Found> {
    if page.number == 0 {
        return Err(found(At::Page(index, "number"), "page number is 0, expected 1 or more (pages count from 1)"));
    }
    if let Some(c) = page.section.as_deref().and_then(first_forbidden) {
        let msg =
            format!("page {} section contains control character {}; text must be printable", page.number, describe(c));
        return Err(found(At::Page(index, "section"), msg));
    }
    check_grid(index, page.number, &page.grid)
}

fn check_grid(index: usize, page: u32, grid: &Grid) -> Result<(), Found> {
    let checks: [(&'static str, u32, RangeInclusive<u32>, &str); 6] = [
        ("columns", grid.columns.into(), 1..=MAX_COLUMNS.into(), ""),
        ("column_width", grid.column_width.into(), 1..=MAX_COLUMN_WIDTH.into(), " em"),
        ("gutter", grid.gutter.into(), 0..=MAX_GUTTER.into(), " em"),
        ("depth", grid.depth, 1..=MAX_DEPTH, " lines"),
        ("headline_size", grid.headline_size.into(), 1..=MAX_HEADLINE_SIZE.into(), " em"),
        // The indent must leave room for at least one character on a paragraph's first line.
        ("indent", grid.indent.into(), 0..=u32::from(grid.column_width).saturating_sub(1), " em"),
    ];
    for (field, value, range, unit) in checks {
        if !range.contains(&value) {
            // Found from outside: narrow columns were refused over an indent never written.
            let expected = if field == "indent" {
                let most = grid.column_width.saturating_sub(1);
                let write = if most == 0 { "indent: 0".to_string() } else { format!("indent: 0 to {most}") };
                format!(
                    "less than the column_width of {} so that a first line has room; write {write} in this \
                     Grid (2 em is the default when none is written)",
                    grid.column_width
                )
            } else {
                format!("{} to {}{unit}", range.start(), range.end())
            };
            let msg = format!("page {page} grid {field} is {value}, expected {expected}");
            return Err(found(At::Grid(index, field), msg));
        }
    }
    let width = grid.span_width(grid.columns);
    if width > MAX_PAGE_WIDTH {
        let msg = format!(
            "page {page} grid is {width} em wide ({} columns of {} em and their gutters), expected at most \
             {MAX_PAGE_WIDTH} em; use fewer or narrower columns",
            grid.columns, grid.column_width
        );
        return Err(found(At::Grid(index, "column_width"), msg));
    }
    Ok(())
}

fn check_item(index: usize, item: &Item) -> Result<(), Found> {
    let id = item.id();
    if id.trim().is_empty() {
        return Err(found(At::Item(index, "id"), "item id is empty, expected a name such as \"snow-traffic\""));
    }
    // Only invisible characters (U+200B and the like): no one could type it in the layout.
    if id.width() == 0 {
        let msg = format!("item id {} is invisible, expected a name such as \"snow-traffic\"", quoted(id));
        return Err(found(At::Item(index, "id"), msg));
    }
    if let Some(c) = first_forbidden(id) {
        let msg = format!("item id {} contains control character {}; ids must be printable", quoted(id), describe(c));
        return Err(found(At::ItemChar(index, "id", c, 0), msg));
    }
    // A plain space is seen (and version-1 files may hold one); the rest are not.
    let unseen = |c: char| c != ' ' && is_unseen(c);
    if let Some(c) = id.chars().find(|&c| unseen(c)) {
        let seen: String = id.chars().filter(|&c| !unseen(c)).collect();
        let msg = format!(
            "item id {} contains {}, which cannot be seen; write the id without it: id: {}",
            quoted(&seen),
            describe(c),
            quoted(&seen)
        );
        return Err(found(At::ItemChar(index, "id", c, 0), msg));
    }
    let mut paragraph = 0;
    for (field, text) in item.texts() {
        paragraph = if field == "body" { paragraph + 1 } else { 0 };
        if let Some(c) = first_forbidden(text) {
            let which = if field == "body" { format!("body paragraph {paragraph}") } else { field.to_string() };
            let msg = format!(
                "item {} {which} contains control character {}; {}",
                quoted(id),
                describe(c),
                instead_in(c, field)
            );
            return Err(found(At::ItemChar(index, field, c, paragraph), msg));
        }
    }
    // The page plan counts from 1 (found from outside: `priority: Some(0)` and `page: Some(0)`
    // were taken, meaning nothing).
    if item.planned_page() == Some(0) {
        let msg = format!("item {} page is 0, expected a page number, 1 or more", quoted(id));
        return Err(found(At::Item(index, "page"), msg));
    }
    if item.priority() == Some(0) {
        let msg = format!("item {} priority is 0, expected 1 or more (1 = the page's lead)", quoted(id));
        return Err(found(At::Item(index, "priority"), msg));
    }
    if let Item::Photo(photo) = item {
        if !(1..=MAX_COLUMNS).contains(&photo.span) {
            let msg = format!("item {} span is {}, expected 1 to {MAX_COLUMNS} columns", quoted(id), photo.span);
            return Err(found(At::Item(index, "span"), msg));
        }
        if let Some(height) = photo.height.filter(|h| !(1..=MAX_DEPTH).contains(h)) {
            let msg = format!("item {} height is {height}, expected 1 to {MAX_DEPTH} lines", quoted(id));
            return Err(found(At::Item(index, "height"), msg));
        }
    }
    Ok(())
}
