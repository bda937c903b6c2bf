//! Glyph preflight: every character of the issue's items that the font setting it lacks,
//! found before the plate (a 生僻字 printed as an empty box is a correction in tomorrow's
//! paper). `check --font` and the press PDF both ask these functions: `check --font` the whole
//! copy ([`Asked::Copy`]), the PDF what it prints ([`Asked::Plate`], [`printed_only`]).

use std::collections::{HashMap, HashSet};

use super::fonts::{Face, FontError, Fonts};
use super::plate::{self, OnPlate, PrintedLine};
use crate::fit::classes::is_han;
use crate::layout::{Makeup, ResolvedBox};
use crate::model::{Grid, Issue, Item, Layout};
use crate::problem::Problem;

/// Whether the heads face (else the text face) sets `field`.
pub fn is_head(field: &str) -> bool {
    matches!(field, "kicker" | "headline" | "subhead" | "title")
}

/// Every character of every item's text that its face lacks, once per item, field and
/// character, in the issue's order. Spaces and characters that print nothing of their own
/// (variation selectors, joiners) are not asked for.
/// A byline is printed in brackets: theirs are asked as the field `byline brackets` (found
/// from outside: a font without `（）` printed every byline's as blanks, and passed).
/// The issue's headline of an item the layout places with a headline of its own in every
/// part is printed nowhere, and not asked for (found from outside: the PDF export said a
/// character of it was missing, exit 1, and printed the layout's headline). A part waiting in
/// the bin prints it once placed: when only such a part does, its characters are said for
/// that part (`part`, at page 0), which the PDF, printing nothing from the bin, leaves out.
pub fn missing_glyphs(issue: &Issue, layout: &Layout, fonts: &Fonts) -> Vec<Problem> {
    let mut faces = Faces::new(fonts);
    let mut out = Vec::new();
    let printed_by = issue_headline(layout);
    for item in &issue.items {
        let mut seen: Vec<(&'static str, char)> = Vec::new();
        let brackets = item.texts().iter().any(|(field, _)| *field == "byline").then_some((BYLINE_BRACKETS, "（）"));
        let headline = printed_by(item.id());
        let fields =
            printed_texts(item).filter(|(field, _)| !(headline == IssueHeadline::Replaced && *field == "headline"));
        for (field, value) in fields.chain(brackets) {
            let part = match headline {
                IssueHeadline::Waiting(part) if field == "headline" => part,
                _ => 0,
            };
            for (ch, font) in faces.lacking(field, value) {
                if !seen.contains(&(field, ch)) {
                    seen.push((field, ch));
                    out.push(Problem::MissingGlyph { page: 0, part, item: item.id().to_string(), field, ch, font });
                }
            }
        }
    }
    out
}

/// Which boxes print the issue's headline of an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IssueHeadline {
    /// A box on a page, or the item once placed from the bin.
    Printed,
    /// Only this part, waiting in the bin, once placed: every part on a page has a headline
    /// of its own.
    Waiting(u32),
    /// None: the layout gives every part a headline of its own.
    Replaced,
}

/// Which boxes print the issue's headline of an item (by id). An article has as many parts
/// as its highest part on a page, or one more when that part is continued; those on no page
/// wait in the bin, each printing the issue's headline once placed (found from outside: with
/// part 1 under a headline of its own and part 2 waiting, the issue's went unasked).
pub fn issue_headline(layout: &Layout) -> impl Fn(&str) -> IssueHeadline + '_ {
    // In one pass over the boxes: whether all have a headline of their own, the parts on a
    // page, and how many parts there are.
    let mut boxes: HashMap<&str, (bool, Vec<u32>, u32)> = HashMap::new();
    for p in layout.pages.iter().flat_map(|p| &p.placements) {
        let (own, parts, count) = boxes.entry(p.item.as_str()).or_insert((true, Vec::new(), 1));
        *own &= p.headline.is_some();
        parts.push(p.part);
        *count = (*count).max(p.part + u32::from(p.continued));
    }
    move |id: &str| match boxes.get(id) {
        Some((true, parts, count)) => match (1..=*count).find(|part| !parts.contains(part)) {
            Some(part) => IssueHeadline::Waiting(part),
            None => IssueHeadline::Replaced,
        },
        _ => IssueHeadline::Printed,
    }
}

/// The field a byline's brackets are asked as.
pub const BYLINE_BRACKETS: &str = "byline brackets";

/// The field a continued part's jump lines (`（下转第4版）`, `（上接第3版）`) are asked as.
pub const JUMP_LINE: &str = "jump line";

/// Which text a preflight asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asked {
    /// The whole copy, and all a placed box adds to it (`check --font`): the copy desk checks
    /// a story's characters before it is placed, and a sentence cut or a line overset today
    /// prints once the box is deepened.
    Copy,
    /// What the plate prints ([`plate::printed`]): the press PDF's.
    Plate,
}

/// Every character the placed boxes print beyond the issue's fields that the face setting it
/// lacks: a headline the layout gives a box, and a continued part's jump lines — all of them
/// ([`Asked::Copy`]), or their lines the plate prints ([`Asked::Plate`]). One problem a page,
/// item, field and character, at its page (a place in the layout), whatever the item's own
/// fields hold: it is printed, and mended, here. Found from outside: both printed as blanks
/// while the PDF export and `check --font` passed.
pub fn missing_in_print(makeup: &Makeup, fonts: &Fonts, asked: Asked) -> Vec<Problem> {
    let mut faces = Faces::new(fonts);
    let mut out = Vec::new();
    for page in &makeup.issue().pages {
        for b in makeup.resolved(page.number) {
            for (field, value) in layout_texts(&b, &page.grid, asked) {
                for (ch, font) in faces.lacking(field, &value) {
                    // Once an item, field and character, at the first box that prints it.
                    let said = |p: &Problem| matches!(p, Problem::MissingGlyph { item: i, field: f, ch: c, .. } if *i == b.item && *f == field && *c == ch);
                    // Each is a field of its own, said whatever the item's fields hold: a jump
                    // line as a byline is beside the body (found from outside: `第` of
                    // `（下转第2版）` went unsaid, the body saying it), the layout's headline beside
                    // the issue's, its kicker and subhead (found from outside: `新` of `标题新` was
                    // said at the kicker only; `暖` of both headlines at the issue's only).
                    if !out.iter().any(said) {
                        let (item, part) = (b.item.clone(), b.part);
                        out.push(Problem::MissingGlyph { page: page.number, part, item, field, ch, font });
                    }
                }
            }
        }
    }
    out
}

/// What box `b` prints beyond the issue's fields, by field: the headline the layout gives it
/// and its jump lines, whole or as the plate prints them.
fn layout_texts(b: &ResolvedBox, grid: &Grid, asked: Asked) -> Vec<(&'static str, String)> {
    if asked == Asked::Plate {
        let own = |l: &PrintedLine<'_>| l.field == JUMP_LINE || (l.field == "headline" && b.setting.headline.is_some());
        return plate::printed(b, grid)
            .into_iter()
            .filter_map(|p| match p {
                OnPlate::Line(l) if own(&l) => Some((l.field, l.line.text.clone())),
                _ => None,
            })
            .collect();
    }
    let part = b.set.part.as_ref();
    // As printed: a narrow column's jump line is a shorter form, a same page's says 本版.
    let jumps = [part.and_then(|p| p.from_text.clone()), part.and_then(|p| p.jump_text.clone())];
    let headline = b.setting.headline.iter().map(|h| ("headline", h.to_string()));
    headline.chain(jumps.into_iter().flatten().map(|j| (JUMP_LINE, j))).collect()
}

/// Of `lacking`, the characters of the issue's fields the fonts lack ([`missing_glyphs`]),
/// those the plate prints ([`plate::printed`]): none of an item or part waiting in the bin, of
/// a sentence the placement cuts, of a line overset or past the page foot, nor of the issue's
/// headline where the layout gives a box its own (found from outside: each failed the PDF
/// export, exit 1, though the PDF printed none of them). The rest are kept.
pub fn printed_only(lacking: Vec<Problem>, makeup: &Makeup) -> Vec<Problem> {
    // Few are lacking: each printed line is searched for its item's alone.
    let mut asked: HashMap<&str, Vec<usize>> = HashMap::new();
    for (k, p) in lacking.iter().enumerate() {
        if let Problem::MissingGlyph { page: 0, item, .. } = p {
            asked.entry(item.as_str()).or_default().push(k);
        }
    }
    let mut printed = vec![false; lacking.len()];
    for page in &makeup.issue().pages {
        for b in makeup.resolved(page.number) {
            let Some(problems) = asked.get(b.item.as_str()) else { continue };
            for p in plate::printed(&b, &page.grid) {
                let OnPlate::Line(l) = p else { continue };
                // The layout's headline is its own field, asked by [`missing_in_print`].
                if l.field == "headline" && b.setting.headline.is_some() {
                    continue;
                }
                for &k in problems {
                    if let Problem::MissingGlyph { field, ch, .. } = &lacking[k] {
                        printed[k] |= plate::prints_field(l.field, field) && l.line.text.contains(*ch);
                    }
                }
            }
        }
    }
    let page_of = |p: &Problem| matches!(p, Problem::MissingGlyph { page: 0, .. });
    lacking.into_iter().zip(printed).filter(|(p, printed)| *printed || !page_of(p)).map(|(p, _)| p).collect()
}

/// A face that has none of the Han characters of the issue's printed texts (at least one),
/// as a [`FontError::NotCjk`]: said once, not as the thousands of characters it lacks (found
/// from outside: a Latin `--font` listed every character of the issue).
pub fn not_cjk(issue: &Issue, fonts: &Fonts) -> Option<FontError> {
    let mut used = HashSet::new();
    for item in &issue.items {
        for (_, value) in printed_texts(item) {
            used.extend(value.chars().filter(|&c| is_han(c)));
        }
    }
    [&fonts.text, &fonts.heads].into_iter().find_map(|face| {
        let mut lookup = Lookup::new(face);
        let none = !used.is_empty() && !used.iter().any(|&c| lookup.has(c));
        none.then(|| FontError::NotCjk { font: face.file_name(), used: used.len() })
    })
}

/// The item's texts that are printed (a photo's file name is not).
fn printed_texts(item: &Item) -> impl Iterator<Item = (&'static str, &str)> {
    item.texts().into_iter().filter(|(field, _)| *field != "file")
}

/// Whether `c` is drawn with a glyph of its own.
fn needs_glyph(c: char) -> bool {
    !(c.is_whitespace()
        || c.is_control()
        || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}'))
}

/// The two faces, text and heads, each asked for the fields it sets.
struct Faces<'f> {
    fonts: &'f Fonts,
    text: Lookup<'f>,
    heads: Lookup<'f>,
}

impl<'f> Faces<'f> {
    fn new(fonts: &'f Fonts) -> Faces<'f> {
        Faces { fonts, text: Lookup::new(&fonts.text), heads: Lookup::new(&fonts.heads) }
    }

    /// The characters of `value` that the face setting `field` lacks, with that face's file
    /// name, in order (a character as often as it comes).
    fn lacking(&mut self, field: &str, value: &str) -> Vec<(char, String)> {
        let (lookup, face) =
            if is_head(field) { (&mut self.heads, &self.fonts.heads) } else { (&mut self.text, &self.fonts.text) };
        value.chars().filter(|&c| needs_glyph(c) && !lookup.has(c)).map(|c| (c, face.file_name())).collect()
    }
}

/// A face's character map, asked once per character.
struct Lookup<'f> {
    face: Option<rustybuzz::Face<'f>>,
    known: HashMap<char, bool>,
}

impl<'f> Lookup<'f> {
    fn new(face: &'f Face) -> Lookup<'f> {
        Lookup { face: face.parse(), known: HashMap::new() }
    }

    fn has(&mut self, ch: char) -> bool {
        let face = &self.face;
        *self.known.entry(ch).or_insert_with(|| face.as_ref().and_then(|f| f.glyph_index(ch)).is_some_and(|g| g.0 != 0))
    }
}
