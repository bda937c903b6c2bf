//! Undo and redo, unbounded within a session. Each operation records a snapshot of the
//! placements of the pages it touched (a page holds a few dozen small placements, so a copy
//! is cheaper than being clever); undoing swaps the snapshot back, so each step restores
//! exactly the earlier state, placement order included.

use super::Makeup;
use super::ops::{Outcome, Refusal};
use super::page::Spot;

/// The placements of some pages at one moment, and what the operation was called.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// "move", "span", … — for "Undo move" in a status bar.
    pub what: String,
    /// (page index, its placements).
    pub pages: Vec<(usize, Vec<Spot>)>,
    /// The item the operation was about (the moved, placed or binned box), so that undo and
    /// redo can select it again.
    pub item: Option<usize>,
}

/// Steps to undo (latest last) and steps to redo (next last).
#[derive(Debug, Clone, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
}

impl History {
    /// Records the state before a new operation; a new operation forgets what could be redone.
    pub fn record(&mut self, step: Step) {
        self.undo.push(step);
        self.redo.clear();
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// What the next undo would undo.
    pub fn next_undo(&self) -> Option<&str> {
        self.undo.last().map(|s| s.what.as_str())
    }

    /// What the next redo would redo.
    pub fn next_redo(&self) -> Option<&str> {
        self.redo.last().map(|s| s.what.as_str())
    }
}

impl Makeup {
    /// Undoes the last operation, restoring the pages it touched exactly.
    pub fn undo(&mut self) -> Result<Outcome, Refusal> {
        let step = self.history.undo.pop().ok_or_else(|| Refusal::new("Nothing to undo"))?;
        let touched = self.touched(&step);
        let back = self.swap_in(step);
        self.history.redo.push(back);
        Ok(Outcome { touched, ..Outcome::default() })
    }

    /// Redoes the last undone operation.
    pub fn redo(&mut self) -> Result<Outcome, Refusal> {
        let step = self.history.redo.pop().ok_or_else(|| Refusal::new("Nothing to redo"))?;
        let touched = self.touched(&step);
        let back = self.swap_in(step);
        self.history.undo.push(back);
        Ok(Outcome { touched, ..Outcome::default() })
    }

    /// What the next undo / redo would do, for the status bar.
    pub fn history(&self) -> &History {
        &self.history
    }

    fn touched(&self, step: &Step) -> Option<String> {
        step.item.map(|no| self.item(no).id().to_string())
    }

    /// Puts a step's placements on its pages and returns the step that puts them back.
    fn swap_in(&mut self, step: Step) -> Step {
        let mut back = Vec::with_capacity(step.pages.len());
        for (pi, _) in &step.pages {
            for s in &self.pages[*pi] {
                self.home[s.item] = None;
            }
        }
        for (pi, spots) in step.pages {
            for s in &spots {
                self.home[s.item] = Some(pi);
            }
            let old = std::mem::replace(&mut self.pages[pi], spots);
            back.push((pi, old));
            self.set_page(pi);
        }
        Step { what: step.what, pages: back, item: step.item }
    }
}
