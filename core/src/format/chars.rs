//! Which characters may stand in text, and how to name the ones that may not.
//!
//! Control characters and bidi overrides in a story would reach the editor's terminal
//! (an ESC starts an escape sequence) or silently reorder a printed line, so they are
//! refused at load, by name and code point.

/// Characters refused in text: C0/C1 controls and DEL (`char::is_control`), the line and
/// paragraph separators U+2028/U+2029, and every bidi control: the marks (U+200E, U+200F,
/// U+061C), the embeddings and overrides (U+202A–E) and the isolates (U+2066–9). A mark is
/// invisible yet reorders what follows it on a printed line, so it is refused like the rest.
pub fn is_forbidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        )
}

/// Characters an id may not hold though text may: white space and the invisible format
/// characters (zero-width spaces and joiners, the byte order mark, the soft hyphen, variation
/// and tag characters). An id holding one looks like one without it, so a layout naming what
/// it sees would name no item.
pub fn is_unseen(c: char) -> bool {
    c.is_whitespace()
        || is_forbidden(c)
        || matches!(
            c,
            '\u{AD}'
                | '\u{34F}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{17B4}'
                | '\u{17B5}'
                | '\u{180B}'..='\u{180F}'
                | '\u{200B}'..='\u{200D}'
                | '\u{2060}'..='\u{206F}'
                | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{FFF0}'..='\u{FFF8}'
                | '\u{E0000}'..='\u{E0FFF}'
        )
}

/// Forbidden in source text: the same, except the whitespace that lays out a file.
pub fn is_forbidden_in_source(c: char) -> bool {
    is_forbidden(c) && !matches!(c, '\n' | '\r' | '\t')
}

/// `U+001B (ESC)`: the code point, and its short name where it has a well-known one.
pub fn describe(c: char) -> String {
    match name(c) {
        Some(name) => format!("U+{:04X} ({name})", c as u32),
        None => format!("U+{:04X}", c as u32),
    }
}

fn name(c: char) -> Option<&'static str> {
    const C0: [&str; 32] = [
        "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "TAB", "LF", "VT", "FF", "CR", "SO", "SI", "DLE",
        "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US",
    ];
    Some(match c {
        '\u{0}'..='\u{1f}' => C0[c as usize],
        '\u{7f}' => "DEL",
        '\u{80}'..='\u{9f}' => "C1 control",
        '\u{061C}' => "ARABIC LETTER MARK",
        '\u{200E}' => "LEFT-TO-RIGHT MARK",
        '\u{200F}' => "RIGHT-TO-LEFT MARK",
        '\u{2028}' => "LINE SEPARATOR",
        '\u{2029}' => "PARAGRAPH SEPARATOR",
        '\u{202A}' => "LEFT-TO-RIGHT EMBEDDING",
        '\u{202B}' => "RIGHT-TO-LEFT EMBEDDING",
        '\u{202C}' => "POP DIRECTIONAL FORMATTING",
        '\u{202D}' => "LEFT-TO-RIGHT OVERRIDE",
        '\u{202E}' => "RIGHT-TO-LEFT OVERRIDE",
        '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
        '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
        '\u{2068}' => "FIRST STRONG ISOLATE",
        '\u{2069}' => "POP DIRECTIONAL ISOLATE",
        _ => return None,
    })
}

/// The text with every forbidden character written as its escape, `\u{1b}` (a line break or tab
/// `\n`, `\r`, `\t`), safe to print
/// anywhere: the one form every message shows one in, as a file writes it (found from outside:
/// `"aU+001Bb"` read as an id holding the text `U+001B`).
pub fn printable(text: &str) -> String {
    if !text.chars().any(is_forbidden) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            _ if is_forbidden(c) => out.extend(c.escape_unicode()),
            _ => out.push(c),
        }
    }
    out
}

/// A path as a message shows it: [`printable`], and each byte that is not UTF-8 written as
/// `\xb5`, where the system's own conversion would print U+FFFD and lose which byte it was
/// (found from outside: a GBK file name from a Windows share read `��3��.ron`, the same for
/// every such name).
///
/// ```
/// use std::path::Path;
/// use pasteup_core::format::printable_path;
/// assert_eq!(printable_path(Path::new("版面/a\u{1b}.ron")), r"版面/a\u{1b}.ron");
/// # #[cfg(unix)] {
/// use std::os::unix::ffi::OsStrExt;
/// let gbk = Path::new(std::ffi::OsStr::from_bytes(b"\xb5\xda3\xb0\xe6.ron"));
/// assert_eq!(printable_path(gbk), r"\xb5\xda3\xb0\xe6.ron");
/// # }
/// ```
pub fn printable_path(path: &std::path::Path) -> String {
    let mut out = String::new();
    for chunk in path.as_os_str().as_encoded_bytes().utf8_chunks() {
        out.push_str(&printable(chunk.valid()));
        for byte in chunk.invalid() {
            out.push_str(&format!("\\x{byte:02x}"));
        }
    }
    out
}

/// A name or value from the file, quoted for a message: printable, and cut to 60
/// characters so a megabyte-long "field name" cannot flood the terminal.
pub fn quoted(text: &str) -> String {
    const MAX: usize = 60;
    let mut cut: String = text.chars().take(MAX).collect();
    if text.chars().nth(MAX).is_some() {
        cut.push('…');
    }
    format!("\"{}\"", printable(&cut))
}

/// What to write instead of a forbidden character in `field`: a line break starts a new
/// paragraph only in a body; a headline, caption or credit is one line (found from outside:
/// a headline was told to start a new string in body).
pub fn instead_in(c: char, field: &str) -> &'static str {
    match c {
        '\t' => "write a space, or U+3000 (the full-width space), instead",
        '\n' | '\r' | '\u{2028}' | '\u{2029}' if field != "body" => "write the text on one line instead",
        '\n' | '\r' | '\u{2028}' | '\u{2029}' => "start a new paragraph (a new string in body) instead",
        '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {
            "remove it: text is set left to right, and a bidi control would reorder the printed line"
        }
        _ => "remove it: text must be printable",
    }
}

/// The first forbidden character of the text, if any.
pub fn first_forbidden(text: &str) -> Option<char> {
    text.chars().find(|&c| is_forbidden(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_code_points() {
        assert_eq!(describe('\u{1b}'), "U+001B (ESC)");
        assert_eq!(describe('\u{202E}'), "U+202E (RIGHT-TO-LEFT OVERRIDE)");
        assert_eq!(describe('\u{85}'), "U+0085 (C1 control)");
    }

    #[test]
    fn what_is_forbidden() {
        assert!(is_forbidden('\u{1b}') && is_forbidden('\n') && is_forbidden('\u{2066}'));
        assert!(!is_forbidden('汉') && !is_forbidden('“') && !is_forbidden('\u{200B}'));
        for mark in ['\u{200E}', '\u{200F}', '\u{061C}'] {
            assert!(is_forbidden(mark), "{}", describe(mark));
        }
        assert_eq!(describe('\u{200F}'), "U+200F (RIGHT-TO-LEFT MARK)");
        assert!(!is_forbidden_in_source('\n') && !is_forbidden_in_source('\t'));
        assert!(is_forbidden_in_source('\u{7}'));
    }

    #[test]
    fn quoting_cuts_and_escapes() {
        assert_eq!(quoted("a\u{1b}b"), r#""a\u{1b}b""#);
        assert_eq!(printable("\u{0}\u{7}\u{202E}\n\t"), r"\u{0}\u{7}\u{202e}\n\t");
        let long = "字".repeat(100);
        assert_eq!(quoted(&long).chars().count(), 60 + 3);
    }
}
