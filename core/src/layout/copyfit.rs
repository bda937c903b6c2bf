//! Copyfit operations: what the page editor decides for one box to make its copy fit —
//! sentences cut from the end, the headline's size and text here — each one undo step.
//! The engine's side is `fit::cut` (sentences) and `fit::Setting` (what a box is set with).

use super::Makeup;
use super::ops::{Found, Outcome};
use super::page::Spot;
use super::refusal::{Operation, Refusal};
use crate::fit::cut::{Sentence, cut_sentences, sentences};
use crate::format::{MAX_HEADLINE_SIZE, is_forbidden};
use crate::model::Item;

impl Makeup {
    /// Cuts the last `n` sentences of the body from part `part` of `item` on page `page`
    /// (0 restores them all).
    pub fn set_cut(&mut self, page: u32, item: &str, part: u32, n: u32) -> Result<Outcome, Refusal> {
        let f = self.find_part(page, item, part)?;
        let name = self.name(f.no);
        let count = self.sentences(item).ok_or(Refusal::NotAnArticle { name: name.clone() })?.len() as u32;
        let old = self.pages[f.pi][f.at];
        // The cuts of all an article's parts add up. A layout may cut more than the body has
        // (the copy desk shortened it since): then a sentence given back is taken as it is.
        let others = self.parts_cut(f.no).saturating_sub(old.cut);
        if n > old.cut && (n > count || others.saturating_add(n) > count) {
            return Err(Refusal::CutPastBody { name, sentences: count });
        }
        if n == old.cut {
            return Err(Refusal::SameCut { name, cut: n });
        }
        Ok(self.commit_moved(f, Spot { cut: n, ..old }, Operation::Cut))
    }

    /// Sets the headline's size here in em a character; `None` goes back to the grid's.
    pub fn set_head_size(&mut self, page: u32, item: &str, part: u32, size: Option<u16>) -> Result<Outcome, Refusal> {
        let f = self.article_part(page, item, part)?;
        let name = self.name(f.no);
        let old = self.pages[f.pi][f.at];
        let grid_size = self.grid(f.pi).headline_size;
        if let Some(size) = size.filter(|s| !(1..=MAX_HEADLINE_SIZE).contains(s)) {
            return Err(Refusal::HeadSizeOutOfRange { name, size, max: MAX_HEADLINE_SIZE });
        }
        // The grid's own size is no decision of the page editor's: it is written as no size.
        let size = size.filter(|&s| s != grid_size);
        if size == old.head_size {
            return Err(Refusal::SameHeadSize { name, size: size.unwrap_or(grid_size) });
        }
        Ok(self.commit_moved(f, Spot { head_size: size, ..old }, Operation::HeadSize))
    }

    /// The headline size of a part in em a character: its own, else its grid's.
    pub fn head_size(&self, page: u32, item: &str, part: u32) -> Result<u16, Refusal> {
        let f = self.article_part(page, item, part)?;
        Ok(self.pages[f.pi][f.at].head_size.unwrap_or(self.grid(f.pi).headline_size))
    }

    /// Sets the headline here; `None`, an empty text or the issue's own headline restores the
    /// issue's. Control characters are left out (they never reach the page).
    pub fn set_headline(
        &mut self,
        page: u32,
        item: &str,
        part: u32,
        headline: Option<String>,
    ) -> Result<Outcome, Refusal> {
        let f = self.article_part(page, item, part)?;
        let name = self.name(f.no);
        let old = self.pages[f.pi][f.at];
        let text = headline.map(|h| h.chars().filter(|&c| !is_forbidden(c)).collect::<String>());
        let text = text.map(|h| h.trim().to_string()).filter(|h| !h.is_empty() && h != self.item(f.no).title());
        let number = text.map(|h| self.headline_no(&h));
        if number == old.headline {
            return Err(Refusal::SameHeadline { name });
        }
        Ok(self.commit_moved(f, Spot { headline: number, ..old }, Operation::Headline))
    }

    /// Every sentence of an article's body (`None` for a photo, a notice or an unknown id).
    pub fn sentences(&self, item: &str) -> Option<Vec<Sentence>> {
        match self.item_by_id(item)? {
            Item::Article(a) => Some(sentences(&a.body)),
            _ => None,
        }
    }

    /// The sentences a cut of `n` leaves out of an article, in reading order, each with its
    /// characters (`Sentence::chars`); `None` for a photo, a notice or an unknown id.
    pub fn cut_text(&self, item: &str, n: u32) -> Option<Vec<Sentence>> {
        match self.item_by_id(item)? {
            Item::Article(a) => Some(cut_sentences(&a.body, n)),
            _ => None,
        }
    }

    /// Of the first box of an article whose cut is set, the article's cut when it leaves out
    /// every sentence of the body (its parts' cuts together): found from outside, such a box
    /// was said to fit.
    pub(super) fn cut_whole(&self, s: &Spot) -> Option<(u32, u32)> {
        let uncut_before = |p: u32| self.part_spot(s.item, p).is_none_or(|(_, before)| before.cut == 0);
        let first = s.cut > 0 && (1..s.part).all(uncut_before);
        first.then(|| self.body_cut_whole(s.item))?
    }

    /// Of article `no`, its parts' cut and the body's sentences when the cut leaves none.
    pub(super) fn body_cut_whole(&self, no: usize) -> Option<(u32, u32)> {
        let Item::Article(a) = self.item(no) else { return None };
        // The body is cut into sentences only when there is a cut: remedies ask on every trial.
        let cut = Some(self.parts_cut(no)).filter(|&cut| cut > 0)?;
        let count = u32::try_from(sentences(&a.body).len()).unwrap_or(u32::MAX);
        (cut >= count).then_some((cut, count))
    }

    /// Part `part` of an article on page `page`.
    pub(super) fn article_part(&self, page: u32, item: &str, part: u32) -> Result<Found, Refusal> {
        let f = self.find_part(page, item, part)?;
        match self.item(f.no) {
            Item::Article(_) => Ok(f),
            _ => Err(Refusal::NotAnArticle { name: self.name(f.no) }),
        }
    }

    /// The box of part `part` of `item` on page `page`, or why it cannot be worked on.
    pub(super) fn find_part(&self, page: u32, item: &str, part: u32) -> Result<Found, Refusal> {
        let f = self.find(page, item)?;
        match self.pages[f.pi].iter().position(|s| s.item == f.no && s.part == part) {
            Some(at) => Ok(Found { at, ..f }),
            None => Err(Refusal::NoSuchPart { name: self.name(f.no), part, page }),
        }
    }
}
