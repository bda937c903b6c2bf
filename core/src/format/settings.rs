//! Checks on what a layout decides per placement (version 2: `part`, `cut`, `head_size`,
//! `headline`, `continued`) that no repair could honour: a layout asking for them wrongly is invalid
//! input (exit 2), pointed at in the file, rather than quietly set some other way. A `cut`
//! is not among them: the issue may be shortened after the layout is made (found from outside:
//! the editor then saved a layout it refused to open), so the desk reports a body cut whole;
//! nor an article's setting on a photo or a notice, for the same reason: the issue may change
//! the item's kind, and the validator leaves the setting out and reports it (`NotAnArticle`).

use std::collections::HashMap;
use std::path::Path;

use super::chars::{describe, first_forbidden, instead_in, quoted};
use super::error::LoadError;
use super::locate::Source;
use super::validate::MAX_HEADLINE_SIZE;
use crate::model::{Depth, Issue, Item, Layout, Placement};

/// The first wrongly asked setting of the layout (parsed from `src`, read from `path`), located.
pub fn check_settings(issue: &Issue, layout: &Layout, src: &str, path: &Path) -> Result<(), LoadError> {
    let Some((page, placement, field, refused, message)) = find_problem(issue, layout) else { return Ok(()) };
    let src = Source::new(src.strip_prefix('\u{FEFF}').unwrap_or(src));
    let node = src.root_element("pages", page).and_then(|p| src.element(p, "placements", placement));
    let at_char = refused.zip(node.and_then(|n| src.field(n, field))).and_then(|(c, value)| src.char_pos_in(value, c));
    let pos = at_char.or_else(|| src.field_pos(node, field)).or_else(|| src.field_pos(node, "item"));
    Err(LoadError::new(path, pos, message))
}

/// Page index, placement index, field, the character of the field's text refused (the problem
/// stands at it, raw or escaped) and message of the first problem.
type Found = (usize, usize, &'static str, Option<char>, String);

/// The most parts an article may be continued in: more boxes than any paper jumps a story
/// through, and few enough that the parts waiting in the bin stay few.
pub const MAX_PARTS: u32 = 20;

/// Why a part another part follows cannot be at `depth: Auto`, and what to write instead.
const FIXED_DEPTH_NEEDED: &str = "a part another part follows needs a fixed depth, e.g. depth: Fixed(40)";

fn find_problem(issue: &Issue, layout: &Layout) -> Option<Found> {
    let mut items: HashMap<&str, &Item> = HashMap::with_capacity(issue.items.len());
    for item in &issue.items {
        items.entry(item.id()).or_insert(item);
    }
    for (pi, page) in layout.pages.iter().enumerate() {
        for (j, p) in page.placements.iter().enumerate() {
            // An unknown item is the layout validator's to report (it goes to the bin).
            let Some(item) = items.get(p.item.as_str()) else { continue };
            let found = placement_problem(item, p).map(|(field, message)| (field, None, message));
            if let Some((field, refused, message)) = found.or_else(|| refused_in_headline(p)) {
                let message = format!("page {} placement {} {message}", page.number, quoted(&p.item));
                return Some((pi, j, field, refused, message));
            }
        }
    }
    parts_problem(layout)
}

/// One placement of an item as the parts checks see it.
#[derive(Debug, Clone, Copy)]
struct PartAt {
    part: u32,
    /// Page index and placement index in the file.
    pi: usize,
    j: usize,
    auto: bool,
}

/// Parts numbered twice or with a gap, and a part another follows at `depth: Auto`. (A cut of
/// more sentences than the body has is no invalid input: the copy desk shortens a story after
/// its page is made up. The desk reports it, `AllCut`.)
fn parts_problem(layout: &Layout) -> Option<Found> {
    // Every part by item, in file order.
    let mut parts: HashMap<&str, Vec<PartAt>> = HashMap::new();
    let mut order = Vec::new();
    for (pi, page) in layout.pages.iter().enumerate() {
        for (j, p) in page.placements.iter().enumerate() {
            let list = parts.entry(p.item.as_str()).or_default();
            if list.is_empty() {
                order.push(p.item.as_str());
            }
            list.push(PartAt { part: p.part, pi, j, auto: p.depth == Depth::Auto });
        }
    }
    let number = |pi: usize| layout.pages[pi].number;
    for item in order {
        // Part 1 twice is version 1's "placed twice": the validator keeps the first
        // placement and reports the second (exit 1).
        let list = &dedup_first_parts(&parts[item]);
        if list.len() < 2 && list.iter().all(|p| p.part == 1) {
            continue;
        }
        let mut sorted = list.clone();
        sorted.sort_by_key(|p| p.part);
        for pair in sorted.windows(2) {
            let (a, PartAt { part: b, pi, j, .. }) = (pair[0].part, pair[1]);
            if a == b {
                let msg = format!(
                    "page {} placement {} is part {b} a second time; expected each part once",
                    number(pi),
                    quoted(item)
                );
                return Some((pi, j, "part", None, msg));
            }
            if b > a + 1 {
                let msg = format!(
                    "page {} placement {} is part {b}, but no placement is part {}; expected parts numbered 1, 2, 3, … without a gap",
                    number(pi),
                    quoted(item),
                    a + 1
                );
                return Some((pi, j, "part", None, msg));
            }
        }
        let last = sorted.last().map_or(1, |p| p.part);
        if let Some(&PartAt { part, pi, j, .. }) = sorted.iter().find(|p| p.auto && p.part < last) {
            let msg = format!(
                "page {} placement {} is part {part} of {last} at depth Auto; {FIXED_DEPTH_NEEDED}",
                number(pi),
                quoted(item)
            );
            return Some((pi, j, "depth", None, msg));
        }
    }
    None
}

/// The parts with every part 1 after the first left out, as the validator leaves them.
fn dedup_first_parts(list: &[PartAt]) -> Vec<PartAt> {
    let first = list.iter().position(|p| p.part == 1);
    list.iter().enumerate().filter(|&(k, p)| p.part != 1 || Some(k) == first).map(|(_, &p)| p).collect()
}

fn placement_problem(item: &Item, p: &Placement) -> Option<(&'static str, String)> {
    // A photo's or a notice's are the validator's (`NotAnArticle`): the issue may have changed
    // the item's kind after the layout was made, and the editor opens such a layout.
    let Item::Article(_) = item else { return None };
    if !(1..=MAX_PARTS).contains(&p.part) {
        let msg = format!("part is {}, expected 1 to {MAX_PARTS} (parts count from 1)", p.part);
        return Some(("part", msg));
    }
    if p.continued && p.part == MAX_PARTS {
        let msg = format!(
            "is part {MAX_PARTS} and continued, but an article has at most {MAX_PARTS} parts; leave continued out"
        );
        return Some(("continued", msg));
    }
    if p.continued && p.depth == Depth::Auto {
        return Some(("depth", format!("is continued at depth Auto; {FIXED_DEPTH_NEEDED}")));
    }
    if let Some(size) = p.head_size.filter(|s| !(1..=MAX_HEADLINE_SIZE).contains(s)) {
        return Some(("head_size", format!("head_size is {size}, expected 1 to {MAX_HEADLINE_SIZE} em a character")));
    }
    None
}

/// A character an article's own headline may not hold (found from outside: it was pointed at
/// the headline's opening quote, not at the character).
fn refused_in_headline(p: &Placement) -> Option<(&'static str, Option<char>, String)> {
    let c = p.headline.as_deref().and_then(first_forbidden)?;
    let msg = format!("headline contains control character {}; {}", describe(c), instead_in(c, "headline"));
    Some(("headline", Some(c), msg))
}
