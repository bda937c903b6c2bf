//! The pixel size of each photo's image, read from the image header. A missing or unreadable
//! image is not an error (the copy desk may not have sent it yet): the photo keeps no pixel
//! size and a warning says why.

use std::path::Path;

use super::chars::quoted;
use crate::model::{Issue, Item, Photo};

/// Read the size of each photo's `file`, relative to `issue_dir` (the issue file's folder).
pub fn resolve_pixels(issue: &mut Issue, issue_dir: &Path) -> Vec<String> {
    resolve_with(issue, |file| {
        let path = issue_dir.join(file);
        // Only regular files: opening a FIFO or a device named by a hostile issue could hang.
        match std::fs::metadata(&path) {
            Ok(meta) if meta.is_file() => {}
            Ok(_) => return Err("it is not a regular file".to_string()),
            Err(e) => return Err(e.to_string()),
        }
        imagesize::size(&path).map(|s| (s.width, s.height)).map_err(|e| e.to_string())
    })
}

/// Read the size of each photo's `file` from bytes `bytes_of(file)` supplies, for a sample
/// issue whose images are built into the program.
pub fn resolve_pixels_from_bytes<'a>(issue: &mut Issue, bytes_of: impl Fn(&str) -> Option<&'a [u8]>) -> Vec<String> {
    resolve_with(issue, |file| {
        let bytes = bytes_of(file).ok_or_else(|| "no such image".to_string())?;
        imagesize::blob_size(bytes).map(|s| (s.width, s.height)).map_err(|e| e.to_string())
    })
}

/// Set `pixels` of every photo with a file; a warning for each image that cannot be sized.
fn resolve_with(issue: &mut Issue, size_of: impl Fn(&str) -> Result<(usize, usize), String>) -> Vec<String> {
    let mut warnings = Vec::new();
    for item in &mut issue.items {
        let Item::Photo(photo) = item else { continue };
        photo.pixels = None;
        let Some(file) = photo.file.clone() else {
            continue;
        };
        match size_of(&file).and_then(pixels) {
            Ok(size) => photo.pixels = Some(size),
            Err(why) => warnings.push(warning(photo, &file, &why)),
        }
    }
    warnings
}

/// Width and height as `u32`, both at least 1.
fn pixels((width, height): (usize, usize)) -> Result<(u32, u32), String> {
    match (u32::try_from(width), u32::try_from(height)) {
        (Ok(w), Ok(h)) if w > 0 && h > 0 => Ok((w, h)),
        _ => Err(format!("the image claims a size of {width}×{height} pixels")),
    }
}

fn warning(photo: &Photo, file: &str, why: &str) -> String {
    let keeps = match photo.height {
        Some(h) => format!("the photo keeps its height of {h} lines"),
        None => "the photo's height cannot come from the image".to_string(),
    };
    format!(
        "photo {} file {}: cannot read the image size ({}); {keeps}",
        quoted(&photo.id),
        quoted(file),
        super::chars::printable(why)
    )
}
