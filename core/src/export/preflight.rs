//! Glyph preflight: every character of the issue's items that the font setting it lacks,
//! found before the plate (a 生僻字 printed as an empty box is a correction in tomorrow's
//! paper). `check --font` and the press PDF both ask this one function.

use std::collections::{HashMap, HashSet};

use super::fonts::{Face, FontError, Fonts};
use crate::fit::classes::is_han;
use crate::model::{Issue, Item};
use crate::problem::Problem;

/// Whether the heads face (else the text face) sets `field`.
pub fn is_head(field: &str) -> bool {
    matches!(field, "kicker" | "headline" | "subhead" | "title")
}

/// Every character of every item's text that its face lacks, once per item, field and
/// character, in the issue's order. Spaces and characters that print nothing of their own
/// (variation selectors, joiners) are not asked for.
pub fn missing_glyphs(issue: &Issue, fonts: &Fonts) -> Vec<Problem> {
    let mut text = Lookup::new(&fonts.text);
    let mut heads = Lookup::new(&fonts.heads);
    let mut out = Vec::new();
    for item in &issue.items {
        let mut seen: Vec<(&'static str, char)> = Vec::new();
        for (field, value) in printed_texts(item) {
            let (lookup, face) = if is_head(field) { (&mut heads, &fonts.heads) } else { (&mut text, &fonts.text) };
            for ch in value.chars().filter(|&c| needs_glyph(c)) {
                if lookup.has(ch) || seen.contains(&(field, ch)) {
                    continue;
                }
                seen.push((field, ch));
                let (item, font) = (item.id().to_string(), face.file_name());
                out.push(Problem::MissingGlyph { page: 0, item, field, ch, font });
            }
        }
    }
    out
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
