//! The press PDF (docs/formats.md, "Press PDF"): one PDF page per issue page, drawn from
//! exactly the fit engine's lines, for the plate.
//!
//! Geometry: 1 em = `em_pt` points; a body line is 1.5 em deep; the content area (the page
//! grid) starts 2 em from the page's left and top edges, and the PDF page is the content
//! plus 2 em on every side. Each grapheme stands where [`glyphs`] puts it (the engine's
//! cells, ½ em each) and takes exactly its cells: a glyph the font draws wider (proportional
//! Latin) is shaped half-width (`hwid`, `halt`) and, if still wider, narrowed, so no glyph
//! crosses into the gutter. Lines the box cannot hold (overset) and lines past the page
//! foot are not printed. Heads are set in the heads face, everything else in the text face;
//! both are embedded as subsets. With the grid's `rules`, the column rules stand where the
//! HTML proof draws them (`export/rules.rs` works them out for both).

use std::collections::HashMap;
use std::fmt;

use krilla::color::{luma, rgb};
use krilla::geom::{PathBuilder, Point, Rect, Size, Transform};
use krilla::image::Image;
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};
use krilla::{Data, Document};
use unicode_width::UnicodeWidthStr;

use super::Assets;
use super::assets::image_mime;
use super::fonts::{Face, Fonts};
use super::plate::{OnPlate, printed};
use super::preflight::is_head;
use super::rules::{NOTICE_RULE_EM, column_rules};
use crate::fit::SetLine;
use crate::fit::glyphs::{glyphs, held, justify_gaps, spread_over};
use crate::fit::width::grapheme_cells;
use crate::format::{ImageTrouble, Note, Orientation};
use crate::layout::{Makeup, ResolvedBox};
use crate::model::{Grid, Item, ItemKind, Page, Photo};

/// Points per em unless `--em-pt` says otherwise (9 pt, 小五, a broadsheet's body size).
pub const DEFAULT_EM_PT: f32 = 9.0;
/// The sizes `--em-pt` accepts.
pub const EM_PT_RANGE: std::ops::RangeInclusive<f32> = 4.0..=72.0;
/// The largest page side a PDF reader must show, in points (PDF 1.7, Annex C: 200 inches).
pub const MAX_PAGE_PT: f32 = 14_400.0;
/// A body line's depth in em.
pub const LINE_EM: f32 = 1.5;
/// The margin around the content area in em.
pub const MARGIN_EM: f32 = 2.0;
/// A column rule's width in em: 0.45 pt at 9 pt, a newspaper's hairline (细线).
pub const RULE_WIDTH_EM: f32 = 0.05;

/// What the press PDF is made with.
#[derive(Debug, Clone)]
pub struct Press {
    pub fonts: Fonts,
    /// Points per em.
    pub em_pt: f32,
    /// Where photo files are read from.
    pub assets: Assets,
    /// The issue file as its warnings name it (see [`crate::format::place_photo_notes`]).
    pub issue_file: String,
}

/// Why no PDF could be made.
#[derive(Debug, Clone, PartialEq)]
pub enum PdfError {
    /// `--em-pt` outside [`EM_PT_RANGE`].
    EmPt(f32),
    /// Page `page` would be `side` points on a side at `em_pt`, past [`MAX_PAGE_PT`]; `fits`
    /// is the largest `--em-pt` at which it is not.
    PageTooLarge { page: u32, side: f32, em_pt: f32, fits: f32 },
    /// A face the PDF writer cannot use.
    Font(String),
    /// The PDF writer failed.
    Writer(String),
}

impl fmt::Display for PdfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PdfError::EmPt(pt) => write!(
                f,
                "--em-pt is {pt}, expected {} to {} points per em (9 is 小五, a broadsheet's body type)",
                EM_PT_RANGE.start(),
                EM_PT_RANGE.end()
            ),
            PdfError::PageTooLarge { page, side, em_pt, fits } => write!(
                f,
                "page {page} would be {side:.0} pt on a side at --em-pt {em_pt}, past the {MAX_PAGE_PT:.0} pt a PDF reader must show; give --em-pt {fits:.1} or less"
            ),
            PdfError::Font(what) => write!(f, "{what}; name another font file with --font"),
            PdfError::Writer(what) => write!(f, "the PDF could not be written: {what}"),
        }
    }
}

impl std::error::Error for PdfError {}

/// The size of `grid`'s PDF page in points: the content area plus 2 em on every side.
pub fn page_size_pt(grid: &Grid, em_pt: f32) -> (f32, f32) {
    let width = grid.span_width(grid.columns.max(1)) as f32 + 2.0 * MARGIN_EM;
    let depth = grid.depth as f32 * LINE_EM + 2.0 * MARGIN_EM;
    (width * em_pt, depth * em_pt)
}

/// Refuses an `em_pt` at which some page would be larger than a PDF reader must show.
fn page_sizes_fit(makeup: &Makeup, em_pt: f32) -> Result<(), PdfError> {
    for page in &makeup.issue().pages {
        let (w, h) = page_size_pt(&page.grid, em_pt);
        let side = w.max(h);
        if side > MAX_PAGE_PT {
            let fits = (MAX_PAGE_PT / (side / em_pt) * 10.0).floor() / 10.0;
            return Err(PdfError::PageTooLarge { page: page.number, side, em_pt, fits });
        }
    }
    Ok(())
}

/// The press PDF, and what it had to leave out (a photo's image it could not draw).
#[derive(Debug, Clone)]
pub struct Printed {
    pub bytes: Vec<u8>,
    pub warnings: Vec<Note>,
}

/// The issue as a press PDF; `progress(done, total)` is told after each page.
pub fn to_pdf(makeup: &Makeup, press: &Press, progress: &mut dyn FnMut(usize, usize)) -> Result<Printed, PdfError> {
    if !EM_PT_RANGE.contains(&press.em_pt) {
        return Err(PdfError::EmPt(press.em_pt));
    }
    page_sizes_fit(makeup, press.em_pt)?;
    let mut shaper = Shaper::new(&press.fonts)?;
    let mut pictures = Pictures::default();
    let issue = makeup.issue();
    let mut document = Document::new();
    document.set_metadata(Metadata::new().title(format!("{} {}", issue.paper, issue.date)).creator("pasteup".into()));
    let total = issue.pages.len();
    for (done, page) in issue.pages.iter().enumerate() {
        let (w, h) = page_size_pt(&page.grid, press.em_pt);
        let settings =
            PageSettings::from_wh(w, h).ok_or_else(|| PdfError::Writer(format!("page {} has no size", page.number)))?;
        let mut pdf_page = document.start_page_with(settings);
        let mut surface = pdf_page.surface();
        let mut sheet =
            Sheet { surface: &mut surface, shaper: &mut shaper, press, page, makeup, pictures: &mut pictures };
        sheet.draw();
        surface.finish();
        pdf_page.finish();
        progress(done + 1, total);
    }
    let bytes = document.finish().map_err(|e| PdfError::Writer(format!("{e:?}")))?;
    Ok(Printed { bytes, warnings: pictures.warnings })
}

/// One page being drawn.
struct Sheet<'a, 's> {
    surface: &'a mut Surface<'s>,
    shaper: &'a mut Shaper,
    press: &'a Press,
    page: &'a Page,
    makeup: &'a Makeup,
    pictures: &'a mut Pictures,
}

/// Where a box stands, in points from the page's top left.
#[derive(Debug, Clone, Copy)]
struct Frame {
    x: f32,
    y: f32,
    width: f32,
    /// Lines the box holds (and the page's foot, in lines from the box top).
    lines: u32,
    foot: u32,
}

/// Which face sets a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Text = 0,
    Heads = 1,
}

impl Sheet<'_, '_> {
    fn em(&self) -> f32 {
        self.press.em_pt
    }

    fn draw(&mut self) {
        let makeup = self.makeup;
        let boxes = makeup.resolved(self.page.number);
        for b in &boxes {
            self.draw_box(b, makeup.item_by_id(&b.item));
        }
        if self.page.grid.rules {
            self.column_rules(&boxes);
        }
    }

    /// The page's column rules, where the HTML proof draws them ([`column_rules`]): each a
    /// filled strip [`RULE_WIDTH_EM`] wide, centred in its gutter.
    fn column_rules(&mut self, boxes: &[ResolvedBox]) {
        let em = self.em();
        let grid = &self.page.grid;
        self.surface.set_stroke(None);
        self.surface.set_fill(Some(Fill { paint: luma::Color::black().into(), ..Fill::default() }));
        for rule in column_rules(grid, boxes) {
            let at = rule.em(grid, LINE_EM);
            let half = RULE_WIDTH_EM / 2.0;
            let rect = Rect::from_ltrb(
                (MARGIN_EM + at.x - half) * em,
                (MARGIN_EM + at.top) * em,
                (MARGIN_EM + at.x + half) * em,
                (MARGIN_EM + at.bottom) * em,
            );
            if let Some(p) = rect.and_then(path) {
                self.surface.draw_path(&p);
            }
        }
        self.surface.set_fill(None);
    }

    fn draw_box(&mut self, b: &ResolvedBox, item: Option<&Item>) {
        let grid = &self.page.grid;
        let em = self.em();
        let column_x = f32::from(b.column.saturating_sub(1)) * f32::from(grid.column_width + grid.gutter);
        let frame = Frame {
            x: (MARGIN_EM + column_x) * em,
            y: (MARGIN_EM + (b.line.saturating_sub(1)) as f32 * LINE_EM) * em,
            width: grid.span_width(b.span) as f32 * em,
            lines: b.box_depth,
            foot: (grid.depth + 1).saturating_sub(b.line),
        };
        // What the plate prints, as the glyph preflight asks it (`export::plate`).
        for printed in printed(b, grid) {
            match printed {
                OnPlate::Line(l) => {
                    let role = if is_head(l.field) { Role::Heads } else { Role::Text };
                    self.draw_line(frame, l.row, l.x, l.size, l.line, role, l.justify);
                }
                OnPlate::Picture { row, depth } => self.picture(frame, row, depth, item),
            }
        }
        if b.kind == ItemKind::Notice {
            self.notice_frame(frame, b.set.text_inset());
        }
    }

    /// A line `size` em tall, `row` lines down the box, its measure `x` cells (½ em of the
    /// body) in; `justify` is the measure in cells when the line is to be justified.
    #[allow(clippy::too_many_arguments)]
    fn draw_line(
        &mut self,
        frame: Frame,
        row: u32,
        x: u32,
        size: u32,
        line: &SetLine,
        role: Role,
        justify: Option<u32>,
    ) {
        let em = self.em();
        let size_pt = size as f32 * em;
        let cell = size_pt / 2.0;
        let top = frame.y + row as f32 * LINE_EM * em;
        let baseline = top + (LINE_EM - 1.0) / 2.0 * size_pt + self.shaper.ascent[role as usize] * size_pt;
        let left = frame.x + x as f32 * em / 2.0;
        let placed = glyphs(line, self.page.grid.punctuation, self.makeup.issue().language.ambiguous_is_wide());
        let spacing = justify
            .filter(|_| !line.ragged)
            .map_or(Vec::new(), |measure| spread(&placed, &held(line, &placed), measure));
        let mut run = Run::default();
        let mut offset = 0;
        let mut joined = false;
        for (n, g) in placed.iter().enumerate() {
            let range = offset..offset + g.text.len();
            offset = range.end;
            // The second dash of a `——` shaped with the first.
            if std::mem::take(&mut joined) {
                continue;
            }
            joined = joins(g, placed.get(n + 1));
            let (last, range, cells) = match placed.get(n + 1) {
                Some(h) if joined => (n + 1, range.start..range.end + h.text.len(), g.cells + h.cells),
                _ => (n, range, g.cells),
            };
            let text = &line.text[range.clone()];
            let gx = left + g.x as f32 * cell + spacing.get(n).copied().unwrap_or(0.0) * cell;
            let next = placed.get(last + 1).map_or(gx + cells as f32 * cell, |h| {
                left + h.x as f32 * cell + spacing.get(last + 1).copied().unwrap_or(0.0) * cell
            });
            if cells == 0 {
                continue;
            }
            let shaped = self.shaper.shape(role, text, cells);
            let width = cells as f32 / 2.0;
            if shaped.advance > width + 1e-3 {
                // Wider than the engine counted even half-width: narrowed to its cells.
                self.flush(&mut run, baseline, role, size_pt, &line.text);
                let scale = width / shaped.advance;
                self.surface.push_transform(&Transform::from_row(scale, 0.0, 0.0, 1.0, gx, baseline));
                let glyphs = shaped.krilla(range, 0.0, (next - gx) / size_pt / scale);
                self.surface.draw_glyphs(
                    Point::from_xy(0.0, 0.0),
                    &glyphs,
                    self.shaper.fonts[role as usize].clone(),
                    &line.text,
                    size_pt,
                    false,
                );
                self.surface.pop();
                continue;
            }
            run.start.get_or_insert(gx);
            let centre = (width - shaped.advance) / 2.0;
            run.glyphs.extend(shaped.krilla(range, centre, (next - gx) / size_pt));
        }
        self.flush(&mut run, baseline, role, size_pt, &line.text);
    }

    fn flush(&mut self, run: &mut Run, baseline: f32, role: Role, size_pt: f32, text: &str) {
        if let Some(start) = run.start.take() {
            let font = self.shaper.fonts[role as usize].clone();
            self.surface.set_fill(Some(black()));
            self.surface.draw_glyphs(Point::from_xy(start, baseline), &run.glyphs, font, text, size_pt, false);
        }
        run.glyphs.clear();
    }

    /// A photo's picture, `depth` lines from `row`: the image scaled to cover the frame and
    /// clipped to it, or a grey frame when there is no image to show.
    fn picture(&mut self, frame: Frame, row: u32, depth: u32, item: Option<&Item>) {
        let em = self.em();
        let shown = depth.min(frame.lines.min(frame.foot).saturating_sub(row));
        let Some(rect) =
            Rect::from_xywh(frame.x, frame.y + row as f32 * LINE_EM * em, frame.width, shown as f32 * LINE_EM * em)
        else {
            return;
        };
        let image = match item {
            Some(Item::Photo(p)) => self.pictures.of(p, self.press),
            _ => None,
        };
        match image {
            Some((image, orientation)) => self.cover(rect, image, orientation),
            None => self.grey_frame(rect),
        }
    }

    /// A grey frame filling `rect`, its edge inside it: a stroke is centred on its path, so
    /// the path runs half the stroke's width in (found from outside: drawn on the box's edge,
    /// the frame reached 0.25 pt past its box).
    fn grey_frame(&mut self, rect: Rect) {
        const EDGE_PT: f32 = 0.5;
        let half = EDGE_PT / 2.0;
        let inset = Rect::from_ltrb(rect.left() + half, rect.top() + half, rect.right() - half, rect.bottom() - half);
        self.surface.set_fill(Some(Fill { paint: luma::Color::new(215).into(), ..Fill::default() }));
        self.surface.set_stroke(Some(Stroke {
            paint: luma::Color::new(120).into(),
            width: EDGE_PT,
            ..Stroke::default()
        }));
        // Never empty: a line is at least 6 pt deep (1.5 em of at least 4 pt).
        self.rect(inset.unwrap_or(rect));
    }

    /// The image upright (turned as its EXIF orientation says), scaled to cover `rect` and
    /// cropped about its middle, as the HTML proof's `object-fit: cover` crops it.
    fn cover(&mut self, rect: Rect, image: Image, orientation: Orientation) {
        let (iw, ih) = orientation.upright(image.size());
        let scale = (rect.width() / iw.max(1) as f32).max(rect.height() / ih.max(1) as f32);
        let (w, h) = (iw as f32 * scale, ih as f32 * scale);
        let (sw, sh) = orientation.upright((w, h));
        let (Some(size), Some(clip)) = (Size::from_wh(sw, sh), path(rect)) else { return };
        self.surface.push_clip_path(&clip, &FillRule::NonZero);
        let (dx, dy) = (rect.left() - (w - rect.width()) / 2.0, rect.top() - (h - rect.height()) / 2.0);
        let [sx, ky, kx, sy, tx, ty] = orientation.placing(sw, sh);
        let stand = Transform::from_row(sx, ky, kx, sy, tx + dx, ty + dy);
        self.surface.push_transform(&stand);
        self.surface.draw_image(image, size);
        self.surface.pop();
        self.surface.pop();
    }

    /// A notice's frame: the HTML proof's double rule, [`NOTICE_RULE_EM`] wide just inside
    /// the box's edges (two hairlines a third of it wide, a third apart, as a browser draws a
    /// `double` border); at the sides no wider than the air (`inset` cells) the setting leaves
    /// beside the text, and in a 1-em box, whose text fills it, none (found from outside: drawn
    /// ½ em in whatever the box, the frame ran over the text of a 1- or 2-em notice; and ½ em in
    /// at all, through the middle of the air, it struck out a `，` hung into that air, which the
    /// HTML proof's rule at the edge left clear). Past the page's foot the frame closes at the
    /// foot, under the last line printed (found from outside: drawn through the middle of that
    /// line, it struck out the signer).
    fn notice_frame(&mut self, frame: Frame, inset: u32) {
        let em = self.em();
        let last = frame.lines.min(frame.foot);
        if last == 0 {
            return;
        }
        let rule = NOTICE_RULE_EM * em;
        let (left, right) = (frame.x, frame.x + frame.width);
        let (top, bottom) = (frame.y, frame.y + last as f32 * LINE_EM * em);
        self.surface.set_fill(None);
        self.surface.set_stroke(Some(Stroke {
            paint: luma::Color::black().into(),
            width: rule / 3.0,
            ..Stroke::default()
        }));
        // Each hairline's middle, a sixth and five sixths of the rule in.
        for d in [rule / 6.0, rule * 5.0 / 6.0] {
            let mut path = PathBuilder::new();
            if inset > 0 {
                if let Some(rect) = Rect::from_ltrb(left + d, top + d, right - d, bottom - d) {
                    path.push_rect(rect);
                }
            } else {
                for y in [top + d, bottom - d] {
                    path.move_to(left, y);
                    path.line_to(right, y);
                }
            }
            if let Some(p) = path.finish() {
                self.surface.draw_path(&p);
            }
        }
        self.surface.set_stroke(None);
    }

    fn rect(&mut self, rect: Rect) {
        if let Some(p) = path(rect) {
            self.surface.draw_path(&p);
        }
        self.surface.set_fill(None);
        self.surface.set_stroke(None);
    }
}

fn black() -> Fill {
    Fill { paint: rgb::Color::new(20, 20, 20).into(), ..Fill::default() }
}

fn path(rect: Rect) -> Option<krilla::geom::Path> {
    let mut builder = PathBuilder::new();
    builder.push_rect(rect);
    builder.finish()
}

pub use crate::format::MAX_IMAGE_PIXELS;

/// The photos' images, each file read and decoded once, when a photo first shows it; and a
/// warning for each photo whose file is there but cannot be drawn (it is a grey frame, as a
/// photo without a file).
#[derive(Default)]
struct Pictures {
    by_file: HashMap<String, Result<Option<(Image, Orientation)>, ImageTrouble>>,
    warnings: Vec<Note>,
}

impl Pictures {
    /// The image `photo` shows, if its file is one to draw, and how it stands upright.
    fn of(&mut self, photo: &Photo, press: &Press) -> Option<(Image, Orientation)> {
        let file = photo.file.as_deref()?;
        let image = self
            .by_file
            .entry(file.to_string())
            .or_insert_with(|| press.assets.bytes(file).and_then(|b| b.map_or(Ok(None), image)));
        match image {
            Ok(image) => image.clone(),
            Err(why) => {
                let (id, image, why) = (photo.id.clone(), file.to_string(), why.clone());
                self.warnings.push(Note::GreyFrame { file: press.issue_file.clone(), id, image, why });
                None
            }
        }
    }
}

/// Whether the press PDF would draw the image in `bytes`: the HTML proof inlines only those,
/// so that it shows what will print (found from outside: a damaged PNG showed the browser's
/// broken-image mark, and a 108-megapixel one was shown where the PDF drew a grey frame).
pub(crate) fn prints(bytes: &[u8]) -> bool {
    matches!(image(bytes.to_vec()), Ok(Some(_)))
}

/// The image in `bytes` if it is one the PDF can hold, or why it cannot be drawn: not an
/// image of a kind it holds, too many pixels, or damaged; and how it stands upright.
fn image(bytes: Vec<u8>) -> Result<Option<(Image, Orientation)>, ImageTrouble> {
    let Some(mime) = image_mime(&bytes) else {
        return Err(ImageTrouble::NotAnImage);
    };
    // The check every command makes first (the same words, the same limits): the writer
    // starts decoding as soon as it has an image.
    let (_, orientation) = crate::format::stored_image(&bytes)?;
    let data: Data = bytes.into();
    let image = match mime {
        "image/png" => Image::from_png(data, true),
        "image/jpeg" => Image::from_jpeg(data, true),
        "image/gif" => Image::from_gif(data, true),
        "image/webp" => Image::from_webp(data, true),
        _ => return Ok(None),
    }
    .map_err(|_| ImageTrouble::Malformed)?;
    decodes(&image)?;
    Ok(Some((image, orientation)))
}

/// Whether `image` decodes, tried in a PDF of its own: the writer reads an image's pixels
/// only when it finishes, and one damaged image would lose the whole press PDF.
fn decodes(image: &Image) -> Result<(), ImageTrouble> {
    let damaged = |detail: String| ImageTrouble::Damaged { detail };
    let (Some(settings), Some(size)) = (PageSettings::from_wh(1.0, 1.0), Size::from_wh(1.0, 1.0)) else {
        return Ok(());
    };
    let mut document = Document::new();
    let mut page = document.start_page_with(settings);
    let mut surface = page.surface();
    surface.draw_image(image.clone(), size);
    surface.finish();
    page.finish();
    match document.finish() {
        Ok(_) => Ok(()),
        Err(krilla::error::KrillaError::Image(_, _, why)) => Err(damaged(why)),
        Err(e) => Err(damaged(format!("{e:?}"))),
    }
}

/// Extra cells before each glyph of a justified line, so that its last glyph ends at the
/// measure (a mark hung past it, after them, starts there: [`spread_over`]): the slack goes
/// into the gaps [`justify_gaps`] gives, as the HTML proof's; a line with none stays flush left.
fn spread(placed: &[crate::fit::glyphs::Glyph<'_>], held: &[bool], measure: u32) -> Vec<f32> {
    let text = spread_over(placed, measure);
    let (Some(spread), Some(held)) = (placed.get(..text), held.get(..text)) else { return Vec::new() };
    let Some(last) = spread.last() else { return Vec::new() };
    let slack = measure.saturating_sub(last.x + last.cells) as f32;
    let gaps = justify_gaps(spread, held);
    if slack <= 0.0 || gaps.is_empty() {
        return Vec::new();
    }
    let each = slack / gaps.len() as f32;
    let mut extra = 0.0;
    let mut out = Vec::with_capacity(placed.len());
    let mut gaps = gaps.into_iter().peekable();
    for n in 0..placed.len() {
        if gaps.peek() == Some(&n) {
            gaps.next();
            extra += each;
        }
        out.push(extra);
    }
    out
}

/// Glyphs gathered to be drawn in one run.
#[derive(Default)]
struct Run {
    start: Option<f32>,
    glyphs: Vec<KrillaGlyph>,
}

/// A grapheme shaped in one face, in em of the font size.
#[derive(Debug, Clone, Default)]
struct Shaped {
    /// Glyph id, advance, x and y offsets.
    glyphs: Vec<(u16, f32, f32, f32)>,
    advance: f32,
    /// For a grapheme the face lacks, shaped to its `.notdef` alone: a glyph that draws
    /// nothing (the face's space), drawn after it at no advance. A PDF's text map gives no
    /// character to `.notdef`, and one glyph one character at most, so every lacking character
    /// was lost when the text was copied (found from outside: `甲 乙\u{E001}丙 丁`); two
    /// glyphs of one grapheme are a cluster, which the writer marks with the grapheme as its
    /// actual text (`/ActualText`), read back by text extractors.
    blank: Option<u16>,
}

impl Shaped {
    /// The glyphs for the PDF writer: the first moved `dx` right, the advances summing to
    /// `to_next` (where the next grapheme starts).
    fn krilla(&self, range: std::ops::Range<usize>, dx: f32, to_next: f32) -> Vec<KrillaGlyph> {
        let mut out: Vec<KrillaGlyph> = Vec::with_capacity(self.glyphs.len());
        let mut used = 0.0;
        for (n, &(id, advance, x, y)) in self.glyphs.iter().enumerate() {
            let last = n + 1 == self.glyphs.len();
            let advance = if last { to_next - used } else { advance };
            used += advance;
            let x = x + if n == 0 { dx } else { 0.0 };
            out.push(KrillaGlyph::new(GlyphId::new(u32::from(id)), advance, x, y, 0.0, range.clone(), None));
        }
        if let Some(id) = self.blank {
            out.push(KrillaGlyph::new(GlyphId::new(u32::from(id)), 0.0, 0.0, 0.0, 0.0, range, None));
        }
        out
    }
}

/// Graphemes shaped once per face and width, with the OpenType features that set them at
/// the engine's cells: `hwid` for half-width Latin and digits, `halt` for a ½-em mark,
/// `fwid` for a full-width “ ” — … in CJK.
struct Shaper {
    fonts: [Font; 2],
    faces: [Face; 2],
    /// Ascent of the ideographic em box, in em (where the baseline sits below its top).
    ascent: [f32; 2],
    cache: HashMap<(u8, u32), HashMap<String, Shaped>>,
}

impl Shaper {
    fn new(fonts: &Fonts) -> Result<Shaper, PdfError> {
        let font = |face: &Face| {
            Font::new(Data::from(face.data().clone()), face.index)
                .ok_or_else(|| PdfError::Font(format!("{}: the PDF writer cannot use this font", face.file_name())))
        };
        let ascent = |face: &Face| {
            face.parse().map_or(0.88, |f| {
                let a = f32::from(f.typographic_ascender().unwrap_or(f.ascender())) / f.units_per_em().max(1) as f32;
                if (0.5..=1.2).contains(&a) { a } else { 0.88 }
            })
        };
        Ok(Shaper {
            fonts: [font(&fonts.text)?, font(&fonts.heads)?],
            ascent: [ascent(&fonts.text), ascent(&fonts.heads)],
            faces: [fonts.text.clone(), fonts.heads.clone()],
            cache: HashMap::new(),
        })
    }

    fn shape(&mut self, role: Role, text: &str, cells: u32) -> Shaped {
        let by_width = self.cache.entry((role as u8, cells)).or_default();
        if let Some(s) = by_width.get(text) {
            return s.clone();
        }
        let shaped = shape_one(&self.faces[role as usize], text, cells);
        by_width.insert(text.to_string(), shaped.clone());
        shaped
    }
}

/// Whether `g` and the glyph after it are the two halves of a 2-em dash `——`, shaped as one:
/// a CJK face joins them into one stroke, as a browser shapes them (found from outside: shaped
/// one by one, each `fwid` dash stood in its em with a gap between them).
fn joins(g: &crate::fit::glyphs::Glyph<'_>, next: Option<&crate::fit::glyphs::Glyph<'_>>) -> bool {
    matches!(g.text, "—" | "―") && g.cells == 2 && next.is_some_and(|h| h.text == g.text && h.cells == 2)
}

/// The OpenType features that draw `text` in `cells`, as the HTML proof asks for them
/// (`export/html/lines.rs`): `halt` for a mark the style sets ½ em, quotation marks included,
/// which `hwid` leaves a full em in Noto CJK SC and TC (found from outside: `”` was squeezed
/// to half its width); `halt` and `hwid` for `？` and `！`; `hwid` for Latin and figures;
/// `fwid` for East Asian Ambiguous characters counted a full em.
fn features(text: &str, cells: u32) -> &'static [&'static [u8; 4]] {
    match cells {
        1 if matches!(text, "？" | "！") => &[b"halt", b"hwid"],
        1 if grapheme_cells(text, true) == 2 => &[b"halt"],
        1 => &[b"hwid"],
        _ if UnicodeWidthStr::width(text) < cells as usize => &[b"fwid"],
        _ => &[],
    }
}

/// `text` (one grapheme, or the two dashes of a `——`) shaped in `face` to stand in `cells`.
fn shape_one(face: &Face, text: &str, cells: u32) -> Shaped {
    let features: Vec<(&[u8; 4], u32)> = features(text, cells).iter().map(|&tag| (tag, 1)).collect();
    let Some((out, upem)) = face.shape(text, &features) else { return Shaped::default() };
    let glyphs: Vec<(u16, f32, f32, f32)> = out
        .glyph_infos()
        .iter()
        .zip(out.glyph_positions())
        .map(|(info, pos)| {
            (
                info.glyph_id as u16,
                pos.x_advance as f32 / upem,
                pos.x_offset as f32 / upem,
                -(pos.y_offset as f32) / upem,
            )
        })
        .collect();
    let advance = glyphs.iter().map(|g| g.1).sum();
    let lacking = matches!(glyphs.as_slice(), [(0, ..)]);
    let blank = lacking.then(|| face.parse().and_then(|f| f.glyph_index(' ')).map(|g| g.0)).flatten();
    Shaped { glyphs, advance, blank }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fit::glyphs::Glyph;
    use crate::model::Punctuation;

    /// A PNG of `width` × `height` pixels whose data is `idat` (compressed or not).
    fn png(width: u32, height: u32, idat: &[u8]) -> Vec<u8> {
        fn crc(bytes: &[u8]) -> u32 {
            let mut c = !0u32;
            for &b in bytes {
                c ^= u32::from(b);
                for _ in 0..8 {
                    c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
                }
            }
            !c
        }
        let chunk = |kind: &[u8], data: &[u8]| {
            let body = [kind, data].concat();
            [&(data.len() as u32).to_be_bytes()[..], &body, &crc(&body).to_be_bytes()].concat()
        };
        let ihdr = [&width.to_be_bytes()[..], &height.to_be_bytes(), &[8, 6, 0, 0, 0]].concat();
        [&b"\x89PNG\r\n\x1a\n"[..], &chunk(b"IHDR", &ihdr), &chunk(b"IDAT", idat), &chunk(b"IEND", &[])].concat()
    }

    #[test]
    fn an_image_that_claims_too_many_pixels_is_not_decoded() {
        // 300 bytes that claim 200 000 × 200 000 pixels: decoding would ask for 160 GB.
        let Err(why) = image(png(200_000, 200_000, &[0; 64])) else { panic!("drawn") };
        assert_eq!(why, ImageTrouble::TooManyPixels { width: 200_000, height: 200_000, most_million: 100 });
    }

    #[test]
    fn a_damaged_image_is_refused_before_the_pdf_is_written() {
        let whole = crate::sample::image("../assets/snow-traffic.png").expect("a sample photo");
        assert!(matches!(image(whole.to_vec()), Ok(Some(_))));
        let Err(why) = image(whole[..whole.len() / 2].to_vec()) else { panic!("drawn") };
        assert_eq!(why, ImageTrouble::Cut);
        let Err(why) = image(b"not an image".to_vec()) else { panic!("drawn") };
        assert_eq!(why, ImageTrouble::NotAnImage);
    }

    #[test]
    fn a_broadsheet_page_is_its_grid_plus_two_em_a_side() {
        let grid = Grid::broadsheet();
        // 8 columns of 13 em with 7 gutters of 1 em: 111 em; 100 lines of 1.5 em: 150 em.
        let (w, h) = page_size_pt(&grid, 9.0);
        assert_eq!((w, h), ((111.0 + 4.0) * 9.0, (150.0 + 4.0) * 9.0));
    }

    #[test]
    fn justifying_spreads_the_slack_between_glyphs_not_inside_numbers() {
        let g = |text, x, cells| Glyph { text, x, cells };
        // 太 原 2 0 at cells 0, 2, 4, 5: 6 cells in a measure of 10 leaves 4.
        let placed = [g("太", 0, 2), g("原", 2, 2), g("2", 4, 1), g("0", 5, 1)];
        let line = SetLine { text: "太原20".into(), lead: 0, cells: 6, ragged: false };
        let extra = spread(&placed, &held(&line, &placed), 10);
        assert_eq!(extra, vec![0.0, 2.0, 4.0, 4.0]);
        assert!(spread(&placed, &held(&line, &placed), 6).is_empty());
        // Found from outside: full-width figures were spread apart, and a line of a number and
        // a halved mark digit by digit.
        let line = SetLine { text: "涨１２％，".into(), lead: 0, cells: 8, ragged: false };
        let placed = glyphs(&line, Punctuation::LineEnd, true);
        assert_eq!(spread(&placed, &held(&line, &placed), 12), vec![0.0, 1.5, 1.5, 1.5, 3.0]);
        let line = SetLine { text: "0351-5661173？".into(), lead: 0, cells: 13, ragged: false };
        let placed = glyphs(&line, Punctuation::LineEnd, true);
        let extra = spread(&placed, &held(&line, &placed), 15);
        assert!(extra[..12].iter().all(|&e| e == 0.0) && extra[12] == 2.0, "{extra:?}");
    }

    /// Found from outside: under `Full` with `hanging: true`, a line of 21 cells of text in a
    /// 22-cell measure before its hung `，` was not justified, the mark over the measure's edge.
    #[test]
    fn a_line_with_a_hung_mark_is_justified_up_to_the_mark() {
        let line = SetLine { text: "统计，1—11月，".into(), lead: 0, cells: 15, ragged: false };
        let placed = glyphs(&line, Punctuation::Full, true);
        // 统 计 ， 1 — 1 1 月 at 0–13, ， hung at 13: the cell of slack in the 4 gaps before 月
        // and its mark, and the mark at the measure, 14.
        let extra = spread(&placed, &held(&line, &placed), 14);
        assert_eq!(extra, vec![0.0, 0.25, 0.5, 0.75, 0.75, 0.75, 0.75, 1.0, 1.0]);
        let last = placed.len() - 1;
        assert_eq!(placed[last].x as f32 + extra[last], 14.0);
    }

    /// Found from outside: a line of symbols and a figure only (`×№1`), not its paragraph's
    /// last, ended 1 cell short of its measure; it widens beside its symbols, as the HTML proof.
    #[test]
    fn a_line_of_symbols_and_figures_is_justified_beside_its_symbols() {
        let line = SetLine { text: "×№1".into(), lead: 0, cells: 5, ragged: false };
        let placed = glyphs(&line, Punctuation::Full, true);
        assert_eq!(spread(&placed, &held(&line, &placed), 6), vec![0.0, 0.5, 1.0]);
        // A lone `；` between boxed runs shares the slack as the HTML proof's margins do.
        let line = SetLine { text: "4g/m3；№12".into(), lead: 0, cells: 11, ragged: false };
        let placed = glyphs(&line, Punctuation::Full, true);
        let extra = spread(&placed, &held(&line, &placed), 12);
        assert_eq!(extra, vec![0.0, 0.0, 0.0, 0.0, 0.0, 0.5, 1.0, 1.0, 1.0]);
    }

    /// Korean is justified at the spaces between words, as a browser justifies it: never
    /// between the syllables of a word (found from outside: the PDF letter-spaced them).
    #[test]
    fn a_korean_line_is_justified_at_its_spaces() {
        let line = SetLine { text: "누적으로 불가피한 결과".into(), lead: 0, cells: 22, ragged: false };
        let placed = glyphs(&line, Punctuation::Full, true);
        let extra = spread(&placed, &held(&line, &placed), 26);
        // 누 적 으 로 ␠ 불 가 피 한 ␠ 결 과: the 4 cells of slack at the two spaces.
        assert_eq!(extra, vec![0.0, 0.0, 0.0, 0.0, 1.0, 2.0, 2.0, 2.0, 2.0, 3.0, 4.0, 4.0]);
        // A word alone on its line has nowhere to widen: flush left, as in the HTML proof
        // (found from outside: `서울특별시교육청`, `waterfront` and a URL were letter-spaced).
        for text in ["서울특별시교육청", "waterfront", "https://example.org/2024/03/15/"] {
            let line = SetLine { text: text.into(), lead: 0, cells: 16, ragged: false };
            let placed = glyphs(&line, Punctuation::Full, true);
            assert!(spread(&placed, &held(&line, &placed), 40).is_empty(), "{text}");
        }
    }
}
