//! A layout read from a file, checked against its issue by the one validator
//! ([`crate::layout::validate::check_layout`]), with each problem placed at its line and
//! column of the file.

use std::cell::OnceCell;
use std::collections::HashMap;
use std::path::Path;

use super::chars::quoted;
use super::error::LoadError;
use super::locate::{Node, Source};
use super::note::Note;
use super::settings::check_settings;
use super::validate::MAX_DEPTH;
use crate::export::preflight::{BYLINE_BRACKETS, IssueHeadline, issue_headline};
use crate::layout::validate::{Site, check_layout as validate};
use crate::model::{Issue, Layout};
use crate::problem::{Located, Problem};

/// The layout with every bad placement removed, and what was wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayoutReport {
    pub layout: Layout,
    pub problems: Vec<Located>,
}

/// Check `layout` (parsed from `layout_src`, read from `path`) against `issue`.
pub fn check_layout(issue: &Issue, layout: &Layout, layout_src: &str, path: &Path) -> LayoutReport {
    let checked = validate(issue, layout);
    // The source is scanned for positions only when something is wrong.
    let src = OnceCell::new();
    let positions = Positions { text: layout_src, src: &src };
    let problems = checked
        .found
        .into_iter()
        .map(|found| {
            let mut problem = found.problem;
            let first_line = found.first.and_then(|site| positions.of(site)).map(|(line, _)| line);
            match &mut problem {
                Problem::DuplicatePage { first_line: at, .. } | Problem::PlacedTwice { first_line: at, .. } => {
                    *at = first_line;
                }
                _ => {}
            }
            let pos = positions.of(found.at);
            Located { problem, file: path.to_path_buf(), line: pos.map(|p| p.0), col: pos.map(|p| p.1) }
        })
        .collect();
    LayoutReport { layout: checked.layout, problems }
}

/// The first value of `layout` (parsed from `layout_src`, read from `path`) that no command
/// takes as written, located: a setting loading refuses ([`check_settings`]), a fixed depth
/// out of range or a page listed twice (the validator's `BadDepth` and `DuplicatePage`, which
/// `check` exits 2 for). For a layout that is to be written rather than opened — the merge
/// driver's sides — where the editor's repair (the depth set to `Auto`, the lists joined)
/// would be made silently into the file. Items and pages the issue
/// lacks are not values: the merge decides those itself.
pub fn check_values(issue: &Issue, layout: &Layout, layout_src: &str, path: &Path) -> Result<(), LoadError> {
    check_settings(issue, layout, layout_src, path)?;
    // Worded as the settings are (the validator's own words say the repair it makes). A page
    // listed twice too (found from outside: merged, it was written as read, and `check` then
    // refused the result).
    let refused = |p: Located| {
        let message = match p.problem {
            Problem::DuplicatePage { page, first_line } => format!(
                "page {page} is listed twice{}, expected each page once, all its placements in one list",
                first_line.map(|l| format!(" (first at line {l})")).unwrap_or_default()
            ),
            Problem::BadDepth { page, item, depth } => format!(
                "page {page} placement {} depth is Fixed({depth}), expected Fixed(1) to Fixed({MAX_DEPTH}), or Auto",
                quoted(&item)
            ),
            Problem::NotAnArticle { page, item, kind, fields } => {
                let field = fields.first().copied().unwrap_or("part");
                format!(
                    "page {page} placement {} has {field}, but it is {}; only an article takes {field} (leave the field out)",
                    quoted(&item),
                    crate::problem::text::a_kind(kind)
                )
            }
            _ => return None,
        };
        Some(LoadError::new(path, p.line.zip(p.col), message))
    };
    match check_layout(issue, layout, layout_src, path).problems.into_iter().find_map(refused) {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// Places the problems of the pages as set (a box past the foot, two boxes overlapping, an
/// overset item, a part whose neighbour is on no page or that holds none of the text), which the desk finds without positions, at the placement each names in the
/// layout file `text` as read from `path`: the line and column of its `item` field (found from
/// outside: `check` gave them as `file: page 1: …` while a box off the grid had `file:line:col`).
/// A problem whose placement the file does not hold as named keeps no position.
pub fn place_page_problems(problems: &mut [Located], text: &str, path: &Path) {
    let mut unplaced = problems.iter_mut().filter(|p| p.line.is_none() && p.file == path).peekable();
    if unplaced.peek().is_none() {
        return;
    }
    let Ok(layout) = super::parse_layout(path, text) else { return };
    let src = OnceCell::new();
    let positions = Positions { text, src: &src };
    let first = first_placements(&layout);
    for located in unplaced {
        let (page, item, part) = match &located.problem {
            Problem::BelowFoot { page, item, part, .. }
            | Problem::Overlap { page, item, part, .. }
            | Problem::MissingPart { page, item, part, .. }
            | Problem::NothingContinued { page, item, part }
            | Problem::EmptyPart { page, item, part }
            | Problem::ShallowPart { page, item, part, .. }
            | Problem::AllCut { page, item, part, .. }
            | Problem::Overset { page, item, part, .. } => (*page, item, Some(*part)),
            // A character the layout's own headline holds: at that headline.
            Problem::MissingGlyph { page, item, part, .. } if *page > 0 => (*page, item, Some(*part)),
            _ => continue,
        };
        let headline = match located.problem {
            Problem::MissingGlyph { field: "headline", ch, .. } => Some(ch),
            _ => None,
        };
        let Some(pi) = layout.pages.iter().position(|p| p.number == page) else { continue };
        let named = |p: &crate::model::Placement| {
            p.item == *item && part.is_none_or(|part| p.part == part) && (headline.is_none() || p.headline.is_some())
        };
        let placement = match (headline, part) {
            (None, Some(part)) => first.get(&(pi, item.as_str(), part)).copied(),
            _ => layout.pages[pi].placements.iter().position(named),
        };
        let Some(placement) = placement else { continue };
        // A character of the headline the layout gives: at that character.
        let at = match headline {
            Some(ch) => positions.char_in_headline(pi, placement, ch),
            None => positions.of(Site::Placement { page: pi, placement, field: "item" }),
        };
        if let Some((line, col)) = at {
            (located.line, located.col) = (Some(line), Some(col));
        }
    }
}

/// The first placement of each part of each item on each page, by page index: thousands of
/// problems on a page of thousands of boxes would otherwise search the page once a problem.
fn first_placements(layout: &Layout) -> HashMap<(usize, &str, u32), usize> {
    let mut first = HashMap::new();
    for (pi, page) in layout.pages.iter().enumerate() {
        for (k, p) in page.placements.iter().enumerate() {
            first.entry((pi, p.item.as_str(), p.part)).or_insert(k);
        }
    }
    first
}

/// Names in each warning about a photo's image the line and column of the photo's `file` in
/// the issue's `text` (`issue.ron:12:30`; found from outside: without them a script could not
/// tell which photo of a long issue was meant); the press PDF's grey frames alike.
pub fn place_photo_notes(notes: &mut [Note], issue: &Issue, text: &str) {
    let src = OnceCell::new();
    for note in notes {
        let (Note::PhotoUnsized { file, id, .. } | Note::GreyFrame { file, id, .. }) = note else { continue };
        let Some(index) = issue.items.iter().position(|i| i.id() == id) else { continue };
        let src = src.get_or_init(|| Source::new(text.strip_prefix('\u{FEFF}').unwrap_or(text)));
        if let Some((line, col)) = src.field_pos(src.root_element("items", index), "file") {
            *file = format!("{file}:{line}:{col}");
        }
    }
}

/// Places each lacking glyph of the issue (`check --font`), found without a position, at the
/// first place its item's field holds it in the issue file `text` as read from `path`: in a
/// body, the paragraph that holds it (found from outside: `f.ron: item "x" body: U+1F468 …`
/// left the editor to search a long story for it).
pub fn place_item_chars(problems: &mut [Located], issue: &Issue, text: &str, path: &Path) {
    let mut unplaced = problems.iter_mut().filter(|p| p.line.is_none() && p.file == path).peekable();
    if unplaced.peek().is_none() {
        return;
    }
    let src = Source::new(text.strip_prefix('\u{FEFF}').unwrap_or(text));
    for located in unplaced {
        let Problem::MissingGlyph { item, field, ch, .. } = &located.problem else { continue };
        // A byline's brackets are asked at the byline.
        let field: &&str = if *field == BYLINE_BRACKETS { &"byline" } else { field };
        let Some(index) = issue.items.iter().position(|i| i.id() == item) else { continue };
        let texts = issue.items[index].texts();
        let in_field = texts.iter().filter(|(f, _)| f == field);
        let paragraph = if *field == "body" { in_field.take_while(|(_, t)| !t.contains(*ch)).count() + 1 } else { 0 };
        if let Some((line, col)) = super::validate::item_char_pos(&src, index, field, *ch, paragraph) {
            (located.line, located.col) = (Some(line), Some(col));
        }
    }
}

/// What is wrong with the issue's copy, each at its place in the issue file `text` as read
/// from `path`: every required text written blank (empty or only white space) where it is
/// printed — an article's headline (the issue's, unless the layout gives each of its boxes one
/// of its own and no part of it waits in the bin), a notice's title, a photo's caption — at that field; every article or
/// notice without a body, or with blank paragraphs only, at its body; and every id that begins or ends with a
/// space, at that id. Such an issue loads, as version 1 read it, but an item would be set with
/// blank lines where its text should be or as a headline with nothing under it, and a layout
/// naming an id as it looks would name another item or none (found from outside: each taken
/// without a word). A blank optional text is read as left out, and is nothing to report.
pub fn copy_problems(issue: &Issue, layout: &Layout, text: &str, path: &Path) -> Vec<Located> {
    use crate::model::Item;
    let printed_by = issue_headline(layout);
    let src = OnceCell::new();
    let mut out = Vec::new();
    for (index, item) in issue.items.iter().enumerate() {
        let id = item.id();
        let blank = |text: &str| text.trim().is_empty();
        let item_problem = |problem: fn(String) -> Problem| problem(id.to_string());
        let (field, wrong, problem) = match item {
            Item::Article(a) => (
                "headline",
                blank(&a.headline) && printed_by(id) != IssueHeadline::Replaced,
                item_problem(|item| Problem::EmptyHeadline { item }),
            ),
            Item::Notice(n) => ("title", blank(&n.title), item_problem(|item| Problem::EmptyTitle { item })),
            Item::Photo(p) => ("caption", blank(&p.caption), item_problem(|item| Problem::EmptyCaption { item })),
        };
        let (body, notice) = match item {
            Item::Article(a) => (Some(&a.body), false),
            Item::Notice(n) => (Some(&n.body), true),
            Item::Photo(_) => (None, false),
        };
        let no_body = body.is_some_and(|body| body.iter().all(|p| blank(p)));
        let found = [
            (id.starts_with(' ') || id.ends_with(' '), "id", Problem::SpacedId { item: id.to_string() }),
            (wrong, field, problem),
            (no_body, "body", Problem::EmptyBody { item: id.to_string(), notice }),
        ];
        for (_, field, problem) in found.into_iter().filter(|(wrong, ..)| *wrong) {
            let src = src.get_or_init(|| Source::new(text.strip_prefix('\u{FEFF}').unwrap_or(text)));
            let at = src.field_pos(src.root_element("items", index), field);
            out.push(Located { problem, file: path.to_path_buf(), line: at.map(|p| p.0), col: at.map(|p| p.1) });
        }
    }
    out
}

struct Positions<'a, 'c> {
    text: &'a str,
    src: &'c OnceCell<Source<'a>>,
}

impl<'a> Positions<'a, '_> {
    fn source(&self) -> &Source<'a> {
        self.src.get_or_init(|| Source::new(self.text))
    }

    /// Line and column of `ch` in the headline of the `placement`-th placement of the `page`-th
    /// page, else of that headline's value.
    fn char_in_headline(&self, page: usize, placement: usize, ch: char) -> Option<(usize, usize)> {
        let src = self.source();
        let node = src.element(src.root_element("pages", page)?, "placements", placement)?;
        src.char_pos_in(src.field(node, "headline")?, ch)
    }

    /// Line and column of a site: the field's value, or the page or placement itself.
    fn of(&self, site: Site) -> Option<(usize, usize)> {
        let src = self.source();
        let page = |pi: usize| -> Option<Node> { src.root_element("pages", pi) };
        match site {
            Site::Page { page: pi } => src.field_pos(page(pi), "number"),
            Site::Conflict { index } => src.field_pos(src.root_element("conflicts", index), "item"),
            Site::Placement { page: pi, placement, field } => {
                src.field_pos(page(pi).and_then(|node| src.element(node, "placements", placement)), field)
            }
        }
    }
}
