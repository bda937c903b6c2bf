//! The craft rules a made page keeps (docs/make.md), as checks on boxes:
//!
//! - **碰题 (tombstoning)**: two articles side by side (in touching columns) whose
//!   headlines share a line of the page. Headlines starting on the same line are the plain
//!   case; a headline starting one line lower reads as the same collision, so any shared
//!   headline line counts.
//! - **A photo with its article** (`with`): directly under it (its top on the line below
//!   the article's bottom, in at least one of its columns) or beside it (in the touching
//!   column, sharing at least one line); with a photo the desk placed, right over it or
//!   beside it with the tops or the bottoms level.
//! - **Legs of 6–60 lines** and **notices at the foot** are kept by the shapes the plan
//!   offers and by where notices are put; they need no check here.

use crate::model::ItemKind;

/// The smallest and largest leg an article is set in, in lines.
pub const LEG_MIN: u32 = 6;
pub const LEG_MAX: u32 = 60;

/// A box as the rules see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) struct Boxed {
    /// The item's place in the issue.
    pub item: usize,
    pub kind: ItemKind,
    pub column: u16,
    pub span: u16,
    pub line: u32,
    /// Box depth in lines (short lines included).
    pub depth: u32,
    /// The headline's lines, counted from the box's top: [first, end).
    pub head: (u32, u32),
    /// Lines of the box below what the item needs (made short to close a column).
    pub short: u32,
    /// Sentences cut from the end of the body.
    pub cut: u32,
    /// Which part of a continued article (1 for a box of its own, and for every box made).
    pub part: u32,
}

impl Boxed {
    fn last_column(&self) -> u16 {
        self.column + self.span - 1
    }

    fn below(&self) -> u32 {
        self.line + self.depth
    }

    pub(super) fn touches_side(&self, other: &Boxed) -> bool {
        self.last_column() + 1 == other.column || other.last_column() + 1 == self.column
    }

    pub(super) fn shares_columns(&self, other: &Boxed) -> bool {
        self.column <= other.last_column() && other.column <= self.last_column()
    }

    fn headline_lines(&self) -> (u32, u32) {
        (self.line + self.head.0, self.line + self.head.1)
    }
}

/// Whether two boxes are articles whose headlines collide side by side (碰题).
pub(super) fn tombstone(a: &Boxed, b: &Boxed) -> bool {
    if a.kind != ItemKind::Article || b.kind != ItemKind::Article || !a.touches_side(b) {
        return false;
    }
    let (a0, a1) = a.headline_lines();
    let (b0, b1) = b.headline_lines();
    a0 < b1 && b0 < a1
}

/// Whether a photo stands under or beside the article it illustrates.
pub(super) fn with_article(photo: &Boxed, article: &Boxed) -> bool {
    let under = photo.line == article.below() && photo.shares_columns(article);
    let beside = photo.touches_side(article) && photo.line < article.below() && article.line < photo.below();
    under || beside
}

/// Whether an article stands with a photo the desk placed as make promises it: right over
/// the photo, or beside it with their tops or their bottoms level. Sharing a line alone reads
/// as a story stacked by chance beside a picture (found from outside: an article made beside
/// a kept photo had neither its top nor its bottom level with it).
pub(super) fn level_with_kept(photo: &Boxed, article: &Boxed) -> bool {
    let over = photo.line == article.below() && photo.shares_columns(article);
    let level = photo.line == article.line || photo.below() == article.below();
    over || photo.touches_side(article) && level
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(column: u16, span: u16, line: u32) -> Boxed {
        Boxed {
            item: 0,
            kind: ItemKind::Article,
            column,
            span,
            line,
            depth: 30,
            head: (0, 2),
            short: 0,
            cut: 0,
            part: 1,
        }
    }

    #[test]
    fn headlines_side_by_side_on_shared_lines_collide() {
        let a = article(1, 3, 10);
        assert!(tombstone(&a, &article(4, 2, 10)), "same line, touching");
        assert!(tombstone(&a, &article(4, 2, 11)), "one line lower still shares a line");
        assert!(!tombstone(&a, &article(4, 2, 12)), "under the headline");
        assert!(!tombstone(&a, &article(5, 2, 10)), "a column apart");
        let photo = Boxed { kind: ItemKind::Photo, ..article(4, 2, 10) };
        assert!(!tombstone(&a, &photo));
    }

    #[test]
    fn a_photo_stands_under_or_beside_its_article() {
        let a = article(1, 3, 10);
        let photo = |column, line| Boxed { kind: ItemKind::Photo, depth: 12, ..article(column, 2, line) };
        assert!(with_article(&photo(2, 40), &a), "under");
        assert!(with_article(&photo(4, 25), &a), "beside");
        assert!(!with_article(&photo(4, 40), &a), "beside but below it");
        assert!(!with_article(&photo(5, 10), &a), "a column apart");
        assert!(!with_article(&photo(2, 41), &a), "under, a line apart");
    }

    #[test]
    fn an_article_stands_with_a_kept_photo_over_it_or_level_beside_it() {
        let a = article(1, 3, 10);
        let photo = |column, line| Boxed { kind: ItemKind::Photo, depth: 12, ..article(column, 2, line) };
        assert!(level_with_kept(&photo(2, 40), &a), "right over it");
        assert!(level_with_kept(&photo(4, 10), &a), "beside, tops level");
        assert!(level_with_kept(&photo(4, 28), &a), "beside, bottoms level");
        assert!(!level_with_kept(&photo(4, 25), &a), "beside, neither level");
        assert!(!with_article(&photo(5, 10), &a), "a column apart");
    }
}
