//! What went wrong with a file, said the way editors and compilers say it: `file:line:col: message`.

use std::fmt;
use std::path::{Path, PathBuf};

use super::chars::{printable, printable_path};

/// A file that cannot be used as it is. Line and column are 1-based and count characters
/// (not bytes), as editors do, so `issue.ron:14:9` lands on the right 汉字.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub file: PathBuf,
    pub line: Option<usize>,
    pub col: Option<usize>,
    /// What is wrong, in English.
    pub message: String,
    /// When the file could not be read at all, why: said in the interface's language (found
    /// from outside: a missing issue was said in English to a Chinese editor). `message` is
    /// its English. What is wrong with text that was read stays English. Boxed, to keep
    /// every `Result` that may carry a load error small.
    pub unread: Option<Box<ReadTrouble>>,
}

/// Why an issue or layout could not be read, said in either interface language
/// (`catalogue`); what the system said of it is quoted as it said it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadTrouble {
    /// Nothing at the path.
    Missing,
    /// The system would not open it for reading.
    NoPermission,
    /// The system would not open it, for another reason, in its words.
    NotOpened { error: String },
    /// The path names a folder.
    Folder,
    /// A device (`/dev/zero`, a disk), which no command reads.
    Device,
    /// A pipe, a device or a socket, which the editor does not read.
    NotPlainFile,
    /// Larger than [`super::MAX_FILE_BYTES`]: `mib` MiB, rounded up.
    TooLarge { mib: u64 },
    /// It grew past [`super::MAX_FILE_BYTES`] while it was read.
    Grew,
    /// The system failed while reading it, in its words.
    NotRead { error: String },
    /// UTF-16, by its byte-order mark.
    Utf16,
    /// It stops inside a UTF-8 character.
    CutShort,
    /// Not UTF-8, and read without error in this older encoding.
    Legacy(Legacy),
    /// Not UTF-8: `byte` cannot start or continue a character, or (`cut_off`) starts one that
    /// does not go on.
    BadByte { byte: u8, cut_off: bool },
    /// A layout given where the issue is expected, and the issue it names (`named`, at
    /// `path`) is not there.
    NamedIssueMissing { named: String, path: String },
}

/// An encoding many newsroom systems still write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Legacy {
    Gb18030,
    Big5,
    ShiftJis,
    EucJp,
}

impl Legacy {
    /// Its name to `iconv -f`.
    pub fn iconv_name(self) -> &'static str {
        match self {
            Legacy::Gb18030 => "GB18030",
            Legacy::Big5 => "BIG5",
            Legacy::ShiftJis => "CP932",
            Legacy::EucJp => "EUC-JP",
        }
    }
}

impl LoadError {
    /// A file that could not be read, and why; at a position if the trouble has one.
    pub fn unread(file: &Path, pos: Option<(usize, usize)>, why: ReadTrouble) -> Self {
        let message = crate::catalogue::en::read_trouble(&why);
        LoadError { unread: Some(Box::new(why)), ..Self::new(file, pos, message) }
    }

    /// An error about the file as a whole (it is missing, too big, not UTF-8 …).
    pub fn whole(file: &Path, message: impl Into<String>) -> Self {
        Self::new(file, None, message)
    }

    /// An error at a line and column of the file.
    pub fn at(file: &Path, line: usize, col: usize, message: impl Into<String>) -> Self {
        Self::new(file, Some((line, col)), message)
    }

    /// An error at a position if one is known. The message is made printable here, so a
    /// control character copied from a hostile file can never reach the terminal.
    pub fn new(file: &Path, pos: Option<(usize, usize)>, message: impl Into<String>) -> Self {
        LoadError {
            file: file.to_path_buf(),
            line: pos.map(|p| p.0),
            col: pos.map(|p| p.1),
            message: printable(&message.into()),
            unread: None,
        }
    }
}

/// English, as `--json`, `diff` and `merge` say it.
impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_located(f, &self.file, self.line, self.col, &self.message)
    }
}

impl std::error::Error for LoadError {}

/// `file:line:col: message`, or `file: message` when the position is unknown.
pub(crate) fn write_located(
    f: &mut fmt::Formatter<'_>,
    file: &Path,
    line: Option<usize>,
    col: Option<usize>,
    message: &str,
) -> fmt::Result {
    let file = printable_path(file);
    match (line, col) {
        (Some(line), Some(col)) => write!(f, "{file}:{line}:{col}: {message}"),
        (Some(line), None) => write!(f, "{file}:{line}: {message}"),
        _ => write!(f, "{file}: {message}"),
    }
}

/// A save that did not happen. The old file is still there, untouched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveError {
    pub file: PathBuf,
    pub why: SaveTrouble,
}

/// Why a save did not happen: said in either interface language (`catalogue`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveTrouble {
    /// The path names a folder.
    IsFolder,
    /// A socket, a disk or the like: nothing is written to it.
    NotWritableKind,
    /// A loop of symbolic links.
    LinkLoop,
    /// The file is read-only: kept as vim keeps one.
    ReadOnly,
    /// This user may not write the file (another's, which its mode lets them only read): kept,
    /// though the folder would let them replace it.
    NotPermitted,
    /// The folder the file would go in is not there.
    NoFolder { dir: String },
    /// What should be the file's folder is a file.
    NotAFolder { dir: String },
    /// A pipe nobody reads.
    PipeUnread,
    /// Another program wrote the file while it was being saved: it was not replaced.
    ChangedMeanwhile,
    /// A step the system refused, with what it said.
    System { step: SaveStep, error: String },
    /// The layout would name its issue by `name` (shown with its odd bytes escaped), which is
    /// not UTF-8: text cannot hold it without loss, so no layout naming it is written.
    IssueNameNotUtf8 { name: String },
}

/// The step of a save the system refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveStep {
    ReadLink,
    /// Making the temporary file in the folder `dir`.
    TempFile {
        dir: String,
    },
    Write,
    Permissions,
    Flush,
    Replace,
    Open,
    /// Making the folder for the built-in sample.
    MakeFolder,
}

impl SaveError {
    pub(crate) fn new(file: &Path, why: SaveTrouble) -> SaveError {
        SaveError { file: file.to_path_buf(), why }
    }

    /// What went wrong first, then the file, in `lang`: a status line a narrow terminal cuts
    /// keeps the part that tells what to do.
    pub fn reason_first(&self, lang: crate::catalogue::UiLang) -> String {
        use crate::catalogue::{Render, UiLang};
        let file = printable_path(&self.file);
        match lang {
            UiLang::ZhHans => format!("{}（{file}）", self.why.render(lang)),
            UiLang::En => format!("{} ({file})", self.why.render(lang)),
        }
    }
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::catalogue::{Render, UiLang};
        let file = printable_path(&self.file);
        write!(f, "{file}: cannot save: {}", self.why.render(UiLang::En))
    }
}

impl std::error::Error for SaveError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_with_and_without_position() {
        let e = LoadError::at(Path::new("issue.ron"), 14, 9, "unknown field \"hedline\"");
        assert_eq!(e.to_string(), "issue.ron:14:9: unknown field \"hedline\"");
        let e = LoadError::whole(Path::new("issue.ron"), "file is empty");
        assert_eq!(e.to_string(), "issue.ron: file is empty");
    }

    #[test]
    fn save_error_escapes_the_folder_it_names() {
        let step = SaveStep::TempFile { dir: "a\u{1b}]0;x\u{7}".into() };
        let e = SaveError { file: "a\u{7}/x".into(), why: SaveTrouble::System { step, error: "denied".into() } };
        let said = r"a\u{7}/x: cannot save: cannot create a temporary file in a\u{1b}]0;x\u{7}: denied";
        assert_eq!(e.to_string(), said);
        let zh = e.reason_first(crate::catalogue::UiLang::ZhHans);
        assert_eq!(zh, r"无法在 a\u{1b}]0;x\u{7} 中建临时文件：denied（a\u{7}/x）");
    }

    #[test]
    fn control_characters_never_reach_the_message() {
        let e = LoadError::whole(Path::new("a\u{1b}.ron"), "bad \u{1b}[31m red");
        assert_eq!(e.to_string(), r"a\u{1b}.ron: bad \u{1b}[31m red");
    }
}
