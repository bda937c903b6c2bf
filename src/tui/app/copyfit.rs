//! The copyfit keys (`c C f t < > r`): each a plain call on the core's desk (one undo step),
//! after which the status line says what was done and the box's fit now.

use super::{App, Tone};
use crate::tui::keys::Action;
use pasteup_core::catalogue::{Besides, Copyfit, Status};
use pasteup_core::layout::{Outcome, Refusal};

impl App {
    /// A copyfit key on the selected box.
    pub(super) fn copyfit(&mut self, action: Action) {
        let Some((id, part)) = self.selection().map(|p| (p.item, p.part)) else {
            self.say(Status::SelectBoxFirst, Tone::Warning);
            return;
        };
        let page = self.page_number();
        let desk = &mut self.makeup;
        let result = match action {
            Action::CutMore => desk.cut_by(page, &id, part, 1),
            Action::CutLess => desk.cut_by(page, &id, part, -1),
            Action::FitBox => desk.fit_by_cut(page, &id, part),
            Action::Continue => desk.continue_overset(page, &id, part),
            Action::HeadSmaller => desk.head_size_by(page, &id, part, -1),
            Action::HeadLarger => desk.head_size_by(page, &id, part, 1),
            Action::Rewrite => {
                match desk.headline_to_rewrite(page, &id, part) {
                    Ok(headline) => self.prompt.open_headline(page, &id, part, &headline),
                    Err(refusal) => self.say(Status::Refused(refusal), Tone::Warning),
                }
                return;
            }
            _ => return,
        };
        self.copyfit_done((page, &id, part), action, result);
    }

    /// Enter on the headline line: the new headline here (empty: the again).
    pub(super) fn rewrite_headline(&mut self, page: u32, id: &str, part: u32, text: &str) {
        let result = self.makeup.rewrite_headline(page, id, part, text);
        self.copyfit_done((page, id, part), Action::Rewrite, result);
    }

    /// Says what a copyfit key did and the box's fit now, or why it was refused.
    fn copyfit_done(&mut self, (page, id, part): (u32, &str, u32), action: Action, result: Result<Outcome, Refusal>) {
        let outcome = match result {
            Ok(outcome) => outcome,
            Err(refusal) => return self.say(Status::Refused(refusal), Tone::Warning),
        };
        // The new part waits under the bin cursor, so `Tab` `Enter` places it (found from
        // outside: the cursor stayed on another story, which was placed instead).
        if action == Action::Continue {
            self.point_bin_at(id);
        }
        let Ok(here) = self.makeup.copyfit_here(page, id, part) else { return };
        let all_cut = here.whole_cut;
        let done = match action {
            Action::CutMore | Action::CutLess | Action::FitBox if all_cut => Copyfit::AllCut { chars: here.cut_chars },
            Action::CutMore | Action::CutLess | Action::FitBox => {
                Copyfit::Cut { sentences: here.cut, chars: here.cut_chars }
            }
            Action::HeadSmaller | Action::HeadLarger => Copyfit::HeadSize { size: here.head_size },
            Action::Continue => Copyfit::Continued { part: here.part + 1 },
            _ => Copyfit::Headline { restored: !here.rewritten },
        };
        // Done is said as done, the fit it leaves in the words (found from outside: `C` giving
        // back a sentence to an overset box carried the `!` of a refusal). Boxes pushed past
        // the foot and later parts left without copy are warned of.
        let sound = !outcome.warns() && !all_cut;
        let tone = if sound { Tone::Info } else { Tone::Warning };
        let besides = Besides::from(&outcome);
        self.say(Status::Copyfit { item: id.to_string(), done, fit: here.fit, empty: here.empty, besides }, tone);
    }
}
