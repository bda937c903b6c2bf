//! Photo files for the HTML export: read beside the issue (or from the built-in sample),
//! only when they are regular image files of a sane size, and inlined as `data:` URIs.

use base64::Engine as _;
use imagesize::ImageType;
use std::path::{Path, PathBuf};

use crate::format::{ImageTrouble, read_photo};
use crate::sample;

pub use crate::format::MAX_IMAGE_BYTES;

/// Where photo files come from.
#[derive(Debug, Clone, Default)]
pub enum Assets {
    /// Nowhere: every photo is a labelled frame.
    #[default]
    None,
    /// The images built into the program with the sample issue.
    Sample,
    /// Files relative to this folder (the issue file's folder, through links its real file's).
    Dir(PathBuf),
}

impl Assets {
    /// The assets of the issue at `issue_path` (the built-in sample's when `is_sample`).
    pub fn for_issue(issue_path: &Path, is_sample: bool) -> Assets {
        if is_sample {
            return Assets::Sample;
        }
        Assets::Dir(crate::format::real_folder(issue_path))
    }

    /// The bytes of `file` if it is there, a regular file, and not too large; none where no
    /// files are wanted ([`Assets::None`]); else why not.
    pub fn bytes(&self, file: &str) -> Result<Option<Vec<u8>>, ImageTrouble> {
        match self {
            Assets::None => Ok(None),
            Assets::Sample => sample::image(file).map(|b| Some(b.to_vec())).ok_or(ImageTrouble::Missing),
            Assets::Dir(dir) => read_photo(&dir.join(file)).map(Some),
        }
    }

    /// `data:image/…;base64,…` for `file`, if it is a PNG, JPEG, GIF or WebP image the press
    /// PDF would print.
    pub fn data_uri(&self, file: &str) -> Option<String> {
        let bytes = self.bytes(file).ok().flatten()?;
        let mime = image_mime(&bytes).filter(|_| super::pdf::prints(&bytes))?;
        Some(format!("data:{mime};base64,{}", base64(&bytes)))
    }
}

/// The image type by its first bytes (never by the file name, which the issue chose): the
/// types a browser shows, as `imagesize` recognises them.
pub fn image_mime(bytes: &[u8]) -> Option<&'static str> {
    match imagesize::image_type(bytes).ok()? {
        ImageType::Png => Some("image/png"),
        ImageType::Jpeg => Some("image/jpeg"),
        ImageType::Gif => Some("image/gif"),
        ImageType::Webp => Some("image/webp"),
        _ => None,
    }
}

/// Standard base64 with padding (RFC 4648).
pub fn base64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc_4648_vectors() {
        let cases = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in cases {
            assert_eq!(base64(plain.as_bytes()), encoded, "{plain}");
        }
        assert_eq!(base64(&[0xFF, 0xFE, 0xFD]), "//79");
    }

    #[test]
    fn only_images_are_inlined() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("secret.png"), "not an image").unwrap();
        std::fs::write(dir.path().join("a.png"), b"\x89PNG\r\n\x1a\nrest").unwrap();
        let assets = Assets::Dir(dir.path().to_path_buf());
        assert_eq!(assets.data_uri("secret.png"), None);
        assert_eq!(assets.data_uri("missing.png"), None);
        assert_eq!(assets.data_uri("."), None);
        // Found from outside: a PNG's signature and junk was inlined, and the browser showed
        // its broken-image mark where the press PDF draws a grey frame.
        assert_eq!(assets.data_uri("a.png"), None);
        let real = sample::image("../assets/snow-traffic.png").unwrap();
        std::fs::write(dir.path().join("b.png"), real).unwrap();
        assert_eq!(assets.data_uri("b.png").unwrap(), format!("data:image/png;base64,{}", base64(real)));
        assert!(Assets::Sample.data_uri("../assets/snow-traffic.png").is_some());
        assert_eq!(Assets::None.data_uri("../assets/snow-traffic.png"), None);
    }
}
