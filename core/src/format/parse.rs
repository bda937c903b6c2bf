//! Turning RON text into a value, with ron's errors rewritten for a page editor:
//! what was wrong and what was expected, at ron's line and column.

use std::path::Path;

use ron::error::{Error, Position, SpannedError};
use serde::de::DeserializeOwned;

use super::chars::{describe, instead_in, is_forbidden_in_source, quoted};
use super::error::LoadError;
use super::hints;
use super::locate::line_col;
use super::ron_options;

/// Parse `text` as the RON struct `what` (`"Issue"` or `"Layout"`).
pub fn parse_ron<T: DeserializeOwned>(path: &Path, text: &str, what: &str) -> Result<T, LoadError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(LoadError::at(path, 1, 1, format!("file is empty, expected {}", struct_call(what))));
    }
    // Lines ended by a carriage return alone (an old Mac file): ron would read the file as
    // one line, and a `//` comment at its top would hide all the rest.
    if text.contains('\r') && !text.contains('\n') {
        let message = "lines end in a carriage return alone (an old Mac file); convert them to line feeds: tr '\\r' '\\n' < FILE > NEW";
        return Err(LoadError::at(path, 1, 1, message));
    }
    check_source_chars(path, text)?;
    ron_options().from_str(text).map_err(|e| from_ron(path, text, what, number_for_name::<T>(text, e)))
}

/// A number where a name goes (`orphans: 3`, `3(` for an item's kind): ron advises the raw
/// identifier `r#3`, which names nothing either (found from outside). Read again with a name
/// in its place, it is said as any unknown name is, with the names the place takes.
fn number_for_name<T: DeserializeOwned>(text: &str, e: SpannedError) -> SpannedError {
    const STAND_IN: &str = "pasteup_stand_in";
    let Error::SuggestRawIdentifier(found) = &e.code else { return e };
    let from = byte_at(text, e.span.start);
    let Some(at) = text.get(from..).and_then(|rest| rest.find(found.as_str())).map(|k| from + k) else { return e };
    let again = format!("{}{STAND_IN}{}", &text[..at], &text[at + found.len()..]);
    let Err(mut told) = ron_options().from_str::<T>(&again) else { return e };
    match &mut told.code {
        Error::NoSuchEnumVariant { found: name, .. } | Error::NoSuchStructField { found: name, .. }
            if name == STAND_IN =>
        {
            *name = found.clone();
            SpannedError { code: told.code, span: e.span }
        }
        _ => e,
    }
}

/// Refuse raw control characters anywhere in the file (an ESC byte in a story would be
/// sent to the terminal as an escape sequence), at their exact position.
fn check_source_chars(path: &Path, text: &str) -> Result<(), LoadError> {
    match text.char_indices().find(|&(_, c)| is_forbidden_in_source(c)) {
        None => Ok(()),
        Some((byte, c)) => {
            let (line, col) = line_col(text, byte);
            // A line break starts a paragraph only in a body (found from outside: a headline
            // was told to start a new string in body).
            let field = if super::hints::in_body_list(text, byte) { "body" } else { "text" };
            let message = format!("control character {} in the file; {}", describe(c), instead_in(c, field));
            Err(LoadError::at(path, line, col, message))
        }
    }
}

/// `an Issue(...)`, `a Layout(...)`.
fn struct_call(what: &str) -> String {
    let a = if what.starts_with(['A', 'E', 'I', 'O', 'U']) { "an" } else { "a" };
    format!("{a} {what}(...)")
}

/// ron's error as a `LoadError` at ron's position (ron counts columns in characters).
fn from_ron(path: &Path, text: &str, what: &str, e: SpannedError) -> LoadError {
    if let Some(error) = conflict_marker(path, text, what) {
        return error;
    }
    let start = at_opening_quote(text, e.span.start, &e.code);
    let (end_line, end_col) = line_col(text, text.trim_end().len());
    // Where the token in error runs to the end, the file stopped inside it (found from outside:
    // a layout cut inside a word, `depth: Au`, was "unknown Depth value" only).
    let end = Position { line: end_line, col: end_col };
    let at_end = !matches!(e.code, Error::TrailingCharacters)
        && ((start >= end && !matches!(e.code, Error::Message(_)))
            || in_last_word(text, byte_at(text, start))
            || e.span.end >= end
            || (matches!(e.code, Error::ExpectedStringEnd) && start.line == end.line));
    if let Some((byte, message)) = hints::hint(text, byte_at(text, start), &e.code) {
        let (line, col) = line_col(text, byte);
        let cut = (at_end || in_last_word(text, byte)) && !message.contains("cut short");
        let message = if cut { format!("{CUT} ({message})") } else { message };
        return LoadError::at(path, line, col, message);
    }
    // ron points just after the closing `)`; the stray text may stand lines below (found
    // from outside: `garbage` on line 133 was said at 132:2).
    let (line, col) = match e.code {
        Error::TrailingCharacters => {
            let after = byte_at(text, start);
            let stray = text[after..].find(|c: char| !c.is_whitespace()).map_or(after, |k| after + k);
            line_col(text, stray)
        }
        _ => (start.line, start.col),
    };
    LoadError::at(path, line, col, message(&e.code, what, at_end))
}

/// The first line of a merge git left unfinished (`<<<<<<<`, `=======`, `>>>>>>>`, and
/// `|||||||` of diff3), as an error that says what it is (found from outside: "expected a
/// name" at the marker, no more).
fn conflict_marker(path: &Path, text: &str, what: &str) -> Option<LoadError> {
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let marker = ["<<<<<<<", "|||||||", "=======", ">>>>>>>"]
            .iter()
            .any(|m| line.strip_prefix(m).is_some_and(|rest| rest.trim_end().is_empty() || rest.starts_with(' ')));
        if marker {
            let (line, col) = line_col(text, at);
            let fix = if what == "Layout" {
                "keep one side and delete the marker lines, or set up pasteup's merge driver (README, \
                 \"Working with git\") and merge again"
            } else {
                "keep the right side and delete the marker lines (<<<<<<<, =======, >>>>>>>)"
            };
            let message =
                format!("git conflict marker: git could not merge this file and left both sides in it; {fix}");
            return Some(LoadError::at(path, line, col, message));
        }
        at += line.len();
    }
    None
}

/// A value refused by its own type (`language: "jp"`) is pointed at by ron just inside its
/// opening quote: pointed at the quote, where the value begins (found from outside). A comment
/// never closed is pointed at just after its `/*`: pointed at the `/*` (found from outside too).
fn at_opening_quote(text: &str, start: Position, code: &Error) -> Position {
    let byte = byte_at(text, start);
    let quoted = byte > 0 && text.as_bytes().get(byte - 1) == Some(&b'"');
    let comment = byte >= 2 && text.as_bytes().get(byte - 2..byte) == Some(b"/*");
    if matches!(code, Error::Message(_)) && quoted && start.col > 1 {
        Position { col: start.col - 1, ..start }
    } else if matches!(code, Error::UnclosedBlockComment) && comment && start.col > 2 {
        Position { col: start.col - 2, ..start }
    } else {
        start
    }
}

/// Whether the text from `byte` is one word the file ends in: a file whole ends in `)`.
fn in_last_word(text: &str, byte: usize) -> bool {
    let rest = text.get(byte..).unwrap_or_default().trim_end();
    !rest.is_empty() && !rest.contains(|c: char| c.is_whitespace() || ",()[]".contains(c))
}

/// The byte offset of ron's 1-based line and column (in characters).
fn byte_at(text: &str, at: Position) -> usize {
    let line_start: usize = text.split_inclusive('\n').take(at.line.saturating_sub(1)).map(str::len).sum();
    let rest = &text[line_start.min(text.len())..];
    line_start + rest.char_indices().nth(at.col.saturating_sub(1)).map_or(rest.len(), |(k, _)| k)
}

/// ron's message for a value of the wrong kind, without a position's context.
pub(super) fn plain_message(code: &Error) -> String {
    plain(code, "")
}

/// What ron's error means, in the words of someone editing an issue file.
const CUT: &str = "unexpected end of file; the file looks cut short";

fn message(code: &Error, what: &str, at_end: bool) -> String {
    match code {
        Error::Eof => CUT.to_string(),
        // A word where the file's name should be is no cut unless it begins that name (found
        // from outside: a file holding only `x` was said to look cut short).
        _ if at_end
            && !matches!(code, Error::ExpectedDifferentStructName { expected, found } if !expected.starts_with(found.as_str())) =>
        {
            format!("{CUT} ({})", plain(code, what))
        }
        _ => plain(code, what),
    }
}

/// Said of a layout given where the issue goes.
pub(super) const LAYOUT_GIVEN: &str = " (this is a layout file: name the issue, and this file with --layout)";

fn plain(code: &Error, what: &str) -> String {
    match code {
        // Only a layout has `issue`: one without its struct names given as the issue.
        Error::NoSuchStructField { found, outer, .. } if found == "issue" && outer.as_deref() == Some("Issue") => {
            format!("unknown field {} of an issue{LAYOUT_GIVEN}", quoted(found))
        }
        Error::NoSuchStructField { expected, found, outer } => format!(
            "unknown field {}, expected one of {}{}{}",
            quoted(found),
            expected.join(", "),
            outer.as_deref().map(|o| format!(" (the fields of {o})")).unwrap_or_default(),
            meant(found, expected)
        ),
        Error::MissingStructField { field, outer } => {
            format!("missing field \"{field}\"{}, it is required", inside(outer))
        }
        Error::DuplicateStructField { field, outer } => {
            format!("field \"{field}\" is given twice{}, expected it once", inside(outer))
        }
        Error::NoSuchEnumVariant { expected, found, outer } => {
            let noun = match outer.as_deref() {
                Some("Item") => "item kind".to_string(),
                Some(name) => format!("{name} value"),
                None => "variant".to_string(),
            };
            format!("unknown {noun} {}, expected {}{}", quoted(found), or_list(expected), meant(found, expected))
        }
        Error::ExpectedDifferentStructName { expected, found } => {
            let hint = if *expected == "Issue" && found == "Layout" { LAYOUT_GIVEN } else { "" };
            // Where the issue goes a layout is read too (the commands open the issue it names).
            let names: &[&str] = if *expected == "Issue" { &["Issue", "Layout"] } else { &[expected] };
            let expected = match nearest_name(found, names) {
                Some("Layout") if *expected == "Issue" => "an Issue(...) or a Layout(...)".to_string(),
                _ => struct_call(expected),
            };
            format!("found {}(...), expected {expected}{hint}{}", printable_name(found), meant(found, names))
        }
        Error::ExpectedNamedStructLike(name) if !name.is_empty() => {
            format!("expected {}", struct_call(name))
        }
        Error::ExpectedStructName(name) => format!("expected the name {name} before `(`"),
        Error::ExpectedComma => "expected a comma `,` between fields or list entries".to_string(),
        Error::ExpectedStructLike => "expected `(`".to_string(),
        Error::ExpectedStructLikeEnd | Error::ExpectedOptionEnd => "expected `)`".to_string(),
        Error::ExpectedArray => "expected a list `[...]`".to_string(),
        Error::ExpectedArrayEnd => "expected `]` closing the list".to_string(),
        Error::ExpectedString => "expected a string in double quotes".to_string(),
        Error::ExpectedStringEnd => "string is not closed, expected a closing `\"`".to_string(),
        Error::ExpectedInteger => "expected a whole number".to_string(),
        Error::IntegerOutOfBounds => "number out of range (negative or too large)".to_string(),
        Error::ExpectedBoolean => "expected true or false".to_string(),
        Error::ExpectedIdentifier => "expected a name".to_string(),
        Error::ExpectedMapColon => "expected `:` after the field name".to_string(),
        Error::UnexpectedChar(c) => format!("unexpected character {}", shown(*c)),
        Error::TrailingCharacters => {
            format!("unexpected text after the end of the {what}(...); delete it, or end the file at the `)` before it")
        }
        Error::UnclosedBlockComment => "comment is not closed, expected `*/`".to_string(),
        Error::ExceededRecursionLimit => "brackets nested too deeply".to_string(),
        Error::InvalidValueForType { expected, found } => {
            format!("expected {expected}, found {found}")
        }
        Error::Message(text) => text.clone(),
        other => other.to_string(),
    }
}

/// ` in Article`, naming the struct the error is in.
fn inside(outer: &Option<String>) -> String {
    outer.as_deref().map(|o| format!(" in {o}")).unwrap_or_default()
}

/// `; did you mean Layout?` when `found` misspells one of `names` (a struct's name, a kind, a
/// field: `hedline` is told `headline`), else nothing.
fn meant(found: &str, names: &[&str]) -> String {
    nearest_name(found, names).map(|name| format!("; did you mean {name}?")).unwrap_or_default()
}

/// The one of `names` that `found` most likely misspells (`Layot`, `Artcle`, `issue`): case
/// aside, at most a letter wrong in three, and the nearest. A name written right is no
/// misspelling (a `Layout(` where the issue goes is said otherwise).
pub(crate) fn nearest_name<'a>(found: &str, names: &[&'a str]) -> Option<&'a str> {
    let lower = found.to_lowercase();
    let distance = |name: &str| strsim::damerau_levenshtein(&lower, &name.to_lowercase());
    let near = |&(d, name): &(usize, &str)| name != found && d <= (name.chars().count() / 3).max(1);
    names.iter().map(|&name| (distance(name), name)).filter(near).min().map(|(_, name)| name)
}

/// `Article, Photo or Notice`.
fn or_list(names: &[&str]) -> String {
    match names {
        [] => "nothing here".to_string(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

fn printable_name(name: &str) -> String {
    let q = quoted(name);
    q[1..q.len() - 1].to_string()
}

fn shown(c: char) -> String {
    if c.is_control() { describe(c) } else { format!("'{c}'") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_read_as_prose() {
        assert_eq!(or_list(&["Article", "Photo", "Notice"]), "Article, Photo or Notice");
        assert_eq!(or_list(&["Auto"]), "Auto");
        assert_eq!(struct_call("Issue"), "an Issue(...)");
        assert_eq!(struct_call("Layout"), "a Layout(...)");
    }

    /// Found from outside: a file holding only a word was said to look cut short, and text after
    /// the file's `)` was named without what to write instead.
    #[test]
    fn a_stray_word_is_no_cut_and_trailing_text_says_what_to_do() {
        let said = |text: &str| crate::format::parse_issue(Path::new("x.ron"), text).unwrap_err().to_string();
        let word = said("x");
        assert!(!word.contains("cut short") && word.contains("expected an Issue(...)"), "{word}");
        assert!(said("Iss").contains("cut short"), "{}", said("Iss"));
        let trailing = said(&format!("{}\njunk", crate::sample::ISSUE));
        assert!(trailing.ends_with("delete it, or end the file at the `)` before it"), "{trailing}");
    }

    /// Found from outside: a layout cut inside a word (`depth: Au`, `Placem`) was reported as
    /// an unknown value or name, not as cut short. Cut anywhere after its opening, the
    /// sample's layout and issue say so (the issue at every fifth character, for time).
    #[test]
    fn a_file_cut_anywhere_says_it_looks_cut_short() {
        let open = |text: &str, name: &str| text.find(&format!("{name}(")).unwrap_or(0) + 1;
        for (text, name, step) in [(crate::sample::LAYOUT, "Layout", 1), (crate::sample::ISSUE, "Issue", 5)] {
            // The `)` that closes the file, at the start of its line; a comment may follow.
            let last = text.find("\n)").map_or(text.len(), |k| k + 1);
            for (cut, _) in text.char_indices().skip(open(text, name)).step_by(step).take_while(|&(k, _)| k <= last) {
                let err = match name {
                    "Layout" => crate::format::parse_layout(Path::new("t.ron"), &text[..cut]).map(|_| ()),
                    _ => crate::format::parse_issue(Path::new("t.ron"), &text[..cut]).map(|_| ()),
                };
                let message = err.map_or_else(|e| e.to_string(), |()| "read whole".into());
                assert!(
                    message.contains("cut short"),
                    "{name} cut after {:?}: {message}",
                    &text[cut.saturating_sub(20)..cut]
                );
            }
        }
    }
}
