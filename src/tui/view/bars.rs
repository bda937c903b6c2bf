//! The one-row bars: the title on top; at the foot the inspector (the selected box or bin
//! item, and the page's fit) and the status row (the last message, or the keys that work).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::Widget;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::Theme;
use crate::tui::app::{Message, Tone};
use crate::tui::cells::{Widths, clip, clip_fields, clip_words, fields_shown, fill, put_text, wrap_text};
use crate::tui::keys::{Ready, key_hints};
use crate::tui::prompt::{Prompt, Purpose};
use crate::tui::screen::Zoom;
use pasteup_core::catalogue::{Chrome, Label, Render, UiLang, Zoom as ZoomName, clause_break, part_id};
use pasteup_core::fit::width::str_cells;
use pasteup_core::layout::{BinEntry, PageSummary, ResolvedBox};
use pasteup_core::model::Issue;

/// The title row: paper, date, page, section, zoom and whether the layout is unsaved.
pub struct TitleBar<'a> {
    pub issue: &'a Issue,
    /// Index of the page shown, in issue order.
    pub page: usize,
    pub zoom: Zoom,
    pub unsaved: bool,
    /// Another pasteup holds the layout's lock.
    pub elsewhere: bool,
    pub lang: UiLang,
    pub chrome: Widths,
    pub theme: Theme,
}

impl Widget for &TitleBar<'_> {
    fn render(self, r: Rect, buf: &mut Buffer) {
        let (issue, theme) = (self.issue, self.theme);
        fill(buf, r.x, r.y, r.width, " ", theme.bar());
        let page = issue.pages.get(self.page);
        let page = Chrome::TitlePage {
            page: page.map_or(0, |p| p.number),
            index: self.page + 1,
            pages: issue.pages.len(),
            section: page.and_then(|p| p.section.clone()),
        };
        let zoom = Chrome::TitleZoom { zoom: if self.zoom == Zoom::Text { ZoomName::Text } else { ZoomName::Plan } };
        let fields = [
            "pasteup".to_string(),
            page.render(self.lang),
            format!("{} {}", issue.paper, issue.date),
            zoom.render(self.lang),
        ];
        let bold = theme.bar().add_modifier(Modifier::BOLD);
        // The mark at the right end, the title cut before it: found from outside, at 80
        // columns the title ran on and `* unsaved` was cut to `* un`.
        // The other editor stays said while it lasts (found from outside: the warning was said
        // once, under the recovery question, and gone with the answer).
        let mut mark = if self.elsewhere { Chrome::OpenElsewhere.render(self.lang) } else { String::new() };
        if self.unsaved {
            mark.push_str(&Chrome::Unsaved.render(self.lang));
        }
        let mark_cells = u16::try_from(mark.width()).unwrap_or(u16::MAX).min(r.width);
        // Where the row is too narrow, fields go whole, each with its separator (found from
        // outside: at 80 columns the zoom was cut and left `| ` behind): the zoom, the paper,
        // the name; the page is kept, cut with `…` when it alone is too wide.
        let room = u32::from(r.width - mark_cells).saturating_sub(1);
        let text = format!(" {}", clip_fields(&fields, &[1, 0, 2, 3], " | ", room, self.chrome));
        put_text(buf, r.x, r.y, r.width - mark_cells, &text, bold, self.chrome);
        put_text(
            buf,
            r.x + r.width - mark_cells,
            r.y,
            mark_cells,
            &mark,
            bold.add_modifier(Modifier::REVERSED),
            self.chrome,
        );
    }
}

/// Between the inspector's description and the page's summary.
const SEPARATOR: &str = "  |  ";

/// What the inspector describes: the bin item under the cursor, or the selected box.
pub enum Inspected<'a> {
    /// The bin item, and the span and lines Enter will place it at.
    Bin(Option<(&'a BinEntry, (u16, u32))>),
    Page(Option<&'a ResolvedBox>),
}

/// The inspector row: what is inspected, then the page's fit.
pub struct InspectorBar<'a> {
    pub lang: UiLang,
    pub inspected: Inspected<'a>,
    /// The page shown and its summary.
    pub number: u32,
    pub summary: Option<&'a PageSummary>,
    /// What the selected box's cut leaves out: sentences and characters.
    pub cut: Option<(u32, u32)>,
    pub chrome: Widths,
    pub theme: Theme,
}

impl Widget for &InspectorBar<'_> {
    fn render(self, r: Rect, buf: &mut Buffer) {
        let mut text = String::new();
        let mut style = Style::default();
        match self.inspected {
            Inspected::Bin(Some((e, (span, lines)))) => {
                let (id, chars) = (part_id(&e.id, e.part, self.lang), e.chars);
                text = Chrome::InspectBin { id, chars, span, lines }.render(self.lang);
            }
            Inspected::Page(Some(b)) => {
                text = self.describe(b, &b.item);
                let overlapped = self.summary.and_then(|p| overlapped_by(p, &b.item, b.part));
                style = self.theme.fit(&b.fit, b.over_foot || overlapped.is_some());
            }
            Inspected::Bin(None) | Inspected::Page(None) => {}
        }
        if let Some(p) = self.summary {
            let (page, fit, overset, past_foot, overlaps) =
                (self.number, p.fit_lines, p.overset.len(), p.over_foot.len(), p.overlapping.len());
            let whole = Chrome::PageSummary { page, used: p.used, free: p.free, fit, overset, past_foot, overlaps };
            let whole = whole.render(self.lang);
            // Where the whole summary would run off the row, what is wrong with the page (found
            // from outside: at 160 columns the overset count was cut off).
            let cells = |s: &str| str_cells(s, self.chrome.page_ambiguous_wide);
            let short = Chrome::PageSummaryShort { page, fit, overset, past_foot, overlaps }.render(self.lang);
            let fits = |s: &String| cells(&text) + cells(s) <= u32::from(r.width);
            // The separator only between a description and the summary (found from outside:
            // an empty bin's row began with a stray `  |  `).
            let lead = if text.is_empty() { " " } else { SEPARATOR };
            // A page with nothing wrong says nothing rather than cut the box's description.
            let sound = fit == 0 && overset + past_foot + overlaps == 0;
            // Narrower still: what is wrong, with the page's number, then without (the title
            // bar names the page), each beside at least a few cells of the box's description;
            // at the narrowest what is wrong alone, clipped with `…` (found from outside: at 40
            // columns the count was cut mid-word, the boxes past the foot unsaid; then the
            // page's number was kept where the box's description went).
            let row = u32::from(r.width);
            let beside = cells(&text).min(DESCRIPTION_AT_LEAST);
            // The page's number goes before the box's fit is cut, where that keeps it whole
            // (found from outside: `合适，与 kome-kakak…  |  第 1 版：重叠 1 处` at 44 columns).
            let fit_whole = match self.inspected {
                Inspected::Page(Some(b)) => self.fields(b, &b.item).last().map_or(0, |f| 1 + cells(f)),
                _ => 0,
            };
            let brief = || match sound {
                true => String::new(),
                false => {
                    let brief = Chrome::PageSummaryBrief { page, fit, overset, past_foot, overlaps }.render(self.lang);
                    let tiny = Chrome::PageSummaryTiny { fit, overset, past_foot, overlaps }.render(self.lang);
                    let beside_it = |least: u32| {
                        [&brief, &tiny].into_iter().map(|s| format!("{lead}{s}")).find(|s| least + cells(s) <= row)
                    };
                    beside_it(beside.max(fit_whole.min(cells(&text))))
                        .or_else(|| beside_it(beside))
                        .unwrap_or_else(|| clip(&format!(" {tiny}"), row, self.chrome))
                }
            };
            let mut summary = [whole, short].into_iter().map(|s| format!("{lead}{s}")).find(fits).unwrap_or_else(brief);
            // Still too long: the box's description gives way, so the page's count is whole
            // (found from outside: `… | page 1: fit +0, 0 overset, 0 past fo`).
            let room = u32::from(r.width).saturating_sub(cells(&summary));
            if cells(&text) > room {
                // A description clipped to a word or less says nothing: left out, and the
                // separator with it.
                if room < DESCRIPTION_AT_LEAST.min(cells(&text)) {
                    text.clear();
                    if let Some(rest) = summary.strip_prefix(SEPARATOR) {
                        summary = format!(" {rest}");
                    }
                } else {
                    text = match self.inspected {
                        Inspected::Page(Some(b)) => self.describe_in(b, room),
                        _ => clip(&text, room, self.chrome),
                    };
                }
            }
            text.push_str(&summary);
        }
        fill(buf, r.x, r.y, r.width, " ", Style::default());
        put_text(buf, r.x, r.y, r.width, &text, style, self.chrome);
    }
}

impl InspectorBar<'_> {
    /// The selected box, named `id`: where it stands, its fit, what its cut leaves out and
    /// what it overlaps.
    fn describe(&self, b: &ResolvedBox, id: &str) -> String {
        let fields = self.fields(b, id);
        let all: Vec<&str> = fields.iter().map(String::as_str).collect();
        format!(" {}", all.join(FIELD_BREAK))
    }

    /// The box's description cut to `room` cells, the fit (the badge as on the box, `past
    /// foot` included, with what follows it: the overset counts, a cut, an overlap) kept
    /// whole: the id gives way first, shortened with `…` down to [`ID_AT_LEAST`] cells, then
    /// whole fields, the least wanted first ([`FIELD_RANK`]); only a fit wider than the row
    /// is itself cut. Found from outside: at 120 columns a long id pushed the fit off the row
    /// (`… · needs 1…`), and later the id stayed whole while the fit was cut (`+7 short, cut
    /// 1 senten…`, `余 5…`, `… needs 8…` with `past foot` gone).
    fn describe_in(&self, b: &ResolvedBox, room: u32) -> String {
        let cells = |s: &str| str_cells(s, self.chrome.page_ambiguous_wide);
        let over = cells(&self.describe(b, &b.item)).saturating_sub(room);
        let id = match over {
            0 => return self.describe(b, &b.item),
            _ => clip(&b.item, cells(&b.item).saturating_sub(over).max(ID_AT_LEAST), self.chrome),
        };
        let fields = self.fields(b, &id);
        let each: Vec<u32> = fields.iter().map(|f| cells(f)).collect();
        let shown = fields_shown(&each, &FIELD_RANK, cells(FIELD_BREAK), room.saturating_sub(1));
        let kept: Vec<&str> = fields.iter().zip(&shown).filter(|(_, s)| **s).map(|(f, _)| f.as_str()).collect();
        clip(&format!(" {}", kept.join(FIELD_BREAK)), room, self.chrome)
    }

    /// The inspector's fields in the order it shows them: id, columns, lines, depth, needed
    /// depth and the fit, the cut and an overlap joined to the fit as its clauses.
    fn fields(&self, b: &ResolvedBox, id: &str) -> Vec<String> {
        let lang = self.lang;
        let (fit, over_foot, empty) = (b.fit, b.over_foot, b.set.holds_no_copy());
        let mut fit_said = Label::BoxDetail { fit, over_foot, empty }.render(lang);
        if let Some((sentences, chars)) = self.cut {
            fit_said.push_str(clause_break(lang));
            fit_said.push_str(&Label::Cut { sentences, chars }.render(lang));
        }
        if let Some((other, part)) = self.summary.and_then(|p| overlapped_by(p, &b.item, b.part)) {
            fit_said.push_str(clause_break(lang));
            fit_said.push_str(&Chrome::Overlaps { other: part_id(other, part, lang) }.render(lang));
        }
        vec![
            box_name(b, id, lang),
            Label::columns(b.column, b.span).render(lang),
            Label::Lines { top: b.line, bottom: b.last_line() }.render(lang),
            Label::DepthSetting(b.depth).render(lang),
            Label::Needs(fit.depth_needed).render(lang),
            fit_said,
        ]
    }
}

/// Between the inspector's fields, in both languages.
const FIELD_BREAK: &str = " · ";

/// How much each of the inspector's fields ([`InspectorBar::fields`]) is wanted, 0 the most:
/// the fit, then the id, then where the box stands; the depth setting, which its lines and
/// the needed depth tell again, goes first.
const FIELD_RANK: [usize; 6] = [1, 2, 3, 5, 4, 0];

/// The cells of an id the inspector keeps when it shortens the id for the fit: fewer no
/// longer tell one story from another.
const ID_AT_LEAST: u32 = 8;

/// The cells of the box's description the inspector keeps beside the page's totals, clipping
/// it: fewer say nothing (an id cut to a few letters).
const DESCRIPTION_AT_LEAST: u32 = 12;

/// A box that part `part` of the page's box `item` overlaps, if any, and its part.
fn overlapped_by<'p>(page: &'p PageSummary, item: &str, part: u32) -> Option<(&'p str, u32)> {
    let this = |(id, p): &(String, u32)| id == item && *p == part;
    page.overlapping.iter().find_map(|(a, b)| {
        if this(a) {
            Some((b.0.as_str(), b.1))
        } else if this(b) {
            Some((a.0.as_str(), a.1))
        } else {
            None
        }
    })
}

/// The selected box's name: its item's id, and its part where the article is continued.
fn box_name(b: &ResolvedBox, item: &str, lang: UiLang) -> String {
    // Part 1 of an article continued (转版) says so, as its later parts do (found from outside:
    // it read as a box of its own).
    match &b.setting.flow {
        Some(_) if b.part == 1 => format!("{item}{}", Label::PartOf(1).render(lang)),
        _ => part_id(item, b.part, lang),
    }
}

/// The status row: the command line while it is open, else the last message, or the keys
/// that work where the focus is.
pub struct StatusBar<'a> {
    pub message: Option<&'a Message>,
    /// Where the focus is and what there is to work on: the keys hinted are the ones that work.
    pub ready: Ready,
    /// A question or the help is open: its keys work, not the page's (found from outside:
    /// the page's hints stayed on under "quit without saving?").
    pub asking: bool,
    pub lang: UiLang,
    pub prompt: Option<&'a Prompt>,
    pub chrome: Widths,
    pub theme: Theme,
}

impl Widget for &StatusBar<'_> {
    fn render(self, r: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        fill(buf, r.x, r.y, r.width, " ", theme.bar());
        if let Some(prompt) = self.prompt {
            let label = match prompt.purpose {
                Purpose::Command => ":".to_string(),
                Purpose::Headline { .. } => Chrome::HeadlinePrompt.render(self.lang),
            };
            draw_prompt(prompt, &label, r, buf, (theme, self.chrome));
            return;
        }
        let (text, style) = match self.message {
            Some(m) => {
                let style = match m.tone {
                    Tone::Info => theme.bar(),
                    Tone::Warning if theme.color => {
                        Style::default().fg(Color::White).bg(Color::Red).add_modifier(Modifier::BOLD)
                    }
                    Tone::Warning => Style::default().add_modifier(Modifier::BOLD),
                };
                (message_text(m, self.lang), style)
            }
            // Cut between words (found from outside: at 40 columns it ended `in the box a`).
            None if self.asking => {
                let room = u32::from(r.width.saturating_sub(1));
                (format!(" {}", clip_words(&Chrome::AnswerAbove.render(self.lang), room, self.chrome)), theme.bar())
            }
            None => {
                let cells = |s: &str| str_cells(s, self.chrome.page_ambiguous_wide);
                let room = u32::from(r.width.saturating_sub(1));
                (format!(" {}", key_hints(self.ready, self.lang, room, cells)), theme.bar())
            }
        };
        // A message longer than the row takes the rows it is given (see `status_rows`).
        if r.height <= 1 {
            // Cut, it ends in `…` (the hints and the answer line are already cut to the row).
            put_text(buf, r.x, r.y, r.width, &clip(&text, u32::from(r.width), self.chrome), style, self.chrome);
            return;
        }
        let mut rows = message_rows(&text, r.width, self.chrome);
        let shown = usize::from(r.height);
        if rows.len() > shown {
            // The last row shown ends in `…` where the message goes on unseen.
            let body = text.trim_start();
            rows.truncate(shown - 1);
            let seen = rows.iter().fold(0, |at, row| body[at..].find(row.as_str()).map_or(at, |k| at + k + row.len()));
            rows.push(clip(body[seen..].trim_start(), u32::from(r.width.saturating_sub(1)), self.chrome));
        }
        for (k, row) in rows.iter().take(shown).enumerate() {
            let y = r.y + k as u16;
            fill(buf, r.x, y, r.width, " ", style);
            put_text(buf, r.x, y, r.width, &format!(" {row}"), style, self.chrome);
        }
    }
}

/// The rows a message needs at `width` cells, at most `max`: a long one (a reload's error with
/// its position and cause, a refusal with its way out) takes the inspector's row too rather
/// than lose its end (found from outside: cut at 120 columns).
pub fn status_rows(message: Option<&Message>, lang: UiLang, width: u16, max: u16, chrome: Widths) -> u16 {
    let Some(m) = message else { return 1 };
    let rows = message_rows(&message_text(m, lang), width, chrome).len();
    u16::try_from(rows).unwrap_or(u16::MAX).clamp(1, max.max(1))
}

/// A status line's `text` (a space, then the message) in rows of a `width`-cell status row,
/// each drawn after a space.
fn message_rows(text: &str, width: u16, chrome: Widths) -> Vec<String> {
    wrap_text(text.trim_start(), u32::from(width.saturating_sub(1).max(1)), chrome)
}

/// A message as the status row shows it (a warning marked `!`): drawn and counted alike.
fn message_text(m: &Message, lang: UiLang) -> String {
    let mark = if m.tone == Tone::Warning { "! " } else { "" };
    format!(" {mark}{}", m.status.render(lang))
}

/// The command line: `:` (or `headline:`) and the text, its cursor in reverse video (and as a
/// `_` without colour), scrolled so that the cursor and the character under it stay in sight.
fn draw_prompt(prompt: &Prompt, label: &str, r: Rect, buf: &mut Buffer, (theme, chrome): (Theme, Widths)) {
    let (value, lead) =
        (prompt.input.value(), (str_cells(label, chrome.page_ambiguous_wide) as u16).min(r.width.saturating_sub(2)));
    let room = u32::from(r.width.saturating_sub(lead));
    let (from, before, under) = input_window(value, prompt.input.cursor(), room, chrome);
    put_text(buf, r.x, r.y, lead, label, theme.bar().add_modifier(Modifier::BOLD), chrome);
    put_text(buf, r.x + lead, r.y, r.width.saturating_sub(lead), &value[from..], theme.bar(), chrome);
    let x = u32::from(r.x + lead) + before;
    if x + under <= u32::from(r.right()) {
        let cell = &mut buf[(x as u16, r.y)];
        if cell.symbol() == " " && !theme.color {
            cell.set_symbol("_");
        }
        cell.set_style(Style::default().add_modifier(Modifier::REVERSED));
    }
}

/// Where the command line's `value` is shown from in `room` cells with the cursor at char
/// `cursor`: the byte it starts at, the cells before the cursor from there and the cells of the
/// character under the cursor (one past the end). Whole characters are left out at the start
/// until the one under the cursor fits whole (found from outside: a wide character under the
/// cursor at the right edge was not drawn, one cell being kept for the cursor).
fn input_window(value: &str, cursor: usize, room: u32, chrome: Widths) -> (usize, u32, u32) {
    let cells = |g: &str| str_cells(g, chrome.page_ambiguous_wide);
    let at = value.char_indices().nth(cursor).map_or(value.len(), |(byte, _)| byte);
    let under = value[at..].graphemes(true).next().map_or(1, cells).max(1);
    let mut before = cells(&value[..at]);
    let mut from = 0;
    for (byte, g) in value[..at].grapheme_indices(true) {
        if before + under <= room {
            break;
        }
        before -= cells(g);
        from = byte + g.len();
    }
    (from, before, under)
}

/// Tab's candidates while the command line completes an item id, over the inspector row.
pub struct Completions<'a> {
    pub ids: &'a [String],
    /// The one on the command line now.
    pub shown: usize,
    pub chrome: Widths,
    pub theme: Theme,
    pub lang: UiLang,
}

impl Widget for &Completions<'_> {
    /// The label, then the candidates a cell apart each side, the one shown in reverse video,
    /// and without colour between `>` `<` too, as the selected box is (the terminal may draw
    /// no reverse video then). Candidates before it are left out, `…` in their stead, until
    /// it is in sight.
    fn render(self, r: Rect, buf: &mut Buffer) {
        let (theme, chrome) = (self.theme, self.chrome);
        let cells = |s: &str| str_cells(s, chrome.page_ambiguous_wide);
        let label = Chrome::Completions { ids: Vec::new() }.render(self.lang);
        let label = format!(" {}", label.trim_end());
        let style = theme.fg(Color::Cyan);
        fill(buf, r.x, r.y, r.width, " ", Style::default());
        let shown = self.shown.min(self.ids.len().saturating_sub(1));
        let through_shown = |from: usize| -> u32 {
            let ids = self.ids.get(from..=shown).unwrap_or_default();
            let lead = if from > 0 { cells(" …") } else { 0 };
            cells(&label) + lead + ids.iter().map(|id| cells(id) + 2).sum::<u32>()
        };
        let first = (0..shown).find(|&k| through_shown(k) <= u32::from(r.width)).unwrap_or(shown);
        let mut x = r.x + put_text(buf, r.x, r.y, r.width, &label, style, chrome);
        if first > 0 {
            x += put_text(buf, x, r.y, r.right().saturating_sub(x), " …", style, chrome);
        }
        // Whole ids after it, as many as fit, then `…` for the rest: an id is never cut.
        let rest = &self.ids[first..];
        let each: Vec<u32> = rest.iter().map(|id| cells(id) + 2).collect();
        // The one on the line stays; the others go from the end.
        let rank: Vec<usize> = (0..rest.len()).map(|k| if first + k == shown { 0 } else { k + 1 }).collect();
        let room = u32::from(r.right().saturating_sub(x));
        let mut fits = fields_shown(&each, &rank, 0, room);
        if fits.contains(&false) {
            fits = fields_shown(&each, &rank, 0, room.saturating_sub(cells(" …")));
        }
        for (k, id) in self.ids.iter().enumerate().skip(first) {
            if !fits[k - first] && k > shown {
                put_text(buf, x, r.y, r.right().saturating_sub(x), " …", style, chrome);
                break;
            }
            let here = k == shown;
            let (open, close) = if here && !theme.color { (">", "<") } else { (" ", " ") };
            let id_style = if here { style.add_modifier(Modifier::REVERSED) } else { style };
            x += put_text(buf, x, r.y, r.right().saturating_sub(x), open, style, chrome);
            x += put_text(buf, x, r.y, r.right().saturating_sub(x), id, id_style, chrome);
            x += put_text(buf, x, r.y, r.right().saturating_sub(x), close, style, chrome);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::cells::AmbiWidth;

    const CHROME: Widths = Widths { page_ambiguous_wide: false, terminal: AmbiWidth::Single };

    fn row(ids: &[&str], shown: usize, color: bool, width: u16) -> Buffer {
        let ids: Vec<String> = ids.iter().map(|s| s.to_string()).collect();
        let mut buf = Buffer::empty(Rect::new(0, 0, width, 1));
        let theme = Theme { color };
        Completions { ids: &ids, shown, chrome: CHROME, theme, lang: UiLang::En }.render(buf.area, &mut buf);
        buf
    }

    fn text(buf: &Buffer) -> String {
        (0..buf.area.width).map(|x| buf[(x, 0)].symbol()).collect::<String>().trim_end().to_string()
    }

    /// Without colour the terminal may draw no reverse video: the candidate on the line stands
    /// between `>` `<`, as the selected box does.
    #[test]
    fn the_candidate_shown_is_marked_without_colour_too() {
        assert_eq!(text(&row(&["ab", "cd", "ef"], 1, true, 40)), " Tab: ab  cd  ef");
        assert_eq!(text(&row(&["ab", "cd", "ef"], 1, false, 40)), " Tab: ab >cd< ef");
        assert!(row(&["ab", "cd"], 1, false, 40)[(10, 0)].modifier.contains(Modifier::REVERSED));
    }

    /// A candidate past the row's end brings the row along: those before it give way to `…`.
    #[test]
    fn the_candidate_shown_is_always_in_sight() {
        let ids = ["alpha-one", "alpha-two", "alpha-three", "alpha-four"];
        assert_eq!(text(&row(&ids, 3, false, 34)), " Tab: … alpha-three >alpha-four<");
    }

    /// Found from outside: the row cut the last id it had room for, with no `…`.
    #[test]
    fn an_id_is_never_cut_the_rest_said_by_an_ellipsis() {
        let ids = ["alpha-one", "alpha-two", "alpha-three", "alpha-four"];
        assert_eq!(text(&row(&ids, 0, false, 34)), " Tab:>alpha-one< alpha-two  …");
        assert_eq!(text(&row(&ids, 0, false, 60)), " Tab:>alpha-one< alpha-two  alpha-three  alpha-four");
    }
}
