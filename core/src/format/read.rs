//! Getting a file's text: size limit first, then UTF-8 (a BOM is skipped), with a
//! useful word when the file is in a legacy encoding many newsroom systems still write
//! (GB18030/GBK, Big5, Shift_JIS, EUC-JP).

use std::fs::File;
use std::io::Read;
use std::path::Path;

use super::error::LoadError;
use super::locate::line_col;

/// The largest file pasteup reads. A 200-page issue is about 10 MB; anything past 64 MiB is
/// a wrong file (a video, a disk image) and is refused before a byte of it is read.
pub const MAX_FILE_BYTES: u64 = 64 << 20;

const MIB: u64 = 1 << 20;

/// Why a file could not be opened, and what to do (found from outside: the system's words
/// alone, `No such file or directory (os error 2)`).
fn cannot_open(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "there is no such file; check its name and folder".to_string(),
        std::io::ErrorKind::PermissionDenied => {
            "cannot open it: permission denied; ask for read permission, or copy it where you may read it".to_string()
        }
        _ => format!("cannot open: {e}"),
    }
}

/// Refuses a path that is there and is not a plain file (a pipe, a device, a socket): the
/// editor reads its files again while it runs, and opening a pipe no program writes waits for
/// ever (found from outside: an issue replaced by a FIFO froze the editor, keys and SIGTERM
/// alike). The command line reads pipes, as `cat` does, and does not ask this.
pub fn only_a_file(path: &Path) -> Result<(), LoadError> {
    match std::fs::metadata(path) {
        Ok(meta) if !meta.is_file() && !meta.is_dir() => Err(LoadError::whole(
            path,
            "not read: it is not a plain file (a pipe or a device); write the file in its place",
        )),
        _ => Ok(()),
    }
}

/// The text of the file at `path`, checked against the size limit before reading.
pub fn read_text(path: &Path) -> Result<String, LoadError> {
    let meta = std::fs::metadata(path).map_err(|e| LoadError::whole(path, cannot_open(&e)))?;
    if meta.is_dir() {
        return Err(LoadError::whole(path, "cannot open: it is a folder, expected a .ron file"));
    }
    if meta.len() > MAX_FILE_BYTES {
        let mib = meta.len().div_ceil(MIB);
        return Err(LoadError::whole(
            path,
            format!("file is {mib} MiB, larger than the 64 MiB limit; is it the right file?"),
        ));
    }
    let file = File::open(path).map_err(|e| LoadError::whole(path, cannot_open(&e)))?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // `take` guards against files whose size the metadata does not tell (pipes, /dev/zero)
    // or that grow while being read.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| LoadError::whole(path, format!("cannot read: {e}")))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::whole(path, "file grew past the 64 MiB limit while being read"));
    }
    decode_text(path, &bytes)
}

/// The bytes as UTF-8 text without a leading BOM, or an error naming the first bad byte.
pub fn decode_text(path: &Path, bytes: &[u8]) -> Result<String, LoadError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(LoadError::at(
            path,
            1,
            1,
            "file is UTF-16, expected UTF-8; convert it with `iconv -f UTF-16 -t UTF-8`",
        ));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        // The file stops inside a character: cut short, not in another encoding.
        Err(e) if e.error_len().is_none() => Err(error_at(
            path,
            bytes,
            e.valid_up_to(),
            "unexpected end of file in the middle of a character; the file looks cut short",
        )),
        Err(e) => Err(not_utf8(path, bytes, e.valid_up_to())),
    }
}

/// How a legacy encoding is named to the reader, and to `iconv`.
type Legacy = (&'static str, &'static str);
const GBK: Legacy = ("GB18030/GBK, common in Chinese newsrooms", "GB18030");
const BIG5: Legacy = ("Big5, common for Traditional Chinese", "BIG5");
const SJIS: Legacy = ("Shift_JIS, common for Japanese on Windows", "CP932");
const EUC_JP: Legacy = ("EUC-JP, common for Japanese", "EUC-JP");

/// The legacy encoding the bytes are most likely in, if any reads them without error.
/// GB18030 reads nearly any run of high bytes, Big5 and Japanese ones included, into other
/// characters: the file's own `language` and the kana a Japanese reading yields decide first
/// (found from outside: the GB18030 advice turned Big5 zh-Hant and Shift_JIS ja issues into
/// mojibake that loaded).
fn legacy_encoding(bytes: &[u8]) -> Option<Legacy> {
    let reads_as = |e: &'static encoding_rs::Encoding| e.decode_without_bom_handling_and_without_replacement(bytes);
    let big5 = reads_as(encoding_rs::BIG5).is_some();
    if big5 && says_language(bytes, "zh-Hant") {
        return Some(BIG5);
    }
    let japanese = [(encoding_rs::EUC_JP, EUC_JP), (encoding_rs::SHIFT_JIS, SJIS)]
        .into_iter()
        .filter_map(|(e, legacy)| reads_as(e).map(|text| (kana_share(&text), legacy)))
        .max_by_key(|&(share, _)| share);
    match japanese {
        Some((share, legacy)) if share >= 10 || says_language(bytes, "ja") => Some(legacy),
        _ if reads_as(encoding_rs::GB18030).is_some() => Some(GBK),
        _ => big5.then_some(BIG5),
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
    let legacy = legacy_encoding(bytes);
    let (at, message) = if let Some((looks, name)) = legacy {
        let first = bytes.iter().position(|b| !b.is_ascii()).unwrap_or(valid_up_to);
        let message = format!("file is not UTF-8 (it looks like {looks}); convert it with `iconv -f {name} -t UTF-8`");
        (first.min(valid_up_to), message)
    } else {
        let byte = bytes[valid_up_to];
        let message = if (0xC2..=0xF4).contains(&byte) {
            format!("file is not UTF-8: byte 0x{byte:02X} starts a character that is cut off; save it as UTF-8")
        } else {
            format!("file is not UTF-8: byte 0x{byte:02X} cannot start or continue a character; save it as UTF-8")
        };
        (valid_up_to, message)
    };
    error_at(path, bytes, at, message)
}

/// The error at byte `at`, which the valid UTF-8 before it places by line and character.
fn error_at(path: &Path, bytes: &[u8], at: usize, message: impl Into<String>) -> LoadError {
    let good = std::str::from_utf8(&bytes[..at]).unwrap_or_default();
    let (line, col) = line_col(good, good.len());
    LoadError::at(path, line, col, message)
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
