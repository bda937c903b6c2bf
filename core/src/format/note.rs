//! Warnings met opening the files: worth telling the page editor, not worth refusing the
//! files. Said in either interface language (`catalogue`), so each is data, not English.

/// A warning about the files as opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// A photo of the issue `file` (with the line and column of the photo's `file`, where the
    /// issue was read from text) whose image could not be sized: the photo keeps its
    /// `height` of lines, or (none) its height cannot come from the image.
    PhotoUnsized { file: String, id: String, image: String, why: ImageTrouble, height: Option<u32> },
    /// A layout named that is not there yet: every item starts in the bin.
    NewLayout { layout: String },
    /// The layout names another issue (`named`, at `named_path`) than the one open: its
    /// placements are used as they are.
    OtherIssue { layout: String, named: String, named_path: String, open: String },
    /// A recovery file that could not be read (`error` as the system says it).
    RecoveryUnreadable { file: String, error: String },
    /// A recovery file that is not a regular file: left alone.
    RecoveryNotAFile { file: String },
    /// A recovery file an editor of another computer (`owner`, `user@host pid N`) writes or
    /// wrote: left alone for it, and said (found from outside: it was skipped unsaid, so a
    /// desk whose host name changed never saw its work).
    RecoveryOtherHost { file: String, owner: String },
    /// A recovery file larger than pasteup reads: left alone.
    RecoveryTooLarge { file: String },
    /// The files could not be opened, and `file` keeps the unsaved work of an editor that
    /// stopped: offered once they open (found from outside: said in English under a Chinese
    /// interface).
    RecoveryWaiting { file: String },
    /// A photo of the issue `file` (with the line and column of the photo's `file`, as
    /// [`Note::PhotoUnsized`]) whose image the press PDF cannot draw: a grey frame.
    GreyFrame { file: String, id: String, image: String, why: ImageTrouble },
    /// No save of the layout can go through, `why`, whatever is done on the desk: said at
    /// once, not first at Ctrl-s (the issue's file name is not UTF-8).
    CannotSave { layout: String, why: super::SaveTrouble },
}

/// Why a photo's image could not be sized or drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImageTrouble {
    /// No file there (or, for the built-in sample, no such image in it).
    Missing,
    /// A folder, a device or a pipe: never opened.
    NotAFile,
    /// The file could not be read (`detail` as the system says it).
    FileUnreadable { detail: String },
    /// A file larger than a photo may be, in MB.
    TooLarge { most_mb: u64 },
    /// Not a PNG, JPEG, GIF or WebP image.
    NotAnImage,
    /// The image could not be read as an image (`detail` as the reader says it).
    Unreadable { detail: String },
    /// The image claims a size no photo has.
    Size { width: u64, height: u64 },
    /// More pixels than a photo may have, in millions.
    TooManyPixels { width: u64, height: u64, most_million: u64 },
    /// The file ends before its image does.
    Cut,
    /// The image is not laid out as its kind must be: a damaged or a false header (a PNG
    /// without its IHDR chunk first, a checksum wrong; a JPEG without a frame header).
    Malformed,
    /// The image does not decode (`detail` as the decoder says it).
    Damaged { detail: String },
}

impl ImageTrouble {
    /// The system would not let pasteup read the file: there is none, or `e` says why.
    pub(crate) fn of_io(e: &std::io::Error) -> ImageTrouble {
        match e.kind() {
            std::io::ErrorKind::NotFound => ImageTrouble::Missing,
            _ => ImageTrouble::FileUnreadable { detail: e.to_string() },
        }
    }
}

/// The size of a photo's file at `path`, if it is a regular file: only those are opened, since
/// a FIFO or a device named by a hostile issue could hang the reader.
pub(crate) fn photo_file_len(path: &std::path::Path) -> Result<u64, ImageTrouble> {
    let meta = std::fs::metadata(path).map_err(|e| ImageTrouble::of_io(&e))?;
    if !meta.is_file() {
        return Err(ImageTrouble::NotAFile);
    }
    Ok(meta.len())
}
