//! Putting set text on the screen cell by cell, so that every column rule stands at the same
//! terminal cell on every row whatever the text (docs/fit-accounting.md, the README's keys).
//!
//! The fit engine measures East Asian Ambiguous characters (“ ” × — …) as one em in a CJK
//! issue; terminals draw them one cell wide by default (`--ambiwidth single`) or two when so
//! configured (`double`). We pad after a character the terminal draws narrower than the page
//! measures it, and tell ratatui the true width of one it draws wider, so the next character
//! lands where the page says. Nothing from the text reaches the terminal raw: control
//! characters are shown as U+FFFD.

use std::num::NonZeroU16;

use ratatui::buffer::{Buffer, CellDiffOption, CellWidth};
use ratatui::style::Style;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use pasteup_core::fit::glyphs::narrow_stand_in;
use pasteup_core::fit::kinsoku::Rules;
pub use pasteup_core::fit::width::AmbiWidth;
use pasteup_core::fit::width::{grapheme_cells, str_cells};
use pasteup_core::fit::{TextStyle, set_paragraph};
use pasteup_core::model::{Kinsoku, Language, Orphans};

/// What the page measures and what the terminal draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Widths {
    /// Ambiguous characters are one em on the page (a CJK issue).
    pub page_ambiguous_wide: bool,
    pub terminal: AmbiWidth,
}

/// Cells the terminal takes to draw one grapheme.
fn terminal_cells(g: &str, terminal: AmbiWidth) -> u16 {
    let w = match terminal {
        AmbiWidth::Single => g.width(),
        AmbiWidth::Double => g.width_cjk(),
    };
    w.clamp(1, 2) as u16
}

fn is_unprintable(g: &str) -> bool {
    g.chars().any(|c| {
        c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    })
}

/// Writes `text` at (`x`, `y`), taking at most `max` cells, and returns the cells taken as the
/// page measures them. A character that would straddle the limit is not drawn.
pub fn put_text(buf: &mut Buffer, x: u16, y: u16, max: u16, text: &str, style: Style, widths: Widths) -> u16 {
    let area = buf.area;
    let limit = x.saturating_add(max).min(area.right());
    let taken = put_clipped(buf, i64::from(x), y, (x.max(area.left()), limit), text, style, widths);
    u16::try_from(taken).unwrap_or(u16::MAX)
}

/// Writes what of `text`, its first cell at `x` (left of `from` when scrolled out of sight),
/// falls in the cells `from..to` of row `y`, and returns the cells it took as the page
/// measures them. A character cut by the right edge is not drawn; the half of a wide one cut by
/// the left edge is drawn as a blank, so the cells right of it stay where the page says.
pub fn put_clipped(
    buf: &mut Buffer,
    x: i64,
    y: u16,
    (from, to): (u16, u16),
    text: &str,
    style: Style,
    widths: Widths,
) -> i64 {
    let area = buf.area;
    if y < area.top() || y >= area.bottom() {
        return 0;
    }
    let (from, to) = (i64::from(from.max(area.left())), i64::from(to.min(area.right())));
    let mut at = x;
    for g in text.graphemes(true) {
        let (symbol, page) =
            if is_unprintable(g) { ("\u{FFFD}", 1) } else { (g, grapheme_cells(g, widths.page_ambiguous_wide) as u16) };
        if page == 0 {
            continue;
        }
        let end = at + i64::from(page);
        if end > to {
            break;
        }
        if at >= from {
            let drawn = terminal_cells(symbol, widths.terminal);
            let symbol = if drawn > page { narrow_stand_in(symbol) } else { symbol };
            let drawn = drawn.min(page);
            let cell = &mut buf[(at as u16, y)];
            cell.set_symbol(symbol).set_style(style);
            // Against ratatui's own count, which the screen's diff goes by: it counts a
            // half-width kana's sound mark once more than unicode-width does (`ｶﾞ` 3 cells), and
            // the character after it was never sent (found from outside: `ﾄﾞ ﾂ語`).
            if CellWidth::cell_width(symbol) != drawn {
                cell.set_diff_option(CellDiffOption::ForcedWidth(NonZeroU16::new(drawn).unwrap_or(NonZeroU16::MIN)));
            } else {
                cell.set_diff_option(CellDiffOption::None);
            }
        }
        // The cells the terminal covers are blanked, the ones it leaves padded, and so are the
        // ones in sight of a character whose start is not.
        for k in (at + 1).max(from)..end {
            let cell = &mut buf[(k as u16, y)];
            cell.reset();
            cell.set_style(style);
        }
        at = end;
    }
    at - x
}

/// `text` in rows of at most `cells` cells, as the page sets copy: the fit engine's line
/// breaker (`fit::set_paragraph`, kinsoku Strict, no indent, no one-character last row), so a row never starts with a
/// closing mark nor ends with an opening one, a Latin word, an id or a path stays whole and
/// a word longer than a row is cut as a last resort. The one wrap of the editor's own text:
/// status, help, questions (found from outside: three wraps, which broke `chmod u+w` and
/// `:find` across rows and started a row with `）`). Two things more than copy: a command
/// name (`:find`) is one word, its colon a letter's, where kinsoku would keep a colon from
/// starting a row; and a bracketed aside that fits a row (`（或第 1 行）`) goes to the next
/// row whole rather than split, when the row it leaves stays at least half full.
pub fn wrap_text(text: &str, cells: u32, widths: Widths) -> Vec<String> {
    let cells = cells.max(2);
    let rules = Rules::new(Kinsoku::Strict, Language::ZhHans);
    let style = TextStyle { width: cells, ..TextStyle::new(0, rules, widths.page_ambiguous_wide).indent(0) };
    // No row of one character (`件）`), as the page's default `orphans: avoid` has it.
    let style = style.orphans(Orphans::Avoid);
    let set = command_words(text);
    let mut rows = Vec::new();
    let mut from = 0;
    while from < text.len() {
        let lines = set_paragraph(&set[from..], &style);
        let (Some(first), next) = (lines.first(), lines.get(1)) else { break };
        let Some(next) = next else {
            rows.push(text[from + first.start..from + first.end].trim_end().to_string());
            return rows;
        };
        let row = &text[from..];
        let end = aside_start(row, (first.start, first.end), cells, widths, rules).unwrap_or(next.start);
        rows.push(row[first.start..end].trim_end().to_string());
        from += end.max(first.start + 1);
        // The spaces a row ends with go with it.
        from += text[from..].len() - text[from..].trim_start_matches(' ').len();
    }
    if rows.is_empty() {
        rows.push(String::new());
    }
    rows
}

/// `text` with the colon that starts a command name (`:find`, `:w`: after a space, the start
/// or a non-ASCII character, before an ASCII letter) and the hyphen inside an id
/// (`power-grid`) read as letters, byte for byte, so that the line breaker keeps the name or
/// id whole (found from outside: `power-` / `grid`) and lets a command start a row.
fn command_words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut before: Option<char> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let starts_word = before.is_none_or(|b| b == ' ' || !b.is_ascii());
        let after = chars.peek().copied();
        let named = c == ':' && starts_word && after.is_some_and(|a| a.is_ascii_alphabetic());
        let joins = c == '-'
            && before.is_some_and(|b| b.is_ascii_alphanumeric())
            && after.is_some_and(|a| a.is_ascii_alphanumeric());
        out.push(if named || joins { 'x' } else { c });
        before = Some(c);
    }
    ids_as_words(&paths_as_words(out))
}

/// `set` with an id written in Chinese or Japanese read as one word, byte for byte: a run of
/// letters (Han and kana too) joined by `-`, `_` or `·` (`春运-铁路`, `AI·大会`), or one
/// standing between spaces or in quotes (`头条 春运铁路 不足`, `「春运铁路」`), where Chinese
/// text has none but around a word of another kind (found from outside: a status at 80
/// columns broke `头条 春` / `运-铁路`). A character of three bytes is read as a full-width
/// letter, which holds together with the next as a half-width one does, and is measured at
/// least as wide, so that no row grows past its cells.
fn ids_as_words(set: &str) -> String {
    let joiner = |c: char| matches!(c, '-' | '_' | '·');
    let in_id = |c: char| c.is_alphanumeric() || joiner(c);
    let chars: Vec<char> = set.chars().collect();
    let mut out = String::with_capacity(set.len());
    let mut at = 0;
    while at < chars.len() {
        let end = chars[at..].iter().position(|&c| !in_id(c)).map_or(chars.len(), |n| at + n);
        if end == at {
            out.push(chars[at]);
            at += 1;
            continue;
        }
        let run = &chars[at..end];
        let joined = (1..run.len().saturating_sub(1))
            .any(|k| joiner(run[k]) && run[k - 1].is_alphanumeric() && run[k + 1].is_alphanumeric());
        let opens = at.checked_sub(1).is_none_or(|b| matches!(chars[b], ' ' | '「' | '『' | '“' | '"'));
        let closes = chars.get(end).is_none_or(|&a| matches!(a, ' ' | '」' | '』' | '”' | '"'));
        if run.iter().all(char::is_ascii) || !(joined || (opens && closes)) {
            out.extend(run);
        } else {
            for &c in run {
                match c.len_utf8() {
                    3 => out.push('ｘ'),
                    n => out.extend(std::iter::repeat_n('x', n)),
                }
            }
        }
        at = end;
    }
    out
}

/// `set` with the marks inside a path or address (an ASCII word holding `/`:
/// `"/tmp/ro/.pasteup-uBw3O4.tmp"`, `https://…?id=1`) read as letters, byte for byte, so
/// that it breaks only where a word longer than the row must (found from outside: a failed
/// save's message broke `at path "/` / `tmp/…`).
fn paths_as_words(set: String) -> String {
    let mut in_path = vec![false; set.len()];
    let mut start = 0;
    for word in set.as_bytes().split(|b| !b.is_ascii_graphic()) {
        if word.contains(&b'/') {
            in_path[start..start + word.len()].fill(true);
        }
        start += word.len() + 1;
    }
    let mark = |c: char| matches!(c, '/' | '.' | '-' | '_' | '~' | '?' | '=' | '&' | '%' | '+' | '#' | ':');
    set.char_indices().map(|(at, c)| if in_path[at] && mark(c) { 'x' } else { c }).collect()
}

/// Where a row of `row` set from `start` to `end` better ends: before the opening bracket of
/// an aside it splits, when the aside fits a row and the row keeps at least half its cells.
fn aside_start(row: &str, (start, end): (usize, usize), cells: u32, widths: Widths, rules: Rules) -> Option<usize> {
    let set = &row[start..end];
    let (open_at, open) = set.char_indices().rev().find(|&(_, c)| is_open(c))?;
    if set[open_at..].chars().any(is_close) {
        return None;
    }
    let open_at = start + open_at;
    let close_at = row[end..].find(is_close)? + end;
    let close_end = close_at + row[close_at..].chars().next()?.len_utf8();
    let measure = |s: &str| str_cells(s, widths.page_ambiguous_wide);
    let before = row[start..open_at].trim_end();
    let last = before.chars().next_back()?;
    let fits = measure(&row[open_at..close_end]) <= cells && measure(before) * 2 >= cells;
    (fits && !rules.forbids(last, open)).then_some(open_at)
}

fn is_open(c: char) -> bool {
    matches!(c, '（' | '(' | '「' | '“' | '《' | '【' | '［' | '[' | '『' | '〔' | '〈' | '{')
}

fn is_close(c: char) -> bool {
    matches!(c, '）' | ')' | '」' | '”' | '》' | '】' | '］' | ']' | '』' | '〕' | '〉' | '}')
}

/// Fills `cells` cells at (`x`, `y`) with `symbol` (one cell wide).
pub fn fill(buf: &mut Buffer, x: u16, y: u16, cells: u16, symbol: &str, style: Style) {
    let area = buf.area;
    if y < area.top() || y >= area.bottom() {
        return;
    }
    for at in x.max(area.left())..x.saturating_add(cells).min(area.right()) {
        let cell = &mut buf[(at, y)];
        cell.set_symbol(symbol).set_style(style).set_diff_option(CellDiffOption::None);
    }
}

/// `text` cut to `cells`, ending in `…` when cut.
pub fn clip(text: &str, cells: u32, widths: Widths) -> String {
    let ambi = widths.page_ambiguous_wide;
    if str_cells(text, ambi) <= cells {
        return text.to_string();
    }
    if cells < str_cells("…", ambi) {
        return String::new();
    }
    let room = cells.saturating_sub(str_cells("…", ambi));
    let mut out = String::new();
    for c in text.chars() {
        let mut next = out.clone();
        next.push(c);
        if str_cells(&next, ambi) > room {
            break;
        }
        out = next;
    }
    format!("{}…", before_ellipsis(&out))
}

/// `kept` without what may not stand before a `…`: an opening bracket or quote (any that
/// [`is_open`] knows, found from outside: `fits […`), or the space before one.
fn before_ellipsis(kept: &str) -> &str {
    kept.trim_end_matches(|c: char| c.is_whitespace() || is_open(c))
}

/// Which of `fields` (their cells, drawn `gap` cells apart) show in `room` cells: whole fields
/// are left out, the least wanted first (`rank`: 0 the most wanted), until the rest fit; the
/// most wanted is kept even when it alone is too wide, for [`clip`] to cut. Found from
/// outside: a title cut `第 3 版` to `第 3` with the fields after it shown, and a row of ids
/// cut the last one with no `…`.
pub fn fields_shown(fields: &[u32], rank: &[usize], gap: u32, room: u32) -> Vec<bool> {
    let mut shown = vec![true; fields.len()];
    let width = |shown: &[bool]| {
        let kept: Vec<u32> = fields.iter().zip(shown).filter(|(_, s)| **s).map(|(c, _)| *c).collect();
        kept.iter().sum::<u32>() + gap * (kept.len().saturating_sub(1) as u32)
    };
    let mut order: Vec<usize> = (0..fields.len()).collect();
    order.sort_by_key(|&k| std::cmp::Reverse(rank.get(k).copied().unwrap_or(usize::MAX)));
    for k in order.into_iter().take(fields.len().saturating_sub(1)) {
        if width(&shown) <= room {
            break;
        }
        shown[k] = false;
    }
    shown
}

/// `fields` joined by `sep` in `cells` cells, as [`fields_shown`] keeps them, the one left
/// alone cut with `…` by [`clip`].
pub fn clip_fields(fields: &[String], rank: &[usize], sep: &str, cells: u32, widths: Widths) -> String {
    let measure = |s: &str| str_cells(s, widths.page_ambiguous_wide);
    let each: Vec<u32> = fields.iter().map(|f| measure(f)).collect();
    let shown = fields_shown(&each, rank, measure(sep), cells);
    let kept: Vec<&str> = fields.iter().zip(&shown).filter(|(_, s)| **s).map(|(f, _)| f.as_str()).collect();
    clip(&kept.join(sep), cells, widths)
}

/// `text` cut to `cells` as [`clip`] does, but between words where it has spaces (an English
/// sentence), ending in `…` when cut.
pub fn clip_words(text: &str, cells: u32, widths: Widths) -> String {
    if str_cells(text, widths.page_ambiguous_wide) <= cells {
        return text.to_string();
    }
    let cut = clip(text, cells, widths);
    let Some(kept) = cut.strip_suffix('…') else { return cut };
    // `kept` is the start of `text`; a word it ends inside goes whole.
    match kept.rfind(' ') {
        Some(at) if !text[kept.len()..].starts_with(' ') => format!("{}…", before_ellipsis(&kept[..at])),
        _ => cut,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;

    fn row(text: &str, widths: Widths) -> (Buffer, u16) {
        let mut buf = Buffer::empty(Rect::new(0, 0, 12, 1));
        let taken = put_text(&mut buf, 0, 0, 10, text, Style::default(), widths);
        buf[(10, 0)].set_symbol("|");
        (buf, taken)
    }

    const CJK_SINGLE: Widths = Widths { page_ambiguous_wide: true, terminal: AmbiWidth::Single };
    const CJK_DOUBLE: Widths = Widths { page_ambiguous_wide: true, terminal: AmbiWidth::Double };

    /// Found from outside: a Chinese status line cut the id `power-grid` in two.
    #[test]
    fn a_message_wraps_between_words_and_chinese_never_inside_an_id() {
        let narrow = Widths { page_ambiguous_wide: false, terminal: AmbiWidth::Single };
        let zh = "! 下推：bingzhou-forum、power-grid、petition-notice；超出版底：power-grid";
        let rows = wrap_text(zh, 36, narrow);
        assert_eq!(rows, ["! 下推：bingzhou-forum、power-grid、", "petition-notice；超出版底：", "power-grid"]);
        let en = "Pushed down: bingzhou-forum, power-grid, petition-notice";
        assert_eq!(wrap_text(en, 30, narrow), ["Pushed down: bingzhou-forum,", "power-grid, petition-notice"]);
        // No row starts with a closing mark: `、` stays with the id before it.
        assert!(wrap_text("甲乙丙丁戊己庚辛、壬", 16, narrow).iter().all(|r| !r.starts_with('、')));
        // A word longer than the row is cut, as a last resort.
        assert_eq!(wrap_text("abcdefghij", 4, narrow), ["abcd", "efgh", "ij"]);
        // Found from outside: the recovery question split `19 s ago` after the figure.
        assert_eq!(wrap_text("last written 19\u{a0}s ago.", 16, narrow), ["last written", "19\u{a0}s ago."]);
    }

    /// Found from outside: a Chinese status at 80 columns broke the id `春运-铁路` as `头条 春` /
    /// `运-铁路`. An id stays whole, Chinese or not, joined by `-` or `·`, quoted or between
    /// spaces.
    #[test]
    fn a_chinese_id_stays_whole_when_a_message_wraps() {
        let zh = Widths { page_ambiguous_wide: true, terminal: AmbiWidth::Single };
        let text = "已上版 3 件，计划内 1 件仍在待排稿，本版余 12 行；头条 春运-铁路 不足半版宽；下推：AI·大会、「春运铁路」、 春运铁路 ";
        for cells in 12..=80 {
            let rows = wrap_text(text, cells, zh);
            for id in ["春运-铁路", "AI·大会", "「春运铁路」", " 春运铁路"] {
                assert!(rows.iter().any(|r| r.contains(id.trim())), "{cells}: {id} split: {rows:?}");
            }
            assert!(rows.iter().all(|r| str_cells(r, true) <= cells), "{cells}: {rows:?}");
        }
    }

    /// Found from outside: the help at 41 columns broke `（或` / `第 1 行）`, and at 40–44 split
    /// `:` / `find`; a status at 76 columns started a row with `）` and split `chmod u+w`.
    #[test]
    fn the_editors_text_wraps_as_the_page_sets_copy() {
        let zh = Widths { page_ambiguous_wide: true, terminal: AmbiWidth::Single };
        assert_eq!(
            wrap_text("稿件上移到贴住上面的稿件（或第 1 行）", 28, zh),
            ["稿件上移到贴住上面的稿件", "（或第 1 行）"]
        );
        for cells in 20..=30 {
            let rows = wrap_text("命令行：:place、:line、:find、:w 等", cells, zh);
            assert!(rows.iter().all(|r| !r.ends_with(':') && !r.starts_with("find")), "{cells}: {rows:?}");
            assert!(rows.iter().all(|r| str_cells(r, true) <= cells), "{cells}: {rows:?}");
        }
        assert_eq!(
            wrap_text("命令行：:place、:line、:find、:w 等", 27, zh),
            ["命令行：:place、:line、", ":find、:w 等"]
        );
        let en = Widths { page_ambiguous_wide: false, terminal: AmbiWidth::Single };
        assert_eq!(
            wrap_text("command line: :place, :line, :find, :w and more", 24, en),
            ["command line: :place,", ":line, :find, :w and", "more"]
        );
    }

    /// Found from outside: a failed save's message broke `at path "/` / `tmp/…/.pasteup-…tmp"`.
    #[test]
    fn a_path_or_address_stays_whole_on_a_row() {
        let zh = Widths { page_ambiguous_wide: true, terminal: AmbiWidth::Single };
        let path = "\"/tmp/qa-ttui/ro/.pasteup-uBw3O4.tmp\"";
        let text = format!("版面没有保存：Permission denied (os error 13) at path {path}；请检查文件夹的权限");
        for cells in str_cells(path, true)..=90 {
            let rows = wrap_text(&text, cells, zh);
            assert!(rows.iter().any(|r| r.contains(path)), "{cells}: {rows:?}");
        }
        let url = "https://news.example.com/a/b?id=2023&p=4";
        for cells in 40..=60 {
            let rows = wrap_text(&format!("see {url} for the page"), cells, zh);
            assert!(rows.iter().any(|r| r.contains(url)), "{cells}: {rows:?}");
        }
    }

    #[test]
    fn ambiguous_padded_on_a_single_width_terminal() {
        let (buf, taken) = row("“好”×", CJK_SINGLE);
        assert_eq!(taken, 8);
        let symbols: Vec<&str> = (0..11).map(|x| buf[(x, 0)].symbol()).collect();
        assert_eq!(symbols, ["“", " ", "好", " ", "”", " ", "×", " ", " ", " ", "|"]);
    }

    /// Found from outside: `ﾄﾞｲﾂ語` showed as `ﾄﾞ ﾂ語` in the editor, the `ｲ` never sent to
    /// the terminal: ratatui counts `ﾄﾞ` 3 cells wide and skipped the next.
    #[test]
    fn half_width_kana_with_a_sound_mark_leaves_the_next_character_drawn() {
        let (buf, taken) = row("ﾄﾞｲﾂ語", CJK_SINGLE);
        assert_eq!(taken, 6);
        let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(12, 1)).unwrap();
        terminal.draw(|f| f.buffer_mut().merge(&buf)).unwrap();
        let shown: Vec<String> = (0..6).map(|x| terminal.backend().buffer()[(x, 0)].symbol().to_string()).collect();
        assert_eq!(shown, ["ﾄﾞ", " ", "ｲ", "ﾂ", "語", " "]);
    }

    #[test]
    fn ambiguous_forced_wide_on_a_double_width_terminal() {
        let (buf, _) = row("“好”", CJK_DOUBLE);
        assert_eq!(buf[(0, 0)].diff_option, CellDiffOption::ForcedWidth(NonZeroU16::new(2).unwrap()));
        assert_eq!(buf[(4, 0)].symbol(), "”");
    }

    #[test]
    fn wide_character_never_straddles_the_edge() {
        let (buf, taken) = row("abcdefghi好", CJK_SINGLE);
        assert_eq!(taken, 9);
        assert_eq!(buf[(9, 0)].symbol(), " ");
    }

    #[test]
    fn a_line_starting_left_of_the_edge_is_clipped_there() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 8, 1));
        fill(&mut buf, 0, 0, 8, "x", Style::default());
        // a b 好 c d from cell -3: 好 takes cells -1 and 0, and the edge is at 0.
        let taken = put_clipped(&mut buf, -3, 0, (0, 8), "ab好cd", Style::default(), CJK_SINGLE);
        assert_eq!(taken, 6);
        let symbols: Vec<&str> = (0..4).map(|x| buf[(x, 0)].symbol()).collect();
        assert_eq!(symbols, [" ", "c", "d", "x"], "the half of 好 in sight is a blank");
    }

    /// Found from outside: `pasteup | 第 1 版（1/2）要闻（` and `pasteup | 第 3 ` with the
    /// mark after it: whole fields go first, the least wanted first, then `…` ends the cut.
    #[test]
    fn fields_go_whole_and_a_cut_ends_in_an_ellipsis() {
        let fields: Vec<String> =
            ["pasteup", "第 3 版（1/2）关注县（市、区）", "太原日报 2023-02-10"].map(String::from).into();
        let rank = [1, 0, 2];
        assert_eq!(
            clip_fields(&fields, &rank, " | ", 62, CJK_SINGLE),
            "pasteup | 第 3 版（1/2）关注县（市、区） | 太原日报 2023-02-10"
        );
        assert_eq!(clip_fields(&fields, &rank, " | ", 44, CJK_SINGLE), "pasteup | 第 3 版（1/2）关注县（市、区）");
        assert_eq!(clip_fields(&fields, &rank, " | ", 30, CJK_SINGLE), "第 3 版（1/2）关注县（市、区）");
        assert_eq!(clip_fields(&fields, &rank, " | ", 24, CJK_SINGLE), "第 3 版（1/2）关注县…");
        // Never an opening bracket before the `…`.
        assert_eq!(clip("第 1 版（1/2）要闻（一）", 22, CJK_SINGLE), "第 1 版（1/2）要闻…");
        assert_eq!(fields_shown(&[5, 5, 5], &[0, 1, 2], 1, 11), [true, true, false]);
    }

    /// Found from outside: the plan zoom's badge read `fits […` (Chinese `合适 […`) in a narrow
    /// box. No clipped text ends in an opening bracket of any kind, nor in the space before one.
    #[test]
    fn no_clipped_text_ends_in_an_opening_bracket() {
        let en = Widths { page_ambiguous_wide: false, terminal: AmbiWidth::Single };
        assert_eq!(clip("fits [16]", 7, en), "fits…");
        assert_eq!(clip("合适 [16]", 7, CJK_SINGLE), "合适…");
        assert_eq!(clip("+3 short {x} ((a", 11, en), "+3 short…");
        for text in ["a [b] c", "甲 【乙】", "甲〔乙〕丙", "a ([{b", "甲『乙』", "x 〈y〉 z", "a “b” c"]
        {
            for cells in 1..=12 {
                let cut = clip(text, cells, CJK_SINGLE);
                let before = cut.strip_suffix('…').unwrap_or(&cut);
                assert!(!before.ends_with(|c: char| is_open(c) || c == ' '), "{text:?} at {cells}: {cut:?}");
                let words = clip_words(text, cells, CJK_SINGLE);
                let before = words.strip_suffix('…').unwrap_or(&words);
                assert!(!before.ends_with(|c: char| is_open(c) || c == ' '), "{text:?} at {cells}: {words:?}");
            }
        }
    }

    #[test]
    fn a_sentence_is_clipped_between_words() {
        let en = Widths { page_ambiguous_wide: false, terminal: AmbiWidth::Single };
        let text = "the keys that work now are in the box above";
        assert_eq!(clip_words(text, 39, en), "the keys that work now are in the box…");
        assert_eq!(clip_words(text, 38, en), "the keys that work now are in the box…");
        assert_eq!(clip_words(text, 37, en), "the keys that work now are in the…");
        assert_eq!(clip_words(text, 60, en), text);
        assert_eq!(clip_words("现在可用的按键见上方的框", 10, CJK_SINGLE), "现在可用…");
    }

    #[test]
    fn control_characters_never_reach_the_terminal() {
        let (buf, taken) = row("a\u{1b}[31mb", CJK_SINGLE);
        assert_eq!(buf[(1, 0)].symbol(), "\u{FFFD}");
        assert_eq!(taken, 7);
    }

    #[test]
    fn english_issue_on_double_terminal_uses_stand_ins() {
        let widths = Widths { page_ambiguous_wide: false, terminal: AmbiWidth::Double };
        let (buf, taken) = row("“a”", widths);
        assert_eq!(taken, 3);
        assert_eq!(buf[(0, 0)].symbol(), "\"");
    }
}
