//! The pixel size of each photo's image, read from the image header. A missing or unreadable
//! image is not an error (the copy desk may not have sent it yet): the photo keeps no pixel
//! size and a warning says why.

use std::path::Path;

use super::note::{ImageTrouble, Note, photo_file_len};
use crate::model::{Issue, Item};

/// Read the size of each photo's `file`, relative to `issue_dir` (the folder of the issue
/// file `issue_file`, which the warnings name).
pub fn resolve_pixels(issue: &mut Issue, issue_dir: &Path, issue_file: &str) -> Vec<Note> {
    resolve_with(issue, issue_file, |file| {
        let path = issue_dir.join(file);
        photo_file_len(&path)?;
        imagesize::size(&path).map(|s| (s.width, s.height)).map_err(ImageTrouble::unreadable)
    })
}

/// Read the size of each photo's `file` from bytes `bytes_of(file)` supplies, for a sample
/// issue whose images are built into the program.
pub fn resolve_pixels_from_bytes<'a>(
    issue: &mut Issue,
    issue_file: &str,
    bytes_of: impl Fn(&str) -> Option<&'a [u8]>,
) -> Vec<Note> {
    resolve_with(issue, issue_file, |file| {
        let bytes = bytes_of(file).ok_or(ImageTrouble::Missing)?;
        imagesize::blob_size(bytes).map(|s| (s.width, s.height)).map_err(ImageTrouble::unreadable)
    })
}

/// Set `pixels` of every photo with a file; a warning for each image that cannot be sized.
fn resolve_with(
    issue: &mut Issue,
    issue_file: &str,
    size_of: impl Fn(&str) -> Result<(usize, usize), ImageTrouble>,
) -> Vec<Note> {
    let mut warnings = Vec::new();
    for item in &mut issue.items {
        let Item::Photo(photo) = item else { continue };
        photo.pixels = None;
        let Some(file) = photo.file.clone() else {
            continue;
        };
        match size_of(&file).and_then(pixels) {
            Ok(size) => photo.pixels = Some(size),
            Err(why) => warnings.push(Note::PhotoUnsized {
                file: issue_file.to_string(),
                id: photo.id.clone(),
                image: file,
                why,
                height: photo.height,
            }),
        }
    }
    warnings
}

/// Width and height as `u32`, both at least 1.
fn pixels((width, height): (usize, usize)) -> Result<(u32, u32), ImageTrouble> {
    match (u32::try_from(width), u32::try_from(height)) {
        (Ok(w), Ok(h)) if w > 0 && h > 0 => Ok((w, h)),
        _ => Err(ImageTrouble::Size { width: width as u64, height: height as u64 }),
    }
}
