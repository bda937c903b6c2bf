//! Warnings met opening the files: worth telling the page editor, not worth refusing the
//! files. Said in either interface language (`catalogue`), so each is data, not English.

/// A warning about the files as opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// A photo of the issue `file` whose image could not be sized: the photo keeps its
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
    /// A recovery file larger than pasteup reads: left alone.
    RecoveryTooLarge { file: String },
    /// A photo whose image the press PDF cannot draw: a grey frame.
    GreyFrame { id: String, image: String, why: ImageTrouble },
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
    /// The image does not decode (`detail` as the decoder says it).
    Damaged { detail: String },
}
