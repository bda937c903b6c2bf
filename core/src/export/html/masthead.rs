//! How deep a page's masthead prints, so that its sheet holds it (found from outside: on a
//! page 12 em wide the masthead ran on to four lines, and the page printed across two sheets,
//! the masthead on the first and the grid on the second).
//!
//! The masthead is a wrapping flex row (paper, date, folio, section, grid note): on a narrow
//! page it runs on to more lines. The proof has no script to ask the browser how many, so the
//! export lays the parts out as the browser does, each part as wide as its text (an em a CJK
//! character, a little more than the sans draws a Latin one), a part wider than the line
//! alone on its line, the folio wrapped within it (it is never cut). A guess too wide leaves
//! white under the grid; the sheet keeps some room past the guess for one too narrow.

/// A Latin capital, other Latin characters and figures, and a space in Noto Sans CJK Bold, in
/// em, rounded up (`W` 0.74, `8` 0.57, `a` 0.55).
const CAPITAL_EM: f64 = 0.75;
const LETTER_EM: f64 = 0.62;
const SPACE_EM: f64 = 0.25;

/// Line height of the sans (Noto Sans CJK's `normal`), in em of each part's size.
const LINE_HEIGHT: f64 = 1.45;
/// Room between parts on a line, in rem (`column-gap`).
const GAP_REM: f64 = 0.5;
/// The least depth of the masthead, in rem (`min-height`).
const LEAST_REM: f64 = 3.0;

/// One part of a masthead: its text's width and its line's depth, in rem.
struct Part {
    width: f64,
    depth: f64,
    /// Whether it wraps within its line rather than being cut (the folio).
    wraps: bool,
}

impl Part {
    /// `text` at `size` rem, with `spacing` rem after each character and `padding` rem beside it.
    fn new(text: &str, size: f64, spacing: f64, padding: f64) -> Part {
        let width = text.chars().map(|c| char_em(c) * size + spacing).sum::<f64>() + padding;
        Part { width, depth: size * LINE_HEIGHT, wraps: false }
    }
}

fn char_em(c: char) -> f64 {
    match c {
        ' ' => SPACE_EM,
        'A'..='Z' => CAPITAL_EM,
        c if c.is_ascii() => LETTER_EM,
        // Wide, or a letter the CJK face may draw as wide.
        _ => 1.0,
    }
}

/// The masthead's depth in rem, its border and the room under it aside, on a page whose type
/// area is `width` rem wide.
pub(super) fn masthead_rem(width: f64, paper: &str, date: &str, folio: &str, section: Option<&str>, note: &str) -> f64 {
    let mut parts = vec![
        Part::new(paper, 1.8, 0.2, 0.0),
        Part::new(date, 1.0, 0.0, 0.0),
        Part { wraps: true, ..Part::new(folio, 1.3, 0.0, 0.0) },
    ];
    if let Some(section) = section {
        parts.push(Part::new(section, 1.3, 0.0, 0.8));
    }
    parts.push(Part::new(note, 0.9, 0.0, 0.0));
    let width = width.max(1.0);
    let (mut depth, mut line_depth, mut used) = (0.0, 0.0_f64, None::<f64>);
    for part in &parts {
        // The folio, alone on lines of its own, takes as many as its text needs.
        let part_depth = if part.wraps { part.depth * (part.width / width).ceil().max(1.0) } else { part.depth };
        match used {
            Some(u) if u + GAP_REM + part.width <= width => {
                used = Some(u + GAP_REM + part.width);
                line_depth = line_depth.max(part_depth);
            }
            _ => {
                depth += line_depth;
                used = Some(part.width);
                line_depth = part_depth;
            }
        }
    }
    (depth + line_depth).max(LEAST_REM)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wide_page_has_its_masthead_on_one_line_and_a_narrow_one_on_several() {
        let note = "8 columns of 13 em, gutter 1 em, 100 lines; 12 boxes, fit 0";
        let wide = masthead_rem(111.0, "太原日报", "2023-02-10", "page 1", Some("要闻"), note);
        assert_eq!(wide, LEAST_REM);
        let narrow = masthead_rem(12.0, "臺北日報", "2026-12-06", "page 2", Some("地方新聞"), note);
        // Paper; date and folio; section; note.
        assert!(narrow >= 1.8 * LINE_HEIGHT + 1.3 * LINE_HEIGHT * 2.0 + 0.9 * LINE_HEIGHT, "{narrow}");
        // The folio of 11 characters on a 7-em page wraps on to a second line.
        let folio = masthead_rem(7.0, "報", "1", "page 123456", None, "n");
        assert!(folio >= 1.3 * LINE_HEIGHT * 2.0 + 1.8 * LINE_HEIGHT, "{folio}");
    }
}
