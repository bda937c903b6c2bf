//! Undo and redo as revisions, unbounded within a session (as helix's `History`). Each
//! operation adds a revision holding the placements of the pages it touched, before and
//! after (a page holds a few dozen small placements, so a copy is cheaper than being
//! clever). Undo goes to the revision's parent and puts its "before" back; redo goes to the
//! newest child and puts its "after" back, so each step restores exactly the earlier state,
//! placement order included. The revision on disk is a number: a desk is unsaved when its
//! current revision is not the saved one, however it got there.

use super::page::Spot;

/// Placements of some pages at one moment: (page index, its placements).
pub type Pages = Vec<(usize, Vec<Spot>)>;

/// One state of the desk and how it was reached from its parent.
#[derive(Debug, Clone, PartialEq)]
pub struct Revision {
    /// The revision this one was made from (the root is its own parent).
    parent: usize,
    /// The newest revision made from this one: what redo goes to.
    last_child: Option<usize>,
    /// "move", "span", … — for "Undo move" in a status bar.
    what: String,
    /// The touched pages before and after the operation.
    before: Pages,
    after: Pages,
    /// The item and part the operation was about (the moved, placed or binned box), so that undo and
    /// redo can select it again.
    item: Option<(usize, u32)>,
}

/// Every revision of the session; revision 0 is the desk as opened.
#[derive(Debug, Clone)]
pub struct History {
    revisions: Vec<Revision>,
    current: usize,
    /// The revision the layout file holds; `None`: none of them (a restored desk).
    saved: Option<usize>,
}

impl Default for History {
    fn default() -> History {
        let root = Revision {
            parent: 0,
            last_child: None,
            what: String::new(),
            before: Vec::new(),
            after: Vec::new(),
            item: None,
        };
        History { revisions: vec![root], current: 0, saved: Some(0) }
    }
}

impl History {
    /// Adds the revision an operation made on top of the current one, and makes it current.
    /// What could be redone before is no longer what redo does.
    pub fn commit(&mut self, what: &str, before: Pages, after: Pages) {
        self.commit_about(what, before, after, None);
    }

    /// [`History::commit`], naming the item (by number) the operation was about.
    pub fn commit_about(&mut self, what: &str, before: Pages, after: Pages, item: Option<(usize, u32)>) {
        let parent = self.current;
        let no = self.revisions.len();
        self.revisions.push(Revision { parent, last_child: None, what: what.to_string(), before, after, item });
        self.revisions[parent].last_child = Some(no);
        self.current = no;
    }

    /// Steps back to the parent revision: the pages to put in place, or `None` at the root.
    pub fn undo(&mut self) -> Option<&Pages> {
        let at = self.current;
        if at == 0 {
            return None;
        }
        self.current = self.revisions[at].parent;
        Some(&self.revisions[at].before)
    }

    /// Steps forward to the newest child revision: the pages to put in place, or `None`.
    pub fn redo(&mut self) -> Option<&Pages> {
        let next = self.revisions[self.current].last_child?;
        self.current = next;
        Some(&self.revisions[next].after)
    }

    pub fn can_undo(&self) -> bool {
        self.current != 0
    }

    pub fn can_redo(&self) -> bool {
        self.revisions[self.current].last_child.is_some()
    }

    /// What the next undo would undo.
    pub fn next_undo(&self) -> Option<&str> {
        self.can_undo().then(|| self.revisions[self.current].what.as_str())
    }

    /// What the next redo would redo.
    pub fn next_redo(&self) -> Option<&str> {
        self.revisions[self.current].last_child.map(|next| self.revisions[next].what.as_str())
    }

    /// The item and part the next undo touches (the one the current revision was about).
    pub fn undo_item(&self) -> Option<(usize, u32)> {
        if self.can_undo() { self.revisions[self.current].item } else { None }
    }

    /// The item and part the next redo touches.
    pub fn redo_item(&self) -> Option<(usize, u32)> {
        self.revisions[self.current].last_child.and_then(|next| self.revisions[next].item)
    }

    /// The revision on the desk: a number no other state of this session has.
    pub fn current_revision(&self) -> usize {
        self.current
    }

    /// Whether the desk differs from the layout file (its revision is not the saved one).
    pub fn is_unsaved(&self) -> bool {
        self.saved != Some(self.current)
    }

    /// The layout file now holds the current revision.
    pub fn mark_saved(&mut self) {
        self.saved = Some(self.current);
    }

    /// The layout file holds none of the revisions (the desk was restored from elsewhere).
    pub fn mark_unsaved(&mut self) {
        self.saved = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Depth;

    fn pages(line: u32) -> Pages {
        vec![(0, vec![Spot::new(0, 1, 2, line, Depth::Auto)])]
    }

    #[test]
    fn undo_and_redo_walk_the_revisions() {
        let mut h = History::default();
        assert_eq!(h.undo(), None);
        assert_eq!(h.redo(), None);
        h.commit("move", pages(1), pages(2));
        h.commit("span", pages(2), pages(3));
        assert_eq!(h.current_revision(), 2);
        assert_eq!(h.next_undo(), Some("span"));
        assert_eq!(h.undo(), Some(&pages(2)));
        assert_eq!(h.undo(), Some(&pages(1)));
        assert_eq!((h.current_revision(), h.next_undo(), h.next_redo()), (0, None, Some("move")));
        assert_eq!(h.redo(), Some(&pages(2)));
        assert_eq!(h.redo(), Some(&pages(3)));
        assert_eq!(h.redo(), None);
    }

    #[test]
    fn a_new_operation_after_undo_is_a_new_revision_and_redo_forgets_the_old() {
        let mut h = History::default();
        h.commit("move", pages(1), pages(2));
        h.undo();
        h.commit("depth", pages(1), pages(5));
        assert_eq!(h.current_revision(), 2, "not revision 1 again");
        assert!(!h.can_redo());
        h.undo();
        assert_eq!(h.next_redo(), Some("depth"));
        assert_eq!(h.redo(), Some(&pages(5)));
    }

    #[test]
    fn unsaved_is_a_revision_other_than_the_saved_one() {
        let mut h = History::default();
        assert!(!h.is_unsaved());
        h.commit("move", pages(1), pages(2));
        assert!(h.is_unsaved());
        h.undo();
        assert!(!h.is_unsaved(), "undoing the only change is the saved layout again");
        h.redo();
        h.mark_saved();
        h.undo();
        h.commit("span", pages(1), pages(3));
        assert!(h.is_unsaved(), "another change after undo is not the saved layout");
        h.mark_unsaved();
        h.undo();
        h.redo();
        assert!(h.is_unsaved(), "a restored desk is unsaved in every revision");
    }
}
