//! The pixel size of each photo's image, read from the image header, upright as its EXIF
//! orientation stands it. A missing or unreadable image is not an error (the copy desk may
//! not have sent it yet): the photo keeps no pixel size and a warning says why.

use std::io::{Cursor, Read};
use std::path::Path;

use imagesize::ImageType;

use super::note::{ImageTrouble, Note, photo_file_len};
use super::orientation::{Orientation, exif_orientation, jpeg_exif};
use crate::model::{Issue, Item};

/// The largest file a photo's image may be: 16 MB. Each command reads the whole file to know
/// the image is whole, and the HTML export inlines it.
pub const MAX_IMAGE_BYTES: u64 = 16 * 1024 * 1024;

/// The most pixels a photo's image may have: 100 megapixels (a 12 000 × 8 000 press photo). A
/// file of a few hundred bytes can claim far more, and decoding it would ask for more memory
/// than the machine has.
pub const MAX_IMAGE_PIXELS: u64 = 100_000_000;

/// Read the size of each photo's `file`, relative to `issue_dir` (the folder of the issue
/// file `issue_file`, which the warnings name).
pub fn resolve_pixels(issue: &mut Issue, issue_dir: &Path, issue_file: &str) -> Vec<Note> {
    resolve_with(issue, issue_file, |file| {
        let bytes = read_photo(&issue_dir.join(file))?;
        image_size(&bytes)
    })
}

/// Read the size of each photo's `file` from bytes `bytes_of(file)` supplies, for a sample
/// issue whose images are built into the program.
pub fn resolve_pixels_from_bytes<'a>(
    issue: &mut Issue,
    issue_file: &str,
    bytes_of: impl Fn(&str) -> Option<&'a [u8]>,
) -> Vec<Note> {
    resolve_with(issue, issue_file, |file| image_size(bytes_of(file).ok_or(ImageTrouble::Missing)?))
}

/// Set `pixels` of every photo with a file; a warning for each image that cannot be sized.
fn resolve_with(
    issue: &mut Issue,
    issue_file: &str,
    size_of: impl Fn(&str) -> Result<(u32, u32), ImageTrouble>,
) -> Vec<Note> {
    let mut warnings = Vec::new();
    for item in &mut issue.items {
        let Item::Photo(photo) = item else { continue };
        photo.pixels = None;
        let Some(file) = photo.file.clone() else {
            continue;
        };
        match size_of(&file) {
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

/// The bytes of the photo's file at `path`, if it is a regular file no larger than
/// [`MAX_IMAGE_BYTES`].
pub(crate) fn read_photo(path: &Path) -> Result<Vec<u8>, ImageTrouble> {
    if photo_file_len(path)? > MAX_IMAGE_BYTES {
        return Err(ImageTrouble::TooLarge { most_mb: MAX_IMAGE_BYTES >> 20 });
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_IMAGE_BYTES).read_to_end(&mut bytes))
        .map_err(|e| ImageTrouble::of_io(&e))?;
    Ok(bytes)
}

/// The width and height of the image in `bytes` as it stands upright (its EXIF orientation
/// turned, `format/orientation.rs`): the size every command sets a photo's frame by.
pub(crate) fn image_size(bytes: &[u8]) -> Result<(u32, u32), ImageTrouble> {
    let (stored, orientation) = stored_image(bytes)?;
    Ok(orientation.upright(stored))
}

/// The width and height of the image in `bytes` as stored, and how it stands upright: the one
/// check every command and every output makes (found from outside: `check` set a photo from
/// the garbage of a junk header, and only the PDF export noticed): a PNG read to its end by
/// the `png` decoder (signature, IHDR first, every checksum, no data missing), a JPEG's frame
/// header by the JPEG decoder the PDF uses, another kind by its header; at most
/// [`MAX_IMAGE_PIXELS`].
pub(crate) fn stored_image(bytes: &[u8]) -> Result<((u32, u32), Orientation), ImageTrouble> {
    match imagesize::image_type(bytes) {
        Ok(ImageType::Png) => png_size(bytes),
        Ok(ImageType::Jpeg) => {
            Ok((jpeg_size(bytes)?, jpeg_exif(bytes).map_or_else(Orientation::default, exif_orientation)))
        }
        // No image of a kind known at all (found from outside: a text file was "damaged or
        // false" when opened and "not a PNG, JPEG, GIF or WebP image" in the PDF export).
        Err(_) => Err(ImageTrouble::NotAnImage),
        Ok(_) => {
            let size = imagesize::blob_size(bytes).map_err(|_| ImageTrouble::Malformed)?;
            let (width, height) = (size.width as u64, size.height as u64);
            within_limits(width, height)?;
            match (u32::try_from(width), u32::try_from(height)) {
                (Ok(w), Ok(h)) => Ok(((w, h), Orientation::UPRIGHT)),
                _ => Err(ImageTrouble::Size { width, height }),
            }
        }
    }
}

/// A PNG's size, once every row of it has been read (a row at a time: the pixels are not
/// kept), and the orientation of an `eXIf` chunk before its pixels (a browser reads none after).
fn png_size(bytes: &[u8]) -> Result<((u32, u32), Orientation), ImageTrouble> {
    let mut decoder = png::Decoder::new(Cursor::new(bytes));
    // The pixel limit below is the one every image has; the decoder's own is in bytes.
    decoder.set_limits(png::Limits { bytes: usize::MAX });
    let mut reader = decoder.read_info().map_err(png_trouble)?;
    let (width, height) = (reader.info().width, reader.info().height);
    let orientation = reader.info().exif_metadata.as_deref().map_or_else(Orientation::default, exif_orientation);
    within_limits(width.into(), height.into())?;
    while reader.next_row().map_err(png_trouble)?.is_some() {}
    reader.finish().map_err(png_trouble)?;
    Ok(((width, height), orientation))
}

/// Why a PNG cannot be read, plainly: the decoder's own words name its internals.
fn png_trouble(e: png::DecodingError) -> ImageTrouble {
    match e {
        png::DecodingError::IoError(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => ImageTrouble::Cut,
        _ => ImageTrouble::Malformed,
    }
}

/// A JPEG's stored size from its frame (SOF) header.
fn jpeg_size(bytes: &[u8]) -> Result<(u32, u32), ImageTrouble> {
    let mut decoder = zune_jpeg::JpegDecoder::new(zune_jpeg::zune_core::bytestream::ZCursor::new(bytes));
    decoder.decode_headers().map_err(|_| ImageTrouble::Malformed)?;
    let (width, height) = decoder.dimensions().ok_or(ImageTrouble::Malformed)?;
    let (width, height) = (width as u32, height as u32);
    within_limits(width.into(), height.into())?;
    Ok((width, height))
}

/// Whether an image of `width` × `height` pixels is one a photo may have: none of them 0, at
/// most [`MAX_IMAGE_PIXELS`].
fn within_limits(width: u64, height: u64) -> Result<(), ImageTrouble> {
    if width == 0 || height == 0 {
        return Err(ImageTrouble::Size { width, height });
    }
    if width.saturating_mul(height) > MAX_IMAGE_PIXELS {
        return Err(ImageTrouble::TooManyPixels { width, height, most_million: MAX_IMAGE_PIXELS / 1_000_000 });
    }
    Ok(())
}
