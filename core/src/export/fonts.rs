//! Fonts for the press PDF and the glyph preflight: a CJK serif for text and a CJK sans
//! (bold) for heads, found on the system with `fontdb` by family name for the issue's
//! language (Noto Serif/Sans CJK, Source Han Serif/Sans), or given as files with `--font`.
//!
//! Files named with `--font` come first: with one file it sets everything (a collection
//! such as `NotoSerifCJK-Regular.ttc` gives the face of the language); with two or
//! more, the first sets text and the second heads. A face is read whole into memory once
//! and shared by the PDF writer, the shaper and the preflight.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use fontdb::{Database, FaceInfo, Source};

use crate::format::{printable, printable_path};
use crate::model::Language;

/// The Debian package that brings the fonts the press PDF looks for.
pub const FONT_PACKAGE: &str = "fonts-noto-cjk";

/// One face of a font file (a collection holds several).
#[derive(Clone)]
pub struct Face {
    /// The file it was read from.
    pub path: PathBuf,
    /// Its index in a collection (0 for a single font).
    pub index: u32,
    /// Its family name, as the font names it.
    pub family: String,
    data: Arc<Vec<u8>>,
}

impl fmt::Debug for Face {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Face({}#{} {:?})", self.path.display(), self.index, self.family)
    }
}

impl Face {
    /// The bytes of the whole file.
    pub fn data(&self) -> &Arc<Vec<u8>> {
        &self.data
    }

    /// The file's name, for messages.
    pub fn file_name(&self) -> String {
        let name =
            self.path.file_name().map_or_else(|| self.path.display().to_string(), |n| n.to_string_lossy().into_owned());
        printable(&name)
    }

    /// A reader of the face's tables, or None when the file is not a font after all.
    pub fn parse(&self) -> Option<rustybuzz::Face<'_>> {
        rustybuzz::Face::from_slice(&self.data, self.index)
    }

    /// `text` shaped with the OpenType `features` (tag and value: 1 on, 0 off), and the face's
    /// units per em; `None` when the file is not a font after all. The press PDF shapes each
    /// grapheme so, the HTML proof each run it narrows.
    pub fn shape(&self, text: &str, features: &[(&[u8; 4], u32)]) -> Option<(rustybuzz::GlyphBuffer, f32)> {
        let face = self.parse()?;
        let features: Vec<rustybuzz::Feature> = features
            .iter()
            .map(|&(tag, value)| rustybuzz::Feature::new(rustybuzz::ttf_parser::Tag::from_bytes(tag), value, ..))
            .collect();
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(text);
        Some((rustybuzz::shape(&face, &features, buffer), face.units_per_em().max(1) as f32))
    }
}

/// The faces the press PDF sets with.
#[derive(Debug, Clone)]
pub struct Fonts {
    /// Body, bylines, captions, credits, signers and dates.
    pub text: Face,
    /// Kickers, headlines, subheads and notice titles.
    pub heads: Face,
}

/// Why no fonts could be had.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FontError {
    /// No CJK face on the system and none given.
    NoCjkFont,
    /// A `--font` file that cannot be read, or holds no font.
    NotAFont { path: PathBuf, why: String },
    /// A font (its file name) that has none of the `used` Han characters of the issue: a
    /// Latin face, whose missing characters would be the whole issue (see
    /// [`preflight::not_cjk`](super::preflight::not_cjk)).
    NotCjk { font: String, used: usize },
}

impl fmt::Display for FontError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FontError::NoCjkFont => write!(
                f,
                "no CJK font found (looked for Noto Serif CJK, Noto Sans CJK, Source Han Serif and Source Han Sans); \
                 install the package {FONT_PACKAGE} (apt-get install {FONT_PACKAGE}) or name a font file with --font FILE"
            ),
            FontError::NotCjk { font, used } => write!(
                f,
                "the font {} has none of the {used} Han characters of the issue: it is no CJK font; \
                 name a CJK font file with --font, or install the package {FONT_PACKAGE} and leave --font out",
                printable(font)
            ),
            FontError::NotAFont { path, why } => {
                write!(
                    f,
                    "{}: {why}; expected an OpenType, TrueType or collection (.otf, .ttf, .ttc) font file for --font",
                    printable_path(path)
                )
            }
        }
    }
}

impl std::error::Error for FontError {}

impl Fonts {
    /// The fonts for `language`: from `given` files first, else found on the system.
    pub fn find(language: Language, given: &[PathBuf]) -> Result<Fonts, FontError> {
        if !given.is_empty() {
            return Fonts::from_files(language, given);
        }
        let mut db = Database::new();
        db.load_system_fonts();
        let text = best(&db, &serif_families(language), 400).or_else(|| best(&db, &sans_families(language), 400));
        let heads = best(&db, &sans_families(language), 700);
        let text = match (text, heads) {
            (Some(t), _) | (None, Some(t)) => t,
            (None, None) => return Err(FontError::NoCjkFont),
        };
        let text = face(&db, text)?;
        let heads = match heads {
            Some(h) => face(&db, h)?,
            None => text.clone(),
        };
        Ok(Fonts { text, heads })
    }

    /// The fonts of `files` (at least one): the first sets text, the second (else the
    /// first) heads; in a collection, the face of `language`.
    fn from_files(language: Language, files: &[PathBuf]) -> Result<Fonts, FontError> {
        let mut faces = Vec::new();
        for (n, path) in files.iter().take(2).enumerate() {
            // Either kind of collection gives the face of the language: a sans one
            // for text too (found from outside: NotoSansCJK-Regular.ttc as the text font set
            // a Chinese plate in the Japanese face, the collection's first).
            let (serif, sans) = (serif_families(language), sans_families(language));
            let families = if n == 0 { [serif, sans].concat() } else { [sans, serif].concat() };
            faces.push(Fonts::file_face(path, &families, if n == 0 { 400 } else { 700 })?);
        }
        let text = faces.remove(0);
        let heads = faces.pop().unwrap_or_else(|| text.clone());
        Ok(Fonts { text, heads })
    }

    /// The face of `path` that best matches `families` (else its first), checked readable.
    fn file_face(path: &Path, families: &[String], weight: u16) -> Result<Face, FontError> {
        let not_a_font = |why: String| FontError::NotAFont { path: path.to_path_buf(), why };
        let meta = std::fs::metadata(path).map_err(|e| not_a_font(e.to_string()))?;
        if !meta.is_file() {
            return Err(not_a_font("not a regular file".into()));
        }
        let mut db = Database::new();
        db.load_font_file(path).map_err(|e| not_a_font(e.to_string()))?;
        let id = best(&db, families, weight).or_else(|| db.faces().next().map(|f| f.id));
        let id = id.ok_or_else(|| not_a_font("no font in it".into()))?;
        face(&db, id)
    }
}

/// The face of `db` whose family comes first in `families`, nearest to `weight`.
fn best(db: &Database, families: &[String], weight: u16) -> Option<fontdb::ID> {
    let rank = |info: &FaceInfo| {
        let family = info.families.iter().filter_map(|(name, _)| families.iter().position(|f| f == name)).min()?;
        Some((family, info.weight.0.abs_diff(weight), info.id))
    };
    db.faces().filter_map(rank).min_by_key(|&(family, distance, _)| (family, distance)).map(|(_, _, id)| id)
}

/// The face `id` of `db`, read into memory and checked to parse.
fn face(db: &Database, id: fontdb::ID) -> Result<Face, FontError> {
    let Some(info) = db.face(id) else { return Err(FontError::NoCjkFont) };
    let family = info.families.first().map(|(name, _)| name.clone()).unwrap_or_default();
    let (path, data) = match &info.source {
        Source::File(path) | Source::SharedFile(path, _) => {
            let data =
                std::fs::read(path).map_err(|e| FontError::NotAFont { path: path.clone(), why: e.to_string() })?;
            (path.clone(), Arc::new(data))
        }
        Source::Binary(bytes) => (PathBuf::from(&family), Arc::new(bytes.as_ref().as_ref().to_vec())),
    };
    let face = Face { path, index: info.index, family, data };
    if face.parse().is_none() {
        return Err(FontError::NotAFont { path: face.path, why: "the font cannot be read".into() });
    }
    Ok(face)
}

/// The region suffix of the Noto and Source Han families for `language`.
fn region(language: Language) -> (&'static str, &'static str) {
    match language {
        Language::ZhHant => ("TC", "TC"),
        Language::Ja => ("JP", "JP"),
        Language::Ko => ("KR", "K"),
        Language::ZhHans | Language::En => ("SC", "SC"),
    }
}

/// Serif families for text, best first: the language's own, then any other region.
fn serif_families(language: Language) -> Vec<String> {
    families(language, "Noto Serif CJK", "Source Han Serif")
}

/// Sans families for heads, best first.
fn sans_families(language: Language) -> Vec<String> {
    families(language, "Noto Sans CJK", "Source Han Sans")
}

fn families(language: Language, noto: &str, source_han: &str) -> Vec<String> {
    let (noto_region, han_region) = region(language);
    let mut out = vec![format!("{noto} {noto_region}"), format!("{source_han} {han_region}"), source_han.to_string()];
    for other in ["SC", "TC", "JP", "KR", "HK"] {
        out.push(format!("{noto} {other}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn families_put_the_language_first() {
        assert_eq!(serif_families(Language::Ja)[0], "Noto Serif CJK JP");
        assert_eq!(sans_families(Language::Ko)[1], "Source Han Sans K");
        assert_eq!(serif_families(Language::ZhHans)[3], "Noto Serif CJK SC");
    }

    /// A sans collection named for text gives the face of the language, as a serif one
    /// does (runs where fonts-noto-cjk is installed).
    #[test]
    fn a_sans_collection_for_text_gives_the_languages_face() {
        let sans = PathBuf::from("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");
        if !sans.is_file() {
            return;
        }
        for (language, family) in [
            (Language::ZhHans, "Noto Sans CJK SC"),
            (Language::ZhHant, "Noto Sans CJK TC"),
            (Language::Ja, "Noto Sans CJK JP"),
            (Language::Ko, "Noto Sans CJK KR"),
        ] {
            let fonts = Fonts::find(language, std::slice::from_ref(&sans)).unwrap();
            assert_eq!((fonts.text.family.as_str(), fonts.heads.family.as_str()), (family, family), "{language:?}");
        }
    }

    #[test]
    fn a_file_that_is_no_font_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.ttf");
        std::fs::write(&path, "not a font").unwrap();
        let e = Fonts::find(Language::ZhHans, &[path]).unwrap_err();
        assert!(e.to_string().contains("x.ttf"), "{e}");
        assert!(matches!(e, FontError::NotAFont { .. }));
    }
}
