//! A problem in English words: the one place where a [`Problem`] becomes a sentence, for
//! `check`'s text, the `message` of its JSON and the editor's status line alike. Another
//! interface language is another function beside [`message`]; the data does not change.

use std::fmt;

use super::{Located, OffGrid, Problem};
use crate::catalogue::en::plural;
use crate::catalogue::{UiLang, part_id};
use crate::format::{MAX_DEPTH, printable, printable_path, quoted};
use crate::model::ItemKind;

/// The problem as a sentence, printable (control characters of names are escaped).
pub fn message(problem: &Problem) -> String {
    let text = match problem {
        Problem::UnknownPage { page, issue_pages, placements } => {
            let have: Vec<String> = issue_pages.iter().map(u32::to_string).collect();
            let have = if have.is_empty() { "none".to_string() } else { have.join(", ") };
            format!("page {page} is not in the issue (its pages: {have}); its {placements} placement(s) go to the bin")
        }
        Problem::DuplicatePage { page, first_line } => {
            format!("page {page} is listed twice (first{}); its placements are merged", at_line(*first_line))
        }
        Problem::UnknownItem { item, nearest: Some(near), .. } => {
            format!("no item {} in the issue (did you mean {}?); this placement is dropped", quoted(item), quoted(near))
        }
        Problem::UnknownItem { item, .. } => {
            format!(
                "no item {} in the issue, expected the id of one of its items; this placement is dropped",
                quoted(item)
            )
        }
        Problem::PlacedTwice { item, first_page, first_line, .. } => format!(
            "item {} is placed twice (first on page {first_page}{}); this placement is dropped",
            quoted(item),
            at_line(*first_line)
        ),
        Problem::OffGrid { page, item, off } => {
            format!("item {} on page {page}: {}; it goes to the bin", quoted(item), off_grid(*off))
        }
        Problem::BadDepth { item, depth, .. } => format!(
            "item {} depth is Fixed({depth}), expected Fixed(1) to Fixed({MAX_DEPTH}) or Auto; it is set to Auto",
            quoted(item)
        ),
        Problem::NotAnArticle { page, item, kind, fields } => {
            let (them, they) = if fields.len() == 1 { ("it", "it is") } else { ("them", "they are") };
            format!(
                "page {page} placement {} has {}, but it is {}; only an article takes {them}; {they} left out",
                quoted(item),
                fields.join(" and "),
                a_kind(*kind)
            )
        }
        Problem::Overlap { page, item, part, other, other_part } => {
            format!("page {page}: {} and {} overlap", box_of(item, *part), box_of(other, *other_part))
        }
        Problem::BelowFoot { page, item, part, lines } => {
            format!("page {page}: {} runs {lines} line(s) past the foot", box_of(item, *part))
        }
        Problem::Overset { page, item, part, lines, chars } => {
            format!("page {page}: {} is overset by {lines} line(s), {chars} character(s)", box_of(item, *part))
        }
        Problem::MergeConflict { item, note, .. } if item.is_empty() => {
            format!("merge conflict in the layout: {note}; decide in the editor and save")
        }
        Problem::MergeConflict { item, note, .. } => {
            format!("merge conflict on {}: {note}; decide in the editor and save", quoted(item))
        }
        Problem::MissingPart { page, item, part, missing } => format!(
            "page {page}: {} part {part} is continued {} part {missing}, which is on no page; place it or send part {part} to the bin",
            quoted(item),
            if missing < part { "from" } else { "in" }
        ),
        Problem::PartBinnedWith { page, item, part, with } => format!(
            "page {page}: {} part {part} goes to the bin too, with part {with} before it: no part stands while the part before it waits there; place them again from the bin",
            quoted(item)
        ),
        Problem::EmptyPart { page, item, part } => format!(
            "page {page}: {} part {part} holds none of the text, which the parts before it take; send part {part} to the bin or make the part before it shallower",
            quoted(item)
        ),
        Problem::ShallowPart { page, item, part, first } if first == part => format!(
            "page {page}: {} part {part} holds none of the text: it is too shallow for a line of it beside its heads; make part {part} deeper, or continue the article in fewer parts",
            quoted(item)
        ),
        Problem::ShallowPart { page, item, part, first } => format!(
            "page {page}: {} part {part} holds none of the text, nor {} before it: each is too shallow for a line of it beside its heads; make them deeper, or continue the article in fewer parts",
            quoted(item),
            parts(*first, part - 1)
        ),
        Problem::NothingContinued { page, item, part } => format!(
            "page {page}: {} part {part} is continued, but it holds the rest of the text, so part {} in the bin holds none; make part {part} shallower, or send it to the bin and place it again",
            quoted(item),
            part + 1
        ),
        Problem::AllCut { page, item, part, cut, sentences } => format!(
            "page {page}: {} has every sentence of its body cut (cut {cut}, of {}), a headline with nothing under it; give some back (C in the editor), or send it to the bin",
            box_of(item, *part),
            plural(*sentences as usize, "sentence")
        ),
        Problem::MissingGlyph { item, field, ch, font, .. } => format!(
            "item {} {field}: {} {ch} is not in the font {font}; name a font that has it with --font, or write the character another way",
            quoted(item),
            code_point(*ch)
        ),
        Problem::EmptyHeadline { item } => format!(
            "item {} has a blank headline: it would be set as blank lines over its body; write its headline, or give its box one of its own (r in the editor)",
            quoted(item)
        ),
        Problem::EmptyBody { item, notice: false } => format!(
            "item {} has no body: a headline with nothing under it; write its body, or take it out of the issue",
            quoted(item)
        ),
        Problem::EmptyBody { item, notice: true } => format!(
            "notice {} has no text: a blank frame on the page; write its body, or take it out of the issue",
            quoted(item)
        ),
        Problem::SpacedId { item } => format!(
            "item id {} begins or ends with a space, which cannot be seen: a layout naming {} would name another item or none; write id: {}, and name it so in its layouts",
            quoted(item),
            quoted(item.trim_matches(' ')),
            quoted(item.trim_matches(' '))
        ),
        Problem::EmptyTitle { item } => format!(
            "item {} has a blank title: it would be set as a blank line under its top rule; write its title",
            quoted(item)
        ),
        Problem::EmptyCaption { item } => format!(
            "item {} has a blank caption: it would be set as a blank line under its picture; write its caption",
            quoted(item)
        ),
    };
    printable(&text)
}

fn off_grid(off: OffGrid) -> String {
    match off {
        OffGrid::Column { column, columns } => {
            format!("column is {column}, expected 1 to {columns} (columns count from 1)")
        }
        OffGrid::NoSpan { room } => format!("span is 0, expected 1 to {room}"),
        OffGrid::PastGrid { column, last, columns } => {
            format!("columns {column} to {last} run past the grid's {columns} columns")
        }
        // Found from outside: "expected 1 to 450" on a page of 50 lines said nothing of the 450.
        OffGrid::Line { line, last_line, depth } => format!(
            "line is {line}, expected 1 to {last_line} (lines count from 1; the page has {depth}, and a box pushed \
             down may start up to {} past its foot)",
            last_line - depth
        ),
    }
}

/// Parts `first` to `last` of an article, in words: `does part 1`, `do parts 1 to 2`.
fn parts(first: u32, last: u32) -> String {
    if first == last { format!("does part {first}") } else { format!("do parts {first} to {last}") }
}

/// `a photo`, `a notice`: the kind of an item, as a sentence names it.
pub fn a_kind(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Article => "an article",
        ItemKind::Photo => "a photo",
        ItemKind::Notice => "a notice",
    }
}

/// `U+4E00` (at least four hex digits, as Unicode writes code points).
pub fn code_point(ch: char) -> String {
    format!("U+{:04X}", u32::from(ch))
}

/// ` at line N of the file`, when the line is known. Where a first one is written: a line of the file, not of the page (found from outside:
/// "first on page 3 at line 5" read as the page's fifth line).
fn at_line(line: Option<usize>) -> String {
    line.map(|line| format!(" at line {line} of the file")).unwrap_or_default()
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&message(self))
    }
}

/// `file:line:col: message`, or `file: message` for the file as a whole.
impl fmt::Display for Located {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = printable_path(&self.file);
        let message = message(&self.problem);
        match (self.line, self.col) {
            (Some(line), Some(col)) => write!(f, "{file}:{line}:{col}: {message}"),
            (Some(line), None) => write!(f, "{file}:{line}: {message}"),
            _ => write!(f, "{file}: {message}"),
        }
    }
}

/// A box named on the page: the item's id in quotes, and its part if the article is continued
/// (`"jinyuan-livable" (part 2)`).
fn box_of(item: &str, part: u32) -> String {
    part_id(&format!("\"{item}\""), part, UiLang::En)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::problem::ProblemKind;

    #[test]
    fn words_of_each_problem() {
        let p = Problem::OffGrid { page: 3, item: "a\u{1b}".into(), off: OffGrid::NoSpan { room: 5 } };
        assert_eq!(message(&p), r#"item "a\u{1b}" on page 3: span is 0, expected 1 to 5; it goes to the bin"#);
        let p = Problem::Overset { page: 1, item: "a".into(), part: 1, lines: 3, chars: 64 };
        assert_eq!(p.to_string(), "page 1: \"a\" is overset by 3 line(s), 64 character(s)");
        let located = Located { problem: p, file: "x.layout.ron".into(), line: None, col: None };
        assert_eq!(located.to_string(), "x.layout.ron: page 1: \"a\" is overset by 3 line(s), 64 character(s)");
        assert_eq!(located.kind(), ProblemKind::Overset);
        assert_eq!(serde_json::to_value(ProblemKind::BelowFoot).unwrap(), ProblemKind::BelowFoot.name());
    }
}
