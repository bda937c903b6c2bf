//! The text export: each page in monospace at 1:1, the way an editor pins a proof on the wall.
//!
//! A page is a header, a column ruler, one row per page line (a line-number gutter on the
//! left), the foot ruler, the rows of any boxes that reach past the foot, and then the bin.
//! Every box is framed in the gutters: `|` in the cell left and right of it, `+` on its first
//! and last rows (boxes butt against each other, there is no spare row for a top rule). The
//! set lines come from [`page_proof`], the same runs the editor's text zoom draws.
//!
//! Frames and rules are ASCII only: box-drawing characters are East Asian Ambiguous and would
//! stand one cell off on half the terminals. Ambiguous characters in the text are padded as
//! the screen pads them ([`crate::fit::width::AmbiWidth`]): with `--ambiwidth single` a space follows a
//! character the terminal draws one cell narrower than the page measures it, with `double`
//! none; so every rule stands at the same terminal column on every row. Fit badges and
//! over-the-foot marks are margin notes to the right of the page, where they hide no text.

use std::fmt::Write as _;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::catalogue::en::plural;
use crate::fit::glyphs::narrow_stand_in;
use crate::fit::punctuation::hung_form;
use crate::fit::width::AmbiWidth;
use crate::fit::width::grapheme_cells;
use crate::format::printable;
use crate::layout::Makeup;
use crate::model::{Grid, Page};
use crate::proof::page::{ProofBox, Role, column_x, page_cells, page_proof_rows};

/// The characters frames and rules are drawn with (all ASCII, one cell on every terminal).
pub const RULE_CHARS: [char; 2] = ['|', '+'];

/// Rows drawn past the foot of a page at most; what lies further is counted, not drawn.
pub const MAX_OVER_FOOT: u32 = 400;

/// The widest id column of the bin list, in cells (and of `check`'s report): a longer id
/// runs past it rather than pad every other line to its width.
pub const BIN_ID_COLUMN: usize = 40;

/// The whole issue: every page in issue order, then the bin.
pub fn to_text(makeup: &Makeup, ambiwidth: AmbiWidth) -> String {
    let issue = makeup.issue();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {} - page proof - {}, {} ({} in the bin)",
        printable(&issue.paper),
        printable(&issue.date),
        plural(issue.pages.len(), "page"),
        plural(issue.items.len(), "item"),
        makeup.bin().len()
    );
    for page in &issue.pages {
        out.push('\n');
        page_text(&mut out, makeup, page, ambiwidth);
    }
    out.push('\n');
    bin_text(&mut out, makeup);
    out
}

/// One cell of the page as the export draws it.
#[derive(Debug, Clone, PartialEq)]
enum Cell {
    Blank,
    /// A grapheme and the cells the page measures it at.
    Glyph(String, u32),
    /// A cell covered by the glyph before it.
    Covered,
    /// A frame or rule character.
    Rule(char),
}

/// A page drawn cell by cell: the type area with one cell of margin on each side for the
/// frames of the outer columns, and room between columns when the gutter is too narrow for
/// two frames.
struct Canvas<'g> {
    grid: &'g Grid,
    ambiguous_wide: bool,
    /// Cells added at each column boundary (when the gutter is under 1 em).
    extra: u32,
    width: u32,
    rows: Vec<Vec<Cell>>,
}

impl<'g> Canvas<'g> {
    fn new(grid: &'g Grid, ambiguous_wide: bool, rows: u32) -> Canvas<'g> {
        let gutter = u32::from(grid.gutter) * 2;
        let extra = 2u32.saturating_sub(gutter);
        let columns = u32::from(grid.columns.max(1));
        let width = 1 + page_cells(grid) + extra * (columns - 1) + 1;
        Canvas { grid, ambiguous_wide, extra, width, rows: vec![vec![Cell::Blank; width as usize]; rows as usize] }
    }

    /// The canvas cell of page cell `x` (page cells count from the left edge of column 1).
    fn cx(&self, x: u32) -> u32 {
        let step = 2 * (u32::from(self.grid.column_width) + u32::from(self.grid.gutter));
        let column = (x / step.max(1)).min(u32::from(self.grid.columns.max(1)) - 1);
        1 + x + self.extra * column
    }

    /// The frame cells left and right of columns `column ..= column + span − 1`.
    fn edges(&self, column: u16, span: u16) -> (u32, u32) {
        let width = self.grid.span_width(span) * 2;
        let left = column_x(self.grid, column);
        (self.cx(left) - 1, self.cx(left + width.max(1) - 1) + 1)
    }

    fn set(&mut self, row: u32, at: u32, cell: Cell) {
        let Some(line) = self.rows.get_mut(row as usize) else { return };
        let at = at as usize;
        if at >= line.len() {
            return;
        }
        // Whatever glyph covered this cell is taken away whole.
        let mut start = at;
        while start > 0 && line[start] == Cell::Covered {
            start -= 1;
        }
        if let Cell::Glyph(_, w) = line[start] {
            for k in start..(start + w as usize).min(line.len()) {
                line[k] = Cell::Blank;
            }
        }
        if let Cell::Glyph(_, w) = &cell {
            for k in at + 1..(at + *w as usize).min(line.len()) {
                if let Cell::Glyph(_, w2) = line[k] {
                    for j in k..(k + w2 as usize).min(line.len()) {
                        line[j] = Cell::Blank;
                    }
                }
                line[k] = Cell::Covered;
            }
        }
        line[at] = cell;
    }

    /// Writes `text` from canvas cell `at`, stopping before `limit`; a mark hung past the box
    /// edge (grid `hanging`) stands on the frame at `limit`, in its one-cell form, as on the
    /// editor's screen, whether it starts at the edge or a cell before it (a full-em `，` after
    /// text an odd number of cells short of the measure: found from outside, it was dropped).
    fn text(&mut self, row: u32, at: u32, limit: u32, text: &str) {
        let mut at = at;
        let mut graphemes = text.graphemes(true).peekable();
        while let Some(g) = graphemes.next() {
            let (g, page) =
                if is_unprintable(g) { ("\u{FFFD}", 1) } else { (g, grapheme_cells(g, self.ambiguous_wide).min(2)) };
            if page == 0 {
                continue;
            }
            if at + page > limit {
                if let Some(form) = hung_form(g).filter(|_| at <= limit && graphemes.peek().is_none()) {
                    self.set(row, limit, Cell::Glyph(form.to_string(), 1));
                }
                break;
            }
            self.set(row, at, Cell::Glyph(g.to_string(), page));
            at += page;
        }
    }

    /// Row `row` as terminal text.
    fn render(&self, row: u32, ambiwidth: AmbiWidth) -> String {
        let mut out = String::new();
        for cell in &self.rows[row as usize] {
            match cell {
                Cell::Blank => out.push(' '),
                Cell::Covered => {}
                Cell::Rule(c) => out.push(*c),
                Cell::Glyph(g, page) => push_glyph(&mut out, g, *page, ambiwidth),
            }
        }
        out
    }
}

/// Cells the terminal draws one grapheme with.
fn terminal_cells(g: &str, ambiwidth: AmbiWidth) -> u32 {
    let w = match ambiwidth {
        AmbiWidth::Single => g.width(),
        AmbiWidth::Double => g.width_cjk(),
    };
    w.clamp(1, 2) as u32
}

/// A glyph the page measures at `page` cells, padded (or replaced by a narrow stand-in) so
/// that the terminal advances exactly `page` cells — as the editor's screen does.
fn push_glyph(out: &mut String, g: &str, page: u32, ambiwidth: AmbiWidth) {
    let drawn = terminal_cells(g, ambiwidth);
    if drawn > page {
        out.push_str(narrow_stand_in(g));
        out.extend(std::iter::repeat_n(' ', page.saturating_sub(1) as usize));
        return;
    }
    out.push_str(g);
    out.extend(std::iter::repeat_n(' ', (page - drawn) as usize));
}

fn is_unprintable(g: &str) -> bool {
    g.chars().any(crate::format::is_forbidden)
}

/// The margin notes of a row: fit badges where boxes start, overset where they end.
type Notes = Vec<Vec<String>>;

fn page_text(out: &mut String, makeup: &Makeup, page: &Page, ambiwidth: AmbiWidth) {
    let grid = &page.grid;
    let depth = grid.depth;
    // The page is drawn cell by cell, so what lies over the foot is drawn only so far: a
    // box of a million overset lines (a 5 MB headline) must not make a canvas of them.
    let boxes = page_proof_rows(makeup, page.number, 0..depth.saturating_add(MAX_OVER_FOOT));
    let bottom = boxes.iter().map(|b| b.row + b.rows).max().unwrap_or(0);
    let rows = depth.max(bottom).min(depth.saturating_add(MAX_OVER_FOOT));
    let undrawn = bottom.saturating_sub(rows);
    let mut canvas = Canvas::new(grid, makeup.issue().language.ambiguous_is_wide(), rows);
    let mut notes: Notes = vec![Vec::new(); rows as usize];

    // The page's outer edges, down to the foot.
    let (left, _) = canvas.edges(1, 1);
    let (_, right) = canvas.edges(grid.columns.max(1), 1);
    for row in 0..depth {
        canvas.set(row, left, Cell::Rule('|'));
        canvas.set(row, right, Cell::Rule('|'));
    }
    for b in &boxes {
        draw_box(&mut canvas, b, depth, &mut notes);
        copyfit_notes(makeup, b, &mut notes);
    }

    let section = page.section.as_deref().map(|s| format!(" - {}", printable(s))).unwrap_or_default();
    let summary = makeup.page_summary(page.number);
    let fit = summary.as_ref().map_or(0, |s| s.fit_lines);
    let _ = writeln!(
        out,
        "page {}{section}: {} of {} em, gutter {} em, {}; {}, fit {}",
        page.number,
        plural(grid.columns as usize, "column"),
        grid.column_width,
        grid.gutter,
        plural(depth as usize, "line"),
        plural(boxes.len(), "box"),
        signed(fit)
    );
    let number_width = rows.to_string().len().max(3);
    let blank_gutter = " ".repeat(number_width + 1);
    let ruler = ruler(&canvas);
    let _ = writeln!(out, "{blank_gutter}{ruler}");
    for row in 0..rows {
        if row == depth {
            let _ = writeln!(out, "{blank_gutter}{ruler}  < foot of the page; below: over the foot");
        }
        let text = canvas.render(row, ambiwidth);
        let note = if notes[row as usize].is_empty() {
            String::new()
        } else {
            format!("  < {}", notes[row as usize].join("; "))
        };
        let line = format!("{:>number_width$} {text}{note}", row + 1);
        let _ = writeln!(out, "{}", line.trim_end());
    }
    if rows == depth {
        let _ = writeln!(out, "{blank_gutter}{ruler}  < foot of the page");
    }
    if undrawn > 0 {
        let _ = writeln!(out, "{blank_gutter}... {undrawn} more lines over the foot, not drawn");
    }
    if let Some(s) = summary {
        let list = |ids: &[String]| if ids.is_empty() { "none".to_string() } else { printable(&ids.join(", ")) };
        let _ = writeln!(out, "overset: {}; over the foot: {}", list(&s.overset), list(&s.over_foot));
    }
}

/// `+----- 1 -----+  +----- 2 -----+ …`: the columns numbered, `+` where the frames stand.
fn ruler(canvas: &Canvas) -> String {
    let mut cells = vec![' '; canvas.width as usize];
    for column in 1..=canvas.grid.columns.max(1) {
        let (l, r) = canvas.edges(column, 1);
        for c in &mut cells[l as usize..=r as usize] {
            *c = '-';
        }
        cells[l as usize] = '+';
        cells[r as usize] = '+';
        let label = format!(" {column} ");
        let inner = r - l - 1;
        if label.len() as u32 <= inner {
            let at = l + 1 + (inner - label.len() as u32) / 2;
            for (k, ch) in label.chars().enumerate() {
                cells[at as usize + k] = ch;
            }
        }
    }
    cells.into_iter().collect()
}

fn draw_box(canvas: &mut Canvas, b: &ProofBox, depth: u32, notes: &mut Notes) {
    let placed = &b.placed;
    let (left, right) = canvas.edges(placed.column, placed.span);
    let last = b.row + b.rows.max(1) - 1;
    for row in b.row..=last.min(canvas.rows.len() as u32) {
        let c = if row == b.row || row == last { '+' } else { '|' };
        canvas.set(row, left, Cell::Rule(c));
        canvas.set(row, right, Cell::Rule(c));
    }
    for run in &b.runs {
        let text = match run.role {
            // The box's own frame is the picture's frame: drop the inner `|`/`+` edges.
            Role::Picture => {
                let mut chars = run.text.chars();
                chars.next();
                chars.next_back();
                let inner: String = chars.collect();
                canvas.text(run.row, canvas.cx(run.x + 1), right, &inner);
                continue;
            }
            _ => &run.text,
        };
        canvas.text(run.row, canvas.cx(run.x), right, text);
    }
    let id = part_id(&placed.item, placed.part);
    let fit = &placed.fit;
    let mut note = |row: u32, text: String| {
        if let Some(n) = notes.get_mut(row as usize) {
            n.push(text);
        }
    };
    note(b.row, format!("{id}: {}", crate::report::box_badge(&placed.set, fit)));
    if fit.is_overset() {
        note(last, format!("{id}: {}, {} characters cut", fit.badge(), fit.overset_chars));
    }
    if placed.over_foot {
        note(depth.max(b.row), format!("{id}: over the foot"));
    }
}

/// `ID`, or `ID (part 2)` for a later part of a continued article.
fn part_id(item: &str, part: u32) -> String {
    crate::catalogue::part_id(&printable(item), part, crate::catalogue::UiLang::En)
}

/// The margin notes of a cut box: how much is cut (the text is in the RON and HTML exports).
fn copyfit_notes(makeup: &Makeup, b: &ProofBox, notes: &mut Notes) {
    let placed = &b.placed;
    let cut = crate::report::cut_of(&makeup.issue().items[placed.index], &placed.set, placed.setting.cut);
    if cut.is_empty() {
        return;
    }
    let chars: u32 = cut.iter().map(|s| s.chars()).sum();
    let id = part_id(&placed.item, placed.part);
    if let Some(n) = notes.get_mut(b.row as usize) {
        n.push(format!("{id}: cut {} ({chars} chars)", plural(cut.len(), "sentence")));
    }
}

fn signed(n: i64) -> String {
    if n > 0 { format!("+{n}") } else { n.to_string() }
}

fn bin_text(out: &mut String, makeup: &Makeup) {
    let bin = makeup.bin_entries();
    if bin.is_empty() {
        let _ = writeln!(out, "bin: empty");
        return;
    }
    let _ = writeln!(out, "bin: {}", plural(bin.len(), "item"));
    // Ids are padded to a common column, but no wider than BIN_ID_COLUMN cells: a longer id
    // only pushes its own row out (a 65,536-character id must neither widen every row nor
    // overflow the formatter's width argument), and padding counts cells, as the terminal does.
    let id_width = bin.iter().map(|e| part_id(&e.id, e.part).width()).max().unwrap_or(0).min(BIN_ID_COLUMN);
    for e in &bin {
        let kind = format!("{:?}", e.kind).to_lowercase();
        let id = part_id(&e.id, e.part);
        let pad = " ".repeat(id_width.saturating_sub(id.width()));
        let _ = writeln!(
            out,
            "  {id}{pad}  {kind:<7}  {:>5} characters  {:>4} lines at one column  {}",
            e.chars,
            e.lines,
            printable(&e.title)
        );
    }
}
