//! Fit as newsroom systems show it: box depth minus the depth the item needs, in whole lines.
//! Negative is overset (and how many characters would be cut), positive is short.
//!
//! ```
//! use pasteup_core::fit::Fit;
//! let fit = Fit { box_depth: 40, depth_needed: 45, overset_lines: 13, overset_chars: 150 };
//! assert_eq!(fit.lines(), -5);
//! assert_eq!(fit.badge(), "-5 overset");
//! assert_eq!(Fit { box_depth: 40, depth_needed: 37, overset_lines: 0, overset_chars: 0 }.badge(), "+3 short");
//! ```

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Fit {
    /// The box's depth in body lines.
    pub box_depth: u32,
    /// The depth the item needs at the box's span.
    pub depth_needed: u32,
    /// Lines of the grid that fall outside the box: body lines across all legs, plus the
    /// depth of the heads and foot below it (a 2-em headline row counts 2 lines).
    pub overset_lines: u32,
    /// Characters on those lines (spaces not counted).
    pub overset_chars: u32,
}

impl Fit {
    /// Box depth minus needed depth: negative = overset, positive = short, 0 = fits.
    pub fn lines(&self) -> i64 {
        i64::from(self.box_depth) - i64::from(self.depth_needed)
    }

    pub fn is_overset(&self) -> bool {
        self.lines() < 0
    }

    /// `fits`, `+3 short` or `-5 overset`.
    pub fn badge(&self) -> String {
        match self.lines() {
            0 => "fits".to_string(),
            n if n > 0 => format!("+{n} short"),
            n => format!("{n} overset"),
        }
    }
}
