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

use super::boxes::{Block, BlockKind, SetBox, SetLine, Setter, Setting, article_body, byline_lines, byline_paragraph};
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
    /// The page this part stands on: a jump line or from-line naming it says 本版.
    pub page: u32,
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
    /// Whether any of the body is left for the next part, not only the byline or nothing.
    pub leaves_body: bool,
    /// The pages its from-line and jump line name.
    pub from_page: Option<u32>,
    pub to_page: Option<u32>,
    /// Its from-line and jump line as printed (the form the column has room for).
    pub from_text: Option<String>,
    pub jump_text: Option<String>,
}

impl PartLines {
    /// Whether the box's last body line is a jump line to the next part.
    pub fn jumps(&self) -> bool {
        self.jump_lines > 0
    }
}

/// The page a jump line or from-line names: another page by its number, or the part's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Toward {
    Page(u32),
    /// The other part stands on this same page (转本版).
    ThisPage,
}

impl Toward {
    /// `other` seen from a part on page `here`.
    pub fn seen_from(here: u32, other: u32) -> Toward {
        if here == other { Toward::ThisPage } else { Toward::Page(other) }
    }
}

/// The jump line at the end of a part continued on page `page`, in the language.
pub fn jump_to(language: Language, page: u32) -> String {
    jump_forms(language, Toward::Page(page)).swap_remove(0)
}

/// The line of a part that names another part's page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JumpEnd {
    /// The jump line at the foot of a part, naming the page the next part is on.
    To,
    /// The from-line at the head of a later part, naming the page the part before is on.
    From,
}

/// The jump line's forms, longest first: a leg too narrow for one on a line takes the next
/// (a newsroom shortens 下转第4版 to 转4版 in a narrow column rather than break it, and to 转4
/// or the bare page number in one narrower still: a jump line of two lines would not fit the
/// one line the part keeps for it).
pub fn jump_forms(language: Language, to: Toward) -> Vec<String> {
    forms(language, JumpEnd::To, to)
}

/// The from-line's forms, longest first, shortened as the jump line's are (上接第3版 to
/// 接3版, 接3 or the bare page number): a narrow column takes the longest it holds on one line
/// rather than break the line mid-word.
pub fn from_forms(language: Language, from: Toward) -> Vec<String> {
    forms(language, JumpEnd::From, from)
}

/// The forms of either line, longest first: the same shortening, only the verb differs.
fn forms(language: Language, end: JumpEnd, toward: Toward) -> Vec<String> {
    let (zh, whole) = match (language, end) {
        (Language::ZhHans, JumpEnd::To) => ("转", "下转"),
        (Language::ZhHant, JumpEnd::To) => ("轉", "下轉"),
        (Language::ZhHans | Language::ZhHant, JumpEnd::From) => ("接", "上接"),
        (Language::Ja, _) => return ja_forms(end, toward),
        (Language::En | Language::Ko, _) => return en_forms(end, toward),
    };
    match toward {
        Toward::Page(n) => vec![
            format!("（{whole}第{n}版）"),
            format!("（{zh}第{n}版）"),
            format!("（{zh}{n}版）"),
            format!("{zh}{n}版"),
            format!("{zh}{n}"),
            n.to_string(),
        ],
        Toward::ThisPage => vec![format!("（{whole}本版）"), format!("（{zh}本版）"), format!("{zh}本版")],
    }
}

fn ja_forms(end: JumpEnd, toward: Toward) -> Vec<String> {
    let page = match toward {
        Toward::Page(n) => format!("{n}面"),
        Toward::ThisPage => "本面".to_string(),
    };
    let (whole, short) = match end {
        JumpEnd::To => ("に続く", "へ"),
        JumpEnd::From => ("から続く", "から"),
    };
    let mut forms = vec![format!("（{page}{whole}）"), format!("（{page}{short}）"), format!("{page}{short}")];
    if let Toward::Page(n) = toward {
        forms.push(n.to_string());
    }
    forms
}

fn en_forms(end: JumpEnd, toward: Toward) -> Vec<String> {
    let (whole, short, page_short, this_short) = match end {
        JumpEnd::To => ("Continued on", "See", "p.", "Below"),
        JumpEnd::From => ("Continued from", "From", "From p.", "Above"),
    };
    match toward {
        Toward::Page(n) => vec![
            format!("({whole} page {n})"),
            format!("({short} page {n})"),
            format!("({page_short} {n})"),
            n.to_string(),
        ],
        Toward::ThisPage => {
            vec![format!("({whole} this page)"), format!("({short} this page)"), format!("({this_short})")]
        }
    }
}

/// The from-line at the head of a part continued from page `page`, in its whole form.
pub fn jump_from(language: Language, page: u32) -> String {
    from_line(language, Toward::Page(page))
}

/// The from-line at the head of a later part, in its whole form (a narrow column takes a
/// shorter one of [`from_forms`]).
pub fn from_line(language: Language, from: Toward) -> String {
    from_forms(language, from).swap_remove(0)
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
    let from = flow.from_page.filter(|_| flow.part > 1).map(|page| Toward::seen_from(flow.page, page));
    let mut from_text = None;
    if flow.part > 1 {
        let headline = setting.headline.as_deref().unwrap_or(&a.headline);
        let mut heads = vec![setter.headline(headline, width, setting.head_size_on(grid))];
        if let Some(from) = from {
            let (block, text) = setter.set_from_line(language, from, width);
            heads.push(block);
            from_text = Some(text);
        }
        whole.heads = heads;
    }
    let mut starts = Vec::new();
    let (mut body, mut added_marks) =
        article_body(a, setter, whole.leg_width, setting.cut, flow.from, Some(&mut starts));
    let mut jump = Vec::new();
    let mut jump_text = None;
    let taken = match (flow.to_page, flow.depth) {
        (Some(page), Some(depth)) => {
            let text = setter.jump_line(language, Toward::seen_from(flow.page, page), whole.leg_width, &mut jump);
            jump_text = Some(text);
            let room = depth.saturating_sub(whole.heads_depth()) as usize * usize::from(whole.legs);
            body.len().min(room.saturating_sub(jump.len()))
        }
        _ => body.len(),
    };
    let next = starts.get(taken).copied().unwrap_or(Resume { paragraph: usize::MAX, byte: 0 });
    // The byline flows last, a paragraph of its own: a part holding only it holds none of the
    // text (found from outside: a part 2 of just `（袁剑锋、杨润德）` passed).
    let byline = byline_paragraph(a, &starts);
    let is_body = |r: &Resume| byline.is_none_or(|b| r.paragraph < b);
    let holds_body = starts[..taken.min(starts.len())].iter().any(is_body);
    let body_left = starts.iter().any(is_body);
    // The body flows before the byline: the first line not taken says whether any is left.
    let leaves_body = starts.get(taken).is_some_and(is_body);
    whole.byline_lines = byline_lines(&starts[..taken.min(starts.len())], byline);
    body.truncate(taken);
    added_marks.retain(|&k| k < taken);
    let jump_lines = jump.len();
    body.append(&mut jump);
    whole.body = body;
    whole.added_marks = added_marks;
    whole.part = Some(PartLines {
        part: flow.part,
        from: flow.from,
        next,
        jump_lines,
        holds_body,
        body_left,
        leaves_body,
        from_page: flow.from_page.filter(|_| flow.part > 1),
        to_page: flow.to_page.filter(|_| jump_lines > 0),
        from_text,
        jump_text: jump_text.filter(|_| jump_lines > 0),
    });
    whole
}

impl Setter {
    /// Sets into `out` the longest form of the jump line `to` that a leg `leg_width` cells wide
    /// holds on one line, flush right, and returns its text.
    fn jump_line(&self, language: Language, to: Toward, leg_width: u32, out: &mut Vec<SetLine>) -> String {
        self.longest_on_one_line(jump_forms(language, to), &self.style(leg_width, Align::End), out)
    }

    /// The from-line `from` across `width` cells, flush left, not indented, in the longest
    /// form that holds on one line, and its text.
    fn set_from_line(&self, language: Language, from: Toward, width: u32) -> (Block, String) {
        let style = super::fill::TextStyle { indent: 0, ..self.style(width, Align::Start) };
        let mut lines = Vec::new();
        let text = self.longest_on_one_line(from_forms(language, from), &style, &mut lines);
        let depth = lines.len() as u32;
        (Block { kind: BlockKind::Jump, lines, line_depth: 1, depth }, text)
    }

    /// Sets into `out` the longest of `forms` (longest first) that `style` holds on one line,
    /// and returns it. A measure too narrow even for the shortest takes it on the lines it
    /// needs (a jump line's legs keep them together; the lines a box has no room for are
    /// overset).
    fn longest_on_one_line(
        &self,
        mut forms: Vec<String>,
        style: &super::fill::TextStyle,
        out: &mut Vec<SetLine>,
    ) -> String {
        let shortest = forms.pop().unwrap_or_default();
        for form in forms {
            let mut lines = Vec::new();
            self.set_into([form.as_str()], style, &mut lines);
            if lines.len() == 1 {
                out.append(&mut lines);
                return form;
            }
        }
        self.set_into([shortest.as_str()], style, out);
        shortest
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Item;

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

    fn article(sentences: usize) -> Article {
        let body = vec!["晋源区要全域治山筑牢生态屏障，继续实施山体破坏面生态修复工程。".repeat(sentences)];
        Article {
            id: "a".into(),
            headline: "标题".into(),
            subhead: None,
            kicker: None,
            byline: Some("记者 王".into()),
            body,
            page: None,
            priority: None,
        }
    }

    /// Part 1 of `a` on page 3 at `depth`, its next part on page `to`, `span` columns of `grid`.
    fn part_one(a: &Article, grid: &Grid, span: u16, depth: u32, to: u32) -> SetBox {
        let flow =
            Flow { part: 1, from: Resume::default(), page: 3, from_page: None, to_page: Some(to), depth: Some(depth) };
        let setting = Setting { flow: Some(flow), ..Setting::default() };
        super::super::set_item_as(&Item::Article(a.clone()), grid, Language::ZhHans, span, &setting)
    }

    /// The jump line's lines are the body's last, and one leg holds them all.
    fn jump_in_one_leg(set: &SetBox, depth: u32) -> bool {
        let lines = set.part.as_ref().map_or(0, |p| p.jump_lines);
        let first = set.body.len() - lines;
        set.legs_at(crate::model::Depth::Fixed(depth))
            .iter()
            .any(|leg| leg.contains(&first) && leg.end == set.body.len())
    }

    /// Found from outside: in a 5-em column `（下转第4版）` took two lines, the first at the foot
    /// of one leg and the rest atop the next. A jump line is one line, in the longest form the
    /// column holds on one: `（转4版）` at 5 em.
    #[test]
    fn a_jump_line_is_one_line_in_one_leg_of_a_narrow_column() {
        let grid = Grid { column_width: 5, ..Grid::broadsheet() };
        for sentences in 1..6 {
            for span in 1..=3 {
                for depth in 3..24 {
                    let set = part_one(&article(sentences), &grid, span, depth, 4);
                    let Some(p) = set.part.as_ref().filter(|p| p.jumps()) else { continue };
                    assert_eq!(p.jump_lines, 1, "{sentences} sentences, {span} columns, depth {depth}");
                    assert_eq!(p.jump_text.as_deref(), Some("（转4版）"));
                    assert_eq!(set.body.last().map(|l| l.text.as_str()), Some("（转4版）"));
                    assert!(jump_in_one_leg(&set, depth), "{sentences} sentences, {span} columns, depth {depth}");
                }
            }
        }
        let wide = part_one(&article(5), &Grid::broadsheet(), 2, 20, 4);
        assert_eq!(wide.body.last().map(|l| l.text.as_str()), Some("（下转第4版）"), "13 em holds the whole form");
        let twelve = part_one(&article(5), &grid, 2, 20, 12);
        assert_eq!(twelve.body.last().map(|l| l.text.as_str()), Some("（转12版）"));
        let six = part_one(&article(5), &Grid { column_width: 6, ..Grid::broadsheet() }, 2, 20, 12);
        assert_eq!(six.body.last().map(|l| l.text.as_str()), Some("（转第12版）"));
    }

    /// Found from outside: at 3 em `转100版` (3.5 em) took two lines, in a leg with room for
    /// one. A narrower column takes `转100`, and one narrower still the bare page number.
    #[test]
    fn a_jump_line_too_wide_for_zhuan_n_ban_takes_a_shorter_form() {
        let narrow = |em| Grid { column_width: em, indent: 0, ..Grid::broadsheet() };
        let three = part_one(&article(1), &narrow(3), 2, 3, 100);
        assert_eq!(three.part.as_ref().map(|p| (p.jump_lines, p.jump_text.clone())), Some((1, Some("转100".into()))));
        assert_eq!(three.body.last().map(|l| l.text.as_str()), Some("转100"));
        assert!(!three.fit(crate::model::Depth::Fixed(3)).is_overset());
        let two = part_one(&article(1), &narrow(2), 2, 3, 100);
        assert_eq!(two.part.as_ref().and_then(|p| p.jump_text.clone()), Some("100".into()));
    }

    /// Found from outside: a jump line of two lines stood whole in a one-line leg, its second
    /// line counted neither as set nor as overset, so the fit said overset by 0 lines and the
    /// exports lost the line. What the legs hold and what the fit counts as overset agree.
    #[test]
    fn the_legs_and_the_fit_count_a_jump_line_alike() {
        let grid = Grid { column_width: 1, indent: 0, ..Grid::broadsheet() };
        for sentences in 1..3 {
            for span in 1..=4 {
                for depth in 3..16 {
                    let set = part_one(&article(sentences), &grid, span, depth, 100);
                    let fit = set.fit(crate::model::Depth::Fixed(depth));
                    let legs = set.legs_at(crate::model::Depth::Fixed(depth));
                    let cut = legs.last().map_or(0, |leg| leg.end);
                    let heads_cut: usize = set.blocks_past(depth).map(|(_, past)| past.len()).sum();
                    let case = format!("{sentences} sentences, {span} columns, depth {depth}");
                    assert_eq!(fit.overset_lines as usize, set.body.len() - cut + heads_cut, "{case}");
                    assert_eq!(fit.is_overset(), fit.overset_lines > 0, "{case}");
                    let room = depth.saturating_sub(set.heads_depth()) as usize;
                    assert!(legs.iter().all(|leg| leg.len() <= room) || !fit.is_overset(), "{case}");
                }
            }
        }
    }

    /// A column too narrow even for the bare page number (1 em for `100`) sets it on the lines
    /// it needs, and the legs keep them together in one.
    #[test]
    fn a_jump_line_too_wide_for_any_form_stays_in_one_leg() {
        let grid = Grid { column_width: 1, indent: 0, ..Grid::broadsheet() };
        for sentences in 1..4 {
            for span in 2..=4 {
                for depth in 3..16 {
                    let set = part_one(&article(sentences), &grid, span, depth, 100);
                    let Some(p) = set.part.as_ref().filter(|p| p.jumps()) else { continue };
                    assert!(p.jump_lines > 1);
                    let fits = set.fit(crate::model::Depth::Fixed(depth));
                    if fits.is_overset() {
                        continue;
                    }
                    assert!(jump_in_one_leg(&set, depth), "{sentences} sentences, {span} columns, depth {depth}");
                }
            }
        }
    }

    /// Part 2 of `a` on page `page`, continued from page `from`, `span` columns of `grid`,
    /// its depth the one it needs.
    fn part_two(a: &Article, grid: &Grid, language: Language, span: u16, (page, from): (u32, u32)) -> SetBox {
        let flow = Flow { part: 2, from: Resume::default(), page, from_page: Some(from), to_page: None, depth: None };
        let setting = Setting { flow: Some(flow), ..Setting::default() };
        super::super::set_item_as(&Item::Article(a.clone()), grid, language, span, &setting)
    }

    /// The from-line's lines and text, as part 2 at `em` sets it.
    fn from_line_at(language: Language, em: u16, (page, from): (u32, u32)) -> (usize, String) {
        let grid = Grid { column_width: em, indent: 0, ..Grid::broadsheet() };
        let set = part_two(&article(2), &grid, language, 1, (page, from));
        let lines: Vec<&str> = set.heads[1].lines.iter().map(|l| l.text.as_str()).collect();
        (lines.len(), lines.concat())
    }

    /// Found from outside: `（上接第1版）` broke mid-word in a narrow column (`（上接第` / `1版）`
    /// at 5 em, three lines at 3 em) while the jump line in the same box shortened itself.
    /// The from-line takes the longest form the column holds on one line, as the jump line does.
    #[test]
    fn a_from_line_shortens_as_a_jump_line_does() {
        let zh_hant = |em| from_line_at(Language::ZhHant, em, (2, 1));
        assert_eq!(zh_hant(7), (1, "（上接第1版）".into()));
        assert_eq!(zh_hant(6), (1, "（接第1版）".into()));
        assert_eq!(zh_hant(5), (1, "（接1版）".into()));
        assert_eq!(zh_hant(3), (1, "接1版".into()));
        assert_eq!(zh_hant(2), (1, "接1".into()));
        assert_eq!(zh_hant(1), (1, "1".into()));
        assert_eq!(from_line_at(Language::ZhHans, 3, (2, 112)), (1, "接112".into()));
        assert_eq!(from_line_at(Language::ZhHans, 3, (2, 2)), (1, "接本版".into()));
        assert_eq!(from_line_at(Language::Ja, 8, (2, 1)), (1, "（1面から続く）".into()));
        assert_eq!(from_line_at(Language::Ja, 6, (2, 1)), (1, "（1面から）".into()));
        assert_eq!(from_line_at(Language::Ja, 4, (2, 1)), (1, "1面から".into()));
        assert_eq!(from_line_at(Language::En, 6, (2, 1)), (1, "(From p. 1)".into()));
        assert_eq!(from_line_at(Language::En, 2, (2, 1)), (1, "1".into()));
        // A column too narrow even for the bare page number sets it on the lines it needs.
        assert_eq!(from_line_at(Language::ZhHans, 1, (2, 112)).0, 2);
    }

    /// The from-line's forms are the jump line's, word for word but its verb.
    #[test]
    fn the_from_lines_forms_follow_the_jump_lines() {
        let forms = from_forms(Language::ZhHant, Toward::Page(1));
        assert_eq!(forms, ["（上接第1版）", "（接第1版）", "（接1版）", "接1版", "接1", "1"]);
        assert_eq!(from_forms(Language::ZhHans, Toward::ThisPage), ["（上接本版）", "（接本版）", "接本版"]);
        assert_eq!(from_forms(Language::Ja, Toward::Page(1)), ["（1面から続く）", "（1面から）", "1面から", "1"]);
        let en = from_forms(Language::En, Toward::ThisPage);
        assert_eq!(en, ["(Continued from this page)", "(From this page)", "(Above)"]);
        for language in [Language::ZhHans, Language::ZhHant, Language::Ja, Language::En, Language::Ko] {
            for toward in [Toward::Page(4), Toward::ThisPage] {
                let (to, from) = (jump_forms(language, toward), from_forms(language, toward));
                assert_eq!(to.len(), from.len(), "{language:?} {toward:?}");
                assert_eq!(from[0], from_line(language, toward));
            }
        }
    }

    /// The box counts the from-line in its depth as set: one line at 5 em, not the two the
    /// whole form took.
    #[test]
    fn a_parts_depth_counts_its_from_line_as_set() {
        let grid = Grid { column_width: 5, indent: 0, ..Grid::broadsheet() };
        let set = part_two(&article(2), &grid, Language::ZhHant, 1, (2, 1));
        let headline = set.heads[0].depth;
        assert_eq!((set.heads[1].depth, set.heads_depth()), (1, headline + 1));
        assert_eq!(set.depth_needed(), headline + 1 + set.body.len() as u32);
    }

    /// Found from outside: part 2 on the same page as part 1 made part 1 say `（下转第1版）`,
    /// pointing the reader at the page in hand. It says 本版, and so does part 2's from-line.
    #[test]
    fn a_part_on_the_same_page_says_this_page() {
        let set = part_one(&article(5), &Grid::broadsheet(), 2, 20, 3);
        assert_eq!(set.body.last().map(|l| l.text.as_str()), Some("（下转本版）"));
        assert_eq!(jump_forms(Language::ZhHant, Toward::ThisPage)[0], "（下轉本版）");
        assert_eq!(from_line(Language::ZhHans, Toward::ThisPage), "（上接本版）");
        assert_eq!(from_line(Language::Ja, Toward::seen_from(2, 2)), "（本面から続く）");
        assert_eq!(from_line(Language::En, Toward::seen_from(2, 1)), "(Continued from page 1)");
    }
}
