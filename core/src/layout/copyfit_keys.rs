//! The editor's copyfit keys as plain calls (docs/copyfit.md): `c` / `C` one sentence more
//! or fewer cut, `f` the smallest cut that fits, `<` / `>` the headline one em smaller or
//! larger, `r` the headline rewritten. Each is one undo step or a typed refusal; [`Here`]
//! is what the status line says afterwards.

use super::ops::Outcome;
use super::page::Spot;
use super::{Makeup, Refusal};
use crate::fit::Fit;
use crate::fit::cut::sentences;
use crate::model::{Depth, Item};

/// A box's copyfit state: what is cut, the headline here, its part and fit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Here {
    pub part: u32,
    /// Sentences cut from the article (all its parts' cuts), and their characters.
    pub cut: u32,
    pub cut_chars: u32,
    /// Whether the cut leaves none of the body (`check`'s `AllCut`).
    pub whole_cut: bool,
    /// Em a headline character here (the grid's when the placement says none).
    pub head_size: u16,
    /// The headline here: the page editor's, else the issue's.
    pub headline: String,
    /// Whether the headline here is the page editor's own.
    pub rewritten: bool,
    pub fit: Fit,
    /// Whether the box holds none of its article's copy (a later part the parts before it
    /// leave none): its badge says `no copy`, and so does the status line.
    pub empty: bool,
}

impl Makeup {
    /// Part `part` of `item` on page `page` as it stands.
    pub fn copyfit_here(&self, page: u32, item: &str, part: u32) -> Result<Here, Refusal> {
        let f = self.find_part(page, item, part)?;
        let spot = self.pages[f.pi][f.at];
        // The article's cut, whichever part keeps it.
        let cut = self.parts_cut(f.no);
        let cut_chars = self.cut_text(item, cut).map_or(0, |c| c.iter().map(|s| s.chars()).sum());
        let rewritten = spot.headline.is_some();
        let set = self.set_box(f.pi, &spot);
        let headline = match spot.headline {
            Some(no) => self.headlines[no as usize].to_string(),
            None => self.item(f.no).title().to_string(),
        };
        Ok(Here {
            part,
            cut,
            cut_chars,
            whole_cut: self.body_cut_whole(f.no).is_some(),
            head_size: spot.head_size.unwrap_or(self.grid(f.pi).headline_size),
            headline,
            rewritten,
            fit: set.fit(spot.depth),
            empty: set.holds_no_copy(),
        })
    }

    /// `r`: the headline the box of an article sets here, to be rewritten; refused at once on a
    /// photo or a notice (found from outside: only after the new headline was typed).
    pub fn headline_to_rewrite(&self, page: u32, item: &str, part: u32) -> Result<String, Refusal> {
        let f = self.find_part(page, item, part)?;
        if !matches!(self.item(f.no), Item::Article(_)) {
            return Err(Refusal::NotAnArticle { name: self.name(f.no) });
        }
        Ok(self.copyfit_here(page, item, part)?.headline)
    }

    /// `c` (`delta` 1) and `C` (-1): one sentence more or fewer cut from the end of the
    /// article, on whichever of its parts the key is pressed: the cut is kept on the part that
    /// ends the article, where the sentences would have stood and `check` tells it (found from
    /// outside: `c` on a middle part was kept there, told on the last, and `C` on the last was
    /// refused as having nothing cut).
    pub fn cut_by(&mut self, page: u32, item: &str, part: u32, delta: i32) -> Result<Outcome, Refusal> {
        let f = self.find_part(page, item, part)?;
        // Said before anything of a cut (found from outside: `C` on a photo said "Nothing of
        // … is cut" where `c` said it is not an article).
        if !matches!(self.item(f.no), Item::Article(_)) {
            return Err(Refusal::NotAnArticle { name: self.name(f.no) });
        }
        let (pi, kept) = self.cut_part(f.no, delta < 0).unwrap_or((f.pi, self.pages[f.pi][f.at]));
        let mut n = i64::from(kept.cut) + i64::from(delta);
        if delta < 0 && kept.cut > 0 {
            n = (n - self.cut_past_body(f.no)).max(0);
        }
        if n < 0 {
            return Err(Refusal::SameCut { name: self.name(f.no), cut: 0 });
        }
        // Found from outside: past the largest cut a layout names, `c` said the layout's number
        // as the sentences cut; every sentence is, and the body has no more.
        let Ok(n) = u32::try_from(n) else {
            let sentences = self.sentences(item).map_or(0, |s| s.len() as u32);
            return Err(Refusal::CutPastBody { name: self.name(f.no), sentences });
        };
        let (seen, kept_on) = (self.issue.pages[f.pi].number, self.issue.pages[pi].number);
        let done = self.set_cut(kept_on, item, kept.part, n)?;
        Ok(done.seen_from(seen, kept_on))
    }

    /// How many sentences an article's cuts name past its body: a layout may cut more than
    /// the body has (the copy desk shortened it since), and the first `C` must bring a
    /// sentence back (found from outside: a cut of 30 on a body of 10 took 21 presses).
    fn cut_past_body(&self, no: usize) -> i64 {
        let count = match self.item(no) {
            Item::Article(a) => sentences(&a.body).len() as u64,
            _ => 0,
        };
        i64::try_from(u64::from(self.parts_cut(no)).saturating_sub(count)).unwrap_or(i64::MAX)
    }

    /// The page index and placement an article's cut is kept on: its last part on a page; to
    /// give a sentence back, the last that keeps one (a layout file may keep it on any).
    fn cut_part(&self, no: usize, giving_back: bool) -> Option<(usize, Spot)> {
        let mut placed = (1..=self.part_count(no)).rev().filter_map(|p| self.part_spot(no, p));
        if giving_back { placed.find(|(_, s)| s.cut > 0) } else { placed.next() }
    }

    /// `f`: the smallest cut that makes the box fit its fixed depth — for a short box with a
    /// cut, the most sentences given back that still fit. Refused on `Auto`, on a box that
    /// fits, and when no cut closes it.
    pub fn fit_by_cut(&mut self, page: u32, item: &str, part: u32) -> Result<Outcome, Refusal> {
        let f = self.find_part(page, item, part)?;
        let name = self.name(f.no);
        let spot = self.pages[f.pi][f.at];
        if !matches!(self.item(f.no), Item::Article(_)) {
            return Err(Refusal::NotAnArticle { name });
        }
        if spot.depth == Depth::Auto {
            return Err(Refusal::NothingToFit { name });
        }
        let set = self.set_box(f.pi, &spot);
        // Found from outside: `f` on such a part called it "34 lines short" and suggested `[`
        // or `>`, which give it no copy either.
        if spot.part > 1 && set.holds_no_copy() && !set.too_shallow_for_copy() {
            return Err(Refusal::NoCopyToFit { name, part: spot.part });
        }
        let fit = set.fit(spot.depth).lines();
        if fit == 0 {
            return Err(Refusal::AlreadyFits { name });
        }
        match self.cut_remedy_for(page, item, part)? {
            Some(remedy) => self.apply_remedy(page, item, part, &remedy),
            None if fit > 0 => Err(Refusal::NoCutFits { name, lines: fit, continues: false }),
            None => {
                // Never above 0: the box is overset, and a cut that would close it leaves a part
                // no copy (said as 0).
                let lines = self.fit_with_most_cut(page, item, part)?.min(0);
                // Found from outside: `f` suggested `t` on a box `t` then refused as too shallow.
                let continues = self.continued_spot(page, item, part).is_ok();
                Err(Refusal::NoCutFits { name, lines, continues })
            }
        }
    }

    /// `<` (`delta` -1) and `>` (1): the headline one em a character smaller or larger here.
    pub fn head_size_by(&mut self, page: u32, item: &str, part: u32, delta: i32) -> Result<Outcome, Refusal> {
        let now = self.head_size(page, item, part)?;
        let size = (i32::from(now) + delta).clamp(0, i32::from(u16::MAX)) as u16;
        self.set_head_size(page, item, part, Some(size))
    }

    /// `t`: the overset goes on in a new part, waiting in the bin (`ID (part 2)`).
    pub fn continue_overset(&mut self, page: u32, item: &str, part: u32) -> Result<Outcome, Refusal> {
        self.continue_part(page, item, part)
    }

    /// `r` then Enter: the headline here; an empty line restores the issue's.
    pub fn rewrite_headline(&mut self, page: u32, item: &str, part: u32, text: &str) -> Result<Outcome, Refusal> {
        let text = text.trim();
        self.set_headline(page, item, part, (!text.is_empty()).then(|| text.to_string()))
    }

    /// The box's fit with the most a cut may take: every sentence of the article but its first
    /// (a cut of them all leaves the box no copy, which no remedy makes; found from outside:
    /// measured with every sentence cut, an overset box was said to be 1 line short).
    fn fit_with_most_cut(&self, page: u32, item: &str, part: u32) -> Result<i64, Refusal> {
        let all = self.sentences(item).map_or(0, |s| s.len() as u32);
        // Never less than the other parts keep: this part's own cut cannot give theirs back.
        let f = self.find_part(page, item, part)?;
        let now = self.parts_cut(f.no);
        let most = all.saturating_sub(1).max(now.saturating_sub(self.pages[f.pi][f.at].cut));
        // Taken already (found in review: `f` was refused as the cut it would have set).
        if most == now {
            return Ok(self.copyfit_here(page, item, part)?.fit.lines());
        }
        let mut scratch = self.clone();
        scratch.set_article_cut(page, item, part, most)?;
        Ok(scratch.copyfit_here(page, item, part)?.fit.lines())
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::catalogue::{Besides, Render, Status, UiLang};
    use crate::format::{parse_issue, parse_layout};
    use crate::layout::OnPage;
    use crate::model::Placement;
    use crate::problem::{Problem, ProblemKind};
    use crate::sample;

    /// The sample with jinyuan-livable alone on page 3, columns 1–3, at `depth`.
    fn desk(depth: Depth) -> Makeup {
        let issue = parse_issue(Path::new("issue.ron"), sample::ISSUE).unwrap();
        let mut layout = parse_layout(Path::new("layout.ron"), sample::LAYOUT).unwrap();
        layout.pages[0].placements = vec![Placement::new("jinyuan-livable", 1, 3, 1, depth)];
        Makeup::new(issue, &layout)
    }

    const ID: &str = "jinyuan-livable";

    impl Makeup {
        /// The cut kept on part `part` of [`ID`], if it is placed.
        fn part_spot_cut(&self, part: u32) -> Option<u32> {
            let no = self.item_no(ID).unwrap();
            self.part_spot(no, part).map(|(_, s)| s.cut)
        }
    }

    /// Found from outside: after `t` the new part waited in the bin, but the saved layout had
    /// no word of it, so reopened (or restored from a recovery file) the article had one part
    /// and its overset again.
    #[test]
    fn a_part_waiting_in_the_bin_is_saved_and_read_back() {
        let mut d = desk(Depth::Fixed(25));
        d.continue_overset(3, ID, 1).unwrap();
        assert_eq!(d.waiting_parts(ID), [2]);
        let saved = crate::format::to_ron_string(&d.to_layout("issue.ron"));
        assert!(saved.contains("depth: Fixed(25), continued: true)"), "{saved}");
        let read = parse_layout(Path::new("layout.ron"), &saved).unwrap();
        let again = Makeup::new(d.issue_arc().clone(), &read);
        assert_eq!(again.waiting_parts(ID), [2]);
        assert_eq!(crate::format::to_ron_string(&again.to_layout("issue.ron")), saved, "load → save is identity");
        // Placed, the next part says so itself: the field is left out again.
        let mut placed = again.clone();
        placed.place(4, ID, 1, None, None).unwrap();
        let saved = crate::format::to_ron_string(&placed.to_layout("issue.ron"));
        assert!(saved.contains("part: 2") && !saved.contains("continued"), "{saved}");
    }

    /// Found from outside: a part continued while its box held the whole rest of the article
    /// (sentences cut after `t`, or `continued: true` written by hand) was reported only as a
    /// part missing its next, whose remedy, placing it, made a part of no text.
    #[test]
    fn a_continued_box_that_holds_the_rest_says_its_next_part_is_empty() {
        let mut d = desk(Depth::Fixed(25));
        d.continue_overset(3, ID, 1).unwrap();
        let kinds = |d: &Makeup| d.validate().iter().map(|p| p.kind()).collect::<Vec<_>>();
        assert!(kinds(&d).contains(&ProblemKind::MissingPart), "{:?}", kinds(&d));
        // All but one sentence cut (all of them is a problem of its own, `AllCut`).
        let most = d.sentences(ID).unwrap().len() as u32 - 1;
        // The step that leaves it so says so in the status line, as for a part on a page.
        let outcome = d.set_cut(3, ID, 1, most).unwrap();
        assert_eq!(outcome.empty_parts, [(ID.to_string(), 2)]);
        let said: Vec<Problem> = d.validate().into_iter().filter(|p| p.kind() == ProblemKind::EmptyPart).collect();
        assert_eq!(said, [Problem::NothingContinued { page: 3, item: ID.into(), part: 1 }]);
        assert!(!kinds(&d).contains(&ProblemKind::MissingPart), "{:?}", kinds(&d));
        assert_eq!(
            said[0].to_string(),
            "page 3: \"jinyuan-livable\" part 1 is continued, but it holds the rest of the text, so part 2 in the bin holds none; make part 1 shallower, or send it to the bin and place it again"
        );
        // Saved so, the layout loads (the editor wrote it) and says the same again.
        let saved = crate::format::to_ron_string(&d.to_layout("issue.ron"));
        let read = parse_layout(Path::new("layout.ron"), &saved).unwrap();
        crate::format::check_settings(d.issue(), &read, &saved, Path::new("layout.ron")).unwrap();
        assert_eq!(Makeup::new(d.issue_arc().clone(), &read).validate(), d.validate());
        // The remedy named delivers: sent to the bin, the article is one box again.
        d.to_bin(3, ID).unwrap();
        d.place(3, ID, 1, None, None).unwrap();
        assert!(d.waiting_parts(ID).is_empty());
        assert!(!kinds(&d).contains(&ProblemKind::EmptyPart), "{:?}", kinds(&d));
    }

    /// Found from outside: after `t`, `f` and `pasteup fit` offered cuts and a depth that
    /// fitted the box by leaving its waiting part 2 nothing.
    #[test]
    fn no_remedy_leaves_the_waiting_part_empty() {
        let mut d = desk(Depth::Fixed(25));
        d.continue_overset(3, ID, 1).unwrap();
        let remedies = d.remedies(3, ID, 1).unwrap();
        for r in &remedies {
            let mut tried = d.clone();
            tried.apply_remedy(3, ID, 1, r).unwrap();
            let empty = tried.validate().into_iter().filter(|p| p.kind() == ProblemKind::EmptyPart).collect::<Vec<_>>();
            assert!(empty.is_empty(), "{r:?} leaves {empty:?}");
        }
        // Its overset is what part 2 will hold: any change that fits the box takes it all,
        // so none is offered (placing part 2 is what check's missing_part says to do).
        assert!(remedies.is_empty(), "{remedies:?}");
        assert!(d.fit_by_cut(3, ID, 1).is_err());
    }

    #[test]
    fn c_and_capital_c_cut_and_give_back_one_sentence_each() {
        let mut d = desk(Depth::Fixed(25));
        let last = d.sentences(ID).unwrap().last().unwrap().chars();
        d.cut_by(3, ID, 1, 1).unwrap();
        let here = d.copyfit_here(3, ID, 1).unwrap();
        assert_eq!((here.cut, here.cut_chars), (1, last));
        d.cut_by(3, ID, 1, -1).unwrap();
        assert_eq!(d.copyfit_here(3, ID, 1).unwrap().cut, 0);
        let no = d.cut_by(3, ID, 1, -1).unwrap_err();
        assert!(matches!(no, Refusal::SameCut { cut: 0, .. }));
        assert!(no.to_string().starts_with("Nothing of "), "{no}");
    }

    /// Found from outside: on a layout's cut of 4294967295 sentences (every one, and more) `c`
    /// said "… already has 4294967295 sentences cut" where the inspector said the body's 10:
    /// it says the body has no more to cut, as at any cut past the body.
    #[test]
    fn c_past_the_largest_cut_says_the_body_has_no_more() {
        let mut layout = parse_layout(Path::new("layout.ron"), sample::LAYOUT).unwrap();
        layout.pages[0].placements = vec![Placement { cut: u32::MAX, ..Placement::new(ID, 1, 3, 1, Depth::Auto) }];
        let mut d = Makeup::new(parse_issue(Path::new("issue.ron"), sample::ISSUE).unwrap(), &layout);
        let count = d.sentences(ID).unwrap().len() as u32;
        let no = d.cut_by(3, ID, 1, 1).unwrap_err();
        assert!(matches!(no, Refusal::CutPastBody { sentences, .. } if sentences == count), "{no:?}");
        d.cut_by(3, ID, 1, -1).unwrap();
        assert_eq!(d.copyfit_here(3, ID, 1).unwrap().cut, count - 1);
    }

    /// Found from outside: part 1 deep enough for the whole story left part 2 no copy (its
    /// badge `no copy`), and `f` on part 2 said it was so many lines short and to try `[` or
    /// `>`, neither of which gives it copy. It says the part holds none, and what does.
    #[test]
    fn f_on_a_part_the_parts_before_leave_no_copy_says_so() {
        let mut layout = parse_layout(Path::new("layout.ron"), sample::LAYOUT).unwrap();
        layout.pages[0].placements = vec![Placement::new(ID, 1, 3, 1, Depth::Fixed(40))];
        layout.pages[1].placements = vec![Placement { part: 2, ..Placement::new(ID, 1, 3, 1, Depth::Fixed(20)) }];
        let mut d = Makeup::new(parse_issue(Path::new("issue.ron"), sample::ISSUE).unwrap(), &layout);
        let two = d.resolved(4).into_iter().find(|b| b.part == 2).unwrap();
        assert!(two.set.holds_no_copy() && two.fit.lines() > 0);
        let no = d.fit_by_cut(4, ID, 2).unwrap_err();
        assert!(matches!(no, Refusal::NoCopyToFit { part: 2, .. }), "{no:?}");
        assert!(no.to_string().ends_with("make the part before it shallower, or send part 2 to the bin"), "{no}");
    }

    #[test]
    fn f_cuts_the_fewest_sentences_that_make_the_box_fit() {
        // 29 lines needed at 3 columns; a box of 27 is 2 lines overset.
        let mut d = desk(Depth::Fixed(27));
        assert_eq!(d.copyfit_here(3, ID, 1).unwrap().fit.lines(), -2);
        d.fit_by_cut(3, ID, 1).unwrap();
        let here = d.copyfit_here(3, ID, 1).unwrap();
        assert!(here.fit.lines() >= 0, "{here:?}");
        // One sentence fewer would leave it overset.
        d.cut_by(3, ID, 1, -1).unwrap();
        assert!(d.copyfit_here(3, ID, 1).unwrap().fit.is_overset());
        d.undo().unwrap();
        d.undo().unwrap();
        assert_eq!(d.copyfit_here(3, ID, 1).unwrap().cut, 0, "f was one undo step");
    }

    #[test]
    fn f_refuses_where_a_cut_cannot_help() {
        assert!(matches!(desk(Depth::Auto).fit_by_cut(3, ID, 1), Err(Refusal::NothingToFit { .. })));
        assert!(matches!(desk(Depth::Fixed(29)).fit_by_cut(3, ID, 1), Err(Refusal::AlreadyFits { .. })));
        assert!(matches!(desk(Depth::Fixed(35)).fit_by_cut(3, ID, 1), Err(Refusal::NoCutFits { lines: 6, .. })));
        // Heads alone (headline 2 lines, subhead 1) need 3 lines with the byline's 1 over 3 legs.
        let refused = desk(Depth::Fixed(2)).fit_by_cut(3, ID, 1);
        assert!(matches!(refused, Err(Refusal::NoCutFits { lines, .. }) if lines < 0), "{refused:?}");
        // Found from outside: the refusal suggested `t`, which then refused the box as too
        // shallow to hold any copy.
        assert!(matches!(refused, Err(Refusal::NoCutFits { continues: false, .. })), "{refused:?}");
        assert!(desk(Depth::Fixed(2)).continue_overset(3, ID, 1).is_err());
    }

    /// Found from outside: on a box a few lines deep, `f` measured the fit with every sentence
    /// cut (a box with no copy, which no cut remedy makes): the overset box was said to be
    /// "1 line short: a cut only makes it shorter", and `t` was not suggested where it worked.
    #[test]
    fn f_on_an_overset_box_says_what_the_most_cut_leaves_overset() {
        let mut refused = 0;
        for depth in 3..=12 {
            let mut d = desk(Depth::Fixed(depth));
            if !d.copyfit_here(3, ID, 1).unwrap().fit.is_overset() {
                continue;
            }
            let Err(Refusal::NoCutFits { lines, continues, .. }) = d.fit_by_cut(3, ID, 1) else { continue };
            refused += 1;
            assert!(lines <= 0, "depth {depth}: an overset box is never said short ({lines})");
            let all = d.sentences(ID).unwrap().len() as u32;
            d.set_cut(3, ID, 1, all - 1).unwrap();
            assert_eq!(d.copyfit_here(3, ID, 1).unwrap().fit.lines().min(0), lines, "depth {depth}");
            d.undo().unwrap();
            assert_eq!(continues, d.continue_overset(3, ID, 1).is_ok(), "depth {depth}: t suggested where it works");
        }
        assert!(refused > 0, "some depth no cut closes");
    }

    /// Found from outside: `c` on part 2 kept the article's cut there, and `x` on part 2 then
    /// lost it without a word (part 1 back to its uncut overset). The part that ends the
    /// article now keeps it.
    #[test]
    fn the_cut_stays_with_the_article_when_its_last_part_goes_to_the_bin() {
        let mut d = desk(Depth::Fixed(25));
        d.continue_overset(3, ID, 1).unwrap();
        d.place(4, ID, 1, None, None).unwrap();
        d.cut_by(4, ID, 2, 1).unwrap();
        assert_eq!((d.part_spot_cut(1), d.part_spot_cut(2)), (Some(0), Some(1)));
        let before = d.to_layout("x");
        d.to_bin(4, ID).unwrap();
        assert_eq!((d.part_spot_cut(1), d.part_spot_cut(2)), (Some(1), None));
        // Placed again, then part 1 to the bin: the cut goes on to part 2, which stands.
        d.place(4, ID, 1, None, None).unwrap();
        d.to_bin(3, ID).unwrap();
        assert_eq!((d.part_spot_cut(1), d.part_spot_cut(2)), (None, Some(1)));
        for _ in 0..3 {
            d.undo().unwrap();
        }
        assert_eq!(d.to_layout("x"), before, "one undo step each");
        // Found from outside: `X` (to the bin, then pull up) lost it as `x` did.
        d.cut_out(4, ID).unwrap();
        assert_eq!((d.part_spot_cut(1), d.part_spot_cut(2)), (Some(1), None));
    }

    /// `f` on part 1 while part 2 keeps a cut of all sentences but the first: the most a cut
    /// may take is taken already, so `f` measures the box as it stands. It was refused as
    /// "the cut is 0 already", the cut `f` would have set on part 1.
    #[test]
    fn f_with_the_most_cut_kept_on_a_later_part_measures_the_box_as_it_stands() {
        let mut d = desk(Depth::Fixed(25));
        d.continue_overset(3, ID, 1).unwrap();
        d.place(4, ID, 1, None, None).unwrap();
        let all = d.sentences(ID).unwrap().len() as u32;
        d.set_cut(4, ID, 2, all - 1).unwrap();
        d.set_depth(3, ID, Depth::Fixed(2)).unwrap();
        let here = d.copyfit_here(3, ID, 1).unwrap();
        assert!(here.fit.is_overset(), "{:?}", here.fit);
        let refused = d.fit_by_cut(3, ID, 1);
        let Err(Refusal::NoCutFits { lines, .. }) = refused else { panic!("{refused:?}") };
        assert_eq!(lines, here.fit.lines(), "the box as it stands");
    }

    #[test]
    fn angle_brackets_step_the_headline_size_and_r_rewrites_it() {
        let mut d = desk(Depth::Auto);
        assert_eq!(d.copyfit_here(3, ID, 1).unwrap().head_size, 2);
        d.head_size_by(3, ID, 1, 1).unwrap();
        assert_eq!(d.copyfit_here(3, ID, 1).unwrap().head_size, 3);
        d.head_size_by(3, ID, 1, -1).unwrap();
        d.head_size_by(3, ID, 1, -1).unwrap();
        assert_eq!(d.copyfit_here(3, ID, 1).unwrap().head_size, 1);
        assert!(matches!(d.head_size_by(3, ID, 1, -1), Err(Refusal::HeadSizeOutOfRange { size: 0, .. })));
        d.rewrite_headline(3, ID, 1, " 晋源绿水青山 ").unwrap();
        let here = d.copyfit_here(3, ID, 1).unwrap();
        assert_eq!((here.headline.as_str(), here.rewritten), ("晋源绿水青山", true));
        d.rewrite_headline(3, ID, 1, "").unwrap();
        let here = d.copyfit_here(3, ID, 1).unwrap();
        assert_eq!((here.headline.as_str(), here.rewritten), ("守护青山绿水 增进民生福祉", false));
    }

    /// Part 2 of [`ID`] placed on page 4 over snow-clearing (columns 1–3, from line 1),
    /// which stands right under it; part 1 on page 3 keeps `cut` sentences cut.
    fn part_two_over_snow_clearing(cut: u32) -> Makeup {
        let mut d = desk(Depth::Fixed(25));
        d.continue_overset(3, ID, 1).unwrap();
        if cut > 0 {
            d.set_cut(3, ID, 1, cut).unwrap();
        }
        d.place(4, ID, 1, Some(3), Some(1)).unwrap();
        assert_eq!(d.line_on(4, "snow-clearing"), d.foot_of_part_two() + 1, "right under part 2");
        d
    }

    impl Makeup {
        fn line_on(&self, page: u32, item: &str) -> u32 {
            self.resolved(page).into_iter().find(|b| b.item == item).unwrap().line
        }

        /// The last line of part 2 of [`ID`] on page 4.
        fn foot_of_part_two(&self) -> u32 {
            let two = self.resolved(4).into_iter().find(|b| b.item == ID && b.part == 2).unwrap();
            two.line + two.box_depth - 1
        }

        fn overlaps_on(&self, page: u32) -> Vec<Problem> {
            let overlap = |p: &Problem| matches!(p.kind(), ProblemKind::Overlap) && p.page() == page;
            self.validate().into_iter().filter(overlap).collect()
        }
    }

    fn pushed_on_page_four() -> Vec<OnPage> {
        vec![OnPage { page: 4, pushed: vec![("snow-clearing".into(), 1)], over_foot: Vec::new() }]
    }

    /// Found from outside: `>` on part 1 left it less room for copy, part 2 on page 4 grew a
    /// line into the box under it, and the status line said nothing of page 4. Part 2 pushes
    /// the box under it as it would on its own page, and the step names the push by its page.
    #[test]
    fn a_larger_headline_on_part_one_names_what_part_two_pushed_on_its_page() {
        let mut d = part_two_over_snow_clearing(0);
        let out = d.head_size_by(3, ID, 1, 1).unwrap();
        assert_eq!(d.line_on(4, "snow-clearing"), d.foot_of_part_two() + 1, "pushed, not run into");
        assert!(d.overlaps_on(4).is_empty(), "{:?}", d.overlaps_on(4));
        assert!(out.pushed.is_empty(), "nothing pushed on page 3: {:?}", out.pushed);
        assert_eq!(out.elsewhere, pushed_on_page_four());
        let said = Status::Pushed(Besides::from(&out));
        assert_eq!(said.render(UiLang::En), "on page 4: pushed down: snow-clearing");
        assert_eq!(said.render(UiLang::ZhHans), "第 4 版下推：snow-clearing");
        let before = d.line_on(4, "snow-clearing");
        d.undo().unwrap();
        assert_eq!(d.line_on(4, "snow-clearing"), before - 1, "one undo step, page 4 too");
        d.redo().unwrap();
        assert_eq!(d.line_on(4, "snow-clearing"), before);
    }

    /// As `>`, `C` on part 1 gives the copy back to part 2 on page 4: named by its page, whether
    /// the cut was kept on part 1 (the step changes page 3) or on part 2 (it changes page 4,
    /// not the page the key was pressed on).
    #[test]
    fn a_sentence_given_back_on_part_one_names_what_part_two_pushed_on_its_page() {
        let mut d = part_two_over_snow_clearing(1);
        assert_eq!(d.part_spot_cut(1), Some(1));
        let out = d.cut_by(3, ID, 1, -1).unwrap();
        assert_eq!(d.line_on(4, "snow-clearing"), d.foot_of_part_two() + 1, "pushed, not run into");
        assert!(out.pushed.is_empty(), "{:?}", out.pushed);
        assert_eq!(out.elsewhere, pushed_on_page_four());
        // The cut kept on part 2: snow-clearing brought up under it, then `C` on part 1.
        let mut d = part_two_over_snow_clearing(0);
        d.cut_by(3, ID, 1, 1).unwrap();
        assert_eq!(d.part_spot_cut(2), Some(1));
        let up = i64::from(d.foot_of_part_two() + 1) - i64::from(d.line_on(4, "snow-clearing"));
        d.move_by(4, "snow-clearing", 0, up).unwrap();
        let out = d.cut_by(3, ID, 1, -1).unwrap();
        assert_eq!(d.line_on(4, "snow-clearing"), d.foot_of_part_two() + 1);
        assert!(out.pushed.is_empty(), "{:?}", out.pushed);
        assert_eq!(out.elsewhere, pushed_on_page_four());
    }
}
