//! The help popup's lines, laid out to fit the screen: the key table in as few columns side
//! by side as the height needs, each description wrapped onto lines of its own under the
//! description's first cell (by the fit engine's line breaker, kinsoku and all, so it wraps as
//! the page does: `cells::wrap_text`). When no layout shows every word on one screen,
//! the entries stand in one column shown a screen at a time: no word is ever cut.

use pasteup_core::catalogue::{Chrome, Render, UiLang};
use pasteup_core::fit::width::str_cells;

use crate::tui::cells::{Widths, wrap_text};

/// Cells the key labels take (the widest, `Ctrl-r`, and two spare), then one space.
const KEY_CELLS: u32 = 8;
/// Cells between two columns.
const GAP: u32 = 3;
/// The narrowest description worth wrapping into, in cells.
const MIN_TEXT: u32 = 16;

/// The help's lines for a popup over a screen of `width` × `height` cells (the popup's
/// frame and margins take 4 columns and 2 rows), from the key table's (keys, description).
pub fn help_lines(entries: &[(&str, String)], (width, height): (u16, u16), widths: Widths) -> Vec<String> {
    let inner = u32::from(width).saturating_sub(4);
    let rows = usize::from(height.saturating_sub(2)).max(1);
    let cells = |s: &str| str_cells(s, widths.page_ambiguous_wide);
    for n in 1..=entries.len().max(1) as u32 {
        let column = inner.saturating_sub(GAP * (n - 1)) / n;
        if column < KEY_CELLS + 1 + MIN_TEXT {
            break;
        }
        let wrapped: Vec<Vec<String>> =
            entries.iter().map(|(key, text)| wrap(key, text, column - KEY_CELLS - 1, widths)).collect();
        if let Some(columns) = pack(&wrapped, n as usize, rows) {
            return side_by_side(&columns, &cells);
        }
    }
    // Too small for the table on one screen: one column, every word, shown a screen at a time
    // (see [`help_screen`]). Found from outside: at 80×24 the table had been cut to one line an
    // entry, 17 descriptions ending in `…` and no way to read the rest.
    let text = inner.saturating_sub(KEY_CELLS + 1).max(1);
    entries.iter().flat_map(|(key, t)| wrap(key, t, text, widths)).collect()
}

/// Screen `page` (from 0, past the last: the last) of the help on a terminal of `size`, and
/// (this screen, screens) when it takes more than one.
pub fn help_page(size: (u16, u16), lang: UiLang, widths: Widths, page: usize) -> (Vec<String>, Option<(usize, usize)>) {
    let lines = help_lines(&crate::tui::keys::help_entries(lang), size, widths);
    help_screen(&lines, usize::from(size.1.saturating_sub(2)), page)
}

/// Screen `page` (from 0, past the last: the last) of the help's `lines` in `rows` rows: the
/// lines, and (this screen, screens) when there is more than one — the last row then says so.
fn help_screen(lines: &[String], rows: usize, page: usize) -> (Vec<String>, Option<(usize, usize)>) {
    if lines.len() <= rows {
        return (lines.to_vec(), None);
    }
    let starts = screen_starts(lines, rows);
    let page = page.min(starts.len() - 1);
    let end = starts.get(page + 1).copied().unwrap_or(lines.len());
    (lines[starts[page]..end].to_vec(), Some((page, starts.len())))
}

/// The popup's inner size for the help on a terminal of `size`: the widest line and the most
/// rows of any screen, its last row saying which screen it is. The popup keeps that size on
/// every screen (found from outside: at 40×10 it grew and shrank and moved from screen to
/// screen).
pub fn help_size(size: (u16, u16), lang: UiLang, widths: Widths) -> (u32, usize) {
    let lines = help_lines(&crate::tui::keys::help_entries(lang), size, widths);
    let rows = usize::from(size.1.saturating_sub(2));
    let widest = |ls: &[String]| ls.iter().map(|l| str_cells(l, widths.page_ambiguous_wide)).max().unwrap_or(0);
    if lines.len() <= rows {
        return (widest(&lines), lines.len());
    }
    let starts = screen_starts(&lines, rows);
    let pages = starts.len();
    let more = Chrome::HelpMore { page: pages, pages }.render(lang);
    let tallest = starts.iter().zip(starts.iter().skip(1).chain([&lines.len()])).map(|(a, b)| b - a).max();
    (widest(&lines).max(str_cells(&more, widths.page_ambiguous_wide)), tallest.unwrap_or(0) + 1)
}

/// Where each screen of the help's `lines` starts, in `rows` rows (the last one saying
/// which screen it is).
fn screen_starts(lines: &[String], rows: usize) -> Vec<usize> {
    let per = rows.saturating_sub(1).max(1);
    // Screens end between entries: a description's wrapped lines (which start blank, under
    // its first cell) stay on its key's screen, unless the entry is taller than a screen
    // (found from outside: a lone "it" began a screen).
    let mut starts = vec![0];
    let mut at = 0;
    while at + per < lines.len() {
        let mut end = at + per;
        while end > at + 1 && lines[end].starts_with(' ') {
            end -= 1;
        }
        at = if lines[end].starts_with(' ') { at + per } else { end };
        starts.push(at);
    }
    starts
}

/// The key label padded to the description's first cell, by the page's width rules.
fn key_cell(key: &str, widths: Widths) -> String {
    let pad = (KEY_CELLS + 1).saturating_sub(str_cells(key, widths.page_ambiguous_wide)).max(1) as usize;
    format!("{key}{:pad$}", "")
}

/// One entry's lines: the keys and the description's first line, then the rest of the
/// description `text` cells wide, under its first cell.
fn wrap(key: &str, text: &str, cells: u32, widths: Widths) -> Vec<String> {
    let under = " ".repeat((KEY_CELLS + 1) as usize);
    wrap_text(text, cells, widths)
        .into_iter()
        .enumerate()
        .map(|(k, line)| {
            let lead = if k == 0 { key_cell(key, widths) } else { under.clone() };
            format!("{lead}{line}")
        })
        .collect()
}

/// The entries in reading order in `n` columns of at most `rows` lines, an entry never split
/// between columns, the columns as even as they go; `None` when they do not fit.
fn pack(entries: &[Vec<String>], n: usize, rows: usize) -> Option<Vec<Vec<String>>> {
    let total: usize = entries.iter().map(Vec::len).sum();
    let tallest = entries.iter().map(Vec::len).max().unwrap_or(0);
    let least = total.div_ceil(n.max(1)).max(tallest).max(1);
    (least..=rows).find_map(|target| {
        let mut columns: Vec<Vec<String>> = vec![Vec::new()];
        for entry in entries {
            let last = columns.len() - 1;
            if !columns[last].is_empty() && columns[last].len() + entry.len() > target {
                columns.push(Vec::new());
            }
            columns.last_mut()?.extend(entry.iter().cloned());
        }
        (columns.len() <= n).then_some(columns)
    })
}

/// The columns side by side, each padded to its widest line, `GAP` cells apart.
fn side_by_side(columns: &[Vec<String>], cells: &dyn Fn(&str) -> u32) -> Vec<String> {
    let width: Vec<u32> = columns.iter().map(|c| c.iter().map(|l| cells(l)).max().unwrap_or(0)).collect();
    let rows = columns.iter().map(Vec::len).max().unwrap_or(0);
    (0..rows)
        .map(|r| {
            let mut row = String::new();
            for (k, column) in columns.iter().enumerate() {
                let line = column.get(r).map_or("", String::as_str);
                if k > 0 {
                    row.push_str(&" ".repeat(GAP as usize));
                }
                row.push_str(line);
                row.push_str(&" ".repeat((width[k] - cells(line)) as usize));
            }
            row.trim_end().to_string()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::cells::AmbiWidth;
    use crate::tui::keys::help_entries;

    const WIDTHS: Widths = Widths { page_ambiguous_wide: true, terminal: AmbiWidth::Single };

    /// Every character but spaces, sorted: what must survive the layout, none lost or added.
    fn ink(lines: impl IntoIterator<Item = String>) -> Vec<char> {
        let mut chars: Vec<char> = lines.into_iter().flat_map(|l| l.chars().collect::<Vec<_>>()).collect();
        chars.retain(|c| !c.is_whitespace());
        chars.sort_unstable();
        chars
    }

    fn laid_out(lang: UiLang, size: (u16, u16)) -> (Vec<String>, Vec<char>) {
        let entries = help_entries(lang);
        let lines = help_lines(&entries, size, WIDTHS);
        let want = ink(entries.into_iter().map(|(key, text)| format!("{key}{text}")));
        (lines, want)
    }

    #[test]
    fn every_word_of_the_help_shows_at_120_by_40_and_wider() {
        for lang in [UiLang::En, UiLang::ZhHans] {
            for size in [(120, 40), (200, 50), (90, 40)] {
                let (lines, want) = laid_out(lang, size);
                assert!(lines.len() <= usize::from(size.1) - 2, "{lang:?} {size:?}: {} rows", lines.len());
                for line in &lines {
                    let cells = str_cells(line, true);
                    assert!(cells <= u32::from(size.0) - 4, "{lang:?} {size:?}: {cells} cells: {line}");
                }
                assert_eq!(ink(lines), want, "{lang:?} {size:?}: a character lost or added");
            }
        }
    }

    #[test]
    fn a_description_too_long_wraps_under_its_first_cell() {
        let (lines, _) = laid_out(UiLang::En, (120, 40));
        // 40 entries in 38 rows: two columns, each description 47 cells at most.
        let at = lines.iter().position(|l| l.starts_with("}        move box down to meet the box below")).unwrap();
        // A bracketed aside that fits a line is not split (cells::wrap_text).
        assert!(lines[at + 1].starts_with("         (or the foot)"), "{}", lines[at + 1]);
        let (lines, _) = laid_out(UiLang::ZhHans, (90, 40));
        let at = lines.iter().position(|l| l.starts_with("{        稿件上移到贴住上面的稿件")).unwrap();
        assert!(lines[at + 1].starts_with("         "), "{}", lines[at + 1]);
        // Kinsoku: no wrapped line starts with a closing mark.
        assert!(lines.iter().all(|l| !l.trim_start().starts_with(['）', '，', '。', '、'])), "{lines:#?}");
    }

    /// Found from outside: the recovery question split `19 s ago` after the figure.
    #[test]
    fn a_question_keeps_a_no_break_space_whole() {
        let widths = Widths { page_ambiguous_wide: false, terminal: AmbiWidth::Single };
        let text = "last written 19\u{a0}s ago.";
        assert_eq!(crate::tui::cells::wrap_text(text, 16, widths), ["last written", "19\u{a0}s ago."]);
        let text = "最后写入于 19\u{a0}秒前。";
        assert!(crate::tui::cells::wrap_text(text, 12, widths).iter().any(|l| l.contains("19\u{a0}秒")));
    }

    /// Found from outside: at 80×24, the commonest terminal over SSH, 17 descriptions were cut
    /// with `…` and could not be read. Every word shows, a screen at a time.
    #[test]
    fn at_80_by_24_the_help_turns_screens_and_cuts_no_word() {
        for lang in [UiLang::En, UiLang::ZhHans] {
            let (all, want) = laid_out(lang, (80, 24));
            assert!(all.iter().all(|l| !l.ends_with('…') && str_cells(l, true) <= 76), "{all:#?}");
            assert_eq!(ink(all.clone()), want, "{lang:?}: a character lost or added");
            let (_, Some((_, pages))) = help_page((80, 24), lang, WIDTHS, 0) else { panic!("one screen") };
            let shown: Vec<String> = (0..pages).flat_map(|page| help_page((80, 24), lang, WIDTHS, page).0).collect();
            assert_eq!(shown, all, "{lang:?}");
        }
    }

    /// Found from outside: at 60×16 a screen began with the last word of the entry before.
    #[test]
    fn screens_end_between_entries_and_lose_nothing() {
        for (lang, size) in [(UiLang::En, (60, 16)), (UiLang::En, (40, 10)), (UiLang::ZhHans, (40, 10))] {
            let all = help_lines(&crate::tui::keys::help_entries(lang), size, WIDTHS);
            let (_, Some((_, pages))) = help_page(size, lang, WIDTHS, 0) else { panic!("one screen at {size:?}") };
            let mut shown = Vec::new();
            for page in 0..pages {
                let (lines, _) = help_page(size, lang, WIDTHS, page);
                assert!(!lines[0].starts_with(' '), "{lang:?} {size:?} screen {page}: {lines:#?}");
                assert!(lines.len() < usize::from(size.1 - 2), "{lines:#?}");
                shown.extend(lines);
            }
            assert_eq!(shown, all);
        }
    }
}
