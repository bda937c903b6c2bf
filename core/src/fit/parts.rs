//! Parts (转版): an article continued from one box into others, on any pages.
//!
//! The article's body (cut as its parts' cuts add up, byline last) is set once at the column
//! width; part 1 takes its first lines, part 2 the next, and so on. A part another part
//! follows holds what its fixed depth has room for, less one line: its jump line
//! `（下转第4版）`, flush right at the foot of its last leg. Part 1 carries the heads; each
//! later part starts with the headline at its own head size and a from-line `（上接第3版）`,
//! flush left across the span. The last part (or a part whose next part is not on a page)
//! takes all the lines left, and is overset as any box is.

use std::ops::Range;

use super::boxes::{Block, BlockKind, SetBox, SetLine, Setter, Setting};
use super::fill::Align;
use crate::model::{Article, Grid, Language};

/// Where a part stands in its article's flow: what [`set_part`] needs beyond the setting.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Flow {
    /// 1, 2, … .
    pub part: u32,
    /// The first body line of the article (as set at the column width) this part holds.
    pub from: usize,
    /// The page of the part before, when it is on a page (names the from-line).
    pub from_page: Option<u32>,
    /// The page of the part after, when it is on a page: then this part holds only what its
    /// fixed depth has room for, and ends with a jump line naming it.
    pub to_page: Option<u32>,
    /// This part's fixed depth (`None` = Auto: it holds all that is left).
    pub depth: Option<u32>,
}

/// The lines of the article a part holds.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PartLines {
    pub part: u32,
    /// The article's body lines this part holds (the jump line not counted).
    pub lines: Range<usize>,
    /// Whether the box's last body line is a jump line to the next part.
    pub jumps: bool,
    /// Lines of the article's body in all, byline included.
    pub of: usize,
}

/// The jump line at the end of a part continued on page `page`, in the language.
pub fn jump_to(language: Language, page: u32) -> String {
    match language {
        Language::ZhHans | Language::ZhHant => format!("（下转第{page}版）"),
        Language::Ja => format!("（{page}面に続く）"),
        Language::En | Language::Ko => format!("(Continued on page {page})"),
    }
}

/// The from-line at the head of a part continued from page `page`.
pub fn jump_from(language: Language, page: u32) -> String {
    match language {
        Language::ZhHans | Language::ZhHant => format!("（上接第{page}版）"),
        Language::Ja => format!("（{page}面から続く）"),
        Language::En | Language::Ko => format!("(Continued from page {page})"),
    }
}

/// Sets one part of article `a`, spanning `span` columns (`width` cells) of `grid`.
pub(super) fn set_part(
    (a, language): (&Article, Language),
    (grid, setter): (&Grid, &Setter),
    (span, width): (u16, u32),
    setting: &Setting,
    flow: &Flow,
) -> SetBox {
    let mut whole = super::boxes::set_article(a, grid, setter, span, width, setting);
    let lines = std::mem::take(&mut whole.body);
    let of = lines.len();
    if flow.part > 1 {
        let headline = setting.headline.as_deref().unwrap_or(&a.headline);
        let mut heads = vec![setter.headline(headline, width, setting.head_size_on(grid))];
        if let Some(page) = flow.from_page {
            heads.push(setter.line_block(BlockKind::Jump, &jump_from(language, page), width, Align::Start));
        }
        whole.heads = heads;
    }
    let from = flow.from.min(of);
    let rest = of - from;
    let (taken, jump) = match (flow.to_page, flow.depth) {
        (Some(page), Some(depth)) => {
            let room = depth.saturating_sub(whole.heads_depth()) as usize * usize::from(whole.legs);
            (rest.min(room.saturating_sub(1)), Some(page))
        }
        _ => (rest, None),
    };
    let mut body: Vec<SetLine> = lines[from..from + taken].to_vec();
    if let Some(page) = jump {
        let style = setter.style(whole.leg_width, Align::End);
        setter.set_into([jump_to(language, page).as_str()], &style, &mut body);
    }
    whole.body = body;
    whole.part = Some(PartLines { part: flow.part, lines: from..from + taken, jumps: jump.is_some(), of });
    whole
}

impl Setter {
    /// A block of one text across `width` cells, aligned, not indented.
    pub fn line_block(&self, kind: BlockKind, text: &str, width: u32, align: Align) -> Block {
        let mut lines = Vec::new();
        let style = super::fill::TextStyle { indent: 0, ..self.style(width, align) };
        self.set_into([text], &style, &mut lines);
        let depth = lines.len() as u32;
        Block { kind, lines, line_depth: 1, depth }
    }
}
