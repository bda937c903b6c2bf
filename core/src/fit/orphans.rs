//! Orphans (孤字, docs/fit-accounting.md "Orphans"): with `orphans: Avoid`, a paragraph's last
//! line never holds a single character (opening marks before it and closing marks after it
//! aside) when the line before can give up its end — its last character, or from the last
//! place a line may break on where kinsoku keeps that one off a line's start (`だっ` of
//! `様子だっ` / `た。`) — and the last line still fits; the line count never grows.
//!
//! The greedy fill runs first; only when its last line is an orphan is the paragraph cut
//! again, to learn where a line may break in the line before and what the two lines then
//! measure.
//!
//! ```
//! use pasteup_core::fit::{set_paragraph, TextStyle, kinsoku::Rules};
//! use pasteup_core::model::{Kinsoku, Language, Orphans};
//! let style = TextStyle::new(4, Rules::new(Kinsoku::Strict, Language::ZhHans), true).indent(0);
//! let text = "一二三四五。";
//! let set = |style: &TextStyle| -> Vec<String> {
//!     set_paragraph(text, style).iter().map(|l| l.text(text).to_string()).collect()
//! };
//! assert_eq!(set(&style), ["一二三四", "五。"]);
//! assert_eq!(set(&style.orphans(Orphans::Avoid)), ["一二三", "四五。"]);
//! ```

use unicode_segmentation::UnicodeSegmentation;

use super::breaks::{Cluster, for_each_styled_cluster};
use super::fill::{Line, TextStyle, aligned_lead, hangs_after};
use super::punctuation::{Mark, mark};

/// Whether a line's text is one character, perhaps after opening marks and followed by closing
/// marks: those the punctuation styles know and the half-width `.,;:?!)]}` that kinsoku keeps
/// off a line's start alike (found from outside: a Korean paragraph's `다.` was left alone on
/// its line), and the opening ones before it as desks count a 孤字 (found from outside: `「戊」`
/// ended a paragraph alone).
pub fn is_orphan(line: &str) -> bool {
    use unicode_linebreak::{BreakClass::*, break_property};
    // Closing marks by their UAX #14 class too (CL, CP, EX, IS), which holds every half-width
    // one above (found from outside: `．` and `〙` were not set aside); opening ones by OP.
    let closes = |c: char| {
        mark(c) == Mark::Close
            || matches!(break_property(c as u32), ClosePunctuation | CloseParenthesis | Exclamation | InfixSeparator)
    };
    let opens = |c: char| mark(c) == Mark::Open || break_property(c as u32) == OpenPunctuation;
    let line = line.trim_start_matches(opens);
    let mut graphemes = line.graphemes(true);
    let Some(first) = graphemes.next() else { return false };
    let starts_with_mark = first.chars().next().is_some_and(closes);
    !starts_with_mark && first != " " && line[first.len()..].chars().all(closes)
}

/// Cells of a line made of `clusters` (no trailing spaces): their inline widths, less what
/// an opening mark gives back at its start and a closing mark at its end.
pub fn line_cells(clusters: &[Cluster]) -> u32 {
    let (Some(first), Some(last)) = (clusters.first(), clusters.last()) else { return 0 };
    clusters.iter().map(|c| c.cells).sum::<u32>()
        - u32::from(first.half_at_line_start)
        - u32::from(last.half_at_line_end)
}

/// Moves the end of the line before down to an orphaned last line: from the last place in it
/// a line may break, so one character where kinsoku lets it start a line and more where it
/// does not (found from outside: `様子だっ` / `た。` stayed, `っ` may not start a line), when
/// the line before keeps some text and the last line then still fits. `lines` are one
/// paragraph's, two or more.
pub(crate) fn avoid_orphan(text: &str, style: &TextStyle, lines: &mut [Line]) {
    let n = lines.len();
    let (before, last) = (lines[n - 2], lines[n - 1]);
    if !is_orphan(last.text(text)) {
        return;
    }
    let mut clusters = Vec::new();
    for_each_styled_cluster(text, style.ambiguous_wide, style.rules, style.punctuation, |c| clusters.push(c));
    let on_line = |from: usize, to: usize| {
        let a = clusters.partition_point(|c| c.start < from);
        let b = clusters.partition_point(|c| c.start < to);
        &clusters[a..b]
    };
    let Some(&moved) = on_line(before.start, before.end).iter().rfind(|c| c.break_before) else { return };
    let kept_end = text[..moved.start].trim_end_matches([' ', '\u{3000}']).len();
    if kept_end <= before.start {
        return;
    }
    let Some(last_cells) = fitting_cells(style, on_line(moved.start, last.end)) else { return };
    let last_lead = aligned_lead(style, 0, last_cells);
    let before_cells = line_cells(on_line(before.start, kept_end));
    let before_lead = aligned_lead(style, before.lead, before_cells);
    lines[n - 2] = Line { start: before.start, end: kept_end, cells: before_cells, lead: before_lead };
    lines[n - 1] = Line { start: moved.start, end: last.end, cells: last_cells, lead: last_lead };
}

/// The cells of a last line of `clusters` if it fits the measure: as set, or with its last
/// mark hung past the edge as the filler hangs one (found from outside: the orphan rule left
/// `五。` alone where `四五。` fits with `。` hung).
fn fitting_cells(style: &TextStyle, clusters: &[Cluster]) -> Option<u32> {
    let cells = line_cells(clusters);
    if aligned_lead(style, 0, cells) + cells <= style.width {
        return Some(cells);
    }
    let (&mark, before) = clusters.split_last()?;
    let first = before.first()?;
    // What stands before the mark at its present widths: nothing at the line's end is halved.
    // The hung mark ends the line, and counts as the filler counts one: at half an em where the
    // style halves it there (found from outside: under `LineEnd` a hung `。` the orphan rule
    // moved counted a full em, one a greedy line hung counted half).
    let before_cells = before.iter().map(|c| c.cells).sum::<u32>() - u32::from(first.half_at_line_start);
    let mark_cells = mark.cells - u32::from(mark.half_at_line_end);
    hangs_after(style, before_cells, mark).then_some(before_cells + mark_cells)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fit::fill::set_paragraph;
    use crate::fit::kinsoku::Rules;
    use crate::model::{Kinsoku, Language, Orphans};

    #[test]
    fn a_half_width_closer_after_the_character_still_makes_an_orphan() {
        for line in ["五", "五。", "五。”", "五.", "마.", "마?", "마)", "五,", "五．", "五〙", "五］", "五!"]
        {
            assert!(is_orphan(line), "{line}");
        }
        for line in ["五六", ".", "。", " 五", "마다."] {
            assert!(!is_orphan(line), "{line}");
        }
    }

    #[test]
    fn a_hung_mark_lets_the_character_before_come_down() {
        let style = TextStyle::new(2, Rules::new(Kinsoku::Strict, Language::ZhHans), true).indent(0).hanging(true);
        let text = "一二三四五。";
        let set = |style: &TextStyle| -> Vec<String> {
            set_paragraph(text, style).iter().map(|l| l.text(text).to_string()).collect()
        };
        assert_eq!(set(&style), ["一二", "三四", "五。"]);
        let avoided = set_paragraph(text, &style.orphans(Orphans::Avoid));
        let lines: Vec<&str> = avoided.iter().map(|l| l.text(text)).collect();
        assert_eq!(lines, ["一二", "三", "四五。"]);
        assert_eq!(avoided[2].cells, 6);
    }

    /// Found from outside: under `LineEnd` a hung `。` the orphan rule moved counted a full em
    /// (`四五。`, 6 cells), where one the greedy fill hung counts half (`三四。`, 5).
    #[test]
    fn a_hung_mark_the_rule_moves_counts_as_the_fill_counts_it() {
        use crate::model::Punctuation;
        let style = TextStyle::new(2, Rules::new(Kinsoku::Strict, Language::ZhHans), true)
            .indent(0)
            .hanging(true)
            .punctuation(Punctuation::LineEnd)
            .orphans(Orphans::Avoid);
        let last = |text: &str| {
            let lines = set_paragraph(text, &style);
            let line = lines[lines.len() - 1];
            (line.text(text).to_string(), line.cells)
        };
        assert_eq!(last("一二三四五。"), ("四五。".to_string(), 5));
        assert_eq!(last("一二三四。"), ("三四。".to_string(), 5));
    }

    /// Found from outside: `「戊」` ended a paragraph alone on its line; opening marks before
    /// the single character count no more than closing marks after it (孤字).
    #[test]
    fn opening_marks_before_the_character_still_make_an_orphan() {
        for line in ["「戊」", "“五”", "（五）。", "《五》", "「『五』」", "(5)"] {
            assert!(is_orphan(line), "{line}");
        }
        for line in ["「」", "「", "「五六」", "“ 五”"] {
            assert!(!is_orphan(line), "{line}");
        }
        let style = TextStyle::new(7, Rules::new(Kinsoku::Strict, Language::ZhHant), true).indent(0);
        let text = "一二三四五六七八九十甲乙丙丁「戊」";
        let set = |style: &TextStyle| -> Vec<String> {
            set_paragraph(text, style).iter().map(|l| l.text(text).to_string()).collect()
        };
        assert_eq!(set(&style), ["一二三四五六七", "八九十甲乙丙丁", "「戊」"]);
        assert_eq!(set(&style.orphans(Orphans::Avoid)), ["一二三四五六七", "八九十甲乙丙", "丁「戊」"]);
    }

    #[test]
    fn a_korean_paragraph_ending_in_a_full_stop_keeps_no_orphan() {
        let style = TextStyle::new(4, Rules::new(Kinsoku::Strict, Language::Ko), false).indent(0);
        let text = "가나다라마.";
        let set = |style: &TextStyle| -> Vec<String> {
            set_paragraph(text, style).iter().map(|l| l.text(text).to_string()).collect()
        };
        assert_eq!(set(&style), ["가나다라", "마."]);
        assert_eq!(set(&style.orphans(Orphans::Avoid)), ["가나다", "라마."]);
    }
}
