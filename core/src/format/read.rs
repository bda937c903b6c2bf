//! Getting a file's text: size limit first, then UTF-8 (a BOM is skipped), with a
//! useful word when the file is in a legacy encoding many newsroom systems still write
//! (GB18030/GBK, Big5, Shift_JIS, EUC-JP).

use std::fs::File;
use std::io::Read;
use std::path::Path;

use super::error::{Legacy, LoadError, ReadTrouble};
use super::locate::line_col;

/// The largest file pasteup reads. A 200-page issue is about 10 MB; anything past 64 MiB is
/// a wrong file (a video, a disk image) and is refused before a byte of it is read.
pub const MAX_FILE_BYTES: u64 = 64 << 20;

const MIB: u64 = 1 << 20;

/// Why a file could not be opened, and what to do (found from outside: the system's words
/// alone, `No such file or directory (os error 2)`).
fn cannot_open(path: &Path, e: &std::io::Error) -> LoadError {
    let why = match e.kind() {
        std::io::ErrorKind::NotFound => ReadTrouble::Missing,
        std::io::ErrorKind::PermissionDenied => ReadTrouble::NoPermission,
        _ => ReadTrouble::NotOpened { error: e.to_string() },
    };
    LoadError::unread(path, None, why)
}

/// Refuses a path that is there and is not a plain file (a pipe, a device, a socket): the
/// editor reads its files again while it runs, and opening a pipe no program writes waits for
/// ever (found from outside: an issue replaced by a FIFO froze the editor, keys and SIGTERM
/// alike). The command line reads pipes, as `cat` does, and does not ask this.
pub fn only_a_file(path: &Path) -> Result<(), LoadError> {
    match std::fs::metadata(path) {
        Ok(meta) if !meta.is_file() && !meta.is_dir() => Err(LoadError::unread(path, None, ReadTrouble::NotPlainFile)),
        _ => Ok(()),
    }
}

/// Whether the path is a device (`/dev/zero`, `/dev/null`, a disk): refused for what it is
/// before a byte is read (found from outside: `/dev/zero` was read to the 64 MiB limit and said
/// to have grown, `/dev/null` said to be empty). A pipe is read, as `cat` reads one.
fn is_device(meta: &std::fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        meta.file_type().is_char_device() || meta.file_type().is_block_device()
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        false
    }
}

/// The text of the file at `path`, checked against the size limit before reading.
pub fn read_text(path: &Path) -> Result<String, LoadError> {
    let unread = |why| LoadError::unread(path, None, why);
    let meta = std::fs::metadata(path).map_err(|e| cannot_open(path, &e))?;
    if meta.is_dir() {
        return Err(unread(ReadTrouble::Folder));
    }
    if is_device(&meta) {
        return Err(unread(ReadTrouble::Device));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(unread(ReadTrouble::TooLarge { mib: meta.len().div_ceil(MIB) }));
    }
    let file = File::open(path).map_err(|e| cannot_open(path, &e))?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // `take` guards against files whose size the metadata does not tell (pipes, /dev/zero)
    // or that grow while being read.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| unread(ReadTrouble::NotRead { error: e.to_string() }))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(unread(ReadTrouble::Grew));
    }
    decode_text(path, &bytes)
}

/// The bytes as UTF-8 text without a leading BOM, or an error naming the first bad byte.
pub fn decode_text(path: &Path, bytes: &[u8]) -> Result<String, LoadError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // The parser would skip a second one unseen (found from outside), and the first line's
    // columns be one short.
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        let message = "byte order mark U+FEFF in the file's syntax, outside any string; replace it with an ASCII space, or delete it";
        return Err(LoadError::at(path, 1, 1, message));
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(LoadError::unread(path, Some((1, 1)), ReadTrouble::Utf16));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        // The file stops inside a character: cut short, not in another encoding.
        Err(e) if e.error_len().is_none() => Err(error_at(path, bytes, e.valid_up_to(), ReadTrouble::CutShort)),
        Err(e) => Err(not_utf8(path, bytes, e.valid_up_to())),
    }
}

/// The legacy encoding the bytes are most likely in, if any reads them without error.
/// GB18030 reads nearly any run of high bytes, Big5 and Japanese ones included, into other
/// characters: the file's own `language` and the kana a Japanese reading yields decide first
/// (found from outside: the GB18030 advice turned Big5 zh-Hant and Shift_JIS ja issues into
/// mojibake that loaded).
fn legacy_encoding(bytes: &[u8]) -> Option<Legacy> {
    let reads_as = |e: &'static encoding_rs::Encoding| e.decode_without_bom_handling_and_without_replacement(bytes);
    let big5 = reads_as(encoding_rs::BIG5).is_some();
    if big5 && says_language(bytes, "zh-Hant") {
        return Some(Legacy::Big5);
    }
    let japanese = [(encoding_rs::EUC_JP, Legacy::EucJp), (encoding_rs::SHIFT_JIS, Legacy::ShiftJis)]
        .into_iter()
        .filter_map(|(e, legacy)| reads_as(e).map(|text| (kana_share(&text), legacy)))
        .max_by_key(|&(share, _)| share);
    match japanese {
        Some((share, legacy)) if share >= 10 || says_language(bytes, "ja") => Some(legacy),
        _ if reads_as(encoding_rs::GB18030).is_some() => Some(Legacy::Gb18030),
        _ => big5.then_some(Legacy::Big5),
    }
}

/// Whether the file says `language: "CODE"` (spaces around the colon as may be), read from its
/// bytes, so that a file in any encoding and the hints for one in UTF-8 ask alike.
pub(super) fn says_language(bytes: &[u8], code: &str) -> bool {
    let key = b"language";
    bytes.windows(key.len()).enumerate().filter(|(_, w)| w == key).any(|(at, _)| {
        let rest = bytes[at + key.len()..].trim_ascii_start();
        rest.strip_prefix(b":").is_some_and(|value| {
            let value = value.trim_ascii_start();
            value
                .strip_prefix(b"\"")
                .and_then(|v| v.strip_prefix(code.as_bytes()))
                .is_some_and(|v| v.starts_with(b"\""))
        })
    })
}

/// The percentage of kana among the text's non-ASCII characters. Japanese prose is a third
/// kana or more; Chinese has none, read in any encoding (half-width katakana, which Chinese
/// bytes read as Shift_JIS yield, are not counted).
fn kana_share(text: &str) -> usize {
    let wide = text.chars().filter(|c| !c.is_ascii()).count();
    let kana = text.chars().filter(|c| matches!(c, '\u{3041}'..='\u{3096}' | '\u{30A1}'..='\u{30FA}')).count();
    (kana * 100).checked_div(wide).unwrap_or(0)
}

/// The error for a file that is not UTF-8, at its first bad byte; for a file in a legacy
/// encoding, at its first non-ASCII character, which is where the trouble starts to the eye.
fn not_utf8(path: &Path, bytes: &[u8], valid_up_to: usize) -> LoadError {
    let (at, why) = if let Some(legacy) = legacy_encoding(bytes) {
        let first = bytes.iter().position(|b| !b.is_ascii()).unwrap_or(valid_up_to);
        (first.min(valid_up_to), ReadTrouble::Legacy(legacy))
    } else {
        let byte = bytes[valid_up_to];
        (valid_up_to, ReadTrouble::BadByte { byte, cut_off: (0xC2..=0xF4).contains(&byte) })
    };
    error_at(path, bytes, at, why)
}

/// The error at byte `at`, which the valid UTF-8 before it places by line and character.
fn error_at(path: &Path, bytes: &[u8], at: usize, why: ReadTrouble) -> LoadError {
    let good = std::str::from_utf8(&bytes[..at]).unwrap_or_default();
    LoadError::unread(path, Some(line_col(good, good.len())), why)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_says_its_language_only_as_the_language_field() {
        assert!(says_language(b"Issue(language: \"ja\", pages: [])", "ja"));
        assert!(says_language(b"language :\n  \"zh-Hant\"", "zh-Hant"));
        assert!(!says_language(b"language: \"jap\"", "ja"));
        assert!(!says_language(b"Article(id: \"ja\")", "ja"));
    }

    #[test]
    fn bom_is_skipped() {
        let text = decode_text(Path::new("a.ron"), b"\xEF\xBB\xBFIssue()").unwrap();
        assert_eq!(text, "Issue()");
    }

    #[test]
    fn a_file_cut_inside_a_character_is_cut_short_not_gb18030() {
        // `Issue(paper: "太原` and the first two bytes of 日: line 1, column 17.
        let mut bytes = "Issue(paper: \"太原".as_bytes().to_vec();
        bytes.extend_from_slice(&"日".as_bytes()[..2]);
        let e = decode_text(Path::new("a.ron"), &bytes).unwrap_err();
        assert_eq!((e.line, e.col), (Some(1), Some(17)));
        assert!(e.message.contains("cut short"), "{e}");
    }

    #[test]
    fn bad_byte_position_counts_characters() {
        // "太原\n日报" then a lone 0xFF: line 2, after two characters.
        let mut bytes = "太原\n日报".as_bytes().to_vec();
        bytes.push(0xFF);
        let e = decode_text(Path::new("a.ron"), &bytes).unwrap_err();
        assert_eq!((e.line, e.col), (Some(2), Some(3)));
        assert!(e.message.contains("0xFF"), "{e}");
    }
}
