//! The copy desk's common mistakes, recognised where ron stopped and said in their words:
//! the offending character's position and name, and what to write instead.
//!
//! ron reports where its parser stopped, which is often one character before the value
//! (the space after `title:`) or well after the mistake (a string never closed swallows
//! the text up to the next `"`). These hints look at the source around that place.

use std::borrow::Cow;

use ron::error::Error;

use super::chars::{describe, is_unseen, quoted};
use super::locate::line_col;
use super::read::says_language;
use super::validate::MAX_DEPTH;

/// A better place and message for ron's error at byte `at` of `text`, if one applies.
pub fn hint(text: &str, at: usize, code: &Error) -> Option<(usize, String)> {
    if matches!(code, Error::InvalidEscape(_)) {
        return bad_escape(text, at);
    }
    // Said before anything looks at the value ron stopped after: that belongs to the field
    // written last, not to the one missing (found from outside: a Grid without its gutter was
    // given a placement's depth advice about its last field, `depth: 10`).
    if let Error::MissingStructField { field, outer } = code {
        return Some((at, missing_field(field, outer.as_deref())));
    }
    // Where ron stops inside a string or comment, what stands there is text.
    let in_text = matches!(code, Error::Message(_) | Error::ExpectedStringEnd | Error::UnclosedBlockComment);
    if let Some(found) = stray_space(text, at).filter(|_| !in_text) {
        return Some(found);
    }
    let next = skip_space(text, at);
    let c = text[next..].chars().next();
    if let Some(found) = needless_some(text, next) {
        return Some(found);
    }
    if let Some(found) = c.and_then(|c| look_alike(c, code)) {
        return Some((next, found));
    }
    if let Some(found) = after_string(text, next, c, code) {
        return Some(found);
    }
    if let Some(found) = unclosed_list(text, next) {
        return Some(found);
    }
    if let Some(found) = unclosed_struct(text, next, code) {
        return Some(found);
    }
    if let Some(found) = stray_comma(text, next) {
        return Some(found);
    }
    if let Some(found) = grid_depth(text, next) {
        return Some(found);
    }
    if let Some(found) = field_value(text, next, code) {
        return Some(found);
    }
    if let Some(found) = bare_fixed(text, next) {
        return Some(found);
    }
    wrong_value(text, next, c?, code)
}

/// White space other than ASCII's, or an invisible character, where ron stopped (after any
/// ASCII white space): ron reads neither between its marks, and said "expected a name" at a
/// full-width space or echoed a zero-width one unseen (found from outside). Named by its code
/// point, as the full-width `，` is.
fn stray_space(text: &str, at: usize) -> Option<(usize, String)> {
    let at = floor(text, at);
    let next = text[at..].find(|c: char| !c.is_ascii_whitespace()).map_or(text.len(), |k| at + k);
    let c = text[next..].chars().next().filter(|&c| !c.is_ascii() && is_unseen(c))?;
    let name = match c {
        '\u{3000}' => "full-width space",
        '\u{A0}' | '\u{202F}' => "no-break space",
        '\u{200B}' => "zero-width space",
        '\u{FEFF}' => "byte order mark",
        '\u{2060}' => "word joiner",
        '\u{AD}' => "soft hyphen",
        _ if c.is_whitespace() => "white space",
        _ => "invisible character",
    };
    let message = format!(
        "{name} U+{:04X} in the file's syntax, outside any string; replace it with an ASCII space, or delete it",
        u32::from(c)
    );
    Some((next, message))
}

/// `missing field "gutter" in Grid: write gutter: N (0 to 10 em)`.
fn missing_field(field: &str, outer: Option<&str>) -> String {
    let inside = outer.map(|o| format!(" in {o}")).unwrap_or_default();
    match field_example(field, outer) {
        Some(write) => format!("missing field \"{field}\"{inside}: write {write}"),
        None => format!("missing field \"{field}\"{inside}, it is required"),
    }
}

/// How a required field is written, for one found missing.
fn field_example(field: &str, outer: Option<&str>) -> Option<String> {
    if field == "depth" && outer == Some("Grid") {
        return Some(format!("depth: N (1 to {MAX_DEPTH} lines)"));
    }
    if let Some(range) = field_range(field) {
        return Some(format!("{field}: N ({range})"));
    }
    Some(match field {
        "grid" => "grid: Grid(columns: 8, column_width: 13, gutter: 1, depth: 100)".to_string(),
        "date" => "date: \"YYYY-MM-DD\"".to_string(),
        "issue" => "issue: \"the issue file's name\"".to_string(),
        "body" | "pages" | "items" | "placements" => format!("{field}: [ … ]"),
        "id" | "item" | "headline" | "caption" | "title" | "paper" => format!("{field}: \"…\""),
        _ => return None,
    })
}

/// `Some(…)` around the value of a field that has a default, not `None` (`justify: Some(false)`,
/// `kinsoku: Some(Basic)`): ron stops at `Some` itself (found from outside: the message quoted
/// `Some(false` without its bracket, or called `Some` an unknown kinsoku).
fn needless_some(text: &str, next: usize) -> Option<(usize, String)> {
    let rest = text[next..].strip_prefix("Some")?.trim_start().strip_prefix('(')?;
    let field = field_before(text, next)?;
    let mut depth = 1;
    let end = rest.char_indices().find_map(|(k, ch)| {
        depth += match ch {
            '(' => 1,
            ')' => -1,
            _ => 0,
        };
        (depth == 0).then_some(k)
    })?;
    let inner = shown(innermost(rest[..end].trim()));
    // `page: Some(Some(1))`: the field may be None, and one Some is enough (found from outside:
    // told it had a default).
    if text[..next].trim_end().strip_suffix('(').is_some_and(|before| before.trim_end().ends_with("Some")) {
        return Some((
            next,
            format!("{field} is written Some(Some(…)); one Some is enough: write {field}: Some({inner})"),
        ));
    }
    let scan = scan(text, next);
    let within = scan.open_structs.last().filter(|_| scan.innermost_is_struct).map(|(name, _)| name.as_str());
    let what = match has_default(field, within) {
        Some(true) => "it has a default, not None",
        Some(false) => "it is required, never None",
        None => "it is never None",
    };
    Some((next, format!("{field} takes no Some(…): {what}; write {field}: {inner}")))
}

/// Whether a field that is never `None` has a default (`justify`) or must be written
/// (`headline`): found from outside, a headline was said to have a default. A name two structs
/// share and treat apart is told by the struct it stands in, when the file names it.
fn has_default(field: &str, within: Option<&str>) -> Option<bool> {
    match (field, within) {
        ("span", Some("Photo")) | ("depth", Some("Placement")) | ("item", Some("Conflict")) => Some(true),
        ("span" | "depth" | "item", Some(_)) => Some(false),
        ("span" | "depth" | "item", None) => None,
        (
            "language" | "kinsoku" | "indent" | "hanging" | "headline_size" | "punctuation" | "orphans" | "justify"
            | "rules" | "part" | "cut" | "continued" | "placements" | "conflicts",
            _,
        ) => Some(true),
        _ => Some(false),
    }
}

/// The value inside any further `Some(…)`s: `Some(Some("x"))` is `"x"`.
fn innermost(mut inner: &str) -> &str {
    while let Some(within) = inner.strip_prefix("Some").map(str::trim_start).and_then(|r| r.strip_prefix('(')) {
        match within.strip_suffix(')') {
            Some(within) => inner = within.trim(),
            None => break,
        }
    }
    inner
}

/// A value quoted in a message, cut to 60 characters (found from outside: 100,000 nested
/// `Some(` made a 600 KB message).
fn shown(value: &str) -> Cow<'_, str> {
    match value.char_indices().nth(60) {
        Some((cut, _)) => Cow::Owned(format!("{}…", &value[..cut])),
        None => Cow::Borrowed(value),
    }
}

/// `depth: Fixed` with no number after it (found from outside: ron's word was "expected `(`").
fn bare_fixed(text: &str, next: usize) -> Option<(usize, String)> {
    let before = text[..next].trim_end().strip_suffix("Fixed")?;
    (field_before(text, before.len()) == Some("depth")).then(|| {
        let at = before.len();
        (at, "depth is Fixed with no number; write depth: Fixed(N) for a fixed depth of N lines, or depth: Auto".into())
    })
}

/// The name of the field whose value starts at byte `next` (`name: value`), if it is one; a
/// comment between them aside (found from outside: `height: /* c */ twelve` lost its field).
fn field_before(text: &str, next: usize) -> Option<&str> {
    let before = without_comments_at_end(&text[..next]);
    // `priority: Some(1.5)`: an optional value's field stands before its `Some(`.
    let before = before.strip_suffix("Some(").map_or(before, str::trim_end);
    let before = before.strip_suffix(':')?.trim_end();
    Some(trailing_name(before)).filter(|name| !name.is_empty())
}

/// `text` with the white space and comments it ends with left out: `height: /* c */` and
/// `height: // c` (a `//` with no quote after it on its line) are `height:`.
fn without_comments_at_end(text: &str) -> &str {
    let mut before = text.trim_end();
    loop {
        if let Some(open) = before.strip_suffix("*/").and_then(|b| b.rfind("/*")) {
            before = before[..open].trim_end();
            continue;
        }
        let line = before.rfind('\n').map_or(0, |k| k + 1);
        match before[line..].find("//").map(|k| line + k) {
            Some(comment) if !before[comment..].contains('"') => before = before[..comment].trim_end(),
            _ => return before,
        }
    }
}

/// The name (letters, digits, `_`) that `text` ends with; empty if none. Counted back from
/// the end, for the character before it may be wide (`区[`: found by the fuzz harness).
fn trailing_name(text: &str) -> &str {
    let name = text.chars().rev().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').count();
    &text[text.len() - name..]
}

/// What a number field holds, for a value ron cannot take there.
fn field_range(field: &str) -> Option<String> {
    use super::validate::{MAX_COLUMN_WIDTH, MAX_COLUMNS, MAX_DEPTH, MAX_GUTTER, MAX_HEADLINE_SIZE};
    Some(match field {
        "columns" | "column" | "span" => format!("1 to {MAX_COLUMNS} columns"),
        "column_width" => format!("1 to {MAX_COLUMN_WIDTH} em"),
        "gutter" => format!("0 to {MAX_GUTTER} em"),
        "depth" | "height" => format!("1 to {MAX_DEPTH} lines"),
        "line" => format!("a line from 1, at most the page's depth plus {MAX_DEPTH}"),
        "cut" => format!("0 to {} sentences", u32::MAX),
        "priority" => format!("1 to {} (1 = the page's lead)", u32::MAX),
        "headline_size" | "head_size" => format!("1 to {MAX_HEADLINE_SIZE} em a character"),
        "indent" => "0 to one less than the column_width, in em".to_string(),
        "part" => format!("1 to {}", super::settings::MAX_PARTS),
        "number" | "page" => format!("a page number, 1 to {}", u32::MAX),
        _ => return None,
    })
}

/// A number out of range, or a depth written as a bare number, named by its field.
fn field_value(text: &str, next: usize, code: &Error) -> Option<(usize, String)> {
    // ron stops after a minus sign, at a decimal point, or inside a hex or binary number
    // (`0xFF…`, `0b2`): the value starts before them.
    let number_start = text[..next].trim_end_matches(|c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_').len();
    let next = if text[number_start..].starts_with(|c: char| c.is_ascii_digit() || c == '-') {
        number_start
    } else {
        text[..next].trim_end_matches(|c: char| c.is_ascii_digit() || c == '-').len()
    };
    let in_fixed = text[..next].trim_end().ends_with("Fixed(");
    let field = if in_fixed { "depth" } else { field_before(text, next)? };
    let word = value_at(text, next);
    // A count below 0: what to write, not the file format's limits (found from outside: `cut: -1`
    // was told "0 to 4294967295").
    if matches!(code, Error::IntegerOutOfBounds) && field == "cut" && word.starts_with('-') {
        return Some((next, format!("cut is {word}, below 0; write the number of sentences to cut, 0 or more")));
    }
    if matches!(code, Error::IntegerOutOfBounds) {
        let expected = field_range(field).unwrap_or_else(|| "a whole number, 0 or more".to_string());
        return Some((next, format!("{field} is {word}, out of range; expected {expected}")));
    }
    let number = word.starts_with(|c: char| c.is_ascii_digit() || c == '-');
    // A placement's depth is `Auto` or `Fixed(n)`; the grid's is a number, which ron takes.
    if field == "depth"
        && number
        && !in_fixed
        && !in_grid(text, next)
        && !matches!(code, Error::InvalidIntegerDigit { .. } | Error::ExpectedComma)
    {
        // `3.5`: Fixed takes whole lines, rounded up so the box still holds what was asked for
        // (found from outside: `Fixed(3.5)` was advised, then refused).
        if let Some(up) = word.parse::<f64>().ok().filter(|n| n.fract() != 0.0 && *n > 0.0).map(f64::ceil) {
            let msg = format!(
                "depth is {word}, not whole lines; write depth: Fixed({up}) ({word} rounded up), or depth: Auto"
            );
            return Some((next, msg));
        }
        let msg =
            format!("depth is {word}; write depth: Fixed({word}) for a fixed depth of {word} lines, or depth: Auto");
        return Some((next, msg));
    }
    let range = field_range(field)?;
    // A word where a number goes (`columns: four`; found from outside: ron's word was "invalid
    // digit"), or a number that is not whole; a quoted number is said below, as a string.
    let wrong = if number {
        word.parse::<i64>().is_err()
    } else {
        matches!(code, Error::InvalidIntegerDigit { .. } | Error::ExpectedInteger | Error::UnderscoreAtBeginning)
            && !word.starts_with('"')
    };
    wrong.then(|| (next, format!("{field} is {word}, expected a whole number: {range}")))
}

/// Whether byte `next` is inside a page's `Grid(…)` (an issue file), whose `depth` is a number
/// of lines, where a placement's is `Auto` or `Fixed(N)`.
fn in_grid(text: &str, next: usize) -> bool {
    let Some(open) = text[..next].rfind("Grid(") else { return false };
    let inside = &text[open + "Grid(".len()..next];
    inside.matches('(').count() >= inside.matches(')').count()
}

/// A grid's `depth` written as a placement's (`Auto`, `Fixed(60)`, `"60"`): found from outside,
/// the hint said to write a placement's, which was then refused.
fn grid_depth(text: &str, next: usize) -> Option<(usize, String)> {
    let number = text[next..].starts_with(|c: char| c.is_ascii_digit() || c == '-');
    if number || field_before(text, next) != Some("depth") || !in_grid(text, next) {
        return None;
    }
    let word = balanced_value(&text[next..]);
    // `Fixed(60` (the file cut there), `"60"`: the number in it.
    let word = if word.starts_with("Fixed(") && !word.ends_with(')') { format!("{word})") } else { word.to_string() };
    let n: String = word.chars().filter(char::is_ascii_digit).take(9).collect();
    let word = shown(&word);
    let n = if n.is_empty() { "N".to_string() } else { n };
    let msg = format!("depth is {word}; a page's grid has a depth of whole lines, 1 to {MAX_DEPTH}: write depth: {n}");
    Some((next, msg))
}

/// The value at the start of `rest`: up to a comma, line end or closing bracket outside any
/// bracket it opens (found from outside: `depth: Fixed(10)))])` was quoted with the brackets
/// that closed the grid, page and list).
fn balanced_value(rest: &str) -> &str {
    let mut depth = 0usize;
    let end = rest.char_indices().find_map(|(k, c)| {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' if depth == 0 => return Some(k),
            ')' | ']' => depth -= 1,
            ',' | '\n' if depth == 0 => return Some(k),
            _ => {}
        }
        None
    });
    rest[..end.unwrap_or(rest.len())].trim_end()
}

/// The value written from byte `next`, up to the comma, bracket or line end after it; a string
/// whole, to its closing quote (found from outside: `body: "…出行,…"` was shown cut at its
/// comma, and the fix suggested left the string open). A long string is shown shortened, its
/// quotes kept.
fn value_at(text: &str, next: usize) -> Cow<'_, str> {
    let rest = &text[next..];
    if rest.starts_with('"') {
        let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
        let (mut escaped, mut close) = (false, None);
        for (k, c) in line.char_indices().skip(1) {
            match c {
                '\\' if !escaped => escaped = true,
                '"' if !escaped => {
                    close = Some(k + 1);
                    break;
                }
                _ => escaped = false,
            }
        }
        let string = line[..close.unwrap_or(line.len())].trim_end();
        return match string.char_indices().nth(SHOWN) {
            Some((cut, _)) => Cow::Owned(format!("{}…\"", &string[..cut])),
            None => Cow::Borrowed(string),
        };
    }
    let end = rest.find([',', ')', ']', '\n']).map_or(rest.len(), |k| k);
    shown(rest[..end].trim_end())
}

/// How many characters of a long string a message shows.
const SHOWN: usize = 24;

/// The first byte at or after `at` that is not white space.
fn skip_space(text: &str, at: usize) -> usize {
    let at = floor(text, at);
    text[at..].find(|c: char| !c.is_whitespace()).map_or(text.len(), |k| at + k)
}

fn floor(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// A full-width or curly character typed where RON wants its ASCII twin (`、` too, which a
/// Chinese input method types for a comma: found from outside, it was told as a `"` inside
/// the text, or echoed with the next field as part of a number).
fn look_alike(c: char, code: &Error) -> Option<String> {
    let ascii = match c {
        '，' | '、' => "the comma `,`",
        '：' => "the colon `:`",
        '（' => "the bracket `(`",
        '）' => "the bracket `)`",
        '［' | '【' => "the bracket `[`",
        '］' | '】' => "the bracket `]`",
        '；' => "a comma `,`",
        '＂' | '“' | '”' | '‘' | '’' | '「' | '」' => {
            let what =
                if matches!(code, Error::ExpectedString) { "where a string starts" } else { "used as RON syntax" };
            return Some(format!(
                "{} {what}; put the text in ASCII double quotes \"…\" (“ ” may stand inside them)",
                named(c)
            ));
        }
        _ => return None,
    };
    Some(format!("{} used as RON syntax; write {ascii} (ASCII) instead", named(c)))
}

/// `full-width comma '，' (U+FF0C)`.
fn named(c: char) -> String {
    let name = match c {
        '，' => "full-width comma",
        '、' => "ideographic comma",
        '：' => "full-width colon",
        '（' | '）' | '［' | '］' => "full-width bracket",
        '【' | '】' => "CJK bracket",
        '；' => "full-width semicolon",
        '＂' => "full-width quotation mark",
        '“' | '”' | '‘' | '’' => "curly quotation mark",
        '「' | '」' => "corner bracket",
        _ => "character",
    };
    format!("{name} '{c}' ({})", describe(c))
}

/// ron stopped just after a string literal. Either a `"` inside Chinese text closed it
/// early, or its own closing `"` is missing and it ran on to the next string's opening one.
fn after_string(text: &str, next: usize, c: Option<char>, code: &Error) -> Option<(usize, String)> {
    if !matches!(
        code,
        Error::ExpectedComma
            | Error::ExpectedStructLikeEnd
            | Error::ExpectedOptionEnd
            | Error::ExpectedArrayEnd
            | Error::Eof
    ) {
        return None;
    }
    let scan = scan(text, next);
    let (open, close) = scan.last_string?;
    if !text[close + 1..next].trim().is_empty() {
        return None;
    }
    let inside = &text[open + 1..close];
    if inside.contains('\n') || reads_like_fields(inside) {
        let (line, _) = line_col(text, open);
        let message = format!(
            "string not closed: the `\"` that should end it is missing, so it ran on{} to the next `\"`; \
             add the closing `\"` after the text",
            if inside.contains('\n') { format!(" past line {line}") } else { String::new() }
        );
        return Some((open, message));
    }
    // `headline: "雪"` then `body: […]` on the next line: a comma left out, not a quote inside
    // the text (found from outside: it was said to be a `"` inside the text).
    if let Some(field) = field_name_at(text, next).filter(|_| next > close + 1) {
        // Inside a list, a field after the last string: the list's `]` is missing.
        if matches!(scan.innermost, Some((b'[', _))) {
            return None;
        }
        return Some((close + 1, format!("expected a comma `,` after the string, before `{field}`")));
    }
    let c = c?;
    if c.is_alphanumeric() || !c.is_ascii() {
        let marks = if says_language(text.as_bytes(), "ja") {
            "Japanese quotation marks 「 」"
        } else {
            "Chinese quotation marks “ ”"
        };
        let message = format!("a `\"` inside the text ends the string here; write it as `\\\"`, or use the {marks}");
        return Some((close, message));
    }
    None
}

/// The field name written at byte `at` (`body:`), if one is.
fn field_name_at(text: &str, at: usize) -> Option<&str> {
    let rest = &text[at..];
    let len = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(rest.len());
    let name = &rest[..len];
    let starts_well = name.starts_with(|c: char| c.is_ascii_lowercase() || c == '_');
    (starts_well && rest[len..].trim_start().starts_with(':')).then_some(name)
}

/// `公告, body: [` — text that holds what looks like the next field.
fn reads_like_fields(inside: &str) -> bool {
    inside.split([',', '(', '[']).skip(1).any(|part| {
        let part = part.trim_start();
        let name: String = part.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
        !name.is_empty() && part[name.len()..].trim_start().starts_with(':')
    })
}

/// A list whose `]` is missing in the middle of the file: ron reads on to the `)` of the
/// struct holding it, or to the field after it, and called that a string, a comma or a
/// Placement missing (found from outside: `body: ["…",` then `signer: "…"` was "write it in
/// quotes"). The place to point at is where the `]` should have been.
fn unclosed_list(text: &str, next: usize) -> Option<(usize, String)> {
    let scan = scan(text, next);
    let Some((b'[', open)) = scan.innermost else { return None };
    let then = if text[next..].starts_with(')') {
        "before the `)`".to_string()
    } else {
        format!("and a comma after it, before `{}`", field_name_at(text, next)?)
    };
    let (line, col) = line_col(text, open);
    let list = field_before(text, open).map(|field| format!(" of {field}")).unwrap_or_default();
    let message = format!("the list `[`{list} at line {line}, column {col} is not closed; expected `]` here, {then}");
    Some((scan.last_end, message))
}

/// Whether byte `at` stands in a string of a `body: [` list.
pub(super) fn in_body_list(text: &str, at: usize) -> bool {
    matches!(scan(text, at).innermost, Some((b'[', open)) if field_before(text, open) == Some("body"))
}

/// Names of the structs a file holds, which ron reads as field names when a `)` is missing.
const STRUCTS: [&str; 8] = ["Article", "Photo", "Notice", "Page", "Grid", "PageLayout", "Placement", "Some"];

/// A `Name(` never closed: ron reads on and stops at the next item, calling it an unknown
/// field. The place to point at is where the `)` should have been.
fn unclosed_struct(text: &str, next: usize, code: &Error) -> Option<(usize, String)> {
    let mut scan = scan(text, next);
    // ron may call a file that ends inside a list "expected a Placement(...)" rather than the
    // end of the file (found from outside: a layout cut after `Auto),` named no bracket).
    // (ron points at the last `,` then.)
    let rest = text[next..].trim_start_matches(|c: char| c == ',' || c.is_whitespace());
    let ends_here = rest.is_empty() && !matches!(code, Error::ExpectedStringEnd);
    if matches!(code, Error::Eof) || ends_here {
        return unclosed_at_end(text, &scan);
    }
    // `body: [...],` then `,` where the `)` belongs: the next item follows the comma.
    if matches!(code, Error::ExpectedIdentifier)
        && scan.innermost_is_struct
        && text[next..].starts_with(',')
        && starts_struct(&text[next + 1..])
    {
        let (name, open) = scan.open_structs.pop()?;
        let (line, col) = line_col(text, open);
        return Some((
            next,
            format!("{name}( at line {line}, column {col} is not closed; expected `)` before this `,`"),
        ));
    }
    // `(id: "a", …)` straight in a list of items, pages or placements: its name is missing,
    // not a bracket (found from outside: it was called `Issue(` not closed).
    if matches!(code, Error::ExpectedIdentifier)
        && text[next..].starts_with('(')
        && let Some((b'[', list)) = scan.innermost
        && let Some(names) = list_names(text, list)
    {
        return Some((next, format!("this entry has no name before its `(`; write {names}")));
    }
    let missing = match code {
        Error::NoSuchStructField { found, .. } => STRUCTS.contains(&found.as_str()),
        Error::ExpectedIdentifier | Error::ExpectedMapColon => text[next..].starts_with([']', '(']),
        // A `]` closing the list while the struct inside it is still open.
        Error::ExpectedComma => text[next..].starts_with(']') && scan.innermost_is_struct,
        _ => false,
    };
    // The next item of the list straight after a field, no comma between: the struct before
    // it was never closed (found from outside: "expected a comma", where a `)` was missing).
    let next_struct = matches!(code, Error::ExpectedComma) && scan.innermost_is_struct && starts_struct(&text[next..]);
    if !missing && !next_struct {
        return None;
    }
    let end = scan.last_end;
    let (name, open) = scan.open_structs.pop()?;
    let (line, col) = line_col(text, open);
    let then = if next_struct { ", then a comma" } else { "" };
    Some((end, format!("{name}( at line {line}, column {col} is not closed; expected `)` here{then}")))
}

/// The names an entry of the list opening at byte `list` takes: `Article(`, `Photo(` or
/// `Notice(` for `items: [`.
fn list_names(text: &str, list: usize) -> Option<&'static str> {
    match field_before(text, list)? {
        "items" => Some("Article(, Photo( or Notice( before it"),
        "pages" => Some("Page( (a layout: PageLayout() before it"),
        "placements" => Some("Placement( before it"),
        _ => None,
    }
}

/// Whether `rest` starts, after white space, with one of the file's structs: `Photo(`.
fn starts_struct(rest: &str) -> bool {
    let rest = rest.trim_start();
    STRUCTS.iter().any(|name| rest.strip_prefix(name).is_some_and(|after| after.trim_start().starts_with('(')))
}

/// A comma with no value before it: the second of `,,`, or one straight after the `[` or `(`
/// that opens a list or a struct, comments and line ends between them as may be (found from
/// outside: `body: ["一", ,"二"]` was "found unquoted text \"\"", and `span: 2,,` ron's
/// "expected a name", neither saying what to write). ron stops at that comma.
fn stray_comma(text: &str, next: usize) -> Option<(usize, String)> {
    if !text[next..].starts_with(',') {
        return None;
    }
    let message = match scan(text, next).last_mark? {
        (b',', _) => "two commas in a row: remove one".to_string(),
        (b'[', _) => "a comma with nothing before it in the list: remove it".to_string(),
        (b'(', open) => match trailing_name(text[..open].trim_end()) {
            "" => "a comma with nothing before it in the bracket: remove it".to_string(),
            name => format!("a comma with nothing before it in {name}(: remove it"),
        },
        _ => return None,
    };
    Some((next, message))
}

/// The file ends with a bracket still open (found from outside: "the file looks cut short"
/// named neither it nor what to add): the innermost one, and what closes it.
fn unclosed_at_end(text: &str, scan: &Scan) -> Option<(usize, String)> {
    let &(bracket, at) = scan.innermost.as_ref()?;
    let (what, open, close) = match (bracket, scan.open_structs.last()) {
        (b'(', Some((name, start))) if scan.innermost_is_struct => (format!("{name}("), *start, ')'),
        (b'(', _) => ("the bracket `(`".to_string(), at, ')'),
        (b'[', _) => ("the list `[`".to_string(), at, ']'),
        _ => ("the bracket `{`".to_string(), at, '}'),
    };
    let (line, col) = line_col(text, open);
    let end = text.trim_end().len();
    let message = format!(
        "unexpected end of file: {what} at line {line}, column {col} is not closed; expected `{close}` (or the file is cut short)"
    );
    Some((end, message))
}

/// A value of the wrong kind: say what was found and how to write it.
fn wrong_value(text: &str, next: usize, c: char, code: &Error) -> Option<(usize, String)> {
    let word = value_at(text, next);
    // A placement's depth written as a string (`"auto"`, `"20"`): it is a name or `Fixed(N)`.
    if c == '"' && field_before(text, next) == Some("depth") {
        return Some((
            next,
            format!("depth is {word}; write depth: Auto, or depth: Fixed(N) for a fixed depth of N lines"),
        ));
    }
    // A name written as a string (`punctuation: "LineEnd"`): found from outside, ron said only
    // "expected a name".
    if c == '"'
        && matches!(code, Error::ExpectedIdentifier)
        && let Some(field) = field_before(text, next)
    {
        let bare = word.trim_matches('"');
        let names = match field {
            "punctuation" => " (Full, LineEnd or Kaiming)",
            "kinsoku" => " (Strict, Basic or None)",
            "orphans" => " (Avoid or Allow)",
            _ => "",
        };
        return Some((
            next,
            format!("{field} is {word}, a name written as a string; write {field}: {bare} without quotes{names}"),
        ));
    }
    // A list opened with a brace or a round bracket (found from outside: `items: {` was told
    // to write `items: [{]`).
    if matches!(code, Error::ExpectedArray)
        && matches!(c, '{' | '(')
        && let Some(field) = field_before(text, next)
    {
        return Some((
            next,
            format!("{field} opens with `{c}`, but a list opens with `[`: write {field}: [ … ] and close it with `]`"),
        ));
    }
    // A list written as one value (`body: "…"`): show the brackets (found from outside: ron's
    // word alone, "expected a list", did not say how).
    if matches!(code, Error::ExpectedArray)
        && let Some(field) = field_before(text, next)
    {
        return Some((
            next,
            format!("{field} is {word}, expected a list; write it in square brackets: {field}: [{word}]"),
        ));
    }
    // `continued: yes`, `rules: 1`: ron said only "expected true or false", not of what.
    if matches!(code, Error::ExpectedBoolean)
        && let Some(field) = field_before(text, next)
    {
        return Some((next, format!("{field} is {word}, expected true or false (or leave {field} out)")));
    }
    match code {
        Error::ExpectedString if c.is_ascii_digit() || c == '-' => Some((
            next,
            format!("expected a string in double quotes, found the number {word}; write it in quotes: \"{word}\""),
        )),
        // Found from outside: ron pointed at the space before the bracket and said no more.
        Error::ExpectedString if c == '[' => {
            let field = field_before(text, next).map(|f| format!("{f} is a list; ")).unwrap_or_default();
            Some((next, format!("{field}expected one string in double quotes, not a list in [ ]; write \"…\"")))
        }
        Error::ExpectedString if "({".contains(c) => Some((
            next,
            format!("expected a string in double quotes, found the bracket `{c}`; write the text in quotes: \"…\""),
        )),
        Error::ExpectedString if c != '"' => Some((
            next,
            format!("expected a string in double quotes, found unquoted text {}; write it in quotes", quoted(&word)),
        )),
        Error::ExpectedInteger if c == '"' => {
            let inside = word.trim_matches('"');
            Some((
                next,
                format!(
                    "expected a whole number, found the string {}; write the number without quotes",
                    quoted(inside)
                ),
            ))
        }
        Error::ExpectedInteger | Error::ExpectedBoolean | Error::ExpectedArray | Error::ExpectedStructLike => {
            Some((next, super::parse::plain_message(code)))
        }
        _ => None,
    }
}

#[derive(Default)]
struct Scan {
    /// The last string literal before the stop: its opening and closing quote's bytes.
    last_string: Option<(usize, usize)>,
    /// `Name(` brackets still open at the stop: the name and where it starts.
    open_structs: Vec<(String, usize)>,
    /// Whether the innermost bracket open at the stop is a `Name(`.
    innermost_is_struct: bool,
    /// The innermost bracket open at the stop, `(`, `[` or `{`, and where it is.
    innermost: Option<(u8, usize)>,
    /// The last byte before the stop that is neither white space nor in a comment (a string
    /// is its opening `"`), and where it is.
    last_mark: Option<(u8, usize)>,
    /// The byte after the last token before the stop, comments and white space left out: where
    /// a missing `)` goes (found from outside: a `)` placed after a `// comment` is commented out).
    last_end: usize,
}

/// A struct's name and the byte where it starts (`Article` of `Article(`).
type Named = (String, usize);

/// Reads `text` up to `stop` as ron does: strings with their escapes, comments, brackets;
/// each bracket still open is kept with its byte, where it is and, for `Name(`, its `Named`.
fn scan(text: &str, stop: usize) -> Scan {
    let bytes = text.as_bytes();
    let mut out = Scan::default();
    let mut brackets: Vec<(u8, usize, Option<Named>)> = Vec::new();
    let mut i = 0;
    while i < stop.min(bytes.len()) {
        let (at, b) = (i, bytes[i]);
        let comment = b == b'/' && matches!(bytes.get(i + 1), Some(b'/' | b'*'));
        if !comment && !b.is_ascii_whitespace() {
            out.last_mark = Some((b, at));
        }
        match b {
            b'"' => {
                let open = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if i < bytes.len() && i < stop {
                    out.last_string = Some((open, i));
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = text[i..].find('\n').map_or(bytes.len(), |k| i + k);
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = text[i + 2..].find("*/").map_or(bytes.len(), |k| i + 2 + k + 1);
            }
            b'(' => {
                let before = text[..i].trim_end();
                let name = trailing_name(before);
                let start = before.len() - name.len();
                brackets.push((b'(', i, (!name.is_empty()).then(|| (name.to_string(), start))));
            }
            b'[' | b'{' => brackets.push((bytes[i], i, None)),
            b')' | b']' | b'}' => {
                brackets.pop();
            }
            _ => {}
        }
        if !comment && !b.is_ascii_whitespace() {
            out.last_end = (i + 1).min(stop).min(bytes.len());
        }
        i += 1;
    }
    out.innermost_is_struct = matches!(brackets.last(), Some((_, _, Some(_))));
    out.innermost = brackets.last().map(|&(bracket, at, _)| (bracket, at));
    out.open_structs = brackets.into_iter().filter_map(|(_, _, name)| name).collect();
    out
}

/// What to write instead of the `\u` escape followed by `rest` that is not one: `\u00E9`, as
/// JSON and C write it, is `\u{E9}` here; a `\u{…}` that names no character is quoted as
/// written, and no further.
fn bad_unicode_escape(rest: &str) -> String {
    let hex: String = rest.chars().take(4).collect();
    let json = hex.len() == 4 && hex.chars().all(|c| c.is_ascii_hexdigit());
    if let Some(c) = u32::from_str_radix(&hex, 16).ok().filter(|_| json).and_then(char::from_u32) {
        return format!(
            "\\u{hex} is written \\u{{{:X}}} here, the hex code point in braces (or write the character itself)",
            u32::from(c)
        );
    }
    if !rest.starts_with('{') && !rest.starts_with(|c: char| c.is_ascii_hexdigit()) {
        return "\\u is followed by the hex code point in braces, as \\u{4E00}; or write the character itself"
            .to_string();
    }
    let written = match rest.strip_prefix('{') {
        Some(inner) => return braced_escape(inner),
        None => rest.chars().take_while(char::is_ascii_hexdigit).take(8).collect::<String>(),
    };
    not_a_character(&written)
}

/// What to write instead of `\u{` followed by `inner`, which is no escape: one whose `}` is
/// missing (found from outside: `\u{4e00"` was quoted with a `}` it lacks and called no
/// character), one of more than the 6 hex digits ron reads (found from outside: ron's words
/// alone), or one that names no character.
fn braced_escape(inner: &str) -> String {
    let digits: String = inner.chars().take_while(char::is_ascii_hexdigit).collect();
    // Leading zeros aside, so that `\u{00000000041}` is read as the `A` it means.
    let significant = digits.trim_start_matches('0');
    let code = if significant.is_empty() { Some(0) } else { u32::from_str_radix(significant, 16).ok() };
    let meant = code.and_then(char::from_u32).filter(|_| !digits.is_empty()).map(u32::from);
    let closed = inner[digits.len()..].starts_with('}');
    match meant {
        Some(code) if !closed && digits.len() <= 6 => {
            format!("\\u{{{digits} is not closed; write \\u{{{code:X}}}, its hex code point then `}}`")
        }
        Some(code) if closed && digits.len() > 6 => format!(
            "\\u{{{}}} has {} hex digits, more than the 6 a code point takes; write \\u{{{code:X}}}",
            shown(&digits),
            digits.len()
        ),
        _ => {
            let written: String = inner.chars().take_while(|&c| c != '}' && c != '"' && !c.is_whitespace()).collect();
            let close = if inner[written.len()..].starts_with('}') { "}" } else { "" };
            not_a_character(&format!("{{{}{close}", shown(&written)))
        }
    }
}

/// `\u{110000} is not a character; …`.
fn not_a_character(written: &str) -> String {
    format!(
        "\\u{written} is not a character; write the character itself, or \\u{{4E00}} with the hex code point of one"
    )
}

/// The first escape that ron cannot read in the string around byte `at` (ron points at the
/// string's first character, or at the end of a bad `\u{…}`): where its backslash is, and
/// what to write.
fn bad_escape(text: &str, at: usize) -> Option<(usize, String)> {
    let line_start = text[..at].rfind('\n').map_or(0, |k| k + 1);
    let bytes = text.as_bytes();
    let quote = (line_start..at).rev().find(|&k| bytes[k] == b'"' && (k == 0 || bytes[k - 1] != b'\\'))?;
    let mut chars = text[quote + 1..].char_indices().map(|(k, c)| (quote + 1 + k, c));
    while let Some((k, c)) = chars.next() {
        match c {
            '"' => return None,
            '\\' => {}
            _ => continue,
        }
        let (_, e) = chars.next()?;
        let fine = match e {
            // ron takes no `\b`, `\f` or `\/` (JSON's): found from outside, they were its
            // bare "Unknown escape character".
            '\\' | '"' | '\'' | 'n' | 'r' | 't' | '0' => true,
            'u' => {
                let rest = &text[k + 2..];
                // ron reads 1 to 6 hex digits, then the `}`.
                let hex = rest.strip_prefix('{').and_then(|r| r.split_once('}')).map(|(h, _)| h);
                let hex = hex.filter(|h| (1..=6).contains(&h.len()) && h.chars().all(|c| c.is_ascii_hexdigit()));
                let good = hex.and_then(|h| u32::from_str_radix(h, 16).ok()).and_then(char::from_u32);
                if good.is_none() {
                    return Some((k, bad_unicode_escape(rest)));
                }
                true
            }
            _ => false,
        };
        if !fine {
            return Some((
                k,
                format!(
                    "\\{e} is not an escape; write \\\\ for a backslash (the escapes are \\n \\t \\\" \\\\ and \\u{{4E00}})"
                ),
            ));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_inside_a_string_give_it_away() {
        assert!(reads_like_fields("公告, body: ["));
        assert!(!reads_like_fields("他说，你好: 再见"));
        assert!(!reads_like_fields("守护"));
    }

    #[test]
    fn scan_keeps_strings_and_open_structs() {
        let text = r#"Issue(items: [Article(id: "a(", body: ["x"], "#;
        let s = scan(text, text.len());
        let names: Vec<_> = s.open_structs.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["Issue", "Article"]);
        let (open, close) = s.last_string.unwrap();
        assert_eq!(&text[open..=close], "\"x\"");
        assert_eq!(s.last_mark, Some((b',', text.len() - 2)));
        let text = "[\"a,\" /* , */ // ,\n";
        assert_eq!(scan(text, text.len()).last_mark, Some((b'"', 1)));
    }
}
