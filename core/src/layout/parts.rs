//! Parts on the desk (转版): where each part of a continued article stands, how the body
//! flows from one part into the next, and `continue_part`, which turns a box's overset into a
//! new part waiting in the bin.
//!
//! A part is a placement with its number; whether another part follows is the spot's
//! `continued`. The article has as many parts as its highest part on a page, or one more
//! when that part is continued; those not on a page wait in the bin (`ID (part 2)`). A
//! continued part whose next part waits is set as the last part, so until the next part is
//! placed its overset is just overset, in the editor and in the saved file alike. Saved, such
//! a part says `continued: true`, and so its next part waits in the bin again when read back.

use std::collections::BTreeMap;

use super::Makeup;
use super::ops::{Found, Outcome};
use super::page::Spot;
use super::refusal::{Operation, Refusal};
use crate::fit::parts::{Flow, PartLines, Resume};
use crate::fit::{SetBox, set_item_as};
use crate::format::MAX_PARTS;
use crate::model::Depth;

impl Makeup {
    /// Notes that `s` stands on page `pi` (or no longer stands anywhere, `None`).
    pub(super) fn set_home(&mut self, s: &Spot, pi: Option<usize>) {
        if s.part == 1 {
            self.home[s.item] = pi;
        } else if let Some(pi) = pi {
            self.parts_home.entry(s.item).or_default().insert(s.part, pi);
        } else if let Some(parts) = self.parts_home.get_mut(&s.item) {
            parts.remove(&s.part);
            if parts.is_empty() {
                self.parts_home.remove(&s.item);
            }
        }
        if s.continued {
            match pi {
                Some(_) => self.continued.insert((s.item, s.part)),
                None => self.continued.remove(&(s.item, s.part)),
            };
        }
    }

    /// Whether `s` (on page `pi`) is continued in a next part that waits in the bin while it
    /// holds the rest of the text itself, so that the waiting part would hold none.
    pub(super) fn continued_into_nothing(&self, pi: usize, s: &Spot) -> bool {
        s.continued && self.part_page(s.item, s.part + 1).is_none() && !self.set_box(pi, s).fit(s.depth).is_overset()
    }

    /// The page (index) part `part` of item `no` stands on.
    pub(super) fn part_page(&self, no: usize, part: u32) -> Option<usize> {
        if part == 1 { self.home[no] } else { self.parts_home.get(&no)?.get(&part).copied() }
    }

    /// Part `part` of item `no` where it stands: page index and spot.
    pub(super) fn part_spot(&self, no: usize, part: u32) -> Option<(usize, Spot)> {
        let pi = self.part_page(no, part)?;
        self.pages[pi].iter().find(|s| s.item == no && s.part == part).map(|s| (pi, *s))
    }

    /// How many parts item `no` has: its highest part on a page, or one more when that part
    /// is continued (the next waits in the bin); 1 for an item never continued.
    pub(super) fn part_count(&self, no: usize) -> u32 {
        let placed = self.parts_home.get(&no).and_then(|p| p.keys().next_back().copied()).unwrap_or(1);
        let continued = self.continued.iter().filter(|(item, _)| *item == no).map(|(_, part)| part + 1).max();
        placed.max(continued.unwrap_or(1))
    }

    /// The part of item `no` that waited in the bin while its part `part`, the one on a page,
    /// leaves for the bin too, making the article whole there again; `None` while another part
    /// stands, or for an item of one part. Asked before the step.
    pub(super) fn waited_for(&self, no: usize, part: u32) -> Option<u32> {
        let mut others = (1..=self.part_count(no)).filter(|&p| p != part);
        if others.clone().any(|p| self.part_page(no, p).is_some()) {
            return None;
        }
        others.next()
    }

    /// The item's first part that is on no page (`None` when every part is placed).
    pub(super) fn waiting_part(&self, no: usize) -> Option<u32> {
        if self.home[no].is_none() {
            return Some(1);
        }
        if !self.parts_home.contains_key(&no) && !self.continued.iter().any(|(item, _)| *item == no) {
            return None;
        }
        (2..=self.part_count(no)).find(|&part| self.part_page(no, part).is_none())
    }

    /// The part of item `no` that placing it from the bin puts on a page: its first part in
    /// the bin; refused when every part is on a page.
    pub(super) fn part_to_place(&self, no: usize) -> Result<u32, Refusal> {
        self.waiting_part(no).ok_or_else(|| {
            let on = self.home[no].map_or(0, |pi| self.issue.pages[pi].number);
            Refusal::AlreadyPlaced { name: self.name(no), on }
        })
    }

    /// `spot` made part `part` of item `no`, continued when a later part exists.
    pub(super) fn waiting_spot(&self, no: usize, part: u32, spot: Spot) -> Spot {
        Spot { part, continued: part < self.part_count(no), ..spot }
    }

    /// The parts of `item` waiting in the bin, in order.
    pub fn waiting_parts(&self, item: &str) -> Vec<u32> {
        let Some(&no) = self.index.get(item) else { return Vec::new() };
        (1..=self.part_count(no)).filter(|&part| self.part_page(no, part).is_none()).collect()
    }

    /// Every part of `item` on a page: part number and page number, in part order.
    pub fn parts_of(&self, item: &str) -> Vec<(u32, u32)> {
        let Some(&no) = self.index.get(item) else { return Vec::new() };
        let mut parts: BTreeMap<u32, usize> = self.parts_home.get(&no).cloned().unwrap_or_default();
        if let Some(pi) = self.home[no] {
            parts.insert(1, pi);
        }
        parts.into_iter().map(|(part, pi)| (part, self.issue.pages[pi].number)).collect()
    }

    /// Where a spot on page `pi` stands in its article's flow; `None` for a box of its own.
    pub(super) fn flow(&self, pi: usize, s: &Spot) -> Option<Flow> {
        if s.part == 1 && !s.continued {
            return None;
        }
        let before = self.part_spot(s.item, s.part.saturating_sub(1)).filter(|_| s.part > 1);
        let after = self.part_spot(s.item, s.part + 1).filter(|_| s.continued);
        Some(Flow {
            part: s.part,
            from: self.flowed_before(s.item, s.part),
            page: self.issue.pages[pi].number,
            from_page: before.map(|(pi, _)| self.issue.pages[pi].number),
            to_page: after.map(|(pi, _)| self.issue.pages[pi].number),
            depth: match s.depth {
                Depth::Fixed(n) => Some(n),
                Depth::Auto => None,
            },
        })
    }

    /// Where in the article's text part `part` starts: where the nearest part before it on a
    /// page stops. A part before whose next part waits in the bin is set as the last part (its
    /// overset is just overset); the waiting part starts where it would stop with its jump line,
    /// as it will once placed, so that the bin says the lines it will take.
    fn flowed_before(&self, no: usize, part: u32) -> Resume {
        let Some((pi, s)) = (1..part).rev().find_map(|p| self.part_spot(no, p)) else { return Resume::default() };
        let set = self.set_box(pi, &s);
        let Some(lines) = set.part.as_ref() else { return Resume::default() };
        if lines.jumps() || !s.continued {
            return lines.next;
        }
        self.set_jumping(pi, &s).part.map_or(lines.next, |l| l.next)
    }

    /// Continued part `s` on page `pi` set as it will be once its next part stands on a page:
    /// what its depth holds, and the jump line. Which page is not known yet, so its jump line
    /// is the one of the most lines, `（下转本版）` or the one naming the issue's highest page
    /// number (found from outside: counted as `转本版` on one line, `t` continued a box whose
    /// `转100版` took two and left it no copy).
    pub(super) fn set_jumping(&self, pi: usize, s: &Spot) -> SetBox {
        let here = self.issue.pages[pi].number;
        let toward = |page: u32| {
            let mut setting = self.setting(pi, s);
            if let Some(flow) = setting.flow.as_mut() {
                flow.to_page = Some(page);
            }
            set_item_as(self.item(s.item), self.grid(pi), self.issue.language, s.span, &setting)
        };
        let jump_lines = |set: &SetBox| set.part.as_ref().map_or(0, |p| p.jump_lines);
        let this_page = toward(here);
        match self.issue.pages.iter().map(|p| p.number).filter(|&n| n != here).max() {
            Some(highest) => {
                let farthest = toward(highest);
                if jump_lines(&farthest) > jump_lines(&this_page) { farthest } else { this_page }
            }
            None => this_page,
        }
    }

    /// The sentences cut from an article continued in parts: every part's cut adds up.
    pub(super) fn parts_cut(&self, no: usize) -> u32 {
        // Saturating: a hand-written cut may be any number (found from outside).
        (1..=self.part_count(no)).filter_map(|p| self.part_spot(no, p)).fold(0, |sum, (_, s)| sum.saturating_add(s.cut))
    }

    /// Refuses to take part `f` off its page while a later part stands on one: part 2 in the
    /// bin and part 3 on a page is a gap no layout file can hold. Part 1 may go (its part 2
    /// is then reported as missing the part before).
    pub(super) fn check_may_leave(&self, f: &Found) -> Result<(), Refusal> {
        let s = self.pages[f.pi][f.at];
        match self.later_part(&s) {
            Some((later, pi)) => Err(Refusal::LaterPartPlaced {
                name: self.name(f.no),
                part: s.part,
                later,
                page: self.issue.pages[pi].number,
            }),
            None => Ok(()),
        }
    }

    /// Of a middle part (2 or later), the last later part on a page and its page index:
    /// while there is one, the part stays on its page.
    pub(super) fn later_part(&self, s: &Spot) -> Option<(u32, usize)> {
        let parts = self.parts_home.get(&s.item).filter(|_| s.part > 1)?;
        parts.range(s.part + 1..).next_back().map(|(&part, &pi)| (part, pi))
    }

    /// Gives every continued part among `spots` (page `pi`, about to be committed) that stands
    /// at `depth: Auto` a fixed depth: the lines it takes now. An Auto part would hold the
    /// whole rest of the article and leave its next part nothing, and a layout saved so would
    /// not load; the editor makes one only by placing a part whose next part already exists
    /// (the page editor asking for Auto on one is refused in `set_depth`).
    ///
    /// A line less than that, for at that depth it holds all the copy (found from outside: part
    /// 1 placed again while part 2 stood took it all, and part 2 was empty); so the last of the
    /// copy jumps to the next part once more, as a depth remedy for such a part leaves it.
    pub(super) fn fix_continued_depths(&mut self, pi: usize, spots: &mut [Spot]) {
        for s in spots.iter_mut().filter(|s| s.continued && s.depth == Depth::Auto) {
            s.depth = Depth::Fixed(self.continued_depth(pi, s));
        }
    }

    /// The fixed depth part `s` on page `pi` takes when placed while its next part exists: a
    /// line less than all its copy would take, or as many more as it takes to leave the next
    /// part a line of the body, not only the byline (found from outside: a line less sent on
    /// just the last line of a two-line byline, and part 2 held none of the text). A depth
    /// that holds no body itself is not tried: then a line less, as before.
    pub(super) fn continued_depth(&self, pi: usize, s: &Spot) -> u32 {
        let all = self.set_box(pi, &Spot { depth: Depth::Auto, ..*s }).box_depth(Depth::Auto);
        let less = all.saturating_sub(1).max(1);
        let set_at = |d| self.set_box(pi, &Spot { depth: Depth::Fixed(d), ..*s }).part.clone();
        Self::deepest_leaving_body(less, set_at).unwrap_or(less)
    }

    /// The deepest depth from `depth` up at which a part, as `set_at` sets it, holds a line of
    /// the body and leaves its next part another; `None` when it holds none first, or does not
    /// jump (one or two sets but for a byline of many lines).
    fn deepest_leaving_body(depth: u32, set_at: impl Fn(u32) -> Option<PartLines>) -> Option<u32> {
        for d in (1..=depth).rev() {
            let part = set_at(d).filter(|p| p.jumps() && p.holds_body)?;
            if part.leaves_body {
                return Some(d);
            }
        }
        None
    }

    /// Continues the overset of part `part` of `item` on page `page` in a new part, which waits
    /// in the bin. The box keeps its depth, fixed now if it was Auto: an Auto box continues
    /// what runs past the page foot. One undo step.
    pub fn continue_part(&mut self, page: u32, item: &str, part: u32) -> Result<Outcome, Refusal> {
        let (f, new) = self.continued_spot(page, item, part)?;
        Ok(self.commit_moved(f, new, Operation::Continue))
    }

    /// The box part `part` would keep if it were continued, or why it cannot be.
    pub(super) fn continued_spot(&self, page: u32, item: &str, part: u32) -> Result<(Found, Spot), Refusal> {
        let f = self.article_part(page, item, part)?;
        let name = self.name(f.no);
        let old = self.pages[f.pi][f.at];
        if old.continued {
            return Err(Refusal::AlreadyContinued { name, part: part + 1 });
        }
        // Found from outside: part 20 continued made a part 21, and no command read the
        // layout saved so.
        if part >= MAX_PARTS {
            return Err(Refusal::LastPart { name, part });
        }
        let depth = match old.depth {
            Depth::Fixed(n) if self.set_box(f.pi, &old).fit(old.depth).is_overset() => n,
            Depth::Auto => {
                let room = (self.grid(f.pi).depth + 1).saturating_sub(old.line);
                let needed = self.set_box(f.pi, &old).depth_needed();
                if needed <= room || room == 0 {
                    return Err(Refusal::NothingOverset { name });
                }
                room
            }
            Depth::Fixed(_) => return Err(Refusal::NothingOverset { name }),
        };
        let new = Spot { continued: true, depth: Depth::Fixed(depth), ..old };
        // A line or more shallower when at its depth the new part would get only the byline
        // (found from outside: part 2 of a box overset by its byline held none of the text).
        let jumping = |d| self.set_jumping(f.pi, &Spot { depth: Depth::Fixed(d), ..new }).part;
        if let Some(d) = Self::deepest_leaving_body(depth, jumping) {
            return Ok((f, Spot { depth: Depth::Fixed(d), ..new }));
        }
        // Found from outside: a box with room for its heads and the jump line only "fitted",
        // and all its copy went on to the next part.
        if jumping(depth).is_some_and(|l| l.next == l.from) {
            return Err(Refusal::TooShallowToContinue { name, depth });
        }
        Ok((f, new))
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::format::{parse_issue, parse_layout};
    use crate::layout::Target;
    use crate::problem::ProblemKind;

    /// An article whose byline `（记者 王晓东 通讯员 李明）` takes two lines at 12 em, on pages
    /// of 6 columns (found from outside, with part 1 at 3 columns and part 2 on page 2).
    const ISSUE: &str = r#"Issue(paper: "江城晚报", date: "2026-12-07", language: "zh-Hans",
    pages: [
        Page(number: 1, grid: Grid(columns: 6, column_width: 12, gutter: 1, depth: 60, punctuation: LineEnd)),
        Page(number: 2, grid: Grid(columns: 6, column_width: 12, gutter: 1, depth: 60, punctuation: LineEnd)),
    ],
    items: [Article(id: "bridge-open", headline: "长江五桥今晨正式通车",
        subhead: Some("主城南北通行时间缩短至十五分钟"), kicker: Some("城市建设"),
        byline: Some("记者 王晓东 通讯员 李明"),
        body: [
            "本报讯 12月7日清晨6时,随着第一辆公交车缓缓驶上桥面,历时四年建设的长江五桥正式通车。这座全长4.6公里的公铁两用桥,是我市“十四五”期间投资规模最大的单体交通工程,总投资约128亿元。",
            "“以前从江南到江北上班,早高峰要堵一个多小时,现在十五分钟就到了。”家住南岸区的市民张女士一早便驾车过桥,她说,通车比预想的还要早。",
            "据市交通运输局介绍,五桥主跨1120米,采用双塔斜拉结构,上层为双向六车道城市快速路,下层预留轨道交通线位。大桥设计时速80公里,设计使用年限100年。",
            "为保障通车首日秩序,市公安局交通管理局在桥两端增设了12处临时引导点,出动警力320余人次。交警部门提醒,大桥通车初期车流较大,请驾驶人按导航提示合理选择路线,切勿在桥面随意停车拍照。",
            "市发展和改革委员会相关负责人表示,五桥通车后,将与既有的四座过江通道形成网络,预计可分流二桥、三桥约三成的交通量,对缓解主城区过江交通压力具有重要意义。",
            "据悉,大桥建设期间共攻克深水基础施工、超大跨度钢桁梁架设等技术难题17项,获得国家发明专利9项。建设者们在江面上度过了四个春节。",
            "下一步,相关部门将加快推进桥下空间综合利用,规划建设滨江公园、慢行步道和观景平台,预计明年五一前后向市民开放。",
        ])])"#;

    /// Part 1 at `span` columns and `depth` on page 1, part 2 at Auto on page 2.
    fn desk(span: u16, depth: u32) -> Makeup {
        desk_of(span, depth, r#"Placement(item: "bridge-open", column: 1, span: 2, line: 1, depth: Auto, part: 2)"#)
    }

    /// Part 1 at `span` columns and `depth` on page 1, and `two` on page 2.
    fn desk_of(span: u16, depth: u32, two: &str) -> Makeup {
        let layout = format!(
            r#"Layout(issue: "i.ron", pages: [
            PageLayout(number: 1, placements: [Placement(item: "bridge-open", column: 1, span: {span}, line: 1, depth: Fixed({depth}))]),
            PageLayout(number: 2, placements: [{two}])])"#
        );
        let issue = parse_issue(Path::new("i.ron"), ISSUE).unwrap();
        Makeup::new(issue, &parse_layout(Path::new("i.layout.ron"), &layout).unwrap())
    }

    fn part_two_holds_body(d: &Makeup) -> bool {
        let b = d.resolved(2).into_iter().find(|b| b.part == 2).unwrap();
        !b.set.holds_no_copy() && d.validate().iter().all(|p| p.kind() != ProblemKind::EmptyPart)
    }

    /// Found from outside: part 1 placed again from the bin while part 2 stood, "a line less
    /// than all its copy", sent part 2 only the byline's last line — it holds none of the body,
    /// and the saved layout failed `check`. Every way of placing it keeps body copy back.
    #[test]
    fn a_part_placed_again_leaves_its_next_part_body_copy_whatever_the_byline() {
        for span in 1..=3 {
            let binned = || {
                let mut d = desk(span, 12);
                d.to_bin(1, "bridge-open").unwrap();
                d
            };
            let mut d = binned();
            let (_, shown) = d.bin_fit(1, "bridge-open").unwrap();
            d.place_from_bin(1, "bridge-open", 1, None).unwrap();
            assert!(part_two_holds_body(&d), "Enter at {span} columns");
            let placed = d.placements(1)[0].depth;
            assert_eq!(placed, Depth::Fixed(shown), "the bin says the depth it takes, at {span} columns");
            let mut d = binned();
            d.place(1, "bridge-open", 1, Some(span), None).unwrap();
            assert!(part_two_holds_body(&d), "place at {span} columns");
            let mut d = binned();
            d.put(1, "bridge-open", Target { column: Some(1), line: Some(1), span: Some(span) }).unwrap();
            assert!(part_two_holds_body(&d), ":place at {span} columns");
        }
    }

    /// The desk on `pages`, the layout's page list (pages the issue lacks too).
    fn desk_on(pages: &str) -> Makeup {
        let layout = format!(r#"Layout(issue: "i.ron", pages: [{pages}])"#);
        let issue = parse_issue(Path::new("i.ron"), ISSUE).unwrap();
        Makeup::new(issue, &parse_layout(Path::new("i.layout.ron"), &layout).unwrap())
    }

    /// The desk's layout as a save writes it, read back as every command reads it.
    fn reads_back(d: &Makeup) -> Result<(), crate::format::LoadError> {
        let src = crate::format::to_ron_string(&d.to_layout("i.ron"));
        let path = Path::new("i.layout.ron");
        let layout = parse_layout(path, &src)?;
        crate::format::check_settings(d.issue(), &layout, &src, path)?;
        let repaired = crate::layout::validate::check_layout(d.issue(), &layout).found;
        assert!(repaired.is_empty(), "{repaired:?}");
        Ok(())
    }

    const PART: &str = r#"Placement(item: "bridge-open", column: 1, span: 2, line: 1"#;

    /// Found from outside: part 2 on a page the issue lacks was said to go to the bin, but no
    /// `(part 2)` waited there, part 1 was set as the whole story, and the article's cut, kept
    /// on part 2, was dropped (and saved so). It waits in the bin; part 1 keeps the cut.
    #[test]
    fn a_later_part_on_a_page_the_issue_lacks_waits_in_the_bin_and_its_cut_stays() {
        let d = desk_on(&format!(
            "PageLayout(number: 1, placements: [{PART}, depth: Fixed(20))]),
             PageLayout(number: 9, placements: [{PART}, depth: Auto, part: 2, cut: 2)])"
        ));
        assert!(d.load_problems().iter().any(|p| p.kind() == ProblemKind::UnknownPage));
        assert_eq!(d.waiting_parts("bridge-open"), [2]);
        let one = &d.placements(1)[0];
        assert_eq!((one.part, one.cut, one.continued), (1, 2, true));
        reads_back(&d).unwrap();
    }

    /// Found from outside: part 1 off the grid went to the bin and took the article's cut
    /// with it, though part 2 stood: part 2 printed the whole story, uncut.
    #[test]
    fn part_one_off_the_grid_hands_its_cut_to_the_part_that_ends_the_article() {
        let d = desk_on(&format!(
            "PageLayout(number: 1, placements: [Placement(item: \"bridge-open\", column: 6, span: 2, line: 1, depth: Fixed(20), cut: 2)]),
             PageLayout(number: 2, placements: [{PART}, depth: Auto, part: 2)])"
        ));
        assert!(d.load_problems().iter().any(|p| p.kind() == ProblemKind::OffGrid));
        assert_eq!(d.waiting_parts("bridge-open"), [1]);
        let two = &d.placements(2)[0];
        assert_eq!((two.part, two.cut), (2, 2));
        reads_back(&d).unwrap();
    }

    /// Found from outside: part 2 of three off the grid left part 3 standing with part 2 in the
    /// bin, a gap no layout holds: part 1 printed the whole story uncut and part 3 all of it
    /// again, and the editor saved a layout that no command, the editor too, would open. Part 3
    /// goes to the bin with part 2 (said at its placement), and its cut stays with the article.
    #[test]
    fn a_middle_part_off_the_grid_takes_the_parts_after_it_to_the_bin() {
        let d = desk_on(&format!(
            "PageLayout(number: 1, placements: [
                 {PART}, depth: Fixed(14)),
                 Placement(item: \"bridge-open\", column: 9, span: 2, line: 1, depth: Fixed(14), part: 2)]),
             PageLayout(number: 2, placements: [{PART}, depth: Auto, part: 3, cut: 2)])"
        ));
        let with = |p: &crate::problem::Problem| {
            matches!(p, crate::problem::Problem::PartBinnedWith { page: 2, part: 3, with: 2, .. })
        };
        assert!(d.load_problems().iter().any(with), "{:?}", d.load_problems());
        assert_eq!(d.waiting_parts("bridge-open"), [2]);
        assert!(d.placements(2).is_empty());
        let one = &d.placements(1)[0];
        assert_eq!((one.part, one.cut, one.continued), (1, 2, true));
        reads_back(&d).unwrap();
    }

    /// `t` on a box overset by no more than its byline leaves the new part body copy too.
    #[test]
    fn a_box_continued_leaves_its_next_part_body_copy() {
        for span in 1..=3 {
            for depth in 8..60 {
                let mut d = desk_of(span, depth, "");
                if d.continue_part(1, "bridge-open", 1).is_err() {
                    continue;
                }
                d.place_from_bin(2, "bridge-open", 1, None).unwrap();
                assert!(part_two_holds_body(&d), "t at {span} columns, depth {depth}");
            }
        }
    }

    /// Found from outside: part 2's three lines (part 1 at 25 lines, a sentence cut), balanced
    /// 2 + 1, broke its two-line byline,
    /// `（记者 王晓东 通讯员` closing leg 1 and `李明）` alone atop leg 2. It stands whole in leg 2,
    /// and the box keeps its 5 lines.
    #[test]
    fn a_byline_stays_in_one_leg() {
        let two = r#"Placement(item: "bridge-open", column: 1, span: 2, line: 1, depth: Auto, part: 2, cut: 1)"#;
        let d = desk_of(2, 25, two);
        let b = d.resolved(2).into_iter().find(|b| b.part == 2).unwrap();
        assert_eq!((b.set.body.len(), b.set.byline_lines, b.box_depth), (3, 2, 5));
        assert_eq!(b.set.legs_at(Depth::Auto), [0..1, 1..3]);
    }

    /// Found from outside: the bin said a waiting part 2 takes `4 lines at one column`, its
    /// body alone, where placed at one column it took 9: its headline and from-line too. The
    /// bin gives the depth the part takes placed at one column of the first page, heads and all.
    #[test]
    fn the_bin_gives_a_waiting_parts_whole_depth_at_one_column() {
        let mut d = desk_of(3, 12, "");
        d.continue_part(1, "bridge-open", 1).unwrap();
        let entry = d.bin_entries().into_iter().find(|e| e.part == 2).unwrap();
        d.place(1, "bridge-open", 4, Some(1), Some(1)).unwrap();
        let two = d.resolved(1).into_iter().find(|b| b.part == 2).unwrap();
        assert_eq!((two.span, two.depth), (1, Depth::Auto));
        // The 2-em headline at 12 em: 6 characters a row, 2 rows of 2 lines; the from-line.
        assert_eq!((two.set.heads_depth(), two.set.body.len(), two.box_depth), (5, 26, 31));
        assert_eq!(entry.lines, 31);
    }

    /// The article placed in `MAX_PARTS` parts, each holding a line of the body but the last,
    /// which is overset: part 1 at 9 lines, the others at 7, ten to a page (two rows of five
    /// columns).
    fn desk_of_every_part() -> Makeup {
        let page = |number: u32, parts: std::ops::RangeInclusive<u32>| {
            let placements: Vec<String> = parts
                .map(|part| {
                    let at = (part - 1) % 10;
                    let (column, line) = (at % 5 + 1, at / 5 * 20 + 1);
                    let depth = if part == 1 { 9 } else { 7 };
                    format!(
                        r#"Placement(item: "bridge-open", column: {column}, span: 1, line: {line}, depth: Fixed({depth}), part: {part})"#
                    )
                })
                .collect();
            format!("PageLayout(number: {number}, placements: [{}])", placements.join(", "))
        };
        let layout = format!(r#"Layout(issue: "i.ron", pages: [{}, {}])"#, page(1, 1..=10), page(2, 11..=MAX_PARTS));
        let issue = parse_issue(Path::new("i.ron"), ISSUE).unwrap();
        Makeup::new(issue, &parse_layout(Path::new("i.layout.ron"), &layout).unwrap())
    }

    /// Found from outside: `t` on part 20 made a part 21 waiting in the bin, and `fit` offered
    /// `continue in part 21`; saved, the layout said `continued: true` on part 20 (then
    /// `part: 21`), which no command reads, the editor included.
    #[test]
    fn the_last_part_an_article_may_have_is_never_continued() {
        let mut d = desk_of_every_part();
        let last = d.resolved(2).into_iter().find(|b| b.part == MAX_PARTS).unwrap();
        assert!(last.set.fit(last.depth).is_overset(), "part {MAX_PARTS} is overset");
        let refused = d.continue_part(2, "bridge-open", MAX_PARTS);
        assert!(matches!(refused, Err(Refusal::LastPart { part: MAX_PARTS, .. })), "{refused:?}");
        let kinds: Vec<_> = d.remedies(2, "bridge-open", MAX_PARTS).unwrap().into_iter().map(|r| r.kind).collect();
        assert!(!kinds.contains(&crate::layout::RemedyKind::Continue), "{kinds:?}");
        assert!(kinds.contains(&crate::layout::RemedyKind::Depth), "{kinds:?}");
        assert_eq!(d.waiting_parts("bridge-open"), Vec::<u32>::new());
    }
}
