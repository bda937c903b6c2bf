//! How a photo stands upright: the EXIF orientation a phone or camera writes instead of
//! turning the pixels (1–8: the stored picture turned a quarter, a half or three quarters,
//! mirrored or not). Every command sizes a photo upright and the press PDF draws it so, as a
//! browser shows it in the HTML proof: from a JPEG's first EXIF (APP1) segment before its
//! scan, or a PNG's `eXIf` chunk before its pixels; none in a GIF or a WebP, whose EXIF a
//! browser does not turn by either. EXIF that cannot be read, or a value outside 1–8, is
//! orientation 1: a photo is never refused for its metadata.

/// The EXIF orientation of a photo's image, 1–8 (1: stored upright).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Orientation(u8);

impl Default for Orientation {
    fn default() -> Self {
        Orientation::UPRIGHT
    }
}

impl Orientation {
    /// Stored as it stands.
    pub const UPRIGHT: Orientation = Orientation(1);

    /// The orientation EXIF value `value` says, or upright for one outside 1–8.
    pub fn from_exif_value(value: u16) -> Orientation {
        match u8::try_from(value) {
            Ok(v @ 1..=8) => Orientation(v),
            _ => Orientation::UPRIGHT,
        }
    }

    /// Whether the picture stands a quarter turn from how it is stored (5–8), so that its
    /// width is its stored height.
    pub fn turns_sideways(self) -> bool {
        self.0 >= 5
    }

    /// The upright width and height of a picture stored `width` × `height`.
    pub fn upright<T>(self, (width, height): (T, T)) -> (T, T) {
        if self.turns_sideways() { (height, width) } else { (width, height) }
    }

    /// The affine map `(sx, ky, kx, sy, tx, ty)` (x′ = sx·x + kx·y + tx, y′ = ky·x + sy·y + ty,
    /// y downwards) that stands the stored picture, drawn `width` × `height` from the origin,
    /// upright in the rectangle from the origin its [`Orientation::upright`] size.
    pub fn placing(self, width: f32, height: f32) -> [f32; 6] {
        let (w, h) = (width, height);
        match self.0 {
            2 => [-1.0, 0.0, 0.0, 1.0, w, 0.0],
            3 => [-1.0, 0.0, 0.0, -1.0, w, h],
            4 => [1.0, 0.0, 0.0, -1.0, 0.0, h],
            5 => [0.0, 1.0, 1.0, 0.0, 0.0, 0.0],
            6 => [0.0, 1.0, -1.0, 0.0, h, 0.0],
            7 => [0.0, -1.0, -1.0, 0.0, h, w],
            8 => [0.0, -1.0, 1.0, 0.0, 0.0, w],
            _ => [1.0, 0.0, 0.0, 1.0, 0.0, 0.0],
        }
    }
}

/// The orientation EXIF `tiff` (a TIFF header and its directories, as a JPEG's APP1 holds it
/// after `Exif\0\0` and a PNG's `eXIf` holds it) gives in its first directory: the tag
/// 0x0112, one SHORT, as browsers read it. Upright where there is none or it cannot be read.
pub fn exif_orientation(tiff: &[u8]) -> Orientation {
    read_orientation(tiff).map_or(Orientation::UPRIGHT, Orientation::from_exif_value)
}

fn read_orientation(tiff: &[u8]) -> Option<u16> {
    let big_endian = match tiff.get(..4)? {
        [b'I', b'I', 42, 0] => false,
        [b'M', b'M', 0, 42] => true,
        _ => return None,
    };
    let u16_at = |at: usize| {
        let b: [u8; 2] = tiff.get(at..at.checked_add(2)?)?.try_into().ok()?;
        Some(if big_endian { u16::from_be_bytes(b) } else { u16::from_le_bytes(b) })
    };
    let u32_at = |at: usize| {
        let b: [u8; 4] = tiff.get(at..at.checked_add(4)?)?.try_into().ok()?;
        Some(if big_endian { u32::from_be_bytes(b) } else { u32::from_le_bytes(b) })
    };
    let directory = usize::try_from(u32_at(4)?).ok()?;
    let entries = u16_at(directory)?;
    // Twelve bytes an entry: tag, type, count, then the value itself when it fits in four.
    (0..usize::from(entries)).find_map(|n| {
        let entry = directory.checked_add(2)?.checked_add(n.checked_mul(12)?)?;
        let (tag, kind, count) = (u16_at(entry)?, u16_at(entry + 2)?, u32_at(entry + 4)?);
        (tag == 0x0112 && kind == 3 && count == 1).then(|| u16_at(entry + 8)).flatten()
    })
}

/// The EXIF (TIFF) bytes of the JPEG `bytes`: the first APP1 segment that opens with
/// `Exif\0\0` before the scan starts, as a browser reads it. None in a JPEG without one, or
/// whose markers cannot be followed that far.
pub fn jpeg_exif(bytes: &[u8]) -> Option<&[u8]> {
    let mut at = 2; // past SOI
    loop {
        // A marker is 0xFF and its code; any more 0xFF before the code are fill.
        if *bytes.get(at)? != 0xFF {
            return None;
        }
        while *bytes.get(at)? == 0xFF {
            at += 1;
        }
        let code = *bytes.get(at)?;
        at += 1;
        match code {
            // The scan, or the image's end: no EXIF comes before the pixels.
            0xDA | 0xD9 => return None,
            // Markers that stand alone, with no length.
            0x01 | 0xD0..=0xD8 => continue,
            _ => {}
        }
        let length = usize::from(u16::from_be_bytes(bytes.get(at..at + 2)?.try_into().ok()?));
        let segment = bytes.get(at + 2..at.checked_add(length)?)?;
        if code == 0xE1
            && let Some(tiff) = segment.strip_prefix(b"Exif\0\0")
        {
            return Some(tiff);
        }
        at += length.max(2);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// TIFF with one directory of `entries` (tag, type, count, value), little-endian.
    fn tiff(entries: &[(u16, u16, u32, u16)]) -> Vec<u8> {
        let mut t = b"II\x2a\x00\x08\x00\x00\x00".to_vec();
        t.extend((entries.len() as u16).to_le_bytes());
        for &(tag, kind, count, value) in entries {
            t.extend(tag.to_le_bytes());
            t.extend(kind.to_le_bytes());
            t.extend(count.to_le_bytes());
            t.extend(value.to_le_bytes());
            t.extend([0, 0]);
        }
        t.extend([0, 0, 0, 0]);
        t
    }

    #[test]
    fn the_orientation_tag_is_found_among_others_and_anything_else_is_upright() {
        // Make, then orientation 6.
        let t = tiff(&[(0x010F, 2, 4, 0x4141), (0x0112, 3, 1, 6)]);
        assert_eq!(exif_orientation(&t), Orientation(6));
        // Not a SHORT, not one value, out of range, absent.
        for bad in [(0x0112, 4, 1, 6), (0x0112, 3, 2, 6), (0x0112, 3, 1, 0), (0x0112, 3, 1, 9), (0x0110, 3, 1, 6)] {
            assert_eq!(exif_orientation(&tiff(&[bad])), Orientation::UPRIGHT, "{bad:?}");
        }
        // Every cut, and a directory said to lie far past the end.
        for n in 0..t.len() {
            assert!((1..=8).contains(&exif_orientation(&t[..n]).0));
        }
        let mut far = t.clone();
        far[4..8].copy_from_slice(&u32::MAX.to_le_bytes());
        assert_eq!(exif_orientation(&far), Orientation::UPRIGHT);
    }

    #[test]
    fn a_jpeg_s_first_exif_before_its_scan_is_read() {
        let app = |code: u8, body: &[u8]| {
            let mut s = vec![0xFF, code];
            s.extend(((body.len() + 2) as u16).to_be_bytes());
            s.extend(body);
            s
        };
        let exif = |v: u16| [b"Exif\0\0".as_slice(), &tiff(&[(0x0112, 3, 1, v)])].concat();
        let jfif = app(0xE0, b"JFIF\0\x01\x01");
        let xmp = app(0xE1, b"http://ns.adobe.com/xap/1.0/\0<x/>");
        let sos = [0xFF, 0xDA, 0x00, 0x02];
        let jpeg =
            [&[0xFF, 0xD8][..], &jfif, &[0xFF, 0xFF][..], &xmp, &app(0xE1, &exif(6)), &app(0xE1, &exif(3)), &sos]
                .concat();
        assert_eq!(jpeg_exif(&jpeg).map(exif_orientation), Some(Orientation(6)));
        let late = [&[0xFF, 0xD8][..], &jfif, &sos, &app(0xE1, &exif(6))].concat();
        assert_eq!(jpeg_exif(&late), None);
        for n in 0..jpeg.len() {
            let _ = jpeg_exif(&jpeg[..n]);
        }
    }

    #[test]
    fn each_orientation_stands_the_stored_corners_where_the_exif_rule_puts_them() {
        // A 4 × 3 stored picture: where its top-left (0, 0) and top-right (4, 0) corners go.
        let corners = [
            (1, (0.0, 0.0), (4.0, 0.0)),
            (2, (4.0, 0.0), (0.0, 0.0)),
            (3, (4.0, 3.0), (0.0, 3.0)),
            (4, (0.0, 3.0), (4.0, 3.0)),
            (5, (0.0, 0.0), (0.0, 4.0)),
            (6, (3.0, 0.0), (3.0, 4.0)),
            (7, (3.0, 4.0), (3.0, 0.0)),
            (8, (0.0, 4.0), (0.0, 0.0)),
        ];
        for (v, top_left, top_right) in corners {
            let o = Orientation::from_exif_value(v);
            let [sx, ky, kx, sy, tx, ty] = o.placing(4.0, 3.0);
            let map = |(x, y): (f32, f32)| (sx * x + kx * y + tx, ky * x + sy * y + ty);
            assert_eq!((map((0.0, 0.0)), map((4.0, 0.0))), (top_left, top_right), "orientation {v}");
            assert_eq!(o.upright((4, 3)), if v >= 5 { (3, 4) } else { (4, 3) });
        }
    }
}
