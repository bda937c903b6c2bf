//! The built-in sample issue (Taiyuan Daily, 10 February 2023, pages 3 and 4), compiled into
//! the binary so that plain `pasteup` shows a real page at once.

/// File name the sample's issue is known by (and saved as, beside its layout).
pub const ISSUE_FILE: &str = "taiyuan-2023-02-10.ron";
/// File name of the sample's starting layout.
pub const LAYOUT_FILE: &str = "taiyuan-2023-02-10.layout.ron";
/// Folder, under the current one, where the editor saves the sample when asked to: laid out
/// as in the repository, so that the issue's `../assets/…` photos stand beside it.
pub const SAVE_DIR: &str = "pasteup-sample/layouts";

pub const ISSUE: &str = include_str!("../../layouts/taiyuan-2023-02-10.ron");
pub const LAYOUT: &str = include_str!("../../layouts/taiyuan-2023-02-10.layout.ron");

/// The sample's photo files, by the path the issue names them with.
pub const IMAGES: &[(&str, &[u8])] = &[
    ("../assets/snow-traffic.png", include_bytes!("../../assets/snow-traffic.png")),
    ("../assets/xishan-railway.png", include_bytes!("../../assets/xishan-railway.png")),
    ("../assets/power-grid.png", include_bytes!("../../assets/power-grid.png")),
];

/// The bytes of a sample photo file.
pub fn image(path: &str) -> Option<&'static [u8]> {
    IMAGES.iter().find(|(name, _)| *name == path).map(|(_, bytes)| *bytes)
}
