//! Narrowing for the HTML proof: a run the engine counts ½ em a character that the CJK faces
//! draw wider even with the feature the proof asks for — Greek, Cyrillic, accented Latin with
//! `hwid` (Noto Serif CJK SC: `Ж` 1.02 em, `ñ` 0.66 em, `é` 0.55 em), a dash in an English
//! issue with `halt` (`—` 0.9 em), a sign counted a full em with `fwid` (`№` 1.09 em) — is
//! squeezed to its engine width with
//! `transform: scaleX`, as the press PDF narrows such a glyph. A browser cannot be asked how
//! wide it draws a run without a script, and the proof has none: the run is measured here, in
//! the faces the press PDF finds (`export/fonts.rs`), which are the faces the proof names.
//! Where no CJK face is installed nothing is narrowed. ASCII needs no measuring: `hwid` sets
//! it ½ em in every face the proof names, as `halt` does the marks the punctuation styles halve.

use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;

use crate::export::fonts::{Face, Fonts};
use crate::model::Language;

/// A run measured: its face (0 serif, 1 sans), the feature it is drawn with, its text.
type RunKey = (usize, [u8; 4], String);

/// How a run is drawn into its cells.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(in crate::export) enum Narrow {
    /// As the face draws it: it fits (or cannot be measured, with no face found).
    AsDrawn,
    /// Squeezed by this horizontal scale.
    Scale(f64),
    /// Narrower than its cells (`°` `′` `″` `–`, which Noto Serif CJK TC has no full-width
    /// form of: `fwid` leaves `°` 0.36 em): each glyph stands in the middle of its own cells,
    /// as the press PDF centres a glyph narrower than its cells (found from outside: left in
    /// its em, `°` stood 0.32 em left of the PDF's).
    Centre,
    /// Clipped to its cells: the face lacks a glyph of it, so the browser draws it in a face
    /// of its own choosing, whose width is not known here (found from outside: `‱`, which
    /// Noto CJK lacks, ran 0.37 em past its ½-em slot, squeezed by the width of the face's
    /// empty box). The press PDF names such a character and stops.
    Clip,
}

/// The faces to measure with, found on first need, and what each run measured.
pub(in crate::export) struct Narrowing {
    language: Language,
    /// The text face (serif) and the heads face (sans), or none found.
    faces: OnceCell<Option<[Face; 2]>>,
    /// Advance in em of each run measured, by face (0 serif, 1 sans), feature and text.
    advances: RefCell<HashMap<RunKey, Option<f32>>>,
}

impl Narrowing {
    pub fn new(language: Language) -> Narrowing {
        Narrowing { language, faces: OnceCell::new(), advances: RefCell::new(HashMap::new()) }
    }

    /// No faces: nothing is narrowed (for tests that must not hang on the fonts installed).
    #[cfg(test)]
    pub fn without_faces() -> Narrowing {
        let narrowing = Narrowing::new(Language::ZhHans);
        let _ = narrowing.faces.set(None);
        narrowing
    }

    /// How `text`, a run drawn with the OpenType `feature` in the sans or the serif face, is
    /// drawn into `cells`: as drawn when it fills them (or cannot be measured), squeezed when
    /// the face draws it wider, centred glyph by glyph when narrower, clipped when the face
    /// lacks one of its glyphs.
    pub fn narrow(&self, sans: bool, text: &str, cells: u32, feature: &[u8; 4]) -> Narrow {
        let width = f64::from(cells) / 2.0;
        match self.advance(usize::from(sans), text, feature) {
            Some(Some(advance)) if f64::from(advance) > width + 1e-3 => Narrow::Scale(width / f64::from(advance)),
            Some(Some(advance)) if f64::from(advance) < width - 1e-3 => Narrow::Centre,
            Some(None) => Narrow::Clip,
            _ => Narrow::AsDrawn,
        }
    }

    /// The run's advance in em, `Some(None)` when the face lacks a glyph of it, `None` with no
    /// face to measure with.
    fn advance(&self, face: usize, text: &str, feature: &[u8; 4]) -> Option<Option<f32>> {
        let key = (face, *feature, text.to_string());
        if let Some(&a) = self.advances.borrow().get(&key) {
            return Some(a);
        }
        let faces = self.faces.get_or_init(|| Fonts::find(self.language, &[]).ok().map(|f| [f.text, f.heads]));
        let advance = advance_with(&faces.as_ref()?[face], text, feature)?;
        self.advances.borrow_mut().insert(key, advance);
        Some(advance)
    }
}

/// How wide `face` draws `text` with `feature`, in em, or `Some(None)` if it lacks a glyph
/// (glyph 0): without kerning or ligatures, as the proof's lines are drawn (`font-kerning:
/// none`, `font-variant-ligatures: none`; kerned, `ТАСС` measured 4% short of what Chromium
/// drew).
fn advance_with(face: &Face, text: &str, feature: &[u8; 4]) -> Option<Option<f32>> {
    let off = [(b"kern", 0), (b"liga", 0), (b"clig", 0), (b"calt", 0)];
    let features: Vec<(&[u8; 4], u32)> = std::iter::once((feature, 1)).chain(off).collect();
    let (out, upem) = face.shape(text, &features)?;
    if out.glyph_infos().iter().any(|g| g.glyph_id == 0) {
        return Some(None);
    }
    Some(Some(out.glyph_positions().iter().map(|p| p.x_advance as f32).sum::<f32>() / upem))
}
