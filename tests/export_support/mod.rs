//! What the export tests share.

use std::path::{Path, PathBuf};

/// Writes `STEM.ron` and `STEM.layout.ron` in `dir`; their paths.
#[allow(dead_code, reason = "not every test that shares this module writes issues")]
pub fn write_pair(dir: &Path, stem: &str, issue: &str, layout: &str) -> (PathBuf, PathBuf) {
    let (i, l) = (dir.join(format!("{stem}.ron")), dir.join(format!("{stem}.layout.ron")));
    std::fs::write(&i, issue).unwrap();
    std::fs::write(&l, layout).unwrap();
    (i, l)
}

/// A phone's photo: a 320 × 240 JPEG as the camera stored it, white, with a black block on
/// its top-left quarter-by-quarter corner and a grey (128) one on its top-right, and an EXIF
/// orientation of `orientation` (none when 0), written big-endian (`MM`) when `big_endian`.
#[allow(dead_code, reason = "not every test that shares this module builds photos")]
pub fn phone_jpeg(orientation: u16, big_endian: bool) -> Vec<u8> {
    let (w, h) = (320usize, 240usize);
    let mut rgb = vec![255u8; w * h * 3];
    for y in 0..h / 4 {
        for x in (0..w / 4).chain(w * 3 / 4..w) {
            let v = if x < w / 2 { 0 } else { 128 };
            rgb[(y * w + x) * 3..][..3].fill(v);
        }
    }
    let mut bytes = Vec::new();
    let mut encoder = jpeg_encoder::Encoder::new(&mut bytes, 95);
    if orientation != 0 {
        encoder.add_exif_metadata(&exif_orientation(orientation, big_endian)).unwrap();
    }
    encoder.encode(&rgb, w as u16, h as u16, jpeg_encoder::ColorType::Rgb).unwrap();
    bytes
}

/// EXIF (a TIFF header and one directory) holding only an orientation tag.
#[allow(dead_code, reason = "not every test that shares this module builds photos")]
pub fn exif_orientation(orientation: u16, big_endian: bool) -> Vec<u8> {
    let u16b = |v: u16| if big_endian { v.to_be_bytes() } else { v.to_le_bytes() };
    let u32b = |v: u32| if big_endian { v.to_be_bytes() } else { v.to_le_bytes() };
    let mut tiff = if big_endian { b"MM".to_vec() } else { b"II".to_vec() };
    tiff.extend(u16b(42));
    tiff.extend(u32b(8));
    tiff.extend(u16b(1));
    // Orientation (0x0112), SHORT, one value, held in the entry's first two bytes.
    tiff.extend(u16b(0x0112));
    tiff.extend(u16b(3));
    tiff.extend(u32b(1));
    tiff.extend(u16b(orientation));
    tiff.extend([0, 0]);
    tiff.extend(u32b(0));
    tiff
}

/// A photo of [`phone_jpeg`] (as `rot.jpg`) made 30 lines deep at a span of 21 em (10-em
/// columns, 1-em gutter), deeper than its upright picture: the picture is cropped about its
/// middle, a fifth of it off each side.
#[allow(dead_code, reason = "not every test that shares this module builds photos")]
pub const CROPPED_ISSUE: &str = r#"Issue(paper: "太原日报", date: "2023-02-10", pages: [
    Page(number: 1, grid: Grid(columns: 4, column_width: 10, gutter: 1, depth: 40))],
  items: [Photo(id: "rot", caption: "扫雪。", span: 2, height: 30, file: Some("rot.jpg"))])"#;

/// The layout of [`CROPPED_ISSUE`], written as `n.layout.ron` beside it as `n.ron`.
#[allow(dead_code, reason = "not every test that shares this module builds photos")]
pub const CROPPED_LAYOUT: &str = r#"Layout(issue: "n.ron", pages: [PageLayout(number: 1, placements: [
    Placement(item: "rot", column: 1, span: 2, line: 1, depth: Auto)])])"#;

/// What [`CROPPED_ISSUE`]'s picture shows at points of its frame (fractions of its width and
/// depth), for `orientation` 6 or 7: 0 black, 128 grey, 255 white.
#[allow(dead_code, reason = "not every test that shares this module builds photos")]
pub fn cropped_points(orientation: u16) -> Vec<((f64, f64), u8)> {
    // Upright the picture is 240 × 320, scaled to 45 em deep and so 33.75 em wide: 6.375 em
    // off each side of the 21-em frame. Its right quarter (from 25.3 em) shows from 0.90 of
    // the frame's width; its left and its middle are white.
    let (top, bottom) = if orientation == 6 { (0, 128) } else { (128, 0) };
    vec![
        ((0.96, 0.125), top),
        ((0.96, 0.875), bottom),
        ((0.85, 0.125), 255),
        ((0.05, 0.125), 255),
        ((0.05, 0.875), 255),
        ((0.5, 0.5), 255),
    ]
}

/// A body whose first line, in an 11-em column under `Full` with `hanging: true`, is 21 cells
/// of text (`（CAAM）统计，1—11月`) before a hung `，`: an odd number of cells short of the
/// measure, so justifying must spread it before the mark can start at the measure.
pub const HUNG_LINE: &str = "（CAAM）统计，1—11月，";

/// `STEM.ron` and `STEM.layout.ron` in `dir`: one article in an 11-em column (gutter 1, no
/// indent, `hanging: true`, `grid` added to the page's grid) whose first line is [`HUNG_LINE`].
#[allow(dead_code, reason = "not every test file that shares this module uses it")]
pub fn hung_pair(dir: &Path, stem: &str, grid: &str) -> (PathBuf, PathBuf) {
    write_pair(
        dir,
        stem,
        &format!(
            r#"Issue(paper: "日报", date: "2026-12-07", pages: [
    Page(number: 1, grid: Grid(columns: 2, column_width: 11, gutter: 1, depth: 20, indent: 0, hanging: true{grid}))],
  items: [Article(id: "a", headline: "汽车", body: ["{HUNG_LINE}汽车产销分别完成两千万辆和两千万辆，同比分别增长百分之五。"])])"#
        ),
        &format!(
            r#"Layout(issue: "{stem}.ron", pages: [PageLayout(number: 1, placements: [
    Placement(item: "a", column: 1, span: 1, line: 1, depth: Auto)])])"#
        ),
    )
}
