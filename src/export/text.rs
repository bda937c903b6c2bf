//! The text export: each page in monospace.

use crate::layout::Makeup;
use crate::tui::cells::AmbiWidth;

pub fn to_text(makeup: &Makeup, ambiwidth: AmbiWidth) -> String {
    let _ = (makeup, ambiwidth);
    String::new()
}
