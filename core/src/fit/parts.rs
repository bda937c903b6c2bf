//! Parts (转版): an article continued from one box into others, on any pages.
//!
//! The article's text (its body, cut as its parts' cuts add up, then its byline) flows
//! through the parts: part 1 sets it from the start at its own page's column width and
//! setting and takes its first lines; each later part sets it again from the character where
//! the part before stopped, at its own page's column width and setting (a paragraph taken up
//! mid-way has no indent), so pages of different grids lose and repeat nothing. A part another
//! part follows holds what its fixed depth has room for, less one line: its jump line
//! `（下转第4版）`, flush right at the foot of its last leg. Part 1 carries the heads; each
//! later part starts with the headline at its own head size and a from-line `（上接第3版）`,
//! flush left across the span. The last part (or a part whose next part is not on a page)
//! takes all the lines left, and is overset as any box is.

use super::boxes::{Block, BlockKind, SetBox, Setter, Setting, article_body};
use super::fill::Align;
use crate::model::{Article, Grid, Language};

/// Where in an article's text a part starts: a paragraph of the text as it flows (the body
/// after cuts, then the byline) and a byte in it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Resume {
    pub paragraph: usize,
    pub byte: usize,
}

/// Where a part stands in its article's flow: what [`set_part`] needs beyond the setting.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Flow {
    /// 1, 2, … .
    pub part: u32,
    /// Where in the article's text this part starts (where the part before it stopped).
    pub from: Resume,
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
    /// Where in the article's text this part starts, and where the next part starts.
    pub from: Resume,
    pub next: Resume,
    /// How many of the box's last body lines the jump line takes (two in a column too narrow
    /// for it in one; 0 when it does not jump).
    pub jump_lines: usize,
    /// Whether it holds any of the body, not only the byline or nothing.
    pub holds_body: bool,
    /// Whether any of the body is left where it starts: a part holding none of it while some
    /// is left is too shallow for a line of it, rather than left nothing by the parts before.
    pub body_left: bool,
    /// The pages its from-line and jump line name.
    pub from_page: Option<u32>,
    pub to_page: Option<u32>,
}

impl PartLines {
    /// Whether the box's last body line is a jump line to the next part.
    pub fn jumps(&self) -> bool {
        self.jump_lines > 0
    }
}

/// The jump line at the end of a part continued on page `page`, in the language.
pub fn jump_to(language: Language, page: u32) -> String {
    match language {
        Language::ZhHans => format!("（下转第{page}版）"),
        Language::ZhHant => format!("（下轉第{page}版）"),
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
    let mut whole = super::boxes::article_heads(a, grid, setter, span, width, setting);
    if flow.part > 1 {
        let headline = setting.headline.as_deref().unwrap_or(&a.headline);
        let mut heads = vec![setter.headline(headline, width, setting.head_size_on(grid))];
        if let Some(page) = flow.from_page {
            heads.push(setter.line_block(BlockKind::Jump, &jump_from(language, page), width, Align::Start));
        }
        whole.heads = heads;
    }
    let mut starts = Vec::new();
    let mut body = article_body(a, setter, whole.leg_width, setting.cut, flow.from, Some(&mut starts));
    let mut jump = Vec::new();
    let taken = match (flow.to_page, flow.depth) {
        (Some(page), Some(depth)) => {
            // The jump line takes two lines of a column too narrow for it: room is left for both.
            setter.set_into([jump_to(language, page).as_str()], &setter.style(whole.leg_width, Align::End), &mut jump);
            let room = depth.saturating_sub(whole.heads_depth()) as usize * usize::from(whole.legs);
            body.len().min(room.saturating_sub(jump.len()))
        }
        _ => body.len(),
    };
    let next = starts.get(taken).copied().unwrap_or(Resume { paragraph: usize::MAX, byte: 0 });
    // The byline flows last, a paragraph of its own: a part holding only it holds none of the
    // text (found from outside: a part 2 of just `（袁剑锋、杨润德）` passed).
    let byline = starts.last().map(|r| r.paragraph).filter(|_| a.byline.is_some());
    let is_body = |r: &Resume| byline.is_none_or(|b| r.paragraph < b);
    let holds_body = starts[..taken.min(starts.len())].iter().any(is_body);
    let body_left = starts.iter().any(is_body);
    body.truncate(taken);
    let jump_lines = jump.len();
    body.append(&mut jump);
    whole.body = body;
    whole.part = Some(PartLines {
        part: flow.part,
        from: flow.from,
        next,
        jump_lines,
        holds_body,
        body_left,
        from_page: flow.from_page.filter(|_| flow.part > 1),
        to_page: flow.to_page.filter(|_| jump_lines > 0),
    });
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jump_lines_in_each_script() {
        assert_eq!(jump_to(Language::ZhHans, 4), "（下转第4版）");
        // Found from outside: a Traditional page said 转, not 轉.
        assert_eq!(jump_to(Language::ZhHant, 4), "（下轉第4版）");
        assert_eq!(jump_from(Language::ZhHant, 3), "（上接第3版）");
        assert_eq!(
            (jump_to(Language::Ja, 2), jump_from(Language::Ja, 1)),
            ("（2面に続く）".into(), "（1面から続く）".into())
        );
    }
}
