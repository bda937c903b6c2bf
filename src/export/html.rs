//! The HTML export: a self-contained print proof.

use super::Assets;
use crate::layout::Makeup;

pub fn to_html(makeup: &Makeup, assets: &Assets) -> String {
    let _ = (makeup, assets);
    String::new()
}
