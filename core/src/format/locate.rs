//! Finding where a value sits in RON source, so a check made on the parsed value
//! (a duplicate id, a zero-column grid) can point at the line and column it came from.
//!
//! This is a forgiving scanner, not a second parser: it only runs on text ron has already
//! accepted, splits it into tokens (skipping comments and whitespace, keeping strings whole)
//! and walks `Name(field: value, …)` and `[a, b, …]` by bracket depth. When it cannot
//! find something it says `None`, and the error is reported without a position.

/// 1-based line and column, in characters, of a byte offset of `text` (one-off use; a
/// [`Source`] answers many such questions faster).
pub fn line_col(text: &str, byte: usize) -> (usize, usize) {
    let mut byte = byte.min(text.len());
    while !text.is_char_boundary(byte) {
        byte -= 1;
    }
    let before = &text[..byte];
    let line = 1 + before.matches('\n').count();
    let col = 1 + before.rsplit('\n').next().unwrap_or("").chars().count();
    (line, col)
}

/// A value in the source: the token range `first..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Node {
    first: usize,
    end: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Word,
    Str,
    Open,
    Close,
    Comma,
    Colon,
}

#[derive(Debug, Clone, Copy)]
struct Token {
    kind: Kind,
    start: usize,
    end: usize,
}

/// Source text split into tokens, with its line starts for turning offsets into line:col.
pub struct Source<'a> {
    text: &'a str,
    tokens: Vec<Token>,
    line_starts: Vec<usize>,
    /// The elements of each list asked for, by the node holding it and the list's key: a file
    /// with thousands of problems would otherwise walk its lists (and, finding the key, the
    /// whole list's value) once a problem.
    lists: std::cell::RefCell<std::collections::HashMap<(usize, String), Vec<Node>>>,
}

impl<'a> Source<'a> {
    pub fn new(text: &'a str) -> Self {
        let line_starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        Source { text, tokens: tokenize(text), line_starts, lists: Default::default() }
    }

    /// 1-based line and column, in characters, of a byte offset.
    pub fn line_col(&self, byte: usize) -> (usize, usize) {
        let mut byte = byte.min(self.text.len());
        while !self.text.is_char_boundary(byte) {
            byte -= 1;
        }
        let line = self.line_starts.partition_point(|&s| s <= byte).max(1);
        let start = self.line_starts[line - 1];
        let col = 1 + self.text.get(start..byte).map_or(0, |s| s.chars().count());
        (line, col)
    }

    /// Where a node starts.
    pub fn pos(&self, node: Node) -> Option<(usize, usize)> {
        self.tokens.get(node.first).map(|t| self.line_col(t.start))
    }

    /// The top-level value, after any `#![enable(...)]` attributes.
    pub fn root(&self) -> Node {
        let mut first = 0;
        while self.tokens.get(first).is_some_and(|t| self.text[t.start..t.end].starts_with('#')) {
            // `#!` then a bracketed group.
            first = self.skip_group(first + 1);
        }
        Node { first, end: self.tokens.len() }
    }

    /// Whether a node is a struct written without its name: `(key: value, …)`.
    pub fn is_unnamed(&self, node: Node) -> bool {
        self.tokens.get(node.first).is_some_and(|t| t.kind == Kind::Open)
    }

    /// The value of field `key` in a struct node `Name(key: value, …)` or `(key: value, …)`.
    pub fn field(&self, node: Node, key: &str) -> Option<Node> {
        let open = self.open_of(node)?;
        let mut i = open + 1;
        while i + 1 < node.end {
            let t = self.tokens[i];
            if t.kind == Kind::Close {
                return None;
            }
            let is_key = t.kind == Kind::Word && self.word_is(t, key);
            let value = i + 2;
            let end = self.value_end(value, node.end);
            if is_key && self.tokens[i + 1].kind == Kind::Colon && value < end {
                return Some(Node { first: value, end });
            }
            // Skip `name: value,` (or a stray token) and go on to the next field.
            i = if self.tokens[i + 1].kind == Kind::Colon { end } else { i + 1 };
            if self.tokens.get(i).is_some_and(|t| t.kind == Kind::Comma) {
                i += 1;
            }
        }
        None
    }

    /// The elements of a list node `[a, b, …]`.
    pub fn elements(&self, node: Node) -> Vec<Node> {
        let mut out = Vec::new();
        let Some(open) = self.open_of(node) else {
            return out;
        };
        let mut i = open + 1;
        while i < node.end && self.tokens[i].kind != Kind::Close {
            let end = self.value_end(i, node.end);
            out.push(Node { first: i, end: end.max(i + 1) });
            i = end.max(i + 1);
            if self.tokens.get(i).is_some_and(|t| t.kind == Kind::Comma) {
                i += 1;
            }
        }
        out
    }

    /// The `index`-th element of the list at field `key` of `node`.
    pub fn element(&self, node: Node, key: &str, index: usize) -> Option<Node> {
        let mut lists = self.lists.borrow_mut();
        let cache_key = (node.first, key.to_string());
        if let Some(found) = lists.get(&cache_key) {
            return found.get(index).copied();
        }
        let list = self.field(node, key)?;
        lists.entry(cache_key).or_insert_with(|| self.elements(list)).get(index).copied()
    }

    /// The `index`-th element of the list at field `key` of the top-level struct.
    pub fn root_element(&self, key: &str, index: usize) -> Option<Node> {
        self.element(self.root(), key, index)
    }

    /// The position of `c` in the value `node` (a string), raw or written as an escape
    /// (`\t`, `\u{1b}`, `\x1b`), else of the value (found from outside: an escaped ESC in
    /// paragraph 3 was pointed at the `body: [` three lines above).
    /// Only its strings are searched (found from outside: the `S` of `Some("TSMC")` was
    /// pointed at in `Some`).
    pub fn char_pos_in(&self, node: Node, c: char) -> Option<(usize, usize)> {
        let strings = self.tokens.get(node.first..node.end)?.iter().filter(|t| t.kind == Kind::Str);
        let at = strings.filter_map(|t| Some((t.start, self.text.get(t.start..t.end)?))).find_map(|(start, text)| {
            let at = text.find(c).or_else(|| escape_of(text, c))?;
            Some(start + at)
        });
        at.map(|at| self.line_col(at)).or_else(|| self.pos(node))
    }

    /// The position of field `key`'s value in `node`, or of the node itself.
    pub fn field_pos(&self, node: Option<Node>, key: &str) -> Option<(usize, usize)> {
        let node = node?;
        self.field(node, key).and_then(|v| self.pos(v)).or_else(|| self.pos(node))
    }

    /// The index of the opening bracket of a node, after an optional name.
    fn open_of(&self, node: Node) -> Option<usize> {
        let mut i = node.first;
        if self.tokens.get(i)?.kind == Kind::Word {
            i += 1;
        }
        (i < node.end && self.tokens[i].kind == Kind::Open).then_some(i)
    }

    /// The token after the value starting at `i`: the next comma or closing bracket at depth 0.
    fn value_end(&self, mut i: usize, limit: usize) -> usize {
        let mut depth = 0usize;
        while i < limit {
            match self.tokens[i].kind {
                Kind::Open => depth += 1,
                Kind::Close if depth == 0 => return i,
                Kind::Close => depth -= 1,
                Kind::Comma if depth == 0 => return i,
                _ => {}
            }
            i += 1;
        }
        limit
    }

    /// The token after the bracketed group starting at `i`.
    fn skip_group(&self, i: usize) -> usize {
        let end = self.value_end(i + 1, self.tokens.len());
        (end + 1).min(self.tokens.len()).max(i + 1)
    }

    fn word_is(&self, t: Token, key: &str) -> bool {
        let word = &self.text[t.start..t.end];
        word == key || word.strip_prefix("r#") == Some(key)
    }
}

/// How many lines of RON source hold a comment (`//` or `/* */`, a trailing one too): what
/// a save, which writes the value alone, does not keep.
/// Where in `text` (a RON string as written) an escape stands for `c`.
fn escape_of(text: &str, c: char) -> Option<usize> {
    let mut from = 0;
    while let Some(k) = text.get(from..)?.find('\\').map(|k| from + k) {
        let rest = &text[k + 1..];
        let decoded = match rest.chars().next()? {
            't' => Some('\t'),
            'n' => Some('\n'),
            'r' => Some('\r'),
            '0' => Some('\0'),
            'u' => rest
                .strip_prefix("u{")
                .and_then(|r| r.split_once('}'))
                .and_then(|(hex, _)| u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)),
            'x' => rest.get(1..3).and_then(|hex| u8::from_str_radix(hex, 16).ok()).map(char::from),
            _ => None,
        };
        if decoded == Some(c) {
            return Some(k);
        }
        // A `\\` is one backslash: the next one starts no escape.
        from = k + 1 + rest.chars().next().map_or(1, char::len_utf8);
    }
    None
}

pub fn comment_lines(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut lines = std::collections::HashSet::new();
    let mut line = 0;
    let mut tokens = tokenize(text).into_iter().peekable();
    let mut i = 0;
    while i < bytes.len() {
        if let Some(t) = tokens.next_if(|t| t.start == i) {
            line += bytes[t.start..t.end].iter().filter(|&&b| b == b'\n').count();
            i = t.end;
            continue;
        }
        // Between tokens lies whitespace or a comment.
        match bytes[i] {
            b'\n' => line += 1,
            b if b.is_ascii_whitespace() => {}
            _ => {
                lines.insert(line);
            }
        }
        i += 1;
    }
    lines.len()
}

/// The byte ranges of the words of RON source (identifiers, raw `r#` ones, numbers): never
/// inside a string or a comment.
pub fn words(text: &str) -> impl Iterator<Item = std::ops::Range<usize>> {
    tokenize(text).into_iter().filter(|t| t.kind == Kind::Word).map(|t| t.start..t.end)
}

/// Split RON source into tokens; comments and whitespace are dropped, strings kept whole.
fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        let kind = match bytes[i] {
            b if b.is_ascii_whitespace() => {
                i += 1;
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = find_from(bytes, i, b"\n").unwrap_or(bytes.len());
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = skip_block_comment(bytes, i);
                continue;
            }
            b'(' | b'[' | b'{' => {
                i += 1;
                Kind::Open
            }
            b')' | b']' | b'}' => {
                i += 1;
                Kind::Close
            }
            b',' => {
                i += 1;
                Kind::Comma
            }
            b':' => {
                i += 1;
                Kind::Colon
            }
            b'"' | b'\'' => {
                i = skip_quoted(bytes, i);
                Kind::Str
            }
            _ => {
                if let Some(end) = raw_string_end(bytes, i) {
                    i = end;
                    Kind::Str
                } else {
                    i = word_end(bytes, i);
                    Kind::Word
                }
            }
        };
        tokens.push(Token { kind, start, end: i });
    }
    tokens
}

fn find_from(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes[from..].windows(needle.len()).position(|w| w == needle).map(|p| from + p)
}

/// The offset after a (nestable) block comment starting at `i`.
fn skip_block_comment(bytes: &[u8], mut i: usize) -> usize {
    let mut depth = 0usize;
    while i < bytes.len() {
        if bytes[i..].starts_with(b"/*") {
            depth += 1;
            i += 2;
        } else if bytes[i..].starts_with(b"*/") {
            depth -= 1;
            i += 2;
            if depth == 0 {
                return i;
            }
        } else {
            i += 1;
        }
    }
    bytes.len()
}

/// The offset after a `"…"` or `'…'` literal starting at `i`, honouring backslash escapes.
fn skip_quoted(bytes: &[u8], i: usize) -> usize {
    let quote = bytes[i];
    let mut j = i + 1;
    while j < bytes.len() {
        match bytes[j] {
            b'\\' => j += 2,
            b if b == quote => return j + 1,
            _ => j += 1,
        }
    }
    bytes.len()
}

/// The end of a `b"…"`, `r#"…"#` or `br"…"` literal starting at `i`, if one starts there.
fn raw_string_end(bytes: &[u8], i: usize) -> Option<usize> {
    let mut j = i;
    if bytes.get(j) == Some(&b'b') {
        j += 1;
        if bytes.get(j) == Some(&b'"') {
            return Some(skip_quoted(bytes, j));
        }
    }
    if bytes.get(j) != Some(&b'r') {
        return None;
    }
    j += 1;
    let hashes = bytes[j..].iter().take_while(|&&b| b == b'#').count();
    j += hashes;
    if bytes.get(j) != Some(&b'"') {
        return None;
    }
    let mut close = vec![b'"'];
    close.extend(std::iter::repeat_n(b'#', hashes));
    Some(find_from(bytes, j + 1, &close).map_or(bytes.len(), |p| p + close.len()))
}

/// The end of a word: an identifier, a number, `#!`, anything up to a delimiter.
fn word_end(bytes: &[u8], i: usize) -> usize {
    let mut j = i;
    while j < bytes.len() {
        let b = bytes[j];
        if b.is_ascii_whitespace() || b"()[]{},:\"'".contains(&b) || (j > i && b == b'/') {
            break;
        }
        j += 1;
    }
    j.max(i + 1).min(bytes.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comment_lines_counts_each_line_holding_a_comment_once() {
        assert_eq!(comment_lines(SRC), 2);
        assert_eq!(comment_lines("// a\n/* b\n c */ X(s: \"// no\", t: r#\"/* no */\"#) // d /* e */\n"), 3);
        assert_eq!(comment_lines("Layout(issue: \"a\")\n"), 0);
    }

    const SRC: &str = "#![enable(implicit_some)]\nIssue( // 版面\n  paper: \"太原日报\", /* x */ pages: [\n    Page(number: 3, grid: (columns: 0)),\n    Page(number: r#\"4\"#, grid: Grid(columns: 8)),\n  ],\n)\n";

    #[test]
    fn finds_fields_and_elements_by_position() {
        let s = Source::new(SRC);
        let root = s.root();
        assert_eq!(s.pos(s.field(root, "paper").unwrap()), Some((3, 10)));
        let pages = s.elements(s.field(root, "pages").unwrap());
        assert_eq!(pages.len(), 2);
        let grid = s.field(pages[0], "grid").unwrap();
        assert_eq!(s.pos(s.field(grid, "columns").unwrap()), Some((4, 37)));
        assert_eq!(s.field_pos(Some(pages[1]), "number"), Some((5, 18)));
        assert_eq!(s.field(root, "items"), None);
    }

    /// Found from outside: the `S` of `Some("中文TSMC")` was placed at the `S` of `Some`. Only
    /// the value's strings are searched.
    #[test]
    fn a_character_is_found_in_the_strings_of_a_value_not_its_names() {
        let s = Source::new("Article(\n  subhead: Some(\"中文TSMC\"),\n  body: [\"a\", \"(b)\"],\n)");
        let root = s.root();
        assert_eq!(s.char_pos_in(s.field(root, "subhead").unwrap(), 'S'), Some((2, 21)));
        assert_eq!(s.char_pos_in(s.field(root, "subhead").unwrap(), 'T'), Some((2, 20)));
        assert_eq!(s.char_pos_in(s.field(root, "body").unwrap(), '('), Some((3, 16)));
        // Not in any string: the value itself.
        assert_eq!(s.char_pos_in(s.field(root, "subhead").unwrap(), 'o'), Some((2, 12)));
    }

    #[test]
    fn line_col_counts_characters() {
        let s = Source::new("ab\n汉字x");
        assert_eq!(s.line_col(3 + 6), (2, 3));
        assert_eq!(s.line_col(0), (1, 1));
        assert_eq!(s.line_col(1000), (2, 4));
    }

    #[test]
    fn garbage_does_not_panic() {
        for text in ["", "(", ")", "[,,]", "r#", "b", "\"", "/*", "#!", "a:(:", "é)"] {
            let s = Source::new(text);
            let root = s.root();
            let _ = s.field(root, "x");
            let _ = s.elements(root);
        }
    }
}
